"""`share_vectors`: a sourced NER reads static vectors from the host's vocab, so `load()` must
hand them over (NER models trained with `scripts/train_ner.py --vectors`)."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.vectors import Vectors

from lagebild.nlp.pipeline import share_vectors


def _with_vectors(seed: int) -> Language:
    nlp = spacy.blank("de")
    data = numpy.random.default_rng(seed).random((3, 4), dtype="float32")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data,
                                keys=[nlp.vocab.strings.add(w) for w in ("Berlin", "und", "Rat")])
    return nlp


def test_host_without_vectors_gets_the_sources() -> None:
    source, host = _with_vectors(0), spacy.blank("de")
    share_vectors(host, source)
    assert host.vocab.vectors.shape == (3, 4)
    assert numpy.array_equal(host.vocab.get_vector("Berlin"), source.vocab.get_vector("Berlin"))


def test_source_without_vectors_changes_nothing() -> None:
    host = _with_vectors(0)
    share_vectors(host, spacy.blank("de"))
    assert host.vocab.vectors.shape == (3, 4)


def test_identical_vectors_are_fine_and_different_ones_refused() -> None:
    share_vectors(_with_vectors(0), _with_vectors(0))
    with pytest.raises(ValueError, match="different static vectors"):
        share_vectors(_with_vectors(0), _with_vectors(1))
