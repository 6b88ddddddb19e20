"""Storing analyses: SQLite by default, any SQLAlchemy URL (PostgreSQL) by `--db URL`.

Each article is written in one transaction, keyed by its content hash: re-running the same
input stores nothing twice, and a run killed halfway leaves no half-written article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    event,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError

from lagebild.store import driver, fts, tables
from lagebild.store.events import store_event_clusters
from lagebild.store.tables import SCHEMA_VERSION, metadata


class SchemaVersionError(RuntimeError):
    """The database was written by an incompatible lagebild version."""


@dataclass
class StoreResult:
    """What happened to one article: stored, or skipped because its hash was known."""

    stored: bool
    article_pk: int


def database_url(target: str) -> str:
    """A bare path means SQLite; anything with `://` is a SQLAlchemy URL. Plain
    `postgresql://` uses psycopg 3 (the driver lagebild depends on) unless psycopg2 is there."""
    if "://" not in target:
        return f"sqlite:///{target}"
    if target.startswith(("postgresql://", "postgres://")):
        try:
            import psycopg2  # noqa: F401
        except ImportError:
            return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


def open_database(target: str) -> Engine:
    """Connect, create the tables if needed, and check the schema version."""
    engine = create_engine(database_url(target), future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    metadata.create_all(engine)
    _add_missing_columns(engine)
    with engine.begin() as connection:
        _check_version(connection)
    fts.setup(engine)
    return engine


# columns added after schema version 1 shipped: nullable, so older readers are unaffected
_ADDED_COLUMNS = {"articles": {"medium": "VARCHAR(255)"}}


def _add_missing_columns(engine: Engine) -> None:
    """Bring a database created by an earlier lagebild up to the current columns, in place."""
    inspector = inspect(engine)
    for table, columns in _ADDED_COLUMNS.items():
        present = {c["name"] for c in inspector.get_columns(table)}
        for name, sql_type in columns.items():
            if name not in present:
                with engine.begin() as connection:
                    connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} {sql_type}"))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")  # readers (API) and a writer (ingest) share it
    cursor.close()
    fts.register_sqlite_functions(dbapi_connection)


def _check_version(connection: Connection) -> None:
    row = connection.execute(
        select(tables.lagebild_meta.c.value).where(tables.lagebild_meta.c.key == "schema_version")
    ).first()
    if row is None:
        connection.execute(
            insert(tables.lagebild_meta).values(key="schema_version", value=str(SCHEMA_VERSION))
        )
    elif int(row[0]) != SCHEMA_VERSION:
        raise SchemaVersionError(
            f"database schema version {row[0]} != {SCHEMA_VERSION} expected by this lagebild"
        )


def store_analysis(engine: Engine, analysis: dict[str, Any], content_hash: str) -> StoreResult:
    """Store one analysis in one transaction unless an article with this hash exists (the
    hash is looked up inside that transaction: one connection checkout per article)."""
    try:
        with engine.begin() as connection:
            known = _article_pk(connection, content_hash)
            if known is not None:
                return StoreResult(stored=False, article_pk=known)
            pk = _insert_article(connection, analysis, content_hash)
            _insert_children(connection, pk, analysis)
            store_event_clusters(connection, pk, analysis)
            fts.index_article(connection, pk)
    except IntegrityError:
        # another worker stored the same content between our check and our insert
        known = find_article(engine, content_hash)
        if known is None:
            raise
        return StoreResult(stored=False, article_pk=known)
    return StoreResult(stored=True, article_pk=pk)


# Statements built once per process and run on the DBAPI cursor (`driver`: SQLAlchemy's
# per-execute work cost more CPU than SQLite's for these small statements)
_FIND_ARTICLE = driver.Statement(
    select(tables.articles.c.pk).where(tables.articles.c.content_hash == bindparam("content_hash"))
)
_NEW_ARTICLE = driver.Statement(insert(tables.articles), returning_pk="pk")


def find_article(engine: Engine, content_hash: str) -> int | None:
    """Primary key of the article with this content hash, if stored."""
    with engine.connect() as connection:
        return _article_pk(connection, content_hash)


def _article_pk(connection: Connection, content_hash: str) -> int | None:
    rows = driver.fetch_all(connection, _FIND_ARTICLE, {"content_hash": content_hash})
    return int(rows[0][0]) if rows else None


def known_hashes(engine: Engine) -> Iterator[str]:
    """Every stored content hash, streamed: lets ingest skip known articles before analysing."""
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True).execute(
            select(tables.articles.c.content_hash)
        )
        for (value,) in result:
            yield str(value)


def article_medium(article: dict[str, Any]) -> str | None:
    """The outlet an article came from: an explicit medium, JSONL's `source`, else the URL host."""
    meta = article.get("meta") or {}
    for key in ("medium", "origin"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:255]
    url = article.get("url")
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _insert_article(connection: Connection, analysis: dict[str, Any], content_hash: str) -> int:
    article = analysis["article"]
    return driver.insert_one(
        connection,
        _NEW_ARTICLE,
        {
            "content_hash": content_hash,
            "article_id": article["id"],
            "title": article.get("title"),
            "teaser": article.get("teaser"),
            "date": article.get("date"),
            "source": article.get("source"),
            "url": article.get("url"),
            "medium": article_medium(article),
            "language": article.get("language"),
            "credits": article.get("credits", []),
            "meta": article.get("meta", {}),
            "text": article["text"],
            "analysis": analysis,
            "stored_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )


_NEW_ROWS = {
    table.name: driver.Statement(insert(table))
    for table in (tables.blocks, tables.entities, tables.mentions, tables.quotes, tables.events)
}


def _insert_children(connection: Connection, pk: int, analysis: dict[str, Any]) -> None:
    article = analysis["article"]
    block_rows = [
        {"article_pk": pk, "position": i, "kind": b["kind"], "start": b["start"], "end": b["end"]}
        for i, b in enumerate(article.get("blocks", []))
    ]
    entity_rows = [_entity_row(pk, e) for e in analysis.get("entities", [])]
    mention_rows = [
        {
            "article_pk": pk,
            "entity_id": e["id"],
            "text": m.get("text"),
            "kind": m.get("kind"),
            "start": m["start"],
            "end": m["end"],
        }
        for e in analysis.get("entities", [])
        for m in e.get("mentions", [])
    ]
    quote_rows = [_quote_row(pk, i, q) for i, q in enumerate(analysis.get("quotes", []))]
    event_rows = [_event_row(pk, i, ev) for i, ev in enumerate(analysis.get("events", []))]
    for statement, rows in (
        (_NEW_ROWS["blocks"], block_rows),
        (_NEW_ROWS["entities"], entity_rows),
        (_NEW_ROWS["mentions"], mention_rows),
        (_NEW_ROWS["quotes"], quote_rows),
        (_NEW_ROWS["events"], event_rows),
    ):
        if rows:
            driver.run_many(connection, statement, rows)


def _entity_row(pk: int, entity: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_pk": pk,
        "entity_id": entity["id"],
        "name": entity.get("name"),
        "type": entity.get("type"),
        "kb_id": entity.get("kb_id"),
        "country": entity.get("country"),
        "sector": entity.get("sector"),
        "data": {k: v for k, v in entity.items() if k != "mentions"},
    }


def _span_field(span: Any, key: str) -> Any:
    return span.get(key) if isinstance(span, dict) else None


def _quote_row(pk: int, position: int, quote: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_pk": pk,
        "position": position,
        "type": quote.get("type"),
        "text": quote.get("text"),
        "start": quote.get("start"),
        "end": quote.get("end"),
        "cue": _span_field(quote.get("cue"), "text"),
        "speaker_entity_id": _span_field(quote.get("speaker"), "entity_id"),
        "speaker_text": _span_field(quote.get("speaker"), "text"),
        "source_text": _span_field(quote.get("source"), "text"),
        "source_entity_id": _span_field(quote.get("source"), "entity_id"),
        "addressee_text": _span_field(quote.get("addressee"), "text"),
        "confidence": quote.get("confidence"),
        "data": quote,
    }


def _event_row(pk: int, position: int, event_: dict[str, Any]) -> dict[str, Any]:
    date = event_.get("date")
    return {
        "article_pk": pk,
        "position": position,
        "type": event_.get("type"),
        "mode": event_.get("mode"),
        "status": event_.get("status"),
        "date": date.get("value") if isinstance(date, dict) else date,
        "actor_entity_id": _span_field(event_.get("actor"), "entity_id"),
        "recipient_entity_id": _span_field(event_.get("recipient"), "entity_id"),
        "evidence": _span_field(event_.get("evidence"), "text"),
        "data": event_,
    }
