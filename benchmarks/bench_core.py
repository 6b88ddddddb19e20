"""Predict time of the core model's trained components, per article, for several models at once.

Times `tok2vec`, `tagger`, `morphologizer` and `parser` one article at a time (as
`analyze_article` runs them), CPU time, on ~600-word articles built like `bench_pipeline.py`
from ../shared/data/quotes-de-news/dev. The models are timed interleaved, round by round, so a
comparison is fair on a shared machine; the first model is the baseline for the reduction.

Usage: python benchmarks/bench_core.py [NAME=MODEL_DIR ...] [--articles 30] [--rounds 7]
(default: the installed core). Prints one JSON object: ms per article per component (minimum
over rounds), the total (median and minimum) and the reduction of the median vs. the first.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy is imported: one BLAS thread

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import DEFAULT_DATA, load_texts  # noqa: E402

CORE = ("tok2vec", "tagger", "morphologizer", "parser")


def main() -> None:
    """CLI entry point."""
    import spacy

    from lagebild.nlp.pipeline import CORE_MODEL

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="*", default=[f"installed={CORE_MODEL}"])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    texts = load_texts(args.data, args.articles)
    models: dict[str, Any] = {}
    for spec in args.models:
        name, _, path = spec.rpartition("=")
        nlp = spacy.load(path, exclude=["lagebild_lemmatizer", "lagebild_mood"])
        nlp.add_pipe("lagebild_sentences", first=True)
        models[name or path] = nlp
    times: dict[str, dict[str, list[float]]] = {n: {c: [] for c in CORE} for n in models}
    tokens = 0
    for _ in range(args.rounds):
        for name, nlp in models.items():
            docs = [nlp.get_pipe("lagebild_sentences")(nlp.make_doc(t)) for t in texts]
            tokens = sum(len(d) for d in docs)
            for component in CORE:
                pipe = nlp.get_pipe(component)
                start = time.process_time()
                docs = [pipe(d) for d in docs]
                times[name][component].append(time.process_time() - start)
    per_doc = 1000 / len(texts)
    report: dict[str, Any] = {"articles": len(texts), "tokens_per_article": tokens / len(texts),
                              "rounds": args.rounds, "models": {}}
    for name in models:
        totals = [sum(times[name][c][i] for c in CORE) for i in range(args.rounds)]
        row: dict[str, float] = {c: round(min(v) * per_doc, 2) for c, v in times[name].items()}
        row["core_median_ms"] = round(statistics.median(totals) * per_doc, 2)
        row["core_min_ms"] = round(min(totals) * per_doc, 2)
        report["models"][name] = row
    base = report["models"][next(iter(models))]["core_median_ms"]
    for row in report["models"].values():
        row["reduction"] = round(1 - row["core_median_ms"] / base, 3)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
