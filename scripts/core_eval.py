"""Score the core model on a UD DocBin: POS/tag/morph/lemma/UAS/LAS and verbal mood.

Two settings: `raw` (spaCy's German tokenizer on the sentence text, as in production: tokens
that do not align with the treebank count as errors) and `gold_tok` (treebank tokens, the
usual way UD taggers/parsers are compared). Mood is scored on gold tokens over the
treebank's finite verbs: the model's own `Mood` versus `lagebild.nlp.morphology.mood()`.

Usage: python scripts/core_eval.py [--model src/lagebild/models/de_lagebild_core]
       [--docbin training/core/corpus/eval.spacy]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

import lagebild.nlp.lemmatizer  # noqa: F401
import lagebild.nlp.morphology as morphology

KEYS = ("token_acc", "tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las")


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


def mood_scores(nlp: Language, refs: list[Doc]) -> dict[str, Any]:
    """Mood accuracy and Konjunktiv P/R/F on gold finite verbs, model alone vs. rules."""
    disabled = [p for p in ("lagebild_mood",) if p in nlp.pipe_names]
    counts = {"n": 0, "model_ok": 0, "rules_ok": 0}
    sub = {"model": [0, 0, 0], "rules": [0, 0, 0]}
    fin = [0, 0, 0]
    with nlp.select_pipes(disable=disabled):
        preds = list(nlp.pipe(Doc(nlp.vocab, words=[t.text for t in r],
                                  spaces=[bool(t.whitespace_) for t in r]) for r in refs))
    for ref, pred in zip(refs, preds, strict=True):
        for g, p in zip(ref, pred, strict=True):
            gold_fin = "Fin" in g.morph.get("VerbForm")
            pred_fin = morphology.is_finite_verb(p)
            fin[0] += gold_fin and pred_fin
            fin[1] += pred_fin and not gold_fin
            fin[2] += gold_fin and not pred_fin
            gold_mood = (g.morph.get("Mood") or [None])[0]
            model_mood = (p.morph.get("Mood") or [None])[0]
            rules_mood = morphology.mood(p)
            if gold_fin and gold_mood in ("Ind", "Sub"):
                counts["n"] += 1
                counts["model_ok"] += model_mood == gold_mood
                counts["rules_ok"] += rules_mood == gold_mood
            for name, value in (("model", model_mood), ("rules", rules_mood)):
                gold_sub, pred_sub = gold_mood == "Sub", value == "Sub"
                sub[name][0] += gold_sub and pred_sub
                sub[name][1] += pred_sub and not gold_sub
                sub[name][2] += gold_sub and not pred_sub
    n = max(counts["n"], 1)
    return {
        "finite_verbs": counts["n"],
        "mood_acc_model": round(counts["model_ok"] / n, 4),
        "mood_acc_rules": round(counts["rules_ok"] / n, 4),
        "konjunktiv_model": _prf(*sub["model"]),
        "konjunktiv_rules": _prf(*sub["rules"]),
        "finite_verb_detection": _prf(*fin),
    }


def evaluate(nlp: Language, docbin: Path) -> dict[str, Any]:
    """All scores as one JSON-able dict (accuracies in 0..1)."""
    refs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    out: dict[str, Any] = {"sentences": len(refs), "tokens": sum(len(d) for d in refs)}
    raw = [Example(nlp.make_doc(r.text), r) for r in refs]
    gold = [Example(Doc(nlp.vocab, words=[t.text for t in r],
                        spaces=[bool(t.whitespace_) for t in r]), r) for r in refs]
    for name, examples in (("raw", raw), ("gold_tok", gold)):
        t0 = time.perf_counter()
        scores = nlp.evaluate(examples)
        elapsed = time.perf_counter() - t0
        out[name] = {k: round(float(scores[k]), 4) for k in KEYS if scores.get(k) is not None}
        out[name]["words_per_s"] = round(out["tokens"] / elapsed)
    out["mood"] = mood_scores(nlp, refs)
    return out


def main() -> None:
    """CLI: print the scores of a saved model."""
    ap = argparse.ArgumentParser()
    root = Path(__file__).resolve().parents[1]
    ap.add_argument("--model", default=str(root / "src/lagebild/models/de_lagebild_core"))
    ap.add_argument("--docbin", type=Path, default=root / "training/core/corpus/eval.spacy")
    args = ap.parse_args()
    print(json.dumps(evaluate(spacy.load(args.model), args.docbin), indent=1))


if __name__ == "__main__":
    main()
