"""The quotation corpus format (Petersen-Frey & Biemann 2024, German Wikinews).

One JSON per document: `originalText`, `tokens` (charBegin/charEnd), `sentences`, and
`annotations` with `quote`, `cue`, `speaker`, `addressee`, `frame` (each: spans, text,
tokenIds), `type` (Direct, Indirect, Reported, FreeIndirect, IndirectFreeIndirect) and
`medium`. This module reads it and converts our `Quote` objects into it.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.quotes.quote import Quote, Role

CORPUS_TYPE = {
    "direct": "Direct",
    "indirect": "Indirect",
    "mixed": "Indirect",
    "reported": "Reported",
    "free_indirect": "IndirectFreeIndirect",
}
ROLES = ("speaker", "cue", "addressee", "frame")


@dataclass
class CorpusDoc:
    """One corpus document, with a character-to-token index for mapping our spans."""

    path: Path
    data: dict[str, Any]

    @property
    def text(self) -> str:
        """The document text our pipeline runs on."""
        return str(self.data["originalText"])

    @property
    def tokens(self) -> list[dict[str, Any]]:
        """Corpus tokens with `charBegin`/`charEnd`."""
        return list(self.data["tokens"])

    def token_ids(self, start: int, end: int) -> list[int]:
        """Corpus token ids whose characters overlap [start, end) by at least half a token."""
        toks = self.data["tokens"]
        begins = self._begins()
        ids = []
        k = max(0, bisect.bisect_right(begins, start) - 1)
        while k < len(toks) and toks[k]["charBegin"] < end:
            t = toks[k]
            ov = min(end, t["charEnd"]) - max(start, t["charBegin"])
            if ov > 0 and ov * 2 >= t["charEnd"] - t["charBegin"]:
                ids.append(int(t["id"]))
            k += 1
        return ids

    def _begins(self) -> list[int]:
        cache = self.__dict__.get("_begins_cache")
        if cache is None:
            cache = [int(t["charBegin"]) for t in self.data["tokens"]]
            self.__dict__["_begins_cache"] = cache
        return list(cache)


def iter_corpus(data_dir: str | Path) -> Iterator[CorpusDoc]:
    """Documents of a corpus folder in file-name order."""
    for path in sorted(Path(data_dir).glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            yield CorpusDoc(path, json.load(fh))


def _span_obj(doc: CorpusDoc, ids: list[int]) -> dict[str, Any]:
    """The corpus's span object (spans of consecutive token ids, text, tokenIds)."""
    ids = sorted(set(ids))
    toks = doc.data["tokens"]
    spans: list[dict[str, int]] = []
    for i in ids:
        if spans and spans[-1]["end"] == i:
            spans[-1]["end"] = i + 1
            spans[-1]["charEnd"] = toks[i]["charEnd"]
        else:
            spans.append(
                {
                    "begin": i,
                    "end": i + 1,
                    "charBegin": toks[i]["charBegin"],
                    "charEnd": toks[i]["charEnd"],
                }
            )
    text = " ".join(doc.text[s["charBegin"] : s["charEnd"]] for s in spans)
    return {"spans": spans, "text": text, "tokenIds": ids}


def _role_ids(doc: CorpusDoc, role: Role | None) -> list[int]:
    return doc.token_ids(role.start, role.end) if role is not None else []


def quotes_to_annotations(doc: CorpusDoc, quotes: list[Quote]) -> list[dict[str, Any]]:
    """Our quotes in the corpus's annotation schema (a mixed quote adds its quoted fragments
    as nested Direct quotes, as the corpus annotates them; reported quotes carry no cue)."""
    anns: list[dict[str, Any]] = []
    for q in quotes:
        parts = q.parts or [(q.start, q.end)]
        ids = [i for a, b in parts for i in doc.token_ids(a, b)]
        ctype = CORPUS_TYPE[q.type]
        cue_ids = [] if q.type == "reported" else _role_ids(doc, q.cue)
        entries = [(ids, ctype, False, cue_ids)]
        for a, b in q.fragments:
            entries.append((doc.token_ids(a, b), "Direct", True, cue_ids))
        for qids, t, nested, cids in entries:
            if not qids:
                continue
            anns.append(
                {
                    "id": len(anns),
                    "type": t,
                    "medium": _medium(q.medium),
                    "isNested": nested,
                    "hasNested": bool(q.fragments) and not nested,
                    "quote": _span_obj(doc, qids),
                    "cue": _span_obj(doc, cids),
                    "speaker": _span_obj(doc, _role_ids(doc, q.speaker)),
                    "addressee": _span_obj(doc, _role_ids(doc, q.addressee)),
                    "frame": _span_obj(doc, []),
                }
            )
    return anns


def _medium(medium: str | None) -> str:
    return medium if medium in ("Speech", "Thought", "Writing", "SW", "ST", "TW") else "SW"


def prediction_document(doc: CorpusDoc, quotes: list[Quote]) -> dict[str, Any]:
    """A full corpus-format document with our annotations instead of the gold ones."""
    out = {k: v for k, v in doc.data.items() if k != "annotations"}
    out["annotations"] = quotes_to_annotations(doc, quotes)
    return out
