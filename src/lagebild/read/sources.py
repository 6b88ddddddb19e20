"""Find and read inputs: files, directories (recursively), `-` for stdin; pick the reader.

Every input yields articles or `ReadError`s, never an exception, so one bad file cannot stop a
batch. The format is chosen by extension, then by sniffing the first bytes.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from lagebild.errors import E004, E008, ReadError
from lagebild.read.article import Article
from lagebild.read.encoding import decode_bytes
from lagebild.read.feeds import FEED_SUFFIXES, is_url, looks_like_feed, parse_feed, read_feed_url
from lagebild.read.html import parse_html_article
from lagebild.read.jsonl import parse_jsonl
from lagebild.read.language import detect_language
from lagebild.read.text import parse_text_article
from lagebild.read.warc import is_warc_name, looks_like_warc, parse_warc_file, parse_warc_stream

DEFAULT_MAX_MB = 10.0  # per text/HTML file; JSONL files may hold many articles
JSONL_MAX_MB = 1024.0
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


def iter_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Expand directories into their files (sorted, hidden files skipped); keep `-` as is."""
    for item in inputs:
        path = Path(item)
        if item != "-" and not is_url(item) and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _hidden(child.relative_to(path)):
                    yield str(child)
        else:
            yield item


def read_inputs(
    inputs: Iterable[str], max_mb: float = DEFAULT_MAX_MB
) -> Iterator[Article | ReadError]:
    """Read every input path (or `-`) and yield its articles or errors, with language set."""
    for name in iter_paths(inputs):
        for item in read_one(name, max_mb=max_mb):
            yield finish_article(item)


def finish_article(item: Article | ReadError) -> Article | ReadError:
    """What every reader's article gets before analysis: its language and a stable id."""
    if isinstance(item, Article):
        item.language = detect_language(item.text)
        item.ensure_id()
    return item


def read_payload(name: str, data: bytes) -> Iterator[Article | ReadError]:
    """Read an input whose bytes are already loaded (a Spark `binaryFiles` record, a blob):
    WARC by name or magic bytes, else decoded and parsed by format. Articles are finished."""
    if is_warc_name(name) or looks_like_warc(data[:8]):
        items: Iterable[Article | ReadError] = parse_warc_stream(io.BytesIO(data), name)
    else:
        try:
            items = list(parse_by_format(decode_bytes(data, name), name))
        except ReadError as error:
            items = [error]
    for item in items:
        yield finish_article(item)


def read_one(name: str, max_mb: float = DEFAULT_MAX_MB) -> Iterator[Article | ReadError]:
    """Read one file, WARC archive, feed URL or stdin; errors are yielded, not raised."""
    if is_url(name):
        yield from read_feed_url(name)
        return
    if name != "-" and (is_warc_name(name) or _sniff_warc(name)):
        yield from parse_warc_file(name)
        return
    try:
        data = _read_bytes(name, max_mb)
        text = decode_bytes(data, name)
        yield from parse_by_format(text, name)
    except ReadError as error:
        yield error
    except OSError as error:
        yield ReadError(name, f"E008 cannot read: {error.strerror or error}")


def parse_by_format(text: str, name: str) -> Iterator[Article | ReadError]:
    """Choose the reader by extension, else by the first non-blank characters."""
    suffix = Path(name).suffix.lower()
    head = text.lstrip()[:200].lower()
    if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(head)):
        yield from parse_feed(text, name)
    elif suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES and head.startswith("{")):
        yield from parse_jsonl(text, name)
    elif suffix in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html", "<?xml")):
        yield parse_html_article(text, name)
    else:
        yield parse_text_article(text, name)


def _sniff_warc(name: str) -> bool:
    try:
        with open(name, "rb") as stream:
            return looks_like_warc(stream.read(8))
    except OSError:
        return False


def _read_bytes(name: str, max_mb: float) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read()
        _check_size(name, len(data), max_mb)
        return data
    path = Path(name)
    if not path.exists():
        raise ReadError(name, E008)
    limit = JSONL_MAX_MB if path.suffix.lower() in JSONL_SUFFIXES else max_mb
    _check_size(name, path.stat().st_size, limit)
    return path.read_bytes()


def _check_size(name: str, size: int, limit_mb: float) -> None:
    if size > limit_mb * 1024 * 1024:
        raise ReadError(name, E004.format(size=size / 1024 / 1024, limit=limit_mb))


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name in SKIPPED_NAMES
