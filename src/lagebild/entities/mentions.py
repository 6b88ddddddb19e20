"""Mention candidates: the spans the entity stage considers, before clustering.

Names come from two sources that disagree in useful ways: the statistical NER finds names the
KB does not know, the KB ruler finds spellings the NER misses and carries the ids. They are
merged span by span (longer wins; a KB id inside a chosen NER span is kept for linking).
Titles the NER swallowed ("Präsident Macron" as one PER) are split off again, so a title and
its name become one mention with the role recorded (see `roles.py`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from lagebild.entities.ruler import KbMatch
from lagebild.nlp.tokens import TokenTable

DATA_DIR = Path(__file__).resolve().parent / "data"
NAME_LABELS = frozenset({"PER", "LOC", "ORG", "MISC"})


@dataclass
class Candidate:
    """A mention before clustering, as a token span `[start, end)`.

    `name_start` is where the name proper begins inside a title+name mention ("Kreml-Chef
    [Putin]"); `role` is the KB `RoleNoun` the mention names; `country` the country the
    context gives the role (adjective, genitive, "von X"); `possessive` the gender of a
    possessive determiner in front of a role ("sein Außenminister"), whose owner then gives
    the country; `holder` the name an apposition gives a role mention.
    """

    start: int
    end: int
    kind: str
    label: str | None = None
    kb_ids: list[str] = field(default_factory=list)
    name_start: int = -1
    role: Any = None
    role_text: str | None = None
    country: str | None = None
    gender: str | None = None
    former: bool = False
    possessive: str | None = None
    sent: int = 0
    subject: bool = False
    sector: str | None = None
    # a role mention's appositive name ("der Präsident Indonesiens, Susilo Bambang Yudhoyono"):
    # the role joins that name's cluster
    holder: Candidate | None = None
    # "ein Sprecher": an indefinite role noun introduces someone not named before
    indefinite: bool = False

    def __post_init__(self) -> None:
        if self.name_start < 0:
            self.name_start = self.start

    def name_text(self, doc: Doc) -> str:
        """The name proper, without a title or determiner in front of it."""
        return doc[self.name_start : self.end].text


@dataclass(frozen=True)
class Lexicon:
    """General German function words (data/lexicon.json) and the first-name genders."""

    determiners: frozenset[str]
    # "kein…": like an article it makes a capitalised noun a common noun ("kein Koch"), but
    # it opens no role phrase (it names nobody), so it is kept out of `determiners`
    negative_determiners: frozenset[str]
    possessives: dict[str, str]  # lower-case form -> gender of the owner
    pronouns: dict[str, str]  # lower-case form -> gender
    ambiguous_pronouns: frozenset[str]
    place_prepositions: frozenset[str]
    country_prepositions: frozenset[str]
    coordinators: frozenset[str]
    former_adjectives: frozenset[str]
    subject_deps: frozenset[str]
    first_names: dict[str, str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the lexicon files once per process."""
    raw = json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))
    possessives = {form: gender for gender, forms in raw["possessives"].items() for form in forms}
    names: dict[str, str] = {}
    for line in (DATA_DIR / "first_names.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, gender = line.split("\t")[:2]
        names[name.strip()] = gender.strip()
    return Lexicon(
        determiners=frozenset(raw["determiners"]),
        negative_determiners=frozenset(raw["negative_determiners"]),
        possessives=possessives,
        pronouns=dict(raw["personal_pronouns"]),
        ambiguous_pronouns=frozenset(raw["ambiguous_pronouns"]),
        place_prepositions=frozenset(raw["place_prepositions"]),
        country_prepositions=frozenset(raw["country_prepositions"]),
        coordinators=frozenset(raw["coordinators"]),
        former_adjectives=frozenset(raw["former_adjectives"]),
        subject_deps=frozenset(raw["subject_deps"]),
        first_names=names,
    )


def sentence_index(doc: Doc, table: TokenTable | None = None) -> list[int]:
    """Sentence number per token (0 everywhere when the Doc has no sentence boundaries);
    `table` is the doc's token table when the caller has it (its sentences are `doc.sents`)."""
    index = [0] * len(doc)
    if not doc.has_annotation("SENT_START"):
        return index
    if "sents" in doc.user_hooks:
        bounds = [(sent.start, sent.end) for sent in doc.sents]
    else:
        bounds = (table if table is not None else TokenTable.of(doc)).sentences
    for number, (start, end) in enumerate(bounds):
        index[start:end] = [number] * (end - start)
    return index


def merge_names(
    doc: Doc, kb_matches: list[KbMatch], ents: list[Span] | None = None
) -> list[Candidate]:
    """Name candidates from KB matches and `doc.ents` (`ents`: `list(doc.ents)` when the caller
    has read them): longer spans win, KB ids are kept."""
    spans: list[Candidate] = [
        Candidate(m.start, m.end, "name", label=m.label, kb_ids=list(m.ids)) for m in kb_matches
    ]
    for ent in doc.ents if ents is None else ents:
        if ent.label_ in NAME_LABELS:
            spans.append(Candidate(ent.start, ent.end, "name", label=ent.label_))
    spans = _prefer_leading_kb_names(spans)
    # longer first; on equal length KB matches (which have ids) before NER spans
    spans.sort(key=lambda c: (-(c.end - c.start), not c.kb_ids, c.start))
    chosen: list[Candidate] = []
    owner: dict[int, Candidate] = {}
    for cand in spans:
        overlapping = {id(owner[i]): owner[i] for i in range(cand.start, cand.end) if i in owner}
        if not overlapping:
            chosen.append(cand)
            for i in range(cand.start, cand.end):
                owner[i] = cand
            continue
        for bigger in overlapping.values():
            inside = bigger.start <= cand.start and cand.end <= bigger.end
            if inside and cand.kb_ids and not bigger.kb_ids and cand.end == bigger.end:
                # NER "Wladimir Putin" around KB "Putin": the KB id identifies the whole name
                bigger.kb_ids = list(cand.kb_ids)
                if bigger.label in (None, "MISC"):
                    bigger.label = cand.label
    return sorted(chosen, key=lambda c: c.start)


@dataclass
class WorkCluster:
    """A cluster while it is being built: its mentions as candidates, its KB link if any.

    `key` identifies the actor during clustering: "A:<kb actor id>", "C:<iso3>" for a country,
    "N:<name>" for an unlinked name, "R:<role>|<country>" for a person known only by role.
    """

    key: str
    label: str
    actor: Any = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    kind: str | None = None
    name: str | None = None
    mentions: list[Candidate] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        return self.label == "PER"

    def last_before(self, token: int) -> Candidate | None:
        """The latest mention that ends at or before `token`."""
        best: Candidate | None = None
        for mention in self.mentions:
            if mention.end <= token and (best is None or mention.start > best.start):
                best = mention
        return best


def _prefer_leading_kb_names(spans: list[Candidate]) -> list[Candidate]:
    """Drop NER spans that start with a KB name and go on with words the KB does not know.

    "Russlands Sieg" tagged as one entity is a genitive KB name plus a common noun; the KB
    span is the mention. A KB name at the end ("Wladimir Putin", "Osten Russlands") keeps the
    longer NER span, which then inherits the KB id.
    """
    kb_spans = [c for c in spans if c.kb_ids]
    if not kb_spans:
        return spans
    # shortest KB span at each start: "a KB span starts here and ends before `cand`" is then
    # one look-up instead of a scan of all KB spans per candidate
    shortest: dict[int, int] = {}
    for k in kb_spans:
        if k.start not in shortest or k.end < shortest[k.start]:
            shortest[k.start] = k.end
    kept: list[Candidate] = []
    for cand in spans:
        if (
            not cand.kb_ids
            and shortest.get(cand.start, cand.end) < cand.end
            and not any(k.end == cand.end for k in kb_spans if k.start > cand.start)
        ):
            continue
        kept.append(cand)
    return kept
