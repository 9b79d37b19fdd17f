"""How fast are saved LinkedIn profile PDFs read and imported? Target: a folder of 200 in <= 20 s.

Draws 200 invented profiles in LinkedIn's layout (2-4 pages each, with the layout the sample
generator uses, ``scripts/linkedin_profile_pdf.py``, which needs reportlab from the dev
extras), writes them to a temporary folder, then prints:

- the best of three timings of ``read_profile_pdfs`` on the folder, the time per profile,
  and the peak Python memory (tracemalloc) of one run;
- the time ``netanalytics import FOLDER`` takes as a library call
  (:meth:`netanalytics.api.Network.add_export`) into a workspace that already holds a
  3,000-person connections list (half of the profiles are of people in it, matched by
  their profile URL; the others are new): reading, matching and writing, in one
  transaction — best of three, each into a fresh copy of the workspace.

Run: ``.venv/bin/python benchmarks/bench_profile_pdfs.py [COUNT]``
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from netanalytics.ingest.profile_pdf import Experience, YearMonth, read_profile_pdfs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

#: The most a folder of 200 profiles may take to import (the issue's target).
TARGET_SECONDS = 20.0


def write_profiles(folder: Path, count: int) -> int:
    """``count`` profile PDFs of varying length; returns their total size in bytes."""
    from pdf_builders import profile_pdf_bytes, sample_profile

    base = sample_profile()
    total = 0
    for i in range(count):
        roles = tuple(
            Experience(
                f"Company {i}-{j}", f"Role {j} of person {i}", YearMonth(2000 + j, 1 + j % 12), None if j == 0 else YearMonth(2001 + j, 3),
                "1 year 2 months", "Seattle, Washington, United States",
                "Led a team of five.\nShipped the new onboarding flow, which cut drop-off by a third." if j % 2 else None,
            )
            for j in range(3 + i % 9)
        )
        record = replace(base, name=f"Invented Person {i}", profile_url=f"https://www.linkedin.com/in/invented-{i}",
                         email=f"invented-{i}@example.com", experiences=roles)
        data = profile_pdf_bytes(record)
        (folder / f"profile-{i:03d}.pdf").write_bytes(data)
        total += len(data)
    return total


def write_connections(path: Path, people: int, count: int) -> None:
    """My Connections.csv: ``people`` rows, of which every other profile's person."""
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(people):
        slug = f"invented-{i}" if i < count and i % 2 == 0 else f"someone-{i}"
        lines.append(f"Person,Number {i},https://www.linkedin.com/in/{slug},,Company {i % 97},Analyst,05 Nov 2023")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_import(folder: Path, tmp: Path, count: int) -> tuple[float, str]:
    """Best of three: importing the folder into a fresh copy of a 3,000-person workspace."""
    import netanalytics as na

    base = tmp / "base"
    connections = tmp / "Connections.csv"
    write_connections(connections, 3_000, count)
    with na.open(base, create=True) as net:
        net.add_export(connections)
    best, summary = float("inf"), ""
    for run in range(3):
        copy = tmp / f"run-{run}"
        shutil.copytree(base, copy)
        with na.open(copy) as net:
            started = time.perf_counter()
            summary = str(net.add_export(folder))
            best = min(best, time.perf_counter() - started)
        shutil.rmtree(copy)
    return best, summary


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "profiles"
        folder.mkdir()
        size = write_profiles(folder, count)
        print(f"{count} profile PDFs, {size / 1024:.0f} kB in all")
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            records = read_profile_pdfs(folder)
            best = min(best, time.perf_counter() - started)
        assert len(records) == count
        entries = sum(len(r.experiences) for r in records)
        tracemalloc.start()
        read_profile_pdfs(folder)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"read_profile_pdfs(folder): {best:.2f} s best of 3 ({best / count * 1000:.1f} ms per profile)")
        print(f"{entries} experience entries read; peak Python memory {peak / 1024 / 1024:.1f} MB")
        imported, summary = bench_import(folder, Path(tmp), count)
        budget = TARGET_SECONDS * count / 200
        print(f"import of the folder into a 3,000-person workspace: {imported:.2f} s best of 3 "
              f"({imported / count * 1000:.1f} ms per profile; target <= {budget:.0f} s): "
              f"{'OK' if imported <= budget else 'TOO SLOW'}")
        print(f"  {summary}")
    return 0 if imported <= budget else 1


if __name__ == "__main__":
    sys.exit(main())
