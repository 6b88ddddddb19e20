"""Konjunktiv detection through the real pipeline on sentences written for these tests.

The quote stage relies on it: reported speech in German news is marked by Konjunktiv I.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from lagebild.nlp.morphology import is_finite_verb, is_konjunktiv, mood


@pytest.fixture(scope="module")
def core(nlp: Language) -> Language:
    if "morphologizer" not in nlp.pipe_names:
        pytest.skip("the trained core model is not installed under lagebild/models/")
    return nlp


def _token(nlp: Language, text: str, form: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    matches = [t for t in doc if t.text == form]
    assert matches, f"{form!r} not a token of {text!r}"
    return matches[0]


@pytest.mark.parametrize(
    "text,form,expected",
    [
        # reported speech: Konjunktiv I/II after a speech verb or in a source frame
        ("Der Sprecher sagte, das Ministerium wolle die Regeln ändern.", "wolle", "Sub"),
        ("Die Ministerin erklärte, sie werde im Herbst zurücktreten.", "werde", "Sub"),
        ("Nach Angaben der Polizei habe der Fahrer die Ampel übersehen.", "habe", "Sub"),
        ("Ein Sprecher teilte mit, die Lage sei inzwischen ruhig.", "sei", "Sub"),
        ("Die Gewerkschaft betonte, die Beschäftigten hätten lange genug gewartet.", "hätten",
         "Sub"),
        ("Der Verband schrieb, die Stadt lege den Plan im Mai vor.", "lege", "Sub"),
        ("Es gelinge bisher nicht, die Kosten zu senken, hieß es aus dem Rathaus.", "gelinge",
         "Sub"),
        ("Der Trainer meinte, er könne mit dem Ergebnis leben.", "könne", "Sub"),
        # the same forms (habe, werde, lege) and a speech verb used plainly
        ("Ich habe den Bericht gestern gelesen.", "habe", "Ind"),
        ("Ich werde morgen nach Berlin fahren.", "werde", "Ind"),
        ("Die Minister haben sich am Abend geeinigt.", "haben", "Ind"),
        ("Der Sprecher sagte am Montag nichts dazu.", "sagte", "Ind"),
        ("Die Regierung legt den Haushalt im Herbst vor.", "legt", "Ind"),
    ],
)
def test_finite_verb_mood(core: Language, text: str, form: str, expected: str) -> None:
    token = _token(core, text, form)
    assert is_finite_verb(token)
    assert mood(token) == expected
    assert is_konjunktiv(token) is (expected == "Sub")
    assert token.morph.get("Mood") == [expected]  # the lagebild_mood component wrote it


def test_participles_and_infinitives_are_not_finite(core: Language) -> None:
    doc = core("Die Stadt hat den Plan vorgestellt und will ihn umsetzen.")
    by_text = {t.text: t for t in doc}
    assert is_finite_verb(by_text["hat"]) and is_finite_verb(by_text["will"])
    assert not is_finite_verb(by_text["vorgestellt"])
    assert not is_finite_verb(by_text["umsetzen"])
    assert mood(by_text["vorgestellt"]) is None
