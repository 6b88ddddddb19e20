"""The `Article`: what every reader produces and every later stage consumes.

One normalised text per article, with the structure (title, teaser, subheads, paragraphs)
kept as blocks that point into that text by character offsets, so that every span the
pipeline finds can be mapped back to the part of the article it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockKind = Literal["title", "teaser", "subhead", "paragraph"]


@dataclass(frozen=True)
class Block:
    """A structural part of the article text: `text[start:end]`."""

    kind: BlockKind
    start: int
    end: int


@dataclass
class Article:
    """A news article after reading, before any language analysis."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    id: str | None = None
    title: str | None = None
    teaser: str | None = None
    date: str | None = None  # ISO 8601 at the precision given: "2023", "2023-09", "2023-09-13"
    source: str | None = None  # where it was read from: a file path, "-" for stdin, a WARC name
    url: str | None = None
    credits: list[str] = field(default_factory=list)
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the normalised text and the title: the key that makes storage idempotent."""
        digest = hashlib.sha256()
        digest.update((self.title or "").encode("utf-8"))
        digest.update(b"\x00")
        digest.update(self.text.encode("utf-8"))
        return digest.hexdigest()

    def ensure_id(self) -> str:
        """Give the article a stable id (the first 16 hex digits of its hash) if it has none."""
        if not self.id:
            self.id = self.content_hash[:16]
        return self.id

    def to_dict(self) -> dict[str, Any]:
        """The `article` object of the output schema (`docs/schema.md`)."""
        data = asdict(self)
        data["blocks"] = [asdict(b) for b in self.blocks]
        data.pop("meta")
        if self.meta:
            data["meta"] = self.meta
        return data
