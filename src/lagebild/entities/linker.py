"""Clustering and linking: from mention candidates to `EntityCluster`s.

Order matters. Names are clustered first (a KB id is the strongest evidence of identity;
unknown surnames join the full name they shorten), then role nouns are attached to the person
who holds that office at the article date (already in the article, else the KB's office holder,
else the last compatible person nearby), and pronouns last, because their salience depends on
everything mentioned before them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from lagebild.entities.clusters import EntityCluster, Mention, local_id
from lagebild.entities.kb.forms import date_interval, strip_genitive
from lagebild.entities.mentions import Candidate, Lexicon, WorkCluster
from lagebild.entities.pronouns import resolve_pronouns
from lagebild.entities.protocols import KbLike
from lagebild.nlp.tokens import TokenTable

ROLE_BACK_SENTENCES = 2  # how far back a role noun may look for an unnamed holder
METONYM_SECTOR = "GOV"


class Linker:
    """Builds the clusters of one document (stateless across documents apart from caches)."""

    def __init__(self, kb: KbLike, lexicon: Lexicon) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self._alias_cache: dict[str, list[Any]] = {}
        self._country_cache: dict[str, Any] = {}
        self._actor_cache: dict[str, Any] = {}
        self._role_defs: dict[str, Any] | None = None
        # the token table of the doc being built (set by `build`): span texts without Spans
        self._table = TokenTable()

    # ---- KB look-ups, memoised -------------------------------------------------------
    def actor(self, kb_id: str) -> Any:
        if kb_id not in self._actor_cache:
            self._actor_cache[kb_id] = self.kb.actor(kb_id)
        return self._actor_cache[kb_id]

    def actors_by_alias(self, text: str) -> list[Any]:
        if text not in self._alias_cache:
            self._alias_cache[text] = list(self.kb.actors_by_alias(text) or [])
        return self._alias_cache[text]

    def country(self, text: str) -> Any:
        if text not in self._country_cache:
            self._country_cache[text] = self.kb.country_by_name(text)
        return self._country_cache[text]

    def role_sector(self, role: Any) -> str | None:
        """Default PLOVER sector of a role noun's office (head_of_state -> GOV)."""
        role_id = getattr(role, "role", None)
        if role_id is None:
            return None
        if self._role_defs is None:
            roles = getattr(self.kb, "roles", None)
            self._role_defs = dict(roles()) if callable(roles) else {}
        found = self._role_defs.get(role_id)
        return getattr(found, "sector", None) if found is not None else None

    def _name(self, cand: Candidate) -> str:
        """`cand.name_text(doc)` from the token table."""
        return self._table.span_text(cand.name_start, cand.end)

    # ---- the pipeline ------------------------------------------------------------------
    def build(
        self,
        doc: Doc,
        names: list[Candidate],
        roles: list[Candidate],
        pronouns: list[Candidate],
        date: str | None,
        table: TokenTable | None = None,
    ) -> list[EntityCluster]:
        """All clusters of `doc`, sorted by first mention; `table` is the doc's token table
        when the caller has read it."""
        self._table = table if table is not None else TokenTable.of(doc)
        clusters: dict[str, WorkCluster] = {}
        self._cluster_names(doc, names, clusters, date)
        self.set_genders(doc, clusters)
        for cand in sorted(roles, key=lambda c: c.start):
            self._attach_role(doc, cand, clusters, date)
        self.set_genders(doc, clusters)
        resolve_pronouns(doc, pronouns, list(clusters.values()))
        out = [self._finish(doc, work, date) for work in clusters.values() if work.mentions]
        return sorted(out, key=lambda c: c.first_start)

    def _cluster_names(
        self, doc: Doc, names: list[Candidate], clusters: dict[str, WorkCluster], date: str | None
    ) -> None:
        targets = [self._candidates_of(doc, c) for c in names]
        # surnames of full names that are not the KB person of that surname ("Tony Blair"):
        # the surname alone ("Blair") later in the article is that person, not the KB's
        others = {
            self._name(c).split()[-1]
            for c, options in zip(names, targets, strict=True)
            if c.kb_ids and not options and c.end - c.name_start >= 2
        }
        if others:
            targets = [
                [] if c.end - c.name_start == 1 and self._name(c) in others else options
                for c, options in zip(names, targets, strict=True)
            ]
        sure = {a.id for options in targets if len(options) == 1 for a in options}
        unknown: list[Candidate] = []
        for cand, options in zip(names, targets, strict=True):
            country = self._country_target(doc, cand, options)
            if country is not None:
                self._add_country_mention(doc, cand, country, clusters)
                continue
            actor = self._choose(options, sure, date)
            if actor is None:
                unknown.append(cand)
                continue
            key = "A:" + actor.id
            work = clusters.get(key)
            if work is None:
                work = clusters[key] = _work_for_actor(key, actor)
            work.mentions.append(cand)
        # unknown names: full names first, then single words that shorten one of them
        unknown.sort(key=lambda c: (-(c.end - c.name_start), c.start))
        if not unknown:
            return
        # the words of every cluster's names, kept up to date as the loop adds mentions and
        # clusters (it only appends to both)
        name_words = _NameWords(self._table.span_text)
        for work in clusters.values():
            name_words.add_cluster(work)
        for cand in unknown:
            text = self._name(cand)
            work = (
                self._shortened(doc, cand, clusters, name_words)
                if cand.end - cand.name_start == 1
                else None
            )
            if work is None:
                key = "N:" + text
                work = clusters.get(key)
                if work is None:
                    work = clusters[key] = WorkCluster(key, cand.label or "MISC", name=text)
                    name_words.add_cluster(work)
            work.mentions.append(cand)
            name_words.add_mention(work, cand)

    def _candidates_of(self, doc: Doc, cand: Candidate) -> list[Any]:
        """KB actors a name may denote: ids from the ruler, else an alias look-up. A full
        name whose first name is none of the actor's ("Tony Blair" for the KB's "Bill Blair",
        found by the surname alias "Blair") is another person."""
        actors = [a for a in (self.actor(i) for i in cand.kb_ids) if a is not None]
        if not actors and not cand.kb_ids:
            text = self._name(cand)
            actors = self.actors_by_alias(text)
        if actors and cand.end - cand.name_start >= 2 and cand.label in ("PER", None):
            text = self._name(cand)
            actors = [a for a in actors if _first_name_fits(text, a)]
        return actors

    def _country_target(self, doc: Doc, cand: Candidate, options: list[Any]) -> Any:
        """The Country a name denotes (a country name, capital or metonym), else None.

        The KB lists countries as actors of kind "country" and capitals as kind "city"; a
        city that is not a capital is an ordinary place and stays an actor.
        """
        if options:
            for actor in options:
                if actor.kind == "country" and actor.country:
                    return self.kb.country(actor.country)
                if actor.kind == "city" and actor.country:
                    country = self.kb.country(actor.country)
                    if country is not None and actor.name in country.capitals:
                        return country
            return None
        if cand.label not in (None, "LOC", "ORG", "MISC"):
            return None
        return self.country(self._name(cand))

    def _add_country_mention(
        self, doc: Doc, cand: Candidate, country: Any, clusters: dict[str, WorkCluster]
    ) -> None:
        """Country names join the country; capitals after "in/nach/bei" are places; other
        capitals and seats of government ("Moskau", "Kreml") speak for the government."""
        text = self._name(cand)
        forms = {text, *strip_genitive(text)}
        capitals = set(getattr(country, "capitals", ()) or ())
        metonyms = set(getattr(country, "metonyms", ()) or ())
        before = self._table.texts[cand.start - 1].lower() if cand.start > 0 else ""
        iso3 = country.iso3
        if forms & capitals and before in self.lexicon.place_prepositions:
            base = sorted(forms & capitals)[0]
            city = next((a for a in self.actors_by_alias(base) if a.kind == "city"), None)
            key = "A:" + city.id if city is not None else "P:" + base
            work = clusters.get(key)
            if work is None:
                work = clusters[key] = (
                    _work_for_actor(key, city)
                    if city is not None
                    else WorkCluster(key, "LOC", country=iso3, kind="city", name=base)
                )
            work.mentions.append(cand)
            return
        key = "C:" + iso3
        work = clusters.get(key)
        if work is None:
            work = clusters[key] = WorkCluster(
                key, "LOC", actor=country, country=iso3, kind="country", name=country.name
            )
        if forms & (capitals | metonyms):
            cand.kind = "metonym"
            cand.sector = METONYM_SECTOR
        work.mentions.append(cand)

    def _choose(self, options: list[Any], sure: set[str], date: str | None) -> Any:
        """Disambiguate an alias: an actor named unambiguously elsewhere in the article, else
        one holding an office at the article date, else the KB's first."""
        if not options:
            return None
        for actor in options:
            if actor.id in sure:
                return actor
        for actor in options:
            if valid_offices(actor, date):
                return actor
        return options[0]

    def _shortened(
        self,
        doc: Doc,
        cand: Candidate,
        clusters: dict[str, WorkCluster],
        name_words: _NameWords,
    ) -> WorkCluster | None:
        """The cluster whose full name contains this single word ("Merz" in "Friedrich Merz"):
        the first one in `clusters` (not a country or city) with a name mention or an actor
        name that has the word or its base form as a word (`name_words` indexes those
        words)."""
        text = self._name(cand)
        return name_words.first({text, *strip_genitive(text)})

    def _attach_role(
        self, doc: Doc, cand: Candidate, clusters: dict[str, WorkCluster], date: str | None
    ) -> None:
        role_id = getattr(cand.role, "role", None)
        cand.former = cand.former or bool(getattr(cand.role, "former", False))
        country = cand.country
        if country is None and cand.possessive:
            owner = self._possessor(cand, clusters)
            country = owner.country if owner is not None else None
        cand.country = country
        if cand.holder is not None:
            # the apposition names the holder ("der Präsident Indonesiens, Susilo Bambang
            # Yudhoyono"): the role joins the name's cluster
            holder = next(
                (
                    w
                    for w in clusters.values()
                    if any(m is cand.holder for m in w.mentions)
                ),
                None,
            )
            if holder is not None:
                holder.mentions.append(cand)
                return
        if cand.indefinite:
            # "ein Sprecher der Regierung": someone the article has not named, not the office
            # holder nor the person mentioned last; only a country's role-only person
            if country and role_id:
                self._role_only(cand, clusters, role_id, country)
            return
        # (a) a person in the article who holds this office for this country (without a
        # country only when exactly one person in the article holds it)
        holders = [
            w for w in clusters.values()
            if w.is_person and _holds(w, role_id, country, date, cand.former)
        ]
        if len(holders) == 1 or (holders and country):
            holders[0].mentions.append(cand)
            return
        if country is None:
            return
        # (b) the KB's office holder at the article date
        if role_id and not cand.former:
            holder = self.kb.office_holder(country, role_id, date)
            if holder is not None:
                key = "A:" + holder.id
                work = clusters.get(key)
                if work is None:
                    work = clusters[key] = _work_for_actor(key, holder)
                work.mentions.append(cand)
                return
        # (c) the last compatible person mentioned shortly before
        recent = self._recent_person(cand, clusters, country)
        if recent is not None:
            recent.mentions.append(cand)
            return
        if country and role_id:
            self._role_only(cand, clusters, role_id, country)

    @staticmethod
    def _role_only(
        cand: Candidate, clusters: dict[str, WorkCluster], role_id: str, country: str
    ) -> None:
        """A person known only by role and country (one cluster per role and country)."""
        key = f"R:{role_id}|{country}"
        work = clusters.get(key)
        if work is None:
            work = clusters[key] = WorkCluster(
                key, "PER", country=country, gender=cand.gender, name=cand.role_text
            )
        work.mentions.append(cand)

    def _recent_person(
        self, cand: Candidate, clusters: dict[str, WorkCluster], country: str | None
    ) -> WorkCluster | None:
        best: WorkCluster | None = None
        best_start = -1
        for work in clusters.values():
            if not work.is_person:
                continue
            if cand.gender and work.gender and cand.gender != work.gender:
                continue
            if country and work.country and work.country != country:
                continue
            mention = work.last_before(cand.start)
            if mention is None or cand.sent - mention.sent > ROLE_BACK_SENTENCES:
                continue
            if mention.start > best_start:
                best, best_start = work, mention.start
        return best

    def _possessor(self, cand: Candidate, clusters: dict[str, WorkCluster]) -> WorkCluster | None:
        """Owner of "sein/ihr" in front of a role: the last person (or, for "sein", country)
        mentioned in the same or the previous sentence."""
        best: WorkCluster | None = None
        best_start = -1
        for work in clusters.values():
            if work.is_person and work.gender and work.gender != cand.possessive:
                continue
            if not work.is_person and not (work.kind == "country" and cand.possessive == "m"):
                continue
            mention = work.last_before(cand.start)
            if mention is None or cand.sent - mention.sent > 1:
                continue
            if mention.start > best_start:
                best, best_start = work, mention.start
        return best

    def _finish(self, doc: Doc, work: WorkCluster, date: str | None) -> EntityCluster:
        """Canonical name, id, type, country, sector and offices of a finished cluster."""
        actor = work.actor
        mentions = [
            _to_mention(self._table, m) for m in sorted(work.mentions, key=lambda m: m.start)
        ]
        if work.kind == "country" or (work.kind == "city" and actor is None):
            name = work.name or mentions[0].text
            kb_id = getattr(actor, "actor_id", None) if actor is not None else None
            return EntityCluster(
                id=kb_id or local_id(name),
                name=name,
                type="LOC",
                kb_id=kb_id,
                country=work.country,
                kind=work.kind,
                mentions=mentions,
            )
        if actor is not None:
            offices = valid_offices(actor, date)
            sector = next((o.sector for o in offices if getattr(o, "sector", None)), None)
            kb_id = actor.id
            return EntityCluster(
                id=actor.id,
                name=actor.name,
                type=actor.type or work.label,
                kb_id=kb_id,
                country=actor.country or _office_country(offices),
                sector=sector or actor.sector,
                kind=actor.kind,
                offices=[o.title for o in offices if getattr(o, "title", None)],
                gender=actor.gender,
                mentions=mentions,
            )
        span_text = self._table.span_text  # (`self._name` of each name mention)
        longest = max(
            [span_text(m.name_start, m.end) for m in work.mentions if m.kind == "name"],
            key=len,
            default=None,
        )
        name = longest or work.name or mentions[0].text
        titled = [m for m in work.mentions if m.role is not None]
        label = work.label
        if titled:
            country = work.country or next((m.country for m in titled if m.country), None)
            if label in ("MISC", "ORG"):
                label = "PER"
            sector = next(
                (self.role_sector(m.role) for m in titled if self.role_sector(m.role)), None
            )
            offices = list(dict.fromkeys(m.role_text for m in titled if m.role_text))
        else:  # (the common case: a name without a title)
            country, sector, offices = work.country or None, None, []
        return EntityCluster(
            id=local_id(name),
            name=name,
            type=label,
            country=country,
            sector=sector,
            kind="person" if label == "PER" else None,
            offices=offices,
            gender=work.gender,
            mentions=mentions,
        )

    def set_genders(self, doc: Doc, clusters: dict[str, WorkCluster]) -> None:
        """Gender of unlinked persons: a role noun's gender, else the first name's."""
        for work in clusters.values():
            if work.gender or not work.is_person:
                continue
            for mention in work.mentions:
                if mention.gender:
                    work.gender = mention.gender
                    break
                first = self._table.texts[mention.name_start] if mention.kind == "name" else ""
                if first in self.lexicon.first_names:
                    work.gender = self.lexicon.first_names[first]
                    break


class _NameWords:
    """The words of the clusters' names, as `Linker._shortened` compares them: for every
    cluster except countries and cities, the words of its name mentions and of its actor's
    name. Clusters are registered in the order of the `clusters` dict, so the first cluster
    that has a word is the one with the lowest position."""

    def __init__(self, span_text: Callable[[int, int], str]) -> None:
        self._span_text = span_text
        self._works: list[WorkCluster] = []
        self._position: dict[int, int] = {}  # id(work) -> position in `_works`
        self._by_word: dict[str, set[int]] = {}

    def add_cluster(self, work: WorkCluster) -> None:
        """Register a cluster (after all clusters before it in `clusters`), with its mentions."""
        position = self._position[id(work)] = len(self._works)
        self._works.append(work)
        if work.kind in ("country", "city"):
            return
        if work.actor is not None:
            for word in str(work.actor.name).split():
                self._by_word.setdefault(word, set()).add(position)
        for mention in work.mentions:
            self.add_mention(work, mention)

    def add_mention(self, work: WorkCluster, mention: Candidate) -> None:
        """Add the words of a mention appended to a registered cluster."""
        if mention.kind != "name" or work.kind in ("country", "city"):
            return
        position = self._position[id(work)]
        for word in self._span_text(mention.name_start, mention.end).split():
            self._by_word.setdefault(word, set()).add(position)

    def first(self, forms: set[str]) -> WorkCluster | None:
        """The first registered cluster that has one of `forms` as a word."""
        best = -1
        for form in forms:
            positions = self._by_word.get(form)
            if positions:
                found = min(positions)
                if best < 0 or found < best:
                    best = found
        return self._works[best] if best >= 0 else None


def _first_name_fits(text: str, actor: Any) -> bool:
    """`text` (a name of two or more words) may name the person `actor`: it is one of the
    actor's names, or one of its words before the last is the first name of one of them, or
    the actor is no person or has no name of several words to compare with."""
    if getattr(actor, "kind", None) != "person":
        return True
    forms = [getattr(actor, "name", "") or "", *(getattr(actor, "aliases", None) or ())]
    if text in forms:
        return True
    multi = [f.split() for f in forms if " " in f]
    if not multi:
        return True
    # any word, not just the first: a name span may start with a stray word ("Moskau
    # Vladimir Putin")
    words = set(text.split()[:-1])
    return any(form[0] in words for form in multi)


def _work_for_actor(key: str, actor: Any) -> WorkCluster:
    return WorkCluster(
        key,
        actor.type or "PER",
        actor=actor,
        country=actor.country,
        sector=actor.sector,
        gender=actor.gender,
        kind=actor.kind,
        name=actor.name,
    )


def _holds(
    work: WorkCluster, role: str | None, country: str | None, date: str | None, former: bool
) -> bool:
    """Does the cluster's person hold (or, for "former", have held) the office?"""
    if role is None:
        return False
    if work.actor is not None:
        offices = list(work.actor.offices or ()) if former else valid_offices(work.actor, date)
        return any(
            o.role == role and (country is None or o.country in (None, country)) for o in offices
        )
    for mention in work.mentions:
        if mention.role is not None and getattr(mention.role, "role", None) == role:
            if mention.country is not None and mention.country == country:
                return True
    return False


def valid_offices(actor: Any, date: str | None) -> list[Any]:
    """The actor's offices valid at `date` (open-ended ones when the date is unknown)."""
    offices = list(getattr(actor, "offices", None) or ())
    if not offices:
        return []
    span = date_interval(date)
    out = []
    for office in offices:
        if span is None:
            if not office.end:
                out.append(office)
            continue
        start = date_interval(office.start)
        end = date_interval(office.end)
        if (start is None or start[0] <= span[1]) and (end is None or end[1] >= span[0]):
            out.append(office)
    return out


def _office_country(offices: list[Any]) -> str | None:
    return next((o.country for o in offices if getattr(o, "country", None)), None)


def _to_mention(table: TokenTable, cand: Candidate) -> Mention:
    """The mention of `doc[cand.start : cand.end]` (text and offsets from the token table:
    `table.span_text`, `table.idx`, `table.end_char`, read without the method calls)."""
    start, end = cand.start, cand.end
    char_start = table.idx[start]
    char_end = table.idx[end - 1] + len(table.texts[end - 1])
    return Mention(
        text=table.text[char_start:char_end] if end > start else "",
        start=char_start,
        end=char_end,
        kind=cand.kind,
        role=cand.role_text,
        sector=cand.sector,
        token_start=start,
        token_end=end,
    )
