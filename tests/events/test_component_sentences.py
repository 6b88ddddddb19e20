"""Events from sentences we wrote ourselves, through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import events_of


@pytest.mark.parametrize(
    ("text", "etype", "status"),
    [
        (
            "Die französische Polizei nahm am Freitag in Lyon mehrere Demonstranten fest.",
            "COERCE",
            "happened",
        ),
        ("Frankreich verhängte Sanktionen gegen Venezuela.", "SANCTION", "happened"),
        ("Die Regierung Spaniens kritisierte Marokko scharf.", "ACCUSE", "happened"),
        ("Italien soll Waffenlieferungen an die Ukraine planen.", "AID", "speculated"),
    ],
)
def test_sentence_type_and_status(nlp: Language, text: str, etype: str, status: str) -> None:
    events = events_of(nlp, text)
    found = [e for e in events if e["type"] == etype]
    assert found, (text, events)
    assert found[0]["status"] == status


def test_meeting_actor_recipient_place(nlp: Language) -> None:
    text = (
        "Die italienische Regierungschefin traf sich am Donnerstag in Madrid "
        "mit dem spanischen König."
    )
    events = [e for e in events_of(nlp, text) if e["type"] == "CONSULT"]
    assert events
    codes = {events[0]["actor"]["code"], (events[0]["recipient"] or {}).get("code")}
    assert codes == {"ITA", "ESP"}
    assert events[0]["location"]["country"] == "ESP"
    assert events[0]["date"] == {"value": "2031-05-08", "precision": "day", "text": "am Donnerstag"}


def test_negated_event(nlp: Language) -> None:
    events = events_of(nlp, "Polen hat die Ukraine nicht angegriffen.")
    assert events and events[0]["type"] == "ASSAULT" and events[0]["status"] == "negated"


def test_no_event_without_trigger(nlp: Language) -> None:
    assert events_of(nlp, "In Madrid schien am Donnerstag die Sonne.") == []


def test_separated_particle_before_closing_quote(nlp: Language) -> None:
    text = "Datenschützer warfen der spanischen Regierung „Wortbruch“ vor."
    assert any(e["type"] == "ACCUSE" for e in events_of(nlp, text))


def test_arrest_without_named_police_implies_the_police(nlp: Language) -> None:
    events = events_of(nlp, "In Lyon wurden am Freitag 14 französische Demonstranten festgenommen.")
    arrests = [e for e in events if e["type"] == "COERCE"]
    assert arrests and arrests[0]["actor"]["sector"] == "COP"
    assert arrests[0]["actor"]["code"] == "FRA"


def test_announced_violence_is_a_threat(nlp: Language) -> None:
    text = "Ein Sprecher der Rebellen kündigte an, die Rebellen würden die Hauptstadt angreifen."
    assert any(e["type"] == "THREATEN" for e in events_of(nlp, text))


def test_definite_mention_of_a_reported_protest_is_one_event(nlp: Language) -> None:
    text = (
        "Tausende Menschen demonstrierten am Freitag in Madrid gegen die spanische Regierung. "
        "Die Demonstration verlief friedlich."
    )
    assert len([e for e in events_of(nlp, text) if e["type"] == "PROTEST"]) == 1
