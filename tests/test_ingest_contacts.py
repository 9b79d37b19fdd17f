"""vCard (2.1/3.0/4.0) and Google Contacts CSV through read_source."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import vobject
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from netanalytics.errors import InputError
from netanalytics.ingest import read_source
from netanalytics.ingest.names import INVISIBLE_CHARS
from netanalytics.ingest.records import CONNECTION_COLUMNS
from netanalytics.ingest.textio import repair_mojibake

VCARDS = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Ada Lee\r\n"
    "N:Lee;Ada;;;\r\n"
    "ORG:Acme Corp;R&D\r\n"
    "TITLE:Engineer\r\n"
    "EMAIL;TYPE=INTERNET:ada@example.com\r\n"
    "URL:https://www.linkedin.com/in/ada-lee\r\n"
    "ADR;TYPE=HOME:;;1 Main St;Boston;MA;02110;USA\r\n"
    "CATEGORIES:Family,Close friends\r\n"
    "NOTE:a long note that is\r\n"
    "  folded over lines\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg M=C3=BC=\r\n"
    "ller\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:line1=0D=0A=\r\n"
    "line2\r\n"
    "CATEGORIES;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Fam=C3=ADlia\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Zoë Ng\r\n"
    "N:Ng;Zoë;;;\r\n"
    "KIND:individual\r\n"
    'TEL;VALUE=uri;TYPE="voice,home":tel:+1-555-555-5555\r\n'
    "EMAIL;PREF=1:zoe@example.com\r\n"
    'ADR;LABEL="1 Main St\\nBoston":;;1 Main St;Boston;MA;02110;USA\r\n'
    "BDAY:--1007\r\n"
    "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/zoe-ng\r\n"
    "item1.ORG:Foo\r\n"
    "CATEGORIES:Friends\\, old,Neighbours\r\n"
    "END:VCARD\r\n"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_vcards_all_versions(tmp_path: Path) -> None:
    parsed = read_source(write(tmp_path, "family.vcf", VCARDS))
    assert parsed.kind == "vcard"
    frame = parsed.connections
    assert frame.columns.tolist() == CONNECTION_COLUMNS
    rows = frame.to_dict("records")
    ada, jorg, zoe = rows
    assert (ada["full_name"], ada["first_name"], ada["last_name"]) == ("Ada Lee", "Ada", "Lee")
    assert (ada["company"], ada["position"], ada["email"]) == ("Acme Corp", "Engineer", "ada@example.com")
    assert ada["profile_url"] == "https://www.linkedin.com/in/ada-lee"
    assert ada["location"] == "Boston, MA, USA"
    assert ada["categories"] == "Family;Close friends"
    assert ada["connected_on"] is None
    assert (jorg["full_name"], jorg["first_name"], jorg["last_name"], jorg["categories"]) == (
        "Jörg Müller", "Jörg", "Müller", "Família"
    )
    assert zoe["profile_url"] == "https://www.linkedin.com/in/zoe-ng"
    assert (zoe["company"], zoe["email"], zoe["location"]) == ("Foo", "zoe@example.com", "Boston, MA, USA")
    assert zoe["categories"] == "Friends, old;Neighbours"
    assert [r["line"] for r in rows] == [1, 14, 23]


def test_card_vobject_refuses_uses_the_fallback(tmp_path: Path) -> None:
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nFN:Bo Yu\nN:Yu;Bo;;;\nthis line has no colon\n"
        "ORG:Beta\nEMAIL:bo@example.com\nURL:linkedin.com/in/bo-yu\nCATEGORIES:Family\n"
        "ADR:;;;Lyon;;;France\nEND:VCARD\n"
    )
    row = read_source(write(tmp_path, "x.vcf", text)).connections.to_dict("records")[0]
    assert (row["full_name"], row["first_name"], row["last_name"], row["company"]) == ("Bo Yu", "Bo", "Yu", "Beta")
    assert (row["email"], row["profile_url"], row["categories"], row["location"]) == (
        "bo@example.com", "linkedin.com/in/bo-yu", "Family", "Lyon, France"
    )


def test_company_and_nameless_cards_are_skipped(tmp_path: Path) -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Acme Plumbing\nN:;;;;\nORG:Acme Plumbing\nX-ABShowAs:COMPANY\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nEMAIL:x@example.com\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lee\nEND:VCARD\n"
    )
    parsed = read_source(write(tmp_path, "x.vcf", text))
    assert parsed.connections["full_name"].tolist() == ["Ada Lee"]
    assert {s.reason: s.lines for s in parsed.skipped} == {
        "contact without a name": [8],
        "company card, not a person": [1],
    }


def test_vcard_utf16_is_decoded(tmp_path: Path) -> None:
    parsed = read_source(write(tmp_path, "contacts.vcf", VCARDS, encoding="utf-16"))
    assert len(parsed.connections) == 3


def test_vcard_detected_by_content_without_suffix(tmp_path: Path) -> None:
    assert read_source(write(tmp_path, "contacts.txt", VCARDS)).kind == "vcard"


def test_vcard_without_any_card(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"x\.vcf.*no card"):
        read_source(write(tmp_path, "x.vcf", "VERSION:3.0\nFN:Ada\n"))


def test_vcard_without_end_is_read_with_a_warning(tmp_path: Path) -> None:
    parsed = read_source(write(tmp_path, "x.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Ada\n"))
    assert parsed.connections["full_name"].tolist() == ["Ada"]
    assert any("END:VCARD" in w and "'Ada'" in w for w in parsed.warnings)


GOOGLE_NEW = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,"
    "Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,"
    "Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,"
    "Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,"
    "Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Website 1 - Label,Website 1 - Value\n"
    "Ada,Q,Lee,,,,,,,,Acme,Engineer,,,note,,* myContacts ::: Family,* Home,ada@example.com ::: ada2@example.com,,,"
    ",,,,,Boston,,MA,,USA,,Profile,https://www.linkedin.com/in/ada-lee\n"
    ",,,,,,,,,,Acme Plumbing,,,,,,* myContacts,,,,,,,,,,,,,,,,,,\n"
)
GOOGLE_OLD = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,"
    "Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,"
    "Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,"
    "Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,"
    "Organization 1 - Department\n"
    "Bo Yu,Bo,,Yu,,,,,,,,,,,,,,,,,,,,,,,,,* myContacts ::: Close friends ::: * starred,* ,bo@example.com,,,,Beta,,CTO,\n"
)


def test_google_contacts_new_header(tmp_path: Path) -> None:
    parsed = read_source(write(tmp_path, "contacts.csv", GOOGLE_NEW))
    assert parsed.kind == "google_contacts"
    (row,) = parsed.connections.to_dict("records")
    assert (row["full_name"], row["first_name"], row["last_name"]) == ("Ada Q Lee", "Ada Q", "Lee")
    assert (row["company"], row["position"], row["email"]) == ("Acme", "Engineer", "ada@example.com")
    assert (row["categories"], row["location"]) == ("Family", "Boston, MA, USA")
    assert row["profile_url"] == "https://www.linkedin.com/in/ada-lee"
    assert row["line"] == 2
    assert [(s.reason, s.lines) for s in parsed.skipped] == [("contact without a name", [3])]


def test_google_contacts_old_header(tmp_path: Path) -> None:
    parsed = read_source(write(tmp_path, "google.csv", GOOGLE_OLD, encoding="utf-16"))
    assert parsed.kind == "google_contacts"
    (row,) = parsed.connections.to_dict("records")
    assert (row["full_name"], row["first_name"], row["last_name"]) == ("Bo Yu", "Bo", "Yu")
    assert (row["company"], row["position"], row["email"], row["categories"]) == ("Beta", "CTO", "bo@example.com", "Close friends")


TEXT = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u200d"),
        st.sampled_from(list(',;:\\"\n\t \u00a0')),
    ),
    max_size=20,
)


def expected_clean(raw: str) -> str | None:
    text = " ".join("".join(ch for ch in raw if ch not in INVISIBLE_CHARS).split())
    return text or None


@given(cards=st.lists(st.tuples(TEXT, TEXT, TEXT), min_size=1, max_size=5))
@settings(max_examples=60, deadline=None)
def test_vcards_written_by_vobject_round_trip(cards: list[tuple[str, str, str]]) -> None:
    assume(all(expected_clean(fn) for fn, _, _ in cards))
    text = ""
    for fn, given_name, org in cards:
        card = vobject.vCard()
        card.add("fn").value = fn
        card.add("n").value = vobject.vcard.Name(family="Doe", given=given_name)
        card.add("org").value = [org]
        text += card.serialize()
    # Text whose every non-ASCII character reads as cp1252 mojibake (e.g. 'Â\xa0', which is
    # how a spreadsheet garbles a non-breaking space) is repaired on purpose: not a round trip.
    assume(repair_mojibake(text)[1] == 0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cards.vcf"
        path.write_text(text, encoding="utf-8")
        frame = read_source(path).connections
    assert frame["full_name"].tolist() == [expected_clean(fn) for fn, _, _ in cards]
    assert frame["first_name"].tolist() == [expected_clean(g) for _, g, _ in cards]
    assert frame["company"].tolist() == [expected_clean(o) for _, _, o in cards]


def test_addresses_give_contacts_a_place(tmp_path: Path) -> None:
    from netanalytics.recognition.places import normalize_location

    vcf = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ruth Example\r\nN:Example;Ruth;;;\r\n"
        "ADR;TYPE=WORK:;;PO Box 12;;;;\r\n"  # an address without a place: the next one counts
        "ADR;TYPE=HOME:;;14 Linden Street;Newton;MA;02458;USA\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Lucas Example\r\nADR;TYPE=home:;;221 W Erie St;Chicago;IL;60654;USA\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Example;Ana\r\nFN:Ana Example\r\nADR;HOME:;;88 Queen St W;Toronto;ON;M5H 2N2;Canada\r\n"
        "END:VCARD\r\n"
    )
    frame = read_source(write(tmp_path, "family.vcf", vcf)).connections
    assert frame["location"].tolist() == ["Newton, MA, USA", "Chicago, IL, USA", "Toronto, ON, Canada"]
    labels = [normalize_location(x).label for x in frame["location"]]
    assert labels == ["Newton, Massachusetts, US", "Chicago, Illinois, US", "Toronto, Ontario, CA"]


def test_google_contacts_use_the_second_address_when_the_first_names_no_place(tmp_path: Path) -> None:
    header = "First Name,Last Name,E-mail 1 - Value,Address 1 - City,Address 1 - Region,Address 1 - Country," \
             "Address 2 - City,Address 2 - Region,Address 2 - Country\n"
    rows = "Ada,Lee,ada@example.com,,,,Cambridge,MA,United States\nBo,Diaz,bo@example.com,Denver,CO,USA,Boston,MA,USA\n"
    frame = read_source(write(tmp_path, "contacts.csv", header + rows)).connections
    assert frame["location"].tolist() == ["Cambridge, MA, United States", "Denver, CO, USA"]
