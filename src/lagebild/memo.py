"""A bounded memo: a dict cache that empties itself when it grows past a limit.

Why: the rule stages memoise look-ups keyed by word forms and texts (KB names, role nouns,
compound heads). One process may ingest articles for days, and the set of distinct word forms
never stops growing, so an unbounded cache is a slow memory leak. Clearing the whole table at
the limit is the cheapest bound there is: no per-hit bookkeeping (unlike an LRU), and a busy
cache refills with its hot keys within a few articles.

    actors = BoundedMemo[str, Actor | None](50_000)
    actor = actors.get(text, lookup)  # lookup(text) runs once per text until the next clear

A memo caches `None` results like any other value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(Generic[K, V]):
    """Memoised values of a pure function of the key, at most `limit` of them at a time."""

    __slots__ = ("_data", "limit")

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("limit must be positive")
        self.limit = limit
        self._data: dict[K, V] = {}

    def get(self, key: K, compute: Callable[[K], V]) -> V:
        """The memoised value of `key`, computed by `compute(key)` on a miss (the memo is
        emptied first when it already holds `limit` values)."""
        data = self._data
        try:
            return data[key]  # a hit costs one look-up
        except KeyError:
            pass
        if len(data) >= self.limit:
            data.clear()
        value = data[key] = compute(key)
        return value

    def clear(self) -> None:
        """Forget every value."""
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data
