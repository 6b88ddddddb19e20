"""Actor/recipient rules on sentences we wrote ourselves, through the real pipeline."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from lagebild.analysis import analyze_article
from lagebild.read.article import Article


def _events(nlp: Language, text: str, etype: str) -> list[dict[str, Any]]:
    events = analyze_article(nlp, Article(text=text, date="2031-05-09"))["events"]
    return [e for e in events if e["type"] == etype]


def _code(party: dict[str, Any] | None) -> str | None:
    return party["code"] if party else None


def test_light_verb_possessive_refers_to_subject(nlp: Language) -> None:
    # "X versichert Y seine Treue": X is the actor, the dative Y the recipient
    found = _events(nlp, "Ankara versichert Kreml-Chef Putin erneut seine Treue.", "SUPPORT")
    assert found
    assert (_code(found[0]["actor"]), _code(found[0]["recipient"])) == ("TUR", "RUS")


def test_passive_subject_is_recipient(nlp: Language) -> None:
    text = "In Chile wurden am Montag mehrere Demonstranten von der Polizei festgenommen."
    found = _events(nlp, text, "COERCE")
    assert found
    assert found[0]["recipient"] and found[0]["recipient"]["sector"] == "CVL"
    assert found[0]["actor"] and found[0]["actor"]["sector"] == "COP"


def test_group_nouns_take_the_articles_country(nlp: Language) -> None:
    text = (
        "In Peru wächst der Unmut über die Regierung. "
        "Am Dienstag hat die Polizei in Lima 40 Personen festgenommen."
    )
    found = _events(nlp, text, "COERCE")
    assert found
    assert found[0]["actor"] == found[0]["actor"] | {"code": "PER", "sector": "COP"}
    assert found[0]["recipient"] and found[0]["recipient"]["code"] == "PER"
    assert found[0]["location"] and found[0]["location"]["country"] == "PER"


def test_dative_after_verb_is_not_the_actor(nlp: Language) -> None:
    text = "In Chile hat ein Offizier den Demonstranten für ihre Geduld gedankt."
    found = _events(nlp, text, "SUPPORT")
    assert found and found[0]["recipient"] and found[0]["recipient"]["sector"] == "CVL"
    assert found[0]["actor"] is None or found[0]["actor"]["sector"] != "CVL"


def test_quote_speaker_is_actor_of_speech_act(nlp: Language) -> None:
    text = (
        "„Wir verlangen den sofortigen Abzug aller Truppen“, sagte der chilenische "
        "Außenminister am Montag in Santiago."
    )
    found = _events(nlp, text, "REQUEST")
    assert found and found[0]["actor"]
    assert (found[0]["actor"]["code"], found[0]["actor"]["sector"]) == ("CHL", "GOV")
