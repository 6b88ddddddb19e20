"""Generate src/lagebild/entities/kb/countries.jsonl from pycountry + babel + curated data.

Why generated: the list of ISO-3166 countries and their German names is mechanical (pycountry
has the codes and the German translation of the official names, babel the German short
names); what news German needs beyond that — adjectives, capitals, metonyms like "Kreml",
common variants — is hand-curated in scripts/kb_countries_curated.tsv and merged in here.
The output is committed; rerun after editing the TSV:

    python scripts/build_kb_countries.py [--out PATH]

pycountry and babel are build-time tools only; the runtime loader does not import them.
"""

from __future__ import annotations

import argparse
import gettext
import json
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
CURATED = Path(__file__).resolve().parent / "kb_countries_curated.tsv"
OUT = ROOT / "src" / "lagebild" / "entities" / "kb" / "countries.jsonl"

# Codes outside ISO 3166-1 that news treats as countries: (iso3, iso2).
EXTRA_CODES = [("XKX", "XK")]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def read_curated(path: Path) -> dict[str, dict[str, Any]]:
    """Curated rows by ISO-3 code (columns documented in the TSV header)."""
    rows: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 7)[:7]
        iso3, name, aliases, adjectives, capitals, metonyms, wikidata = cells
        rows[iso3.strip()] = {
            "name": name.strip() or None,
            "aliases": _split(aliases),
            "adjectives": _split(adjectives),
            "capitals": _split(capitals),
            "metonyms": _split(metonyms),
            "wikidata": wikidata.strip() or None,
        }
    return rows


def generated_countries() -> list[dict[str, Any]]:
    """One record per ISO-3166 country with the German short and official names."""
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    territories = Locale("de").territories
    out: list[dict[str, Any]] = []
    codes: list[tuple[str, str, Any]] = [(c.alpha_3, c.alpha_2, c) for c in pycountry.countries]
    codes += [(iso3, iso2, None) for iso3, iso2 in EXTRA_CODES]
    for iso3, iso2, country in codes:
        names: list[str] = []
        short = territories.get(iso2)
        if short:
            names.append(short)
        if country is not None:
            names.append(german.gettext(country.name))
            official = getattr(country, "official_name", None)
            if official:
                names.append(german.gettext(official))
        # pycountry lists inverted forms ("Korea, Demokratische Volksrepublik"): not news usage
        names = list(dict.fromkeys(n for n in names if n and ", " not in n))
        out.append({"iso3": iso3, "iso2": iso2, "names": names})
    return out


def build(curated: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge generated names with curated data; curated name wins as canonical name."""
    records: list[dict[str, Any]] = []
    for gen in generated_countries():
        iso3 = str(gen["iso3"])
        names = list(gen["names"])
        cur = curated.get(iso3, {})
        name = cur.get("name") or (names[0] if names else iso3)
        aliases = [n for n in [*names, *cur.get("aliases", [])] if n != name]
        records.append(
            {
                "record": "country",
                "iso3": iso3,
                "iso2": gen["iso2"],
                "name": name,
                "aliases": list(dict.fromkeys(aliases)),
                "adjectives": cur.get("adjectives", []),
                "capitals": cur.get("capitals", []),
                "metonyms": cur.get("metonyms", []),
                "wikidata": cur.get("wikidata"),
                "curated": iso3 in curated,
            }
        )
    missing = set(curated) - {str(r["iso3"]) for r in records}
    if missing:
        raise SystemExit(f"curated codes not in ISO list: {sorted(missing)}")
    return sorted(records, key=lambda r: str(r["iso3"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--curated", type=Path, default=CURATED)
    args = parser.parse_args()
    records = build(read_curated(args.curated))
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    curated = sum(1 for r in records if r["curated"])
    print(f"{len(records)} countries ({curated} curated) -> {args.out}")


if __name__ == "__main__":
    main()
