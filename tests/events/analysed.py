"""The real pipeline on a text we wrote, read back as the events list of the JSON schema:
the few helpers every events test needs, in one place."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from lagebild.analysis import analyze_article
from lagebild.read.article import Article

# a fixed article date, so relative dates in the sentences resolve the same on every day
ARTICLE_DATE = "2031-05-09"


def events_of(
    nlp: Language, text: str, etype: str | None = None, date: str = ARTICLE_DATE
) -> list[dict[str, Any]]:
    """The events of `text` (of type `etype` only, when given)."""
    events: list[dict[str, Any]] = analyze_article(nlp, Article(text=text, date=date))["events"]
    return [e for e in events if etype is None or e["type"] == etype]


def triggers_of(nlp: Language, text: str) -> list[tuple[str, str]]:
    """(type, trigger text) of every event of `text`."""
    out = []
    for e in events_of(nlp, text):
        trig = e["trigger"]
        out.append((e["type"], trig["text"] if isinstance(trig, dict) else trig))
    return out


def party_of(p: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """(code, sector) of an actor or recipient; (None, None) when there is none."""
    return (p["code"], p["sector"]) if p else (None, None)


def code_of(p: dict[str, Any] | None) -> str | None:
    """The code of an actor or recipient, or None."""
    return p["code"] if p else None
