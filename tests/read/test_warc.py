from __future__ import annotations

from pathlib import Path

from lagebild.errors import ReadError
from lagebild.read.article import Article
from lagebild.read.sources import read_inputs

from .warcgen import write_warc


def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", 3, extras=True)
    items = list(read_inputs([str(warc)]))
    articles = [i for i in items if isinstance(i, Article)]
    assert not [i for i in items if isinstance(i, ReadError)]
    assert len(articles) == 3  # the PNG and the 404 page are skipped
    first = articles[0]
    assert first.url == "https://beispiel.test/artikel/0"
    assert first.date == "2024-05-01"
    assert first.title == "Nordhaven eröffnet neue Schwimmbad Nummer 0"
    assert "Bürgermeisterin" in first.text and first.language == "de"


def test_warc_uncompressed_is_sniffed_without_suffix(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc", 2)
    renamed = warc.rename(tmp_path / "crawl.dat")
    articles = [i for i in read_inputs([str(renamed)]) if isinstance(i, Article)]
    assert [a.url for a in articles] == [f"https://beispiel.test/artikel/{i}" for i in range(2)]


def test_warc_broken_archive_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00 kaputt")
    items = list(read_inputs([str(bad)]))
    assert len(items) == 1 and isinstance(items[0], ReadError)
