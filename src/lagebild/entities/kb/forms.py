"""German surface-form helpers for the knowledge base.

News German inflects names and role nouns ("Putins", "Russlands", "des Präsidenten",
"nordkoreanischen"); the KB stores base forms only and derives the inflected ones here, so
the data files stay small and a curator never has to list case forms by hand.
"""

from __future__ import annotations

import datetime as dt

# Adjective endings after the stem ("russisch" + "e", "en", "er", "es", "em").
ADJECTIVE_ENDINGS: tuple[str, ...] = ("", "e", "en", "er", "es", "em")

# Name endings that take no genitive -s in German ("der Ukraine", "der Türkei", "der USA",
# "des Kosovo" is the exception news writes both ways; "Scholz'" takes an apostrophe).
_NO_GENITIVE_S = ("s", "ß", "x", "z", "ce", "e", "ei", "en")


def genitive_forms(name: str) -> tuple[str, ...]:
    """Genitive surface forms of a proper name ("Putin" -> "Putins"; "Scholz" -> "Scholz'").

    Only the last word is inflected, which is what news does with personal names
    ("Wladimir Putins"). Names that end in a sibilant get an apostrophe instead. Names whose
    last word is all upper case (acronyms: "USA", "NATO") or that end in a vowel pattern
    typical of feminine/plural country names get no genitive form.
    """
    if not name or name.isupper() or name[-1].isdigit():
        return ()
    if name.endswith(("s", "ß", "x", "z")):
        return (name + "'",)
    if name.endswith(_NO_GENITIVE_S):
        return ()
    return (name + "s",)


def country_genitive_forms(name: str) -> tuple[str, ...]:
    """Genitive forms of a country name: single-word names only ("Russlands", "Irans").

    Multi-word names ("Vereinigtes Königreich") inflect their adjective too and are left to
    the curated aliases; sibilant endings get no form ("Belarus" stays "Belarus").
    """
    if " " in name or name.isupper() or name.endswith(("s", "ß", "x", "z")):
        return ()
    return genitive_forms(name)


def strip_genitive(text: str) -> tuple[str, ...]:
    """Candidate base forms of a possibly genitive name ("Putins" -> "Putin", "Scholz'" ->
    "Scholz"); the text itself is not included."""
    out: list[str] = []
    if text.endswith("'") and len(text) > 2:
        out.append(text[:-1])
    elif text.endswith("s") and len(text) > 2:
        out.append(text[:-1])
        if text.endswith("es") and len(text) > 3:
            out.append(text[:-2])
    return tuple(out)


def adjective_stem_candidates(word: str) -> tuple[str, ...]:
    """Lower-cased candidate stems of an inflected adjective, longest first.

    "Nordkoreanischen" -> ("nordkoreanischen", "nordkoreanische", "nordkoreanisch").
    """
    low = word.lower()
    out = [low]
    for ending in ("em", "en", "er", "es", "e"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            out.append(low[: -len(ending)])
    return tuple(dict.fromkeys(out))


def noun_forms(base: str, gender: str | None, *, feminine: bool) -> dict[str, str | None]:
    """Inflected forms of a role noun mapped to the gender they signal.

    Base plus -s, -es, -e, -n, -en ("Präsidenten", "Ministern", "Diktatoren", "Staatschefs")
    keep the base's gender; with `feminine`, the -in and -innen forms ("Präsidentin",
    "Kanzlerinnen") map to "f". Over-generation ("Kanzleres") is harmless: the forms are only
    looked up, never produced.
    """
    forms: dict[str, str | None] = {}
    for ending in ("", "s", "es", "e", "n", "en"):
        forms.setdefault(base + ending, gender)
    if feminine:
        fem = base[:-1] + "in" if base.endswith("e") else base + "in"
        forms[fem] = "f"
        forms[fem + "nen"] = "f"
    return forms


def date_interval(value: str | None) -> tuple[int, int] | None:
    """Day-ordinal interval covered by an ISO date of year, month or day precision.

    "2023" -> whole year, "2023-09" -> the month, "2023-09-12" -> that day (a time part is
    ignored). None or an unparseable value gives None; callers decide what an open end means.
    """
    if not value:
        return None
    text = value.strip()[:10]
    parts = text.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
        month = int(parts[1])
        if len(parts) == 2:
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        day = dt.date(year, month, int(parts[2])).toordinal()
        return day, day
    except (ValueError, IndexError):
        return None
