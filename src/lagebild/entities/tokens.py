"""Token texts and character offsets of one Doc, read once from its arrays.

Why: the rule stages ask for token and span texts thousands of times per article, and in
spaCy `doc[i]` builds a new Token and `doc[a:b].text` joins the span's tokens again on every
call; together that cost more than the rules themselves. One `Doc.to_array` read gives the
same strings (`Doc.text` is the tokens' texts joined with their single trailing spaces).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class TokenTable:
    """`texts[i]` is `doc[i].text`, `idx[i]` is `doc[i].idx`, `text` is `doc.text`."""

    texts: list[str]
    idx: list[int]
    text: str

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        """Read the table of `doc` (valid while its tokens are not retokenised)."""
        if not len(doc):
            return cls([], [], "")
        strings = doc.vocab.strings
        orth, idx, space = doc.to_array(["ORTH", "IDX", "SPACY"]).T.tolist()
        texts = [strings[h] for h in orth]
        text = "".join([t + " " if s else t for t, s in zip(texts, space, strict=True)])
        return cls(texts, idx, text)

    def end_char(self, end: int) -> int:
        """`doc[a:end].end_char` for a non-empty span ending before token `end`."""
        return self.idx[end - 1] + len(self.texts[end - 1])

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` for token indices inside the doc ("" for an empty span)."""
        if end <= start:
            return ""
        return self.text[self.idx[start] : self.end_char(end)]
