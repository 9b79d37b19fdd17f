"""Draw LinkedIn-style profile PDFs of invented people: for the sample and for the tests.

``scripts/make_sample.py`` writes the sample's saved profiles with it, and the tests
(``tests/pdf_builders.py``) and ``benchmarks/bench_profile_pdfs.py`` build theirs with it. It
needs reportlab (a dev dependency), never at run time: netanalytics only *reads* PDFs.

:func:`profile_pdf_bytes` draws a :class:`ProfileRecord` the way LinkedIn's "More > Save
to PDF" lays a profile out (US Letter, producer "Apache FOP Version 2.2"): a dark sidebar
(Contact with the profile URL wrapped over lines and ending "(LinkedIn)", Top Skills,
Languages, Certifications, Honors-Awards, Publications at 13 pt), the main column (name
26 pt, headline 12 pt, location 12 pt, section headers 15.75 pt, companies 12, titles 11.5,
dates, locations and descriptions 10.5, schools 12 and "Degree, Field · (YYYY - YYYY)"
10.5) and "Page N of M" footers at 9 pt; entries flow over as many pages as they need.
Line spacings are the ones LinkedIn uses (baseline to baseline, in points).

Text is wrapped greedily at the column edge, set in DejaVu Sans (matplotlib ships it: Latin,
Cyrillic, Greek, Arabic) or in the STSong-Light CID font for Chinese, Japanese, Korean. With
reportlab's ``invariant`` mode the same record gives the same bytes on every run (for one
version of reportlab and of the font).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from netanalytics.ingest.profile_pdf import (
    Education,
    Experience,
    ProfileRecord,
    YearMonth,
)

PAGE_W, PAGE_H = 612.0, 792.0
MAIN_X, MAIN_RIGHT = 223.6, 590.0
SIDE_X, SIDE_RIGHT = 21.6, 190.0
BOTTOM = 757.5  # no baseline below this (the footer sits at 778.1)
NBSP = "\u00a0"
PRODUCER = "Apache FOP Version 2.2"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

_LATIN = "DejaVuSans"
_CJK = "STSong-Light"
_fonts_ready = False


def _register_fonts() -> None:
    global _fonts_ready
    if not _fonts_ready:
        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        pdfmetrics.registerFont(TTFont(_LATIN, str(path)))
        pdfmetrics.registerFont(UnicodeCIDFont(_CJK))
        _fonts_ready = True


def _font(text: str) -> str:
    cjk = any(0x2E80 <= ord(c) <= 0x9FFF or 0xAC00 <= ord(c) <= 0xD7AF or 0xF900 <= ord(c) <= 0xFAFF for c in text)
    return _CJK if cjk else _LATIN


def _width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, _font(text), size)


def wrap(text: str, size: float, left: float, right: float) -> list[str]:
    """Greedy word wrap of ``text`` between ``left`` and ``right`` (long words are cut)."""
    width = right - left
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while _width(word, size) > width:  # a word longer than the column: cut it
            cut = len(word)
            while cut > 1 and _width((current + " " if current else "") + word[:cut], size) > width:
                cut -= 1
            if current and cut <= 1:
                lines.append(current)
                current = ""
                continue
            lines.append((current + " " if current else "") + word[:cut])
            current, word = "", word[cut:]
        candidate = f"{current} {word}" if current else word
        if current and _width(candidate, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current or not lines:
        lines.append(current)
    return lines


@dataclass
class _Flow:
    """Lines placed top to bottom over pages: (page, text, size, x, baseline)."""

    x: float
    right: float
    placed: list[tuple[int, str, float, float, float]] = field(default_factory=list)
    page: int = 0
    baseline: float | None = None

    def line(self, text: str, size: float, gap: float, *, first: float | None = None) -> None:
        if self.baseline is None:
            self.baseline = first if first is not None else 54.0
        elif self.baseline + gap > BOTTOM:
            self.page += 1
            self.baseline = 54.0 + (size - 10.5) * 0.5
        else:
            self.baseline += gap
        self.placed.append((self.page, text, size, self.x, self.baseline))

    def lines(self, text: str, size: float, gap: float, wrap_gap: float, *, first: float | None = None) -> None:
        for i, part in enumerate(wrap(text, size, self.x, self.right)):
            self.line(part, size, gap if i == 0 else wrap_gap, first=first if i == 0 else None)

    def paragraphs(self, text: str, size: float, gap: float) -> None:
        """Free text: each line of ``text`` wrapped; a blank line leaves a paragraph gap."""
        pending = gap
        for raw in text.split("\n"):
            if not raw.strip():
                pending = 36.0
                continue
            self.lines(raw, size, pending, 18.0)
            pending = 18.0


def _ym(value: YearMonth | None) -> str:
    if value is None:
        return "Present"
    return f"{MONTHS[value.month - 1]} {value.year}" if value.month else str(value.year)


def date_line(exp: Experience) -> str:
    """The 10.5 pt dates line of a role, with LinkedIn's non-breaking spaces."""
    text = f"{_ym(exp.started)}{NBSP}-{NBSP}{_ym(exp.ended)}"
    return f"{text}{NBSP}({exp.duration})" if exp.duration else text


def education_line(edu: Education) -> str | None:
    """The 10.5 pt line under a school: ``Degree,\u00a0Field\u00a0·\u00a0(2015\u00a0-\u00a02019)``."""
    head = f",{NBSP}".join(p for p in (edu.degree, edu.field) if p)
    if edu.start_year and edu.end_year:
        dates = f"({edu.start_year}{NBSP}-{NBSP}{edu.end_year})"
    elif edu.end_year:
        dates = f"({edu.end_year})"
    else:
        dates = ""
    if head and dates:
        return f"{head}{NBSP}·{NBSP}{dates}"
    if dates:
        return f"·{NBSP}{dates}"
    return head or None


def _company_groups(experiences: tuple[Experience, ...]) -> list[list[Experience]]:
    groups: list[list[Experience]] = []
    for exp in experiences:
        if groups and groups[-1][0].company == exp.company:
            groups[-1].append(exp)
        else:
            groups.append([exp])
    return groups


def main_flow(record: ProfileRecord) -> _Flow:
    _register_fonts()  # the flow measures text in them
    flow = _Flow(MAIN_X, MAIN_RIGHT)
    flow.lines(record.name, 26.0, 0.0, 30.0, first=65.5)
    gap = 21.2
    if record.headline:
        flow.lines(record.headline, 12.0, gap, 14.4)
        gap = 15.4
    if record.location:
        flow.line(record.location, 12.0, gap)
    header_gap = 37.6
    if record.summary:
        flow.line("Summary", 15.75, header_gap)
        flow.paragraphs(record.summary, 12.0, 25.5)
        header_gap = 53.8
    if record.experiences:
        flow.line("Experience", 15.75, header_gap)
        gap = 30.5
        for group in _company_groups(record.experiences):
            flow.lines(group[0].company or "", 12.0, gap, 14.4)
            title_gap = 16.1
            if len(group) > 1:
                flow.line(f"{len(group) + 1} years", 10.5, 16.5)
                title_gap = 21.3
            for exp in group:
                if exp.title:
                    flow.lines(exp.title, 11.5, title_gap, 13.8)
                    flow.line(date_line(exp), 10.5, 14.5)
                else:
                    flow.line(date_line(exp), 10.5, 16.5)
                last_gap = 20.5
                if exp.location:
                    flow.line(exp.location, 10.5, 14.7)
                    last_gap = 21.4
                gap = 41.8
                if exp.description:
                    flow.paragraphs(exp.description, 10.5, last_gap)
                    gap = 38.4
                title_gap = 34.8
        header_gap = 45.0
    if record.education:
        flow.line("Education", 15.75, header_gap)
        gap = 25.5
        for edu in record.education:
            flow.lines(edu.school, 12.0, gap, 14.4)
            detail = education_line(edu)
            if detail:
                flow.lines(detail, 10.5, 17.6, 18.0)
            gap = 33.4
    return flow


def _url_lines(url: str, size: float) -> list[str]:
    text = url.removeprefix("https://") + " (LinkedIn)"
    lines, current = [], ""
    for ch in text:
        if current and _width(current + ch, size) > SIDE_RIGHT - SIDE_X:
            lines.append(current)
            current = ch.lstrip()
        else:
            current += ch
    lines.append(current)
    return lines


def _side_flow(record: ProfileRecord) -> _Flow:
    flow = _Flow(SIDE_X, SIDE_RIGHT)
    gap: float | None = None

    def header(text: str) -> None:
        flow.line(text, 13.0, gap or 0.0, first=57.0)

    def entries(items: list[str]) -> float:
        first = 19.5
        for item in items:
            flow.lines(item, 10.5, first, 12.6)
            first = 17.6
        return 34.7

    contact = [record.email] if record.email else []
    if contact or record.profile_url:
        header("Contact")
        gap = entries(contact)
        if record.profile_url:
            for i, part in enumerate(_url_lines(record.profile_url, 11.0)):
                flow.line(part, 11.0, (24.4 if contact else 19.5) if i == 0 else 14.4)
            gap = 35.3
    sections = [
        ("Top Skills", list(record.top_skills)),
        ("Languages", [f"{lang.name} ({lang.proficiency})" if lang.proficiency else lang.name for lang in record.languages]),
        ("Certifications", list(record.certifications)),
        ("Honors-Awards", list(record.honors)),
        ("Publications", list(record.publications)),
    ]
    for title, items in sections:
        if items:
            header(title)
            gap = entries(items)
    return flow


def profile_pdf_bytes(
    record: ProfileRecord,
    *,
    producer: str = PRODUCER,
    password: str | None = None,
    page_size: tuple[float, float] = (PAGE_W, PAGE_H),
    footer: bool = True,
    drop_last_page: bool = False,
) -> bytes:
    """The PDF LinkedIn would save for ``record``.

    ``password`` encrypts it; ``page_size`` and ``footer`` make layouts that are not
    LinkedIn's; ``drop_last_page`` leaves the footers saying "of M" with a page missing.
    """
    _register_fonts()
    main, side = main_flow(record), _side_flow(record)
    pages = max(main.page, side.page) + 1
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password, canPrint=1) if password else None
    pdf = canvas.Canvas(buffer, pagesize=page_size, encrypt=encrypt, invariant=1)
    pdf.setProducer(producer)
    pdf.setTitle("Resume")
    pdf.setAuthor("LinkedIn")
    pdf.setSubject("Resume generated from profile")
    placed = main.placed + side.placed
    for page in range(pages - 1 if drop_last_page and pages > 1 else pages):
        if page == 0:
            pdf.setFillColorRGB(0.161, 0.243, 0.286)
            pdf.rect(0, 0, 201.96, page_size[1], stroke=0, fill=1)
        for p, text, size, x, baseline in placed:
            if p != page:
                continue
            pdf.setFillColorRGB(1, 1, 1) if x < 200 else pdf.setFillColorRGB(0.1, 0.1, 0.1)
            pdf.setFont(_font(text), size)
            pdf.drawString(x, page_size[1] - baseline, text)
        if footer:
            pdf.setFillColorRGB(0.4, 0.4, 0.4)
            label = f"Page {page + 1} of {pages}"
            pdf.setFont(_LATIN, 9.0)
            pdf.drawString(406.0 - _width(label, 9.0) / 2, page_size[1] - 778.1, label)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def write_profile_pdf(record: ProfileRecord, path: Path, **options) -> Path:
    """Write :func:`profile_pdf_bytes` to ``path`` (parents created) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(profile_pdf_bytes(record, **options))
    return path
