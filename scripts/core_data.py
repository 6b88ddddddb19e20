"""Convert UD German CoNLL-U files into spaCy DocBins for training the lagebild core model.

Why a converter of our own rather than `spacy convert`: the two treebanks we have (GSD and
PUD) annotate the same things differently, and a model trained on the mix must see one
convention. We harmonise PUD towards GSD (the treebank we report on):

* finite verbs get `VerbForm=Fin` (PUD leaves it out), PUD participles (`Tense=Past` only,
  XPOS `VBN`) become `VerbForm=Part`, bare PUD verbs become `VerbForm=Inf`;
* `Degree` on adverbs (PUD only), `Voice` (GSD only) and `Typo` are dropped everywhere;
* PUD-only relation subtypes are mapped to the GSD label (`acl:relcl`→`acl`, …);
* PUD's XPOS is not STTS, so PUD tokens carry no tag (the tagger treats it as missing).

Multi-word tokens ("zum" = "zu" + "dem") are merged back into one token, because spaCy's German
tokenizer keeps them whole: the merged token takes the preposition's lemma, head and relation,
the article's case/gender/number, and the STTS tag `APPRART`.

`build_silver` adds machine-annotated ("silver") training sentences: a larger trained core (the
teacher) tags and parses the GermEval 2014 NER dev sentences (CC BY 4.0; their own tokens), and
the smaller shipped core learns from gold + silver (see `docs/core.md`).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

DROP_FEATS = {"Voice", "Typo"}
DEPREL_MAP = {
    "acl:relcl": "acl",
    "flat:name": "flat",
    "nmod:poss": "nmod",
    "obl:tmod": "obl",
    "cc:preconj": "cc",
    "csubj:pass": "csubj",
}
MWT_KEEP_FEATS = ("Case", "Gender", "Number")


@dataclass
class Row:
    """One syntactic word of a CoNLL-U sentence (10 columns)."""

    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str]
    head: int
    deprel: str
    space_after: bool


@dataclass
class Sentence:
    """Words plus the multi-word-token ranges that cover some of them."""

    text: str
    rows: list[Row] = field(default_factory=list)
    mwts: list[tuple[int, int, str, bool]] = field(default_factory=list)


def parse_feats(value: str) -> dict[str, str]:
    """`A=x|B=y` → dict; `_` → empty."""
    if value in ("_", ""):
        return {}
    return dict(item.split("=", 1) for item in value.split("|"))


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U file (no validation beyond what we need)."""
    sent = Sentence(text="")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sent.rows:
                yield sent
            sent = Sentence(text="")
            continue
        if line.startswith("# text = "):
            sent.text = line[len("# text = ") :]
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        space_after = "SpaceAfter=No" not in cols[9]
        if "-" in cols[0]:
            start, end = (int(x) for x in cols[0].split("-"))
            sent.mwts.append((start, end, cols[1], space_after))
            continue
        if "." in cols[0]:  # empty nodes (enhanced UD) are not part of the basic tree
            continue
        sent.rows.append(
            Row(
                id=int(cols[0]),
                form=cols[1],
                lemma=cols[2],
                upos=cols[3],
                xpos=cols[4],
                feats=parse_feats(cols[5]),
                head=int(cols[6]),
                deprel=cols[7],
                space_after=space_after,
            )
        )
    if sent.rows:
        yield sent


def harmonise(row: Row, stts: bool) -> Row:
    """Bring one word to the GSD conventions described in the module docstring."""
    feats = {k: v for k, v in row.feats.items() if k not in DROP_FEATS}
    if row.upos in ("VERB", "AUX"):
        if "Mood" in feats:
            feats["VerbForm"] = "Fin"
        elif not stts and "VerbForm" not in feats:
            if row.xpos == "VBN" or feats.get("Tense") == "Past":
                feats.pop("Tense", None)
                feats["VerbForm"] = "Part"
            elif row.xpos == "VB":
                feats["VerbForm"] = "Inf"
    if row.upos == "ADV":
        feats.pop("Degree", None)
    return Row(
        id=row.id,
        form=row.form,
        lemma=row.lemma,
        upos=row.upos,
        xpos=row.xpos if stts else "",
        feats=feats,
        head=row.head,
        deprel=DEPREL_MAP.get(row.deprel, row.deprel),
        space_after=row.space_after,
    )


def merge_mwts(sent: Sentence) -> list[Row]:
    """Merge each multi-word token into one word (see module docstring)."""
    by_id = {r.id: r for r in sent.rows}
    redirect: dict[int, int] = {}
    merged: dict[int, Row] = {}
    for start, end, form, space_after in sent.mwts:
        first = by_id[start]
        parts = [by_id[i] for i in range(start, end + 1)]
        feats: dict[str, str] = {}
        for part in parts[1:]:
            feats.update({k: v for k, v in part.feats.items() if k in MWT_KEEP_FEATS})
        merged[start] = Row(
            id=start,
            form=form,
            lemma=first.lemma,
            upos=first.upos,
            xpos="APPRART" if first.xpos == "APPR" else first.xpos,
            feats=feats,
            head=first.head,
            deprel=first.deprel,
            space_after=space_after,
        )
        for i in range(start + 1, end + 1):
            redirect[i] = start
    rows: list[Row] = []
    for r in sent.rows:
        if r.id in redirect:
            continue
        rows.append(merged.get(r.id, r))
    for r in rows:
        r.head = redirect.get(r.head, r.head)
        if r.head == r.id:  # a word attached inside its own MWT: attach to the MWT's head
            r.head = by_id[r.id].head
    return rows


def sentence_to_doc(vocab: Vocab, sent: Sentence, stts: bool) -> Doc:
    """Build a fully annotated spaCy Doc (one sentence) from a CoNLL-U sentence."""
    rows = [harmonise(r, stts) for r in merge_mwts(sent)]
    index = {r.id: i for i, r in enumerate(rows)}
    heads = [index[r.head] if r.head != 0 else i for i, r in enumerate(rows)]
    deps = ["ROOT" if r.head == 0 else r.deprel for r in rows]
    morphs = ["|".join(f"{k}={v}" for k, v in sorted(r.feats.items())) for r in rows]
    return Doc(
        vocab,
        words=[r.form for r in rows],
        spaces=[r.space_after for r in rows],
        tags=[r.xpos for r in rows],
        pos=[r.upos for r in rows],
        morphs=morphs,
        lemmas=[r.lemma for r in rows],
        heads=heads,
        deps=deps,
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def split_file(path: Path, tune_every: int) -> tuple[list[Sentence], list[Sentence]]:
    """Deterministic split: every `tune_every`-th sentence goes to the tuning slice."""
    train, tune = [], []
    for i, sent in enumerate(read_conllu(path)):
        (tune if i % tune_every == tune_every - 1 else train).append(sent)
    return train, tune


def write(sents: list[tuple[Sentence, bool]], out: Path) -> int:
    """Write (sentence, has_stts) pairs to a DocBin."""
    vocab = Vocab()
    db = DocBin(store_user_data=False)
    for sent, is_stts in sents:
        db.add(sentence_to_doc(vocab, sent, is_stts))
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return len(sents)


def build_splits(ud_dir: Path, out_dir: Path, tune_every: int = 8) -> dict[str, int]:
    """train = GSD test + PUD test minus a tuning slice; tune = that slice; eval = GSD dev."""
    gsd_train, gsd_tune = split_file(ud_dir / "de_gsd-ud-test.conllu", tune_every)
    pud_train, pud_tune = split_file(ud_dir / "de_pud-ud-test.conllu", tune_every)
    counts = {
        "train": write([(s, True) for s in gsd_train] + [(s, False) for s in pud_train],
                       out_dir / "train.spacy"),
        "tune": write([(s, True) for s in gsd_tune] + [(s, False) for s in pud_tune],
                      out_dir / "tune.spacy"),
        "eval": write([(s, True) for s in read_conllu(ud_dir / "de_gsd-ud-dev.conllu")],
                      out_dir / "eval.spacy"),
    }
    return counts


def read_germeval_sentences(path: Path) -> list[list[str]]:
    """The token lists of a GermEval 2014 NER TSV file (`#` source lines, blank line = end)."""
    sents: list[list[str]] = []
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sents.append(words)
            words = []
            continue
        words.append(line.split("\t")[1])
    if words:
        sents.append(words)
    return sents


def build_silver(teacher: Language, tsv: Path, out: Path) -> int:
    """Teacher-annotated (tag, POS, morph, parse) GermEval sentences → DocBin; returns tokens.

    Only the trained components run (no lemma or mood rules): the student learns what the
    teacher's tagger/morphologizer/parser predict, in the treebank's conventions.
    """
    rules = [p for p in ("lagebild_lemmatizer", "lagebild_mood") if p in teacher.pipe_names]
    docs = []
    for words in read_germeval_sentences(tsv):
        starts: list[bool | int | None] = [True]
        starts += [False] * (len(words) - 1)
        docs.append(Doc(teacher.vocab, words=words, sent_starts=starts))
    db = DocBin(attrs=["TAG", "POS", "MORPH", "HEAD", "DEP", "SENT_START"], store_user_data=False)
    tokens = 0
    with teacher.select_pipes(disable=rules):
        for doc in teacher.pipe(docs, batch_size=64):
            db.add(doc)
            tokens += len(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return tokens


def main() -> None:
    """CLI: build train/tune/eval DocBins."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    ap.add_argument("--ud-dir", type=Path, default=here / ".." / "shared" / "data" / "ud-de")
    ap.add_argument("--out", type=Path, default=here / "training" / "core" / "corpus")
    ap.add_argument("--tune-every", type=int, default=8)
    args = ap.parse_args()
    print(build_splits(args.ud_dir, args.out, args.tune_every))


if __name__ == "__main__":
    main()
