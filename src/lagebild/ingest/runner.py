"""The ingest loop. The main process reads inputs, drops articles whose content hash is
already stored (before any analysis, so re-ingesting is cheap), hands the rest to worker
processes that each load the pipeline once, and stores every result itself: one writer, so
SQLite never sees competing writes. Each article is one transaction keyed by its hash, so a
run killed at any moment resumes with nothing lost and nothing stored twice.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Engine

from lagebild.analysis import BATCH_SIZE
from lagebild.errors import ReadError
from lagebild.ingest import worker
from lagebild.read.article import Article
from lagebild.read.sources import DEFAULT_MAX_MB, read_inputs
from lagebild.store.database import known_hashes, store_analysis

IN_FLIGHT_PER_WORKER = 2  # batches: enough to keep workers busy without reading far ahead


@dataclass
class IngestSummary:
    """What an ingest run did, for the summary line and for tests."""

    read: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    interrupted: bool = False

    def fail(self, reason: str) -> None:
        """Count one failure under its error code (the first word of the reason)."""
        self.failed += 1
        self.reasons[reason.split(" ", 1)[0] if reason[:1] == "E" else reason] += 1

    def line(self) -> str:
        """One human-readable summary line."""
        text = (f"{self.read} read, {self.stored} stored, {self.duplicate} skipped as duplicate, "
                f"{self.failed} failed")
        if self.reasons:
            text += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(self.reasons.items())) + ")"
        return text + (" — interrupted; run again to resume" if self.interrupted else "")


# called for every article done (stored/duplicate/failed) and for every error
Progress = Callable[[IngestSummary], None]
OnError = Callable[[str], None]


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ingest(
    engine: Engine,
    inputs: Iterable[str],
    *,
    workers: int | None = None,
    kb_paths: Iterable[str] = (),
    max_mb: float = DEFAULT_MAX_MB,
    on_progress: Progress | None = None,
    on_error: OnError | None = None,
) -> IngestSummary:
    """Ingest every article of `inputs` into `engine`; Ctrl-C stops cleanly after storing
    what is finished (the summary says `interrupted`)."""
    summary = IngestSummary()
    pending = _new_articles(read_inputs(inputs, max_mb=max_mb), engine, summary, on_error)
    count = workers or default_workers()
    results: Iterator[tuple[str, dict[str, Any] | None, str | None]]
    try:
        if count == 1:
            worker.init_worker(list(map(str, kb_paths)))
            results = (
                result for batch in _batches(pending) for result in worker.analyse_batch(batch)
            )
            _store_all(engine, results, summary, on_progress, on_error)
        else:
            _parallel(engine, pending, count, [str(p) for p in kb_paths], summary, on_progress,
                      on_error)
    except KeyboardInterrupt:
        summary.interrupted = True
    return summary


def _new_articles(
    items: Iterable[Article | ReadError],
    engine: Engine,
    summary: IngestSummary,
    on_error: OnError | None,
) -> Iterator[Article]:
    """Articles whose hash is neither stored nor already seen in this run."""
    seen = set(known_hashes(engine))
    for item in items:
        if isinstance(item, ReadError):
            summary.fail(item.reason)
            if on_error:
                on_error(str(item))
            continue
        summary.read += 1
        digest = item.content_hash
        if digest in seen:
            summary.duplicate += 1
            continue
        seen.add(digest)
        yield item


def _batches(articles: Iterator[Article], size: int = BATCH_SIZE) -> Iterator[list[Article]]:
    """Consecutive batches of `size` articles (the pipeline runs faster on a few at once)."""
    while batch := list(islice(articles, size)):
        yield batch


def _store_all(
    engine: Engine,
    results: Iterable[tuple[str, dict[str, Any] | None, str | None]],
    summary: IngestSummary,
    on_progress: Progress | None,
    on_error: OnError | None,
) -> None:
    for result in results:
        _store_one(engine, result, summary, on_error)
        if on_progress:
            on_progress(summary)


def _store_one(
    engine: Engine,
    result: tuple[str, dict[str, Any] | None, str | None],
    summary: IngestSummary,
    on_error: OnError | None,
) -> None:
    digest, analysis, error = result
    if analysis is None:
        summary.fail(error or "E012 analysis failed")
        if on_error:
            on_error(error or "analysis failed")
        return
    stored = store_analysis(engine, analysis, digest)
    if stored.stored:
        summary.stored += 1
    else:
        summary.duplicate += 1


def _parallel(
    engine: Engine,
    articles: Iterator[Article],
    workers: int,
    kb_paths: list[str],
    summary: IngestSummary,
    on_progress: Progress | None,
    on_error: OnError | None,
) -> None:
    """Bounded fan-out: at most `workers * IN_FLIGHT_PER_WORKER` batches in flight."""
    context = multiprocessing.get_context("spawn")  # no fork of a process holding DB handles
    limit = workers * IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(workers, mp_context=context, initializer=worker.init_worker,
                             initargs=(kb_paths,)) as pool:
        in_flight: set[Future[list[worker.Result]]] = set()
        batches = _batches(articles)
        try:
            exhausted = False
            while in_flight or not exhausted:
                while not exhausted and len(in_flight) < limit:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    in_flight.add(pool.submit(worker.analyse_batch, batch))
                if not in_flight:
                    break
                done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    for result in future.result():
                        _store_one(engine, result, summary, on_error)
                        if on_progress:
                            on_progress(summary)
        except BaseException:
            for future in in_flight:
                future.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
