"""How fast are free-text locations normalised? Target: 100,000 strings (~5,000 distinct) in <= 1 s.

Prints the first load of the place data (GeoNames cities, regions, countries, metros; done
once per process), the size of the data files it reads, and the best of three timings of
``normalize_locations`` over 100,000 location strings with ~5,000 distinct values in
LinkedIn's and people's own forms (after the first load, with a fresh per-value cache
each run, so every distinct value is resolved again).

Run: ``.venv/bin/python benchmarks/bench_places.py [ROWS] [DISTINCT]``
"""

from __future__ import annotations

import random
import sys
import time

import pandas as pd

from netanalytics.recognition import places

FORMS = [
    "{city}, {region}, {country}",
    "{city}, {region}",
    "{city}",
    "Greater {city} Area",
    "{city} Metropolitan Area",
    "{city}, {country}",
    "{city} ({remote})",
]
EXTRA = [
    "Greater Seattle Area", "San Francisco Bay Area", "Remote", "Earth", "EMEA", "", "Île-de-France, France",
    "London Area, United Kingdom", "München", "Zürich", "Ciudad de México", "Bangalore", "Worldwide",
]


def location_strings(rows: int, distinct: int, seed: int = 5) -> pd.Series:
    """``rows`` location strings drawn (Zipf-like) from about ``distinct`` different values."""
    rng = random.Random(seed)
    g = places._gazetteer()
    big = [int(i) for i in g.population.argsort()[::-1][:3000]]
    values: list[str] = list(EXTRA)
    while len(values) < distinct:
        row = rng.choice(big)
        city, cc = str(g.names[row]), str(g.country[row])
        region = g.region_names.get((cc, str(g.admin1[row])), "")
        country = g.country_names.get(cc, cc)
        form = rng.choice(FORMS)
        text = form.format(city=city, region=region, country=country, remote="Remote")
        if rng.random() < 0.1:
            text = text.upper()
        if rng.random() < 0.05:
            text = text + " ✈"
        values.append(text)
    weights = [1 / (i + 1) for i in range(len(values))]
    return pd.Series(rng.choices(values, weights=weights, k=rows), dtype=object)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    rows = int(argv[0]) if argv else 100_000
    distinct = int(argv[1]) if len(argv) > 1 else 5_000
    started = time.perf_counter()
    places.load_places()
    load = time.perf_counter() - started
    size = sum(p.stat().st_size for p in places.place_data_files())
    print(f"first load of the place data: {load:.2f} s ({size / 1024 / 1024:.1f} MB of data files read)")
    for path in places.place_data_files():
        print(f"  {path.name}: {path.stat().st_size / 1024:,.0f} kB")
    values = location_strings(rows, distinct)
    print(f"{len(values):,} location strings, {values.nunique():,} distinct")
    best = float("inf")
    for _ in range(3):
        places._resolve.cache_clear()
        started = time.perf_counter()
        frame = places.normalize_locations(values)
        best = min(best, time.perf_counter() - started)
    known = frame["kind"].notna().mean()
    print(f"normalize_locations: {best:.2f} s best of 3 (target <= 1 s); {known:.0%} of rows resolved to a place")
    print(f"places with a metro: {frame['metro'].notna().mean():.0%}; kinds: {frame['kind'].value_counts().to_dict()}")
    return 0 if best <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
