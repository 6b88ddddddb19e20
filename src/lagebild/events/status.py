"""Event status: did it happen, or was it announced, planned, speculated, demanded, negated,
hypothetical? News reports far more talk than deeds, so the status is as important as the type.

Precedence (first match wins): negated > hypothetical > demanded > speculated > planned >
announced > happened. Cues are words in `data/status_cues.json`; their scope is the clause of
the trigger (for nouns: the noun phrase, plus the clause when the noun is what the clause is
about, e.g. "Ein Treffen soll stattfinden").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from lagebild.events.labels import label_span
from lagebild.events.lexicon import EventLexicon, Trigger
from lagebild.events.triggers import noun_entries
from lagebild.nlp.morphology import konjunktiv_type
from lagebild.nlp.tokens import TokenTable

# Verbal acts: saying it is doing it ("Kim sicherte Putin Unterstützung zu" is the support).
SPEECH_ACT_TYPES = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "THREATEN", "REJECT", "CONSULT"})


def _lemma(dt: TokenTable, j: int) -> str:
    return (dt.lemma[j] or dt.texts[j]).lower()


def event_status(
    doc: Doc,
    tok: Token,
    trig: Trigger,
    clause: tuple[int, int],
    lex: EventLexicon,
    light_verb: Token | None,
    quoted: bool,
    future: bool,
) -> str:
    """The status of the event triggered by `tok` (see the module docstring)."""
    dt = TokenTable.of(doc)
    lower = dt.lower
    clause_toks = range(clause[0], clause[1])  # token indices, like all scopes below
    np_toks = _np_before(dt, tok.i)
    clause_scope = trig.pos == "VERB" or light_verb is not None
    scope = clause_toks if clause_scope else np_toks
    # 1. negation; not inside the label of a naming verb ("als nicht hinnehmbar bezeichnet":
    # a reproach made, `events/labels.py`)
    span = label_span(dt, tok.i, clause) if trig.label else None
    label = range(*span) if span is not None else range(0)
    words = {lower[j] for j in scope if j not in label} if clause_scope else set()
    if any(
        _lemma(dt, j) in lex.cue_set("negation_determiners") for j in np_toks if j not in label
    ) or (
        clause_scope and words & lex.cue_set("negation")
    ):
        return "negated"
    # 2. hypothetical
    if clause_scope and (
        (clause_toks and lower[clause_toks[0]] in lex.cue_set("hypothetical_conjunctions"))
        or words & lex.cue_set("hypothetical_aux")
    ):
        return "hypothetical"
    # 3. demanded: the event is what someone demands ("forderte ein Ende der Angriffe")
    if trig.type != "REQUEST" and _demanded(doc, tok, lex):
        return "demanded"
    # 4. speculated
    np_lemmas = {_lemma(dt, j) for j in np_toks} | {lower[j] for j in np_toks}
    if np_lemmas & lex.cue_set("speculation_modifiers") or _attributed_to_speculation(
        doc, tok, lex
    ):
        return "speculated"
    if clause_scope and (
        {_lemma(dt, j) for j in scope} & lex.cue_set("speculation_adverbs")
        or _has_modal(dt, scope, lex.cue_set("speculation_modals"))
    ):
        return "speculated"
    # 5. planned
    if np_lemmas & lex.cue_set("planned_modifiers") or future:
        return "planned"
    if clause_scope and _has_modal(dt, scope, lex.cue_set("planned_modals")):
        return "planned"
    # 6. announced
    if trig.status:
        return trig.status
    if trig.type not in SPEECH_ACT_TYPES:
        verbs = {_lemma(dt, j) for j in clause_toks if dt.pos[j] in ("VERB", "AUX")}
        if light_verb is not None:
            verbs.add(_full_lemma(doc, light_verb, clause))
        if verbs & lex.cue_set("announce_verbs") or quoted or _reported(doc, clause_toks):
            return "announced"
    return "happened"


def _full_lemma(doc: Doc, verb: Token, clause: tuple[int, int]) -> str:
    from lagebild.events.triggers import full_verb_lemma

    return full_verb_lemma(doc, verb, clause)


def _np_before(dt: TokenTable, i: int) -> list[int]:
    """The noun's own modifiers: determiners and adjectives right before it (indices, nearest
    first)."""
    out: list[int] = []
    j = i - 1
    while j >= 0 and dt.pos[j] in ("DET", "ADJ", "ADV", "NUM") and len(out) < 5:
        out.append(j)
        j -= 1
    return out


def _has_modal(dt: TokenTable, scope: Sequence[int], modals: frozenset[str]) -> bool:
    for j in scope:
        lemma = _lemma(dt, j)
        if lemma in modals:
            if lemma == "werden" and not any(dt.tag[k] == "VVINF" for k in scope if k > j):
                continue  # "wurde"/"wird" as passive auxiliary, not the future
            if lemma == "werden" and dt.lower[j].startswith("wurde"):
                continue
            return True
    return False


def _demanded(doc: Doc, tok: Token, lex: EventLexicon) -> bool:
    dt = TokenTable.of(doc)
    verbs, nouns = lex.cue_set("demand_verbs"), lex.cue_set("demand_nouns")
    for j in range(dt.sent_start_of(tok.i), tok.i):
        if (dt.lemma[j] or dt.texts[j]).lower() in verbs or dt.texts[j] in nouns:
            if casualty_toll(doc[j], lex):
                continue  # "acht Tote forderte ein Anschlag": the attack happened
            return tok.i - j <= 8
    return False


def casualty_toll(verb: Token, lex: EventLexicon) -> bool:
    """ "fordern" with the dead or injured as its toll ("der Anschlag forderte acht Tote",
    "zwölf Tote forderte der Angriff"; `status_cues.json` `toll_verbs`, `casualty_nouns`):
    the toll of a disaster or an attack ("claimed lives"), neither a request nor a demand for
    what it names. The casualties are its object, or its subject only where the object is an
    attack noun (the parser's reading of the fronted toll): "Die Opfer forderten Aufklärung"
    is the victims' demand. A casualty noun may stand in apposition or coordination to a
    misparsed number ("Zwölf Tote und zahlreiche Verletzte")."""
    if (verb.lemma_ or "").lower() not in lex.cue_set("toll_verbs"):
        return False
    casualties = lex.cue_set("casualty_nouns")

    def casualty(c: Token) -> bool:
        heads = [c, *(g for g in c.children if g.dep_ in ("appos", "conj"))]
        return any(h.lemma_ in casualties or h.text in casualties for h in heads)

    # the toll as object, also where the parser read it as a bare oblique ("hat zwölf
    # Menschenleben gefordert")
    objects = [
        c
        for c in verb.children
        if c.dep_ == "obj" or (c.dep_ == "obl" and not any(g.dep_ == "case" for g in c.children))
    ]
    if any(casualty(c) for c in objects):
        return True
    return any(c.dep_ == "nsubj" and casualty(c) for c in verb.children) and any(
        t.type == "ASSAULT" for o in objects for t in noun_entries(lex, o.lemma_, o.text)
    )


def _attributed_to_speculation(doc: Doc, tok: Token, lex: EventLexicon) -> bool:
    """ "Beobachtern zufolge", "laut Medienberichten" in the sentence."""
    dt = TokenTable.of(doc)
    lo, hi = dt.sent_bounds(tok.i)
    sources = lex.cue_set("speculation_sources")
    for i in range(lo, hi):
        if dt.lower[i] in ("zufolge", "laut", "nach"):
            for j in range(max(lo, i - 2), min(hi, i + 3)):
                lemma = (dt.lemma[j] or dt.texts[j]).lower()
                if lemma.capitalize() in sources or dt.texts[j].rstrip("n") in sources:
                    return True
    return False


def _reported(doc: Doc, clause: Sequence[int]) -> bool:
    """Konjunktiv I on a finite verb: indirect speech reports a claim."""
    dt = TokenTable.of(doc)
    for j in clause:
        if dt.pos[j] in ("VERB", "AUX") and dt.tag[j].endswith("FIN"):
            try:
                if konjunktiv_type(doc[j]) == "I":
                    return True
            except Exception:  # pragma: no cover - mood rules need a parsed doc
                return False
    return False
