"""Flat export records computed from one stored analysis — the single definition of what an
exported article, entity, quote or event row holds.

Local export (`lagebild export`) and the Spark job (`lagebild spark`) both build their rows
here, from the analysis JSON, so the two produce identical data for the same input. Field
types are fixed in `FIELDS` (not guessed from the data), so a Parquet column never changes
type between batches or between a local and a distributed run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

FieldType = str  # "string" | "int" | "float"

FIELDS: dict[str, list[tuple[str, FieldType]]] = {
    "articles": [
        ("id", "string"), ("title", "string"), ("teaser", "string"), ("date", "string"),
        ("medium", "string"), ("url", "string"), ("source", "string"), ("language", "string"),
        ("text", "string"), ("content_hash", "string"), ("entities", "int"),
        ("quotes", "int"), ("events", "int"),
    ],
    "entities": [
        ("article_id", "string"), ("date", "string"), ("medium", "string"), ("id", "string"),
        ("name", "string"), ("type", "string"), ("kb_id", "string"), ("country", "string"),
        ("sector", "string"), ("mentions", "int"),
    ],
    "quotes": [
        ("article_id", "string"), ("article_title", "string"), ("date", "string"),
        ("medium", "string"), ("position", "int"), ("type", "string"), ("speaker", "string"),
        ("speaker_id", "string"), ("speaker_kb_id", "string"), ("speaker_country", "string"),
        ("cue", "string"), ("text", "string"), ("source", "string"), ("addressee", "string"),
        ("confidence", "float"), ("start", "int"), ("end", "int"),
    ],
    "events": [
        ("article_id", "string"), ("article_title", "string"), ("article_date", "string"),
        ("medium", "string"), ("position", "int"), ("type", "string"), ("mode", "string"),
        ("status", "string"), ("date", "string"), ("actor", "string"), ("actor_id", "string"),
        ("actor_country", "string"), ("recipient", "string"), ("recipient_id", "string"),
        ("recipient_country", "string"), ("evidence", "string"),
    ],
}
KINDS = tuple(FIELDS)


def records_of(kind: str, analysis: dict[str, Any], medium: str | None) -> Iterator[dict[str, Any]]:
    """The export rows of one kind for one analysed article."""
    builders = {
        "articles": _article_records,
        "entities": _entity_records,
        "quotes": _quote_records,
        "events": _event_records,
    }
    for row in builders[kind](analysis, medium):
        yield _typed(kind, row)


def _typed(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """Coerce every field to its declared type; missing fields become None."""
    out: dict[str, Any] = {}
    for name, kind_ in FIELDS[kind]:
        value = row.get(name)
        if value is None:
            out[name] = None
        elif kind_ == "int":
            out[name] = int(value)
        elif kind_ == "float":
            out[name] = float(value)
        else:
            out[name] = str(value)
    return out


def _article_records(analysis: dict[str, Any], medium: str | None) -> Iterator[dict[str, Any]]:
    article = analysis["article"]
    yield {
        **{k: article.get(k) for k in ("id", "title", "teaser", "date", "url", "source")},
        "language": article.get("language"),
        "text": article.get("text"),
        "medium": medium,
        "content_hash": analysis.get("content_hash"),
        "entities": len(analysis.get("entities", [])),
        "quotes": len(analysis.get("quotes", [])),
        "events": len(analysis.get("events", [])),
    }


def _entity_records(analysis: dict[str, Any], medium: str | None) -> Iterator[dict[str, Any]]:
    article = analysis["article"]
    for entity in analysis.get("entities", []):
        yield {
            "article_id": article["id"],
            "date": article.get("date"),
            "medium": medium,
            **{k: entity.get(k) for k in ("id", "name", "type", "kb_id", "country", "sector")},
            "mentions": len(entity.get("mentions", [])),
        }


def _quote_records(analysis: dict[str, Any], medium: str | None) -> Iterator[dict[str, Any]]:
    article = analysis["article"]
    entities = _entities_by_id(analysis)
    for position, quote in enumerate(analysis.get("quotes", [])):
        speaker = quote.get("speaker") or {}
        entity = entities.get(speaker.get("entity_id") or "", {})
        yield {
            "article_id": article["id"],
            "article_title": article.get("title"),
            "date": article.get("date"),
            "medium": medium,
            "position": position,
            "type": quote.get("type"),
            "speaker": entity.get("name") or speaker.get("text"),
            "speaker_id": speaker.get("entity_id"),
            "speaker_kb_id": entity.get("kb_id"),
            "speaker_country": entity.get("country"),
            "cue": _text(quote.get("cue")),
            "text": quote.get("text"),
            "source": _text(quote.get("source")),
            "addressee": _text(quote.get("addressee")),
            "confidence": quote.get("confidence"),
            "start": quote.get("start"),
            "end": quote.get("end"),
        }


def _event_records(analysis: dict[str, Any], medium: str | None) -> Iterator[dict[str, Any]]:
    article = analysis["article"]
    entities = _entities_by_id(analysis)
    for position, event in enumerate(analysis.get("events", [])):
        actor = event.get("actor") or {}
        recipient = event.get("recipient") or {}
        date = event.get("date")
        yield {
            "article_id": article["id"],
            "article_title": article.get("title"),
            "article_date": article.get("date"),
            "medium": medium,
            "position": position,
            "type": event.get("type"),
            "mode": event.get("mode"),
            "status": event.get("status"),
            "date": date.get("value") if isinstance(date, dict) else date,
            "actor": _party_name(actor, entities),
            "actor_id": actor.get("entity_id"),
            "actor_country": actor.get("code") or entities.get(actor.get("entity_id") or "", {})
            .get("country"),
            "recipient": _party_name(recipient, entities),
            "recipient_id": recipient.get("entity_id"),
            "recipient_country": recipient.get("code")
            or entities.get(recipient.get("entity_id") or "", {}).get("country"),
            "evidence": _text(event.get("evidence")),
        }


def _entities_by_id(analysis: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in analysis.get("entities", []) if e.get("id")}


def _party_name(party: dict[str, Any], entities: dict[str, dict[str, Any]]) -> str | None:
    entity = entities.get(party.get("entity_id") or "", {})
    return entity.get("name") or party.get("name") or party.get("text")


def _text(span: Any) -> str | None:
    return span.get("text") if isinstance(span, dict) else None
