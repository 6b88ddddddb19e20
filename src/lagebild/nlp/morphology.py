"""Finite verbs and verbal mood (indicative vs. Konjunktiv) for German tokens.

Why rules on top of the model: reported speech in German news hinges on Konjunktiv I
("er sei", "sie habe", "die Regierung lege … vor"), but a morphologizer trained on ~32k UD tokens
sees few of these forms, and several are homographs of the 1st person singular indicative
("ich habe" / "er habe"). German grammar settles most cases, so we compute mood from

1. a lexicon of forms that are subjunctive whatever the subject (`data/konjunktiv.json`:
   "sei", "könne", "wolle", "hätte", "würde", "käme", …);
2. umlaut Konjunktiv II: a finite form with an umlaut its lemma lacks ("fände" ← "finden");
3. the "-e rule": a present-stem form in -e ("habe", "werde", "lege", "gelinge",
   "berichte") is Konjunktiv I with a 3rd-person subject and indicative with "ich" — the 3rd
   person singular indicative never ends in -e; past forms in -te ("sagte") and "wurde" are
   excluded;
4. plural present forms ("haben", "werden") are identical in both moods; grammar cannot tell,
   so they count as indicative (writers switch to Konjunktiv II, "hätten", to mark the mood);
5. otherwise the model's `Mood` feature.

`mood(token)` is idempotent and also backs the `lagebild_mood` component, which writes the
result into `token.morph` so that downstream code and the analysis output see one answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, MorphAnalysis, Token
from spacy.vocab import Vocab

from lagebild.memo import BoundedMemo

DATA = Path(__file__).resolve().parent / "data" / "konjunktiv.json"
Mood = Literal["Ind", "Sub"]

VERB_POS = frozenset({"VERB", "AUX"})
MAYBE_VERB_POS = frozenset({"ADV", "ADJ", "NOUN", "X"})
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl", "csubj"})
CLIMB_DEPS = frozenset({"aux", "aux:pass", "cop", "conj"})
AUX_DEPS = frozenset({"aux", "aux:pass", "cop"})
PRONOUN_PERSON = {"ich": 1, "wir": 1, "du": 2, "ihr": 2}


@dataclass(frozen=True)
class MoodLexicon:
    """Word lists from `data/konjunktiv.json` (lower-cased forms)."""

    sub1: frozenset[str]
    sub2: frozenset[str]
    ind_past_e: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> MoodLexicon:
    """Load the shipped mood lexicon once."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return MoodLexicon(
        sub1=frozenset(data["sub1"]),
        sub2=frozenset(data["sub2"]),
        ind_past_e=frozenset(data["ind_past_e"]),
    )


_MORPH_VALUES = BoundedMemo[tuple[int, str], list[str]](100_000)


def morph_values(token: Token, field: str) -> list[str]:
    """`token.morph.get(field, [])`, memoised by the analysis key (a hash of the feature
    string, so the same in every vocab): `MorphAnalysis.get` decodes strings on every call and
    cost more than all the mood rules together. The list is shared: do not modify it."""
    morph = token.morph
    cache_key = (morph.key, field)  # type: ignore[attr-defined]  # in spaCy, not its stubs
    return _MORPH_VALUES.get(cache_key, lambda _: morph.get(field, []))


def _lower(token: Token) -> str:
    return token.text.lower()


def is_mistagged_verb(token: Token) -> bool:
    """A lower-case word the morphologizer did not call a verb ("gelinge" as ADV: rare words
    are often mistagged with ~32k training tokens) but that the parser makes the head of a
    clause with a subject and no auxiliary/copula, and whose lemma is a verb infinitive."""
    if token.pos_ not in MAYBE_VERB_POS or not token.text.islower() or len(token.text) < 4:
        return False
    lemma = token.lemma_
    if lemma == token.text or not lemma.endswith("n"):
        return False
    return _heads_own_clause(token, VERB_POS | MAYBE_VERB_POS)


def is_finite_verb(token: Token) -> bool:
    """True for finite verbs/auxiliaries: model says so (VerbForm=Fin, Mood, V*FIN tag), the
    form is an unambiguous subjunctive from the lexicon (those are always finite), or the parse
    shows a verb with its own subject and no auxiliary."""
    if token.pos_ not in VERB_POS:  # the morphologizer's POS wins over a conflicting tag
        return is_mistagged_verb(token)
    if "Fin" in morph_values(token, "VerbForm") or morph_values(token, "Mood"):
        return True
    if token.tag_ in FINITE_TAGS:
        return True
    lex = lexicon()
    if _lower(token) in lex.sub1 or _lower(token) in lex.sub2:
        return True
    return _heads_own_clause(token)


def _heads_own_clause(token: Token, pos: frozenset[str] = VERB_POS) -> bool:
    """A verb tagged infinitive/participle that has its own subject and no auxiliary is the
    finite verb of its clause: "…, die Sie benötigen", "…, wo Ordnung herrscht". The
    morphologizer confuses these homographs (plural = infinitive, 3rd sg. = participle)."""
    if token.pos_ not in pos:
        return False
    has_subject = False
    for child in token.children:
        if child.dep_ in AUX_DEPS:
            return False
        has_subject = has_subject or child.dep_ in SUBJECT_DEPS
    return has_subject


def _subject(token: Token) -> Token | None:
    """The subject of the clause whose finite verb is `token` (looks through aux/cop to the
    predicate and up coordination chains: "er sei krank und habe Fieber gehabt")."""
    chain: list[int] = []
    current = token
    for _ in range(6):
        if current.i in chain:
            break
        chain.append(current.i)
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            break
        current = current.head
    doc = token.doc
    for i in chain:
        for child in doc[i].children:
            if child.dep_ in SUBJECT_DEPS and child.i != token.i:
                return child
    return None


def subject_person(token: Token) -> int | None:
    """Grammatical person (1, 2, 3) of the finite verb's subject, or from the model's Person."""
    subj = _subject(token)
    if subj is not None:
        low = _lower(subj)
        if low in PRONOUN_PERSON:
            return PRONOUN_PERSON[low]
        person = morph_values(subj, "Person")
        if subj.pos_ == "PRON" and person and person[0] in ("1", "2"):
            return int(person[0])
        return 3
    person = morph_values(token, "Person")
    if person and person[0] in ("1", "2", "3"):
        return int(person[0])
    return None


def _lemma_stem(token: Token) -> str:
    """Present stem from the lemma ("berichten" → "bericht", "tun" → "tu")."""
    lemma = token.lemma_.lower()
    if lemma.endswith("en"):
        return lemma[:-2]
    if lemma.endswith("n"):
        return lemma[:-1]
    return lemma


def _is_umlaut_subjunctive(token: Token, low: str) -> bool:
    """Konjunktiv II by umlaut: "fände" (finden), "stünde" (stehen), but not "hält" (-t)."""
    if not low.endswith(("e", "en", "est", "et")):
        return False
    lemma = token.lemma_.lower()
    if not lemma or lemma == low:
        return False
    has_umlaut = any(c in "äöü" for c in low)
    return has_umlaut and not any(c in "äöü" for c in lemma) and low[:1] == lemma[:1]


def _is_present_e_form(token: Token, low: str) -> bool:
    """A present-stem form ending in -e ("habe", "lege", "berichte"), not a past ("sagte")."""
    if not low.endswith("e") or low in lexicon().ind_past_e or len(low) < 3:
        return False
    if low.endswith("te"):  # "berichte" (present stem bericht-) vs "sagte" (past of sagen)
        return _lemma_stem(token) + "e" == low
    return True


def rule_mood(token: Token) -> Mood | None:
    """Mood of a finite verb decided by lexicon and grammar alone; None when they cannot tell."""
    low = _lower(token)
    lex = lexicon()
    if low in lex.sub1 or low in lex.sub2:
        return "Sub"
    if _is_umlaut_subjunctive(token, low):
        return "Sub"
    if _is_present_e_form(token, low):
        person = subject_person(token)
        if person == 3:
            return "Sub"
        if person == 1:
            return "Ind"
        return None
    if low.endswith("en") and low == token.lemma_.lower():  # "haben", "werden": see rule 4
        return "Ind"
    return None


def mood(token: Token) -> Mood | None:
    """"Ind" or "Sub" for finite verbs (rules first, then the model), None otherwise.

    Imperatives (model `Mood=Imp`) without a subject count as neither.
    """
    if not is_finite_verb(token):
        return None
    model = morph_values(token, "Mood")
    if model == ["Imp"] and _subject(token) is None:
        return None
    decided = rule_mood(token)
    if decided is not None:
        return decided
    if model and model[0] in ("Ind", "Sub"):
        return "Sub" if model[0] == "Sub" else "Ind"
    return "Ind"


def is_konjunktiv(token: Token) -> bool:
    """True when the token is a finite verb in the subjunctive (Konjunktiv I or II)."""
    return mood(token) == "Sub"


def konjunktiv_type(token: Token) -> Literal["I", "II"] | None:
    """"I" (reported speech: "sei", "habe") or "II" ("wäre", "hätte", "würde", "sagte" when the
    model marks it); None for indicative or non-finite tokens."""
    if not is_konjunktiv(token):
        return None
    low = _lower(token)
    lex = lexicon()
    if low in lex.sub1:
        return "I"
    if low in lex.sub2 or _is_umlaut_subjunctive(token, low):
        return "II"
    if _is_present_e_form(token, low):
        return "I"
    return "II" if "Past" in morph_values(token, "Tense") else "I"


_VERB_IDS = frozenset(POS_IDS[p] for p in VERB_POS)
_MAYBE_VERB_IDS = frozenset(POS_IDS[p] for p in MAYBE_VERB_POS)


def _could_be_mistagged(text: str, lemma: str) -> bool:
    """The word-and-lemma tests of `is_mistagged_verb`, a cheap pre-test before `mood()`."""
    return text.islower() and len(text) >= 4 and lemma != text and lemma.endswith("n")


class MoodAnnotator:
    """Writes `mood()` into `token.morph` (Mood, VerbForm=Fin) for every finite verb; a
    mistagged verb also gets POS VERB and tag VVFIN."""

    def __init__(self) -> None:
        # (analysis key, mood) -> the analysis to write, None when it already says so;
        # decoding and re-encoding the feature string was most of the cost per verb
        self._rewrites: dict[tuple[int, str], MorphAnalysis | None] = {}
        self._vocab: Vocab | None = None

    def __call__(self, doc: Doc) -> Doc:
        """Annotate the tokens that can be finite verbs. POS, form and lemma are read up front
        as arrays, which rules out most tokens without building a Token: `mood()` is None for
        them by the first tests of `is_finite_verb`/`is_mistagged_verb`. (Only the current
        token's POS is ever changed, so the POS read up front is right for every later one.)"""
        if not len(doc):
            return doc
        if doc.vocab is not self._vocab:  # analyses belong to one vocab
            self._rewrites, self._vocab = {}, doc.vocab
        strings = doc.vocab.strings
        columns = doc.to_array(["POS", "ORTH", "LEMMA"]).T.tolist()
        for i, (pos, orth, lemma) in enumerate(zip(*columns, strict=True)):
            if pos not in _VERB_IDS and (
                pos not in _MAYBE_VERB_IDS or not _could_be_mistagged(strings[orth], strings[lemma])
            ):
                continue
            token = doc[i]
            value = mood(token)
            if value is None:
                continue
            if pos not in _VERB_IDS:  # a mistagged verb (see is_mistagged_verb)
                token.pos_ = "VERB"
                token.tag_ = "VVFIN"
            analysis = self._rewrite(doc.vocab, token.morph, value)
            if analysis is not None:
                token.morph = analysis
        return doc

    def _rewrite(self, vocab: Vocab, morph: MorphAnalysis, value: Mood) -> MorphAnalysis | None:
        """The analysis with Mood=`value` and VerbForm=Fin, or None when `morph` has both."""
        key = (morph.key, value)  # type: ignore[attr-defined]  # in spaCy, not its stubs
        if key in self._rewrites:
            return self._rewrites[key]
        feats = morph.to_dict()
        rewritten: MorphAnalysis | None = None
        if not (feats.get("Mood") == value and feats.get("VerbForm") == "Fin"):
            feats["Mood"] = value
            feats["VerbForm"] = "Fin"
            rewritten = MorphAnalysis(vocab, feats)
        self._rewrites[key] = rewritten
        return rewritten


@Language.factory(
    "lagebild_mood",
    assigns=["token.morph", "token.pos", "token.tag"],
    requires=["token.pos", "token.morph", "token.lemma", "token.dep"],
)
def make_mood_annotator(nlp: Language, name: str) -> MoodAnnotator:
    """Factory for `MoodAnnotator` (no weights; rules + `data/konjunktiv.json`)."""
    return MoodAnnotator()
