"""Knowledge-base mention patterns, compiled once per pipeline load.

The KB's aliases become one `PhraseMatcher` (plain strings) plus one `Matcher` (token-pattern
lists), so finding every KB name in a document costs one pass over its tokens rather than a
look-up per token and alias. Genitive forms ("Putins", "Russlands") are added for every alias
that does not already end in a sibilant, because German news uses them constantly and KB
alias lists rarely spell them out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

GENITIVE_BLOCKING_ENDINGS = ("s", "x", "z", "ß")


@dataclass
class KbMatch:
    """A token span `[start, end)` that spells a KB alias; `ids` are all KB ids it may mean."""

    start: int
    end: int
    label: str
    ids: list[str] = field(default_factory=list)

    @property
    def length(self) -> int:
        return self.end - self.start


class KbRuler:
    """Finds KB aliases in a Doc (an EntityRuler that reports KB ids instead of setting ents)."""

    def __init__(self, nlp: Language, patterns: Iterable[dict[str, Any]]) -> None:
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.token_matcher = Matcher(nlp.vocab)
        self._keys: dict[int, tuple[str, str]] = {}  # match key hash -> (kb id, label)
        phrases: dict[str, list[str]] = defaultdict(list)  # key -> alias strings
        for pattern in patterns:
            kb_id = str(pattern.get("id") or "")
            label = str(pattern.get("label") or "MISC")
            if not kb_id:
                continue
            key = f"{label}|{kb_id}"
            self._keys[nlp.vocab.strings.add(key)] = (kb_id, label)
            value = pattern.get("pattern")
            if isinstance(value, str) and value.strip():
                phrases[key].extend(_with_genitive(value.strip()))
            elif isinstance(value, list) and value:
                self.token_matcher.add(key, [value])
        for key, texts in phrases.items():
            unique = list(dict.fromkeys(texts))
            self.phrase_matcher.add(key, [nlp.make_doc(text) for text in unique])

    def __call__(self, doc: Doc) -> list[KbMatch]:
        """Longest non-overlapping KB matches in document order (ids merged per span)."""
        spans: dict[tuple[int, int], KbMatch] = {}
        raw = list(self.phrase_matcher(doc))
        if len(self.token_matcher):
            raw += list(self.token_matcher(doc))
        for key, start, end in raw:
            kb_id, label = self._keys.get(key, ("", "MISC"))
            if not kb_id:
                continue
            found = spans.get((start, end))
            if found is None:
                found = spans[(start, end)] = KbMatch(start, end, label)
            if kb_id not in found.ids:
                found.ids.append(kb_id)
        return longest_first(list(spans.values()))


def longest_first(matches: list[KbMatch]) -> list[KbMatch]:
    """Greedy selection of non-overlapping spans, longer first, earlier first on ties."""
    chosen: list[KbMatch] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (-m.length, m.start)):
        if any(i in taken for i in range(match.start, match.end)):
            continue
        chosen.append(match)
        taken.update(range(match.start, match.end))
    return sorted(chosen, key=lambda m: m.start)


def _with_genitive(text: str) -> list[str]:
    """The alias and, where German would inflect it so, its genitive in -s."""
    if text.endswith(GENITIVE_BLOCKING_ENDINGS) or not text[-1:].isalpha():
        return [text]
    return [text, text + "s"]
