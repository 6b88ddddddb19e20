"""Experiment: a small logistic-regression ranker that filters the events stage's predictions
(precision), trained and cross-validated on the tuning gold (train documents only).

One command, end to end: parse every tuning document once with the real pipeline, describe
each predicted event by general linguistic features (no document ids, no word identities),
label it by the scorer's own matching (`evaluate.match_events`), then estimate honestly with
leave-documents-out cross-validation (5 folds by document; the threshold of each outer fold
is chosen by an inner CV on its training folds only) and on one extra held-out fold (a fresh
batch of documents, `--fresh`). Writes the coefficients to `--out` (JSON: feature names,
weights, intercept, threshold) when asked.

    PYTHONPATH=src python scripts/train_event_ranker.py \
        [--data ../shared/data/quotes-de-news/train] [--gold src/.../events_tune.jsonl] \
        [--out ranker.json] [--cache /tmp/ranker_feats.pkl] [--test fresh.jsonl]

`--test` scores a second gold file (a fresh batch nobody tuned on) with and without the filter,
the model trained on the whole tuning gold (threshold `--threshold`, or by inner CV).

Needs scikit-learn (the optional extra `train`). Runtime ~25 s on 2 shared cores (85 documents;
~10 s with `--cache`). Result and decision: docs/events.md, "Learned ranker".
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from lagebild.events.arguments import clause_map, zu_infinitive
from lagebild.events.evaluate import load_gold, match_events, score_documents
from lagebild.events.event import Event
from lagebild.nlp.pipeline import load
from lagebild.nlp.tokens import TokenTable
from lagebild.read.article import Article

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "src" / "lagebild" / "events" / "gold" / "events_tune.jsonl"
DATA = ROOT.parent / "shared" / "data" / "quotes-de-news" / "train"
FRESH = "83739 68296 64651 83502 22943 43924 48687 31955 52796 2896".split()
SUBORDINATE_DEPS = frozenset({"advcl", "acl", "acl:relcl", "ccomp", "csubj", "xcomp"})
DEFINITE = frozenset({"der", "die", "das", "dem", "den", "des", "dieser", "diese", "dieses"})
INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
NEGATION = frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"})
Features = dict[str, float]


def _token(doc: Doc, event: Event) -> Token:
    """The trigger token (a trigger is one token)."""
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[0]


def _subordinate(tok: Token) -> bool:
    """The trigger stands in a subordinate or relative clause (by the parse's clause labels
    on the way to the root)."""
    t = tok
    for _ in range(12):
        if t.dep_ in SUBORDINATE_DEPS:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def event_features(doc: Doc, events: list[Event]) -> list[Features]:
    """General features of every event of the doc (see docs/events.md, learned ranker)."""
    dt = TokenTable.of(doc)
    quotes = [(q.start, q.end) for q in doc._.quotes if getattr(q, "type", "") != "reported"]
    n_sents = max(1, len(dt.sentences))
    per_sent = Counter(e.sent_index for e in events)
    seen_lemma: Counter[str] = Counter()
    seen_type: Counter[str] = Counter()
    clauses: dict[int, dict[int, tuple[int, int]]] = {}
    out: list[Features] = []
    for e in events:
        tok = _token(doc, e)
        sent = tok.sent
        if sent.start not in clauses:
            clauses[sent.start] = clause_map(sent)
        lo, hi = clauses[sent.start].get(tok.i, (sent.start, sent.end))
        clause = doc[lo:hi]
        noun = tok.pos_ in ("NOUN", "PROPN")
        f: Features = {
            f"type={e.type}": 1.0,
            f"status={e.status}": 1.0,
            "noun": float(noun),
            "actor": float(e.actor is not None and e.actor.code is not None),
            "recipient": float(e.recipient is not None and e.recipient.code is not None),
            "actor_sector": float(e.actor is not None and e.actor.sector is not None),
            "recipient_sector": float(e.recipient is not None and e.recipient.sector is not None),
            "actor_named": float(e.actor is not None and e.actor.entity_id is not None),
            "same_parties": float(
                e.actor is not None
                and e.recipient is not None
                and e.actor.code is not None
                and e.actor.code == e.recipient.code
            ),
            "location": float(e.location is not None),
            "date_in_text": float(e.date is not None and e.date.text is not None),
            "in_quote": float(any(a <= e.trigger[0] < b for a, b in quotes)),
            "headline": float(e.sent_index == 0),
            "rel_position": e.sent_index / n_sents,
            "log_sent_index": math.log1p(e.sent_index),
            "lemma_seen": float(seen_lemma[tok.lemma_.lower()] > 0),
            "type_seen": float(seen_type[e.type] > 0),
            "subordinate": float(_subordinate(tok)),
            "modal": float(any(t.tag_.startswith("VM") for t in clause)),
            "negation": float(any(t.lower_ in NEGATION for t in clause)),
            "zu_infinitive": float(zu_infinitive(dt, tok.i)),
            "noun_under_verb": float(noun and tok.head.pos_ in ("VERB", "AUX")),
            "noun_plural": float(noun and "Plur" in tok.morph.get("Number", [])),
            "definite": float(noun and any(c.lower_ in DEFINITE for c in tok.children)),
            "indefinite": float(noun and any(c.lower_ in INDEFINITE for c in tok.children)),
            "log_events_in_sent": math.log(per_sent[e.sent_index]),
            "log_sent_len": math.log(len(sent)),
        }
        seen_lemma[tok.lemma_.lower()] += 1
        seen_type[e.type] += 1
        out.append(f)
    return out


def parse_all(data: Path, gold_path: Path) -> list[dict[str, Any]]:
    """Every gold document parsed once: its gold events, predictions (schema dicts), features
    and labels (the prediction is matched to a gold event)."""
    nlp = load()
    rows = []
    for gdoc in load_gold(gold_path):
        raw = json.loads((data / f"{gdoc['doc_id']}.json").read_text(encoding="utf-8"))
        m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\s*$", raw.get("documentName", ""))
        text = raw["originalText"]
        doc = nlp.make_doc(text)
        doc._.article = Article(
            text=text, id=str(gdoc["doc_id"]), date=m.group(1) if m else gdoc.get("article_date")
        )
        doc = nlp(doc)
        events = list(doc._.events)
        preds = [e.to_dict() for e in events]
        matched = {id(p) for _, p in match_events(gdoc["events"], preds)}
        rows.append(
            {
                "doc_id": str(gdoc["doc_id"]),
                "gold": gdoc["events"],
                "preds": preds,
                "features": event_features(doc, events),
                "labels": [int(id(p) in matched) for p in preds],
            }
        )
    return rows


def score(docs: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]) -> dict[str, float]:
    """The scorer's numbers (type P/R/F1, t+a+r F1, location, date) over (gold, kept
    predictions) of several documents, from `evaluate.score_documents`."""
    s = score_documents(docs)
    return {
        "P": s["type"]["precision"],
        "R": s["type"]["recall"],
        "type_F1": s["type"]["f1"],
        "tar_F1": s["type_actor_recipient"]["f1"],
        "loc": s["location_accuracy"] or 0.0,
        "date": s["date_accuracy"] or 0.0,
        "pred": s["predicted_events"],
    }


def _fit(rows: list[dict[str, Any]], c: float) -> Any:
    """A logistic regression on the events of `rows` (imported here: only training needs it)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    x = [f for r in rows for f in r["features"]]
    y = [lab for r in rows for lab in r["labels"]]
    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=2000))
    model.fit(x, y)
    return model


def _filtered(rows: list[dict[str, Any]], probs: list[list[float]], t: float) -> list[Any]:
    """(gold, kept predictions) per document: what the scorer sees after the filter."""
    return [
        (r["gold"], [p for p, q in zip(r["preds"], pr, strict=True) if q >= t])
        for r, pr in zip(rows, probs, strict=True)
    ]


def _probs(model: Any, rows: list[dict[str, Any]]) -> list[list[float]]:
    """The model's probability of "matched" for every event, per document."""
    return [list(model.predict_proba(r["features"])[:, 1]) if r["features"] else [] for r in rows]


THRESHOLDS = [round(0.05 * k, 2) for k in range(0, 13)]  # 0.0 (keep all) .. 0.6


def _folds(rows: list[dict[str, Any]], k: int, seed: int) -> list[list[dict[str, Any]]]:
    """`k` folds of whole documents (a document's events never straddle train and test)."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    return [[rows[i] for i in order[j::k]] for j in range(k)]


def choose_threshold(rows: list[dict[str, Any]], c: float, k: int = 4) -> float:
    """The threshold that maximises type F1 over out-of-fold probabilities of `rows` alone."""
    folds = _folds(rows, k, seed=7)
    oof: list[tuple[dict[str, Any], list[float]]] = []
    for j, test in enumerate(folds):
        model = _fit([r for i, f in enumerate(folds) if i != j for r in f], c)
        oof.extend(zip(test, _probs(model, test), strict=True))
    rs, ps = [r for r, _ in oof], [p for _, p in oof]
    return max(THRESHOLDS, key=lambda t: (score(_filtered(rs, ps, t))["type_F1"], -t))


def evaluate_split(
    train: list[dict[str, Any]], test: list[dict[str, Any]], c: float, fixed: float | None
) -> tuple[float, list[list[float]]]:
    """Train on `train`, threshold by inner CV (or `fixed`), probabilities of `test`."""
    t = fixed if fixed is not None else choose_threshold(train, c)
    return t, _probs(_fit(train, c), test)


def cross_validate(
    rows: list[dict[str, Any]], k: int, seed: int, c: float, fixed: float | None
) -> dict[str, float]:
    """Leave-documents-out CV: each fold filtered by a model (and threshold) of the others."""
    folds = _folds(rows, k, seed)
    kept: list[Any] = []
    for j, test in enumerate(folds):
        train = [r for i, f in enumerate(folds) if i != j for r in f]
        t, probs = evaluate_split(train, test, c, fixed)
        kept.extend(_filtered(test, probs, t))
    return score(kept)


def _verdict(delta: dict[str, float]) -> str:
    """The pre-registered bar: type F1 up by 0.02, t+a+r F1, location and date not lower."""
    go = delta["type_F1"] >= 0.02 and all(delta[k] >= 0 for k in ("tar_F1", "loc", "date"))
    return "GO" if go else "NO-GO"


def score_held_out(
    rows: list[dict[str, Any]], test: list[dict[str, Any]], c: float, fixed: float | None
) -> None:
    """Score a held-out batch unfiltered and filtered by a model of all of `rows` (the same
    scorer as the CV), and print the pre-registered verdict on it."""
    t, probs = evaluate_split(rows, test, c, fixed)
    before = score([(r["gold"], r["preds"]) for r in test])
    after = score(_filtered(test, probs, t))
    print(f"test {len(test)} documents, {sum(len(r['gold']) for r in test)} gold events")
    print("test unfiltered   ", before)
    print(f"test filtered t={t}", after)
    delta = {k: round(after[k] - before[k], 4) for k in before}
    print("test delta        ", delta)
    print("test decision     ", _verdict(delta), "(type F1 +0.02, t+a+r/loc/date not lower)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of parsed features")
    ap.add_argument("--C", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--threshold", type=float, default=None, help="fix t instead of inner CV")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=3, help="CV repeats with other fold splits")
    ap.add_argument("--test", type=Path, default=None, help="held-out gold file to score")
    args = ap.parse_args()
    if args.cache is not None and args.cache.exists():
        rows = pickle.loads(args.cache.read_bytes())
    else:
        rows = parse_all(args.data, args.gold)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(rows))
    n = sum(len(r["labels"]) for r in rows)
    pos = sum(sum(r["labels"]) for r in rows)
    print(f"{len(rows)} documents, {n} predictions, {pos} matched ({pos / max(1, n):.3f})")
    print("unfiltered        ", score([(r["gold"], r["preds"]) for r in rows]))
    base = score([(r["gold"], r["preds"]) for r in rows])
    deltas: list[dict[str, float]] = []
    for seed in range(13, 13 + args.seeds):
        cv = cross_validate(rows, args.folds, seed, args.C, args.threshold)
        deltas.append({k: round(cv[k] - base[k], 4) for k in base})
        print(f"CV seed {seed:<3}      ", cv)
    if deltas:
        mean = {k: round(sum(d[k] for d in deltas) / len(deltas), 4) for k in base}
        print("CV mean delta     ", mean)
        print("decision          ", _verdict(mean), "(type F1 +0.02, t+a+r/loc/date not lower)")
    if args.test is not None:
        score_held_out(rows, parse_all(args.data, args.test), args.C, args.threshold)
    fresh = [r for r in rows if r["doc_id"] in FRESH]
    if fresh:
        rest = [r for r in rows if r["doc_id"] not in FRESH]
        t, probs = evaluate_split(rest, fresh, args.C, args.threshold)
        print("fresh unfiltered  ", score([(r["gold"], r["preds"]) for r in fresh]))
        print(f"fresh filtered t={t}", score(_filtered(fresh, probs, t)))
    if args.out is not None:
        t = args.threshold if args.threshold is not None else choose_threshold(rows, args.C)
        model = _fit(rows, args.C)
        vec, lr = model.steps[0][1], model.steps[1][1]
        weights = dict(zip(vec.get_feature_names_out(), lr.coef_[0], strict=True))
        args.out.write_text(
            json.dumps(
                {
                    "intercept": round(float(lr.intercept_[0]), 5),
                    "threshold": t,
                    "weights": {k: round(float(v), 5) for k, v in sorted(weights.items())},
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print("wrote", args.out, "threshold", t)
        for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:20]:
            print(f"  {v:+.3f} {k}")


if __name__ == "__main__":
    main()
