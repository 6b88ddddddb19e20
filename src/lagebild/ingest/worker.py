"""What runs in an ingest worker process: the pipeline, loaded once by the pool initializer."""

from __future__ import annotations

import multiprocessing
from typing import Any

from spacy.language import Language

from lagebild.read.article import Article

_NLP: Language | None = None


def init_worker(kb_paths: list[str]) -> None:
    """Pool initializer: load the pipeline once per worker process. Workers ignore Ctrl-C:
    the main process decides when to stop, so a keypress never leaves a traceback per core."""
    global _NLP
    import signal

    if multiprocessing.parent_process() is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    from lagebild.nlp.pipeline import load

    _NLP = load(kb_paths=kb_paths)


def analyse(article: Article) -> tuple[str, dict[str, Any] | None, str | None]:
    """(content hash, analysis, error): errors are returned, so one bad article cannot kill
    the batch or the worker."""
    from lagebild.analysis import analyze_article

    assert _NLP is not None, "init_worker was not run"
    try:
        return article.content_hash, analyze_article(_NLP, article), None
    except Exception as error:  # noqa: BLE001 - reported per article in the summary
        return article.content_hash, None, f"E012 analysis failed: {type(error).__name__}: {error}"
