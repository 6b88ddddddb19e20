"""The shipped gazetteer (data/gazetteer.tsv.gz, GeoNames CC BY 4.0): fast to load, German
names resolve, the largest city wins a shared name."""

from __future__ import annotations

import time

from lagebild.events.geocode import GAZETTEER_PATH, read_gazetteer


def test_gazetteer_loads_fast_and_resolves_german_names() -> None:
    start = time.perf_counter()
    cities, countries = read_gazetteer(GAZETTEER_PATH)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.5  # about 0.2 s on a quiet machine; generous for shared CI cores
    moscow = cities.get("moskau")
    assert moscow is not None and moscow.country == "RUS" and moscow.geonameid == 524901
    madrid = cities.get("madrid")  # a Colombian town shares the name
    assert madrid is not None and madrid.country == "ESP"
    assert cities.get("gibtesnichtstadt") is None
    assert countries["DEU"] == 2921044


def test_gazetteer_header_keeps_attribution() -> None:
    import gzip

    head = gzip.decompress(GAZETTEER_PATH.read_bytes()).decode("utf-8")[:600]
    assert "GeoNames" in head and "CC BY 4.0" in head
