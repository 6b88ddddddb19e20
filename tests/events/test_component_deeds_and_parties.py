"""Event rules on sentences we wrote ourselves: triggers that name no happening of their
own (looming penalties, danger warnings, denials, injuries of one attack, background
attributes, requested content, a person's killing told twice) and parties (nationality nouns,
separable verbs in subordinate clauses, plural pronouns, unknown organisations)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import code_of, events_of, party_of, triggers_of


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "drohen" of a looming misfortune, not a threat
        ("Dem Schmuggler aus Lyon droht eine lange Haftstrafe.", "droht"),
        ("Nach Ansicht der Polizei in Chile droht der Hauptstadt ein schwerer Anschlag.", "droht"),
        # a warning of others' attacks, not a threat
        ("Das Außenministerium Kanadas warnt Reisende vor Anschlägen in Peru.", "warnt"),
        # a denial of an accusation
        (
            "Dem General aus Peru wird vorgeworfen, den Aufstand geplant zu haben, was er "
            "zurückweist.",
            "zurückweist",
        ),
        ("Der Minister Perus wies die Vorwürfe der Opposition zurück.", "wies"),
        # "demonstrieren damit, dass …": showing, no demonstration
        (
            "Die Bauern in Chile demonstrierten dadurch, dass sie den Plan der Regierung ablehnen.",
            "demonstrierten",
        ),
        # a noun inside a prenominal participle attribute is background
        (
            "Die Anhänger der nach einem Putsch abgesetzten Präsidentin Perus protestierten in "
            "Lima.",
            "Putsch",
        ),
        # the object of a request is what is asked for
        ("Die Bauern in Lima verlangten den Rücktritt des Kabinetts.", "Rücktritt"),
        # participation in protests is background
        (
            "Der Student aus Lima galt als Teilnehmer der Protestkundgebungen vom Sommer.",
            "Protestkundgebungen",
        ),
    ],
)
def test_no_event(nlp: Language, text: str, absent: str) -> None:
    found = triggers_of(nlp, text)
    assert all(trig != absent for _, trig in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Regierung Perus drohte den Rebellen mit einem Angriff.", ("THREATEN", "drohte")),
        ("Der Minister Perus warnte Chile vor Konsequenzen.", ("THREATEN", "warnte")),
        ("Tausende demonstrierten in Lima gegen die Regierung.", ("PROTEST", "demonstrierten")),
        (
            "Die Gewerkschaften wollen am Freitag eine Großkundgebung in Lima abhalten.",
            ("PROTEST", "Großkundgebung"),
        ),
        (
            "Am Rande der Kundgebung in Lima gab es Rangeleien zwischen Polizisten und Bauern.",
            ("ASSAULT", "Rangeleien"),
        ),
        (
            "Die Polizei in Lima hat Schlagstöcke gegen streikende Bauern eingesetzt.",
            ("ASSAULT", "eingesetzt"),
        ),
    ],
)
def test_still_events(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in triggers_of(nlp, text)


def test_injuries_of_an_attack_are_that_attack(nlp: Language) -> None:
    text = "Bei der Explosion in Lima wurden vier Menschen getötet und zwölf weitere verletzt."
    assault = [t for t in triggers_of(nlp, text) if t[0] == "ASSAULT"]
    assert assault == [("ASSAULT", "getötet")]


def test_a_persons_killing_told_again_is_one_event(nlp: Language) -> None:
    text = (
        "Der Rebellenführer Juan Ortega wurde am Dienstag von der Armee Perus in Lima getötet. "
        "Ortega galt als der meistgesuchte Mann des Landes. "
        "Nach Angaben der Armee soll Ortega bei einem Schusswechsel getötet worden sein."
    )
    assault = [t for t in triggers_of(nlp, text) if t[0] == "ASSAULT"]
    assert assault == [("ASSAULT", "getötet")], assault


def test_separable_verb_in_subordinate_clause(nlp: Language) -> None:
    text = (
        "Nach der Kundgebung in Lima kam es zu Ausschreitungen, worauf die Polizei drei Männer "
        "festnahm."
    )
    events = [e for e in events_of(nlp, text) if e["type"] == "COERCE"]
    assert [e["mode"] for e in events] == ["arrest"], events
    assert code_of(events[0]["actor"]) == "PER"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die chilenische Polizei nahm am Montag in Santiago drei Syrer fest.", "SYR"),
        ("In Madrid wurde am Freitag ein Tunesier festgenommen.", "TUN"),
    ],
)
def test_nationality_noun_names_the_country(nlp: Language, text: str, code: str) -> None:
    events = [e for e in events_of(nlp, text) if e["type"] == "COERCE"]
    assert events, events_of(nlp, text)
    assert code_of(events[0]["recipient"]) == code
    assert code_of(events[0]["actor"]) != code


def test_police_forces_are_police(nlp: Language) -> None:
    text = "Chilenische Polizeikräfte nahmen am Montag in Santiago drei Syrer fest."
    events = [e for e in events_of(nlp, text) if e["type"] == "COERCE"]
    assert events
    actor = events[0]["actor"]
    assert actor is not None and (actor["code"], actor["sector"]) == ("CHL", "COP")


def test_plural_pronoun_subject_takes_the_group_before(nlp: Language) -> None:
    text = (
        "Am Montag hatten Tausende Anhänger der Opposition in Lima demonstriert. "
        "Sie verlangten den Rücktritt des Kabinetts."
    )
    request = [e for e in events_of(nlp, text) if e["type"] == "REQUEST"]
    assert len(request) == 1, request
    # the group before is the actor; the genitive of the requested deed is the recipient
    assert party_of(request[0]["actor"]) == ("PER", "OPP")
    assert party_of(request[0]["recipient"]) == ("PER", "GOV")


def test_singular_pronoun_takes_no_group(nlp: Language) -> None:
    text = "Tausende Bauern demonstrierten in Lima. Sie forderte dort mehr Hilfe vom Staat."
    request = [e for e in events_of(nlp, text) if e["type"] == "REQUEST"]
    assert all(party_of(e["actor"]) != ("PER", "CVL") for e in request), request


def test_genitive_country_of_an_unknown_organisation(nlp: Language) -> None:
    text = (
        "Das Auswärtige Amt der Republik Österreich kritisierte die Festnahme des Journalisten "
        "in Lima."
    )
    accuse = [e for e in events_of(nlp, text) if e["type"] == "ACCUSE"]
    assert accuse, events_of(nlp, text)
    assert code_of(accuse[0]["actor"]) == "AUT"
    assert code_of(accuse[0]["recipient"]) != "AUT"


def test_first_of_a_zwischen_pair_acts(nlp: Language) -> None:
    text = "Am Rande der Kundgebung in Lima gab es Rangeleien zwischen Polizisten und Bauern."
    clash = [e for e in events_of(nlp, text) if e["type"] == "ASSAULT"]
    assert clash, events_of(nlp, text)
    assert party_of(clash[0]["actor"]) == ("PER", "COP")
    assert party_of(clash[0]["recipient"]) == ("PER", "CVL")


def test_religious_groups_are_civilians(nlp: Language) -> None:
    text = "In Kairo haben Muslime eine Kirche der Christen angegriffen."
    events = [e for e in events_of(nlp, text) if e["type"] == "ASSAULT"]
    assert events
    assert events[0]["actor"] is not None and events[0]["actor"]["text"] == "Muslime"
    assert party_of(events[0]["actor"]) == ("EGY", "CVL")
    assert party_of(events[0]["recipient"]) == ("EGY", "CVL")


def test_definite_noun_with_participle_attribute_refers_back(nlp: Language) -> None:
    text = (
        "Die Opposition hat für Freitag eine Großkundgebung in Lima angekündigt. "
        "Die für Freitag angesetzte Kundgebung soll vor dem Parlament enden."
    )
    protests = [t for t in triggers_of(nlp, text) if t[0] == "PROTEST"]
    assert protests == [("PROTEST", "Großkundgebung")], protests


def test_deed_of_perpetrators_is_background(nlp: Language) -> None:
    text = (
        "Ein mutmaßlicher Bombenleger der Anschläge von Lima wurde am Dienstag von der "
        "Polizei Perus festgenommen."
    )
    found = triggers_of(nlp, text)
    assert ("COERCE", "festgenommen") in found
    assert all(trig != "Anschläge" for _, trig in found), found
