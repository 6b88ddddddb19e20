"""Fixtures for the entity tests: a blank German pipeline with the entity component and a
small KB written for these tests (`kb_fixture.jsonl`: a fictional country and office holders),
plus a helper that builds Docs with hand-set morphology and parse, spaCy test style."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import lagebild.entities.component  # noqa: F401  (registers "lagebild_entities")
import lagebild.nlp.sentences  # noqa: F401
from lagebild.nlp.extensions import register_extensions
from lagebild.read.article import Article
from tests.entities.helpers import MakeDoc

KB_FIXTURE = Path(__file__).resolve().parent / "kb_fixture.jsonl"


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """Tokenizer + sentence rules + entities over the shipped KB and the test KB."""
    register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_sentences")
    nlp.add_pipe("lagebild_entities", config={"kb_paths": [str(KB_FIXTURE)]})
    return nlp


@pytest.fixture(scope="session")
def analyse(blank_nlp: Language) -> MakeDoc:
    """Run the blank pipeline on `text` dated `date`.

    `morph` maps a token index to a morphology string, `deps` a token index to (dep, head
    index): what a trained tagger/parser would have set.
    """

    def run(
        text: str,
        date: str | None = "2030-05",
        ents: list[tuple[int, int, str]] | None = None,
        morph: dict[int, str] | None = None,
        deps: dict[int, tuple[str, int]] | None = None,
    ) -> Doc:
        doc = blank_nlp.make_doc(text)
        doc._.article = Article(text=text, date=date)
        for i, value in (morph or {}).items():
            doc[i].set_morph(value)
        if ents:
            doc.set_ents([doc.char_span(s, e, label=lab) for s, e, lab in ents])
        for name, proc in blank_nlp.pipeline:
            if name == "lagebild_entities" and deps is not None:
                _set_parse(doc, deps)
            doc = proc(doc)
        return doc

    return run


def _set_parse(doc: Doc, deps: dict[int, tuple[str, int]]) -> None:
    """A flat parse per sentence (every token under the sentence's first token) with the
    given (label, head) pairs on top: enough for subject detection and co-argument checks."""
    for sent in list(doc.sents):
        root = next(
            (
                i
                for i, (lab, _) in deps.items()
                if lab == "ROOT" and i in range(sent.start, sent.end)
            ),
            sent.start,
        )
        for token in sent:
            default = ("ROOT" if token.i == root else "dep", root)
            label, head = deps.get(token.i, default)
            token.head = doc[head]
            token.dep_ = label
