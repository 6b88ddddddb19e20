"""Precision rules of the events component: triggers that name no happening, on sentences we
wrote ourselves (each was an event before its rule)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import events_of, triggers_of


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a noun under "ohne" / "gegenüber": no happening
        ("Die Polizei in Chile darf Demonstranten ohne Anklage festhalten.", "Anklage"),
        ("Schweden verhält sich ablehnend gegenüber Sanktionen gegen Venezuela.", "Sanktionen"),
        # the attribute of a frame noun (`frame_nouns`)
        (
            "Der Minister betonte die Notwendigkeit weiterer Angriffe auf die Stellungen der "
            "Rebellen.",
            "Angriffe",
        ),
        (
            "Bei den Festgenommenen soll es sich um Hintermänner der Bombenanschläge von Lyon "
            "handeln.",
            "Bombenanschläge",
        ),
        # the object of a denial, the subject of a cancellation
        (
            "Ein Berater des spanischen Oppositionsführers dementierte die Festnahme von Pedro "
            "Ruiz durch die spanische Polizei.",
            "Festnahme",
        ),
        ("Die für Samstag geplante Kundgebung in Madrid wurde abgesagt.", "Kundgebung"),
        # an indirect question
        (
            "Die Abgeordneten diskutierten, ob Spanien dem Journalisten politisches Asyl "
            "gewähren sollte.",
            "Asyl",
        ),
        ("Es ist jedoch unklar, ob die Soldaten die Gefangenen erschossen haben.", "erschossen"),
        # a power, not a deed; a feeling, not an attack
        ("Die Polizei in Argentinien kann Verdächtige vier Tage lang festnehmen.", "festnehmen"),
        ("Die Bauern in Kenia sehen sich von der Regierung angegriffen.", "angegriffen"),
        # lexicon constraints: "werben um Mitglieder", "zu einem Streik aufrufen" (the strike is
        # the event), a diplomat sent is no troop move, "Beihilfe zu" is complicity
        ("Die Organisation wirbt um Mitglieder und Spenden.", "wirbt"),
        ("Die Gewerkschaft hat zu einem Streik in Lyon aufgerufen.", "aufgerufen"),
        ("Die Regierung entsandte ihren Außenminister nach Madrid.", "entsandte"),
        ("Das Gericht wertete die Lieferung als Beihilfe zu einem Verbrechen.", "Beihilfe"),
    ],
)
def test_no_event(nlp: Language, text: str, absent: str) -> None:
    found = triggers_of(nlp, text)
    assert all(trig != absent for _, trig in found), found


def test_noun_governed_by_verb_event_of_its_type_is_one_event(nlp: Language) -> None:
    found = triggers_of(nlp, "Die Soldaten wurden durch Luftangriffe der Rebellen getötet.")
    assert found == [("ASSAULT", "getötet")]


def test_protest_noun_of_an_igo_is_verbal(nlp: Language) -> None:
    text = (
        "Die Vereinten Nationen reagierten mit scharfen Protesten auf das Dekret der "
        "Regierung Perus."
    )
    assert ("ACCUSE", "Protesten") in triggers_of(nlp, text)
    # the first part of a compound is no actor: still a demonstration
    text = "Tausende beteiligten sich an den Regierungsprotesten in Lima."
    assert ("PROTEST", "Regierungsprotesten") in triggers_of(nlp, text)


def test_convicted_for_an_offence_is_a_sanction(nlp: Language) -> None:
    events = events_of(nlp, "Der Offizier wurde wegen Befehlsverweigerung verurteilt.")
    assert [(e["type"], e["mode"]) for e in events] == [("SANCTION", "convict")]
    # verbal condemnation stays ACCUSE
    events = events_of(nlp, "Frankreich verurteilte Russland scharf.")
    assert [(e["type"], e["mode"]) for e in events] == [("ACCUSE", "disapprove")]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russland entsandte Truppen nach Syrien.", "entsandte"),
        ("Die Polizei konnte die Täter festnehmen.", "festnehmen"),
        ("Die Gewerkschaft hat zu einem Streik in Lyon aufgerufen.", "Streik"),
    ],
)
def test_still_events(nlp: Language, text: str, trigger: str) -> None:
    assert any(trig == trigger for _, trig in triggers_of(nlp, text))


def test_definite_noun_next_to_verb_event_of_its_type_is_that_event(nlp: Language) -> None:
    found = triggers_of(nlp, "Der Präsident Perus dankte den Bürgern für ihre Unterstützung.")
    assert found == [("SUPPORT", "dankte")]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Der Gesandte Perus lobte die Sanktionen und rief die Armee des Landes auf, die "
            "Opposition zu unterstützen.",
            "unterstützen",
        ),
        (
            "Der Präsident Perus rief die Armee auf, die Rebellen im Süden anzugreifen.",
            "anzugreifen",
        ),
    ],
)
def test_what_a_request_asks_for_is_no_event(nlp: Language, text: str, absent: str) -> None:
    found = triggers_of(nlp, text)
    assert ("REQUEST", "rief") in found
    assert all(trig != absent for _, trig in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Soldaten der Armee haben am Donnerstag in Niger die Macht mit einem Militärputsch "
        "übernommen. Die Afrikanische Union hatte den Militärputsch scharf verurteilt.",
        "Rebellen griffen am Montag ein Dorf in Mali an. Die Vereinten Nationen verurteilten "
        "den Angriff scharf.",
    ],
)
def test_definite_noun_a_speech_act_is_about_refers_back(nlp: Language, text: str) -> None:
    events = events_of(nlp, text)
    assault = [e for e in events if e["type"] == "ASSAULT"]
    assert len(assault) == 1, events
    assert any(e["type"] == "ACCUSE" for e in events)


def test_relative_clause_describing_a_noun_event_is_that_event(nlp: Language) -> None:
    text = (
        "Die Opposition übergab eine Petition an den König, in der der König ersucht wird, "
        "den Premierminister zu entlassen."
    )
    assert [t for t in triggers_of(nlp, text) if t[0] == "REQUEST"] == [("REQUEST", "Petition")]
