"""JSON Lines: one article per line with `id`, `url`, `date`, `title`, `text`; other keys → meta."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lagebild.errors import E006, E007, ReadError
from lagebild.read.article import Article
from lagebild.read.text import build_article, classify_blocks, split_text_parts

KNOWN_KEYS = {"id", "url", "date", "title", "text", "teaser", "source", "language"}


def parse_jsonl(text: str, source: str) -> Iterator[Article | ReadError]:
    """Yield an article (or the error for that line) for every non-empty line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadError(source, E006.format(line=number, detail=error.msg))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadError(source, E007.format(line=number))
            continue
        yield article_from_record(record, where)


def article_from_record(record: dict[str, Any], source: str) -> Article:
    """Build an article from a JSON object; the body's blank lines separate paragraphs."""
    parts = split_text_parts(record["text"])
    paragraphs = parts.paragraphs
    title = _clean_str(record.get("title"))
    teaser = _clean_str(record.get("teaser"))
    has_title = title is not None
    if title is not None and (not paragraphs or paragraphs[0] != title):
        paragraphs = [title, *([teaser] if teaser else []), *paragraphs]
    kinds = classify_blocks(paragraphs, has_title=has_title)
    article = build_article(paragraphs, kinds, date=_clean_str(record.get("date")) or parts.date,
                            credits=parts.credits, source=source, title=title)
    article.id = _clean_str(record.get("id"))
    article.url = _clean_str(record.get("url"))
    if record.get("source"):
        article.meta["origin"] = record["source"]
    article.meta.update({k: v for k, v in record.items() if k not in KNOWN_KEYS})
    return article


def _clean_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
