"""The shipped core model: components, order, meta, size, and sane output on our sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from lagebild.nlp.pipeline import CORE_MODEL

CORE_PIPES = ["tok2vec", "tagger", "morphologizer", "parser", "lagebild_lemmatizer",
              "lagebild_mood"]


@pytest.fixture(scope="module")
def core(nlp: Language) -> Language:
    if not CORE_MODEL.exists():
        pytest.skip("the trained core model is not installed under lagebild/models/")
    return nlp


def test_core_components_in_order(core: Language) -> None:
    names = [n for n in core.pipe_names if n in CORE_PIPES]
    assert names == CORE_PIPES
    assert core.pipe_names.index("lagebild_sentences") < core.pipe_names.index("tok2vec")


def test_meta_states_licence_and_sources() -> None:
    import json

    meta = json.loads((CORE_MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    assert {"UD German-GSD", "UD German-PUD"} <= {s["name"] for s in meta["sources"]}
    assert (CORE_MODEL / "MODEL_CARD.md").exists()


def test_model_is_small() -> None:
    size = sum(p.stat().st_size for p in Path(CORE_MODEL).rglob("*") if p.is_file())
    assert size <= 20 * 1024 * 1024


def test_tags_morph_and_parse(core: Language) -> None:
    doc = core("Die neue Regierung hat gestern einen Plan für die Schulen vorgestellt.")
    pos = {t.text: t.pos_ for t in doc}
    assert pos["Regierung"] == "NOUN" and pos["neue"] == "ADJ" and pos["vorgestellt"] == "VERB"
    assert pos["Die"] == "DET" and pos["für"] == "ADP" and pos["."] == "PUNCT"
    assert doc[1].tag_ == "ADJA" and doc[2].tag_ == "NN"
    assert doc[2].morph.get("Case") == ["Nom"] and doc[2].morph.get("Number") == ["Sing"]
    roots = [t for t in doc if t.dep_ == "ROOT"]
    assert len(roots) == 1
    assert doc[2].dep_ == "nsubj" and doc[2].head.text == "vorgestellt"
    assert doc[4].dep_ in ("advmod", "obl")


@pytest.mark.parametrize(
    "text,form,lemma",
    [
        ("Die Häuser am Fluss wurden verkauft.", "Häuser", "Haus"),
        ("Die Häuser am Fluss wurden verkauft.", "am", "an"),
        ("Die Häuser am Fluss wurden verkauft.", "wurden", "werden"),
        ("Er ging gestern zum Bahnhof.", "ging", "gehen"),
        ("Er ging gestern zum Bahnhof.", "zum", "zu"),
        ("Sie hatten keine größeren Probleme.", "größeren", "groß"),
        ("Habe ich das richtig verstanden?", "Habe", "haben"),
        ("Die Minister trafen sich in Brüssel.", "Brüssel", "Brüssel"),
    ],
)
def test_lemmas(core: Language, text: str, form: str, lemma: str) -> None:
    doc = core(text)
    token = next(t for t in doc if t.text == form)
    assert token.lemma_ == lemma
