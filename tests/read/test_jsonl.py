from __future__ import annotations

import json

from lagebild.errors import ReadError
from lagebild.read.article import Article
from lagebild.read.jsonl import parse_jsonl


def test_jsonl_records_and_errors() -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "url": "https://example.org/a1",
                "date": "2024-01-02",
                "title": "Neue Brücke eröffnet",
                "text": "Die Brücke ist fertig.\n\nSie kostete viel Geld.",
                "section": "Lokales",
            },
            ensure_ascii=False,
        ),
        "{kaputt",
        json.dumps({"id": "a3"}),
        "",
    ]
    items = list(parse_jsonl("\n".join(lines), "feed.jsonl"))
    assert len(items) == 3
    article = items[0]
    assert isinstance(article, Article)
    assert (article.id, article.url, article.date) == ("a1", "https://example.org/a1", "2024-01-02")
    assert article.title == "Neue Brücke eröffnet"
    assert article.meta == {"section": "Lokales"}
    assert [b.kind for b in article.blocks][0] == "title"
    assert article.text.endswith("Sie kostete viel Geld.")
    assert isinstance(items[1], ReadError) and "E006" in str(items[1]) and "line 2" in str(items[1])
    assert isinstance(items[2], ReadError) and "E007" in str(items[2])
