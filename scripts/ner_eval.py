"""Report lagebild NER scores on the evaluation-only sets (never used for training or tuning).

    python scripts/ner_eval.py --model src/lagebild/models/de_lagebild_ner \
        --data ../shared/data/ner-de --out training/ner/scores.json [--which dev]

* GermEval 2014 test (outer level, OTH→MISC, deriv/part→O) and Europarl test: gold tokens,
  scored with `lagebild.nlp.evaluate_ner` (exact spans). Europarl follows CoNLL-2003, where
  adjectives of names ("europäischen") are MISC; we do not tag those, so Europarl is also
  reported on PER/LOC/ORG only.
* SmartData v3 test: end to end on raw text with spaCy's tokenizer, gold character spans mapped
  like the training data (PER/LOC/ORG only: SmartData has no MISC, so predicted MISC spans are
  ignored there), exact character-span match.
* `--which dev` scores only development data instead: GermEval dev (mostly trained on: only the
  held-out slice of scripts/train_ner.py is unseen) and Europarl **dev** on PER/LOC/ORG, the
  second signal for choosing settings.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402

import lagebild.nlp.ner_tagger  # noqa: E402,F401  (registers the "lagebild_ner" factory)
from lagebild.nlp.evaluate_ner import evaluate_ner, score_spans  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def smartdata_eval(nlp: Language, path: Path) -> dict[str, Any]:
    """End-to-end character-span scores on SmartData (raw text, runtime tokenizer)."""
    segments = ner_data.smartdata_segments(path)
    gold, pred = [], []
    n_tokens = 0
    start = time.perf_counter()
    for (_text, spans), pdoc in zip(segments, nlp.pipe(t for t, _ in segments), strict=True):
        gold.append(set(spans))
        pred.append({(e.start_char, e.end_char, e.label_) for e in pdoc.ents
                     if e.label_ != "MISC"})
        n_tokens += len(pdoc)
    seconds = time.perf_counter() - start
    result = score_spans(gold, pred)
    result.update({"segments": len(segments), "tokens": n_tokens,
                   "tokens_per_second": round(n_tokens / seconds), "path": str(path)})
    return result


def main() -> None:
    """Load the model (timed), score the requested sets, print and save the JSON."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", type=Path, default=REPO / "src/lagebild/models/de_lagebild_ner")
    ap.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data" / "ner-de")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--which", choices=["test", "dev"], default="test")
    args = ap.parse_args()
    start = time.perf_counter()
    nlp = spacy.load(args.model)
    report: dict[str, Any] = {"model": str(args.model),
                              "load_seconds": round(time.perf_counter() - start, 3)}
    if args.which == "dev":
        report["germeval_dev"] = evaluate_ner(nlp, args.data / "germeval2014" / "NER-de-dev.tsv")
        report["europarl_dev_per_loc_org"] = evaluate_ner(
            nlp, args.data / "europarl" / "dev.tsv", labels=("PER", "LOC", "ORG"))
    else:
        report["germeval_test"] = evaluate_ner(
            nlp, args.data / "germeval2014" / "NER-de-test.tsv")
        report["europarl_test"] = evaluate_ner(nlp, args.data / "europarl" / "test.tsv")
        report["europarl_test_per_loc_org"] = evaluate_ner(
            nlp, args.data / "europarl" / "test.tsv", labels=("PER", "LOC", "ORG"))
        report["smartdata_v3_test"] = smartdata_eval(
            nlp, args.data / "smartdata" / "v3_20200302_test.json.gz")
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text)


if __name__ == "__main__":
    main()
