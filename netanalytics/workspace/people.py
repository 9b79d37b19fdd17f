"""Find people in the workspace by id, profile URL or name; follow merges to the survivor.

A merge (``netanalytics.workspace.corrections.merge_people``) keeps the merged-away record
with ``merged_into`` pointing at the person it became. :func:`follow_merges` is the one
rule for where a chain of merges ends; :func:`merge_map` and :func:`surviving_id` apply it
to the whole workspace or to one id.

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
from collections.abc import Callable

from netanalytics.errors import AmbiguousPersonError, NotFoundError
from netanalytics.identity.normalize import name_key, normalize_profile_url
from netanalytics.workspace.db import Workspace

__all__ = ["find_person", "follow_merges", "get_person", "merge_map", "surviving_id"]


def follow_merges(merged_into: Callable[[str], str | None], person_id: str) -> str:
    """Where ``person_id`` ended up: follow ``merged_into`` links to a record that was not
    merged away (a loop, which merges never make, stops where it closes).

    >>> follow_merges({"a": "b", "b": "c"}.get, "a"), follow_merges({}.get, "x")
    ('c', 'x')
    """
    seen = {person_id}
    target = merged_into(person_id)
    while target is not None and target not in seen:
        seen.add(target)
        person_id, target = target, merged_into(target)
    return person_id


def merge_map(conn: sqlite3.Connection) -> dict[str, str]:
    """Every merged-away person id -> the surviving id (chains followed)."""
    parent = dict(
        conn.execute("SELECT person_id, merged_into FROM people WHERE merged_into IS NOT NULL").fetchall()
    )
    return {pid: follow_merges(parent.get, pid) for pid in parent}


def _merged_into(conn: sqlite3.Connection) -> Callable[[str], str | None]:
    def lookup(person_id: str) -> str | None:
        row = conn.execute("SELECT merged_into FROM people WHERE person_id = ?", (person_id,)).fetchone()
        return row[0] if row else None

    return lookup


def surviving_id(conn: sqlite3.Connection, person_id: str) -> str | None:
    """The id ``person_id`` ended up as after merges, or None when there is no such person."""
    if conn.execute("SELECT 1 FROM people WHERE person_id = ?", (person_id,)).fetchone() is None:
        return None
    return follow_merges(_merged_into(conn), person_id)


def _live(ws: Workspace, person_id: str) -> sqlite3.Row | None:
    """The person row, following merges to the surviving record."""
    survivor = surviving_id(ws.conn, person_id)
    if survivor is None:
        return None
    return ws.conn.execute("SELECT * FROM people WHERE person_id = ?", (survivor,)).fetchone()


def get_person(ws: Workspace, person_id: str) -> sqlite3.Row:
    """The person with this id (following merges), or :class:`NotFoundError`."""
    row = _live(ws, person_id)
    if row is None:
        raise NotFoundError(f"No person with id '{person_id}' in the workspace {ws.folder}.",
                            next_step="list_people")
    return row


def find_person(ws: Workspace, query: str) -> sqlite3.Row:
    """Resolve what a user typed — an id, a profile URL or a name — to one person.

    Exact id first, then normalised profile URL, then a case-insensitive full name.
    A name shared by several people raises :class:`AmbiguousPersonError` listing them;
    no match raises :class:`NotFoundError`.
    """
    text = (query or "").strip()
    if not text:
        raise NotFoundError("No person given: expected an id, a profile URL or a name.", param="person")
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
    if not rows:  # "Ebony Zhao" finds "Ebony Zhao (she/her)" and "Ebony Zhao, MBA"
        key = name_key(text)
        rows = ws.conn.execute(
            "SELECT * FROM people WHERE merged_into IS NULL AND name_key = ? ORDER BY person_id", (key,)
        ).fetchall() if key else []
        if len(rows) == 1:
            return rows[0]
    if len(rows) > 1:
        raise AmbiguousPersonError(
            text, [(r["person_id"], r["full_name"], r["company"] or "") for r in rows]
        )
    raise NotFoundError(
        f"No person named '{text}' in the workspace: search the people by name, or give an id "
        "or profile URL.",
        next_step="list_people",
    )
