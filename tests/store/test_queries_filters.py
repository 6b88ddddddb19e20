from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, func, select

from lagebild.store import tables
from lagebild.store.database import store_analysis
from lagebild.store.queries import (
    Filters,
    actor_network,
    get_article,
    list_articles,
    list_entities,
    list_events,
    list_quotes,
    timeline,
)

from .sample import sample_analysis, store_samples


@contextmanager
def _stored(engine: Engine, articles: int) -> Iterator[Connection]:
    """A connection to `engine` once `articles` sample articles are stored there."""
    store_samples(engine, articles)
    with engine.connect() as connection:
        yield connection


def test_queries_quotes_by_speaker_name_id_and_kb(engine: Engine) -> None:
    with _stored(engine, 3) as c:
        by_name = list_quotes(c, Filters(who="jana"))
        by_id = list_quotes(c, Filters(who="L-jana"))
        nobody = list_quotes(c, Filters(who="Olaf"))
    assert by_name.total == by_id.total == 3
    assert nobody.total == 0
    row = by_name.items[0]
    assert row["speaker"] == "Jana Beispiel" and row["cue"] == "sagte"
    assert row["text"] == "Wir stehen fest an der Seite der Bürger"


def test_queries_date_medium_country_and_paging(engine: Engine) -> None:
    with _stored(engine, 3) as c:
        march_april = list_quotes(c, Filters(date_from="2024-03", date_to="2024-04"))
        april = list_quotes(c, Filters(date_to="2024-04", date_from="2024-04-01"))
        morgenpost = list_quotes(c, Filters(medium="morgenpost"))
        deu = list_quotes(c, Filters(country="deu"))
        page = list_quotes(c, Filters(limit=2, offset=2))
    assert march_april.total == 2 and april.total == 1
    assert [q["medium"] for q in morgenpost.items] == ["Morgenpost Test"]
    assert deu.total == 3
    assert page.total == 3 and len(page.items) == 1
    assert [q["date"] for q in march_april.items] == ["2024-04-05", "2024-03-05"]


def test_queries_events_entities_network(engine: Engine) -> None:
    with _stored(engine, 2) as c:
        accuse = list_events(c, Filters(type="accuse"))
        olaf = list_events(c, Filters(who="Q999001"))
        entities = list_entities(c, Filters(type="PER"))
        graph = actor_network(c, Filters())
        days = timeline(c, Filters())
    assert accuse.total == 2
    assert accuse.items[0]["actor"] == "Olaf Muster" and accuse.items[0]["recipient"] == "Südland"
    assert olaf.total == 4  # actor of ACCUSE, recipient of CONSULT, in both articles
    assert {e["name"]: e["articles"] for e in entities.items} == {
        "Jana Beispiel": 2, "Olaf Muster": 2}
    edges = {(e["source"], e["target"], e["type"]): e["weight"] for e in graph["edges"]}
    assert edges == {("L-jana", "L-olaf", "CONSULT"): 2, ("L-olaf", "L-suedland", "ACCUSE"): 2}
    assert {n["id"] for n in graph["nodes"]} == {"L-jana", "L-olaf", "L-suedland"}
    assert sum(d["count"] for d in days) == 4


def test_queries_full_text_is_spelling_insensitive(engine: Engine) -> None:
    with _stored(engine, 1) as c:
        hits = [list_articles(c, Filters(text=q)).total
                for q in ("Außenministerin", "AUSSENMINISTERIN", "außenministerin Nordhaven")]
        miss = list_articles(c, Filters(text="Raumfahrtbehörde")).total
        quote_hit = list_quotes(c, Filters(text="Bürger")).total
        quote_miss = list_quotes(c, Filters(text="Nordhaven")).total
        found = list_articles(c, Filters(text="Außenministerin"))
    assert hits == [1, 1, 1] and miss == 0
    assert quote_hit == 1 and quote_miss == 0  # searches the quote, not the whole article
    assert "Außenministerin" in found.items[0]["snippet"]


def test_queries_sqlite_umlaut_spellings_meet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from lagebild.store.database import open_database

    engine = open_database(str(tmp_path / "f.db"))
    with _stored(engine, 1) as c:
        assert list_articles(c, Filters(text="Suedland")).total == 1
        assert list_articles(c, Filters(text="buergermeister")).total == 1
        assert list_articles(c, Filters(text="Bürgerm*")).total == 1


def test_store_idempotent_and_article_roundtrip(engine: Engine) -> None:
    analysis = sample_analysis(7)
    digest = analysis.pop("_hash")
    assert store_analysis(engine, analysis, digest).stored
    assert not store_analysis(engine, analysis, digest).stored
    with engine.connect() as c:
        count = c.execute(select(func.count()).select_from(tables.articles)).scalar_one()
        back = get_article(c, analysis["article"]["id"])
    assert count == 1
    assert back is not None and back["quotes"] == analysis["quotes"]
    assert back["medium"] == "Beispielblatt"


def test_queries_punctuation_only_text_matches_nothing(engine: Engine) -> None:
    with _stored(engine, 1) as c:
        assert list_articles(c, Filters(text="://")).total == 0
        assert list_quotes(c, Filters(text="!?")).total == 0
        assert list_events(c, Filters(text="-")).total == 0
