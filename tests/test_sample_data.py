"""The committed synthetic sample (data/sample/): reproducible, and in the intended formats.

These tests read the files with the csv module only (never netanalytics.ingest), so a
parser bug cannot hide a sample bug or the other way round. What the organisations and
titles are is asked of :mod:`netanalytics.recognition`, as a user's export would be.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
import vobject

from netanalytics.config import REPO_DIR, SAMPLE_DIR
from netanalytics.recognition.companies import recognise_companies, recognise_company
from netanalytics.recognition.recognise import recognise_people
from netanalytics.workspace.stages import normalize_relationship

SCRIPT = REPO_DIR / "scripts" / "make_sample.py"
ARCHIVE = SAMPLE_DIR / "me" / "Basic_LinkedInDataExport_11-20-2026"
FRIENDS = SAMPLE_DIR / "friends"

PREAMBLE_START = "Notes:"
NOTE_START = "When exporting your connection data"
HEADER_2023 = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
HEADER_PRE2023 = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"]
HEADER_2018 = ["First Name", "Last Name", "Address", "Email Address", "Company", "Position",
               "Connected On", "Websites", "Instant Messengers"]
MESSAGES_HEADER = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                   "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
                   "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"]

DATE_CONNECTED = re.compile(r"^\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$")
DATE_EXCEL = re.compile(r"^\d{1,2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2}$")
DATE_2018 = re.compile(r"^\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2} (AM|PM)$")
DATE_MSG = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$")
DATE_ENDORSE = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} UTC$")
DATE_REC = re.compile(r"^\d{2}/\d{2}/\d{2}, \d{2}:\d{2} (AM|PM)$")

# Each friend's file: (encoding, BOM, delimiter, line ending, preamble?, header, date pattern).
FRIEND_FORMATS = {
    "dana-whitfield": ("utf-8", b"", ",", "\n", True, HEADER_2023, DATE_CONNECTED),
    "ruth-sampleton": ("utf-8", b"\xef\xbb\xbf", ";", "\r\n", True, HEADER_2023, DATE_EXCEL),
    "marcus-oyelaran": ("utf-8", b"", ",", "\n", True, HEADER_2023, DATE_CONNECTED),
    "kenji-albright": ("utf-8", b"", ",", "\n", True, HEADER_2023, DATE_CONNECTED),
    "theo-sampleton": ("utf-16-le", b"\xff\xfe", "\t", "\r\n", True, HEADER_2023, DATE_CONNECTED),
    "marisol-reyes": ("utf-8", b"", ",", "\n", False, HEADER_2018, DATE_2018),
    "ingrid-halvorsen": ("utf-8", b"", ",", "\n", False, HEADER_PRE2023, DATE_CONNECTED),
    "sam-kowalczyk": ("utf-8", b"", ",", "\n", True, HEADER_PRE2023, DATE_CONNECTED),
}

# The trustworthy layers of recognition: what the demo's reasons say "from the bundled
# company list" or "reads as a law firm" about. (Name keywords are a last guess.)
TRUSTED_SOURCES = ("gazetteer", "pattern")


def load_generator():
    """Import scripts/make_sample.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_sample_under_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def sha256_tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def read_connections(path: Path, encoding="utf-8", bom=b"", delimiter=","):
    """(preamble lines, header, rows) of a Connections.csv, finding the header by content."""
    raw = path.read_bytes()
    assert raw.startswith(bom), f"{path.name}: expected BOM {bom!r}"
    text = raw[len(bom):].decode(encoding)
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines[:10]) if line.startswith("First Name"))
    table = list(csv.reader(io.StringIO("".join(lines[at:]), newline=""), delimiter=delimiter))
    return lines[:at], table[0], table[1:]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def trusted_industries(companies: list[str]) -> set[str]:
    """The industries the bundled list or an institution pattern gives these companies."""
    found = recognise_companies(pd.Series(companies, dtype=object))
    trusted = found["industry_source"].isin(TRUSTED_SOURCES)
    return {key for keys in found.loc[trusted, "industries"] for key in keys}


def all_rows(my_connections, friend_tables) -> list[dict[str, str]]:
    """Every person row (hidden members left out) of every Connections.csv, as dicts."""
    rows = [dict(zip(HEADER_2023, r, strict=True)) for r in my_connections[2] if any(r[:6])]
    for table in friend_tables.values():
        rows += [r for r in table if r["First Name"] or r["Last Name"]]
    return rows


def sample_text(my_connections, friend_tables) -> str:
    """Every company and position cell, and family.vcf, as one text to search."""
    cells = [f"{r['Company']}\t{r['Position']}" for r in all_rows(my_connections, friend_tables)]
    return "\n".join(cells) + "\n" + (SAMPLE_DIR / "family.vcf").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def my_connections():
    return read_connections(ARCHIVE / "Connections.csv")


@pytest.fixture(scope="module")
def friend_tables():
    tables = {}
    for slug, (encoding, bom, delimiter, *_rest) in FRIEND_FORMATS.items():
        _, header, rows = read_connections(FRIENDS / f"{slug}_Connections.csv", encoding, bom, delimiter)
        tables[slug] = [dict(zip(header, row, strict=True)) for row in rows]
    return tables


@pytest.fixture(scope="module")
def messages():
    return read_csv(ARCHIVE / "messages.csv")


# --- reproducibility -------------------------------------------------------------------


def test_generator_reproduces_committed_sample_byte_for_byte(tmp_path):
    written = load_generator().generate(tmp_path / "sample")
    committed = sha256_tree(SAMPLE_DIR)
    assert sorted(written) == sorted(committed), "file list differs: run `make sample` and commit"
    changed = [rel for rel in written if written[rel] != committed[rel] and not rel.endswith(".pdf")]
    assert not changed, f"regenerated files differ from the committed ones: {changed}; run `make sample`"
    # A PDF's bytes depend on the versions of reportlab and of the font: compare what it says.
    from netanalytics.ingest.profile_pdf import read_profile_pdf

    for rel in (r for r in written if r.endswith(".pdf") and written[r] != committed[r]):
        new, old = read_profile_pdf(tmp_path / "sample" / rel), read_profile_pdf(SAMPLE_DIR / rel)
        assert new == old, f"{rel} says something else than the committed one; run `make sample`"


def test_two_builds_in_one_process_are_identical():
    gen = load_generator()
    assert gen.build() == gen.build()


def test_cli_writes_into_the_given_folder(tmp_path, capsys):
    assert load_generator().main(["--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "manifest.json").is_file()
    assert "wrote" in capsys.readouterr().out


def test_sample_is_small():
    total = sum(p.stat().st_size for p in SAMPLE_DIR.rglob("*") if p.is_file())
    assert total < 5_000_000


# --- my archive ------------------------------------------------------------------------


def test_my_connections_have_the_2023_preamble_and_header(my_connections):
    preamble, header, rows = my_connections
    assert preamble[0] == "Notes:\n"
    assert preamble[1].startswith('"' + NOTE_START) and preamble[1].endswith('"\n')
    assert preamble[2] == "\n" and len(preamble) == 3
    assert header == HEADER_2023
    assert 950 <= len(rows) <= 1050
    assert all(len(r) == len(HEADER_2023) for r in rows)
    assert all(DATE_CONNECTED.match(r[6]) for r in rows)


def test_my_connections_carry_the_real_quirks(my_connections):
    _, _, rows = my_connections
    hidden = [r for r in rows if not any(r[:6])]
    assert 0.01 <= len(hidden) / len(rows) <= 0.03
    people = [r for r in rows if any(r[:6])]
    blank_email = sum(1 for r in people if not r[3])
    assert 0.95 <= blank_email / len(people) < 1.0
    assert any(not r[4] for r in people) and any(r[4].endswith(" ") for r in people)
    assert any(r[5].endswith(" ") for r in people)
    names = [f"{r[0]}\t{r[1]}" for r in people]
    assert sum("," in n for n in names) >= 20  # credentials after a comma
    for needle in [", MBA", ", PMP®", "(she/her)", "\u200d", "\u00a0", "\u200e", '"Bobby"', "🚀"]:
        assert any(needle in n for n in names), needle
    urls = [r[2] for r in people]
    assert all(u.startswith("https://www.linkedin.com/in/") for u in urls)
    assert len(set(urls)) == len(urls)
    encoded = [u for u in urls if "%" in u]
    assert encoded and all(re.search(r"%[0-9A-F]{2}", u) for u in encoded)
    assert not any(re.search(r"%[0-9a-f][a-f]|%[a-f][0-9a-f]", u) for u in encoded)


def test_my_connections_span_many_industries(my_connections):
    present = trusted_industries([r[4] for r in my_connections[2]])
    assert len(present) >= 25, sorted(present)


def test_profile_positions_education():
    profile = read_csv(ARCHIVE / "Profile.csv")
    assert len(profile) == 1
    assert profile[0]["Geo Location"] == "Boston, Massachusetts, United States"
    assert re.match(r"^[A-Z][a-z]{2} \d{1,2}$", profile[0]["Birth Date"])
    positions = read_csv(ARCHIVE / "Positions.csv")
    assert list(positions[0]) == ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
    assert sum(1 for p in positions if not p["Finished On"]) == 1
    assert all(re.match(r"^[A-Z][a-z]{2} \d{4}$", p["Started On"]) for p in positions)
    education = read_csv(ARCHIVE / "Education.csv")
    assert list(education[0]) == ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"]
    forms = {re.sub(r"\d", "9", e["Start Date"]) for e in education} | {re.sub(r"\d", "9", e["End Date"]) for e in education}
    assert {"9999", "Jan 9999", ""} <= forms  # mixed date forms, as real files have


def test_messages_are_fully_quoted_2026_format(messages):
    raw = (ARCHIVE / "messages.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0] == MESSAGES_HEADER
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    assert buf.getvalue() == raw, "every field, header included, must be quoted"
    assert 250 <= len(messages) <= 500
    assert all(DATE_MSG.match(m["DATE"]) for m in messages)
    assert sum("\n" in m["CONTENT"] for m in messages) >= 20


def test_messages_have_the_interesting_cases(messages):
    folders = Counter(m["FOLDER"] for m in messages)
    assert folders["SPAM"] == 1 and folders["ARCHIVE"] > 0 and folders["INBOX"] > 0
    assert any(m["FROM"] == "LinkedIn Member" and not m["SENDER PROFILE URL"] for m in messages)
    assert any("<p>" in m["CONTENT"] and "&amp;" in m["CONTENT"] for m in messages)  # sponsored HTML
    assert any(m["IS MESSAGE DRAFT"] == "Yes" for m in messages)
    assert any(m["ATTACHMENTS"] for m in messages)
    groups = {m["CONVERSATION ID"] for m in messages if "," in m["RECIPIENT PROFILE URLS"]}
    assert len(groups) == 2
    # A group's TO joins names that themselves contain commas: never split TO.
    assert any(", MBA" in m["TO"] for m in messages if m["CONVERSATION ID"] in groups)


def test_messages_reach_about_sixty_people_mostly_rarely(messages):
    me = "https://www.linkedin.com/in/avery-sampleton"
    per_person: Counter[str] = Counter()
    for m in messages:
        for url in [m["SENDER PROFILE URL"], *m["RECIPIENT PROFILE URLS"].split(",")]:
            if url and url != me:
                per_person[url] += 1
    assert 50 <= len(per_person) <= 75
    frequent = [u for u, n in per_person.items() if n >= 20]
    rare = [u for u, n in per_person.items() if n <= 3]
    assert 3 <= len(frequent) <= 8 and len(rare) > len(per_person) / 2


def test_guide_messages_share_the_header_and_certifications_is_header_only():
    with (ARCHIVE / "guide_messages.csv").open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == MESSAGES_HEADER
    assert (ARCHIVE / "Certifications.csv").read_text(encoding="utf-8").count("\n") == 1


def test_invitations_endorsements_recommendations(my_connections):
    my_urls = {r[2] for r in my_connections[2]}
    invitations = read_csv(ARCHIVE / "Invitations.csv")
    assert list(invitations[0]) == ["From", "To", "Sent At", "Message", "Direction",
                                    "inviterProfileUrl", "inviteeProfileUrl"]
    assert {i["Direction"] for i in invitations} == {"INCOMING", "OUTGOING"}
    assert all(DATE_2018.match(i["Sent At"]) for i in invitations)
    assert sum(1 for i in invitations if (i["inviteeProfileUrl"] in my_urls or i["inviterProfileUrl"] in my_urls)) > 30

    received = read_csv(ARCHIVE / "Endorsement_Received_Info.csv")
    assert list(received[0]) == ["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                                 "Endorser Public Url", "Endorsement Status"]
    assert all(DATE_ENDORSE.match(e["Endorsement Date"]) for e in received)
    assert all(e["Endorser Public Url"].startswith("www.linkedin.com/in/") for e in received)
    assert all("https://" + e["Endorser Public Url"] in my_urls for e in received)
    given = read_csv(ARCHIVE / "Endorsement_Given_Info.csv")
    assert given and "Endorsee Public Url" in given[0]

    for name in ("Recommendations_Received.csv", "Recommendations_Given.csv"):
        recs = read_csv(ARCHIVE / name)
        assert list(recs[0]) == ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]
        assert all(DATE_REC.match(r["Creation Date"]) and r["Status"] == "VISIBLE" for r in recs)
    assert any("\n" in r["Text"] for r in read_csv(ARCHIVE / "Recommendations_Received.csv"))


# --- friends' lists --------------------------------------------------------------------


@pytest.mark.parametrize("slug", sorted(FRIEND_FORMATS))
def test_friend_file_format(slug):
    encoding, bom, delimiter, newline, preamble, header, date_rx = FRIEND_FORMATS[slug]
    path = FRIENDS / f"{slug}_Connections.csv"
    raw = path.read_bytes()
    text = raw[len(bom):].decode(encoding)
    if newline == "\r\n":
        assert text.count("\r\n") == text.count("\n")
    else:
        assert "\r" not in text
    if bom == b"":
        assert not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe"))
    pre, got_header, rows = read_connections(path, encoding, bom, delimiter)
    assert got_header == header
    if preamble:
        assert pre[0].startswith(PREAMBLE_START) and NOTE_START in pre[1] and len(pre) == 3
        if delimiter != ",":  # a spreadsheet pads the note rows to the table width
            assert pre[0].rstrip("\r\n") == "Notes:" + delimiter * (len(header) - 1)
    else:
        assert pre == []
    assert 400 <= len(rows) <= 900
    date_col = header.index("Connected On")
    assert all(date_rx.match(r[date_col]) for r in rows)
    hidden = [r for r in rows if not any(r[:date_col])]
    assert 1 <= len(hidden) <= 0.03 * len(rows)


def test_spreadsheet_resave_has_a_replacement_character():
    text = (FRIENDS / "ruth-sampleton_Connections.csv").read_text(encoding="utf-8-sig")
    assert text.count("\ufffd") >= 1


def test_friends_overlap_with_me_and_each_other(my_connections, friend_tables):
    my_urls = {r[2] for r in my_connections[2] if r[2]}
    my_names = {(r[0], r[1]) for r in my_connections[2] if r[0]}
    url_sets = {s: {r["URL"] for r in rows if r.get("URL")} for s, rows in friend_tables.items()}
    for slug, rows in friend_tables.items():
        if url_sets[slug]:
            assert len(url_sets[slug] & my_urls) >= 30, slug
        elif slug != "marisol-reyes":  # an old list without URLs still names people I know
            assert len({(r["First Name"], r["Last Name"]) for r in rows} & my_names) >= 30, slug
    assert len(url_sets["dana-whitfield"] & url_sets["kenji-albright"]) >= 30
    assert len(url_sets["theo-sampleton"] & url_sets["ruth-sampleton"]) >= 10


def test_shared_people_sometimes_differ_in_company_or_name(my_connections, friend_tables):
    seen: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for r in my_connections[2]:
        if r[2]:
            seen[r[2]].add((r[0], r[1], r[4].strip()))
    for rows in friend_tables.values():
        for r in rows:
            if r.get("URL"):
                seen[r["URL"]].add((r["First Name"], r["Last Name"], r["Company"].strip()))
    companies_differ = sum(1 for v in seen.values() if len({c for *_, c in v if c}) > 1)
    names_differ = sum(1 for v in seen.values() if len({(f, la) for f, la, _ in v}) > 1)
    assert companies_differ >= 50 and names_differ >= 15


def test_some_different_people_share_a_name(my_connections, friend_tables):
    by_name: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    rows = [dict(zip(HEADER_2023, r, strict=True)) for r in my_connections[2]]
    for table in [rows, *(t for t in friend_tables.values() if "URL" in t[0])]:
        for r in table:
            if r["URL"] and r["Company"].strip():
                by_name[(r["First Name"], r["Last Name"])].add((r["URL"], r["Company"].strip()))
    homonyms = [n for n, v in by_name.items() if len({u for u, _ in v}) > 1 and len({c for _, c in v}) > 1]
    assert len(homonyms) >= 4, homonyms


def test_fintech_product_people_mostly_reachable_only_through_friends(my_connections, friend_tables):
    my_urls = {r[2] for r in my_connections[2]}
    only_friends = {r["URL"]: r for rows in friend_tables.values() for r in rows
                    if r.get("URL") and r["URL"] not in my_urls}
    frame = pd.DataFrame(list(only_friends.values()))
    found = recognise_people(frame["Company"], frame["Position"])
    fintech = found["industries"].map(lambda keys: "fintech" in keys) & found["industry_source"].isin(TRUSTED_SOURCES)
    assert fintech.sum() >= 200
    product = fintech & (found["function"] == "product_management")
    assert product.sum() >= 40


def test_all_connections_files_span_many_industries(my_connections, friend_tables):
    present = trusted_industries([r["Company"] for r in all_rows(my_connections, friend_tables)])
    assert len(present) >= 28, sorted(present)


def test_organisations_are_a_realistic_mix(my_connections, friend_tables):
    """Mostly real organisations the bundled list knows, a long tail nobody can know, and
    what people write instead of an employer — so recognition is real, unknowns included."""
    rows = all_rows(my_connections, friend_tables)
    found = recognise_people(pd.Series([r["Company"] for r in rows]), pd.Series([r["Position"] for r in rows]))
    source = found["industry_source"]
    assert 0.70 <= source.notna().mean() <= 0.92
    assert source.eq("gazetteer").mean() >= 0.65
    assert source.eq("pattern").mean() >= 0.02  # "City of Boston", "Brookline Family Clinic"
    companies = pd.Series([r["Company"].strip() for r in rows])
    written = set(companies)
    assert {"", "Self-employed", "Freelance", "Stealth Startup", "Confidential", "Retired"} <= written
    unknowable = companies.isin(["", "Self-employed", "Freelance", "Stealth Startup", "Confidential", "Retired"])
    assert 0.03 <= unknowable.mean() <= 0.10
    assert source[unknowable].isna().all(), "no industry is ever guessed for Self-employed, blank, ..."
    # Big names, start-ups, institutions, abroad, the long tail, as the README names them.
    for name in ["Stripe", "Goldman Sachs", "JPMorgan Chase & Co.", "Kaiser Permanente", "McKinsey & Company",
                 "Deloitte", "Google", "Ramp", "Brex", "Mercury", "Flywire", "HubSpot", "Analysis Group",
                 "Northeastern University", "Boston Public Schools", "Mass General Brigham", "City of Boston",
                 "The Greater Boston Food Bank", "Nubank", "Mercado Pago", "N26", "Wise", "Hadley & Park Law Group",
                 "Brookline Family Clinic", "Kessler & Moran, CPAs", "Harlow & Finch", "Moth & Kettle", "Tallyhawk",
                 "Northside Dental", "BIDMC", "Citizens"]:
        assert name in written, name
    # One organisation, several spellings.
    assert {"Stripe", "Stripe, Inc.", "stripe"} <= written
    assert {"JPMorgan Chase & Co.", "J.P. Morgan", "Chase"} <= written


def test_invented_firms_are_not_real_organisations_and_real_ones_are_known():
    """The long tail is invented: no name of it is in the bundled list of real organisations.
    The real names are written as the bundled list knows them, apart from a few on purpose."""
    sectors = load_generator().SECTORS
    tail = [name for spec in sectors.values() for name, variants in spec["tail"] for name in [name, *variants]]
    assert len(tail) >= 50
    in_list = [name for name in tail if (a := recognise_company(name)) is not None and a.source == "gazetteer"]
    assert in_list == []
    real = [name for spec in sectors.values() for name, _, _ in spec["orgs"]]
    known = [name for name in real if (a := recognise_company(name)) is not None and a.source in TRUSTED_SOURCES]
    assert len(known) / len(real) >= 0.9, sorted(set(real) - set(known))


def test_titles_are_written_as_people_write_them(my_connections, friend_tables):
    rows = all_rows(my_connections, friend_tables)
    titles = [r["Position"].strip() for r in rows]
    written = set(titles)
    # abbreviations, and the traps a title recogniser must not fall into
    for title in ["APM", "SWE II", "Sr. PM", "VP Eng", "GPM", "Product Marketing Manager", "HR Business Partner",
                  "Talent Acquisition Partner", "MD, Internal Medicine", "Head of Product"]:
        assert title in written, title
    # decorations, and a title that starts like a physician's abbreviation but is a banker's
    for mark in ["| Ex-", " @ ", "| MBA", "Managing Director, "]:
        assert any(mark in t for t in titles), mark
    assert any(ord(ch) > 0x2600 for t in titles for ch in t)  # emoji
    # other languages, each read by the recogniser as a title (not left unknown)
    translations = load_generator().TRANSLATIONS
    languages = {lang for forms in translations.values() for lang, text in forms.items()
                 if text in written and text not in translations}
    assert languages == {"es", "pt", "fr", "de"}
    for title in ["Gerente de Produto", "Chef de produit junior", "Softwareentwickler", "Ingeniero de Software"]:
        assert title in written, title
    read = recognise_people(pd.Series([""] * 4), pd.Series(["Gerente de Produto", "Chef de produit",
                                                             "Sr. PM", "Product Marketing Manager"]))
    assert read["function"].tolist() == ["product_management"] * 3 + ["marketing"]


def test_people_are_synthetic():
    """Invented people: 555-01xx phones (emails: the test below), and the manifest says so."""
    text = (SAMPLE_DIR / "family.vcf").read_text(encoding="utf-8")
    phones = re.findall(r"^(?:item\d\.)?TEL[^:]*:(?:tel:)?(.+)$", text, flags=re.M)
    assert len(phones) >= 14 and all(re.fullmatch(r"\+1-\d{3}-555-01\d{2}", p) for p in phones), phones
    manifest = json.loads((SAMPLE_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert "no real person" in manifest["description"]


def test_2018_list_has_addresses_and_many_emails(friend_tables):
    rows = [r for r in friend_tables["marisol-reyes"] if r["First Name"]]
    assert sum(1 for r in rows if r["Address"]) > 50
    assert sum(1 for r in rows if r["Email Address"]) > len(rows) / 3
    cities = {r["Address"] for r in rows if r["Address"]}
    assert len(cities) >= 4


def test_every_email_uses_a_reserved_example_domain(my_connections, friend_tables):
    emails = [r[3] for r in my_connections[2] if r[3]]
    emails += [r["Email Address"] for t in friend_tables.values() for r in t if r["Email Address"]]
    emails += re.findall(r"[\w.+-]+@[\w.-]+", (SAMPLE_DIR / "family.vcf").read_text(encoding="utf-8"))
    assert emails
    assert all(re.search(r"@(?:[\w-]+\.)*example\.(com|org|net)$", e) for e in emails), [
        e for e in emails if "example." not in e
    ]


# --- family contacts and the manifest ------------------------------------------------


def test_family_vcf():
    raw = (SAMPLE_DIR / "family.vcf").read_bytes()
    text = raw.decode("utf-8")
    assert text.count("\r\n") == text.count("\n")
    cards = list(vobject.readComponents(text))
    assert 14 <= len(cards) <= 18
    versions = Counter(c.version.value for c in cards)
    assert set(versions) == {"3.0", "4.0"}
    assert all("Family" in c.categories.value for c in cards)
    assert all(c.adr.value.city for c in cards)
    assert len({c.adr.value.city for c in cards}) >= 6
    assert sum(1 for c in cards if hasattr(c, "org")) >= 8


def test_manifest_lists_every_import_and_the_paths_exist(my_connections, friend_tables):
    manifest = json.loads((SAMPLE_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert "synthetic" in manifest["description"].lower()
    imports = manifest["imports"]
    assert imports[0] == {"path": "me/Basic_LinkedInDataExport_11-20-2026", "owner": None,
                          "owner_url": None, "relationship": None}
    assert imports[-2]["path"] == "family.vcf" and imports[-2]["relationship"] == "family"
    assert imports[-1] == {"path": "profiles", "owner": None, "owner_url": None, "relationship": None}
    friends = imports[1:-2]
    assert len(friends) == 8
    assert {Path(i["path"]).name for i in friends} == {f"{s}_Connections.csv" for s in FRIEND_FORMATS}
    for item in imports:
        assert (SAMPLE_DIR / item["path"]).exists(), item["path"]
        assert normalize_relationship(item["relationship"]) == item["relationship"]
    relationships = Counter(i["relationship"] for i in friends)
    assert relationships["close-friend"] == 1 and relationships["family"] >= 2
    my_urls = {r[2] for r in my_connections[2]}
    with_url = [i for i in friends if i["owner_url"]]
    assert len(with_url) >= 6 and all(i["owner_url"] in my_urls for i in with_url)
    # Most owners show up in other people's lists, so 3-hop paths exist.
    all_friend_urls = {r["URL"] for t in friend_tables.values() for r in t if r.get("URL")}
    assert sum(1 for i in with_url if i["owner_url"] in all_friend_urls) >= 4


def test_parent_without_url_is_matchable_by_name_and_email(friend_tables):
    manifest = json.loads((SAMPLE_DIR / "manifest.json").read_text(encoding="utf-8"))
    parent = next(i for i in manifest["imports"] if i["owner_url"] is None and i["owner"])
    cards = list(vobject.readComponents((SAMPLE_DIR / "family.vcf").read_text(encoding="utf-8")))
    card = next(c for c in cards if c.fn.value == parent["owner"])
    email = card.email.value
    first, last = parent["owner"].split(" ", 1)
    rows = [r for t in friend_tables.values() for r in t if r["First Name"] == first and r["Last Name"].startswith(last)]
    assert rows and any(r["Email Address"] == email for r in rows)


def test_readme_says_synthetic_and_how_to_regenerate():
    text = " ".join((SAMPLE_DIR / "README.md").read_text(encoding="utf-8").split())
    assert "synthetic" in text.lower() and "coincidental" in text
    assert ("Organisation names are real organisations, used as facts; the people, their jobs and "
            "their ties are invented; no real person's data.") in text
    assert "scripts/make_sample.py --out data/sample" in text
    for item in json.loads((SAMPLE_DIR / "manifest.json").read_text(encoding="utf-8"))["imports"]:
        assert Path(item["path"]).name in text or item["path"] in text


def test_interactions_happen_after_connecting(my_connections, messages):
    connected = {r[2]: datetime.strptime(r[6], "%d %b %Y") for r in my_connections[2] if r[2]}
    me = "https://www.linkedin.com/in/avery-sampleton"
    for m in messages:
        when = datetime.strptime(m["DATE"], "%Y-%m-%d %H:%M:%S UTC")
        for url in [m["SENDER PROFILE URL"], *m["RECIPIENT PROFILE URLS"].split(",")]:
            if url in connected and url != me:
                assert when.date() >= connected[url].date(), (url, m["DATE"])
    for e in read_csv(ARCHIVE / "Endorsement_Received_Info.csv"):
        when = datetime.strptime(e["Endorsement Date"], "%Y/%m/%d %H:%M:%S UTC")
        assert when.date() >= connected["https://" + e["Endorser Public Url"]].date()
    for i in read_csv(ARCHIVE / "Invitations.csv"):
        other = i["inviteeProfileUrl"] if i["Direction"] == "OUTGOING" else i["inviterProfileUrl"]
        if other in connected:
            sent = datetime.strptime(i["Sent At"], "%m/%d/%y, %I:%M %p")
            assert sent.date() <= connected[other].date()


# --- saved profiles (PDF) ----------------------------------------------------------------


@pytest.fixture(scope="module")
def saved_profiles():
    from netanalytics.ingest.profile_pdf import read_profile_pdfs

    return read_profile_pdfs(SAMPLE_DIR / "profiles")


def test_saved_profiles_are_people_of_the_lists_but_one(saved_profiles, my_connections, friend_tables):
    from netanalytics.urls import profile_url_key

    assert 15 <= len(saved_profiles) <= 25
    listed = {profile_url_key(r[2]) for r in my_connections[2] if r[2]}
    listed |= {profile_url_key(r["URL"]) for t in friend_tables.values() for r in t if r.get("URL")}
    outside = [p.name for p in saved_profiles if profile_url_key(p.profile_url) not in listed]
    assert outside == ["Priya Natarajan"]
    assert all(p.experiences and p.education and p.location for p in saved_profiles)


def test_saved_profiles_show_coffee_video_and_unknown_places(saved_profiles):
    from netanalytics.recognition.places import meeting_mode, normalize_location

    me = normalize_location("Boston, Massachusetts, United States")
    modes = Counter(meeting_mode(me, normalize_location(p.location))[0] for p in saved_profiles)
    assert modes["coffee"] >= 10 and modes["video"] >= 3 and modes["unknown"] == 2
    assert {p.location for p in saved_profiles} >= {"Greater Boston", "Remote", "San Francisco Bay Area"}


def test_saved_profiles_share_my_school_and_an_employer(saved_profiles):
    from netanalytics.recognition.schools import shared_schools

    mine = [{"school": "Northeastern University", "field": "Economics", "start_year": 2021, "end_year": 2025}]
    by_name = {p.name: p for p in saved_profiles}
    assert shared_schools(mine, by_name["Dana Whitfield"].education, year=2026)[0].reason == (
        "you both studied economics at Northeastern University; they graduated 2015")
    assert "at the same time (2021–2025)" in shared_schools(mine, by_name["Jamie Lee, MBA"].education, year=2026)[0].reason
    assert any(e.company == "edX" for e in by_name["Marcus Oyelaran"].experiences)
