from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from lagebild.errors import ReadError
from lagebild.read.article import Article
from lagebild.read.sources import read_inputs

GOOD = "Kommunen fordern mehr Geld\n\nDie Städte verlangen vom Bund eine bessere Ausstattung.\n"
ENGLISH = "Council approves budget\n\nThe city council approved the new budget on Tuesday night.\n"


def test_sources_directory_mixed_good_and_bad(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "d.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(articles) == 2 and len(errors) == 2
    assert {a.language for a in articles} == {"de", "en"}
    assert all(a.id for a in articles)


def test_sources_too_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Ein Satz. " * 120_000, encoding="utf-8")
    (item,) = list(read_inputs([str(big)], max_mb=1.0))
    assert isinstance(item, ReadError) and "E004" in str(item)


def test_sources_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8"))))
    (item,) = list(read_inputs(["-"]))
    assert isinstance(item, Article) and item.source == "-"


def test_sources_missing_path() -> None:
    (item,) = list(read_inputs(["/nonexistent/file.txt"]))
    assert isinstance(item, ReadError) and "E008" in str(item)
