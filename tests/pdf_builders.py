"""Profile PDFs for the tests: LinkedIn's layout (``scripts/linkedin_profile_pdf.py``, shared
with the sample generator), files that are not profiles, and an invented person.

:func:`profile_pdf_bytes` draws a :class:`ProfileRecord` the way LinkedIn's "More > Save to
PDF" does; :func:`text_pdf_bytes` and :func:`image_pdf_bytes` make PDFs that are not
profiles (a letter, a scan); :func:`sample_profile` is an invented person with every
section filled.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from linkedin_profile_pdf import (  # noqa: E402 - the layout lives with the sample generator
    _LATIN,
    NBSP,
    PAGE_H,
    PAGE_W,
    PRODUCER,
    _register_fonts,
    date_line,
    education_line,
    main_flow,
    profile_pdf_bytes,
    wrap,
    write_profile_pdf,
)

from netanalytics.ingest.profile_pdf import (  # noqa: E402
    Education,
    Experience,
    Language,
    ProfileRecord,
    YearMonth,
)

__all__ = [
    "NBSP", "PAGE_H", "PAGE_W", "PRODUCER", "date_line", "education_line", "image_pdf_bytes", "main_flow",
    "profile_pdf_bytes", "sample_profile", "text_pdf_bytes", "wrap", "write_profile_pdf",
]


def text_pdf_bytes(lines: list[str], *, size: float = 12.0) -> bytes:
    """An ordinary one-page text PDF (a letter, an invoice): not a profile."""
    _register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1)
    pdf.setFont(_LATIN, size)
    for i, line in enumerate(lines):
        pdf.drawString(72, PAGE_H - 72 - i * size * 1.4, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def image_pdf_bytes() -> bytes:
    """A "scanned" profile: one page holding only a picture, no text layer."""
    from PIL import Image, ImageDraw  # matplotlib depends on Pillow
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (306, 396), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 100, 396), fill=(41, 62, 73))
    for i in range(20):
        draw.line((115, 30 + i * 16, 290, 30 + i * 16), fill=(90, 90, 90), width=3)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1)
    pdf.setProducer(PRODUCER)
    pdf.drawImage(ImageReader(image), 0, 0, PAGE_W, PAGE_H)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --------------------------------------------------------------------------- invented people


def sample_profile(**changes) -> ProfileRecord:
    """An invented person with every section filled; ``changes`` replace fields."""
    base = ProfileRecord(
        name="Maren Oyelaran-Whitcombe",
        profile_url="https://www.linkedin.com/in/maren-oyelaran-whitcombe-4b7a19",
        headline="Senior Product Manager, Payments Platform at Stripe | Ex-McKinsey | Building financial infrastructure for marketplaces",
        location="Greater Seattle Area",
        summary=(
            "I build payment products that small businesses can trust. Before product I spent four years "
            "in strategy consulting, mostly with banks and insurers.\n"
            "Happy to talk with people moving from consulting into product.\n\n"
            "Outside work: trail running and far too many cookbooks."
        ),
        email="maren.example@example.com",
        top_skills=("Product Management", "Payments", "Financial Modeling"),
        languages=(Language("English", "Native or Bilingual"), Language("Yoruba", "Limited Working"), Language("German")),
        certifications=("Certified Scrum Product Owner (CSPO)", "Google Project Management: Professional Certificate with a long name that wraps"),
        honors=("Dean's List",),
        publications=(),
        experiences=(
            Experience(
                "Stripe", "Senior Product Manager, Payments Platform", YearMonth(2022, 3), None,
                "3 years 2 months", "Seattle, Washington, United States",
                "Own the roadmap for marketplace payouts.\nLed the launch of instant payouts in 14 countries.",
            ),
            Experience("Stripe", "Product Manager", YearMonth(2020, 1), YearMonth(2022, 3), "2 years 3 months", "Seattle, Washington, United States", None),
            Experience(
                "McKinsey & Company", "Associate", YearMonth(2016, 9), YearMonth(2019, 12), "3 years 4 months",
                "New York City Metropolitan Area", "Banking and insurance strategy.",
            ),
            Experience("Eastbrook University", "Research Assistant", YearMonth(2015, 6), YearMonth(2016, 5), "1 year", None, None),
        ),
        education=(
            Education("University of Washington", "Master of Business Administration - MBA", "Finance", 2014, 2016),
            Education("Eastbrook University", "Bachelor of Arts - BA", "Economics", 2010, 2014),
        ),
        source="",
    )
    from dataclasses import replace

    return replace(base, **changes)
