"""Decoding bytes to text: UTF-8 and UTF-16 first, then cp1252/latin-1, else a clear error."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from lagebild.errors import E001, E002, E003, ReadError

# a well-formed UTF-8 multi-byte sequence: a file containing these is UTF-8 gone bad, not cp1252
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode `data` or raise `ReadError` naming `source` and the reason."""
    if not data.strip():
        raise ReadError(source, E001)
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), source)
    if _looks_utf16(data):
        return _checked(data.decode("utf-16-le" if data[1] == 0 else "utf-16-be"), source)
    if b"\x00" in data:
        raise ReadError(source, E002)
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError as error:
        if _UTF8_MULTIBYTE.search(data):
            raise ReadError(source, E003.format(pos=error.start)) from None
        first_bad = error.start
    guess = from_bytes(data[:65536]).best()
    encoding = guess.encoding if guess is not None else "cp1252"
    if encoding not in {"cp1252", "latin_1", "iso8859_15", "iso8859_1"}:
        encoding = "cp1252"
    try:
        return _checked(data.decode(encoding), source)
    except UnicodeDecodeError:
        raise ReadError(source, E003.format(pos=first_bad)) from None


def _looks_utf16(data: bytes) -> bool:
    """BOM-less UTF-16: every other byte NUL in the first few hundred bytes of Latin text."""
    head = data[:400]
    if len(head) < 4:
        return False
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2
    return max(even_nuls, odd_nuls) > 0.8 * half and min(even_nuls, odd_nuls) < 0.1 * half


def _checked(text: str, source: str) -> str:
    """Reject text that is mostly control characters: a binary file that happened to decode."""
    if not text.strip():
        raise ReadError(source, E001)
    sample = text[:20000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise ReadError(source, E002)
    return text
