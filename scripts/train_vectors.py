"""Train compact floret word vectors for the NER's tok2vec on the German text we may train on.

Usage (from the repository root; needs the `train` extra, i.e. `pip install -e .[train]`):

    python scripts/train_vectors.py --shared ../shared/data --out training/vectors

Steps:

1. Collect raw text ONLY from training-side sources (collectors shared with
   scripts/ner_pretrain_text.py): quotes-de-news **train** paragraphs (Wikinews), quotes-de-debates
   **train** sentences (Bundestag), SmartData v1 train + v3 dev lines, GermEval 2014 **dev**
   sentences and a capped sample of LER (court decisions; legal text would otherwise dominate).
   Never GermEval test, Europarl, quotes-de-news dev, UD or any test split.
2. Tokenise every text with spaCy's German tokenizer (the model sees spaCy tokens) and write one
   text per line, tokens separated by spaces, case kept (spaCy looks vectors up by ORTH).
3. Train floret (`mode="floret"`: words and their character n-grams share one hashed table of
   `--bucket` rows, so every string gets a vector and the table stays small).
4. `spacy init vectors de ... --mode floret` into OUT/vectors_floret.
5. `--table words` (default): look up the floret vector of the `--max-words` most frequent
   corpus tokens and store them as an ordinary (default-mode) spaCy table in OUT/vectors_model,
   the folder that `scripts/train_ner.py --vectors` reads. Why: spaCy computes a floret vector
   from the word's hashed character n-grams on every call (in Python), which doubled the NER's
   time per document (12 → 24 ms); a default-mode row lookup costs < 1 ms per document. Tokens
   outside the table get a zero vector (they still have the NER's own NORM/PREFIX/SUFFIX/SHAPE
   features). `--table floret` keeps the hashed table instead (OOV-complete, slow).

The trained NER stores the table in its own vocab, so the product loads it with plain spaCy and
does not need floret. Size: rows × dim × 4 bytes (50,000 × 64 → 12.8 MB); keys are stored as
hashes only (no strings are added to the model).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy
import spacy
from spacy.strings import hash_string
from spacy.vectors import Vectors

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402
from ner_pretrain_text import debate_texts, news_texts, smartdata_texts  # noqa: E402

from lagebild.nlp.evaluate_ner import read_germeval  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def collect(shared: Path, ler_cap: int, seed: int) -> dict[str, list[str]]:
    """Raw texts by source (training-side data only; see the module docstring)."""
    ner = shared / "ner-de"
    ler = [
        " ".join(s.words)
        for p in sorted((ner / "ler").glob("*.conll"))
        for s in ner_data.read_ler(p)
    ]
    random.Random(seed).shuffle(ler)
    return {
        "news_train": list(news_texts(shared / "quotes-de-news", ("train",))),
        "debates_train": list(debate_texts(shared / "quotes-de-debates", ("train",))),
        "smartdata_v1train_v3dev": list(smartdata_texts(ner / "smartdata")),
        "germeval_dev": [
            " ".join(s.words) for s in read_germeval(ner / "germeval2014" / "NER-de-dev.tsv")
        ],
        "ler": ler[:ler_cap],
    }


def write_corpus(sources: dict[str, list[str]], path: Path, seed: int) -> dict[str, int]:
    """Tokenise with spaCy's German tokenizer; one text per line. Returns tokens per source."""
    nlp = spacy.blank("de")
    counts: dict[str, int] = {}
    lines: list[str] = []
    for name, texts in sources.items():
        n = 0
        for doc in nlp.tokenizer.pipe(texts, batch_size=1000):
            tokens = [t.text for t in doc if not t.is_space]
            if tokens:
                lines.append(" ".join(tokens))
                n += len(tokens)
        counts[name] = n
    random.Random(seed).shuffle(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts


def words_table(floret_model: Path, corpus: Path, max_words: int, out: Path) -> int:
    """Store the floret vectors of the most frequent corpus tokens as a default-mode table."""
    counts = Counter(corpus.read_text(encoding="utf-8").split())
    words = [w for w, _ in counts.most_common(max_words)]
    floret_vectors = spacy.load(floret_model).vocab.vectors
    data = numpy.ascontiguousarray(floret_vectors.get_batch(words), dtype="float32")
    nlp = spacy.blank("de")
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings,
        data=data,
        keys=[hash_string(w) for w in words],
        name="lagebild_floret",
    )
    nlp.to_disk(out)
    return len(words)


def main() -> None:
    """Collect, tokenise, train floret, convert to a spaCy vectors model."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=REPO / ".." / "shared" / "data")
    ap.add_argument("--out", type=Path, default=REPO / "training" / "vectors")
    ap.add_argument("--ler-cap", type=int, default=20000, help="LER sentences at most")
    ap.add_argument("--model", choices=["cbow", "skipgram"], default="cbow")
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--bucket", type=int, default=50000)
    ap.add_argument("--minn", type=int, default=4)
    ap.add_argument("--maxn", type=int, default=5)
    ap.add_argument("--hash-count", type=int, default=2)
    ap.add_argument("--epoch", type=int, default=10)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--ws", type=int, default=5, help="context window")
    ap.add_argument("--neg", type=int, default=10, help="negative samples")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument(
        "--table",
        choices=["words", "floret"],
        default="words",
        help="what OUT/vectors_model holds (see above)",
    )
    ap.add_argument(
        "--max-words",
        type=int,
        default=50000,
        help="rows of the words table (most frequent corpus tokens)",
    )
    ap.add_argument(
        "--convert-only",
        action="store_true",
        help="only rebuild OUT/vectors_model from OUT/vectors_floret",
    )
    ap.add_argument("--seed", type=int, default=0, help="shuffling seed (floret: one thread)")
    ap.add_argument("--reuse-corpus", action="store_true", help="keep OUT/corpus.txt")
    args = ap.parse_args()
    corpus = args.out / "corpus.txt"
    if args.convert_only:
        n = words_table(
            args.out / "vectors_floret", corpus, args.max_words, args.out / "vectors_model"
        )
        print(f"{n} words: {args.out / 'vectors_model'}", flush=True)
        return

    import floret  # training-time only: the `train` extra

    args.out.mkdir(parents=True, exist_ok=True)
    info: dict[str, object] = {
        "settings": {
            k: v for k, v in vars(args).items() if k not in ("shared", "out", "reuse_corpus")
        }
    }
    counts_path = args.out / "corpus_tokens.json"
    if not (args.reuse_corpus and corpus.exists() and counts_path.exists()):
        counts = write_corpus(collect(args.shared, args.ler_cap, args.seed), corpus, args.seed)
        counts_path.write_text(json.dumps(counts, indent=2))
        print(json.dumps(counts), flush=True)
    counts = json.loads(counts_path.read_text())
    info["tokens_by_source"] = counts
    info["tokens"] = sum(counts.values())
    start = time.perf_counter()
    model = floret.train_unsupervised(
        str(corpus),
        model=args.model,
        mode="floret",
        dim=args.dim,
        bucket=args.bucket,
        minn=args.minn,
        maxn=args.maxn,
        hashCount=args.hash_count,
        epoch=args.epoch,
        minCount=args.min_count,
        ws=args.ws,
        neg=args.neg,
        thread=args.threads,
        verbose=1,
    )
    info["train_seconds"] = round(time.perf_counter() - start, 1)
    info["words_in_vocab"] = len(model.words)
    floret_path = args.out / "vectors.floret"
    model.save_floret_vectors(str(floret_path))
    floret_model = args.out / "vectors_floret"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "de",
            str(floret_path),
            str(floret_model),
            "--mode",
            "floret",
        ],
        check=True,
    )
    floret_path.unlink()  # large text file; the spaCy vectors model holds the table
    vectors_model = args.out / "vectors_model"
    if args.table == "words":
        info["table_words"] = words_table(floret_model, corpus, args.max_words, vectors_model)
    else:
        if vectors_model.exists():
            shutil.rmtree(vectors_model)
        shutil.copytree(floret_model, vectors_model)
    (args.out / "vectors_info.json").write_text(json.dumps(info, indent=2))
    print(json.dumps(info, indent=2), flush=True)
    print(f"spaCy vectors model: {vectors_model}", flush=True)


if __name__ == "__main__":
    main()
