"""RSS and Atom feeds (a file or a URL): every entry becomes one article.

A feed entry's content (or, failing that, its summary) is the article text, `link` the url
and `published` (or `updated`) the date. Feeds carry HTML fragments, so markup is turned into
paragraphs here without trafilatura, which expects whole pages.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import feedparser

from lagebild.errors import ReadError
from lagebild.read.article import Article
from lagebild.read.jsonl import article_from_record

FEED_SUFFIXES = (".rss", ".atom", ".rdf")
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


def looks_like_feed(head: str) -> bool:
    """Sniff the start of a text: an RSS/RDF or Atom root element."""
    start = head.lstrip()[:500].lower()
    return start.startswith(("<?xml", "<rss", "<feed", "<rdf")) and (
        "<rss" in start or "<feed" in start or "<rdf:rdf" in start
    )


def is_url(name: str) -> bool:
    """An http(s) address, read as a feed."""
    return name.startswith(("http://", "https://"))


def parse_feed(data: str | bytes, source: str) -> Iterator[Article | ReadError]:
    """Yield one article per entry; entries without text are reported, not skipped silently."""
    parsed = feedparser.parse(data)
    if not parsed.entries and parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        yield ReadError(source, f"E011 not a readable RSS/Atom feed: {reason}")
        return
    medium = parsed.feed.get("title") if parsed.get("feed") else None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{entry.get('id') or entry.get('link') or number}"
        text = entry_text(entry)
        if not text.strip():
            yield ReadError(where, "E009 no readable text after cleaning")
            continue
        record: dict[str, Any] = {
            "text": text,
            "title": _plain(entry.get("title", "")) or None,
            "url": entry.get("link"),
            "date": entry_date(entry),
        }
        if medium:
            record["medium"] = medium
        yield article_from_record(record, where)


def read_feed_url(url: str) -> Iterator[Article | ReadError]:
    """Fetch and parse a feed from the network (feedparser does the HTTP)."""
    try:
        yield from parse_feed(url, url)
    except OSError as error:
        yield ReadError(url, f"E008 cannot fetch: {error}")


def entry_text(entry: Any) -> str:
    """The longest of the entry's content parts, else its summary, as plain paragraphs."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    best = max(candidates, key=len)
    return _plain(best)


def entry_date(entry: Any) -> str | None:
    """`published` (else `updated`) as an ISO day, "YYYY-MM-DD"."""
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


class _TextExtractor(HTMLParser):
    """Collect text, starting a new paragraph at every block-level tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self.skip:
            self.skip -= 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _plain(fragment: str) -> str:
    """HTML fragment → text with blank lines between blocks and single spaces inside them."""
    if "<" not in fragment:
        return " ".join(fragment.split()) if "\n\n" not in fragment else fragment.strip()
    extractor = _TextExtractor()
    extractor.feed(fragment)
    extractor.close()
    blocks = ["".join(extractor.parts)]
    paragraphs = [" ".join(p.split()) for p in blocks[0].split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
