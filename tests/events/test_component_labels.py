"""Naming verbs ("bezeichnete X als Z", "nannte X Z"): a reproach or praise only by the valence
of the label Z (`events/labels.py`, `data/label_valence.json`), on sentences we wrote
ourselves, through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import code_of, events_of, party_of


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        # a negative noun after "als", the one named is the one blamed
        (
            "Die Oppositionsführerin bezeichnete die Regierung Ungarns als korruptes Regime.",
            "bezeichnete",
            ("HUN", "GOV"),
        ),
        # a second accusative whose head is negative; the thing named has an owner
        (
            "Die polnische Regierung nannte die Äußerungen des russischen Außenministers eine "
            "Provokation.",
            "nannte",
            ("RUS", "GOV"),
        ),
        # a word of acceptance negated is a reproach ("nicht hinnehmbar")
        (
            "Der Minister nannte die Entscheidung der chinesischen Regierung nicht hinnehmbar.",
            "nannte",
            ("CHN", "GOV"),
        ),
    ],
)
def test_negative_label_is_accuse(
    nlp: Language, text: str, trigger: str, recipient: tuple[str, str]
) -> None:
    accuse = events_of(nlp, text, "ACCUSE")
    assert [e["trigger"]["text"] for e in accuse] == [trigger], accuse
    assert accuse[0]["mode"] == "disapprove"
    assert accuse[0]["status"] == "happened"
    assert party_of(accuse[0]["recipient"]) == recipient


@pytest.mark.parametrize(
    "text",
    [
        # compounds: the negative word ends it ("Scheinwahl" starts with "Schein")
        "Die Opposition in Kenia nannte die Abstimmung eine Scheinwahl.",
        "Der Oppositionsführer in Peru bezeichnete die Abstimmung als Wahlbetrug.",
        # adjectives after "als", coordinated
        "Die Außenministerin Chiles bezeichnete die Festnahmen als grausam und unerträglich.",
        # a negation inside the label does not negate the reproach
        "Der Minister bezeichnete die Politik Chinas als nicht akzeptabel.",
        # a participle label the tagger reads as a verb
        "Der Außenminister Kanadas nannte die Haltung der russischen Regierung völlig "
        "überzogen.",
    ],
)
def test_negative_label_variants_are_accuse(nlp: Language, text: str) -> None:
    accuse = [e for e in events_of(nlp, text, "ACCUSE") if e["trigger"]["text"] != "Festnahmen"]
    assert len(accuse) == 1, accuse
    assert accuse[0]["status"] == "happened"


@pytest.mark.parametrize(
    "text",
    [
        # a neutral label: a description, no reproach
        "Die Bundesregierung bezeichnete die Konferenz in Wien als das wichtigste Treffen des "
        "Jahres.",
        "Der Sprecher der Regierung bezeichnete Jonas Berg als Vorsitzenden der Kommission.",
        "Der Präsident nannte die Reise nach Hanoi ein Sprungbrett für engere Beziehungen.",
        # the label is no justification of a reproach ("als Selbstverteidigung")
        "Die Regierung Armeniens bezeichnete den Einsatz der Armee als Selbstverteidigung.",
        # a negated label takes the reproach back
        "Der Präsident Ghanas bezeichnete die Regierung Togos nicht als Diktatur.",
        "Die Senatorin nannte die Reform der Regierung Italiens keine Katastrophe.",
        # praise of a thing no party stands behind is no political support
        "Die Archäologin bezeichnete den Fund als Glücksfall.",
        # "nennen" in the sense of "mention"
        "Die Ministerin nannte keine Namen.",
        "Der Gouverneur nannte drei Gründe für den Rücktritt des Polizeichefs.",
    ],
)
def test_neutral_or_negated_label_is_no_accuse(nlp: Language, text: str) -> None:
    found = [(e["type"], e["trigger"]["text"]) for e in events_of(nlp, text)]
    assert not any(t in ("ACCUSE", "SUPPORT") for t, _ in found), found


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        (
            "Die Kanzlerin nannte den japanischen Botschafter Kenji Tanaka einen wahren Freund.",
            "nannte",
            "JPN",
        ),
        (
            "Der Senator Tom Miller nannte den verstorbenen Diplomaten Paul Green einen großen "
            "Staatsmann.",
            "nannte",
            "USA",
        ),
        # "bezeichnen" with a positive label praises too
        (
            "Der Innenminister Frankreichs bezeichnete den spanischen Regierungschef Pedro Ruiz "
            "als mutigen Reformer.",
            "bezeichnete",
            "ESP",
        ),
    ],
)
def test_positive_label_is_support(nlp: Language, text: str, trigger: str, recipient: str) -> None:
    found = events_of(nlp, text)
    support = [e for e in found if e["type"] == "SUPPORT"]
    assert [e["trigger"]["text"] for e in support] == [trigger], found
    assert code_of(support[0]["recipient"]) == recipient
    assert not any(e["type"] == "ACCUSE" for e in found), found


def test_label_in_subordinate_clause(nlp: Language) -> None:
    """"…, das die Regierung Serbiens als Farce bezeichnete": the label before the verb."""
    text = (
        "Die EU-Kommission verurteilte das Urteil, das die Regierung Serbiens als Farce "
        "bezeichnete."
    )
    accuse = {e["trigger"]["text"]: e for e in events_of(nlp, text, "ACCUSE")}
    assert set(accuse) == {"verurteilte", "bezeichnete"}, accuse
    assert party_of(accuse["bezeichnete"]["actor"]) == ("SRB", "GOV")


def test_label_in_relative_clause_with_second_accusative(nlp: Language) -> None:
    text = "Der Oppositionsführer in Serbien kritisierte das Gesetz, das er eine Schande nannte."
    triggers = {e["trigger"]["text"] for e in events_of(nlp, text, "ACCUSE")}
    assert "nannte" in triggers, triggers


def test_label_noun_is_no_party_nor_event(nlp: Language) -> None:
    """"nannte dies einen Staatsstreich": the reproach is the event, the label names no coup,
    and neither the label nor the speaker's organisation is the one blamed."""
    text = "Der Generalsekretär der Vereinten Nationen nannte dies einen Staatsstreich."
    found = events_of(nlp, text)
    assert [(e["type"], e["trigger"]["text"]) for e in found] == [("ACCUSE", "nannte")], found
    assert code_of(found[0]["actor"]) == "UN"
    assert found[0]["recipient"] is None
