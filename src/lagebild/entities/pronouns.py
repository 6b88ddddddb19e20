"""Personal pronouns resolved to the most salient compatible person.

Salience follows the classic recipe (Lappin & Leass, simplified): every earlier mention of a
person adds weight that halves with each sentence of distance, subjects count double, and the
person mentioned last gets a small recency bonus. Only persons whose gender agrees (from the
KB, a role noun's gender or a first name) are candidates; persons of unknown gender count
half. Mentions more than `MAX_SENTENCES_BACK` sentences away are ignored: a pronoun that far
from any name is left unresolved rather than guessed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from lagebild.entities.mentions import Candidate, Lexicon, WorkCluster
from lagebild.nlp.morphology import morph_values

MAX_SENTENCES_BACK = 3
SUBJECT_WEIGHT = 2.0
RECENCY_BONUS = 0.5
UNKNOWN_GENDER_FACTOR = 0.5
MIN_SCORE = 0.2
_NEW = object()  # not in the caller's `genders` memo yet


def find_pronouns(
    doc: Doc,
    lexicon: Lexicon,
    sent_of: list[int],
    texts: list[str] | None = None,
    genders: dict[str, str | None] | None = None,
) -> list[Candidate]:
    """Third-person singular personal pronouns that may refer to a person; `texts` are the
    token texts when the caller has read them (only pronoun forms then cost a Token), and
    `genders` a memo the caller keeps: token text -> `lexicon.pronouns.get(text.lower())`."""
    found: list[Candidate] = []
    texts = texts if texts is not None else [t.text for t in doc]
    pronouns = lexicon.pronouns
    memo: dict[str, str | None] = genders if genders is not None else {}
    if len(memo) > 200_000:
        memo.clear()
    hits = [i for i, text in enumerate(texts) if memo.get(text, _NEW) is not None]
    for i in hits:
        text = texts[i]
        low = text.lower()
        gender = memo[text] = pronouns.get(low)
        if gender is None:
            continue
        token = doc[i]
        if not _is_personal(token, low, lexicon):
            continue
        found.append(
            Candidate(
                token.i,
                token.i + 1,
                "pronoun",
                label="PER",
                gender=gender,
                sent=sent_of[token.i],
                subject=token.dep_ in lexicon.subject_deps,
            )
        )
    return found


def _is_personal(token: Token, low: str, lexicon: Lexicon) -> bool:
    """Filter out formal "Sie", plural "sie", possessive or 2nd-person "ihr"."""
    if token.text == "Sie" and token.is_sent_start is not True:
        return False  # formal address
    if "Plur" in morph_values(token, "Number") or "2" in morph_values(token, "Person"):
        return False
    if "Yes" in morph_values(token, "Poss"):
        return False
    if low in lexicon.ambiguous_pronouns:
        # "ihr" is a dative personal pronoun only where the tagger says so
        return "Dat" in morph_values(token, "Case") and "Prs" in morph_values(token, "PronType")
    if low == "sie" and token.dep_ in lexicon.subject_deps:
        verb = token.head
        if "Plur" in morph_values(verb, "Number"):
            return False
    return True


def resolve_pronouns(
    doc: Doc, pronouns: list[Candidate], clusters: list[WorkCluster]
) -> None:
    """Attach each pronoun (in text order) to the best person cluster, if any is salient."""
    has_parse = doc.has_annotation("DEP")
    persons = [c for c in clusters if c.is_person]
    for pronoun in sorted(pronouns, key=lambda p: p.start):
        best: WorkCluster | None = None
        best_score = MIN_SCORE
        latest = _latest_cluster(persons, pronoun)
        for cluster in persons:
            if cluster.gender and cluster.gender != pronoun.gender:
                continue
            score = _salience(doc, cluster, pronoun, has_parse)
            if score <= 0:
                continue
            if cluster is latest:
                score += RECENCY_BONUS
            if cluster.gender is None:
                score *= UNKNOWN_GENDER_FACTOR
            if score > best_score:
                best, best_score = cluster, score
        if best is not None:
            best.mentions.append(pronoun)


def _salience(doc: Doc, cluster: WorkCluster, pronoun: Candidate, has_parse: bool) -> float:
    score = 0.0
    for mention in cluster.mentions:
        if mention.end > pronoun.start:
            continue
        distance = pronoun.sent - mention.sent
        if distance > MAX_SENTENCES_BACK:
            continue
        if has_parse and distance == 0 and _co_arguments(doc, mention, pronoun):
            return 0.0  # "Putin lobte ihn": a non-reflexive pronoun is not its co-argument
        weight = SUBJECT_WEIGHT if mention.subject else 1.0
        score += weight * 0.5**distance
    return score


def _co_arguments(doc: Doc, mention: Candidate, pronoun: Candidate) -> bool:
    head = doc[mention.start : mention.end].root.head
    return head.i == doc[pronoun.start].head.i and head.i != doc[pronoun.start].i


def _latest_cluster(persons: list[WorkCluster], pronoun: Candidate) -> WorkCluster | None:
    latest: WorkCluster | None = None
    latest_start = -1
    for cluster in persons:
        mention = cluster.last_before(pronoun.start)
        if mention is not None and mention.start > latest_start:
            latest, latest_start = cluster, mention.start
    return latest
