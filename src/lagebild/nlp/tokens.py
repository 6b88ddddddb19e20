"""Token attributes of one Doc as plain Python lists, read once and shared by the rule stages.

Why: the entity, quote and event rules read the same few attributes of the same tokens
thousands of times per article, and in spaCy `doc[i]` builds a new Token object on every
call, each `token.pos_` is a string-store look-up and `doc[a:b].text` joins the span's tokens
again. One `Doc.to_array` read gives the same strings; the table of the last doc is kept, so
every stage after the language layer reuses it. A doc must not be retokenised after its table
was built (no lagebild stage does).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import DEP, IDX, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc

_STRING_ATTRS = [ORTH, LOWER, POS, TAG, LEMMA, DEP]
_NUMBER_ATTRS = [IDX, SPACY, SENT_START]


class TokenTable:
    """Per-token lists of one doc — `texts[i] == doc[i].text`, `idx`, `lower`, `pos`, `tag`,
    `lemma`, `dep`, `ws` (trailing space) — plus `text` (== `doc.text`) and `sentences`
    (token ranges)."""

    def __init__(self, doc: Doc | None = None) -> None:
        self.doc = doc
        n = len(doc) if doc is not None else 0
        if doc is not None and n:
            columns = doc.to_array(_STRING_ATTRS).T.tolist()
            texts, lower, pos, tag, lemma, dep = (_names(col, doc) for col in columns)
            idx, space, starts_flags = doc.to_array(_NUMBER_ATTRS).T.tolist()
        else:
            texts, lower, pos, tag, lemma, dep = [], [], [], [], [], []
            idx, space, starts_flags = [], [], []
        self.texts: list[str] = texts
        self.lower: list[str] = lower
        self.pos: list[str] = pos
        self.tag: list[str] = tag
        self.lemma: list[str] = lemma
        self.dep: list[str] = dep
        self.idx: list[int] = idx
        self.ws = [" " if s else "" for s in space]
        self.text_ws = [t + w for t, w in zip(texts, self.ws, strict=True)]
        self.text = "".join(self.text_ws)  # == doc.text, which joins Token objects
        starts = [0] + [i for i in range(1, n) if starts_flags[i] == 1]
        self.sentences = list(zip(starts, [*starts[1:], n], strict=True)) if n else []
        self._sent_starts = starts

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        """The table of `doc`: built once per doc, then reused by every later stage."""
        global _LAST
        cached = _LAST
        if cached is not None and cached[0] is doc and len(cached[1]) == len(doc):
            return cached[1]
        table = cls(doc)
        _LAST = (doc, table)
        return table

    def __len__(self) -> int:
        return len(self.texts)

    def end_char(self, end: int) -> int:
        """`doc[a:end].end_char` for a non-empty span ending before token `end`."""
        return self.idx[end - 1] + len(self.texts[end - 1])

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` without building the span ("" for an empty span)."""
        if end <= start:
            return ""
        return self.text[self.idx[start] : self.end_char(end)]

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """Token range of the sentence that holds token `i`."""
        k = bisect_right(self._sent_starts, i) - 1
        return self.sentences[k]

    def sent_start_of(self, i: int) -> int:
        """First token of the sentence that holds token `i`."""
        return self.sent_bounds(i)[0]


_LAST: tuple[Doc, TokenTable] | None = None
# string hash -> string: a plain dict is several times faster than the StringStore, and a
# hash names the same string in every vocab
_NAMES: dict[int, str] = {}


def _names(hashes: list[int], doc: Doc) -> list[str]:
    """The strings of a column of string hashes."""
    try:
        return list(map(_NAMES.__getitem__, hashes))
    except KeyError:
        if len(_NAMES) > 1_000_000:
            _NAMES.clear()
        strings = doc.vocab.strings
        for h in hashes:
            if h not in _NAMES:
                _NAMES[h] = strings[h]
        return list(map(_NAMES.__getitem__, hashes))
