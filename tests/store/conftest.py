"""Storage backends for parametrized tests: SQLite always, PostgreSQL when CI provides one."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from lagebild.store.database import database_url, open_database

POSTGRES_ENV = "LAGEBILD_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh, empty database: a SQLite file, or a throw-away schema in PostgreSQL."""
    if request.param == "sqlite":
        engine = open_database(str(tmp_path / "store.db"))
        yield engine
        engine.dispose()
        return
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (set by .ci/run); not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(url))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in url else "?"
    engine = open_database(f"{url}{separator}options=-csearch_path%3D{schema}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
