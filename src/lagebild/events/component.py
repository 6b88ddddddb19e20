"""The `lagebild_events` spaCy component: PLOVER events with actor, recipient, place, date,
status and evidence on `doc._.events`.

Steps per sentence: 1. triggers from the lexicon, 2. entity candidates, 3. roles by case,
preposition and parse, 4. status from cues, 5. date (clause, else article date), 6. place
(geocoded prepositional phrase). Per document: 7. recipient inheritance and place sharing
among events of the same type and parties, 8. context tags.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lagebild.entities.clusters import cluster_at
from lagebild.entities.kb import KnowledgeBase
from lagebild.events.arguments import (
    CIRCUMSTANCE_PREPS,
    SPECIFIC_GROUP,
    ArgumentFinder,
    Candidate,
    before_lead,
    clause_map,
    cluster_participant,
    is_passive,
    prep_of,
    zu_infinitive,
)
from lagebild.events.dates import anchor_date, find_dates, parse_anchor, upcoming
from lagebild.events.event import Event, EventDate, Location, Participant
from lagebild.events.geocode import RANK_COUNTRY, geocode
from lagebild.events.labels import label_span
from lagebild.events.lexicon import SYMMETRIC_TYPES, EventLexicon, load_lexicon
from lagebild.events.status import casualty_toll, event_status
from lagebild.events.triggers import (
    TriggerMatch,
    find_triggers,
    full_verb_lemma,
    may_trigger,
    noun_entries,
)
from lagebild.memo import BoundedMemo
from lagebild.nlp.extensions import register_extensions
from lagebild.nlp.tokens import TokenTable

WEAPON_MODE_TYPES = frozenset({"AID"})
DEFINITE_WORDS = frozenset(
    {"der", "die", "das", "dem", "den", "des", "dieser", "diese", "dieses", "diesem", "diesen"}
)
NP_PLACE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "X", "NUM"})
# what stands between an event noun and its article ("die zwei erst gestern gemeldeten
# Festnahmen")
ASSERTED_LEAD_POS = frozenset({"ADJ", "ADV", "NUM"})
# what stands between the noun of an "um … zu" clause and its article ("um die zwei Angriffe")
ADJ_NUM = frozenset({"ADJ", "NUM"})
CROWD_TYPES = frozenset({"PROTEST"})
REPEATLESS_TYPES = frozenset({"ASSAULT", "COERCE"})  # a person is killed/arrested once
# a noun trigger these open names no happening: "ohne Anklage", "Haltung gegenüber Sanktionen",
# "statt Sanktionen"
NO_EVENT_PREPS = frozenset({"ohne", "gegenüber", "statt", "anstatt", "anstelle"})
# the title of a related article, ending in its date ("… verurteilt (12.10.2011)")
LINK_TITLE = re.compile(r"\(\d{1,2}\.\d{1,2}\.\d{4}\)\s*$")
INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
OFFICIAL_SECTORS = frozenset({"GOV", "IGO", "LEG", "JUD"})
FEEL_VERBS = frozenset({"fühlen", "sehen", "wähnen"})
RELATIVE_GAP = 15  # tokens between a noun and the relative clause that describes it
NEAR_VERB_TOKENS = 6  # a definite noun this close to a verb event of its type is that event
# speech acts: inside a quotation with no actor of its own, the speaker is the actor
SPEECH_TYPES = frozenset(
    {"REQUEST", "ACCUSE", "THREATEN", "AGREE", "REJECT", "SUPPORT"}
)  # types whose unnamed actor is the crowd on the spot


class EventExtractor:
    """Find PLOVER events in a parsed doc (see the module docstring for the steps)."""

    def __init__(self, kb_paths: Sequence[str] = (), trigger_paths: Sequence[str] = ()) -> None:
        self.kb = KnowledgeBase.load(kb_paths)
        self.lex: EventLexicon = load_lexicon(tuple(trigger_paths))
        self.args = ArgumentFinder(self.kb, self.lex)
        self._places: dict[tuple[int, int, int], Location | None] = {}
        # the latest group actor (no named entity) of an event: what a plural "sie" refers to
        self._group_actor: tuple[int, Participant] | None = None

    def __call__(self, doc: Doc) -> Doc:
        """Set `doc._.events`."""
        doc._.events = self.events(doc)
        return doc

    def events(self, doc: Doc) -> list[Event]:
        """All events of the doc in text order."""
        article = doc._.article
        article_date: str | None = getattr(article, "date", None) if article is not None else None
        quotes = [(q.start, q.end) for q in doc._.quotes if getattr(q, "type", "") != "reported"]
        out: list[Event] = []
        threatened: list[Event] = []  # deeds only threatened: no events, but referred back to
        self._places.clear()
        self._group_actor = None
        self.args.forget_doc()
        dt = TokenTable.of(doc)
        home = main_country(doc, self.kb)
        persons = {c.id for c in doc._.entities if getattr(c, "type", None) == "PER"}
        for s_index, (s_start, s_end) in enumerate(dt.sentences):
            if not may_trigger(dt, self.lex, s_start, s_end):
                continue
            if LINK_TITLE.search(dt.text, dt.idx[s_start], dt.end_char(s_end)):
                continue  # "Verwandte Artikel: X zu Haft verurteilt (12.10.2011)": a link
            sent = doc[s_start:s_end]
            clause_of = clause_map(sent)
            matches = find_triggers(doc, sent, self.lex, clause_of)
            if not matches:
                continue
            cands = self.args.candidates(doc, sent, article_date, home)
            dates = find_dates(
                dt.text[sent.start_char : sent.end_char], article_date, offset=sent.start_char
            )
            built = [
                (
                    m,
                    self._event(
                        doc, sent, s_index, m, cands, clause_of, dates, article_date, quotes, home
                    ),
                )
                for m in matches
            ]
            # the sentence's verb events, for nouns they govern ("durch Angriffe getötet")
            verb_types = {
                m.token.i: ev.type for m, ev in built if ev is not None and m.entry.pos == "VERB"
            }
            for match, event in built:
                if event is None:
                    continue
                if match.entry.pos == "VERB" and _relative_to_noun(
                    doc, match.token.i, clause_of[match.token.i], event.type, built
                ):
                    continue  # "eine Petition, in der der König ersucht wird": one request
                if (
                    match.entry.pos == "VERB"
                    and event.type != "THREATEN"
                    and _requested(doc, match.token, verb_types)
                ):
                    continue  # "rief die Armee auf, das Volk zu unterstützen": the request only
                if match.entry.pos == "NOUN" and _back_reference(
                    doc, match, event, out + threatened, verb_types, self.lex
                ):
                    # "die Demonstration" after "Tausende demonstrierten": one event; a stance
                    # on it ("unterstützten die Forderungen") is aimed at its author
                    _merge_repeat(doc, _referent(event, out + threatened), event)
                    _aim_at_owner(match.token, event, built, out)
                    continue
                if (
                    match.entry.pos == "NOUN"
                    and event.status == "demanded"
                    and verb_types.get(match.token.head.i) == "REQUEST"
                ):
                    continue  # "verlangten den Rücktritt des Kabinetts": the request only
                if match.entry.pos == "NOUN" and _threatened_deed(
                    match.token, event, built, self.lex.defaults.get("threat_types", ())
                ):
                    # "hat Anschläge auf X angedroht": the threat only, aimed at X ("die
                    # Anschläge" later refers back to what was threatened)
                    threatened.append(event)
                    continue
                if match.entry.pos == "NOUN" and _object_of_stance(match.token, event, verb_types):
                    # "lehnte die Forderung ab", "unterstützten die Forderungen": the stance
                    # is the event, and it is aimed at the one who demanded
                    _aim_at_owner(match.token, event, built, out)
                    continue
                if match.entry.pos == "VERB" and _injury_of_attack(
                    doc, match, event, built, self.lex
                ):
                    continue  # "vier Menschen getötet und zwölf verletzt": one attack
                same = next((e for e in reversed(out[-3:]) if _same_report(e, event)), None)
                if same is not None:
                    _merge_repeat(doc, same, event)
                    continue  # "Asyl gewähren": the noun and its verb name one event
                if match.entry.pos == "VERB" and _same_person_again(event, out, persons):
                    _merge_repeat(doc, _referent(event, out, persons), event, person=True)
                    continue  # "X wurde getötet" … "soll X getötet worden sein": one killing
                told = _told_again(doc, match.token, clause_of[match.token.i], event, out, self.lex)
                if told is not None:
                    _merge_repeat(doc, told, event)
                    continue  # "kritisiert das Gesetz" … "Insbesondere wird kritisiert": one
                out.append(event)
                actor = event.actor
                if actor is not None and actor.entity_id is None and actor.code:
                    self._group_actor = (event.sent_index, actor)
        self.args.forget_doc()
        _share_within_doc(out)
        tags = context_tags(doc, self.lex)
        for event in out:
            event.context = tags
        return out

    def _event(
        self,
        doc: Doc,
        sent: Span,
        s_index: int,
        match: TriggerMatch,
        cands: list[Candidate],
        clause_of: dict[int, tuple[int, int]],
        dates: list[Any],
        article_date: str | None,
        quotes: list[tuple[int, int]],
        home: str | None = None,
    ) -> Event | None:
        tok, entry = match.token, match.entry
        clause = clause_of[tok.i]
        if match.light_verb is not None:
            lv = clause_of[match.light_verb.i]
            clause = (min(clause[0], lv[0]), max(clause[1], lv[1]))
        if entry.no_passive and (is_passive(doc, tok) or _bare_participle(doc, tok, clause)):
            return None  # "wurde von Schlägen getroffen", "die getroffen wurden"
        if entry.pos == "NOUN" and _not_a_report(doc, tok, self.lex):
            return None  # "ohne Anklage", "die Notwendigkeit solcher Angriffe"
        if entry.pos == "VERB" and _can(doc, tok.i, clause, self.lex):
            return None  # "Die Behörden können Verdächtige inhaftieren": a power, no deed
        if entry.pos == "VERB" and _felt(doc, tok.i, clause):
            return None  # "sehen sich angegriffen": a feeling, no attack reported
        if entry.pos == "VERB" and _verb_names_no_deed(doc, tok, entry, clause, self.lex):
            return None  # "ihm droht Haft", "warnte vor Anschlägen", "wies die Vorwürfe zurück"
        if entry.label:
            cands = _outside_label(doc, tok, clause, cands)
        actor, recipient = self.args.assign(doc, entry, tok, cands, clause, sent, match.light_verb)
        if actor is None and entry.pos == "VERB" and _plural_pronoun_subject(doc, tok):
            # "Tausende Bauern demonstrierten. Sie verlangten …": a plural "sie" as subject
            # takes the group that acted just before, else the group that was the subject
            # of the sentence before ("Einige der Bischöfe schrieben … Sie drängten …")
            if self._group_actor is not None and s_index - self._group_actor[0] <= 1:
                actor = replace(self._group_actor[1])
            else:
                actor = self._group_subject_before(doc, s_index, article_date, home)
        if actor is None and entry.type in SPEECH_TYPES:
            actor = speaker_of(doc, tok.idx, home)
        if actor is None and entry.type == "PROTEST":
            # "Zu den Protesten kam es, weil die Opposition …": the opposition named with an
            # unattributed protest is its organiser, not an anonymous crowd
            actor = next(
                (
                    replace(c.participant)
                    for c in cands
                    if c.participant.sector == "OPP"
                    and c.participant is not recipient
                    and not (c.start <= tok.i < c.end)
                ),
                None,
            )
        if recipient is None and entry.type == "REQUEST" and entry.pos == "VERB":
            recipient = _party_of_requested(doc, tok, cands, self.lex)
        if entry.needs_recipient and recipient is None:
            return None
        partyless_ok = _asserted(doc, tok, entry) or (
            # "Der Anschlag forderte acht Tote": the toll reports the attack
            entry.pos == "NOUN" and tok.dep_ == "nsubj" and casualty_toll(tok.head, self.lex)
        )
        if _no_party(actor) and _no_party(recipient) and entry.type not in CROWD_TYPES:
            # a "party" of no country (a misread name: "ihrer Forderung nach Neuwahlen")
            # does not make a background noun an event
            if not partyless_ok:
                return None
        location = self._location(doc, sent, clause)
        date = _pick_date(doc, tok, clause, dates) or anchor_date(article_date)
        future = _is_future(date, article_date)
        quoted = any(s <= tok.idx < e for s, e in quotes)
        status = event_status(doc, tok, entry, clause, self.lex, match.light_verb, quoted, future)
        if (status == "hypothetical" or entry.pos == "NOUN") and _indirect_question(doc, clause):
            return None  # "unklar, ob man sie erschossen hat": asked, not reported
        mode = entry.mode or self._mode(doc, tok, entry, clause)
        etype = entry.type
        if status == "planned" and date is not None:
            date = upcoming(date, article_date)
        if self._threat(doc, tok, entry, status):
            # "die Taliban würden ... stürmen", announced: the statement is the threat
            etype, mode, status = "THREATEN", "violence", "happened"
        # "Tausende demonstrierten in Bangkok", "er wurde festgenommen": the party the type
        # implies (civilians, the police) of the place, else of the article's country
        code = location.country if location is not None else home
        if actor is None:
            # a trigger-specific implied actor ("angeklagt": the prosecution) only for an
            # event that stands without it
            actor = self._implied(
                etype, mode, "actor", code, tok, by_lemma=recipient is not None or partyless_ok
            )
        else:
            actor = self._default_sector(etype, mode, "actor", actor)
        if recipient is None:
            recipient = self._implied(etype, mode, "recipient", code, tok)
        else:
            recipient = self._default_sector(etype, mode, "recipient", recipient)
        if actor is None and recipient is None and not partyless_ok:
            return None
        if (
            etype == "PROTEST"
            and actor is not None
            and actor.sector in OFFICIAL_SECTORS
            and not (entry.pos == "NOUN" and tok.idx <= actor.start < tok.idx + len(tok.text))
        ):
            # a government or an IGO "protests" in words: PLOVER's verbal ACCUSE, not a demo;
            # also the noun ("Proteste der Vereinten Nationen"), but not "Regierungsproteste",
            # whose first part is no actor
            etype, mode = "ACCUSE", "disapprove"
        sent_text = TokenTable.of(doc).text[sent.start_char : sent.end_char].rstrip()
        evidence = (sent.start_char, sent.start_char + len(sent_text), sent_text)
        trigger = (tok.idx, tok.idx + len(tok.text), tok.text)
        confidence = (
            0.45
            + (0.2 if actor else 0)
            + (0.15 if recipient else 0)
            + (0.1 if entry.pos == "VERB" else 0)
        )
        ident = _event_id(doc, etype, tok.idx)
        return Event(
            id=ident,
            type=etype,
            mode=mode,
            status=status,
            evidence=evidence,
            trigger=trigger,
            actor=actor,
            recipient=recipient,
            location=location,
            date=date,
            confidence=min(confidence, 0.95),
            sent_index=s_index,
        )

    def _implied(
        self,
        etype: str,
        mode: str,
        role: str,
        code: str | None,
        tok: Token,
        by_lemma: bool = False,
    ) -> Participant | None:
        lemma = self._lemma_of(tok) if by_lemma else None
        sector = self.lex.default_sector(etype, mode, role, lemma)
        if sector is None or not code:
            return None
        return Participant(text="", start=tok.idx, end=tok.idx, code=code, sector=sector)

    def _group_subject_before(
        self, doc: Doc, s_index: int, article_date: str | None, home: str | None
    ) -> Participant | None:
        """The plural group that is the subject of the sentence before `s_index` ("Die
        Bauern", "Einige der Bischöfe"), looking one sentence further back where that
        sentence's own subject is a plural "sie" too."""
        dt = TokenTable.of(doc)
        for k in (s_index - 1, s_index - 2):
            if k < 0:
                return None
            lo, hi = dt.sentences[k]
            for c in self.args.candidates(doc, doc[lo:hi], article_date, home):
                part = c.participant
                if (
                    c.specific == SPECIFIC_GROUP
                    and part.entity_id is None
                    and part.code
                    and c.prep is None
                    and (
                        (c.dep.startswith("nsubj") and c.case not in ("Dat", "Acc", "Gen"))
                        or _partitive(dt, c.start)
                    )
                ):
                    return replace(part)
            if not any(
                dt.lower[j] == "sie"
                and dt.tag[j] == "PPER"
                and (doc[j].dep_ == "nsubj" or "Nom" in doc[j].morph.get("Case", []))
                for j in range(lo, hi)
            ):
                return None
        return None

    def _lemma_of(self, tok: Token) -> str:
        """The trigger's lemma as the lexicon spells it (nouns capitalised, verbs lower case)."""
        lemma = TokenTable.of(tok.doc).lemma[tok.i] or tok.text
        return lemma if tok.pos_ in ("NOUN", "PROPN") else lemma.lower()

    def _default_sector(self, etype: str, mode: str, role: str, party: Participant) -> Participant:
        """A named party whose sector nothing gave takes the sector the type implies for its
        role ("wurde er festgenommen": a civilian, as an unnamed arrestee would be)."""
        if party.sector is not None or not party.code:
            return party
        sector = self.lex.default_sector(etype, mode, role)
        return party if sector is None else replace(party, sector=sector)

    def _threat(self, doc: Doc, tok: Token, entry: Any, status: str) -> bool:
        """Violence announced, not done: a hypothetical or planned ASSAULT/COERCE whose sentence
        has a verb of saying or announcing before the trigger."""
        if entry.type not in self.lex.defaults.get("threat_types", ()):
            return False
        dt = TokenTable.of(doc)
        if status not in ("hypothetical", "planned") and not (
            status == "announced" and dt.tag[tok.i] in ("VVIZU", "VVINF")
        ):
            return False  # "kündigte an, ... anzugreifen" is a threat, "teilte mit, ..." is not
        speech = frozenset(self.lex.defaults.get("threat_speech_verbs", ()))
        lo, hi = dt.sent_bounds(tok.i)
        return any(
            dt.pos[j] in ("VERB", "AUX") and full_verb_lemma(doc, doc[j], (lo, hi)) in speech
            for j in range(lo, tok.i)
        )

    def _mode(self, doc: Doc, tok: Token, entry: Any, clause: tuple[int, int]) -> str:
        if entry.type in WEAPON_MODE_TYPES:
            weapons = self.lex.cue_set("weapon_words")
            window = doc[max(clause[0], tok.i - 4) : min(clause[1], tok.i + 6)]
            if any(w.lower() in t.lower_ for t in window for w in weapons):
                return "weapons"
        return ""

    def _location(self, doc: Doc, sent: Span, clause: tuple[int, int]) -> Location | None:
        """The most specific place named in a locative PP of the clause (else of the sentence)."""
        for lo, hi in (clause, (sent.start, sent.end)):
            best = self._place_in_range(doc, lo, hi)
            if best is not None:
                return best
        return None

    def _place_in_range(self, doc: Doc, lo: int, hi: int) -> Location | None:
        """The most specific place in a locative PP of tokens [lo, hi) (cached per doc: the
        events of one sentence share their clauses)."""
        key = (id(doc), lo, hi)
        if key in self._places:
            return self._places[key]
        dt = TokenTable.of(doc)
        best: Location | None = None
        for i in range(lo, hi):
            if dt.pos[i] != "ADP" and dt.tag[i] not in ("APPR", "APPRART"):
                continue
            prep = dt.lower[i]
            prep = {"im": "in", "am": "an", "beim": "bei", "ins": "in"}.get(prep, prep)
            if prep not in self.lex.location_preps and not (
                # "in der Nähe von Brüssel", "am Rand von Lima": the place is the von-phrase
                prep in ("von", "vom")
                and i > lo
                and (dt.lemma[i - 1] or dt.texts[i - 1]) in self.lex.von_place_nouns
            ):
                continue
            found = self._place_in_np(doc, i + 1, hi)
            if found is not None and (best is None or found.rank > best.rank):
                best = found
        self._places[key] = best
        return best

    def _place_in_np(self, doc: Doc, start: int, hi: int) -> Location | None:
        dt = TokenTable.of(doc)
        end = start
        while end < hi and end - start < 7 and dt.pos[end] in NP_PLACE_POS:
            end += 1
        best: Location | None = None
        for i in range(start, end):
            text, pos = dt.texts[i], dt.pos[i]
            if not text[:1].isupper() or pos == "DET":
                continue
            for n in (3, 2, 1):
                if i + n > end:
                    continue
                if (
                    n == 1
                    and pos != "PROPN"
                    and doc[i].ent_type_ != "LOC"
                    and not _is_kb_place(text)
                ):
                    continue
                span_text = dt.span_text(i, i + n)
                loc = geocode(span_text)
                if loc is not None:
                    loc.text = span_text
                    if best is None or loc.rank > best.rank:
                        best = loc
                    break
        return best


def speaker_of(doc: Doc, offset: int, home: str | None) -> Participant | None:
    """The speaker (as a participant with code and sector) of the quotation that holds the
    character `offset`: "„Wir fordern ...“, sagte X" makes X the actor of the demand."""
    for quote in doc._.quotes:
        speaker = getattr(quote, "speaker", None)
        if speaker is None or not (quote.start <= offset < quote.end):
            continue
        if speaker.start <= offset < speaker.end:
            continue
        cluster = cluster_at(doc, speaker.start, speaker.end)
        if cluster is None:
            return None
        code = cluster.country or (home if cluster.type == "PER" else None)
        sector = cluster.sector or ("GOV" if getattr(cluster, "kind", None) == "country" else None)
        return cluster_participant(cluster, speaker, code, sector)
    return None


def main_country(doc: Doc, kb: KnowledgeBase | None = None) -> str | None:
    """The country the article is about: the country code named by most entity mentions
    (countries, their places and actors); None when no entity has a country."""
    counts: Counter[str] = Counter()
    for cluster in doc._.entities:
        code = getattr(cluster, "country", None)
        if code and len(code) == 3 and code.isalpha():
            counts[code] += len(cluster.mentions)
    if kb is not None:
        # country adjectives ("die weißrussische Polizei") name the country too
        dt = TokenTable.of(doc)
        tag, lower = dt.tag, dt.lower

        def iso3(form: str) -> str | None:
            country = kb.country_by_adjective(form)
            return country.iso3 if country is not None else None

        for i, pos in enumerate(dt.pos):
            if pos == "ADJ" or tag[i] == "ADJA":
                code = _ADJ_COUNTRY.get(lower[i], iso3)
                if code is not None:
                    counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


# word form -> ISO-3 code of the country adjective it is (None when it is none)
_ADJ_COUNTRY: BoundedMemo[str, str | None] = BoundedMemo(100_000)


def _back_reference(
    doc: Doc,
    match: TriggerMatch,
    event: Event,
    earlier: list[Event],
    verb_types: dict[int, str] | None = None,
    lex: EventLexicon | None = None,
) -> bool:
    """A definite noun ("die Proteste", "kritisierte den Anschlag") naming a happening of a type
    an earlier sentence already reported, with a compatible actor: the same event again (its
    recipient is often only the clause's object). A noun governed by a verb event of its own
    type in the sentence (`verb_types`: token index -> type) is that verb's happening
    ("durch NATO-Angriffe getötet": one attack), and so is a definite or possessive one a few
    words from such a verb ("dankte den Menschen für ihre Unterstützung"). A definite noun a
    few words from a verb event of another type refers back whatever its actor: the clause's
    parties are the verb's ("die AU verurteilte den Militärputsch"); so is the thing a naming
    verb labels, whatever the label ("bezeichnete den Gipfel als das größte Ereignis":
    `_named_thing`)."""
    tok = match.token
    head = tok.head.i
    if verb_types and head != tok.i and verb_types.get(head) == event.type:
        return True
    if _asserted(doc, tok, match.entry):
        return False
    near_types = {t for k, t in (verb_types or {}).items() if abs(k - tok.i) <= NEAR_VERB_TOKENS}
    if event.type in near_types:
        return True  # "dankte den Menschen für ihre Unterstützung": the thanks are the support
    # a verb event near it, or a naming verb that talks about it, owns the clause's parties
    talked_about = bool(near_types) or (lex is not None and _named_thing(doc, tok, lex))
    return any(
        e.type == event.type
        and e.sent_index < event.sent_index
        and (talked_about or _compatible(e.actor, event.actor))
        for e in earlier
    )


def _same_person_again(event: Event, earlier: list[Event], persons: set[str]) -> bool:
    """An attack or arrest of a person (an entity cluster of type PER) whom an earlier
    sentence already reported attacked or arrested, and not denied now: the same happening told
    again ("wurde von der Armee getötet" … "soll X bei einem Feuergefecht
    getötet worden sein"). A person is killed or arrested once per report."""
    rec = event.recipient
    if (
        event.type not in REPEATLESS_TYPES
        or event.status == "negated"
        or rec is None
        or rec.entity_id not in persons
    ):
        return False
    return any(
        e.type == event.type
        and e.sent_index < event.sent_index
        and e.status != "negated"
        and e.recipient is not None
        and e.recipient.entity_id == rec.entity_id
        for e in earlier
    )


# Event types done at a place (attacks, protests, repression, deployments, meetings).
PLACED_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "CONSULT"})


def _referent(
    event: Event, earlier: Sequence[Event], persons: set[str] | None = None
) -> Event | None:
    """The event a mention dropped as a repeat refers back to: the latest earlier event of its
    type (with `persons`, the one whose recipient is the same person). `earlier` may hold
    threatened deeds, which `_back_reference` also takes as referents."""
    rec = event.recipient
    best: Event | None = None
    for prev in earlier:
        if prev is event or prev.type != event.type or prev.sent_index > event.sent_index:
            continue
        if persons is not None and (
            rec is None or prev.recipient is None or prev.recipient.entity_id != rec.entity_id
        ):
            continue
        if best is None or (prev.sent_index, prev.trigger[0]) > (best.sent_index, best.trigger[0]):
            best = prev
    return best


def _merge_repeat(doc: Doc, kept: Event | None, repeat: Event, person: bool = False) -> None:
    """A mention dropped as a repeat of `kept` is one happening with it: a place only the
    repeat names goes to the kept event ("Tausende protestierten" … "Die Proteste im Bezirk
    X …"), or a more specific one in the same country. Dropping the repeat alone lost that
    place (round 8). Only where the repeat is surely the same thing — the same trigger lemma,
    or the same person attacked or arrested (`person`) — not for a definite noun of another
    word that only shares the type ("die Krisensitzung" … "die Beitrittsverhandlungen … in
    Österreich"), and only for happenings done at a place (`PLACED_TYPES`): a place in a later
    sentence about sanctions or criticism is the target's or the speaker's. Dates and
    parties stay the kept event's: a repeat's own date is often that of the background it is
    told with, its parties the clause's."""
    if kept is None or kept is repeat or kept.type not in PLACED_TYPES:
        return
    if not person and _trigger_lemma(doc, kept) != _trigger_lemma(doc, repeat):
        return
    loc, new = kept.location, repeat.location
    if new is not None and (
        loc is None or (new.rank > loc.rank and loc.country in (None, new.country))
    ):
        kept.location = new


def _told_again(
    doc: Doc,
    tok: Token,
    clause: tuple[int, int],
    event: Event,
    earlier: list[Event],
    lex: EventLexicon,
) -> Event | None:
    """The earlier event a later sentence tells again: the same trigger lemma and type, the
    same status, no date of its own and no party the earlier event does not have ("Der
    Bericht kritisiert das Wahlgesetz" … "Insbesondere wird kritisiert, dass …"). A new
    date or a new party makes it another happening of the kind, and so do a word that says
    so in its clause ("weitere Teilnehmer festgenommen", "beschuldigte seinerseits":
    `status_cues.json` `new_happening_cues`) and an indefinite article on a trigger noun
    ("Eine Freilassung sei möglich")."""
    if event.date is not None and event.date.text:
        return None
    dt = TokenTable.of(doc)
    cues = lex.cue_set("new_happening_cues")
    if any(dt.texts[j].lower() in cues for j in range(clause[0], clause[1])):
        return None
    if any(
        c.dep_ == "det" and c.tag_ == "ART" and c.lower_.startswith("ein") for c in tok.children
    ):
        return None
    lemma = _trigger_lemma(doc, event)
    for prev in reversed(earlier):
        if (
            prev.type == event.type
            and prev.sent_index < event.sent_index
            and prev.status == event.status
            and _trigger_lemma(doc, prev) == lemma
            and _no_new_party(prev.actor, event.actor)
            and _no_new_party(prev.recipient, event.recipient)
            and _no_new_place(prev.location, event.location)
        ):
            return prev
    return None


def _no_new_place(old: Location | None, new: Location | None) -> bool:
    """`new` names no other place than `old`: none, the same place, a place where `old` had
    none (`_merge_repeat` then moves it over), or one inside the old one's country when that
    is only a country ("protestierten in Ägypten" … "in Kairo"). "Tausende protestierten in
    Kairo" … "auch in Alexandria" are two protests."""
    if new is None or old is None:
        return True
    if new.geonameid is not None and new.geonameid == old.geonameid:
        return True
    if new.name == old.name:
        return True
    return old.rank == RANK_COUNTRY and old.country == new.country


def _trigger_lemma(doc: Doc, event: Event) -> str:
    """Lower-case lemma of an event's (first) trigger token."""
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return event.trigger[2].lower()
    return (TokenTable.of(doc).lemma[span[0].i] or span[0].text).lower()


def _no_new_party(old: Participant | None, new: Participant | None) -> bool:
    """`new` names nobody `old` does not: it is open, or the same participant."""
    if _open(new):
        return True
    if old is None or new is None:
        return False
    if new.entity_id is not None and new.entity_id == old.entity_id:
        return True
    return new.text == old.text


def _same_report(a: Event, b: Event) -> bool:
    """Two triggers a few words apart in one sentence, one type, the same parties."""
    return (
        a.type == b.type
        and a.sent_index == b.sent_index
        and abs(a.trigger[0] - b.trigger[0]) <= 25
        and _party_keys(a) == _party_keys(b)
    )


def _compatible(a: Participant | None, b: Participant | None) -> bool:
    """Two parties that may be one; a party only implied by the type (no text: the crowd of
    a protest) fits any."""
    if a is None or b is None or not a.text or not b.text:
        return True
    return a.key is None or b.key is None or a.key == b.key


def _asserted(doc: Doc, tok: Token, entry: Any) -> bool:
    """Whether the trigger reports a happening of its own even where no party is named: a
    verb, or a noun the clause introduces ("es kam zu einem Verbot", "gab einen Übergriff").
    A noun with a definite article, demonstrative or possessive, or one inside a
    circumstantial phrase ("nach der Festnahme", "bei der Offensive") refers to a happening
    reported elsewhere or only sets the scene."""
    if entry.pos == "VERB":
        return True
    dt = TokenTable.of(doc)
    lo = dt.sent_start_of(tok.i)
    j = before_lead(dt, tok.i, lo, ASSERTED_LEAD_POS)
    if j >= lo and (
        dt.lower[j] in DEFINITE_WORDS or dt.tag[j] in ("PPOSAT", "PDAT") or dt.tag[j] == "APPRART"
    ):
        return False
    if dt.tag[tok.i - 1] == "ADJA" and j >= lo:
        # "die für Freitag angesetzte Kundgebung": the article stands before the participle's
        # own phrase
        for k in range(j - 1, max(lo, j - 6) - 1, -1):
            if dt.pos[k] in ("VERB", "AUX", "PUNCT", "CCONJ"):
                break
            if dt.tag[k] == "ART" and dt.pos[k + 1] == "ADP":
                if dt.lower[k] in DEFINITE_WORDS:
                    return False
                break
    return prep_of(doc, tok.i, lo) not in CIRCUMSTANCE_PREPS


def _relative_to_noun(
    doc: Doc,
    i: int,
    clause: tuple[int, int],
    etype: str,
    built: list[tuple[TriggerMatch, Event | None]],
) -> bool:
    """The verb `i` sits in a relative clause ("…, in der der König ersucht wird") after a noun
    event of its type with no finite verb between: the clause describes that noun's
    happening."""
    dt = TokenTable.of(doc)
    lo = clause[0]
    while lo < i and dt.pos[lo] == "PUNCT":
        lo += 1
    j = lo + 1 if dt.pos[lo] == "ADP" else lo
    if j >= i or dt.tag[j] != "PRELS":
        return False
    return any(
        ev is not None
        and m.entry.pos == "NOUN"
        and ev.type == etype
        and lo - RELATIVE_GAP <= m.token.i < lo
        and not any(dt.tag[k].endswith("FIN") for k in range(m.token.i + 1, lo))
        for m, ev in built
    )


def _requested(doc: Doc, tok: Token, verb_types: dict[int, str]) -> bool:
    """A zu-infinitive governed by a REQUEST verb event of the sentence, or right after one
    (the parser often hangs it on an earlier verb): what is asked for, not a happening of its
    own."""
    dt = TokenTable.of(doc)
    i = tok.i
    if not zu_infinitive(dt, i):
        return False
    head = tok.head.i
    if head != i and verb_types.get(head) == "REQUEST":
        return True
    before = [k for k in verb_types if k < i]
    return bool(before) and verb_types[max(before)] == "REQUEST" and i - max(before) <= 12


def _can(doc: Doc, i: int, clause: tuple[int, int], lex: EventLexicon) -> bool:
    """An infinitive under present "kann/können/darf/dürfen" (`status_cues.json`
    `ability_modals`): what someone is able or allowed to do, not what was done."""
    dt = TokenTable.of(doc)
    if dt.tag[i] not in ("VVINF", "VVFIN"):  # beside a modal, a "finite" verb is an infinitive
        return False
    modals = lex.cue_set("ability_modals")
    return any(dt.lower[j] in modals and dt.tag[j] == "VMFIN" for j in range(clause[0], clause[1]))


def _felt(doc: Doc, i: int, clause: tuple[int, int]) -> bool:
    """A participle after "sich fühlen/sehen/wähnen" ("sie fühlen sich bedroht", "sehen sich
    angegriffen"): how someone feels, not what was done to them."""
    dt = TokenTable.of(doc)
    if dt.tag[i] not in ("VVPP", "VVFIN", "ADJD"):  # the tagger reads some participles as finite
        return False
    lo, hi = clause
    return "sich" in dt.lower[lo:hi] and any(
        dt.lemma[j] in FEEL_VERBS for j in range(lo, hi) if j != i
    )


def _party_of_requested(
    doc: Doc, tok: Token, cands: list[Any], lex: EventLexicon
) -> Participant | None:
    """The party whose deed a request asks for, named in the genitive of the requested event
    noun ("verlangten den Rücktritt des Kabinetts" -> the cabinet): the request's
    recipient."""
    for obj in tok.children:
        if obj.dep_ != "obj" or obj.pos_ != "NOUN" or not noun_entries(lex, obj.lemma_, obj.text):
            continue
        for gen in obj.children:
            if gen.dep_ != "nmod" or gen.i < obj.i:
                continue
            for cand in cands:
                if cand.start <= gen.i < cand.end:
                    return replace(cand.participant)
    return None


def _plural_pronoun_subject(doc: Doc, tok: Token) -> bool:
    """The subject of verb `tok` (or of its auxiliary's clause) is the pronoun "sie" with a
    plural finite verb ("Sie verlangten …", "Sie hatten … angegriffen")."""
    verbs = [tok] if tok.dep_ not in ("xcomp", "conj") else [tok, tok.head]
    if tok.tag_ in ("VVPP", "VVINF"):
        verbs.append(tok.head)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "nsubj" and child.lower_ == "sie" and child.tag_ == "PPER":
                finite = [verb, *verb.children]
                return any(
                    t.tag_.endswith("FIN") and "Plur" in t.morph.get("Number", []) for t in finite
                )
    return False


def _verb_names_no_deed(
    doc: Doc, tok: Token, entry: Any, clause: tuple[int, int], lex: EventLexicon
) -> bool:
    """A trigger verb used in a sense that reports no deed of its type: "demonstrierten damit,
    dass …" (showing), "dem Angeklagten droht Haft" (a looming penalty), "warnte vor
    Anschlägen" (a warning of others' acts), "…, was er zurückweist" (a denial), "forderte
    acht Tote" (a toll)."""
    if entry.intransitive and _transitive_use(doc, tok):
        return True
    if entry.type == "THREATEN":
        return _looming(doc, tok, clause, lex) or _danger_warning(doc, tok, clause, lex)
    if entry.type in ("SUPPORT", "REJECT") and _stance_no_event(tok, lex):
        return True
    if entry.type == "REJECT":
        return _denial(doc, tok, clause, lex)
    if entry.type == "REQUEST":
        return casualty_toll(tok, lex)
    return False


def _stance_no_event(tok: Token, lex: EventLexicon) -> bool:
    """Support or rejection of a value, no party nor measure ("unterstützt die
    Menschenrechte", "die Demokratie zu unterstützen", "den Frieden ablehnen"; `status_cues.json`
    `value_nouns`): a stated stance, no event."""
    values = lex.cue_set("value_nouns")
    return any(c.dep_ == "obj" and c.lemma_ in values for c in tok.children)


def _transitive_use(doc: Doc, tok: Token) -> bool:
    """An intransitive trigger verb (lexicon `intransitive`, "demonstrieren") with a "dass"
    clause or its correlative "damit/dadurch" ("demonstrierten damit, dass …"): it means
    "show" (objects like "Stärke" are the entry's `exclude_objects`)."""
    for child in tok.children:
        if child.tag_ == "PAV" and child.i > tok.i and child.lower_ in ("damit", "dadurch"):
            return True
        if child.dep_ in ("ccomp", "advcl") and any(g.lower_ == "dass" for g in child.children):
            return True
    return False


def _looming(doc: Doc, tok: Token, clause: tuple[int, int], lex: EventLexicon) -> bool:
    """ "drohen" of a misfortune that looms over someone ("dem Angeklagten droht eine Haftstrafe",
    "der Stadt droht ein Anschlag"): the clause names a penalty or danger (`status_cues.json`
    `looming_nouns`, also as a compound's last part) or an event noun, and no threat form
    ("mit" + the threatened act, a zu-infinitive) is there."""
    dt = TokenTable.of(doc)
    if (dt.lemma[tok.i] or "").lower() not in lex.cue_set("looming_verbs"):
        return False
    lo, hi = clause
    nouns = lex.cue_set("looming_nouns")
    found = False
    for j in range(lo, hi):
        low = dt.lower[j]
        if low == "mit" or dt.tag[j] in ("PTKZU", "VVIZU"):
            return False
        if j != tok.i and dt.pos[j] == "NOUN" and not found:
            lemma = dt.lemma[j] or dt.texts[j]
            found = any(lemma == n or low.endswith(n.lower()) for n in nouns) or bool(
                noun_entries(lex, lemma, dt.texts[j])
            )
    return found


def _danger_warning(doc: Doc, tok: Token, clause: tuple[int, int], lex: EventLexicon) -> bool:
    """ "warnen vor" + an event noun ("warnte vor Anschlägen in der Hauptstadt") or another
    danger ("vor dem Verzehr von Gurken"): a warning of what others may do or what may happen
    (`status_cues.json` `warning_verbs`), not a threat; "warnte vor Konsequenzen" stays one
    (`threat_nouns`)."""
    dt = TokenTable.of(doc)
    if (dt.lemma[tok.i] or "").lower() not in lex.cue_set("warning_verbs"):
        return False
    lo, hi = clause
    threats = lex.cue_set("threat_nouns")
    for j in range(lo, hi):
        if dt.lower[j] != "vor" or dt.pos[j] != "ADP":
            continue
        for k in range(j + 1, min(hi, j + 5)):
            if dt.tag[k] in ("PRELS", "PDS"):
                return True  # "Produkte, vor denen zu warnen sei"
            if dt.pos[k] == "NOUN":
                lemma = dt.lemma[k] or dt.texts[k]
                if noun_entries(lex, lemma, dt.texts[k]):
                    return True
                # "warnten vor dem Verzehr von Gurken": a danger, not a threat; "warnte vor
                # Konsequenzen" (`status_cues.json` `threat_nouns`) is one
                return not any(lemma.startswith(n) for n in threats)
    return False


def _denial(doc: Doc, tok: Token, clause: tuple[int, int], lex: EventLexicon) -> bool:
    """A refusal whose object is an accusation ("wies die Vorwürfe zurück", "…, was er
    zurückweist" after "wird vorgeworfen"): a denial, and denials are not events."""
    dt = TokenTable.of(doc)
    accusations = lex.cue_set("accusation_nouns")
    lo, hi = clause
    for j in range(lo, hi):
        if dt.pos[j] == "NOUN" and (dt.lemma[j] or dt.texts[j]) in accusations:
            return True
    k = lo
    while k < tok.i and dt.pos[k] == "PUNCT":
        k += 1
    if dt.lower[k] == "was" and dt.tag[k] == "PRELS":
        s_lo = dt.sent_start_of(tok.i)
        accuse = lex.cue_set("accuse_verbs")
        return any((dt.lemma[j] or "").lower() in accuse for j in range(s_lo, k))
    return False


def _injury_of_attack(
    doc: Doc,
    match: TriggerMatch,
    event: Event,
    built: list[tuple[TriggerMatch, Event | None]],
    lex: EventLexicon,
) -> bool:
    """An injury verb ("verletzt", `status_cues.json` `injury_verbs`) beside another ASSAULT
    verb of the sentence ("wurden vier Menschen getötet und zwölf verletzt"): the
    injuries of that attack, not a second one."""
    if event.type != "ASSAULT":
        return False
    dt = TokenTable.of(doc)
    i = match.token.i
    injuries = lex.cue_set("injury_verbs")
    if (dt.lemma[i] or "").lower() not in injuries:
        return False
    return any(
        ev is not None
        and m.entry.pos == "VERB"
        and ev.type == "ASSAULT"
        and m.token.i != i
        and (dt.lemma[m.token.i] or "").lower() not in injuries
        and abs(m.token.i - i) <= 12
        for m, ev in built
    )


def _indirect_question(doc: Doc, clause: tuple[int, int]) -> bool:
    """The clause is an indirect yes/no question: it opens with "ob"."""
    dt = TokenTable.of(doc)
    return any(dt.lower[j] == "ob" for j in range(clause[0], min(clause[0] + 2, clause[1])))


def _not_a_report(doc: Doc, tok: Token, lex: EventLexicon) -> bool:
    """A noun trigger that names no happening here: under "ohne" ("ohne Anklage inhaftieren"),
    "gegenüber" or "statt" (`NO_EVENT_PREPS`), the attribute of a frame noun of necessity,
    readiness, condition or of the persons behind a deed ("die Notwendigkeit solcher
    Angriffe", "die Wiederaufnahme von Gesprächen", "die Hintermänner der Morde";
    `status_cues.json` `frame_nouns`), or the object of a denial or cancellation ("dementierte
    die Festnahme": denials are not events; "die Demonstration wurde abgesagt")."""
    dt = TokenTable.of(doc)
    if prep_of(doc, tok.i, dt.sent_start_of(tok.i)) in NO_EVENT_PREPS:
        return True
    if _in_attribute(dt, tok.i):
        return True  # "des durch einen Putsch gestürzten Präsidenten": background
    if _label(dt, tok.i, lex) or _unwanted_infinitive(dt, tok.i, lex):
        return True  # "nannte dies einen Putsch", "das Recht, gegen Angriffe vorzugehen"
    if tok.lemma_ in lex.cue_set("warning_nouns") and not _threat_noun_near(dt, tok.i, lex):
        return True  # "die Warnungen der Behörden" (of a danger): no threat
    head = tok.head
    if head.i == tok.i:
        return False
    if "Gen" in tok.morph.get("Case", []) and _charged(tok, lex):
        return True  # "bezichtigte die Türken des Völkermordes": the charge, no report
    if _legal_ground(tok, lex):
        return True  # "wegen Verabredung zu Mord verurteilt": the charge, no report
    if _circumstance(tok, lex):
        return True  # "trotz Unterzeichnung eines Friedensabkommens im Mai": the background
    if _way_to_power(tok, lex):
        return True  # "war 1967 durch einen Putsch an die Macht gekommen": a biography
    dep = tok.dep_
    if dep == "obj" and head.pos_ == "VERB" and head.lemma_.lower() in lex.cue_set("need_verbs"):
        return True  # "die Hilfe anderer Staaten benötigen": a need, no aid given
    if dep == "nsubj" and head.pos_ == "NOUN" and any(c.dep_ == "cop" for c in head.children):
        return True  # "Die Verhandlungen sind ein Zankapfel": a statement about it
    if dep == "nmod" and head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_ in lex.cue_set("frame_nouns")
    if dep == "obj" and head.pos_ == "VERB":
        return head.lemma_.lower() in lex.cue_set("denial_verbs") | lex.cue_set("cancel_verbs")
    if dep == "nsubj:pass" and head.pos_ == "VERB":
        return head.lemma_.lower() in lex.cue_set("cancel_verbs")
    return False


def _label(dt: TokenTable, i: int, lex: EventLexicon) -> bool:
    """Noun `i` is what a speaker calls something, no happening of its own: after a
    comparing "als" that follows the thing named ("bezeichnete den Einsatz als Angriff"),
    the second accusative of a naming verb ("nannte dies einen Militärputsch", `label_verbs`),
    or what "es handelt sich um" defines ("Bei ASEM handelt es sich um ein Treffen …")."""
    lo, hi = dt.sent_bounds(i)
    j = i - 1
    while j > lo and dt.pos[j] in ("DET", "ADJ") and i - j <= 4:
        j -= 1
    if j < lo:
        return False
    if dt.lower[j] == "als" and dt.tag[j] in ("KOKOM", "APPR"):
        return j > lo and dt.pos[j - 1] in ("NOUN", "PROPN", "PRON")
    if dt.lower[j] == "um" and any(
        dt.lemma[k] == "handeln" and dt.lower[k + 1 : k + 3] in (["es", "sich"], ["sich", "es"])
        for k in range(max(lo, j - 6), j - 1)
    ):
        return True
    head = dt.doc[i].head if dt.doc is not None else None
    if head is None or dt.dep[i] not in ("obj", "nsubj") or head.i == i:
        return False
    if (dt.lemma[head.i] or "").lower() not in lex.cue_set("label_verbs"):
        return False
    # "nannte dies einen Putsch": the verb's subject and the thing named come first
    others = [c for c in head.children if c.i < i and c.dep_ in ("nsubj", "obj")]
    return len(others) >= 2 and dt.dep[i] == "obj"


def _named_thing(doc: Doc, tok: Token, lex: EventLexicon) -> bool:
    """Noun `tok` is the object of a naming verb (`status_cues.json` `label_verbs`) a few words
    away that gives it a label: what the speaker talks about ("bezeichnete den Gipfel als
    …"), as a verb event that near would make it."""
    head = tok.head
    if tok.dep_ != "obj" or head.i == tok.i or abs(head.i - tok.i) > NEAR_VERB_TOKENS:
        return False
    if (TokenTable.of(doc).lemma[head.i] or "").lower() not in lex.cue_set("label_verbs"):
        return False
    span = label_span(TokenTable.of(doc), head.i, (tok.sent.start, tok.sent.end))
    return span is not None and not span[0] <= tok.i < span[1]


def _outside_label(
    doc: Doc, tok: Token, clause: tuple[int, int], cands: list[Candidate]
) -> list[Candidate]:
    """The candidates that are not inside the label a naming verb gives ("nannte dies einen
    „Militärputsch“", "bezeichnete X als „Terroristen“"): what the speaker calls the thing
    is never a party of the reproach or praise."""
    span = label_span(TokenTable.of(doc), tok.i, clause)
    if span is None:
        return cands
    return [c for c in cands if c.end <= span[0] or c.start >= span[1]]


def _unwanted_infinitive(dt: TokenTable, i: int, lex: EventLexicon) -> bool:
    """Noun `i` lies in a zu-infinitive that names no happening: the content of a frame noun
    ("die Bereitschaft, Gespräche zu führen", "das Recht, gegen die Angriffe vorzugehen")
    or, without a definite article, an "um … zu" purpose ("um sie von Angriffen
    abzuhalten")."""
    lo, hi = dt.sent_bounds(i)
    j = i - 1
    while j > lo and dt.texts[j] not in (",", ";", ":", "(", "–"):
        j -= 1
    k = i + 1
    while k < hi and dt.texts[k] not in (",", ";", ":", ")", "–", "."):
        k += 1
    if not any(zu_infinitive(dt, m) for m in range(i + 1, k)):
        return False
    first = j + 1 if dt.texts[j] in (",", ";", ":", "(", "–") else j
    if dt.lower[first] == "um" and dt.tag[first] == "KOUI":
        d = before_lead(dt, i, first + 1, ADJ_NUM)
        return not (dt.pos[d] == "DET" and dt.lower[d] not in INDEFINITE)
    if dt.texts[j] != ",":
        return False
    frames = lex.cue_set("frame_nouns")
    return any(dt.lemma[m] in frames for m in range(max(lo, j - 3), j) if dt.pos[m] == "NOUN")


def _charged(tok: Token, lex: EventLexicon) -> bool:
    """A genitive noun governed (directly or through the accused person) by a verb that
    charges someone with a deed ("beschuldigt ihn des Mordes": `status_cues.json`
    `charge_verbs`)."""
    charge = lex.cue_set("charge_verbs")
    node = tok
    for _ in range(2):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in charge
    return False


def _legal_ground(tok: Token, lex: EventLexicon) -> bool:
    """A deed named as the ground of a judicial act: the noun (or the noun it hangs from,
    "Verabredung zu Mord") is opened by "wegen" and belongs to a verb of judging, arresting or
    prosecuting ("wegen Unterstützung einer terroristischen Vereinigung für schuldig
    befunden"; `status_cues.json` `judicial_verbs`). The text reports the verdict or arrest,
    not the deed; a causal "wegen" of any other verb ("wegen der Proteste abgesagt") keeps
    its event."""
    node = _opened_by(tok, lex.cue_set("ground_preps"))
    if node is None:
        return False
    verb = node.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lex.cue_set("judicial_verbs")


def _circumstance(tok: Token, lex: EventLexicon) -> bool:
    """The noun (or the noun it hangs from, "trotz Unterzeichnung eines Abkommens") is opened
    by a concessive or causal preposition (`status_cues.json` `circumstance_preps`: "trotz",
    "aufgrund"): a known happening given as the circumstance of what the clause reports
    ("hatte aufgrund eines Abkommens von 1961 Zahlungen geleistet"), not a report of it."""
    return _opened_by(tok, lex.cue_set("circumstance_preps")) is not None


def _opened_by(tok: Token, preps: frozenset[str], hops: int = 3) -> Token | None:
    """The noun phrase that one of `preps` opens, `tok` itself or a noun it hangs from (up to
    `hops` nouns: "wegen [Verabredung zu] Mord", "trotz [Unterzeichnung eines] Abkommens");
    None if the chain of nouns ends first."""
    node = tok
    for _ in range(hops):
        if any(c.dep_ == "case" and c.lower_ in preps for c in node.children):
            return node
        if node.head.i == node.i or node.head.pos_ not in ("NOUN", "PROPN"):
            return None
        node = node.head
    return None


def _way_to_power(tok: Token, lex: EventLexicon) -> bool:
    """The noun is the way someone had come to power ("war 1967 durch einen Putsch an die
    Macht gekommen", "hatte 1980 während eines Putsches die Macht ergriffen"): an adverbial
    of a verb of gaining power (`status_cues.json` `power_verbs`) whose object or phrase is
    "Macht" (`power_nouns`), in the pluperfect. It tells a ruler's past, no report of the
    coup; a coup of the news ("hat am Montag durch einen Putsch die Macht übernommen") is no
    pluperfect and stays an event."""
    head = tok.head
    if tok.dep_ != "obl" or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_.lower() not in lex.cue_set("power_verbs"):
        return False
    powers = lex.cue_set("power_nouns")
    if not any(c.lemma_ in powers and c.dep_ in ("obj", "obl") for c in head.children):
        return False
    return any(
        c.dep_ == "aux" and c.lemma_ in ("haben", "sein") and "Past" in c.morph.get("Tense", [])
        for c in head.children
    )


def _threat_noun_near(dt: TokenTable, i: int, lex: EventLexicon) -> bool:
    """A threat noun ("Konsequenzen", "Vergeltung") in the sentence of noun `i`."""
    lo, hi = dt.sent_bounds(i)
    threats = lex.cue_set("threat_nouns")
    return any(dt.lemma[m] in threats for m in range(lo, hi) if m != i)


def _in_attribute(dt: TokenTable, i: int) -> bool:
    """Noun `i` sits in a prenominal participle attribute: an article, a preposition, the
    noun's phrase, then a participle and the noun it describes ("des durch einen Putsch
    gestürzten Präsidenten", "die bei dem Angriff verletzten Soldaten")."""
    lo = dt.sent_start_of(i)
    j = before_lead(dt, i, lo)
    if j <= lo or dt.pos[j] != "ADP" or dt.tag[j - 1] != "ART":
        return False
    hi = min(dt.sent_bounds(i)[1], i + 10)
    for k in range(i + 1, hi):
        if dt.tag[k] == "ADJA" and k + 1 < hi and dt.pos[k + 1] == "NOUN":
            return True
        if dt.pos[k] in ("VERB", "AUX", "PUNCT", "CCONJ", "SCONJ"):
            return False
    return False


def _is_kb_place(text: str) -> bool:
    loc = geocode(text) if text[:1].isupper() and len(text) > 3 else None
    return loc is not None and loc.rank != RANK_COUNTRY


def _pick_date(doc: Doc, tok: Token, clause: tuple[int, int], dates: list[Any]) -> EventDate | None:
    if not dates:
        return None
    dt = TokenTable.of(doc)
    lo, hi = dt.idx[clause[0]], dt.end_char(clause[1])
    inside = [d for d in dates if lo <= d.start < hi]
    if inside:
        return min(inside, key=lambda d: abs(d.start - tok.idx)).date
    return None


def _is_future(date: EventDate | None, article_date: str | None) -> bool:
    if date is None or article_date is None or date.text is None:
        return False
    anchor, _ = parse_anchor(article_date)
    when, _ = parse_anchor(date.value)
    if anchor is None or when is None:
        return False
    return when > anchor and date.value[:7] != article_date[:7]


def _event_id(doc: Doc, type_: str, offset: int) -> str:
    article = doc._.article
    base = getattr(article, "id", None)
    if not base:
        base = doc.user_data.get("lagebild_text_hash")
        if base is None:  # hashing the text once per doc
            text = TokenTable.of(doc).text  # == doc.text, without joining Token objects
            base = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
            doc.user_data["lagebild_text_hash"] = base
    return f"{base}-{type_}-{offset}"


def _party_keys(event: Event) -> tuple[str | None, str | None]:
    a = event.actor.key if event.actor else None
    r = event.recipient.key if event.recipient else None
    if event.type in SYMMETRIC_TYPES and a and r:
        return (min(a, r), max(a, r))
    return a, r


PARTITIVE_WORDS = frozenset({"tausende", "hunderte", "dutzende", "teile", "zehntausende"})


def _partitive(dt: TokenTable, start: int) -> bool:
    """The phrase at `start` is the genitive of a quantity pronoun at the start of its
    sentence ("Einige der einflussreichsten Bischöfe", "Tausende der Bauern")."""
    j = start - 1
    while j > 0 and (dt.pos[j] == "ADJ" or dt.tag[j] == "ADJA"):
        j -= 1
    if j < 1 or dt.lower[j] != "der":
        return False
    q = j - 1
    return q == dt.sent_start_of(start) and (
        dt.tag[q] in ("PIS", "PIAT") or dt.lower[q] in PARTITIVE_WORDS
    )


def _bare_participle(doc: Doc, tok: Token, clause: tuple[int, int]) -> bool:
    """A participle used as an attribute or without an auxiliary of the perfect ("der als
    Anführer bezeichnete Mann", "(von X als Anführer bezeichnet)"): passive in meaning."""
    dt = TokenTable.of(doc)
    if dt.tag[tok.i] == "ADJA" or (tok.dep_ == "amod" and not dt.tag[tok.i].endswith("FIN")):
        return True  # (a finite verb the parse hangs on a noun is no attribute)
    if dt.tag[tok.i] != "VVPP":
        return False
    lo, hi = clause
    return not any(dt.lemma[j] in ("haben", "sein") for j in range(lo, min(hi + 2, len(dt))))


def _object_of_stance(tok: Token, event: Event, verb_types: dict[int, str]) -> bool:
    """A noun that is the object of a rejection ("lehnte die Forderung ab", "lehnte Gespräche
    ab") or a request supported ("unterstützten die Forderungen"): what the stance is
    about, no event of its own (the rejection or support is the event)."""
    if tok.dep_ != "obj":
        return False
    stance = verb_types.get(tok.head.i)
    return stance == "REJECT" or (stance == "SUPPORT" and event.type == "REQUEST")


def _threatened_deed(
    tok: Token,
    noun_event: Event,
    built: list[tuple[Any, Event | None]],
    threat_types: Sequence[str],
) -> bool:
    """A violent deed (`default_parties.json` `threat_types`) that is the object of a threat
    verb ("hat neue Anschläge auf X angedroht") is what was threatened, no event of its own;
    its target is the threat's recipient where the verb has none. (The "mit" phrase of
    "drohte mit Angriffen" is often parsed onto a noun, so only the object is read.)"""
    if noun_event.type not in threat_types or tok.dep_ != "obj" or tok.head.i == tok.i:
        return False
    threat = next(
        (
            ev
            for m, ev in built
            if m.token.i == tok.head.i and ev is not None and ev.type == "THREATEN"
        ),
        None,
    )
    if threat is None:
        return False
    if _open(threat.recipient) and not _open(noun_event.recipient):
        threat.recipient = noun_event.recipient
    return True


# verb events whose object, an act, is aimed at that act's author
STANCE_TYPES = frozenset({"SUPPORT", "REJECT", "ACCUSE"})


def _aim_at_owner(
    tok: Token, noun_event: Event, built: list[tuple[Any, Event | None]], earlier: list[Event]
) -> None:
    """The stance verb (`STANCE_TYPES`) whose object is the event noun `tok` ("lehnte die
    Forderung ab", "unterstützten die Forderungen", "kritisierte den Anschlag") is aimed at
    the one whose act the noun names: the noun's own actor ("die Forderung der Opposition"),
    else the actor of the latest earlier event of the noun's type ("X fordert
    Entschädigungen. … unterstützten die Forderungen"). Only a verb without a recipient is
    filled, and never with its own actor (the noun often took the verb's subject)."""
    if tok.dep_ != "obj" or tok.head.i == tok.i:
        return
    stance = next((ev for m, ev in built if m.token.i == tok.head.i and ev is not None), None)
    if stance is None or stance.type not in STANCE_TYPES or not _open(stance.recipient):
        return
    owners = [noun_event.actor] + [
        e.actor for e in reversed(earlier) if e.type == noun_event.type
    ]
    owner = next(
        (
            p
            for p in owners
            if p is not None and p.code and not _open(p) and not p.same_party(stance.actor)
        ),
        None,
    )
    if owner is not None:
        stance.recipient = owner


def _no_party(party: Participant | None) -> bool:
    """No party, or one of no known country."""
    return party is None or not party.code


def _open(party: Participant | None) -> bool:
    """No party, or only the one the event type implies (no text names it)."""
    return party is None or (party.text == "" and party.start == party.end)


def _continue_parties(ev: Event, earlier: list[Event]) -> None:
    """An event that names no party continues the latest event of its type in the same or the
    previous sentence ("Die Sanktionen bestehen aus einem Waffenembargo"): it takes its
    parties."""
    for prev in reversed(earlier):
        if ev.sent_index - prev.sent_index > 1:
            return
        if prev.type == ev.type and not (_open(prev.actor) and _open(prev.recipient)):
            ev.actor = prev.actor if _open(ev.actor) and not _open(prev.actor) else ev.actor
            if _open(ev.recipient) and not _open(prev.recipient):
                ev.recipient = prev.recipient
            return


def _share_within_doc(events: list[Event]) -> None:
    """Events of one type between the same parties in one article describe one happening:
    they share the most specific place; an event missing its recipient takes it from an
    earlier event of the same type and actor country ("die Invasion" after "Angriffskrieg
    gegen die Ukraine")."""
    for i, ev in enumerate(events):
        if _open(ev.actor) and _open(ev.recipient):
            _continue_parties(ev, events[:i])
        nominal = ev.trigger[2][:1].isupper()  # German nouns: "die Invasion"
        if (ev.recipient is None or (nominal and _open(ev.recipient))) and ev.actor is not None:
            for prev in reversed(events[:i]):
                if (
                    prev.type == ev.type
                    and prev.actor is not None
                    and not _open(prev.recipient)
                    and prev.actor.code == ev.actor.code
                ):
                    ev.recipient = prev.recipient
                    break
    for ev in events:
        if ev.type == "AID" and ev.recipient is None and ev.actor is not None:
            # aid discussed at a meeting goes to the other party of that meeting
            for other in events:
                if (
                    other.type == "CONSULT"
                    and other.sent_index == ev.sent_index
                    and other.actor
                    and other.recipient
                ):
                    if other.actor.code == ev.actor.code:
                        ev.recipient = other.recipient
                    elif other.recipient.code == ev.actor.code:
                        ev.recipient = other.actor
    groups: dict[tuple[str, str | None, str | None], list[Event]] = {}
    for ev in events:
        groups.setdefault((ev.type, *_party_keys(ev)), []).append(ev)
    for members in groups.values():
        located = [e.location for e in members if e.location is not None]
        if not located:
            continue
        best = max(located, key=lambda loc: loc.rank)
        for ev in members:
            if ev.location is None or ev.location.rank < best.rank:
                if ev.location is None or ev.location.country in (None, best.country):
                    ev.location = best


def context_tags(doc: Doc, lex: EventLexicon) -> list[str]:
    """Article-level PLOVER context tags from keyword counts (`data/context_tags.json`): a noun
    counts for a tag when its lemma starts with a keyword or ends with it (lower case)."""
    min_hits = int(lex.context.get("min_hits", 2))
    dt = TokenTable.of(doc)
    lemma, texts = dt.lemma, dt.texts
    lemmas = Counter(
        [lemma[i] or texts[i] for i, pos in enumerate(dt.pos) if pos == "NOUN" or pos == "PROPN"]
    )
    hits: Counter[str] = Counter()
    patterns = lex.tag_patterns

    def tags_of(word: str) -> tuple[str, ...]:
        return tuple(t for t, p in patterns.items() if p.search(word))

    for word, n in lemmas.items():
        for tag in lex.lemma_tags.get(word, tags_of):
            hits[tag] += n
    return [tag for tag in lex.context["tags"] if hits[tag] >= min_hits]


@Language.factory(
    "lagebild_events",
    default_config={"kb_paths": [], "trigger_paths": []},
    assigns=["doc._.events"],
)
def make_event_extractor(
    nlp: Language, name: str, kb_paths: list[str], trigger_paths: list[str]
) -> EventExtractor:
    """Factory of the `lagebild_events` component (after entities and quotes)."""
    register_extensions()
    return EventExtractor(kb_paths, trigger_paths)
