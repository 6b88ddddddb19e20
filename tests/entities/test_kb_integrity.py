"""Integrity of the shipped KB data files: every record valid, ids unique, dates ordered,
coverage of the offices news quotes most."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lagebild.entities.kb import KB_DIR, KnowledgeBase
from lagebild.entities.kb.forms import date_interval

G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN",
       "KOR", "MEX", "RUS", "SAU", "TUR", "USA", "ZAF"]  # fmt: skip
SECTORS = {"GOV", "MIL", "LEG", "JUD", "REB", "OPP", "JRN", "BUS", "IGO", "NGO", "CVL", "CRM"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID = re.compile(r"^Q[1-9]\d*$")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _records(name: str) -> list[dict[str, object]]:
    lines = (KB_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("//")]


def test_all_files_parse_and_ids_unique() -> None:
    ids: list[str] = []
    for path in sorted(KB_DIR.glob("*.jsonl")):
        for rec in _records(path.name):
            if rec.get("record", "actor") == "actor" and path.stem != "countries":
                ids.append(str(rec["id"]))
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert len(ids) > 400


def test_actor_records_valid(kb: KnowledgeBase) -> None:
    roles = kb.roles()
    countries = {c.iso3 for c in kb.countries()}
    igo_codes = {a.country for a in kb.actors() if a.kind == "igo"}
    for actor in kb.actors():
        assert actor.type in ("PER", "ORG", "LOC"), actor.id
        assert actor.id.startswith(("Q", "lagebild:")), actor.id
        if actor.id.startswith("Q"):
            assert actor.wikidata == actor.id and QID.match(actor.id), actor.id
        if actor.wikidata is not None:
            assert QID.match(actor.wikidata), actor.id
        if actor.sector is not None:
            assert actor.sector in SECTORS, actor.id
        if actor.type == "PER":
            assert actor.gender in ("m", "f"), actor.id
            assert actor.kind == "person"
        if actor.country is not None and actor.kind != "igo":
            assert actor.country in countries, (actor.id, actor.country)
        for office in actor.offices:
            assert office.role in roles, (actor.id, office.role)
            assert office.sector in SECTORS, actor.id
            assert office.country in countries or office.country in igo_codes, (
                actor.id,
                office.country,
            )
            assert office.title, actor.id
            for value in (office.start, office.end):
                assert value is None or DATE.match(value), (actor.id, value)
                assert value is None or date_interval(value) is not None, (actor.id, value)
            start, end = office.interval()
            assert start <= end, (actor.id, office)


def test_person_terms_of_same_office_do_not_overlap(kb: KnowledgeBase) -> None:
    """Two holders of one single-seat office may share only the hand-over day."""
    shared_seats = {"foreign_ministry_spokesperson", "deputy_head_of_government"}
    seats: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for actor in kb.actors():
        for office in actor.offices:
            if office.role in shared_seats or office.start is None:
                continue
            start, end = office.interval()
            seats.setdefault((office.country, office.role), []).append((start, end, actor.name))
    for key, terms in seats.items():
        terms.sort()
        for (_, end_a, name_a), (start_b, _, name_b) in zip(terms, terms[1:], strict=False):
            if name_a == name_b:
                continue
            # month/year-precision dates may overlap by up to a month
            assert start_b >= end_a - 31, (key, name_a, name_b)


@pytest.mark.parametrize("iso3", [*G20, "UKR", "PRK"])
def test_core_offices_filled_in_2023(kb: KnowledgeBase, iso3: str) -> None:
    for role in ("head_of_state", "head_of_government", "foreign_minister", "defence_minister"):
        assert kb.office_holder(iso3, role, "2023-06") is not None, (iso3, role)


@pytest.mark.parametrize("iso3", ["USA", "RUS", "CHN", "DEU", "FRA", "GBR", "UKR"])
def test_big_countries_have_history_since_2014(kb: KnowledgeBase, iso3: str) -> None:
    for year in range(2015, 2026):
        for role in ("head_of_state", "head_of_government", "foreign_minister"):
            assert kb.office_holder(iso3, role, f"{year}-06") is not None, (iso3, role, year)


def test_countries_complete_and_curated(kb: KnowledgeBase) -> None:
    countries = list(kb.countries())
    assert len(countries) >= 249
    by_code = {c.iso3: c for c in countries}
    for iso3 in [*G20, "UKR", "PRK", "BLR", "IRN", "ISR", "PSE", "SYR", "IRQ", "AFG", "TWN",
                 "PAK", "POL", "AUT", "CHE", "XKX"]:  # fmt: skip
        country = by_code[iso3]
        assert country.adjectives, iso3
        assert country.capitals, iso3
        assert country.wikidata and QID.match(country.wikidata), iso3
    with_adjectives = sum(1 for c in countries if c.adjectives)
    assert with_adjectives >= 190


def test_adjectives_and_names_unambiguous(kb: KnowledgeBase) -> None:
    seen: dict[str, str] = {}
    for country in kb.countries():
        for adjective in country.adjectives:
            assert adjective == adjective.lower()
            assert seen.setdefault(adjective, country.iso3) == country.iso3, adjective
    names: dict[str, str] = {}
    for country in kb.countries():
        for name in (country.name, *country.aliases):
            assert names.setdefault(name, country.iso3) == country.iso3, name


def test_role_nouns_reference_known_roles(kb: KnowledgeBase) -> None:
    roles = kb.roles()
    for rec in _records("roles.jsonl"):
        if rec["record"] == "role_noun":
            assert rec["role"] in roles, rec
        else:
            assert rec["sector"] in SECTORS, rec


def test_facilities_have_coordinates() -> None:
    for rec in _records("facilities.jsonl"):
        lat, lon = rec["lat"], rec["lon"]
        assert isinstance(lat, float | int) and -90 <= lat <= 90, rec["id"]
        assert isinstance(lon, float | int) and -180 <= lon <= 180, rec["id"]


def test_countries_file_is_what_the_script_writes() -> None:
    """countries.jsonl is generated: every record carries the generator's fields."""
    fields = {"record", "iso3", "iso2", "name", "aliases", "adjectives", "capitals", "metonyms",
              "wikidata", "curated"}  # fmt: skip
    for rec in _records("countries.jsonl"):
        assert set(rec) == fields, rec["iso3"]
    assert Path(KB_DIR / "README.md").exists()
