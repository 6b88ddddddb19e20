"""Score a spaCy NER pipeline on pre-tokenised gold data (GermEval 2014 TSV or Europarl IOB).

The gold files are already tokenised, so we build `Doc(words=...)` from the gold tokens and run
the pipeline's components on it (not its tokenizer): the score then measures the recogniser
and not tokenisation mismatches. Spans must match exactly (start, end, label), as in the
official CoNLL/GermEval scripts. Only the outer level of GermEval is scored; `OTH` becomes
`MISC` and the `deriv`/`part` variants (e.g. "deutschen", "EU-weit") count as no entity, because
lagebild's entities are names, not words derived from names.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

LABELS = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True)
class GoldSentence:
    """One pre-tokenised sentence with BIO tags over our four labels."""

    words: list[str]
    tags: list[str]


def map_germeval_tag(tag: str) -> str:
    """Map one outer-level GermEval tag to our BIO scheme (OTH→MISC, deriv/part→O)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if label.endswith("deriv") or label.endswith("part"):
        return "O"
    if label == "OTH":
        label = "MISC"
    if label not in LABELS or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{label}"


def conll_sentences(path: str | Path) -> Iterator[list[str]]:
    """The token lines of each sentence in a CoNLL-style file: one token a line, blank lines
    between sentences, CRLF or LF. Every gold reader (here and in scripts/) groups lines this
    one way; only "\n" ends a line, so odd Unicode separators stay inside their token."""
    lines: list[str] = []
    for raw in Path(path).read_text(encoding="utf-8").split("\n"):
        line = raw.rstrip("\r")
        if line.strip():
            lines.append(line)
        elif lines:
            yield lines
            lines = []
    if lines:
        yield lines


def read_germeval(path: str | Path) -> list[GoldSentence]:
    """Read a GermEval 2014 TSV (index, word, outer tag, inner tag); `#` lines are sources."""
    sentences: list[GoldSentence] = []
    for lines in conll_sentences(path):
        rows = [line.split("\t") for line in lines if not line.startswith("#")]
        if rows:
            tags = [map_germeval_tag(cols[2]) for cols in rows]
            sentences.append(GoldSentence([cols[1] for cols in rows], repair_bio(tags)))
    return sentences


def read_europarl(path: str | Path) -> list[GoldSentence]:
    """Read the Europarl NER file (word, lemma, STTS, chunk, IOB1 tag), converting IOB1 to BIO.

    In IOB1 an entity starts with `I-`; `B-` only separates two adjacent entities of one type.
    """
    sentences: list[GoldSentence] = []
    for lines in conll_sentences(path):
        rows = [line.split() for line in lines]
        sentences.append(GoldSentence([cols[0] for cols in rows],
                                      iob1_to_bio([cols[-1] for cols in rows])))
    return sentences


def iob1_to_bio(tags: list[str]) -> list[str]:
    """Convert IOB1 tags (entities begin with I-) to BIO (entities begin with B-)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        prev_label = prev.split("-", 1)[1] if prev != "O" else None
        if prefix == "B" or prev_label != label:
            out.append(f"B-{label}")
        else:
            out.append(f"I-{label}")
        prev = out[-1]
    return out


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an `I-X` that does not continue an X entity into `B-X` (mapping can orphan them)."""
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-"):
            label = tag[2:]
            if not out or out[-1] == "O" or out[-1][2:] != label:
                tag = f"B-{label}"
        out.append(tag)
    return out


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Token spans (start, end exclusive, label) encoded by BIO tags."""
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.add((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Read GermEval TSV or Europarl IOB, recognised by the first token line's columns."""
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cols = raw.rstrip("\r").split("\t")
        if len(cols) >= 3 and cols[0].isdigit():
            return read_germeval(path)
        return read_europarl(path)
    return []


def predict(
    nlp: Language, sentences: Iterable[GoldSentence], batch_size: int = 256
) -> Iterator[Doc]:
    """Run every pipeline component (not the tokenizer) on docs built from the gold words."""
    docs: Iterable[Doc] = (Doc(nlp.vocab, words=s.words) for s in sentences)
    for _name, proc in nlp.pipeline:
        docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
    yield from docs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": n_gold, "predicted": n_pred}


def score_spans(
    gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]]
) -> dict[str, Any]:
    """Exact-match micro P/R/F1 overall and per label over parallel lists of span sets."""
    labels = sorted({s[2] for spans in gold + pred for s in spans})
    counts = {lab: [0, 0, 0] for lab in labels}  # tp, predicted, gold
    for g, p in zip(gold, pred, strict=True):
        for span in p:
            counts[span[2]][1] += 1
            if span in g:
                counts[span[2]][0] += 1
        for span in g:
            counts[span[2]][2] += 1
    tp = sum(c[0] for c in counts.values())
    n_pred = sum(c[1] for c in counts.values())
    n_gold = sum(c[2] for c in counts.values())
    result: dict[str, Any] = _prf(tp, n_pred, n_gold)
    result["per_type"] = {lab: _prf(*counts[lab]) for lab in labels}
    return result


def evaluate_ner(
    nlp: Language, path: str | Path, labels: Collection[str] | None = None
) -> dict[str, Any]:
    """Score `nlp`'s entities against a GermEval/Europarl gold file; returns a JSON-able dict.

    `labels` restricts gold and predictions to those types, e.g. to leave out MISC where a
    corpus defines it differently (Europarl's MISC is mostly adjectives like "europäischen").
    """
    sentences = read_gold(path)
    keep = set(labels) if labels is not None else set(LABELS)
    gold = [{sp for sp in bio_spans(s.tags) if sp[2] in keep} for s in sentences]
    pred = [{(e.start, e.end, e.label_) for e in doc.ents if e.label_ in keep}
            for doc in predict(nlp, sentences)]
    result = score_spans(gold, pred)
    result["sentences"] = len(sentences)
    result["tokens"] = sum(len(s.words) for s in sentences)
    result["path"] = str(path)
    return result
