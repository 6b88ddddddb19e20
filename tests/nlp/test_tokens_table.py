"""`TokenTable` (per-doc attribute lists shared by the rule stages) must agree with spaCy's
own Token/Span views, and be built once per doc."""

from __future__ import annotations

from spacy.language import Language

from lagebild.nlp.tokens import TokenTable


def test_lists_agree_with_tokens(nlp: Language) -> None:
    doc = nlp("Die Polizei nahm am Freitag in Lyon 14 Menschen fest. Danach gab es „Proteste“.")
    table = TokenTable(doc)
    assert table.texts == [t.text for t in doc]
    assert table.idx == [t.idx for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.pos == [t.pos_ for t in doc] and table.tag == [t.tag_ for t in doc]
    assert table.lemma == [t.lemma_ for t in doc] and table.dep == [t.dep_ for t in doc]
    assert table.text == doc.text
    assert table.sentences == [(s.start, s.end) for s in doc.sents]
    for start, end in ((0, 1), (2, 6), (0, len(doc))):
        assert table.span_text(start, end) == doc[start:end].text
        assert table.end_char(end) == doc[start:end].end_char
    assert table.sent_bounds(len(doc) - 1) == table.sentences[-1]


def test_table_is_shared_per_doc(nlp: Language) -> None:
    first = nlp("Sie sagte, er komme morgen.")
    second = nlp("Er sagte nichts.")
    assert TokenTable.of(first) is TokenTable.of(first)
    assert TokenTable.of(second).texts == [t.text for t in second]
    assert TokenTable.of(first).texts == [t.text for t in first]
    assert len(TokenTable()) == 0 and TokenTable().span_text(0, 0) == ""
