"""Small writers for the people, ties and sources tables (and what hangs off them).

In the spirit of sqlite-utils' ``table.insert`` / ``table.upsert``: the importer, the
corrections and the outreach log write through these functions instead of spelling out
their own ``INSERT`` statements, so each table's columns and conflict rules live here once.
Each function runs inside whatever transaction the caller holds; bulk variants take an
iterable of rows and use one ``executemany``.

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> ws = open_workspace(tempfile.mkdtemp())
>>> insert_person(ws.conn, "p_1", "Ada Lovelace", now="2026-01-01T00:00:00+00:00", company="Engines")
>>> source = insert_source(ws.conn, kind="manual", owner_person_id="p_1", path="a note",
...                        content_hash="h", imported_at="2026-01-01T00:00:00+00:00")
>>> ws.conn.execute("SELECT full_name, name_key, company FROM people").fetchone()[:]
('Ada Lovelace', 'ada lovelace', 'Engines')
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from netanalytics.identity.normalize import name_key

__all__ = [
    "PERSON_COLUMNS",
    "TIE_COLUMNS",
    "add_identity_keys",
    "insert_people",
    "insert_person",
    "insert_source",
    "insert_ties",
    "note_history",
    "note_person_sources",
    "tie_between",
    "update_person",
    "upsert_ties",
]

#: The columns of a new person row, in the order :func:`insert_people` expects.
PERSON_COLUMNS = (
    "person_id", "full_name", "first_name", "last_name", "name_key", "company", "position",
    "profile_url", "email", "location", "categories", "is_me", "created_at", "updated_at",
)
#: Every column of a tie row.
TIE_COLUMNS = (
    "owner_id", "person_id", "source_id", "connected_on", "relationship", "messages_sent",
    "messages_received", "first_message_at", "last_message_at", "endorsements_received",
    "endorsements_given", "recommendations_received", "recommendations_given", "invitation",
)
_SOURCE_COLUMNS = ("kind", "owner_person_id", "path", "content_hash", "relationship", "imported_at",
                   "rows_read", "summary")


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def insert_people(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]],
                  columns: Sequence[str] = PERSON_COLUMNS) -> None:
    """Insert new people: each row a sequence of values for ``columns``."""
    conn.executemany(
        f"INSERT INTO people({', '.join(columns)}) VALUES ({_marks(len(columns))})", rows
    )


def insert_person(conn: sqlite3.Connection, person_id: str, full_name: str, *, now: str,
                  **fields: Any) -> None:
    """Insert one person; ``name_key`` is derived from the name unless given."""
    values = {"person_id": person_id, "full_name": full_name, "name_key": name_key(full_name),
              "is_me": 0, **fields, "created_at": now, "updated_at": now}
    insert_people(conn, [tuple(values.values())], tuple(values))


def update_person(conn: sqlite3.Connection, person_id: str, changes: Mapping[str, Any], *, now: str) -> None:
    """Set some fields of a person (and ``updated_at``); nothing when ``changes`` is empty."""
    if not changes:
        return
    sets = ", ".join(f"{k} = ?" for k in changes)
    conn.execute(f"UPDATE people SET {sets}, updated_at = ? WHERE person_id = ?",
                 (*changes.values(), now, person_id))


def add_identity_keys(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, int | None]]) -> None:
    """Record (kind, value, person_id, source_id) keys; a key already known keeps its person."""
    conn.executemany(
        "INSERT OR IGNORE INTO identity_keys(kind, value, person_id, source_id) VALUES (?, ?, ?, ?)", rows
    )


def note_person_sources(conn: sqlite3.Connection, rows: Iterable[tuple[str, int | None, Any]]) -> None:
    """Record that (person_id, source_id, line) mentions a person (once per source)."""
    conn.executemany(
        "INSERT OR IGNORE INTO person_sources(person_id, source_id, line) VALUES (?, ?, ?)", rows
    )


def note_history(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, Any, Any, str, int | None]]) -> None:
    """Record earlier values: (person_id, field, old_value, new_value, changed_at, source_id)."""
    conn.executemany(
        "INSERT INTO person_history(person_id, field, old_value, new_value, changed_at, source_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def insert_source(conn: sqlite3.Connection, *, kind: str, owner_person_id: str | None, path: str,
                  content_hash: str, imported_at: str, rows_read: int = 0,
                  relationship: str | None = None, summary: str | None = None) -> int:
    """Insert one source (an import, or a 'manual' note such as a logged referral); its id."""
    values = (kind, owner_person_id, path, content_hash, relationship, imported_at, rows_read, summary)
    cur = conn.execute(
        f"INSERT INTO sources({', '.join(_SOURCE_COLUMNS)}) VALUES ({_marks(len(values))})", values
    )
    return int(cur.lastrowid)


def insert_ties(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]], columns: Sequence[str], *,
                replace: bool = False, ignore: bool = False) -> None:
    """Insert ties (each row a sequence of values for ``columns``).

    ``replace`` overwrites a tie between the same two people; ``ignore`` keeps it.
    """
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE" if ignore else "INSERT"
    conn.executemany(f"{verb} INTO ties({', '.join(columns)}) VALUES ({_marks(len(columns))})", rows)


def upsert_ties(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]], columns: Sequence[str],
                update: Sequence[str]) -> None:
    """Insert ties; for a pair already tied, set each column of ``update`` to the new value
    where it has one (a blank never overwrites what is known)."""
    sets = ", ".join(f"{c} = coalesce(excluded.{c}, ties.{c})" for c in update)
    conn.executemany(
        f"INSERT INTO ties({', '.join(columns)}) VALUES ({_marks(len(columns))})"
        f" ON CONFLICT(owner_id, person_id) DO UPDATE SET {sets}",
        rows,
    )


def tie_between(conn: sqlite3.Connection, owner_id: str, person_id: str) -> sqlite3.Row | None:
    """The tie ``owner_id`` -> ``person_id``, or None."""
    return conn.execute(
        "SELECT * FROM ties WHERE owner_id = ? AND person_id = ?", (owner_id, person_id)
    ).fetchone()
