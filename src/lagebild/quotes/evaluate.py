"""Evaluate the quotation stage on the German news quotation corpus (its official metric).

Token-overlap micro P/R/F1: per document, predicted quotes are matched one-to-one to gold
quotes by Hungarian assignment on token-overlap F1 (same type as a small tie-breaker, as in
the corpus's script); every quote token in a matched pair counts as TP when shared, FP/FN
otherwise; unmatched quotes count all their tokens as FP (predicted) or FN (gold). Roles
(speaker, cue, addressee) are scored the same way but only inside matched pairs (the roles of
unmatched quotes are all FP/FN). "joint" sums the quote and speaker counts. Per-type scores
restrict to gold quotes of a type and to the predictions matched to them (plus unmatched
predictions of that type). See docs/quotes.md.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment
from spacy.language import Language

from lagebild.quotes.corpus import (
    CorpusDoc,
    iter_corpus,
    prediction_document,
    quotes_to_annotations,
)

PARTS = ("quote", "speaker", "cue", "addressee")
TYPES = ("Direct", "Indirect", "Reported", "FreeIndirect", "IndirectFreeIndirect")
TYPE_LABEL = {"IndirectFreeIndirect": "Indirect/FreeIndirect"}


@dataclass
class Group:
    """One quote with its role token sets."""

    type: str
    quote: set[int]
    roles: dict[str, set[int]] = field(default_factory=dict)


@dataclass
class Counts:
    """TP/FP/FN token counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[int], pred: set[int]) -> None:
        """Count one gold/predicted token set pair."""
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> dict[str, float]:
        """Precision, recall, F1 (0 when undefined)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def groups_from_annotations(anns: list[dict[str, Any]]) -> list[Group]:
    """Token-id groups from corpus annotations (gold or predicted)."""
    out = []
    for a in anns:
        roles = {r: set(a.get(r, {}).get("tokenIds", []) or []) for r in PARTS[1:]}
        out.append(Group(a.get("type", ""), set(a["quote"]["tokenIds"]), roles))
    return out


def _overlap_f1(a: set[int], b: set[int]) -> float:
    both = len(a & b)
    return 2 * both / (len(a) + len(b)) if both else 0.0


def match(pred: list[Group], gold: list[Group]) -> list[tuple[int, int]]:
    """One-to-one (pred, gold) pairs maximising token-overlap F1; pairs without overlap dropped."""
    if not pred or not gold:
        return []
    scores = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = _overlap_f1(g.quote, p.quote)
            scores[i, j] = ov + (0.01 if ov > 0 and g.type == p.type else 0.0)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(j), int(i)) for i, j in zip(rows, cols, strict=True) if scores[i, j] > 0]


class Tally:
    """Accumulates counts over documents."""

    def __init__(self) -> None:
        self.parts = {p: Counts() for p in (*PARTS, "joint")}
        self.types = {t: Counts() for t in TYPES}
        self.type_conf: Counter[tuple[str, str]] = Counter()
        self.n_gold = 0
        self.n_pred = 0

    def add_doc(self, pred: list[Group], gold: list[Group]) -> None:
        """Score one document."""
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        pairs = match(pred, gold)
        mp = {j for j, _ in pairs}
        mg = {i for _, i in pairs}
        empty = Group("", set(), {r: set() for r in PARTS[1:]})
        triples = [(pred[j], gold[i]) for j, i in pairs]
        triples += [(pred[j], empty) for j in range(len(pred)) if j not in mp]
        triples += [(empty, gold[i]) for i in range(len(gold)) if i not in mg]
        for p, g in triples:
            self.parts["quote"].add(g.quote, p.quote)
            self.parts["joint"].add(g.quote, p.quote)
            for r in PARTS[1:]:
                self.parts[r].add(g.roles.get(r, set()), p.roles.get(r, set()))
            self.parts["joint"].add(g.roles.get("speaker", set()), p.roles.get("speaker", set()))
            t = g.type or p.type
            if t in self.types:
                self.types[t].add(g.quote, p.quote)
            if g.type and p.type:
                self.type_conf[(g.type, p.type)] += 1

    def result(self) -> dict[str, Any]:
        """The metrics dict returned by `evaluate_quotes`."""
        res: dict[str, Any] = {p: self.parts[p].prf() for p in self.parts}
        res["per_type"] = {
            TYPE_LABEL.get(t, t): {
                **self.types[t].prf(),
                "gold_tokens": self.types[t].tp + self.types[t].fn,
            }
            for t in TYPES
        }
        matched = sum(self.type_conf.values())
        res["type_accuracy"] = (
            round(sum(v for (g, p), v in self.type_conf.items() if g == p) / matched, 4)
            if matched
            else 0.0
        )
        res["n_gold"] = self.n_gold
        res["n_pred"] = self.n_pred
        return res


def evaluate_quotes(
    nlp: Language,
    data_dir: str | Path,
    write_predictions: str | Path | None = None,
    limit: int | None = None,
    attributor: Any = None,
) -> dict[str, Any]:
    """Run `nlp` on every corpus document's `originalText` and score against the gold quotes.

    `write_predictions` (a folder) receives one JSON per document in the corpus schema.
    `limit` evaluates only the first N documents (for fast tests); `attributor` replaces the
    pipeline's quote component (used by the training script to compare settings).
    """
    from lagebild.quotes.component import QuoteAttributor

    docs = list(iter_corpus(data_dir))
    if limit is not None:
        docs = docs[:limit]
    extra = attributor
    if extra is None and "lagebild_quotes" not in nlp.pipe_names:
        extra = QuoteAttributor()
    out_dir = Path(write_predictions) if write_predictions else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    for cdoc, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        if extra is not None:
            extra(doc)
        _score_doc(tally, cdoc, doc._.quotes)
        if out_dir is not None:
            with (out_dir / cdoc.path.name).open("w", encoding="utf-8") as fh:
                json.dump(prediction_document(cdoc, doc._.quotes), fh, ensure_ascii=False)
    result = tally.result()
    result["documents"] = len(docs)
    return result


def _score_doc(tally: Tally, cdoc: CorpusDoc, quotes: list[Any]) -> None:
    pred = groups_from_annotations(quotes_to_annotations(cdoc, quotes))
    gold = groups_from_annotations(cdoc.data["annotations"])
    tally.add_doc(pred, gold)


def format_report(res: dict[str, Any]) -> str:
    """A small text table of the metrics (for the CLI and the docs)."""
    lines = [f"{'':24}{'P':>8}{'R':>8}{'F1':>8}"]
    for key in (*PARTS, "joint"):
        m = res[key]
        lines.append(f"{key:24}{m['p']:8.3f}{m['r']:8.3f}{m['f1']:8.3f}")
    for t, m in res["per_type"].items():
        lines.append(
            f"{'type ' + t:24}{m['p']:8.3f}{m['r']:8.3f}{m['f1']:8.3f}"
            f"   ({m['gold_tokens']} gold tokens)"
        )
    lines.append(
        f"type accuracy (matched): {res['type_accuracy']:.3f}; "
        f"gold {res['n_gold']}, predicted {res['n_pred']}"
    )
    return "\n".join(lines)
