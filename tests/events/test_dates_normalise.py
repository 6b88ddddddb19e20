"""Relative and absolute German dates normalised against the article date."""

from __future__ import annotations

import pytest

from lagebild.events.dates import anchor_date, find_dates, upcoming


@pytest.mark.parametrize(
    ("text", "article_date", "value", "precision"),
    [
        ("Sie trafen sich am Donnerstag in Rom.", "2024-03-09", "2024-03-07", "day"),
        ("Das Treffen war gestern.", "2024-03-09", "2024-03-08", "day"),
        ("Der Angriff begann im Februar 2022.", "2023-09", "2022-02", "month"),
        ("Die bereits 2014 besetzte Region", "2023-09", "2014", "year"),
        ("Am 12. März unterzeichneten beide", "2024-03-20", "2024-03-12", "day"),
        ("im Dezember vereinbart", "2024-01-10", "2023-12", "month"),
        ("am Montag", "2023-09", "2023-09", "month"),
    ],
)
def test_dates_normalise(text: str, article_date: str, value: str, precision: str) -> None:
    found = find_dates(text, article_date)
    assert found, text
    assert (found[0].date.value, found[0].date.precision) == (value, precision)


def test_dates_counts_are_not_years() -> None:
    assert find_dates("Rund 2000 Soldaten wurden verlegt.", "2023-01-01") == []


def test_dates_anchor_keeps_precision() -> None:
    date = anchor_date("2023-09")
    assert date is not None and (date.value, date.precision) == ("2023-09", "month")


def test_planned_weekday_is_the_coming_one() -> None:
    (found,) = find_dates("Am Donnerstag ist ein Treffen geplant.", "2006-05-31")
    assert found.date.value == "2006-05-25"
    assert upcoming(found.date, "2006-05-31").value == "2006-06-01"
    (month,) = find_dates("im Februar", "2006-05-31")
    assert upcoming(month.date, "2006-05-31") == month.date
