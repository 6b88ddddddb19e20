"""Helpers shared by the entity tests (importable, unlike conftest)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

MakeDoc = Callable[..., Doc]


def cluster_by_name(doc: Doc, name: str) -> Any:
    """The cluster called `name` (fails the test when there is none)."""
    found = [c for c in doc._.entities if c.name == name]
    assert found, f"no cluster {name!r} in {[c.name for c in doc._.entities]}"
    return found[0]


def mention_texts(cluster: Any) -> list[str]:
    return [m.text for m in sorted(cluster.mentions, key=lambda m: m.start)]
