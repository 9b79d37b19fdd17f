"""read_source on a single Connections.csv: every header generation, preamble, re-saves."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from netanalytics.errors import InputError
from netanalytics.ingest import read_source
from netanalytics.ingest.names import INVISIBLE_CHARS
from netanalytics.ingest.records import CONNECTION_COLUMNS
from netanalytics.ingest.textio import repair_mojibake

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email."\n'
    "\n"
)
HEADER_2023 = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
HEADER_2020 = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
HEADER_2018 = (
    "First Name,Last Name,Address,Email Address,Company,Position,Connected On,Websites,Instant Messengers\n"
)


def write(tmp_path: Path, text: str, name: str = "Connections.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_2023_header_with_preamble(tmp_path: Path) -> None:
    text = PREAMBLE + HEADER_2023 + (
        "Ada,Lee,https://www.linkedin.com/in/ada-lee,,Acme Corp ,Data Engineer,05 Nov 2023\n"
        'Bo,"Okafor, MBA",https://www.linkedin.com/in/zo%C3%AB-okafor,bo@example.com,,,01 Jan 2021\n'
    )
    parsed = read_source(write(tmp_path, text))
    assert parsed.kind == "connections_csv"
    frame = parsed.connections
    assert frame.columns.tolist() == CONNECTION_COLUMNS
    assert frame["full_name"].tolist() == ["Ada Lee", "Bo Okafor, MBA"]
    assert frame["company"].tolist() == ["Acme Corp", None]
    assert frame["profile_url"].tolist()[1] == "https://www.linkedin.com/in/zo%C3%AB-okafor"
    assert frame["email"].tolist() == [None, "bo@example.com"]
    assert frame["connected_on"].tolist() == [dt.date(2023, 11, 5), dt.date(2021, 1, 1)]
    assert frame["line"].tolist() == [5, 6]
    assert parsed.files_read == ["Connections.csv"]
    assert len(parsed.content_hash) == 64


def test_2020_header_without_url_or_preamble(tmp_path: Path) -> None:
    text = HEADER_2020 + "Ada,Lee,,Acme,Engineer,05 Nov 2020\n"
    frame = read_source(write(tmp_path, text)).connections
    assert frame.loc[0, "profile_url"] is None
    assert frame.loc[0, "position"] == "Engineer"
    assert frame.loc[0, "line"] == 2


def test_2018_header_address_and_websites(tmp_path: Path) -> None:
    text = HEADER_2018 + (
        'Ada,Lee,"Boston, MA",,Acme,Engineer,"1/8/18, 6:14 AM","[PERSONAL:www.linkedin.com/in/ada-lee]",\n'
    )
    frame = read_source(write(tmp_path, text)).connections
    assert frame.loc[0, "location"] == "Boston, MA"
    assert frame.loc[0, "connected_on"] == dt.date(2018, 1, 8)
    assert frame.loc[0, "profile_url"] == "www.linkedin.com/in/ada-lee"


def test_hidden_members_are_counted_not_people(tmp_path: Path) -> None:
    text = HEADER_2023 + "Ada,Lee,,,,,05 Nov 2023\n,,,,,,07 Nov 2024\n,,,,,,08 Nov 2024\n"
    parsed = read_source(write(tmp_path, text))
    assert parsed.connections["full_name"].tolist() == ["Ada Lee"]
    (skipped,) = parsed.skipped
    assert (skipped.reason, skipped.count, skipped.lines) == ("hidden or closed member", 2, [3, 4])


def test_header_only_file_gives_no_people(tmp_path: Path) -> None:
    parsed = read_source(write(tmp_path, PREAMBLE + HEADER_2023))
    assert parsed.connections.empty
    assert parsed.connections.columns.tolist() == CONNECTION_COLUMNS


def test_multiline_quoted_fields_keep_physical_line_numbers(tmp_path: Path) -> None:
    text = HEADER_2023 + (
        'Ada,"Lee\nJr",,,"Acme\r\nCorp",Engineer,05 Nov 2023\n'
        "Bo,Yu,,,,,06 Nov 2023\n"
        '"Cy\n\n",Ng,,,,,07 Nov 2023\n'
        "Di,Li,,,,,08 Nov 2023\n"
    )
    frame = read_source(write(tmp_path, text)).connections
    assert frame["line"].tolist() == [2, 5, 6, 9]
    assert frame["last_name"].tolist()[0] == "Lee Jr"
    assert frame["company"].tolist()[0] == "Acme Corp"


@pytest.mark.parametrize(
    ("encoding", "newline", "sep"),
    [
        ("utf-8-sig", "\r\n", ","),
        ("utf-16", "\r\n", "\t"),
        ("utf-16-le", "\n", ","),
        ("utf-16-be", "\n", ";"),
        ("cp1252", "\r\n", ";"),
    ],
)
def test_spreadsheet_resaves(tmp_path: Path, encoding: str, newline: str, sep: str) -> None:
    rows = [
        "Notes:" + sep * 6,
        '"When exporting your connection data, you may notice …"' + sep * 6,
        sep * 6,
        sep.join(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]),
        sep.join(["Zoë", "Müller", "https://www.linkedin.com/in/zoe", "", "Café Ltd", "Chef", "23-Apr-23"]),
        sep.join(["Ann", "Bé", "", "", "", "", "16.09.2021"]),
    ]
    text = newline.join(rows) + newline
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff".encode(encoding)) + data if encoding == "utf-16-be" else data
    path = tmp_path / "Connections.csv"
    path.write_bytes(data)
    frame = read_source(path).connections
    assert frame["full_name"].tolist() == ["Zoë Müller", "Ann Bé"]
    assert frame["company"].tolist() == ["Café Ltd", None]
    assert frame["connected_on"].tolist() == [dt.date(2023, 4, 23), dt.date(2021, 9, 16)]
    assert frame["line"].tolist() == [5, 6]


def test_names_keep_credentials_pronouns_emoji_but_lose_invisibles(tmp_path: Path) -> None:
    text = HEADER_2023 + (
        '\u200eAda\u00a0,"Lee, PMP®  (she/her) 🚀\u200b",https://www.linkedin.com/in/ada,,  Acme  ,,05 Nov 2023\n'
    )
    frame = read_source(write(tmp_path, text)).connections
    assert frame.loc[0, "first_name"] == "Ada"
    assert frame.loc[0, "last_name"] == "Lee, PMP® (she/her) 🚀"
    assert frame.loc[0, "company"] == "Acme"


def test_urls_kept_raw(tmp_path: Path) -> None:
    text = HEADER_2023 + "Ada,Lee,www.linkedin.com/in/ada-lee/,,,,05 Nov 2023\n"
    frame = read_source(write(tmp_path, text)).connections
    assert frame.loc[0, "profile_url"] == "www.linkedin.com/in/ada-lee/"


def test_unparseable_date_names_file_line_field_and_value(tmp_path: Path) -> None:
    text = HEADER_2023 + "Ada,Lee,,,,,05 Nov 2023\nBo,Yu,,,,,someday\n"
    with pytest.raises(InputError) as info:
        read_source(write(tmp_path, text))
    message = str(info.value)
    assert "Connections.csv" in message and "line 3" in message
    assert "Connected On" in message and "'someday'" in message
    assert "05 Nov 2023" in message  # the accepted formats are listed


def test_another_linkedin_file_is_named(tmp_path: Path) -> None:
    text = "Company Name,Title,Description,Location,Started On,Finished On\nAcme,Engineer,,,Mar 2021,\n"
    with pytest.raises(InputError) as info:
        read_source(write(tmp_path, text, name="friend.csv"))
    assert "Positions.csv" in str(info.value)
    assert "Connections.csv" in str(info.value)


def test_messages_file_is_named(tmp_path: Path) -> None:
    text = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    with pytest.raises(InputError, match="messages.csv"):
        read_source(write(tmp_path, text, name="x.csv"))


# ---------------------------------------------------------------- bad input


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "Connections.csv"
    with pytest.raises(InputError) as info:
        read_source(missing)
    assert str(missing) in str(info.value) and "nothing at that path" in str(info.value)


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"Connections\.csv: expected .*found an empty file"):
        read_source(path)


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), bytes(range(256)) * 4])
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match="Connections.csv: expected a text file"):
        read_source(path)


def test_a_pdf_is_read_as_a_saved_profile_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"%PDF-1.4 hello")
    with pytest.raises(InputError, match="Connections.csv: expected a complete PDF, found a PDF cut short"):
        read_source(path)


def test_csv_with_none_of_the_expected_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "Item;Amount\nRent;1200\nFood;300\n", name="budget.csv")
    with pytest.raises(InputError) as info:
        read_source(path)
    message = str(info.value)
    assert "budget.csv" in message and "First Name" in message and "'Item;Amount'" in message


def test_text_that_is_not_csv(tmp_path: Path) -> None:
    path = write(tmp_path, "Dear diary,\nToday I exported my data.\n", name="notes.csv")
    with pytest.raises(InputError, match="notes.csv: expected a CSV header"):
        read_source(path)


def test_unreadable_encoding(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"\xff\xfe" + HEADER_2023.encode("utf-16-le") + b"\x00\xdc\x00\xdc")
    with pytest.raises(InputError, match="Connections.csv.*UTF-16.*unreadable"):
        read_source(path)


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="empty.*Connections.csv.*no files"):
        read_source(tmp_path / "empty")


def test_progress_bar_for_a_large_connections_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"P{i},Q,,,,,05 Nov 2023\n" for i in range(6000))
    parsed = read_source(write(tmp_path, HEADER_2023 + rows), progress=True)
    assert len(parsed.connections) == 6000
    assert "Connections.csv" in capsys.readouterr().err


# ---------------------------------------------------------------- round trip (property)

NAME_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u200d")
NAMES = st.text(
    st.one_of(NAME_CHARS, st.sampled_from(list(',";\t\n\r \u00a0\u202f\u200b\u200e\ufeff\u2028'))), max_size=30
)


def expected_clean(raw: str) -> str | None:
    """The documented cleaning, written independently: drop invisibles, collapse whitespace.

    (The property holds for any text except a file that is wholly mis-encoded UTF-8 —
    every non-ASCII character part of an 'Ã©'-style sequence — which is repaired.)
    """
    kept = "".join(ch for ch in raw if ch not in INVISIBLE_CHARS)
    text = " ".join(kept.split())
    return text or None


@given(
    names=st.lists(st.tuples(NAMES, NAMES), min_size=1, max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    delimiter=st.sampled_from([",", ";", "\t"]),
    preamble=st.booleans(),
)
@settings(max_examples=100, deadline=None)
def test_names_round_trip(names: list[tuple[str, str]], encoding: str, delimiter: str, preamble: bool) -> None:
    buffer = io.StringIO(newline="")
    if preamble:
        buffer.write(PREAMBLE)
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    starts = []
    for i, (first, last) in enumerate(names):
        starts.append(len(re.findall(r"\r\n|\r|\n", buffer.getvalue())) + 1)
        writer.writerow([first, last, f"https://www.linkedin.com/in/p{i}", "", last, first, "05 Nov 2023"])
    assume(repair_mojibake(buffer.getvalue())[1] == 0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Connections.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        frame = read_source(path).connections
    assert frame["first_name"].tolist() == [expected_clean(f) for f, _ in names]
    assert frame["last_name"].tolist() == [expected_clean(last) for _, last in names]
    assert frame["company"].tolist() == [expected_clean(last) for _, last in names]
    assert frame["full_name"].tolist() == [
        " ".join(p for p in (expected_clean(f), expected_clean(last)) if p) or None for f, last in names
    ]
    assert frame["line"].tolist() == starts


def test_warnings_for_replaced_and_repaired_characters(tmp_path: Path) -> None:
    data = (HEADER_2023 + "JosÃ©,Lee,,,,,05 Nov 2023\nAda,Zo").encode() + b"\xff" + b",,,,,05 Nov 2023\n"
    # (a broken byte becomes U+FFFD, itself non-ASCII: the mojibake repair still applies,
    # because the replacement characters are not counted as genuine text)
    path = tmp_path / "Connections.csv"
    path.write_bytes(data)
    parsed = read_source(path)
    assert parsed.connections["full_name"].tolist() == ["José Lee", "Ada Zo\ufffd"]
    assert any("1 character(s) were not valid UTF-8" in w for w in parsed.warnings)
    assert any("repaired 1 mis-encoded" in w for w in parsed.warnings)


def test_generic_contact_csv_is_not_mistaken_for_a_linkedin_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_source(write(tmp_path, "Name,Email\nAda,ada@example.com\n", name="list.csv"))
    assert "looks like" not in str(info.value) and "'Name', 'Email'" in str(info.value)
