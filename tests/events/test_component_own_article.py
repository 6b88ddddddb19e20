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
    consult = _by_type(events, "CONSULT")
    assert consult
    parties = {consult[0]["actor"]["code"], (consult[0]["recipient"] or {}).get("code")}
    assert parties == {"NOR", "FIN"}
    assert consult[0]["status"] == "happened"
    assert consult[0]["date"]["value"] == "2031-03-13"
    assert any(e["location"] and e["location"]["country"] == "FIN" for e in consult)
    protest = _by_type(events, "PROTEST")
    assert protest and protest[0]["actor"]["code"] == "FIN"
    coerce = _by_type(events, "COERCE")
    assert coerce and coerce[0]["actor"]["sector"] == "COP"
    accuse = _by_type(events, "ACCUSE")
    assert accuse and accuse[0]["actor"]["code"] == "SWE"
    assert accuse[0]["date"]["value"] == "2031-03-14"
