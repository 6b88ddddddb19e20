"""The tagger-based NER component: tag sets, repair of invalid tag sequences, training, and that
it leaves the core's `token.tag_` alone. Sentences are our own."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from lagebild.nlp.ner_tagger import biluo_to_scheme, decode_spans, tag_set

BIO = tuple(tag_set(["PER", "LOC"], "BIO"))  # O, B-LOC, I-LOC, B-PER, I-PER


def one_hot(tags: list[str], names: tuple[str, ...] = BIO) -> numpy.ndarray:
    """Scores that make the given tags the arg-max (with a little mass elsewhere)."""
    scores = numpy.full((len(tags), len(names)), 0.01, dtype="float32")
    for i, tag in enumerate(tags):
        scores[i, names.index(tag)] = 0.9
    return scores


def test_tag_sets() -> None:
    assert BIO == ("O", "B-LOC", "I-LOC", "B-PER", "I-PER")
    assert len(tag_set(["PER", "LOC", "ORG", "MISC"], "BILUO")) == 17


@pytest.mark.parametrize(
    ("tag", "scheme", "expected"),
    [("U-PER", "BIO", "B-PER"), ("L-LOC", "BIO", "I-LOC"), ("U-PER", "BILUO", "U-PER"),
     ("O", "BIO", "O"), (None, "BIO", None), ("-", "BIO", None)],
)
def test_biluo_to_scheme(tag: str | None, scheme: str, expected: str | None) -> None:
    assert biluo_to_scheme(tag, scheme) == expected


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "B-PER", "I-PER", "O"], [(1, 3, "PER")]),
        (["I-LOC", "O"], [(0, 1, "LOC")]),  # orphan I- opens an entity
        (["B-PER", "B-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),  # B- after B- splits
        (["B-LOC", "I-LOC"], [(0, 2, "LOC")]),  # span runs to the end
        (["O", "O"], []),
    ],
)
def test_decode_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert decode_spans(BIO, one_hot(tags)) == spans


def test_label_switch_keeps_one_span_with_majority_label() -> None:
    scores = one_hot(["B-PER", "I-PER", "I-LOC"])
    assert decode_spans(BIO, scores) == [(0, 3, "PER")]


def test_biluo_decoding() -> None:
    names = tuple(tag_set(["PER"], "BILUO"))
    tags = ["U-PER", "O", "B-PER", "L-PER", "O", "L-PER"]
    assert decode_spans(names, one_hot(tags, names)) == [(0, 1, "PER"), (2, 4, "PER"),
                                                          (5, 6, "PER")]


def test_trains_writes_ents_and_keeps_tags() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_ner", name="ner")
    words = ["Gestern", "sprach", "Anna", "Berg", "in", "Kassel", "."]
    ents = ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
    examples = [Example(Doc(nlp.vocab, words=words), Doc(nlp.vocab, words=words, ents=ents))]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC"}  # type: ignore[attr-defined]
    doc = Doc(nlp.vocab, words=words, tags=["ADV", "VVFIN", "NE", "NE", "APPR", "NE", "$."])
    doc = nlp.get_pipe("ner")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Berg", "PER"), ("Kassel", "LOC")]
    assert [t.tag_ for t in doc] == ["ADV", "VVFIN", "NE", "NE", "APPR", "NE", "$."]


def test_round_trip_and_sourcing(tmp_path: Path) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_ner", name="ner")
    words = ["Anna", "Berg", "kam", "."]
    examples = [Example(Doc(nlp.vocab, words=words),
                        Doc(nlp.vocab, words=words, ents=["B-PER", "I-PER", "O", "O"]))]
    nlp.initialize(lambda: examples)
    path = f"{tmp_path}/model"
    nlp.to_disk(path)
    loaded = spacy.load(path)
    host = spacy.blank("de")
    host.add_pipe("ner", source=loaded)
    assert host.pipe_names == ["ner"]
    assert host.get_pipe("ner").labels == ("PER",)  # type: ignore[attr-defined]
    host("Anna Berg kam.")  # runs without error on raw text


def test_threshold_trades_precision_for_recall() -> None:
    scores = numpy.array([[0.6, 0.0, 0.0, 0.4, 0.0]], dtype="float32")  # P(O) = 0.6
    assert decode_spans(BIO, scores) == []
    assert decode_spans(BIO, scores, o_threshold=0.7) == [(0, 1, "PER")]


def test_whitespace_is_never_an_entity() -> None:
    scores = one_hot(["B-LOC", "I-LOC", "I-LOC"])
    assert decode_spans(BIO, scores, outside=[False, True, False]) == [(0, 1, "LOC"),
                                                                     (2, 3, "LOC")]


def test_role_noun_before_name_is_dropped() -> None:
    scores = one_hot(["B-PER", "B-PER", "I-PER", "O"])
    assert decode_spans(BIO, scores) == [(1, 3, "PER")]
