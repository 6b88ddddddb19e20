"""Store de-duplicated events: one row per real happening in `event_clusters`, one row per
report (article evidence span) in `event_reports`. Called inside the article's transaction by
`database.store_analysis`, so a killed run leaves no half-merged event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from lagebild.events.dedup import add_report, event_key, new_record, same_happening
from lagebild.store import tables

# Statements built once: SQLAlchemy derives a cache key from every freshly built statement,
# which cost more than the SQL itself when it was done per event.
_SIMILAR = select(tables.event_clusters.c.pk, tables.event_clusters.c.data).where(
    tables.event_clusters.c.type == bindparam("etype"),
    tables.event_clusters.c.actor_key == bindparam("akey"),
    tables.event_clusters.c.recipient_key == bindparam("rkey"),
)
_NEW_CLUSTER = insert(tables.event_clusters)
# SET takes the columns named in the parameters (data, report_count, status, date)
_UPDATE_CLUSTER = update(tables.event_clusters).where(
    tables.event_clusters.c.pk == bindparam("cluster_pk")
)
_NEW_REPORTS = insert(tables.event_reports)


def store_event_clusters(connection: Connection, article_pk: int, analysis: dict[str, Any]) -> None:
    """Merge the article's events into `event_clusters` and add their reports (the reports in
    one multi-row insert at the end: nothing reads them back while the events are merged)."""
    article_id = analysis.get("article", {}).get("id")
    reports: list[dict[str, Any]] = []
    for event in analysis.get("events", []):
        etype, akey, rkey = event_key(event)
        rows = connection.execute(_SIMILAR, {"etype": etype, "akey": akey, "rkey": rkey}).all()
        target = next((r for r in rows if same_happening(r.data, event)), None)
        if target is None:
            record = new_record(event, article_id)
            result = connection.execute(
                _NEW_CLUSTER,
                {
                    "event_id": event["id"],
                    "type": etype,
                    "actor_key": akey,
                    "recipient_key": rkey,
                    "date": (event.get("date") or {}).get("value"),
                    "status": event.get("status"),
                    "report_count": 1,
                    "data": record,
                },
            )
            key = result.inserted_primary_key
            assert key is not None
            cluster_pk = int(key[0])
        else:
            record = add_report(dict(target.data), event, article_id)
            cluster_pk = int(target.pk)
            connection.execute(
                _UPDATE_CLUSTER,
                {
                    "cluster_pk": cluster_pk,
                    "data": record,
                    "report_count": record["report_count"],
                    "status": record.get("status"),
                    "date": (record.get("date") or {}).get("value"),
                },
            )
        ev = event.get("evidence") or {}
        reports.append(
            {
                "cluster_pk": cluster_pk,
                "article_pk": article_pk,
                "article_id": article_id,
                "start": ev.get("start"),
                "end": ev.get("end"),
                "text": ev.get("text"),
            }
        )
    if reports:
        connection.execute(_NEW_REPORTS, reports)


def stored_events(engine: Engine) -> Iterator[dict[str, Any]]:
    """The de-duplicated event records (input of `lagebild.events.plover.to_plover`)."""
    with engine.connect() as connection:
        for row in connection.execute(
            select(tables.event_clusters.c.data).order_by(tables.event_clusters.c.pk)
        ):
            yield dict(row.data)
