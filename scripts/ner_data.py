"""Convert the German NER corpora under ../shared/data/ner-de into spaCy docs (PER/LOC/ORG/MISC).

Each reader maps its corpus's classes to our four labels; the mappings live in
`ner_mappings.json` beside this file and are documented in docs/ner.md and the model card.
Gold data are never written into the repository: converted `.spacy` files go to training/.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from lagebild.nlp.evaluate_ner import (
    GoldSentence,
    conll_sentences,
    read_germeval,
    repair_bio,
)

MAPPINGS: dict[str, Any] = json.loads(
    (Path(__file__).with_name("ner_mappings.json")).read_text(encoding="utf-8")
)
# SmartData marks inflected adjectives ("deutschen", "beiden Richtungen") as locations;
# GermEval calls them *deriv and we treat them as no entity.
ADJECTIVE = re.compile(r"^[a-zäöüß]+(e|en|er|es|em)\b")
MISSING = "-"  # a token whose gold label is unknown: the model is not trained on it


def gold_to_doc(nlp: Language, sentence: GoldSentence) -> Doc:
    """Doc from gold words with BIO tags; `-` tags become missing (unannotated) tokens."""
    # spaCy reads None in `ents` as "missing", although its annotation says list[str]
    ents: list[str | None] = [None if t == MISSING else t for t in sentence.tags]
    return Doc(nlp.vocab, words=sentence.words, ents=ents)  # type: ignore[arg-type]


# --- GermEval 2014 -------------------------------------------------------------------------


def germeval_docs(nlp: Language, path: Path) -> list[Doc]:
    """GermEval 2014 TSV, outer level; OTH→MISC, deriv/part→O (see evaluate_ner)."""
    return [gold_to_doc(nlp, s) for s in read_germeval(path)]


# --- SmartData ---------------------------------------------------------------------------


def _json_objects(path: Path) -> Iterator[dict[str, Any]]:
    """SmartData files are concatenated (not line-delimited) JSON objects, gzipped."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    decoder = json.JSONDecoder()
    i = 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = decoder.raw_decode(text, i)
        yield obj


def smartdata_label(kind: str) -> str | None:
    """Our label for a SmartData concept type (v1 `location-city`, v3 `LOCATION_CITY`)."""
    key = kind.lower().replace("_", "-")
    mapped: str | None = MAPPINGS["smartdata"].get(key)
    return mapped


def smartdata_segments(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """SmartData text lines with their mapped gold spans (character offsets into the line)."""
    segments: list[tuple[str, list[tuple[int, int, str]]]] = []
    for obj in _json_objects(path):
        text: str = obj["text"]["string"]
        spans = []
        for m in (obj.get("conceptMentions") or {}).get("array", []):
            label = smartdata_label(m["type"])
            surface = text[m["span"]["start"]:m["span"]["end"]]
            if label and not ADJECTIVE.match(surface):
                spans.append((m["span"]["start"], m["span"]["end"], label))
        offset = 0
        for line in text.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if line.strip():
                segments.append((line, [(s - start, e - start, lab) for s, e, lab in spans
                                        if s >= start and e <= end]))
    return segments


def smartdata_docs(nlp: Language, path: Path) -> list[Doc]:
    """SmartData lines tokenised by spaCy's German tokenizer, with the gold entities.

    The corpus gives character offsets, so the runtime tokenizer sees raw text here, which is
    what it will see in production. A line with a mention that does not map to tokens is
    dropped (the misaligned entity would otherwise be taught as O).
    """
    docs: list[Doc] = []
    for line, spans in smartdata_segments(path):
        doc = nlp.make_doc(line)
        ents: list[Span] = []
        for s, e, label in spans:
            span = doc.char_span(s, e, label=label, alignment_mode="strict")
            if span is None:
                span = doc.char_span(s, e, label=label, alignment_mode="contract")
            if span is None:
                break
            ents.append(span)
        else:
            doc.ents = filter_spans(ents)
            docs.append(doc)
    return docs


# --- LER (German legal entity recognition) -------------------------------------------------


def read_ler(path: Path) -> list[GoldSentence]:
    """LER CoNLL (token, fine BIO tag; CRLF line ends) mapped via `ner_mappings.json`.

    Legal references (laws, decisions, literature, contracts, EU norms, ordinances,
    regulations) have no counterpart in our scheme: they are neither names we want as MISC nor
    safely "O" (GermEval tags e.g. a named law as OTH), so their tokens are marked missing.
    """
    sentences: list[GoldSentence] = []
    for lines in conll_sentences(path):
        rows = [line.rpartition(" ") for line in lines]
        tags = [_ler_tag(tag) for _, _, tag in rows]
        sentences.append(GoldSentence([word for word, _, _ in rows], _repair_with_missing(tags)))
    return sentences


def _ler_tag(tag: str) -> str:
    """One LER tag in our scheme: O, MISSING, or the mapped label with its BIO prefix."""
    if tag == "O":
        return "O"
    prefix, fine = tag.split("-", 1)
    label: str = MAPPINGS["ler"].get(fine, MISSING)
    return label if label in ("O", MISSING) else f"{prefix}-{label}"


def _repair_with_missing(tags: list[str]) -> list[str]:
    """Repair BIO but keep missing tokens missing."""
    repaired = repair_bio(["O" if t == MISSING else t for t in tags])
    return [MISSING if t == MISSING else r for t, r in zip(tags, repaired, strict=True)]


def ler_sample(paths: list[Path], n_with: int, n_without: int, seed: int) -> list[GoldSentence]:
    """Down-sample LER: `n_with` sentences holding a PER/LOC/ORG entity, `n_without` others.

    Court decisions are mostly legal boilerplate; sentences with names teach the most.
    """
    with_ents: list[GoldSentence] = []
    without: list[GoldSentence] = []
    for path in paths:
        for s in read_ler(path):
            if len(s.words) > 80:
                continue
            if any(t.startswith("B-") for t in s.tags):
                with_ents.append(s)
            else:
                without.append(s)
    rng = random.Random(seed)
    rng.shuffle(with_ents)
    rng.shuffle(without)
    return with_ents[:n_with] + without[:n_without]


# --- Gazetteer augmentation --------------------------------------------------------------


def load_list(path: Path) -> list[str]:
    """One name per line; multi-word entries are skipped (we swap single tokens)."""
    names = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    return [n for n in names if n and " " not in n and n[0].isupper()]


def augment_names(
    sentences: list[GoldSentence], surnames: list[str], towns: list[str], n: int, seed: int
) -> list[GoldSentence]:
    """`n` copies of sentences whose PER surnames / one-token LOCs get random names.

    Why: the in-domain training set is small, so the model would memorise the few names it
    saw; swapping names forces it to use context and word shape instead. When `n` exceeds the
    sentences with a PER/LOC, they are copied again (reshuffled, with other names each round).
    """
    rng = random.Random(seed)
    candidates = [s for s in sentences if any(t in ("B-PER", "B-LOC") for t in s.tags)]
    out: list[GoldSentence] = []
    while candidates and len(out) < n:
        rng.shuffle(candidates)
        out.extend(_swap_names(s, surnames, towns, rng) for s in candidates[: n - len(out)])
    return out


def _swap_names(
    s: GoldSentence, surnames: list[str], towns: list[str], rng: random.Random
) -> GoldSentence:
    """One copy of `s` with the last token of PER spans and half the one-token LOCs replaced."""
    words = list(s.words)
    for i, tag in enumerate(s.tags):
        nxt = s.tags[i + 1] if i + 1 < len(s.tags) else "O"
        if not words[i][:1].isupper() or nxt.startswith("I-"):
            continue  # only swap the last token of a span (the surname, the town)
        if tag in ("B-PER", "I-PER"):
            words[i] = rng.choice(surnames)
        elif tag == "B-LOC" and rng.random() < 0.5:
            words[i] = rng.choice(towns)
    return GoldSentence(words, list(s.tags))
