"""Personal pronouns go to the most salient person of matching gender, or nowhere."""

from __future__ import annotations

from tests.entities.helpers import MakeDoc, cluster_by_name, mention_texts


def test_er_and_sie_follow_gender(analyse: MakeDoc) -> None:
    text = "Teodor Ostrava traf Mira Lindqvist. Sie lobte ihn. Er dankte ihr."
    doc = analyse(text, morph={12: "Case=Dat|Number=Sing|Person=3|PronType=Prs"})
    assert mention_texts(cluster_by_name(doc, "Mira Lindqvist")) == ["Mira Lindqvist", "Sie", "ihr"]
    assert mention_texts(cluster_by_name(doc, "Teodor Ostrava")) == ["Teodor Ostrava", "ihn", "Er"]


def test_subject_is_preferred_over_a_later_object(analyse: MakeDoc) -> None:
    text = "Teodor Ostrava empfing Jon Halvard. Er sprach zuerst."
    parse = {0: ("pnc", 1), 1: ("sb", 2), 2: ("ROOT", 2), 3: ("pnc", 4), 4: ("oa", 2)}
    doc = analyse(text, deps=parse)
    assert "Er" in mention_texts(cluster_by_name(doc, "Teodor Ostrava"))
    assert "Er" not in mention_texts(cluster_by_name(doc, "Jon Halvard"))


def test_formal_and_plural_sie_are_not_resolved(analyse: MakeDoc) -> None:
    text = "Mira Lindqvist fragte: Kommen Sie morgen? Die Gäste sagten, sie kämen."
    doc = analyse(text, morph={12: "Case=Nom|Number=Plur|Person=3|PronType=Prs"})
    assert mention_texts(cluster_by_name(doc, "Mira Lindqvist")) == ["Mira Lindqvist"]


def test_pronoun_far_from_any_person_stays_unresolved(analyse: MakeDoc) -> None:
    text = (
        "Teodor Ostrava reiste ab. Es regnete. Der Zug kam spät. Die Straßen waren leer. "
        "Der Abend war kalt. Er blieb zu Hause."
    )
    doc = analyse(text)
    assert mention_texts(cluster_by_name(doc, "Teodor Ostrava")) == ["Teodor Ostrava"]


def test_co_argument_is_not_the_antecedent(analyse: MakeDoc) -> None:
    text = "Jon Halvard sprach. Teodor Ostrava lobte ihn."
    doc = analyse(text, deps={4: ("pnc", 5), 5: ("sb", 6), 6: ("ROOT", 6), 7: ("oa", 6)})
    assert "ihn" in mention_texts(cluster_by_name(doc, "Jon Halvard"))
