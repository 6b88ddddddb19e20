"""Evaluate events against our gold set (`gold/events_dev.jsonl`).

Gold format (one JSON object per document, no copied text): `doc_id` (file stem in the
quotes-de-news split), `article_date`, `events`: `start`/`end` (character offsets of the
trigger word in `originalText`), `type`, `mode`, `actor`/`recipient` (`{code, sector}` or
null; sector null = any), `location` (`{country, geonameid}` or null), `date`
(`{value, precision}`; undated events carry the article date), `status`.

Matching: a predicted event matches a gold event when its trigger overlaps the gold trigger
(one-to-one, first come). Scores: P/R/F1 for type; for type+actor+recipient (codes equal,
sectors equal where gold gives one; CONSULT/AGREE/COOPERATE parties unordered); location
accuracy (country, and geonameid where gold has one) and date accuracy (value at gold
precision) and status accuracy over type-matched events.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from spacy.language import Language

from lagebild.events.lexicon import SYMMETRIC_TYPES
from lagebild.read.article import Article

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "events_dev.jsonl"


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold documents of a JSONL file."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _party_ok(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> bool:
    if gold is None:
        return pred is None or True  # an extra participant the annotator left open is not wrong
    if pred is None or pred.get("code") != gold["code"]:
        return False
    return gold.get("sector") is None or pred.get("sector") == gold["sector"]


def _parties_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    ga, gr, pa, pr = gold["actor"], gold["recipient"], pred["actor"], pred["recipient"]
    if _party_ok(ga, pa) and _party_ok(gr, pr):
        return True
    return gold["type"] in SYMMETRIC_TYPES and _party_ok(ga, pr) and _party_ok(gr, pa)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate_events(
    nlp: Language, gold_path: str | Path = GOLD_PATH, data_dir: str | Path = ""
) -> dict[str, Any]:
    """Run `nlp` on the gold documents in `data_dir` and score (see the module docstring)."""
    gold_docs = load_gold(Path(gold_path))
    data = Path(data_dir)
    n_gold = n_pred = tp_type = tp_args = 0
    loc_ok = loc_n = date_ok = date_n = status_ok = 0
    for gdoc in gold_docs:
        raw = json.loads((data / f"{gdoc['doc_id']}.json").read_text(encoding="utf-8"))
        text = raw["originalText"]
        m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\s*$", raw.get("documentName", ""))
        article = Article(
            text=text, id=str(gdoc["doc_id"]), date=m.group(1) if m else gdoc.get("article_date")
        )
        doc = nlp.make_doc(text)
        doc._.article = article
        doc = nlp(doc)
        preds = [e.to_dict() for e in doc._.events]
        golds = gdoc["events"]
        n_gold += len(golds)
        n_pred += len(preds)
        used: set[int] = set()
        for g in golds:
            match = None
            for k, p in enumerate(preds):
                t = p["trigger"]
                if (
                    k not in used
                    and t["start"] < g["end"]
                    and g["start"] < t["end"]
                    and p["type"] == g["type"]
                ):
                    match = k
                    break
            if match is None:
                continue
            used.add(match)
            p = preds[match]
            tp_type += 1
            tp_args += _parties_ok(g, p)
            status_ok += p["status"] == g["status"]
            if g["location"] is not None:
                loc_n += 1
                pl = p["location"] or {}
                loc_ok += pl.get("country") == g["location"]["country"] and (
                    g["location"]["geonameid"] is None
                    or pl.get("geonameid") == g["location"]["geonameid"]
                )
            if g["date"] is not None:
                date_n += 1
                pd = (p["date"] or {}).get("value") or ""
                gv = g["date"]["value"]
                date_ok += pd[: len(gv)] == gv if len(pd) >= len(gv) else False
    return {
        "documents": len(gold_docs),
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "type": _prf(tp_type, n_pred, n_gold),
        "type_actor_recipient": _prf(tp_args, n_pred, n_gold),
        "location_accuracy": round(loc_ok / loc_n, 4) if loc_n else None,
        "date_accuracy": round(date_ok / date_n, 4) if date_n else None,
        "status_accuracy": round(status_ok / tp_type, 4) if tp_type else None,
    }
