"""Accuracy floor of the core model on UD German-GSD dev (never trained or tuned on).

Reads ../shared/data/ud-de/de_gsd-ud-dev.conllu (skips when absent) and scores the first 300
sentences without multi-word tokens on treebank tokens; the full scores are in the model card.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.nlp.pipeline import CORE_MODEL
from tests.conftest import shared_path

N_SENTENCES = 300


def _sentences(path: Path) -> list[list[list[str]]]:
    sents: list[list[list[str]]] = []
    rows: list[list[str]] = []
    has_mwt = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if rows and not has_mwt:
                sents.append(rows)
            rows, has_mwt = [], False
        elif not line.startswith("#"):
            cols = line.split("\t")
            has_mwt |= "-" in cols[0]
            rows.append(cols)
    return sents[:N_SENTENCES]


def test_accuracy_on_gsd_dev(nlp: Language) -> None:
    if not CORE_MODEL.exists():
        pytest.skip("the trained core model is not installed under lagebild/models/")
    sents = _sentences(shared_path("data", "ud-de", "de_gsd-ud-dev.conllu"))
    n = pos_ok = lemma_ok = uas_ok = las_ok = 0
    for rows in sents:
        words = [r[1] for r in rows]
        spaces = ["SpaceAfter=No" not in r[9] for r in rows]
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for tok, r in zip(doc, rows, strict=True):
            n += 1
            pos_ok += tok.pos_ == r[3]
            lemma_ok += tok.lemma_ == r[2]
            gold_head = int(r[6]) - 1 if r[6] != "0" else tok.i
            head_ok = tok.head.i == gold_head
            uas_ok += head_ok
            las_ok += head_ok and tok.dep_.lower().split(":")[0] == r[7].split(":")[0]
    assert n > 3000
    assert pos_ok / n > 0.88
    assert lemma_ok / n > 0.93
    assert uas_ok / n > 0.72
    assert las_ok / n > 0.63
