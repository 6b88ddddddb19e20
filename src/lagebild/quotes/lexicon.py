"""Load the quotation lexicons (data files beside this module) once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lagebild.memo import BoundedMemo

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class VerbCue:
    """A reporting verb: its forms, an optional separable particle, and what it can head."""

    lemma: str
    particle: str | None
    medium: str
    reported: bool


@dataclass
class Lexicon:
    """All word lists the rules read (`cues.jsonl`, `media_nouns.txt`, `konjunktiv.txt`, …)."""

    verb_forms: dict[str, list[VerbCue]] = field(default_factory=dict)
    prep_cues: set[str] = field(default_factory=set)
    postp_cues: set[str] = field(default_factory=set)
    nach_nouns: set[str] = field(default_factory=set)
    adv_cues: set[str] = field(default_factory=set)
    media_nouns: set[str] = field(default_factory=set)
    konjunktiv: set[str] = field(default_factory=set)
    words: dict[str, set[str]] = field(default_factory=dict)
    _media_cache: dict[str, bool] = field(default_factory=dict)
    # word -> names a source noun (see `rules._is_nach_noun`); fixed once the lexicon is read
    nach_noun_cache: BoundedMemo[str, bool] = field(default_factory=lambda: BoundedMemo(100_000))

    def cue_words(self) -> set[str]:
        """Lower-case words other than reporting verbs that can start a cue in `_find_cues`:
        prepositions, postpositions, adverbs, "nach", "so" and "wie"."""
        return self.prep_cues | self.postp_cues | self.adv_cues | {"nach", "so", "wie"}

    def verb_cues(self, form: str) -> list[VerbCue]:
        """Reporting-verb readings of a token form (lower case)."""
        return self.verb_forms.get(form.lower(), [])

    def is_media(self, word: str) -> bool:
        """True for a media noun or a compound ending in one (Staatsfernsehen, Regionalzeitung)."""
        cached = self._media_cache.get(word)
        if cached is not None:
            return cached
        low = word.lower()
        stems = {low}
        if low.endswith("s"):
            stems.add(low[:-1])  # genitive: "des Staatsfernsehens"
        if low.endswith("es"):
            stems.add(low[:-2])
        hit = word in self.media_nouns or any(
            (st == m.lower() or (len(st) > len(m) + 2 and st.endswith(m.lower())))
            for m in self.media_nouns
            if len(m) > 5
            for st in stems
        )
        self._media_cache[word] = hit
        return hit


def _lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a word list."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


# particles that are not written together with the verb ("sich", pronominal adverbs, nouns)
UNJOINED_PARTICLES = {"sich", "damit", "davon", "darauf", "daran", "von", "verlauten"}


def _add_joined_forms(lex: Lexicon, row: dict[str, object], cue: VerbCue) -> None:
    """Verb-final clauses write the particle together with the verb ("wie die Polizei
    mitteilte", "nachdem er bekanntgab", "hatte hingewiesen"): add particle+form readings
    that need no separate particle."""
    part = cue.particle
    if not part or not part.isalpha() or not part.islower() or part in UNJOINED_PARTICLES:
        return
    joined = VerbCue(cue.lemma, None, cue.medium, cue.reported)
    forms = row.get("forms")
    if not isinstance(forms, list):
        return
    for form in forms:
        low = str(form).lower()
        if low.startswith(part) or " " in low:
            continue
        entries = lex.verb_forms.setdefault(part + low, [])
        if all(e.lemma != joined.lemma for e in entries):
            entries.append(joined)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the data files; cached because every doc uses the same lexicon."""
    lex = Lexicon()
    with (HERE / "cues.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            kind = row["kind"]
            if kind == "verb":
                cue = VerbCue(
                    row["lemma"],
                    row.get("particle"),
                    row.get("medium", "SW"),
                    bool(row.get("reported")),
                )
                for form in row["forms"]:
                    lex.verb_forms.setdefault(form.lower(), []).append(cue)
                _add_joined_forms(lex, row, cue)
            elif kind == "prep":
                lex.prep_cues.update(f.lower() for f in row["forms"])
            elif kind == "postp":
                lex.postp_cues.update(f.lower() for f in row["forms"])
            elif kind == "prep_noun":
                lex.nach_nouns.update(row.get("nouns", []))
            elif kind == "adv":
                lex.adv_cues.update(f.lower() for f in row["forms"])
    lex.media_nouns = set(_lines(HERE / "media_nouns.txt"))
    lex.konjunktiv = {w.lower() for w in _lines(HERE / "konjunktiv.txt")}
    with (HERE / "words.json").open(encoding="utf-8") as fh:
        lex.words = {k: set(v) for k, v in json.load(fh).items()}
    return lex
