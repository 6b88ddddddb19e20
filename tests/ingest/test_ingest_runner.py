from __future__ import annotations

from pathlib import Path

from lagebild.ingest.runner import IngestSummary, ingest
from lagebild.store.database import open_database
from lagebild.store.queries import Filters, list_articles

from ..read.warcgen import page


def test_ingest_mixed_inputs_summary_and_incremental(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.html").write_text(page(1), encoding="utf-8")
    (docs / "b.txt").write_text("Neue Buslinie\n\nDie Stadt richtet eine Buslinie ein.\n", "utf-8")
    (docs / "c.jsonl").write_text(
        '{"id": "j1", "text": "Der Rat tagt am Freitag im Rathaus.", "source": "Kurier"}\n'
        '{"id": "j2", "text": "Der Rat tagt am Freitag im Rathaus.", "source": "Kurier"}\n'
        "kein json\n", encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    engine = open_database(str(tmp_path / "i.db"))
    seen: list[int] = []
    first = ingest(engine, [str(docs)], workers=1, on_progress=lambda s: seen.append(s.stored))
    assert (first.read, first.stored, first.duplicate, first.failed) == (4, 3, 1, 2)
    assert first.reasons == {"E001": 1, "E006": 1}
    assert seen[-1] == 3
    assert "3 stored, 1 skipped as duplicate, 2 failed (E001: 1, E006: 1)" in first.line()
    second = ingest(engine, [str(docs)], workers=1)
    assert (second.stored, second.duplicate) == (0, 4)
    with engine.connect() as c:
        media = {a["medium"] for a in list_articles(c, Filters()).items}
    assert "Kurier" in media


def test_ingest_summary_line_reports_interruption() -> None:
    summary = IngestSummary(read=3, stored=1, interrupted=True)
    assert summary.line().endswith("interrupted; run again to resume")
