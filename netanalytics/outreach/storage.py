"""The log's storage: reading current events (names resolved, merges followed) and
inserting event rows. Which rows count is the one rule of
:mod:`netanalytics.workspace.events`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas loads only when a frame is asked for (`netanalytics log` starts without it)
    import pandas as pd

from netanalytics.errors import InputError, NotFoundError
from netanalytics.workspace.db import Workspace
from netanalytics.workspace.events import CURRENT_SQL
from netanalytics.workspace.people import find_person, merge_map
from netanalytics.workspace.stages import MEETING_EVENT, NUDGE_STAGE, OUTCOMES, STAGES

__all__ = [
    "EDITABLE",
    "EVENT_COLUMNS",
    "TEXT_FIELDS",
    "Event",
    "current_row",
    "event",
    "event_rows",
    "events_frame",
    "history",
    "insert_event",
    "person_id_of",
    "pipeline",
    "pipeline_rows",
]

#: Columns of :func:`events_frame`, in order; :class:`Event` has the same fields.
EVENT_COLUMNS = (
    "event_id",
    "person_id",
    "name",
    "company",
    "stage",
    "at",
    "channel",
    "via_person_id",
    "via_name",
    "notes",
    "questions",
    "learned",
    "next_step",
    "referral_person_id",
    "referral_name",
    "deleted_at",
)
TEXT_FIELDS = ("notes", "questions", "learned", "next_step")
EDITABLE = ("person", "stage", "at", "channel", "via", *TEXT_FIELDS)

@dataclass(frozen=True)
class Event:
    """One logged event, as shown to the user (names resolved, merges followed)."""

    event_id: int
    person_id: str
    name: str
    company: str | None
    stage: str
    at: datetime
    channel: str | None
    via_person_id: str | None
    via_name: str | None
    notes: str | None
    questions: str | None
    learned: str | None
    next_step: str | None
    referral_person_id: str | None = None
    referral_name: str | None = None
    deleted_at: str | None = None


def person_id_of(ws: Workspace, query: str | None, what: str) -> str | None:
    if query is None or not str(query).strip():
        return None
    try:
        return find_person(ws, str(query))["person_id"]
    except NotFoundError as exc:
        raise NotFoundError("{param}: " + str(exc), param=what, next_step=exc.next_step) from None


def _names_of(conn: sqlite3.Connection, ids: set[str]) -> dict[str, tuple[str, str | None]]:
    """(full_name, company) of just these people, in chunks below SQLite's variable limit."""
    out: dict[str, tuple[str, str | None]] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"SELECT person_id, full_name, company FROM people WHERE person_id IN ({marks})", chunk):
            out[r["person_id"]] = (r["full_name"], r["company"])
    return out


def event_rows(ws: Workspace, where: str = "", params: tuple = (), include_deleted: bool = False) -> list[dict[str, Any]]:
    sql = f"SELECT e.* FROM outreach_events e WHERE {CURRENT_SQL}"
    if not include_deleted:
        sql += " AND e.deleted_at IS NULL"
    if where:
        sql += f" AND ({where})"
    sql += " ORDER BY e.at, e.event_id"
    rows = [dict(r) for r in ws.conn.execute(sql, params).fetchall()]
    if not rows:
        return []
    live = merge_map(ws.conn)
    wanted = {
        live.get(pid, pid)
        for r in rows
        for pid in (r["person_id"], r["via_person_id"], r["referral_person_id"])
        if pid
    }
    people = _names_of(ws.conn, wanted)
    out = []
    for r in rows:
        pid = live.get(r["person_id"], r["person_id"])
        via = live.get(r["via_person_id"], r["via_person_id"]) if r["via_person_id"] else None
        ref = r.get("referral_person_id")
        ref = live.get(ref, ref) if ref else None
        name, company = people.get(pid, (pid, None))
        out.append(
            {
                "event_id": int(r["event_id"]),
                "person_id": pid,
                "name": name,
                "company": company,
                "stage": r["stage"],
                "at": datetime.fromisoformat(r["at"]),
                "channel": r["channel"],
                "via_person_id": via,
                "via_name": people[via][0] if via in people else None,
                "notes": r["notes"],
                "questions": r["questions"],
                "learned": r["learned"],
                "next_step": r["next_step"],
                "referral_person_id": ref,
                "referral_name": people[ref][0] if ref in people else None,
                "deleted_at": r["deleted_at"],
            }
        )
    return out


def event(ws: Workspace, event_id: int) -> Event:
    rows = event_rows(ws, "e.event_id = ?", (event_id,), include_deleted=True)
    return Event(**rows[0])


def events_frame(ws: Workspace, include_deleted: bool = False) -> pd.DataFrame:
    """The current log as a DataFrame, oldest first; columns :data:`EVENT_COLUMNS`.

    Edited events appear once (their latest version); deleted ones only with
    ``include_deleted`` (their ``deleted_at`` is set). ``at`` is a pandas Timestamp; text
    columns hold None where empty.
    """
    import pandas as pd

    rows = event_rows(ws, include_deleted=include_deleted)
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS), dtype=object)
    frame["event_id"] = frame["event_id"].astype("int64")
    frame["at"] = pd.to_datetime(frame["at"]).astype("datetime64[us]")
    return frame


def history(ws: Workspace, person: str) -> list[Event]:
    """Everything logged for one person (id, URL or unambiguous name), oldest first."""
    target = find_person(ws, person)["person_id"]
    live = merge_map(ws.conn)
    aliases = [pid for pid, cur in live.items() if cur == target] + [target]
    marks = ",".join("?" * len(aliases))
    rows = event_rows(ws, f"e.person_id IN ({marks})", tuple(aliases))
    return [Event(**r) for r in rows]


#: Columns of :func:`pipeline`, in order.
PIPELINE_COLUMNS = ("person_id", "name", "company", "stage", "last_event_at", "last_outcome", "next_step", "events")


def pipeline_rows(ws: Workspace) -> list[dict[str, Any]]:
    """:func:`pipeline` as plain dicts (no pandas), in the same order."""
    by_person: dict[str, list[dict[str, Any]]] = {}
    for row in event_rows(ws):
        by_person.setdefault(row["person_id"], []).append(row)
    rows = []
    for pid, group in by_person.items():
        group = sorted(group, key=lambda r: (r["at"], r["event_id"]))
        stages = [r["stage"] for r in group]
        met = next((i for i, s in enumerate(stages) if s == MEETING_EVENT), None)
        progress = [
            i for i, s in enumerate(stages)
            if s in STAGES and (s != NUDGE_STAGE or (met is not None and i > met))
        ]
        stage = max((stages[i] for i in progress), key=STAGES.index, default="identified")
        outcomes = [s for s in stages if s in OUTCOMES]
        last_step = progress[-1] if progress else 0
        steps = [r["next_step"] for r in group[last_step:] if r["next_step"]]
        last = group[-1]
        rows.append({
            "person_id": pid, "name": last["name"], "company": last["company"], "stage": stage,
            "last_event_at": last["at"], "last_outcome": outcomes[-1] if outcomes else None,
            "next_step": steps[-1] if steps else None, "events": len(group),
        })
    rows.sort(key=lambda r: (STAGES.index(r["stage"]), r["last_event_at"]), reverse=True)
    return rows


def pipeline(ws: Workspace) -> pd.DataFrame:
    """One row per person in the log: the furthest stage reached and what happened last.

    Columns: person_id, name, company, stage, last_event_at, last_outcome, next_step,
    events. A ``followed_up`` before any meeting is a nudge, not progress, so it does not
    move the stage. ``next_step`` is the latest one written since the person's last
    pipeline step (an older one is stale). Sorted by furthest stage, then latest activity.
    """
    import pandas as pd

    out = pd.DataFrame(pipeline_rows(ws), columns=list(PIPELINE_COLUMNS), dtype=object)
    out["last_event_at"] = pd.to_datetime(out["last_event_at"]).astype("datetime64[us]")
    out["events"] = out["events"].astype("int64")
    return out.reset_index(drop=True)


def insert_event(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    cols = list(values)
    cur = conn.execute(
        f"INSERT INTO outreach_events({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [values[c] for c in cols],
    )
    return int(cur.lastrowid)


def current_row(ws: Workspace, event_id: int) -> sqlite3.Row:
    try:
        event_id = int(event_id)
    except (TypeError, ValueError):
        raise InputError("event_id", "a number", repr(event_id), param="event_id") from None
    row = ws.conn.execute(
        "SELECT * FROM outreach_events WHERE event_id = ? AND reverted_at IS NULL", (event_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No event {event_id} in the log: a person's history shows the event ids.",
                            param="event_id", next_step="see_event_ids")
    newer = ws.conn.execute(
        "SELECT event_id FROM outreach_events WHERE supersedes = ? AND reverted_at IS NULL", (event_id,)
    ).fetchone()
    if newer is not None:
        raise InputError(
            f"Event {event_id} was edited; its current version is event {newer[0]}. Use that id."
        )
    if row["deleted_at"] is not None:
        raise InputError(f"Event {event_id} is deleted; undo brings back the latest delete.", next_step="undo")
    return row


