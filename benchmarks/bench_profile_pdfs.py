"""How fast are saved LinkedIn profile PDFs read? Target: a folder of 200 in well under 20 s.

Draws 200 invented profiles in LinkedIn's layout (2-4 pages each, with the test suite's
builder, which needs reportlab from the dev extras), writes them to a temporary folder,
then prints the best of three timings of ``read_profile_pdfs`` on the folder, the time per
profile, and the peak Python memory (tracemalloc) of one run.

Run: ``.venv/bin/python benchmarks/bench_profile_pdfs.py [COUNT]``
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from netanalytics.ingest.profile_pdf import Experience, YearMonth, read_profile_pdfs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


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
        record = replace(base, name=f"Invented Person {i}", profile_url=f"https://www.linkedin.com/in/invented-{i}", experiences=roles)
        data = profile_pdf_bytes(record)
        (folder / f"profile-{i:03d}.pdf").write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
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
        print(f"read_profile_pdfs(folder): {best:.2f} s best of 3 ({best / count * 1000:.1f} ms per profile; target <= 20 s for 200)")
        print(f"{entries} experience entries read; peak Python memory {peak / 1024 / 1024:.1f} MB")
    return 0 if best <= 20.0 * count / 200 else 1


if __name__ == "__main__":
    sys.exit(main())
