"""Copying attributes between records: one helper for the many "X(a=obj.a, b=obj.b, ...)"
constructions (mentions from spans, places from KB actors, schema dicts from dataclasses)."""

from __future__ import annotations

from typing import Any


def pick(obj: object, *names: str, **renamed: str) -> dict[str, Any]:
    """`{name: obj.name}` for each name, plus `{key: obj.<attr>}` for each `key=attr`:
    `pick(span, "text", start="start_char", end="end_char")`."""
    out = {name: getattr(obj, name) for name in names}
    out.update({key: getattr(obj, attr) for key, attr in renamed.items()})
    return out
