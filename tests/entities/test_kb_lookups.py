"""Look-ups of the shipped knowledge base on examples we wrote ourselves."""

from __future__ import annotations

import time

import pytest

from lagebild.entities.kb import KnowledgeBase, load_default


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _name(actor: object) -> str | None:
    return getattr(actor, "name", None)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2019-05", "Donald Trump"),
        ("2022-01", "Joe Biden"),
        ("2025-03", "Donald Trump"),
        ("2016", "Barack Obama"),
        ("2021-01-19", "Donald Trump"),
        ("2021-01-21", "Joe Biden"),
    ],
)
def test_office_holder_us_president_by_date(kb: KnowledgeBase, date: str, expected: str) -> None:
    assert _name(kb.office_holder("USA", "head_of_state", date)) == expected


def test_office_holder_month_with_change_prefers_longer_overlap(kb: KnowledgeBase) -> None:
    # Scholz handed over to Merz on 6 May 2025: May is mostly Merz, December 2021 mostly Scholz
    assert _name(kb.office_holder("DEU", "head_of_government", "2025-05")) == "Friedrich Merz"
    assert _name(kb.office_holder("DEU", "head_of_government", "2021-12")) == "Olaf Scholz"
    assert _name(kb.office_holder("DEU", "head_of_government", "2021-11")) == "Angela Merkel"


def test_office_holder_other_roles(kb: KnowledgeBase) -> None:
    assert _name(kb.office_holder("RUS", "spokesperson", "2023-09")) == "Dmitri Peskow"
    assert _name(kb.office_holder("RUS", "defence_minister", "2023-09")) == "Sergej Schoigu"
    assert _name(kb.office_holder("RUS", "defence_minister", "2024-09")) == "Andrej Beloussow"
    assert _name(kb.office_holder("PRK", "head_of_state", "2023-09")) == "Kim Jong Un"
    assert _name(kb.office_holder("UKR", "defence_minister", "2023-08")) == "Oleksij Resnikow"
    assert _name(kb.office_holder("UKR", "defence_minister", "2023-10")) == "Rustem Umerow"
    assert _name(kb.office_holder("DEU", "foreign_minister", "2025-06")) == "Johann Wadephul"
    assert _name(kb.office_holder("NATO", "secretary_general", "2023")) == "Jens Stoltenberg"


def test_office_holder_current_and_unknown(kb: KnowledgeBase) -> None:
    assert _name(kb.office_holder("RUS", "head_of_state", None)) == "Wladimir Putin"
    assert _name(kb.office_holder("DEU", "head_of_government", None)) == "Friedrich Merz"
    assert kb.office_holder("USA", "head_of_state", "1850") is None
    assert kb.office_holder("XXX", "head_of_state", "2023") is None
    assert kb.office_holder("USA", "head_of_state", "kein Datum") is None


COUNTRY_ADJECTIVES = [
    ("nordkoreanischen", "PRK"),
    ("russische", "RUS"),
    ("russischen", "RUS"),
    ("Russische", "RUS"),
    ("US-amerikanische", "USA"),
    ("amerikanischer", "USA"),
    ("chinesisches", "CHN"),
    ("deutschem", "DEU"),
    ("ukrainisch", "UKR"),
    ("südkoreanischen", "KOR"),
    ("belarussischen", "BLR"),
    ("saudi-arabischen", "SAU"),
]
COUNTRY_NAMES = [
    ("Russland", "RUS"),
    ("Russlands", "RUS"),
    ("Russische Föderation", "RUS"),
    ("Moskau", "RUS"),
    ("Kreml", "RUS"),
    ("Nordkoreas", "PRK"),
    ("Pjöngjang", "PRK"),
    ("Weißes Haus", "USA"),
    ("Washington", "USA"),
    ("Kiew", "UKR"),
    ("Kyjiw", "UKR"),
    ("Peking", "CHN"),
    ("Downing Street", "GBR"),
    ("Élysée", "FRA"),
    ("Ukraine", "UKR"),
    ("Vereinigten Staaten", "USA"),
    ("Weißrussland", "BLR"),
    ("Irans", "IRN"),
    ("Tschad", "TCD"),
]


@pytest.mark.parametrize(
    ("lookup", "text", "iso3"),
    [("country_by_adjective", *case) for case in COUNTRY_ADJECTIVES]
    + [("country_by_name", *case) for case in COUNTRY_NAMES],
)
def test_country_lookup(kb: KnowledgeBase, lookup: str, text: str, iso3: str) -> None:
    country = getattr(kb, lookup)(text)
    assert country is not None and country.iso3 == iso3


def test_country_by_adjective_rejects_non_adjectives(kb: KnowledgeBase) -> None:
    assert kb.country_by_adjective("schnellen") is None
    assert kb.country_by_adjective("Russland") is None


def test_country_by_name_rejects_unknown(kb: KnowledgeBase) -> None:
    assert kb.country_by_name("Ukraines") is None  # feminine names take no genitive -s
    assert kb.country_by_name("Tisch") is None


def test_actors_by_alias_full_surname_genitive(kb: KnowledgeBase) -> None:
    for text in ("Wladimir Putin", "Putin", "Putins", "Vladimir Putin"):
        assert [a.id for a in kb.actors_by_alias(text)] == ["Q7747"], text
    for text in ("Selenskyj", "Selenskyjs", "Zelensky", "Selensky"):
        assert [a.name for a in kb.actors_by_alias(text)] == ["Wolodymyr Selenskyj"], text
    assert [a.name for a in kb.actors_by_alias("Scholz'")] == ["Olaf Scholz"]
    assert kb.actors_by_alias("putin") == []  # case-sensitive by contract


def test_actors_by_alias_ambiguous_surname_lists_all(kb: KnowledgeBase) -> None:
    names = {a.name for a in kb.actors_by_alias("Johnson")}
    assert "Boris Johnson" in names


def test_actor_fields(kb: KnowledgeBase) -> None:
    putin = kb.actor("Q7747")
    assert putin is not None
    assert (putin.type, putin.kind, putin.country, putin.sector, putin.gender) == (
        "PER",
        "person",
        "RUS",
        "GOV",
        "m",
    )
    assert any(o.role == "head_of_state" and o.end is None for o in putin.offices)
    tass = kb.actors_by_alias("TASS")[0]
    assert (tass.kind, tass.sector, tass.country) == ("media", "JRN", "RUS")
    nato = kb.actors_by_alias("Nato")[0]
    assert (nato.kind, nato.sector, nato.country, nato.wikidata) == ("igo", "IGO", "NATO", "Q7184")


def test_state_media_by_country_adjective(kb: KnowledgeBase) -> None:
    found = kb.actors_by_alias("russischen Staatsfernsehens")
    assert [a.country for a in found] == ["RUS"]
    assert found[0].sector == "JRN"
    generic = kb.actors_by_alias("Staatsfernsehen")
    assert [a.country for a in generic] == [None]


def test_facility_with_coordinates(kb: KnowledgeBase) -> None:
    (site,) = kb.actors_by_alias("Weltraumbahnhof Wostotschny")
    assert site.kind == "facility" and site.country == "RUS"
    assert site.admin1 == "Oblast Amur"
    assert site.lat is not None and 50 < site.lat < 53
    assert site.lon is not None and 127 < site.lon < 130


@pytest.mark.parametrize(
    ("noun", "role", "country", "gender"),
    [
        ("Präsident", "head_of_state", None, "m"),
        ("Präsidenten", "head_of_state", None, "m"),
        ("Präsidentin", "head_of_state", None, "f"),
        ("Staatschef", "head_of_state", None, "m"),
        ("Staatschefs", "head_of_state", None, "m"),
        ("Machthaber", "head_of_state", None, "m"),
        ("Diktator", "head_of_state", None, "m"),
        ("Regierungschef", "head_of_government", None, "m"),
        ("Ministerpräsidentin", "head_of_government", None, "f"),
        ("Premierminister", "head_of_government", None, "m"),
        ("Kanzler", "head_of_government", None, "m"),
        ("Bundeskanzlerin", "head_of_government", "DEU", "f"),
        ("Außenminister", "foreign_minister", None, "m"),
        ("Chefdiplomat", "foreign_minister", None, "m"),
        ("Verteidigungsministers", "defence_minister", None, "m"),
        ("Sprecher", "spokesperson", None, "m"),
        ("Sprecherin", "spokesperson", None, "f"),
        ("Kremlsprecher", "spokesperson", "RUS", "m"),
        ("Kreml-Sprecher", "spokesperson", "RUS", "m"),
        ("Kreml-Chef", "head_of_state", "RUS", "m"),
        ("Kremlchef", "head_of_state", "RUS", "m"),
        ("Kremlchefs", "head_of_state", "RUS", "m"),
        ("US-Präsident", "head_of_state", "USA", "m"),
        ("US-Außenministerin", "foreign_minister", "USA", "f"),
        ("China-Außenminister", "foreign_minister", "CHN", "m"),
        ("Pentagon-Chef", "defence_minister", "USA", "m"),
        ("Nato-Generalsekretär", "secretary_general", "NATO", "m"),
        ("UN-Generalsekretärs", "secretary_general", "UN", "m"),
    ],
)
def test_role_by_noun(
    kb: KnowledgeBase, noun: str, role: str, country: str | None, gender: str | None
) -> None:
    found = kb.role_by_noun(noun)
    assert found is not None, noun
    assert (found.role, found.country, found.gender) == (role, country, gender)
    assert not found.former


def test_role_by_noun_former_and_unknown(kb: KnowledgeBase) -> None:
    former = kb.role_by_noun("Ex-Kanzlerin")
    assert former is not None and former.former
    assert (former.role, former.gender) == ("head_of_government", "f")
    assert kb.role_by_noun("Bäcker") is None
    assert kb.role_by_noun("Parteikollege") is None
    assert kb.role_by_noun("") is None


def test_role_noun_resolves_to_holder(kb: KnowledgeBase) -> None:
    role = kb.role_by_noun("Kreml-Chef")
    assert role is not None and role.country is not None
    holder = kb.office_holder(role.country, role.role, "2023-09")
    assert holder is not None and holder.id == "Q7747"


def test_entity_patterns(kb: KnowledgeBase) -> None:
    patterns = kb.entity_patterns()
    by_text = {p["pattern"]: p for p in patterns}
    assert by_text["Putin"] == {"label": "PER", "pattern": "Putin", "id": "Q7747"}
    assert by_text["Putins"]["id"] == "Q7747"
    assert by_text["Russland"]["label"] == "LOC"
    assert by_text["Russlands"]["id"] == "Q159"
    assert by_text["Interfax"]["label"] == "ORG"
    assert by_text["Vereinte Nationen"]["label"] == "ORG"
    assert by_text["Moskau"]["label"] == "LOC"
    assert by_text["Kosmodrom Wostotschny"]["label"] == "LOC"
    # ordinary German words that are also media names are never patterns
    for word in ("Welt", "Bild", "Zeit", "Stern"):
        assert word not in by_text
    assert all(set(p) == {"label", "pattern", "id"} for p in patterns)
    assert len(by_text) == len(patterns)


def test_default_kb_is_cached_and_fast() -> None:
    load_default.cache_clear()
    start = time.perf_counter()
    first = KnowledgeBase.load()
    elapsed = time.perf_counter() - start
    assert KnowledgeBase.load() is first
    assert elapsed < 0.6  # budget 0.3 s; slack for a loaded CI machine
