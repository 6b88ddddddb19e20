"""Round 7 precision rules: words that name no happening where they stand (labels,
infinitives of frame nouns and purposes, warnings of a danger, needs, charges, values, calls
to a protest, indirect questions, statements about a noun, titles of related articles) and
the lexicon entries added with them; round 9: casualty tolls, trials as a setting, "sich
weigern". All sentences are our own; each "absent" trigger was an event before its rule."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.analysed import events_of, triggers_of


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a label: the second accusative of "nennen", an "als" predicate, "es handelt sich um"
        ("Der Präsident der Union nannte dies einen Militärputsch.", "Militärputsch"),
        ("Der Minister bezeichnete den Einsatz als Angriff auf die Demokratie.", "Angriff"),
        ("Bei dem Gipfel in Oslo handelt es sich um ein Treffen der Außenminister.", "Treffen"),
        # the zu-infinitive of a frame noun, an "um … zu" purpose without a definite article
        (
            "Die Regierung erklärte ihre Bereitschaft, Gespräche mit dem Iran über das "
            "Atomprogramm zu führen.",
            "Gespräche",
        ),
        (
            "Karsai sagte, sein Land müsse das Recht haben, gegen die Angriffe der Taliban "
            "vorzugehen, die vom Nachbarland ausgehen.",
            "Angriffe",
        ),
        (
            "Der Rat beschloss eine Flugverbotszone, um die Luftwaffe von Angriffen auf die "
            "Zivilbevölkerung abzuhalten.",
            "Angriffen",
        ),
        # a warning of a danger is no threat
        ("Die Warnungen der deutschen Behörden hätten den Bauern geschadet.", "Warnungen"),
        # what is needed, what is suspended
        ("Die Einwohner benötigen die Hilfe anderer Staaten.", "Hilfe"),
        # the charge of an accusation
        ("Der Präsident bezichtigte die Türken des Völkermordes.", "Völkermordes"),
        # a call to a protest is the protest's organisation, no request of its own
        (
            "Die Polizei zählte 3000 Teilnehmer bei der Demonstration, zu der ein Bündnis von "
            "Gruppen aufgerufen hatte.",
            "aufgerufen",
        ),
        (
            "Die Partei hatte zu einer Großdemonstration vom Stadion zur Hauptstraße, einer der "
            "großen Einkaufsstraßen der Stadt, aufgerufen.",
            "aufgerufen",
        ),
        # support or rejection of a value is a stance, no event
        (
            "Der Bürgermeister sagte: „Paris unterstützt die Menschenrechte auf der ganzen Welt.“",
            "unterstützt",
        ),
        ("Die Splittergruppe lehnt den Frieden zwischen den Gemeinschaften ab.", "lehnt"),
        # a noun in an indirect question, the subject of a statement about it
        (
            "Die Gesellschaft ist gespalten über die Frage, ob Verhandlungen mit den Rebellen "
            "der richtige Weg seien.",
            "Verhandlungen",
        ),
        ("Die Verhandlungen mit der Türkei sind seit langem ein Streitpunkt.", "Verhandlungen"),
    ],
)
def test_no_event(nlp: Language, text: str, absent: str) -> None:
    assert all(trig != absent for _, trig in triggers_of(nlp, text))


def test_suspended_support_is_no_support(nlp: Language) -> None:
    text = "Die beiden Länder kündigten an, ihre finanzielle Unterstützung auszusetzen."
    assert not events_of(nlp, text, "SUPPORT")


def test_related_article_title_is_no_report(nlp: Language) -> None:
    text = (
        "Der Politiker wurde am Montag festgenommen.\n\nVerwandte Artikel\n"
        "Politiker zu Haft verurteilt (12.10.2030)"
    )
    assert triggers_of(nlp, text) == [("COERCE", "festgenommen")]


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        # the rules leave real events alone
        ("Der Minister bezeichnete den Angriff der Armee als Verbrechen.", "ACCUSE", "bezeichnete"),
        ("Die Regierung unterstützt die Opposition.", "SUPPORT", "unterstützt"),
        (
            "Die Rebellen griffen am Montag eine Kaserne an, um Waffen zu erbeuten.",
            "ASSAULT",
            "griffen",
        ),
        ("Die Polizei nannte die Namen der Festgenommenen.", None, None),
        # lexicon: suggestions, admonitions, complaints, charges, a no-fly zone
        (
            "Ein Sprecher der Union regte die Einberufung einer Sitzung an.",
            "REQUEST",
            "regte",
        ),
        ("Der Premierminister mahnte zu einem verantwortungsvollen Haushalt.", "REQUEST", "mahnte"),
        ("Wahlbeobachter monieren Unregelmäßigkeiten bei der Wahl.", "ACCUSE", "monieren"),
        ("Der Präsident bezichtigte die Türken des Völkermordes.", "ACCUSE", "bezichtigte"),
        (
            "Der Sicherheitsrat richtete über Libyen eine Flugverbotszone ein.",
            "COERCE",
            "Flugverbotszone",
        ),
        # round 9 lexicon: "sich weigern" is a refusal
        (
            "Die Opposition in Serbien weigert sich, das Ergebnis der Wahl anzuerkennen.",
            "REJECT",
            "weigert",
        ),
    ],
)
def test_still_events(nlp: Language, text: str, etype: str | None, trigger: str | None) -> None:
    found = triggers_of(nlp, text)
    if etype is None:
        assert found == [] or all(t != "Festgenommenen" for _, t in found)
    else:
        assert (etype, trigger) in found


def test_suggestion_needs_a_measure(nlp: Language) -> None:
    # "anregen" without a proposal noun ("regte sich auf") is no request
    assert not events_of(nlp, "Der Minister regte sich über die Entscheidung auf.", "REQUEST")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # round 9: "fordern" with the dead or injured is a toll, no request
        ("Das schwere Erdbeben im Norden des Landes forderte mehr als 300 Todesopfer.", "forderte"),
        (
            "Zwölf Tote und zahlreiche Verletzte forderte am Montag ein Bombenanschlag auf "
            "einen Markt in Bagdad.",
            "forderte",
        ),
        # a trial under locative "in" is the setting of what happened in it
        (
            "Im Prozess gegen den ukrainischen Oppositionsführer sagte am Montag ein Zeuge aus.",
            "Prozess",
        ),
        (
            "In dem Prozess vor einem Militärgericht in Kiew wurde der ukrainische Offizier "
            "degradiert.",
            "Prozess",
        ),
    ],
)
def test_toll_and_trial_setting_are_no_events(nlp: Language, text: str, absent: str) -> None:
    assert all(trig != absent for _, trig in triggers_of(nlp, text))


def test_attack_with_a_toll_happened(nlp: Language) -> None:
    # the attack that "claimed" the dead is reported as happened, not as demanded
    text = "Acht Tote forderte am Dienstag ein Anschlag auf einen Bus in Russland."
    assert not events_of(nlp, text, "REQUEST")
    attacks = events_of(nlp, text, "ASSAULT")
    assert [e["status"] for e in attacks] == ["happened"]


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        (
            "Die Angehörigen forderten von der Regierung eine Entschädigung für die Opfer "
            "des Anschlags.",
            "REQUEST",
            "forderten",
        ),
        (
            "Der Prozess gegen den früheren Innenminister begann am Montag in Kiew.",
            "ACCUSE",
            "Prozess",
        ),
    ],
)
def test_demands_and_trials_stay_events(nlp: Language, text: str, etype: str, trigger: str) -> None:
    assert (etype, trigger) in triggers_of(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Die Opfer forderten Aufklärung.",
        "Die Verletzten forderten von der Polizei eine Entschädigung.",
    ],
)
def test_victims_demanding_is_a_request(nlp: Language, text: str) -> None:
    # casualties as the subject of "fordern" are the ones who demand, no toll
    assert events_of(nlp, text, "REQUEST")


def test_attack_named_by_its_toll_is_reported(nlp: Language) -> None:
    # the toll asserts the attack, though no party is named and the noun is definite
    text = "Der Anschlag auf den Bus forderte am Montag acht Tote."
    assert [e["status"] for e in events_of(nlp, text, "ASSAULT")] == ["happened"]
    assert not events_of(nlp, text, "REQUEST")


def test_toll_read_as_oblique_is_no_request(nlp: Language) -> None:
    text = "Ein Bombenanschlag in Bagdad hat am Montag zwölf Menschenleben gefordert."
    assert not events_of(nlp, text, "REQUEST")
    assert events_of(nlp, text, "ASSAULT")
