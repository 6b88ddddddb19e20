"""The seed article (`../shared/seed/article.txt`, skipped when absent) through the real
pipeline: the events its story is about. Kept apart from the dev evaluation gate so that it
runs wherever the seed article is present."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language


@pytest.fixture(scope="module")
def events(nlp: Language, seed_path: Path) -> list[dict[str, Any]]:
    from lagebild.analysis import analyze_article
    from lagebild.read.text import parse_text_article

    found: list[dict[str, Any]] = analyze_article(
        nlp, parse_text_article(seed_path.read_text(encoding="utf-8"))
    )["events"]
    return found


def test_seed_article_events(events: list[dict[str, Any]]) -> None:
    consult = [
        e
        for e in events
        if e["type"] == "CONSULT"
        and (e["actor"] or {}).get("code") == "PRK"
        and (e["recipient"] or {}).get("code") == "RUS"
        and e["status"] == "happened"
    ]
    assert consult and consult[0]["location"] and consult[0]["location"]["country"] == "RUS"
    assert consult[0]["date"]["value"] == "2023-09"
    assert any(e["type"] == "AGREE" and e["status"] == "announced" for e in events)
    assert any(
        e["type"] == "AID" and e["status"] == "speculated" and e["recipient"] for e in events
    )
    assert any(
        e["type"] == "ASSAULT"
        and e["recipient"]["code"] == "UKR"
        and e["date"]["value"] == "2022-02"
        for e in events
        if e["recipient"]
    )


def test_seed_article_naming_is_no_accusation(events: list[dict[str, Any]]) -> None:
    """A head of state calling a meeting a springboard for closer ties reproaches no one
    (label valence, `events/labels.py`), while Kim's support for Russia stays."""
    assert not [e for e in events if e["type"] == "ACCUSE"], [
        (e["trigger"], e["evidence"]) for e in events if e["type"] == "ACCUSE"
    ]
    assert any(
        e["type"] == "SUPPORT"
        and (e["actor"] or {}).get("code") == "PRK"
        and (e["recipient"] or {}).get("code") == "RUS"
        for e in events
    )
