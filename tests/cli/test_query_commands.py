from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from lagebild.cli.main import app
from lagebild.store.database import open_database

from ..store.sample import store_samples

runner = CliRunner()


def _db(tmp_path: Path) -> str:
    path = str(tmp_path / "q.db")
    store_samples(open_database(path), 3)
    return path


def test_cli_quotes_events_entities_search(tmp_path: Path) -> None:
    db = _db(tmp_path)
    quotes = runner.invoke(app, ["quotes", "--db", db, "--speaker", "Jana", "--from", "2024-04",
                                 "--format", "jsonl"])
    rows = [json.loads(line) for line in quotes.stdout.splitlines()]
    assert quotes.exit_code == 0 and len(rows) == 2
    assert {r["speaker"] for r in rows} == {"Jana Beispiel"}
    events = runner.invoke(app, ["events", "--db", db, "--type", "ACCUSE", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(events.stdout)))
    assert len(table) == 3 and table[0]["actor"] == "Olaf Muster"
    entities = runner.invoke(app, ["entities", "--db", db, "--country", "XSL"])
    assert entities.exit_code == 0 and "Südland" in entities.stdout
    search = runner.invoke(app, ["search", "AUSSENMINISTERIN", "--db", db, "--medium",
                                 "morgenpost", "--format", "jsonl"])
    hits = [json.loads(line) for line in search.stdout.splitlines()]
    assert len(hits) == 1 and hits[0]["medium"] == "Morgenpost Test"


def test_cli_export_formats(tmp_path: Path) -> None:
    db = _db(tmp_path)
    for kind, fmt, expected in [("articles", "jsonl", 3), ("quotes", "csv", 3),
                                ("events", "parquet", 6), ("entities", "parquet", 12)]:
        out = tmp_path / f"{kind}.{fmt}"
        result = runner.invoke(app, ["export", kind, "--db", db, "--format", fmt, "--out",
                                     str(out)])
        assert result.exit_code == 0, result.stderr
        if fmt == "jsonl":
            lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
            assert len(lines) == expected and lines[0]["quotes"][0]["cue"]["text"] == "sagte"
        elif fmt == "csv":
            assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == expected
        else:
            assert pq.read_table(out).num_rows == expected
    assert pq.read_table(tmp_path / "events.parquet").column("type").to_pylist().count(
        "ACCUSE") == 3
    bad = runner.invoke(app, ["export", "quotes", "--db", db, "--format", "plover", "--out",
                              str(tmp_path / "x.jsonl")])
    assert bad.exit_code == 2 and "plover" in bad.stderr.lower()
