"""The shipped NER model: loads fast, carries its own tok2vec, can be sourced, finds names.

Sentences are our own. GermEval numbers are checked only on ../shared data, skipped if absent.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from lagebild.nlp.evaluate_ner import LABELS, evaluate_ner
from lagebild.nlp.pipeline import load, share_vectors

MODEL = Path(__file__).resolve().parents[2] / "src" / "lagebild" / "models" / "de_lagebild_ner"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ner-de"

pytestmark = pytest.mark.skipif(not (MODEL / "meta.json").exists(),
                                reason=f"NER weights not built at {MODEL}")


@pytest.fixture(scope="module")
def ner_nlp() -> Language:
    return spacy.load(MODEL)


def test_loads_quickly() -> None:
    start = time.perf_counter()
    spacy.load(MODEL)
    assert time.perf_counter() - start < 3.0  # target 1.5 s; slack for a busy test machine


def test_labels_and_own_tok2vec(ner_nlp: Language) -> None:
    assert ner_nlp.pipe_names == ["ner"]
    assert set(ner_nlp.get_pipe("ner").labels) == set(LABELS)  # type: ignore[attr-defined]
    tok2vec = ner_nlp.get_pipe("ner").model.get_ref("tok2vec")  # type: ignore[attr-defined]
    assert "listener" not in tok2vec.name.lower()


def test_weights_are_small() -> None:
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size < 25 * 1024 * 1024


def test_can_be_sourced_into_another_pipeline(ner_nlp: Language) -> None:
    host = spacy.blank("de")
    host.add_pipe("sentencizer")
    share_vectors(host, ner_nlp)  # the NER's static vectors are read from the host's vocab
    host.add_pipe("ner", source=ner_nlp)
    doc = host("Gestern besuchte Jana Hoffmann das Rathaus in Leipzig.")
    assert {(e.text, e.label_) for e in doc.ents} & {("Jana Hoffmann", "PER"), ("Leipzig", "LOC")}


def test_full_pipeline_predicts_like_the_model_alone(ner_nlp: Language) -> None:
    """The assembled language layer (core + sourced NER) must see the NER's vectors."""
    full = load(stages=False)
    assert full.vocab.vectors.shape == ner_nlp.vocab.vectors.shape
    texts = ["Gestern besuchte Jana Hoffmann das Rathaus in Leipzig.",
             "Nach Angaben von Siemens sollen in Erlangen 300 Stellen wegfallen, sagte "
             "Betriebsratschef Klaus Obermeier der Süddeutschen Zeitung."]
    for text in texts:
        doc = full(text)
        alone = ner_nlp(text)  # same tokenizer rules, so the same tokens and NORMs
        assert [t.text for t in doc] == [t.text for t in alone]
        assert [(e.start, e.end, e.label_) for e in doc.ents] == [
            (e.start, e.end, e.label_) for e in alone.ents]
        assert doc.ents


@pytest.mark.parametrize(
    ("text", "entity", "label"),
    [
        ("Der Bürgermeister von Hamburg sprach am Montag mit Journalisten.", "Hamburg", "LOC"),
        ("Nach Angaben von Siemens sollen 300 Stellen wegfallen.", "Siemens", "ORG"),
        ("Wie Thomas Becker mitteilte, ist die Straße wieder frei.", "Thomas Becker", "PER"),
        ("Die Regierung in Frankreich kündigte neue Gespräche an.", "Frankreich", "LOC"),
    ],
)
def test_finds_plain_names(ner_nlp: Language, text: str, entity: str, label: str) -> None:
    doc = ner_nlp(text)
    assert (entity, label) in {(e.text, e.label_) for e in doc.ents}


def test_germeval_dev_slice_scores(ner_nlp: Language, tmp_path: Path) -> None:
    """Sanity floor on real data (the dev file is mostly training data, so this is lenient)."""
    path = SHARED / "germeval2014" / "NER-de-dev.tsv"
    if not path.exists():
        pytest.skip(f"GermEval 2014 dev not found at {path} (../shared beside the repo)")
    blocks = path.read_text(encoding="utf-8").split("\n\n")[:200]
    sample = tmp_path / "slice.tsv"
    sample.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    result = evaluate_ner(ner_nlp, sample)
    assert result["sentences"] == 200
    assert result["f1"] > 0.6
