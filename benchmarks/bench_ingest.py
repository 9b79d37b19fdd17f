"""How fast does read_source parse a 30,000-row Connections.csv (LinkedIn's cap)?

Writes a synthetic file (preamble, URL header, ~2% hidden-member rows, names with
credentials and emoji) to a temporary folder, then prints the best of three timings and
the peak Python memory (tracemalloc) of ``read_source``. Target: well under 0.3 s.
It then does the same for an archive folder holding that file plus a 50,000-message
messages.csv (2026 generation: every field quoted, multi-line content).

Run: ``.venv/bin/python benchmarks/bench_ingest.py [ROWS] [MESSAGES]``
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


def write_messages(path: Path, rows: int, people: int = 3000, seed: int = 11) -> None:
    """A synthetic messages.csv: one-to-one conversations between me and ``people`` others."""
    rng = random.Random(seed)
    me = "https://www.linkedin.com/in/me-myself"
    header = [
        "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
        "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
        "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT",
    ]
    start = dt.datetime(2024, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
        writer.writerow(header)
        for _ in range(rows):
            who = rng.randrange(people)
            url = f"https://www.linkedin.com/in/person-{who}"
            when = (start + dt.timedelta(seconds=rng.randrange(60_000_000))).strftime("%Y-%m-%d %H:%M:%S UTC")
            body = "Hello,\nthanks for the chat!\n\nBest"
            if rng.random() < 0.5:
                row = [f"c{who}", "", "Me Myself", me, f"Person {who}", url, when, "", body, "INBOX", "", "No", "No"]
            else:
                row = [f"c{who}", "", f"Person {who}", url, "Me Myself", me, when, "", body, "INBOX", "", "No", "No"]
            writer.writerow(row)


def measure(path: Path) -> tuple[float, float, object]:
    """(best seconds of three, peak MiB, result) of read_source(path)."""
    read_source(path)  # warm imports and caches
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        parsed = read_source(path)
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    read_source(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak / 2**20, parsed


def main(rows: int = 30_000, messages: int = 50_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "Basic_LinkedInDataExport_01-01-2026"
        folder.mkdir()
        path = folder / "Connections.csv"
        write_connections(path, rows)
        seconds, peak, parsed = measure(path)
        print(
            f"read_source(Connections.csv): {rows:,} rows -> {len(parsed.connections):,} people, "
            f"{sum(s.count for s in parsed.skipped):,} skipped in {seconds:.3f} s; peak memory {peak:.1f} MiB"
        )
        write_messages(folder / "messages.csv", messages)
        seconds, peak, parsed = measure(folder)
        print(
            f"read_source(archive folder): {rows:,} connections + {messages:,} messages -> "
            f"{len(parsed.interactions):,} counterparts in {seconds:.3f} s; peak memory {peak:.1f} MiB"
        )


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
