"""Compare German lemmatisers on the UD evaluation DocBin (gold tokens): accuracy and speed.

Why: the core model needs lemmas; candidates are the spaCy lookup table (spacy-lookups-data,
MIT), simplemma (MIT), HanTa (LGPL) and the trainable edit-tree lemmatizer in our own model.
We pick by accuracy AND speed. Prints one JSON object.
Usage: python scripts/core_lemma_bench.py [--docbin training/core/corpus/eval.spacy]
       [--model training/core/run1/model-best]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin


def accuracy(docs: list[Doc], predict: Callable[[Doc], list[str]]) -> tuple[float, float]:
    """Exact-match lemma accuracy (punctuation included, as spaCy's scorer) and tokens/s."""
    n = ok = 0
    t0 = time.perf_counter()
    preds = [predict(d) for d in docs]
    dt = time.perf_counter() - t0
    for doc, pred in zip(docs, preds, strict=True):
        for tok, lemma in zip(doc, pred, strict=True):
            n += 1
            ok += int(tok.lemma_ == lemma)
    return ok / n, n / dt


def lookup_predictor() -> Callable[[Doc], list[str]]:
    """spaCy's German lookup table: exact form, then lower-cased form, else the form."""
    import srsly
    from spacy_lookups_data import get_file  # type: ignore[import-untyped]

    table: dict[str, str] = srsly.read_gzip_json(get_file("de_lemma_lookup.json.gz"))

    def predict(doc: Doc) -> list[str]:
        return [table.get(t.text, table.get(t.text.lower(), t.text)) for t in doc]

    return predict


def simplemma_predictor() -> Callable[[Doc], list[str]]:
    """simplemma's German dictionary + rules."""
    import simplemma

    def predict(doc: Doc) -> list[str]:
        return [simplemma.lemmatize(t.text, lang="de") for t in doc]

    return predict


def hanta_predictor() -> Callable[[Doc], list[str]]:
    """HanTa HMM tagger+lemmatiser (needs the sentence for context)."""
    from HanTa import HanoverTagger as ht  # type: ignore[import-untyped]

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")

    def predict(doc: Doc) -> list[str]:
        return [lemma for _, lemma, _ in tagger.tag_sent([t.text for t in doc])]

    return predict


def table_predictor() -> Callable[[Doc], list[str]]:
    """The shipped `lagebild_lemmatizer` table + POS rules, fed the treebank's (gold) POS."""
    from core_lemma_table import build_table

    from lagebild.nlp.lemmatizer import lemmatize

    table = build_table()

    def predict(doc: Doc) -> list[str]:
        return [lemmatize(table, t.text, t.pos_, t.i == 0) for t in doc]

    return predict


def model_predictor(path: str) -> Callable[[Doc], list[str]]:
    """Our trained pipeline on gold tokens (all components run: lemmatizer needs tok2vec)."""
    nlp = spacy.load(path)

    def predict(doc: Doc) -> list[str]:
        pred = nlp(Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_)
                                                                          for t in doc]))
        return [t.lemma_ for t in pred]

    return predict


def main() -> None:
    """Run every available lemmatiser and print accuracy and speed."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--docbin", default="training/core/corpus/eval.spacy")
    ap.add_argument("--model", default=None)
    ap.add_argument("--only", nargs="*", default=None)
    args = ap.parse_args()
    vocab = spacy.blank("de").vocab
    docs = list(DocBin().from_disk(Path(args.docbin)).get_docs(vocab))
    candidates: dict[str, Callable[[], Callable[[Doc], list[str]]]] = {
        "lookup": lookup_predictor,
        "simplemma": simplemma_predictor,
        "hanta": hanta_predictor,
        "table_gold_pos": table_predictor,
    }
    if args.model:
        candidates["model"] = lambda: model_predictor(args.model)
    out = {}
    for name, make in candidates.items():
        if args.only and name not in args.only:
            continue
        acc, speed = accuracy(docs, make())
        out[name] = {"lemma_acc": round(acc, 4), "tokens_per_s": round(speed)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
