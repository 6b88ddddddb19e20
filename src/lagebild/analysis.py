"""One article through the pipeline into the output schema (`docs/schema.md`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.read.article import Article

SCHEMA_VERSION = 1
# Articles per `nlp.pipe` batch: the parser predicts one transition at a time for all docs of
# a batch together, so the articles of a call share that fixed per-step cost (parser CPU per
# ~640-word article, Python 3.12: 12.6 ms at 8, 8.8 ms at 16, 7.4 ms at 32); 32 gains little
# more, costs memory and makes progress reports coarse.
BATCH_SIZE = 16


def analyze_article(nlp: Language, article: Article) -> dict[str, Any]:
    """Run the pipeline on the article's text and return the schema object."""
    return analyze_articles(nlp, [article])[0]


def analyze_articles(
    nlp: Language,
    articles: Sequence[Article],
    *,
    batch_size: int = BATCH_SIZE,
    disable: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """`analyze_article` for several articles at once, batched through `nlp.pipe`; `disable`
    names pipes to skip (e.g. `["lagebild_events"]`)."""
    docs = []
    for article in articles:
        article.ensure_id()
        doc = nlp.make_doc(article.text)
        doc._.article = article
        docs.append(doc)
    analysed = nlp.pipe(docs, batch_size=batch_size, disable=list(disable))
    return [doc_to_dict(doc, article) for doc, article in zip(analysed, articles, strict=True)]


def doc_to_dict(doc: Doc, article: Article) -> dict[str, Any]:
    """The schema object for an analysed doc: article, sentences, entities, quotes, events."""
    return {
        "schema_version": SCHEMA_VERSION,
        "article": article.to_dict(),
        "sentences": [sentence_offsets(sent) for sent in doc.sents],
        "entities": [entity.to_dict() for entity in doc._.entities],
        "quotes": [quote.to_dict() for quote in doc._.quotes],
        "events": [event.to_dict() for event in doc._.events],
    }


def sentence_offsets(sent: Any) -> dict[str, int]:
    """Character offsets of a sentence without its trailing line breaks."""
    text = sent.text
    stripped = text.rstrip()
    return {"start": sent.start_char, "end": sent.start_char + len(stripped)}


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema of one analysis object (shipped in `lagebild/schema/`)."""
    path = resources.files("lagebild.schema").joinpath("analysis.schema.json")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema
