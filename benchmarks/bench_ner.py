"""Predict time of NER models on the same news-like documents, in one run, one thread.

Why a separate benchmark: the NER was the slowest stage of the language layer, and its cost
depends only on the NER's own tok2vec and decoder, so we time that component alone (tokenised
docs in, `doc.ents` out) for several models side by side; comparing numbers from separate runs on
a shared machine is meaningless.

Usage: python benchmarks/bench_ner.py MODEL [MODEL ...] [--data ../shared/data/quotes-de-news/dev]
       [--articles 30] [--runs 5] [--batch-size 1]
Prints one JSON object: ms per document (median of runs, and of the fastest pass, which is the
least disturbed on a shared machine) and tokens per second per model.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import DEFAULT_DATA, load_texts  # noqa: E402

import lagebild.nlp.ner_tagger  # noqa: E402,F401  (registers "lagebild_ner")


def load_component(model: Path) -> Any:
    """The entity component of a saved pipeline (named "ner" in ours)."""
    nlp = spacy.load(model)
    return nlp.get_pipe("ner" if "ner" in nlp.pipe_names else nlp.pipe_names[-1])


def one_pass(pipe: Any, docs: list[Doc], batch_size: int) -> float:
    """Seconds for the component to annotate fresh copies of `docs` (copying is not timed)."""
    copies = [Doc(pipe.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
              for d in docs]
    start = time.perf_counter()
    for _doc in pipe.pipe(copies, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_models(
    models: list[Path], docs: list[Doc], runs: int, batch_size: int
) -> dict[str, dict[str, float]]:
    """Median seconds per model; passes are interleaved so machine load hits all models alike."""
    pipes = {str(m): load_component(m) for m in models}
    seconds: dict[str, list[float]] = {name: [] for name in pipes}
    for run in range(runs + 1):
        for name, pipe in pipes.items():
            elapsed = one_pass(pipe, docs, batch_size)
            if run:  # the first pass warms caches and is not counted
                seconds[name].append(elapsed)
    n_tokens = sum(len(d) for d in docs)
    out = {}
    for name, values in seconds.items():
        median = statistics.median(values)
        out[name] = {"ms_per_doc": round(1000 * median / len(docs), 2),
                     "ms_per_doc_fastest_pass": round(1000 * min(values) / len(docs), 2),
                     "tokens_per_second": round(n_tokens / median)}
    return out


def main() -> None:
    """Load texts, tokenise once, then time each model on the same docs."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("models", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=1,
                    help="docs per predict call; lagebild.analysis calls nlp(doc), i.e. 1")
    args = ap.parse_args()
    blank = spacy.blank("de")
    docs = [blank.make_doc(t) for t in load_texts(args.data, args.articles)]
    report: dict[str, Any] = {"docs": len(docs),
                              "tokens_per_doc": round(sum(len(d) for d in docs) / len(docs))}
    report["batch_size"] = args.batch_size
    report.update(time_models(args.models, docs, args.runs, args.batch_size))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
