"""Decoding export bytes: BOMs, UTF-16, cp1252, broken UTF-8, binary files."""

from __future__ import annotations

import codecs

import pytest

from netanalytics.errors import InputError
from netanalytics.ingest.textio import decode_bytes, repair_mojibake, sniff_binary

TEXT = "First Name,Last Name\nZoë,Müller 🚀\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: NUL layout decides
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-32"), "utf-32-le"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "x.csv")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.replaced == 0


def test_cp1252_only_when_clearly_not_utf8() -> None:
    decoded = decode_bytes("Name\nZoë Müller – “quoted”\n".encode("cp1252"), "x.csv")
    assert decoded.encoding == "cp1252"
    assert decoded.text == "Name\nZoë Müller – “quoted”\n"


def test_mostly_utf8_with_broken_bytes_is_counted() -> None:
    data = "Name\nZoë\n".encode() + b"bad \xff byte and \xfe\n"
    decoded = decode_bytes(data, "x.csv")
    assert decoded.encoding == "utf-8"
    assert decoded.replaced == 2
    assert "Zoë" in decoded.text and decoded.text.count("\ufffd") == 2


def test_existing_replacement_characters_are_not_counted() -> None:
    data = "Name\nZo\ufffd\n".encode() + b"\xff\n"
    assert decode_bytes(data, "x.csv").replaced == 1


@pytest.mark.parametrize("data", [b"", b"   \r\n\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(InputError, match=r"x\.csv: expected .*, found an empty file"):
        decode_bytes(data, "x.csv")


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"%PDF-1.7\n...", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel .xls"),
        (b"abc\x00def\x01\x02\x03" * 3 + b"\xff\x00\x10", "binary data"),
        (bytes(range(1, 9)) * 100, "binary data"),
    ],
)
def test_binary_files_refused(data: bytes, found: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "photo.csv")
    assert "photo.csv" in str(info.value) and found in str(info.value)


def test_unreadable_utf16_is_reported() -> None:
    data = codecs.BOM_UTF16_LE + "Name\n".encode("utf-16-le") + b"\x00\xd8A\x00"  # lone surrogate
    with pytest.raises(InputError, match="unreadable"):
        decode_bytes(data, "x.csv")


def test_sniff_binary() -> None:
    assert sniff_binary(b"PK\x03\x04rest") is not None
    assert sniff_binary(b"Name,Value") is None


def test_mojibake_is_repaired_and_counted() -> None:
    decoded = decode_bytes("Name\nJosÃ© GarcÃ\u00ada\n".encode(), "messages.csv")
    assert decoded.text == "Name\nJosé García\n"
    assert decoded.repaired == 2


def test_repair_leaves_text_that_is_not_mojibake() -> None:
    text = "Zoë Ångström ÆØÅ, Ã alone, naïve café"
    assert repair_mojibake(text) == (text, 0)
    mixed = "JosÃ© next to a genuine é"
    assert repair_mojibake(mixed) == (mixed, 0)
