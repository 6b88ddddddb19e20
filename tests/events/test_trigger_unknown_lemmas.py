"""Verb forms the lemmatizer leaves unchanged still find their lexicon verb: weak past forms
without a particle ("begnadigte") and participles of verbs with an inseparable prefix
("entführt"); and crisis meetings. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from lagebild.events.triggers import _participle_infinitive, separable_past_lemma
from tests.events.analysed import triggers_of


@pytest.mark.parametrize(
    ("low", "expected"),
    [("entführt", "entführen"), ("gedankt", "danken"), ("kritisiert", ""), ("rot", "")],
)
def test_participle_infinitive(low: str, expected: str) -> None:
    assert _participle_infinitive(low, low) == expected


def test_weak_past_form_without_particle(nlp: Language) -> None:
    lex = nlp.get_pipe("lagebild_events").lex
    assert separable_past_lemma(lex, "begnadigte", "begnadigte") == "begnadigen"
    assert separable_past_lemma(lex, "tötete", "tötete") == "töten"
    # a form the lemmatizer did lemmatise is left alone
    assert separable_past_lemma(lex, "tötete", "töten") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Monarch begnadigte am Montag den inhaftierten Dichter.", ("CONCEDE", "begnadigte")),
        ("Bewaffnete haben in der Nacht einen Reporter entführt.", ("ASSAULT", "entführt")),
        (
            "Zu einer Krisensitzung kamen die Minister der Union am Sonntag zusammen.",
            ("CONSULT", "Krisensitzung"),
        ),
    ],
)
def test_unknown_lemma_triggers(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in triggers_of(nlp, text)
