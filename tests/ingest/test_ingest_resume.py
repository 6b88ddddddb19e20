"""Ingest at scale: a 200-page WARC, killed with SIGKILL halfway, resumed: exactly 200."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ..read.warcgen import write_warc

PAGES = 200


def _count(db: Path, sql: str = "select count(*) from articles") -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return int(connection.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def _ingest(*args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", "from lagebild.cli.main import main; main()", "ingest", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def test_ingest_warc_killed_halfway_resumes_exactly(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", PAGES)
    db = tmp_path / "ingest.db"
    process = _ingest(str(warc), "--db", str(db), "--workers", "2")
    deadline = time.monotonic() + 240
    while _count(db) < PAGES // 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert process.poll() is None, "ingest finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the main process and its workers, no cleanup
    process.wait()
    partial = _count(db)
    assert 0 < partial < PAGES

    process = _ingest(str(warc), "--db", str(db), "--workers", "2")
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert f"{PAGES} read" in stderr and f"{PAGES - partial} stored" in stderr
    assert f"{partial} skipped as duplicate" in stderr
    assert _count(db) == PAGES
    assert _count(db, "select count(distinct content_hash) from articles") == PAGES
    assert _count(db, "select count(distinct url) from articles") == PAGES
    assert _count(db, "select count(*) from articles where date like '2024-05-%'") == PAGES

    started = time.monotonic()
    process = _ingest(str(warc), "--db", str(db), "--workers", "2")
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0
    assert f"0 stored, {PAGES} skipped as duplicate" in stderr
    assert time.monotonic() - started < 60  # known hashes are skipped before analysis
