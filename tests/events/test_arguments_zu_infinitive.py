"""The one zu-infinitive test of the events stage (`arguments.zu_infinitive`), edge case by
edge case, on sentences we wrote ourselves, parsed by the real pipeline; and the rules that
use it (requests, frame-noun content, the controller of an infinitive)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from lagebild.events.arguments import zu_infinitive
from lagebild.nlp.tokens import TokenTable
from tests.events.analysed import code_of, events_of, triggers_of


def _is_zu_infinitive(nlp: Language, text: str, word: str) -> bool:
    """The predicate on the token `word` of `text`."""
    doc = nlp(text)
    dt = TokenTable.of(doc)
    return zu_infinitive(dt, dt.texts.index(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # infix "zu" after a short particle
        ("Der Kommandeur gab den Befehl, das Lager anzugreifen.", "anzugreifen"),
        # after a particle of six or eight letters (once missed: "zurück", "zusammen")
        ("Die Partei drängte den Bürgermeister, vom Posten zurückzutreten.", "zurückzutreten"),
        ("Beide Städte wollen beim Hochwasserschutz zusammenzuarbeiten.", "zusammenzuarbeiten"),
        # a particle verb whose particle is "zu" itself
        ("Der Stadtrat weigerte sich, dem Haushalt zuzustimmen.", "zuzustimmen"),
        # the separate particle
        ("Die Gewerkschaft ist bereit, über die Löhne zu verhandeln.", "verhandeln"),
        # "um … zu": the verb of the purpose clause
        ("Die Stadt sperrte die Brücke, um Unfälle zu vermeiden.", "vermeiden"),
        ("Die Stadt sperrte die Brücke, um sie auszubessern.", "auszubessern"),
    ],
)
def test_zu_infinitives(nlp: Language, text: str, word: str) -> None:
    assert _is_zu_infinitive(nlp, text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # participles and finite forms that merely contain "zu"
        ("Der Preis wurde im Frühjahr an die Stifter zurückgegeben.", "zurückgegeben"),
        ("Die Tat wird einer Bande zugeschrieben.", "zugeschrieben"),
        ("Die Fischer kehrten am Abend in den Hafen zurück.", "zurück"),
        # the plain infinitive of a verb with the particle "zu"
        ("Der Stadtrat will dem Haushalt morgen zustimmen.", "zustimmen"),
        # an adjective or noun after "zu" ("too", the preposition)
        ("Die Halle war für das Konzert zu klein.", "klein"),
        ("Die Polizei äußerte sich zu kleineren Rangeleien am Rand.", "kleineren"),
    ],
)
def test_no_zu_infinitives(nlp: Language, text: str, word: str) -> None:
    assert not _is_zu_infinitive(nlp, text, word)


@pytest.mark.parametrize(
    ("text", "requested"),
    [
        ("Die Opposition forderte den Minister auf, von seinem Amt zurückzutreten.", "RETREAT"),
        (
            "Die Opposition forderte die Nachbarstaaten auf, beim Grenzschutz enger "
            "zusammenzuarbeiten.",
            "COOPERATE",
        ),
    ],
)
def test_requested_deed_with_long_particle_is_no_event(
    nlp: Language, text: str, requested: str
) -> None:
    # what a request asks for is no happening of its own, however long the verb's particle
    found = triggers_of(nlp, text)
    assert ("REQUEST", "forderte") in found
    assert all(etype != requested for etype, _ in found)


def test_frame_noun_content_with_infix_verb_is_no_event(nlp: Language) -> None:
    # "die Bereitschaft, Verhandlungen aufzunehmen": readiness, no talks held (the tagger
    # reads "aufzunehmen" as finite)
    text = "Die Regierung in Lima bekräftigte ihre Bereitschaft, Verhandlungen mit Chile " + (
        "aufzunehmen."
    )
    assert not events_of(nlp, text, "CONSULT")


def test_infinitive_with_long_particle_takes_main_clause_subject(nlp: Language) -> None:
    text = "Die chilenische Außenministerin hat am Montag angekündigt, mit Peru zusammenzuarbeiten."
    found = events_of(nlp, text, "COOPERATE")
    assert found
    assert (code_of(found[0]["actor"]), code_of(found[0]["recipient"])) == ("CHL", "PER")
