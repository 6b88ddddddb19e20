"""The event scorer: matching by trigger, then by sentence; parties by code and sector."""

from __future__ import annotations

from typing import Any

from lagebild.events.evaluate import match_events, party_error


def _pred(
    start: int, etype: str, actor: str | None = None, sent: tuple[int, int] = (0, 100)
) -> dict[str, Any]:
    party = {"code": actor, "sector": "GOV"} if actor else None
    return {
        "type": etype,
        "trigger": {"start": start, "end": start + 5},
        "evidence": {"start": sent[0], "end": sent[1]},
        "actor": party,
        "recipient": None,
    }


def _gold(start: int, etype: str, actor: str | None = None) -> dict[str, Any]:
    party = {"code": actor, "sector": None} if actor else None
    return {"start": start, "end": start + 5, "type": etype, "actor": party, "recipient": None}


def test_trigger_overlap_first_then_same_sentence() -> None:
    golds = [_gold(10, "CONSULT"), _gold(40, "SANCTION")]
    preds = [_pred(60, "SANCTION"), _pred(10, "CONSULT"), _pred(300, "SANCTION", sent=(200, 400))]
    pairs = match_events(golds, preds)
    assert [(g["start"], p["trigger"]["start"]) for g, p in pairs] == [(10, 10), (40, 60)]


def test_type_must_match_and_one_to_one() -> None:
    golds = [_gold(10, "ACCUSE"), _gold(30, "ACCUSE")]
    preds = [_pred(10, "REJECT"), _pred(12, "ACCUSE")]
    pairs = match_events(golds, preds)
    assert len(pairs) == 1 and pairs[0][0]["start"] == 10


def test_prediction_with_right_parties_preferred() -> None:
    golds = [_gold(50, "ASSAULT", actor="RUS")]
    preds = [_pred(10, "ASSAULT", actor="UKR"), _pred(80, "ASSAULT", actor="RUS")]
    (pair,) = match_events(golds, preds)
    assert pair[1]["actor"]["code"] == "RUS"


def test_party_errors() -> None:
    usa_gov = {"code": "USA", "sector": "GOV"}
    assert party_error(None, {"code": "USA"}) == "open"
    assert party_error(usa_gov, None) == "missing"
    assert party_error(usa_gov, {"code": "CAN", "sector": "GOV"}) == "code"
    assert party_error(usa_gov, {"code": "USA", "sector": "MIL"}) == "sector"
    assert party_error({"code": "USA", "sector": None}, {"code": "USA", "sector": "MIL"}) == "ok"
    assert party_error({"code": "UN", "sector": None}, {"code": "WHO", "sector": "IGO"}) == "ok"
