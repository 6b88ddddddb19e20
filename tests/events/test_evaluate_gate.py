"""Evaluation gate: our events gold set must score at least the pinned minimums."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

from lagebild.events.evaluate import GOLD_PATH, evaluate_events
from tests.conftest import shared_path

GATE = Path(__file__).with_name("eval_gate.json")


def test_evaluate_gate(nlp: Language) -> None:
    data = shared_path("data", "quotes-de-news", "dev")
    gate = json.loads(GATE.read_text(encoding="utf-8"))
    scores = evaluate_events(nlp, GOLD_PATH, data)
    assert scores["documents"] >= 30 and scores["gold_events"] >= 60
    assert scores["type"]["f1"] >= gate["type_f1"]
    assert scores["type_actor_recipient"]["f1"] >= gate["type_actor_recipient_f1"]
    assert scores["date_accuracy"] >= gate["date_accuracy"]
    assert scores["location_accuracy"] >= gate["location_accuracy"]


def test_seed_article_events(nlp: Language, seed_path: Path) -> None:
    from lagebild.analysis import analyze_article
    from lagebild.read.text import parse_text_article

    events = analyze_article(nlp, parse_text_article(seed_path.read_text(encoding="utf-8")))[
        "events"
    ]
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
