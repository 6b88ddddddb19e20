"""Quality gate: the quotation stage on the corpus's dev split keeps its measured level.

Minimums live in `eval_gate.json` (slightly below the measured values). The test evaluates
the first `subset_docs` dev documents to stay fast; `LAGEBILD_FULL_GATE=1` runs all of dev.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from spacy.language import Language

from lagebild.quotes.evaluate import evaluate_quotes
from tests.conftest import shared_path

GATE = json.loads((Path(__file__).parent / "eval_gate.json").read_text(encoding="utf-8"))


def test_dev_gate(nlp: Language, tmp_path: Path) -> None:
    dev = shared_path("data", "quotes-de-news", "dev")
    full = os.environ.get("LAGEBILD_FULL_GATE") == "1"
    gate = GATE["dev_full"] if full else GATE["dev_subset"]
    res = evaluate_quotes(
        nlp, dev, write_predictions=tmp_path, limit=None if full else gate["docs"]
    )
    assert res["quote"]["f1"] >= gate["quote_f1"], res
    assert res["joint"]["f1"] >= gate["joint_f1"], res
    assert res["speaker"]["f1"] >= gate["speaker_f1"], res
    written = sorted(tmp_path.glob("*.json"))
    assert len(written) == res["documents"]
    doc = json.loads(written[0].read_text(encoding="utf-8"))
    assert {"annotations", "originalText", "tokens", "sentences"} <= set(doc)
