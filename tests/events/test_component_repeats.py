"""A happening told again in a later sentence is one event, on sentences we wrote ourselves,
through the real pipeline: the repeat is merged into the first report (a place only the
repeat names goes to it), unless its clause says it is another happening ("weitere")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import events_of, triggers_of


def test_repeat_gives_its_place_to_the_first_report(nlp: Language) -> None:
    text = (
        "Am Montag gab es Proteste gegen die Regierung. "
        "Die Proteste im Zentrum von Nairobi verliefen friedlich."
    )
    protests = events_of(nlp, text, "PROTEST")
    assert len(protests) == 1
    assert protests[0]["trigger"]["text"] == "Proteste"
    assert protests[0]["trigger"]["start"] == text.index("Proteste")
    assert protests[0]["location"] is not None
    assert protests[0]["location"]["country"] == "KEN"


def test_criticism_told_again_is_one_event(nlp: Language) -> None:
    text = (
        "Die Kommission der Vereinten Nationen kritisierte das neue Wahlgesetz Perus. "
        "Insbesondere wird kritisiert, dass das Gesetz die Regierungspartei begünstige."
    )
    assert [t for ty, t in triggers_of(nlp, text) if ty == "ACCUSE"] == ["kritisierte"]


def test_arrest_told_again_is_one_event(nlp: Language) -> None:
    text = (
        "Die Polizei hat zwei Studenten festgenommen. "
        "Die Studenten wurden von der Polizei festgenommen."
    )
    assert len(events_of(nlp, text, "COERCE")) == 1


def test_further_arrests_are_another_event(nlp: Language) -> None:
    # "weitere" says it is another happening of the kind (`new_happening_cues`)
    text = (
        "Die Studenten wurden von der Polizei festgenommen. "
        "Auch weitere Studenten wurden von der Polizei festgenommen."
    )
    assert len(events_of(nlp, text, "COERCE")) == 2


def test_repeat_with_a_date_of_its_own_is_another_event(nlp: Language) -> None:
    text = (
        "Die Polizei hat zwei Studenten festgenommen. "
        "Am Freitag wurden die Studenten von der Polizei festgenommen."
    )
    assert len(events_of(nlp, text, "COERCE")) == 2


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            "Tausende protestierten in Kairo gegen die Regierung. Tausende protestierten auch "
            "in Alexandria.",
            "PROTEST",
        ),
        (
            "Rebellen griffen am Montag ein Dorf in Mali an. Die Rebellen griffen auch eine "
            "Kaserne in Gao an.",
            "ASSAULT",
        ),
    ],
)
def test_same_deed_at_another_place_is_another_event(nlp: Language, text: str, etype: str) -> None:
    assert len(events_of(nlp, text, etype)) == 2
