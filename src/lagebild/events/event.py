"""The `Event` record a spaCy user finds on `doc._.events`, and its schema dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lagebild.fields import pick

STATUSES = ("happened", "announced", "planned", "speculated", "demanded", "negated", "hypothetical")


@dataclass
class Participant:
    """An actor or recipient: the entity (cluster id where known) with its PLOVER code/sector."""

    text: str
    start: int
    end: int
    entity_id: str | None = None
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    kb_id: str | None = None

    @property
    def key(self) -> str | None:
        """What identifies the participant across articles: KB id, else code+sector."""
        if self.kb_id:
            return self.kb_id
        if self.code:
            return f"{self.code}:{self.sector or ''}"
        return None

    def same_party(self, other: Participant | None) -> bool:
        """One party named twice: the same KB entity, or the same code and sector ("Putin" …
        "Russland" as RUS GOV)."""
        if other is None:
            return False
        if self.key is not None and self.key == other.key:
            return True
        return bool(self.code) and (self.code, self.sector) == (other.code, other.sector)

    def to_dict(self) -> dict[str, Any]:
        """Schema dict: entity_id, text, code, sector, name."""
        return pick(self, "entity_id", "text", "code", "sector", "name")


@dataclass
class Location:
    """A geocoded place (GeoNames-style) and the text that named it."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    text: str
    rank: int = 0  # specificity: 3 facility, 2 city, 1 region, 0 country

    def to_dict(self) -> dict[str, Any]:
        """Schema dict: name, country, admin1, lat, lon, geonameid, text."""
        return pick(self, "name", "country", "admin1", "lat", "lon", "geonameid", "text")


@dataclass
class EventDate:
    """A normalised date: ISO value at its precision ("2023-09-14" day, "2023-09" month, "2023")."""

    value: str
    precision: str  # day | month | year
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Schema dict: value, precision, text."""
        return pick(self, "value", "precision", "text")


@dataclass
class Event:
    """One PLOVER event found in a document. Offsets are character offsets into `doc.text`.

    `evidence` is the sentence (clause) that states the event, `trigger` the word(s) that
    signalled it; both are kept so that a reader can verify every record.
    """

    id: str
    type: str
    mode: str
    status: str
    evidence: tuple[int, int, str]
    trigger: tuple[int, int, str]
    actor: Participant | None = None
    recipient: Participant | None = None
    location: Location | None = None
    date: EventDate | None = None
    context: list[str] = field(default_factory=list)
    confidence: float = 0.5
    sent_index: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The schema object (`schema/analysis.schema.json`, property `events`)."""
        out = pick(self, "id", "type", "mode", "status")
        for key in ("actor", "recipient", "location", "date"):
            part = getattr(self, key)
            out[key] = part.to_dict() if part is not None else None
        out["context"] = list(self.context)
        out["evidence"] = _span(self.evidence)
        out["trigger"] = _span(self.trigger)
        out["confidence"] = round(float(self.confidence), 3)
        return out


def _span(span: tuple[int, int, str]) -> dict[str, Any]:
    return dict(zip(("start", "end", "text"), span, strict=True))
