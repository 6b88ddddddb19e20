"""The custom attributes our components write on a spaCy `Doc`.

A spaCy user who loads `lagebild.load()` reads the results where spaCy users look for them:
`doc._.entities` (mention clusters), `doc._.quotes`, `doc._.events`; `doc._.article` carries the
article the text came from (its date anchors relative dates and office-holder look-ups).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc


def register_extensions() -> None:
    """Register the `Doc._` attributes once; calling it again is harmless."""
    for name in ("article",):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("entities", "quotes", "events"):
        if not Doc.has_extension(name):
            getter, setter = _list_property(name)
            Doc.set_extension(name, getter=getter, setter=setter)


Getter = Callable[[Doc], list[Any]]
Setter = Callable[[Doc, list[Any]], None]


def _list_property(name: str) -> tuple[Getter, Setter]:
    """Getter and setter for a per-doc list (a plain `default=[]` would be shared by all docs)."""
    key = f"lagebild.{name}"

    def getter(doc: Doc) -> list[Any]:
        value = doc.user_data.get(key)
        if value is None:
            value = []
            doc.user_data[key] = value
        return value

    def setter(doc: Doc, items: list[Any]) -> None:
        doc.user_data[key] = list(items)

    return getter, setter


register_extensions()
