"""Parties the entity stage finds through appositions and role nouns, movement nouns, and
offices of an international organisation in the genitive, on sentences we wrote ourselves,
through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import events_of, party_of

# (text, event type, role, expected (code, sector)) — one rule per row, sentences our own
CASES = [
    pytest.param(
        # the apposition names the office holder: the role is not the person named before
        "Soldaten haben Amir Basri in Lima getötet. Das bestätigte der Präsident Perus, "
        "Ramón Quispe Mamani.",
        "ASSAULT", "recipient", ("PER", "CVL"), id="apposition-names-the-office-holder",
    ),
    pytest.param(
        # a movement named by its shirts is a party of the opposition
        "In Thailand wächst der Streit. Die Rothemden kritisierten am Montag die Regierung.",
        "ACCUSE", "actor", ("THA", "OPP"), id="shirt-movement-is-opposition",
    ),
    pytest.param(
        # a plural office noun with an organisation in the genitive is that organisation
        "Die Außenminister der Europäischen Union kritisierten Russland scharf.",
        "ACCUSE", "actor", ("EU", "GOV"), id="ministers-of-an-igo",
    ),
    pytest.param(
        # a plural in "-er" names the group noun ("Parlamentsmitglied")
        "In Kenia wächst der Streit. Mehrere Parlamentsmitglieder kritisierten die Polizei.",
        "ACCUSE", "actor", ("KEN", "LEG"), id="members-of-parliament",
    ),
    pytest.param(
        # an office ("Amt") is part of the government
        "In Kenia wächst der Streit. Das Amt für Statistik kritisierte die Opposition.",
        "ACCUSE", "actor", ("KEN", "GOV"), id="office-is-government",
    ),
]


@pytest.mark.parametrize(("text", "etype", "role", "expected"), CASES)
def test_apposition_and_movement_parties(
    nlp: Language, text: str, etype: str, role: str, expected: tuple[str, str]
) -> None:
    found = events_of(nlp, text, etype)
    assert found and party_of(found[0][role]) == expected


def test_plural_in_er_names_the_group_noun(nlp: Language) -> None:
    args = nlp.get_pipe("lagebild_events").args
    assert args._sector_form("Parlamentsmitglieder") == "LEG"
    assert args._sector_form("Stammesmitglieder") == "CVL"
