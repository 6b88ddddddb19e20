"""Find event triggers: verbs (with separated particles), nouns and noun compounds,
light-verb constructions ("Sanktionen verhängen", "Unterstützung zusichern")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from lagebild.events.lexicon import EventLexicon, Trigger

PLURAL_ENDINGS = ("ungen", "en", "n", "e", "s", "er")


@dataclass
class TriggerMatch:
    """A token that signals an event, the lexicon entry, and its light verb if any."""

    token: Token
    entry: Trigger
    light_verb: Token | None = None


def is_verb(tok: Token) -> bool:
    """Verb by POS or by STTS tag (the tagger and the UPOS model sometimes disagree)."""
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VV")


def full_verb_lemma(doc: Doc, verb: Token, clause: tuple[int, int]) -> str:
    """Lemma with its separated particle: "sicherte ... zu" -> "zusichern"."""
    lemma = (verb.lemma_ or verb.text).lower()
    if verb.tag_ in ("VVFIN", "VVIMP") or (
        verb.pos_ == "VERB" and verb.tag_ not in ("VVINF", "VVPP", "VVIZU")
    ):
        for j in range(verb.i + 1, clause[1]):
            t = doc[j]
            if t.tag_ == "PTKVZ" or t.dep_ == "compound:prt":
                return t.lower_ + lemma
            if is_verb(t) and t.tag_.endswith("FIN"):
                break
    return lemma


def _particle_verb(doc: Doc, tok: Token, clause: tuple[int, int]) -> str:
    """Particle + lemma when a separated verb particle follows `tok` in its clause, else ""."""
    for j in range(tok.i + 1, clause[1]):
        t = doc[j]
        if t.tag_ == "PTKVZ" or t.dep_ == "compound:prt":
            return t.lower_ + (tok.lemma_ or tok.text).lower()
    return ""


def participle_infinitive(tok: Token) -> str:
    """Infinitive guessed from a weak participle the lemmatizer left unchanged ("gedankt" ->
    "danken"); empty when the form is no "ge...t" participle."""
    low = tok.lower_
    if tok.lemma_.lower() != low or not (low.startswith("ge") and low.endswith("t")):
        return ""
    return low[2:-1] + "en" if len(low) > 5 else ""


def noun_forms(tok: Token) -> list[str]:
    """Lower-case forms to look a noun up by: lemma, text, and text without plural ending."""
    forms = [tok.lemma_.lower(), tok.lower_]
    for end in PLURAL_ENDINGS:
        if tok.lower_.endswith(end) and len(tok.lower_) > len(end) + 3:
            forms.append(tok.lower_[: -len(end)] + ("ung" if end == "ungen" else ""))
    return list(dict.fromkeys(f for f in forms if f))


def find_triggers(
    doc: Doc, sent: Span, lex: EventLexicon, clause_of: dict[int, tuple[int, int]]
) -> list[TriggerMatch]:
    """All trigger matches of a sentence whose lexicon constraints hold."""
    occurrence = lex.cue_set("occurrence_verbs")
    out: list[TriggerMatch] = []
    verb_lemmas: dict[int, str] = {}
    for tok in sent:
        if is_verb(tok):
            verb_lemmas[tok.i] = full_verb_lemma(doc, tok, clause_of[tok.i])
        elif tok.pos_ in ("ADJ", "ADV") and tok.text.islower():
            # the tagger often misreads the finite part of a separable verb ("wirft ... vor"
            # as an adjective): its lemma plus the particle later in the clause names the verb
            lemma = _particle_verb(doc, tok, clause_of[tok.i])
            if lemma in lex.verbs:
                verb_lemmas[tok.i] = lemma
    for tok in sent:
        entries: list[Trigger] = []
        if tok.i in verb_lemmas:
            entries = lex.verbs.get(verb_lemmas[tok.i], []) or lex.verbs.get(
                participle_infinitive(tok), []
            )
        elif tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper():
            entries = _noun_entries(tok, lex)
        for entry in entries:
            match = _check(doc, tok, entry, clause_of[tok.i], verb_lemmas, occurrence)
            if match is not None:
                out.append(match)
                break
    return out


def _noun_entries(tok: Token, lex: EventLexicon) -> list[Trigger]:
    forms = noun_forms(tok)
    for form in forms:
        if form in lex.nouns:
            return lex.nouns[form]
    # compounds: the longest lexicon head that ends a form, with at least 3 letters before it
    best: tuple[str, str, Trigger] | None = None
    for form in forms:
        form = form.replace("-", "")
        for k in range(3, len(form)):
            entry = lex.compound_index.get(form[k:])
            if entry is not None:
                if best is None or len(form) - k > len(best[1]):
                    best = (form, form[k:], entry)
                break
    if best is None:
        return []
    form, head, entry = best
    prefix = tok.text[: len(form) - len(head)]
    if any(prefix.startswith(p) for p in entry.exclude_prefixes):
        return []
    return [entry]


def _check(
    doc: Doc,
    tok: Token,
    entry: Trigger,
    clause: tuple[int, int],
    verb_lemmas: dict[int, str],
    occurrence_verbs: frozenset[str],
) -> TriggerMatch | None:
    clause_toks = doc[clause[0] : clause[1]]
    light: Token | None = None
    if entry.needs_verb:
        for t in doc[tok.sent.start : tok.sent.end]:
            if (
                t.i in verb_lemmas
                and verb_lemmas[t.i] in entry.needs_verb
                and abs(t.i - tok.i) <= 12
            ):
                light = t
                break
        if light is None:
            return None
    nouns = {_noun_lemma(t) for t in clause_toks if t.pos_ in ("NOUN", "PROPN") and t.i != tok.i}
    if entry.needs_object and not any(
        n.startswith(o) or n.endswith(o.lower()) for n in nouns for o in entry.needs_object
    ):
        return None
    if entry.exclude_objects and any(n in entry.exclude_objects for n in nouns):
        return None
    if entry.requires_pp and not any(
        t.lower_ in entry.requires_pp and t.pos_ == "ADP" for t in clause_toks
    ):
        return None
    if entry.requires_word and not any(
        doc[j].lower_ in entry.requires_word for j in range(max(clause[0], tok.i - 3), tok.i)
    ):
        return None  # "gefangen genommen", "fest genommen": the word before the verb decides
    if light is None and entry.pos == "NOUN":
        # a verb of occurrence governing the noun ("ein Treffen findet statt"), if the parse says so
        head = tok.head
        if head.i in verb_lemmas and head.i != tok.i and verb_lemmas[head.i] in occurrence_verbs:
            light = head
    return TriggerMatch(tok, entry, light)


def _noun_lemma(tok: Token) -> str:
    lemma = tok.lemma_ or tok.text
    return lemma[:1].upper() + lemma[1:]
