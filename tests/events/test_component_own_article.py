"""A whole article we wrote ourselves: the events a reader would list, with parties, place,
date and status."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from lagebild.analysis import analyze_article
from lagebild.read.article import Article

ARTICLE = """Norwegen und Finnland vereinbaren engere Zusammenarbeit

Oslo, 14. März 2031. Der norwegische Ministerpräsident ist am Donnerstag zu einem Besuch nach \
Helsinki gereist und hat dort den finnischen Präsidenten getroffen. Beide Regierungen \
vereinbarten eine engere Zusammenarbeit bei der Sicherung der Ostsee.

Am Rande des Treffens protestierten in Helsinki mehrere hundert Demonstranten gegen die \
Regierung. Die Polizei nahm nach Angaben eines Sprechers zwölf Personen fest.

Schweden kritisierte die Vereinbarung am Freitag scharf. Die Regierung in Stockholm könnte \
Finnland nach Einschätzung von Beobachtern mit Sanktionen drohen.
"""


def _by_type(events: list[dict[str, Any]], etype: str) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == etype]


def test_own_article_events(nlp: Language) -> None:
    events = analyze_article(nlp, Article(text=ARTICLE, date="2031-03-14"))["events"]
    consult = [
        e
        for e in _by_type(events, "CONSULT")
        if {(e["actor"] or {}).get("code"), (e["recipient"] or {}).get("code")} == {"NOR", "FIN"}
    ]
    assert consult
    assert all(e["status"] == "happened" for e in consult)
    assert consult[0]["date"]["value"] == "2031-03-13"
    agree = _by_type(events, "AGREE")
    assert agree and {agree[0]["actor"]["code"], agree[0]["recipient"]["code"]} == {"NOR", "FIN"}
    protest = _by_type(events, "PROTEST")
    assert protest and protest[0]["actor"]["code"] == "FIN"
    coerce = _by_type(events, "COERCE")
    assert coerce and coerce[0]["actor"]["sector"] == "COP"
    accuse = _by_type(events, "ACCUSE")
    assert accuse and accuse[0]["actor"]["code"] == "SWE"
    assert accuse[0]["date"]["value"] == "2031-03-14"
    threat = _by_type(events, "THREATEN")
    assert threat and threat[0]["status"] == "hypothetical"
    assert threat[0]["actor"]["code"] == "SWE" and threat[0]["recipient"]["code"] == "FIN"
