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
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token
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
    """One flag per token: does a sentence start here?"""
    flags = [False] * len(doc)
    if not len(doc):
        return flags
    flags[0] = True
    open_quote: tuple[str, int] | None = None  # (mark, token index) of the innermost open quote
    end_pending = False  # final punctuation seen, waiting for the next real token
    for i, token in enumerate(doc):
        text = token.text
        if token.is_space:
            if "\n" in text:
                open_quote = None
                end_pending = False
                if i + 1 < len(doc):
                    flags[i + 1] = True
            continue
        if open_quote is not None and i - open_quote[1] > MAX_QUOTE_TOKENS:
            open_quote = None
        if _is_quote_mark(token):
            if open_quote is not None and text in QUOTE_PAIRS[open_quote[0]]:
                open_quote = None
                # final punctuation inside the closing mark ends the sentence: `… kommen.“ Dann`
                end_pending = i > 0 and doc[i - 1].text in FINAL_PUNCT
                continue
            if open_quote is None and text in QUOTE_PAIRS and _opens(token):
                if end_pending:
                    flags[i] = True
                    end_pending = False
                open_quote = (text, i)
                continue
            continue
        if end_pending:
            if _can_start_sentence(token):
                flags[i] = True
            end_pending = False
        if text in FINAL_PUNCT and open_quote is None:
            end_pending = True
    return flags


def _is_quote_mark(token: Token) -> bool:
    return token.text in QUOTE_PAIRS or token.text in {"“", "”", "‘", "’", "«", "»"}


def _opens(token: Token) -> bool:
    """Symmetric marks (") open only where no word touches them on the left."""
    if token.text != '"':
        return True
    if token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return bool(prev.whitespace_) or prev.is_space or prev.is_punct


def _can_start_sentence(token: Token) -> bool:
    """After a full stop, lower-case continuations ("usw. und") and commas do not start one."""
    first = token.text[0]
    return first.isupper() or first.isdigit() or first in "([„»«\"'‚" or token.is_space
