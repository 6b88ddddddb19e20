"""The real pipeline (trained core model, NER when present, shipped KB) on whole articles:
the seed article from ../shared and an article written for this test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.nlp.pipeline import CORE_MODEL, STAGE_PIPES
from lagebild.read.article import Article
from tests.conftest import shared_path

HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.skipif(
    not CORE_MODEL.exists(), reason="needs the trained core model (tags, morphology, parse)"
)


def _run(nlp: Language, text: str, date: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, date=date)
    return nlp(doc)


def _by_kb(doc: Doc) -> dict[str | None, Any]:
    return {c.kb_id: c for c in doc._.entities if c.kb_id}


def _named(doc: Doc, fragment: str) -> Any:
    found = [c for c in doc._.entities if fragment in c.name]
    assert found, f"no cluster named like {fragment!r}: {[c.name for c in doc._.entities]}"
    return found[0]


def _texts(cluster: Any, kind: str | None = None) -> list[str]:
    return [m.text for m in cluster.mentions if kind is None or m.kind == kind]


def test_entities_stage_is_registered_before_quotes() -> None:
    modules = [module for module, _ in STAGE_PIPES]
    assert "lagebild.entities.component" in modules
    names = [factory for _, factory in STAGE_PIPES]
    if "lagebild_quotes" in names:
        assert names.index("lagebild_entities") < names.index("lagebild_quotes")


@pytest.fixture(scope="module")
def seed_doc(nlp: Language) -> Doc:
    text = shared_path("seed", "article.txt").read_text(encoding="utf-8")
    return _run(nlp, text, "2023-09")


def test_seed_heads_of_state_are_single_clusters(seed_doc: Doc) -> None:
    putin = _named(seed_doc, "Putin")
    assert len(putin.mentions) >= 8
    texts = _texts(putin)
    assert any(t == "Kreml-Chef Putin" for t in texts)
    assert any(t == "Der russische Präsident" for t in texts)
    assert putin.country == "RUS" and putin.sector == "GOV" and putin.type == "PER"
    kim = _named(seed_doc, "Kim Jong")
    assert len(kim.mentions) >= 8
    texts = _texts(kim)
    assert "der nordkoreanische Staatschef" in texts
    assert any(t.endswith("Diktator Kim") for t in texts)
    assert any(t.lower() == "er" for t in _texts(kim, "pronoun"))
    assert kim.country == "PRK"
    assert len([c for c in seed_doc._.entities if "Putin" in c.name]) == 1
    assert len([c for c in seed_doc._.entities if "Kim" in c.name]) == 1


def test_seed_ministers_agency_and_places(seed_doc: Doc) -> None:
    lawrow = _named(seed_doc, "Lawrow")
    schoigu = _named(seed_doc, "Schoigu")
    for person in (lawrow, schoigu):
        assert person.type == "PER" and person.country == "RUS" and person.offices
    assert any("Außenminister" in o for o in lawrow.offices)
    assert any("Verteidigungsminister" in o for o in schoigu.offices)
    interfax = _named(seed_doc, "Interfax")
    assert interfax.sector == "JRN" and interfax.type == "ORG"
    countries = {c.country for c in seed_doc._.entities if c.kind == "country"}
    assert {"RUS", "PRK", "UKR"} <= countries
    crimea = _named(seed_doc, "Krim")
    assert crimea.type == "LOC" and crimea.country == "UKR"
    wostotschny = _named(seed_doc, "Wostotschny")
    assert wostotschny.type == "LOC" and wostotschny.kind != "country"
    russia = [c for c in seed_doc._.entities if c.kind == "country" and c.country == "RUS"][0]
    assert any(m.kind == "metonym" and m.sector == "GOV" for m in russia.mentions)


@pytest.fixture(scope="module")
def paris_doc(nlp: Language) -> Doc:
    text = (HERE / "data" / "article_paris.txt").read_text(encoding="utf-8")
    return _run(nlp, text, "2023-06")


def test_own_article_roles_titles_and_pronouns(paris_doc: Doc) -> None:
    clusters = _by_kb(paris_doc)
    scholz = clusters["Q61053"]
    assert {"Bundeskanzler Olaf Scholz", "Der Kanzler", "Er"} <= set(_texts(scholz))
    assert "Bundeskanzler" in scholz.offices and scholz.country == "DEU"
    macron = clusters["Q3052772"]
    assert {
        "dem französischen Präsidenten Emmanuel Macron",
        "Der französische Präsident",
        "Frankreichs Staatschef",
    } <= set(_texts(macron))
    assert len([m for m in macron.mentions if m.text == "Macron"]) == 2
    baerbock = _named(paris_doc, "Baerbock")
    assert {"Außenministerin Annalena Baerbock", "Sie", "Baerbock"} <= set(_texts(baerbock))
    dubois = _named(paris_doc, "Dubois")
    assert dubois.kb_id is None and dubois.id.startswith("L-")
    assert {"Regierungssprecherin Claire Dubois", "Dubois", "sie"} <= set(_texts(dubois))
    assert dubois.offices == ["Regierungssprecherin"]


def test_own_article_places_metonyms_and_media(paris_doc: Doc) -> None:
    paris = [c for c in paris_doc._.entities if c.name == "Paris"]
    assert paris and paris[0].kind == "city" and paris[0].country == "FRA"
    assert _texts(paris[0]) == ["Paris"]  # "in Paris" is the place ...
    france = [c for c in paris_doc._.entities if c.kind == "country" and c.country == "FRA"][0]
    assert ("Paris", "metonym") in [(m.text, m.kind) for m in france.mentions]  # ... "Paris sei"
    germany = [c for c in paris_doc._.entities if c.kind == "country" and c.country == "DEU"][0]
    assert [(m.text, m.sector) for m in germany.mentions] == [("Berlin", "GOV")]
    reuters = _named(paris_doc, "Reuters")
    assert reuters.sector == "JRN"
    kuleba = _named(paris_doc, "Kuleba")
    assert kuleba.country == "UKR"
    data = [c.to_dict() for c in paris_doc._.entities]
    starts = [d["mentions"][0]["start"] for d in data]
    assert starts == sorted(starts)
