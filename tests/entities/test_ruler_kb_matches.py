"""KB names are found in any case form, longest first, and win over the NER for linking."""

from __future__ import annotations

from tests.entities.helpers import MakeDoc, cluster_by_name, mention_texts


def test_genitive_and_short_forms_link_to_the_kb_actor(analyse: MakeDoc) -> None:
    doc = analyse("Teodor Ostravas Rede war kurz. Ostrava sprach frei.")
    ostrava = cluster_by_name(doc, "Teodor Ostrava")
    assert ostrava.kb_id == "test:ostrava"
    assert mention_texts(ostrava) == ["Teodor Ostravas", "Ostrava"]


def test_ner_span_around_a_kb_alias_takes_the_kb_id(analyse: MakeDoc) -> None:
    text = "Mira Lindqvist lächelte."
    doc = analyse(text, ents=[(0, len("Mira Lindqvist"), "PER")])
    cluster = cluster_by_name(doc, "Mira Lindqvist")
    assert cluster.kb_id == "test:lindqvist"
    assert mention_texts(cluster) == ["Mira Lindqvist"]


def test_unknown_names_cluster_by_surname_with_a_local_id(analyse: MakeDoc) -> None:
    text = "Karla Unbekannt eröffnete die Messe. Später lobte Unbekannt die Aussteller."
    first = (0, len("Karla Unbekannt"))
    later = (text.index("Unbekannt die"), text.index("Unbekannt die") + len("Unbekannt"))
    doc = analyse(text, ents=[(*first, "PER"), (*later, "PER")])
    cluster = cluster_by_name(doc, "Karla Unbekannt")
    assert cluster.kb_id is None and cluster.id.startswith("L-")
    assert mention_texts(cluster) == ["Karla Unbekannt", "Unbekannt"]
    assert cluster.gender == "f"  # from the shipped first-name list


def test_doc_ents_mirror_the_name_mentions(analyse: MakeDoc) -> None:
    doc = analyse("Der valdorische Präsident Teodor Ostrava besuchte Merbanien.")
    ents = [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert ("Teodor Ostrava", "PER", "test:ostrava") in ents
    assert ("Merbanien", "LOC", "lagebild:country:MRB") in ents
    assert all(e.text != "valdorische" for e in doc.ents)
