"""The `lagebild_quotes` spaCy component: rule candidates, a linear scorer, `Quote` objects."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.nlp.extensions import register_extensions
from lagebild.quotes.lexicon import load_lexicon
from lagebild.quotes.quote import Quote, Role
from lagebild.quotes.rules import Analyzer, Candidate, extract_candidates
from lagebild.quotes.scorer import Scorer

TYPE_OF_KIND = {
    "direct": "direct",
    "indirect": "indirect",
    "reported": "reported",
    "free_indirect": "free_indirect",
}


class QuoteAttributor:
    """Find quotations in a doc and attribute them (cue, speaker, source, addressee)."""

    def __init__(self, scorer: Scorer | None = None) -> None:
        self.scorer = scorer or Scorer.load()
        self.lex = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        """Set `doc._.quotes`."""
        doc._.quotes = self.quotes(doc)
        return doc

    def select(
        self, doc: Doc, an: Analyzer | None = None
    ) -> list[tuple[Candidate, float]]:
        """Candidates kept by the scorer, overlaps resolved, speakers filled from context."""
        cands = extract_candidates(doc, self.lex, an)
        scored = [(c, self.scorer.probability(c)) for c in cands]
        kept = [(c, p) for c, p in scored if self.scorer.keep(c, p)]
        kept = _resolve_overlaps(kept)
        _fill_context_speakers(kept)
        return _merge_free_indirect(doc, kept)

    def quotes(self, doc: Doc) -> list[Quote]:
        """`Quote` objects in text order; quoted fragments inside an indirect quote: "mixed"."""
        an = Analyzer(doc, self.lex)
        kept = self.select(doc, an)
        out: list[Quote] = []
        containers = [c for c, _ in kept if c.kind != "direct"]
        for c, p in kept:
            if c.kind == "direct" and any(
                o.start <= c.start and c.end <= o.end for o in containers
            ):
                continue
            out.append(_to_quote(an, c, p))
        return out


def _resolve_overlaps(kept: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """Among overlapping non-nested candidates keep the more probable one."""
    kept = sorted(kept, key=lambda cp: -cp[1])
    chosen: list[tuple[Candidate, float]] = []
    for c, p in kept:
        clash = False
        for o, _ in chosen:
            if c.start < o.end and o.start < c.end:
                nested = (c.kind == "direct") != (o.kind == "direct") and (
                    (o.start <= c.start and c.end <= o.end)
                    or (c.start <= o.start and o.end <= c.end)
                )
                if not nested:
                    clash = True
                    break
        if not clash:
            chosen.append((c, p))
    return sorted(chosen, key=lambda cp: (cp[0].start, cp[0].end))


def _merge_free_indirect(
    doc: Doc, kept: list[tuple[Candidate, float]]
) -> list[tuple[Candidate, float]]:
    """Consecutive free-indirect sentences of one speaker are one quotation (the corpus, like
    a reader, takes "Er sei … . Man werde …" as one continued statement): merge them."""
    out: list[tuple[Candidate, float]] = []
    for c, p in kept:
        if out:
            o, po = out[-1]
            if (
                c.kind == "free_indirect"
                and o.kind == "free_indirect"
                and c.sent_index == o.sent_index + 1
                and c.speaker == o.speaker
                and "\n" not in doc[o.end : c.start].text
            ):
                o.parts = [(o.start, c.end)]
                o.fragments = o.fragments + c.fragments
                o.sent_index = c.sent_index
                out[-1] = (o, max(p, po))
                continue
        out.append((c, p))
    return out


def _fill_context_speakers(kept: list[tuple[Candidate, float]]) -> None:
    """A quote without a frame takes the speaker of the nearest framed quote (next, previous)."""
    for idx, (c, _) in enumerate(kept):
        if c.speaker is not None:
            continue
        for j in (idx + 1, idx - 1):
            if 0 <= j < len(kept):
                o = kept[j][0]
                if o.speaker is not None and abs(o.sent_index - c.sent_index) <= 1:
                    c.speaker = o.speaker
                    c.features["ctx_speaker"] = 1.0
                    break


def _role(an: Analyzer, span: tuple[int, int] | None, entity: bool = True) -> Role | None:
    """Character-offset role from a token span; entity id through the entity stage when present
    (`an.cluster_at` is `cluster_at_safe` over the doc's mentions read once)."""
    if span is None or span[1] <= span[0]:
        return None
    table = an.table
    start, end = table.idx[span[0]], table.end_char(span[1])
    text = table.text[start:end]  # = doc[span[0] : span[1]].text
    ent_id = None
    if entity:
        cluster = an.cluster_at(start, end)
        if cluster is None:
            cluster = _cluster_by_surname(an, text)
        ent_id = getattr(cluster, "id", None) if cluster is not None else None
    return Role(text=text, start=start, end=end, entity_id=ent_id)


def _cluster_by_surname(an: Analyzer, text: str) -> object | None:
    """A bare surname the entity stage left unlinked ("…, sagte Petersen") names the one person
    cluster of the article whose name ends in it."""
    words = text.split()
    if not words or not words[-1][:1].isupper() or len(words[-1]) < 3:
        return None
    if not an.doc.has_extension("entities"):
        return None
    last = [words[-1]]
    hits = [c for c, name_end in an.person_name_ends if name_end == last]
    return hits[0] if len(hits) == 1 else None


def _to_quote(an: Analyzer, c: Candidate, prob: float) -> Quote:
    """Build the public record from a kept candidate (offsets and texts from the doc's token
    table: `doc.text` is rebuilt from all tokens on every access)."""
    table = an.table
    qtype = TYPE_OF_KIND[c.kind]
    if c.kind == "indirect" and c.fragments:
        qtype = "mixed"
    start = table.idx[c.start]
    end = table.end_char(c.end)
    parts = [(table.idx[a], table.end_char(b)) for a, b in c.parts]
    frags = [(table.idx[a], table.end_char(b)) for a, b in c.fragments]
    return Quote(
        type=qtype,
        text=table.text[start:end],
        start=start,
        end=end,
        cue=_role(an, c.cue, entity=False),
        speaker=_role(an, c.speaker),
        source=_role(an, c.source),
        addressee=_role(an, c.addressee),
        confidence=round(prob, 3),
        parts=parts,
        fragments=frags,
        medium=c.medium,
    )


@Language.factory("lagebild_quotes", assigns=["doc._.quotes"], default_config={})
def make_quotes(nlp: Language, name: str) -> QuoteAttributor:
    """spaCy factory: `nlp.add_pipe("lagebild_quotes")`."""
    register_extensions()
    return QuoteAttributor()
