from __future__ import annotations

import pytest
import spacy

from lagebild.nlp.sentences import sentence_starts


@pytest.fixture(scope="module")
def blank():  # type: ignore[no-untyped-def]
    return spacy.blank("de")


def sentences(blank, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = blank(text)
    starts = [i for i, flag in enumerate(sentence_starts(doc)) if flag] + [len(doc)]
    return [doc[a:b].text.strip() for a, b in zip(starts, starts[1:], strict=False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Am 3. Oktober sprach Dr. Meier in Nr. 5 der Reihe. Danach ging er.",
            ["Am 3. Oktober sprach Dr. Meier in Nr. 5 der Reihe.", "Danach ging er."],
        ),
        (
            "Es gibt z. B. Äpfel. Und Birnen.",
            ["Es gibt z. B. Äpfel.", "Und Birnen."],
        ),
        (
            "Sie sagte: „Wir kommen. Wir bleiben.“ Dann ging sie.",
            ["Sie sagte: „Wir kommen. Wir bleiben.“", "Dann ging sie."],
        ),
        (
            "»Das reicht nicht. Nie«, sagte er. «Gut so», rief sie.",
            ["»Das reicht nicht. Nie«, sagte er.", "«Gut so», rief sie."],
        ),
        (
            '"Wir prüfen das. Sorgfältig", sagte die Sprecherin. Mehr nicht.',
            ['"Wir prüfen das. Sorgfältig", sagte die Sprecherin.', "Mehr nicht."],
        ),
        (
            "Überschrift ohne Punkt\n\nErster Satz. Zweiter Satz!",
            ["Überschrift ohne Punkt", "Erster Satz.", "Zweiter Satz!"],
        ),
    ],
)
def test_sentences_german_rules(blank, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sentences(blank, text) == expected


def test_sentences_unclosed_quote_ends_at_paragraph(blank) -> None:  # type: ignore[no-untyped-def]
    text = "Er sagte: „Wir kommen. Das ist klar.\n\nNeuer Absatz. Noch ein Satz."
    assert sentences(blank, text)[-2:] == ["Neuer Absatz.", "Noch ein Satz."]
