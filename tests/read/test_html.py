from __future__ import annotations

import pytest

from lagebild.errors import ReadError
from lagebild.read.html import parse_html_article

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Stadtrat beschließt neuen Radweg | Beispielzeitung</title>
<meta property="article:published_time" content="2024-05-14T09:30:00+02:00">
<meta name="description" content="Nach langer Debatte stimmt der Rat für die Verbindung.">
</head><body><nav><a href="/">Startseite</a> <a href="/impressum">Impressum</a></nav>
<article><h1>Stadtrat beschließt neuen Radweg</h1>
<p>Nach langer Debatte hat der Stadtrat am Dienstag den Bau eines neuen Radwegs beschlossen.
Die Verbindung soll die Innenstadt mit dem Bahnhof verbinden und zwei Millionen Euro kosten.</p>
<h2>Kritik der Opposition</h2>
<p>Die Opposition kritisierte die Kosten. "Das Geld fehlt an anderer Stelle", sagte ihr Sprecher
in der Sitzung. Die Bauarbeiten sollen im Herbst beginnen und ein Jahr dauern.</p>
</article><footer>Impressum · Datenschutz</footer></body></html>"""


def test_html_main_text_title_date() -> None:
    article = parse_html_article(PAGE, "page.html")
    assert article.title is not None and "Radweg" in article.title
    assert article.date == "2024-05-14"
    assert "Bauarbeiten sollen im Herbst" in article.text
    assert "Impressum" not in article.text
    kinds = [b.kind for b in article.blocks]
    assert kinds[0] == "title"
    assert "subhead" in kinds


def test_html_truncated_page_is_an_error() -> None:
    with pytest.raises(ReadError) as info:
        parse_html_article("<html><head><title>Kaputt</title></head><body><p>Nur", "cut.html")
    assert "E005" in str(info.value)
