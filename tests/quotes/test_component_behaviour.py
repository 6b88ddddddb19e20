"""Behaviour of the quotation stage on sentences we wrote (names and wording are invented)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from lagebild.quotes.quote import Quote, Role


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return list(doc._.quotes)


def only(quotes: list[Quote], qtype: str | None = None) -> Quote:
    sel = [q for q in quotes if qtype is None or q.type == qtype]
    assert len(sel) == 1, [q.to_dict() for q in quotes]
    return sel[0]


class Has(str):
    """A piece the part must contain, where the exact span is not what the case is about."""


class Lacks(str):
    """A piece the part must not contain: the frame word stays outside the quotation."""


Expected = dict[str, str | tuple[str, ...]]  # part ("type", "text" or a role) → check(s)


def part_text(q: Quote, name: str) -> str:
    """The quote's type or text, or the text of one of its roles (which must be there)."""
    value = getattr(q, name)
    if isinstance(value, Role):
        return value.text
    assert isinstance(value, str), f"no {name} in {q.to_dict()}"
    return value


def meets(found: str, check: str) -> bool:
    """A plain string must equal the part; `Has`/`Lacks` test only a piece of it."""
    if isinstance(check, Has):
        return check in found
    if isinstance(check, Lacks):
        return check not in found
    return found == check


def test_direct_quote_over_two_sentences(any_nlp: Language) -> None:
    text = (
        "„Wir werden die Brücke bis zum Sommer reparieren. Das Geld ist bereits bewilligt“, "
        "sagte die Bürgermeisterin Anna Berger am Dienstag."
    )
    q = only(quotes_of(any_nlp, text), "direct")
    assert q.text.startswith("„Wir werden") and q.text.endswith("bewilligt“")
    assert q.cue is not None and q.cue.text == "sagte"
    assert q.speaker is not None and "Anna Berger" in q.speaker.text
    assert text[q.start : q.end] == q.text


# One sentence, the quote type to pick (None: the sentence's only quote), what it must show.
FRAMES = [
    pytest.param(
        "„Die Lage bleibt angespannt, aber kontrollierbar“, "
        "so Feuerwehrsprecher Tom Krause weiter.",
        "direct", {"speaker": Has("Tom Krause")}, id="so_frame_names_the_speaker"),
    pytest.param(
        "Der Landrat sagte am Mittwoch, die Straße sei wegen des Hochwassers gesperrt.",
        None, {"type": "indirect", "text": "die Straße sei wegen des Hochwassers gesperrt",
               "speaker": "Der Landrat", "cue": "sagte"}, id="indirect_konjunktiv_after_sagte"),
    pytest.param(
        "Man wolle die Gespräche fortsetzen, sagte die Sprecherin.",
        None, {"type": "indirect", "text": "Man wolle die Gespräche fortsetzen",
               "speaker": "die Sprecherin"}, id="indirect_before_inverted_frame"),
    pytest.param(
        "Laut einem Bericht der Regionalzeitung sei der Deich an zwei Stellen gebrochen.",
        None, {"type": "indirect", "text": (Has("Deich"), Lacks("Laut")),
               "source": Has("Regionalzeitung"), "cue": "Laut"}, id="laut_gives_source"),
    pytest.param(
        "Dem Nachrichtensender zufolge wurden bei dem Unfall drei Menschen verletzt.",
        None, {"text": (Has("drei Menschen verletzt"), Lacks("zufolge")),
               "source": Has("Nachrichtensender")}, id="zufolge_frame"),
    pytest.param(
        "Wie die Nachrichtenagentur Nordpress berichtete, "
        "habe die Regierung den Notstand ausgerufen.",
        None, {"text": "habe die Regierung den Notstand ausgerufen",
               "source": Has("Nachrichtenagentur Nordpress"), "cue": "berichtete"},
        id="wie_berichtete_frame"),
    pytest.param(
        "Die Stadtverwaltung teilte am Abend mit, "
        "dass die Schulen bis Freitag geschlossen bleiben.",
        None, {"type": "indirect", "text": "dass die Schulen bis Freitag geschlossen bleiben",
               "speaker": "Die Stadtverwaltung"}, id="dass_clause_after_teilte_mit"),
    pytest.param(
        "„Wir stehen fest an Ihrer Seite“, "
        "sagte die Ministerin an die Helfer und deren Familien gewandt.",
        "direct", {"addressee": "die Helfer und deren Familien", "speaker": Has("Ministerin")},
        id="addressee_an_gewandt"),
    pytest.param(
        "Der Minister sagte nach Angaben der Nachrichtenagentur Nordpress, "
        "man werde die Verhandlungen im Herbst fortsetzen.",
        None, {"speaker": "Der Minister", "source": Has("Nordpress"),
               "text": "man werde die Verhandlungen im Herbst fortsetzen"},
        id="speaker_and_source_nach_angaben"),
]


@pytest.mark.parametrize(("text", "qtype", "expected"), FRAMES)
def test_frame(any_nlp: Language, text: str, qtype: str | None, expected: Expected) -> None:
    q = only(quotes_of(any_nlp, text), qtype)
    for name, checks in expected.items():
        found = part_text(q, name)
        for check in checks if isinstance(checks, tuple) else (checks,):
            assert meets(found, check), (name, found, check)


def test_interrupted_direct_quote_is_one_quote(any_nlp: Language) -> None:
    text = "„Wir sind zu einem Kompromiss bereit“, sagte Meier, „aber nicht um jeden Preis.“"
    q = only(quotes_of(any_nlp, text), "direct")
    assert len(q.parts) == 2
    assert q.speaker is not None and q.speaker.text == "Meier"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Der Film „Sommerwind“ läuft seit Donnerstag in den Kinos.",
                     id="film_title_is_not_a_quote"),
        pytest.param("Am Montag regnete es in der ganzen Stadt. Die Feuerwehr rückte zweimal aus.",
                     id="plain_report"),
    ],
)
def test_no_quote(any_nlp: Language, text: str) -> None:
    assert quotes_of(any_nlp, text) == []
