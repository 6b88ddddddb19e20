"""`Quote.to_dict()` matches the `quote` definition of the analysis schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from spacy.language import Language

import lagebild

SCHEMA = Path(lagebild.__file__).resolve().parent / "schema" / "analysis.schema.json"


def quote_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    if "quote_role" not in schema.get("$defs", {}):
        pytest.skip("analysis schema has no quote definition yet")
    sub = {"$defs": schema["$defs"], "$ref": "#/$defs/quote"}
    return jsonschema.Draft202012Validator(sub)


def test_quote_dicts_validate(blank_quotes_nlp: Language) -> None:
    text = (
        "„Das Projekt ist gescheitert“, sagte der Sprecher der Behörde. "
        "Laut der Zeitung sei der Vertrag schon gekündigt. Die Kosten seien zu hoch gewesen."
    )
    doc = blank_quotes_nlp(text)
    dicts = [q.to_dict() for q in doc._.quotes]
    assert len(dicts) >= 2
    validator = quote_validator()
    for d in dicts:
        validator.validate(d)
        assert 0.0 <= d["confidence"] <= 1.0
        assert text[d["start"] : d["end"]] == d["text"]
        for role in ("cue", "speaker", "source", "addressee"):
            if d[role] is not None:
                assert text[d[role]["start"] : d[role]["end"]] == d[role]["text"]
    assert {d["type"] for d in dicts} >= {"direct", "indirect"}
