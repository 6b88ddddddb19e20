"""The database schema: normalised tables for articles and what the pipeline found in them.

`schema_version` in `lagebild_meta` lets later releases migrate old databases instead of
misreading them. Every analysis is also kept whole as JSON in `articles.analysis`, so exports
lose nothing even for fields that have no column yet.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 1

metadata = MetaData()


def _article_pk() -> Column[int]:
    """The owning article's key; ON DELETE CASCADE, so deleting an article deletes its rows."""
    return Column(
        "article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False
    )


def _per_article(name: str, *columns: Column[Any]) -> Table:
    """A table of what the pipeline found in articles: each row leads with its article's key."""
    return Table(name, metadata, _article_pk(), *columns)


def _span(*, nullable: bool = True) -> tuple[Column[int], Column[int]]:
    """Character offsets `start`/`end` into the article text; a fresh pair per table, since a
    Column belongs to exactly one Table."""
    return Column("start", Integer, nullable=nullable), Column("end", Integer, nullable=nullable)


lagebild_meta = Table(
    "lagebild_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(255), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("article_id", String(255), nullable=False),
    Column("title", Text),
    Column("teaser", Text),
    Column("date", String(32)),
    Column("source", Text),
    Column("url", Text),
    Column("medium", String(255)),  # the outlet: feed title, JSONL "source", or the URL's host
    Column("language", String(8)),
    Column("credits", JSON),
    Column("meta", JSON),
    Column("text", Text, nullable=False),
    Column("analysis", JSON, nullable=False),
    Column("stored_at", String(32), nullable=False),
)
Index("ix_articles_date", articles.c.date)
Index("ix_articles_medium", articles.c.medium)

blocks = _per_article(
    "blocks",
    Column("position", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    *_span(nullable=False),
)

entities = _per_article(
    "entities",
    Column("entity_id", String(255), nullable=False),
    Column("name", Text),
    Column("type", String(16)),
    Column("kb_id", String(255)),
    Column("country", String(16)),
    Column("sector", String(16)),
    Column("data", JSON),
)
Index("ix_entities_kb_id", entities.c.kb_id)

mentions = _per_article(
    "mentions",
    Column("entity_id", String(255), nullable=False),
    Column("text", Text),
    Column("kind", String(32)),
    *_span(nullable=False),
)

quotes = _per_article(
    "quotes",
    Column("position", Integer, nullable=False),
    Column("type", String(32)),
    Column("text", Text),
    *_span(),
    Column("cue", Text),
    Column("speaker_entity_id", String(255)),
    Column("speaker_text", Text),
    Column("source_text", Text),
    Column("source_entity_id", String(255)),
    Column("addressee_text", Text),
    Column("confidence", Float),
    Column("data", JSON),
)
Index("ix_quotes_speaker", quotes.c.speaker_entity_id)
Index("ix_quotes_article", quotes.c.article_pk)
Index("ix_entities_article", entities.c.article_pk, entities.c.entity_id)

events = _per_article(
    "events",
    Column("position", Integer, nullable=False),
    Column("type", String(32)),
    Column("mode", String(32)),
    Column("status", String(32)),
    Column("date", String(32)),
    Column("actor_entity_id", String(255)),
    Column("recipient_entity_id", String(255)),
    Column("evidence", Text),
    Column("data", JSON),
)
Index("ix_events_article", events.c.article_pk)
Index("ix_events_type", events.c.type)

# De-duplicated events across articles (filled by lagebild.store.events on store).
event_clusters = Table(
    "event_clusters",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(255), nullable=False, unique=True),
    Column("type", String(32), nullable=False),
    Column("actor_key", String(255)),
    Column("recipient_key", String(255)),
    Column("date", String(32)),
    Column("status", String(32)),
    Column("report_count", Integer, nullable=False),
    Column("data", JSON, nullable=False),
)
Index("ix_event_clusters_key", event_clusters.c.type, event_clusters.c.actor_key)

event_reports = Table(
    "event_reports",
    metadata,
    Column(
        "cluster_pk",
        Integer,
        ForeignKey("event_clusters.pk", ondelete="CASCADE"),
        nullable=False,
    ),
    _article_pk(),
    Column("article_id", String(255)),
    *_span(),
    Column("text", Text),
)
