"""Normalise the keys that identify a person across exports.

>>> normalize_profile_url("https://www.linkedin.com/in/Zo%C3%AB-M%C3%BCller/?trk=x")
'linkedin.com/in/zoë-müller'
>>> normalize_profile_url("fr.linkedin.com/in/jdoe/")
'linkedin.com/in/jdoe'
>>> normalize_email("  Ada@Example.COM ")
'ada@example.com'
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

__all__ = ["normalize_email", "normalize_profile_url"]

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}(?:-[a-z]{2})?\.|www\.|m\.)*linkedin\.com", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_profile_url(url: str | None) -> str | None:
    """A comparable key for a profile URL, or None when there is none.

    Decodes ``%XX``, lower-cases, drops the scheme, ``www.``/locale subdomains, the query,
    fragment and trailing slash. LinkedIn URNs (``urn:li:…``) are kept lower-cased as they are.
    """
    if url is None:
        return None
    text = unicodedata.normalize("NFC", unquote(str(url).strip())).strip()
    if not text:
        return None
    text = text.lower()
    if text.startswith("urn:li:"):
        return text
    text = _SCHEME.sub("", text)
    text = re.split(r"[?#]", text, maxsplit=1)[0]
    text = _LINKEDIN_HOST.sub("linkedin.com", text)
    text = text.removeprefix("www.")
    text = re.sub(r"/{2,}", "/", text).rstrip("/")
    return text or None


def normalize_email(email: str | None) -> str | None:
    """Lower-cased, trimmed email, or None when blank or not an address."""
    if email is None:
        return None
    text = str(email).strip().lower().removeprefix("mailto:")
    return text if _EMAIL.match(text) else None
