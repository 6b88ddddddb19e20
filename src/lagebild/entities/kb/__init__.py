"""lagebild's knowledge base of actors: countries, persons with dated offices, IGOs, media,
facilities and the German role nouns that point at office holders.

The data are JSONL files beside this module (see README.md here for sources, fields and how to
extend them). `KnowledgeBase.load()` reads the shipped files plus user files; the default KB is
cached, so every pipeline component can call `KnowledgeBase.load()` cheaply.

Why validity dates: news quotes "the Russian defence minister" — who that is depends on the
article date, so offices carry start/end dates and `office_holder` answers for a date.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.entities.kb.forms import (
    adjective_stem_candidates,
    country_genitive_forms,
    date_interval,
    genitive_forms,
    noun_forms,
    strip_genitive,
)

KB_DIR = Path(__file__).resolve().parent

__all__ = [
    "KB_DIR",
    "Actor",
    "Country",
    "KnowledgeBase",
    "KBError",
    "Office",
    "RoleDef",
    "RoleNoun",
    "load_default",
]

ENTITY_TYPES = ("PER", "ORG", "LOC")
GENDERS = ("m", "f")

# File-name stem -> (record kind, default actor kind) for records without a "record" field.
_STEM_KINDS: dict[str, tuple[str, str | None]] = {
    "countries": ("country", None),
    "roles": ("role_noun", None),
    "persons": ("actor", "person"),
    "organizations": ("actor", "igo"),
    "media": ("actor", "media"),
    "facilities": ("actor", "facility"),
    "actors": ("actor", None),
}
_KIND_TYPES: dict[str, str] = {
    "person": "PER",
    "country": "LOC",
    "city": "LOC",
    "region": "LOC",
    "facility": "LOC",
}


class KBError(ValueError):
    """A KB record is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Office:
    """An office held for a time. `country` is ISO-3 or an IGO code ("NATO", "EU", "UN")."""

    role: str
    title: str
    country: str
    sector: str
    start: str | None
    end: str | None

    def interval(self) -> tuple[int, int]:
        """Day-ordinal interval of the term; unknown start/end are open."""
        start = date_interval(self.start)
        end = date_interval(self.end)
        return (start[0] if start else -(10**9), end[1] if end else 10**9)


@dataclass(frozen=True)
class Actor:
    """A person, organisation, medium, facility, city or country as one linkable entity."""

    id: str
    name: str
    type: str
    kind: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    gender: str | None
    offices: tuple[Office, ...]
    wikidata: str | None
    # Location data (facilities, regions, cities); None for other kinds.
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    # Noun templates such as "Staatsfernsehen" that take a country adjective: the loader
    # derives one actor per country in `by_country` ("russisches Staatsfernsehen").
    generic: bool = False
    # Aliases that are also ordinary German words ("Welt", "Bild"): looked up, never patterns.
    common_word_aliases: tuple[str, ...] = ()

    def offices_at(self, date: str | None) -> tuple[Office, ...]:
        """Offices whose term overlaps `date` (None: current offices)."""
        if date is None:
            return tuple(o for o in self.offices if o.end is None)
        query = date_interval(date)
        if query is None:
            return ()
        return tuple(o for o in self.offices if _overlap(o.interval(), query) > 0)


@dataclass(frozen=True)
class Country:
    """A country (ISO-3166) with the German words that name or stand for it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    wikidata: str | None
    iso2: str | None = None

    @property
    def actor_id(self) -> str:
        """The id the country has as an entity (Wikidata id, else "lagebild:country:ISO3")."""
        return self.wikidata or f"lagebild:country:{self.iso3}"


@dataclass(frozen=True)
class RoleNoun:
    """What a German role noun says: the role, the country it implies, the gender it marks."""

    role: str
    country: str | None
    gender: str | None
    former: bool = False


@dataclass(frozen=True)
class RoleDef:
    """A normalised office role (roles.jsonl, record "role")."""

    role: str
    sector: str
    title_m: str
    title_f: str
    description: str


@dataclass
class _Tables:
    countries: dict[str, Country] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    # generic actor id -> (ISO-3 codes, grammatical gender of the noun: n, m, f, pl)
    templates: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    roles: dict[str, RoleDef] = field(default_factory=dict)
    role_nouns: dict[str, dict[str, Any]] = field(default_factory=dict)


class KnowledgeBase:
    """Look-ups over the loaded KB. Build with `KnowledgeBase.load()`."""

    def __init__(self, tables: _Tables) -> None:
        self._countries = tables.countries
        self._actors = dict(tables.actors)
        self._roles = tables.roles
        self._place_names = {
            alias
            for a in self._actors.values()
            if a.type == "LOC"
            for alias in (a.name, *a.aliases)
        }
        for country in self._countries.values():
            self._add_country_actors(country)
        for template_id, (codes, noun_gender) in tables.templates.items():
            template = self._actors.get(template_id)
            if template is not None:
                self._add_country_variants(template, codes, noun_gender)
        self._index()
        self._role_forms = self._build_role_forms(tables.role_nouns)
        # (n, last n letters, lower-cased, of every role form), n the shortest form's length:
        # a necessary condition for a compound role noun, checked before trying every split
        shortest = min((len(form) for form in self._role_forms), default=1)
        self._role_tails = (shortest, frozenset(f[-shortest:].lower() for f in self._role_forms))

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = ()) -> KnowledgeBase:
        """Shipped KB plus user JSONL files; user records replace shipped ones with the same
        id (actors), iso3 (countries) or noun (role nouns). The shipped-only KB is cached."""
        if not extra_paths:
            return load_default()
        tables = _read_tables(_shipped_files())
        _merge(tables, _read_tables([Path(p) for p in extra_paths]))
        return cls(tables)

    def _add_country_actors(self, country: Country) -> None:
        """Countries and their capitals are entities too (type LOC) so that clusters can link
        to them by id like to any other actor."""
        cid = country.actor_id
        if cid not in self._actors:
            self._actors[cid] = Actor(
                id=cid,
                name=country.name,
                type="LOC",
                kind="country",
                aliases=tuple(dict.fromkeys((country.name, *country.aliases))),
                country=country.iso3,
                sector=None,
                gender=None,
                offices=(),
                wikidata=country.wikidata,
            )
        for capital in country.capitals:
            city_id = f"lagebild:city:{country.iso3}:{_slug(capital)}"
            if city_id not in self._actors and capital not in self._place_names:
                self._actors[city_id] = Actor(
                    id=city_id,
                    name=capital,
                    type="LOC",
                    kind="city",
                    aliases=(capital,),
                    country=country.iso3,
                    sector=None,
                    gender=None,
                    offices=(),
                    wikidata=None,
                )

    def _add_country_variants(
        self, template: Actor, codes: Sequence[str], noun_gender: str
    ) -> None:
        """Derive "russisches Staatsfernsehen" & co. from a generic noun and country adjectives.

        All adjective endings are generated (nominative to dative, strong and weak), so the
        inflected phrases in running text ("des russischen Staatsfernsehens") are aliases too.
        """
        nouns = [template.name, *(a for a in template.aliases if " " not in a and "-" not in a)]
        lemma_ending = {"n": "es", "m": "er", "f": "e", "pl": "e"}.get(noun_gender, "e")
        for iso3 in codes:
            country = self._countries.get(iso3)
            if country is None or not country.adjectives:
                continue
            stems = country.adjectives[:2]
            name = f"{stems[0]}{lemma_ending} {template.name}"
            aliases = [
                f"{stem}{ending} {noun}"
                for stem in stems
                for noun in nouns
                for ending in ("e", "en", "er", "es")
            ]
            aliases += [a[0].upper() + a[1:] for a in aliases]
            actor_id = f"{template.id}:{iso3}"
            self._actors.setdefault(
                actor_id,
                Actor(
                    id=actor_id,
                    name=name,
                    type=template.type,
                    kind=template.kind,
                    aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
                    country=iso3,
                    sector=template.sector,
                    gender=None,
                    offices=(),
                    wikidata=None,
                ),
            )

    def _index(self) -> None:
        """Build the look-up dictionaries once; every look-up is then a dict access."""
        self._country_names: dict[str, str] = {}
        self._country_names_fold: dict[str, str] = {}
        self._country_adjectives: dict[str, str] = {}
        for country in self._countries.values():
            names = [country.name, *country.aliases]
            for name in names:
                for form in (name, *country_genitive_forms(name)):
                    self._country_names.setdefault(form, country.iso3)
                    self._country_names_fold.setdefault(form.casefold(), country.iso3)
            for name in (*country.capitals, *country.metonyms):
                for form in (name, *country_genitive_forms(name)):
                    self._country_names.setdefault(form, country.iso3)
                    self._country_names_fold.setdefault(form.casefold(), country.iso3)
            for adjective in country.adjectives:
                self._country_adjectives.setdefault(adjective.lower(), country.iso3)
        self._alias_index: dict[str, list[str]] = defaultdict(list)
        self._holders: dict[tuple[str, str], list[tuple[Actor, Office]]] = defaultdict(list)
        self._igo_codes: dict[str, str] = {}
        for actor in self._actors.values():
            for alias in dict.fromkeys((actor.name, *actor.aliases)):
                if actor.id not in self._alias_index[alias]:
                    self._alias_index[alias].append(actor.id)
            for office in actor.offices:
                self._holders[(office.country, office.role)].append((actor, office))
            if actor.kind == "igo" and actor.country:
                for alias in (actor.name, *actor.aliases):
                    self._igo_codes.setdefault(alias, actor.country)
                self._igo_codes.setdefault(actor.country, actor.country)

    def _build_role_forms(self, nouns: dict[str, dict[str, Any]]) -> dict[str, RoleNoun]:
        """Expand every role noun record into its inflected forms (explicit forms win)."""
        forms: dict[str, RoleNoun] = {}
        explicit: dict[str, RoleNoun] = {}
        for noun, rec in nouns.items():
            gender = rec.get("gender", "m")
            country = rec.get("country")
            role = rec["role"]
            generated = noun_forms(noun, gender, feminine=rec.get("feminine", gender == "m"))
            for form, form_gender in generated.items():
                forms.setdefault(form, RoleNoun(role, country, form_gender))
            for form in rec.get("forms", ()):
                explicit[form] = RoleNoun(role, country, rec.get("forms_gender", gender))
            explicit[noun] = RoleNoun(role, country, gender)
        forms.update(explicit)
        return forms

    # ------------------------------------------------------------------ look-ups
    def countries(self) -> Iterator[Country]:
        """All countries."""
        return iter(self._countries.values())

    def country(self, iso3: str) -> Country | None:
        """Country by ISO-3 code."""
        return self._countries.get(iso3)

    def actors(self) -> Iterator[Actor]:
        """All actors, countries and capitals included."""
        return iter(self._actors.values())

    def roles(self) -> dict[str, RoleDef]:
        """The normalised role keys with their default sector and German titles."""
        return dict(self._roles)

    def country_by_name(self, text: str) -> Country | None:
        """Country named by `text`: name, alias, genitive, capital or metonym ("Kreml")."""
        text = text.strip()
        iso3 = self._country_names.get(text) or self._country_names_fold.get(text.casefold())
        return self._countries.get(iso3) if iso3 else None

    def country_by_adjective(self, word: str) -> Country | None:
        """Country of an inflected adjective ("nordkoreanischen", "US-amerikanische")."""
        for stem in adjective_stem_candidates(word.strip()):
            iso3 = self._country_adjectives.get(stem)
            if iso3:
                return self._countries.get(iso3)
        return None

    def actors_by_alias(self, text: str) -> list[Actor]:
        """Actors with `text` as exact alias (case-sensitive), also as genitive ("Putins")."""
        text = text.strip()
        ids = self._alias_index.get(text)
        if not ids:
            for base in strip_genitive(text):
                ids = self._alias_index.get(base)
                if ids:
                    break
        return [self._actors[i] for i in ids or ()]

    def actor(self, actor_id: str) -> Actor | None:
        """Actor by id (Wikidata Q-id or local "lagebild:..." id)."""
        return self._actors.get(actor_id)

    def role_by_noun(self, noun: str) -> RoleNoun | None:
        """Role named by a German noun, inflected or compounded with a country or metonym.

        "Präsidenten" -> head_of_state; "Kreml-Chef" -> head_of_state, RUS; "US-Außenminister"
        -> foreign_minister, USA; "Ex-Kanzlerin" -> head_of_government, former, f.
        """
        noun = noun.strip().rstrip("'")
        if not noun:
            return None
        hit = self._role_forms.get(noun)
        if hit:
            return hit
        for prefix in ("Ex-", "Alt-", "Ex"):
            if noun.startswith(prefix) and len(noun) > len(prefix) + 2:
                rest = noun[len(prefix) :]
                inner = self.role_by_noun(rest[0].upper() + rest[1:])
                if inner:
                    return RoleNoun(inner.role, inner.country, inner.gender, former=True)
        if "-" in noun:
            prefix, _, head = noun.partition("-")
            inner = self.role_by_noun(head)
            if inner:
                code = self._prefix_code(prefix)
                if code:
                    return RoleNoun(inner.role, code, inner.gender, inner.former)
                if prefix.startswith("Vize"):
                    return None
                return inner
            return None
        tail, tails = self._role_tails
        if noun[-tail:].lower() not in tails:  # no role noun ends this word (most words)
            return None
        for i in range(3, len(noun) - 3):
            head = noun[i].upper() + noun[i + 1 :]
            inner = self._role_forms.get(head)
            if inner is None:
                continue
            prefix = noun[:i]
            code = self._prefix_code(prefix) or (
                self._prefix_code(prefix[:-1]) if prefix.endswith("s") else None
            )
            if code:
                return RoleNoun(inner.role, code, inner.gender, inner.former)
        return None

    def _prefix_code(self, prefix: str) -> str | None:
        """Country or IGO code of a compound's first part ("US", "Kreml", "Nato", "China")."""
        country = self.country_by_name(prefix)
        if country:
            return country.iso3
        return self._igo_codes.get(prefix) or self._igo_codes.get(prefix.upper())

    def office_holder(self, country: str, role: str, date: str | None) -> Actor | None:
        """Who held `role` in `country` at `date` ("2023", "2023-09", "2023-09-12").

        With month or year precision the holder whose term overlaps the period most wins
        (ties: the later start). `date` None: the current holder (open-ended term).
        """
        candidates = self._holders.get((country, role), [])
        if not candidates:
            return None
        if date is None:
            current = [(a, o) for a, o in candidates if o.end is None]
            if not current:
                return None
            return max(current, key=lambda ao: ao[1].interval()[0])[0]
        query = date_interval(date)
        if query is None:
            return None
        best: tuple[int, int, Actor] | None = None
        for actor, office in candidates:
            span = office.interval()
            days = _overlap(span, query)
            if days <= 0:
                continue
            key = (days, span[0], actor)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None

    def entity_patterns(self) -> list[dict[str, str]]:
        """spaCy EntityRuler phrase patterns for all aliases (with genitive forms), countries,
        capitals, metonyms, media, IGOs and facilities. The first source of a surface form wins
        (persons, then organisations, then countries and places)."""
        seen: set[str] = set()
        patterns: list[dict[str, str]] = []

        def add(label: str, text: str, ident: str) -> None:
            if text and text not in seen:
                seen.add(text)
                patterns.append({"label": label, "pattern": text, "id": ident})

        order = {"PER": 0, "ORG": 1, "LOC": 2}
        actors = sorted(
            (a for a in self._actors.values() if not a.generic or a.country),
            key=lambda a: (order.get(a.type, 3), a.kind == "city"),
        )
        for actor in actors:
            for alias in dict.fromkeys((actor.name, *actor.aliases)):
                if alias in actor.common_word_aliases:
                    continue
                add(actor.type, alias, actor.id)
                if actor.type == "PER":
                    for form in genitive_forms(alias):
                        add(actor.type, form, actor.id)
        for country in self._countries.values():
            for name in (country.name, *country.aliases):
                for form in country_genitive_forms(name):
                    add("LOC", form, country.actor_id)
            for name in country.metonyms:
                add("LOC", name, country.actor_id)
        return patterns

    def __len__(self) -> int:
        return len(self._actors)


# ---------------------------------------------------------------------- reading
def _shipped_files() -> list[Path]:
    return sorted(KB_DIR.glob("*.jsonl"))


@functools.lru_cache(maxsize=1)
def load_default() -> KnowledgeBase:
    """The shipped KB, loaded once per process."""
    return KnowledgeBase(_read_tables(_shipped_files()))


def _read_tables(paths: Iterable[Path]) -> _Tables:
    tables = _Tables()
    for path in paths:
        stem_kind, default_kind = _kind_of_file(path)
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                line = line.strip()
                if not line or line.startswith("//"):
                    continue
                where = f"{path.name}:{lineno}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise KBError(f"{where}: invalid JSON ({exc})") from exc
                if not isinstance(rec, dict):
                    raise KBError(f"{where}: a record must be a JSON object")
                kind = rec.get("record", stem_kind)
                _add_record(tables, kind, rec, default_kind, where)
    return tables


def _kind_of_file(path: Path) -> tuple[str | None, str | None]:
    stem = path.name.split(".")[0].lower()
    for key, kinds in _STEM_KINDS.items():
        if stem == key or stem.endswith("_" + key) or stem.startswith(key):
            return kinds
    return None, None


def _add_record(
    tables: _Tables, kind: str | None, rec: dict[str, Any], default_kind: str | None, where: str
) -> None:
    try:
        if kind == "country":
            country = _country(rec)
            tables.countries[country.iso3] = country
        elif kind == "actor":
            actor = _actor(rec, default_kind)
            tables.actors[actor.id] = actor
            if rec.get("by_country"):
                codes = _strs(rec["by_country"])
                tables.templates[actor.id] = (codes, str(rec.get("noun_gender", "n")))
        elif kind == "role":
            role = RoleDef(
                role=rec["role"],
                sector=rec["sector"],
                title_m=rec.get("title_m", ""),
                title_f=rec.get("title_f", ""),
                description=rec.get("description", ""),
            )
            tables.roles[role.role] = role
        elif kind == "role_noun":
            if not isinstance(rec.get("noun"), str) or not isinstance(rec.get("role"), str):
                raise KeyError("noun/role")
            tables.role_nouns[rec["noun"]] = rec
        else:
            raise KBError(f"{where}: unknown record kind {kind!r} (set 'record')")
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, KBError):
            raise
        raise KBError(f"{where}: bad {kind} record ({exc!r})") from exc


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a list of strings")
    return tuple(dict.fromkeys(value))


def _country(rec: dict[str, Any]) -> Country:
    iso3 = rec["iso3"]
    if not re.fullmatch(r"[A-Z]{3}", iso3):
        raise ValueError(f"iso3 {iso3!r}")
    return Country(
        iso3=iso3,
        name=rec["name"],
        aliases=_strs(rec.get("aliases")),
        adjectives=tuple(a.lower() for a in _strs(rec.get("adjectives"))),
        capitals=_strs(rec.get("capitals")),
        metonyms=_strs(rec.get("metonyms")),
        wikidata=rec.get("wikidata"),
        iso2=rec.get("iso2"),
    )


def _actor(rec: dict[str, Any], default_kind: str | None) -> Actor:
    kind = rec.get("kind", default_kind)
    if not kind:
        raise ValueError("actor without kind")
    typ = rec.get("type") or _KIND_TYPES.get(kind, "ORG")
    if typ not in ENTITY_TYPES:
        raise ValueError(f"type {typ!r}")
    gender = rec.get("gender")
    if gender is not None and gender not in GENDERS:
        raise ValueError(f"gender {gender!r}")
    offices = tuple(
        Office(
            role=o["role"],
            title=o["title"],
            country=o["country"],
            sector=o["sector"],
            start=o.get("start"),
            end=o.get("end"),
        )
        for o in rec.get("offices", ())
    )
    aliases = _strs(rec.get("aliases"))
    generic = bool(rec.get("generic", False))
    return Actor(
        id=rec["id"],
        name=rec["name"],
        type=typ,
        kind=kind,
        aliases=aliases,
        country=rec.get("country"),
        sector=rec.get("sector"),
        gender=gender,
        offices=offices,
        wikidata=rec.get("wikidata"),
        admin1=rec.get("admin1"),
        lat=rec.get("lat"),
        lon=rec.get("lon"),
        geonames=rec.get("geonames"),
        generic=generic,
        common_word_aliases=_strs(rec.get("common_word_aliases")),
    )


def _merge(base: _Tables, extra: _Tables) -> None:
    base.countries.update(extra.countries)
    base.actors.update(extra.actors)
    base.templates.update(extra.templates)
    base.roles.update(extra.roles)
    base.role_nouns.update(extra.role_nouns)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0]) + 1


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9äöüß]+", "-", text.lower()).strip("-")
