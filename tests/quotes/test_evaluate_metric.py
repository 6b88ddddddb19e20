"""The corpus metric: Hungarian matching on token overlap, roles only inside matched pairs."""

from __future__ import annotations

from lagebild.quotes.corpus import CorpusDoc, quotes_to_annotations
from lagebild.quotes.evaluate import Group, Tally, match
from lagebild.quotes.quote import Quote, Role


def g(qtype: str, quote: set[int], speaker: set[int] | None = None) -> Group:
    return Group(qtype, quote, {"speaker": speaker or set(), "cue": set(), "addressee": set()})


def test_one_to_one_matching_prefers_larger_overlap() -> None:
    gold = [g("Direct", {1, 2, 3, 4}), g("Indirect", {10, 11, 12})]
    pred = [g("Indirect", {10, 11}), g("Direct", {2, 3, 4, 5})]
    assert sorted(match(pred, gold)) == [(0, 1), (1, 0)]


def test_roles_only_scored_in_matched_pairs() -> None:
    tally = Tally()
    gold = [g("Indirect", {5, 6, 7}, speaker={1})]
    pred = [g("Indirect", {5, 6}, speaker={1}), g("Direct", {20, 21}, speaker={1})]
    tally.add_doc(pred, gold)
    res = tally.result()
    assert res["quote"] == {"p": 0.5, "r": 0.6667, "f1": 0.5714}
    # speaker token 1 is TP in the matched pair and FP in the unmatched prediction
    assert res["speaker"]["p"] == 0.5 and res["speaker"]["r"] == 1.0
    assert res["per_type"]["Indirect"]["r"] == 0.6667


def test_quote_to_corpus_tokens_by_character_offsets() -> None:
    text = "Er sagte, es sei kalt."
    tokens = [
        {"id": i, "charBegin": b, "charEnd": e, "text": text[b:e]}
        for i, (b, e) in enumerate([(0, 2), (3, 8), (8, 9), (10, 12), (13, 16), (17, 21), (21, 22)])
    ]
    cdoc = CorpusDoc(
        path=__import__("pathlib").Path("x.json"), data={"originalText": text, "tokens": tokens}
    )
    q = Quote(
        "mixed",
        "es sei kalt",
        10,
        21,
        cue=Role("sagte", 3, 8),
        speaker=Role("Er", 0, 2),
        fragments=[(17, 21)],
    )
    anns = quotes_to_annotations(cdoc, [q])
    assert anns[0]["type"] == "Indirect" and anns[0]["quote"]["tokenIds"] == [3, 4, 5]
    assert anns[0]["speaker"]["tokenIds"] == [0] and anns[0]["cue"]["tokenIds"] == [1]
    assert (
        anns[1]["type"] == "Direct" and anns[1]["isNested"] and anns[1]["quote"]["tokenIds"] == [5]
    )
