"""Round 10 precision rules: a deed named only as the charge of a judicial act ("wegen …
verurteilt") or as what a suspicion or evidence is about ("vom Verdacht der Tötung
freigesprochen", "keine Beweise für einen Anschlag") is no report of that deed. All sentences
are our own; each "absent" trigger was an event before its rule."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import triggers_of


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the ground of a verdict, also through the noun it hangs from
        (
            "Die drei Männer wurden gestern wegen Verabredung zu Mord und Brandstiftung "
            "verurteilt.",
            "Mord",
        ),
        # what a suspicion or the missing evidence is about
        (
            "Der Fahrer wurde von einem Gericht in Moskau vom Verdacht der fahrlässigen "
            "Tötung freigesprochen.",
            "Tötung",
        ),
        ("Gegen den Minister gibt es keine Beweise für Angriffe auf Journalisten.", "Angriffe"),
    ],
)
def test_charge_is_no_report_of_the_deed(nlp: Language, text: str, absent: str) -> None:
    assert all(t != absent for _, t in triggers_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        # the judicial act itself stays an event
        (
            "Die drei Männer wurden gestern wegen Verabredung zu Mord und Brandstiftung "
            "verurteilt.",
            "SANCTION",
            "verurteilt",
        ),
        # a causal "wegen" of another verb keeps its event
        (
            "Die Europäische Union verhängte wegen Angriffen der Armee auf Zivilisten "
            "Sanktionen gegen Syrien.",
            "ASSAULT",
            "Angriffen",
        ),
    ],
)
def test_still_events(nlp: Language, text: str, etype: str, trigger: str) -> None:
    assert (etype, trigger) in triggers_of(nlp, text)
