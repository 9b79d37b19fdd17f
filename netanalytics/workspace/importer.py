"""Import a parsed export into the workspace: people, ties, my profile, provenance.

:func:`import_source` reads a file (via :func:`netanalytics.ingest.read_source`) and calls
:func:`import_parsed`, which is pure database work in **one transaction**: any error
leaves the workspace exactly as it was.

What an import means:

- **Without an owner** it is *my* export. My profile becomes ``my_profile`` and the person
  with ``is_me = 1``; my positions and education replace the earlier ones; every
  connection gets a tie from me. Messages, invitations, endorsements and recommendations
  are matched to my connections (profile URL, else a name unique among my connections)
  and stored on those ties. A counterpart who is *not* a connection but exchanged
  messages or a recommendation with me is recorded as a person with a tie from me whose
  ``connected_on`` is empty (someone I talk to is part of my network); one known only
  from an invitation or an endorsement is not recorded (counted in the summary instead).
- **With an owner** it is a list a friend or family member shared: the owner is matched
  to a known person (profile URL, then a unique name) or created; my tie to them gets
  the ``relationship`` label; every listed person gets a tie from the owner.
- **Saved profile PDFs** (a PDF, a folder or a zip of them) describe one person each: see
  :mod:`netanalytics.workspace.importing.profiles`.
- **Contacts files** (vCard, Google Contacts CSV) hold people who may not be on LinkedIn:
  each becomes a person with a tie from me (or from the owner), labelled by
  ``relationship`` when given, else by the contact's categories ("Family",
  "Close friends", "Friends", "Coworkers"…).

Re-importing the same content for the same owner changes nothing. A newer export of a
list updates company, position and location (the earlier values go to
``person_history``) and keeps every id — also for old exports without profile URLs, where a
name the same owner listed once before is taken to be the same person even though the
company changed. A value from a *different* list only fills a blank. Ties that a newer
export no longer lists are kept. Lists imported before my own archive hang my ties on a
placeholder "Me"; when my archive comes, a row that named me on a friend's list (my
profile URL, or my name with my current employer) is merged into me — a recorded merge,
which a split (:func:`netanalytics.workspace.corrections.split_person`) can undo. The user's merge/split corrections
(``identity_overrides``) are replayed so they survive every import.

The work is in three parts (:mod:`netanalytics.workspace.importing`): planning the import
(pure checks and conversions, :mod:`~.importing.plan`), writing it (bulk, one
transaction, :mod:`~.importing.write`) and describing it (the summary in words,
:mod:`~.importing.describe`).

>>> import tempfile
>>> from datetime import date
>>> from pathlib import Path
>>> import pandas as pd
>>> from netanalytics.ingest.records import CONNECTION_COLUMNS, ParsedExport
>>> from netanalytics.workspace import open_workspace
>>> rows = pd.DataFrame([{c: None for c in CONNECTION_COLUMNS} | {
...     "first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace",
...     "profile_url": "https://www.linkedin.com/in/ada", "company": "Engines",
...     "connected_on": date(2024, 1, 5), "line": 5}], dtype=object)
>>> parsed = ParsedExport("connections_csv", Path("Connections.csv"), "abc", rows)
>>> ws = open_workspace(tempfile.mkdtemp())
>>> print(import_parsed(ws, parsed, now="2026-01-01T00:00:00+00:00"))
Imported Connections.csv (my LinkedIn connections): 1 person added, 0 updated, 1 tie
>>> print(import_parsed(ws, parsed).unchanged)
True
"""

from __future__ import annotations

import os

from netanalytics.ingest.records import ParsedExport
from netanalytics.workspace.db import Workspace
from netanalytics.workspace.importing.describe import ImportSummary, reason_text, source_label
from netanalytics.workspace.importing.plan import (
    CATEGORY_RELATIONSHIPS,
    check_import_arguments,
    plan_import,
    relationship_from_categories,
)
from netanalytics.workspace.importing.profiles import check_profile_import, import_profiles
from netanalytics.workspace.importing.write import PROGRESS_ROWS, gc_paused, write_import

__all__ = [
    "CATEGORY_RELATIONSHIPS",
    "PROGRESS_ROWS",
    "ImportSummary",
    "check_import",
    "check_import_arguments",
    "gc_paused",
    "import_parsed",
    "import_source",
    "reason_text",
    "relationship_from_categories",
    "source_label",
]


def import_source(
    ws: Workspace,
    path: str | os.PathLike[str],
    *,
    owner: str | None = None,
    owner_url: str | None = None,
    relationship: str | None = None,
    progress: bool = False,
    now: str | None = None,
) -> ImportSummary:
    """Read ``path`` (archive, folder, CSV, vCard) and import it; see the module docstring.

    Raises :class:`~netanalytics.errors.InputError` for a bad file or argument, leaving
    the workspace unchanged.
    """
    from netanalytics.ingest import read_source  # the parsers live a layer below

    check_import_arguments(owner, owner_url, relationship)
    with gc_paused():
        parsed = read_source(path, progress=progress)
        return import_parsed(
            ws,
            parsed,
            owner=owner,
            owner_url=owner_url,
            relationship=relationship,
            progress=progress,
            now=now,
            path_as_given=str(path),
        )


def check_import(
    parsed: ParsedExport,
    *,
    owner: str | None = None,
    owner_url: str | None = None,
    relationship: str | None = None,
    path_as_given: str | None = None,
) -> None:
    """Raise the :class:`~netanalytics.errors.InputError` that :func:`import_parsed` would
    raise before writing. Lets a caller refuse bad input before it even creates a workspace.

    >>> from netanalytics.ingest.records import CONNECTION_COLUMNS, empty_frame
    >>> from pathlib import Path
    >>> check_import(ParsedExport("connections_csv", Path("C.csv"), "h", empty_frame(CONNECTION_COLUMNS)))
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: found no people in C.csv: it holds no rows.
    """
    if parsed.kind == "profile_pdf":
        check_profile_import(owner, owner_url, relationship)
        return
    plan_import(parsed, owner, owner_url, relationship, path_as_given)


def import_parsed(
    ws: Workspace,
    parsed: ParsedExport,
    *,
    owner: str | None = None,
    owner_url: str | None = None,
    relationship: str | None = None,
    progress: bool = False,
    now: str | None = None,
    path_as_given: str | None = None,
) -> ImportSummary:
    """Write one parsed export into the workspace, all or nothing; see the module docstring.

    Saved profile PDFs (kind ``profile_pdf``) go to
    :func:`~netanalytics.workspace.importing.profiles.import_profiles`.
    """
    if parsed.kind == "profile_pdf":
        check_profile_import(owner, owner_url, relationship)
        return import_profiles(ws, parsed, path_as_given=path_as_given, now=now)
    plan = plan_import(parsed, owner, owner_url, relationship, path_as_given)
    return write_import(ws, plan, progress=progress, now=now)
