"""List frequent gold cue lemmas of the quotation corpus's TRAIN split that the lexicon misses.

    python scripts/quotes_mine_cues.py [--train ../shared/data/quotes-de-news/train] [--top 80]

For every gold cue token (corpus `cue` role) we take the lemma and POS from our core model and
check whether `cues.jsonl` has a reading for the token form. Uncovered lemmas are printed by
frequency with the quote types they cue, so general German reporting verbs and nouns can be
added to the lexicon by hand (only general words — never names or phrases of one article).
Reads the train split only.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from lagebild.nlp.pipeline import load
from lagebild.quotes.corpus import iter_corpus
from lagebild.quotes.lexicon import load_lexicon

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "quotes-de-news"


def main() -> None:
    """Count uncovered gold cue lemmas (verbs, nouns, other) and print the most frequent."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=Path, default=DATA / "train")
    ap.add_argument("--top", type=int, default=80)
    args = ap.parse_args()
    nlp = load(stages=False)
    lex = load_lexicon()
    missing: Counter[tuple[str, str]] = Counter()
    covered: Counter[str] = Counter()
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    docs = list(iter_corpus(args.train))
    for cdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        toks = cdoc.tokens
        for ann in cdoc.data["annotations"]:
            for tid in ann["cue"]["tokenIds"]:
                t = toks[tid]
                span = doc.char_span(t["charBegin"], t["charEnd"], alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                tok = span[0]
                if tok.is_punct or tok.pos_ in ("DET", "ADP", "PRON", "PART", "CCONJ", "AUX"):
                    continue
                lemma = tok.lemma_ or tok.lower_
                if lex.verb_cues(tok.text) or tok.lower_ in lex.prep_cues | lex.postp_cues:
                    covered[lemma] += 1
                    continue
                key = (lemma, tok.pos_)
                missing[key] += 1
                types[key][ann["type"]] += 1
    print(f"covered cue tokens: {sum(covered.values())}; uncovered: {sum(missing.values())}")
    for (lemma, pos), n in missing.most_common(args.top):
        kinds = ", ".join(f"{k}:{v}" for k, v in types[(lemma, pos)].most_common(3))
        print(f"{n:5d}  {lemma:24} {pos:6} {kinds}")


if __name__ == "__main__":
    main()
