"""The part of the knowledge-base API (`lagebild.entities.kb`) the entity stage relies on.

Written as Protocols so the mention, role and linking code states exactly what it needs from
the KB and can be exercised with any object that provides it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class OfficeLike(Protocol):
    role: str
    title: str
    country: str | None
    sector: str | None
    start: str | None
    end: str | None


class ActorLike(Protocol):
    id: str
    name: str
    type: str
    kind: str
    aliases: Sequence[str]
    country: str | None
    sector: str | None
    gender: str | None
    offices: Sequence[Any]
    wikidata: str | None


class CountryLike(Protocol):
    iso3: str
    name: str
    aliases: Sequence[str]
    adjectives: Sequence[str]
    capitals: Sequence[str]
    metonyms: Sequence[str]
    wikidata: str | None


class RoleNounLike(Protocol):
    role: str
    country: str | None
    gender: str | None


class KbLike(Protocol):
    def country_by_name(self, text: str) -> Any: ...

    def country_by_adjective(self, word: str) -> Any: ...

    def actors_by_alias(self, text: str) -> list[Any]: ...

    def actor(self, id: str) -> Any: ...

    def country(self, iso3: str) -> Any: ...

    def role_by_noun(self, noun: str) -> Any: ...

    def office_holder(self, country: str, role: str, date: str | None) -> Any: ...

    def entity_patterns(self) -> list[dict[str, Any]]: ...
