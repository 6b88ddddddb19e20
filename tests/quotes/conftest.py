"""Fixtures for the quotation tests: a token/sentence-only pipeline (no trained models)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import lagebild.nlp.sentences  # noqa: F401  (registers lagebild_sentences)
import lagebild.quotes.component  # noqa: F401  (registers lagebild_quotes)
from lagebild.nlp.extensions import register_extensions


@pytest.fixture(scope="session")
def blank_quotes_nlp() -> Language:
    """Tokenizer + rule sentences + quotes: the stage must work without POS, morph or parse."""
    register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_sentences")
    nlp.add_pipe("lagebild_quotes")
    return nlp


@pytest.fixture(scope="session", params=["blank", "full"])
def any_nlp(request: pytest.FixtureRequest, blank_quotes_nlp: Language) -> Language:
    """Run behaviour tests on both the bare and the full pipeline."""
    if request.param == "blank":
        return blank_quotes_nlp
    nlp: Language = request.getfixturevalue("nlp")
    return nlp
