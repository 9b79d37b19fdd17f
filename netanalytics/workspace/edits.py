"""The user's own word about a person: where they are, a school, their company and position.

The user knows things no export says ("she moved to Denver", "he studied at Tufts"). An
edit is stored in its own table (``person_edits``), keyed by the person and the field, and
wins over every import:

- ``location``, ``company`` and ``position`` are written into the person's row, so every
  view (people, ranking, drafts) shows the user's value; what the imports say is kept
  aside (``imported_value``) and comes back when the user clears the field;
- an import that would change an edited field leaves it alone and only updates the value
  kept aside (:func:`pinned_fields`, :func:`note_imported`); :func:`replay_edits` runs
  after every import so a merge or a split never loses an edit;
- ``school`` adds a school to the person's education (shown first, "from you").

Edits follow merges: an edit of a person merged away applies to the person they became
(the survivor's own edit of the same field wins).

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> from netanalytics.workspace.rows import insert_person
>>> ws = open_workspace(tempfile.mkdtemp())
>>> insert_person(ws.conn, "p_1", "Ada Lee", now="2026-01-01T00:00:00+00:00", location="Boston, MA")
>>> set_person(ws, "Ada Lee", location="Denver, CO", school="MIT")
{'location': ('Boston, MA', 'Denver, CO'), 'school': (None, 'MIT')}
>>> ws.conn.execute("SELECT location FROM people").fetchone()[0]
'Denver, CO'
>>> set_person(ws, "p_1", clear=["location"])
{'location': ('Denver, CO', 'Boston, MA')}
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from netanalytics.bounds import check_reference
from netanalytics.errors import InputError, NotFoundError
from netanalytics.workspace.db import utc_now_iso
from netanalytics.workspace.people import find_person, merge_map

if TYPE_CHECKING:
    from netanalytics.workspace.db import Workspace

__all__ = [
    "EDIT_FIELDS",
    "MAX_EDIT_CHARS",
    "PEOPLE_FIELDS",
    "kept_values",
    "note_imported",
    "pinned_fields",
    "replay_edits",
    "set_person",
]

#: What the user can say about a person.
EDIT_FIELDS = ("location", "school", "company", "position")
#: The edited fields that live in the person's row (``people``).
PEOPLE_FIELDS = ("location", "company", "position")
#: The longest value an edit takes (LinkedIn's own fields are shorter).
MAX_EDIT_CHARS = 300


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise InputError(name, "text", repr(value), param=name)
    text = " ".join(value.split())
    if not text:
        raise InputError(name, f"a {name} (to remove yours, clear the field)", "a blank value", param=name)
    if len(text) > MAX_EDIT_CHARS:
        raise InputError(name, f"at most {MAX_EDIT_CHARS} characters", f"{len(text):,}", param=name)
    return text


def _fields(clear: Iterable[str] | str) -> list[str]:
    values = [clear] if isinstance(clear, str) else list(clear)
    out = []
    for value in values:
        key = str(value).strip().lower()
        if key not in EDIT_FIELDS:
            raise InputError("clear", f"one of {', '.join(EDIT_FIELDS)}", repr(value), param="clear")
        if key not in out:
            out.append(key)
    return out


def set_person(
    ws: Workspace,
    person: str,
    *,
    location: str | None = None,
    school: str | None = None,
    company: str | None = None,
    position: str | None = None,
    clear: Iterable[str] | str = (),
    now: str | None = None,
) -> dict[str, tuple[str | None, str | None]]:
    """Say where ``person`` is, a school they went to, their company or position; or
    ``clear`` your earlier word on some of those fields (the imports' value comes back).

    ``person`` is an id, a profile URL or an unambiguous name. Returns, per field changed,
    (what it showed before, what it shows now). All or nothing; an unknown field, a blank
    value, a field both set and cleared, or clearing a field you never set is refused.
    """
    check_reference(person, "person")
    given = {k: v for k, v in {"location": location, "school": school, "company": company,
                               "position": position}.items() if v is not None}
    values = {k: _text(v, k) for k, v in given.items()}
    cleared = _fields(clear)
    both = [f for f in cleared if f in values]
    if both:
        raise InputError(f"{both[0]} is both set and cleared: give one or the other.", param="clear")
    if not values and not cleared:
        raise InputError("Nothing to change: give a location, school, company or position, or a field to clear.",
                         param="person")
    now = now or utc_now_iso()
    changes: dict[str, tuple[str | None, str | None]] = {}
    with ws.transaction() as conn:
        row = find_person(ws, person)
        pid = row["person_id"]
        mine = _own_edits(conn, pid)
        for field, value in values.items():
            before = mine[field]["value"] if field in mine else (row[field] if field in PEOPLE_FIELDS else None)
            imported = mine[field]["imported_value"] if field in mine else (
                row[field] if field in PEOPLE_FIELDS else None)
            conn.execute(
                "INSERT INTO person_edits(person_id, field, value, imported_value, updated_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(person_id, field) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (pid, field, value, imported, now),
            )
            if field in PEOPLE_FIELDS:
                _show(conn, pid, field, value, now)
            if before != value:
                changes[field] = (before, value)
        for field in cleared:
            if field not in mine:
                raise NotFoundError(f"{row['full_name']} has no {field} of yours to clear.", param="clear")
            conn.execute("DELETE FROM person_edits WHERE person_id = ? AND field = ?", (pid, field))
            after = mine[field]["imported_value"] if field in PEOPLE_FIELDS else None
            if field in PEOPLE_FIELDS:
                _show(conn, pid, field, after, now)
            changes[field] = (mine[field]["value"], after)
    return changes


def _own_edits(conn: sqlite3.Connection, pid: str) -> dict[str, sqlite3.Row]:
    return {r["field"]: r for r in conn.execute(
        "SELECT field, value, imported_value FROM person_edits WHERE person_id = ?", (pid,))}


def _show(conn: sqlite3.Connection, pid: str, field: str, value: str | None, now: str) -> None:
    """Write ``value`` into the person's row (no history: it is the user's word, not news)."""
    if field not in PEOPLE_FIELDS:
        raise ValueError(field)
    conn.execute(f"UPDATE people SET {field} = ?, updated_at = ? WHERE person_id = ?", (value, now, pid))


def pinned_fields(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Every edit, as surviving person id -> {field: the user's value} (merges followed;
    a survivor's own edit wins over one of a person merged into it)."""
    merges = merge_map(conn)
    out: dict[str, dict[str, str]] = {}
    own: set[tuple[str, str]] = set()
    for pid, field, value in conn.execute("SELECT person_id, field, value FROM person_edits ORDER BY updated_at"):
        survivor = merges.get(pid, pid)
        if (survivor, field) in own and pid != survivor:
            continue
        out.setdefault(survivor, {})[field] = value
        if pid == survivor:
            own.add((survivor, field))
    return out


def kept_values(conn: sqlite3.Connection) -> dict[str, dict[str, str | None]]:
    """What the imports say about each edited field (kept aside), as surviving person id ->
    {field: value}: an import decides whether it would change that value, as it would
    without the edit."""
    merges = merge_map(conn)
    out: dict[str, dict[str, str | None]] = {}
    for pid, field, value in conn.execute("SELECT person_id, field, imported_value FROM person_edits"):
        out.setdefault(merges.get(pid, pid), {}).setdefault(field, value)
    return out


def note_imported(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, Any]]) -> None:
    """Keep what an import says about edited fields: (person_id, field, value) rows, stored
    as the value to show again when the user clears the field."""
    rows = list(rows)
    if not rows:
        return
    merges = merge_map(conn)
    owners: dict[tuple[str, str], list[str]] = {}
    for pid, field in conn.execute("SELECT person_id, field FROM person_edits"):
        owners.setdefault((merges.get(pid, pid), field), []).append(pid)
    for pid, field, value in rows:
        for owner in owners.get((merges.get(pid, pid), field), ()):
            conn.execute("UPDATE person_edits SET imported_value = ? WHERE person_id = ? AND field = ?",
                         (value, owner, field))


def replay_edits(conn: sqlite3.Connection, now: str | None = None) -> int:
    """Make every person's row show the user's values again; returns how many rows changed."""
    now = now or utc_now_iso()
    changed = 0
    for pid, fields in pinned_fields(conn).items():
        row = conn.execute("SELECT location, company, position FROM people WHERE person_id = ?", (pid,)).fetchone()
        if row is None:
            continue
        updates = {f: v for f, v in fields.items() if f in PEOPLE_FIELDS and row[f] != v}
        for field, value in updates.items():
            _show(conn, pid, field, value, now)
        changed += bool(updates)
    return changed
