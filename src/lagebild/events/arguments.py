"""Actors and recipients: which entity in the clause fills which role of an event.

Candidates come from the entity clusters (`doc._.entities`) where the entities stage ran,
else from the KB directly (names, countries, capitals, "der russische Präsident",
"die russische Armee"), so events work on hand-built docs too. Roles are assigned by cheap
rules over the parse *and* over surface cues (preposition, case, word order) because a parser
trained on a small treebank often attaches German objects wrongly.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from lagebild.entities.kb import KnowledgeBase
from lagebild.entities.mentions import load_lexicon as load_mention_lexicon
from lagebild.events.event import Participant
from lagebild.events.geocode import geocode
from lagebild.events.lexicon import SYMMETRIC_TYPES, EventLexicon, Trigger
from lagebild.fields import pick
from lagebild.memo import BoundedMemo
from lagebild.nlp.tokens import TokenTable

PREP_FORMS = {
    "beim": "bei",
    "im": "in",
    "ins": "in",
    "am": "an",
    "ans": "an",
    "zum": "zu",
    "zur": "zu",
    "vom": "von",
    "aufs": "auf",
    "übers": "über",
    "fürs": "für",
}
NP_INNER_POS = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN", "X"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—", "-", '"', "„", "“", "»", "«"})
SPECIFIC_PERSON, SPECIFIC_GROUP, SPECIFIC_COUNTRY, SPECIFIC_PLACE = 3, 2, 1, 0
CIRCUMSTANCE_PREPS = frozenset({"bei", "während", "nach", "vor", "seit", "trotz", "wegen"})
MILITARY_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
LOCAL_KINDS = frozenset({"igo", "media", "city", "facility", "region", "country"})
DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des"})
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
GENERIC_SECTORS = frozenset({"CVL", "PTY"})  # group nouns a sector adjective may specify
# nouns of time a passive agent's "von" may follow ("in der Nacht von Polizisten …")
TIME_NOUNS = frozenset(
    {"nacht", "morgen", "abend", "tag", "woche", "wochenende", "monat", "jahr", "mittag"}
    | {"vormittag", "nachmittag", "zeit", "stunde", "montag", "dienstag", "mittwoch"}
    | {"donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "frühjahr", "sommer"}
    | {"herbst", "winter", "januar", "februar", "märz", "april", "mai", "juni", "juli"}
    | {"august", "september", "oktober", "november", "dezember"}
)
NON_NOMINATIVE_ARTICLES = frozenset({"den", "dem", "des", "einen", "einem", "eines"})
# plural/female/case endings of nouns naming a nationality ("Iraner", "Russen", "Ägypterin")
DEMONYM_ENDINGS = ("erinnen", "erin", "ern", "er", "innen", "in", "en", "e")


@dataclass
class Candidate:
    """An entity mention in a clause that may fill a role, with its grammatical cues."""

    start: int  # token indices [start, end)
    end: int
    participant: Participant
    specific: int
    prep: str | None = None
    case: str | None = None
    dep: str = ""
    head_i: int = -1


def cluster_participant(
    cluster: Any, span: Any, code: str | None, sector: str | None
) -> Participant:
    """The participant an entity cluster gives for one of its mentions (any object with
    `text`, `start`, `end` character offsets)."""
    return Participant(
        **pick(span, "text", "start", "end"),
        entity_id=cluster.id,
        code=code,
        sector=sector,
        **pick(cluster, "name", "kb_id"),
    )


def _country_candidate(doc: Doc, i: int, country: Any) -> Candidate:
    """Token `i` names a country (name, capital or adjective): its government."""
    tok = doc[i]
    part = Participant(
        tok.text,
        tok.idx,
        tok.idx + len(tok.text),
        entity_id=country.actor_id,
        code=country.iso3,
        sector="GOV",
        name=country.name,
        kb_id=country.actor_id,
    )
    return Candidate(i, i + 1, part, SPECIFIC_COUNTRY)


def clause_bounds(sent: Span, i: int) -> tuple[int, int]:
    """Token range of the comma/colon-delimited segment of `sent` that holds token `i`."""
    start = i
    while start > sent.start and doc_text(sent.doc[start - 1]) not in CLAUSE_BREAKS:
        start -= 1
    end = i + 1
    while end < sent.end and doc_text(sent.doc[end]) not in CLAUSE_BREAKS:
        end += 1
    return start, end


def clause_map(sent: Span) -> dict[int, tuple[int, int]]:
    """`clause_bounds` for every token of the sentence in one pass."""
    text = TokenTable.of(sent.doc).texts
    breaks = [i for i in range(sent.start, sent.end) if text[i] in CLAUSE_BREAKS]
    if any(text[i] in QUOTE_OPEN for i in breaks):
        breaks = _drop_name_quotes(TokenTable.of(sent.doc), breaks)
    if "(" in (text[i] for i in breaks):
        breaks = _drop_short_brackets(TokenTable.of(sent.doc), breaks)
    out: dict[int, tuple[int, int]] = {}
    start = sent.start
    for k, b in enumerate([*breaks, sent.end]):
        seg = (start, b)
        for j in range(start, b):
            out[j] = seg
        if b < sent.end:
            # a break token belongs to the segment before it and reaches to the next break
            out[b] = (start, breaks[k + 1] if k + 1 < len(breaks) else sent.end)
        start = b + 1
    return out


QUOTE_OPEN = frozenset({"„", "»", '"'})
QUOTE_CLOSE = frozenset({"“", "«", '"'})
NAME_QUOTE_MAX = 5  # tokens: a quoted name ("der „Arbeitskreis X“") is no clause


BRACKET_MAX = 3  # tokens: "X (SPD) kritisierte", "die Partei (PiS)" is one clause


def _drop_short_brackets(dt: TokenTable, breaks: list[int]) -> list[int]:
    """Breaks without the brackets around a short insert ("Hans Meier (SPD) kritisierte die
    Regierung" is one clause; a bracketed phrase with a verb still breaks)."""
    drop: set[int] = set()
    for k, b in enumerate(breaks[:-1]):
        close = breaks[k + 1]
        if (
            dt.texts[b] == "("
            and dt.texts[close] == ")"
            and 0 < close - b - 1 <= BRACKET_MAX
            and not any(dt.pos[j] in ("VERB", "AUX") for j in range(b + 1, close))
        ):
            drop.update((b, close))
    return [b for b in breaks if b not in drop] if drop else breaks


def _drop_name_quotes(dt: TokenTable, breaks: list[int]) -> list[int]:
    """Breaks without the quotation marks around a short quoted name: "wirft der „Arbeitskreis
    X“ der Polizei vor" is one clause (a quoted phrase with a verb or a comma still breaks)."""
    drop: set[int] = set()
    for k, b in enumerate(breaks[:-1]):
        close = breaks[k + 1]
        if (
            dt.texts[b] in QUOTE_OPEN
            and dt.texts[close] in QUOTE_CLOSE
            and 0 < close - b - 1 <= NAME_QUOTE_MAX
            and not any(dt.pos[j] in ("VERB", "AUX") for j in range(b + 1, close))
        ):
            drop.update((b, close))
    return [b for b in breaks if b not in drop] if drop else breaks


def doc_text(token: Token) -> str:
    """Token text (a hook for tests)."""
    return token.text


def prep_of(doc: Doc, start: int, lower_bound: int) -> str | None:
    """The preposition that opens the noun phrase starting at token `start`, if any."""
    dt = TokenTable.of(doc)
    i = start - 1
    steps = 0
    opened = False  # passed a determiner or number: the phrase starts here
    while i >= lower_bound and steps < 6:
        pos, tag = dt.pos[i], dt.tag[i]
        if tag in ("APPR", "APPRART") or (pos == "ADP" and tag != "PTKVZ"):
            low = dt.lower[i]
            return PREP_FORMS.get(low, low)
        if pos not in NP_INNER_POS and tag not in ("PPOSAT", "ADV"):
            return None
        if pos in ("NOUN", "PROPN") and opened:
            # "am Freitag 140 Personen", "in Afghanistan 17 Menschen": the noun before the
            # determiner/number heads another phrase ("mit dem Präsidenten Putin" is one)
            return None
        if pos in ("DET", "NUM") or tag in ("ART", "CARD", "PPOSAT"):
            opened = True
        i -= 1
        steps += 1
    return None


PHRASE_LEAD_POS = frozenset({"DET", "ADJ", "NUM"})
ADJECTIVES = frozenset({"ADJ"})


def before_lead(
    dt: TokenTable, start: int, lo: int = 0, lead: frozenset[str] = PHRASE_LEAD_POS
) -> int:
    """The token before the words that lead up to the phrase at `start` (by part of speech
    `lead`: by default its article, numbers and adjectives, "zwischen [den beiden] Staaten"),
    looking back no further than `lo`; `lo - 1` when the lead reaches it.

    The backward walk of the rules that ask what stands before a phrase (a few older walks
    with other stop conditions remain: `component._label`, `_partitive`, `status`): the caller
    tests the token returned (a preposition: "zwischen", "von", the one of a participle
    attribute). With `lead` adjectives only (`ADJECTIVES`) it returns the article itself
    ("des", "der", a demonstrative). `prep_of` is a different walk: it crosses nouns
    ("mit dem Präsidenten Putin") and stops at a noun before an article."""
    j = start - 1
    while j >= lo and dt.pos[j] in lead:
        j -= 1
    return j


ZU_INFINITIVE_TAGS = frozenset({"VVIZU", "VAIZU", "VMIZU"})


def zu_infinitive(dt: TokenTable, i: int) -> bool:
    """Token `i` is a zu-infinitive: "zu verhandeln", "anzugreifen", "zurückzutreten".

    The one test of the events stage, because the tagger is unreliable exactly here: it tags
    an infix form as finite, participle or even adjective ("einzutreten" VVFIN,
    "freizulassen" ADJ), and the "zu" of "zu mutieren" as a preposition. So a verb (by part
    of speech or tag) right after "zu" counts whatever the tag of "zu"; an adjective after
    "zu" ("zu groß", "zu echten Neuwahlen") does not. An infix form is the verb's lemma with
    "zu" after a separable particle of two or more letters, however long ("an|zu|greifen",
    "zurück|zu|treten", "zusammen|zu|arbeiten"), whatever its tag; a participle or finite
    form that merely contains "zu" ("zurückgegeben", "zugeschrieben") is no infinitive.
    "um … zu" needs nothing of its own: its verb is one of these forms."""
    tag = dt.tag[i]
    if tag in ZU_INFINITIVE_TAGS:
        return True
    if i > 0 and dt.lower[i - 1] == "zu" and (dt.pos[i] in ("VERB", "AUX") or tag[:1] == "V"):
        return True
    low, lemma = dt.lower[i], (dt.lemma[i] or "").lower()
    return any(
        low[p : p + 2] == "zu" and low[:p] + low[p + 2 :] == lemma for p in range(2, len(low) - 3)
    )


def case_of(tokens: Span) -> str | None:
    """Grammatical case from the phrase's determiner or adjective (or the words just before
    it). A bare name or noun ("Pjöngjang", "Kreml-Chef Putin") carries no overt case ending,
    so the tagger's case for it is a guess and is not used."""
    doc = tokens.doc
    dt = TokenTable.of(doc)
    pos, tag = dt.pos, dt.tag
    start, end = tokens.start, tokens.end
    # only the words before the phrase's first noun: "Außenministerium der Vereinigten
    # Staaten" is no genitive, its attribute is
    lead = start
    while lead < end and pos[lead] not in ("NOUN", "PROPN"):
        lead += 1
    before = range(start - 1, max(dt.sent_start_of(start), start - 3) - 1, -1)
    for j in (*range(start, lead), *before):
        if pos[j] not in ("DET", "ADJ", "PRON") and tag[j] not in ("ART", "ADJA"):
            if j < start:
                return None  # a non-NP word before the phrase ends the search
            continue
        values = doc[j].morph.get("Case", [])
        if values and values[0] == "Nom" and _oblique_der(doc, j, lead, end):
            return _oblique_case(doc, j, doc[lead])
        if values:
            return values[0]
    for t in doc[start].lefts:
        if t.pos_ == "DET":
            values = t.morph.get("Case", [])
            if values:
                return values[0]
    return None


def _oblique_der(doc: Doc, j: int, lead: int, end: int) -> bool:
    """The article "der" before a feminine singular or a plural noun ("der Junta", "der
    Soldaten"): only dative or genitive read so, whatever case the tagger gave the article
    (it often reads a sentence-internal "der" as a masculine nominative). The noun's gender
    is the tagger's guess too, so a noun the parse makes the subject keeps its reading."""
    if doc[j].tag_ != "ART" or doc[j].lower_ != "der" or lead >= end or doc[lead].pos_ != "NOUN":
        return False
    if doc[lead].dep_.startswith("nsubj"):
        return False  # the tagger's gender of a compound can be wrong ("UN-Generalsekretär")
    morph = doc[lead].morph
    return morph.get("Number", []) == ["Plur"] or (
        morph.get("Gender", []) == ["Fem"] and morph.get("Number", []) == ["Sing"]
    )


def _oblique_case(doc: Doc, j: int, noun: Token) -> str:
    """Case of a phrase opened by an oblique "der" (`_oblique_der`): genitive for a plural;
    for a feminine singular dative where the noun says so or no noun precedes the article
    ("Er dankte der Junta", "Der Ministerin wird vorgeworfen"), else a genitive attribute
    ("die Truppen der Regierung")."""
    if noun.morph.get("Number", []) == ["Plur"]:
        return "Gen"
    if noun.morph.get("Case", [])[:1] == ["Dat"] or j == 0:
        return "Dat"
    return "Gen" if doc[j - 1].pos_ in ("NOUN", "PROPN") else "Dat"


class ArgumentFinder:
    """Builds candidates for a sentence and assigns actor/recipient for a trigger."""

    def __init__(self, kb: KnowledgeBase, lex: EventLexicon) -> None:
        self.kb = kb
        self.lex = lex
        # per-text KB look-ups, bounded: ingest runs long
        self._actor_cache: BoundedMemo[str, Any] = BoundedMemo(50_000)
        self._role_cache: BoundedMemo[str, Any] = BoundedMemo(50_000)
        self._adjective_cache: BoundedMemo[str, Any] = BoundedMemo(50_000)
        self._country_cache: BoundedMemo[str, Any] = BoundedMemo(50_000)
        self._compound_sector: BoundedMemo[str, str | None] = BoundedMemo(50_000)
        # adjective stem -> sector; person noun -> sector (its own sector or its modifier's)
        self._stem_sector: BoundedMemo[str, str | None] = BoundedMemo(25_000)
        self._person_sectors: BoundedMemo[str, str | None] = BoundedMemo(25_000)
        self._demonym_cache: BoundedMemo[str, str | None] = BoundedMemo(25_000)
        self._noun_party: BoundedMemo[
            tuple[str, str, str | None], tuple[Any, str | None, str | None]
        ] = BoundedMemo(50_000)
        self._home: str | None = None  # the article's main country (set by `candidates`)
        self._doc_mentions: tuple[Doc, list[tuple[int, int, Any, Any]]] | None = None
        self._titles: tuple[Doc, dict[Any, str | None]] | None = None  # person -> title sector

    # ------------------------------------------------------------ candidates
    def candidates(
        self, doc: Doc, sent: Span, article_date: str | None, default_country: str | None = None
    ) -> list[Candidate]:
        """Entity mentions in the sentence (clusters first, KB look-ups for the rest).
        `default_country` (the article's main country) codes group nouns that name no country
        ("die Polizei", "Demonstranten")."""
        self._home = default_country
        out: list[Candidate] = []
        covered: set[int] = set()
        absorbed: list[tuple[int, int]] = []  # genitive countries of unknown organisations
        s_start, s_end = sent.start_char, sent.end_char
        for m_start, m_end, cluster, mention in self._mentions(doc):
            if m_end <= s_start or m_start >= s_end:
                continue
            span = doc.char_span(m_start, m_end, alignment_mode="expand")
            if span is None:
                continue
            kind = getattr(cluster, "kind", None)
            if cluster.type == "LOC" and _mistaken_place(cluster, kind, mention.text):
                continue  # no party, and no subject to keep the real one from the role
            specific = _specific_of_cluster(cluster.type, kind, mention.kind)
            sector = mention.sector or cluster.sector
            if kind == "country" and not sector:
                sector = "GOV"
            code = cluster.country
            end = span.end
            if code is None and cluster.type in ("PER", "ORG") and kind not in LOCAL_KINDS:
                # a person or group the KB does not know ("CFDR", "die Militärjunta"): a
                # local actor, of the sector its head noun names; an organisation's genitive
                # country is its own ("die Behörde X der Republik Chile"), no other party
                genitive = (
                    self._genitive_country(doc, span.end, sent.end)
                    if cluster.type == "ORG" and span.end < sent.end
                    else None
                )
                if genitive is not None:
                    code, end = genitive
                    absorbed.append((span.end, end))
                code = (
                    code or self._adjective_country(doc, span.start, sent.start) or default_country
                )
                sector = sector or self._sector_form(mention.text.split()[-1].split("-")[-1])
            if not sector:
                sector = self._adjective_sector(doc, span.start, sent.start)
            if not sector and cluster.type == "PER":
                sector = (
                    self._role_sector(cluster)
                    or self._apposition_sector(doc, span.start, span.end, sent.start, sent.end)
                    or self._title_sector(doc, cluster)
                )
            part = cluster_participant(cluster, mention, code, sector)
            out.append(Candidate(span.start, end, part, specific))
            covered.update(range(span.start, end))
        if absorbed:
            out = [c for c in out if not any(lo <= c.start and c.end <= hi for lo, hi in absorbed)]
        out.extend(self._kb_candidates(doc, sent, covered, article_date, default_country))
        out = _merge_adjacent(doc, sorted(out, key=lambda c: (c.start, -c.end)))
        if "(" in TokenTable.of(doc).text[s_start:s_end]:
            out = _absorb_party_brackets(doc, out)
        for cand in out:
            part = cand.participant
            if (
                part.code is None
                and default_country
                and part.sector not in (None, "IGO", "NGO")
                and cand.specific != SPECIFIC_PLACE
            ):
                # a person or office without a known country ("Ministerpräsident X") belongs
                # to the country the article is about
                part.code = default_country
            if cand.specific == SPECIFIC_GROUP and part.sector in GENERIC_SECTORS:
                # "die oppositionellen Parteien", "islamistische Gruppen": the adjective names
                # the side of a generic group noun
                part.sector = self._adjective_sector(doc, cand.start, sent.start) or part.sector
            span = doc[cand.start : cand.end]
            cand.prep = prep_of(doc, cand.start, sent.start)
            cand.case = None if cand.prep else case_of(span)
            head = span.root
            cand.dep, cand.head_i = head.dep_, head.head.i
        return out

    def forget_doc(self) -> None:
        """Drop what was read from the last doc (its mentions, title sectors)."""
        self._doc_mentions = None
        self._titles = None

    def _mentions(self, doc: Doc) -> list[tuple[int, int, Any, Any]]:
        """(start, end, cluster, mention) of every entity mention of the doc, in cluster
        order (read once per doc: `candidates` runs for many sentences)."""
        cached = self._doc_mentions
        if cached is not None and cached[0] is doc:
            return cached[1]
        mentions = [
            (mention.start, mention.end, cluster, mention)
            for cluster in doc._.entities
            for mention in cluster.mentions
        ]
        self._doc_mentions = (doc, mentions)
        return mentions

    def _kb_candidates(
        self,
        doc: Doc,
        sent: Span,
        covered: set[int],
        article_date: str | None,
        default_country: str | None = None,
    ) -> list[Candidate]:
        out: list[Candidate] = []
        dt = TokenTable.of(doc)
        texts, pos = dt.texts, dt.pos
        i, end = sent.start, sent.end
        while i < end:
            if i in covered or not (texts[i][:1].isupper() or pos[i] == "ADJ"):
                i += 1  # only capitalised words and adjectives start a KB name or a role
                continue
            found = self._kb_at(doc, i, end, covered, article_date, default_country, dt)
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.end
        return out

    def _kb_at(
        self,
        doc: Doc,
        i: int,
        limit: int,
        covered: set[int],
        article_date: str | None,
        default_country: str | None = None,
        dt: TokenTable | None = None,
    ) -> Candidate | None:
        if dt is None:
            dt = TokenTable.of(doc)
        text = dt.texts[i]
        if not text[:1].isupper() and dt.pos[i] != "ADJ":
            return None
        # 1. names of persons/organisations, longest first (up to 4 uncovered tokens)
        longest = 0
        while longest < 4 and i + longest < limit and i + longest not in covered:
            longest += 1
        full, idx, texts = dt.text, dt.idx, dt.texts
        actors, lookup = self._actor_cache, self._lookup_actor
        for n in range(longest if text[:1].isupper() else 0, 0, -1):
            last = i + n - 1  # the text of tokens [i, i + n): `dt.span_text`, inlined
            actor = actors.get(full[idx[i] : idx[last] + len(texts[last])], lookup)
            if actor is not None:
                span = doc[i : i + n]
                sector = actor.sector
                if sector is None:
                    offices = actor.offices_at(article_date)
                    sector = offices[0].sector if offices else None
                if actor.kind == "country":
                    sector = sector or "GOV"
                part = Participant(
                    span.text,
                    span.start_char,
                    span.end_char,
                    entity_id=actor.id,
                    code=actor.country,
                    sector=sector,
                    name=actor.name,
                    kb_id=actor.id,
                )
                spec = SPECIFIC_COUNTRY if actor.kind == "country" else SPECIFIC_PERSON
                return Candidate(i, i + n, part, spec)
        # 2. countries, capitals ("Pjöngjang" speaks for its government)
        country = self._country_by_name(text)
        if country is not None and dt.pos[i] != "ADJ":
            return _country_candidate(doc, i, country)
        # 3. role nouns and group nouns with a country: "der russische Präsident", "Kreml-Chef"
        return self._role_at(doc, i, limit, article_date, default_country, dt)

    def _role(self, noun: str) -> Any:
        """`kb.role_by_noun`, cached per noun."""
        return self._role_cache.get(noun, self.kb.role_by_noun)

    def _country_by_name(self, text: str) -> Any:
        """`kb.country_by_name`, cached per text."""
        return self._country_cache.get(text, self.kb.country_by_name)

    def _country_by_adjective(self, word: str) -> Any:
        """`kb.country_by_adjective`, cached per word form."""
        return self._adjective_cache.get(word, self._lookup_adjective)

    def _lookup_adjective(self, word: str) -> Any:
        country = self.kb.country_by_adjective(word)
        if country is None and "-" in word:
            # "US-amerikanische", "britisch-französische": the last part names the country
            country = self.kb.country_by_adjective(word.rsplit("-", 1)[1])
        return country

    def _adjective_country(self, doc: Doc, start: int, lower_bound: int) -> str | None:
        """The country of an adjective up to three words before a phrase ("die
        US-amerikanische Außenministerin Condoleezza Rice" -> USA)."""
        dt = TokenTable.of(doc)
        for j in range(start - 1, max(lower_bound, start - 4) - 1, -1):
            if dt.pos[j] == "ADJ" or dt.tag[j] == "ADJA":
                country = self._country_by_adjective(dt.texts[j])
                if country is not None:
                    return str(country.iso3)
            elif dt.pos[j] not in ("NOUN", "DET") or dt.tag[j] == "PPOSAT":
                return None
        return None

    def _genitive_country(self, doc: Doc, i: int, limit: int) -> tuple[str, int] | None:
        """ISO-3 code and end of "der/des <country>" starting at token `i`, if any."""
        return _genitive_code(doc, i, limit, self._country_code)

    def _genitive_igo(self, doc: Doc, i: int, limit: int) -> tuple[str, int] | None:
        """Code and end of "der/des <international organisation>" (a KB organisation of kind
        igo: "der Europäischen Union" -> EU) starting at token `i`, if any."""
        return _genitive_code(doc, i, limit, self._igo_code)

    def _country_code(self, text: str) -> str | None:
        country = self._country_by_name(text)
        return None if country is None else country.iso3

    def _igo_code(self, text: str) -> str | None:
        actor = self._named_actor(text)
        if actor is not None and actor.kind == "igo" and actor.country:
            return str(actor.country)
        return None

    def _named_actor(self, text: str) -> Any:
        """The first KB person/organisation (no place) with alias `text`, cached per text."""
        return self._actor_cache.get(text, self._lookup_actor)

    def _lookup_actor(self, text: str) -> Any:
        actors = self.kb.actors_by_alias(text)
        return next((a for a in actors if a.kind not in ("city", "facility", "region")), None)

    def _role_at(
        self,
        doc: Doc,
        i: int,
        limit: int,
        article_date: str | None,
        default_country: str | None = None,
        dt: TokenTable | None = None,
    ) -> Candidate | None:
        if dt is None:
            dt = TokenTable.of(doc)
        adj_country = None
        j = i
        if dt.pos[i] == "ADJ" or dt.tag[i] == "ADJA":
            country = self._country_by_adjective(dt.texts[i])
            if country is None:
                return None
            adj_country = country.iso3
            j = i + 1
            while j < limit and dt.pos[j] == "ADJ":
                j += 1
            if j >= limit:
                return None
        if dt.pos[j] not in ("NOUN", "PROPN"):
            return None
        role, code, sector = self._noun_party.get(
            (dt.texts[j], dt.lemma[j], adj_country), self._party_of_noun
        )
        if sector is None:
            # "drei Syrer", "ein Tunesier": people named by their nationality, civilians as
            # "Menschen" are
            demonym = self._demonym_cache.get(dt.texts[j], self._demonym_country)
            if demonym is None or adj_country is not None:
                return None
            span = doc[i : j + 1]
            part = Participant(
                span.text, span.start_char, span.end_char, code=demonym, sector="CVL"
            )
            return Candidate(i, j + 1, part, SPECIFIC_GROUP)
        name: str | None = None
        kb_id: str | None = None
        end = j + 1
        if sector in GENERIC_SECTORS and end + 1 < limit and dt.lower[end] in ("der", "des"):
            # "Anhänger der Opposition", "Mitglieder der Regierungspartei": the genitive group
            # names the side of a generic noun
            article = end
            k = end + 1
            while k < limit - 1 and (dt.pos[k] == "ADJ" or dt.tag[k] == "ADJA"):
                k += 1
            if dt.pos[k] == "NOUN":
                of = self._sector_noun(dt.lemma[k], dt.texts[k])
                if of is not None:
                    # the genitive group is part of the phrase, no party of its own
                    # ("Funktionäre der Partei"); a sector adjective on it names the side
                    # ("Anhänger der oppositionellen Politikerin" -> OPP)
                    end = k + 1
                    if of in GENERIC_SECTORS:
                        of = self._adjective_sector(doc, k, article + 1) or of
                    if of not in GENERIC_SECTORS:
                        sector = of
        if code is None and end < limit:
            # genitive country after the noun: "der Präsident Russlands"
            nxt = dt.texts[end]
            country = self._country_by_name(nxt)
            genitive = self._genitive_country(doc, end, limit)
            if country is not None and nxt.endswith("s"):
                code, end = country.iso3, end + 1
            elif genitive is not None:
                # "das Außenministerium der Vereinigten Staaten", "die Regierung des Iran"
                code, end = genitive
            elif (igo := self._genitive_igo(doc, end, limit)) is not None:
                # "die Außenminister der Europäischen Union": an office of the organisation
                code, end = igo
            elif dt.lower[end] in ("in", "aus") and end + 1 < limit:
                # "die Regierung in Stockholm", "Demonstranten aus Polen"
                country = self._country_by_name(dt.texts[end + 1])
                if country is not None:
                    code, end = country.iso3, end + 2
        if code is None:
            # a group noun without a country ("die Polizei", "Demonstranten") belongs to the
            # country the article is about
            code = default_country
            if role is not None and _belongs_to_other(dt, i, end, limit):
                code = None  # "Sprecher der Gruppierung X", "Milinkewitschs Pressesprecher"
        if code is None:
            return None
        if role is not None:
            holder = self.kb.office_holder(code, role.role, article_date)
            if holder is not None:
                name, kb_id = holder.name, holder.id
        span = doc[i:end]
        part = Participant(
            span.text,
            span.start_char,
            span.end_char,
            entity_id=kb_id,
            code=code,
            sector=sector,
            name=name,
            kb_id=kb_id,
        )
        return Candidate(i, end, part, SPECIFIC_PERSON if kb_id else SPECIFIC_GROUP)

    def _demonym_country(self, noun: str) -> str | None:
        """ISO-3 code of a noun naming a country's people ("Syrer", "Tunesiern", "Russen",
        "Ägypterin"), read off the country adjective its stem makes ("iran" + "isch")."""
        if len(noun) < 5 or not noun[:1].isupper() or "-" in noun:
            return None
        low = noun.lower()
        for ending in DEMONYM_ENDINGS:
            if not low.endswith(ending) or len(low) - len(ending) < 3:
                continue
            stem = low[: -len(ending)]
            for suffix in ("isch", "sch"):
                country = self._country_by_adjective(stem + suffix)
                iso3 = getattr(country, "iso3", None)
                if iso3 and len(iso3) == 3 and iso3.isalpha():
                    return str(iso3)
        return None

    def _party_of_noun(
        self, key: tuple[str, str, str | None]
    ) -> tuple[Any, str | None, str | None]:
        """Role, country code and sector a noun names (text, lemma, the code of a country
        adjective before it); the sector is None when the noun names no party."""
        noun_text, lemma, adj_country = key
        role = self._role(noun_text)
        sector: str | None = None
        code = adj_country
        if role is None and code is None and "-" in noun_text:
            # "US-Soldaten", "Nato-Truppen": a country (or alliance) prefix and a group noun
            prefix, _, head = noun_text.partition("-")
            country = self._country_by_name(prefix)
            head_sector = self._sector_form(head)
            if country is not None and head_sector is not None:
                code, sector = country.iso3, head_sector
        igo = self.lex.igo_nouns.get(noun_text) or self.lex.igo_nouns.get(lemma)
        if igo is not None and role is None and code is None:
            return None, igo, "IGO"  # "der Sicherheitsrat" (of the UN)
        if role is not None:
            code = role.country or code
            role_def = self.kb.roles().get(role.role)
            sector = role_def.sector if role_def else "GOV"
        elif sector is None:
            sector = self._sector_noun(lemma, noun_text)
        return role, code, sector

    def _sector_noun(self, lemma: str, text: str) -> str | None:
        nouns = self.lex.sector_nouns
        for form in (lemma, text, text.rstrip("n").rstrip("e")):
            if form in nouns:
                return nouns[form]
        return self._compound_sector.get(lemma, lambda w: _compound_head_sector(w, nouns))

    def _role_sector(self, cluster: Any) -> str | None:
        """Sector from a role noun the article gives the person anywhere ("der weißrussische
        Oppositionsführer X" -> OPP)."""
        for mention in cluster.mentions:
            role = getattr(mention, "role", None)
            if role:
                sector = self._person_sector(role.split()[-1].split("-")[-1])
                if sector is not None:
                    return sector
        return None

    def _adjective_sector(self, doc: Doc, start: int, lower_bound: int) -> str | None:
        """A sector adjective up to three words before a phrase ("der oppositionellen
        Gruppierung CFDR" -> OPP)."""
        lower = TokenTable.of(doc).lower
        for j in range(start - 1, max(lower_bound, start - 4) - 1, -1):
            sector = self._stem_sector.get(lower[j], self._sector_of_stem)
            if sector is not None:
                return sector
        return None

    def _sector_of_stem(self, low: str) -> str | None:
        """The sector of the first sector adjective stem that `low` starts with."""
        for stem, sector in self.lex.sector_adjectives.items():
            if low.startswith(stem):
                return sector
        return None

    def _apposition_sector(
        self, doc: Doc, start: int, end: int, s_start: int, s_end: int
    ) -> str | None:
        """Sector from a role noun in apposition to a person: "X, einer der
        Oppositionskandidaten," (OPP), "Einer der Putschisten, X," (MIL)."""
        dt = TokenTable.of(doc)
        if end < s_end - 1 and dt.texts[end] == ",":
            for k in range(end + 1, min(s_end, end + 5)):
                if dt.pos[k] == "NOUN":
                    sector = self._person_sector(dt.texts[k])
                    if sector is not None:
                        return sector
                if dt.pos[k] not in ("DET", "ADJ", "PRON", "NUM"):
                    break
        if start - 2 >= s_start and dt.texts[start - 1] == "," and dt.pos[start - 2] == "NOUN":
            return self._person_sector(dt.texts[start - 2])
        return None

    def _title_sector(self, doc: Doc, cluster: Any) -> str | None:
        """Sector from a title noun before any mention of the person in the article ("der
        weißrussische Oppositionsführer X" -> OPP) or an apposition to one, read once per doc
        and person."""
        cache = self._titles
        if cache is None or cache[0] is not doc:
            cache = self._titles = (doc, {})
        key = cluster.id
        if key not in cache[1]:
            dt = TokenTable.of(doc)
            found: str | None = None
            for mention in cluster.mentions:
                i = bisect_left(dt.idx, mention.start)
                if not (0 < i < len(dt) and dt.idx[i] == mention.start):
                    continue
                if dt.pos[i - 1] == "NOUN":
                    found = self._person_sector(dt.texts[i - 1])
                if found is None:
                    # "X, einer der Oppositionskandidaten,"
                    lo, hi = dt.sent_bounds(i)
                    end = bisect_left(dt.idx, mention.end, lo=i)
                    found = self._apposition_sector(doc, i, end, lo, hi)
                if found is not None:
                    break
            cache[1][key] = found
        return cache[1][key]

    def _person_sector(self, word: str) -> str | None:
        """Sector of a person noun: the noun itself or its head ("Talibankämpfer"), else a
        sector modifier it starts with ("Oppositionskandidat" -> OPP, "Regierungssprecher" ->
        GOV; data: `sector_nouns.json` `modifiers`)."""
        return self._person_sectors.get(word, self._lookup_person_sector)

    def _lookup_person_sector(self, word: str) -> str | None:
        sector = self._sector_form(word)
        if sector is None:
            sector = _compound_head_sector(word, self.lex.sector_nouns)
        if sector is None:
            for mod, mod_sector in self.lex.sector_modifiers.items():
                rest = word[len(mod) :].lstrip("s-")
                if word.startswith(mod) and len(rest) >= 4:
                    return mod_sector
        return sector

    def _sector_form(self, text: str) -> str | None:
        """Sector of a group noun given as text, plural endings stripped ("Soldaten",
        "Mitglieder")."""
        for form in (
            text,
            text.rstrip("n").rstrip("e"),
            text[:-2] if text.endswith(("en", "er")) else "",  # "Parlamentsmitglieder"
        ):
            if form and form[:1].upper() + form[1:] in self.lex.sector_nouns:
                return self.lex.sector_nouns[form[:1].upper() + form[1:]]
        return None

    # ------------------------------------------------------------ roles
    def assign(
        self,
        doc: Doc,
        trig: Trigger,
        tok: Token,
        cands: list[Candidate],
        clause: tuple[int, int],
        sent: Span,
        light: Token | None = None,
    ) -> tuple[Participant | None, Participant | None]:
        """Actor and recipient of the event signalled by `tok` (either may be None)."""
        own = [c for c in cands if not (c.start <= tok.i < c.end)]
        in_clause = [c for c in own if clause[0] <= c.start < clause[1]]
        if trig.pos == "VERB":
            actor, recipient = self._verb_roles(trig, tok, in_clause, own, clause[0])
            co_actor = (
                _coordinated(doc, actor, in_clause)
                if actor is not None and trig.type not in SYMMETRIC_TYPES
                else None
            )
            if co_actor is not None:
                # "Die EU und die USA kritisierten das Verfahren": the second part of a
                # coordinated subject acts too, it is no recipient
                own = [c for c in own if c is not co_actor]
                in_clause = [c for c in in_clause if c is not co_actor]
                if recipient is co_actor:
                    recipient = self._recipient(doc, trig, tok, in_clause, actor)
        else:
            actor, recipient = self._noun_roles(doc, trig, tok, in_clause, own, light)
        if actor is None and trig.pos == "NOUN":
            actor = self._compound_actor(doc, tok, trig)
        if (
            actor is None
            and clause[0] > sent.start
            and not _definite(doc, tok)
            and not (
                trig.pos == "NOUN" and prep_of(doc, tok.i, sent.start) in CIRCUMSTANCE_PREPS
            )
        ):
            # "…, nach Anschlägen Zugänge zu sperren": a circumstance noun is no deed of the
            # infinitive's controller
            actor = self._controller(doc, clause, sent, own, recipient)
        if actor is not None and recipient is None and trig.type in SYMMETRIC_TYPES:
            recipient = _coordinated(doc, actor, in_clause)
        if (
            actor is not None
            and recipient is None
            and trig.type not in SYMMETRIC_TYPES
            and not trig.needs_recipient
            and not trig.label
        ):
            # meetings inherit their second party from earlier meetings (component), a
            # trigger that needs a recipient must find it by its own cues, and so must a
            # naming verb (the one blamed or praised is the thing named, not the speaker's
            # organisation nor someone else in the sentence)
            recipient = _nearest_other(tok, actor, in_clause) or _nearest_other(
                tok, actor, own, max_dist=SENTENCE_REACH
            )
        if trig.swap and actor is not None and recipient is not None:
            actor, recipient = recipient, actor
        if (
            trig.pos == "NOUN"
            and actor is not None
            and recipient is not None
            and recipient.start < actor.start
            and _after_zwischen(doc, recipient.start)
        ):
            # "Rangeleien zwischen Polizisten und Demonstranten": the first named acts
            actor, recipient = recipient, actor
        a = actor.participant if actor else None
        r = recipient.participant if recipient else None
        if a is not None and a.same_party(r) and not _two_parties(actor, recipient):
            r = None  # "Putin ... Russland": one party named twice, not two parties
        return a, r

    def _controller(
        self,
        doc: Doc,
        clause: tuple[int, int],
        sent: Span,
        cands: list[Candidate],
        recipient: Candidate | None,
    ) -> Candidate | None:
        """The subject of the clause a zu-infinitive depends on: "X hat angekündigt, in
        Gespräche mit Y einzutreten" (X acts); after verbs whose object acts ("veranlasste Y,
        … zu …", data: `default_parties.json` `object_control_verbs`) that object."""
        dt = TokenTable.of(doc)
        lo, hi = clause
        zu = [j for j in range(lo, hi) if zu_infinitive(dt, j)]
        if not zu:
            return None
        if any(
            (dt.tag[j] in FINITE_TAGS and j not in zu) or dt.tag[j] == "PRELS"
            for j in range(lo, hi)
        ):
            return None  # a clause of its own (a relative or finite clause), not an infinitive
        # the clause the infinitive depends on: the segment before it, else the sentence
        # up to it ("Rice hat … erklärt, in Gespräche … einzutreten")
        p_lo = lo - 1
        while p_lo > sent.start and dt.texts[p_lo - 1] not in CLAUSE_BREAKS:
            p_lo -= 1
        fin = next((j for j in range(p_lo, lo) if dt.tag[j] in FINITE_TAGS), None)
        if fin is None:
            p_lo = sent.start
            fin = next((j for j in range(p_lo, lo) if dt.tag[j] in FINITE_TAGS), None)
        if fin is None:
            return None
        before = [c for c in cands if p_lo <= c.start < lo and c.prep is None]
        if any(dt.lemma[j] in self.lex.object_control for j in range(p_lo, lo)):
            # "veranlasste die Polizei, ein Verfahren einzuleiten": the object acts
            objects = [
                c
                for c in before
                if c is not recipient
                and (
                    c.case in ("Acc", "Dat")
                    # a pronoun subject before it ("der die Polizei veranlasst hat")
                    or any(dt.tag[j] in ("PRELS", "PPER") for j in range(p_lo, c.start))
                )
            ]
            return objects[-1] if objects else None
        before = [c for c in before if c is not recipient]
        subject = self._subject(doc, doc[fin], before) if before else None
        if subject is None:
            # "Der Ministerin wird vorgeworfen, … zu …": a clause without a subject leaves
            # its dative to do what the infinitive says
            subject = next((c for c in reversed(before) if _dative_phrase(dt, c)), None)
        return subject

    def _subject(self, doc: Doc, tok: Token, cands: list[Candidate]) -> Candidate | None:
        if not cands:
            return None
        verb_heads = {tok.i} | {t.i for t in tok.children if t.pos_ == "AUX"}
        dt, head_i = TokenTable.of(doc), tok.head.i
        return _best(cands, lambda c: _subject_score(dt, tok.i, head_i, c, verb_heads))

    def _verb_roles(
        self,
        trig: Trigger,
        tok: Token,
        cands: list[Candidate],
        sentence_cands: list[Candidate],
        clause_start: int = -1,
    ) -> tuple[Candidate | None, Candidate | None]:
        doc = tok.doc
        passive = is_passive(doc, tok)
        if passive:
            dt = TokenTable.of(doc)
            agents = [
                c
                for c in cands
                if c.specific != SPECIFIC_PLACE
                and c.participant.code is not None
                and not self._von_attribute(doc, c)
            ]
            actor = _by_prep(agents, ("von", "durch"), tok.i) or self._prefix_agent(doc, tok)
            recipient = (
                self._subject(doc, tok, cands)
                or _antecedent(doc, clause_start, sentence_cands)
                or _subject_before_inserts(doc, clause_start, sentence_cands)
            )
            if recipient is actor:
                recipient = None
            if recipient is None:
                # "der Wagen des Präsidenten wurde angegriffen": the owner of a thing
                recipient = _genitive_of_subject(doc, tok, cands, actor)
            if recipient is None and "dat" in trig.recipient:
                # "Der Regierung wird vorgeworfen, …": a passive without a subject keeps the
                # dative of its verb as the recipient
                recipient = _best(
                    [c for c in cands if c is not actor and _dative_phrase(dt, c)],
                    lambda c: -abs(c.start - tok.i),
                )
            return actor, recipient
        actor = self._subject(doc, tok, cands) or _antecedent(doc, clause_start, sentence_cands)
        if actor is None:
            before = [c for c in sentence_cands if c.start < tok.i and c.prep is None]
            actor = self._subject(doc, tok, before) if before else None
        recipient = self._recipient(doc, trig, tok, cands, actor)
        if recipient is None and ("obj" in trig.recipient or "obj_person" in trig.recipient):
            # "begrüßten die Ankündigung des Präsidenten", "verurteilte die Haltung der
            # Regierung": the object names no party, its genitive attribute does
            recipient = _genitive_of_subject(doc, tok, cands, actor, ("obj",))
        return actor, recipient

    def _von_attribute(self, doc: Doc, cand: Candidate) -> bool:
        """A "von" phrase that belongs to a noun before it: no passive agent. A place or
        leadership noun ("in der Nähe von Brüssel", "unter der Führung von X"; data:
        `sector_nouns.json` `von_place_nouns`, `von_attribute_nouns`), or a noun the parse
        hangs it on that is no subject and no time ("dem Bürgermeister von Lima"; but "zwei
        Soldaten von einem Kameraden erschossen", "am Samstag von der Polizei")."""
        if cand.prep not in ("von", "vom"):
            return False
        dt = TokenTable.of(doc)
        j = before_lead(dt, cand.start)
        if j < 1 or dt.lower[j] not in ("von", "vom") or dt.pos[j - 1] != "NOUN":
            return False
        lemma = dt.lemma[j - 1] or dt.texts[j - 1]
        if lemma in self.lex.von_attribute_nouns:
            return True
        return (
            cand.dep == "nmod"
            and cand.head_i == j - 1
            and lemma.lower() not in TIME_NOUNS
            and "Nom" not in doc[j - 1].morph.get("Case", [])
        )

    def _compound_actor(self, doc: Doc, tok: Token, trig: Trigger) -> Candidate | None:
        """The actor a compound trigger names in its first part: "Polizeiübergriff" (the
        police), "NATO-Angriffe" (NATO), "US-Luftangriff" (the US military)."""
        text = tok.text
        head = trig.lemma.lower()
        low = text.lower()
        k = low.find(head)
        if k <= 0:
            dash = text.find("-")
            if dash <= 0:
                return None
            k = dash + 1
        prefix = text[:k].rstrip("-")
        if prefix.endswith("s") and len(prefix) > 4 and prefix[:-1] in self.lex.sector_nouns:
            prefix = prefix[:-1]  # linking s: "Polizeiaktion", "Regierungstruppen"
        country = self._country_by_name(prefix)
        code: str | None
        sector: str | None
        if country is not None:
            code, sector = country.iso3, ("MIL" if trig.type in MILITARY_TYPES else "GOV")
        else:
            actor = self._named_actor(prefix)
            # "Generalstreik": some sector nouns mean something else as a first part
            sector = (
                None if prefix in self.lex.not_as_prefix else self.lex.sector_nouns.get(prefix)
            )
            if actor is not None and actor.kind not in ("person",):
                code, sector = actor.country, actor.sector
            elif sector is not None:
                code = self._home
            else:
                return None
        if not code:
            return None
        start = tok.idx
        part = Participant(prefix, start, start + len(prefix), code=code, sector=sector)
        return Candidate(tok.i, tok.i + 1, part, SPECIFIC_GROUP)

    def _prefix_agent(self, doc: Doc, tok: Token) -> Candidate | None:
        """ "durch NATO-Angriffe getötet": the country or alliance that prefixes the noun of a
        "durch"/"von" phrase of the sentence is the agent."""
        dt = TokenTable.of(doc)
        lo, hi = dt.sent_bounds(tok.i)
        for j in range(lo, hi - 1):
            if dt.lower[j] not in ("durch", "von"):
                continue
            for k in range(j + 1, min(hi, j + 4)):
                prefix, dash, _ = dt.texts[k].partition("-")
                if not dash or dt.pos[k] not in ("NOUN", "PROPN"):
                    continue
                country = self._country_by_name(prefix)
                actor = self._named_actor(prefix) if country is None else None
                code = country.iso3 if country is not None else getattr(actor, "country", None)
                if code:
                    start = doc[k].idx
                    sector = "MIL" if country is not None else getattr(actor, "sector", None)
                    part = Participant(prefix, start, start + len(prefix), code=code, sector=sector)
                    return Candidate(k, k + 1, part, SPECIFIC_GROUP)
        return None

    def _recipient(
        self, doc: Doc, trig: Trigger, tok: Token, cands: list[Candidate], actor: Candidate | None
    ) -> Candidate | None:
        for role in trig.recipient:
            if role.startswith("pp:"):
                found = _by_prep([c for c in cands if c is not actor], (role[3:],), tok.i)
            elif role in ("dat", "obj", "obj_person", "dat_light"):
                found = self._object(trig, tok, cands, actor, role)
            elif role == "gen_after":
                found = _genitive_after(doc, tok, cands)
            else:
                found = None
            if found is not None and found is not actor:
                return found
        return None

    def _object(
        self, trig: Trigger, tok: Token, cands: list[Candidate], actor: Candidate | None, role: str
    ) -> Candidate | None:
        want = {"dat": "Dat", "dat_light": "Dat", "obj": "Acc", "obj_person": "Acc"}[role]
        dt = TokenTable.of(tok.doc)
        others = [
            c
            for c in cands
            if c is not actor
            and c.prep is None
            and (c.case != "Gen" or (want == "Dat" and _dative_reading(dt, c)))
        ]
        return _best(others, lambda c: _object_score(trig, tok, c, want, role))

    def _noun_roles(
        self,
        doc: Doc,
        trig: Trigger,
        tok: Token,
        cands: list[Candidate],
        sentence_cands: list[Candidate],
        light: Token | None = None,
    ) -> tuple[Candidate | None, Candidate | None]:
        recipient: Candidate | None = None
        if "gen_after" in trig.recipient:
            recipient = _genitive_after(doc, tok, cands)
        actor: Candidate | None = None
        roles = list(trig.actor)
        if (
            light is None
            and trig.type not in SYMMETRIC_TYPES
            and prep_of(doc, tok.i, tok.sent.start) in CIRCUMSTANCE_PREPS
        ):
            # "bei der Kundgebung": the event is a circumstance of the clause, the clause's
            # subject is not its actor (a meeting's is: "Kim sprach beim Treffen mit Putin")
            roles = [r for r in roles if r != "subj"]
        receiving = _receiving_light_verb(light, self.lex)
        if receiving:
            # "stieß auf heftige Kritik", "geriet in die Kritik": the light verb's subject is
            # the one criticised, the critics are only named by a genitive or "von"
            roles = [r for r in roles if r != "subj"]
        if light is not None and "subj" in roles and "poss" in roles:
            # "X versichert Y seine Treue": the possessive refers to the subject of the light
            # verb, not to the nearest noun phrase (which is the dative recipient)
            roles.remove("subj")
            roles.insert(roles.index("poss"), "subj")
        for role in roles:
            if role == "gen":
                actor = _genitive_before(doc, tok, cands) or (
                    None if recipient is not None else _genitive_after(doc, tok, cands)
                )
            elif role == "adj":
                actor = self._adjective_actor(doc, tok)
            elif role == "poss":
                actor = self._possessor(doc, tok, cands)
            elif role.startswith("pp:"):
                actor = _by_prep(
                    [c for c in cands if c.start < tok.i or c.start - tok.i <= 2],
                    (role[3:],),
                    tok.i,
                    before_too=True,
                    max_dist=6,
                )
            elif role == "subj":
                verb = light if light is not None else tok
                actor = self._subject(doc, verb, [c for c in cands if c is not recipient])
            if actor is not None and actor is not recipient:
                break
            actor = None
        if receiving and recipient is None and light is not None:
            recipient = self._subject(
                doc, light, [c for c in cands if c is not actor]
            ) or _genitive_of_subject(doc, light, cands, actor)
        if recipient is None:
            recipient = self._recipient(
                doc, trig, tok, [c for c in cands if c.start > tok.i or c.prep is None], actor
            )
        if recipient is not None and actor is not None and recipient.start == actor.start:
            recipient = None
        return actor, recipient

    def _adjective_actor(self, doc: Doc, tok: Token) -> Candidate | None:
        j = tok.i - 1
        while j >= 0 and doc[j].pos_ == "ADJ":
            country = self.kb.country_by_adjective(doc[j].text)
            if country is not None:
                return _country_candidate(doc, j, country)
            j -= 1
        return None

    def _possessor(self, doc: Doc, tok: Token, cands: list[Candidate]) -> Candidate | None:
        j = before_lead(TokenTable.of(doc), tok.i, lead=ADJECTIVES)
        if j >= 0 and (doc[j].tag_ == "PPOSAT" or doc[j].lower_.startswith(("sein", "ihr"))):
            # the nearest preceding noun phrase outside a PP is the usual antecedent
            before = [c for c in cands if c.end <= j and c.prep is None]
            return before[-1] if before else None
        return None


def _receiving_light_verb(light: Token | None, lex: EventLexicon) -> bool:
    """A light verb whose subject undergoes the noun's act ("auf Kritik stoßen", "in die
    Kritik geraten", "Kritik ernten"; `status_cues.json` `receiving_light_verbs`): its subject
    is the recipient, not the actor."""
    return light is not None and (light.lemma_ or "").lower() in lex.cue_set(
        "receiving_light_verbs"
    )


def _compound_head_sector(lemma: str, nouns: dict[str, str]) -> str | None:
    """Sector of a compound whose head is a group noun: "Talibankämpfer" (Kämpfer),
    "Regierungstruppen" (Truppe); the head must be at least 5 letters, the rest 3."""
    for k in range(3, len(lemma) - 4):
        head = lemma[k].upper() + lemma[k + 1 :]
        if head in nouns:
            return nouns[head]
    return None


def _best(cands: list[Candidate], score: Callable[[Candidate], float | None]) -> Candidate | None:
    """The candidate with the highest score (the first of equals); None scores are skipped."""
    best: Candidate | None = None
    best_score = 0.0
    for c in cands:
        value = score(c)
        if value is not None and (best is None or value > best_score):
            best, best_score = c, value
    return best


def _subject_score(
    dt: TokenTable, ti: int, head_i: int, c: Candidate, verb_heads: set[int]
) -> float | None:
    """How likely `c` is the subject of the verb at token `ti` (whose head is `head_i`); None
    where case or article rule it out."""
    if c.prep is not None or c.case in ("Dat", "Gen"):
        return None  # an overtly dative or genitive phrase is never the subject
    if c.case == "Acc" and c.start > ti:
        return None  # "dankte den Menschen": an accusative/dative after the verb
    if _article_of(dt, c) in NON_NOMINATIVE_ARTICLES:
        return None  # "den", "dem", "einem": the article rules out the nominative
    score = 0.0
    if c.dep.startswith("nsubj") and (c.head_i in verb_heads or c.head_i == head_i):
        score += 3
    score += {"Nom": 2.0, "Dat": -1.0, "Acc": -1.0}.get(c.case or "", 0.0)
    if c.start < ti:
        score += 1
        lead = c.start  # the phrase's article and adjectives belong to it
        while lead > 0 and (dt.tag[lead - 1] in ("ART", "ADJA") or dt.pos[lead - 1] == "ADJ"):
            lead -= 1
        if lead == 0 or dt.sent_start_of(c.start) >= lead or dt.texts[lead - 1] in CLAUSE_BREAKS:
            score += 1  # German V2: the phrase before the finite verb is usually the subject
        elif _after_finite(dt, c.start):
            score += 1  # inversion: "Am Donnerstag hatten Militäreinheiten … gestürmt"
    return score - 0.05 * abs(c.start - ti) + 0.2 * c.specific


def _object_score(trig: Trigger, tok: Token, c: Candidate, want: str, role: str) -> float | None:
    """How likely `c` is the `role` object ("dat", "obj", ...) of `tok`; None if it cannot be."""
    if trig.pos == "NOUN" and c.start > tok.i and c.start - tok.i <= 2:
        return None  # a genitive attribute of the noun, not an object of the light verb
    if role == "obj_person" and c.specific < SPECIFIC_COUNTRY:
        return None
    score = 1.0 if c.case == want else (0.5 if c.case in ("Dat", "Acc") else 0.0)
    if c.dep in ("obj", "iobj", "obl:arg") and c.head_i == tok.i:
        score += 1
    return score - 0.05 * abs(c.start - tok.i)


def is_passive(doc: Doc, tok: Token) -> bool:
    """A participle with a form of "werden" in its clause ("wurden ... getötet", "soll
    festgenommen worden sein"): the grammatical subject is then the recipient. The parse's
    `aux:pass`/`nsubj:pass` labels count too, the STTS tag alone is unreliable."""
    dt = TokenTable.of(doc)
    ti, lower, lemma = tok.i, dt.lower, dt.lemma
    if (
        ti + 1 < len(dt)
        and lemma[ti + 1] == "haben"
        and dt.sent_start_of(ti + 1) == dt.sent_start_of(ti)
    ):
        return False  # "sollen Polizisten Knüppel eingesetzt haben": active perfect, whatever
        # the parse's passive labels say
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children):
        return True
    low = lower[ti]
    participle = (
        dt.tag[ti] == "VVPP"
        or "Part" in tok.morph.get("VerbForm", [])
        or (low.startswith("ge") and low.endswith(("t", "en")))
    )
    if not participle:
        return False
    s_start, s_end = dt.sent_bounds(ti)
    if any(
        lemma[k] in ("haben", "sein") and lower[k] != "worden"
        for k in range(ti + 1, min(s_end, ti + 3))
    ):
        return False  # "angegriffen hatte": perfect tense of another clause's verb
    # "würden … stürmen": the conditional with an infinitive the tagger took for a participle
    infinitive = low == lemma[ti] and not low.startswith("ge")
    lo, hi = max(s_start, ti - 25), min(s_end, ti + 4)
    for j in range(lo, hi):
        if infinitive and lower[j].startswith("würde"):
            continue
        if lemma[j] == "werden" or lower[j] in ("worden", "wurde", "wurden", "wird", "werden"):
            if ";" not in dt.texts[min(j, ti) : max(j, ti)]:
                return True
    return False


def _belongs_to_other(dt: TokenTable, start: int, end: int, limit: int) -> bool:
    """A role noun with a genitive or possessor ("Sprecher der Opposition", "ihr Sprecher",
    "Milinkewitschs Pressesprecher"): the office of that party, not of the main country's
    state."""
    if end < limit and dt.lower[end] in ("der", "des"):
        return True
    if start > 0:
        prev = start - 1
        if dt.texts[prev] == "'" and prev > 0:
            prev -= 1  # "Perez' Sprecher"
            return dt.pos[prev] == "PROPN"
        if dt.tag[prev] == "PPOSAT" or (
            dt.pos[prev] == "PROPN" and dt.texts[prev].endswith(("s", "'"))
        ):
            return True
    return False


def _genitive_code(
    doc: Doc, i: int, limit: int, code_of: Callable[[str], str | None]
) -> tuple[str, int] | None:
    """Code and end of "der/des <name>" starting at token `i`: the longest name of up to
    three words (ending before `limit`) that `code_of` knows."""
    dt = TokenTable.of(doc)
    if dt.lower[i] not in ("der", "des"):
        return None
    for n in (3, 2, 1):
        if i + 1 + n <= limit:
            code = code_of(dt.span_text(i + 1, i + 1 + n))
            if code is not None:
                return code, i + 1 + n
    return None


def _after_zwischen(doc: Doc, start: int) -> bool:
    """The phrase at `start` opens a "zwischen X und Y" pair (its article and adjectives
    between)."""
    dt = TokenTable.of(doc)
    j = before_lead(dt, start)
    return j >= 0 and dt.lower[j] == "zwischen"


def _definite(doc: Doc, tok: Token) -> bool:
    """A noun with a definite article or demonstrative ("den Protesten gegen ihn"): it refers
    to a known happening, not to one the clause's subject starts."""
    dt = TokenTable.of(doc)
    if dt.pos[tok.i] != "NOUN":
        return False
    j = before_lead(dt, tok.i, lead=ADJECTIVES)
    return j >= 0 and (dt.tag[j] in ("PDAT", "PPOSAT", "APPRART") or dt.lower[j] in DEFINITE)


RELATIVE_SUBJECTS = frozenset({"der", "die", "das", "welcher", "welche", "welches"})


def _antecedent(doc: Doc, clause_start: int, cands: list[Candidate]) -> Candidate | None:
    """The phrase a relative clause hangs on, where the clause's relative pronoun is its
    subject: "zwei Männer, die … verurteilt worden waren" (the men), "Kozulins, der zum
    Sturm aufgerufen haben soll" (Kozulin). Up to four tokens (an age in brackets) may lie
    between the phrase and the comma."""
    if clause_start <= 0:
        return None
    dt = TokenTable.of(doc)
    if dt.tag[clause_start] != "PRELS" or dt.lower[clause_start] not in RELATIVE_SUBJECTS:
        return None
    comma = clause_start - 1
    if dt.texts[comma] != ",":
        return None
    best: Candidate | None = None
    for c in cands:
        if c.end <= comma and comma - c.end <= 4 and (best is None or c.end > best.end):
            best = c
    return best


def _genitive_of_subject(
    doc: Doc,
    tok: Token,
    cands: list[Candidate],
    actor: Candidate | None,
    deps: tuple[str, ...] = ("nsubj", "nsubj:pass"),
) -> Candidate | None:
    """A party in the genitive attribute of a passive subject that names no party ("der
    Wagen des Präsidenten wurde angegriffen", "das Haus der Familie wurde gestürmt"), or,
    with `deps` ("obj",), of an object ("begrüßten die Ankündigung des Präsidenten")."""
    dt = TokenTable.of(doc)
    for c in cands:
        if c is actor or c.prep is not None or c.start < 2:
            continue
        if dt.lower[c.start] in ("des", "der") and dt.pos[c.start] == "DET":
            j = c.start  # the mention holds its article ("des russischen Außenministers")
        else:
            j = before_lead(dt, c.start, lo=1, lead=ADJECTIVES)
        if j < 1 or dt.lower[j] not in ("des", "der") or dt.pos[j - 1] != "NOUN":
            continue
        noun = doc[j - 1]
        if noun.dep_ in deps and noun.head.i == tok.i:
            return c
    return None


def _subject_before_inserts(
    doc: Doc, clause_start: int, cands: list[Candidate]
) -> Candidate | None:
    """The subject of a clause that opens with its finite verb after inserted segments:
    "Der frühere Minister X, der seit 2007 in Lima lebt, wurde … verhaftet" (the minister).
    The sentence's first segment must be a noun phrase (no finite verb) holding a candidate
    outside any PP, and every segment between must be a relative clause or an apposition
    (no finite verb of its own)."""
    dt = TokenTable.of(doc)
    if clause_start <= 0 or dt.tag[clause_start] not in FINITE_TAGS:
        return None
    s_start = dt.sent_start_of(clause_start)
    breaks = [j for j in range(s_start, clause_start) if dt.texts[j] == ","]
    if not breaks or dt.texts[clause_start - 1] != ",":
        return None
    if any(dt.tag[j] in FINITE_TAGS for j in range(s_start, breaks[0])):
        return None  # "Wie die Regierung mitteilte, wurden …": a clause of its own
    for lo, hi in zip(breaks, [*breaks[1:], clause_start], strict=False):
        first = lo + 1
        if first < hi and dt.pos[first] == "ADP":
            first += 1  # "in dem", "von denen"
        relative = first < hi and dt.tag[first] in ("PRELS", "PRELAT")
        if not relative and any(dt.tag[j] in FINITE_TAGS for j in range(lo + 1, hi)):
            return None
    head = [
        c
        for c in cands
        if s_start <= c.start and c.end <= breaks[0] and c.prep is None
        and c.case not in ("Dat", "Gen", "Acc")
        and _article_of(dt, c) not in NON_NOMINATIVE_ARTICLES
    ]
    return head[0] if head else None


def _after_finite(dt: TokenTable, start: int) -> bool:
    """The phrase at `start` follows the finite verb directly (its article and adjectives
    aside): the first phrase of the middle field, the usual place of an inverted subject."""
    j = start - 1
    while j >= 0 and (dt.tag[j] in ("ART", "ADJA") or dt.pos[j] == "ADJ"):
        j -= 1
    return j >= 0 and dt.tag[j] in FINITE_TAGS


def _two_parties(a: Candidate | None, b: Candidate | None) -> bool:
    """Two different persons, or group nouns, of one country and sector ("Taxifahrer" vs
    "Demonstranten"): two parties, not one party named twice."""
    if a is None or b is None:
        return False
    pa, pb = a.participant, b.participant
    if a.specific == b.specific == SPECIFIC_PERSON and pa.entity_id and pb.entity_id:
        return pa.entity_id != pb.entity_id  # two persons of one side ("Milinkewitsch" vs "X")
    return (
        a.specific == b.specific == SPECIFIC_GROUP
        and pa.entity_id is None
        and pb.entity_id is None
        and pa.text.split()[-1] != pb.text.split()[-1]
    )


def _dative_reading(dt: TokenTable, cand: Candidate) -> bool:
    """A "Gen" phrase opened by "der" that follows no noun ("wirft der Regierung vor"): the
    feminine dative reads the same, and only a noun before it makes it a genitive attribute."""
    j = cand.start
    if dt.lower[j] != "der":
        j -= 1
        if j < 0 or dt.lower[j] != "der":
            return False
    if j == 0:
        return True
    return dt.pos[j - 1] not in ("NOUN", "PROPN")


def _dative_phrase(dt: TokenTable, cand: Candidate) -> bool:
    """A phrase outside any PP that its case or article marks as a dative ("dem General",
    "der Regierung" at the start of a clause)."""
    if cand.prep is not None:
        return False
    if cand.case == "Dat" or _article_of(dt, cand) in ("dem", "einem"):
        return True
    return _article_of(dt, cand) == "der" and _dative_reading(dt, cand)


def _article_of(dt: TokenTable, cand: Candidate) -> str:
    """The lower-case article that opens the candidate's phrase ("" when none)."""
    for j in (cand.start, cand.start - 1, cand.start - 2):
        if j < 0 or j >= len(dt):
            continue
        tag, pos = dt.tag[j], dt.pos[j]
        if tag == "ART" or (pos == "DET" and tag != "PPOSAT"):
            return dt.lower[j]
        if j < cand.start and pos not in ("ADJ", "NUM"):
            break
    return ""


def _mistaken_place(cluster: Any, kind: str | None, text: str) -> bool:
    """A place mention of no country that neither the KB nor the gazetteer knows and that is
    no personal name ("Sie fordert … Neuwahlen", "wegen Amtsmissbrauchs"): a word the tagger
    took for a place, which names no party. (A person tagged as a place, "Petra Pau", keeps
    the name.)"""
    if cluster.country is not None or kind is not None or geocode(text) is not None:
        return False
    return text.split()[0] not in load_mention_lexicon().first_names


def _specific_of_cluster(etype: str, kind: str | None, mention_kind: str) -> int:
    if kind in ("city", "facility", "region"):
        return SPECIFIC_PLACE
    if kind == "country" or mention_kind == "metonym":
        return SPECIFIC_COUNTRY
    if etype in ("PER", "ORG"):
        return SPECIFIC_PERSON
    return SPECIFIC_GROUP


def _merge_adjacent(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """One candidate per noun phrase: "Nordkoreas Machthaber Kim Jong Un" is one actor (the
    most specific part wins, the country fills a missing code)."""
    out: list[Candidate] = []
    for c in cands:
        if out and c.start < out[-1].end:
            prev = out[-1]
            if c.start < prev.end and c.end <= prev.end:
                continue  # nested
            best, other = (c, prev) if c.specific >= prev.specific else (prev, c)
            merged_part = best.participant
            if merged_part.code is None:
                merged_part.code = other.participant.code
            start, end = min(c.start, prev.start), max(c.end, prev.end)
            merged_part.text = doc[start:end].text
            merged_part.start, merged_part.end = (
                doc[start].idx,
                doc[end - 1].idx + len(doc[end - 1].text),
            )
            out[-1] = Candidate(start, end, merged_part, best.specific)
            continue
        if out and _next_to(doc, out[-1], c) and _joinable(out[-1], c):
            prev = out[-1]
            best, other = (c, prev) if c.specific >= prev.specific else (prev, c)
            part = best.participant
            if part.code is None:
                part.code = other.participant.code
            if part.sector is None:
                part.sector = other.participant.sector
            part.text = doc[prev.start : c.end].text
            part.start, part.end = prev.participant.start, c.participant.end
            out[-1] = Candidate(prev.start, c.end, part, best.specific)
            continue
        out.append(c)
    return out


def _absorb_party_brackets(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A person or organisation followed by a bracketed organisation name: no party of its
    own. After a person ("Hans Meier (SPD)") it is the person's party and makes a person
    without a sector a party politician (PTY); after an organisation ("Volksfront (VF)")
    it is its short name."""
    dt = TokenTable.of(doc)
    out: list[Candidate] = []
    skip: set[int] = set()
    for k, c in enumerate(cands):
        if k in skip:
            continue
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        if (
            nxt is not None
            and c.specific == SPECIFIC_PERSON
            and nxt.specific == SPECIFIC_PERSON
            and c.end + 1 == nxt.start
            and dt.texts[c.end] == "("
            and nxt.end < len(dt)
            and dt.texts[nxt.end] == ")"
            and nxt.end - nxt.start <= 2
            and doc[c.start].ent_type_ in ("PER", "ORG")
            and doc[nxt.start].ent_type_ == "ORG"
        ):
            part = c.participant
            part.code = part.code or nxt.participant.code
            if doc[c.start].ent_type_ == "PER":
                part.sector = part.sector or "PTY"
            else:
                part.sector = part.sector or nxt.participant.sector
            out.append(Candidate(c.start, nxt.end + 1, part, c.specific))
            skip.add(k + 1)
            continue
        out.append(c)
    return out


def _next_to(doc: Doc, prev: Candidate, nxt: Candidate) -> bool:
    """`nxt` follows `prev` directly, or after the opening quotation mark of a quoted name
    ("die Wochenzeitschrift „Jungle World“": one phrase)."""
    if nxt.start == prev.end:
        return True
    return nxt.start == prev.end + 1 and TokenTable.of(doc).texts[prev.end] in QUOTE_OPEN


def _joinable(prev: Candidate, nxt: Candidate) -> bool:
    """Adjacent mentions of one phrase: genitive country + role/person, role + name."""
    p, n = prev.participant, nxt.participant
    if (
        prev.specific == SPECIFIC_COUNTRY
        and p.text.endswith("s")
        and nxt.specific >= SPECIFIC_GROUP
    ):
        return p.code == n.code or n.code is None
    if prev.specific == SPECIFIC_GROUP or (
        prev.specific == SPECIFIC_PERSON and p.name is not None and nxt.specific == SPECIFIC_PERSON
    ):
        return p.code == n.code or p.code is None or n.code is None
    return False


def _by_prep(
    cands: list[Candidate],
    preps: tuple[str, ...],
    i: int,
    before_too: bool = False,
    max_dist: int = 99,
) -> Candidate | None:
    found = [
        c
        for c in cands
        if c.prep in preps and (before_too or c.start > i) and abs(c.start - i) <= max_dist
    ]
    if not found and not before_too:
        found = [c for c in cands if c.prep in preps]
    return min(found, key=lambda c: abs(c.start - i)) if found else None


def _genitive_after(doc: Doc, tok: Token, cands: list[Candidate]) -> Candidate | None:
    for c in cands:
        if c.prep is None and 0 < c.start - tok.i <= 4:
            between = doc[tok.i + 1 : c.start]
            if all(t.pos_ in ("DET", "ADJ", "NOUN") for t in between) and (
                c.case in (None, "Gen")
                or any(t.lower_ in ("des", "der") for t in between)
                or c.participant.text.endswith("s")
            ):
                return c
    return None


def _genitive_before(doc: Doc, tok: Token, cands: list[Candidate]) -> Candidate | None:
    for c in cands:
        if c.prep is None and c.end <= tok.i and tok.i - c.end <= 2:
            between = doc[c.end : tok.i]
            if all(t.pos_ == "ADJ" for t in between) and c.participant.text.endswith(("s", "'")):
                return c
    return None


SENTENCE_REACH = 8  # tokens: a recipient outside the trigger's clause must be this near
LOCATIVE_PREPS = frozenset({"in", "bei", "nach", "aus", "auf", "vor", "an", "von", "zu"})


def _nearest_other(
    tok: Token, actor: Candidate, cands: list[Candidate], max_dist: int = 10_000
) -> Candidate | None:
    """Fallback recipient: the nearest other party in the clause that is no place, no
    locative/source phrase, and not the actor's own side (same code and sector)."""
    a = actor.participant
    best: Candidate | None = None
    for c in cands:
        p = c.participant
        if (
            c is actor
            or c.specific == SPECIFIC_PLACE
            or c.prep in LOCATIVE_PREPS
            or c.prep in CIRCUMSTANCE_PREPS  # "während dieser Zeit", "wegen der Proteste"
        ):
            continue
        if p.code is None or (
            (p.code, p.sector) == (a.code, a.sector) and not _two_parties(actor, c)
        ):
            continue
        if c.start < actor.end and c.end > actor.start:
            continue
        if abs(c.start - tok.i) > max_dist:
            continue
        if best is None or abs(c.start - tok.i) < abs(best.start - tok.i):
            best = c
    return best


def _coordinated(doc: Doc, actor: Candidate, cands: list[Candidate]) -> Candidate | None:
    """ "A und B" after the actor: the second party of a meeting or agreement."""
    for c in cands:
        if c.start > actor.end and c.start - actor.end <= 3:
            between = {t.lower_ for t in doc[actor.end : c.start]}
            if "und" in between or "sowie" in between:
                return c
    return None
