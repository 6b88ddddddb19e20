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
    load_lexicon,
    merge_names,
    sentence_index,
)
from lagebild.entities.pronouns import find_pronouns
from lagebild.entities.protocols import KbLike
from lagebild.entities.roles import RoleFinder, title_case
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
        self._pronoun_genders: dict[str, str | None] = {}  # memo of `find_pronouns`
        # words that make a capitalised noun after them a common noun (`_add_surnames`)
        self._articles = self.lexicon.determiners | self.lexicon.negative_determiners

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)  # `doc.ents` builds its Spans on every access: read once
        clusters = self._clusters(doc, ents)
        doc._.entities = clusters
        _set_ents(doc, clusters, ents, TokenTable.of(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def clusters(self, doc: Doc) -> list[EntityCluster]:
        """The clusters of `doc` (without touching the Doc)."""
        return self._clusters(doc, list(doc.ents))

    def _clusters(self, doc: Doc, ents: list[Span]) -> list[EntityCluster]:
        """`clusters`, with `ents` = `list(doc.ents)` read by the caller."""
        table = TokenTable.of(doc)  # read once: the passes below test most tokens' text
        sent_of = sentence_index(doc, table)
        texts = table.texts
        names = merge_names(doc, self.ruler(doc), ents)
        names = [c for c in names if not self._is_adjective(doc, c)]
        names, roles = self.roles.find(doc, names, texts)
        names = _add_member_names(names, roles, table)
        names = _add_surnames(doc, names, roles, table, self._articles)
        pronouns = find_pronouns(doc, self.lexicon, sent_of, texts, self._pronoun_genders)
        has_dep = doc.has_annotation("DEP")
        subject_deps = self.lexicon.subject_deps
        n = len(doc)
        for cand in (*names, *roles):
            # sentence number and grammatical role (salience needs both); the parse test once
            cand.sent = sent_of[cand.start] if n else 0
            cand.subject = has_dep and _root_dep(doc, table, cand.start, cand.end) in subject_deps
        article = doc._.article
        date = getattr(article, "date", None) if article is not None else None
        return self.linker.build(doc, names, roles, pronouns, date, table)

    def _is_adjective(self, doc: Doc, cand: Candidate) -> bool:
        """NER tags country adjectives ("russischen") as MISC; they are not mentions."""
        if cand.kb_ids or cand.end - cand.start != 1:
            return False
        token = doc[cand.start]
        return token.text[:1].islower() or self.roles.adjective_country(token) is not None


_ONE_OF = frozenset({"einer", "eines", "eine"})


def _add_member_names(
    names: list[Candidate], roles: list[Candidate], table: TokenTable
) -> list[Candidate]:
    """Two or three capitalised words the NER missed, the last a tagged proper noun, before
    an apposition "…, einer der / eines der …" ("Sadiq Khan, eines der Parlamentsmitglieder,";
    the tagger may read the first name as a noun) name a person; where the NER found only the
    surname, the word before it joins it."""
    texts, pos = table.texts, table.pos
    n = len(texts)
    covered: set[int] | None = None
    extra: list[Candidate] = []
    for k in range(2, n - 2):
        if texts[k] != "," or texts[k + 1].lower() not in _ONE_OF or texts[k + 2] != "der":
            continue
        if pos[k - 1] != "PROPN":
            continue
        if covered is None:
            covered = {i for c in (*names, *roles) for i in range(c.start, c.end)}
        if k - 1 in covered:
            # the NER found only the surname: "Tariq [Rahman], einer der Abgeordneten"
            last = next((c for c in names if c.start == k - 1 and c.end == k), None)
            if (
                last is not None
                and last.label in (None, "PER", "MISC")
                and k - 2 not in covered
                and pos[k - 2] in ("PROPN", "NOUN", "X")
                and title_case(texts[k - 2])
            ):
                last.start = last.name_start = k - 2
                last.label = "PER"
                covered.add(k - 2)
            continue
        start = k - 1
        while (
            start > 0
            and k - start < 3
            and pos[start - 1] in ("PROPN", "NOUN", "X")
            and title_case(texts[start - 1])
        ):
            start -= 1
        if k - start < 2 or any(i in covered for i in range(start, k)):
            continue
        extra.append(Candidate(start, k, "name", label="PER"))
    return sorted(names + extra, key=lambda c: c.start) if extra else names


def _add_surnames(
    doc: Doc,
    names: list[Candidate],
    roles: list[Candidate],
    table: TokenTable,
    articles: frozenset[str],
) -> list[Candidate]:
    """Proper nouns that repeat the last word of a person's name ("Dubois" after "Claire
    Dubois", "Raschkow" after "Raschkow"), or the first word of a full name where the article
    uses that ("Abhisit" after "Abhisit Vejjajiva"; Thai names), are mentions even where the
    NER missed them; tagged proper nouns right before such a word belong to the name ("Kiril
    Raschkow" where the NER found only "Raschkow" once). `table`: the token table;
    `articles`: lower-case articles and determiners (`lexicon.json` `determiners` and
    `negative_determiners`)."""
    texts, pos = table.texts, table.pos
    surnames = {
        texts[i]
        for c in names
        if c.label == "PER"
        for i in ((c.name_start, c.end - 1) if c.end - c.name_start > 1 else (c.start,))
    }
    if not surnames:
        return names
    covered = {i for c in (*names, *roles) for i in range(c.start, c.end)}
    extra: list[Candidate] = []
    for i, text in enumerate(texts):
        if text not in surnames or i in covered:
            continue
        # a name the tagger read as a noun ("Das lehnte Abhisit ab") counts unless an article
        # makes it one ("der Koch" after "Roland Koch")
        if not (
            pos[i] in ("PROPN", "")
            or (pos[i] == "NOUN" and i > 0 and texts[i - 1].lower() not in articles)
        ):
            continue
        start = i
        while (
            start > 0
            and i - start < 2
            and start - 1 not in covered
            and pos[start - 1] == "PROPN"
            and texts[start - 1][:1].isupper()
        ):
            start -= 1
        extra.append(Candidate(start, i + 1, "name", label="PER"))
        covered.update(range(start, i + 1))
    return sorted(names + extra, key=lambda c: c.start) if extra else names


def _root_dep(doc: Doc, table: TokenTable, start: int, end: int) -> str:
    """`doc[start:end].root.dep_` (a one-token span is its own root: no Span needed)."""
    if end - start == 1:
        return table.dep[start]
    return doc[start:end].root.dep_


def _set_ents(
    doc: Doc,
    clusters: Sequence[EntityCluster],
    ents: list[Span] | None = None,
    table: TokenTable | None = None,
) -> None:
    """Mirror the name mentions into `doc.ents` (label = cluster type, kb_id_ = cluster id);
    `ents` is `list(doc.ents)` before, `table` the doc's token table, when the caller has them.

    A mention's character offsets are those of its token span (`linker._to_mention`), so
    `doc.char_span(mention.start, mention.end)` is that token span: the spans are built from
    the token offsets directly; overlapping mentions are resolved by `spacy.util.filter_spans`
    (the first longest wins), and a model entity survives only where no mention lies."""
    if ents is None:
        ents = list(doc.ents)
    texts = (table if table is not None else TokenTable.of(doc)).texts
    spans: list[Span] = []
    for cluster in clusters:
        for mention in cluster.mentions:
            if mention.kind not in ENT_KINDS or mention.token_start < 0:
                continue
            start, end = mention.token_start, mention.token_end
            # a title belongs to the mention, not to the name entity
            if mention.role:
                role_at = _role_index(texts, start, end, mention.role)
                if role_at + 1 < end:
                    start = role_at + 1
            spans.append(Span(doc, start, end, label=cluster.type, kb_id=cluster.id))
    ours = filter_spans(spans)
    taken = {i for span in ours for i in range(span.start, span.end)}
    kept = [
        e
        for e in ents
        if not any(i in taken for i in range(e.start, e.end))
        and not (e.end - e.start == 1 and texts[e.start][:1].islower())  # lower-case adjective
    ]
    # neither list overlaps itself or the other: only the order is left to fix
    doc.set_ents(sorted(ours + kept, key=lambda span: span.start), default="outside")


def _role_index(texts: list[str], start: int, end: int, role_text: str) -> int:
    """Index of the first token of `[start, end)` whose text is `role_text`, else `start - 1`."""
    for i in range(start, end):
        if texts[i] == role_text:
            return i
    return start - 1


@Language.factory(
    "lagebild_entities",
    assigns=["doc._.entities", "doc.ents"],
    default_config={"kb_paths": []},
)
def make_entities(nlp: Language, name: str, kb_paths: list[str]) -> EntityLinker:
    """Entity mentions, clusters and KB links; `kb_paths` adds user KB files (JSONL)."""
    kb: Any = KnowledgeBase.load(extra_paths=list(kb_paths or ()))
    return EntityLinker(nlp, kb)
