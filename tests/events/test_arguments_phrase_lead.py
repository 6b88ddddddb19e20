"""The one backward walk over a phrase's article, numbers and adjectives
(`arguments.before_lead`), on sentences we wrote ourselves, parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from lagebild.events.arguments import ADJECTIVES, before_lead
from lagebild.nlp.tokens import TokenTable


def _table(nlp: Language, text: str) -> TokenTable:
    return TokenTable.of(nlp(text))


def test_walks_over_article_number_and_adjective_to_the_preposition(nlp: Language) -> None:
    dt = _table(nlp, "Die Gespräche zwischen den zwei großen Nachbarstaaten dauern an.")
    noun = dt.texts.index("Nachbarstaaten")
    assert dt.texts[before_lead(dt, noun)] == "zwischen"


def test_adjectives_only_stops_at_the_article(nlp: Language) -> None:
    dt = _table(nlp, "Der Wagen des neuen Bürgermeisters wurde beschädigt.")
    noun = dt.texts.index("Bürgermeisters")
    assert dt.texts[before_lead(dt, noun, lead=ADJECTIVES)] == "des"
    assert dt.texts[before_lead(dt, noun)] == "Wagen"


def test_stops_at_the_lower_bound(nlp: Language) -> None:
    dt = _table(nlp, "Die neuen Regeln gelten ab Montag.")
    noun = dt.texts.index("Regeln")
    assert before_lead(dt, noun) == -1  # the whole lead up to the text's start
    assert before_lead(dt, noun, lo=1) == 0  # not looked at below `lo`
