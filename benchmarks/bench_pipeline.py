"""Throughput of every lagebild stage and of the whole job, against the bare tokenizer.

Articles of about 600 words are built from German news text (paragraphs of the quotation
corpus's train documents, joined until an article reaches 600 words: 120 such articles need
~72k words, more than the dev split's ~33k, and text seen twice would flatter the stages'
look-up caches; the stages are not tuned on this text). Each figure is the median
of `--runs` runs over the same articles and is also given as a ratio to spaCy's bare German
tokenizer (`spacy.blank("de")`) on the same texts in the same run: no pipeline can be faster
than tokenising, so the ratio says how close we are to that limit, independent of the machine.

Stages (one process, one core): read (parse the article files), language (sentences, core
model, NER), entities, quotes, events, output (the schema dict), store (SQLite, one
transaction per article). Throughput runs what `lagebild ingest` runs — read → analyse in
batches of `BATCH_SIZE` (16) articles → store — with 1 worker (all in one process, as
`--workers 1`) and with N worker processes (forked once with the pipeline loaded; the main
process stores while workers analyse, as `lagebild ingest` does), once up to quotes (events
disabled, nothing stored) and once end to end. 120 articles are 8 batches: with fewer, the
first batch (no store overlaps it) and the last (nothing overlaps its store) dominate.
Peak RSS is reported for the main process and for each worker.

Usage: python benchmarks/bench_pipeline.py [--data ../shared/data/quotes-de-news/train]
       [--articles 120] [--runs 5] [--workers 2] [--profile profile.txt]
Prints one JSON object; `--profile` also writes a pyinstrument call-tree of one analysis pass.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy is imported: a worker is one core

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "quotes-de-news" / "dev"
PIPELINE_DATA = DEFAULT_DATA.parent / "train"
TARGET_WORDS = 600
STAGE_OF_PIPE = {
    "lagebild_entities": "entities",
    "lagebild_quotes": "quotes",
    "lagebild_events": "events",
}
AFTER_QUOTES = ["lagebild_events"]

Analysis = tuple[dict[str, Any], str]  # (schema object, content hash)


def load_texts(data: Path, count: int) -> list[str]:
    """`count` articles of about 600 words: corpus paragraphs joined until that length.

    Paragraphs rather than whole documents, so an article overshoots 600 words by at most
    one paragraph; the corpus is cycled if it holds fewer words than asked for.
    """
    paragraphs: list[str] = []
    for path in sorted(data.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
        paragraphs.extend(p.strip() for p in text.split("\n") if p.strip())
    if not paragraphs:
        sys.exit(f"no articles found under {data}")
    texts: list[str] = []
    buffer: list[str] = []
    words = 0
    index = 0
    while len(texts) < count:
        paragraph = paragraphs[index % len(paragraphs)]
        index += 1
        buffer.append(paragraph)
        words += len(paragraph.split())
        if words >= TARGET_WORDS:
            texts.append("\n\n".join(buffer))
            buffer, words = [], 0
    return texts


def write_files(texts: list[str], folder: Path) -> list[str]:
    """One plain-text article file per text, as a user would point `lagebild ingest` at."""
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"article_{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(function: Callable[[], Any]) -> float:
    """Wall seconds of one call."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def stage_times(nlp: Any, articles: list[Any]) -> dict[str, float]:
    """Seconds per stage for one pass over the articles, pipe by pipe, in this process."""
    from lagebild.analysis import doc_to_dict

    totals: dict[str, float] = defaultdict(float)
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.article = article
        for name, pipe in nlp.pipeline:
            start = time.perf_counter()
            doc = pipe(doc)
            totals[STAGE_OF_PIPE.get(name, "language")] += time.perf_counter() - start
        start = time.perf_counter()
        doc_to_dict(doc, article)
        totals["output"] += time.perf_counter() - start
    return dict(totals)


# --- worker side: the pipeline lives in a module global, loaded once before the fork -------
_NLP: Any = None


def _analyse_files(paths: list[str], disable: tuple[str, ...] = ()) -> list[Analysis]:
    """Read a batch of files and analyse their articles together (what an ingest worker does
    with one batch: `analyze_articles`, i.e. `nlp.pipe`)."""
    from lagebild.analysis import analyze_articles
    from lagebild.read.sources import read_one

    articles = [a for path in paths for a in read_one(path) if hasattr(a, "text")]
    analyses = analyze_articles(_NLP, articles, disable=disable)  # type: ignore[arg-type]
    return [(analysis, a.content_hash) for analysis, a in zip(analyses, articles, strict=True)]  # type: ignore[union-attr]


def _analyse_up_to_quotes(paths: list[str]) -> list[Analysis]:
    return _analyse_files(paths, tuple(AFTER_QUOTES))


def _store(engine: Any, analyses: Iterable[Analysis]) -> None:
    from lagebild.store.database import store_analysis

    for analysis, content_hash in analyses:
        store_analysis(engine, analysis, content_hash)


def throughput(paths: list[str], pool: Any, *, store: bool, up_to_quotes: bool) -> float:
    """Wall seconds for all files: in this process (`pool` None) or fanned out to `pool`."""
    from lagebild.analysis import BATCH_SIZE
    from lagebild.store.database import open_database

    analyse = _analyse_up_to_quotes if up_to_quotes else _analyse_files
    batches = [paths[i : i + BATCH_SIZE] for i in range(0, len(paths), BATCH_SIZE)]
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(str(Path(folder) / "bench.db")) if store else None
        start = time.perf_counter()
        results = map(analyse, batches) if pool is None else pool.imap_unordered(analyse, batches)
        for analyses in results:
            if engine is not None:
                _store(engine, analyses)
        seconds = time.perf_counter() - start
        if engine is not None:
            engine.dispose()
    return seconds


def peak_rss_mb(pid: int | None = None) -> float:
    """Peak resident set size (VmHWM) of a process, in MB."""
    if pid is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pss_mb(pid: int) -> float:
    """Proportional set size of a process, in MB: pages shared with other processes (the
    model weights a forked worker shares with its parent) count once in total, split between
    the processes; RSS counts them in every process."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def figure(seconds: float, articles: int, tokens: int, bare: float) -> dict[str, float]:
    """One row of the report."""
    return {
        "seconds": round(seconds, 4),
        "articles_per_s": round(articles / seconds, 1),
        "tokens_per_s": round(tokens / seconds),
        "x_bare_tokenizer": round(seconds / bare, 1),
    }


def profile(nlp: Any, articles: list[Any], out: Path) -> None:
    """Write a pyinstrument call tree of one analysis pass (`pip install pyinstrument`)."""
    from pyinstrument import Profiler

    from lagebild.analysis import analyze_article

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for article in articles:
        analyze_article(nlp, article)
    profiler.stop()
    out.write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")


def main() -> None:
    """Measure and print the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PIPELINE_DATA)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--profile", type=Path, help="write a pyinstrument report here")
    args = parser.parse_args()

    import spacy

    import lagebild
    from lagebild.analysis import BATCH_SIZE, analyze_article
    from lagebild.read.sources import read_one
    from lagebild.store.database import open_database

    global _NLP
    texts = load_texts(args.data, args.articles)
    words = sum(len(t.split()) for t in texts)
    blank = spacy.blank("de")
    tokens = sum(len(blank.make_doc(t)) for t in texts)
    start = time.perf_counter()
    nlp = _NLP = lagebild.load()
    load_seconds = time.perf_counter() - start
    runs: dict[str, list[float]] = defaultdict(list)

    with tempfile.TemporaryDirectory() as folder:
        paths = write_files(texts, Path(folder))
        articles: list[Any] = [a for p in paths for a in read_one(p)]
        for article in articles[:3]:
            analyze_article(nlp, article)  # warm-up
        for _ in range(args.runs):
            runs["bare_tokenizer"].append(timed(lambda: [blank.make_doc(t) for t in texts]))
            runs["read"].append(timed(lambda: [a for p in paths for a in read_one(p)]))
            for stage, seconds in stage_times(nlp, articles).items():
                runs[stage].append(seconds)
            analyses = [(analyze_article(nlp, a), a.content_hash) for a in articles]
            with tempfile.TemporaryDirectory() as dbdir:
                engine = open_database(str(Path(dbdir) / "s.db"))
                runs["store"].append(timed(lambda e=engine, a=analyses: _store(e, a)))
                engine.dispose()
        for name, kwargs in (("up_to_quotes", {"store": False, "up_to_quotes": True}),
                             ("end_to_end", {"store": True, "up_to_quotes": False})):
            for _ in range(args.runs):
                runs[f"{name}_1w"].append(throughput(paths, None, **kwargs))  # type: ignore[arg-type]
        worker_rss: list[float] = []
        pss: list[float] = []
        if args.workers > 1:
            context = multiprocessing.get_context("fork")  # workers inherit the loaded pipeline
            with context.Pool(args.workers) as pool:
                pool.map(_analyse_files, [paths[:2]] * args.workers)  # warm-up
                for name, kwargs in (("up_to_quotes", {"store": False, "up_to_quotes": True}),
                                     ("end_to_end", {"store": True, "up_to_quotes": False})):
                    for _ in range(args.runs):
                        runs[f"{name}_{args.workers}w"].append(
                            throughput(paths, pool, **kwargs)  # type: ignore[arg-type]
                        )
                children = multiprocessing.active_children()
                worker_rss = [peak_rss_mb(p.pid) for p in children]
                pss = [pss_mb(pid) for pid in (os.getpid(), *(p.pid for p in children))]
        if args.profile:
            profile(nlp, articles, args.profile)

    bare = statistics.median(runs["bare_tokenizer"])
    report: dict[str, Any] = {
        # spaCy's Python 3.11 wheels carry Cython profiling hooks (see scripts/setup.sh)
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "batch_size": BATCH_SIZE,
        "articles": len(texts),
        "words_per_article": round(words / len(texts)),
        "tokens_per_article": round(tokens / len(texts)),
        "runs": args.runs,
        "model_load_seconds": round(load_seconds, 3),
        "stages": {
            stage: figure(statistics.median(values), len(texts), tokens, bare)
            for stage, values in runs.items()
        },
    }
    one = statistics.median(runs["end_to_end_1w"])
    if args.workers > 1:
        many = statistics.median(runs[f"end_to_end_{args.workers}w"])
        report["speedup_workers"] = round(one / many, 2)
    report["peak_rss_mb"] = {
        "main": round(peak_rss_mb(), 1),
        "workers": [round(x, 1) for x in worker_rss],
    }
    if pss:  # after the runs, workers alive: what main + workers hold together
        report["pss_mb"] = {"processes": [round(x, 1) for x in pss], "total": round(sum(pss), 1)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
