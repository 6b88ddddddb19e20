"""A noun that repeats a person's surname is a mention of that person unless an article or
determiner makes it a common noun (`lexicon.json` `determiners`, `negative_determiners`):
through the real pipeline, on sentences we wrote ourselves."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.entities.helpers import cluster_by_name, mention_texts

OPENING = "Bürgermeister Paul Koch eröffnete am Samstag das Stadtfest. "


@pytest.mark.parametrize(
    "sentence",
    [
        "Für das Buffet hatte die Stadt keinen Koch gefunden.",  # "kein…"
        "Das Buffet bereitete jener Koch, der schon im Vorjahr kam.",  # "jen…"
        "Das Buffet bereitete ein Koch aus Lyon.",
    ],
)
def test_surname_after_a_determiner_is_a_common_noun(nlp: Language, sentence: str) -> None:
    doc = nlp(OPENING + sentence)
    assert mention_texts(cluster_by_name(doc, "Paul Koch")) == ["Paul Koch"]
