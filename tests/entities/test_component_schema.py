"""`EntityCluster.to_dict()` objects validate against the output schema's entity definition."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.entities.helpers import MakeDoc

SRC = Path(__file__).resolve().parents[2] / "src"
SCHEMA = SRC / "lagebild" / "schema" / "analysis.schema.json"


def test_entities_validate_against_the_schema(analyse: MakeDoc) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    entity_schema = {"$defs": schema["$defs"], **schema["$defs"]["entity"]}
    text = (
        "Der valdorische Präsident Teodor Ostrava traf in Portella Außenministerin Lindqvist. "
        "Er lobte den Kastellpalast. Laut VPA sprach Karla Unbekannt."
    )
    start = text.index("Karla")
    doc = analyse(text, ents=[(start, start + len("Karla Unbekannt"), "PER")])
    data = [c.to_dict() for c in doc._.entities]
    kinds = {m["kind"] for d in data for m in d["mentions"]}
    assert {"name", "pronoun", "metonym"} <= kinds
    for entity in data:
        jsonschema.validate(entity, entity_schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dict(data[0], type="PERSON"), entity_schema)
