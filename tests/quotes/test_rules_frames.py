"""Frame rules on sentences we wrote: verb-final particle forms, sources inside a verb frame,
Konjunktiv cues inside reported speech, adverbial clauses, back-references, addressees."""

from __future__ import annotations

from spacy.language import Language

from lagebild.quotes.lexicon import load_lexicon
from lagebild.quotes.quote import Quote


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    return list(nlp(text)._.quotes)


def test_joined_particle_forms_are_cues() -> None:
    lex = load_lexicon()
    for form, lemma in (("mitteilte", "mitteilen"), ("bekanntgab", "bekanntgeben")):
        readings = lex.verb_cues(form)
        assert readings and readings[0].lemma == lemma and readings[0].particle is None


def test_source_phrase_in_verb_frame_is_not_the_speaker(any_nlp: Language) -> None:
    text = (
        "„Wir bauen das Werk aus“, sagte Firmenchefin Lea Brandt "
        "nach Angaben der Agentur Nordpress."
    )
    qs = quotes_of(any_nlp, text)
    q = next(q for q in qs if "Werk" in q.text)
    assert q.type == "direct"
    assert q.speaker is not None and "Lea Brandt" in q.speaker.text
    assert q.source is not None and "Nordpress" in q.source.text


def test_konjunktiv_cue_inside_reported_speech(any_nlp: Language) -> None:
    text = "Er erwarte, dass die Preise sinken, fügte der Händler Paul Lenz hinzu."
    qs = [q for q in quotes_of(any_nlp, text) if "Preise" in q.text]
    assert len(qs) == 1
    assert qs[0].cue is not None and qs[0].cue.text == "fügte"
    assert qs[0].speaker is not None and "Paul Lenz" in qs[0].speaker.text


def test_adverbial_clause_after_cue_is_no_quote(any_nlp: Language) -> None:
    text = "„Auf gute Nachbarschaft“, sagte die Ministerin, während die Gäste applaudierten."
    qs = quotes_of(any_nlp, text)
    assert not any("applaudierten" in q.text for q in qs), [q.to_dict() for q in qs]


def test_back_reference_frame(nlp: Language) -> None:
    text = (
        "Die Fähre nach Helgoland fällt am Wochenende wegen eines Sturms aus. "
        "Das teilte die Reederei am Freitag mit."
    )
    q = next(q for q in quotes_of(nlp, text) if "Helgoland" in q.text)
    assert q.type == "indirect" and q.text.endswith("Das")
    assert q.speaker is not None and q.speaker.text == "die Reederei"


def test_dative_addressee_from_the_parse(nlp: Language) -> None:
    text = "Der Trainer sagte der Lokalzeitung, die Mannschaft sei gut vorbereitet."
    q = next(q for q in quotes_of(nlp, text) if "Mannschaft" in q.text)
    assert q.addressee is not None and "Lokalzeitung" in q.addressee.text
