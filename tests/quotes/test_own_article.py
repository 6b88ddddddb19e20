"""An article we wrote ourselves (tests/quotes/data/own_article.txt: invented people, places
and wording) through the real pipeline. Different names, cue verbs and frames than the seed
article — proof that the attribution rules are general and nothing is special-cased:
a direct quote over two sentences, Konjunktiv continuation, a ", so X weiter" frame,
"laut einem Bericht des …" and "X zufolge" sources, an "an … gewandt" addressee, a
dass-clause and a "… . Dies bestätigte X." back-reference frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from lagebild.analysis import analyze_article
from lagebild.read.text import parse_text_article

ARTICLE = Path(__file__).parent / "data" / "own_article.txt"


@pytest.fixture(scope="module")
def analysis(nlp: Language) -> dict[str, Any]:
    return analyze_article(nlp, parse_text_article(ARTICLE.read_text(encoding="utf-8")))


def find(analysis: dict[str, Any], part: str) -> dict[str, Any]:
    hits = [q for q in analysis["quotes"] if part in q["text"]]
    assert len(hits) == 1, (part, [q["text"][:60] for q in analysis["quotes"]])
    return hits[0]


def speaker_cluster(analysis: dict[str, Any], q: dict[str, Any]) -> str:
    assert q["speaker"] is not None, q
    names = [e["name"] for e in analysis["entities"] if e["id"] == q["speaker"]["entity_id"]]
    assert names, (q, [e["name"] for e in analysis["entities"]])
    return str(names[0])


def test_direct_quote_over_two_sentences(analysis: dict[str, Any]) -> None:
    q = find(analysis, "leeren Versprechen")
    assert q["type"] == "direct"
    assert "fairen Lohn" in q["text"]  # the second sentence belongs to the same quote
    assert q["cue"]["text"] == "erklärte"
    assert "Martina Vogel" in speaker_cluster(analysis, q)


def test_konjunktiv_continuation_inherits_the_speaker(analysis: dict[str, Any]) -> None:
    q = find(analysis, "kein neues Angebot")
    assert q["type"] == "free_indirect"
    assert "jederzeit zu Gesprächen" in q["text"]  # consecutive sentences are one statement
    assert "Martina Vogel" in speaker_cluster(analysis, q)


def test_so_weiter_frame(analysis: dict[str, Any]) -> None:
    q = find(analysis, "Jeder Streiktag")
    assert q["type"] == "direct"
    assert "Henrik Albers" in speaker_cluster(analysis, q)


def test_laut_bericht_names_the_medium(analysis: dict[str, Any]) -> None:
    q = find(analysis, "vierzig Schiffe")
    assert q["type"] == "indirect"
    assert q["source"] is not None and q["source"]["text"] == "Regionalfernsehens"


def test_zufolge_frame(analysis: dict[str, Any]) -> None:
    q = find(analysis, "Lieferketten")
    assert q["type"] == "indirect"
    assert q["speaker"]["text"] == "Branchenkennern"
    assert q["cue"]["text"] == "zufolge"


def test_addressee_an_gewandt(analysis: dict[str, Any]) -> None:
    q = find(analysis, "Setzen Sie sich")
    assert q["type"] == "direct"
    assert "Jonas Petersen" in speaker_cluster(analysis, q)
    assert q["addressee"] is not None and q["addressee"]["text"] == "die Tarifparteien"


def test_dass_clause_with_pronoun_speaker(analysis: dict[str, Any]) -> None:
    q = find(analysis, "als Vermittlerin")
    assert q["type"] == "indirect" and q["text"].startswith("dass")
    assert q["cue"]["text"] == "betonte"
    assert "Jonas Petersen" in speaker_cluster(analysis, q)


def test_dies_bestaetigte_points_back(analysis: dict[str, Any]) -> None:
    q = find(analysis, "nach Rotterdam")
    assert q["type"] == "indirect"
    assert q["cue"]["text"] == "bestätigte"
    assert "Sprecher" in q["speaker"]["text"]
    assert q["speaker"]["start"] > q["end"]  # the demonstrative is not the speaker


def test_reported_demand(analysis: dict[str, Any]) -> None:
    q = find(analysis, "zur Rückkehr")
    assert q["type"] == "reported"
    assert "Jonas Petersen" in speaker_cluster(analysis, q)
