"""HTML pages: trafilatura finds the main text and its headings, htmldate the publication date."""

from __future__ import annotations

from xml.etree import ElementTree

import trafilatura
from htmldate import find_date

from lagebild.errors import E005, ReadError
from lagebild.read.article import Article, BlockKind
from lagebild.read.text import build_article, clean_line

MIN_TEXT_CHARS = 40  # less than this is a navigation stub or a truncated page, not an article


def parse_html_article(html: str, source: str, url: str | None = None) -> Article:
    """Extract an article from an HTML page or raise `ReadError` if it has no article text."""
    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if not xml:
        raise ReadError(source, E005)
    root = ElementTree.fromstring(xml)
    paragraphs, kinds = _blocks_from_xml(root)
    if sum(len(p) for p in paragraphs) < MIN_TEXT_CHARS:
        raise ReadError(source, E005)
    title = clean_line(root.get("title") or "") or None
    if title and paragraphs and paragraphs[0] == title:
        kinds[0] = "title"
    elif title:
        paragraphs.insert(0, title)
        kinds.insert(0, "title")
    description = clean_line(root.get("description") or "")
    if description and title and len(paragraphs) > 1 and paragraphs[1] != description:
        if not paragraphs[1].startswith(description[:60]):
            paragraphs.insert(1, description)
            kinds.insert(1, "teaser")
    article = build_article(paragraphs, kinds, date=_find_date(html, url), source=source,
                            title=title)
    article.url = url or root.get("url") or None
    return article


def _blocks_from_xml(root: ElementTree.Element) -> tuple[list[str], list[BlockKind]]:
    """Paragraphs and headings of trafilatura's XML `<main>` in document order."""
    main = root.find("main")
    paragraphs: list[str] = []
    kinds: list[BlockKind] = []
    if main is None:
        return paragraphs, kinds
    for element in main:
        text = clean_line(" ".join("".join(element.itertext()).split()))
        if not text:
            continue
        paragraphs.append(text)
        kinds.append("subhead" if element.tag == "head" else "paragraph")
    return paragraphs, kinds


def _find_date(html: str, url: str | None) -> str | None:
    try:
        return find_date(html, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None
