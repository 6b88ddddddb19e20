"""User KB files passed via `extra_paths` add and replace records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.entities.kb import KBError, KnowledgeBase


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_user_file_adds_actor_and_office(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "my_persons.jsonl",
        [
            {
                "id": "lagebild:per:erika-beispiel",
                "name": "Erika Beispiel",
                "aliases": ["Beispiel"],
                "country": "DEU",
                "sector": "GOV",
                "gender": "f",
                "offices": [
                    {
                        "role": "interior_minister",
                        "title": "Innenministerin",
                        "country": "DEU",
                        "sector": "GOV",
                        "start": "2031-01-01",
                        "end": None,
                    }
                ],
            }
        ],
    )
    kb = KnowledgeBase.load(extra_paths=[user])
    (found,) = kb.actors_by_alias("Beispiels")
    assert found.kind == "person"  # from the file-name convention *_persons.jsonl
    assert found.type == "PER"
    assert kb.office_holder("DEU", "interior_minister", "2031-06") == found
    assert any(p["pattern"] == "Erika Beispiel" for p in kb.entity_patterns())
    # the shipped default KB is not changed by a user KB
    assert KnowledgeBase.load().actors_by_alias("Erika Beispiel") == []


def test_user_file_with_record_field_and_override(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "extra.jsonl",
        [
            {
                "record": "country",
                "iso3": "VLX",
                "name": "Valdexien",
                "adjectives": ["valdexisch"],
                "capitals": ["Portamar"],
                "metonyms": ["Turmpalast"],
                "wikidata": None,
            },
            {
                "record": "role_noun",
                "noun": "Großkanzler",
                "role": "head_of_government",
                "country": "VLX",
                "gender": "m",
            },
            {
                "record": "actor",
                "id": "Q7747",
                "name": "Wladimir Putin",
                "kind": "person",
                "aliases": ["Putin"],
                "country": "RUS",
                "sector": "GOV",
                "gender": "m",
                "offices": [],
                "wikidata": "Q7747",
            },
        ],
    )
    kb = KnowledgeBase.load(extra_paths=[str(user)])
    country = kb.country_by_adjective("valdexischen")
    assert country is not None and country.iso3 == "VLX"
    turm = kb.country_by_name("Turmpalast")
    assert turm is not None and turm.iso3 == "VLX"
    role = kb.role_by_noun("Großkanzlerin")
    assert role is not None and (role.role, role.country, role.gender) == (
        "head_of_government",
        "VLX",
        "f",
    )
    # the user record replaced the shipped one (no offices any more)
    assert kb.office_holder("RUS", "head_of_state", "2023") is None


def test_bad_records_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"record": "actor", "id": "x", "name": "X", "kind": "person"}\n{oops\n')
    with pytest.raises(KBError, match="broken.jsonl:2"):
        KnowledgeBase.load(extra_paths=[bad])
    unknown = _write(tmp_path / "misc.jsonl", [{"id": "y", "name": "Y"}])
    with pytest.raises(KBError, match="unknown record kind"):
        KnowledgeBase.load(extra_paths=[unknown])
    gender = _write(tmp_path / "persons.jsonl", [{"id": "z", "name": "Z", "gender": "x"}])
    with pytest.raises(KBError, match="persons.jsonl:1"):
        KnowledgeBase.load(extra_paths=[gender])
