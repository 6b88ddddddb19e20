"""WARC archives (plain or gzipped): every HTML response record becomes one article.

Crawls are where news arrives at scale. Only `response` records with an HTML payload are
read; the record's `WARC-Target-URI` becomes the article's `url` and its `WARC-Date` (the
day) its `date`, because that is the one date a crawl guarantees; the date the page itself
claims (htmldate) is kept in `meta["html_date"]`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from lagebild.errors import ReadError
from lagebild.read.article import Article
from lagebild.read.encoding import decode_bytes
from lagebild.read.html import parse_html_article

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_RECORD_BYTES = 10 * 1024 * 1024  # a larger "page" is not a news article


def is_warc_name(name: str) -> bool:
    """True for file names a WARC reader should open (by extension)."""
    return name.lower().endswith(WARC_SUFFIXES)


def looks_like_warc(head: bytes) -> bool:
    """Sniff the first bytes of an uncompressed archive (gzipped ones go by extension)."""
    return head.startswith(b"WARC/")


def parse_warc_file(path: str | Path) -> Iterator[Article | ReadError]:
    """Yield an article (or the record's error) for every HTML response record in the file."""
    name = str(path)
    try:
        with open(path, "rb") as stream:
            yield from parse_warc_stream(stream, name)
    except OSError as error:
        yield ReadError(name, f"E008 cannot read: {error.strerror or error}")


def parse_warc_stream(stream: IO[bytes], name: str) -> Iterator[Article | ReadError]:
    """Read WARC records from an open binary stream; a broken archive ends with one error."""
    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            item = _record_article(record, name)
            if item is not None:
                yield item
    except (ArchiveLoadFailed, EOFError, ValueError, zlib.error) as error:
        yield ReadError(name, f"E010 not a readable WARC archive: {error}")
        return
    if records == 0:
        yield ReadError(name, "E010 not a readable WARC archive: no records")


def _record_article(record: Any, name: str) -> Article | ReadError | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(HTML_TYPES):
        return None
    status = record.http_headers.get_statuscode()
    if status and not status.startswith("2"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{name}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    try:
        if len(payload) > MAX_RECORD_BYTES:
            raise ReadError(where, "E004 record too large (> 10 MB)")
        html = _decode(payload, content_type, where)
        article = parse_html_article(html, where, url=uri)
    except ReadError as error:
        return error
    if article.date:
        article.meta["html_date"] = article.date
    warc_date = record.rec_headers.get_header("WARC-Date")
    article.date = warc_date[:10] if warc_date else article.date
    article.url = uri or article.url
    return article


def _decode(payload: bytes, content_type: str, where: str) -> str:
    """The charset the server declared, else lagebild's own detection."""
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"')
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload, where)
