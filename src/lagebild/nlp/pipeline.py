"""Build the lagebild spaCy pipeline from the weights committed under `lagebild/models/`.

Order: tokenizer → `lagebild_sentences` → the trained core (tagger, morphologizer, parser,
lemmatizer) → the trained `ner` (a `lagebild_ner` tagger over BIO tags) → the stage components
(entities, quotes, events) in `STAGE_PIPES`. Every stage is a registered spaCy factory, so the
pipeline is ordinary spaCy.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import lagebild.nlp.lemmatizer  # noqa: F401  (registers "lagebild_lemmatizer", used by the core)
import lagebild.nlp.morphology  # noqa: F401  (registers "lagebild_mood", used by the core)
import lagebild.nlp.ner_tagger  # noqa: F401  (registers "lagebild_ner", the NER component)
import lagebild.nlp.sentences  # noqa: F401  (registers "lagebild_sentences")
from lagebild.nlp.extensions import register_extensions

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
CORE_MODEL = MODELS_DIR / "de_lagebild_core"
NER_MODEL = MODELS_DIR / "de_lagebild_ner"

# (module that registers the factory, factory name, config keys that take the KB paths)
STAGE_PIPES: list[tuple[str, str]] = [
    ("lagebild.entities.component", "lagebild_entities"),
    ("lagebild.quotes.component", "lagebild_quotes"),
    ("lagebild.events.component", "lagebild_events"),
]


def load(kb_paths: Sequence[str | Path] = (), *, stages: bool = True) -> Language:
    """Load the full pipeline; `kb_paths` are user KB files added to the shipped knowledge base.

    `stages=False` stops after the language layer (tokens, sentences, tags, parse, NER).
    """
    register_extensions()
    nlp = spacy.load(CORE_MODEL) if CORE_MODEL.exists() else spacy.blank("de")
    nlp.add_pipe("lagebild_sentences", first=True)
    if NER_MODEL.exists():
        ner_source = spacy.load(NER_MODEL)
        share_vectors(nlp, ner_source)
        nlp.add_pipe("ner", source=ner_source)
    if stages:
        for module, factory in STAGE_PIPES:
            importlib.import_module(module)
            config: dict[str, Any] = {}
            if kb_paths and "kb_paths" in _factory_defaults(nlp, factory):
                config["kb_paths"] = [str(p) for p in kb_paths]
            nlp.add_pipe(factory, config=config)
    return nlp


def share_vectors(nlp: Language, source: Language) -> None:
    """Give `nlp` the static vectors that `source`'s NER tok2vec reads.

    Why: a sourced component keeps its weights but reads vectors from the doc's vocab, i.e.
    from `nlp.vocab`; the core has none. Two different tables cannot be shared, so that case
    is an error rather than silently wrong predictions.
    """
    theirs = source.vocab.vectors
    if theirs.shape[0] == 0:
        return
    ours = nlp.vocab.vectors
    if ours.shape[0] and (
        ours.shape != theirs.shape
        or ours.mode != theirs.mode
        or ours.to_bytes() != theirs.to_bytes()
    ):
        raise ValueError("the core and the NER model carry different static vectors")
    nlp.vocab.vectors = theirs


def _factory_defaults(nlp: Language, factory: str) -> dict[str, Any]:
    meta = nlp.get_factory_meta(factory)
    return dict(meta.default_config or {})
