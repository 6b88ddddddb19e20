"""Cross-article de-duplication: one real happening reported by many outlets is one event.

Two event records are the same happening when: same type; same actor and recipient (KB id,
else country+sector; parties unordered for CONSULT/AGREE/COOPERATE), at least one of them
known; date intervals that overlap after widening by `window_days`; compatible places (either
unknown, same geonameid, or same country).

An event with neither party known is never merged: type, date and place alone would fold
every partyless protest of a month into one, and their shared empty key would make each new
report compare against all earlier ones (quadratic over an archive).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from lagebild.events.dates import date_interval
from lagebild.events.lexicon import SYMMETRIC_TYPES

WINDOW_DAYS = 3


def party_key(party: dict[str, Any] | None) -> str:
    """KB id of a participant (ids from the KB start with "Q" or "lagebild:"), else code+sector."""
    if not party:
        return ""
    ident = party.get("entity_id") or ""
    if ident and not ident.startswith("L-"):
        return str(ident)
    if party.get("code"):
        return f"{party['code']}:{party.get('sector') or ''}"
    return ""


def event_key(event: dict[str, Any]) -> tuple[str, str, str]:
    """(type, actor key, recipient key); symmetric types sort the parties."""
    a, r = party_key(event.get("actor")), party_key(event.get("recipient"))
    if event["type"] in SYMMETRIC_TYPES and a and r:
        a, r = min(a, r), max(a, r)
    return event["type"], a, r


def dates_compatible(
    a: dict[str, Any] | None, b: dict[str, Any] | None, window_days: int = WINDOW_DAYS
) -> bool:
    """Date intervals overlap once widened by `window_days` (unknown dates are compatible)."""
    if not a or not b:
        return True
    ia, ib = date_interval(a["value"]), date_interval(b["value"])
    if ia is None or ib is None:
        return True
    pad = timedelta(days=window_days)
    return ia[0] - pad <= ib[1] and ib[0] - pad <= ia[1]


def places_compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Unknown, same GeoNames id, or (when one is only a country) the same country."""
    if not a or not b:
        return True
    if (
        a.get("geonameid")
        and b.get("geonameid")
        and a.get("lat") is not None
        and b.get("lat") is not None
    ):
        return bool(a["geonameid"] == b["geonameid"])
    return a.get("country") == b.get("country")


def has_parties(key: tuple[str, str, str]) -> bool:
    """Whether an `event_key` names at least one party (only such events are merged)."""
    return bool(key[1] or key[2])


def same_happening(a: dict[str, Any], b: dict[str, Any], window_days: int = WINDOW_DAYS) -> bool:
    """Whether two event dicts (schema or stored form) describe one happening."""
    key = event_key(a)
    return (
        has_parties(key)
        and key == event_key(b)
        and dates_compatible(a.get("date"), b.get("date"), window_days)
        and places_compatible(a.get("location"), b.get("location"))
    )


def merge_into(stored: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """Fold a new report into a stored event: keep the more precise date and place, the most
    factual status, and the highest confidence."""
    out = dict(stored)
    order = {"day": 3, "month": 2, "year": 1}
    sd, ed = stored.get("date"), event.get("date")
    if ed and (not sd or order.get(ed["precision"], 0) > order.get(sd["precision"], 0)):
        out["date"] = ed
    sl, el = stored.get("location"), event.get("location")
    if el and (not sl or (el.get("lat") is not None and sl.get("lat") is None)):
        out["location"] = el
    rank = ["happened", "announced", "planned", "speculated", "demanded", "hypothetical", "negated"]
    statuses = [s for s in (stored.get("status"), event.get("status")) if s in rank]
    if statuses:
        out["status"] = min(statuses, key=rank.index)
    out["confidence"] = max(stored.get("confidence", 0), event.get("confidence", 0))
    out["context"] = sorted(set(stored.get("context", [])) | set(event.get("context", [])))
    return out


RECORD_KEYS = (
    "type",
    "mode",
    "status",
    "actor",
    "recipient",
    "location",
    "date",
    "context",
    "confidence",
)


def new_record(event: dict[str, Any], article_id: str | None) -> dict[str, Any]:
    """A de-duplicated event record started by its first report."""
    record = {key: event.get(key) for key in RECORD_KEYS}
    evidence = dict(event.get("evidence") or {}, article_id=article_id)
    record.update(id=event["id"], evidence=[evidence], articles=[article_id], report_count=1)
    return record


def add_report(
    record: dict[str, Any], event: dict[str, Any], article_id: str | None
) -> dict[str, Any]:
    """The record with one more report of the same happening folded in."""
    merged = merge_into(dict(record), event)
    evidence = dict(event.get("evidence") or {}, article_id=article_id)
    merged["evidence"] = [*record.get("evidence", []), evidence]
    articles = list(record.get("articles", []))
    if article_id not in articles:
        articles.append(article_id)
    merged["articles"] = articles
    merged["report_count"] = len(articles)
    return merged


def cluster_reports(reports: list[tuple[str | None, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Cluster (article id, event) reports in the given order: each joins the first earlier
    record describing the same happening, else starts a new one — the rule the database
    applies on store, usable where events are not stored one by one (Spark)."""
    clusters: list[dict[str, Any]] = []
    for article_id, event in reports:
        index = None
        if has_parties(event_key(event)):
            index = next((i for i, c in enumerate(clusters) if same_happening(c, event)), None)
        if index is None:
            clusters.append(new_record(event, article_id))
        else:
            clusters[index] = add_report(clusters[index], event, article_id)
    return clusters
