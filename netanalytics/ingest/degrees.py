"""A degree and a field of study, from the one line where LinkedIn writes both.

A profile PDF writes ``Bachelor of Arts - BA,\u00a0Economics`` (a comma and a non-breaking
space between them); an archive's Education.csv puts the same text in ``Degree Name``
with a plain comma. :func:`split_degree` is the one rule that tells them apart, for both.

>>> split_degree("Bachelor of Arts - BA, Economics")
('Bachelor of Arts - BA', 'Economics')
>>> split_degree("Business, Management, Marketing, and Related Support Services")
(None, 'Business, Management, Marketing, and Related Support Services')
>>> split_degree("MBA")
('MBA', None)
"""

from __future__ import annotations

import re

from netanalytics.ingest.names import clean_text

__all__ = ["split_degree"]

#: Words that make a text read as a degree (several languages).
_DEGREE_WORDS = re.compile(
    r"\b(bachelor|master|doctor|ph\.?d|mba|b\.?sc|m\.?sc|b\.?a|m\.?a|b\.?s|m\.?s|associate|diploma|"
    r"certificate|licenciatura|licence|maestr[ií]a|grado|diplom|abitur|bacharelado|laurea|high school)\b",
    re.IGNORECASE,
)


def split_degree(text: str | None) -> tuple[str | None, str | None]:
    """(degree, field) from "Degree, Field"; either may be None.

    LinkedIn joins degree and field with a comma and a non-breaking space; a plain comma
    belongs to a name ("Business, Management, Marketing, and Related Support Services").
    Without that mark, a comma splits only after something that reads as a degree; a
    text with no degree word is a field.

    >>> split_degree("Master of Science,\u00a0Computer Science")
    ('Master of Science', 'Computer Science')
    >>> split_degree("Certificate, Product Management")
    ('Certificate', 'Product Management')
    >>> split_degree("  ")
    (None, None)
    """
    if not isinstance(text, str):
        return None, None
    text = text.strip().rstrip("·").strip()
    if not text:
        return None, None
    if ",\u00a0" in text:
        degree, field = text.split(",\u00a0", 1)
        return clean_text(degree), clean_text(field)
    if ", " in text and "\u00a0" not in text and _DEGREE_WORDS.search(text.split(", ", 1)[0]):
        degree, field = text.split(", ", 1)
        return clean_text(degree), clean_text(field)
    if _DEGREE_WORDS.search(text):
        return clean_text(text), None
    return None, clean_text(text)
