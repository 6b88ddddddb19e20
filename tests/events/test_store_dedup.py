"""Two reports of one meeting (our own texts) store as one event with two reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lagebild.events.plover import iter_plover_events
from lagebild.store.database import open_database, store_analysis


def _analysis(
    article_id: str, text: str, date: str, place: dict[str, Any] | None
) -> dict[str, Any]:
    event = {
        "id": f"{article_id}-CONSULT-0",
        "type": "CONSULT",
        "mode": "visit",
        "status": "happened",
        "actor": {
            "entity_id": "lagebild:country:FRA",
            "text": "Paris",
            "code": "FRA",
            "sector": "GOV",
            "name": "Frankreich",
        },
        "recipient": {
            "entity_id": "lagebild:country:ITA",
            "text": "Rom",
            "code": "ITA",
            "sector": "GOV",
            "name": "Italien",
        },
        "location": place,
        "date": {"value": date, "precision": "day" if len(date) == 10 else "month", "text": None},
        "context": ["diplomatic"],
        "evidence": {"start": 0, "end": len(text), "text": text},
        "trigger": {"start": 0, "end": 5, "text": text[:5]},
        "confidence": 0.8,
    }
    return {
        "article": {
            "id": article_id,
            "title": None,
            "teaser": None,
            "date": date,
            "source": None,
            "url": None,
            "credits": [],
            "language": "de",
            "text": text,
            "blocks": [],
        },
        "sentences": [],
        "entities": [],
        "quotes": [],
        "events": [event],
    }


def test_two_reports_one_event(tmp_path: Path) -> None:
    engine = open_database(str(tmp_path / "t.db"))
    rome = {
        "name": "Rome",
        "country": "ITA",
        "admin1": "07",
        "lat": 41.9,
        "lon": 12.5,
        "geonameid": 3169070,
        "text": "Rom",
    }
    a = _analysis(
        "a1", "Die französische Außenministerin besuchte am Dienstag Rom.", "2031-05-06", rome
    )
    b = _analysis("b2", "Frankreichs Chefdiplomatin war in Rom zu Gast.", "2031-05", None)
    c = _analysis("c3", "Ein Besuch in Rom ist für den Herbst geplant.", "2031-10", rome)
    for i, analysis in enumerate((a, b, c)):
        assert store_analysis(engine, analysis, f"hash{i}").stored
    records = list(iter_plover_events(engine))
    assert len(records) == 2
    merged = records[0]
    assert merged["report_count"] == 2 and merged["articles"] == ["a1", "b2"]
    assert merged["date"] == "2031-05-06" and merged["event_loc"]["geonameid"] == 3169070
    assert merged["actor"][0]["code"] == "FRA" and merged["event"] == "CONSULT"
    assert merged["status"] == "happened" and len(merged["text_info"]) == 2


def test_partyless_reports_stay_apart(tmp_path: Path) -> None:
    """Same type, date and place but no known party: nothing ties the reports together, in the
    database and in the clustering the Spark job uses."""
    from lagebild.events.dedup import cluster_reports

    engine = open_database(str(tmp_path / "t.db"))
    analyses = [
        _analysis("p1", "In Rom demonstrierten am Samstag Tausende.", "2031-05-10", None),
        _analysis("p2", "Auch in Rom gingen Menschen auf die Straße.", "2031-05-10", None),
    ]
    for analysis in analyses:
        event = analysis["events"][0]
        event["type"], event["actor"], event["recipient"] = "PROTEST", None, None
    for i, analysis in enumerate(analyses):
        assert store_analysis(engine, analysis, f"hash{i}").stored
    records = list(iter_plover_events(engine))
    assert [r["report_count"] for r in records] == [1, 1]
    clusters = cluster_reports([(a["article"]["id"], a["events"][0]) for a in analyses])
    assert len(clusters) == 2
