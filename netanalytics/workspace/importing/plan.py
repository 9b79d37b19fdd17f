"""Planning an import: every check and conversion that needs no database.

:func:`plan_import` checks the arguments (owner, owner URL, relationship) and that the
export names somebody, and turns the parsed connection rows into plain column lists.
Nothing here writes; a bad argument or an empty export is refused before a workspace is
even opened.

>>> from pathlib import Path
>>> from netanalytics.ingest.records import CONNECTION_COLUMNS, ParsedExport, empty_frame
>>> plan_import(ParsedExport("connections_csv", Path("C.csv"), "h", empty_frame(CONNECTION_COLUMNS)))
Traceback (most recent call last):
...
netanalytics.errors.InputError: found no people in C.csv: it holds no rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from netanalytics.errors import InputError
from netanalytics.ingest.records import CONNECTION_COLUMNS, ParsedExport
from netanalytics.urls import check_profile_url
from netanalytics.workspace.importing.describe import CONTACT_KINDS, reason_text
from netanalytics.workspace.stages import RELATIONSHIPS, normalize_relationship

__all__ = [
    "CATEGORY_RELATIONSHIPS",
    "ImportPlan",
    "check_import_arguments",
    "count_value",
    "iso_value",
    "plan_import",
    "relationship_from_categories",
    "text_column",
    "value",
]

#: Contact-group names (vCard CATEGORIES, Google labels), lower-cased, and the
#: relationship each implies. A contact in several groups gets the strongest.
CATEGORY_RELATIONSHIPS = {
    "family": "family",
    "relatives": "family",
    "relative": "family",
    "parents": "family",
    "siblings": "family",
    "close friends": "close-friend",
    "close friend": "close-friend",
    "close-friends": "close-friend",
    "best friends": "close-friend",
    "friends": "friend",
    "friend": "friend",
    "coworkers": "colleague",
    "co-workers": "colleague",
    "coworker": "colleague",
    "colleagues": "colleague",
    "colleague": "colleague",
    "work": "colleague",
    "acquaintances": "acquaintance",
    "acquaintance": "acquaintance",
}

_IDENTIFYING = ("full_name", "first_name", "last_name", "profile_url", "email")


def relationship_from_categories(categories: str | None) -> str | None:
    """The strongest relationship that a ';'-joined list of contact groups implies.

    >>> relationship_from_categories("Friends;Family")
    'family'
    >>> relationship_from_categories("* myContacts;Coworkers")
    'colleague'
    >>> relationship_from_categories("Book club") is None
    True
    """
    if not categories:
        return None
    found = {
        CATEGORY_RELATIONSHIPS.get(" ".join(part.strip().lstrip("*").lower().split()))
        for part in str(categories).replace(",", ";").split(";")
    }
    found.discard(None)
    for label in RELATIONSHIPS:
        if label in found:
            return label
    return None


# --------------------------------------------------------------------------- values


def value(v: Any) -> Any:
    """None for missing values (None, NaN, NaT, pd.NA, blank strings).

    >>> value("  "), value(float("nan")), value("Ada")
    (None, None, 'Ada')
    """
    if v is None:
        return None
    if isinstance(v, str):
        return v if v.strip() else None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def iso_value(v: Any, where: str, line: Any, field_name: str) -> str | None:
    """An ISO date/timestamp string for a date, datetime or ISO text; InputError otherwise.

    >>> iso_value(date(2024, 1, 5), "C.csv", 3, "connected_on")
    '2024-01-05'
    """
    v = value(v)
    if v is None:
        return None
    if isinstance(v, datetime):  # includes pd.Timestamp
        return v.replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, str):
        try:
            return date.fromisoformat(v).isoformat() if len(v) == 10 else datetime.fromisoformat(v).isoformat()
        except ValueError:
            pass
    raise InputError(
        where, "a date", repr(v), line=int(line) if value(line) is not None else None, field=field_name
    )


def count_value(v: Any, where: str, field_name: str) -> int:
    """A count of 0 or more (0 for missing); InputError otherwise."""
    v = value(v)
    if v is None:
        return 0
    try:
        n = int(v)
    except (TypeError, ValueError):
        raise InputError(where, "a whole number", repr(v), field=field_name) from None
    if n < 0:
        raise InputError(where, "a count of 0 or more", str(n), field=field_name)
    return n


def text_column(frame: pd.DataFrame, name: str) -> list[Any]:
    """A column as a list, None for missing or blank values (fast: no per-cell pd.isna)."""
    if name not in frame.columns:
        return [None] * len(frame)
    col = frame[name]
    values = col.tolist()
    missing = col.isna()
    if missing.any():
        values = [None if gone else v for v, gone in zip(values, missing.tolist(), strict=True)]
    return [None if (v.__class__ is str and (not v or v.isspace())) else v for v in values]


# --------------------------------------------------------------------------- arguments


def check_import_arguments(owner: str | None, owner_url: str | None, relationship: str | None) -> str | None:
    """Check the owner arguments and return the normalised relationship label (or None).

    Raises :class:`InputError` (naming the argument in ``param``) for an unknown label
    (listing the allowed ones), a blank owner, ``owner_url`` without ``owner`` or a URL
    that is not a LinkedIn profile.

    >>> check_import_arguments("Maya", None, "Close friend")
    'close-friend'
    >>> check_import_arguments("", None, None)
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: The owner name is blank: give the name of the person who shared the list.
    """
    label = normalize_relationship(relationship, "relationship")
    if owner is not None and not owner.strip():
        raise InputError("The {param} name is blank: give the name of the person who shared the list.",
                         param="owner")
    if owner_url is not None and owner is None:
        raise InputError("{param} needs the owner's name too (whose list this is).", param="owner_url")
    if owner_url is not None and check_profile_url(owner_url, "owner_url") is None:
        raise InputError("owner_url", "a LinkedIn profile URL", "a blank", param="owner_url")
    return label


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class ImportPlan:
    """What an import will write, decided before touching the workspace."""

    parsed: ParsedExport
    owner: str | None
    owner_url: str | None
    relationship: str | None  # normalised label
    name: str  # the file name shown to the user
    path_text: str  # the path as given
    rows: dict[str, list[Any]]  # connection columns, rows that name somebody
    blank_rows: int  # rows dropped for naming nobody

    @property
    def mine(self) -> bool:
        """True when this is my own export (no owner)."""
        return self.owner is None

    @property
    def is_contacts(self) -> bool:
        """True for a contacts file (vCard, Google Contacts)."""
        return self.parsed.kind in CONTACT_KINDS


def connection_lists(frame: pd.DataFrame) -> tuple[dict[str, list[Any]], int]:
    """The connection columns as lists, keeping rows that name somebody (a name, URL or
    e-mail); returns them and how many blank rows were dropped."""
    columns = {c: text_column(frame, c) for c in CONNECTION_COLUMNS}
    keep = [any(cells) for cells in zip(*(columns[c] for c in _IDENTIFYING), strict=True)]
    dropped = keep.count(False)
    if dropped:
        columns = {c: [v for v, k in zip(vals, keep, strict=True) if k] for c, vals in columns.items()}
    return columns, dropped


def _no_people_reason(parsed: ParsedExport, rows: int) -> str:
    hidden = [f"{s.count} {reason_text(s.reason, s.count)}" for s in parsed.skipped if s.count]
    if hidden:
        return "every row was left out (" + ", ".join(hidden) + ")"
    if rows:
        return f"none of its {rows} rows has a name, profile URL or e-mail"
    return "it has a header but no rows" if parsed.files_read else "it holds no rows"


def plan_import(
    parsed: ParsedExport,
    owner: str | None = None,
    owner_url: str | None = None,
    relationship: str | None = None,
    path_as_given: str | None = None,
) -> ImportPlan:
    """Every check that needs no database: arguments, and that the export names someone."""
    label = check_import_arguments(owner, owner_url, relationship)
    if owner is None and label is not None and parsed.kind not in CONTACT_KINDS:
        raise InputError(
            "{param} rates your tie to the person who shared a list: give it with the list's "
            "owner, or with a contacts file (.vcf or Google Contacts CSV).",
            param="relationship",
        )
    path_text = path_as_given if path_as_given is not None else str(parsed.path)
    name = Path(path_text).name or path_text
    rows, blank_rows = connection_lists(parsed.connections)
    if not rows["line"]:
        raise InputError(
            f"found no people in {name}: {_no_people_reason(parsed, len(parsed.connections))}."
        )
    return ImportPlan(parsed, owner, owner_url, label, name, path_text, rows, blank_rows)
