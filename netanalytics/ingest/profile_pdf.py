"""Read LinkedIn profile PDFs ("More -> Save to PDF") into :class:`ProfileRecord` values.

LinkedIn renders every saved profile with one layout (a US-Letter page; a dark sidebar on
the left, x < ~200 pt, the main column from x ~224 pt), and the *font size* of each line
says what it is. This module reads characters with their sizes and positions (not the
text order, which puts the sidebar first) and rebuilds the profile from that:

=================  ======  ====================================================================
where              size    what
=================  ======  ====================================================================
main column        26      the name
main column        12      headline (may wrap); the **last** 12 pt line before the first
                           section is the location
main column        15.75   section headers: Summary, Experience, Education
Summary            12      free text
Experience         12      company (several roles may follow one company, which then shows its
                           total time at 10.5 pt)
Experience         11.5    title
Experience         10.5    ``Month YYYY - Present (N years M months)``, then the location
                           (a line close below the dates), then the description
Education          12      school
Education          10.5    ``Degree, Field · (YYYY - YYYY)``
sidebar            13      headers: Contact, Top Skills, Languages, Certifications,
                           Honors-Awards, Publications
sidebar            10.5/11 entries; the profile URL wraps over lines and ends "(LinkedIn)"
bottom             9       ``Page N of M`` (entries continue across pages)
=================  ======  ====================================================================

Section headers are recognised in English and several other languages; an unknown header
is classified by the shape of what follows it (titles at 11.5 pt mean experience).

Characters come from PDFium (``pypdfium2``, Apache-2.0/BSD), which reads a profile in a
few milliseconds, where a pure-Python PDF parser takes ~0.15 s (too slow for a folder of
200 profiles). Bad files raise :class:`~netanalytics.errors.InputError` naming the file
and saying what was expected: empty, not a PDF, cut short, encrypted, damaged, a scanned
image without text, or a PDF that is not a LinkedIn profile.

:func:`read_profile_pdfs` reads one PDF, a folder of them or a zip of them, all or
nothing: every file is tried, and if any fails, one :class:`ProfileBatchError` lists
every failure and nothing is returned, so an import never writes part of a folder.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from netanalytics import bounds
from netanalytics.errors import InputError
from netanalytics.ingest.degrees import split_degree
from netanalytics.ingest.names import clean_text
from netanalytics.safety import human_bytes, input_kind, read_input

__all__ = [
    "Education",
    "Experience",
    "Language",
    "ProfileBatchError",
    "ProfileRecord",
    "YearMonth",
    "is_profile_pdf",
    "normalize_slug_url",
    "is_profile_pdf_bytes",
    "read_profile_batch",
    "read_profile_bytes",
    "read_profile_pdf",
    "read_profile_pdfs",
    "read_profiles",
]

_EXPECTED = "a LinkedIn profile PDF (on a profile: More > Save to PDF)"


# --------------------------------------------------------------------------- records


class YearMonth(NamedTuple):
    """A year with an optional month (1-12), as profiles give dates.

    >>> str(YearMonth(2019, 3)), str(YearMonth(2019))
    ('2019-03', '2019')
    """

    year: int
    month: int | None = None

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)


@dataclass(frozen=True)
class Language:
    """A language and the proficiency written beside it ("Native or Bilingual")."""

    name: str
    proficiency: str | None = None


@dataclass(frozen=True)
class Experience:
    """One role. ``ended`` is None while it lasts ("Present"); ``duration`` is as written."""

    company: str | None
    title: str | None
    started: YearMonth | None = None
    ended: YearMonth | None = None
    duration: str | None = None
    location: str | None = None
    description: str | None = None

    @property
    def is_current(self) -> bool:
        """True for a role that runs to "Present"."""
        return self.started is not None and self.ended is None


@dataclass(frozen=True)
class Education:
    """One school entry: the degree and field as written, and the years."""

    school: str
    degree: str | None = None
    field: str | None = None
    start_year: int | None = None
    end_year: int | None = None


@dataclass(frozen=True)
class ProfileRecord:
    """What a saved profile PDF says about one person.

    ``profile_url`` is ``https://www.linkedin.com/in/<slug>`` (lower case, no trailing
    slash); ``summary`` and descriptions keep their line breaks; ``source`` names the file
    (and the zip member) it came from and does not take part in comparisons.
    """

    name: str
    profile_url: str | None = None
    headline: str | None = None
    location: str | None = None
    summary: str | None = None
    email: str | None = None
    top_skills: tuple[str, ...] = ()
    languages: tuple[Language, ...] = ()
    certifications: tuple[str, ...] = ()
    honors: tuple[str, ...] = ()
    publications: tuple[str, ...] = ()
    experiences: tuple[Experience, ...] = ()
    education: tuple[Education, ...] = ()
    source: str = field(default="", compare=False)


class ProfileBatchError(InputError):
    """Some files of a folder or zip could not be read; ``failures`` lists (file, message)."""

    def __init__(self, given: str, failures: list[tuple[str, str]], total: int) -> None:
        self.failures = failures
        shown = "; ".join(message for _, message in failures[:10])
        more = f"; and {len(failures) - 10} more" if len(failures) > 10 else ""
        super().__init__(
            f"{given}: {len(failures)} of {total} PDF files could not be read, so none was "
            f"imported: {shown}{more}. Remove or replace those files and import again."
        )


# --------------------------------------------------------------------------- characters -> lines

#: The font sizes of the layout (pt). A line's size is snapped to the nearest of these.
NAME, SECTION, SIDE_HEADER, LARGE, TITLE, URL, BODY, FOOTER = 26.0, 15.75, 13.0, 12.0, 11.5, 11.0, 10.5, 9.0
_SIZES = (NAME, SECTION, SIDE_HEADER, LARGE, TITLE, URL, BODY, FOOTER)
#: The sidebar ends here (pt from the left edge); the main column starts at ~224 pt.
SIDEBAR_RIGHT = 200.0
#: Lines whose baseline is this far down the page (pt from the top) may be the footer.
FOOTER_TOP = 760.0
#: The main column's right edge, used to tell a wrapped line from a line break.
MAIN_RIGHT = 590.0


@dataclass
class _Line:
    page: int
    side: bool
    size: float
    baseline: float  # pt from the top of the page
    x0: float
    x1: float
    text: str
    first_word_width: float
    space_width: float | None = None
    raw: str = ""  # the text with its non-breaking spaces kept

    def gap_after(self, earlier: _Line) -> float | None:
        """Baseline distance from ``earlier`` (None across a page break)."""
        return self.baseline - earlier.baseline if self.page == earlier.page else None


def _snap(size: float) -> float:
    best = min(_SIZES, key=lambda s: abs(s - size))
    return best if abs(best - size) <= 0.6 else round(size, 2)


@dataclass
class _Char:
    text: str
    size: float
    x: float
    y: float
    left: float
    right: float
    generated: bool = False


def _page_chars(page: pdfium.PdfPage) -> list[_Char]:
    """Every character of a page with its size, baseline origin and advance box."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = pdfium_c.FPDFText_CountChars(handle)
        ox, oy = pdfium_c.c_double(), pdfium_c.c_double()
        box = pdfium_c.FS_RECTF()
        chars: list[_Char] = []
        for i in range(count):
            code = pdfium_c.FPDFText_GetUnicode(handle, i)
            if code == 2:
                # PDFium reports a hyphen that ends a line as 0x02 (a "soft" hyphen); in a
                # wrapped profile URL ("…/in/meiling-" + "chen") it is part of the text.
                code = 0x2D
            generated = pdfium_c.FPDFText_IsGenerated(handle, i) == 1
            if code in (0, 0xFFFE, 0xFFFF) or (generated and code in (10, 13)) or code > 0x10FFFF:
                continue
            pdfium_c.FPDFText_GetCharOrigin(handle, i, ox, oy)
            pdfium_c.FPDFText_GetLooseCharBox(handle, i, box)
            chars.append(
                _Char(
                    chr(code), pdfium_c.FPDFText_GetFontSize(handle, i), ox.value, height - oy.value,
                    box.left, max(box.right, box.left), generated,
                )
            )
        return chars
    finally:
        textpage.close()


def _lines_of(chars: list[_Char], page_no: int) -> list[_Line]:
    """Group characters into lines: same column, same baseline (within a third of a point)."""
    buckets: dict[tuple[bool, int], list[_Char]] = {}
    for ch in chars:
        side = ch.x < SIDEBAR_RIGHT
        key = (side, round(ch.y * 3))
        for k in (key, (side, key[1] - 1), (side, key[1] + 1)):
            if k in buckets:
                buckets[k].append(ch)
                break
        else:
            buckets[key] = [ch]
    lines = []
    for (side, _), group in buckets.items():
        group.sort(key=lambda c: c.x)
        visible = [c for c in group if not c.text.isspace()]
        if not visible:
            continue
        raw = "".join(c.text for c in group).strip()
        text = raw.replace("\u00a0", " ")
        sizes = [c.size for c in visible]
        size = _snap(max(set(sizes), key=sizes.count))
        spaces = [c.right - c.left for c in group if c.text == " " and not c.generated and c.right > c.left]
        first_word = [visible[0]]
        for c in visible[1:]:
            if c.left - first_word[-1].right > size * 0.15:
                break
            first_word.append(c)
        lines.append(
            _Line(
                page=page_no,
                side=side,
                size=size,
                baseline=sum(c.y for c in visible) / len(visible),
                x0=visible[0].left,
                x1=visible[-1].right,
                text=" ".join(text.split(" ")) if "  " not in text else " ".join(text.split()),
                first_word_width=first_word[-1].right - first_word[0].left,
                space_width=max(spaces) if spaces else None,
                raw=raw,
            )
        )
    lines.sort(key=lambda ln: (ln.side, ln.baseline))
    return lines


@dataclass
class _Document:
    metadata: dict[str, str]
    pages: int
    page_size: tuple[float, float]
    lines: list[_Line]  # every page's lines, in page order
    has_text: bool


def _open(data: bytes, where: str) -> _Document:
    """Check the bytes are a complete, readable PDF and read its lines."""
    if not data:
        raise InputError(where, _EXPECTED, "an empty file (0 bytes)", hint="Save the profile to PDF again.")
    if len(data) > _pdf_limit():
        raise _too_large(where, f"a file of {human_bytes(len(data))}")
    if b"%PDF-" not in data[:1024]:
        raise InputError(where, _EXPECTED, "a file that is not a PDF")
    if b"%%EOF" not in data[-4096:]:
        raise InputError(
            where, "a complete PDF", f"a PDF cut short after {len(data):,} bytes (no end marker)",
            hint="The download or copy did not finish; save the profile to PDF again.",
        )
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                where, f"{_EXPECTED}, not encrypted", "a password-protected PDF",
                hint="LinkedIn's own PDFs have no password; save the profile to PDF again.",
            ) from None
        raise InputError(where, _EXPECTED, f"a damaged PDF ({exc})") from None
    try:
        metadata = {k: v for k, v in doc.get_metadata_dict(skip_empty=True).items() if isinstance(v, str)}
        count = len(doc)
        if count == 0:
            raise InputError(where, _EXPECTED, "a PDF without pages")
        lines: list[_Line] = []
        has_text = False
        page_size = (0.0, 0.0)
        for index in range(count):
            page = doc[index]
            try:
                if index == 0:
                    page_size = (page.get_width(), page.get_height())
                chars = _page_chars(page)
            finally:
                page.close()
            has_text = has_text or any(not c.text.isspace() for c in chars)
            lines.extend(_lines_of(chars, index))
        return _Document(metadata, count, page_size, lines, has_text)
    except pdfium.PdfiumError as exc:
        raise InputError(where, _EXPECTED, f"a damaged PDF ({exc})") from None
    finally:
        doc.close()


_FOOTER = re.compile(r"^\D*(\d+)\D+(\d+)\D*$")


def _footer_pages(doc: _Document) -> int | None:
    """The M of the "Page N of M" footers, when they are there."""
    for line in doc.lines:
        if not line.side and line.size == FOOTER and line.baseline > FOOTER_TOP:
            match = _FOOTER.match(line.text)
            if match:
                return int(match.group(2))
    return None


def _layout_problem(doc: _Document) -> str | None:
    """Why ``doc`` is not a LinkedIn profile (None when it is one)."""
    width, height = doc.page_size
    if abs(width - 612) > 3 or abs(height - 792) > 3:
        return f"a {width:.0f} x {height:.0f} pt page (LinkedIn profiles are US Letter, 612 x 792)"
    if not doc.has_text:
        return "no text at all (a scanned image?)"
    first = [ln for ln in doc.lines if ln.page == 0]
    if not any(ln.size == NAME and not ln.side for ln in first):
        return "no name in 26 pt type at the top of the main column"
    headers = [ln for ln in doc.lines if not ln.side and ln.size == SECTION]
    side_headers = [ln for ln in first if ln.side and ln.size == SIDE_HEADER]
    if not headers and not side_headers:
        return "none of the section headers of a profile (Summary, Experience, Education, Contact)"
    if _footer_pages(doc) is None:
        return "no 'Page N of M' footer"
    return None


# --------------------------------------------------------------------------- text helpers


def _wrapped(earlier: _Line, later: _Line, right: float = MAIN_RIGHT, left: float = 223.6) -> bool:
    """True when ``later`` continues ``earlier`` (a wrap), False for a line break.

    The line wrapped when the first word of ``later`` would not have fitted after it, or
    when it fills the last sixth of the column without ending a sentence (LinkedIn
    balances its lines, breaking some before the edge). A best guess about line breaks:
    the words are exact either way.
    """
    space = earlier.space_width or later.space_width or later.size * 0.28
    if earlier.x1 + space + later.first_word_width > right - 0.3:
        return True
    return earlier.x1 > right - (right - left) / 6 and not re.search(r"[.!?:;]$", earlier.text)


def _join(lines: list[_Line], *, step: float, right: float = MAIN_RIGHT) -> str:
    """Join body lines: a wrap becomes a space, a line break a newline, a blank line two."""
    out = ""
    for i, line in enumerate(lines):
        if i == 0:
            out = line.text
            continue
        prev = lines[i - 1]
        gap = line.gap_after(prev)
        if gap is not None and gap > step * 1.5:
            out += "\n\n" + line.text
        elif _wrapped(prev, line, right):
            out += " " + line.text
        else:
            out += "\n" + line.text
    return out


def _join_wrapped(lines: list[_Line]) -> str:
    return " ".join(ln.text for ln in lines)


def _blocks(lines: list[_Line], size: float, factor: float = 1.45) -> list[list[_Line]]:
    """Split consecutive ``size`` lines into blocks where the gap says a new entry starts."""
    blocks: list[list[_Line]] = []
    for line in lines:
        if blocks and blocks[-1][-1].size == line.size:
            gap = line.gap_after(blocks[-1][-1])
            if gap is not None and gap <= line.size * factor:
                blocks[-1].append(line)
                continue
        blocks.append([line])
    return blocks


# --------------------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
):
    for _i, _m in enumerate(_names.split(), start=1):
        _MONTHS.setdefault(_m, _i)
        _MONTHS.setdefault(_m[:3], _i)
_MONTHS["sept"] = 9
_PRESENT = {
    "present", "presente", "actualidad", "la actualidad", "aujourd'hui", "aujourd’hui", "heute",
    "o momento", "momento", "heden", "attuale", "oggi", "now",
}
_DATE = re.compile(r"^(?:(?P<month>[^\W\d_]+)\.?\s+(?:de\s+)?)?(?P<year>(?:19|20)\d\d)$", re.IGNORECASE)
_RANGE = re.compile(r"^(?P<start>.+?)\s+[-–—]\s+(?P<end>.+?)(?:\s*\((?P<duration>[^()]*)\))?$")
_DURATION = re.compile(r"^\(?\s*(?:\d+\s+\w+(?:\s+\d+\s+\w+)?|less than a year|menos de un año|moins d'un an)\s*\)?$", re.IGNORECASE)


def _parse_date(text: str) -> YearMonth | None:
    match = _DATE.match(text.strip())
    if not match:
        return None
    month = match.group("month")
    if month is None:
        return YearMonth(int(match.group("year")))
    number = _MONTHS.get(month.lower().rstrip("."))
    return YearMonth(int(match.group("year")), number) if number else None


def _parse_range(text: str) -> tuple[YearMonth, YearMonth | None, str | None] | None:
    """``'May 2023 - Present (2 years)'`` -> (start, None, '2 years'); None if not a range."""
    match = _RANGE.match(text.strip())
    if not match:
        single = re.match(r"^(?P<start>.+?)(?:\s*\((?P<duration>[^()]*)\))?$", text.strip())
        start = _parse_date(single.group("start")) if single else None
        return (start, start, clean_text(single.group("duration"))) if start and single else None
    start = _parse_date(match.group("start"))
    if start is None:
        return None
    end_text = match.group("end").strip().lower()
    if end_text in _PRESENT:
        end = None
    else:
        end = _parse_date(end_text)
        if end is None:
            return None
    return start, end, clean_text(match.group("duration"))


# --------------------------------------------------------------------------- sections

_MAIN_HEADERS = {
    "summary": {"summary", "extracto", "resumen", "résumé", "zusammenfassung", "resumo", "riepilogo", "samenvatting", "info", "about"},
    "experience": {"experience", "experiencia", "expérience", "berufserfahrung", "erfahrung", "experiência", "esperienza", "ervaring"},
    "education": {"education", "educación", "formación", "formation", "ausbildung", "formação acadêmica", "formação", "istruzione", "formazione", "opleiding"},
}
_SIDE_HEADERS = {
    "contact": {"contact", "contactar", "contacto", "coordonnées", "kontakt", "contato", "contatti", "contactgegevens"},
    "skills": {"top skills", "aptitudes principales", "principales compétences", "top-kenntnisse", "principais competências", "competenze principali", "belangrijkste vaardigheden"},
    "languages": {"languages", "idiomas", "langues", "sprachen", "lingue", "talen"},
    "certifications": {"certifications", "certificaciones", "zertifizierungen", "certificações", "certificazioni", "certificeringen", "licenses & certifications"},
    "honors": {"honors-awards", "honors & awards", "honors and awards", "reconocimientos y premios", "distinctions", "auszeichnungen", "prêmios", "premi e riconoscimenti", "onderscheidingen"},
    "publications": {"publications", "publicaciones", "veröffentlichungen", "publicações", "pubblicazioni", "publicaties"},
}


def _header_kind(text: str, table: dict[str, set[str]]) -> str | None:
    key = text.strip().lower()
    return next((kind for kind, words in table.items() if key in words), None)


def _guess_main_kind(lines: list[_Line]) -> str | None:
    sizes = {ln.size for ln in lines}
    if TITLE in sizes or any(_parse_range(ln.text) for ln in lines if ln.size == BODY):
        return "experience"
    if LARGE in sizes and BODY in sizes:
        return "education"
    if sizes == {LARGE}:
        return "summary"
    return None


def _split_sections(lines: list[_Line], header_size: float, table: dict[str, set[str]], guess) -> dict[str, list[_Line]]:
    sections: dict[str, list[_Line]] = {}
    current: list[_Line] | None = None
    pending: list[tuple[str, list[_Line]]] = []
    for line in lines:
        if line.size == header_size:
            current = []
            pending.append((line.text, current))
        elif current is not None:
            current.append(line)
    for header, body in pending:
        kind = _header_kind(header, table) or (guess(body) if guess else None)
        if kind and kind not in sections:
            sections[kind] = body
    return sections


# --------------------------------------------------------------------------- main column


def _read_top(lines: list[_Line]) -> tuple[str, str | None, str | None]:
    """Name, headline and location from the lines above the first section header."""
    name = _join_wrapped([ln for ln in lines if ln.size == NAME])
    large = [ln for ln in lines if ln.size == LARGE]
    if not large:
        return name, None, None
    if len(large) == 1:
        return name, large[0].text, None
    last, before = large[-1], large[-2]
    gap = last.gap_after(before)
    if gap is not None and gap < 14.9 and _wrapped(before, last):
        return name, _join_wrapped(large), None
    return name, _join_wrapped(large[:-1]), last.text


@dataclass
class _Role:
    company: str | None
    title_lines: list[_Line] = field(default_factory=list)
    date_line: _Line | None = None
    location: str | None = None
    body: list[_Line] = field(default_factory=list)

    def record(self) -> Experience:
        started = ended = duration = None
        if self.date_line is not None:
            parsed = _parse_range(self.date_line.text)
            if parsed:
                started, ended, duration = parsed
        description = _join(self.body, step=18.0) if self.body else None
        return Experience(
            company=self.company,
            title=_join_wrapped(self.title_lines) or None,
            started=started,
            ended=ended,
            duration=duration,
            location=self.location,
            description=description or None,
        )


def _looks_like_place(line: _Line, following: _Line | None) -> bool:
    """Across a page break, the first line after the dates is a location when it is short,
    has no sentence punctuation, and stands alone (a paragraph gap follows it)."""
    if len(line.text) > 70 or re.search(r"[.:;!?]$", line.text):
        return False
    if following is None or following.size != BODY:
        return True
    gap = following.gap_after(line)
    return gap is None or gap > 19.0


def _read_experience(lines: list[_Line]) -> list[Experience]:
    roles: list[_Role] = []
    company: str | None = None
    company_lines: list[_Line] = []
    role: _Role | None = None
    for index, line in enumerate(lines):
        prev = lines[index - 1] if index else None
        if line.size == LARGE:
            if company_lines and prev is company_lines[-1]:
                gap = line.gap_after(prev)
                if gap is not None and gap < LARGE * 1.45:
                    company_lines.append(line)
                    company = _join_wrapped(company_lines)
                    continue
            company_lines = [line]
            company = line.text
            role = None
        elif line.size == TITLE:
            if role is not None and role.title_lines and role.date_line is None and prev is role.title_lines[-1]:
                role.title_lines.append(line)
                continue
            role = _Role(company, [line])
            roles.append(role)
        elif line.size in (BODY, URL):
            if role is None:
                parsed = _parse_range(line.text)
                if parsed and company is not None and not _DURATION.match(line.text):
                    # A role without a title: the dates follow the company directly.
                    role = _Role(company, [], line)
                    roles.append(role)
                # else: the company's total time ("6 years 1 month"): not needed.
                continue
            if role.date_line is None and not role.body and role.location is None and _parse_range(line.text):
                role.date_line = line
                continue
            if role.date_line is not None and role.location is None and not role.body and prev is role.date_line:
                gap = line.gap_after(prev)
                following = lines[index + 1] if index + 1 < len(lines) else None
                if (gap is not None and gap < 17.0) or (gap is None and _looks_like_place(line, following)):
                    role.location = line.text
                    continue
            role.body.append(line)
    return [r.record() for r in roles]


_EDU_DATES = re.compile(r"\s*·\s*\((?P<dates>[^()]*)\)\s*$")  # \s matches the NBSP too


def _read_education_detail(text: str) -> tuple[str | None, str | None, int | None, int | None]:
    start = end = None
    match = _EDU_DATES.search(text)
    if match:
        years = [int(y) for y in re.findall(r"(?:19|20)\d\d", match.group("dates"))]
        if len(years) == 1:
            end = years[0]  # one year alone is when they finished
        elif years:
            start, end = years[0], years[-1]
        text = text[: match.start()]
    degree, field_ = split_degree(text)
    return degree, field_, start, end


def _read_education(lines: list[_Line]) -> list[Education]:
    entries: list[tuple[list[_Line], list[_Line]]] = []
    for index, line in enumerate(lines):
        prev = lines[index - 1] if index else None
        if line.size == LARGE:
            if entries and not entries[-1][1] and prev is entries[-1][0][-1]:
                gap = line.gap_after(prev)
                if gap is not None and gap < LARGE * 1.45:
                    entries[-1][0].append(line)
                    continue
            entries.append(([line], []))
        elif entries:
            entries[-1][1].append(line)
    result = []
    for school_lines, detail_lines in entries:
        detail = " ".join(ln.raw for ln in detail_lines)
        degree, field_, start, end = _read_education_detail(detail) if detail else (None, None, None, None)
        result.append(Education(_join_wrapped(school_lines), degree, field_, start, end))
    return result


# --------------------------------------------------------------------------- sidebar

_LINKEDIN_URL = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com/in/(?P<slug>[^\s?#()]+)", re.IGNORECASE)
_LANGUAGE = re.compile(r"^(?P<name>.+?)\s*\((?P<level>[^()]+)\)$")


def _side_entries(lines: list[_Line]) -> list[list[_Line]]:
    entries: list[list[_Line]] = []
    for line in lines:
        if entries:
            prev = entries[-1][-1]
            gap = line.gap_after(prev)
            if gap is not None and gap <= max(line.size, prev.size) * 1.45:
                entries[-1].append(line)
                continue
        entries.append([line])
    return entries


def normalize_slug_url(text: str) -> str | None:
    """``https://www.linkedin.com/in/<slug>`` from any way a profile URL is written.

    >>> normalize_slug_url("www.linkedin.com/in/Ada-Lee-1a2b/ (LinkedIn)")
    'https://www.linkedin.com/in/ada-lee-1a2b'
    """
    match = _LINKEDIN_URL.search(text.replace(" ", ""))
    if not match:
        return None
    slug = match.group("slug").rstrip("/").lower()
    return f"https://www.linkedin.com/in/{slug}" if slug else None


def _read_sidebar(lines: list[_Line]) -> dict[str, object]:
    sections = _split_sections(lines, SIDE_HEADER, _SIDE_HEADERS, None)
    out: dict[str, object] = {}
    for entry in _side_entries(sections.get("contact", [])):
        glued = "".join(ln.text for ln in entry)
        if "linkedin.com/in/" in glued.lower() and "profile_url" not in out:
            out["profile_url"] = normalize_slug_url(re.sub(r"\(LinkedIn\)\s*$", "", glued))
        elif len(entry) == 1 and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", entry[0].text) and "email" not in out:
            out["email"] = entry[0].text
    texts = {kind: [_join_wrapped(e) for e in _side_entries(sections.get(kind, []))] for kind in _SIDE_HEADERS}
    out["top_skills"] = tuple(texts["skills"])
    languages = []
    for text in texts["languages"]:
        match = _LANGUAGE.match(text)
        languages.append(Language(match.group("name"), match.group("level")) if match else Language(text))
    out["languages"] = tuple(languages)
    out["certifications"] = tuple(texts["certifications"])
    out["honors"] = tuple(texts["honors"])
    out["publications"] = tuple(texts["publications"])
    return out


# --------------------------------------------------------------------------- public API


def _record(doc: _Document, where: str) -> ProfileRecord:
    body = [ln for ln in doc.lines if not (ln.size == FOOTER and ln.baseline > FOOTER_TOP)]
    main = [ln for ln in body if not ln.side]
    side = [ln for ln in body if ln.side]
    first_header = next((i for i, ln in enumerate(main) if ln.size == SECTION), len(main))
    name, headline, location = _read_top(main[:first_header])
    sections = _split_sections(main[first_header:], SECTION, _MAIN_HEADERS, _guess_main_kind)
    summary = _join(sections["summary"], step=18.0) if sections.get("summary") else None
    return ProfileRecord(
        name=clean_text(name) or "",
        headline=headline,
        location=location,
        summary=summary,
        experiences=tuple(_read_experience(sections.get("experience", []))),
        education=tuple(_read_education(sections.get("education", []))),
        source=where,
        **_read_sidebar(side),  # type: ignore[arg-type]
    )


def _parse_bytes(data: bytes, where: str) -> ProfileRecord:
    doc = _open(data, where)
    problem = _layout_problem(doc)
    if problem is not None:
        if not doc.has_text:
            raise InputError(
                where, f"{_EXPECTED} with a text layer", "only images, no text (a scanned or photographed page?)",
                hint="Save the profile from LinkedIn with More > Save to PDF instead of scanning or printing it.",
            )
        raise InputError(where, _EXPECTED, problem)
    expected_pages = _footer_pages(doc)
    if expected_pages is not None and expected_pages != doc.pages:
        raise InputError(
            where, f"all {expected_pages} pages of the profile", f"{doc.pages}",
            hint="The file is incomplete; save the profile to PDF again.",
        )
    record = _record(doc, where)
    if not record.name:
        raise InputError(where, _EXPECTED, "no name on the first page")
    return record


def _pdf_limit() -> int:
    return bounds.SIZES.pdf_bytes


def _too_large(where: str, found: str) -> InputError:
    return InputError(where, f"{_EXPECTED} of at most {human_bytes(_pdf_limit())}", found,
                      hint="A saved profile is 30-300 kB; is it the right file?")


def _read_file(path: Path | str, where: str) -> bytes:
    """The bytes of one PDF: a regular file or a pipe, at most ``bounds.SIZES.pdf_bytes``."""
    return read_input(path, where, limit=_pdf_limit(), what=_EXPECTED)


def is_profile_pdf(path: str | Path) -> bool:
    """True when ``path`` is a LinkedIn profile PDF, judged by its layout (not its name).

    Never raises for a bad file: an unreadable, empty or foreign file is simply not a
    profile.

    >>> import tempfile, pathlib
    >>> junk = pathlib.Path(tempfile.mkdtemp()) / "Profile.pdf"
    >>> _ = junk.write_bytes(b"not a pdf")
    >>> is_profile_pdf(junk)
    False
    """
    p = Path(path).expanduser()
    try:
        if not p.is_file() or p.stat().st_size > _pdf_limit():
            return False
        with p.open("rb") as fh:
            if b"%PDF-" not in fh.read(1024):
                return False
        return is_profile_pdf_bytes(_read_file(p, str(path)))
    except (InputError, OSError):
        return False


def read_profile_bytes(data: bytes, where: str) -> ProfileRecord:
    """Read one saved profile from its bytes; ``where`` names it in messages and ``source``.

    >>> read_profile_bytes(b"%PDF-1.4 cut", "Profile.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: Profile.pdf: expected a complete PDF, found a PDF cut short after 12 bytes (no end marker). ...
    """
    return _parse_bytes(data, where)


def read_profile_pdf(path: str | Path) -> ProfileRecord:
    """Read one saved profile PDF. Bad files raise :class:`InputError` naming the file.

    Only a regular file or a pipe is read, and at most ``bounds.SIZES.pdf_bytes`` of it.

    >>> import tempfile, pathlib
    >>> empty = pathlib.Path(tempfile.mkdtemp()) / "Profile.pdf"
    >>> _ = empty.write_bytes(b"")
    >>> read_profile_pdf(empty)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: .../Profile.pdf: expected a LinkedIn profile PDF (on a profile: More > Save to PDF), found an empty file (0 bytes). Save the profile to PDF again.
    """
    given = str(path)
    p = Path(path).expanduser()
    if input_kind(p, given) == "folder":
        raise InputError(given, "a single PDF file (use read_profile_pdfs for a folder)", "a folder")
    return _parse_bytes(_read_file(p, given), given)


#: One file of a batch: where it is (for messages) and how to load its bytes.
_Item = tuple[str, Callable[[], bytes]]


def _skipped(parts: tuple[str, ...]) -> bool:
    """Hidden files, macOS resource forks and ``__MACOSX`` folders are never profiles."""
    return any(part.startswith(".") or part == "__MACOSX" for part in parts)


def _folder_pdfs(folder: Path, given: str) -> list[_Item]:
    limit = bounds.SIZES.profile_files
    files = []
    for file in sorted(folder.rglob("*")):
        rel = file.relative_to(folder)
        if _skipped(rel.parts) or file.suffix.lower() != ".pdf" or not file.is_file():
            continue
        files.append(file)
        if len(files) > limit:
            raise InputError(given, f"a folder of at most {limit:,} profile PDFs", "more than that",
                             hint="Import the profiles in smaller folders.")
    if not files:
        raise InputError(given, "a folder holding profile PDFs (.pdf files)", "no PDF file in it")
    items: list[_Item] = []
    for file in files:
        where = f"{file.relative_to(folder)} in {given}"
        items.append((where, lambda f=file, w=where: _read_file(f, w)))
    return items


def _zip_pdfs(archive: zipfile.ZipFile, given: str) -> list[_Item]:
    infos = [i for i in archive.infolist() if not i.is_dir() and not _skipped(PurePosixPath(i.filename).parts)]
    nested = [i.filename for i in infos if i.filename.lower().endswith(".zip")]
    if nested:
        raise InputError(
            given, "a zip of profile PDFs", f"a zip inside the zip ({nested[0]})",
            hint="Unzip the outer file and import the inner zip or the folder.",
        )
    pdfs = sorted((i for i in infos if i.filename.lower().endswith(".pdf")), key=lambda i: i.filename)
    if not pdfs:
        raise InputError(given, "a zip holding profile PDFs (.pdf files)", "no PDF file in it")
    sizes = bounds.SIZES
    if len(pdfs) > sizes.profile_files:
        raise InputError(given, f"a zip of at most {sizes.profile_files:,} profile PDFs", f"{len(pdfs):,} PDF files",
                         hint="Import the profiles in smaller zips.")
    total = sum(i.file_size for i in pdfs)
    if total > sizes.profile_zip_bytes:
        raise InputError(given, f"a zip of at most {human_bytes(sizes.profile_zip_bytes)} of PDFs",
                         f"{human_bytes(total)} once unpacked")
    items: list[_Item] = []
    for info in pdfs:
        where = f"{info.filename} in {given}"

        def load(info: zipfile.ZipInfo = info, where: str = where) -> bytes:
            limit = _pdf_limit()
            if info.file_size > limit:
                raise _too_large(where, f"{human_bytes(info.file_size)} once unpacked")
            try:
                with archive.open(info) as fh:
                    data = fh.read(limit + 1)  # the real bytes, whatever the header claims
            except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, EOFError, zlib.error) as exc:
                raise InputError(where, "a readable zip member", f"a damaged or encrypted entry ({exc})") from None
            if len(data) > limit:
                raise _too_large(where, "more than that once unpacked")
            return data

        items.append((where, load))
    return items


def _open_zip(source: Path | bytes, given: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes | bytearray) else source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise InputError(given, "a readable zip of profile PDFs", f"a damaged zip ({exc})") from None


def read_profile_batch(items: Iterable[_Item], given: str) -> list[tuple[ProfileRecord, str]]:
    """Read every PDF of a batch, all or nothing: (record, SHA-256 of its bytes) each.

    Every item is tried; when any fails, one :class:`ProfileBatchError` lists every failed
    file and why, and nothing is returned. Files are loaded one at a time.
    """
    read: list[tuple[ProfileRecord, str]] = []
    failures: list[tuple[str, str]] = []
    total = 0
    for where, load in items:
        total += 1
        try:
            data = load()
            read.append((_parse_bytes(data, where), hashlib.sha256(data).hexdigest()))
        except InputError as exc:
            failures.append((where, str(exc)))
    if failures:
        raise ProfileBatchError(given, failures, total)
    return read


def read_profiles(source: str | Path | bytes, given: str | None = None) -> list[tuple[ProfileRecord, str]]:
    """(record, content hash) of a PDF, a folder of PDFs or a zip of them (a path, or a zip's
    bytes read from a pipe); see :func:`read_profile_pdfs`."""
    if isinstance(source, bytes | bytearray):
        with _open_zip(source, given or "<zip>") as archive:
            return read_profile_batch(_zip_pdfs(archive, given or "<zip>"), given or "<zip>")
    given = given or str(source)
    p = Path(source).expanduser()
    kind = input_kind(p, given)
    if kind == "folder":
        return read_profile_batch(_folder_pdfs(p, given), given)
    if kind == "file":
        with p.open("rb") as fh:
            magic = fh.read(4)
        if magic in (b"PK\x03\x04", b"PK\x05\x06") or p.suffix.lower() == ".zip":
            with _open_zip(p, given) as archive:
                return read_profile_batch(_zip_pdfs(archive, given), given)
    data = _read_file(p, given)
    return [(_parse_bytes(data, given), hashlib.sha256(data).hexdigest())]


def read_profile_pdfs(path: str | Path) -> list[ProfileRecord]:
    """Read a profile PDF, a folder of them (subfolders included) or a .zip of them.

    Files are read one at a time (a folder of 200 profiles never sits in memory at once);
    other files (notes, images) are ignored; hidden files and ``__MACOSX`` are skipped.
    All or nothing: when any PDF fails, :class:`ProfileBatchError` names every failed file
    and why, and nothing is returned. The limits are :data:`netanalytics.bounds.SIZES`
    (``pdf_bytes`` per PDF, ``profile_files`` PDFs, ``profile_zip_bytes`` unpacked in a
    zip); a zip inside the zip is refused.

    >>> import tempfile, pathlib
    >>> read_profile_pdfs(pathlib.Path(tempfile.mkdtemp()))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: ...: expected a folder holding profile PDFs (.pdf files), found no PDF file in it.
    """
    return [record for record, _ in read_profiles(path)]


def is_profile_pdf_bytes(data: bytes) -> bool:
    """True when ``data`` (a file's bytes) is a LinkedIn profile PDF; for content sniffing."""
    try:
        doc = _open(data, "<bytes>")
    except InputError:
        return False
    return _layout_problem(doc) is None

