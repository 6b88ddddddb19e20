"""The canonical seed article through the REAL pipeline: every quotation found and attributed.

Reads ../shared/seed/article.txt (skipped when absent) with the text reader and
`analyze_article`, so `doc._.article` carries the date as in production. Quotes are looked up
by a short piece of their text; speakers must resolve to the entity clusters of the article
(`speaker.entity_id` = the id of the cluster in `entities`), not just to strings. Nothing in
the code or data is specific to this article: these are general German reporting frames.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from lagebild.analysis import analyze_article
from lagebild.read.text import parse_text_article


@pytest.fixture(scope="module")
def analysis(nlp: Language, seed_path: Path) -> dict[str, Any]:
    article = parse_text_article(seed_path.read_text(encoding="utf-8"))
    return analyze_article(nlp, article)


def cluster_id(analysis: dict[str, Any], name_part: str) -> str:
    ids = [e["id"] for e in analysis["entities"] if name_part in e["name"]]
    assert ids, [e["name"] for e in analysis["entities"]]
    return str(ids[0])


def find(analysis: dict[str, Any], part: str) -> dict[str, Any]:
    hits = [q for q in analysis["quotes"] if part in q["text"]]
    assert len(hits) == 1, (part, [q["text"][:60] for q in analysis["quotes"]])
    return hits[0]


# (piece of the quote, allowed types, speaker cluster, piece of the speaker text or None,
#  piece of the source or None, piece of the addressee or None, cue text or None)
CASES = [
    ("Sprungbrett", {"reported", "mixed", "indirect"}, "Kim", None, None, None, None),
    ("obersten Priorität", {"mixed"}, "Kim", "Staatschef", "Fernsehens", None, "sagte"),
    ("tief überzeugt", {"direct"}, "Kim", None, "Interfax", None, "sagte"),
    ("Damit werde es", {"free_indirect"}, "Kim", None, None, None, None),
    ("hegemonistischen Kräften", {"mixed"}, "Kim", None, None, None, "sagte"),
    ("bedingungslose Unterstützung", {"mixed"}, "Kim", None, None, None, "sagte"),
    ("an der Seite Russlands", {"mixed"}, "Kim", None, "Staatsfernsehens", None, "sagte"),
    ("Vieraugengesprächs", {"indirect"}, "Kim", None, None, None, "teilte"),
    ("strategischen Partnerschaft", {"indirect"}, "Kim", None, None, None, "fügte"),
    ("verstärkte Zusammenarbeit", {"reported"}, "Putin", None, None, None, None),
    ("Einen Toast", {"direct"}, "Putin", None, "Staatsfernsehen", None, "sagte"),
    ("Wohlergehen", {"direct"}, "Putin", None, None, "Delegation", "sagte"),
    ("alter Freund", {"mixed", "indirect", "direct"}, "Putin", None, None, None, None),
    ("nordkoreanische Soldaten", {"indirect"}, "Putin", None, None, None, "erinnerte"),
]


@pytest.mark.parametrize(("part", "types", "who", "spk", "src", "addr", "cue"), CASES)
def test_seed_quote(
    analysis: dict[str, Any],
    part: str,
    types: set[str],
    who: str,
    spk: str | None,
    src: str | None,
    addr: str | None,
    cue: str | None,
) -> None:
    q = find(analysis, part)
    assert q["type"] in types, q
    assert q["speaker"] is not None, q
    assert q["speaker"]["entity_id"] == cluster_id(analysis, who), (q, analysis["entities"])
    if spk is not None:
        assert spk in q["speaker"]["text"], q
    if src is not None:
        assert q["source"] is not None and src in q["source"]["text"], q
    if addr is not None:
        assert q["addressee"] is not None and addr in q["addressee"]["text"], q
    if cue is not None:
        assert q["cue"] is not None and q["cue"]["text"] == cue, q


def test_seed_speakers_are_not_inside_their_quotes(analysis: dict[str, Any]) -> None:
    """A speaker is never taken from inside quotation marks (direct and mixed quotes)."""
    text = analysis["article"]["text"]
    for q in analysis["quotes"]:
        sp = q["speaker"]
        if sp is not None and q["type"] in ("direct", "mixed"):
            inside = text[q["start"] : sp["start"]]
            assert (
                sp["end"] <= q["start"]
                or sp["start"] >= q["end"]
                or (inside.count('"') % 2 == 0 and inside.count("„") == inside.count("“"))
            ), q
