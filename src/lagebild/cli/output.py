"""How analyses are shown on the terminal: JSON lines or a rich summary table."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

PREVIEW_CHARS = 90


def print_json(console: Console, analysis: dict[str, Any]) -> None:
    """One JSON object per line (the output schema), unformatted so it pipes into `jq`."""
    console.file.write(json.dumps(analysis, ensure_ascii=False) + "\n")


def print_table(console: Console, analysis: dict[str, Any]) -> None:
    """A readable summary: the article header, then entities, quotes and events."""
    article = analysis["article"]
    console.rule(f"[bold]{article.get('title') or article['id']}")
    console.print(
        f"date: {article.get('date') or '–'}   language: {article.get('language') or '–'}   "
        f"source: {article.get('source') or '–'}   sentences: {len(analysis['sentences'])}"
    )
    if article.get("credits"):
        console.print("credits: " + "; ".join(article["credits"]))
    _print_entities(console, analysis["entities"])
    _print_quotes(console, analysis["quotes"])
    _print_events(console, analysis["events"])


def _short(text: str | None) -> str:
    if not text:
        return "–"
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _span_text(span: Any) -> str:
    return _short(span.get("text")) if isinstance(span, dict) else "–"


def _print_entities(console: Console, entities: list[dict[str, Any]]) -> None:
    if not entities:
        return
    table = Table(title="Entities", show_lines=False)
    for column in ("name", "type", "kb id", "country", "sector", "mentions"):
        table.add_column(column)
    for entity in entities:
        table.add_row(
            _short(entity.get("name")),
            entity.get("type") or "–",
            entity.get("kb_id") or "–",
            entity.get("country") or "–",
            entity.get("sector") or "–",
            str(len(entity.get("mentions", []))),
        )
    console.print(table)


def _print_quotes(console: Console, quotes: list[dict[str, Any]]) -> None:
    if not quotes:
        return
    table = Table(title="Quotes")
    for column in ("type", "speaker", "cue", "source", "quote"):
        table.add_column(column)
    for quote in quotes:
        table.add_row(
            quote.get("type") or "–",
            _span_text(quote.get("speaker")),
            _span_text(quote.get("cue")),
            _span_text(quote.get("source")),
            _short(quote.get("text")),
        )
    console.print(table)


def _print_events(console: Console, events: list[dict[str, Any]]) -> None:
    if not events:
        return
    table = Table(title="Events")
    for column in ("type", "mode", "actor", "recipient", "status", "date", "evidence"):
        table.add_column(column)
    for event in events:
        date = event.get("date")
        table.add_row(
            event.get("type") or "–",
            event.get("mode") or "–",
            _span_text(event.get("actor")),
            _span_text(event.get("recipient")),
            event.get("status") or "–",
            (date.get("value") if isinstance(date, dict) else date) or "–",
            _span_text(event.get("evidence")),
        )
    console.print(table)
