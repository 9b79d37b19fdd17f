"""The user's identity corrections: merge two people, split one apart.

Both write an ``identity_overrides`` row, replayed by every import so a correction
survives re-imports: keys move with a merge (so rows that named the merged-away person
find the survivor), and a split keeps its pieces apart (a later list from the same
owner never name-matches the piece that came from someone else's list).

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> ws = open_workspace(tempfile.mkdtemp())
>>> for pid, name in [("p_a", "Ada Lovelace"), ("p_b", "Ada King")]:
...     _ = ws.conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at)"
...                         " VALUES (?, ?, '', '')", (pid, name))
>>> merge_people(ws, "p_a", "p_b")
'p_a'
>>> split_person(ws, "p_a")
['p_a', 'p_b']
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from netanalytics.errors import InputError, NotFoundError
from netanalytics.identity.resolve import make_person_id
from netanalytics.ingest.records import INTERACTION_COUNT_COLUMNS
from netanalytics.workspace.db import Workspace, utc_now_iso
from netanalytics.workspace.people import find_person
from netanalytics.workspace.rows import (
    TIE_COLUMNS,
    insert_people,
    insert_source,
    insert_ties,
    note_person_sources,
)
from netanalytics.workspace.stages import normalize_relationship

__all__ = ["kept_apart", "merge_people", "replay_overrides", "set_relationship", "split_person"]

_TIE_COLUMNS = TIE_COLUMNS
_SUMMED = INTERACTION_COUNT_COLUMNS  # counts add up when two records merge
_FILLED = ("first_name", "last_name", "company", "position", "profile_url", "email", "location", "categories")


def _person(conn: sqlite3.Connection, pid: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM people WHERE person_id = ?", (pid,)).fetchone()
    if row is None:
        raise NotFoundError(
            f"No person with id '{pid}' in the workspace: search the people by name to find the id.",
            next_step="list_people",
        )
    return row


def _tie_dict(row: sqlite3.Row) -> dict[str, Any]:
    return {c: row[c] for c in _TIE_COLUMNS}


def _insert_tie(conn: sqlite3.Connection, tie: dict[str, Any]) -> None:
    insert_ties(conn, [[tie[c] for c in TIE_COLUMNS]], TIE_COLUMNS, replace=True)


def _combine(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """One tie from two that turned out to join the same pair of people."""
    out = dict(a)
    for c in _SUMMED:
        out[c] = (a[c] or 0) + (b[c] or 0)
    for c in ("connected_on", "relationship", "invitation", "source_id"):
        out[c] = a[c] if a[c] is not None else b[c]
    firsts = [v for v in (a["first_message_at"], b["first_message_at"]) if v]
    lasts = [v for v in (a["last_message_at"], b["last_message_at"]) if v]
    out["first_message_at"] = min(firsts) if firsts else None
    out["last_message_at"] = max(lasts) if lasts else None
    return out


def merge_people(ws: Workspace, keep_id: str, other_id: str) -> str:
    """Make ``other_id`` the same person as ``keep_id``; returns ``keep_id``.

    Ties, identity keys, sources, history and outreach events move to the kept person
    (two ties to the same counterpart are combined: counts add up); blank fields of the
    kept person are filled from the other, who gets ``merged_into = keep_id``. Recorded
    as an override, so re-imports keep them merged.
    """
    with ws.transaction() as conn:
        detail = _merge(conn, keep_id, other_id)
        conn.execute(
            "INSERT INTO identity_overrides(kind, person_id, other_id, detail, created_at)"
            " VALUES ('merge', ?, ?, ?, ?)",
            (keep_id, other_id, json.dumps(detail), utc_now_iso()),
        )
    return keep_id


def _merge(conn: sqlite3.Connection, keep_id: str, other_id: str) -> dict[str, Any]:
    if keep_id == other_id:
        raise InputError(f"Cannot merge '{keep_id}' with itself: give two different people.")
    keep = _person(conn, keep_id)
    other = _person(conn, other_id)
    for row in (keep, other):
        if row["merged_into"] is not None:
            raise InputError(
                f"'{row['person_id']}' ({row['full_name']}) was already merged into "
                f"'{row['merged_into']}'. Use that id instead."
            )
    now = utc_now_iso()
    detail: dict[str, Any] = {"keep_fields": {}, "other_is_me": bool(other["is_me"])}
    # Ties: re-point, combining the ones that now join the same pair.
    other_ties = [
        _tie_dict(r)
        for r in conn.execute("SELECT * FROM ties WHERE owner_id = ? OR person_id = ?", (other_id, other_id))
    ]
    detail["other_ties"] = other_ties
    detail["keep_ties"] = []
    for tie in other_ties:
        moved = dict(tie)
        for end in ("owner_id", "person_id"):
            if moved[end] == other_id:
                moved[end] = keep_id
        conn.execute(
            "DELETE FROM ties WHERE owner_id = ? AND person_id = ?", (tie["owner_id"], tie["person_id"])
        )
        if moved["owner_id"] == moved["person_id"]:
            continue  # a tie between the two halves of one person
        existing = conn.execute(
            "SELECT * FROM ties WHERE owner_id = ? AND person_id = ?", (moved["owner_id"], moved["person_id"])
        ).fetchone()
        if existing is not None:
            detail["keep_ties"].append(_tie_dict(existing))
            moved = _combine(_tie_dict(existing), moved)
        _insert_tie(conn, moved)
    # Keys, provenance, history, outreach, sources.
    detail["keys"] = [
        [k, v] for k, v in conn.execute("SELECT kind, value FROM identity_keys WHERE person_id = ?", (other_id,))
    ]
    conn.execute("UPDATE identity_keys SET person_id = ? WHERE person_id = ?", (keep_id, other_id))
    detail["other_sources"] = [
        [s, line] for s, line in conn.execute(
            "SELECT source_id, line FROM person_sources WHERE person_id = ?", (other_id,)
        )
    ]
    detail["keep_sources"] = [
        s for (s,) in conn.execute("SELECT source_id FROM person_sources WHERE person_id = ?", (keep_id,))
    ]
    conn.execute(
        "INSERT OR IGNORE INTO person_sources(person_id, source_id, line)"
        " SELECT ?, source_id, line FROM person_sources WHERE person_id = ?",
        (keep_id, other_id),
    )
    conn.execute("DELETE FROM person_sources WHERE person_id = ?", (other_id,))
    detail["history"] = [
        r for (r,) in conn.execute("SELECT rowid FROM person_history WHERE person_id = ?", (other_id,))
    ]
    conn.execute("UPDATE person_history SET person_id = ? WHERE person_id = ?", (keep_id, other_id))
    detail["events"] = [
        r for (r,) in conn.execute("SELECT event_id FROM outreach_events WHERE person_id = ?", (other_id,))
    ]
    detail["via_events"] = [
        r for (r,) in conn.execute("SELECT event_id FROM outreach_events WHERE via_person_id = ?", (other_id,))
    ]
    conn.execute("UPDATE outreach_events SET person_id = ? WHERE person_id = ?", (keep_id, other_id))
    conn.execute("UPDATE outreach_events SET via_person_id = ? WHERE via_person_id = ?", (keep_id, other_id))
    detail["owned_sources"] = [
        s for (s,) in conn.execute("SELECT source_id FROM sources WHERE owner_person_id = ?", (other_id,))
    ]
    conn.execute("UPDATE sources SET owner_person_id = ? WHERE owner_person_id = ?", (keep_id, other_id))
    # Fields: fill the kept person's blanks; "me" survives the merge.
    fills = {f: other[f] for f in _FILLED if keep[f] is None and other[f] is not None}
    detail["keep_fields"] = {f: keep[f] for f in fills}
    if other["is_me"]:
        conn.execute("UPDATE people SET is_me = 0 WHERE person_id = ?", (other_id,))
        fills["is_me"] = 1
        detail["keep_fields"]["is_me"] = keep["is_me"]
    conn.execute(
        "UPDATE people SET merged_into = ?, updated_at = ? WHERE person_id = ?", (keep_id, now, other_id)
    )
    if fills:
        sets = ", ".join(f"{k} = ?" for k in fills)
        conn.execute(
            f"UPDATE people SET {sets}, updated_at = ? WHERE person_id = ?", (*fills.values(), now, keep_id)
        )
    return detail


def _owners(conn: sqlite3.Connection, pid: str) -> list[str]:
    return sorted(
        {
            o
            for (o,) in conn.execute(
                "SELECT DISTINCT s.owner_person_id FROM person_sources ps JOIN sources s USING (source_id)"
                " WHERE ps.person_id = ? AND s.owner_person_id IS NOT NULL",
                (pid,),
            )
        }
    )


def split_person(ws: Workspace, person_id: str) -> list[str]:
    """Undo the latest merge into ``person_id``, or split it into one person per source.

    A person who absorbed another through :func:`merge_people` gets that person back with
    everything the merge moved. Otherwise the person's identity keys are grouped by the
    owner of the list that supplied them (my archive, each friend's list); each group
    after the first becomes a new person with its keys, its ties from that owner and its
    sources. Returns the ids of the pieces, the original first. Recorded as an override so
    a re-import does not join them again.
    """
    with ws.transaction() as conn:
        row = _person(conn, person_id)
        if row["merged_into"] is not None:
            raise InputError(
                f"'{person_id}' was merged into '{row['merged_into']}': split '{row['merged_into']}' instead."
            )
        merge = _active_merge(conn, person_id)
        if merge is not None:
            pieces = _undo_merge(conn, merge)
            undo = merge["override_id"]
        else:
            pieces = _split_by_owner(conn, row)
            undo = None
        detail = {
            "undo_merge": undo,
            "pieces": [{"person_id": p, "owners": _owners(conn, p)} for p in pieces],
        }
        conn.execute(
            "INSERT INTO identity_overrides(kind, person_id, other_id, detail, created_at)"
            " VALUES ('split', ?, ?, ?, ?)",
            (person_id, pieces[1] if len(pieces) > 1 else None, json.dumps(detail), utc_now_iso()),
        )
    return pieces


def _active_merge(conn: sqlite3.Connection, keep_id: str) -> dict[str, Any] | None:
    """The latest merge into ``keep_id`` whose other person is still merged into it."""
    for override_id, other_id, detail in conn.execute(
        "SELECT override_id, other_id, detail FROM identity_overrides"
        " WHERE kind = 'merge' AND person_id = ? ORDER BY override_id DESC",
        (keep_id,),
    ).fetchall():
        merged = conn.execute("SELECT merged_into FROM people WHERE person_id = ?", (other_id,)).fetchone()
        if merged is not None and merged[0] == keep_id:
            return {"override_id": override_id, "keep": keep_id, "other": other_id, **json.loads(detail)}
    return None


def _undo_merge(conn: sqlite3.Connection, m: dict[str, Any]) -> list[str]:
    keep_id, other_id = m["keep"], m["other"]
    now = utc_now_iso()
    conn.execute("UPDATE people SET merged_into = NULL, updated_at = ? WHERE person_id = ?", (now, other_id))
    if m["keep_fields"]:
        if "is_me" in m["keep_fields"]:
            conn.execute("UPDATE people SET is_me = 0 WHERE person_id = ?", (keep_id,))
        fields = {k: v for k, v in m["keep_fields"].items() if k != "is_me"}
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            conn.execute(f"UPDATE people SET {sets} WHERE person_id = ?", (*fields.values(), keep_id))
    if m["other_is_me"]:
        conn.execute("UPDATE people SET is_me = 1 WHERE person_id = ?", (other_id,))
    conn.executemany(
        "UPDATE identity_keys SET person_id = ? WHERE kind = ? AND value = ? AND person_id = ?",
        [(other_id, k, v, keep_id) for k, v in m["keys"]],
    )
    keep_sources = set(m["keep_sources"])
    for source_id, line in m["other_sources"]:
        note_person_sources(conn, [(other_id, source_id, line)])
        if source_id not in keep_sources:
            conn.execute(
                "DELETE FROM person_sources WHERE person_id = ? AND source_id = ?", (keep_id, source_id)
            )
    keep_originals = {(t["owner_id"], t["person_id"]): t for t in m["keep_ties"]}
    for tie in m["other_ties"]:
        moved = tuple(keep_id if x == other_id else x for x in (tie["owner_id"], tie["person_id"]))
        if moved in keep_originals:
            _insert_tie(conn, keep_originals[moved])
        elif moved[0] != moved[1]:
            conn.execute("DELETE FROM ties WHERE owner_id = ? AND person_id = ?", moved)
        _insert_tie(conn, tie)
    conn.executemany(
        "UPDATE person_history SET person_id = ? WHERE rowid = ?", [(other_id, r) for r in m["history"]]
    )
    conn.executemany(
        "UPDATE outreach_events SET person_id = ? WHERE event_id = ?", [(other_id, e) for e in m["events"]]
    )
    conn.executemany(
        "UPDATE outreach_events SET via_person_id = ? WHERE event_id = ?",
        [(other_id, e) for e in m["via_events"]],
    )
    conn.executemany(
        "UPDATE sources SET owner_person_id = ? WHERE source_id = ?",
        [(other_id, s) for s in m["owned_sources"]],
    )
    return [keep_id, other_id]


def _split_by_owner(conn: sqlite3.Connection, row: sqlite3.Row) -> list[str]:
    pid = row["person_id"]
    keys = conn.execute(
        "SELECT k.kind, k.value, k.source_id, s.owner_person_id FROM identity_keys k"
        " LEFT JOIN sources s USING (source_id) WHERE k.person_id = ? ORDER BY k.source_id",
        (pid,),
    ).fetchall()
    groups: dict[str | None, list[sqlite3.Row]] = {}
    for k in keys:
        groups.setdefault(k["owner_person_id"], []).append(k)
    if len(groups) < 2:
        raise InputError(
            f"Nothing to split: {row['full_name']} ('{pid}') was identified from one list only "
            "and was not merged with anyone."
        )
    taken = {p for (p,) in conn.execute("SELECT person_id FROM people")}
    owner_groups = list(groups.items())
    pieces = [pid]
    now = utc_now_iso()
    moved_urls: set[str] = set()
    moved_emails: set[str] = set()
    for owner_id, group_keys in owner_groups[1:]:
        first = min(group_keys, key=lambda k: ("url", "email", "name_company").index(k["kind"])
                    if k["kind"] in ("url", "email", "name_company") else 9)
        new_id = make_person_id(f"{first['kind']}:{first['value']}|split", taken)
        taken.add(new_id)
        url = next((k["value"] for k in group_keys if k["kind"] == "url"), None)
        email = next((k["value"] for k in group_keys if k["kind"] == "email"), None)
        moved_urls.update(k["value"] for k in group_keys if k["kind"] == "url")
        moved_emails.update(k["value"] for k in group_keys if k["kind"] == "email")
        insert_people(conn, [(new_id, row["full_name"], row["first_name"], row["last_name"], row["name_key"],
                              row["company"], row["position"], url, email, row["location"], row["categories"],
                              0, now, now)])
        conn.executemany(
            "UPDATE identity_keys SET person_id = ? WHERE kind = ? AND value = ?",
            [(new_id, k["kind"], k["value"]) for k in group_keys],
        )
        if owner_id is not None:
            conn.execute(
                "UPDATE ties SET person_id = ? WHERE person_id = ? AND owner_id = ?", (new_id, pid, owner_id)
            )
            conn.execute(
                "UPDATE person_sources SET person_id = ? WHERE person_id = ? AND source_id IN"
                " (SELECT source_id FROM sources WHERE owner_person_id = ?)",
                (new_id, pid, owner_id),
            )
        pieces.append(new_id)
    if row["profile_url"] in moved_urls:
        conn.execute("UPDATE people SET profile_url = NULL WHERE person_id = ?", (pid,))
    if row["email"] in moved_emails:
        conn.execute("UPDATE people SET email = NULL WHERE person_id = ?", (pid,))
    return pieces


def _active_splits(conn: sqlite3.Connection) -> list[list[dict[str, Any]]]:
    """Split pieces still kept apart (a later merge of two pieces cancels the split)."""
    splits: list[list[dict[str, Any]]] = []
    for kind, person_id, other_id, detail in conn.execute(
        "SELECT kind, person_id, other_id, detail FROM identity_overrides ORDER BY override_id"
    ):
        if kind == "split":
            pieces = json.loads(detail or "{}").get("pieces", [])
            if len(pieces) > 1:
                splits.append(pieces)
        else:
            pair = {person_id, other_id}
            splits = [s for s in splits if len(pair & {p["person_id"] for p in s}) < 2]
    return splits


def kept_apart(conn: sqlite3.Connection, owner_id: str) -> set[str]:
    """Ids that rows from ``owner_id``'s lists must not match by name (the user split them).

    For each active split in which one piece came from this owner's list, the other
    pieces are off limits.
    """
    forbidden: set[str] = set()
    for pieces in _active_splits(conn):
        if any(owner_id in p["owners"] for p in pieces):
            forbidden.update(p["person_id"] for p in pieces if owner_id not in p["owners"])
    return forbidden


def replay_overrides(ws: Workspace) -> int:
    """Re-apply merges an import may have undone (both people live again); returns how many.

    Keys move with a merge, so this is a safety net: it re-merges when an import created
    a person under an id the user had merged away.
    """
    count = 0
    with ws.transaction() as conn:
        for override_id, keep_id, other_id in conn.execute(
            "SELECT override_id, person_id, other_id FROM identity_overrides WHERE kind = 'merge'"
            " ORDER BY override_id"
        ).fetchall():
            later_split = conn.execute(
                "SELECT 1 FROM identity_overrides WHERE kind = 'split' AND override_id > ?"
                " AND (person_id IN (?, ?) OR other_id IN (?, ?))",
                (override_id, keep_id, other_id, keep_id, other_id),
            ).fetchone()
            if later_split:
                continue
            rows = conn.execute(
                "SELECT person_id, merged_into FROM people WHERE person_id IN (?, ?)", (keep_id, other_id)
            ).fetchall()
            live = {r[0] for r in rows if r[1] is None}
            if live == {keep_id, other_id}:
                _merge(conn, keep_id, other_id)
                count += 1
    return count


def set_relationship(ws: Workspace, person: str, label: str | None) -> tuple[str, str | None]:
    """Rate my tie to a person — the user's own correction, which tie strength uses.

    ``person`` is an id, profile URL or unambiguous name; ``label`` one of RELATIONSHIPS, or
    None to clear it. When no export says I know them (a friend's colleague I met, say), a
    tie from me is created under a 'manual' source. Imports never overwrite a label with
    a blank, so the correction survives re-imports. Returns (person_id, previous label).

    >>> import tempfile
    >>> from netanalytics.workspace import open_workspace
    >>> ws = open_workspace(tempfile.mkdtemp())
    >>> for pid, name, me in [("p_me", "Avery", 1), ("p_jo", "Jo Park", 0)]:
    ...     _ = ws.conn.execute("INSERT INTO people(person_id, full_name, is_me, created_at,"
    ...                         " updated_at) VALUES (?, ?, ?, '', '')", (pid, name, me))
    >>> set_relationship(ws, "Jo Park", "close friend")
    ('p_jo', None)
    >>> ws.conn.execute("SELECT relationship FROM ties WHERE person_id = 'p_jo'").fetchone()[0]
    'close-friend'
    """
    new = normalize_relationship(label, "label")
    me = ws.me_id()
    if me is None:
        raise InputError(
            "Your own export is not imported yet, so there is no tie of yours to rate. "
            "Import your LinkedIn archive first.",
            next_step="import_own_export",
        )
    with ws.transaction() as conn:
        row = find_person(ws, person)
        pid = row["person_id"]
        if pid == me:
            raise InputError("relationship", "someone other than you", "your own record")
        tie = conn.execute(
            "SELECT relationship FROM ties WHERE owner_id = ? AND person_id = ?", (me, pid)
        ).fetchone()
        if tie is not None:
            conn.execute(
                "UPDATE ties SET relationship = ? WHERE owner_id = ? AND person_id = ?", (new, me, pid)
            )
            return pid, tie["relationship"]
        if new is None:
            return pid, None
        source_id = insert_source(
            conn, kind="manual", owner_person_id=me, path="your correction",
            content_hash=f"relationship:{me}:{pid}", imported_at=utc_now_iso(), rows_read=1,
            summary=f"You said you know {row['full_name']}",
        )
        insert_ties(conn, [(me, pid, source_id, new)], ("owner_id", "person_id", "source_id", "relationship"))
        note_person_sources(conn, [(pid, source_id, None)])
    return pid, None
