"""Event lexicons: trigger words (`data/triggers.jsonl`), status cues, context tags, sector nouns.

Why data files: the German words that signal a PLOVER event type, the case/preposition that
marks its actor and recipient, and the cues that make an event "planned" or "negated" are
language knowledge a user may extend without touching code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from lagebild.memo import BoundedMemo

DATA_DIR = Path(__file__).resolve().parent / "data"

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# the verbal and material conflict quads: REQUEST ... ASSAULT
CONFLICT_TYPES = frozenset(PLOVER_TYPES[PLOVER_TYPES.index("REQUEST") :])
# Types where "A und B" (or "zwischen A und B") names two parties of one exchange.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

DEFAULT_ROLES: dict[str, tuple[list[str], list[str]]] = {
    "VERB": (["subj"], ["dat", "obj", "pp:mit"]),
    "NOUN": (["gen", "adj", "poss", "pp:von", "subj"], ["pp:mit", "pp:zwischen", "dat_light"]),
}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma that signals an event type, with how to find its arguments."""

    lemma: str
    pos: str
    type: str
    mode: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    compound: bool = False
    status: str | None = None
    needs_verb: tuple[str, ...] = ()
    needs_object: tuple[str, ...] = ()
    exclude_objects: tuple[str, ...] = ()
    exclude_prefixes: tuple[str, ...] = ()
    requires_pp: tuple[str, ...] = ()
    requires_word: tuple[str, ...] = ()
    needs_recipient: bool = False
    swap: bool = False
    exclude_pp: tuple[str, ...] = ()
    exclude_prep: tuple[str, ...] = ()
    no_passive: bool = False
    intransitive: bool = False
    no_reflexive: bool = False
    # "negative"/"positive": fires only when the label the naming verb gives has that
    # valence ("bezeichnete X als Farce"; `events/labels.py`)
    label: str | None = None


@dataclass
class EventLexicon:
    """All event lexicons, indexed for fast look-up by lemma."""

    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    compound_heads: list[tuple[str, Trigger]] = field(default_factory=list)
    compound_index: dict[str, Trigger] = field(default_factory=dict)
    cues: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    sector_adjectives: dict[str, str] = field(default_factory=dict)
    sector_modifiers: dict[str, str] = field(default_factory=dict)
    igo_nouns: dict[str, str] = field(default_factory=dict)  # "Sicherheitsrat" -> UN
    location_preps: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    von_attribute_nouns: frozenset[str] = frozenset()  # "unter der Führung von X": no agent
    von_place_nouns: frozenset[str] = frozenset()  # "in der Nähe von X": X is the place
    # sector nouns that name no actor as a compound's first part ("Generalstreik")
    not_as_prefix: frozenset[str] = frozenset()
    object_control: frozenset[str] = frozenset()  # "forderte Y auf, … zu …": Y acts
    defaults: dict[str, Any] = field(default_factory=dict)
    # memos: (lemma, text) of a noun -> its entries; noun lemma -> its context tags
    noun_cache: BoundedMemo[tuple[str, str], list[Trigger]] = field(
        default_factory=lambda: BoundedMemo(100_000), compare=False, repr=False
    )
    past_lemma_cache: BoundedMemo[str, str] = field(
        default_factory=lambda: BoundedMemo(100_000), compare=False, repr=False
    )
    lemma_tags: BoundedMemo[str, tuple[str, ...]] = field(
        default_factory=lambda: BoundedMemo(200_000), compare=False, repr=False
    )
    _cue_sets: dict[str, frozenset[str]] = field(default_factory=dict)

    # Indexes derived from the tables above, built once on first use (a lexicon is not
    # changed after `build_lexicon`).
    @cached_property
    def verb_heads(self) -> dict[str, frozenset[str]]:
        """Verb lemma -> the words that, put before it, make a lexicon verb ("sichern" ->
        {"zu"} for "zusichern"; "" when the lemma itself is one): a sentence whose verbs are
        no keys here holds no verb trigger."""
        heads: dict[str, set[str]] = {}
        for key in self.verbs:
            for k in range(len(key)):
                heads.setdefault(key[k:], set()).add(key[:k])
        return {base: frozenset(prefixes) for base, prefixes in heads.items()}

    @cached_property
    def compound_tails(self) -> tuple[int, frozenset[str]]:
        """(n, the last n letters of every compound head), n the shortest head's length: a
        word not ending in one of them has no compound head (most words, checked in O(1))."""
        n = min((len(head) for head in self.compound_index), default=1)
        return n, frozenset(head[-n:] for head in self.compound_index)

    @cached_property
    def tag_patterns(self) -> dict[str, re.Pattern[str]]:
        """One compiled regex per context tag: its keywords at the start or, lower-cased,
        at the end of a lemma ("^(?:k1|k2)|(?:k1|k2)$")."""
        patterns: dict[str, re.Pattern[str]] = {}
        for tag, keys in self.context["tags"].items():
            starts = "|".join(re.escape(k) for k in keys)
            ends = "|".join(re.escape(k.lower()) for k in keys)
            patterns[tag] = re.compile(f"^(?:{starts})|(?:{ends})$")
        return patterns

    def default_sector(
        self, type_: str, mode: str, role: str, lemma: str | None = None
    ) -> str | None:
        """The sector of the party an event of `type_`/`mode` implies in `role`, if any; a
        rule with `lemmas` holds only for those trigger lemmas (and only where `lemma` is
        given: an unnamed party, not a named one without a sector)."""
        for rule in self.defaults.get("rules", ()):
            if rule["type"] == type_ and rule["role"] == role and rule.get("mode", mode) == mode:
                lemmas = rule.get("lemmas")
                if lemmas is not None and lemma not in lemmas:
                    continue
                return str(rule["sector"])
        return None

    def cue_set(self, key: str) -> frozenset[str]:
        """A cue list from `status_cues.json` as a set (built once per key)."""
        found = self._cue_sets.get(key)
        if found is None:
            found = self._cue_sets[key] = frozenset(self.cues.get(key, ()))
        return found


def _trigger(rec: dict[str, Any]) -> Trigger:
    pos = rec["pos"]
    type_ = rec["type"]
    actor, recipient = DEFAULT_ROLES[pos]
    recipient = list(rec.get("recipient", recipient))
    if type_ in CONFLICT_TYPES and "pp:gegen" not in recipient:
        recipient.append("pp:gegen")
    return Trigger(
        lemma=rec["lemma"],
        pos=pos,
        type=type_,
        mode=rec.get("mode", ""),
        actor=tuple(rec.get("actor", actor)),
        recipient=tuple(recipient),
        compound=bool(rec.get("compound", False)),
        status=rec.get("status"),
        needs_verb=tuple(rec.get("needs_verb", ())),
        needs_object=tuple(rec.get("needs_object", ())),
        exclude_objects=tuple(rec.get("exclude_objects", ())),
        exclude_prefixes=tuple(rec.get("exclude_prefixes", ())),
        requires_pp=tuple(rec.get("requires_pp", ())),
        requires_word=tuple(rec.get("requires_word", ())),
        needs_recipient=bool(rec.get("needs_recipient", False)),
        swap=bool(rec.get("swap", False)),
        exclude_pp=tuple(rec.get("exclude_pp", ())),
        exclude_prep=tuple(rec.get("exclude_prep", ())),
        no_passive=bool(rec.get("no_passive", False)),
        intransitive=bool(rec.get("intransitive", False)),
        no_reflexive=bool(rec.get("no_reflexive", False)),
        label=rec.get("label"),
    )


def read_triggers(path: Path) -> list[Trigger]:
    """Trigger entries of a JSONL file (blank lines and `//` comments skipped)."""
    out: list[Trigger] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            out.append(_trigger(json.loads(line)))
    return out


def build_lexicon(trigger_paths: tuple[Path, ...] = ()) -> EventLexicon:
    """The shipped lexicons plus extra trigger files (their entries are added first)."""
    lex = EventLexicon()
    triggers: list[Trigger] = []
    for path in trigger_paths:
        triggers.extend(read_triggers(path))
    triggers.extend(read_triggers(DATA_DIR / "triggers.jsonl"))
    for trig in triggers:
        if trig.pos == "VERB":
            lex.verbs.setdefault(trig.lemma.lower(), []).append(trig)
        else:
            lex.nouns.setdefault(trig.lemma.lower(), []).append(trig)
            if trig.compound:
                lex.compound_heads.append((trig.lemma.lower(), trig))
    # entries with constraints first: "verurteilen zu" (SANCTION) before "verurteilen" (ACCUSE)
    for table in (lex.verbs, lex.nouns):
        for entries in table.values():
            # the more constraints an entry has, the more specific it is: "aus der Haft
            # entlassen" (RETREAT) before "aus dem Amt entlassen" (SANCTION)
            entries.sort(
                key=lambda t: -(
                    bool(t.requires_pp)
                    + bool(t.needs_object)
                    + bool(t.requires_word)
                    + bool(t.label)
                )
            )
    lex.compound_heads.sort(key=lambda ht: -len(ht[0]))
    for head, trig in lex.compound_heads:
        lex.compound_index.setdefault(head, trig)
    lex.cues = json.loads((DATA_DIR / "status_cues.json").read_text(encoding="utf-8"))
    lex.context = json.loads((DATA_DIR / "context_tags.json").read_text(encoding="utf-8"))
    lex.defaults = json.loads((DATA_DIR / "default_parties.json").read_text(encoding="utf-8"))
    lex.object_control = frozenset(lex.defaults.get("object_control_verbs", ()))
    sectors = json.loads((DATA_DIR / "sector_nouns.json").read_text(encoding="utf-8"))
    lex.sector_nouns = dict(sectors["nouns"])
    lex.sector_adjectives = {
        k: v for k, v in sectors.get("adjectives", {}).items() if not k.startswith("_")
    }
    lex.sector_modifiers = {
        k: v for k, v in sectors.get("modifiers", {}).items() if not k.startswith("_")
    }
    lex.igo_nouns = {k: v for k, v in sectors.get("igo_nouns", {}).items() if not k.startswith("_")}
    lex.location_preps = frozenset(sectors["location_preps"])
    lex.place_heads = frozenset(sectors["place_head_nouns"])
    lex.von_place_nouns = frozenset(sectors.get("von_place_nouns", ()))
    lex.not_as_prefix = frozenset(sectors.get("not_as_prefix", ()))
    lex.von_attribute_nouns = (
        frozenset(sectors.get("von_attribute_nouns", ())) | lex.von_place_nouns
    )
    return lex


@lru_cache(maxsize=4)
def load_lexicon(trigger_paths: tuple[str, ...] = ()) -> EventLexicon:
    """Cached lexicon (the shipped one unless extra trigger files are named)."""
    return build_lexicon(tuple(Path(p) for p in trigger_paths))
