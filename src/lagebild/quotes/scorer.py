"""A small logistic-regression scorer that keeps or drops rule candidates.

Weights are a JSON file (feature -> weight, one weight vector per candidate kind) under
`lagebild/models/quotes/`; `scripts/train_quotes.py` fits them on the quotation corpus.
Without the file every candidate gets a prior from hand-set defaults, so the stage still works.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.quotes.rules import Candidate

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "quotes"
WEIGHTS_FILE = MODEL_DIR / "scorer.json"

# Used only when no trained weights are present: keep what the rules are confident about.
DEFAULT_WEIGHTS: dict[str, dict[str, float]] = {
    "direct": {
        "bias": -1.0,
        "len4_8": 1.2,
        "len9+": 2.5,
        "has_finite": 1.0,
        "cue_verb": 1.5,
        "after_colon": 1.5,
        "nested_in_clause": 1.5,
        "has_final": 1.0,
        "all_cap": -1.0,
        "prev_det": -1.0,
    },
    "indirect": {
        "bias": 0.0,
        "konj": 1.5,
        "dass": 1.5,
        "cue_prep": 1.0,
        "cue_postp": 1.0,
        "cue_nach": 1.0,
        "rel_start": -1.5,
        "cue_adv": -2.0,
    },
    "reported": {"bias": -0.5, "verb_reported": 1.0},
    "free_indirect": {"bias": -0.5, "fi_dist1": 1.0, "fi_cond": -1.5, "fi_dist3+": -1.0},
}


@dataclass
class Scorer:
    """Per-kind linear models with a decision threshold per kind."""

    weights: dict[str, dict[str, float]] = field(default_factory=lambda: DEFAULT_WEIGHTS)
    thresholds: dict[str, float] = field(default_factory=lambda: {k: 0.5 for k in DEFAULT_WEIGHTS})

    def probability(self, cand: Candidate) -> float:
        """P(candidate is a quote) under the linear model of its kind."""
        w = self.weights.get(cand.kind, {})
        get = w.get
        # (a list is summed faster than a generator; `sum` adds the same terms in order)
        z = sum([get(k, 0.0) * v for k, v in cand.features.items()])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, cand: Candidate, prob: float) -> bool:
        """Decision with the tuned per-kind threshold."""
        return prob >= self.thresholds.get(cand.kind, 0.5)

    def save(self, path: Path = WEIGHTS_FILE) -> None:
        """Write weights and thresholds as JSON."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"weights": self.weights, "thresholds": self.thresholds}
        path.write_text(
            json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8"
        )

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Scorer:
        """Trained weights when present, else the defaults."""
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], thresholds=data.get("thresholds", {}))


def fit_logistic(
    rows: list[tuple[dict[str, float], int]], epochs: int = 30, lr: float = 0.2, l2: float = 1e-3
) -> dict[str, float]:
    """Plain SGD logistic regression over sparse feature dicts (small data, no extra dependency)."""
    w: dict[str, float] = {}
    for epoch in range(epochs):
        step = lr / (1.0 + 0.2 * epoch)
        for feats, y in rows:
            z = sum(w.get(k, 0.0) * v for k, v in feats.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            for k, v in feats.items():
                w[k] = w.get(k, 0.0) - step * (g * v + l2 * w.get(k, 0.0))
    return {k: round(v, 4) for k, v in w.items() if abs(v) > 1e-4}
