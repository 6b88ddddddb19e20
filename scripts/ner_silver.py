"""Silver NER data: unlabelled training-side text annotated by a teacher model (distillation).

Why: the fast tagger-based NER has a small tok2vec and only ~2,000 in-domain gold sentences;
it over-fits after one or two epochs. Letting it also learn the (slower, larger) teacher's
entities on a few hundred thousand tokens of unlabelled news and debate text regularises it.

Texts: paragraphs of quotes-de-news `train` (Wikinews, CC BY-NC-SA 4.0) and sentences of
quotes-de-debates `train` (Bundestag speeches, CC BY-SA 4.0). Never any NER test file.

    python scripts/ner_silver.py --teacher training/ner/transition/model-best \
        --shared ../shared/data --out training/ner/silver.spacy
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

import lagebild.nlp.ner_tagger  # noqa: E402,F401  (a tagger-based teacher needs the factory)

REPO = Path(__file__).resolve().parents[1]


def news_paragraphs(root: Path) -> Iterator[str]:
    """Paragraphs of the Wikinews training articles (the production domain)."""
    for path in sorted((root / "train").glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
        yield from (p.strip() for p in text.split("\n") if p.strip())


def debate_sentences(root: Path) -> Iterator[str]:
    """Sentences of the training speeches (pre-tokenised in the corpus; joined with spaces)."""
    for path in sorted((root / "train").glob("*.json")):
        for sent in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
            yield " ".join(sent["Tokens"])


def main() -> None:
    """Annotate the texts with the teacher and write one DocBin (entities only)."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--teacher", type=Path, required=True, help="saved NER pipeline")
    ap.add_argument("--shared", type=Path, default=REPO / ".." / "shared" / "data")
    ap.add_argument("--out", type=Path, default=REPO / "training" / "ner" / "silver.spacy")
    ap.add_argument("--debates", type=int, default=8000, help="debate sentences to use (max)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    teacher = spacy.load(args.teacher)
    debates = list(debate_sentences(args.shared / "quotes-de-debates"))
    random.Random(args.seed).shuffle(debates)
    texts = list(news_paragraphs(args.shared / "quotes-de-news")) + debates[: args.debates]
    docs = list(teacher.pipe(texts, batch_size=64))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ENT_IOB", "ENT_TYPE"], docs=docs).to_disk(args.out)
    print(json.dumps({"docs": len(docs), "tokens": sum(len(d) for d in docs),
                      "entities": sum(len(d.ents) for d in docs)}), flush=True)


if __name__ == "__main__":
    main()
