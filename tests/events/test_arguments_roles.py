"""Actor/recipient rules on sentences we wrote ourselves, through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from lagebild.events.component import EventExtractor
from tests.events.analysed import code_of, events_of, party_of


def test_light_verb_possessive_refers_to_subject(nlp: Language) -> None:
    # "X versichert Y seine Treue": X is the actor, the dative Y the recipient
    found = events_of(nlp, "Ankara versichert Kreml-Chef Putin erneut seine Treue.", "SUPPORT")
    assert found
    assert (code_of(found[0]["actor"]), code_of(found[0]["recipient"])) == ("TUR", "RUS")


def test_passive_subject_is_recipient(nlp: Language) -> None:
    text = "In Chile wurden am Montag mehrere Demonstranten von der Polizei festgenommen."
    found = events_of(nlp, text, "COERCE")
    assert found
    assert found[0]["recipient"] and found[0]["recipient"]["sector"] == "CVL"
    assert found[0]["actor"] and found[0]["actor"]["sector"] == "COP"


def test_group_nouns_take_the_articles_country(nlp: Language) -> None:
    text = (
        "In Peru wächst der Unmut über die Regierung. "
        "Am Dienstag hat die Polizei in Lima 40 Personen festgenommen."
    )
    found = events_of(nlp, text, "COERCE")
    assert found
    assert found[0]["actor"] == found[0]["actor"] | {"code": "PER", "sector": "COP"}
    assert found[0]["recipient"] and found[0]["recipient"]["code"] == "PER"
    assert found[0]["location"] and found[0]["location"]["country"] == "PER"


def test_dative_after_verb_is_not_the_actor(nlp: Language) -> None:
    text = "In Chile hat ein Offizier den Demonstranten für ihre Geduld gedankt."
    found = events_of(nlp, text, "SUPPORT")
    assert found and found[0]["recipient"] and found[0]["recipient"]["sector"] == "CVL"
    assert found[0]["actor"] is None or found[0]["actor"]["sector"] != "CVL"


def test_quote_speaker_is_actor_of_speech_act(nlp: Language) -> None:
    text = (
        "„Wir verlangen den sofortigen Abzug aller Truppen“, sagte der chilenische "
        "Außenminister am Montag in Santiago."
    )
    found = events_of(nlp, text, "REQUEST")
    assert found and found[0]["actor"]
    assert (found[0]["actor"]["code"], found[0]["actor"]["sector"]) == ("CHL", "GOV")


# (text, event type, role, expected (code, sector)) — one rule per row, sentences our own
PARTY_CASES = [
    pytest.param(
        # quotation marks around a short name do not cut the clause; "der Polizei" after no
        # noun is the dative of "vorwerfen", not a genitive
        "Überdies wirft der „Verein Freie Presse“ der Polizei in Chile vor, gelogen zu haben.",
        "ACCUSE", "recipient", ("CHL", "COP"), id="quoted-name-no-clause-break",
    ),
    pytest.param(
        "In Chile wollen die oppositionellen Parteien die Wahl boykottieren.",
        "PROTEST", "actor", ("CHL", "OPP"), id="sector-adjective-on-group",
    ),
    pytest.param(
        "In Chile wächst die Unruhe. Tausende Demonstranten priesen am Abend den König.",
        "SUPPORT", "recipient", ("CHL", "GOV"), id="role-noun-takes-main-country",
    ),
    pytest.param(
        "In Chile kam es am Sonntag zu Massenprotesten.",
        "PROTEST", "recipient", ("CHL", "GOV"), id="protest-default-recipient",
    ),
    pytest.param(
        "In Chile wurden am Sonntag 300 Anhänger der Opposition festgenommen.",
        "COERCE", "recipient", ("CHL", "OPP"), id="genitive-names-the-side",
    ),
    pytest.param(
        "In Chile herrscht Krieg. Einer der Rebellen, Juan Perez, dankte den Bauern.",
        "SUPPORT", "actor", ("CHL", "REB"), id="apposition-gives-sector",
    ),
    pytest.param(
        "In Chile gab es einen Skandal, der die Polizei dazu veranlasst hat, ein "
        "Strafverfahren einzuleiten.",
        "ACCUSE", "actor", ("CHL", "COP"), id="object-control-infinitive",
    ),
    pytest.param(
        # "würden … stürmen" is a conditional with an infinitive, not a passive: the subject acts
        "In Chile herrscht Aufruhr. Ein Rebellensprecher kündigte an, die Rebellen würden "
        "in der nächsten Woche weitere Kasernen stürmen.",
        "THREATEN", "actor", ("CHL", "REB"), id="conditional-is-not-passive",
    ),
]


@pytest.mark.parametrize(("text", "etype", "role", "expected"), PARTY_CASES)
def test_party_of_first_event(
    nlp: Language, text: str, etype: str, role: str, expected: tuple[str, str]
) -> None:
    found = events_of(nlp, text, etype)
    assert found and party_of(found[0][role]) == expected


def test_two_groups_of_one_sector_are_two_parties(nlp: Language) -> None:
    text = "In Chile stellten die Bauern den Demonstranten ein Ultimatum."
    found = events_of(nlp, text, "THREATEN")
    assert found
    assert party_of(found[0]["actor"]) == ("CHL", "CVL")
    assert party_of(found[0]["recipient"]) == ("CHL", "CVL")


def test_role_noun_of_another_party_is_not_the_state(nlp: Language) -> None:
    # "Sprecher der Opposition", "Perez' Sprecher": the office of that party, not of the
    # main country's state; "der Präsident" alone is the main country's
    text = (
        "In Chile wächst die Unruhe. Der Sprecher der Opposition und Perez' Sprecher "
        "trafen den Präsidenten."
    )
    doc = nlp(text)
    finder = next(p for _, p in nlp.pipeline if isinstance(p, EventExtractor)).args
    sent = list(doc.sents)[-1]
    cands = finder.candidates(doc, sent, "2031-05-09", "CHL")
    parties = {c.participant.text: (c.participant.code, c.participant.sector) for c in cands}
    assert parties.get("Präsidenten") == ("CHL", "GOV")
    assert "Sprecher" not in parties


def test_zu_infinitive_takes_main_clause_subject(nlp: Language) -> None:
    text = (
        "Die chilenische Außenministerin hat am Montag angekündigt, in direkte Gespräche "
        "mit Peru einzutreten."
    )
    found = events_of(nlp, text, "CONSULT")
    assert found
    codes = {code_of(found[0]["actor"]), code_of(found[0]["recipient"])}
    assert codes == {"CHL", "PER"}


def test_hyphenated_country_adjective(nlp: Language) -> None:
    text = (
        "In Peru ist die Lage ernst. Die US-amerikanische Außenministerin Jane Doe "
        "kritisierte Peru."
    )
    found = events_of(nlp, text, "ACCUSE")
    assert found and code_of(found[0]["actor"]) == "USA"


def test_title_anywhere_gives_person_sector(nlp: Language) -> None:
    text = (
        "In Chile meldete die Presse, der chilenische Oppositionsführer Juan Perez sei "
        "verschwunden. Am Abend kritisierte Perez die Regierung scharf."
    )
    found = events_of(nlp, text, "ACCUSE")
    assert found and party_of(found[-1]["actor"]) == ("CHL", "OPP")


def test_two_persons_of_one_side_are_two_parties(nlp: Language) -> None:
    text = (
        "Der chilenische Oppositionsführer Juan Perez kritisierte Pedro Gomez, einen "
        "Oppositionspolitiker, scharf."
    )
    found = events_of(nlp, text, "ACCUSE")
    assert found and found[0]["actor"] and found[0]["recipient"]
    assert party_of(found[0]["actor"]) == party_of(found[0]["recipient"]) == ("CHL", "OPP")
    assert found[0]["actor"]["text"] != found[0]["recipient"]["text"]


def test_inverted_subject_after_finite_verb(nlp: Language) -> None:
    # "Am Montag hatten Soldaten …": the phrase right after the finite verb is the subject,
    # not the later "seine Berater" the tagger may read as nominative
    text = (
        "In Chile ist die Lage ernst. Am Montag hatten Soldaten das Parlament gestürmt und "
        "den Präsidenten und seine Berater festgenommen."
    )
    for etype in ("ASSAULT", "COERCE"):
        found = events_of(nlp, text, etype)
        assert found and party_of(found[0]["actor"]) == ("CHL", "MIL")


def test_circumstance_phrase_is_no_fallback_recipient(nlp: Language) -> None:
    text = "Während dieser Woche wurden von den Rebellen in Chile alle Versammlungen verboten."
    found = events_of(nlp, text, "COERCE")
    assert found and party_of(found[0]["actor"]) == ("CHL", "REB")
    assert found[0]["recipient"] is None or found[0]["recipient"]["code"] == "CHL"


def test_politicians_are_a_party(nlp: Language) -> None:
    text = "In Chile haben konservative Politiker das Gesetz am Montag vehement abgelehnt."
    found = events_of(nlp, text, "REJECT")
    assert found and code_of(found[0]["actor"]) == "CHL"


def test_relative_pronoun_subject_takes_antecedent(nlp: Language) -> None:
    text = (
        "In Chile wurden am Montag zwei Studenten, die von einem Gericht in Santiago zum "
        "Tod verurteilt worden waren, hingerichtet."
    )
    found = events_of(nlp, text, "SANCTION")
    assert found and party_of(found[0]["recipient"]) == ("CHL", "EDU")
    assert found[0]["actor"] and found[0]["actor"]["sector"] == "JUD"


def test_broken_relations_name_the_other_country(nlp: Language) -> None:
    text = "Peru hat im Jahr 2031 die diplomatischen Beziehungen zu Chile abgebrochen."
    found = events_of(nlp, text, "SANCTION")
    assert found
    assert (code_of(found[0]["actor"]), code_of(found[0]["recipient"])) == ("PER", "CHL")


def test_security_council_is_the_un(nlp: Language) -> None:
    text = "Der Sicherheitsrat forderte die Regierung Chiles am Montag zum Rücktritt auf."
    found = events_of(nlp, text, "REQUEST")
    assert found and party_of(found[0]["actor"]) == ("UN", "IGO")
    assert party_of(found[0]["recipient"]) == ("CHL", "GOV")


def test_named_party_without_sector_takes_the_types_default(nlp: Language) -> None:
    # an arrested person nothing gives a sector for is a civilian, as an unnamed one would be
    text = "In Peru wächst die Unruhe. Am Freitag wurde Juan Perez in Lima festgenommen."
    found = events_of(nlp, text, "COERCE")
    assert found and party_of(found[0]["recipient"]) == ("PER", "CVL")
    assert found[0]["recipient"]["text"] == "Juan Perez"


def test_criticism_received_names_the_criticised(nlp: Language) -> None:
    # "stieß auf Kritik", "geriet in die Kritik": the light verb's subject is criticised
    text = "Das Gesetz der polnischen Regierung stieß in Deutschland auf heftige Kritik."
    found = events_of(nlp, text, "ACCUSE")
    assert [party_of(e["recipient"]) for e in found] == [("POL", "GOV")]
    text = "Die britische Regierung geriet wegen ihrer Flüchtlingspolitik in die Kritik."
    found = events_of(nlp, text, "ACCUSE")
    assert [party_of(e["recipient"]) for e in found] == [("GBR", "GOV")]
    assert code_of(found[0]["actor"]) is None


def test_criticism_received_keeps_the_critics_of_the_genitive(nlp: Language) -> None:
    text = "Der Plan des französischen Ministers stieß auf scharfe Kritik der Opposition."
    found = events_of(nlp, text, "ACCUSE")
    assert [(party_of(e["actor"]), party_of(e["recipient"])) for e in found] == [
        (("FRA", "OPP"), ("FRA", "GOV"))
    ]
