"""The sentence pre-filter of the events stage never drops a sentence with a trigger, and the
bounded memo it relies on stays bounded."""

from __future__ import annotations

from spacy.language import Language

from lagebild.events.arguments import clause_map
from lagebild.events.triggers import find_triggers, may_trigger
from lagebild.memo import BoundedMemo
from lagebild.nlp.tokens import TokenTable
from lagebild.read.article import Article

TEXT = (
    "Die Polizei nahm am Freitag in Lyon mehrere Demonstranten fest. Das Wetter war schön. "
    "Kim sicherte Putin seine Unterstützung zu. Der Außenminister warf der Regierung "
    "Wortbruch vor. Es gab einen Polizeiübergriff. Gestern regnete es in Berlin."
)


def test_prefilter_keeps_every_sentence_with_a_trigger(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)
    doc._.article = Article(text=TEXT, date="2031-05-09")
    doc = nlp(doc)
    lex = nlp.get_pipe("lagebild_events").lex
    dt = TokenTable.of(doc)
    kept = 0
    for start, end in dt.sentences:
        sent = doc[start:end]
        found = find_triggers(doc, sent, lex, clause_map(sent))
        allowed = may_trigger(dt, lex, start, end)
        assert allowed or not found, sent.text
        kept += allowed
    assert 0 < kept < len(dt.sentences)  # "Das Wetter war schön." holds no trigger


def test_bounded_memo_computes_once_and_stays_bounded() -> None:
    calls: list[int] = []

    def square(n: int) -> int | None:
        calls.append(n)
        return None if n == 0 else n * n

    memo: BoundedMemo[int, int | None] = BoundedMemo(3)
    assert memo.get(0, square) is None
    assert memo.get(0, square) is None  # a None result is memoised too
    assert [memo.get(n, square) for n in (2, 3, 2)] == [4, 9, 4]
    assert calls == [0, 2, 3]
    memo.get(4, square)  # the fourth key: the memo starts over
    assert len(memo) == 1 and 4 in memo and 2 not in memo
