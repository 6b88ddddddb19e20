"""PLOVER JSON records from lagebild's stored, de-duplicated events.

`to_plover(record)` takes one row of the `event_clusters` table as a dict (see
`lagebild.store.events.stored_events`): keys `id`, `type`, `mode`, `status`, `actor`,
`recipient` (schema participant dicts or None), `location`, `date` (`{value, precision}`),
`context`, `evidence` (list of `{article_id, start, end, text}`), `articles`, `report_count`.
`iter_plover_events(engine)` yields the records of all stored events.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

# PLOVER's event_scale (Goldstein-like, −10…+10): a rough value per type.
EVENT_SCALE = {
    "AGREE": 4.0,
    "CONSULT": 1.0,
    "SUPPORT": 3.0,
    "CONCEDE": 5.0,
    "COOPERATE": 6.0,
    "AID": 7.0,
    "RETREAT": 5.0,
    "REQUEST": -1.0,
    "ACCUSE": -2.0,
    "REJECT": -4.0,
    "THREATEN": -6.0,
    "PROTEST": -6.5,
    "SANCTION": -7.0,
    "MOBILIZE": -7.5,
    "COERCE": -8.0,
    "ASSAULT": -10.0,
}


def _party(party: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not party:
        return []
    ident = party.get("entity_id")
    return [
        {
            "code": party.get("code") or "",
            "sector": party.get("sector") or "",
            "entity_text": party.get("text") or party.get("name") or "",
            "identifier_id": ident if ident and not str(ident).startswith("L-") else None,
        }
    ]


def to_plover(record: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER record (plus lagebild's `status`, `report_count`, `articles`)."""
    loc = record.get("location")
    date = record.get("date") or {}
    evidence = record.get("evidence") or []
    return {
        "id": record["id"],
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "event": record["type"],
        "mode": record.get("mode") or "",
        "actor": _party(record.get("actor")),
        "recipient": _party(record.get("recipient")),
        "event_loc": {
            k: loc.get(k) for k in ("name", "country", "admin1", "lat", "lon", "geonameid")
        }
        if loc
        else None,
        "context": list(record.get("context") or []),
        "event_scale": EVENT_SCALE.get(record["type"], 0.0),
        "text_info": [e.get("text", "") for e in evidence],
        "status": record.get("status"),
        "report_count": record.get("report_count", len(evidence)),
        "articles": list(record.get("articles") or []),
    }


def iter_plover_events(engine: Engine) -> Iterator[dict[str, Any]]:
    """PLOVER records of all de-duplicated events in a lagebild database."""
    from lagebild.store.events import stored_events

    for record in stored_events(engine):
        yield to_plover(record)
