"""Collect unlabelled German text for `spacy pretrain` of the NER's tok2vec (JSONL, {"text"}).

Only training-side text is used: Wikinews (quotes-de-news train), Bundestag speeches
(quotes-de-debates train), SmartData v1 train + v3 dev, GermEval 2014 dev, and a sample of
LER. Never GermEval test, Europarl, the SmartData test files or the quotes dev splits (the
quotes-de-news dev texts are the speed benchmark's documents and the quotes stage's tuning set).
The collectors are shared with scripts/train_vectors.py.

    python scripts/ner_pretrain_text.py --shared ../shared/data --out training/ner/pretrain.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402

from lagebild.nlp.evaluate_ner import read_germeval  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def news_texts(root: Path, splits: tuple[str, ...] = ("train",)) -> Iterator[str]:
    """Paragraphs of the Wikinews articles of `splits` (only "train" by default)."""
    for path in sorted(p for split in splits for p in (root / split).glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
        yield from (p.strip() for p in text.split("\n") if p.strip())


def debate_texts(root: Path, splits: tuple[str, ...] = ("train",)) -> Iterator[str]:
    """Sentences of the Bundestag speeches of `splits` (pre-tokenised; joined with spaces)."""
    for path in sorted(p for split in splits for p in (root / split).glob("*.json")):
        for sent in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
            yield " ".join(sent["Tokens"])


def smartdata_texts(root: Path) -> Iterator[str]:
    """Lines of the SmartData training documents."""
    for name in ("v1_20180119_train.json.gz", "v3_20200302_dev.json.gz"):
        for obj in ner_data._json_objects(root / name):
            yield from (ln.strip() for ln in obj["text"]["string"].split("\n") if ln.strip())


def main() -> None:
    """Write the JSONL and print how many texts and words each source gave."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO / ".." / "shared" / "data")
    ap.add_argument("--out", type=Path, default=REPO / "training" / "ner" / "pretrain.jsonl")
    ap.add_argument("--ler-sentences", type=int, default=15000)
    args = ap.parse_args()
    ner = args.shared / "ner-de"
    ler = [" ".join(s.words) for p in sorted((ner / "ler").glob("*.conll"))
           for s in ner_data.read_ler(p)]
    random.Random(0).shuffle(ler)
    sources = {
        "news": list(news_texts(args.shared / "quotes-de-news")),
        "debates": list(debate_texts(args.shared / "quotes-de-debates")),
        "smartdata": list(smartdata_texts(ner / "smartdata")),
        "germeval_dev": [" ".join(s.words)
                         for s in read_germeval(ner / "germeval2014" / "NER-de-dev.tsv")],
        "ler": ler[: args.ler_sentences],
    }
    texts = [t for ts in sources.values() for t in ts]
    random.Random(1).shuffle(texts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    for name, ts in sources.items():
        print(name, len(ts), sum(len(t.split()) for t in ts))


if __name__ == "__main__":
    main()
