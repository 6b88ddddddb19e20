"""Find event triggers: verbs (with separated particles), nouns and noun compounds,
light-verb constructions ("Sanktionen verhängen", "Unterstützung zusichern")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from lagebild.events.labels import label_valence
from lagebild.events.lexicon import EventLexicon, Trigger
from lagebild.nlp.tokens import TokenTable

PLURAL_ENDINGS = ("ungen", "en", "n", "e", "s", "er")
VERB_POS = frozenset({"VERB", "AUX"})
# contracted prepositions: "zum Tod verurteilt" has the "zu" that "verurteilen zu" requires
CONTRACTED = {"zum": "zu", "zur": "zu", "im": "in", "ins": "in", "am": "an", "ans": "an"}
CONTRACTED |= {"vom": "von", "beim": "bei", "aufs": "auf", "übers": "über", "fürs": "für"}
PARTICLE_SCOPE_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—"})
SEPARABLE_PARTICLES = frozenset(
    {"ab", "an", "auf", "aus", "bei", "ein", "fest", "mit", "nach", "vor", "zu", "zurück"}
)


@dataclass
class TriggerMatch:
    """A token that signals an event, the lexicon entry, and its light verb if any."""

    token: Token
    entry: Trigger
    light_verb: Token | None = None


RELATIVE_FORMS = frozenset({"der", "die", "das", "dem", "den", "denen"})


def is_verb(tok: Token) -> bool:
    """Verb by POS or by STTS tag (the tagger and the UPOS model sometimes disagree)."""
    return _verbish(tok.pos_, tok.tag_)


def _verbish(pos: str, tag: str) -> bool:
    return pos in VERB_POS or tag.startswith("VV")


def full_verb_lemma(doc: Doc, verb: Token, clause: tuple[int, int]) -> str:
    """Lemma with its separated particle: "sicherte ... zu" -> "zusichern"."""
    return _full_verb_lemma(TokenTable.of(doc), verb.i, clause)


def _full_verb_lemma(dt: TokenTable, i: int, clause: tuple[int, int]) -> str:
    lemma = (dt.lemma[i] or dt.texts[i]).lower()
    tag = dt.tag[i]
    if tag in ("VVFIN", "VVIMP") or (dt.pos[i] == "VERB" and tag not in ("VVINF", "VVPP", "VVIZU")):
        # the particle closes the verb's clause; quotation marks inside it do not end it
        # ("warfen der Regierung „Wortbruch“ vor")
        end = dt.sent_bounds(i)[1]
        j = i + 1
        while j < end:
            if dt.texts[j] in PARTICLE_SCOPE_BREAKS:
                skip = _inserted_clause_end(dt, j, end) if dt.texts[j] == "," else None
                if skip is None:
                    break
                j = skip + 1  # "lehnte die Forderung, X zu prüfen, ab": past the insert
                continue
            if _is_particle(dt, j, (clause[0], end)):
                return dt.lower[j] + lemma
            if _verbish(dt.pos[j], dt.tag[j]) and dt.tag[j].endswith("FIN"):
                break
            j += 1
    return lemma


def _inserted_clause_end(dt: TokenTable, comma: int, end: int) -> int | None:
    """The closing comma of a zu-infinitive or relative clause inserted after `comma`
    ("lehnte die Forderung, Beweise zu prüfen, ab"; "lehnte den Plan, den X vorlegte,
    ab"), if a short one is there and only a particle and the sentence end follow it."""
    close = next((k for k in range(comma + 1, min(end, comma + 16)) if dt.texts[k] == ","), None)
    if close is None or close + 2 >= end + 1:
        return None
    first = comma + 1 + (dt.pos[comma + 1] == "ADP")
    relative = dt.tag[first] in ("PRELS", "PRELAT")
    infinitive = any(
        dt.tag[k] in ("PTKZU", "VVIZU") for k in range(comma + 1, close)
    ) and not any(dt.tag[k].endswith("FIN") for k in range(comma + 1, close))
    if not (relative or infinitive):
        return None
    # only the particle (and the final punctuation) may follow the insert
    rest = [
        k for k in range(close + 1, end) if dt.pos[k] != "PUNCT" and not dt.texts[k].isspace()
    ]
    return close if len(rest) == 1 else None


def _is_particle(dt: TokenTable, j: int, clause: tuple[int, int]) -> bool:
    """A separated verb particle: tagged so, or a particle word ending its clause ("warfen der
    Regierung Wortbruch vor."), which the tagger often reads as a preposition."""
    if dt.lower[j] in SEPARABLE_PARTICLES and dt.pos[j] in ("ADP", "ADV", "PART", "ADJ"):
        if j + 1 >= clause[1] or dt.pos[j + 1] == "PUNCT":
            return True
    return dt.tag[j] == "PTKVZ" or dt.dep[j] == "compound:prt"


def _particle_verb(dt: TokenTable, i: int, clause: tuple[int, int]) -> str:
    """Particle + lemma when a separated verb particle follows token `i` in its clause, else ""."""
    tag, dep, lower = dt.tag, dt.dep, dt.lower
    for j in range(i + 1, clause[1]):
        if (
            tag[j] == "PTKVZ"
            or dep[j] == "compound:prt"
            or (lower[j] in SEPARABLE_PARTICLES and _is_particle(dt, j, clause))
        ):
            return lower[j] + (dt.lemma[i] or dt.texts[i]).lower()
    return ""


def separable_past_lemma(lex: EventLexicon, low: str, lemma: str | None) -> str:
    """The lexicon verb of a past-tense form with its particle still attached, which the
    lemmatizer leaves unchanged in subordinate clauses ("…, worauf die Polizei drei Männer
    festnahm" -> "festnehmen"): particle + the stem's infinitive, for strong verbs
    from `status_cues.json` `past_stems` ("nahm" -> "nehmen"), for weak verbs by their "-te"
    ending ("festsetzte" -> "festsetzen"); also a weak verb without particle ("begnadigte" ->
    "begnadigen"); "" when the form is no such verb."""
    if (lemma or low).lower() != low or len(low) < 6:
        return ""
    return lex.past_lemma_cache.get(low, lambda w: _separable_past_lemma(lex, w))


def _separable_past_lemma(lex: EventLexicon, low: str) -> str:
    stems: dict[str, str] = lex.cues.get("past_stems", {})
    for particle in SEPARABLE_PARTICLES:
        if not low.startswith(particle) or len(low) - len(particle) < 3:
            continue
        rest = low[len(particle) :]
        base = stems.get(rest) or (stems.get(rest[:-2]) if rest.endswith("en") else None)
        if base is None:
            for ending in ("ten", "te", "tet"):
                if rest.endswith(ending) and len(rest) > len(ending) + 2:
                    base = rest[: -len(ending)] + "en"
                    break
        if base is not None and particle + base in lex.verbs:
            return particle + base
    # a weak verb without a particle the lemmatizer does not know ("begnadigte")
    for ending in ("eten", "ete", "etet", "ten", "te", "tet"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            base = low[: -len(ending)] + "en"
            if base in lex.verbs:
                return base
    return ""


def participle_infinitive(tok: Token) -> str:
    """Infinitive guessed from a weak participle the lemmatizer left unchanged ("gedankt" ->
    "danken", "entführt" -> "entführen"); empty when the form is no such participle."""
    return _participle_infinitive(tok.lemma_, tok.lower_)


INSEPARABLE_PREFIXES = ("be", "ent", "er", "ver", "zer", "emp", "miss")


def _participle_infinitive(lemma: str, low: str) -> str:
    if lemma.lower() != low or not low.endswith("t"):
        return ""
    if low.startswith("ge"):
        return low[2:-1] + "en" if len(low) > 5 else ""
    if low.startswith(INSEPARABLE_PREFIXES) and len(low) > 6 and not low.endswith("iert"):
        # no "ge-" after an inseparable prefix ("entführt" -> "entführen")
        return low[:-1] + "en"
    return ""


def noun_forms(tok: Token) -> list[str]:
    """Lower-case forms to look a noun up by: lemma, text, and text without plural ending."""
    return _forms(tok.lemma_, tok.text)


def _forms(lemma: str, text: str) -> list[str]:
    low = text.lower()
    forms = [lemma.lower(), low]
    for end in PLURAL_ENDINGS:
        if low.endswith(end) and len(low) > len(end) + 3:
            forms.append(low[: -len(end)] + ("ung" if end == "ungen" else ""))
    return list(dict.fromkeys(f for f in forms if f))


def find_triggers(
    doc: Doc, sent: Span, lex: EventLexicon, clause_of: dict[int, tuple[int, int]]
) -> list[TriggerMatch]:
    """All trigger matches of a sentence whose lexicon constraints hold."""
    dt = TokenTable.of(doc)
    occurrence = lex.cue_set("occurrence_verbs")
    out: list[TriggerMatch] = []
    verb_lemmas: dict[int, str] = {}
    nouns_of: dict[tuple[int, int], list[tuple[int, str]]] = {}  # per clause, for `_check`
    pos_, texts, lemma_, verbs = dt.pos, dt.texts, dt.lemma, lex.verbs
    lo, hi = sent.start, sent.end
    for i, pos, tag in zip(range(lo, hi), pos_[lo:hi], dt.tag[lo:hi], strict=True):
        if pos in VERB_POS or tag[:2] == "VV":
            verb_lemmas[i] = _full_verb_lemma(dt, i, clause_of[i])
        elif (pos == "ADJ" or pos == "ADV") and texts[i].islower():
            # the tagger often misreads the finite part of a separable verb ("wirft ... vor"
            # as an adjective): its lemma plus the particle later in the clause names the verb
            lemma = _particle_verb(dt, i, clause_of[i])
            if lemma in verbs:
                verb_lemmas[i] = lemma
    for i in range(lo, hi):
        entries: list[Trigger] = []
        if i in verb_lemmas:
            entries = (
                verbs.get(verb_lemmas[i], [])
                or verbs.get(_participle_infinitive(lemma_[i], dt.lower[i]), [])
                or verbs.get(separable_past_lemma(lex, dt.lower[i], lemma_[i]), [])
            )
        elif (pos_[i] == "NOUN" or pos_[i] == "PROPN") and texts[i][:1].isupper():
            entries = noun_entries(lex, lemma_[i], texts[i])
        for entry in entries:
            match = _check(
                dt, doc[i], entry, clause_of[i], verb_lemmas, occurrence, nouns_of, lex
            )
            if match is not None:
                out.append(match)
                break
    return out


def may_trigger(dt: TokenTable, lex: EventLexicon, lo: int, hi: int) -> bool:
    """False when `find_triggers` surely finds nothing in tokens [lo, hi): no verb whose lemma
    (with some word of the sentence as its particle) is a lexicon verb, and no noun with
    lexicon entries. Most sentences are ruled out here without building their clauses."""
    heads, verbs, lower = lex.verb_heads, lex.verbs, dt.lower
    words: set[str] | None = None  # the sentence's words, read when a lemma needs a particle
    for i, pos, tag, lemma, text in zip(
        range(lo, hi), dt.pos[lo:hi], dt.tag[lo:hi], dt.lemma[lo:hi], dt.texts[lo:hi], strict=True
    ):
        if pos in VERB_POS or tag[:2] == "VV":
            prefixes = heads.get((lemma or text).lower())
            if prefixes is not None:
                if "" in prefixes:
                    return True
                words = set(lower[lo:hi]) if words is None else words
                if not prefixes.isdisjoint(words):
                    return True
            low = lower[i]
            if _participle_infinitive(lemma, low) in verbs:
                return True
            if separable_past_lemma(lex, low, lemma):
                return True
        elif pos == "NOUN" or pos == "PROPN":
            if text[:1].isupper() and noun_entries(lex, lemma, text):
                return True
        elif pos == "ADJ" or pos == "ADV":
            if text.islower():
                prefixes = heads.get((lemma or text).lower())
                if prefixes is not None:
                    words = set(lower[lo:hi]) if words is None else words
                    if not prefixes.isdisjoint(words):
                        return True
    return False


def noun_entries(lex: EventLexicon, lemma: str, text: str) -> list[Trigger]:
    """Lexicon entries of a noun (by lemma, text, plural-less text, or compound head), cached
    per (lemma, text) on the lexicon."""
    return lex.noun_cache.get((lemma, text), lambda key: _noun_entries(key[0], key[1], lex))


def _noun_entries(lemma: str, text: str, lex: EventLexicon) -> list[Trigger]:
    forms = _forms(lemma, text)
    for form in forms:
        if form in lex.nouns:
            return lex.nouns[form]
    # compounds: the longest lexicon head that ends a form, with at least 3 letters before it
    best: tuple[str, str, Trigger] | None = None
    tail, tails = lex.compound_tails
    for form in forms:
        form = form.replace("-", "")
        if form[-tail:] not in tails:
            continue
        for k in range(3, len(form)):
            entry = lex.compound_index.get(form[k:])
            if entry is not None:
                if best is None or len(form) - k > len(best[1]):
                    best = (form, form[k:], entry)
                break
    if best is None:
        return []
    form, head, entry = best
    prefix = text[: len(form) - len(head)]
    if any(prefix.startswith(p) for p in entry.exclude_prefixes):
        return []
    return [entry]


def _check(
    dt: TokenTable,
    tok: Token,
    entry: Trigger,
    clause: tuple[int, int],
    verb_lemmas: dict[int, str],
    occurrence_verbs: frozenset[str],
    nouns_of: dict[tuple[int, int], list[tuple[int, str]]] | None = None,
    lex: EventLexicon | None = None,
) -> TriggerMatch | None:
    lo, hi, ti = clause[0], clause[1], tok.i
    light: Token | None = None
    if entry.needs_verb:
        # verb_lemmas holds the verbs of this sentence in text order
        k = next(
            (k for k, lem in verb_lemmas.items() if lem in entry.needs_verb and abs(k - ti) <= 12),
            None,
        )
        if k is None:
            return None
        light = tok.doc[k]
    if entry.needs_object or entry.exclude_objects:
        clause_nouns = nouns_of.get(clause) if nouns_of is not None else None
        if clause_nouns is None:
            clause_nouns = [
                (j, _noun_lemma(dt.lemma[j] or dt.texts[j]))
                for j in range(lo, hi)
                if dt.pos[j] in ("NOUN", "PROPN")
            ]
            if nouns_of is not None:
                nouns_of[clause] = clause_nouns
        nouns = {n for j, n in clause_nouns if j != ti}
        if entry.exclude_objects:
            # the verb's own objects, also where an apposition cut the clause ("zu einer
            # Demonstration vom Stadion zur X, einer der Straßen der Stadt, aufgerufen")
            nouns.update(_noun_lemma(c.lemma_) for c in tok.children if c.dep_ in ("obj", "obl"))
        r = lo + 1 if dt.texts[lo] == "," else lo
        if (
            entry.exclude_objects
            and r + 2 < hi
            and dt.tag[r] == "APPR"
            and (dt.tag[r + 1] == "PRELS" or dt.lower[r + 1] in RELATIVE_FORMS)
            and dt.pos[r + 2] not in ("NOUN", "PROPN", "ADJ")
        ):
            # "die Demonstration, zu der X aufgerufen hatte": the relative pronoun's noun
            k = r - 1
            while k > 0 and dt.pos[k] == "PUNCT":
                k -= 1
            if dt.pos[k] == "NOUN":
                nouns.add(_noun_lemma(dt.lemma[k] or dt.texts[k]))
        if entry.needs_object and not any(
            n.startswith(o) or n.endswith(o.lower()) for n in nouns for o in entry.needs_object
        ):
            return None
        if entry.exclude_objects and any(
            n in entry.exclude_objects
            or any(len(n) > len(o) + 2 and n.endswith(o.lower()) for o in entry.exclude_objects)
            for n in nouns
        ):
            return None  # also compounds: "zu einer Großdemonstration aufgerufen"
    if entry.requires_pp and not any(
        CONTRACTED.get(dt.lower[j], dt.lower[j]) in entry.requires_pp
        and (dt.pos[j] == "ADP" or dt.tag[j] in ("APPR", "APPRART", "KOKOM"))
        for j in range(lo, hi)
    ):
        return None  # (KOKOM: "bezeichnete X als Y" names "als" like a preposition)
    if entry.label and (lex is None or label_valence(dt, ti, clause, lex) != entry.label):
        return None  # "bezeichnete den Gipfel als das größte Ereignis": no reproach
    if entry.no_reflexive and any(dt.tag[j] == "PRF" for j in range(ti + 1, min(hi, ti + 3))):
        return None  # "bezeichnet sich als Projekt": a self-description
    if entry.exclude_prep and _opening_prep(dt, ti) in entry.exclude_prep:
        return None  # "mit Hilfe von Hubschraubern", "mit Unterstützung der Armee": a means
    if entry.exclude_pp and any(
        dt.lower[j] in entry.exclude_pp and dt.pos[j] == "ADP" for j in range(lo, hi)
    ):
        return None  # "trafen auf Widerstand": "treffen auf" is no meeting
    if entry.requires_word and not any(
        dt.lower[j] in entry.requires_word for j in range(max(lo, ti - 3), ti)
    ):
        return None  # "gefangen genommen", "fest genommen": the word before the verb decides
    if light is None and entry.pos == "NOUN":
        # a verb of occurrence governing the noun ("ein Treffen findet statt"), if the parse says so
        head = tok.head
        if head.i in verb_lemmas and head.i != ti and verb_lemmas[head.i] in occurrence_verbs:
            light = head
    return TriggerMatch(tok, entry, light)


def _opening_prep(dt: TokenTable, i: int) -> str:
    """The preposition right before the noun `i` and its article/adjectives, lower case."""
    j = i - 1
    while j >= 0 and dt.pos[j] in ("DET", "ADJ") and i - j <= 4:
        j -= 1
    if j < 0 or not (dt.pos[j] == "ADP" or dt.tag[j] in ("APPR", "APPRART")):
        return ""
    return CONTRACTED.get(dt.lower[j], dt.lower[j])


def _noun_lemma(lemma: str) -> str:
    return lemma[:1].upper() + lemma[1:]
