"""Rule-based candidate quotations for German news: who said what, through which source.

The rules work on tokens and sentences alone and use POS, morphology (Mood=Sub) and the
dependency parse when the pipeline has them. They *propose* candidates with features; the
linear scorer in `scorer.py` decides which to keep and how confident we are.

Candidate kinds: `direct` (text in quotation marks), `indirect` (content clause after or
before a reporting cue, or a sentence framed by laut/zufolge/nach Angaben/wie … berichtete),
`reported` (a reporting verb without a content clause: the whole sentence), `free_indirect`
(a Konjunktiv sentence after a quote, without a cue of its own).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from spacy.attrs import IS_PUNCT, IS_SPACE, MORPH
from spacy.tokens import Doc, Span

from lagebild.memo import BoundedMemo
from lagebild.nlp.morphology import morph_values
from lagebild.nlp.tokens import TokenTable
from lagebild.quotes.lexicon import Lexicon, VerbCue, load_lexicon

OPEN_CLOSE: dict[str, set[str]] = {
    "„": {"“", "”", '"'},
    "»": {"«"},
    "«": {"»"},
    "“": {"”", '"'},
    '"': {'"', "“", "”"},
    "''": {"''"},
    "‚": {"‘", "’"},
}
CLOSERS = {c for cs in OPEN_CLOSE.values() for c in cs}
CLOSERS_COLON = CLOSERS | {":"}
CUE_POS = ("VERB", "AUX", "ADJ", "ADV", "X", "NOUN", "PROPN")
FINAL = {".", "!", "?", "…", "..."}
FINAL_COLON = FINAL | {":"}
FINAL_SEMICOLON = FINAL | {";"}
BEFORE_SO = {",", "(", "–", "-"} | CLOSERS  # ", so X" / "(so X" / "“ so X"
MAX_QUOTE_LEN = 300


@dataclass
class Candidate:
    """A proposed quotation with token spans (doc token indices, end exclusive)."""

    kind: str
    parts: list[tuple[int, int]]
    sent_index: int
    cue: tuple[int, int] | None = None
    cue_lemma: str = ""
    speaker: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    medium: str | None = None
    fragments: list[tuple[int, int]] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)

    @property
    def start(self) -> int:
        """First token of the quoted material (read in every sort and overlap test)."""
        parts = self.parts
        return parts[0][0] if len(parts) == 1 else min(p[0] for p in parts)

    @property
    def end(self) -> int:
        """One past the last token of the quoted material."""
        parts = self.parts
        return parts[0][1] if len(parts) == 1 else max(p[1] for p in parts)


# ----------------------------------------------------------------------------------------------
# token tests that use annotations when present and word lists otherwise


class Analyzer:
    """Per-doc helper: knows which annotations the doc has and answers token questions."""

    def __init__(self, doc: Doc, lex: Lexicon | None = None) -> None:
        self.doc = doc
        self.lex = lex or load_lexicon()
        self.has_pos = doc.has_annotation("POS")
        self.has_morph = doc.has_annotation("MORPH")
        self.has_dep = doc.has_annotation("DEP")
        self.has_lemma = doc.has_annotation("LEMMA")
        self.w = self.lex.words
        self._ents: list[Span] | None = None
        self._person_org: list[tuple[int, int]] | None = None
        self._person_org_tokens: set[int] | None = None
        self._mentions: list[tuple[int, int, Any]] | None = None
        self._by_start: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._longest = 0
        self._person_name_ends: list[tuple[Any, list[str]]] | None = None
        self._heads: dict[int, int] = {}
        self._positions: dict[str, list[int]] = {}
        self._children: dict[int, list[int]] = {}
        self._edges: dict[int, tuple[int, int]] = {}
        self._cue_triggers: list[int] | None = None
        # The rules look at every token many times; `doc[i]` builds a new Token and each
        # string property decodes again, so the token attributes are read once per doc, from
        # the Doc's arrays. (The quote stage never changes tokens: the table cannot go stale.)
        table = self.table = TokenTable.of(doc)
        self.texts: list[str] = table.texts
        self.lower: list[str] = table.lower
        self.pos: list[str] = table.pos
        punct, space = doc.to_array([IS_PUNCT, IS_SPACE]).T.astype(bool).tolist()
        self.punct: list[bool] = punct
        self.space: list[bool] = space
        self.morph_keys: list[int] = doc.to_array(MORPH).tolist() if self.has_morph else []
        # sentence starts (token 0 included): `not doc[i].is_sent_start` for i > 0 is
        # `i not in sent_starts`
        self.sent_starts: set[int] = {a for a, _ in table.sentences}
        self.cue_words = self.lex.cue_words()
        # Konjunktiv readings of all tokens, computed once (the rules ask about most tokens):
        # finite verbs in the subjunctive, a form from the Konjunktiv list or Mood=Sub from the
        # morphologizer on a form that cannot be an indicative preterite ("agierte" is tagged
        # Sub now and then; weak Konjunktiv II equals the preterite and is no signal) ...
        self.konj: set[int] = self._konjunktiv_tokens()
        konj2 = self.w.get("konjunktiv2", set())
        lower = self.lower
        # ... and of them Konjunktiv I ("sei", "habe", "werde", "könne"): the reportative mood
        # proper, unlike Konjunktiv II ("könnte", "wäre"), which is often just a modal
        self.konj1: set[int] = {
            i
            for i in self.konj
            if lower[i] not in konj2 and not any(ch in lower[i] for ch in "äöü")
        }

    def _konjunktiv_tokens(self) -> set[int]:
        """Indices of the tokens in the subjunctive (see `self.konj`)."""
        konjunktiv = self.lex.konjunktiv
        lower, pos = self.lower, self.pos
        has_morph = self.has_morph
        found: set[int] = set()
        # only listed forms and verbs can be Konjunktiv
        maybe = [i for i, low in enumerate(lower) if low in konjunktiv or pos[i] in _VERB_POS]
        for i in maybe:
            low = lower[i]
            verb = pos[i] in ("VERB", "AUX")
            if low in konjunktiv:
                hit = not self.doc[i].is_title
            elif verb:
                hit = False
            else:
                continue
            if not hit and has_morph and verb and self._mood_sub(i):
                hit = not low.endswith(("te", "ten", "test", "tet")) and low.endswith(
                    ("e", "en", "est", "et")
                )
            if hit:
                found.add(i)
        return found

    def _mood_sub(self, i: int) -> bool:
        """`"Sub" in morph_values(doc[i], "Mood")`, memoised by the analysis key."""
        return _MOOD_SUB.get(
            self.morph_keys[i], lambda _: "Sub" in morph_values(self.doc[i], "Mood")
        )

    def _verb_fin(self, i: int) -> bool:
        """`"Fin" in morph_values(doc[i], "VerbForm")`, memoised by the analysis key."""
        return _VERB_FIN.get(
            self.morph_keys[i], lambda _: "Fin" in morph_values(self.doc[i], "VerbForm")
        )

    @property
    def ents(self) -> list[Span]:
        """Named entities of the doc (computed once: `doc.ents` rebuilds them on each access)."""
        if self._ents is None:
            self._ents = list(self.doc.ents)
        return self._ents

    @property
    def person_org_ents(self) -> list[tuple[int, int]]:
        """Token spans of the PER and ORG entities (labels read once, not per speaker test)."""
        if self._person_org is None:
            self._person_org = [(e.start, e.end) for e in self.ents if e.label_ in ("PER", "ORG")]
        return self._person_org

    @property
    def person_org_tokens(self) -> set[int]:
        """The token indices inside the PER and ORG entities."""
        if self._person_org_tokens is None:
            self._person_org_tokens = {
                k for start, end in self.person_org_ents for k in range(start, end)
            }
        return self._person_org_tokens

    def finite_at(self, i: int) -> bool:
        """Finite verb (from the tagger, else from a list of frequent finite forms)."""
        if self.has_pos:
            return (
                self.pos[i] in ("VERB", "AUX") and self._verb_fin(i)
                if self.has_morph
                else self.table.tag[i] in ("VVFIN", "VAFIN", "VMFIN")
            )
        return self.lower[i] in self.w["finite_common"] or self.lower[i] in self.lex.konjunktiv

    def det_at(self, i: int) -> bool:
        """Article or possessive/demonstrative determiner."""
        if self.has_pos:
            return self.pos[i] == "DET"
        return self.lower[i] in self.w["determiners"]

    def nounish_at(self, i: int) -> bool:
        """Noun or name (capitalised content word when there is no tagger)."""
        if self.has_pos:
            pos = self.pos[i]
            return pos in ("NOUN", "PROPN") or (pos == "X" and self.doc[i].is_title)
        text = self.texts[i]
        return bool(text[:1].isupper()) and self.doc[i].is_alpha or (
            text[:1].isupper() and "-" in text
        )

    def adj_at(self, i: int) -> bool:
        """Attributive adjective or number inside a noun phrase."""
        if self.has_pos:
            return self.pos[i] in ("ADJ", "NUM")
        low = self.lower[i]
        return (
            self.doc[i].is_lower
            and low.endswith(("e", "en", "er", "es", "em"))
            and low not in self.w["prepositions"]
            and low not in self.lex.konjunktiv
            and low not in self.w["finite_common"]
            and low not in self.w["subordinators"]
        )

    def pronoun_at(self, i: int) -> bool:
        """Personal pronoun that can be a speaker."""
        return self.lower[i] in self.w["pronouns"] and (not self.has_pos or self.pos[i] == "PRON")

    def verb_cue_at(self, i: int) -> VerbCue | None:
        """Reporting-verb reading of token `i`, if any (lemma when available, else the form
        list)."""
        text = self.texts[i]
        cues = self.lex.verb_cues(text)
        if not cues:
            return None
        if self.has_pos and self.pos[i] not in CUE_POS:
            return None
        if (
            text[:1].isupper()
            and i > 0
            and i not in self.sent_starts
            and self.texts[i - 1] not in CLOSERS_COLON
        ):
            return None  # a nominalised form ("das Sagen") in mid-sentence
        return cues[0]

    @property
    def cue_triggers(self) -> list[int]:
        """Indices of the tokens that can start a cue in `_find_cues` (in order)."""
        if self._cue_triggers is None:
            triggers = self.cue_words
            verb_forms = self.lex.verb_forms
            opinion_nouns = self.w.get("opinion_nouns", set())
            texts = self.texts
            self._cue_triggers = [
                i
                for i, low in enumerate(self.lower)
                if low in triggers or low in verb_forms or texts[i] in opinion_nouns
            ]
        return self._cue_triggers

    def word_positions(self, key: str, words: set[str]) -> list[int]:
        """Indices of the tokens whose lower-case text is in `words`, in order (memoised per
        doc under `key`, which must always name the same word set)."""
        found = self._positions.get(key)
        if found is None:
            found = self._positions[key] = [i for i, low in enumerate(self.lower) if low in words]
        return found

    # ---- the parse: read from the Doc once per token asked about --------------------

    def head_of(self, i: int) -> int:
        """Index of the syntactic head of token `i` (`i` for a root)."""
        head = self._heads.get(i)
        if head is None:
            head = self._heads[i] = self.doc[i].head.i
        return head

    def children(self, i: int) -> list[int]:
        """Indices of `doc[i].children`, in spaCy's order (left children, then right)."""
        kids = self._children.get(i)
        if kids is None:
            kids = self._children[i] = [c.i for c in self.doc[i].children]
        return kids

    def subtree(self, i: int) -> list[int]:
        """Indices of `doc[i].subtree`, in spaCy's order."""
        out: list[int] = []
        self._walk(i, out)
        return out

    def _walk(self, i: int, out: list[int]) -> None:
        kids = self.children(i)
        for k in kids:
            if k < i:
                self._walk(k, out)
        out.append(i)
        for k in kids:
            if k > i:
                self._walk(k, out)

    def edges(self, i: int) -> tuple[int, int]:
        """`(doc[i].left_edge.i, doc[i].right_edge.i)`."""
        found = self._edges.get(i)
        if found is None:
            tok = self.doc[i]
            found = self._edges[i] = (tok.left_edge.i, tok.right_edge.i)
        return found

    def case_dat(self, i: int) -> bool:
        """`"Dat" in morph_values(doc[i], "Case")`, memoised by the analysis key."""
        if not self.has_morph:
            return False
        return _CASE_DAT.get(
            self.morph_keys[i], lambda _: "Dat" in morph_values(self.doc[i], "Case")
        )

    # ---- entity clusters (when the entity stage ran) ---------------------------------

    @property
    def mentions(self) -> list[tuple[int, int, Any]]:
        """(start, end, cluster) of every entity mention, in `doc._.entities` order."""
        if self._mentions is None:
            doc = self.doc
            if not doc.has_extension("entities") or not doc._.entities:
                self._mentions = []
            else:
                self._mentions = [
                    (m.start, m.end, c) for c in doc._.entities for m in c.mentions
                ]
            # the mentions ordered by start (with their position in the list), and the
            # longest mention: only mentions that start in `(start - longest, end]` can
            # overlap `[start, end)` (or contain the point `start == end`)
            self._by_start = sorted((m[0], k) for k, m in enumerate(self._mentions))
            self._starts = [m_start for m_start, _ in self._by_start]
            self._longest = max(0, max((m[1] - m[0] for m in self._mentions), default=0))
        return self._mentions

    @property
    def person_name_ends(self) -> list[tuple[Any, list[str]]]:
        """(cluster, last word of its name as a one-item list) of the PER clusters of
        `doc._.entities`, in order (read once per doc)."""
        if self._person_name_ends is None:
            self._person_name_ends = [
                (c, str(getattr(c, "name", "")).split()[-1:])
                for c in self.doc._.entities
                if getattr(c, "type", None) == "PER"
            ]
        return self._person_name_ends

    def cluster_at(self, start: int, end: int) -> Any:
        """`cluster_at_safe(doc, start, end)`: the cluster of the mention that overlaps the
        character span most (the first such mention in `doc._.entities` order)."""
        mentions = self.mentions
        lo = bisect_right(self._starts, start - self._longest)
        hi = bisect_right(self._starts, end)
        near = sorted(k for _, k in self._by_start[lo:hi])  # in list order: ties keep the first
        best = None
        best_overlap = 0
        point = start == end
        for k in near:
            m_start, m_end, cluster = mentions[k]
            if point and m_start <= start < m_end:
                overlap = 1
            else:
                overlap = (end if end < m_end else m_end) - (start if start > m_start else m_start)
            if overlap > best_overlap:
                best, best_overlap = cluster, overlap
        return best


_VERB_POS = frozenset({"VERB", "AUX"})
_MOOD_SUB = BoundedMemo[int, bool](100_000)  # morph analysis key -> "Sub" in Mood
_VERB_FIN = BoundedMemo[int, bool](100_000)  # morph analysis key -> "Fin" in VerbForm
_CASE_DAT = BoundedMemo[int, bool](100_000)  # morph analysis key -> "Dat" in Case


# ----------------------------------------------------------------------------------------------
# quotation marks


def quote_mark_spans(doc: Doc, an: Analyzer | None = None) -> list[tuple[int, int]]:
    """Token spans (including the marks) of balanced quotations; innermost level only at top.

    `an` (the doc's Analyzer) supplies the token texts already read; without it they are read
    here."""
    texts = an.texts if an is not None else [t.text for t in doc]
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, t in enumerate(texts):
        if t not in OPEN_CLOSE and t not in CLOSERS and "\n" not in t:
            continue  # the common case: an ordinary word
        if "\n" in t and doc[i].is_space and t.count("\n") >= 2:
            stack = []
            continue
        if (
            stack
            and t in OPEN_CLOSE[stack[-1][0]]
            and not (t == '"' and _opens_straight(doc, i, t, stack))
        ):
            mark, start = stack.pop()
            if i - start <= MAX_QUOTE_LEN:
                spans.append((start, i + 1))
            continue
        if t in OPEN_CLOSE and (t not in CLOSERS or _opens_straight(doc, i, t, stack)):
            stack.append((t, i))
    spans.sort()
    # keep outermost spans only; nested ones are fragments of their container
    outer: list[tuple[int, int]] = []
    for s in spans:
        if outer and s[0] < outer[-1][1]:
            continue
        outer.append(s)
    return outer


def _opens_straight(doc: Doc, i: int, text: str, stack: list[tuple[str, int]]) -> bool:
    """A straight or ambiguous mark opens when none of its kind is open and text follows it."""
    if any(m == text for m, _ in stack):
        return False
    return i + 1 < len(doc) and not doc[i + 1].is_punct and not doc[i].whitespace_


# ----------------------------------------------------------------------------------------------
# noun-phrase chunks (speaker, source, addressee)


def np_forward(
    an: Analyzer, i: int, limit: int, allow_genitive: bool = True
) -> tuple[int, int] | None:
    """Chunk a noun phrase starting at token `i` (up to `limit`), e.g. "der Sprecher des Amtes"."""
    j = i
    if j >= limit:
        return None
    if (
        an.pronoun_at(j)
        and not an.det_at(j)
        or an.lower[j] in ("er", "sie", "man", "wir", "ich")
    ):
        return (j, j + 1)
    has_head = False
    started_with_det = an.det_at(j)
    speaker_stop = an.w["speaker_stop"]
    while j < limit:
        text = an.texts[j]
        if not has_head and (an.det_at(j) or an.adj_at(j)):
            j += 1
            continue
        if an.nounish_at(j) and text not in speaker_stop:
            has_head = True
            j += 1
            continue
        if text in OPEN_CLOSE and not has_head and j + 2 < limit and an.nounish_at(j + 1):
            close = next(
                (x for x in range(j + 1, min(limit, j + 8)) if an.texts[x] in CLOSERS), None
            )
            if close is not None:
                has_head = True
                j = close + 1
                continue
        if text in ("-", "(") and has_head and j + 1 < limit and an.nounish_at(j + 1):
            close = _skip_paren(an, j, limit) if text == "(" else j + 1
            j = close
            continue
        if (
            has_head
            and allow_genitive
            and an.lower[j] in ("des", "der")
            and started_with_det
            and j + 1 < limit
        ):
            j += 1
            started_with_det = False  # one genitive level
            has_head = False
            continue
        if (
            has_head
            and an.lower[j] == "und"
            and j + 1 < limit
            and (an.det_at(j + 1) or an.nounish_at(j + 1))
        ):
            j += 1
            has_head = False
            continue
        break
    while j > i and (an.det_at(j - 1) or an.lower[j - 1] in ("und", "des", "der")):
        j -= 1
    if j > i and any(an.nounish_at(k) for k in range(i, j)):
        return (i, j)
    return None


def _skip_paren(an: Analyzer, j: int, limit: int) -> int:
    """Index after a closing parenthesis (an abbreviation like "(SPD)" belongs to the NP)."""
    for k in range(j, min(limit, j + 8)):
        if an.texts[k] == ")":
            return k + 1
    return j


def _next_noun(an: Analyzer, i: int, limit: int) -> str:
    """Text of the first noun-like token from `i` (to test whether a genitive is a medium)."""
    for k in range(i, min(limit, i + 4)):
        if an.nounish_at(k):
            return an.texts[k]
    return ""


def np_backward(an: Analyzer, end: int, lower: int) -> tuple[int, int] | None:
    """Noun phrase ending just before `end` (for "X zufolge", "X sagte")."""
    j = end - 1
    if j < lower:
        return None
    if an.lower[j] in ("er", "sie", "man", "wir", "ich"):
        return (j, end)
    start = end
    while j >= lower:
        if (
            an.nounish_at(j)
            or an.adj_at(j)
            or an.det_at(j)
            or an.texts[j] in (")", "(", "-")
            or (an.lower[j] in ("des", "der", "und", "von") and j > lower)
        ):
            start = j
            j -= 1
            continue
        break
    while start < end and (an.lower[start] in ("und", "von") or an.texts[start] in (")", "-")):
        start += 1
    if start < end and any(an.nounish_at(k) for k in range(start, end)):
        return (start, end)
    return None


# ----------------------------------------------------------------------------------------------
# candidate extraction


def extract_candidates(
    doc: Doc, lex: Lexicon | None = None, an: Analyzer | None = None
) -> list[Candidate]:
    """All rule candidates of `doc`, in text order, before scoring (`an`: the doc's Analyzer
    when the caller needs it afterwards)."""
    an = an if an is not None else Analyzer(doc, lex)
    marks = quote_mark_spans(doc, an)
    sents = _sentences(doc, an.table)
    cands: list[Candidate] = []
    for si, sent in enumerate(sents):
        s_marks = [m for m in marks if sent.start <= m[0] < sent.end]
        cands.extend(_sentence_candidates(an, si, sent, s_marks))
    _add_back_frames(an, sents, marks, cands)
    _drop_headline_reports(doc, cands)
    _add_free_indirect(an, sents, marks, cands)
    _add_context_features(cands, sents)
    return cands


class _Sent(NamedTuple):
    """A sentence as its token range (all the rules read of a sentence `Span`)."""

    start: int
    end: int


class Sentence(Protocol):
    """What the rules read of a sentence: its token range (`Span` or `_Sent`)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _sentences(doc: Doc, table: TokenTable) -> list[Sentence]:
    """The ranges of `doc.sents` (from the token table, which reads the same sentence starts;
    without sentence annotation or with a `sents` hook, `doc.sents` itself)."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [_Sent(a, b) for a, b in table.sentences]


def _drop_headline_reports(doc: Doc, cands: list[Candidate]) -> None:
    """Titles and subheads ("Ministerin lobt neue Brücke") summarise the body telegraphically;
    a reporting verb there is no reported statement of its own (the body has the real one)."""
    article = doc._.article if doc.has_extension("article") else None
    blocks = getattr(article, "blocks", None) or []
    heads = [(b.start, b.end) for b in blocks if getattr(b, "kind", "") in ("title", "subhead")]
    if not heads:
        return
    cands[:] = [
        c
        for c in cands
        if not (c.kind == "reported" and any(a <= doc[c.start].idx < b for a, b in heads))
    ]


def _add_back_frames(
    an: Analyzer, sents: list[Sentence], marks: list[tuple[int, int]], cands: list[Candidate]
) -> None:
    """ "… . Dies teilte X mit." / "Das gab X bekannt.": a frame sentence that points back with
    a demonstrative makes the previous sentence (plus the demonstrative, as the corpus marks
    it) the quotation, instead of a reported statement of its own."""
    back_words = an.w.get("back_reference", set())
    for c in list(cands):
        if c.kind != "reported" or c.cue is None or c.sent_index == 0:
            continue
        sent = sents[c.sent_index]
        if an.texts[sent.start] not in back_words or c.cue[0] != sent.start + 1:
            continue
        prev = sents[c.sent_index - 1]
        p_start = prev.start
        while p_start < prev.end and an.space[p_start]:
            p_start += 1
        if prev.end - p_start < 4 or (sent.start > 0 and "\n\n" in an.texts[sent.start - 1]):
            continue
        direct = [o for o in cands if o.kind == "direct" and o.sent_index == c.sent_index - 1]
        if direct and any(m[0] <= p_start and m[1] >= prev.end - 1 for m in marks):
            for o in direct:
                if o.cue is None:
                    o.cue, o.speaker, o.source = c.cue, c.speaker, c.source
                    o.cue_lemma = c.cue_lemma
                    o.features["back_frame"] = 1.0
            cands.remove(c)
            continue
        if c.speaker is not None and c.speaker[0] <= sent.start:
            c.speaker = _verb_subject(
                an, c.cue[0], sent.start + 1, sent.end, marks, avoid=(sent.start, sent.start + 1)
            )
        c.kind = "indirect"
        c.parts = [(p_start, sent.start + 1)]
        for key in ("no_clause", "kind_reported"):
            c.features.pop(key, None)
        c.features["kind_indirect"] = 1.0
        c.features["back_frame"] = 1.0
        c.features["konj"] = float(
            any(k in an.konj for k in range(p_start, sent.start))
        )
        c.fragments = [m for m in marks if p_start <= m[0] and m[1] <= sent.start]
    cands.sort(key=lambda c: (c.start, c.end))


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    """Is token `i` inside one of the spans? (A plain loop: called for most tokens, and the
    span lists are short, so a generator's set-up would dominate.)"""
    for a, b in spans:
        if a <= i < b:
            return True
    return False


def _covered(spans: list[tuple[int, int]]) -> set[int]:
    """The token indices inside any of the spans: `k in _covered(s)` equals `_inside(k, s)`,
    for loops that would otherwise scan all spans at every token."""
    return {k for a, b in spans for k in range(a, b)}


def _sentence_candidates(
    an: Analyzer, si: int, sent: Sentence, marks: list[tuple[int, int]]
) -> list[Candidate]:
    """Candidates in one sentence: quoted text, clause after/before a cue, framed sentences."""
    end = sent.end
    while end > sent.start and an.space[end - 1]:
        end -= 1
    out: list[Candidate] = []
    cue_hits = _find_cues(an, sent.start, end, marks)
    cue_hits, source_hits = _split_source_hits(an, cue_hits, marks)
    verb_hits = [h for h in cue_hits if h.kind == "verb"]
    frame_cue = verb_hits[0] if verb_hits else (cue_hits[0] if cue_hits else None)
    # --- direct quotes (text in quotation marks)
    for m in marks:
        inner = m[1] - m[0] - 2
        c = Candidate("direct", [m], si, medium=None)
        c.features.update(_mark_features(an, m, sent, end, marks))
        c.features["inner_len"] = min(inner, 40) / 40.0
        if frame_cue is not None:
            _attach_cue(an, c, frame_cue, sent.start, end, marks, avoid=m)
        out.append(c)
    # merge interrupted direct quotes sharing one frame: „A“, sagte X, „B“
    _merge_interrupted(an, out)
    # --- indirect / reported from cues outside quotation marks
    clause: list[Candidate] = []
    for hit in cue_hits:
        cc = _clause_candidate(an, si, sent.start, end, hit, marks)
        if cc is not None:
            clause.append(cc)
    # a laut/nach-Angaben phrase in the frame of a verb cue is the source, not a second quote
    verb_frames = [c for c in clause if c.features.get("cue_verb") and c.kind == "indirect"]
    for c in clause:
        if (
            c.cue is not None
            and not c.features.get("cue_verb")
            and any(not (v.start <= c.cue[0] < v.end) for v in verb_frames)
        ):
            continue
        out.append(c)
    _apply_source_hits(an, out, source_hits)
    return out


def _split_source_hits(
    an: Analyzer, hits: list[CueHit], marks: list[tuple[int, int]]
) -> tuple[list[CueHit], list[CueHit]]:
    """A "laut X" / "nach Angaben X" / "wie X berichtete" phrase inside the frame of a reporting
    verb ("sagte Y nach Angaben der Agentur X") names the source of Y's words, not a second
    quote: split those hits off so they become the source of the verb frame."""
    verbs = [h for h in hits if h.kind == "verb"]
    if not verbs:
        return hits, []
    keep: list[CueHit] = []
    sources: list[CueHit] = []
    for h in hits:
        if h.kind in ("prep", "nach", "postp", "wie") and h.np is not None:
            same_clause = any(
                _no_boundary_between(an, v.span[0], h.span[0], marks)
                for v in verbs
                if v.span[0] < h.span[0] and v.span[0] not in an.konj
            )
            media_wie = h.kind == "wie" and _np_is_media(an, h.np)
            if same_clause or media_wie:
                sources.append(h)
                continue
        keep.append(h)
    return keep, sources


def _no_boundary_between(an: Analyzer, a: int, b: int, marks: list[tuple[int, int]]) -> bool:
    """No comma, colon or semicolon (outside quotation marks) between tokens `a` and `b`."""
    lo, hi = min(a, b), max(a, b)
    return not any(
        an.texts[k] in (",", ":", ";") and not _inside(k, marks) for k in range(lo + 1, hi)
    )


def _apply_source_hits(an: Analyzer, cands: list[Candidate], hits: list[CueHit]) -> None:
    """Give verb-framed candidates without a source the source phrase of their sentence."""
    if not hits:
        return
    h = hits[0]
    if h.np is None:
        return
    src = _media_core(an, h.np) if _np_is_media(an, h.np) else _strip_det(an, h.np)
    for c in cands:
        if c.cue is not None and c.source is None and c.cue != h.span:
            if c.speaker is not None and c.speaker[0] <= src[0] < c.speaker[1]:
                continue
            c.source = src
            c.features["source_frame"] = 1.0


def _strip_det(an: Analyzer, np: tuple[int, int]) -> tuple[int, int]:
    """Noun phrase without its leading determiners."""
    a, b = np
    while a < b - 1 and an.det_at(a):
        a += 1
    return (a, b)


@dataclass
class CueHit:
    """A cue found in a sentence: token span, its kind, and the verb entry if any."""

    kind: str  # verb | prep | postp | nach | so | wie | adv
    span: tuple[int, int]
    lemma: str
    verb: VerbCue | None = None
    particle_at: int | None = None
    frame: tuple[int, int] | None = (
        None  # prepositional frame (laut X, X zufolge, wie X berichtete)
    )
    np: tuple[int, int] | None = None


def _find_cues(an: Analyzer, start: int, end: int, marks: list[tuple[int, int]]) -> list[CueHit]:
    """Reporting cues outside quotation marks, in order of appearance."""
    lex = an.lex
    hits: list[CueHit] = []
    opinion_nouns = an.w.get("opinion_nouns", set())
    # only the words that can start a cue are visited (no branch below fires for the others)
    triggers = an.cue_triggers
    n_triggers = len(triggers)
    p = bisect_left(triggers, start)
    i = start
    while i < end:
        while p < n_triggers and triggers[p] < i:
            p += 1
        if p == n_triggers or triggers[p] >= end:
            break
        i = triggers[p]
        if _inside(i, marks):
            i += 1
            continue
        text = an.texts[i]
        low = an.lower[i]
        v = an.verb_cue_at(i)
        if (
            v is None
            and an.texts[i] in opinion_nouns
            and i > start
            and an.lower[i - 1] == "der"
            and i + 1 < end
            and an.texts[i + 1] == ","
        ):
            # "X ist der Meinung/Ansicht, dass …": the noun phrase is the cue
            v = VerbCue("der " + text + " sein", None, "Thought", False)
        if v is not None:
            part_at = None
            if v.particle:
                # forms like "gab" need one of their particles ("an", "bekannt", "zu"); the
                # reading whose particle closes the clause wins, else a particle-free reading
                found = None
                for reading in lex.verb_cues(text):
                    if reading.particle is None:
                        continue
                    at = _find_particle(an, i, end, reading.particle, marks)
                    if at is not None:
                        found = (reading, at)
                        break
                if found is not None:
                    v, part_at = found
                elif not low.startswith(v.particle or ""):
                    alt = [c for c in lex.verb_cues(text) if c.particle is None]
                    if not alt:
                        i += 1
                        continue
                    v = alt[0]
            hits.append(CueHit("verb", (i, i + 1), v.lemma, v, part_at))
        elif low in lex.prep_cues and i + 1 < end:
            np = np_forward(an, i + 1, end)
            if np is not None:
                hits.append(CueHit("prep", (i, i + 1), low, frame=(i, np[1]), np=np))
        elif low in lex.postp_cues:
            np = np_backward(an, i, start)
            if np is not None:
                hits.append(CueHit("postp", (i, i + 1), low, frame=(np[0], i + 1), np=np))
        elif low == "nach" and _nach_noun_at(an, i + 1, end) is not None:
            j = _nach_noun_at(an, i + 1, end) or i + 2
            if j < end and an.lower[j] == "von":
                j += 1
            np = np_forward(an, j, end) if j < end and not an.punct[j] else None
            fr_end = np[1] if np else i + 2
            hits.append(CueHit("nach", (i, i + 2), "nach Angaben", frame=(i, fr_end), np=np))
        elif low == "so" and i > start and an.texts[i - 1] in BEFORE_SO:
            np = np_forward(an, i + 1, end)
            if np is not None:
                fr_end = np[1]
                hits.append(CueHit("so", (i, i + 1), "so", frame=(i, fr_end), np=np))
        elif low == "wie" and (i == start or an.texts[i - 1] in {",", "("}):
            # "wie die Agentur berichtete," — a verb cue before the next comma
            k = i + 1
            while k < end and an.texts[k] not in {",", ".", ";", ":"} and k - i < 15:
                k += 1
            verb_at = next(
                (x for x in range(k - 1, i, -1) if an.verb_cue_at(x) is not None), None
            )
            if verb_at is not None:
                np = np_forward(an, i + 1, verb_at)
                v2 = an.verb_cue_at(verb_at)
                hits.append(
                    CueHit(
                        "wie",
                        (verb_at, verb_at + 1),
                        v2.lemma if v2 else "wie",
                        v2,
                        frame=(i, min(k + 1, end)),
                        np=np,
                    )
                )
                i = k
                continue
        elif (
            low == "nach"
            and i > start
            and _is_nach_noun(an, an.texts[i - 1])
            and an.texts[i - 1][:1].isupper()
        ):
            # postposed: "ihrer Meinung nach", "eigenen Angaben nach"
            k = i - 1
            while k > start and (an.det_at(k - 1) or an.adj_at(k - 1)):
                k -= 1
            hits.append(
                CueHit(
                    "nach",
                    (i, i + 1),
                    "nach Angaben",
                    frame=(k, i + 1),
                    np=(k, i - 1) if k < i - 1 else None,
                )
            )
        elif low in lex.adv_cues:
            hits.append(CueHit("adv", (i, i + 1), low))
        i += 1
    return _drop_quoted_verbs(an, hits)


def _drop_quoted_verbs(an: Analyzer, hits: list[CueHit]) -> list[CueHit]:
    """A reporting verb in the Konjunktiv ("Er hoffe, dass …, fügte X hinzu") is itself part
    of reported speech when the sentence has an indicative reporting verb: drop it as a cue."""
    verbs = [h for h in hits if h.kind == "verb"]
    indicative = [h for h in verbs if h.span[0] not in an.konj]
    if not indicative or len(indicative) == len(verbs):
        return hits
    return [h for h in hits if h.kind != "verb" or h in indicative]


def _is_nach_noun(an: Analyzer, word: str) -> bool:
    """ "Angaben", "Polizeiangaben", "Aussage" …: nouns that make "nach X" a source frame."""
    lex = an.lex
    return lex.nach_noun_cache.get(word, lambda _: _names_nach_noun(lex, word))


def _names_nach_noun(lex: Lexicon, word: str) -> bool:
    low = word.lower()
    return word in lex.nach_nouns or any(
        low.endswith(n.lower()) and len(low) > len(n) + 2 for n in lex.nach_nouns if len(n) > 6
    )


def _nach_noun_at(an: Analyzer, i: int, end: int) -> int | None:
    """Index after the source noun of "nach (eigenen|übereinstimmenden) Angaben", else None."""
    k = i
    while (
        k < end
        and k - i < 3
        and (an.adj_at(k) or an.lower[k] in ("eigenen", "eigener", "ersten"))
    ):
        k += 1
    if k < end and _is_nach_noun(an, an.texts[k]):
        return k + 1
    return None


def _find_particle(
    an: Analyzer, i: int, end: int, particle: str, marks: list[tuple[int, int]]
) -> int | None:
    """Index of the separable particle of the verb at `i` (before the clause ends)."""
    for k in range(i + 1, end):
        if an.texts[k] in {",", ":", ";", "."} or _inside(k, marks):
            if an.texts[k] in {",", ":", ";", "."}:
                break
            continue
        if an.lower[k] == particle:
            return k
    # the particle closes the sentence after an apposition with commas:
    # "teilte der Direktor der Behörde, Name, mit."
    last = end - 1
    while last > i and an.punct[last]:
        last -= 1
    if last > i and an.lower[last] == particle and not _inside(last, marks):
        return last
    return None


def _mark_features(
    an: Analyzer, m: tuple[int, int], sent: Sentence, end: int, marks: list[tuple[int, int]]
) -> dict[str, float]:
    """Features of a quotation-mark span that tell quotes from titles and scare quotes."""
    texts, lower, punct = an.texts, an.lower, an.punct
    inner = range(m[0] + 1, m[1] - 1)  # token indices (the marks are inside the doc)
    f: dict[str, float] = {}
    n = len(inner)
    f["len1"] = float(n == 1)
    f["len2_3"] = float(2 <= n <= 3)
    f["len4_8"] = float(4 <= n <= 8)
    f["len9+"] = float(n >= 9)
    f["has_final"] = float(any(texts[k] in FINAL for k in inner))
    f["has_comma"] = float(any(texts[k] == "," for k in inner))
    f["has_finite"] = float(
        any(an.finite_at(k) or an.verb_cue_at(k) is not None for k in inner)
    )
    f["first_cap"] = float(bool(inner) and texts[inner[0]][:1].isupper())
    f["all_cap"] = float(bool(inner) and all(texts[k][:1].isupper() or punct[k] for k in inner))
    f["has_1p"] = float(
        any(
            lower[k] in ("ich", "wir", "mich", "uns", "mir", "unser", "unsere", "mein", "meine")
            for k in inner
        )
    )
    prev = m[0] - 1 if m[0] > 0 else None
    nxt = m[1] if m[1] < len(texts) else None
    f["after_colon"] = float(prev is not None and texts[prev] == ":")
    f["sent_initial"] = float(m[0] == sent.start)
    f["covers_sent"] = float(m[0] == sent.start and m[1] >= end - 1)
    f["next_comma"] = float(nxt is not None and texts[nxt] == ",")
    f["prev_det"] = float(prev is not None and an.det_at(prev))
    f["prev_adj"] = float(prev is not None and an.adj_at(prev))
    f["next_noun"] = float(nxt is not None and an.nounish_at(nxt))
    f["in_clause"] = float(
        m[0] > sent.start and not f["after_colon"] and (prev is not None and texts[prev] != ",")
    )
    f["n_marks_sent"] = min(len(marks), 4) / 4.0
    return f


def _attach_cue(
    an: Analyzer,
    c: Candidate,
    hit: CueHit,
    start: int,
    end: int,
    marks: list[tuple[int, int]],
    avoid: tuple[int, int] | None = None,
) -> None:
    """Copy cue, speaker, source and addressee of a frame onto a candidate (the speaker is
    never inside the quoted content `avoid`)."""
    c.cue = hit.span
    c.cue_lemma = hit.lemma
    if hit.verb is not None:
        c.medium = hit.verb.medium
    c.features["cue_" + hit.kind] = 1.0
    sp, src, addr = _roles_for_cue(an, hit, start, end, marks, c, avoid)
    c.speaker, c.source, c.addressee = sp, src, addr
    c.features["has_speaker"] = float(sp is not None)
    if sp is not None:
        c.features.update(_speaker_features(an, sp))


def _speaker_features(an: Analyzer, sp: tuple[int, int]) -> dict[str, float]:
    """What kind of speaker a frame has: a named person/organisation makes a statement far
    more likely than a common noun ("die Straße führt …")."""
    if sp[0] < sp[1]:  # a non-empty span overlaps an entity iff one of its tokens is in it
        ent = not an.person_org_tokens.isdisjoint(range(sp[0], sp[1]))
    else:
        ent = any(start < sp[1] and sp[0] < end for start, end in an.person_org_ents)
    pron = sp[1] - sp[0] == 1 and an.lower[sp[0]] in an.w["pronouns"]
    role = any(an.texts[k] in an.w.get("speaker_role_nouns", set()) for k in range(*sp))
    return {"speaker_ent": float(ent), "speaker_pron": float(pron), "speaker_role": float(role)}


def _merge_interrupted(an: Analyzer, cands: list[Candidate]) -> None:
    """„A“, sagte X, „B“: the second quote continues the first (same cue), so merge parts."""
    doc = an.doc
    k = 0
    while k + 1 < len(cands):
        a, b = cands[k], cands[k + 1]
        if (
            a.cue is not None
            and b.cue == a.cue
            and a.cue[0] >= a.end
            and a.cue[1] <= b.start
            and _short_frame_gap(doc[a.end : b.start])  # (the Span only where it is tested)
            and len(a.parts) == 1
        ):
            a.parts.append(b.parts[0])
            a.features["interrupted"] = 1.0
            for key, val in b.features.items():
                a.features[key] = max(a.features.get(key, 0.0), val)
            del cands[k + 1]
            continue
        k += 1


def _short_frame_gap(gap: Span) -> bool:
    """The tokens between two parts of an interrupted quote: a short frame ending in , or :."""
    return len(gap) <= 15 and gap[-1].text in (",", ":")


def _clause_candidate(
    an: Analyzer, si: int, start: int, end: int, hit: CueHit, marks: list[tuple[int, int]]
) -> Candidate | None:
    """The content that a cue frames: indirect clause, framed sentence, or reported sentence."""
    body_end = end - 1 if end > start and an.texts[end - 1] in FINAL_COLON else end
    # a closing quote mark at the end belongs to a direct quote that is handled separately
    content: tuple[int, int] | None = None
    kind = "indirect"
    f: dict[str, float] = {}
    if hit.kind in ("prep", "postp", "nach", "so", "wie") and hit.frame is not None:
        fa, fb = hit.frame
        if hit.kind == "so":
            content = (start, fa - 1 if fa - 1 > start and an.texts[fa - 1] == "," else fa)
        elif fa <= start + 1:  # frame at sentence start: content is the rest
            b = fb + 1 if fb < body_end and an.texts[fb] == "," else fb
            content = (b, body_end)
        elif fb >= body_end - 1:  # frame at the end
            a = fa - 1 if an.texts[fa - 1] == "," else fa
            content = (start, a)
        else:  # frame in the middle: the whole sentence minus the frame
            content = (start, body_end)
            f["frame_mid"] = 1.0
    else:
        ci = hit.span[0]
        anchor = hit.particle_at if hit.particle_at is not None else ci
        nxt = _next_boundary(an, anchor + 1, body_end, marks)
        prev_comma = _prev_boundary(an, ci, start, marks)
        if (
            nxt is not None
            and nxt + 1 < body_end
            and an.lower[nxt + 1] in an.w.get("adverbial_subordinators", set())
        ):
            nxt = None  # "sagte X, als er …" / ", während …": an adverbial clause, no content
        if nxt is not None and nxt + 1 < body_end:
            content = (nxt + 1, _clause_end(an, nxt + 1, body_end, marks))
            f["cue_before"] = 1.0
            f["colon"] = float(an.texts[nxt] == ":")
        elif prev_comma is not None and prev_comma > start and ci - prev_comma <= 3:
            content = (start, prev_comma)
            f["cue_after"] = 1.0
        else:
            kind = "reported"
            content = _reported_clause(an, ci, start, end, marks)
            f["no_clause"] = 1.0
            f["sub_clause"] = float(content != (start, end))
    if content is None or content[1] - content[0] < 2:
        return None
    a, b = content
    # leave out quotation marks that cover the whole content (those are direct quotes)
    if any(m[0] <= a and m[1] >= b for m in marks):
        return None
    # the content's tokens are `range(a, b)` (token indices; `b <= len(doc)`)
    n_toks = b - a
    lower, pos = an.lower, an.pos
    first = lower[a]
    f["dass"] = float(first in ("dass", "daß"))
    f["ob_w"] = float(first in an.w["subordinators"] and first not in ("dass", "daß"))
    f["zu_inf"] = float(any(lower[k] == "zu" for k in range(max(a, b - 3), b)))
    konj = [k for k in range(a, b) if k in an.konj and not _inside(k, marks)]
    f["konj"] = float(bool(konj))
    f["konj1"] = float(any(k in an.konj1 for k in konj))
    if an.has_pos and an.has_morph:  # a finite verb is a VERB or AUX then
        verbal = any(pos[k] in ("VERB", "AUX") or lower[k] == "zu" for k in range(a, b))
    else:
        verbal = any(
            an.finite_at(k) or pos[k] in ("VERB", "AUX") or lower[k] == "zu" for k in range(a, b)
        )
    f["no_verb"] = float(not verbal)
    f["adv_sub_start"] = float(
        first in an.w.get("adverbial_subordinators", set()) or first in ("wenn", "falls")
    )
    f["rel_start"] = float(first in an.w["relative"] and n_toks > 1 and not an.nounish_at(a + 1))
    f["has_marks"] = float(any(a <= m[0] < b for m in marks))
    f["content_len"] = min(n_toks, 40) / 40.0
    f["cue_" + hit.kind] = 1.0
    f["kind_" + kind] = 1.0
    if hit.verb is not None:
        f["verb_reported"] = float(hit.verb.reported)
        if kind == "reported":
            f.update(_speech_act_features(an, hit.span[0], start))
        f["medium_" + hit.verb.medium] = 1.0
        f["lemma=" + hit.lemma] = 1.0
    parts = [(a, b)]
    if f.get("frame_mid") and hit.frame is not None:
        # "Der Zug sei, nach Angaben der Bahn, verspätet": the frame is not quoted material
        fa, fb = hit.frame
        left = fa - 1 if fa - 1 > a and an.texts[fa - 1] == "," else fa
        right = fb + 1 if fb < b and an.texts[fb] == "," else fb
        if left - a >= 1 and b - right >= 1:
            parts = [(a, left), (right, b)]
    c = Candidate(kind, parts, si, features=f)
    c.fragments = [m for m in marks if a <= m[0] and m[1] <= b]
    _attach_cue(an, c, hit, start, end, marks, avoid=(a, b) if kind != "reported" else None)
    return c


def _reported_clause(
    an: Analyzer, ci: int, start: int, end: int, marks: list[tuple[int, int]]
) -> tuple[int, int]:
    """The reported statement is the sentence, or only the adverbial clause the cue stands in
    ("Nachdem die Behörden vor dem Verzehr gewarnt hatten, …")."""
    lo = ci
    while lo > start and not (an.texts[lo - 1] in (",", ";", ":") and not _inside(lo - 1, marks)):
        lo -= 1
    if an.lower[lo] not in an.w.get("adverbial_subordinators", set()):
        return (start, end)
    hi = ci + 1
    while hi < end and not (an.texts[hi] in (",", ";", ":") and not _inside(hi, marks)):
        hi += 1
    return (lo, hi)


def _speech_act_features(an: Analyzer, ci: int, start: int) -> dict[str, float]:
    """A reported speech act names what was said as the verb's object ("kündigte eine engere
    Zusammenarbeit an", "forderte eine Untersuchung") and its actor first ("Der Verband …")."""
    if an.has_dep:
        dep, pos = an.table.dep, an.pos
        kids = an.children(ci)
        obj = any(
            dep[c] in ("obj", "iobj", "obl:arg") and pos[c] in ("NOUN", "PROPN") for c in kids
        )
        subj_first = any(
            dep[c] in ("nsubj", "nsubj:pass") and an.edges(c)[0] == start for c in kids
        )
    else:
        obj = subj_first = False
    return {"sa_obj": float(bool(obj)), "sa_subj_first": float(bool(subj_first))}


def _next_boundary(an: Analyzer, i: int, end: int, marks: list[tuple[int, int]]) -> int | None:
    """The next comma/colon after the cue, skipping quotation marks."""
    for k in range(i, end):
        if _inside(k, marks):
            continue
        if an.texts[k] in (",", ":"):
            return k
        if an.texts[k] in FINAL_SEMICOLON:
            return None
    return None


def _prev_boundary(an: Analyzer, i: int, start: int, marks: list[tuple[int, int]]) -> int | None:
    """The comma just before the cue ("…, sagte X")."""
    for k in range(i - 1, start - 1, -1):
        if an.texts[k] == "," and not _inside(k, marks):
            return k
        if an.texts[k] in CLOSERS:
            continue
        if an.punct[k]:
            return None
    return None


def _clause_end(an: Analyzer, a: int, b: int, marks: list[tuple[int, int]]) -> int:
    """End of an indirect clause: sentence end, or before a trailing ", so X"/", sagte X"."""
    for k in range(a + 1, b - 1):
        if an.texts[k] == "," and not _inside(k, marks):
            nxt = an.lower[k + 1]
            if nxt == "so" or (
                an.verb_cue_at(k + 1) is not None and k + 2 < b and np_forward(an, k + 2, b)
            ):
                return k
            if (
                nxt in ("und", "aber", "sowie")
                and k + 2 < b
                and an.finite_at(k + 2)
                and k + 2 not in an.konj
            ):
                # ", und sucht weiter …": the frame's subject goes on in the indicative
                return k
    return b


def _roles_for_cue(
    an: Analyzer,
    hit: CueHit,
    start: int,
    end: int,
    marks: list[tuple[int, int]],
    c: Candidate,
    avoid: tuple[int, int] | None = None,
) -> tuple[tuple[int, int] | None, tuple[int, int] | None, tuple[int, int] | None]:
    """Speaker, source (medium/intermediary) and addressee for a cue."""
    speaker: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    if hit.kind in ("prep", "postp", "nach", "so"):
        speaker = hit.np
        if hit.kind == "nach" and hit.frame is not None:
            # the corpus takes the whole phrase: "nach [Angaben der Polizei]",
            # "[ihrer Meinung] nach"
            fa, fb = hit.frame
            speaker = (fa + 1, fb) if an.lower[fa] == "nach" else (fa, fb - 1)
        if hit.np is not None and _np_is_media(an, hit.np):
            source = _media_core(an, hit.np)
    elif hit.kind == "wie":
        speaker = hit.np
        if hit.np is not None and _np_is_media(an, hit.np):
            source = _media_core(an, hit.np)
    elif hit.kind == "verb":
        speaker = _verb_subject(an, hit.span[0], start, end, marks, avoid)
    if hit.kind == "verb":
        addressee, src2 = _addressee(an, hit.span[0], start, end, marks, speaker)
        if src2 is not None:
            source = source or src2
        if source is None:
            source = _source_in_frame(an, start, end, marks, exclude=speaker)
    elif source is None and hit.kind != "verb":
        pass
    return speaker, source, addressee


def _np_is_media(an: Analyzer, np: tuple[int, int]) -> bool:
    """Does a noun phrase name a medium (noun list, or a KB-linked journalist/medium entity)?"""
    if any(an.lex.is_media(an.texts[k]) for k in range(*np)):
        return True
    cluster = an.cluster_at(an.table.idx[np[0]], an.table.end_char(np[1]))
    return getattr(cluster, "sector", None) == "JRN"


def cluster_at_safe(doc: Doc, start: int, end: int) -> object | None:
    """`cluster_at` from the entity stage, or None when that stage is absent."""
    if not doc.has_extension("entities") or not doc._.entities:
        return None
    try:
        from lagebild.entities.clusters import cluster_at
    except ImportError:
        return None
    return cluster_at(doc, start, end)


def _media_core(an: Analyzer, np: tuple[int, int]) -> tuple[int, int]:
    """From "einem Bericht des russischen Fernsehens" keep the medium: "russischen Fernsehens"."""
    a, b = np
    for k in range(a, b):
        if (
            an.lower[k] in ("des", "der")
            and k > a
            and any(an.lex.is_media(an.texts[x]) for x in range(k + 1, b))
            and an.texts[k - 1] in an.w.get("report_nouns", set())
        ):
            return (k + 1, b)
    while a < b and an.det_at(a):
        a += 1
    return (a, b)


def _source_in_frame(
    an: Analyzer,
    start: int,
    end: int,
    marks: list[tuple[int, int]],
    exclude: tuple[int, int] | None,
) -> tuple[int, int] | None:
    """A media phrase in the frame: "nach Angaben der Agentur X", "laut einem Bericht …"."""
    # only the words that can open one (the others are skipped by the tests below)
    at = an.word_positions("source_in_frame", an.lex.prep_cues | {"nach"})
    for k in at[bisect_left(at, start) : bisect_left(at, end)]:
        if _inside(k, marks) or (exclude and exclude[0] <= k < exclude[1]):
            continue
        low = an.lower[k]
        if low in an.lex.prep_cues or (
            low == "nach" and k + 1 < end and an.texts[k + 1] in an.lex.nach_nouns
        ):
            j = k + 2 if low == "nach" else k + 1
            if j < end and an.lower[j] == "von":
                j += 1
            np = np_forward(an, j, end)
            if np is not None and _np_is_media(an, np):
                return _media_core(an, np)
    return None


def _verb_subject(
    an: Analyzer,
    ci: int,
    start: int,
    end: int,
    marks: list[tuple[int, int]],
    avoid: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """Speaker of a reporting verb: its subject (parse when present, else word-order rules),
    never inside the quoted content `avoid`."""
    subj = _verb_subject_any(an, ci, start, end, marks, avoid)
    if subj is not None and avoid is not None and subj[0] < avoid[1] and avoid[0] < subj[1]:
        # the parse or the word order put the subject inside the quote: look after the verb
        k = ci + 1
        while k < end and doc_lower(an, k) in an.w["clause_adverbs"] and not _inside(k, marks):
            k += 1
        if k < end and not _inside(k, marks) and not (avoid[0] <= k < avoid[1]):
            return np_forward(an, k, end)
        return None
    return subj


def doc_lower(an: Analyzer, k: int) -> str:
    """Lower-case text of token `k`."""
    return an.lower[k]


def _verb_subject_any(
    an: Analyzer,
    ci: int,
    start: int,
    end: int,
    marks: list[tuple[int, int]],
    avoid: tuple[int, int] | None,
) -> tuple[int, int] | None:
    """Subject of the cue verb from the parse, else from German word order."""
    if an.has_dep:
        subj = _dep_subject(an, ci, start, end, marks, avoid)
        if subj is not None:
            return subj
    if ci - 1 > start and an.lower[ci - 1] in ("und", "sowie", "oder"):
        # "X würdigte … und zitierte …": the subject of the first conjunct
        for k in range(ci - 2, start - 1, -1):
            if an.texts[k] in (",", ":", ";") or _inside(k, marks):
                break
            if an.finite_at(k) and k > start:
                return _verb_subject_any(an, k, start, ci - 1, marks, avoid)
    # clause of the cue: from the previous boundary to the next
    lo = ci
    while (
        lo > start
        and not (an.texts[lo - 1] in (",", ":", ";") and not _inside(lo - 1, marks))
        and not _inside(lo - 1, marks)
    ):
        lo -= 1
    # finite auxiliary before a participle cue ("hat … gesagt", "hatte … erklärt")
    verb = ci
    for k in range(ci - 1, lo - 1, -1):
        if an.lower[k] in (
            "hat",
            "hatte",
            "haben",
            "hatten",
            "habe",
            "hätte",
            "wurde",
            "wird",
            "ist",
            "war",
            "sei",
        ):
            verb = k
            break
    first = an.lower[lo] if lo < verb else None  # lower-case text of the clause's first word
    if first is not None and first in an.w["subordinators"]:
        # verb-final clause: "wie X mitteilte", "nachdem X erklärt hatte"
        return np_forward(an, lo + 1, verb)
    if first is not None and first not in an.w["clause_adverbs"] and not an.punct[lo]:
        np = np_backward(an, verb, lo)
        if np is not None and np[0] <= lo + 1:
            return np
    # inverted order: subject right after the finite verb (skip adverbs)
    k = verb + 1
    while k < end and (
        an.lower[k]
        in (
            "auch",
            "zudem",
            "außerdem",
            "weiter",
            "jedoch",
            "aber",
            "dazu",
            "dabei",
            "bereits",
            "nun",
            "dann",
            "später",
            "zuvor",
            "ebenfalls",
            "allerdings",
            "noch",
        )
    ):
        k += 1
    if k < end and not _inside(k, marks):
        return np_forward(an, k, end)
    return None


def _dep_subject(
    an: Analyzer,
    verb: int,
    start: int,
    end: int,
    marks: list[tuple[int, int]],
    avoid: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """Subject of token `verb` (or of its auxiliary head, or of the first verb it is
    coordinated with: "würdigte … und zitierte") from the parse, trimmed to the noun phrase."""
    dep, pos, lower = an.table.dep, an.pos, an.lower
    head = an.head_of(verb)
    # (a root is its own head: then it may be listed twice, as it always was)
    heads = [verb]
    if pos[head] == "AUX":
        heads.append(head)
    heads.extend(k for k in an.children(verb) if pos[k] == "AUX")
    if dep[verb] == "conj":
        heads.append(head)
    for h in heads:
        for k in an.children(h):
            if (
                dep[k] in ("nsubj", "sb", "nsubj:pass")
                and start <= k < end
                and not _inside(k, marks)
                and not (avoid is not None and avoid[0] <= k < avoid[1])
                and lower[k] != "es"  # expletive: "hieß es", "es wurde bekannt"
            ):
                return _subject_span(an, k, marks)
    return None


def _subject_span(an: Analyzer, head: int, marks: list[tuple[int, int]]) -> tuple[int, int]:
    """The subject phrase of token `head`: its subtree with appositions ("Ein Sprecher,
    Name,") but without relative clauses and without source/time/place phrases ("laut X",
    "bei dem Treffen")."""
    cut_deps = an.w.get("speaker_cut_deps", set())
    cut_preps = an.w.get("speaker_cut_preps", set()) | an.lex.prep_cues
    dep, lower = an.table.dep, an.lower
    excluded: set[int] = set()
    for t in an.subtree(head):
        if t == head or t in excluded:
            continue
        case = [lower[c] for c in an.children(t) if dep[c] == "case"]
        if dep[t] in cut_deps or (
            dep[t] in ("nmod", "obl") and case and (case[0] in cut_preps or case[0] == "nach")
        ):
            excluded.update(an.subtree(t))
    left_edge, right_edge = an.edges(head)
    a = b = head
    while a - 1 >= left_edge and a - 1 not in excluded and not _inside(a - 1, marks):
        a -= 1
    while b + 1 <= right_edge and b + 1 not in excluded and not _inside(b + 1, marks):
        b += 1
    while b > a and (an.punct[b] or an.lower[b] in ("und", "der", "die", "das")):
        b -= 1
    while a < b and an.punct[a]:
        a += 1
    # a name right after a role noun belongs to it even when the parse detaches it
    # ("Bürgermeister | Jonas Petersen"), and a name the span cuts into is completed
    for ent_start, ent_end in an.person_org_ents:
        if a <= ent_start <= b + 1 < ent_end:
            if not any(_inside(k, marks) for k in range(ent_start, ent_end)):
                b = ent_end - 1
    return (a, b + 1)


def _addressee(
    an: Analyzer,
    ci: int,
    start: int,
    end: int,
    marks: list[tuple[int, int]],
    speaker: tuple[int, int] | None,
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Addressee (and the source when it is a medium): "an X gewandt", "gegenüber X", dative NP."""
    # only the words that can mark one (the others are skipped by the tests below)
    at = an.word_positions("addressee", an.w["addressee_markers"] | an.w["addressee_preps"])
    for k in at[bisect_left(at, start) : bisect_left(at, end)]:
        if _inside(k, marks):
            continue
        low = an.lower[k]
        if low in an.w["addressee_markers"] and k > start:
            # "an X (und Y) gewandt"
            for j in range(k - 1, max(start, k - 15) - 1, -1):
                if an.lower[j] == "an":
                    np = (j + 1, k) if k > j + 1 else None
                    if np:
                        return np, (_media_core(an, np) if _np_is_media(an, np) else None)
                    break
        if low in an.w["addressee_preps"]:
            np = np_forward(an, k + 1, end)
            if np is not None:
                return np, (_media_core(an, np) if _np_is_media(an, np) else None)
    if an.has_dep:
        dat = _dep_dative(an, ci, start, end, marks, speaker)
        if dat is not None:
            return dat, (_media_core(an, dat) if _np_is_media(an, dat) else None)
    # dative NP right after the verb when the speaker stands before it: "X sagte der Zeitung"
    if speaker is not None and speaker[1] <= ci and ci + 2 < end:
        first = an.lower[ci + 1]
        np = np_forward(an, ci + 1, end, allow_genitive=False)
        if np is not None and (
            first in ("dem", "einem") or (first in ("der", "einer") and _np_is_media(an, np))
        ):
            np2 = _extend_name(an, np, end)
            return np2, (_media_core(an, np2) if _np_is_media(an, np2) else None)
    # dative NP right after the inverted subject: "sagte X der Agentur Y"
    if speaker is not None and speaker[0] > ci:
        k = speaker[1]
        if k < end and an.lower[k] in ("der", "dem", "einer", "einem"):
            np = np_forward(an, k, end, allow_genitive=False)
            if np is not None and _np_is_media(an, np):
                np2 = _extend_name(an, np, end)
                return np2, _media_core(an, np2)
    return None, None


def _dep_dative(
    an: Analyzer,
    verb: int,
    start: int,
    end: int,
    marks: list[tuple[int, int]],
    speaker: tuple[int, int] | None,
) -> tuple[int, int] | None:
    """Dative object of the cue verb (token `verb`) from the parse ("sagte der Zeitung",
    "teilte ihm mit", "warf dem Minister vor"): the person or medium addressed."""
    dep, pos, lower = an.table.dep, an.pos, an.lower
    head = an.head_of(verb)
    heads = [verb]
    if pos[head] == "AUX":
        heads.append(head)
    for h in heads:
        for k in an.children(h):
            if (
                dep[k] in ("iobj", "obj", "obl:arg", "obl")
                and an.case_dat(k)
                and pos[k] in ("NOUN", "PROPN", "PRON")
                and lower[k] not in ("sich", "es", "uns", "mir")
                and start <= k < end
                and not _inside(k, marks)
                and not any(dep[c] == "case" for c in an.children(k))
                and not (speaker is not None and speaker[0] <= k < speaker[1])
            ):
                return _subject_span(an, k, marks)
    return None


def _extend_name(an: Analyzer, np: tuple[int, int], end: int) -> tuple[int, int]:
    """Include a name after a media noun: "der Agentur Xyz"."""
    b = np[1]
    while b < end and an.texts[b][:1].isupper() and an.doc[b].is_alpha:
        b += 1
    return (np[0], b)


# ----------------------------------------------------------------------------------------------
# free indirect speech and context


def _add_free_indirect(
    an: Analyzer, sents: list[Sentence], marks: list[tuple[int, int]], cands: list[Candidate]
) -> None:
    """Konjunktiv sentences without a cue after a quote continue that quote's speech."""
    quoted = _covered(marks)
    covered: set[int] = set()
    by_sent: dict[int, list[Candidate]] = {}
    for old in cands:
        by_sent.setdefault(old.sent_index, []).append(old)
        for a, b in old.parts:
            covered.update(range(a, b))
    last: Candidate | None = None
    last_si = -10
    new: list[Candidate] = []
    space, lower, konj_set = an.space, an.lower, an.konj
    konj_at = sorted(konj_set)  # the Konjunktiv and "soll(en)" tokens, in order
    soll_at = an.word_positions("soll", {"soll", "sollen"})
    for si, sent in enumerate(sents):
        if si in by_sent:
            anchored = [c for c in by_sent[si] if c.cue is not None or c.kind == "direct"]
            if anchored:
                last = anchored[-1]
                last_si = si
            continue
        # the sentence's non-space token indices
        toks = [k for k in range(sent.start, sent.end) if not space[k]]
        if len(toks) < 4 or not covered.isdisjoint(toks):
            continue
        konj = [
            k
            for k in konj_at[bisect_left(konj_at, sent.start) : bisect_left(konj_at, sent.end)]
            if not space[k] and k not in quoted
        ]
        soll = [
            k
            for k in soll_at[bisect_left(soll_at, sent.start) : bisect_left(soll_at, sent.end)]
            if not space[k] and k not in quoted
        ]
        if not konj and not soll:
            if "\n\n" in an.texts[sent.start - 1] if sent.start > 0 else False:
                last = None
            continue
        cond = any(lower[k] in ("wenn", "falls", "ob", "als") for k in toks[:3])
        end = toks[-1] + 1
        c = Candidate("free_indirect", [(toks[0], end)], si)
        dist = si - last_si if last is not None else 10
        has_konj1 = any(k in an.konj1 for k in konj)
        c.features = {
            "fi_dist1": float(dist == 1),
            "fi_dist2": float(dist == 2),
            "fi_dist3+": float(dist >= 3),
            "fi_cond": float(cond),
            "fi_nkonj": min(len(konj), 3) / 3.0,
            "fi_prev_direct": float(last is not None and last.kind == "direct"),
            "fi_first_konj": float(toks[1] in konj_set if len(toks) > 1 else 0.0),
            "fi_has_marks": float(any(toks[0] <= m[0] < end for m in marks)),
            "fi_len": min(len(toks), 40) / 40.0,
            "fi_soll": float(bool(soll)),
            "fi_soll_only": float(bool(soll) and not konj),
            "fi_konj1": float(has_konj1),
            "fi_soll_perf": float(bool(soll) and _reportative_soll(an, toks)),
            "fi_konj2_only": float(bool(konj) and not has_konj1),
            "kind_free_indirect": 1.0,
        }
        if last is not None:
            c.speaker = last.speaker
            c.medium = last.medium
            c.features["fi_has_speaker"] = float(last.speaker is not None)
        c.fragments = [m for m in marks if toks[0] <= m[0] and m[1] <= end]
        new.append(c)
        last = c if last is not None else None
        last_si = si
    cands.extend(new)
    cands.sort(key=lambda c: (c.start, c.end))


def _reportative_soll(an: Analyzer, toks: list[int]) -> bool:
    """ "Der Täter soll … geflohen sein / gefeuert haben": soll with a perfect infinitive is
    the reportative modal (hearsay), unlike "soll … gebaut werden" (a plan); `toks`: the token
    indices of the sentence."""
    words = [k for k in toks if not an.punct[k]]
    if len(words) < 3:
        return False
    last, prev = an.lower[words[-1]], an.lower[words[-2]]
    participle = prev.startswith("ge") or prev.endswith(("iert", "ert", "en", "t"))
    return last in ("haben", "sein") and participle


def _add_context_features(cands: list[Candidate], sents: list[Sentence]) -> None:
    """Features that depend on neighbouring candidates (a direct quote inside an indirect one)."""
    for c in cands:
        c.features["bias"] = 1.0
        c.features["kind=" + c.kind] = 1.0
        if c.kind != "direct":
            continue
        for o in cands:
            if o is not c and o.kind != "direct" and o.start <= c.start and c.end <= o.end:
                c.features["nested_in_clause"] = 1.0
                if c.cue is None:
                    c.cue, c.speaker, c.source, c.addressee = (
                        o.cue,
                        o.speaker,
                        o.source,
                        o.addressee,
                    )
                    c.cue_lemma = o.cue_lemma
                break
