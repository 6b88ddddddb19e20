"""Parties of passive clauses on sentences we wrote ourselves, through the real pipeline:
which "von" phrase is the agent, and where the recipient stands when the clause has no
subject of its own (a dative, the owner of a thing, a subject before inserted clauses);
also the owner named in an object's genitive."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import events_of, party_of

# (text, event type, role, expected (code, sector)) — one rule per row, sentences our own
PASSIVE_CASES = [
    pytest.param(
        # "in der Nähe von X" names the place, not the agent: the police of that place act
        "Chile und Peru streiten. Der Bauer Juan Soto wurde am Montag in der Nähe von Lima "
        "verhaftet.",
        "COERCE", "actor", ("PER", "COP"), id="von-after-place-noun-is-no-agent",
    ),
    pytest.param(
        # "unter der Führung von X" is an attribute; the dative is the recipient
        "In Chile wächst der Streit. Der Regierung Chiles unter der Führung von Juan Soto "
        "wird vorgeworfen, Journalisten zu verfolgen.",
        "ACCUSE", "recipient", ("CHL", "GOV"), id="passive-dative-recipient",
    ),
    pytest.param(
        # a time noun before "von" leaves the agent alone
        "In Chile wurden in der Nacht von Polizisten drei Bauern festgenommen.",
        "COERCE", "actor", ("CHL", "COP"), id="von-after-time-noun-is-agent",
    ),
    pytest.param(
        "In Chile wurden zwei Polizisten von einem Soldaten erschossen.",
        "ASSAULT", "actor", ("CHL", "MIL"), id="von-after-subject-is-agent",
    ),
    pytest.param(
        # the passive subject names a thing: its genitive owner is the recipient
        "In Chile wächst der Streit. Der Wagen des Präsidenten wurde am Montag angegriffen.",
        "ASSAULT", "recipient", ("CHL", "GOV"), id="genitive-of-passive-subject",
    ),
    pytest.param(
        # likewise the object of an active verb
        "In Chile wächst der Streit. Die Bauern begrüßten die Ankündigung des Präsidenten.",
        "SUPPORT", "recipient", ("CHL", "GOV"), id="genitive-of-object",
    ),
    pytest.param(
        # a relative clause between the subject and the finite verb
        "In Chile wächst der Streit. Der Minister Juan Soto, der seit Jahren in Chile lebt, "
        "wurde am Montag festgenommen.",
        "COERCE", "recipient", ("CHL", "GOV"), id="subject-before-relative-clause",
    ),
    pytest.param(
        # "eingesetzt haben" is an active perfect whatever the parse's labels say
        "In Chile wächst der Streit. Auch sollen Polizisten Knüppel gegen Demonstranten "
        "eingesetzt haben.",
        "ASSAULT", "actor", ("CHL", "COP"), id="active-perfect-is-no-passive",
    ),
]


@pytest.mark.parametrize(("text", "etype", "role", "expected"), PASSIVE_CASES)
def test_party_of_passive_clause(
    nlp: Language, text: str, etype: str, role: str, expected: tuple[str, str]
) -> None:
    found = events_of(nlp, text, etype)
    assert found and party_of(found[0][role]) == expected


def test_wie_clause_is_no_subject(nlp: Language) -> None:
    text = (
        "In Chile wächst der Streit. Wie die Regierung mitteilte, wurden zwölf Bauern "
        "erschossen."
    )
    found = events_of(nlp, text, "ASSAULT")
    assert found and party_of(found[0]["recipient"]) == ("CHL", "CVL")


def test_role_noun_von_phrase_is_no_agent(nlp: Language) -> None:
    text = (
        "In Chile herrscht Streit. Dem Bürgermeister von Lima wird vorgeworfen, Geld "
        "genommen zu haben."
    )
    found = events_of(nlp, text, "ACCUSE")
    assert found and party_of(found[0]["actor"]) != ("PER", "GOV")
