from __future__ import annotations

import pytest

from lagebild.read.text import clean_line, is_subhead, parse_text_article

ARTICLE = (
    " date 2024-03 (Foto: Beispielagentur / Erika Muster)\n\n"
    "Regierung plant neues Gesetz\n\n"
    "Die Koalition will das Gesetz bis zum Sommer beschließen. Die Opposition ist skeptisch.\n\n"
    "Die Ministerin stellte den Entwurf am Dienstag vor. Er soll Ende Mai beraten werden. ´\n\n"
    "Kritik aus den Ländern\n\n"
    "Mehrere Länder äußerten Bedenken. Sie fordern mehr Geld vom Bund.\n"
)


def test_text_header_date_and_credit() -> None:
    article = parse_text_article(ARTICLE, "x.txt")
    assert article.date == "2024-03"
    assert article.credits == ["Foto: Beispielagentur / Erika Muster"]
    assert "Foto" not in article.text
    assert "Beispielagentur" not in article.text


def test_text_blocks_title_teaser_subhead() -> None:
    article = parse_text_article(ARTICLE, "x.txt")
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["title", "teaser", "paragraph", "subhead", "paragraph"]
    assert article.title == "Regierung plant neues Gesetz"
    assert article.teaser is not None and article.teaser.startswith("Die Koalition")
    subhead = article.blocks[3]
    assert article.text[subhead.start : subhead.end] == "Kritik aus den Ländern"


def test_text_block_offsets_cut_text_exactly() -> None:
    article = parse_text_article(ARTICLE, "x.txt")
    for block in article.blocks:
        piece = article.text[block.start : block.end]
        assert piece == piece.strip() and piece
    assert "´" not in article.text
    assert article.text[article.blocks[2].start :].startswith("Die Ministerin")


def test_text_without_header_or_blank_lines() -> None:
    raw = "Titel der Meldung\nErster Absatz mit Inhalt.\nZweiter Absatz mit mehr Inhalt.\n"
    article = parse_text_article(raw, "y.txt")
    assert article.date is None
    assert [b.kind for b in article.blocks] == ["title", "teaser", "paragraph"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Streit über Munition", True), ("Das ist ein ganzer Satz.", False), ("Warum?", False)],
)
def test_text_subhead_shape(line: str, expected: bool) -> None:
    assert is_subhead(line) is expected


def test_text_stray_accent_replaced_in_place() -> None:
    assert clean_line("Wort ´ weiter") == "Wort   weiter"
    assert clean_line("José´s") == "José´s"  # an accent touching letters is text, not debris


def test_text_seed_article(seed_path) -> None:  # type: ignore[no-untyped-def]
    article = parse_text_article(seed_path.read_text(encoding="utf-8"), str(seed_path))
    assert article.date == "2023-09"
    assert [b.kind for b in article.blocks].count("subhead") == 2
    assert article.credits and article.credits[0].startswith("Foto:")
    assert "(Foto" not in article.text
