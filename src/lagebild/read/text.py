"""Plain-text articles as scrapers write them: header line, headline, teaser, subheads, body.

Shape (every part optional except the body):

    ` date 2023-09 (Foto: Agentur / Fotograf)`   header: date at its precision, photo credit
    Headline                                     first block
    Teaser                                       second block, when a body follows
    Paragraphs, separated by blank lines; short lines without final punctuation between
    them are subheads; a line that is only a credit "(Foto: …)" goes to `credits`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.read.article import Article, Block, BlockKind

HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)\b(?P<rest>.*)$", re.I)
CREDIT = re.compile(
    r"\(\s*(?P<credit>(?:Foto|Fotos|Bild|Bilder|Quelle|Grafik|Video|Illustration|Archivbild)"
    r"\s*:[^()]*)\)",
    re.I,
)
# characters scrapers leave behind: a lone acute/grave accent, BOM, zero-width marks
STRAY = re.compile(r"(?<![A-Za-zÀ-ÿ])[´`](?![A-Za-zÀ-ÿ])|[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
SUBHEAD_MAX_CHARS = 90
SUBHEAD_MAX_WORDS = 12
TEASER_MAX_CHARS = 600
FINAL_CHARS = ".!?:;…\"“”«»'’)"


@dataclass
class TextParts:
    """What the header and the layout of a plain-text article say, before building blocks."""

    date: str | None
    credits: list[str]
    paragraphs: list[str]


def parse_text_article(raw: str, source: str | None = None) -> Article:
    """Turn a plain-text article into an `Article` with blocks over a normalised text."""
    parts = split_text_parts(raw)
    kinds = classify_blocks(parts.paragraphs)
    return build_article(parts.paragraphs, kinds, date=parts.date, credits=parts.credits,
                         source=source)


def split_text_parts(raw: str) -> TextParts:
    """Header, credits and cleaned paragraphs of a plain-text article."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    date: str | None = None
    credits: list[str] = []
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        header = HEADER.match(lines[first])
        if header:
            date = header.group("date")
            credits.extend(m.group("credit").strip() for m in CREDIT.finditer(header.group("rest")))
            lines[first] = ""
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        whole_credit = CREDIT.fullmatch(stripped)
        if whole_credit:
            credits.append(whole_credit.group("credit").strip())
            kept.append("")
            continue
        kept.append(clean_line(line))
    return TextParts(date=date, credits=credits, paragraphs=split_paragraphs(kept))


def clean_line(line: str) -> str:
    """Replace stray characters by spaces (one for one), then trim the line's edges."""
    return STRAY.sub(lambda m: " " * len(m.group(0)), line).strip()


def split_paragraphs(lines: list[str]) -> list[str]:
    """Blank lines separate paragraphs; text without any blank line has one per line."""
    has_blank_separators = any(not line for line in lines[1:-1]) and _nonempty_runs(lines) > 1
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if has_blank_separators:
            current.append(line)
        else:
            paragraphs.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return [re.sub(r"[ \t]{2,}", " ", p).strip() for p in paragraphs if p.strip()]


def _nonempty_runs(lines: list[str]) -> int:
    runs = 0
    previous_empty = True
    for line in lines:
        if line and previous_empty:
            runs += 1
        previous_empty = not line
    return runs


def is_subhead(paragraph: str) -> bool:
    """A short line without final punctuation: a subhead (or a headline)."""
    words = paragraph.split()
    return (
        0 < len(words) <= SUBHEAD_MAX_WORDS
        and len(paragraph) <= SUBHEAD_MAX_CHARS
        and paragraph[-1] not in FINAL_CHARS
    )


def classify_blocks(paragraphs: list[str], has_title: bool = True) -> list[BlockKind]:
    """Title first, teaser second when a body follows, subheads by shape, the rest paragraphs."""
    kinds: list[BlockKind] = []
    for i, paragraph in enumerate(paragraphs):
        position = i if has_title else i + 1
        if position == 0 and len(paragraphs) > 1:
            kinds.append("title")
        elif (
            has_title
            and position == 1
            and len(paragraphs) > 2
            and len(paragraph) <= TEASER_MAX_CHARS
            and not is_subhead(paragraph)
        ):
            kinds.append("teaser")
        elif 0 < i < len(paragraphs) - 1 and is_subhead(paragraph):
            kinds.append("subhead")
        else:
            kinds.append("paragraph")
    return kinds


def build_article(
    paragraphs: list[str],
    kinds: list[BlockKind],
    *,
    date: str | None = None,
    credits: list[str] | None = None,
    source: str | None = None,
    title: str | None = None,
) -> Article:
    """Join paragraphs with blank lines into one text and record each block's offsets."""
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for paragraph, kind in zip(paragraphs, kinds, strict=True):
        if pieces:
            pieces.append("\n\n")
            offset += 2
        pieces.append(paragraph)
        blocks.append(Block(kind=kind, start=offset, end=offset + len(paragraph)))
        offset += len(paragraph)
    text = "".join(pieces)
    found_title = next((text[b.start : b.end] for b in blocks if b.kind == "title"), None)
    teaser = next((text[b.start : b.end] for b in blocks if b.kind == "teaser"), None)
    return Article(
        text=text,
        blocks=blocks,
        title=title or found_title,
        teaser=teaser,
        date=date,
        source=source,
        credits=list(credits or []),
    )
