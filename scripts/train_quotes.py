"""Fit the quotation scorer (logistic regression over rule-candidate features).

    python scripts/train_quotes.py [--train ../shared/data/quotes-de-news/train] [--dev …/dev]

A candidate is a positive example when at least half of its tokens lie in a gold quote (for
`direct`: a gold Direct quote). One model per candidate kind; the per-kind threshold is picked
from a short grid by quote F1 on dev (model selection only). Weights go to
`src/lagebild/models/quotes/scorer.json`. Retrain when the core model (POS/morph/parse)
changes, since the features use those annotations when present.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import spacy

from lagebild.nlp.pipeline import load
from lagebild.quotes.component import QuoteAttributor
from lagebild.quotes.corpus import iter_corpus
from lagebild.quotes.rules import extract_candidates
from lagebild.quotes.scorer import WEIGHTS_FILE, Scorer, fit_logistic

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "quotes-de-news"


def training_rows(nlp, train_dir: Path) -> dict[str, list[tuple[dict[str, float], int]]]:  # type: ignore[no-untyped-def]
    """(features, label) per candidate kind from the training corpus."""
    rows: dict[str, list[tuple[dict[str, float], int]]] = {}
    docs = list(iter_corpus(train_dir))
    for cdoc, doc in zip(docs, _parsed(nlp, docs, train_dir), strict=True):
        gold_all: set[int] = set()
        gold_direct: set[int] = set()
        for a in cdoc.data["annotations"]:
            ids = set(a["quote"]["tokenIds"])
            gold_all |= ids
            if a["type"] == "Direct":
                gold_direct |= ids
        for c in extract_candidates(doc):
            ids: set[int] = set()
            for s, e in c.parts:
                ids.update(cdoc.token_ids(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])))
            if not ids:
                continue
            gold = gold_direct if c.kind == "direct" else gold_all
            label = int(len(ids & gold) * 2 >= len(ids))
            rows.setdefault(c.kind, []).append((dict(c.features), label))
    return rows


def _parsed(nlp, docs, train_dir: Path) -> list:  # type: ignore[no-untyped-def]
    """Parse the training texts once and cache them (DocBin in the temp dir) across runs."""
    import hashlib
    import tempfile

    from spacy.tokens import DocBin

    key = hashlib.sha1(
        (str(train_dir.resolve()) + "|".join(nlp.pipe_names) + _model_stamp()).encode()
    ).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"lagebild_quotes_train_{key}.spacy"
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    parsed = list(nlp.pipe(d.text for d in docs))
    DocBin(store_user_data=False, docs=parsed).to_disk(cache)
    return parsed


def _model_stamp() -> str:
    """Newest modification time under the core and NER model folders (invalidates the cache
    when another helper replaces a model)."""
    from lagebild.nlp.pipeline import CORE_MODEL, NER_MODEL

    stamps = [
        f.stat().st_mtime_ns for d in (CORE_MODEL, NER_MODEL) if d.exists() for f in d.rglob("*")
    ]
    return str(max(stamps, default=0))


def main() -> None:
    """Train, pick thresholds on dev, save."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", type=Path, default=DATA / "train")
    ap.add_argument("--dev", type=Path, default=DATA / "dev")
    ap.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    ap.add_argument("--epochs", type=int, default=30, help="SGD epochs per candidate kind")
    ap.add_argument(
        "--reported-threshold",
        type=float,
        default=0.3,
        help="fixed threshold for reported speech acts (the corpus annotates them sparsely, "
        "so a dev-tuned threshold drops most announcements; we keep recall for them)",
    )
    args = ap.parse_args()
    nlp = load(stages=False)
    rows = training_rows(nlp, args.train)
    if len(nlp.pipe_names) > 1:
        # also learn from token/sentence-only docs, so the scorer holds when annotations are missing
        blank = spacy.blank("de")
        blank.add_pipe("lagebild_sentences")
        for kind, extra in training_rows(blank, args.train).items():
            rows.setdefault(kind, []).extend(extra)
    random.seed(0)
    weights = {}
    for kind, data in rows.items():
        random.shuffle(data)
        weights[kind] = fit_logistic(data, epochs=args.epochs)
        print(kind, len(data), "positives", sum(y for _, y in data))
    scorer = Scorer(weights=weights, thresholds={k: 0.5 for k in weights})
    att = QuoteAttributor(scorer)
    if "reported" in scorer.thresholds:
        scorer.thresholds["reported"] = args.reported_threshold
    best = evaluate_quotes_with(nlp, att, args.dev)
    for kind in weights:
        if kind == "reported":
            continue
        for th in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
            old = scorer.thresholds[kind]
            scorer.thresholds[kind] = th
            f = evaluate_quotes_with(nlp, att, args.dev)
            if f > best + 1e-4:
                best = f
            else:
                scorer.thresholds[kind] = old
        print(kind, "threshold", scorer.thresholds[kind], "dev quote F1", round(best, 4))
    scorer.save(args.out)
    print("saved", args.out)


def evaluate_quotes_with(nlp, att: QuoteAttributor, dev: Path) -> float:  # type: ignore[no-untyped-def]
    """Dev quote F1 + joint F1 with a given attributor (model selection for the thresholds)."""
    from lagebild.quotes.evaluate import Tally, _score_doc

    docs = list(iter_corpus(dev))
    tally = Tally()
    for cdoc, doc in zip(docs, _parsed(nlp, docs, dev), strict=True):
        _score_doc(tally, cdoc, att.quotes(doc))
    res = tally.result()
    return float(res["quote"]["f1"] + res["joint"]["f1"])


if __name__ == "__main__":
    main()
