"""Mood rules of `lagebild.nlp.morphology` on hand-built parses (independent of the model).

Each doc is annotated the way the core model annotates (UPOS, UD features, lemma, UD relations),
so these tests pin down the rules: lexicon, umlaut Konjunktiv II, the "-e with 3rd-person
subject" rule, plural ambiguity, and the fallback to the model's Mood.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.nlp import morphology
from lagebild.nlp.morphology import (
    MoodAnnotator,
    is_finite_verb,
    is_konjunktiv,
    konjunktiv_type,
    mood,
)

VOCAB = spacy.blank("de").vocab
FIN3 = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


def make(words: list[str], pos: list[str], heads: list[int], deps: list[str],
         lemmas: list[str] | None = None, morphs: list[str] | None = None) -> Doc:
    """A parsed doc; heads are absolute indices."""
    return Doc(VOCAB, words=words, pos=pos, heads=heads, deps=deps,
               lemmas=lemmas or [w.lower() for w in words], morphs=morphs or [""] * len(words))


def subject_verb(subj: str, verb: str, lemma: str, model_morph: str = FIN3,
                 subj_pos: str = "PRON") -> Doc:
    """`<subj> <verb> Zeit .` with the verb as root."""
    return make([subj, verb, "Zeit", "."], [subj_pos, "VERB", "NOUN", "PUNCT"], [1, 1, 1, 1],
                ["nsubj", "ROOT", "obj", "punct"], [subj.lower(), lemma, "Zeit", "."],
                ["", model_morph, "", ""])


@pytest.mark.parametrize("verb,lemma", [("habe", "haben"), ("werde", "werden"),
                                        ("lege", "legen"), ("gelinge", "gelingen"),
                                        ("berichte", "berichten"), ("gebe", "geben")])
def test_e_form_with_third_person_subject_is_konjunktiv_i(verb: str, lemma: str) -> None:
    doc = subject_verb("Er", verb, lemma)  # model said Ind: the rule overrides it
    assert mood(doc[1]) == "Sub"
    assert konjunktiv_type(doc[1]) == "I"


def test_e_form_with_noun_subject_is_konjunktiv_i() -> None:
    doc = subject_verb("Regierung", "lege", "legen", subj_pos="NOUN")
    assert is_konjunktiv(doc[1])


@pytest.mark.parametrize("verb,lemma", [("habe", "haben"), ("werde", "werden"), ("lege", "legen")])
def test_e_form_with_ich_is_indicative(verb: str, lemma: str) -> None:
    doc = subject_verb("Ich", verb, lemma, model_morph="Mood=Sub|Person=3|VerbForm=Fin")
    assert mood(doc[1]) == "Ind"
    assert not is_konjunktiv(doc[1])


@pytest.mark.parametrize("verb,lemma", [("sagte", "sagen"), ("wurde", "werden")])
def test_past_forms_in_e_are_not_konjunktiv(verb: str, lemma: str) -> None:
    doc = subject_verb("Er", verb, lemma, model_morph="Mood=Ind|Person=3|Tense=Past|VerbForm=Fin")
    assert mood(doc[1]) == "Ind"


@pytest.mark.parametrize("verb,lemma,kind", [("sei", "sein", "I"), ("wolle", "wollen", "I"),
                                             ("könne", "können", "I"), ("hätten", "haben", "II"),
                                             ("wäre", "sein", "II"), ("würde", "werden", "II"),
                                             ("käme", "kommen", "II")])
def test_lexicon_forms_are_subjunctive_whatever_the_model_says(verb: str, lemma: str,
                                                                kind: str) -> None:
    doc = subject_verb("Sie", verb, lemma)
    assert mood(doc[1]) == "Sub"
    assert konjunktiv_type(doc[1]) == kind


def test_lexicon_forms_are_finite_even_without_model_features() -> None:
    doc = subject_verb("Er", "sei", "sein", model_morph="")
    assert is_finite_verb(doc[1])
    assert mood(doc[1]) == "Sub"


def test_umlaut_form_absent_from_lexicon_is_konjunktiv_ii() -> None:
    doc = subject_verb("Er", "erführe", "erfahren")
    assert "erführe" not in morphology.lexicon().sub2
    assert konjunktiv_type(doc[1]) == "II"


def test_plural_present_is_indicative_even_if_model_says_sub() -> None:
    doc = subject_verb("Sie", "haben", "haben", model_morph="Mood=Sub|Number=Plur|VerbForm=Fin")
    assert mood(doc[1]) == "Ind"


def test_ambiguous_form_falls_back_to_model() -> None:
    sub = subject_verb("Er", "sollte", "sollen", model_morph="Mood=Sub|Tense=Past|VerbForm=Fin")
    ind = subject_verb("Er", "sollte", "sollen", model_morph="Mood=Ind|Tense=Past|VerbForm=Fin")
    assert mood(sub[1]) == "Sub" and konjunktiv_type(sub[1]) == "II"
    assert mood(ind[1]) == "Ind"


def test_subject_found_through_coordination_and_auxiliary() -> None:
    # "Er sei krank und habe Fieber gehabt ." — "habe" is aux of "gehabt", conj of "krank"
    words = ["Er", "sei", "krank", "und", "habe", "Fieber", "gehabt", "."]
    pos = ["PRON", "AUX", "ADJ", "CCONJ", "AUX", "NOUN", "VERB", "PUNCT"]
    heads = [2, 2, 2, 6, 6, 6, 2, 2]
    deps = ["nsubj", "cop", "ROOT", "cc", "aux", "obj", "conj", "punct"]
    lemmas = ["er", "sein", "krank", "und", "haben", "Fieber", "haben", "."]
    morphs = ["", "", "", "", "VerbForm=Fin", "", "VerbForm=Part", ""]
    doc = make(words, pos, heads, deps, lemmas, morphs)
    assert mood(doc[4]) == "Sub"
    assert mood(doc[6]) is None  # participle: not finite


def test_non_finite_and_non_verbs_have_no_mood() -> None:
    # "Er hat es gesagt ." — the participle heads the clause, "hat" is its auxiliary
    doc = make(["Er", "hat", "es", "gesagt", "."], ["PRON", "AUX", "PRON", "VERB", "PUNCT"],
               [3, 3, 3, 3, 3], ["nsubj", "aux", "obj", "ROOT", "punct"],
               ["er", "haben", "es", "sagen", "."], ["", FIN3, "", "VerbForm=Part", ""])
    assert is_finite_verb(doc[1]) and mood(doc[1]) == "Ind"
    assert not is_finite_verb(doc[3])
    assert mood(doc[3]) is None
    assert mood(doc[2]) is None  # the pronoun


def test_verb_with_own_subject_and_no_auxiliary_is_finite() -> None:
    # "…, die Sie benötigen" tagged as infinitive by the model: the parse says finite
    doc = make(["die", "Sie", "benötigen"], ["PRON", "PRON", "VERB"], [2, 2, 2],
               ["obj", "nsubj", "ROOT"], ["der", "sie", "benötigen"], ["", "", "VerbForm=Inf"])
    assert is_finite_verb(doc[2])
    assert mood(doc[2]) == "Ind"


def test_imperative_without_subject_has_no_mood() -> None:
    doc = make(["Sag", "es", "!"], ["VERB", "PRON", "PUNCT"], [0, 0, 0],
               ["ROOT", "obj", "punct"], ["sagen", "es", "!"],
               ["Mood=Imp|Number=Sing|Person=2|VerbForm=Fin", "", ""])
    assert mood(doc[0]) is None


def test_annotator_writes_rule_mood_into_morph() -> None:
    doc = subject_verb("Er", "habe", "haben", model_morph="Mood=Ind|Person=3|VerbForm=Fin")
    MoodAnnotator()(doc)
    assert doc[1].morph.get("Mood") == ["Sub"]
    assert doc[1].morph.get("Person") == ["3"]  # other features are kept
    assert doc[0].morph.get("Mood") == []


def test_lexicon_file_holds_the_core_forms() -> None:
    lex = morphology.lexicon()
    for form in ("sei", "seien", "wolle", "könne", "müsse", "solle", "dürfe"):
        assert form in lex.sub1
    for form in ("wäre", "hätte", "hätten", "würde", "käme"):
        assert form in lex.sub2
    assert not (lex.sub1 & lex.sub2)
    for ambiguous in ("habe", "werde", "haben", "werden", "gingen"):
        assert ambiguous not in lex.sub1 | lex.sub2


def test_rare_verb_mistagged_as_adverb_is_recovered() -> None:
    # "Es gelinge nicht ." with "gelinge" tagged ADV but parsed as the clause head
    doc = make(["Es", "gelinge", "nicht", "."], ["PRON", "ADV", "PART", "PUNCT"], [1, 1, 1, 1],
               ["expl", "ROOT", "advmod", "punct"], ["es", "gelingen", "nicht", "."])
    assert is_finite_verb(doc[1])
    assert mood(doc[1]) == "Sub"
    MoodAnnotator()(doc)
    assert doc[1].pos_ == "VERB" and doc[1].morph.get("Mood") == ["Sub"]


def test_predicative_adjective_is_not_a_verb() -> None:
    # "Es ist wichtig ." — subject and copula on the adjective
    doc = make(["Es", "ist", "wichtig", "."], ["PRON", "AUX", "ADJ", "PUNCT"], [2, 2, 2, 2],
               ["nsubj", "cop", "ROOT", "punct"], ["es", "sein", "wichtig", "."],
               ["", FIN3, "", ""])
    assert not is_finite_verb(doc[2])
    assert mood(doc[1]) == "Ind"
