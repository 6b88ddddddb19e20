"""The PySpark job: WARC/JSONL paths in, Parquet per kind (partitioned by date) and PLOVER out.

Shape, following the cc-pyspark convention of one task per input file:

1. `binaryFiles` over the inputs (local paths or any Hadoop-compatible URI);
2. each file is read with lagebild's own readers (`read.sources.read_payload`);
3. articles are de-duplicated by content hash (as `lagebild ingest` does against its database);
4. `mapPartitions` analyses them with the pipeline, loaded once per Python worker;
5. export rows are built by `store.records` — the same code as `lagebild export`, so a
   distributed run and a local one give identical rows — and written as Parquet partitioned
   by the article date;
6. cross-article event de-duplication runs as a Spark aggregation: events are grouped by
   (type, actor, recipient) and each group is clustered with the same rules as the database
   (`events.dedup`), then written as PLOVER JSON lines.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lagebild.events.dedup import cluster_reports, event_key
from lagebild.events.plover import to_plover
from lagebild.read.article import Article
from lagebild.read.sources import read_payload
from lagebild.store.database import article_medium
from lagebild.store.records import FIELDS, KINDS, records_of

# the column each kind is partitioned by: the article's date
PARTITION_COLUMN = {"articles": "date", "entities": "date", "quotes": "date",
                    "events": "article_date"}
BATCH_SIZE = 32

_PIPELINE: Any = None  # one per Python worker process, loaded on first use


def run_job(
    inputs: list[str],
    out: str,
    *,
    master: str | None = None,
    partitions: int | None = None,
    kb_paths: Iterable[str] = (),
) -> dict[str, int]:
    """Run the whole job; returns the number of rows written per kind (and PLOVER events)."""
    from pyspark.sql import SparkSession

    launched_by_spark_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if (master or "").startswith("local") or (master is None and not launched_by_spark_submit):
        # local Python workers must run this interpreter (the one lagebild is installed in),
        # not whatever `python3` comes first on PATH (PySpark's default)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("lagebild")
    if master:
        builder = builder.master(master)
    spark = (
        builder.config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        return _run(spark, inputs, out, partitions, list(kb_paths))
    finally:
        spark.stop()


def _run(
    spark: Any, inputs: list[str], out: str, partitions: int | None, kb_paths: list[str]
) -> dict[str, int]:
    context = spark.sparkContext
    files = context.binaryFiles(",".join(inputs), minPartitions=partitions)
    articles = (
        files.flatMap(lambda item: read_file(item[0], item[1]))
        .map(lambda ordered: (ordered[1].content_hash, ordered))
        .reduceByKey(min_by_order)
        .values()
    )
    analysed = articles.mapPartitions(lambda part: analyse_partition(part, kb_paths)).cache()
    counts: dict[str, int] = {}
    for kind in KINDS:
        rows = analysed.flatMap(lambda item, kind=kind: records_of(kind, item[0], item[1]))
        frame = spark.createDataFrame(rows, schema=spark_schema(kind))
        frame.write.mode("overwrite").partitionBy(PARTITION_COLUMN[kind]).parquet(
            _join(out, kind)
        )
        counts[kind] = frame.count()
    plover = (
        analysed.flatMap(lambda item: event_reports(item[0], item[2]))
        .groupByKey()
        .flatMap(lambda group: cluster_group(group[1]))
        .map(lambda record: json.dumps(to_plover(record), ensure_ascii=False, sort_keys=True))
    )
    plover.saveAsTextFile(_join(out, "events_plover"))
    counts["events_plover"] = plover.count()
    analysed.unpersist()
    return counts


Order = tuple[str, int]  # (input path, position in it): the order `lagebild ingest` reads in
Analysed = tuple[dict[str, Any], str | None, Order]


def read_file(path: str, data: bytes) -> Iterator[tuple[Order, Article]]:
    """The articles of one input file with their reading order; unreadable parts are skipped."""
    name = path.removeprefix("file:") if path.startswith("file:/") else path
    for position, item in enumerate(read_payload(name, data)):
        if isinstance(item, Article):
            yield (name, position), item


def min_by_order(a: tuple[Order, Article], b: tuple[Order, Article]) -> tuple[Order, Article]:
    """Of two articles with the same content keep the first read, as `lagebild ingest` does."""
    return a if a[0] <= b[0] else b


def analyse_partition(
    articles: Iterable[tuple[Order, Article]], kb_paths: list[str]
) -> Iterator[Analysed]:
    """(analysis with its content hash, medium, order) per article, batched through spaCy."""
    nlp = _pipeline(kb_paths)
    batch: list[tuple[Order, Article]] = []
    for item in articles:
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            yield from _analyse_batch(nlp, batch)
            batch = []
    if batch:
        yield from _analyse_batch(nlp, batch)


def _analyse_batch(nlp: Any, batch: list[tuple[Order, Article]]) -> Iterator[Analysed]:
    from lagebild.analysis import analyze_articles

    analyses = analyze_articles(nlp, [article for _, article in batch], batch_size=BATCH_SIZE)
    for (order, article), analysis in zip(batch, analyses, strict=True):
        analysis["content_hash"] = article.content_hash
        yield analysis, article_medium(analysis["article"]), order


def _pipeline(kb_paths: list[str]) -> Any:
    global _PIPELINE
    if _PIPELINE is None:
        from lagebild.nlp.pipeline import load

        _PIPELINE = load(kb_paths=kb_paths)
    return _PIPELINE


Report = tuple[Order, int, str, dict[str, Any]]  # (order, position, article id, event)


def event_reports(analysis: dict[str, Any], order: Order) -> Iterator[tuple[Any, Report]]:
    """((type, actor, recipient), report) for every event of an analysed article."""
    article_id = analysis["article"]["id"]
    for position, event in enumerate(analysis.get("events", [])):
        yield event_key(event), (order, position, article_id, event)


def cluster_group(reports: Iterable[Report]) -> list[dict[str, Any]]:
    """Cluster one (type, actor, recipient) group in reading order, as the database does."""
    ordered = sorted(reports, key=lambda r: (r[0], r[1]))
    return cluster_reports([(article_id, event) for _, _, article_id, event in ordered])


def spark_schema(kind: str) -> Any:
    """The Spark schema of one kind, from the declared field types (`records.FIELDS`)."""
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    types = {"string": StringType(), "int": LongType(), "float": DoubleType()}
    return StructType([StructField(name, types[t], True) for name, t in FIELDS[kind]])


def _join(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/{name}" if "://" in base else str(Path(base) / name)
