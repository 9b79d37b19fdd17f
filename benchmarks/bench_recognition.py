"""Benchmark: recognising 100,000 pooled people (company + title) at once, and the data cost.

Issue targets: recognising 100,000 pooled people (industry from the company, function and
seniority from the title, colleagues' titles pooled per company) in <= 1 s; loading the
bundled data <= 0.3 s, lazily; bundled data <= 15 MB in the wheel. Accuracy on the
development sets is printed by ``bench_companies.py`` and ``bench_titles.py``, and on the
sealed blind sets by ``bench_blind.py``.

Prints:
- the cold import + load of everything recognition needs, in a fresh child process (best of 3);
- ``recognise_people`` on 100,000 rows (~30,000 distinct companies, ~40,000 distinct titles):
  the first run (every name new) and the best of two more (per-name caches warm), wall and
  CPU, with the shares recognised by source;
- the size of the bundled data files and of the whole ``netanalytics/data`` folder.

    .venv/bin/python benchmarks/bench_recognition.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from benchmarks.bench_companies import synthetic_names
from benchmarks.bench_titles import pooled_titles
from netanalytics.recognition.recognise import recognise_people

DATA = Path(__file__).resolve().parent.parent / "netanalytics" / "data"


def cold_load() -> float:
    """Seconds to import the recogniser and recognise one person, in a fresh process."""
    code = (
        "import time; t0 = time.perf_counter();"
        "import pandas as pd;"
        "t1 = time.perf_counter();"
        "from netanalytics.recognition.recognise import recognise_people;"
        "recognise_people(pd.Series(['Stripe']), pd.Series(['Sr. PM']));"
        "print(time.perf_counter() - t1)"
    )
    best = float("inf")
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        best = min(best, float(out.stdout.split()[-1]))
    return best


def pooled_people(rows: int, seed: int = 11) -> tuple[pd.Series, pd.Series]:
    """Companies (Zipf-like repeats, 1% blank) and titles for ``rows`` pooled people."""
    rng = random.Random(seed)
    distinct = synthetic_names(rows * 3 // 10)
    weights = [1.0 / (i + 1) ** 0.6 for i in range(len(distinct))]
    companies = pd.Series(rng.choices(distinct, weights=weights, k=rows), dtype=object)
    companies.iloc[::97] = None
    titles = pooled_titles(rows, min(40_000, rows * 2 // 5)).reset_index(drop=True)
    return companies, titles


def speed(rows: int) -> None:
    companies, titles = pooled_people(rows)
    recognise_people(pd.Series(["warm-up"]), pd.Series(["warm-up"]))  # load the data once
    timings = []
    out = None
    for _ in range(3):  # the first run meets every name for the first time; later ones reuse caches
        started, cpu = time.perf_counter(), time.process_time()
        out = recognise_people(companies, titles)
        timings.append((time.perf_counter() - started, time.process_time() - cpu))
    (first, first_cpu), warm = timings[0], min(timings[1:])
    print(f"recognise_people: {rows:,} rows ({companies.nunique():,} distinct companies, "
          f"{titles.nunique():,} distinct titles): first run {first:.3f} s wall, {first_cpu:.3f} s CPU "
          f"[target <= 1 s]; again {warm[0]:.3f} s wall, {warm[1]:.3f} s CPU")
    assert out is not None
    shares = out["industry_source"].value_counts(normalize=True)
    print("  industry known:", f"{out['industry'].notna().mean():.1%};",
          ", ".join(f"{k} {v:.1%}" for k, v in shares.items()))
    print("  function known:", f"{out['function'].notna().mean():.1%};",
          "seniority known:", f"{out['seniority'].notna().mean():.1%}")


def sizes() -> None:
    files = sorted(p for p in DATA.rglob("*") if p.is_file())
    total = sum(p.stat().st_size for p in files)
    biggest = sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:4]
    print(f"bundled data: {total / 1e6:.2f} MB in {len(files)} files  [target <= 15 MB]; biggest: "
          + ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in biggest))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    print(f"cold load of everything recognition needs (fresh process, pandas excluded): "
          f"{cold_load():.3f} s  [target <= 0.3 s]")
    speed(args.rows)
    sizes()
    return 0


if __name__ == "__main__":
    sys.exit(main())
