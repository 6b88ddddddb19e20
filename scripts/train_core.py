"""Train and assemble lagebild's German core model (`src/lagebild/models/de_lagebild_core`).

Steps (each can be skipped, so a long training run and the assembly can be done separately):

1. `core_data.build_splits`: UD German-GSD test + PUD test → train (7/8) and tune (1/8) DocBins;
   GSD dev → eval DocBin. GSD dev is never trained or tuned on: it gives the reported scores.
2. Teacher: a larger core (`configs/core_teacher.cfg`, the 0.1.0 model's architecture) trained
   on the gold train split, or an existing one given with `--teacher`.
3. `core_data.build_silver`: the teacher tags and parses the GermEval 2014 NER dev sentences
   (CC BY 4.0) → silver DocBin beside a copy of the gold train split.
4. `spacy train configs/core.cfg` on one thread (tok2vec + tagger + morphologizer + parser,
   small and fast) on gold + silver; the tune slice selects the best checkpoint.
5. Assembly: the best checkpoint, minus any trainable lemmatizer, plus the rule components
   `lagebild_lemmatizer` (table from simplemma, `core_lemma_table.py`, + POS rules) and
   `lagebild_mood` (Konjunktiv rules), with meta (licence CC BY-SA 4.0, sources), saved to
   the package's model folder.
6. `core_eval.evaluate`: scores on GSD dev, written beside the training run.

Usage:
    OMP_NUM_THREADS=1 python scripts/train_core.py [--run training/core/run3]
        [--teacher training/core/run2/model-best] [--skip-train]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import core_data  # noqa: E402
import core_eval  # noqa: E402
import core_lemma_table  # noqa: E402

import lagebild.nlp.lemmatizer  # noqa: E402,F401  (registers "lagebild_lemmatizer")
import lagebild.nlp.morphology  # noqa: E402,F401  (registers "lagebild_mood")

MODEL_DIR = ROOT / "src" / "lagebild" / "models" / "de_lagebild_core"
META = {
    "name": "lagebild_core",
    "version": "0.2.0",
    "description": (
        "lagebild German core: tagger (STTS), morphologizer (UPOS + UD features), dependency "
        "parser (UD), dictionary lemmatizer (simplemma-derived table + POS rules), "
        "Konjunktiv mood rules. "
        "Trained on UD German-GSD test + German-PUD test and GermEval 2014 dev sentences "
        "annotated by a larger teacher core; evaluated on UD German-GSD dev."
    ),
    "license": "CC BY-SA 4.0",
    "author": "lagebild",
    "sources": [
        {"name": "UD German-GSD", "license": "CC BY-SA 4.0",
         "url": "https://github.com/UniversalDependencies/UD_German-GSD"},
        {"name": "UD German-PUD", "license": "CC BY-SA 3.0",
         "url": "https://github.com/UniversalDependencies/UD_German-PUD"},
        {"name": "GermEval 2014 NER dev sentences (text only, machine-annotated)",
         "license": "CC BY 4.0", "url": "https://sites.google.com/site/germeval2014ner/"},
        {"name": "simplemma (German lemma dictionary, filtered)", "license": "MIT",
         "url": "https://github.com/adbar/simplemma"},
        {"name": "spacy-lookups-data (de_lexeme_prob, used as a filter)", "license": "MIT",
         "url": "https://github.com/explosion/spacy-lookups-data"},
    ],
}


TUNE_KEYS = ("tag_acc", "pos_acc", "morph_acc", "dep_uas", "dep_las")


def record_scores(out: Path, scores: dict[str, Any]) -> None:
    """Add the GSD-dev scores (spaCy tokenizer, i.e. as in production) to the model's meta."""
    meta_path = out / "meta.json"
    meta = srsly.read_json(meta_path)
    raw = scores["raw"]
    meta["performance"].update({"gsd_dev_" + k: v for k, v in raw.items() if k != "words_per_s"})
    meta["performance"]["gsd_dev_konjunktiv_f"] = scores["mood"]["konjunktiv_rules"]["f"]
    srsly.write_json(meta_path, meta)


def train(config: Path, train_path: Path, tune_path: Path, run: Path, extra: list[str]) -> None:
    """Run `spacy train` single-threaded (the machine is shared).

    `train_path` is a DocBin or a folder of DocBins (gold + silver).
    """
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [
        sys.executable, "-m", "spacy", "train", str(config),
        "--output", str(run),
        "--paths.train", str(train_path),
        "--paths.dev", str(tune_path),
        *extra,
    ]
    subprocess.run(cmd, check=True, env=env)


def student_corpus(teacher: Path, corpus: Path, silver_tsv: Path) -> Path:
    """Folder with the gold train split and the teacher's silver sentences (step 3)."""
    folder = corpus / "student"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(corpus / "train.spacy", folder / "train.spacy")
    tokens = core_data.build_silver(spacy.load(teacher), silver_tsv, folder / "silver.spacy")
    print(f"silver: {tokens} tokens from {silver_tsv.name}")
    return folder


def assemble(trained: Path, out: Path) -> Language:
    """Best checkpoint + rule components + meta → `out` (replaces what is there)."""
    nlp = spacy.load(trained)
    if "trainable_lemmatizer" in nlp.pipe_names:
        nlp.remove_pipe("trainable_lemmatizer")
    lemmatizer = nlp.add_pipe("lagebild_lemmatizer", last=True)
    lemmatizer.table = core_lemma_table.build_table()
    nlp.add_pipe("lagebild_mood", last=True)
    performance = nlp.meta.get("performance", {})
    nlp.meta.update(META)
    nlp.meta["performance"] = {"tune_" + k: round(v, 4) for k, v in performance.items()
                               if k in TUNE_KEYS and isinstance(v, float)}
    out.mkdir(parents=True, exist_ok=True)
    for child in out.iterdir():  # no stale files from an earlier model; keep the card
        if child.name != "MODEL_CARD.md":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    nlp.to_disk(out)
    return nlp


def main() -> None:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description="Train + assemble the lagebild core model.")
    ap.add_argument("--ud-dir", type=Path, default=ROOT / ".." / "shared" / "data" / "ud-de")
    ap.add_argument("--config", type=Path, default=ROOT / "configs" / "core.cfg")
    ap.add_argument("--teacher-config", type=Path,
                    default=ROOT / "configs" / "core_teacher.cfg")
    ap.add_argument("--teacher", type=Path, default=None,
                    help="trained teacher core (default: train one into <run>-teacher)")
    ap.add_argument("--silver-tsv", type=Path, default=ROOT / ".." / "shared" / "data" /
                    "ner-de" / "germeval2014" / "NER-de-dev.tsv")
    ap.add_argument("--corpus", type=Path, default=ROOT / "training" / "core" / "corpus")
    ap.add_argument("--run", type=Path, default=ROOT / "training" / "core" / "run3")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--skip-train", action="store_true", help="assemble an existing run")
    ap.add_argument("--checkpoint", default="model-best")
    args, extra = ap.parse_known_args()
    print(core_data.build_splits(args.ud_dir, args.corpus))
    if not args.skip_train:
        teacher = args.teacher
        if teacher is None:
            teacher_run = args.run.with_name(args.run.name + "-teacher")
            if not (teacher_run / "model-best").exists():
                train(args.teacher_config, args.corpus / "train.spacy",
                      args.corpus / "tune.spacy", teacher_run, [])
            teacher = teacher_run / "model-best"
        folder = student_corpus(teacher, args.corpus, args.silver_tsv)
        train(args.config, folder, args.corpus / "tune.spacy", args.run, extra)
    nlp = assemble(args.run / args.checkpoint, args.out)
    scores = core_eval.evaluate(nlp, args.corpus / "eval.spacy")
    (args.run / "eval_gsd_dev.json").write_text(json.dumps(scores, indent=1))
    record_scores(args.out, scores)
    print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
