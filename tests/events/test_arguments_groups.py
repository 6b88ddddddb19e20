"""Group parties on sentences we wrote ourselves, through the real pipeline: coordinated
subjects, group nouns of a sector, bracketed parties, plural pronouns, the organiser of a
protest, the judiciary of a trial."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import events_of, party_of

# (text, event type, role, expected (code, sector)) — one rule per row, sentences our own
GROUP_CASES = [
    pytest.param(
        # the second part of a coordinated subject acts too, it is no recipient
        "In Chile herrscht Streit. Die Regierung und die Opposition hatten das Urteil "
        "kritisiert.",
        "ACCUSE", "recipient", (None, None), id="coordinated-subject-is-no-recipient",
    ),
    pytest.param(
        "In Chile wächst der Streit. Im Prozess gegen den Bauern Juan Soto hat die Anklage "
        "eine Haftstrafe gefordert.",
        "REQUEST", "actor", ("CHL", "JUD"), id="prosecution-is-judiciary",
    ),
    pytest.param(
        # the genitive party belongs to the phrase, it is no second party
        "In Chile wächst der Streit. Die führenden Funktionäre der Liberalen Partei "
        "unterstützen den Plan.",
        "SUPPORT", "actor", ("CHL", "PTY"), id="functionaries-of-a-party",
    ),
    pytest.param(
        "In Chile wächst der Streit. Zuschauer am Straßenrand forderten den Rücktritt des "
        "Ministers.",
        "REQUEST", "actor", ("CHL", "CVL"), id="onlookers-are-civilians",
    ),
    pytest.param(
        "In Chile wächst der Streit. Bewaffnete griffen am Montag ein Dorf an.",
        "ASSAULT", "actor", ("CHL", "REB"), id="armed-men-take-the-main-country",
    ),
    pytest.param(
        # an unattributed protest named with the opposition is the opposition's
        "In Chile wächst der Streit. Zu den Protesten kam es, weil die Opposition die Wahl "
        "für gefälscht hält.",
        "PROTEST", "actor", ("CHL", "OPP"), id="opposition-organises-protest",
    ),
    pytest.param(
        # an indictment or trial without a named actor is the judiciary's
        "In Chile wächst der Streit. Der frühere Präsident wurde am Montag vor Gericht "
        "gestellt.",
        "ACCUSE", "actor", ("CHL", "JUD"), id="trial-implies-judiciary",
    ),
    pytest.param(
        "In Chile wächst der Streit. Der Bauer Juan Soto wurde am Montag wegen Betrugs "
        "angeklagt.",
        "ACCUSE", "actor", ("CHL", "JUD"), id="indictment-implies-judiciary",
    ),
    pytest.param(
        # a sector adjective in the genitive names the side of a generic group noun
        "In Chile wächst der Streit. Vor dem Gericht kam es zu Auseinandersetzungen zwischen "
        "der Polizei und Anhängern der oppositionellen Politikerin.",
        "ASSAULT", "recipient", ("CHL", "OPP"), id="adjective-in-genitive-names-side",
    ),
    pytest.param(
        "In Berlin wächst der Streit. Die Bundesanwaltschaft klagte Hans Meier wegen "
        "Spionage an.",
        "ACCUSE", "actor", ("DEU", "JUD"), id="federal-prosecution-is-judiciary",
    ),
    pytest.param(
        # a bracketed party after a person is no clause break and no party of its own: the
        # person is a party politician
        "In Berlin wächst der Streit. Hans Meier (SPD) kritisierte die Bundesregierung scharf.",
        "ACCUSE", "actor", ("DEU", "PTY"), id="bracketed-party-of-a-person",
    ),
    pytest.param(
        # a plural "sie" takes the group subject of an earlier sentence, across a sentence
        # whose subject is "sie" too; "Einige der X" names the group
        "In Chile wächst der Streit. Einige der einflussreichsten chilenischen Bauern haben "
        "dem Präsidenten einen Brief geschrieben. In dem Brief teilten sie mit, dass die Lage "
        "ernst sei. Sie drängten den Präsidenten, die Polizei abzuziehen.",
        "REQUEST", "actor", ("CHL", "CVL"), id="plural-pronoun-takes-earlier-subject",
    ),
    pytest.param(
        # "General-" is "general" in a compound: a general strike is the crowd's, no general's
        "In Chile wächst der Streit. Am Montag legte ein Generalstreik das Land lahm.",
        "PROTEST", "actor", ("CHL", "CVL"), id="general-strike-is-no-generals-deed",
    ),
]


@pytest.mark.parametrize(("text", "etype", "role", "expected"), GROUP_CASES)
def test_group_party(
    nlp: Language, text: str, etype: str, role: str, expected: tuple[str, str]
) -> None:
    found = events_of(nlp, text, etype)
    assert found and party_of(found[0][role]) == expected


def test_coordinated_subject_keeps_first_actor(nlp: Language) -> None:
    found = events_of(
        nlp, "In Chile herrscht Streit. Die Regierung und die Opposition hatten das Urteil "
        "kritisiert.", "ACCUSE",
    )
    assert found and party_of(found[0]["actor"]) == ("CHL", "GOV")


def test_accusation_verb_implies_no_judiciary(nlp: Language) -> None:
    found = events_of(
        nlp, "In Chile wächst der Streit. Dem Bauern Juan Soto wird Betrug vorgeworfen.",
        "ACCUSE",
    )
    assert found and party_of(found[0]["actor"]) != ("CHL", "JUD")
