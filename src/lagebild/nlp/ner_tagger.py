"""`lagebild_ner`: named entities from a per-token tagger (BIO/BILUO tags), no transition system.

Why a tagger: spaCy's transition-based `ner` spends ~25 ms per 865-token document in its
per-step state machine, whatever its hidden width; a softmax over each token's tok2vec vector
costs ~1 ms. The component is a subclass of spaCy's `Tagger`, so training, serialisation and
sourcing (`nlp.add_pipe("ner", source=...)`) work as usual, but:

* gold comes from `doc.ents` (`Example.get_aligned_ner`), so the usual NER corpora train it;
* it writes **only `doc.ents`** and never `token.tag_`, which belongs to the core's STTS tagger;
* `labels` are the entity types (PER, LOC, ORG, MISC); the tag set lives in `tag_names`.

Decoding is greedy (per token, with a tunable threshold on P(O)) plus a repair step, because a
tagger may emit sequences a transition system cannot: an `I-X` without a `B-X` starts an entity,
and a label switch inside a span (`B-PER I-ORG`) keeps one span whose type is the one with the
highest summed probability (see `decode_spans`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_get_examples
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import Config, Model, SequenceCategoricalCrossentropy
from thinc.types import Floats2d

SCHEMES = ("BIO", "BILUO")
_BEGIN = frozenset("BU")  # prefixes that open a new entity
_END = frozenset("LU")  # prefixes that close the entity they are part of

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [10000, 5000, 5000, 2500]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
depth = 3
window_size = 1
maxout_pieces = 2
"""
DEFAULT_MODEL = Config().from_str(DEFAULT_MODEL_CONFIG)["model"]


def tag_set(labels: Iterable[str], scheme: str) -> list[str]:
    """All tags for the entity `labels` under `scheme`, "O" first (a fixed, sorted order)."""
    prefixes = "BI" if scheme == "BIO" else "BILU"
    return ["O"] + [f"{p}-{label}" for label in sorted(set(labels)) for p in prefixes]


def biluo_to_scheme(tag: str | None, scheme: str) -> str | None:
    """Map spaCy's gold BILUO tag to the training scheme; `None` (missing, unaligned) stays."""
    if tag is None or tag in ("", "-"):
        return None
    if scheme == "BIO" and tag[:2] in ("U-", "L-"):
        return ("B-" if tag[0] == "U" else "I-") + tag[2:]
    return tag


def softmax(logits: Floats2d) -> Floats2d:
    """Row-wise softmax: spaCy's tagger returns logits at prediction time (normalize=false)."""
    z = numpy.asarray(logits, dtype="float32")
    z = numpy.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def decode_spans(
    tag_names: Sequence[str], scores: Floats2d, o_threshold: float = 0.5, outside: Any = None
) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) from per-token tag probabilities, repaired.

    A token is inside an entity when P(O) < `o_threshold`, and then takes its most probable
    non-O tag: with little training data the model is more precise than complete, and a
    threshold above 0.5 (tuned on held-out GermEval dev) trades some precision for recall.
    Boundaries follow those tags (an orphan `I-`/`L-` opens an entity instead of being
    dropped); the label of each span is the entity type whose tags have the highest
    probability mass over the span, so one odd token cannot split a name. Tokens flagged in
    the boolean array `outside` (whitespace) are never part of an entity, as in spaCy's `ner`.
    """
    if len(scores) == 0:
        return []
    probs = numpy.asarray(scores, dtype="float32")
    o = tag_names.index("O")
    labels = sorted({t[2:] for t in tag_names if t != "O"})
    to_label = numpy.zeros((len(tag_names), len(labels)), dtype="float32")
    for i, tag in enumerate(tag_names):
        if tag != "O":
            to_label[i, labels.index(tag[2:])] = 1.0
    label_mass = probs @ to_label
    entity_probs = probs.copy()
    entity_probs[:, o] = -1.0
    inside = probs[:, o] < o_threshold
    if outside is not None:
        inside &= ~numpy.asarray(outside, dtype=bool)
    tag_ids = numpy.where(inside, entity_probs.argmax(axis=1), o)
    starts, ends = span_bounds(tag_names, tag_ids)
    mass = numpy.vstack([numpy.zeros((1, len(labels)), dtype="float32"),
                         numpy.cumsum(label_mass, axis=0)])
    best = (mass[ends] - mass[starts]).argmax(axis=1)
    spans = [(s, e, labels[k]) for s, e, k in zip(starts.tolist(), ends.tolist(), best.tolist(),
                                                  strict=True)]
    return drop_adjacent_singletons(spans)


def drop_adjacent_singletons(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop a one-token span directly followed by a span of the same type.

    Two same-type entities never touch in GermEval; when the tagger predicts it, the first is
    almost always a role or title noun before a name ("Gewerkschaftschefin Martina Vogel"),
    which lagebild resolves as a role, not as a name.
    """
    out: list[tuple[int, int, str]] = []
    for span in spans:
        if out and out[-1][1] == span[0] and out[-1][2] == span[2] \
                and out[-1][1] - out[-1][0] == 1:
            out.pop()
        out.append(span)
    return out


def span_bounds(tag_names: Sequence[str], tag_ids: Any) -> tuple[Any, Any]:
    """Start and end (exclusive) token indices of the entities that a tag sequence encodes.

    Vectorised (a Python loop over a long article's tokens cost ~1 ms): an entity token begins
    a span when its tag opens one (B-, U-), when the token before is O, or when the token
    before closed its span (L-, U-); a span ends before the next beginning or O.
    """
    o = tag_names.index("O")
    opens = numpy.array([t[0] in _BEGIN for t in tag_names])
    closes = numpy.array([t[0] in _END for t in tag_names])
    inside = tag_ids != o
    before_inside = numpy.concatenate([[False], inside[:-1]])
    before_closes = numpy.concatenate([[False], closes[tag_ids][:-1]])
    begin = inside & (opens[tag_ids] | ~before_inside | before_closes)
    next_begin_or_out = numpy.concatenate([begin[1:] | ~inside[1:], [True]])
    end = inside & next_begin_or_out
    return numpy.flatnonzero(begin), numpy.flatnonzero(end) + 1


class TaggerNER(Tagger):
    """A `Tagger` trained on and writing entities (see the module docstring for why)."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model[list[Doc], list[Floats2d]],
        name: str = "ner",
        *,
        scheme: str = "BIO",
        o_threshold: float = 0.5,
        label_smoothing: float = 0.0,
        scorer: Callable[..., dict[str, Any]] | None = None,
    ) -> None:
        if scheme not in SCHEMES:
            raise ValueError(f"scheme must be one of {SCHEMES}, not {scheme!r}")
        super().__init__(vocab, model, name, overwrite=False, scorer=scorer or ner_score,
                         neg_prefix="!", label_smoothing=label_smoothing)
        self.cfg["scheme"] = scheme
        self.o_threshold = o_threshold

    @property
    def tag_names(self) -> tuple[str, ...]:
        """The per-token tags the model predicts, in output order."""
        return tuple(self.cfg["labels"])

    @property
    def labels(self) -> tuple[str, ...]:
        """Entity types (what `ner.labels` means elsewhere), not the BIO tags."""
        return tuple(sorted({t[2:] for t in self.cfg["labels"] if t != "O"}))

    @property
    def label_data(self) -> tuple[str, ...]:
        """Entity types; `initialize(labels=...)` rebuilds the tag set from them."""
        return self.labels

    def add_label(self, label: str) -> int:
        """Add an entity type (with all its tags); only before the model has its output size."""
        if label in self.labels:
            return 0
        self._allow_extra_label()
        self.cfg["labels"] = tag_set([*self.labels, label], self.cfg["scheme"])
        for tag in self.cfg["labels"]:
            self.vocab.strings.add(tag)
        return 1

    def predict(self, docs: Iterable[Doc]) -> list[Floats2d]:
        """Per-token tag probabilities (kept, not arg-maxed, so the decoder can vote labels)."""
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc2f(len(doc), len(self.tag_names)) for doc in docs]
        scores = [self.model.ops.to_numpy(s) for s in self.model.predict(docs)]
        if self._normalized():
            return scores
        return [softmax(s) for s in scores]

    def _normalized(self) -> bool:
        """Whether the output layer already returns probabilities (`normalize = true`)."""
        if not self.model.has_ref("softmax"):
            return False
        return bool(self.model.get_ref("softmax").attrs.get("softmax_normalize", False))

    def set_annotations(self, docs: Iterable[Doc], scores: list[Floats2d]) -> None:
        """Write `doc.ents` (replacing any); token tags are left alone on purpose."""
        if isinstance(docs, Doc):
            docs = [docs]
        for doc, doc_scores in zip(docs, scores, strict=True):
            spaces = doc.to_array("IS_SPACE").astype(bool) if len(doc) else None
            doc.ents = [Span(doc, s, e, label=lab)
                        for s, e, lab in decode_spans(self.tag_names, doc_scores,
                                                      self.o_threshold, spaces)]

    def get_loss(self, examples: Iterable[Example], scores: list[Floats2d]) -> tuple[float, Any]:
        """Cross-entropy against the gold entities as tags; missing/unaligned tokens are skipped."""
        scheme = self.cfg["scheme"]
        loss_func = SequenceCategoricalCrossentropy(
            names=self.tag_names, normalize=False, neg_prefix=self.cfg["neg_prefix"],
            label_smoothing=self.cfg["label_smoothing"])
        truths = [[biluo_to_scheme(t, scheme) for t in eg.get_aligned_ner()] for eg in examples]
        d_scores, loss = loss_func(scores, truths)  # type: ignore[arg-type]
        if self.model.ops.xp.isnan(loss):
            raise ValueError(f"NaN loss in {self.name}")
        return float(loss), d_scores

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        labels: Iterable[str] | None = None,
    ) -> None:
        """Tag set from the entity types in the data (or `labels`), then size the model."""
        validate_get_examples(get_examples, "TaggerNER.initialize")
        if labels is None:
            labels = {ent.label_ for eg in get_examples() for ent in eg.reference.ents}
        self.cfg["labels"] = tag_set(labels, self.cfg["scheme"])
        for tag in self.cfg["labels"]:
            self.vocab.strings.add(tag)
        self._require_labels()
        doc_sample = []
        label_sample = []
        for eg in islice(get_examples(), 10):
            doc_sample.append(eg.x)
            gold = [biluo_to_scheme(t, self.cfg["scheme"]) for t in eg.get_aligned_ner()]
            label_sample.append(self.model.ops.asarray(
                [[1.0 if tag == g else 0.0 for tag in self.tag_names] for g in gold],
                dtype="float32"))
        self.model.initialize(X=doc_sample, Y=label_sample)


def ner_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Entity P/R/F like spaCy's `ner` (keys `ents_p`, `ents_r`, `ents_f`, `ents_per_type`)."""
    return get_ner_prf(examples, **kwargs)


@registry.scorers("lagebild.ner_tagger_scorer.v1")
def make_ner_scorer() -> Callable[..., dict[str, Any]]:
    """Registered so configs can name the scorer."""
    return ner_score


@Language.factory(
    "lagebild_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": DEFAULT_MODEL,
        "scheme": "BIO",
        "o_threshold": 0.5,
        "label_smoothing": 0.0,
        "scorer": {"@scorers": "lagebild.ner_tagger_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_tagger_ner(
    nlp: Language,
    name: str,
    model: Model[list[Doc], list[Floats2d]],
    scheme: str,
    o_threshold: float,
    label_smoothing: float,
    scorer: Callable[..., dict[str, Any]] | None,
) -> TaggerNER:
    """Factory for `lagebild_ner`; `o_threshold`: see `decode_spans` (a run-time setting)."""
    return TaggerNER(nlp.vocab, model, name, scheme=scheme, o_threshold=o_threshold,
                     label_smoothing=label_smoothing, scorer=scorer)
