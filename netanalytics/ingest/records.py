"""The canonical shapes every parser produces: the contract between ingest and the rest.

A parser turns one file, folder or archive into a :class:`ParsedExport`. Frames use the
column lists below, in that order; missing values are ``None`` (object columns) so the
workspace can store them as SQL NULL. Dates are ``datetime.date`` and timestamps are naive
UTC ``datetime.datetime``. Strings are already cleaned of invisible characters and
surrounding spaces but otherwise kept as the export wrote them (identity does the
normalising).

>>> empty_frame(CONNECTION_COLUMNS).columns.tolist()[:3]
['first_name', 'last_name', 'full_name']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "CONNECTION_COLUMNS",
    "EDUCATION_COLUMNS",
    "INTERACTION_COLUMNS",
    "INTERACTION_COUNT_COLUMNS",
    "POSITION_COLUMNS",
    "SOURCE_KINDS",
    "ParsedExport",
    "SkippedRows",
    "empty_frame",
]

#: One row per person listed in a connections file or contacts file.
#: ``line`` is the 1-based physical line of the row in its file (for error messages);
#: ``categories`` is a ';'-joined list of contact groups (vCard CATEGORIES, Google labels)
#: or None; ``location`` is free text where the source has it.
CONNECTION_COLUMNS = [
    "first_name",
    "last_name",
    "full_name",
    "profile_url",
    "email",
    "company",
    "position",
    "connected_on",
    "location",
    "categories",
    "line",
]

#: My positions (Positions.csv): started_on/finished_on are dates (first of month);
#: finished_on None means current.
POSITION_COLUMNS = ["company", "title", "location", "started_on", "finished_on"]

#: My education (Education.csv): start/end are dates or None.
EDUCATION_COLUMNS = ["school", "degree", "start_on", "end_on"]

#: Per counterpart aggregates from my messages, invitations, endorsements and
#: recommendations. ``profile_url`` is as found (identity normalises it), ``name`` is the
#: counterpart's display name. Counts are ints (0 when none); dates are naive UTC datetimes.
#: ``invitation`` is 'outgoing' (I invited them), 'incoming' (they invited me) or None.
INTERACTION_COLUMNS = [
    "name",
    "profile_url",
    "messages_sent",
    "messages_received",
    "first_message_at",
    "last_message_at",
    "endorsements_received",
    "endorsements_given",
    "recommendations_received",
    "recommendations_given",
    "invitation",
]

#: The integer counts among INTERACTION_COLUMNS, which the workspace stores on my ties.
INTERACTION_COUNT_COLUMNS = (
    "messages_sent",
    "messages_received",
    "endorsements_received",
    "endorsements_given",
    "recommendations_received",
    "recommendations_given",
)

#: What a source is. 'linkedin_archive' is a whole export (zip or folder);
#: 'connections_csv' a lone Connections.csv; 'vcard' a .vcf; 'google_contacts' a Google CSV;
#: 'profile_pdf' one or more saved profiles (a PDF, a folder or a zip of them).
SOURCE_KINDS = ("linkedin_archive", "connections_csv", "vcard", "google_contacts", "profile_pdf")


def empty_frame(columns: list[str]) -> pd.DataFrame:
    """An empty frame with the given columns, all object dtype."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})


@dataclass
class SkippedRows:
    """Rows left out on purpose, by reason, for the import summary; ``names`` lists the
    people refused by name where the rows have one (e.g. vCards)."""

    reason: str
    count: int
    lines: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


@dataclass
class ParsedExport:
    """Everything one import reads, before identity resolution.

    ``profile`` is a dict with keys first_name, last_name, headline, summary, industry,
    location (Geo Location), profile_url (when an archive reveals it) — or None when the
    source has no Profile.csv. ``content_hash`` is the SHA-256 of the raw bytes (for a
    folder, of its relevant files in name order) so re-importing the same file is a no-op.
    For saved profile PDFs (kind 'profile_pdf') ``connections`` is empty and ``profiles``
    holds a :class:`~netanalytics.ingest.profile_pdf.ProfileRecord` per PDF, with the
    SHA-256 of each PDF's bytes in ``profile_hashes`` (same order).
    """

    kind: str
    path: Path
    content_hash: str
    connections: pd.DataFrame
    profile: dict[str, str | None] | None = None
    positions: pd.DataFrame = field(default_factory=lambda: empty_frame(POSITION_COLUMNS))
    education: pd.DataFrame = field(default_factory=lambda: empty_frame(EDUCATION_COLUMNS))
    interactions: pd.DataFrame = field(default_factory=lambda: empty_frame(INTERACTION_COLUMNS))
    skipped: list[SkippedRows] = field(default_factory=list)
    files_read: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    profiles: list[Any] = field(default_factory=list)
    profile_hashes: list[str] = field(default_factory=list)
