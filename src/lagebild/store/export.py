"""Export stored data as JSON Lines, CSV or Parquet (and PLOVER for events, when available).

Rows are streamed from the database, so exports of large databases do not need the whole
table in memory: JSONL and CSV are written row by row, Parquet in record batches.
`articles` as JSONL are the whole stored analyses (lossless); in CSV/Parquet they are flat.
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select

from lagebild.store import queries, tables
from lagebild.store.records import FIELDS, KINDS, records_of

FORMATS = ("jsonl", "csv", "parquet", "plover")
BATCH_ROWS = 2000


class ExportError(ValueError):
    """An export that cannot be made (unknown kind/format, PLOVER not available)."""


def iter_records(
    connection: Connection, kind: str, filters: queries.Filters, *, flat: bool
) -> Iterator[dict[str, Any]]:
    """Stream the rows of one kind (see `store/records.py`); `flat=False` gives whole analyses
    for `articles` (lossless JSONL)."""
    if kind not in KINDS:
        raise ExportError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    a = tables.articles
    stmt = (
        select(a.c.analysis, a.c.medium, a.c.content_hash)
        .where(*queries._article_filters(filters))
        .order_by(a.c.pk)
    )
    result = connection.execution_options(stream_results=True).execute(stmt)
    for row in result.mappings():
        analysis = dict(row["analysis"] or {})
        if kind == "articles" and not flat:
            yield analysis
            continue
        analysis["content_hash"] = row["content_hash"]
        yield from records_of(kind, analysis, row["medium"])


def export(engine: Engine, kind: str, fmt: str, out: Path,
           filters: queries.Filters | None = None) -> int:
    """Write one kind in one format to `out`; return the number of records written."""
    filters = filters or queries.Filters()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "plover":
        return _export_plover(engine, kind, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with engine.connect() as connection:
        records = iter_records(connection, kind, filters, flat=fmt != "jsonl")
        if fmt == "jsonl":
            return _write_jsonl(records, out)
        if fmt == "csv":
            return _write_csv(records, out)
        return _write_parquet(records, out, kind)


def _write_jsonl(records: Iterator[dict[str, Any]], out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(records: Iterator[dict[str, Any]], out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer: csv.DictWriter[str] | None = None
        for record in records:
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(record))
                writer.writeheader()
            writer.writerow(record)
            count += 1
    return count


def _write_parquet(records: Iterator[dict[str, Any]], out: Path, kind: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer: pq.ParquetWriter | None = None
    schema: pa.Schema | None = None
    batch: list[dict[str, Any]] = []
    count = 0

    def flush() -> None:
        nonlocal writer, schema
        if not batch:
            return
        if schema is None:
            schema = arrow_schema(kind)
            writer = pq.ParquetWriter(str(out), schema)
        assert writer is not None
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        batch.clear()

    for record in records:
        batch.append(record)
        count += 1
        if len(batch) >= BATCH_ROWS:
            flush()
    flush()
    if writer is not None:
        writer.close()
    else:  # no rows: still write a valid (empty) file
        pq.write_table(arrow_schema(kind).empty_table(), str(out))
    return count


def arrow_schema(kind: str) -> Any:
    """The Parquet schema of one kind, from the declared field types (`records.FIELDS`)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([pa.field(name, types[kind_]) for name, kind_ in FIELDS[kind]])


def plover_available() -> bool:
    """Whether the events package provides the PLOVER export (`lagebild.events.plover`)."""
    try:
        module = importlib.import_module("lagebild.events.plover")
    except ImportError:
        return False
    return hasattr(module, "iter_plover_events")


def _export_plover(engine: Engine, kind: str, out: Path) -> int:
    if kind != "events":
        raise ExportError("--format plover exists only for events")
    if not plover_available():
        raise ExportError("PLOVER export needs lagebild.events.plover (not installed)")
    module = importlib.import_module("lagebild.events.plover")
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8") as stream:
        for record in module.iter_plover_events(engine):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
