"""`DocTokens` (per-doc attribute lists) must agree with spaCy's own Token/Span views."""

from __future__ import annotations

from spacy.language import Language

from lagebild.events.dates import find_dates, upcoming
from lagebild.events.tokens import DocTokens


def test_lists_agree_with_tokens(nlp: Language) -> None:
    doc = nlp("Die Polizei nahm am Freitag in Lyon 14 Menschen fest. Danach gab es „Proteste“.")
    dt = DocTokens(doc)
    assert dt.text == [t.text for t in doc]
    assert dt.lower == [t.lower_ for t in doc]
    assert dt.pos == [t.pos_ for t in doc] and dt.tag == [t.tag_ for t in doc]
    assert dt.lemma == [t.lemma_ for t in doc] and dt.dep == [t.dep_ for t in doc]
    assert dt.doc_text == doc.text
    assert dt.sentences == [(s.start, s.end) for s in doc.sents]
    for start, end in ((0, 1), (2, 6), (0, len(doc))):
        assert dt.span_text(start, end) == doc[start:end].text
    assert dt.sent_bounds(len(doc) - 1) == dt.sentences[-1]


def test_planned_weekday_is_the_coming_one() -> None:
    (found,) = find_dates("Am Donnerstag ist ein Treffen geplant.", "2006-05-31")
    assert found.date.value == "2006-05-25"
    assert upcoming(found.date, "2006-05-31").value == "2006-06-01"
    (month,) = find_dates("im Februar", "2006-05-31")
    assert upcoming(month.date, "2006-05-31") == month.date
