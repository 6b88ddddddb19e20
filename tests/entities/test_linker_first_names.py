"""Linking full names by a surname alias, through the real pipeline: a full name whose first
name is none of the KB person's is another person ("Tony Blair" is not the KB's "Bill
Blair"), spelling variants the KB lists still link."""

from __future__ import annotations

import pytest
from spacy.language import Language

from lagebild.nlp.pipeline import CORE_MODEL
from lagebild.read.article import Article

pytestmark = pytest.mark.skipif(
    not CORE_MODEL.exists(), reason="needs the trained core model (tags, morphology, parse)"
)

TEXT = (
    "Der britische Premierminister Tony Blair traf am Montag in Moskau Vladimir Putin. "
    "Danach reiste Tony Blair nach Berlin."
)


def _kb_ids(nlp: Language, text: str) -> set[str | None]:
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, date="2006-05-09")
    return {c.kb_id for c in nlp(doc)._.entities}


def test_other_first_name_is_another_person(nlp: Language) -> None:
    assert "lagebild:per:bill-blair" not in _kb_ids(nlp, TEXT)


def test_listed_spelling_variant_still_links(nlp: Language) -> None:
    assert "Q7747" in _kb_ids(nlp, TEXT)
