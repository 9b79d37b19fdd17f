"""Turn the raw bytes of an export file into text, whatever saved it last.

LinkedIn writes UTF-8 (sometimes with a BOM); a spreadsheet re-save may give UTF-16
with a BOM, a legacy "ANSI" code page (cp1252) or UTF-8 with a few broken bytes.
:func:`decode_bytes` picks the encoding from the bytes themselves, counts replaced
characters instead of hiding them, and refuses binary files with a clear message.

>>> decode_bytes("Name\\n".encode("utf-16"), "a.csv").text
'Name\\n'
>>> decode_bytes(b"caf\\xe9\\n", "a.csv").encoding
'cp1252'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from netanalytics.errors import InputError

__all__ = ["Decoded", "decode_bytes", "repair_mojibake", "sniff_binary"]

#: Magic numbers of binary formats users hand over by mistake, with a human name.
_MAGIC = (
    (b"PK\x03\x04", "a zip archive (or an Excel .xlsx workbook)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Excel .xls or Word document"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x1f\x8b", "a gzip file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, how many characters had to be replaced, and how
    many mis-encoded sequences (``Ã©`` for ``é``) were repaired."""

    text: str
    encoding: str
    replaced: int = 0
    repaired: int = 0


# UTF-8 bytes that were decoded as cp1252 somewhere upstream ("Ã©" for "é"): a lead
# character followed by the right number of continuation characters.
_CONT = "[\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_MOJIBAKE = re.compile(
    f"[\xc2-\xdf]{_CONT}|[\xe0-\xef]{_CONT}{{2}}|[\xf0-\xf4]{_CONT}{{3}}"
)


def _fix_text(sequence: str) -> str:
    """The sequence decoded as UTF-8, or unchanged when it is not valid UTF-8."""
    try:
        return sequence.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return sequence


def _fix(match: re.Match[str]) -> str:
    return _fix_text(match.group(0))


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo a file that was once decoded as cp1252 and saved again as UTF-8 (``JosÃ©``).

    That happens when a spreadsheet opens a UTF-8 export as "ANSI" and the user saves it.
    The repair is all or nothing: only when *every* non-ASCII character of the text sits
    in a sequence that re-encodes to valid UTF-8 (U+FFFD aside) — so a file with genuine accents
    (``José``) is never touched. Returns (text, number of sequences repaired).

    >>> repair_mojibake("JosÃ© MÃ¼ller â€“ SÃ£o Paulo")
    ('José Müller – São Paulo', 4)
    >>> repair_mojibake("JosÃ© and São")  # a genuine 'ã': leave everything
    ('JosÃ© and São', 0)
    """
    if text.isascii():
        return text, 0
    count = 0
    # Walk the non-ASCII runs; the first one that is not wholly mojibake ends it (cheap
    # for the usual file with genuine accents).
    for run in _NON_ASCII.finditer(text):
        for part in run.group(0).split("\ufffd"):
            if not part:
                continue
            sequences = _MOJIBAKE.findall(part)
            if "".join(sequences) != part or any(_fix_text(x) == x for x in sequences):
                return text, 0
            count += len(sequences)
    if not count:
        return text, 0
    return _MOJIBAKE.sub(_fix, text), count


def sniff_binary(data: bytes) -> str | None:
    """A description of a binary format recognised from the first bytes, else None.

    >>> sniff_binary(b"%PDF-1.7 ...")
    'a PDF document'
    >>> sniff_binary(b"First Name,Last Name") is None
    True
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the NUL bytes sit in ASCII-heavy text."""
    if len(head) < 4:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, where: str) -> Decoded:
    """Decode ``data`` (the content of the file ``where``) to text with ``\\n``-agnostic lines.

    Order: a BOM decides (UTF-8, UTF-16, UTF-32); NUL bytes laid out like UTF-16 mean
    UTF-16 without BOM; any other NUL or a known magic number means a binary file
    (:class:`InputError`); then strict UTF-8; then, when the bytes contain *no* valid
    multi-byte UTF-8 sequence at all, cp1252 (a spreadsheet's "ANSI" save); otherwise
    UTF-8 with the broken bytes replaced by U+FFFD and counted in ``replaced``.
    An empty file raises :class:`InputError`.
    """
    if not data.strip(b" \t\r\n\x00" + codecs.BOM_UTF8 + codecs.BOM_UTF16_LE):
        raise InputError(where, "some text (a CSV or vCard file)", "an empty file")
    kind = sniff_binary(data)
    if kind is not None:
        raise InputError(where, "a text file (CSV or vCard)", kind)

    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, where)

    utf16 = _utf16_without_bom(data[:4096])
    if utf16 is not None:
        return _decode_strict(data, utf16, where)
    if b"\x00" in data:
        pos = data.index(b"\x00")
        raise InputError(
            where,
            "a text file (CSV or vCard)",
            f"binary data (a NUL byte at offset {pos})",
            hint="Export the data as CSV and try again.",
        )

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        text, repaired = repair_mojibake(text)
        return _checked(Decoded(text, "utf-8", repaired=repaired), where)

    replaced_text = data.decode("utf-8", errors="replace")
    bad = replaced_text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in replaced_text if ord(ch) > 0x7F) - bad  # valid multi-byte
    if good == 0:
        try:
            return _checked(Decoded(data.decode("cp1252"), "cp1252"), where)
        except UnicodeDecodeError:
            return _checked(Decoded(data.decode("latin-1"), "latin-1"), where)
    replaced_text, repaired = repair_mojibake(replaced_text)
    return _checked(Decoded(replaced_text, "utf-8", replaced=bad, repaired=repaired), where)


def _decode_strict(body: bytes, encoding: str, where: str) -> Decoded:
    try:
        text = body.decode(encoding)
        text, repaired = repair_mojibake(text)
    except UnicodeDecodeError as exc:
        raise InputError(
            where,
            f"text in {encoding.upper()} (as its byte order mark announces)",
            f"bytes that are not valid {encoding.upper()} at offset {exc.start}",
            hint="The file's encoding is unreadable; open it in a spreadsheet and save it "
            "again as 'CSV UTF-8'.",
        ) from None
    return _checked(Decoded(text, encoding, repaired=repaired), where)


def _checked(decoded: Decoded, where: str) -> Decoded:
    """Refuse text that is mostly control characters: a binary file in disguise."""
    sample = decoded.text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    if sample and controls > max(8, len(sample) // 50):
        raise InputError(
            where,
            "a text file (CSV or vCard)",
            f"binary data ({controls} control characters in the first {len(sample)})",
            hint="Export the data as CSV and try again.",
        )
    return decoded
