"""Full-text search over articles and quotes, German-aware on both SQLite and PostgreSQL.

SQLite: contentless FTS5 tables (`articles_fts`, `quotes_fts`) whose rowids are the articles'
primary keys and the quotes' rowids. They hold *folded* text (`fold()`: casefold, ß → ss,
umlauts and their ae/oe/ue spellings → the bare vowel, other diacritics dropped), and queries
are folded the same way, so "Außenministerin", "AUSSENMINISTERIN", "Müller" and "Mueller"
meet (both sides of a match are folded alike, so the rare false merge of a real "ue" costs
little). The tables are filled in the same transaction as the article, so a search never
sees half an article. PostgreSQL: `to_tsvector('german', …)` with GIN expression indexes
(stemming included); no extra tables.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import Connection, Engine, text

from lagebild.store import driver

_WORD = re.compile(r"\w+", re.UNICODE)
# combining marks all lie at or above U+0300: only these characters need the unicodedata test
_MARK_CANDIDATE = re.compile("[^\x00-\u02ff]")


def fold(value: str | None) -> str:
    """Search-normal form of German text: spelling variants of the same word become equal.

    It runs on every stored article and quote, so each step is a C-level string pass: the
    umlaut spellings "ae"/"oe"/"ue" are three `replace` calls (equal to one left-to-right
    regex pass: every match ends in "e" and none starts with it, so matches neither overlap
    nor arise from each other's replacements); ASCII needs no NFKD; the combining marks NFKD
    leaves are removed with one `replace` each (`str.translate` costs ~100 ns a character)."""
    if not value:
        return ""
    lowered = value.casefold()
    lowered = lowered.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    lowered = lowered.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    if lowered.isascii():
        return lowered  # NFKD leaves ASCII as it is, and ASCII holds no combining marks
    decomposed = unicodedata.normalize("NFKD", lowered)
    for mark in _combining_marks(decomposed):
        decomposed = decomposed.replace(mark, "")
    return decomposed


def _combining_marks(text: str) -> set[str]:
    """The distinct combining characters in `text` (each tested once, not every occurrence)."""
    return {ch for ch in set(_MARK_CANDIDATE.findall(text)) if unicodedata.combining(ch)}


def fts_query(query: str) -> str:
    """A user's words → an FTS5 query: every folded word must occur (prefix match on `word*`)."""
    terms = []
    for raw in query.split():
        prefix = raw.endswith("*")
        for word in _WORD.findall(fold(raw)):
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " AND ".join(terms)


def register_sqlite_functions(dbapi_connection: Any) -> None:
    """Make `lagebild_fold(text)` available in SQL on this SQLite connection."""
    dbapi_connection.create_function("lagebild_fold", 1, fold, deterministic=True)


def setup(engine: Engine) -> None:
    """Create the search structures if missing and index articles stored before they existed."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            _setup_sqlite(connection)
        elif engine.dialect.name == "postgresql":
            _setup_postgresql(connection)


def _setup_sqlite(connection: Connection) -> None:
    """Create the FTS tables; when they are new, index what a database already holds."""
    existed = connection.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts'"
    )).first()
    if existed:
        return
    tokenizer = "tokenize='unicode61 remove_diacritics 2'"
    connection.execute(text(
        f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', {tokenizer})"
    ))
    connection.execute(text(
        f"CREATE VIRTUAL TABLE quotes_fts USING fts5(body, content='', {tokenizer})"
    ))
    connection.execute(text(
        "INSERT INTO articles_fts(rowid, title, body) "
        "SELECT pk, lagebild_fold(title), lagebild_fold(text) FROM articles"
    ))
    connection.execute(text(
        "INSERT INTO quotes_fts(rowid, body) SELECT rowid, lagebild_fold(text) FROM quotes"
    ))


def _setup_postgresql(connection: Connection) -> None:
    connection.execute(text(
        "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin "
        f"(({pg_article_vector('articles')}))"
    ))
    connection.execute(text(
        "CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes USING gin "
        "((to_tsvector('german', coalesce(text, ''))))"
    ))


def pg_article_vector(table: str) -> str:
    """The tsvector expression the GIN index is built on (queries must repeat it exactly)."""
    return f"to_tsvector('german', coalesce({table}.title, '') || ' ' || {table}.text)"


_INDEX_ARTICLE = driver.Statement(text(
    "INSERT INTO articles_fts(rowid, title, body) "
    "SELECT pk, lagebild_fold(title), lagebild_fold(text) FROM articles WHERE pk = :pk"
))
_INDEX_QUOTES = driver.Statement(text(
    "INSERT INTO quotes_fts(rowid, body) "
    "SELECT rowid, lagebild_fold(text) FROM quotes WHERE article_pk = :pk"
))


def index_article(connection: Connection, article_pk: int) -> None:
    """Index one freshly inserted article and its quotes (SQLite; PostgreSQL needs nothing)."""
    if connection.dialect.name != "sqlite":
        return
    driver.run(connection, _INDEX_ARTICLE, {"pk": article_pk})
    driver.run(connection, _INDEX_QUOTES, {"pk": article_pk})
