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


Result = tuple[str, dict[str, Any] | None, str | None]  # (content hash, analysis, error)


def analyse(article: Article) -> Result:
    """(content hash, analysis, error): errors are returned, so one bad article cannot kill
    the batch or the worker."""
    from lagebild.analysis import analyze_article

    assert _NLP is not None, "init_worker was not run"
    try:
        return article.content_hash, analyze_article(_NLP, article), None
    except Exception as error:  # noqa: BLE001 - reported per article in the summary
        return article.content_hash, None, f"E012 analysis failed: {type(error).__name__}: {error}"


def analyse_batch(articles: list[Article]) -> list[Result]:
    """`analyse` for a batch, through `nlp.pipe` (faster); if the batch fails, each article
    is analysed on its own so that only the bad one is reported as failed."""
    from lagebild.analysis import analyze_articles

    assert _NLP is not None, "init_worker was not run"
    try:
        analyses = analyze_articles(_NLP, articles)
    except Exception:  # noqa: BLE001 - retried one by one to find the culprit
        return [analyse(article) for article in articles]
    pairs = zip(articles, analyses, strict=True)
    return [(article.content_hash, analysis, None) for article, analysis in pairs]
