"""Evaluate events against our gold sets (`gold/events_dev.jsonl`; guidelines: `gold/README.md`).

Gold format (one JSON object per document, no copied text): `doc_id` (file stem in the
quotes-de-news split), `article_date`, `events`: `start`/`end` (character offsets of the
trigger word in `originalText`), `type`, `mode`, `actor`/`recipient` (`{code, sector}` or
null; sector null = any; null party = not scored), `location` (`{country, geonameid}` or null),
`date` (`{value, precision}`; undated events of the reporting day carry the article date; null =
not scored), `status`.

Matching (one-to-one, per document, always of the same type):
1. trigger overlap: the predicted trigger overlaps the gold trigger;
2. same sentence: a gold event still unmatched takes an unmatched prediction of its type whose
   evidence sentence holds the gold trigger ("Treffen" vs "trafen", "Sanktionen" vs
   "verhängte" name one happening in one sentence).
Within each pass a prediction whose parties are right is preferred, then the nearest trigger.
`trigger_matched` counts pass-1 matches; `strict_type` scores pass 1 alone.

Scores: P/R/F1 for type (overall and per type); type+actor+recipient (codes equal up to
`CODE_FAMILY`, sectors equal where gold gives one; CONSULT/AGREE/COOPERATE parties unordered;
`type_actor_recipient_codes` compares codes only, to tell code errors from sector errors;
`party_errors` counts per role how type-matched events went, see `party_error`);
location accuracy (country, and geonameid where gold has one), date accuracy (value at gold
precision) and status accuracy over type-matched events.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from lagebild.events.lexicon import SYMMETRIC_TYPES
from lagebild.read.article import Article

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "events_dev.jsonl"

# Predicted code -> the gold code it also satisfies (an agency of the UN is the UN).
CODE_FAMILY = {
    "WHO": "UN",
    "IAEA": "UN",
    "UNHCR": "UN",
    "UNICEF": "UN",
    "WFP": "UN",
    "ICTY": "UN",
}

Pair = tuple[dict[str, Any], dict[str, Any]]


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold documents of a JSONL file."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _code_ok(gold_code: str, pred_code: str | None) -> bool:
    return pred_code is not None and (
        pred_code == gold_code or CODE_FAMILY.get(pred_code) == gold_code
    )


def _party_ok(
    gold: dict[str, Any] | None, pred: dict[str, Any] | None, sectors: bool = True
) -> bool:
    if gold is None:
        return True  # an extra participant the annotator left open is not wrong
    if pred is None or not _code_ok(gold["code"], pred.get("code")):
        return False
    return not sectors or gold.get("sector") is None or pred.get("sector") == gold["sector"]


def _parties_ok(gold: dict[str, Any], pred: dict[str, Any], sectors: bool = True) -> bool:
    """Actor and recipient right (codes, and sectors where `sectors` and gold gives one)."""
    ga, gr, pa, pr = gold["actor"], gold["recipient"], pred["actor"], pred["recipient"]
    if _party_ok(ga, pa, sectors) and _party_ok(gr, pr, sectors):
        return True
    return (
        gold["type"] in SYMMETRIC_TYPES
        and _party_ok(ga, pr, sectors)
        and _party_ok(gr, pa, sectors)
    )


def party_error(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> str:
    """One role of a type-matched event: "ok", "open" (gold leaves it open), "missing" (no
    prediction), "code" (wrong code) or "sector" (right code, wrong sector)."""
    if gold is None:
        return "open"
    if pred is None or pred.get("code") is None:
        return "missing"
    if not _code_ok(gold["code"], pred.get("code")):
        return "code"
    return "ok" if _party_ok(gold, pred) else "sector"


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _trigger_overlap(g: dict[str, Any], p: dict[str, Any]) -> bool:
    t = p["trigger"]
    return bool(t["start"] < g["end"] and g["start"] < t["end"])


def _same_sentence(g: dict[str, Any], p: dict[str, Any]) -> bool:
    ev = p["evidence"]
    return bool(ev["start"] <= g["start"] < ev["end"])


def match_events(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> list[Pair]:
    """One-to-one (gold, prediction) pairs of one document (see the module docstring); the
    pairs of pass 1 come first."""
    used: set[int] = set()
    done: set[int] = set()
    pairs: list[Pair] = []
    passes: tuple[Callable[[dict[str, Any], dict[str, Any]], bool], ...] = (
        _trigger_overlap,
        _same_sentence,
    )
    for fits in passes:
        for gi, g in enumerate(golds):
            if gi in done:
                continue
            options = [
                k
                for k, p in enumerate(preds)
                if k not in used and p["type"] == g["type"] and fits(g, p)
            ]
            if not options:
                continue
            k = min(
                options,
                key=lambda k: (
                    not _parties_ok(g, preds[k]),
                    abs(preds[k]["trigger"]["start"] - g["start"]),
                ),
            )
            used.add(k)
            done.add(gi)
            pairs.append((g, preds[k]))
    return pairs


def _location_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    pl, gl = p["location"] or {}, g["location"]
    return bool(
        pl.get("country") == gl["country"]
        and (gl["geonameid"] is None or pl.get("geonameid") == gl["geonameid"])
    )


def _date_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    pd = (p["date"] or {}).get("value") or ""
    gv = g["date"]["value"]
    return len(pd) >= len(gv) and pd[: len(gv)] == gv


def predict_document(nlp: Language, data: Path, gdoc: dict[str, Any]) -> list[dict[str, Any]]:
    """The predicted events (schema dicts) of one gold document's text."""
    raw = json.loads((data / f"{gdoc['doc_id']}.json").read_text(encoding="utf-8"))
    text = raw["originalText"]
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\s*$", raw.get("documentName", ""))
    article = Article(
        text=text, id=str(gdoc["doc_id"]), date=m.group(1) if m else gdoc.get("article_date")
    )
    doc = nlp.make_doc(text)
    doc._.article = article
    doc = nlp(doc)
    return [e.to_dict() for e in doc._.events]


def evaluate_events(
    nlp: Language,
    gold_path: str | Path = GOLD_PATH,
    data_dir: str | Path = "",
    details: bool = False,
) -> dict[str, Any]:
    """Run `nlp` on the gold documents in `data_dir` and score (see the module docstring).
    `details=True` adds `documents_detail` (gold, predictions and pairs per document) for error
    analysis on the tuning set."""
    gold_docs = load_gold(Path(gold_path))
    data = Path(data_dir)
    docs = [(gdoc["events"], predict_document(nlp, data, gdoc)) for gdoc in gold_docs]
    out = score_documents(docs)
    if details:
        out["documents_detail"] = [
            {
                "doc_id": gdoc["doc_id"],
                "gold": golds,
                "pred": preds,
                "pairs": match_events(golds, preds),
            }
            for gdoc, (golds, preds) in zip(gold_docs, docs, strict=True)
        ]
    return out


def score_documents(
    docs: Sequence[tuple[list[dict[str, Any]], list[dict[str, Any]]]],
) -> dict[str, Any]:
    """The scores (see the module docstring) of (gold events, predicted events) per document:
    the one scorer, also for predictions filtered or produced elsewhere (the ranker script)."""
    n: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = {}
    for golds, preds in docs:
        n["gold"] += len(golds)
        n["pred"] += len(preds)
        for g in golds:
            per_type.setdefault(g["type"], Counter())["gold"] += 1
        for p in preds:
            per_type.setdefault(p["type"], Counter())["pred"] += 1
        for g, p in match_events(golds, preds):
            n["tp_type"] += 1
            n["tp_strict"] += _trigger_overlap(g, p)
            per_type[g["type"]]["tp"] += 1
            args = _parties_ok(g, p)
            n["tp_args"] += args
            n["tp_codes"] += _parties_ok(g, p, sectors=False)
            for role in ("actor", "recipient"):
                n[f"{role}:{party_error(g[role], p[role])}"] += 1
            per_type[g["type"]]["tp_args"] += args
            n["status_ok"] += p["status"] == g["status"]
            if g["location"] is not None:
                n["loc_n"] += 1
                n["loc_ok"] += _location_ok(g, p)
            if g["date"] is not None:
                n["date_n"] += 1
                n["date_ok"] += _date_ok(g, p)
    return {
        "documents": len(docs),
        "gold_events": n["gold"],
        "predicted_events": n["pred"],
        "trigger_matched": n["tp_strict"],
        "type": _prf(n["tp_type"], n["pred"], n["gold"]),
        "strict_type": _prf(n["tp_strict"], n["pred"], n["gold"]),
        "type_actor_recipient": _prf(n["tp_args"], n["pred"], n["gold"]),
        "type_actor_recipient_codes": _prf(n["tp_codes"], n["pred"], n["gold"]),
        "party_errors": {
            role: {
                kind: n[f"{role}:{kind}"] for kind in ("ok", "open", "missing", "code", "sector")
            }
            for role in ("actor", "recipient")
        },
        "location_accuracy": round(n["loc_ok"] / n["loc_n"], 4) if n["loc_n"] else None,
        "date_accuracy": round(n["date_ok"] / n["date_n"], 4) if n["date_n"] else None,
        "status_accuracy": round(n["status_ok"] / n["tp_type"], 4) if n["tp_type"] else None,
        "per_type": {
            t: {
                "gold": c["gold"],
                "pred": c["pred"],
                "type_f1": _prf(c["tp"], c["pred"], c["gold"])["f1"],
                "type_actor_recipient_f1": _prf(c["tp_args"], c["pred"], c["gold"])["f1"],
            }
            for t, c in sorted(per_type.items())
        },
    }
