"""Behaviour of the quotation stage on sentences we wrote (names and wording are invented)."""

from __future__ import annotations

from spacy.language import Language

from lagebild.quotes.quote import Quote


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return list(doc._.quotes)


def only(quotes: list[Quote], qtype: str | None = None) -> Quote:
    sel = [q for q in quotes if qtype is None or q.type == qtype]
    assert len(sel) == 1, [q.to_dict() for q in quotes]
    return sel[0]


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


def test_so_frame_names_the_speaker(any_nlp: Language) -> None:
    text = (
        "„Die Lage bleibt angespannt, aber kontrollierbar“, so Feuerwehrsprecher Tom Krause weiter."
    )
    q = only(quotes_of(any_nlp, text), "direct")
    assert q.speaker is not None and "Tom Krause" in q.speaker.text


def test_indirect_konjunktiv_after_sagte(any_nlp: Language) -> None:
    text = "Der Landrat sagte am Mittwoch, die Straße sei wegen des Hochwassers gesperrt."
    q = only(quotes_of(any_nlp, text))
    assert q.type == "indirect"
    assert q.text == "die Straße sei wegen des Hochwassers gesperrt"
    assert q.speaker is not None and q.speaker.text == "Der Landrat"
    assert q.cue is not None and q.cue.text == "sagte"


def test_indirect_before_inverted_frame(any_nlp: Language) -> None:
    text = "Man wolle die Gespräche fortsetzen, sagte die Sprecherin."
    q = only(quotes_of(any_nlp, text))
    assert q.type == "indirect"
    assert q.text == "Man wolle die Gespräche fortsetzen"
    assert q.speaker is not None and q.speaker.text == "die Sprecherin"


def test_laut_gives_source(any_nlp: Language) -> None:
    text = "Laut einem Bericht der Regionalzeitung sei der Deich an zwei Stellen gebrochen."
    q = only(quotes_of(any_nlp, text))
    assert q.type == "indirect"
    assert "Deich" in q.text and "Laut" not in q.text
    assert q.source is not None and "Regionalzeitung" in q.source.text
    assert q.cue is not None and q.cue.text == "Laut"


def test_zufolge_frame(any_nlp: Language) -> None:
    text = "Dem Nachrichtensender zufolge wurden bei dem Unfall drei Menschen verletzt."
    q = only(quotes_of(any_nlp, text))
    assert "drei Menschen verletzt" in q.text and "zufolge" not in q.text
    assert q.source is not None and "Nachrichtensender" in q.source.text


def test_wie_berichtete_frame(any_nlp: Language) -> None:
    text = (
        "Wie die Nachrichtenagentur Nordpress berichtete, "
        "habe die Regierung den Notstand ausgerufen."
    )
    q = only(quotes_of(any_nlp, text))
    assert q.text == "habe die Regierung den Notstand ausgerufen"
    assert q.source is not None and "Nachrichtenagentur Nordpress" in q.source.text
    assert q.cue is not None and q.cue.text == "berichtete"


def test_dass_clause_after_teilte_mit(any_nlp: Language) -> None:
    text = (
        "Die Stadtverwaltung teilte am Abend mit, dass die Schulen bis Freitag geschlossen bleiben."
    )
    q = only(quotes_of(any_nlp, text))
    assert q.type == "indirect"
    assert q.text == "dass die Schulen bis Freitag geschlossen bleiben"
    assert q.speaker is not None and q.speaker.text == "Die Stadtverwaltung"


def test_addressee_an_gewandt(any_nlp: Language) -> None:
    text = (
        "„Wir stehen fest an Ihrer Seite“, "
        "sagte die Ministerin an die Helfer und deren Familien gewandt."
    )
    q = only(quotes_of(any_nlp, text), "direct")
    assert q.addressee is not None and q.addressee.text == "die Helfer und deren Familien"
    assert q.speaker is not None and "Ministerin" in q.speaker.text


def test_speaker_and_source_nach_angaben(any_nlp: Language) -> None:
    text = (
        "Der Minister sagte nach Angaben der Nachrichtenagentur Nordpress, "
        "man werde die Verhandlungen im Herbst fortsetzen."
    )
    q = only(quotes_of(any_nlp, text))
    assert q.speaker is not None and q.speaker.text == "Der Minister"
    assert q.source is not None and "Nordpress" in q.source.text
    assert q.text == "man werde die Verhandlungen im Herbst fortsetzen"


def test_interrupted_direct_quote_is_one_quote(any_nlp: Language) -> None:
    text = "„Wir sind zu einem Kompromiss bereit“, sagte Meier, „aber nicht um jeden Preis.“"
    q = only(quotes_of(any_nlp, text), "direct")
    assert len(q.parts) == 2
    assert q.speaker is not None and q.speaker.text == "Meier"


def test_film_title_is_not_a_quote(any_nlp: Language) -> None:
    assert quotes_of(any_nlp, "Der Film „Sommerwind“ läuft seit Donnerstag in den Kinos.") == []


def test_no_quote_in_plain_report(any_nlp: Language) -> None:
    assert (
        quotes_of(
            any_nlp, "Am Montag regnete es in der ganzen Stadt. Die Feuerwehr rückte zweimal aus."
        )
        == []
    )
