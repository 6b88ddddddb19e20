from __future__ import annotations

from pathlib import Path

from lagebild.errors import ReadError
from lagebild.read.article import Article
from lagebild.read.sources import read_inputs

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Testkurier</title><link>https://kurier.test/</link>
<item><title>Neue Brücke über den Fluss</title><link>https://kurier.test/bruecke</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
<description>&lt;p&gt;Die Stadt hat eine neue Brücke eröffnet.&lt;/p&gt;
&lt;p&gt;Sie ist 80 Meter lang.&lt;/p&gt;</description>
</item>
<item><title>Leer</title><link>https://kurier.test/leer</link><description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Abendblatt Test</title>
<entry><title>Ratssitzung vertagt</title><link href="https://abend.test/rat"/>
<id>urn:abend:1</id><published>2024-04-02T18:00:00Z</published>
<summary>Kurzfassung.</summary>
<content type="html">&lt;p&gt;Der Stadtrat hat seine Sitzung vertagt.
Die Mitglieder wollen im Mai erneut beraten.&lt;/p&gt;</content>
</entry></feed>
"""


def test_feeds_rss_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "kurier.xml"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_inputs([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(articles) == 1 and len(errors) == 1 and "E009" in str(errors[0])
    article = articles[0]
    assert article.title == "Neue Brücke über den Fluss"
    assert article.url == "https://kurier.test/bruecke"
    assert article.date == "2024-03-05"
    assert article.meta["medium"] == "Testkurier"
    assert article.text.endswith(
        "Die Stadt hat eine neue Brücke eröffnet.\n\nSie ist 80 Meter lang.")


def test_feeds_atom_content_preferred_over_summary(tmp_path: Path) -> None:
    path = tmp_path / "abend.atom"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert "Stadtrat hat seine Sitzung vertagt" in article.text
    assert "Kurzfassung" not in article.text
    assert article.date == "2024-04-02" and article.url == "https://abend.test/rat"
