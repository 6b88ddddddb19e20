"""Party codes and roles on sentences we wrote ourselves, through the real pipeline: country
names inflected inside a phrase, the case an article shows against its noun's gender, the
dative that controls a zu-infinitive, the host of a state visit, civilian group nouns,
platform companies, a quoted name after its group noun, nationality nouns, parliamentary
groups, the judiciary implied by an investigation, the author of a demand that a stance is
about."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import events_of, party_of

# (text, event type, role, expected (code, sector)) — one rule per row, sentences our own
PARTY_CASES = [
    pytest.param(
        # the inflected multi-word name is the DR Congo, not its neighbour "Kongo"
        "Die Armee der Demokratischen Republik Kongo griff am Montag Rebellen bei Goma an.",
        "ASSAULT", "actor", ("COD", "MIL"), id="inflected-country-name",
    ),
    pytest.param(
        # "der" before a feminine noun is dative or genitive, never the subject
        "Der Oppositionsführer sprach vor Anhängern in Niamey. Er dankte der Junta für ihr "
        "Eingreifen.",
        "SUPPORT", "recipient", ("NER", "MIL"), id="der-feminine-is-dative",
    ),
    pytest.param(
        # a clause without a subject: its dative does what the zu-infinitive says
        "In Chile wächst der Streit. Der Gewerkschaft wird vorgeworfen, ein Abkommen mit "
        "Argentinien blockiert zu haben.",
        "AGREE", "actor", ("CHL", "LAB"), id="dative-controls-infinitive",
    ),
    pytest.param(
        # a state visit's host: the country it goes to
        "Der Staatsbesuch des chilenischen Präsidenten in Peru begann am Montag.",
        "CONSULT", "recipient", ("PER", "GOV"), id="state-visit-in-country",
    ),
    pytest.param(
        # the German spelling of the late Queen's name links to the KB
        "Am Mittwoch begann der Staatsbesuch des Präsidenten Chiles in Großbritannien mit "
        "einem Empfang bei Königin Elisabeth II. im Schloss.",
        "CONSULT", "recipient", ("GBR", "GOV"), id="state-visit-host-queen",
    ),
    pytest.param(
        # nominalised adjective of a civilian group as the dative of a threat
        "In Kroatien wächst die Sorge. Eine rechte Gruppe hatte den Homosexuellen in Zagreb "
        "offen gedroht.",
        "THREATEN", "recipient", ("HRV", "CVL"), id="group-noun-homosexuals",
    ),
    pytest.param(
        # victims ("Opfer", "Kriegsopfer") are civilians
        "In Kroatien wächst die Sorge. Die Regierung entschuldigte sich am Montag bei den "
        "Kriegsopfern.",
        "CONCEDE", "recipient", ("HRV", "CVL"), id="group-noun-victims",
    ),
    pytest.param(
        # a US platform is a US business wherever the article is set
        "Die Regierung in Paris hat Google aufgefordert, die Daten von drei Nutzern "
        "herauszugeben.",
        "REQUEST", "recipient", ("USA", "BUS"), id="kb-platform-company",
    ),
    pytest.param(
        # a quoted name after its group noun is one phrase, of that noun's sector
        "In Österreich wächst der Streit. Die Wochenzeitschrift „Neue Rundschau“ hatte im "
        "Mai die Regierung scharf kritisiert.",
        "ACCUSE", "actor", ("AUT", "JRN"), id="quoted-name-after-group-noun",
    ),
    pytest.param(
        # people named by their nationality are civilians
        "Mehrere hundert Chilenen forderten am Montag in Santiago höhere Löhne von der "
        "Regierung.",
        "REQUEST", "actor", ("CHL", "CVL"), id="demonym-group-is-civilian",
    ),
    pytest.param(
        # the owner of a criticised decision: a parliamentary group's leadership
        "In Chile wächst der Streit. Der Innenminister hat die Entscheidung der "
        "Fraktionsspitze scharf kritisiert.",
        "ACCUSE", "recipient", ("CHL", "LEG"), id="group-noun-parliamentary-group",
    ),
    pytest.param(
        # an investigation that names no investigator is the judiciary's
        "In Chile wächst der Streit. Im Rahmen von Ermittlungen gegen zwei Reporter wegen "
        "Geheimnisverrats wurde am Montag ein Gutachten bekannt.",
        "ACCUSE", "actor", ("CHL", "JUD"), id="investigation-implies-judiciary",
    ),
    pytest.param(
        # a stance on an earlier demand is aimed at the one who demanded it
        "In Chile wächst der Streit. Die chilenische Opposition verlangte am Montag "
        "Neuwahlen. Die Regierung wies die Forderung am Dienstag zurück.",
        "REJECT", "recipient", ("CHL", "OPP"), id="rejected-demand-aims-at-its-author",
    ),
    pytest.param(
        "Der chilenische Präsident fordert Hilfen von Argentinien. Mehrere chilenische "
        "Zeitungen unterstützten die Forderungen.",
        "SUPPORT", "recipient", ("CHL", "GOV"), id="supported-demand-aims-at-its-author",
    ),
    pytest.param(
        # condemning an attack reported before is aimed at the attackers
        "In Afghanistan wächst die Gewalt. Die Taliban griffen am Montag eine Polizeiwache an. "
        "Die Regierung verurteilte den Angriff scharf.",
        "ACCUSE", "recipient", ("AFG", "REB"), id="condemned-attack-aims-at-its-author",
    ),
]


@pytest.mark.parametrize(("text", "etype", "role", "expected"), PARTY_CASES)
def test_party(nlp: Language, text: str, etype: str, role: str, expected: tuple[str, str]) -> None:
    found = events_of(nlp, text, etype)
    assert found and party_of(found[0][role]) == expected


def test_word_taken_for_unknown_place_is_no_party(nlp: Language) -> None:
    """A common noun the tagger reads as a place that no KB or gazetteer knows ("Neuwahlen")
    is no subject of the demand: the actor stays open instead of naming it."""
    found = events_of(
        nlp, "In Griechenland wächst der Streit. Die Opposition lehnte Gespräche ab. Sie "
        "verlangt weiter den Rücktritt des Premierministers sowie Neuwahlen.", "REQUEST",
    )
    assert found
    assert found[0]["actor"] is None
    assert party_of(found[0]["recipient"]) == ("GRC", "GOV")


def test_threatened_attacks_are_the_threat_aimed_at_their_target(nlp: Language) -> None:
    """ "hat Anschläge auf X angedroht": the attacks are what was threatened, no event of their
    own (nor is "die Anschläge" referring back to them), and their target is the threat's."""
    found = events_of(
        nlp, "In einer Videobotschaft hat ein Anführer der Rebellen neue Anschläge auf "
        "Kolumbien angedroht. Anlass für die Anschläge seien die Festnahmen der letzten Woche.",
    )
    assert [e["type"] for e in found] == ["THREATEN"]
    assert party_of(found[0]["recipient"]) == ("COL", "GOV")
