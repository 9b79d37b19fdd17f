"""Profile URLs: the one normaliser, the one validator, and the clickable link.

Every place that reads or stores a LinkedIn profile URL — the export parsers, identity
resolution, the importer's owner URL, a referral in the log, a person looked up by URL —
goes through :func:`profile_url_key`, so one person's URL as written by different files
gives one key. Every entry point that takes a URL from a person (an argument, a form
field) checks it with :func:`check_profile_url`, which refuses anything that is not a
LinkedIn profile (``javascript:alert(1)``, a company page on another site, …) instead of
storing it. Only keys made here are ever turned back into links (:func:`profile_link`).

>>> profile_url_key("https://www.linkedin.com/in/Zo%C3%AB-M%C3%BCller/?trk=x")
'linkedin.com/in/zoë-müller'
>>> profile_url_key("fr.linkedin.com/in/jdoe/") == profile_url_key("linkedin.com//in/jdoe")
True
>>> profile_url_key("javascript:alert(1)") is None
True
>>> profile_link("linkedin.com/in/jdoe")
'https://www.linkedin.com/in/jdoe'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from netanalytics.errors import InputError

__all__ = ["EXPECTED_PROFILE_URL", "check_profile_url", "is_profile_key", "profile_link", "profile_url_key"]

#: What a profile URL looks like, in error messages.
EXPECTED_PROFILE_URL = "a LinkedIn profile URL like https://www.linkedin.com/in/name"

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(//)?", re.IGNORECASE)
_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}(?:-[a-z]{2})?\.|www\.|m\.)*linkedin\.com(?=/|$)", re.IGNORECASE)
_PLAIN_PREFIX = "https://www.linkedin.com/in/"
_URL_ODD = re.compile(r"[?#\s\\]")
_WEB_SCHEMES = ("http", "https")


def _strip_invisible(text: str) -> str:
    """Drop format characters (zero-width spaces, direction marks) and surrounding space."""
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text.strip()


@lru_cache(maxsize=65536)
def profile_url_key(url: str | None) -> str | None:
    """A comparable key for a LinkedIn profile URL, or None when ``url`` is not one.

    Decodes ``%XX``, lower-cases, drops the scheme (only http/https), ``www.``/``m.``/locale
    subdomains, the query, fragment, doubled and trailing slashes: ``linkedin.com/in/<slug>``.
    LinkedIn URNs (``urn:li:…``) are kept lower-cased as they are. Anything else — another
    site, another scheme, a blank — has no key.
    """
    if url is None:
        return None
    text = url if isinstance(url, str) else str(url)
    if text.startswith(_PLAIN_PREFIX) and not _URL_ODD.search(text):
        # The common case, fast: a public-profile URL as Connections.csv writes it.
        slug = text[len(_PLAIN_PREFIX) :]
        if "%" in slug:
            slug = unquote(slug)
        if not slug.isascii():
            slug = unicodedata.normalize("NFC", slug)
        slug = slug.lower().rstrip("/")
        if slug and "/" not in slug and slug.strip() == slug and slug.isprintable():
            key = "linkedin.com/in/" + slug
            if is_profile_key(key):  # the same rule as the full path below
                return key
    text = _strip_invisible(unicodedata.normalize("NFC", unquote(_strip_invisible(text))))
    if not text:
        return None
    text = text.lower()
    if text.startswith("urn:li:"):
        return text
    scheme = _SCHEME.match(text)
    if scheme is not None:
        if scheme.group(1) not in _WEB_SCHEMES or not scheme.group(2):
            return None
        text = text[scheme.end() :]
    text = re.split(r"[?#]", text, maxsplit=1)[0]
    host = _LINKEDIN_HOST.match(text)
    if host is None:
        return None
    text = "linkedin.com" + re.sub(r"/{2,}", "/", text[host.end() :]).rstrip("/")
    return text if is_profile_key(text) else None


def is_profile_key(key: str | None) -> bool:
    """True for a key :func:`profile_url_key` can make: ``linkedin.com/<path>`` or a URN."""
    if not key:
        return False
    if key.startswith("urn:li:"):
        return len(key) > len("urn:li:")
    return (
        key.startswith("linkedin.com/")
        and len(key) > len("linkedin.com/")
        and not any(ch.isspace() or ch in "<>\"'`" for ch in key)
    )


def check_profile_url(value: str | None, param: str = "profile_url") -> str | None:
    """The key of a profile URL a person typed, None when blank, :class:`InputError` otherwise.

    The one validator for every entry point that takes a URL (the owner of a shared list,
    a referral, a person looked up by URL); ``param`` names the argument in the error.

    >>> check_profile_url(" https://www.linkedin.com/in/ada/ ", "owner_url")
    'linkedin.com/in/ada'
    >>> check_profile_url("", "referral_url") is None
    True
    >>> check_profile_url("javascript:alert(1)", "referral_url")
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: referral_url: expected a LinkedIn profile URL like https://www.linkedin.com/in/name, found 'javascript:alert(1)'.
    """
    if value is None or not str(value).strip():
        return None
    key = profile_url_key(str(value))
    if key is None:
        raise InputError(param, EXPECTED_PROFILE_URL, repr(str(value)), param=param)
    return key


def profile_link(key: str | None) -> str | None:
    """A clickable https URL for a stored profile key; None when there is no web page.

    >>> profile_link("urn:li:member:1") is None, profile_link(None) is None
    (True, True)
    """
    if not key or not key.startswith("linkedin.com/") or not is_profile_key(key):
        return None
    return f"https://www.{key}"
