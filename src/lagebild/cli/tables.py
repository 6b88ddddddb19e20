"""Printing query results: a rich table, JSON lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

CELL_CHARS = 80


class RowFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def print_rows(console: Console, rows: list[dict[str, Any]], fmt: RowFormat, *,
               title: str, columns: list[str] | None = None, total: int | None = None) -> None:
    """Rows in the chosen format; tables show `columns` (default: all), JSONL/CSV all keys."""
    if fmt is RowFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if fmt is RowFormat.csv:
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return
    shown = columns or (list(rows[0]) if rows else [])
    caption = f"{len(rows)} of {total}" if total is not None else None
    table = Table(title=title, caption=caption)
    for column in shown:
        table.add_column(column)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in shown))
    console.print(table)


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "–"
    text = " ".join(str(value).split())
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"
