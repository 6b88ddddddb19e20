"""The Spark job in local mode gives exactly the rows of `lagebild ingest` + `lagebild export`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lagebild.cli.main import app
from lagebild.store.records import KINDS

from ..read.warcgen import _response

pytest.importorskip("pyspark", reason="PySpark not installed (pip install 'lagebild[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (Debian: default-jre-headless)", allow_module_level=True)

runner = CliRunner()
ARTICLES = 12
# our own reports: pairs of outlets covering the same meeting, so events de-duplicate
MEETINGS = [
    ("Emmanuel Macron", "Frankreichs", "Olaf Scholz", "Paris", "2023-06-12"),
    ("Joe Biden", "Die USA", "Olaf Scholz", "Washington", "2023-03-03"),
    ("Wolodymyr Selenskyj", "Die Ukraine", "Emmanuel Macron", "Paris", "2023-05-14"),
    ("Olaf Scholz", "Deutschland", "Joe Biden", "Washington", "2024-02-09"),
    ("Annalena Baerbock", "Deutschland", "Wang Yi", "Peking", "2023-04-14"),
    ("Joe Biden", "Die USA", "Wolodymyr Selenskyj", "Kiew", "2023-02-20"),
]


def _page(i: int) -> tuple[str, str]:
    guest, country, host, city, date = MEETINGS[i // 2]
    if i % 2 == 0:
        body = (f"<p>{guest} hat am Montag in {city} {host} getroffen. Beide sprachen über "
                f"die Lage in Europa und eine engere Zusammenarbeit.</p>"
                f"<p>\"Wir stehen zusammen\", sagte {guest} nach dem Treffen. {country} werde "
                f"die Partnerschaft weiter stärken, fügte {guest.split()[-1]} hinzu.</p>")
        title = f"{guest.split()[-1]} trifft {host.split()[-1]} in {city}"
    else:
        body = (f"<p>Bei einem Treffen in {city} haben {guest} und {host} über die Lage "
                f"beraten. {host.split()[-1]} kritisierte dabei Russland scharf.</p>"
                f"<p>Nach Angaben der Nachrichtenagentur dpa vereinbarten beide Seiten weitere "
                f"Gespräche im Herbst.</p>")
        title = f"Treffen in {city}: {guest.split()[-1]} und {host.split()[-1]} beraten"
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>")
    return html, date


def write_warc(path: Path, count: int) -> Path:
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for i in range(count):
            html, date = _page(i)
            _response(writer, f"https://beispiel{i % 2}.test/artikel/{i}", html.encode(),
                      "text/html; charset=utf-8", f"{date}T08:00:00Z")
    return path


def _rows(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    table = pq.read_table(str(path), partitioning="hive") if path.is_dir() else pq.read_table(
        str(path)
    )
    rows = table.to_pylist()
    for row in rows:
        for key, value in row.items():
            if value == "__HIVE_DEFAULT_PARTITION__":
                row[key] = None
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def _normalise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        row = {k: (str(v) if v is not None and k in {"date", "article_date"} else v)
               for k, v in row.items()}
        out.append(row)
    return sorted(out, key=lambda r: json.dumps(r, sort_keys=True, default=str))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("spark")
    warc = write_warc(base / "news.warc.gz", ARTICLES)
    db = base / "local.db"
    local = base / "local"
    result = runner.invoke(app, ["ingest", str(warc), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    for kind in KINDS:
        result = runner.invoke(app, ["export", kind, "--db", str(db), "--format", "parquet",
                                     "--out", str(local / f"{kind}.parquet")])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["export", "events", "--db", str(db), "--format", "plover",
                                 "--out", str(local / "events.plover.jsonl")])
    assert result.exit_code == 0, result.output
    distributed = base / "spark"
    result = runner.invoke(app, ["spark", str(warc), "--out", str(distributed),
                                 "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    return local, distributed


@pytest.mark.parametrize("kind", KINDS)
def test_spark_parquet_equals_local_export(outputs: tuple[Path, Path], kind: str) -> None:
    local, distributed = outputs
    local_rows = _normalise(_rows(local / f"{kind}.parquet"))
    spark_rows = _normalise(_rows(distributed / kind))
    assert len(local_rows) > 0 or kind == "events"
    assert spark_rows == local_rows
    if kind == "articles":
        assert len(spark_rows) == ARTICLES


def test_spark_partitions_by_date(outputs: tuple[Path, Path]) -> None:
    _, distributed = outputs
    partitions = sorted(p.name for p in (distributed / "articles").iterdir() if p.is_dir())
    assert partitions and all(p.startswith("date=202") for p in partitions)
    assert len(partitions) == len(MEETINGS)


def test_spark_plover_equals_local(outputs: tuple[Path, Path]) -> None:
    local, distributed = outputs
    local_events = sorted(
        json.dumps(json.loads(line), sort_keys=True)
        for line in (local / "events.plover.jsonl").read_text(encoding="utf-8").splitlines()
    )
    spark_events = sorted(
        json.dumps(json.loads(line), sort_keys=True)
        for part in sorted((distributed / "events_plover").glob("part-*"))
        for line in part.read_text(encoding="utf-8").splitlines()
    )
    assert spark_events == local_events
    assert any(json.loads(e)["report_count"] >= 2 for e in spark_events)
