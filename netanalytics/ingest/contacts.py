"""Contacts who are not on LinkedIn: vCard files (.vcf 2.1/3.0/4.0) and Google Contacts CSV.

Both become CONNECTION_COLUMNS rows: ``categories`` carries the contact's groups
(vCard ``CATEGORIES``, Google ``Labels``/``Group Membership``) joined by ``;`` so the
importer can map e.g. "Family" to a relationship; ``location`` is "locality, region,
country" of the first address; a LinkedIn URL (``URL``, ``X-SOCIALPROFILE``, a Google
``Website``) becomes ``profile_url``; notes, phones and birthdays are not read.

>>> vcf = "BEGIN:VCARD\\nVERSION:3.0\\nFN:Ada Lee\\nN:Lee;Ada;;;\\nCATEGORIES:Family\\nEND:VCARD\\n"
>>> frame, skipped = parse_vcards(vcf, "family.vcf")
>>> frame.loc[0, ["full_name", "first_name", "categories", "line"]].tolist()
['Ada Lee', 'Ada', 'Family', 1]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import vobject

from netanalytics.errors import InputError
from netanalytics.ingest.csvtable import Table
from netanalytics.ingest.names import clean_text, full_name
from netanalytics.ingest.records import CONNECTION_COLUMNS, SkippedRows

__all__ = ["GOOGLE_SIGNATURES", "google_from_table", "parse_vcards"]

#: Headers of the two Google Contacts CSV generations (normalised names).
GOOGLE_SIGNATURES = {
    "Google Contacts CSV": [
        {"first name", "last name", "e-mail 1 - value"},
        {"first name", "middle name", "last name", "labels"},
        {"first name", "last name", "organization name"},
        {"name", "given name", "family name"},
        {"given name", "family name", "group membership"},
    ]
}

_LINKEDIN = re.compile(r"linkedin\.com/in/", re.I)
_BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.I)
_END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.I)
_QP = re.compile(r"^[^:]*ENCODING=QUOTED-PRINTABLE[^:]*:", re.I)


@dataclass
class _Contact:
    line: int
    first: str | None = None
    last: str | None = None
    name: str | None = None
    url: str | None = None
    email: str | None = None
    company: str | None = None
    position: str | None = None
    location: str | None = None
    categories: list[str] = field(default_factory=list)


def _frame(contacts: list[_Contact]) -> pd.DataFrame:
    data = {
        "first_name": [c.first for c in contacts],
        "last_name": [c.last for c in contacts],
        "full_name": [c.name or full_name(c.first, c.last) for c in contacts],
        "profile_url": [c.url for c in contacts],
        "email": [c.email for c in contacts],
        "company": [c.company for c in contacts],
        "position": [c.position for c in contacts],
        "connected_on": [None] * len(contacts),
        "location": [c.location for c in contacts],
        "categories": [";".join(dict.fromkeys(c.categories)) or None for c in contacts],
        "line": [c.line for c in contacts],
    }
    return pd.DataFrame({col: pd.Series(data[col], dtype=object) for col in CONNECTION_COLUMNS})


def _place(*parts: str | None) -> str | None:
    cleaned = [p for p in (clean_text(x) for x in parts) if p]
    return ", ".join(dict.fromkeys(cleaned)) or None


# --------------------------------------------------------------------------- vCard


def _card_blocks(text: str, where: str) -> list[tuple[int, str]]:
    """(line of BEGIN:VCARD, card text) for each card, quoted-printable soft breaks joined."""
    blocks: list[tuple[int, str]] = []
    current: list[str] | None = None
    start = 0
    lines = re.split(r"\r\n|\r|\n", text)
    i = 0
    while i < len(lines):
        line = lines[i]
        if _BEGIN.match(line):
            current, start = ["BEGIN:VCARD"], i + 1
        elif _END.match(line):
            if current is not None:
                current.append("END:VCARD")
                blocks.append((start, "\r\n".join(current) + "\r\n"))
            current = None
        elif current is not None:
            # vCard 2.1 quoted-printable values continue after a trailing '='.
            if _QP.match(line):
                while line.endswith("=") and i + 1 < len(lines) and not _END.match(lines[i + 1]):
                    i += 1
                    line = line[:-1] + lines[i]
            if line.strip():
                current.append(line)
        i += 1
    if current is not None:
        raise InputError(where, "END:VCARD closing the card", "the end of the file", line=start)
    return blocks


def _first(card: vobject.base.Component, name: str) -> object | None:
    items = card.contents.get(name)
    return items[0].value if items else None


def _contact_from_card(card: vobject.base.Component, line: int) -> _Contact:
    contact = _Contact(line=line)
    n = _first(card, "n")
    if n is not None:
        given = n.given if isinstance(n.given, str) else " ".join(n.given)
        contact.first = clean_text(given)
        family = n.family if isinstance(n.family, str) else " ".join(n.family)
        contact.last = clean_text(family)
    contact.name = clean_text(_first(card, "fn"))
    org = _first(card, "org")
    if org:
        contact.company = clean_text(org[0] if isinstance(org, list) else org)
    contact.position = clean_text(_first(card, "title"))
    email = _first(card, "email")
    contact.email = clean_text(email)
    for key in ("url", "x-socialprofile"):
        for item in card.contents.get(key, []):
            value = clean_text(item.value)
            if value and _LINKEDIN.search(value):
                contact.url = contact.url or value
    adr = _first(card, "adr")
    if adr is not None:
        contact.location = _place(adr.city, adr.region, adr.country)
    for item in card.contents.get("categories", []):
        values = item.value if isinstance(item.value, list) else [item.value]
        contact.categories.extend(c for c in (clean_text(v) for v in values) if c)
    return contact


_PROP = re.compile(r"^(?:[\w-]+\.)?([\w-]+)((?:;[^:]*)?):(.*)$")


def _fallback_card(block: str, line: int) -> _Contact:
    """A minimal reader for cards vobject refuses: the few properties we use."""
    contact = _Contact(line=line)
    unfolded = re.sub(r"\r?\n[ \t]", "", block)
    for raw in unfolded.splitlines():
        match = _PROP.match(raw)
        if not match:
            continue
        name, value = match.group(1).upper(), match.group(3)
        parts = [p.replace("\\,", ",").replace("\\;", ";").replace("\\n", " ") for p in re.split(r"(?<!\\);", value)]
        if name == "FN":
            contact.name = clean_text(parts[0] if len(parts) == 1 else ";".join(parts))
        elif name == "N":
            contact.last = clean_text(parts[0])
            contact.first = clean_text(parts[1]) if len(parts) > 1 else None
        elif name == "ORG":
            contact.company = contact.company or clean_text(parts[0])
        elif name == "TITLE":
            contact.position = contact.position or clean_text(value)
        elif name == "EMAIL":
            contact.email = contact.email or clean_text(value)
        elif name in ("URL", "X-SOCIALPROFILE") and _LINKEDIN.search(value):
            contact.url = contact.url or clean_text(value)
        elif name == "ADR" and contact.location is None and len(parts) >= 7:
            contact.location = _place(parts[3], parts[4], parts[6])
        elif name == "CATEGORIES":
            contact.categories.extend(c for c in (clean_text(x) for x in re.split(r"(?<!\\),", value)) if c)
    return contact


def parse_vcards(text: str, where: str) -> tuple[pd.DataFrame, list[SkippedRows]]:
    """All cards of a .vcf file -> (connections frame, skipped cards).

    vCard 2.1, 3.0 and 4.0: folded lines, quoted-printable (soft line breaks too),
    escaped commas, property groups (``item1.URL``). A card vobject cannot read is read
    by a minimal fallback. Cards without any name, and company cards (Apple's
    ``X-ABSHOWAS:COMPANY``), are skipped and counted. No card at all raises InputError.
    """
    blocks = _card_blocks(text, where)
    if not blocks:
        raise InputError(
            where, "at least one vCard (BEGIN:VCARD … END:VCARD)", "no card",
            hint="Export the contacts again as vCard (.vcf).",
        )
    contacts: list[_Contact] = []
    nameless: list[int] = []
    companies: list[int] = []
    for line, block in blocks:
        try:
            card = vobject.readOne(block)
            contact = _contact_from_card(card, line)
            is_company = (clean_text(_first(card, "x-abshowas")) or "").upper() == "COMPANY"
        except (vobject.base.VObjectError, ValueError, AttributeError, IndexError, KeyError, TypeError):
            # vobject trips on some 4.0 constructs (and on malformed lines): read it simply.
            contact = _fallback_card(block, line)
            is_company = bool(re.search(r"^X-ABSHOWAS:COMPANY\s*$", block, re.I | re.M))
        if is_company:
            companies.append(line)
        elif contact.name or contact.first or contact.last:
            contacts.append(contact)
        else:
            nameless.append(line)
    skipped = []
    if nameless:
        skipped.append(SkippedRows("contact without a name", len(nameless), nameless))
    if companies:
        skipped.append(SkippedRows("company card, not a person", len(companies), companies))
    return _frame(contacts), skipped


# --------------------------------------------------------------------------- Google CSV


def _google_labels(value: str | None) -> list[str]:
    labels = []
    for part in re.split(r"\s*:::\s*", value or ""):
        part = clean_text(part)
        if part and not part.startswith("* "):
            labels.append(part)
    return labels


def google_from_table(table: Table) -> tuple[pd.DataFrame, list[SkippedRows]]:
    """A Google Contacts CSV table (new or old header) -> (connections frame, skipped)."""

    def col(*names: str) -> list[str]:
        values = table.column(*names)
        return values if values is not None else [""] * len(table)

    first = col("first name", "given name")
    middle = col("middle name", "additional name")
    last = col("last name", "family name")
    name = col("name")
    file_as = col("file as", "nickname")
    labels = col("labels", "group membership")
    company = col("organization name", "organization 1 - name")
    title = col("organization title", "organization 1 - title")
    emails = [col(f"e-mail {k} - value") for k in (1, 2, 3)]
    websites = [col(f"website {k} - value") for k in (1, 2, 3)]
    city = col("address 1 - city")
    region = col("address 1 - region")
    country = col("address 1 - country")
    contacts: list[_Contact] = []
    nameless: list[int] = []
    for i, line in enumerate(table.lines):
        given = clean_text(" ".join(x for x in (first[i], middle[i]) if x.strip()))
        family = clean_text(last[i])
        display = clean_text(name[i]) or full_name(given, family) or clean_text(file_as[i])
        if not display:
            nameless.append(line)
            continue
        email = next((e for e in (clean_text(v[i].split(":::")[0]) for v in emails) if e), None)
        url = next((clean_text(w[i]) for w in websites if _LINKEDIN.search(w[i] or "")), None)
        contacts.append(
            _Contact(
                line=line,
                first=given,
                last=family,
                name=display,
                url=url,
                email=email,
                company=clean_text(company[i]),
                position=clean_text(title[i]),
                location=_place(city[i], region[i], country[i]),
                categories=_google_labels(labels[i]),
            )
        )
    skipped = [SkippedRows("contact without a name", len(nameless), nameless)] if nameless else []
    return _frame(contacts), skipped
