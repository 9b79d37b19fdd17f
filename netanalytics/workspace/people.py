"""Find people in the workspace by id, profile URL or name.

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> ws = open_workspace(tempfile.mkdtemp())
>>> _ = ws.conn.execute(
...     "INSERT INTO people(person_id, full_name, company, created_at, updated_at)"
...     " VALUES ('p_1', 'Ada Lovelace', 'Engines Ltd', '', '')")
>>> find_person(ws, "ada lovelace")["person_id"]
'p_1'
"""

from __future__ import annotations

import sqlite3

from netanalytics.errors import AmbiguousPersonError, NotFoundError
from netanalytics.identity.normalize import normalize_profile_url
from netanalytics.workspace.db import Workspace

__all__ = ["find_person", "get_person"]


def _live(ws: Workspace, person_id: str) -> sqlite3.Row | None:
    """The person row, following merges to the surviving record."""
    seen: set[str] = set()
    while person_id not in seen:
        seen.add(person_id)
        row = ws.conn.execute("SELECT * FROM people WHERE person_id = ?", (person_id,)).fetchone()
        if row is None:
            return None
        if row["merged_into"] is None:
            return row
        person_id = row["merged_into"]
    return None


def get_person(ws: Workspace, person_id: str) -> sqlite3.Row:
    """The person with this id (following merges), or :class:`NotFoundError`."""
    row = _live(ws, person_id)
    if row is None:
        raise NotFoundError(f"No person with id '{person_id}' in the workspace {ws.folder}.")
    return row


def find_person(ws: Workspace, query: str) -> sqlite3.Row:
    """Resolve what a user typed — an id, a profile URL or a name — to one person.

    Exact id first, then normalised profile URL, then a case-insensitive full name.
    A name shared by several people raises :class:`AmbiguousPersonError` listing them;
    no match raises :class:`NotFoundError`.
    """
    text = (query or "").strip()
    if not text:
        raise NotFoundError("No person given: expected an id, a profile URL or a name.")
    row = _live(ws, text)
    if row is not None:
        return row
    url = normalize_profile_url(text)
    if url and ("linkedin.com/" in url or url.startswith("urn:li:")):
        row = ws.conn.execute(
            "SELECT person_id FROM people WHERE profile_url = ? AND merged_into IS NULL", (url,)
        ).fetchone()
        if row is None:
            key = ws.conn.execute(
                "SELECT person_id FROM identity_keys WHERE kind = 'url' AND value = ?", (url,)
            ).fetchone()
            row = key
        if row is not None:
            return get_person(ws, row["person_id"])
        raise NotFoundError(f"No person with profile URL '{text}' in the workspace.")
    rows = ws.conn.execute(
        "SELECT * FROM people WHERE merged_into IS NULL AND lower(full_name) = lower(?)"
        " ORDER BY person_id",
        (text,),
    ).fetchall()
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise AmbiguousPersonError(
            text, [(r["person_id"], r["full_name"], r["company"] or "") for r in rows]
        )
    raise NotFoundError(
        f"No person named '{text}' in the workspace. Try `netanalytics people` to list names, "
        "or give an id or profile URL."
    )
