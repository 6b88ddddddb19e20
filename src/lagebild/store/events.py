"""Store de-duplicated events: one row per real happening in `event_clusters`, one row per
report (article evidence span) in `event_reports`. Called inside the article's transaction by
`database.store_analysis`, so a killed run leaves no half-merged event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from lagebild.events.dedup import add_report, event_key, has_parties, new_record, same_happening
from lagebild.store import driver, tables

# Statements built once and run on the DBAPI cursor (`driver`): SQLAlchemy's per-execute work
# cost more than the SQL itself when it was done per event.
_SIMILAR = driver.Statement(
    select(tables.event_clusters.c.pk, tables.event_clusters.c.data).where(
        tables.event_clusters.c.type == bindparam("etype"),
        tables.event_clusters.c.actor_key == bindparam("akey"),
        tables.event_clusters.c.recipient_key == bindparam("rkey"),
    )
)
_NEW_CLUSTER = driver.Statement(insert(tables.event_clusters), returning_pk="pk")
# SET takes the columns named in the parameters (data, report_count, status, date)
_UPDATE_CLUSTER = driver.Statement(
    update(tables.event_clusters).where(tables.event_clusters.c.pk == bindparam("cluster_pk"))
)
_NEW_REPORTS = driver.Statement(insert(tables.event_reports))


def store_event_clusters(connection: Connection, article_pk: int, analysis: dict[str, Any]) -> None:
    """Merge the article's events into `event_clusters` and add their reports (the reports in
    one multi-row insert at the end: nothing reads them back while the events are merged)."""
    article_id = analysis.get("article", {}).get("id")
    load = driver.result_processor(tables.event_clusters.c.data, connection.dialect)
    reports: list[dict[str, Any]] = []
    for event in analysis.get("events", []):
        etype, akey, rkey = event_key(event)
        target = _same_happening(connection, load, event, (etype, akey, rkey))
        if target is None:
            record = new_record(event, article_id)
            cluster_pk = driver.insert_one(
                connection,
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
        else:
            cluster_pk, data = target
            record = add_report(dict(data), event, article_id)
            driver.run(
                connection,
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
        driver.run_many(connection, _NEW_REPORTS, reports)


def _same_happening(
    connection: Connection,
    load: driver.Processor | None,
    event: dict[str, Any],
    key: tuple[str, str, str],
) -> tuple[int, Any] | None:
    """(pk, data) of the first stored cluster with the event's key that describes the same
    happening, in the order the database returns them; each row's JSON is decoded only when
    it is compared (the rows after the match are never looked at)."""
    if not has_parties(key):
        return None  # never merged (events.dedup): no need to read the growing partyless rows
    etype, akey, rkey = key
    rows = driver.fetch_all(connection, _SIMILAR, {"etype": etype, "akey": akey, "rkey": rkey})
    for pk, stored in rows:
        data = stored if load is None else load(stored)
        if same_happening(data, event):
            return int(pk), data
    return None


def stored_events(engine: Engine) -> Iterator[dict[str, Any]]:
    """The de-duplicated event records (input of `lagebild.events.plover.to_plover`)."""
    with engine.connect() as connection:
        for row in connection.execute(
            select(tables.event_clusters.c.data).order_by(tables.event_clusters.c.pk)
        ):
            yield dict(row.data)
