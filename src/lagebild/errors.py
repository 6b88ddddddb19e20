"""Error messages as numbered constants, so users can search for them and tests can match them."""

from __future__ import annotations


class ReadError(Exception):
    """An input that could not be turned into an article. `str()` is the one-line message."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


E001 = "E001 empty input"
E002 = "E002 binary data, not text (NUL bytes or control characters)"
E003 = "E003 undecodable byte sequence at byte {pos}: not valid UTF-8, UTF-16 or cp1252"
E004 = "E004 too large ({size:.1f} MB > limit {limit:.1f} MB; raise it with --max-mb)"
E005 = "E005 no article text found in HTML (truncated or not an article page)"
E006 = "E006 invalid JSON on line {line}: {detail}"
E007 = "E007 JSON line {line} has no 'text'"
E008 = "E008 no such file or directory"
E009 = "E009 no readable text after cleaning"
