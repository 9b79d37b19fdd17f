"""Where people are: free-text locations as a place with coordinates and a metro area.

LinkedIn, contact cards and people themselves write places many ways: "Greater Seattle
Area", "Seattle, Washington, United States", "Bellevue, WA", "San Francisco Bay Area",
"London Area, United Kingdom", "Île-de-France, France", "München", "Bangalore", "Remote".
:func:`normalize_location` turns each into a :class:`Place` — a city, a metro area, a region,
a country, or "remote" — or None when the text names no place we know; and
:func:`meeting_mode` says whether two people can meet for **coffee** (both known, within
about 40 km or in the same metro area), need a **video** call (both known, farther, or in
different countries), or whether it is **unknown** (either place unknown, or too vague:
"Remote", a region or a country alone cannot decide a coffee).

Everything is local and offline, built by ``scripts/build_places_data.py`` from pinned
sources and read once per process, on first use (about 0.1 s):

- cities: GeoNames cities of 15,000 people or more with coordinates, population and
  alternate names in many languages (CC BY 4.0; ``netanalytics/data/places_cities.tsv.gz``,
  and their names, already folded, in ``places_city_keys.tsv.gz``);
- first-level regions: GeoNames' region names (``netanalytics/data/places_admin1.tsv``);
- countries and the usual state/province codes ("WA", "ON", "NSW", "SP"): GeoNames' country
  names (``places_countries.tsv``) and ISO 3166 names and codes (``places_iso3166.tsv``),
  plus a short table of other ways to write them;
- metro areas: LinkedIn's own names ("Greater Seattle Area", "Greater Paris Metropolitan
  Region"...) in ``netanalytics/data/places_metros.toml``: each names its anchor cities and a
  radius; a city within the radius of an anchor lies in that metro.

**Ambiguous names** ("Portland": Oregon or Maine; "Cambridge": England or Massachusetts;
"Paris": France or Texas; "Springfield") go to the most populous city, unless the text
gives a region or a country, which takes precedence ("Portland, ME", "Cambridge, MA",
"Paris, TX"). A name that is both a region and a city ("New York", "Washington, United
States", "Quebec") is the city only when the city lies in that region and has a million
people or more (New York, São Paulo, Mexico City, Berlin), otherwise the region (LinkedIn
writes a state-level location as "Washington, United States"). Towns under ~15,000 people
are not in the data: "Woodinville, Washington" reads as the region Washington — vague,
so the meeting mode is "unknown" and the user is asked.

>>> normalize_location("Bellevue, WA").label
'Bellevue, Washington, US'
>>> normalize_location("Greater Seattle Area").metro
'Greater Seattle Area'
>>> meeting_mode(normalize_location("Greater Seattle Area"), normalize_location("Bellevue, WA"))[0]
'coffee'
>>> normalize_location("Remote").kind, normalize_location("somewhere nice") is None
('remote', True)
"""

from __future__ import annotations

import math
import re
import time
import tomllib
import unicodedata
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "COFFEE_RADIUS_KM",
    "PLACE_COLUMNS",
    "Place",
    "distance_km",
    "in_metro",
    "load_places",
    "meeting_mode",
    "normalize_location",
    "normalize_locations",
    "place_data_files",
    "within",
]

#: Two known places this close (km) suit a coffee.
COFFEE_RADIUS_KM = 40.0
#: The columns of :func:`normalize_locations`, the fields of :class:`Place`.
PLACE_COLUMNS = ["label", "city", "region", "country_code", "latitude", "longitude", "metro", "kind"]
_EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, kw_only=True)
class Place:
    """A normalised place. ``kind`` is city | metro | region | country | remote.

    Cities and metro areas have coordinates (a metro: its first anchor city); regions,
    countries and "remote" have none, which is why they cannot decide a coffee.
    ``metro`` is the LinkedIn metro area a city lies in, if any.
    """

    label: str
    city: str | None = None
    region: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    metro: str | None = None
    kind: str = "city"

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def name(self) -> str:
        """The shortest fair name for a sentence: the city, else the metro, else the label."""
        return self.city or self.metro or self.label


# --------------------------------------------------------------------------- text keys

_SEPARATORS = re.compile(r"\s*(?:[,;|/·•()\[\]]|\s[-–—]\s)\s*")


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_NON_WORD = re.compile(r"[\W_]+")
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "&": " and ", "'": "", "’": ""})
_HAS_LETTERS = re.compile("[ıøØđĐłŁ&'’]")  # the keys of _LETTERS: translating is slow, finding fast


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: ``'São  Paulo!'`` -> ``'sao paulo'``."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    if _HAS_LETTERS.search(text):
        text = text.translate(_LETTERS)
    return _NON_WORD.sub(" ", text.casefold()).strip()


_STREET_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "s": "sao"}


def _variants(key: str) -> list[str]:
    """``'st louis'`` -> ['st louis', 'saint louis'] and the like."""
    first, _, rest = key.partition(" ")
    out = [key]
    if rest and first in _STREET_ABBREVIATIONS:
        out.append(f"{_STREET_ABBREVIATIONS[first]} {rest}")
    for long, short in (("saint", "st"), ("sainte", "ste"), ("fort", "ft"), ("mount", "mt")):
        if rest and first == long:
            out.append(f"{short} {rest}")
    return out


# --------------------------------------------------------------------------- hand tables (facts)

#: Text saying "not one place": it cannot decide a coffee.
_REMOTE = {
    "remote", "fully remote", "remote first", "remote only", "100 remote", "remote worldwide",
    "worldwide", "world wide", "global", "globally", "anywhere", "anywhere in the world",
    "everywhere", "earth", "planet earth", "the world", "world", "home", "work from home",
    "wfh", "distributed", "online", "internet", "the internet", "virtual", "nomad",
    "digital nomad", "location independent", "on the road", "travelling", "traveling",
    "various", "multiple locations", "various locations", "international", "hybrid",
}
#: Parts of the world larger than a country: known, but too vague for a meeting.
_BLOCS = {
    "emea": "EMEA", "apac": "APAC", "apj": "APJ", "latam": "Latin America", "latin america": "Latin America",
    "north america": "North America", "south america": "South America", "central america": "Central America",
    "europe": "Europe", "eu": "European Union", "european union": "European Union", "asia": "Asia",
    "africa": "Africa", "middle east": "Middle East", "mena": "Middle East and North Africa",
    "dach": "DACH", "nordics": "Nordics", "scandinavia": "Scandinavia", "benelux": "Benelux",
    "anz": "Australia and New Zealand", "oceania": "Oceania", "asia pacific": "Asia Pacific",
    "americas": "Americas", "the americas": "Americas", "gcc": "Gulf states", "cee": "Central and Eastern Europe",
    "western europe": "Western Europe", "eastern europe": "Eastern Europe", "southeast asia": "Southeast Asia",
    "sub saharan africa": "Sub-Saharan Africa", "east africa": "East Africa", "west africa": "West Africa",
    "uk and ireland": "UK and Ireland", "united states and canada": "United States and Canada",
}
#: Words that are no place on their own (some are alternate names of small towns in GeoNames).
_NOT_PLACES = {
    "area", "greater", "metro", "metropolitan", "region", "city", "county", "state", "district",
    "north", "south", "east", "west", "central", "downtown", "uptown", "suburbs", "n a", "na",
    "none", "unknown", "tbd", "private", "confidential", "other", "somewhere", "here", "there",
    "office", "hq", "headquarters", "campus", "usa remote", "us remote",
}
#: Other ways to write a country (ISO code); GeoNames and ISO 3166 names are added to these.
_COUNTRY_ALIASES = {
    "usa": "US", "u s a": "US", "us": "US", "u s": "US", "united states of america": "US", "america": "US",
    "estados unidos": "US", "etats unis": "US", "vereinigte staaten": "US",
    "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "united kingdom of great britain and northern ireland": "GB",
    "deutschland": "DE", "germany": "DE", "allemagne": "DE", "alemania": "DE", "espana": "ES", "espanya": "ES",
    "brasil": "BR", "mexico": "MX", "italia": "IT", "schweiz": "CH", "suisse": "CH", "svizzera": "CH",
    "osterreich": "AT", "nederland": "NL", "holland": "NL", "the netherlands": "NL", "belgie": "BE", "belgique": "BE",
    "polska": "PL", "cesko": "CZ", "czech republic": "CZ", "sverige": "SE", "norge": "NO", "danmark": "DK",
    "suomi": "FI", "turkiye": "TR", "turkey": "TR", "россия": "RU", "russia": "RU", "україна": "UA",
    "中国": "CN", "中華人民共和国": "CN", "日本": "JP", "한국": "KR", "대한민국": "KR", "korea": "KR",
    "south korea": "KR", "台灣": "TW", "台湾": "TW", "भारत": "IN", "ישראל": "IL", "مصر": "EG",
    "uae": "AE", "u a e": "AE", "emirates": "AE", "ksa": "SA", "hong kong sar": "HK", "hong kong sar china": "HK",
    "vietnam": "VN", "viet nam": "VN", "perú": "PE", "peru": "PE", "colombia": "CO", "argentina": "AR",
    "ireland": "IE", "eire": "IE", "new zealand": "NZ", "aotearoa": "NZ", "the philippines": "PH",
    "ivory coast": "CI", "cote divoire": "CI", "macedonia": "MK", "burma": "MM", "bolivia": "BO",
    "iran": "IR", "syria": "SY", "laos": "LA", "tanzania": "TZ", "venezuela": "VE", "moldova": "MD",
    "taiwan": "TW", "palestine": "PS", "kosovo": "XK", "vatican": "VA", "vatican city": "VA",
}
#: Countries that are one city: the country names the city (coffee can be decided).
_CITY_STATES = {"SG": "Singapore", "HK": "Hong Kong", "MO": "Macau", "MC": "Monaco", "VA": "Vatican City"}
#: Nicknames and short forms of big cities: (GeoNames name, country, first-level code).
_CITY_ALIASES = {
    "nyc": ("New York City", "US", "NY"), "new york ny": ("New York City", "US", "NY"),
    "manhattan": ("Manhattan", "US", "NY"), "brooklyn": ("Brooklyn", "US", "NY"),
    "sf": ("San Francisco", "US", "CA"), "san fran": ("San Francisco", "US", "CA"),
    "la": ("Los Angeles", "US", "CA"), "l a": ("Los Angeles", "US", "CA"),
    "dc": ("Washington", "US", "DC"), "d c": ("Washington", "US", "DC"),
    "washington dc": ("Washington", "US", "DC"), "washington d c": ("Washington", "US", "DC"),
    "philly": ("Philadelphia", "US", "PA"), "vegas": ("Las Vegas", "US", "NV"),
    "nola": ("New Orleans", "US", "LA"), "atx": ("Austin", "US", "TX"), "chi town": ("Chicago", "US", "IL"),
    "cdmx": ("Mexico City", "MX", "09"), "ciudad de mexico": ("Mexico City", "MX", "09"),
    "bombay": ("Mumbai", "IN", "16"), "bangalore": ("Bengaluru", "IN", "19"), "calcutta": ("Kolkata", "IN", "28"),
    "madras": ("Chennai", "IN", "25"), "gurgaon": ("Gurugram", "IN", "10"), "saigon": ("Ho Chi Minh City", "VN", "20"),
    "frankfurt": ("Frankfurt am Main", "DE", "05"), "koln": ("Köln", "DE", "07"), "cologne": ("Köln", "DE", "07"),
}
#: State and province abbreviations are added for these countries (ISO 3166-2 suffixes).
_ABBREVIATED_REGIONS = ("US", "CA", "AU", "BR", "IN", "MX")

_METRO_PATTERNS = [
    re.compile(r"^greater (?P<x>.+?)(?: metropolitan| metro)?(?: area| region)?$"),
    re.compile(r"^(?P<x>.+?) (?:metropolitan area|metropolitan region|metro area|metroplex|metro|area|region|bay area)$"),
    re.compile(
        r"^(?:grande|gran|grand|grossraum|metropolregion|regio|region|region de|region of|area metropolitana de|"
        r"area metropolitana di|area metropolitana da|zona metropolitana de|regiao metropolitana de|"
        r"regiao metropolitana do|metropoolregio|agglomeration de) (?:la |le |l |do |da |de )?(?P<x>.+)$"
    ),
    re.compile(r"^(?P<x>.+?) (?:e regiao|y alrededores|et peripherie|et environs|und umgebung|e dintorni|en omgeving|i okolice)$"),
]


# --------------------------------------------------------------------------- the gazetteer


@dataclass(frozen=True)
class _Metro:
    name: str
    country: str
    radius_km: float
    anchors: tuple[int, ...]  # city rows


class _CityKeys:
    """Folded name -> city rows, from the sorted lines of ``places_city_keys.tsv.gz``.

    Each line is ``key<TAB>row,row,...`` in UTF-8, which sorts as the code points do. Keys
    hold only word characters and spaces, all above the tab, so the lines sort as their
    keys do and ``key + TAB`` bisects to the key's line. The file is gzip in blocks of
    16 kB whose headers record their sizes (BGZF); ``places_city_keys.index.tsv`` names the
    first key of each block, so a look-up decompresses one block, once.
    """

    def __init__(self, packed: bytes, first_keys: list[str]):
        starts = []
        position = 0
        while position < len(packed):
            if packed[position:position + 4] != b"\x1f\x8b\x08\x04" or packed[position + 12:position + 14] != b"BC":
                raise RuntimeError(f"places_city_keys.tsv.gz: no BGZF block at byte {position}; rebuild it with scripts/build_places_data.py")
            starts.append(position)
            position += int.from_bytes(packed[position + 16:position + 18], "little") + 1
        # A header block (comment, column names), the blocks of keys, an empty end block.
        if len(starts) != len(first_keys) + 2:
            raise RuntimeError("places_city_keys.index.tsv does not match places_city_keys.tsv.gz; rebuild both")
        self._packed = packed
        self._bounds = list(zip(starts[1:-1], starts[2:], strict=True))
        self._firsts = [key.encode("utf-8") + b"\t" for key in first_keys]
        self._blocks: dict[int, list[bytes]] = {}

    def get(self, key: str) -> tuple[int, ...]:
        probe = key.encode("utf-8") + b"\t"
        block = bisect_right(self._firsts, probe) - 1
        lines = self._lines(block) if block >= 0 else []
        index = bisect_left(lines, probe)
        line = lines[index] if index < len(lines) else b""
        return tuple(map(int, line[len(probe):].split(b","))) if line.startswith(probe) else ()

    def forget(self) -> None:
        """Drop the decompressed blocks (a benchmark measures decompressing them again)."""
        self._blocks.clear()

    def _lines(self, block: int) -> list[bytes]:
        lines = self._blocks.get(block)
        if lines is None:
            start, end = self._bounds[block]
            lines = self._blocks[block] = zlib.decompress(self._packed[start:end], wbits=31).splitlines()
        return lines


@dataclass
class _Gazetteer:
    names: np.ndarray
    country: np.ndarray
    admin1: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    city_keys: _CityKeys  # key -> rows of the cities it names
    region_names: dict[tuple[str, str], str]  # (cc, admin1) -> name
    region_keys: dict[str, list[tuple[str, str]]]
    country_keys: dict[str, str]
    country_names: dict[str, str]
    iso2: dict[str, str] = field(default_factory=dict)
    metros: list[_Metro] = field(default_factory=list)
    metro_keys: dict[str, int] = field(default_factory=dict)
    metro_cache: dict[int, str | None] = field(default_factory=dict)
    largest: dict[tuple[str, str], int] = field(default_factory=dict)  # region -> most people in one city
    name_keys: dict[int, str] = field(default_factory=dict)  # row -> its own name, folded
    load_seconds: float = 0.0

    # ------------------------------------------------------------------ cities

    def find_city(
        self, key: str, country: str | None = None, regions: Iterable[tuple[str, str]] = (), *, strict: bool = False
    ) -> int | None:
        """The best city row for ``key`` given the country and regions the text names.

        A region that no candidate lies in is ignored (it may be a county or a misspelling)
        unless ``strict``.
        """
        rows: list[int] = []
        variants = _variants(key)
        for variant in variants:
            rows.extend(self.city_keys.get(variant))
        if not rows:
            return None
        regions = set(regions)
        if country:
            rows = [r for r in rows if self.country[r] == country]
        if regions:
            in_region = [r for r in rows if (self.country[r], self.admin1[r]) in regions]
            if in_region or strict:
                rows = in_region
            elif not country:
                countries = {cc for cc, _ in regions}
                rows = [r for r in rows if self.country[r] in countries]
        if not rows:
            return None
        # A city's own name beats an alternate name ("Paris" the city, not a Paris in Texas
        # also written so); then the most people.
        return max(rows, key=lambda r: (self.name_key(r) in variants, self.population[r]))

    def name_key(self, row: int) -> str:
        key = self.name_keys.get(row)
        if key is None:
            key = self.name_keys[row] = _fold(str(self.names[row]))
        return key

    def is_regions_largest(self, row: int) -> bool:
        """True when no city of the same first-level region has more people than ``row``."""
        if not self.largest:
            for r in range(len(self.names)):
                key = (self.country[r], self.admin1[r])
                self.largest[key] = max(self.largest.get(key, 0), int(self.population[r]))
        return bool(self.population[row] >= self.largest[(self.country[row], self.admin1[row])])

    def city_place(self, row: int) -> Place:
        city = str(self.names[row])
        cc = str(self.country[row])
        region = self.region_names.get((cc, str(self.admin1[row])))
        if region is not None and (_fold(region) == _fold(city) or cc in _CITY_STATES):
            region = None
        label = ", ".join(p for p in (city, region, cc) if p)
        return Place(
            label=label, city=city, region=region, country_code=cc, latitude=float(self.lat[row]),
            longitude=float(self.lon[row]), metro=self.metro_of(row), kind="city",
        )

    def metro_of(self, row: int) -> str | None:
        """The listed metro whose anchor is nearest ``row`` relative to its radius."""
        if row in self.metro_cache:
            return self.metro_cache[row]
        best, best_ratio = None, 1.0
        for metro in self.metros:
            if metro.country != self.country[row]:
                continue
            for anchor in metro.anchors:
                d = _haversine(self.lat[row], self.lon[row], self.lat[anchor], self.lon[anchor])
                ratio = d / metro.radius_km
                if ratio <= best_ratio:
                    best, best_ratio = metro.name, ratio
        self.metro_cache[row] = best
        return best

    def metro_place(self, index: int) -> Place:
        metro = self.metros[index]
        anchor = metro.anchors[0]
        return Place(
            label=f"{metro.name}, {metro.country}", country_code=metro.country,
            latitude=float(self.lat[anchor]), longitude=float(self.lon[anchor]), metro=metro.name, kind="metro",
        )

    def region_place(self, cc: str, admin1: str) -> Place:
        name = self.region_names[(cc, admin1)]
        return Place(label=f"{name}, {cc}", region=name, country_code=cc, kind="region")

    def country_place(self, cc: str) -> Place:
        if cc in _CITY_STATES:
            row = self.find_city(_fold(_CITY_STATES[cc]), cc)
            if row is not None:
                return self.city_place(row)
        return Place(label=self.country_names.get(cc, cc), country_code=cc, kind="country")


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


#: The data files, in ``netanalytics/data/`` (built by ``scripts/build_places_data.py``).
_DATA_FILES = (
    "places_cities.tsv.gz", "places_city_keys.tsv.gz", "places_city_keys.index.tsv", "places_countries.tsv",
    "places_iso3166.tsv", "places_admin1.tsv", "places_metros.toml",
)


def place_data_files() -> list[Path]:
    """The files the place data is read from (for the size the benchmark reports)."""
    own = resources.files("netanalytics") / "data"
    return [Path(str(own / name)) for name in _DATA_FILES]


def _data_bytes(name: str) -> bytes:
    data = (resources.files("netanalytics") / "data" / name).read_bytes()
    return zlib.decompress(data, wbits=31) if name.endswith(".gz") else data  # wbits 31: gzip


def _data_body(name: str) -> str:
    """A bundled TSV after its comment and column header lines."""
    return _data_bytes(name).decode("utf-8").split("\n", 2)[2]


def _data_rows(name: str) -> list[str]:
    """The lines of a bundled TSV after its comment and column header."""
    body = _data_body(name)
    return body[:-1].split("\n") if body else []


_CITY_COLUMNS = 6  # name, country, admin1, latitude, longitude, population


def _build() -> _Gazetteer:
    started = time.perf_counter()
    # One split for all the fields (no field holds a tab or a newline): a column is every sixth.
    fields = _data_body("places_cities.tsv.gz")[:-1].replace("\n", "\t").split("\t")
    if len(fields) % _CITY_COLUMNS:
        raise RuntimeError("places_cities.tsv.gz: a line without its six fields; rebuild it with scripts/build_places_data.py")
    names, country, admin1 = (np.array(fields[i::_CITY_COLUMNS], dtype=object) for i in range(3))
    lat, lon = np.array(fields[3::_CITY_COLUMNS], dtype=float), np.array(fields[4::_CITY_COLUMNS], dtype=float)
    population = np.array(fields[5::_CITY_COLUMNS], dtype=np.int64)
    del fields
    city_keys = _CityKeys(
        (resources.files("netanalytics") / "data" / "places_city_keys.tsv.gz").read_bytes(),
        _data_rows("places_city_keys.index.tsv"),
    )

    region_names: dict[tuple[str, str], str] = {}
    region_keys: dict[str, list[tuple[str, str]]] = {}
    by_name: dict[tuple[str, str], tuple[str, str]] = {}  # (country, folded name) -> region
    for line in _data_rows("places_admin1.tsv"):
        code, name = line.split("\t")
        cc, _, a1 = code.partition(".")
        region_names[(cc, a1)] = name
        key = _fold(name)
        region_keys.setdefault(key, []).append((cc, a1))
        by_name[(cc, key)] = (cc, a1)

    country_keys: dict[str, str] = {}
    country_names: dict[str, str] = {}
    for line in _data_rows("places_countries.tsv"):
        cc, name = line.split("\t")
        country_names[cc] = name
        country_keys[_fold(name)] = cc
    iso2: dict[str, str] = {}
    for line in _data_rows("places_iso3166.tsv"):
        kind, code, name = line.split("\t")
        if kind == "country":
            country_keys.setdefault(_fold(name), code)
            iso2[code.lower()] = code
            continue
        # A state or province of _ABBREVIATED_REGIONS: its ISO 3166-2 code ("US-WA",
        # "CA-ON") is an abbreviation of the GeoNames region of the same name.
        cc, abbreviation = code[:2], code[3:]
        region = by_name.get((cc, _fold(name)))
        if cc == "US":
            region = region or ((cc, abbreviation) if (cc, abbreviation) in region_names else None)
        if region:
            region_keys.setdefault(_fold(abbreviation), []).append(region)
    # "D.C." and "Washington, D.C." as GeoNames spells the district.
    region_keys.setdefault("d c", []).append(("US", "DC"))
    for alias, cc in _COUNTRY_ALIASES.items():
        country_keys[_fold(alias)] = cc
    country_keys.pop("", None)

    gazetteer = _Gazetteer(
        names, country, admin1, lat, lon, population, city_keys, region_names, region_keys,
        country_keys, country_names, iso2,
    )
    _add_metros(gazetteer)
    gazetteer.load_seconds = time.perf_counter() - started
    return gazetteer


def _add_metros(g: _Gazetteer) -> None:
    table = tomllib.loads((resources.files("netanalytics") / "data" / "places_metros.toml").read_text(encoding="utf-8"))
    for entry in table["metro"]:
        rows = []
        for anchor in entry["anchors"]:
            name, _, a1 = anchor.partition("@")
            row = g.find_city(_fold(name), entry["country"], [(entry["country"], a1)] if a1 else ())
            if row is None:
                raise RuntimeError(f"places_metros.toml: anchor {anchor!r} of {entry['name']!r} is no known city")
            rows.append(row)
        index = len(g.metros)
        g.metros.append(_Metro(entry["name"], entry["country"], float(entry["radius_km"]), tuple(rows)))
        country = g.country_names.get(entry["country"], entry["country"])
        for alias in [entry["name"], *entry.get("aliases", ())]:
            g.metro_keys.setdefault(_fold(alias), index)
            g.metro_keys.setdefault(_fold(f"{alias}, {country}"), index)


@cache
def _gazetteer() -> _Gazetteer:
    return _build()


def load_places() -> float:
    """Load the place data now (it loads on first use otherwise); returns the seconds taken.

    >>> load_places() >= 0
    True
    """
    return _gazetteer().load_seconds


# --------------------------------------------------------------------------- normalising


def _clean(text: object) -> str:
    if text is None or (isinstance(text, float) and text != text):
        return ""
    value = str(text)
    value = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cf", "Cc") or ch in " \t")
    return " ".join(value.split())[:200]


def normalize_location(text: object) -> Place | None:
    """The place ``text`` names, or None when it names none we know.

    None means "unknown": empty text, a town too small for the data, or words that are not
    a place. "Remote", "Worldwide" and "Earth" give a ``remote`` place; "EMEA" or "Europe" a
    ``region`` without a country; a country alone a ``country``. See the module docstring
    for how ambiguous names are ranked.

    >>> normalize_location("Seattle, Washington, United States").label
    'Seattle, Washington, US'
    >>> normalize_location("Portland").region, normalize_location("Portland, ME").region
    ('Oregon', 'Maine')
    >>> normalize_location("Île-de-France, France").metro
    'Greater Paris Metropolitan Region'
    >>> normalize_location("") is None
    True
    """
    cleaned = _clean(text)
    return _resolve(cleaned) if cleaned else None


@lru_cache(maxsize=200_000)
def _resolve(text: str) -> Place | None:
    g = _gazetteer()
    whole = _fold(text)
    if not whole or whole in _NOT_PLACES:
        return None
    if whole in _REMOTE:
        return Place(label="Remote", kind="remote")
    if whole in _BLOCS:
        return Place(label=_BLOCS[whole], kind="region")
    if whole in g.metro_keys:
        return g.metro_place(g.metro_keys[whole])
    parts = [_fold(p) for p in _SEPARATORS.split(text)]
    parts = [p for p in parts if p and p not in _NOT_PLACES]
    real = [p for p in parts if p not in _REMOTE]
    if not real:
        return Place(label="Remote", kind="remote") if parts else None
    if len(real) == 1:
        return _resolve_single(g, real[0])
    return _resolve_parts(g, real)


def _resolve_single(g: _Gazetteer, key: str) -> Place | None:
    """One part: a metro, a nickname, a country, a city or a region; or "City Region"."""
    place = _resolve_name(g, key, None, ())
    if place is not None:
        return place
    if key in g.country_keys:
        return g.country_place(g.country_keys[key])
    tokens = key.split()
    for cut in (1, 2):  # "Seattle WA", "London UK", "Sydney NSW", "Rio de Janeiro Brazil", "Paris France"
        if len(tokens) > cut:
            head, tail = " ".join(tokens[:-cut]), " ".join(tokens[-cut:])
            if tail in g.country_keys or tail in g.region_keys:
                place = _resolve_parts(g, [head, tail])
                if place is not None and place.kind in ("city", "metro"):
                    return place
    return None


_REGION_SUFFIX = re.compile(r" (?:metropolitan area|metro area|area|region)$")


def _region_hits(g: _Gazetteer, part: str, country: str | None) -> list[tuple[str, str]]:
    """First-level regions ``part`` names ("Arkansas Area" names Arkansas), in ``country``."""
    hits = g.region_keys.get(part) or g.region_keys.get(_REGION_SUFFIX.sub("", part), [])
    return [r for r in hits if country is None or r[0] == country]


def _resolve_parts(g: _Gazetteer, parts: list[str]) -> Place | None:
    """Several parts: the last names the country and/or region, the first the city."""
    country: str | None = None
    rest = list(parts)
    if rest[-1] in g.country_keys:
        # "Atlanta, Georgia": a country that is also a region of the city's country.
        as_region = _region_hits(g, rest[-1], None)
        if not (as_region and g.find_city(rest[0], g.country_keys[rest[-1]]) is None
                and g.find_city(rest[0], None, as_region, strict=True) is not None):
            country = g.country_keys[rest.pop()]
    if not rest:
        return g.country_place(country) if country else None
    regions: list[tuple[str, str]] = []
    if len(rest) > 1:
        regions = _region_hits(g, rest[-1], country)
        tail = rest.pop() if regions else None
        if regions and tail in g.iso2 and country is None:
            # "Berlin, DE": DE is Delaware too; the city decides which was meant.
            if g.find_city(rest[0], None, regions, strict=True) is None:
                country, regions = g.iso2[tail], []
        elif not regions and country is None and rest[-1] in g.iso2:
            country = g.iso2[rest.pop()]
    name = rest[0]
    place = _resolve_name(g, name, country, regions)
    if place is not None:
        return place
    # A city we do not know (too small, misspelt): fall back on what else the text names.
    if regions and len(regions) == 1:
        return g.region_place(*regions[0])
    if country:
        return g.country_place(country)
    if regions and len({cc for cc, _ in regions}) == 1:
        return g.country_place(regions[0][0])
    return None


def _resolve_name(g: _Gazetteer, key: str, country: str | None, regions: list[tuple[str, str]] | tuple) -> Place | None:
    """A name part, given the country and regions the rest of the text names."""
    if key in g.metro_keys:
        metro = g.metros[g.metro_keys[key]]
        if country is None or metro.country == country:
            return g.metro_place(g.metro_keys[key])
    if key in _CITY_ALIASES:
        alias_name, cc, a1 = _CITY_ALIASES[key]
        if country is None or country == cc:
            row = g.find_city(_fold(alias_name), cc, [(cc, a1)])
            if row is not None:
                return g.city_place(row)
    if country is None and not regions and key in g.country_keys:
        return g.country_place(g.country_keys[key])
    row = g.find_city(key, country, regions)
    region_hits = _region_hits(g, key, country) if not regions else []
    if region_hits and len({cc for cc, _ in region_hits}) == 1:
        if row is None or (country is None and g.country[row] != region_hits[0][0]):
            # No such city, or the region is abroad ("Portland" is also a parish of Jamaica).
            return g.city_place(row) if row is not None else g.region_place(*region_hits[0])
        own_region = (g.country[row], g.admin1[row])
        if own_region not in g.region_names or (own_region in region_hits and g.is_regions_largest(row)):
            return g.city_place(row)  # "New York", "Zürich", "São Paulo"; not "Quebec"
        return g.region_place(*region_hits[0])
    if row is not None:
        return g.city_place(row)
    return _metro_pattern(g, key, country, regions)


def _metro_pattern(g: _Gazetteer, key: str, country: str | None, regions: list[tuple[str, str]] | tuple) -> Place | None:
    """"Greater X Area", "X Metropolitan Area", "Région de X", "X e Região" for a city X."""
    for pattern in _METRO_PATTERNS:
        match = pattern.match(key)
        if match and match.group("x") not in _NOT_PLACES:
            inner = match.group("x")
            if inner in g.metro_keys:
                return g.metro_place(g.metro_keys[inner])
            row = g.find_city(inner, country, regions) if inner not in _CITY_ALIASES else None
            if row is None and inner in _CITY_ALIASES:
                alias_name, cc, a1 = _CITY_ALIASES[inner]
                row = g.find_city(_fold(alias_name), cc, [(cc, a1)])
            if row is not None:
                return _metro_around(g, row)
    return None


def _metro_around(g: _Gazetteer, row: int) -> Place:
    """"Greater X Area" for a city X: X's listed metro, else an area centred on X."""
    city = g.city_place(row)
    if city.metro:
        index = next(i for i, m in enumerate(g.metros) if m.name == city.metro)
        return g.metro_place(index)
    name = f"{city.city} area"
    return Place(
        label=f"{name}, {city.country_code}", region=city.region, country_code=city.country_code,
        latitude=city.latitude, longitude=city.longitude, metro=name, kind="metro",
    )


def normalize_locations(values: Iterable[object] | pd.Series) -> pd.DataFrame:
    """:func:`normalize_location` over a column, once per distinct value.

    Returns one row per value (same index for a Series) with the :data:`PLACE_COLUMNS`;
    unknown places give missing values (None, NaN for the coordinates).

    >>> frame = normalize_locations(pd.Series(["Bellevue, WA", None, "Bellevue, WA", "Remote"]))
    >>> frame["label"].tolist()
    ['Bellevue, Washington, US', None, 'Bellevue, Washington, US', 'Remote']
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    places = [normalize_location(u) for u in uniques]
    columns: dict[str, pd.Series] = {}
    for column in PLACE_COLUMNS:
        per_unique = np.array([getattr(p, column) if p is not None else None for p in places] + [None], dtype=object)
        taken = per_unique[np.where(codes >= 0, codes, len(places))]
        columns[column] = pd.Series(
            taken.astype(float) if column in ("latitude", "longitude") else taken,
            index=series.index, dtype=float if column in ("latitude", "longitude") else object,
        )
    return pd.DataFrame(columns, index=series.index)


# --------------------------------------------------------------------------- comparing places


def distance_km(a: Place | None, b: Place | None) -> float | None:
    """Great-circle distance in km between two places with coordinates (else None).

    >>> round(distance_km(normalize_location("Seattle"), normalize_location("Bellevue, WA")))
    10
    """
    if a is None or b is None or not a.has_coordinates or not b.has_coordinates:
        return None
    return _haversine(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]


def in_metro(metro: str) -> str:
    """'in the Greater Seattle Area', 'in Greater Boston': the metro's name in a sentence.

    >>> in_metro("Greater Boston"), in_metro("San Francisco Bay Area")
    ('in Greater Boston', 'in the San Francisco Bay Area')
    """
    plain = not re.search(r"\b(area|region|metroplex|metro)$", metro, re.IGNORECASE)
    return f"in {metro}" if plain else f"in the {metro}"


def _called(place: Place) -> str:
    """How a place is named in a sentence: 'Seattle', 'the New York City Metropolitan Area'."""
    if place.kind == "metro" and place.metro:
        return in_metro(place.metro).removeprefix("in ")
    return place.name


def _km(d: float) -> str:
    return "less than 1 km apart" if d < 1 else f"{d:.0f} km apart"


def _vague_reason(place: Place, whose: str) -> str:
    if place.kind == "remote":
        return f"{whose} location is “{place.label}”, which says nothing about where {'you are' if whose == 'your' else 'they are'}"
    return f"{whose} location is only {place.label}, too broad to tell coffee from video"


def within(center: Place, place: Place | None, radius_km: float = COFFEE_RADIUS_KM) -> tuple[bool | None, str]:
    """Whether ``place`` lies within ``radius_km`` of ``center`` (True, False, or None when
    it cannot tell), with the reason in words: what a target's ``near`` asks.

    Two places with coordinates are compared by distance; a metro area has no single point,
    so a place in the same metro as a metro area is within it whatever the radius. A place
    known only as a region, a country or "remote" is None (cannot tell) — unless it is in
    another country, which is far.

    >>> within(normalize_location("Boston, MA"), normalize_location("Cambridge, MA"))
    (True, 'Cambridge is 4 km from Boston')
    >>> within(normalize_location("Boston, MA"), normalize_location("Greater Boston"))
    (True, 'in Greater Boston, like Boston')
    >>> within(normalize_location("Boston, MA"), normalize_location("Denver, CO"))
    (False, 'Denver is 2841 km from Boston')
    >>> within(normalize_location("Boston, MA"), None)
    (None, 'location unknown')
    """
    if place is None:
        return None, "location unknown"
    if center.has_coordinates and place.has_coordinates:
        if (center.kind == "metro" or place.kind == "metro") and center.metro and center.metro == place.metro:
            return True, in_metro(center.metro) + (f", like {center.name}" if center.kind != "metro" else "")
        d = distance_km(center, place)
        assert d is not None
        verdict = d <= radius_km
        if center.city and center.city == place.city and center.country_code == place.country_code:
            return verdict, f"in {place.city}"
        where = _called(place)
        return verdict, f"{where[:1].upper()}{where[1:]} is {d:.0f} km from {_called(center)}"
    if center.country_code and place.country_code and center.country_code != place.country_code:
        return False, f"in {place.label}, another country"
    return None, f"location only {place.label}, too broad to tell"


def meeting_mode(mine: Place | None, theirs: Place | None, *, radius_km: float = COFFEE_RADIUS_KM) -> tuple[str, str]:
    """("coffee" | "video" | "unknown", a reason naming the places compared).

    Coffee when both places are known and within ``radius_km`` of each other or in the
    same metro area; video when both are known and farther apart, or in different
    countries; unknown (ask them) when either is unknown, remote, or only a region or a
    country in the same country as the other.

    >>> meeting_mode(normalize_location("Seattle"), normalize_location("Bellevue, WA"))
    ('coffee', 'both in the Greater Seattle Area (Seattle and Bellevue, 10 km apart)')
    >>> meeting_mode(normalize_location("Seattle"), normalize_location("Portland, OR"))
    ('video', 'Seattle and Portland are 233 km apart')
    >>> meeting_mode(normalize_location("Seattle"), None)
    ('unknown', 'their location is unknown — ask where they are')
    """
    if mine is None and theirs is None:
        return "unknown", "neither location is known — ask where they are"
    if mine is None:
        return "unknown", f"your own location is unknown (they are in {theirs.label}) — set yours to compare"
    if theirs is None:
        return "unknown", "their location is unknown — ask where they are"
    if mine.has_coordinates and theirs.has_coordinates:
        d = distance_km(mine, theirs)
        assert d is not None
        if mine.metro and mine.metro == theirs.metro:
            both = "both " + in_metro(mine.metro)
            if mine.kind == "metro" and theirs.kind == "metro":
                return "coffee", both
            if mine.kind == "metro" or theirs.kind == "metro":
                city = theirs if theirs.kind != "metro" else mine
                who = "they are" if city is theirs else "you are"
                return "coffee", f"{both} ({who} in {city.name})"
            if mine.city == theirs.city:
                return "coffee", f"both in {mine.city}"
            return "coffee", f"{both} ({mine.name} and {theirs.name}, {_km(d)})"
        if d <= radius_km:
            if mine.city and mine.city == theirs.city and mine.country_code == theirs.country_code:
                return "coffee", f"both in {mine.city}"
            return "coffee", f"{_called(mine)} and {_called(theirs)} are {_km(d)}, close enough for coffee"
        return "video", f"{_called(mine)} and {_called(theirs)} are {_km(d)}"
    for place, whose in ((theirs, "their"), (mine, "your")):
        if place.kind == "remote":
            return "unknown", _vague_reason(place, whose) + " — ask"
    if mine.country_code and theirs.country_code and mine.country_code != theirs.country_code:
        return "video", f"you are in {mine.label} and they are in {theirs.label}, different countries"
    vague = theirs if not theirs.has_coordinates else mine
    whose = "their" if vague is theirs else "your"
    return "unknown", _vague_reason(vague, whose) + " — ask"
