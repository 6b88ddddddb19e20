from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from lagebild.analysis import analyze_article
from lagebild.read.text import parse_text_article
from lagebild.store import tables
from lagebild.store.database import open_database, store_analysis

TEXT = (
    "Bürgermeisterin eröffnet Schule\n\n"
    "Die neue Grundschule im Norden der Stadt ist fertig.\n\n"
    "Die Bürgermeisterin Petra Lindner eröffnete das Gebäude am Montag. "
    "\"Das ist ein guter Tag für unsere Kinder\", sagte sie bei der Feier.\n"
)


def count(engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def test_database_store_is_idempotent(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    engine = open_database(str(tmp_path / "t.db"))
    article = parse_text_article(TEXT, "schule.txt")
    analysis = analyze_article(nlp, article)
    first = store_analysis(engine, analysis, article.content_hash)
    second = store_analysis(engine, analysis, article.content_hash)
    assert first.stored and not second.stored
    assert first.article_pk == second.article_pk
    assert count(engine, tables.articles) == 1
    assert count(engine, tables.blocks) == len(article.blocks)
    engine.dispose()
    reopened = open_database(str(tmp_path / "t.db"))
    assert count(reopened, tables.articles) == 1


def test_database_failed_write_leaves_nothing(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    engine = open_database(str(tmp_path / "t.db"))
    article = parse_text_article(TEXT, "schule.txt")
    analysis = analyze_article(nlp, article)
    analysis["entities"] = [{"id": None, "mentions": []}]  # entity_id NOT NULL: insert fails
    try:
        store_analysis(engine, analysis, article.content_hash)
    except Exception:  # noqa: BLE001 - any database error is the point here
        pass
    assert count(engine, tables.articles) == 0
    assert count(engine, tables.blocks) == 0


def test_database_schema_version_recorded(tmp_path: Path) -> None:
    engine = open_database(str(tmp_path / "v.db"))
    with engine.connect() as connection:
        value = connection.execute(select(tables.lagebild_meta.c.value)).scalar_one()
    assert int(value) == tables.SCHEMA_VERSION
