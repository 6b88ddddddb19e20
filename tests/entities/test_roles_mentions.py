"""Role nouns as person mentions; titles fused with names; plurals left alone."""

from __future__ import annotations

from tests.entities.helpers import MakeDoc, cluster_by_name, mention_texts


def test_title_and_name_are_one_mention_with_the_role(analyse: MakeDoc) -> None:
    doc = analyse("Außenministerin Mira Lindqvist traf Regierungschef Halvard.")
    lindqvist = cluster_by_name(doc, "Mira Lindqvist")
    (mention,) = lindqvist.mentions
    assert mention.text == "Außenministerin Mira Lindqvist"
    assert mention.kind == "name" and mention.role == "Außenministerin"
    halvard = cluster_by_name(doc, "Jon Halvard")
    assert mention_texts(halvard) == ["Regierungschef Halvard"]


def test_country_adjective_role_joins_the_named_office_holder(analyse: MakeDoc) -> None:
    doc = analyse("Teodor Ostrava kam nach Sulvik. Der valdorische Präsident wurde empfangen.")
    ostrava = cluster_by_name(doc, "Teodor Ostrava")
    assert "Der valdorische Präsident" in mention_texts(ostrava)
    role = [m for m in ostrava.mentions if m.kind == "role"][0]
    assert role.role == "Präsident"


def test_role_alone_is_linked_to_the_office_holder_at_the_article_date(analyse: MakeDoc) -> None:
    text = "Der merbanische Präsident hat eine Reform angekündigt."
    # until 2028 Halvard was president, from 2029 Brask is
    assert cluster_by_name(analyse(text, date="2027-03"), "Jon Halvard").kb_id == "test:halvard"
    assert cluster_by_name(analyse(text, date="2030-05"), "Elin Brask").kb_id == "test:brask"


def test_genitive_country_and_compound_role_give_the_country(analyse: MakeDoc) -> None:
    doc = analyse("Merbaniens Präsidentin reiste ab. Der Kastell-Chef blieb.")
    assert mention_texts(cluster_by_name(doc, "Elin Brask")) == ["Merbaniens Präsidentin"]
    assert mention_texts(cluster_by_name(doc, "Teodor Ostrava")) == ["Der Kastell-Chef"]
    assert mention_texts(cluster_by_name(doc, "Merbanien")) == ["Merbaniens"]


def test_plural_role_is_not_a_mention(analyse: MakeDoc) -> None:
    text = "Die Präsidenten trafen sich. Teodor Ostrava sprach."
    doc = analyse(text, morph={1: "Case=Nom|Gender=Masc|Number=Plur"})
    assert all(m.kind != "role" for c in doc._.entities for m in c.mentions)


def test_role_without_any_country_is_skipped(analyse: MakeDoc) -> None:
    doc = analyse("Der Präsident sprach lange.")
    assert doc._.entities == []


def test_former_office_is_not_linked_to_the_current_holder(analyse: MakeDoc) -> None:
    doc = analyse("Der frühere merbanische Präsident schwieg.", date="2030-05")
    assert all(c.kb_id != "test:brask" for c in doc._.entities)


def test_capital_is_a_place_after_a_preposition_and_a_metonym_as_actor(analyse: MakeDoc) -> None:
    doc = analyse("In Portella wurde gefeiert. Portella protestierte gegen Sulvik.")
    place = cluster_by_name(doc, "Portella")
    assert place.kind == "city" and place.country == "VLD"
    assert mention_texts(place) == ["Portella"]
    country = cluster_by_name(doc, "Valdorien")
    assert [(m.text, m.kind, m.sector) for m in country.mentions] == [
        ("Portella", "metonym", "GOV")
    ]
    assert country.type == "LOC" and country.country == "VLD"
