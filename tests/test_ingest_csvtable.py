"""Header sniffing, separators, line numbers and malformed CSV."""

from __future__ import annotations

import pytest

from netanalytics.errors import InputError
from netanalytics.ingest.csvtable import normalize_header, read_table, sniff_header

SIGS = {
    "connections": [{"first name", "last name", "connected on"}],
    "positions": [{"company name", "title"}],
}


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_separators(sep: str) -> None:
    text = sep.join(["First Name", "Last Name", "Connected On"]) + "\n" + sep.join(["Ada", "Lee", "x"]) + "\n"
    kind, table = read_table(text, "f.csv", SIGS)
    assert kind == "connections" and table.delimiter == sep
    assert table.column("first name") == ["Ada"]


def test_header_found_after_any_preamble() -> None:
    text = "Notes:,,\n\"Some, text\",,\n,,\nrandom line\nFirst Name,Last Name,Connected On\nAda,Lee,x\n"
    kind, table = read_table(text, "f.csv", SIGS)
    assert table.header_line == 5 and table.lines == [6]


def test_header_names_are_compared_loosely() -> None:
    text = '\ufeff"FIRST_NAME" , last  name,Connected\u00a0On\nAda,Lee,x\n'
    _, table = read_table(text, "f.csv", SIGS)
    assert table.columns == ["first name", "last name", "connected on"]
    assert normalize_header(" Email_Address\u200b ") == "email address"


def test_most_specific_signature_wins() -> None:
    sigs = {"loose": [{"a"}], "tight": [{"a", "b"}]}
    assert sniff_header("a,b\n1,2\n", "f", sigs)[0] == "tight"


def test_blank_rows_dropped_and_counted_short_rows_padded() -> None:
    text = "First Name,Last Name,Connected On\r\nAda\r\n,,\r\n\r\nBo,Yu,z\r\n"
    _, table = read_table(text, "f.csv", SIGS)
    assert table.column("last name") == ["", "Yu"]
    assert table.lines == [2, 5]
    assert table.blank_rows == 1
    assert table.column("missing", "connected on") == ["", "z"]
    assert table.column("missing") is None and not table.has("missing")


def test_no_header_lists_what_was_found() -> None:
    with pytest.raises(InputError) as info:
        read_table("Name,Value\n1,2\n", "f.csv", SIGS)
    message = str(info.value)
    assert "f.csv" in message and "'Name', 'Value'" in message and "first name" in message


def test_header_beyond_search_window_is_not_found() -> None:
    text = "x\n" * 25 + "First Name,Last Name,Connected On\n"
    with pytest.raises(InputError, match="first 20 lines"):
        read_table(text, "f.csv", SIGS)


def test_only_blank_lines() -> None:
    with pytest.raises(InputError, match="only blank lines"):
        read_table(",,\n\n;;\n", "f.csv", SIGS)


def test_progress_bar_for_large_files(capsys: pytest.CaptureFixture[str]) -> None:
    text = "First Name,Last Name,Connected On\n" + "Ada,Lee,x\n" * 6000
    _, table = read_table(text, "big.csv", SIGS, progress=True)
    assert len(table) == 6000
    assert "big.csv" in capsys.readouterr().err


def test_no_progress_bar_for_small_files(capsys: pytest.CaptureFixture[str]) -> None:
    read_table("First Name,Last Name,Connected On\nAda,Lee,x\n", "small.csv", SIGS, progress=True)
    assert capsys.readouterr().err == ""
