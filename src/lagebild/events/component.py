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
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from lagebild.entities.clusters import cluster_at
from lagebild.entities.kb import KnowledgeBase
from lagebild.events.arguments import ArgumentFinder, Candidate, clause_map
from lagebild.events.dates import anchor_date, find_dates, parse_anchor
from lagebild.events.event import Event, EventDate, Location, Participant
from lagebild.events.geocode import RANK_COUNTRY, geocode
from lagebild.events.lexicon import SYMMETRIC_TYPES, EventLexicon, load_lexicon
from lagebild.events.status import event_status
from lagebild.events.triggers import TriggerMatch, find_triggers
from lagebild.nlp.extensions import register_extensions

WEAPON_MODE_TYPES = frozenset({"AID"})
CROWD_TYPES = frozenset({"PROTEST"})
OFFICIAL_SECTORS = frozenset({"GOV", "IGO", "LEG", "JUD"})
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
        home = main_country(doc)
        for s_index, sent in enumerate(doc.sents):
            clause_of = clause_map(sent)
            matches = find_triggers(doc, sent, self.lex, clause_of)
            if not matches:
                continue
            cands = self.args.candidates(doc, sent, article_date, home)
            dates = find_dates(sent.text, article_date, offset=sent.start_char)
            for match in matches:
                event = self._event(
                    doc, sent, s_index, match, cands, clause_of, dates, article_date, quotes, home
                )
                if event is not None:
                    out.append(event)
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
        actor, recipient = self.args.assign(doc, entry, tok, cands, clause, sent, match.light_verb)
        location = self._location(doc, sent, clause, actor, recipient)
        if actor is None and entry.type in SPEECH_TYPES:
            actor = speaker_of(doc, tok.idx, home)
        if actor is None and entry.type in CROWD_TYPES:
            # "Tausende demonstrierten in Bangkok": an unnamed crowd is civilians of the place
            # (else of the country the article is about)
            code = location.country if location is not None else home
            if code:
                actor = Participant(text="", start=tok.idx, end=tok.idx, code=code, sector="CVL")
        if actor is None and recipient is None:
            return None
        if entry.needs_recipient and recipient is None:
            return None
        date = _pick_date(doc, tok, clause, dates) or anchor_date(article_date)
        future = _is_future(date, article_date)
        quoted = any(s <= tok.idx < e for s, e in quotes)
        status = event_status(doc, tok, entry, clause, self.lex, match.light_verb, quoted, future)
        mode = entry.mode or self._mode(doc, tok, entry, clause)
        etype = entry.type
        if etype == "PROTEST" and actor is not None and actor.sector in OFFICIAL_SECTORS:
            # a government or an IGO "protests" in words: PLOVER's verbal ACCUSE, not a demo
            etype, mode = "ACCUSE", "disapprove"
        evidence = (sent.start_char, sent.start_char + len(sent.text.rstrip()), sent.text.rstrip())
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

    def _mode(self, doc: Doc, tok: Token, entry: Any, clause: tuple[int, int]) -> str:
        if entry.type in WEAPON_MODE_TYPES:
            weapons = self.lex.cue_set("weapon_words")
            window = doc[max(clause[0], tok.i - 4) : min(clause[1], tok.i + 6)]
            if any(w.lower() in t.lower_ for t in window for w in weapons):
                return "weapons"
        return ""

    def _location(
        self, doc: Doc, sent: Span, clause: tuple[int, int], *parties: Any
    ) -> Location | None:
        """The most specific place named in a locative PP of the clause (else of the sentence)."""
        party_spans = [(p.start, p.end) for p in parties if p is not None]
        for lo, hi in (clause, (sent.start, sent.end)):
            best: Location | None = None
            for i in range(lo, hi):
                t = doc[i]
                if t.pos_ != "ADP" and t.tag_ not in ("APPR", "APPRART"):
                    continue
                prep = t.lower_
                prep = {"im": "in", "am": "an", "beim": "bei", "ins": "in"}.get(prep, prep)
                if prep not in self.lex.location_preps:
                    continue
                found = self._place_in_np(doc, i + 1, hi, party_spans)
                if found is not None and (best is None or found.rank > best.rank):
                    best = found
            if best is not None:
                return best
        return None

    def _place_in_np(
        self, doc: Doc, start: int, hi: int, party_spans: list[tuple[int, int]]
    ) -> Location | None:
        end = start
        while (
            end < hi
            and end - start < 7
            and doc[end].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "X", "NUM")
        ):
            end += 1
        best: Location | None = None
        for i in range(start, end):
            t = doc[i]
            if not t.text[:1].isupper() or t.pos_ == "DET":
                continue
            for n in (3, 2, 1):
                if i + n > end:
                    continue
                span = doc[i : i + n]
                if (
                    n == 1
                    and t.pos_ != "PROPN"
                    and t.ent_type_ != "LOC"
                    and not _is_kb_place(t.text)
                ):
                    continue
                if (
                    any(s <= span.start_char < e for s, e in party_spans)
                    and n == 1
                    and t.ent_type_ != "LOC"
                ):
                    pass
                loc = geocode(span.text)
                if loc is not None:
                    loc.text = span.text
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
        return Participant(
            text=speaker.text,
            start=speaker.start,
            end=speaker.end,
            entity_id=cluster.id,
            code=code,
            sector=sector,
            name=cluster.name,
            kb_id=cluster.kb_id,
        )
    return None


def main_country(doc: Doc) -> str | None:
    """The country the article is about: the country code named by most entity mentions
    (countries, their places and actors); None when no entity has a country."""
    counts: Counter[str] = Counter()
    for cluster in doc._.entities:
        code = getattr(cluster, "country", None)
        if code and len(code) == 3 and code.isalpha():
            counts[code] += len(cluster.mentions)
    return counts.most_common(1)[0][0] if counts else None


def _is_kb_place(text: str) -> bool:
    loc = geocode(text) if text[:1].isupper() and len(text) > 3 else None
    return loc is not None and loc.rank != RANK_COUNTRY


def _pick_date(doc: Doc, tok: Token, clause: tuple[int, int], dates: list[Any]) -> EventDate | None:
    lo, hi = doc[clause[0]].idx, doc[clause[1] - 1].idx + len(doc[clause[1] - 1].text)
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
        if base is None:  # hashing doc.text once per doc: building the text is not free
            base = hashlib.sha1(doc.text.encode("utf-8")).hexdigest()[:12]
            doc.user_data["lagebild_text_hash"] = base
    return f"{base}-{type_}-{offset}"


def _party_keys(event: Event) -> tuple[str | None, str | None]:
    a = event.actor.key if event.actor else None
    r = event.recipient.key if event.recipient else None
    if event.type in SYMMETRIC_TYPES and a and r:
        return (min(a, r), max(a, r))
    return a, r


def _share_within_doc(events: list[Event]) -> None:
    """Events of one type between the same parties in one article describe one happening:
    they share the most specific place; an event missing its recipient takes it from an
    earlier event of the same type and actor country ("die Invasion" after "Angriffskrieg
    gegen die Ukraine")."""
    for i, ev in enumerate(events):
        if ev.recipient is None and ev.actor is not None:
            for prev in reversed(events[:i]):
                if (
                    prev.type == ev.type
                    and prev.actor is not None
                    and prev.recipient is not None
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
    lemmas = Counter(t.lemma_ or t.text for t in doc if t.pos_ in ("NOUN", "PROPN"))
    tags: list[str] = []
    for tag, pattern in _tag_patterns(lex).items():
        hits = sum(n for lemma, n in lemmas.items() if pattern.search(lemma))
        if hits >= min_hits:
            tags.append(tag)
    return tags


_TAG_PATTERNS: dict[int, dict[str, re.Pattern[str]]] = {}


def _tag_patterns(lex: EventLexicon) -> dict[str, re.Pattern[str]]:
    """One compiled regex per tag ("^(k1|k2)" or "(k1|k2)$" lower-cased), cached per lexicon."""
    cached = _TAG_PATTERNS.get(id(lex))
    if cached is None:
        cached = {}
        for tag, keys in lex.context["tags"].items():
            starts = "|".join(re.escape(k) for k in keys)
            ends = "|".join(re.escape(k.lower()) for k in keys)
            cached[tag] = re.compile(f"^(?:{starts})|(?:{ends})$")
        _TAG_PATTERNS[id(lex)] = cached
    return cached


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
