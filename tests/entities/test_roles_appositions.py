"""Role nouns with the person's name in a comma apposition, indefinite role nouns, role nouns
the NER took for a name, first names the tagger read as nouns, and first names repeated on
their own. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.read.article import Article
from tests.entities.helpers import MakeDoc, cluster_by_name, mention_texts


def _char(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _tagged(
    nlp: Language, text: str, pos: dict[str, str], ents: list[tuple[str, str]]
) -> Doc:
    """`text` through the blank pipeline with hand-set tags (word -> POS, first occurrence
    of each word) and NER spans (word(s), label)."""
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, date="2030-05")
    for token in doc:
        token.pos_ = pos.get(token.text, "NOUN" if token.text[:1].isupper() else "X")
    spans = [doc.char_span(*_char(text, words), label=label) for words, label in ents]
    doc.set_ents([s for s in spans if s is not None])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_apposition_after_role_and_genitive_country_names_the_holder(analyse: MakeDoc) -> None:
    text = "Der Präsident Merbaniens, Ansgar Holm, besuchte Portella."
    doc = analyse(text, ents=[(*_char(text, "Ansgar Holm"), "PER")])
    holm = cluster_by_name(doc, "Ansgar Holm")
    assert mention_texts(holm) == ["Der Präsident", "Ansgar Holm"]
    assert holm.country == "MRB" and holm.sector == "GOV"
    # the text names the holder: the KB's office holder at the date gets no mention
    assert all(c.kb_id != "test:brask" for c in doc._.entities)


def test_apposition_after_an_organisation_takes_its_code(analyse: MakeDoc) -> None:
    text = "Der Kommissionspräsident der Afrikanischen Union (AU), Ansgar Holm, sprach."
    doc = analyse(text, ents=[(*_char(text, "Ansgar Holm"), "PER")])
    holm = cluster_by_name(doc, "Ansgar Holm")
    assert "Der Kommissionspräsident" in mention_texts(holm)
    assert holm.country == "AU"


def test_role_in_the_genitive_of_a_person_noun_is_no_apposition_head(analyse: MakeDoc) -> None:
    text = "Ein Berater des Präsidenten Merbaniens, Ansgar Holm, sprach."
    doc = analyse(text, ents=[(*_char(text, "Ansgar Holm"), "PER")])
    holm = cluster_by_name(doc, "Ansgar Holm")
    assert mention_texts(holm) == ["Ansgar Holm"] and holm.sector is None


def test_name_that_starts_a_reported_clause_is_no_apposition(analyse: MakeDoc) -> None:
    text = "Dies erklärte der Präsident Merbaniens, Ansgar Holm habe gelogen."
    doc = analyse(text, ents=[(*_char(text, "Ansgar Holm"), "PER")])
    assert mention_texts(cluster_by_name(doc, "Ansgar Holm")) == ["Ansgar Holm"]


def test_indefinite_role_is_not_the_person_named_before(analyse: MakeDoc) -> None:
    doc = analyse("Jon Halvard reiste ab. Ein merbanischer Verteidigungsminister sagte das.")
    assert mention_texts(cluster_by_name(doc, "Jon Halvard")) == ["Jon Halvard"]


def test_role_noun_tagged_as_a_name_and_first_name_read_as_noun(blank_nlp: Language) -> None:
    text = "Premierminister Kavi Ranatunga kritisierte die Regierung."
    doc = _tagged(
        blank_nlp, text, {"Ranatunga": "PROPN"}, [("Premierminister", "PER")]
    )
    person = cluster_by_name(doc, "Kavi Ranatunga")
    assert mention_texts(person) == ["Premierminister Kavi Ranatunga"]
    assert person.offices == ["Premierminister"]


def test_first_name_read_as_noun_joins_the_surname_the_ner_found(blank_nlp: Language) -> None:
    text = "Premierminister Kavi Ranatunga kritisierte die Regierung."
    doc = _tagged(blank_nlp, text, {"Ranatunga": "PROPN"}, [("Ranatunga", "PER")])
    assert mention_texts(cluster_by_name(doc, "Kavi Ranatunga")) == [
        "Premierminister Kavi Ranatunga"
    ]


def test_first_name_repeated_alone_is_a_mention(blank_nlp: Language) -> None:
    # the tagger reads the first name as a noun; after an article it is one
    text = "Premierminister Somchai Wongsawat sprach. Das lehnte Somchai ab. Der Somchai blieb."
    doc = _tagged(
        blank_nlp, text, {"Wongsawat": "PROPN"}, [("Somchai Wongsawat", "PER")]
    )
    texts = mention_texts(cluster_by_name(doc, "Somchai Wongsawat"))
    assert texts == ["Premierminister Somchai Wongsawat", "Somchai"]


def test_opposition_leader_is_a_title(blank_nlp: Language) -> None:
    text = "Oppositionsführer Kavi Ranatunga kritisierte die Regierung."
    doc = _tagged(
        blank_nlp, text, {"Ranatunga": "PROPN"}, [("Oppositionsführer", "PER")]
    )
    person = cluster_by_name(doc, "Kavi Ranatunga")
    assert mention_texts(person) == ["Oppositionsführer Kavi Ranatunga"]
    assert person.sector == "OPP"


def test_name_before_one_of_apposition_is_a_person(blank_nlp: Language) -> None:
    text = "Kavi Ranatunga, einer der Abgeordneten, kritisierte die Regierung."
    doc = _tagged(blank_nlp, text, {"Ranatunga": "PROPN"}, [])
    assert mention_texts(cluster_by_name(doc, "Kavi Ranatunga")) == ["Kavi Ranatunga"]
    # a single word before the apposition is not enough
    doc = _tagged(blank_nlp, "Damals Ranatunga, einer der Abgeordneten, sprach.", {}, [])
    assert doc._.entities == []


def test_one_of_apposition_completes_a_surname_the_ner_found(blank_nlp: Language) -> None:
    text = "Kavi Ranatunga, einer der Abgeordneten, kritisierte die Regierung."
    doc = _tagged(blank_nlp, text, {"Ranatunga": "PROPN"}, [("Ranatunga", "PER")])
    assert mention_texts(cluster_by_name(doc, "Kavi Ranatunga")) == ["Kavi Ranatunga"]
