"""Throughput of lagebild's language layer (sentences, core model, NER) on ONE CPU core.

Loads `lagebild.load(stages=False)`, runs it over German news text and reports tokens/s as the
median of several runs, next to spaCy's bare German tokenizer (`spacy.blank("de")`) measured
over the same text in the same run, so the ratio stays comparable across machines and load.
Also reports the load time. Prints one JSON object.

Text: `originalText` of ../shared/data/quotes-de-news/dev/*.json by default, or the files /
folders given as arguments (.json with `originalText`, or plain text).

Usage: python benchmarks/bench_language_layer.py [PATH ...] [--runs 5] [--limit-chars N]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy is imported: one core means one BLAS thread

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = REPO / ".." / "shared" / "data" / "quotes-de-news" / "dev"


def pin_to_one_core() -> int | None:
    """Restrict this process to a single CPU (Linux); returns the CPU used, if any."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def read_texts(paths: Iterable[Path]) -> list[str]:
    """Texts from .json files (`originalText`) and plain-text files, folders expanded."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path])
    texts: list[str] = []
    for file in files:
        raw = file.read_text(encoding="utf-8")
        if file.suffix == ".json":
            text = json.loads(raw).get("originalText", "")
        else:
            text = raw
        if text.strip():
            texts.append(text)
    return texts


def median_seconds(run: Callable[[], Any], runs: int) -> tuple[float, float, list[float]]:
    """Median wall time and median CPU time of `runs` calls (after one warm-up call).

    CPU time (this process only) is reported too because on a shared machine the wall time
    also counts the time other processes hold the core.
    """
    run()
    walls, cpus = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), walls


def main() -> None:
    """Measure and print the JSON report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_TEXT])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit-chars", type=int, default=0, help="use only this many characters")
    args = ap.parse_args()
    cpu = pin_to_one_core()

    t0 = time.perf_counter()
    import spacy

    import lagebild
    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp = lagebild.load(stages=False)
    load_s = time.perf_counter() - t0

    texts = read_texts(args.paths)
    if args.limit_chars:
        kept, total = [], 0
        for text in texts:
            if total >= args.limit_chars:
                break
            kept.append(text)
            total += len(text)
        texts = kept
    blank = spacy.blank("de")
    n_tokens = sum(len(doc) for doc in blank.pipe(texts))

    layer_s, layer_cpu, layer_times = median_seconds(lambda: list(nlp.pipe(texts)), args.runs)
    tok_s, tok_cpu, tok_times = median_seconds(lambda: list(blank.pipe(texts)), args.runs)
    report = {
        "texts": len(texts),
        "characters": sum(len(t) for t in texts),
        "tokens": n_tokens,
        "runs": args.runs,
        "cpu": cpu,
        "pipes": nlp.pipe_names,
        "import_s": round(import_s, 3),
        "load_s": round(load_s, 3),
        "language_layer_tokens_per_s": round(n_tokens / layer_s),
        "blank_tokenizer_tokens_per_s": round(n_tokens / tok_s),
        "ratio_to_blank_tokenizer": round(tok_s / layer_s, 4),
        "language_layer_tokens_per_cpu_s": round(n_tokens / layer_cpu),
        "blank_tokenizer_tokens_per_cpu_s": round(n_tokens / tok_cpu),
        "ratio_to_blank_tokenizer_cpu": round(tok_cpu / layer_cpu, 4),
        "language_layer_run_s": [round(t, 3) for t in layer_times],
        "blank_tokenizer_run_s": [round(t, 3) for t in tok_times],
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
