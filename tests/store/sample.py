"""Hand-made analyses over our own short German texts, for storage, API and page tests.

Offsets are computed from the text, so the dicts are consistent with `docs/schema.md`
whatever the variant's title is.
"""

from __future__ import annotations

from typing import Any

from lagebild.read.text import build_article, classify_blocks

BODY = (
    "Die Außenministerin Jana Beispiel hat am Dienstag die Hafenstadt Nordhaven besucht. "
    '"Wir stehen fest an der Seite der Bürger", sagte Beispiel nach dem Treffen mit '
    "Bürgermeister Olaf Muster. Muster kritisierte die Regierung in Südland."
)


def _span(text: str, piece: str, after: int = 0) -> dict[str, Any]:
    start = text.index(piece, after)
    return {"text": piece, "start": start, "end": start + len(piece)}


def sample_analysis(variant: int = 0, *, date: str = "2024-03-05",
                    medium: str = "Beispielblatt") -> dict[str, Any]:
    """One article with 4 entities, 1 quote (speaker Jana Beispiel) and 2 events."""
    title = f"Ministerin besucht Nordhaven ({variant})"
    paragraphs = [title, BODY]
    article = build_article(paragraphs, classify_blocks(paragraphs), date=date, title=title,
                            source=f"sample-{variant}.txt")
    article.meta["medium"] = medium
    article.language = "de"
    article.ensure_id()
    text = article.text
    jana = _span(text, "Jana Beispiel")
    jana2 = _span(text, "Beispiel", jana["end"])
    olaf = _span(text, "Olaf Muster")
    olaf2 = _span(text, "Muster", olaf["end"])
    nordhaven = _span(text, "Nordhaven", text.index(BODY))
    suedland = _span(text, "Südland")
    quote_text = _span(text, "Wir stehen fest an der Seite der Bürger")
    entities = [
        {"id": "L-jana", "name": "Jana Beispiel", "type": "PER", "kb_id": None,
         "country": "DEU", "sector": "GOV",
         "mentions": [{**jana, "kind": "name"}, {**jana2, "kind": "name"}]},
        {"id": "L-olaf", "name": "Olaf Muster", "type": "PER", "kb_id": "Q999001",
         "country": "DEU", "sector": "GOV",
         "mentions": [{**olaf, "kind": "name"}, {**olaf2, "kind": "name"}]},
        {"id": "L-nordhaven", "name": "Nordhaven", "type": "LOC", "kb_id": None,
         "country": "DEU", "sector": None, "mentions": [{**nordhaven, "kind": "name"}]},
        {"id": "L-suedland", "name": "Südland", "type": "LOC", "kb_id": None,
         "country": "XSL", "sector": None, "mentions": [{**suedland, "kind": "name"}]},
    ]
    quotes = [{
        "type": "direct", **quote_text, "cue": _span(text, "sagte"),
        "speaker": {"entity_id": "L-jana", **jana2}, "source": None, "addressee": None,
        "confidence": 0.9,
    }]
    events = [
        {"id": f"E-{article.id}-1", "type": "CONSULT", "mode": "visit", "status": "reported",
         "actor": {"entity_id": "L-jana", "text": jana["text"], "code": "DEUGOV",
                   "sector": "GOV", "name": "Jana Beispiel"},
         "recipient": {"entity_id": "L-olaf", "text": olaf["text"], "code": "DEUGOV",
                       "sector": "GOV", "name": "Olaf Muster"},
         "location": None, "date": {"value": date, "precision": "day", "text": "Dienstag"},
         "evidence": _span(text, "hat am Dienstag die Hafenstadt Nordhaven besucht")},
        {"id": f"E-{article.id}-2", "type": "ACCUSE", "mode": "disapprove", "status": "reported",
         "actor": {"entity_id": "L-olaf", "text": olaf2["text"], "code": "DEUGOV",
                   "sector": "GOV", "name": "Olaf Muster"},
         "recipient": {"entity_id": "L-suedland", "text": "Regierung in Südland",
                       "code": "XSLGOV", "sector": "GOV", "name": "Südland"},
         "location": None, "date": {"value": date, "precision": "day", "text": None},
         "evidence": _span(text, "Muster kritisierte die Regierung in Südland")},
    ]
    return {
        "schema_version": 1,
        "article": article.to_dict(),
        "sentences": [],
        "entities": entities,
        "quotes": quotes,
        "events": events,
        "_hash": article.content_hash,
    }


def store_samples(engine: Any, count: int = 3) -> list[dict[str, Any]]:
    """Store `count` variants: dates 2024-03-05, 2024-04-05, …; media alternate."""
    from lagebild.store.database import store_analysis

    stored = []
    for i in range(count):
        analysis = sample_analysis(i, date=f"2024-{3 + i:02d}-05",
                                   medium="Beispielblatt" if i % 2 == 0 else "Morgenpost Test")
        digest = analysis.pop("_hash")
        store_analysis(engine, analysis, digest)
        stored.append(analysis)
    return stored
