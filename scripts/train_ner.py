"""Train lagebild's German NER (`lagebild_ner`: a tagger over BIO tags, own tok2vec; PER, LOC,
ORG, MISC).

Usage (from the repository root, single thread, logs under training/):

    python scripts/ner_silver.py --teacher TEACHER --out training/ner/silver.spacy
    OMP_NUM_THREADS=1 python scripts/train_ner.py --data ../shared/data/ner-de \
        --silver training/ner/silver.spacy --out src/lagebild/models/de_lagebild_ner

Training data: GermEval 2014 dev (minus a held-out slice used to pick the best checkpoint and
the decoding threshold), SmartData v1 train + v3 dev, a down-sample of LER (3,000 sentences
with and 500 without entities; this makes the weights CC BY-NC-SA), gazetteer name-swap copies
of GermEval/LER sentences, and silver docs: Wikinews/Bundestag text annotated by the earlier,
slower transition-based model (TEACHER; see docs/ner.md). `--config configs/ner_transition.cfg`
trains such a transition-based model. GermEval test, Europarl and the SmartData test files are
never read here (see scripts/ner_eval.py for the report).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.cli.train import train as spacy_train  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402
from thinc.api import Config  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402

import lagebild.nlp.ner_tagger  # noqa: E402,F401  (registers the "lagebild_ner" factory)
from lagebild.nlp.evaluate_ner import read_germeval  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)


@spacy.registry.callbacks("lagebild.load_ner_tok2vec.v1")
def make_tok2vec_loader(path: str) -> Callable[[Language], Language]:
    """after_init callback: load `spacy pretrain` weights into the ner's own tok2vec.

    spaCy's `init_tok2vec` can only address a layer by name, and the transition-based ner's
    "tok2vec" ref is the Tok2Vec chained with a projection, so we load into it ourselves.
    """

    def load(nlp: Language) -> Language:
        tok2vec = nlp.get_pipe("ner").model.get_ref("tok2vec")  # type: ignore[attr-defined]
        if nlp.get_pipe_meta("ner").factory == "ner":
            tok2vec = tok2vec.layers[0]
        tok2vec.from_bytes(Path(path).read_bytes())
        print(f"loaded pretrained tok2vec weights from {path}", flush=True)
        return nlp

    return load


def parse_args() -> argparse.Namespace:
    """Command-line options; defaults are the settings of the shipped model."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data" / "ner-de")
    ap.add_argument("--gazetteers", type=Path,
                    default=REPO / ".." / "shared" / "data" / "gazetteers")
    ap.add_argument("--out", type=Path, default=REPO / "src/lagebild/models/de_lagebild_ner")
    ap.add_argument("--config", type=Path, default=REPO / "configs" / "ner.cfg")
    ap.add_argument("--work", type=Path, default=REPO / "training" / "ner")
    ap.add_argument("--holdout", type=int, default=300,
                    help="GermEval dev sentences held out for model selection")
    ap.add_argument("--germeval-repeat", type=int, default=3,
                    help="copies of the (small, in-domain) GermEval training part")
    ap.add_argument("--germeval-limit", type=int, default=None,
                    help="use only the first N GermEval training sentences (learning curves)")
    ap.add_argument("--ler-with", type=int, default=3000, help="LER sentences with entities")
    ap.add_argument("--ler-without", type=int, default=500, help="LER sentences without")
    ap.add_argument("--augment", type=int, default=2000,
                    help="extra GermEval/LER sentences with gazetteer names swapped in")
    ap.add_argument("--silver", type=Path, default=None,
                    help="teacher-annotated docs to add (DocBin from scripts/ner_silver.py)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--init-tok2vec", type=Path, default=None,
                    help="weights from `spacy pretrain configs/ner_pretrain.cfg` (model*.bin)")
    ap.add_argument("--vectors", type=Path, default=None,
                    help="spaCy vectors model from scripts/train_vectors.py (floret); sets "
                    "paths.vectors and include_static_vectors, the table is saved in the model")
    ap.add_argument("--run", default="model", help="sub-folder of --work for this run")
    ap.add_argument("--skip-convert", action="store_true", help="reuse the converted .spacy")
    ap.add_argument("--convert-only", action="store_true")
    ap.add_argument("overrides", nargs="*", help="config overrides, e.g. training.max_steps=4000")
    return ap.parse_args()


def convert(args: argparse.Namespace) -> dict[str, int]:
    """Write train.spacy and dev.spacy under the work folder; returns corpus sizes."""
    nlp = spacy.blank("de")
    rng = random.Random(args.seed)
    germeval = read_germeval(args.data / "germeval2014" / "NER-de-dev.tsv")
    rng.shuffle(germeval)
    dev, ge_train = germeval[: args.holdout], germeval[args.holdout :]
    if args.germeval_limit is not None:
        ge_train = ge_train[: args.germeval_limit]
    ler = ner_data.ler_sample(sorted((args.data / "ler").glob("*.conll")),
                              args.ler_with, args.ler_without, args.seed)
    augmented = []
    if args.augment:
        surnames = ner_data.load_list(args.gazetteers / "personennamen.list")
        towns = ner_data.load_list(args.gazetteers / "stadtnamen.list")
        augmented = ner_data.augment_names(ge_train + ler, surnames, towns, args.augment,
                                           args.seed)
    smart = (ner_data.smartdata_docs(nlp, args.data / "smartdata" / "v1_20180119_train.json.gz")
             + ner_data.smartdata_docs(nlp, args.data / "smartdata" / "v3_20200302_dev.json.gz"))
    train_docs: list[Doc] = []
    for _ in range(args.germeval_repeat):
        train_docs.extend(ner_data.gold_to_doc(nlp, s) for s in ge_train)
    train_docs.extend(ner_data.gold_to_doc(nlp, s) for s in ler + augmented)
    train_docs.extend(smart)
    silver = list(DocBin().from_disk(args.silver).get_docs(nlp.vocab)) if args.silver else []
    train_docs.extend(silver)
    rng.shuffle(train_docs)
    args.work.mkdir(parents=True, exist_ok=True)
    DocBin(docs=train_docs).to_disk(args.work / "train.spacy")
    DocBin(docs=[ner_data.gold_to_doc(nlp, s) for s in dev]).to_disk(args.work / "dev.spacy")
    sizes = {
        "germeval_train_sentences": len(ge_train),
        "germeval_train_tokens": sum(len(s.words) for s in ge_train),
        "germeval_repeat": args.germeval_repeat,
        "germeval_holdout_sentences": len(dev),
        "smartdata_segments": len(smart),
        "smartdata_tokens": sum(len(d) for d in smart),
        "ler_sentences": len(ler),
        "ler_tokens": sum(len(s.words) for s in ler),
        "augmented_sentences": len(augmented),
        "silver_docs": len(silver),
        "silver_tokens": sum(len(d) for d in silver),
        "train_docs": len(train_docs),
        "train_tokens": sum(len(d) for d in train_docs),
    }
    (args.work / "data_sizes.json").write_text(json.dumps(sizes, indent=2))
    print(json.dumps(sizes, indent=2), flush=True)
    return sizes


def parse_overrides(items: list[str]) -> dict[str, object]:
    """`section.key=value` pairs; values parsed as JSON when possible."""
    out: dict[str, object] = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def licence(args: argparse.Namespace) -> str:
    """Strictest licence among the data used: LER and the silver text (Wikinews quotes corpus)
    count as BY-NC-SA, the OSM towns as BY-SA."""
    if args.ler_with or args.ler_without or args.silver:
        return "CC BY-NC-SA 4.0"
    return "CC BY-SA 4.0" if args.augment else "CC BY 4.0"


def main() -> None:
    """Convert, train, and copy the best model (by held-out GermEval F1) to --out."""
    args = parse_args()
    if not args.skip_convert:
        convert(args)
    if args.convert_only:
        return
    overrides = {"paths.train": str(args.work / "train.spacy"),
                 "paths.dev": str(args.work / "dev.spacy"),
                 "system.seed": args.seed}
    if args.init_tok2vec:
        overrides["initialize.after_init"] = {"@callbacks": "lagebild.load_ner_tok2vec.v1",
                                              "path": str(args.init_tok2vec.resolve())}
    if args.vectors:
        overrides["paths.vectors"] = str(args.vectors.resolve())
        overrides["components.ner.model.tok2vec.embed.include_static_vectors"] = True
    overrides.update(parse_overrides(args.overrides))
    model_dir = args.work / args.run
    spacy_train(args.config, model_dir, use_gpu=-1, overrides=overrides)
    best = model_dir / "model-best"
    nlp = spacy.load(best)
    nlp._config["initialize"]["after_init"] = None  # the callback lives in this script only
    nlp._config["paths"]["vectors"] = None  # the vectors table is saved in the model's vocab
    nlp._config["initialize"]["vectors"] = None
    nlp.meta.update({"name": "lagebild_ner", "version": "0.1.0",
                     "description": "lagebild German NER (PER, LOC, ORG, MISC), own tok2vec; "
                     + nlp.get_pipe_meta("ner").factory,
                     "license": licence(args)})
    if args.out.exists():
        for child in args.out.iterdir():
            if child.name != "MODEL_CARD.md":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    nlp.to_disk(args.out)
    if nlp.get_pipe_meta("ner").factory == "lagebild_ner":
        tune_threshold(nlp, args.work / "dev.spacy", args.out)
    print(f"best model written to {args.out}", flush=True)


def tune_threshold(nlp: Language, dev_path: Path, out: Path) -> float:
    """Pick the tagger NER's `o_threshold` by held-out F1 and store it in `out`'s config.

    Why: the model is more precise than complete; entity tokens whose P(O) is just above the
    others' are worth taking. Only the held-out GermEval slice is used, never a test set.
    """
    dev = list(DocBin().from_disk(dev_path).get_docs(nlp.vocab))
    pipe = nlp.get_pipe("ner")
    scores: dict[float, float] = {}
    for threshold in THRESHOLDS:
        pipe.o_threshold = threshold  # type: ignore[attr-defined]
        examples = [Example(nlp.make_doc(d.text), d) for d in dev]
        scores[threshold] = nlp.evaluate(examples)["ents_f"]
    best = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
    config = Config().from_disk(out / "config.cfg")
    config["components"]["ner"]["o_threshold"] = best
    config.to_disk(out / "config.cfg")
    print(f"held-out F1 by o_threshold: {json.dumps(scores)}; using {best}", flush=True)
    return best


if __name__ == "__main__":
    main()
