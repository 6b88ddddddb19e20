"""Label valence of naming verbs: is "X bezeichnete Y als Z" / "X nannte Y Z" a reproach,
praise, or neither?

Why: naming is an accusation only when the label Z is one ("bezeichnete den Prozess als
Farce"); "bezeichnete den Gipfel als das größte Ereignis" reports nothing. Lexicon entries
with a `label` field (`triggers.jsonl`) fire only when the label phrase holds a word of that
valence. The words are data (`data/label_valence.json`): `negative` (nouns there also end
compounds, "Wahlbetrug", "Militärputsch"), `negative_heads` (first parts of compounds,
"Scheinwahl"), `positive`, and `acceptable` (neutral alone, a reproach when negated: "nicht
hinnehmbar").
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from lagebild.events.lexicon import DATA_DIR, EventLexicon
from lagebild.nlp.tokens import TokenTable

NEGATIVE, POSITIVE = "negative", "positive"
QUOTE_MARKS = frozenset({"„", "“", "”", '"', "»", "«", "‚", "‘", "'"})
LABEL_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—", ".", "!", "?"})
LABEL_POS = frozenset({"DET", "ADJ", "ADV", "NOUN", "PROPN", "PART", "CCONJ", "NUM", "PRON"})
NEGATING = frozenset({"kein", "keine", "keinen", "keinem", "keiner", "keines"})
INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"}) | NEGATING
COORDINATORS = frozenset({"und", "oder", "sowie", "bzw."})
ADJ_ENDINGS = ("en", "em", "er", "es", "e")
MAX_LABEL_TOKENS = 8
MIN_COMPOUND_TAIL = 5  # "Lüge" is no tail: "Ausflüge" would end in it
MIN_COMPOUND_PREFIX = 3
# a label the parse gives as the verb's predicate or as its second object
PREDICATE_DEPS = frozenset({"xcomp", "pred", "oa2"})
ARGUMENT_DEPS = frozenset({"nsubj", "obj", "appos"})


@lru_cache(maxsize=1)
def valence_words() -> dict[str, Any]:
    """The valence word lists of `data/label_valence.json` as sets (read once)."""
    raw = json.loads((DATA_DIR / "label_valence.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def label_valence(dt: TokenTable, ti: int, clause: tuple[int, int], lex: EventLexicon) -> str:
    """"negative", "positive" or "" for the label that the naming verb `ti` gives: the phrase
    after its "als", else its predicate or second accusative ("nannte die Wahl eine Farce").
    A negation in the clause outside the label ("bezeichnete X nicht als Farce") takes the
    label back: ""."""
    span = label_span(dt, ti, clause)
    if span is None:
        return ""
    lo, hi = span
    negation = lex.cue_set("negation")
    negators = negation | lex.cue_set("negation_determiners")
    if any(
        _negator(dt, j, negation, negators)
        for j in range(clause[0], clause[1])
        if not lo <= j < hi and j != ti
    ):
        return ""
    return _phrase_valence(dt, lo, hi, negation, negators)


def label_span(dt: TokenTable, ti: int, clause: tuple[int, int]) -> tuple[int, int] | None:
    """Token range of the label of naming verb `ti`, with a negation right before it ("als
    nicht hinnehmbar", "nannte es nicht akzeptabel"); None when there is none."""
    als = _als_of(dt, ti, clause)
    if als is not None:
        lo, hi = als + 1, _phrase_end(dt, als + 1, ti)
    else:
        found = _second_object(dt, ti)
        if found is None:
            return None
        lo, hi = found
    if lo > 0 and (dt.lower[lo - 1] == "nicht" or dt.lower[lo - 1] in NEGATING):
        lo -= 1
    return (lo, hi) if hi > lo else None


def _als_of(dt: TokenTable, ti: int, clause: tuple[int, int]) -> int | None:
    """The comparing "als" of the clause nearest the verb (before it in a subordinate clause
    or perfect: "…, die er als Farce bezeichnete")."""
    found = [
        j
        for j in range(clause[0], clause[1])
        if dt.lower[j] == "als" and dt.tag[j] in ("KOKOM", "APPR")
    ]
    return min(found, key=lambda j: abs(j - ti)) if found else None


def _phrase_end(dt: TokenTable, start: int, ti: int) -> int:
    """End of the label phrase from `start`: determiners, adjectives and the head noun, with
    coordinated ones ("grauenvoll und unerträglich"), quotation marks skipped; it ends at a
    preposition, a verb, a break, or a noun not followed by "und"/"oder" ("als politische
    Inszenierung von X": the head is the label, the von-phrase is not)."""
    hi = dt.sent_bounds(start)[1]
    j, taken = start, 0
    while j < hi and taken < MAX_LABEL_TOKENS and j != ti:
        text = dt.texts[j]
        if text in QUOTE_MARKS:
            j += 1
            continue
        if text in LABEL_BREAKS:
            break
        if (dt.pos[j] not in LABEL_POS or dt.tag[j][:1] == "V") and not word_valence(
            dt, j, valence_words()
        ):
            break  # a verb ends the label, unless it is a misread adjective ("grauenvoll")
        taken += 1
        j += 1
        if dt.pos[j - 1] in ("NOUN", "PROPN"):
            k = j
            while k < hi and dt.texts[k] in QUOTE_MARKS:
                k += 1
            if k >= hi or dt.lower[k] not in COORDINATORS:
                return j
    return j


def _second_object(dt: TokenTable, ti: int) -> tuple[int, int] | None:
    """The label of "nannte die Wahl eine Farce" / "…, das er eine Schande nannte" /
    "nannte die Entscheidung inakzeptabel", by the parse: the verb's adjective predicate, else
    an object with the verb's subject and the thing named before it (as `component._label`
    reads it), from its first modifier to its head and the heads coordinated with it."""
    doc = dt.doc
    if doc is None:
        return None
    verb = doc[ti]
    kids = list(verb.children)
    args = [
        c
        for c in kids
        if c.dep_ in ARGUMENT_DEPS or (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
    ]
    named = [c for c in args if c.dep_ != "nsubj"]
    # an adjective predicate, which the parse may hang on the verb as an adverb
    preds = [
        c
        for c in kids
        if (c.dep_ in PREDICATE_DEPS and c.pos_ in ("ADJ", "NOUN"))
        or (named and c.tag_ == "ADJD" and c.dep_ == "advmod")
    ]
    if preds:
        node = preds[-1]
    else:
        objects = [c for c in args if c.dep_ != "nsubj" and sum(a.i < c.i for a in args) >= 2]
        if not objects:
            return _second_object_by_words(dt, ti)
        node = objects[-1]
    heads = [node, *(c for c in node.children if c.dep_ == "conj")]
    return node.left_edge.i, max(h.i for h in heads) + 1


def _second_object_by_words(dt: TokenTable, ti: int) -> tuple[int, int] | None:
    """Where the parse lost the verb's objects ("nannte Pedro Ruiz einen „wahren Patrioten“"
    read with the label as the root): after the verb, the first indefinite noun phrase or
    adjective predicate that follows a noun or pronoun of the clause."""
    hi = dt.sent_bounds(ti)[1]
    seen_noun, words = False, valence_words()
    for j in range(ti + 1, hi):
        # a participle with a valence is a misread adjective ("nannte die Entscheidung überzogen")
        valence = seen_noun and dt.tag[j] == "VVPP" and word_valence(dt, j, words)
        if dt.texts[j] in LABEL_BREAKS or (dt.tag[j][:1] == "V" and not valence):
            return None
        if seen_noun and (dt.lower[j] in INDEFINITE or dt.tag[j] == "ADJD" or valence):
            return j, _phrase_end(dt, j, ti)
        seen_noun = seen_noun or dt.pos[j] in ("NOUN", "PROPN", "PRON")
    return None


def _negator(dt: TokenTable, j: int, negation: frozenset[str], negators: frozenset[str]) -> bool:
    """Token `j` negates: "nicht", "nie", or a form of "kein"."""
    return dt.lower[j] in negation or (dt.lemma[j] or "").lower() in negators


def _phrase_valence(
    dt: TokenTable, lo: int, hi: int, negation: frozenset[str], negators: frozenset[str]
) -> str:
    """Valence of the words [lo, hi): a reproach wins over praise ("einen historischen
    Fehler"); a negated word of praise or acceptance is a reproach ("kein Erfolg", "nicht
    hinnehmbar"), a negated reproach is none ("keine Farce")."""
    words = valence_words()
    negated = False
    found: set[str] = set()
    for j in range(lo, hi):
        if _negator(dt, j, negation, negators):
            negated = True
            continue
        kind = word_valence(dt, j, words)
        if kind == NEGATIVE:
            found.add("" if negated else NEGATIVE)
        elif kind in (POSITIVE, "acceptable"):
            found.add(NEGATIVE if negated else kind)
    if NEGATIVE in found:
        return NEGATIVE
    return POSITIVE if POSITIVE in found else ""


def word_valence(dt: TokenTable, j: int, words: dict[str, Any]) -> str:
    """"negative", "positive", "acceptable" or "" for token `j`, by its lemma, its text, the
    text without an adjective or plural ending, and for nouns by compound parts ("Wahlbetrug",
    "Scheinwahl")."""
    forms = _forms(dt, j)
    for kind in (NEGATIVE, POSITIVE, "acceptable"):
        if not forms.isdisjoint(words[kind]):
            return kind
    if dt.pos[j] in ("NOUN", "PROPN"):
        for form in forms:
            for k in range(MIN_COMPOUND_PREFIX, len(form) - MIN_COMPOUND_TAIL + 1):
                if form[k:] in words[NEGATIVE]:
                    return NEGATIVE
            if any(
                form.startswith(h) and len(form) > len(h) + MIN_COMPOUND_PREFIX
                for h in words["negative_heads"]
            ):
                return NEGATIVE
    return ""


def _forms(dt: TokenTable, j: int) -> frozenset[str]:
    """Lower-case forms of token `j`: lemma, text, and the text without an inflection ending
    ("beschämenden" -> "beschämend", "Terroristen" -> "terrorist")."""
    low = dt.lower[j].strip("„“”\"»«")
    forms = {(dt.lemma[j] or "").lower(), low}
    for end in ADJ_ENDINGS + ("n", "s"):
        if low.endswith(end) and len(low) > len(end) + 3:
            forms.add(low[: -len(end)])
    forms.discard("")
    return frozenset(forms)
