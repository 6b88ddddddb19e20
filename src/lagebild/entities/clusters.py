"""Entity clusters: every mention of one real-world actor within one article.

A cluster is what later stages (quotes, events) attach to: a quotation's speaker or an
event's source is a mention, and `cluster_at` turns that character span into the actor with
its KB id, country and sector. Offsets are character offsets into `doc.text`, so they survive
serialisation and stay comparable with the article's blocks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

MENTION_KINDS = ("name", "role", "pronoun", "metonym")


@dataclass
class Mention:
    """One place in the text that refers to the cluster's actor.

    `kind`: "name" (a name, possibly with its title: "Kreml-Chef Putin"), "role" (a role noun
    standing for a person: "der russische Präsident"), "pronoun" ("er", "ihm") or "metonym"
    (a capital or seat of government standing for a state's government: "Moskau", "Kreml").
    `role` is the role noun the mention names, where it names one; `sector` a mention-level
    PLOVER sector where it differs from the cluster's (a metonym speaks for the government).
    `token_start`/`token_end` are the token span in the Doc (not serialised).
    """

    text: str
    start: int
    end: int
    kind: str
    role: str | None = None
    sector: str | None = None
    token_start: int = -1
    token_end: int = -1

    def to_dict(self) -> dict[str, Any]:
        """The mention object of the output schema."""
        data: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }
        if self.role:
            data["role"] = self.role
        if self.sector:
            data["sector"] = self.sector
        return data


@dataclass
class EntityCluster:
    """All mentions of one actor in one article, linked to the knowledge base where possible."""

    id: str
    name: str
    type: str  # PER | ORG | LOC | MISC
    kb_id: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER sector: GOV, MIL, JRN, IGO, ...
    kind: str | None = None  # KB kind: person, country, igo, media, ... (None when unlinked)
    offices: list[str] = field(default_factory=list)  # titles valid at the article date
    gender: str | None = None  # "m" | "f" | None: used for pronoun resolution
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first_start(self) -> int:
        """Character offset of the first mention (clusters are listed in this order)."""
        return min((m.start for m in self.mentions), default=0)

    def to_dict(self) -> dict[str, Any]:
        """The entity object of the output schema (`docs/schema.md`)."""
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "kb_id": self.kb_id,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
        }
        if self.offices:
            data["offices"] = list(self.offices)
        data["mentions"] = [m.to_dict() for m in sorted(self.mentions, key=_mention_key)]
        return data


def _mention_key(mention: Mention) -> tuple[int, int]:
    return (mention.start, mention.end)


def local_id(name: str) -> str:
    """Stable id for an actor not in the KB: the same name gives the same id in every article."""
    digest = hashlib.sha1(name.strip().lower().encode("utf-8")).hexdigest()
    return "L-" + digest[:10]


def cluster_at(doc: Doc, start: int, end: int) -> EntityCluster | None:
    """The cluster with a mention overlapping the character span `[start, end)`.

    Where several overlap, the one whose mention overlaps most wins (a span "Kreml-Chef Putin"
    belongs to Putin, not to a shorter mention nested in it).
    """
    found = mention_at(doc, start, end)
    return found[0] if found else None


def mention_at(doc: Doc, start: int, end: int) -> tuple[EntityCluster, Mention] | None:
    """The (cluster, mention) pair whose mention overlaps `[start, end)` most."""
    best: tuple[EntityCluster, Mention] | None = None
    best_overlap = 0
    point = start == end
    # plain comparisons instead of min()/max(): this scans every mention for every speaker,
    # source and actor that the later stages look up
    for cluster in doc._.entities:
        for mention in cluster.mentions:
            m_start, m_end = mention.start, mention.end
            if point and m_start <= start < m_end:
                overlap = 1
            else:
                overlap = (end if end < m_end else m_end) - (start if start > m_start else m_start)
            if overlap > best_overlap:
                best, best_overlap = (cluster, mention), overlap
    return best
