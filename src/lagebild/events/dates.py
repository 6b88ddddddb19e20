"""Normalise German date expressions against the article date.

"am Donnerstag", "gestern" need the article's date to become a calendar day; "im Februar"
needs its year. Values are ISO strings at the precision the text gives (day, month, year), so
a "2023-09" article never turns into a made-up "2023-09-01". Rules over regular expressions
instead of `dateparser`: a few patterns cover news usage and run in microseconds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.events.event import EventDate

DATA = Path(__file__).resolve().parent / "data" / "dates.json"


@dataclass(frozen=True)
class DateMatch:
    """A date expression found in text: character span and its normalised value."""

    start: int
    end: int
    date: EventDate


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    w = _words()
    months = "|".join(sorted(w["months"], key=len, reverse=True))
    weekdays = "|".join(w["weekdays"])
    rel_days = "|".join(w["relative_days"])
    rel_months = "|".join(re.escape(k) for k in w["relative_months"])
    rel_years = "|".join(re.escape(k) for k in sorted(w["relative_years"], key=len, reverse=True))
    year = r"(?:19|20)\d\d"
    return [
        ("dmy", re.compile(rf"\b(\d{{1,2}})\.\s*({months})\s+({year})\b", re.I)),
        ("dm", re.compile(rf"\b(\d{{1,2}})\.\s*({months})\b", re.I)),
        ("numeric", re.compile(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.({year})\b")),
        ("my", re.compile(rf"\b({months})\s+({year})\b", re.I)),
        ("m", re.compile(rf"\b(?:im|seit|bis|ab|Anfang|Mitte|Ende)\s+({months})\b", re.I)),
        (
            "weekday",
            re.compile(rf"\b(?:am\s+|vergangenen\s+|letzten\s+|diesen\s+)?({weekdays})\b", re.I),
        ),
        ("relday", re.compile(rf"\b({rel_days})\b")),
        ("relmonth", re.compile(rf"\b(?:im\s+)?({rel_months})\b", re.I)),
        ("relyear", re.compile(rf"\b(?:im\s+)?({rel_years})\b", re.I)),
        ("year", re.compile(rf"\b({year})\b(?!\s*[-–]\s*\d)")),
    ]


# the patterns that match text without a digit (the others all need one)
WORD_PATTERNS = ("m", "weekday", "relday", "relmonth", "relyear")


@lru_cache(maxsize=1)
def _word_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, pattern) for kind, pattern in _patterns() if kind in WORD_PATTERNS]


@lru_cache(maxsize=1)
def _date_words() -> re.Pattern[str]:
    """Any of the lower-case words one of which every non-numeric date pattern needs (one
    regex: a single scan of the text instead of one substring search per word)."""
    w = _words()
    keys = [*w["months"], *w["weekdays"], *w["relative_days"]]
    keys += [*w["relative_months"], *w["relative_years"]]
    return re.compile("|".join(re.escape(k.lower()) for k in keys))


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1024)  # pure; called per event with the same article date
def parse_anchor(value: str | None) -> tuple[date | None, str | None]:
    """The article date as a `date` (first day of its period) and its precision."""
    if not value:
        return None, None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None, None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            return date(int(y), int(mo), int(d)), "day"
        if mo:
            return date(int(y), int(mo), 1), "month"
        return date(int(y), 1, 1), "year"
    except ValueError:
        return None, None


def anchor_date(value: str | None) -> EventDate | None:
    """The article date itself as the default event date (its own precision, no text)."""
    anchor, precision = parse_anchor(value)
    if anchor is None or precision is None:
        return None
    return EventDate(value=_format(anchor, precision), precision=precision, text=None)


def _format(day: date, precision: str) -> str:
    if precision == "day":
        return day.isoformat()
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def find_dates(text: str, article_date: str | None, offset: int = 0) -> list[DateMatch]:
    """All date expressions in `text` (non-overlapping, first pattern wins), normalised.

    `offset` is added to the spans (pass the start of the sentence inside the doc).
    """
    if _DIGIT.search(text) is not None:
        patterns = _patterns()
    elif _date_words().search(text.lower()) is not None:
        patterns = _word_patterns()  # the others need a digit
    else:
        return []
    anchor, precision = parse_anchor(article_date)
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _normalise(kind, m, anchor, precision)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMatch(offset + m.start(), offset + m.end(), value))
    found.sort(key=lambda d: d.start)
    return found


def _normalise(
    kind: str, m: re.Match[str], anchor: date | None, precision: str | None
) -> EventDate | None:
    w = _words()
    text = m.group(0)
    if kind == "dmy":
        return _day(int(m.group(3)), w["months"][m.group(2).lower()], int(m.group(1)), text)
    if kind == "numeric":
        return _day(int(m.group(3)), int(m.group(2)), int(m.group(1)), text)
    if kind == "my":
        return EventDate(
            f"{int(m.group(2)):04d}-{w['months'][m.group(1).lower()]:02d}", "month", text
        )
    if kind == "year":
        follow = re.match(r"\s+(\w+)", m.string[m.end() :])
        if follow and follow.group(1).lower() in w["year_not_before"]:
            return None
        return EventDate(m.group(1), "year", text)
    if anchor is None or precision is None:
        return None
    if kind == "dm":
        month = w["months"][m.group(2).lower()]
        year = anchor.year - 1 if month > anchor.month + 1 else anchor.year
        return _day(year, month, int(m.group(1)), text)
    if kind == "m":
        month = w["months"][m.group(1).lower()]
        year = anchor.year - 1 if month > anchor.month + 1 else anchor.year
        return EventDate(f"{year:04d}-{month:02d}", "month", text)
    if kind == "relmonth":
        delta = w["relative_months"][m.group(1).lower()]
        total = anchor.year * 12 + anchor.month - 1 + delta
        return EventDate(f"{total // 12:04d}-{total % 12 + 1:02d}", "month", text)
    if kind == "relyear":
        delta = w["relative_years"][m.group(1).lower()]
        return EventDate(f"{anchor.year + delta:04d}", "year", text)
    if precision != "day":
        # "am Donnerstag" in a month-dated article: the day is unknown, the month is not
        return EventDate(_format(anchor, precision), precision, text)
    if kind == "relday":
        day = anchor + timedelta(days=w["relative_days"][m.group(1)])
        return EventDate(day.isoformat(), "day", text)
    if kind == "weekday":
        target = w["weekdays"][m.group(1).lower()]
        back = (anchor.weekday() - target) % 7
        return EventDate((anchor - timedelta(days=back)).isoformat(), "day", text)
    return None


def upcoming(found: EventDate, article_date: str | None) -> EventDate:
    """A weekday resolved into the past ("am Donnerstag" -> last Thursday) moved to its next
    occurrence: for planned events "am Donnerstag" is the coming Thursday."""
    anchor, precision = parse_anchor(article_date)
    if anchor is None or precision != "day" or found.precision != "day" or not found.text:
        return found
    m = dict(_patterns())["weekday"].fullmatch(found.text)
    if m is None:
        return found
    when = date.fromisoformat(found.value)
    if when >= anchor:
        return found
    ahead = (_words()["weekdays"][m.group(1).lower()] - anchor.weekday()) % 7 or 7
    return EventDate((anchor + timedelta(days=ahead)).isoformat(), "day", found.text)


def _day(year: int, month: int, day: int, text: str) -> EventDate | None:
    try:
        return EventDate(date(year, month, day).isoformat(), "day", text)
    except ValueError:
        return None


def date_interval(value: str) -> tuple[date, date] | None:
    """First and last day covered by an ISO value at any precision."""
    anchor, precision = parse_anchor(value)
    if anchor is None:
        return None
    if precision == "day":
        return anchor, anchor
    if precision == "month":
        nxt = date(anchor.year + (anchor.month == 12), anchor.month % 12 + 1, 1)
        return anchor, nxt - timedelta(days=1)
    return anchor, date(anchor.year, 12, 31)
