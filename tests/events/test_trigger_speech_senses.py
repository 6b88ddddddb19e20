"""Round 10 lexicon: verbal senses and light verbs the lexicon lacked — criticism that a
person receives, that "there is" or that turns against someone ("erhielt Kritik", "es gab
Kritik an", "die Kritik richtet sich gegen"), an attack in words ("griff ihn mit scharfen
Worten an", "attackierte X als …"), taking a case before a court or the Security Council, and
rounds of negotiations, assurances ("sicherte … zu"). All sentences are our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import code_of, events_of, triggers_of


@pytest.mark.parametrize(
    "text",
    [
        "Der Außenminister erhielt für seine Reise heftige Kritik.",
        "Im Parlament gab es scharfe Kritik an dem Verteidigungsminister.",
        "In der Presse richtet sich die Kritik vor allem gegen Frankreich.",
    ],
)
def test_criticism_with_a_light_verb(nlp: Language, text: str) -> None:
    assert ("ACCUSE", "Kritik") in triggers_of(nlp, text)


def test_received_criticism_has_its_subject_as_recipient(nlp: Language) -> None:
    (event,) = events_of(nlp, "Der französische Präsident erhielt weitere Kritik.", "ACCUSE")
    assert code_of(event["recipient"]) == "FRA"
    assert event["actor"] is None or code_of(event["actor"]) != "FRA"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Die Kanzlerin griff den Iran in ihrer Rede mit ungewöhnlich scharfen Worten an.",
            "griff",
        ),
        (
            "Der amerikanische Außenminister attackierte den Iran als größten Förderer des "
            "Terrors.",
            "attackierte",
        ),
    ],
)
def test_attack_in_words_is_an_accusation(nlp: Language, text: str, trigger: str) -> None:
    found = triggers_of(nlp, text)
    assert ("ACCUSE", trigger) in found
    assert ("ASSAULT", trigger) not in found


def test_armed_attack_stays_an_assault(nlp: Language) -> None:
    text = "Rebellen griffen am Montag einen Konvoi der Armee mit Granaten an."
    assert ("ASSAULT", "griffen") in triggers_of(nlp, text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Die Opposition will den Streit über die Wahl vor das Verfassungsgericht bringen.",
            "bringen",
        ),
        (
            "Die Mehrheit der Staaten beschloss, den Streit vor den Sicherheitsrat zu bringen.",
            "bringen",
        ),
    ],
)
def test_taking_a_case_before_a_court_is_an_accusation(
    nlp: Language, text: str, trigger: str
) -> None:
    assert ("ACCUSE", trigger) in triggers_of(nlp, text)


def test_bringing_without_a_court_is_no_accusation(nlp: Language) -> None:
    text = "Der Konvoi soll die Hilfsgüter vor dem Winter in die Stadt bringen."
    assert all(t != "bringen" for _, t in triggers_of(nlp, text))


def test_rounds_of_negotiations_are_consultations(nlp: Language) -> None:
    text = "Zwei Verhandlungsrunden zwischen der Regierung und den Rebellen sind gescheitert."
    assert ("CONSULT", "Verhandlungsrunden") in triggers_of(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Der Präsident sicherte den Flüchtlingen freies Geleit in ihre Dörfer zu.",
        "Die Regierung hat den Nachbarstaaten den Schutz ihrer Botschaften zugesichert.",
    ],
)
def test_assurance_is_an_agreement(nlp: Language, text: str) -> None:
    # round 10 lexicon: "zusichern" is a promise to the dative party
    assert any(etype == "AGREE" for etype, _ in triggers_of(nlp, text))


def test_assured_support_is_one_event_of_the_noun(nlp: Language) -> None:
    # "sicherte … die Unterstützung zu": the noun carries the event, no second AGREE
    found = triggers_of(nlp, "Kanada sicherte der Ukraine weiterhin die Unterstützung Ottawas zu.")
    assert ("SUPPORT", "Unterstützung") in found
    assert all(t != "sicherte" for _, t in found)
