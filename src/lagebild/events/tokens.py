"""Token attributes of a Doc as plain Python lists, built once per doc.

`doc[i]` creates a new `Token` object on every call and each `tok.pos_` is a string-store
look-up; the event rules read the same few attributes of the same tokens many times, so they
read them from these lists instead (built from one `Doc.to_array` call, no Token objects).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc

_ATTRS = [ORTH, LOWER, POS, TAG, LEMMA, DEP]


class DocTokens:
    """Per-token lists (`text`, `lower`, `pos`, `tag`, `lemma`, `dep`, `ws`), the doc's text,
    and its sentences as token ranges (`sentences`)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = len(doc)
        if n:
            columns = doc.to_array(_ATTRS).T.tolist()
            text, lower, pos, tag, lemma, dep = (_names(col, doc) for col in columns)
        else:
            text, lower, pos, tag, lemma, dep = [], [], [], [], [], []
        self.text: list[str] = text
        self.lower: list[str] = lower
        self.pos: list[str] = pos
        self.tag: list[str] = tag
        self.lemma: list[str] = lemma
        self.dep: list[str] = dep
        flags = doc.to_array([SPACY, SENT_START]).tolist() if n else []
        self.ws = [" " if f[0] else "" for f in flags]
        self.text_ws = [t + w for t, w in zip(text, self.ws, strict=True)]
        self.doc_text = "".join(self.text_ws)  # == doc.text, which joins Token objects
        starts = [0] + [i for i in range(1, n) if flags[i][1] == 1]
        self.sentences = list(zip(starts, [*starts[1:], n], strict=True)) if n else []
        self._sent_starts = starts

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """Token range of the sentence that holds token `i`."""
        k = bisect_right(self._sent_starts, i) - 1
        return self.sentences[k]

    def sent_start_of(self, i: int) -> int:
        """First token of the sentence that holds token `i`."""
        return self.sent_bounds(i)[0]

    def __len__(self) -> int:
        return len(self.text)

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` without building the span."""
        if end <= start:
            return ""
        return "".join(self.text_ws[start : end - 1]) + self.text[end - 1]


_LAST: tuple[Doc, DocTokens] | None = None
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


def doc_tokens(doc: Doc) -> DocTokens:
    """The `DocTokens` of `doc` (the last doc's lists are kept, so each doc builds them once;
    a doc must not be changed while its events are found)."""
    global _LAST
    cached = _LAST
    if cached is not None and cached[0] is doc and len(cached[1]) == len(doc):
        return cached[1]
    table = DocTokens(doc)
    _LAST = (doc, table)
    return table
