"""`lagebild_lemmatizer`: German lemmas from a form→lemma table, steered by the predicted POS.

Why not spaCy's trainable edit-tree lemmatizer: with the ~32k UD training tokens we have it
scored clearly below a large dictionary (docs/core.md, "Lemmas"), and spaCy's German lookup
table is context-free and worse still. simplemma's dictionary (MIT) is the most accurate
option we measured, but loading it takes seconds (pure-Python decoding of 1.1M entries), so
`scripts/core_lemma_table.py` extracts the entries whose lemma differs from the form and
whose form is among the 80k most frequent in spaCy's German frequency vocabulary; the table is
stored with this component inside the model folder (`lemmas.json.gz`) and loads in a fraction
of a second. What a table lacks is context, which the morphologizer's POS supplies:

* proper nouns, numbers, punctuation and symbols keep their form;
* verbs are looked up lower-cased (sentence-initial "Habe" → "haben");
* preposition+article contractions ("zum", "im") get the preposition (data file
  `data/lemma_overrides.json`), as in UD German.

The component must run after the morphologizer (it reads `token.pos_`).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.scorer import Scorer
from spacy.tokens import Doc, Token
from spacy.training import Example

DATA = Path(__file__).resolve().parent / "data" / "lemma_overrides.json"
TABLE_FILE = "lemmas.json.gz"
KEEP_FORM_POS = frozenset({"PROPN", "NUM", "PUNCT", "SYM"})
LOWER_POS = frozenset({"VERB", "AUX"})
MEMO_LIMIT = 500_000


@lru_cache(maxsize=1)
def contractions() -> dict[str, str]:
    """Preposition+article contractions → preposition (lower-cased keys)."""
    data: dict[str, dict[str, str]] = json.loads(DATA.read_text(encoding="utf-8"))
    return data["APPRART"]


def lemmatize(table: dict[str, str], form: str, pos: str, sentence_start: bool = False) -> str:
    """Lemma for `form` given its UPOS; `sentence_start` lower-cases capitalised non-nouns.

    `table` holds only forms whose lemma differs from the form; anything else is its own lemma.
    """
    lower = form.lower()
    if pos == "ADP" and lower in contractions():
        return contractions()[lower]
    if pos in KEEP_FORM_POS:
        return form
    if pos in LOWER_POS:
        return table.get(lower, lower)
    if pos != "NOUN" and sentence_start and form[:1].isupper() and not form.isupper():
        return table.get(lower, lower)
    return table.get(form, form)


class DictionaryLemmatizer:
    """Pipeline component writing `token.lemma_` from its table and the token's POS."""

    def __init__(self, overwrite: bool = True) -> None:
        self.overwrite = overwrite
        # form hash, POS id and sentence start packed in one int -> lemma hash; a lemma
        # depends on nothing else, so the memo holds across documents (reset whenever the
        # table is replaced)
        self._memo: dict[int, int] = {}
        self._table: dict[str, str] = {}
        self._vocab: Any = None

    @property
    def table(self) -> dict[str, str]:
        """Form -> lemma for the forms whose lemma differs (see the module docstring)."""
        return self._table

    @table.setter
    def table(self, value: dict[str, str]) -> None:
        """Replacing the table (training, `from_disk`) invalidates the memo."""
        self._table = value
        self._memo = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set every token's lemma with one read and one write of the Doc's arrays: Token
        objects and their string properties cost more than the table look-up itself, and
        the memo makes most tokens one dictionary look-up."""
        if not len(doc):
            return doc
        columns = doc.to_array(["ORTH", "POS", "SENT_START", "LEMMA"]).T.tolist()
        strings = doc.vocab.strings
        if doc.vocab is not self._vocab:  # memoised hashes are only known to their own vocab
            self._memo, self._vocab = {}, doc.vocab
        memo = self._memo
        lemmas = columns[3]
        for i, (orth, pos, sent_start) in enumerate(zip(*columns[:3], strict=True)):
            if self.overwrite or not lemmas[i]:
                start = i == 0 or sent_start == 1
                key = (orth << 9) | (pos << 1) | start  # POS ids are < 256
                lemma = memo.get(key, -1)
                if lemma < 0:
                    form = strings[orth]
                    lemma = strings.add(lemmatize(self.table, form, POS_NAMES[pos], start))
                    if len(memo) >= MEMO_LIMIT:  # a stream of rare forms must not grow it forever
                        memo.clear()
                    memo[key] = lemma
                lemmas[i] = lemma
        column = numpy.asarray(lemmas, dtype=numpy.uint64).reshape(-1, 1)
        doc.from_array(["LEMMA"], column)  # type: ignore[arg-type]  # thinc Ints2d alias
        return doc

    def token_lemma(self, token: Token) -> str:
        """The lemma this component would assign to `token`."""
        return lemmatize(self.table, token.text, token.pos_, token.i == 0 or
                         bool(token.is_sent_start))

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """`lemma_acc`, so that `nlp.evaluate` reports lemmas like spaCy's own lemmatizers."""
        return Scorer.score_token_attr(examples, "lemma", **kwargs)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Store the table in the component's folder (gzip'd JSON: fastest to load of those
        we measured, msgpack and TSV included)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self.table, ensure_ascii=False, sort_keys=True).encode("utf-8")
        (folder / TABLE_FILE).write_bytes(gzip.compress(data, 9, mtime=0))  # reproducible

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DictionaryLemmatizer:
        """Load the table written by `to_disk`."""
        data = gzip.decompress((Path(path) / TABLE_FILE).read_bytes())
        self.table = json.loads(data.decode("utf-8"))
        return self


@Language.factory(
    "lagebild_lemmatizer",
    default_config={"overwrite": True},
    assigns=["token.lemma"],
    requires=["token.pos"],
    default_score_weights={"lemma_acc": 1.0},
)
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> DictionaryLemmatizer:
    """Factory for `DictionaryLemmatizer`; its table comes from the model folder."""
    return DictionaryLemmatizer(overwrite=overwrite)
