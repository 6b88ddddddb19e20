"""An API app over a SQLite file holding our hand-made sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from spacy.language import Language

from lagebild.api.app import create_app
from lagebild.store.database import open_database

from ..store.sample import store_samples

TOKEN = "geheim-123"


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = str(tmp_path / "api.db")
    store_samples(open_database(path), 3)
    return path


@pytest.fixture
def app(db_path: str, nlp: Language) -> FastAPI:
    return create_app(db_path, nlp_loader=lambda: nlp)


@pytest.fixture
def write_app(db_path: str, nlp: Language) -> FastAPI:
    return create_app(db_path, allow_write=True, token=TOKEN, nlp_loader=lambda: nlp)
