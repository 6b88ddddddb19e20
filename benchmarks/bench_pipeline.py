"""Throughput of every lagebild stage and of the whole job, against the bare tokenizer.

Each figure is the median of `--runs` runs over the same articles and is also given as a
ratio to spaCy's bare German tokenizer (`spacy.blank("de")`) on the same texts in the same
run: no pipeline can be faster than tokenising, so the ratio says how close we are to that
limit, independent of the machine. Stages: read (parse the article files), tokenize,
language (sentences, tagger, morphology, parser, NER), entities, quotes, events, store
(SQLite). End-to-end runs read → analyse → store with 1 and with N worker processes.

Usage: python benchmarks/bench_pipeline.py [--data ../shared/data/quotes-de-news/dev]
       [--articles 60] [--runs 5] [--workers 2]
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "quotes-de-news" / "dev"
TARGET_WORDS = 600
STAGE_OF_PIPE = {
    "lagebild_entities": "entities",
    "lagebild_quotes": "quotes",
    "lagebild_events": "events",
}


def load_texts(data: Path, count: int) -> list[str]:
    """Articles of about 600 words: corpus texts joined paragraph-wise until that length."""
    texts: list[str] = []
    buffer: list[str] = []
    words = 0
    for path in sorted(data.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"].strip()
        buffer.append(text)
        words += len(text.split())
        if words >= TARGET_WORDS:
            texts.append("\n\n".join(buffer))
            buffer, words = [], 0
            if len(texts) == count:
                break
    if not texts:
        sys.exit(f"no articles found under {data}")
    return texts


def write_files(texts: list[str], folder: Path) -> list[str]:
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"article_{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(function: Callable[[], Any]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def stage_times(nlp: Any, articles: list[Any]) -> dict[str, float]:
    """Seconds per stage for one pass over the articles, pipe by pipe."""
    from lagebild.analysis import doc_to_dict

    totals: dict[str, float] = defaultdict(float)
    for article in articles:
        start = time.perf_counter()
        doc = nlp.make_doc(article.text)
        totals["tokenize"] += time.perf_counter() - start
        doc._.article = article
        for name, pipe in nlp.pipeline:
            start = time.perf_counter()
            doc = pipe(doc)
            totals[STAGE_OF_PIPE.get(name, "language")] += time.perf_counter() - start
        doc_to_dict(doc, article)
    return dict(totals)


def end_to_end(paths: list[str], workers: int) -> float:
    """Wall seconds to read, analyse and store all files with `workers` processes."""
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        start = time.perf_counter()
        if workers == 1:
            _worker_init()
            results = [_analyze_path(p) for p in paths]
        else:
            context = multiprocessing.get_context("fork")
            with context.Pool(workers, initializer=_worker_init) as pool:
                results = pool.map(_analyze_path, paths, chunksize=4)
        _store_all(db, results)
        return time.perf_counter() - start


_NLP: Any = None


def _worker_init() -> None:
    global _NLP
    if _NLP is None:
        import lagebild

        _NLP = lagebild.load()


def _analyze_path(path: str) -> list[tuple[dict[str, Any], str]]:
    from lagebild.analysis import analyze_article
    from lagebild.read.sources import read_one

    out = []
    for article in read_one(path):
        if hasattr(article, "text"):
            article.ensure_id()  # type: ignore[union-attr]
            out.append((analyze_article(_NLP, article), article.content_hash))  # type: ignore[arg-type,union-attr]
    return out


def _store_all(db: str, results: list[list[tuple[dict[str, Any], str]]]) -> None:
    from lagebild.store.database import open_database, store_analysis

    engine = open_database(db)
    for items in results:
        for analysis, content_hash in items:
            store_analysis(engine, analysis, content_hash)
    engine.dispose()


def _store_into(engine: Any, analyses: list[tuple[dict[str, Any], str]]) -> None:
    from lagebild.store.database import store_analysis

    for analysis, content_hash in analyses:
        store_analysis(engine, analysis, content_hash)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()

    import spacy

    import lagebild
    from lagebild.analysis import analyze_article
    from lagebild.read.sources import read_one
    from lagebild.store.database import open_database

    texts = load_texts(args.data, args.articles)
    tokens = sum(len(t.split()) for t in texts)
    blank = spacy.blank("de")
    start = time.perf_counter()
    nlp = lagebild.load()
    load_seconds = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        paths = write_files(texts, Path(folder))
        runs: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.runs):
            runs["bare_tokenizer"].append(timed(lambda: [blank.make_doc(t) for t in texts]))
            articles: list[Any] = []
            runs["read"].append(
                timed(lambda out=articles: out.extend(a for p in paths for a in read_one(p)))
            )
            for stage, seconds in stage_times(nlp, articles).items():
                runs[stage].append(seconds)
            analyses = [(analyze_article(nlp, a), a.content_hash) for a in articles]
            with tempfile.TemporaryDirectory() as dbdir:
                engine = open_database(str(Path(dbdir) / "s.db"))
                store_all = partial(_store_into, engine, analyses)
                runs["store"].append(timed(store_all))
                engine.dispose()
        for workers in sorted({1, args.workers}):
            for _ in range(args.runs):
                runs[f"end_to_end_{workers}w"].append(end_to_end(paths, workers))

    bare = statistics.median(runs["bare_tokenizer"])
    report: dict[str, Any] = {
        "articles": len(texts),
        "words": tokens,
        "runs": args.runs,
        "model_load_seconds": round(load_seconds, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stages": {},
    }
    for stage, values in runs.items():
        seconds = statistics.median(values)
        report["stages"][stage] = {
            "seconds": round(seconds, 4),
            "articles_per_s": round(len(texts) / seconds, 1),
            "tokens_per_s": round(tokens / seconds),
            "x_bare_tokenizer": round(seconds / bare, 1),
        }
    one = report["stages"].get("end_to_end_1w", {}).get("seconds")
    many = report["stages"].get(f"end_to_end_{args.workers}w", {}).get("seconds")
    if one and many:
        report["speedup_workers"] = round(one / many, 2)
    report["peak_rss_children_mb"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
