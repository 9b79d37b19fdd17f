"""Contacts who are not on LinkedIn: vCard files (.vcf 2.1/3.0/4.0) and Google Contacts CSV.

Both become CONNECTION_COLUMNS rows: ``categories`` carries the contact's groups
(vCard ``CATEGORIES``, Google ``Labels``/``Group Membership``) joined by ``;`` so the
importer can map e.g. "Family" to a relationship; ``location`` is "locality, region,
country" of the first address that has one (a vCard's first ``ADR``; Google's "Address 1",
else "Address 2"); a LinkedIn URL (``URL``, ``X-SOCIALPROFILE``, a Google
``Website``) becomes ``profile_url``; notes, phones and birthdays are not read.

>>> vcf = "BEGIN:VCARD\\nVERSION:3.0\\nFN:Ada Lee\\nN:Lee;Ada;;;\\nCATEGORIES:Family\\nEND:VCARD\\n"
>>> frame, skipped = parse_vcards(vcf, "family.vcf")
>>> frame.loc[0, ["full_name", "first_name", "categories", "line"]].tolist()
['Ada Lee', 'Ada', 'Family', 1]
"""

from __future__ import annotations

import quopri
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

#: Properties holding binary data (base64), never read: dropped as the file is read.
_BINARY = re.compile(r"^(?:[\w-]+\.)?(?:PHOTO|LOGO|SOUND|KEY)[;:]", re.I)
#: The start of a property line; base64 data never contains ':' or ';'.
_PROPERTY_START = re.compile(r"^(?:[\w-]+\.)?[\w-]+[;:]")
#: vCard 2.1 puts an AGENT's own card right after an empty ``AGENT:`` line.
_AGENT = re.compile(r"^(?:[\w-]+\.)?AGENT(?:;[^:]*)?:\s*$", re.I)


@dataclass
class _Block:
    """The lines of one card as read, where it starts and what was wrong with its frame."""

    line: int
    lines: list[str] = field(default_factory=list)
    problem: str | None = None
    agent_of: _Block | None = None

    def text(self) -> str:
        return "\r\n".join(["BEGIN:VCARD", *self.lines, "END:VCARD"]) + "\r\n"


def _card_blocks(text: str, where: str) -> tuple[list[_Block], list[_Block]]:
    """(cards, stray blocks) of a vCard file: every card, however its frame is broken.

    A card missing its END:VCARD ends where the next BEGIN:VCARD (or the file) does; lines
    ending in END:VCARD without a BEGIN:VCARD make a card too; a vCard 2.1 ``AGENT:`` with a
    card nested in it gives that card separately (``agent_of`` its holder); lines outside
    any card that never end in END:VCARD are stray. Quoted-printable soft line breaks are
    joined; binary properties (PHOTO, LOGO, SOUND, KEY) are dropped while reading.
    """
    from netanalytics import bounds

    limit = bounds.SIZES.cards
    cards: list[_Block] = []
    strays: list[_Block] = []
    stack: list[_Block] = []
    outside: _Block | None = None  # lines seen outside any card
    skipping_binary = False

    def finish(block: _Block) -> None:
        cards.append(block)
        if len(cards) > limit:
            raise InputError(
                where, f"at most {limit:,} cards (a contacts file is far smaller)", f"more than {limit:,} cards"
            )

    lines = re.split(r"\r\n|\r|\n", text)
    i = 0
    while i < len(lines):
        line = lines[i]
        number = i + 1
        i += 1
        if _BEGIN.match(line):
            skipping_binary = False
            if outside is not None and _has_property(outside):
                strays.append(outside)
            outside = None
            if stack and stack[-1].lines and _AGENT.match(stack[-1].lines[-1]):
                holder = stack[-1]
                holder.lines.pop()
                stack.append(_Block(number, agent_of=holder))
                continue
            while stack:
                block = stack.pop()
                block.problem = f"it has no END:VCARD before the next BEGIN:VCARD on line {number}"
                finish(block)
            stack.append(_Block(number))
        elif _END.match(line):
            skipping_binary = False
            if stack:
                finish(stack.pop())
            elif outside is not None and _has_property(outside):
                outside.problem = f"it has no BEGIN:VCARD before the END:VCARD on line {number}"
                finish(outside)
                outside = None
        elif skipping_binary and line and not _PROPERTY_START.match(line):
            continue  # base64 data of a photo (folded or, in vCard 2.1, on bare lines)
        elif stack:
            skipping_binary = False
            if _BINARY.match(line):
                skipping_binary = True
                continue
            if _QP.match(line):
                # vCard 2.1 quoted-printable values continue after a trailing '='.
                while line.endswith("=") and i < len(lines) and not _END.match(lines[i]):
                    line = line[:-1] + lines[i]
                    i += 1
            if line.strip():
                stack[-1].lines.append(line)
        elif line.strip():
            skipping_binary = False
            if outside is None:
                outside = _Block(number)
            if _BINARY.match(line):
                skipping_binary = True
                continue
            outside.lines.append(line)
    while stack:
        block = stack.pop()
        block.problem = "it has no END:VCARD before the end of the file"
        finish(block)
    if outside is not None and _has_property(outside):
        strays.append(outside)
    cards.sort(key=lambda b: b.line)
    return cards, strays


def _has_property(block: _Block) -> bool:
    return any(_PROPERTY_START.match(line) and not line.upper().startswith("VERSION") for line in block.lines)


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
    for item in card.contents.get("adr", []):  # the first address that names a place
        adr = item.value
        contact.location = _place(getattr(adr, "city", None), getattr(adr, "region", None),
                                  getattr(adr, "country", None))
        if contact.location:
            break
    for item in card.contents.get("categories", []):
        values = item.value if isinstance(item.value, list) else [item.value]
        contact.categories.extend(c for c in (clean_text(v) for v in values) if c)
    return contact


_PROP = re.compile(r"^(?:[\w-]+\.)?([\w-]+)((?:;[^:]*)?):(.*)$")
_PARAM = re.compile(r";\s*([\w-]+)\s*=\s*([^;:]*)")


def _decode_value(params: str, value: str, notes: list[str]) -> str:
    """A property value with its quoted-printable encoding undone, in its CHARSET.

    An unknown character set is read as UTF-8 (bad bytes shown as U+FFFD) and noted.
    """
    found = {k.upper(): v.strip() for k, v in _PARAM.findall(params)}
    is_qp = found.get("ENCODING", "").upper() == "QUOTED-PRINTABLE" or re.search(
        r";\s*QUOTED-PRINTABLE\b", params, re.I
    )
    if not is_qp:
        return value
    raw = quopri.decodestring(value.encode("utf-8", "surrogateescape"))
    charset = found.get("CHARSET") or "utf-8"
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:
        notes.append(f"unknown character set {charset!r}, read as UTF-8")
        return raw.decode("utf-8", errors="replace")


def _fallback_card(block: str, line: int, notes: list[str] | None = None) -> _Contact:
    """A minimal reader for cards vobject refuses: the few properties we use."""
    notes = [] if notes is None else notes
    contact = _Contact(line=line)
    unfolded = re.sub(r"\r?\n[ \t]", "", block)
    for raw in unfolded.splitlines():
        match = _PROP.match(raw)
        if not match:
            continue
        name, value = match.group(1).upper(), _decode_value(match.group(2), match.group(3), notes)
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


def _display_name(contact: _Contact) -> str | None:
    return contact.name or full_name(contact.first, contact.last)


def _read_card(block: _Block) -> tuple[_Contact, bool, list[str]]:
    """(contact, is a company card, notes on what was odd) for one card."""
    text = block.text()
    notes: list[str] = []
    try:
        card = vobject.readOne(text)
        contact = _contact_from_card(card, block.line)
        is_company = (clean_text(_first(card, "x-abshowas")) or "").upper() == "COMPANY"
    except (vobject.base.VObjectError, ValueError, AttributeError, IndexError, KeyError, TypeError, LookupError):
        # vobject trips on some 4.0 constructs, unknown charsets and malformed lines: read it simply.
        contact = _fallback_card(text, block.line, notes)
        is_company = bool(re.search(r"^X-ABSHOWAS:COMPANY\s*$", text, re.I | re.M))
    return contact, is_company, notes


def parse_vcards(
    text: str, where: str, *, warnings: list[str] | None = None
) -> tuple[pd.DataFrame, list[SkippedRows]]:
    """All cards of a .vcf file -> (connections frame, skipped cards).

    vCard 2.1, 3.0 and 4.0: folded lines, quoted-printable (soft line breaks too, any
    CHARSET; an unknown one reads as UTF-8), escaped commas, property groups
    (``item1.URL``). A card vobject cannot read is read by a minimal fallback.

    No card is ever lost silently: a card is read, or refused and listed by name in the
    skipped rows (``SkippedRows.names``): cards without any name, company cards (Apple's
    ``X-ABSHOWAS:COMPANY``), a vCard 2.1 AGENT's card nested in another card, and lines
    outside any card. A broken frame (a missing END:VCARD or BEGIN:VCARD) is repaired and
    the card read. Each repair and refusal appends a sentence naming the card to
    ``warnings``. No card at all raises InputError.
    """
    warnings = [] if warnings is None else warnings
    blocks, strays = _card_blocks(text, where)
    if not blocks:
        raise InputError(
            where, "at least one vCard (BEGIN:VCARD … END:VCARD)", "no card",
            hint="Export the contacts again as vCard (.vcf).",
        )
    contacts: list[_Contact] = []
    refused: dict[str, SkippedRows] = {}

    def refuse(reason: str, line: int, name: str | None) -> None:
        entry = refused.setdefault(reason, SkippedRows(reason, 0, []))
        entry.count += 1
        entry.lines.append(line)
        if name:
            entry.names.append(name)

    names: dict[int, str | None] = {}
    for block in blocks:
        contact, is_company, notes = _read_card(block)
        name = _display_name(contact)
        names[id(block)] = name
        label = f"the card for '{name}'" if name else "a card without a name"
        for note in notes:
            warnings.append(f"{where}, line {block.line}: {label}: {note}.")
        if block.problem:
            warnings.append(f"{where}, line {block.line}: {label}: {block.problem}; read it up to there.")
        if block.agent_of is not None:
            holder = names.get(id(block.agent_of)) or _display_name(_fallback_card(block.agent_of.text(), 0))
            refuse("card nested as another contact's AGENT", block.line, name)
            warnings.append(
                f"{where}, line {block.line}: {label} is nested as the AGENT of '{holder or 'a card without a name'}'"
                "; it was not imported (an agent acts for a contact; import it separately if you know them)."
            )
        elif is_company:
            refuse("company card, not a person", block.line, name)
        elif contact.name or contact.first or contact.last:
            contacts.append(contact)
        else:
            refuse("contact without a name", block.line, None)
    for stray in strays:
        name = _display_name(_fallback_card(stray.text(), stray.line))
        if name is None:
            continue
        refuse("lines outside any card", stray.line, name)
        warnings.append(
            f"{where}, line {stray.line}: the lines for '{name}' stand outside any BEGIN:VCARD … END:VCARD; "
            "they were not imported. Export the contacts again, or add the missing lines."
        )
    return _frame(contacts), list(refused.values())


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
    # The first address that names a city, region or country ("Address 1", else "Address 2").
    addresses = [(col(f"address {k} - city"), col(f"address {k} - region"), col(f"address {k} - country"))
                 for k in (1, 2)]
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
                location=next((p for p in (_place(c[i], r[i], n[i]) for c, r, n in addresses) if p), None),
                categories=_google_labels(labels[i]),
            )
        )
    skipped = [SkippedRows("contact without a name", len(nameless), nameless)] if nameless else []
    return _frame(contacts), skipped
