"""How fast does read_source parse a 30,000-row Connections.csv (LinkedIn's cap)?

Writes a synthetic file (preamble, URL header, ~2% hidden-member rows, names with
credentials and emoji) to a temporary folder, then prints the seconds and the peak
Python memory (tracemalloc) of ``read_source``. Target: well under 0.3 s.

Run: ``.venv/bin/python benchmarks/bench_ingest.py [ROWS]``
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from netanalytics.ingest import read_source

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n\n'
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]


def write_connections(path: Path, rows: int, seed: int = 7) -> None:
    """A synthetic Connections.csv with ``rows`` data rows."""
    rng = random.Random(seed)
    firsts = ["Ada", "Bo", "Chidi", "Dana", "Émile", "Farah", "Gus", "Hana", "Ivo", "Jun"]
    lasts = ["Lee", "Okafor, MBA", "Nguyen (she/her)", "Müller", "Smith 🚀", "Zhang\u200b", "Diaz"]
    companies = [f"Company {i} " for i in range(400)] + [""] * 40
    positions = [f"Role {i}" for i in range(300)] + [""] * 30
    start = dt.date(2010, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(PREAMBLE)
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for i in range(rows):
            day = (start + dt.timedelta(days=rng.randrange(5800))).strftime("%d %b %Y")
            if rng.random() < 0.02:
                writer.writerow(["", "", "", "", "", "", day])
                continue
            first, last = rng.choice(firsts), rng.choice(lasts)
            url = f"https://www.linkedin.com/in/{first.lower()}-{i}"
            writer.writerow([first, last, url, "", rng.choice(companies), rng.choice(positions), day])


def main(rows: int = 30_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Connections.csv"
        write_connections(path, rows)
        read_source(path)  # warm imports
        started = time.perf_counter()
        parsed = read_source(path)
        seconds = time.perf_counter() - started
        tracemalloc.start()
        read_source(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(
        f"read_source: {rows:,} rows -> {len(parsed.connections):,} people, "
        f"{sum(s.count for s in parsed.skipped):,} skipped in {seconds:.3f} s; "
        f"peak memory {peak / 2**20:.1f} MiB ({path.name}, {parsed.kind})"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30_000)
