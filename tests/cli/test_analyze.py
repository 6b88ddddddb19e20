from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from lagebild.analysis import load_schema
from lagebild.cli.main import app

from ..conftest import EXAMPLES

runner = CliRunner()


def run_analyze(*args: str) -> tuple[int, list[dict], str]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["analyze", *args])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result.exit_code, lines, result.stderr


def test_analyze_example_validates_against_schema() -> None:
    code, (analysis,), _ = run_analyze(str(EXAMPLES / "gipfel_paris.txt"))
    assert code == 0
    jsonschema.validate(analysis, load_schema())
    assert analysis["article"]["date"] == "2024-02-16"
    text = analysis["article"]["text"]
    for sentence in analysis["sentences"]:
        piece = text[sentence["start"] : sentence["end"]]
        assert piece and piece.strip() == piece


def test_analyze_seed_article(seed_path: Path) -> None:
    code, (analysis,), _ = run_analyze(str(seed_path))
    assert code == 0
    jsonschema.validate(analysis, load_schema())
    article = analysis["article"]
    raw = seed_path.read_text(encoding="utf-8").splitlines()
    headline = next(line for line in raw[1:] if line.strip())
    assert article["date"] == "2023-09"
    assert article["title"] == headline.strip()
    assert article["teaser"] and article["teaser"] in article["text"]
    assert [b["kind"] for b in article["blocks"]].count("subhead") == 2
    assert article["credits"] and "Foto" in article["credits"][0]
    assert "Foto" not in article["text"]
    text = article["text"]
    sentences = analysis["sentences"]
    assert 22 <= len(sentences) <= 32
    for sentence in sentences:
        piece = text[sentence["start"] : sentence["end"]]
        assert piece[-1] in '.!?"“' or sentence["end"] in {b["end"] for b in article["blocks"]}
        assert piece.count('"') % 2 == 0, piece  # no break inside a quotation
        assert not piece.endswith((" Dr.", " Nr.", " z. B."))


def test_analyze_store_twice_one_row(seed_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    for _ in range(2):
        code, _, _ = run_analyze(str(seed_path), "--db", str(db), "--format", "none")
        assert code == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from articles").fetchone()[0] == 1


def test_analyze_bad_inputs_do_not_stop_batch(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.dat").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "cut.html").write_text("<html><head><title>x</title></head><body><p>Nur", "utf-8")
    (tmp_path / "broken.txt").write_bytes("Gültig ".encode() + b"\xc3\x28\xff kaputt")
    (tmp_path / "big.txt").write_bytes(b"Ein Satz. " * (5 * 1024 * 1024 + 1))  # > 50 MB
    (tmp_path / "good.txt").write_text(
        "Neue Buslinie\n\nDie Stadt richtet eine neue Buslinie ein. Sie fährt ab Mai.\n", "utf-8"
    )
    db = tmp_path.parent / f"{tmp_path.name}-b.db"
    code, analyses, stderr = run_analyze(str(tmp_path), "--db", str(db))
    assert code == 0
    assert len(analyses) == 1 and analyses[0]["article"]["title"] == "Neue Buslinie"
    errors = [line for line in stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 5
    for name, code_ in [("empty", "E001"), ("binary", "E002"), ("cut", "E005"),
                        ("broken", "E003"), ("big", "E004")]:
        assert any(name in line and code_ in line for line in errors), (name, errors)
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from articles").fetchone()[0] == 1


def test_analyze_nothing_readable_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, analyses, stderr = run_analyze(str(tmp_path / "empty.txt"))
    assert code == 1 and not analyses and "E001" in stderr
