"""The store's fast paths behave as the plain ones did: `fold` gives the strings of its
regex/translate form, and statements run on the DBAPI cursor keep SQLAlchemy's errors."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, StatementError

from lagebild.store import database, tables
from lagebild.store.database import store_analysis
from lagebild.store.fts import fold

from .sample import sample_analysis

_UMLAUT_SPELLINGS = re.compile(r"ae|oe|ue")


def reference_fold(value: str | None) -> str:
    """`fold` as first written: its specification."""
    if not value:
        return ""
    lowered = value.casefold()
    lowered = lowered.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    lowered = _UMLAUT_SPELLINGS.sub(lambda m: m.group(0)[0], lowered)
    decomposed = unicodedata.normalize("NFKD", lowered)
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.combining(ch)}
    return decomposed.translate(marks) if marks else decomposed


# characters where casefold, the umlaut spellings, NFKD and the mark removal interact
_TRICKY = list("aouebcsAOUEÄÖÜäöüßẞ ") + [
    "\u0308", "\u0301", "\u0327", "ﬀ", "æ", "Œ", "ǅ", "İ", "ı", "\u0345", "ΐ", "ﬆ", "㏂", "Å",
    "Ǖ", "ǖ", "ḗ", "„", "“", "\U0001d165",
]


def test_fold_matches_reference_on_random_text() -> None:
    rng = random.Random(20240305)
    for i in range(20000):
        n = rng.randint(0, 12)
        if i % 3 == 0:
            value = "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(n))
        else:
            value = "".join(rng.choice(_TRICKY) for _ in range(n))
        assert fold(value) == reference_fold(value), repr(value)


def test_fold_matches_reference_on_german() -> None:
    for value in (None, "", "Außenministerin", "AUSSENMINISTERIN", "Müller", "Mueller",
                  "MUELLER", "Ärzte", "Aerzte", "queue", "Bauer", "Poesie", "Café", "naïve",
                  "Škoda", "„Zitat“ – Ende…", sample_analysis()["article"]["text"]):
        assert fold(value) == reference_fold(value)


def test_combining_marks_start_at_u0300() -> None:
    """`fold` only tests characters from U+0300 on for being combining marks."""
    assert all(not unicodedata.combining(chr(c)) for c in range(0x300))
    assert any(unicodedata.combining(chr(c)) for c in range(0x300, sys.maxunicode + 1))


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def test_store_race_on_content_hash_is_a_skip(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer stored the same content between the hash check and the insert: the
    driver's unique violation arrives as SQLAlchemy's IntegrityError and becomes a skip."""
    analysis = sample_analysis()
    first = store_analysis(engine, analysis, "same-hash")
    real_lookup = database._article_pk
    calls = []

    def missed_lookup(connection, content_hash):  # type: ignore[no-untyped-def]
        calls.append(content_hash)
        return None if len(calls) == 1 else real_lookup(connection, content_hash)

    monkeypatch.setattr(database, "_article_pk", missed_lookup)
    second = store_analysis(engine, analysis, "same-hash")
    assert not second.stored and second.article_pk == first.article_pk
    assert _count(engine, tables.articles) == 1
    assert _count(engine, tables.event_reports) == len(analysis["events"])


def test_store_driver_error_is_sqlalchemy_error(engine: Engine) -> None:
    analysis = sample_analysis()
    analysis["entities"] = [{"id": None, "mentions": []}]  # entity_id NOT NULL
    with pytest.raises(IntegrityError):
        store_analysis(engine, analysis, "bad")
    assert _count(engine, tables.articles) == 0
    assert _count(engine, tables.event_clusters) == 0


def test_store_unserialisable_value_fails_as_before(engine: Engine) -> None:
    """SQLite's JSON is serialised while binding (SQLAlchemy wraps that: StatementError);
    psycopg serialises inside the driver's execute, and its TypeError passes unwrapped."""
    analysis = sample_analysis()
    analysis["quotes"][0]["extra"] = {1, 2}  # a set: not JSON
    expected = StatementError if engine.dialect.name == "sqlite" else TypeError
    with pytest.raises(expected):
        store_analysis(engine, analysis, "bad")
    assert _count(engine, tables.articles) == 0
