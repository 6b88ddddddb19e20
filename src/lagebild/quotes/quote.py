"""The `Quote` record a spaCy user finds on `doc._.quotes`, and its schema dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUOTE_TYPES = ("direct", "indirect", "mixed", "reported", "free_indirect")


@dataclass
class Role:
    """A role filler (cue, speaker, source, addressee): character span plus optional entity id."""

    text: str
    start: int
    end: int
    entity_id: str | None = None

    def to_dict(self, with_entity: bool = True) -> dict[str, Any]:
        """Schema dict; the cue carries no entity id, so callers can leave it out."""
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if with_entity:
            out["entity_id"] = self.entity_id
        return out


@dataclass
class Quote:
    """One attributed statement. Offsets are character offsets into `doc.text`.

    `parts` holds the character spans of the quoted material itself when the frame interrupts
    it („A“, sagte X, „B“): `start`/`end` cover all parts, `parts` lets evaluation skip the frame.
    `fragments` are quoted (in quotation marks) pieces inside an indirect quote (type "mixed").
    """

    type: str
    text: str
    start: int
    end: int
    cue: Role | None = None
    speaker: Role | None = None
    source: Role | None = None
    addressee: Role | None = None
    confidence: float = 0.5
    parts: list[tuple[int, int]] = field(default_factory=list)
    fragments: list[tuple[int, int]] = field(default_factory=list)
    medium: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The schema object (see `schema/analysis.schema.json`, property `quotes`)."""
        return {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue": self.cue.to_dict(with_entity=False) if self.cue else None,
            "speaker": _speaker_dict(self.speaker),
            "source": self.source.to_dict() if self.source else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "confidence": round(float(self.confidence), 3),
        }


def _speaker_dict(role: Role | None) -> dict[str, Any] | None:
    """Speaker dict with `entity_id` first, as the schema lists it."""
    if role is None:
        return None
    return {"entity_id": role.entity_id, "text": role.text, "start": role.start, "end": role.end}
