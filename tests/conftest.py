"""Shared fixtures: the real pipeline (loaded once) and the path to `../shared` data."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the project's shared data beside the repo); not present")
    return path


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full lagebild pipeline, loaded once per test session."""
    import lagebild

    return lagebild.load()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_path("seed", "article.txt")
