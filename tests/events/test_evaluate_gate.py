"""Evaluation gate: our events gold set must score at least the pinned minimums (the seed
article's events are checked in `test_component_seed_article.py`)."""

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
