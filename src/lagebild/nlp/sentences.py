"""Sentence boundaries for German news text, set before any statistical component runs.

spaCy's German tokenizer already keeps abbreviations ("Dr.", "z.", "B.", "Nr.") and ordinals
("3.") as single tokens, so a full stop token is a real sentence end unless it stands inside
a quotation. What the rules add: no break inside „…“, »…«, «…« or "…", a break after a closing
quotation mark that follows final punctuation, and a break at every line break (headlines and
subheads carry no full stop).
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

FINAL_PUNCT = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
# opening mark -> the closing marks it accepts
QUOTE_PAIRS: dict[str, frozenset[str]] = {
    "„": frozenset({"“", "”", '"'}),
    "‚": frozenset({"‘", "’"}),
    "“": frozenset({"”"}),
    '"': frozenset({'"', "“"}),
    "»": frozenset({"«"}),
    "«": frozenset({"»"}),
}
QUOTE_MARKS = frozenset(QUOTE_PAIRS) | {"“", "”", "‘", "’", "«", "»"}
MAX_QUOTE_TOKENS = 250  # an unclosed mark this far back is treated as stray, not as a quotation


@Language.component(
    "lagebild_sentences",
    assigns=["token.is_sent_start"],
)
def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts on `doc` (the component; see module docstring for the rules).

    Written as one array: setting `token.is_sent_start` token by token re-checks the whole
    doc for a parse each time, which made this component quadratic in the document length.
    """
    if not len(doc):
        return doc
    flags = numpy.array([1 if start else -1 for start in sentence_starts(doc)], dtype="int32")
    doc.from_array([SENT_START], cast(Ints2d, flags.astype("uint64").reshape(-1, 1)))
    return doc


def sentence_starts(doc: Doc) -> list[bool]:
    """One flag per token: does a sentence start here?

    Works on plain strings and flags read in one `to_array` call: creating a `Token` object per
    token cost more than the rules themselves.
    """
    n = len(doc)
    flags = [False] * n
    if not n:
        return flags
    flags[0] = True
    rows = doc.to_array([ORTH, SPACY, IS_PUNCT]).tolist()
    strings = doc.vocab.strings
    texts = [strings[row[0]] for row in rows]
    open_quote: tuple[str, int] | None = None  # (mark, token index) of the innermost open quote
    end_pending = False  # final punctuation seen, waiting for the next real token
    for i, text in enumerate(texts):
        if text.isspace():
            if "\n" in text:
                open_quote = None
                end_pending = False
                if i + 1 < n:
                    flags[i + 1] = True
            continue
        if open_quote is not None and i - open_quote[1] > MAX_QUOTE_TOKENS:
            open_quote = None
        if text in QUOTE_MARKS:
            if open_quote is not None and text in QUOTE_PAIRS[open_quote[0]]:
                open_quote = None
                # final punctuation inside the closing mark ends the sentence: `… kommen.“ Dann`
                end_pending = i > 0 and texts[i - 1] in FINAL_PUNCT
                continue
            if open_quote is None and text in QUOTE_PAIRS and _opens(texts, rows, i):
                if end_pending:
                    flags[i] = True
                    end_pending = False
                open_quote = (text, i)
            continue
        if end_pending:
            if _can_start_sentence(text):
                flags[i] = True
            end_pending = False
        if text in FINAL_PUNCT and open_quote is None:
            end_pending = True
    return flags


def _opens(texts: list[str], rows: list[list[int]], i: int) -> bool:
    """Symmetric marks (") open only where no word touches them on the left (`rows`: ORTH,
    SPACY, IS_PUNCT per token)."""
    if texts[i] != '"' or i == 0:
        return True
    _, trailing_space, is_punct = rows[i - 1]
    return bool(trailing_space) or texts[i - 1].isspace() or bool(is_punct)


def _can_start_sentence(text: str) -> bool:
    """After a full stop, lower-case continuations ("usw. und") and commas do not start one."""
    first = text[0]
    return first.isupper() or first.isdigit() or first in "([„»«\"'‚" or text.isspace()
