"""Words that name no event of their own, on sentences we wrote ourselves, through the real
pipeline: warnings of dangers, extraditions, circumstance nouns of an infinitive, nouns whose
only "party" is a misread name of no country, objects of a rejection, the coup that had
brought a ruler to power; and a separated verb particle found past an inserted clause."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import triggers_of


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a warning of a danger that is no event noun is no threat
        ("In Chile wächst der Streit. Die Behörden warnten vor dem Verzehr von Fisch.", "warnten"),
        (
            "In Chile wächst der Streit. Es gibt Waren, vor denen die Behörden zu warnen haben.",
            "warnen",
        ),
        # an extradition is no delivery of aid
        (
            "In Chile wächst der Streit. Man rechnet mit einer Auslieferung des Bauern nach Peru.",
            "Auslieferung",
        ),
        # a circumstance noun of an infinitive is no deed of the infinitive's controller
        (
            "In Chile wächst der Streit. Der Regierung wird vorgeworfen, nach Anschlägen "
            "Internetseiten zu sperren.",
            "Anschlägen",
        ),
        # the only "party" is a name of no country (the NER reads "Neuwahlen" as a place)
        (
            "Der Streit wächst. Zur Durchsetzung ihrer Forderung nach Neuwahlen besetzten "
            "Bauern die Straßen.",
            "Forderung",
        ),
    ],
)
def test_no_event(nlp: Language, text: str, absent: str) -> None:
    assert absent not in [t for _, t in triggers_of(nlp, text)]


def test_warning_of_consequences_stays_a_threat(nlp: Language) -> None:
    text = "In Chile wächst der Streit. Der Präsident warnte die Rebellen vor Konsequenzen."
    assert ("THREATEN", "warnte") in triggers_of(nlp, text)


def test_particle_after_inserted_infinitive(nlp: Language) -> None:
    # "lehnte … ab" with a zu-infinitive between: a rejection; the rejected demand is what
    # the rejection is about, no event of its own
    found = triggers_of(
        nlp,
        "In Chile wächst der Streit. Der Richter lehnte die Forderung der Verteidigung, die "
        "Beweise erneut zu prüfen, ab.",
    )
    assert ("REJECT", "lehnte") in found
    assert "Forderung" not in [t for _, t in found]


def test_particle_after_inserted_relative_clause(nlp: Language) -> None:
    found = triggers_of(
        nlp,
        "In Chile wächst der Streit. Die Regierung lehnte den Plan, den die Opposition "
        "vorlegte, ab.",
    )
    assert ("REJECT", "lehnte") in found


def test_clashes_that_happened_are_assaults(nlp: Language) -> None:
    # "es kam zu Auseinandersetzungen zwischen X und Y": clashes; a dispute is none
    found = triggers_of(
        nlp,
        "In Chile wächst der Streit. Vor dem Gericht kam es zu Auseinandersetzungen zwischen "
        "der Polizei und Anhängern der Opposition.",
    )
    assert ("ASSAULT", "Auseinandersetzungen") in found
    found = triggers_of(
        nlp,
        "In Chile wächst der Streit. Die Auseinandersetzung zwischen den Parteien über den "
        "Haushalt dauert an.",
    )
    assert "Auseinandersetzung" not in [t for _, t in found]


def test_calling_something_a_scandal_is_an_accusation(nlp: Language) -> None:
    # "bezeichnete X als Y" is a verdict on X; a self-description or an attributive
    # participle ("der als Anführer bezeichnete Mann") is none
    found = triggers_of(
        nlp,
        "In Chile wächst der Streit. Die Bauern bezeichneten den Plan der Regierung als "
        "Skandal.",
    )
    assert ("ACCUSE", "bezeichneten") in found
    for text in (
        "In Chile wächst der Streit. Die Gruppe bezeichnet sich als Projekt.",
        "In Chile wächst der Streit. Der von der Polizei als Anführer bezeichnete Mann floh.",
    ):
        assert not [t for t in triggers_of(nlp, text) if t[1].startswith("bezeichne")]


@pytest.mark.parametrize(
    "text",
    [
        # round 10: the way a ruler had come to power is his past, no report of the coup
        "Der General war 1971 durch einen Putsch an die Macht gekommen.",
        "In Guyana wächst der Streit. Der frühere Machthaber hatte 1984 während eines "
        "Putsches die Macht ergriffen.",
    ],
)
def test_coup_that_brought_a_ruler_to_power_is_background(nlp: Language, text: str) -> None:
    assert not [t for _, t in triggers_of(nlp, text) if "utsch" in t]


def test_coup_of_the_news_stays_an_event(nlp: Language) -> None:
    text = "In Mali hat das Militär am Montag durch einen Putsch die Macht übernommen."
    assert ("ASSAULT", "Putsch") in triggers_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a happening given as the circumstance of the clause ("trotz", "aufgrund")
        (
            "In Peru wächst der Streit. Die Kämpfe gehen trotz der Unterzeichnung eines "
            "Waffenstillstandsabkommens im März weiter.",
            "Waffenstillstandsabkommens",
        ),
        (
            "In Peru wächst der Streit. Die Regierung hatte aufgrund eines Abkommens von 1990 "
            "Entschädigungen gezahlt.",
            "Abkommens",
        ),
    ],
)
def test_circumstance_is_no_report(nlp: Language, text: str, absent: str) -> None:
    assert absent not in [t for _, t in triggers_of(nlp, text)]


def test_agreement_reported_stays_an_event(nlp: Language) -> None:
    text = "In Peru wächst der Streit. Die Regierung und die Rebellen unterzeichneten ein Abkommen."
    assert "AGREE" in [ty for ty, _ in triggers_of(nlp, text)]
