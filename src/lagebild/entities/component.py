"""The `lagebild_entities` spaCy component: mentions → clusters → KB links on `doc._.entities`.

Everything that depends only on the KB (the alias matcher, the role-noun and adjective caches)
is built once when the pipeline loads; per document the component makes one matcher pass, one
pass over the tokens for role nouns and pronouns, and dictionary look-ups.

It also rewrites `doc.ents` so plain spaCy users see the same picture: every name mention with
its cluster's type as label and the cluster id as `kb_id_` (NER entities that no cluster
covers, such as events or works, are kept).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lagebild.entities.clusters import EntityCluster
from lagebild.entities.kb import KnowledgeBase
from lagebild.entities.linker import Linker
from lagebild.entities.mentions import (
    Candidate,
    is_subject,
    load_lexicon,
    merge_names,
    sentence_index,
)
from lagebild.entities.pronouns import find_pronouns
from lagebild.entities.protocols import KbLike
from lagebild.entities.roles import RoleFinder
from lagebild.entities.ruler import KbRuler
from lagebild.nlp.extensions import register_extensions
from lagebild.nlp.tokens import TokenTable

ENT_KINDS = frozenset({"name", "metonym"})


class EntityLinker:
    """Callable pipeline component; `kb` is any object with the KnowledgeBase look-ups."""

    def __init__(self, nlp: Language, kb: KbLike) -> None:
        register_extensions()
        self.kb = kb
        self.lexicon = load_lexicon()
        self.ruler = KbRuler(nlp, kb.entity_patterns())
        self.roles = RoleFinder(kb, self.lexicon)
        self.linker = Linker(kb, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = self.clusters(doc)
        _set_ents(doc, doc._.entities)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def clusters(self, doc: Doc) -> list[EntityCluster]:
        """The clusters of `doc` (without touching the Doc)."""
        sent_of = sentence_index(doc)
        table = TokenTable.of(doc)  # read once: the passes below test most tokens' text
        texts = table.texts
        names = merge_names(doc, self.ruler(doc))
        names = [c for c in names if not self._is_adjective(doc, c)]
        names, roles = self.roles.find(doc, names, texts)
        names = _add_surnames(doc, names, roles, texts)
        pronouns = find_pronouns(doc, self.lexicon, sent_of, texts)
        for cand in (*names, *roles):
            _place(doc, cand, sent_of, self.lexicon.subject_deps)
        article = doc._.article
        date = getattr(article, "date", None) if article is not None else None
        return self.linker.build(doc, names, roles, pronouns, date, table)

    def _is_adjective(self, doc: Doc, cand: Candidate) -> bool:
        """NER tags country adjectives ("russischen") as MISC; they are not mentions."""
        if cand.kb_ids or cand.end - cand.start != 1:
            return False
        token = doc[cand.start]
        return token.text[:1].islower() or self.roles.adjective_country(token) is not None


def _add_surnames(
    doc: Doc, names: list[Candidate], roles: list[Candidate], texts: list[str]
) -> list[Candidate]:
    """Single proper nouns that repeat the last word of a person's full name ("Dubois" after
    "Claire Dubois") are mentions even where the NER missed them (`texts`: token texts)."""
    surnames = {
        texts[c.end - 1]
        for c in names
        if c.label == "PER" and c.end - c.name_start > 1
    }
    if not surnames:
        return names
    covered = {i for c in (*names, *roles) for i in range(c.start, c.end)}
    extra = [
        Candidate(i, i + 1, "name", label="PER")
        for i, text in enumerate(texts)
        if text in surnames and i not in covered and doc[i].pos_ in ("PROPN", "")
    ]
    return sorted(names + extra, key=lambda c: c.start) if extra else names


def _place(doc: Doc, cand: Candidate, sent_of: list[int], subject_deps: frozenset[str]) -> None:
    """Sentence number and grammatical role of a candidate (salience needs both)."""
    cand.sent = sent_of[cand.start] if len(doc) else 0
    cand.subject = is_subject(doc, cand.start, cand.end, subject_deps)


def _set_ents(doc: Doc, clusters: Sequence[EntityCluster]) -> None:
    """Mirror the name mentions into `doc.ents` (label = cluster type, kb_id_ = cluster id)."""
    spans: list[Span] = []
    for cluster in clusters:
        for mention in cluster.mentions:
            if mention.kind not in ENT_KINDS or mention.token_start < 0:
                continue
            span = doc.char_span(mention.start, mention.end)
            start = mention.token_start if span is None else span.start
            end = mention.token_end if span is None else span.end
            # a title belongs to the mention, not to the name entity
            name_span = doc[start:end]
            if mention.role:
                tail = [t for t in name_span if t.i > _role_index(name_span, mention.role)]
                if tail:
                    name_span = doc[tail[0].i : end]
            spans.append(Span(doc, name_span.start, name_span.end, label=cluster.type,
                              kb_id=cluster.id))
    ours = filter_spans(spans)
    taken = {i for s in ours for i in range(s.start, s.end)}
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    kept = [e for e in kept if not _lower_adjective(e)]
    doc.set_ents(filter_spans(ours + kept), default="outside")


def _role_index(span: Span, role_text: str) -> int:
    for token in span:
        if token.text == role_text:
            return token.i
    return span.start - 1


def _lower_adjective(ent: Span) -> bool:
    return len(ent) == 1 and ent.text[:1].islower()


@Language.factory(
    "lagebild_entities",
    assigns=["doc._.entities", "doc.ents"],
    default_config={"kb_paths": []},
)
def make_entities(nlp: Language, name: str, kb_paths: list[str]) -> EntityLinker:
    """Entity mentions, clusters and KB links; `kb_paths` adds user KB files (JSONL)."""
    kb: Any = KnowledgeBase.load(extra_paths=list(kb_paths or ()))
    return EntityLinker(nlp, kb)
