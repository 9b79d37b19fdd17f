"""The log's journal: every add, edit, delete and import is recorded, so :func:`undo_last`
can take the latest one back. Undo never removes an event row: it marks it reverted (an
add, an edit) or clears its deletion; a referral's tie and source go again.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from netanalytics.errors import InputError
from netanalytics.workspace.db import Workspace, utc_now_iso

__all__ = ["describe", "journal", "undo_last"]


def journal(conn: sqlite3.Connection, kind: str, event_id: int | None, summary: str, detail: dict | None = None) -> None:
    conn.execute(
        "INSERT INTO outreach_actions(kind, event_id, detail, summary, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (kind, event_id, json.dumps(detail) if detail else None, summary, utc_now_iso()),
    )


def describe(ws: Workspace, stage: str, person_id: str, moment: datetime, event_id: int) -> str:
    """'interviewed for Ada Lovelace on 2026-03-02 15:00': an event in words (stages as people
    say them, no ids: the history lists those)."""
    row = ws.conn.execute("SELECT full_name FROM people WHERE person_id = ?", (person_id,)).fetchone()
    name = row[0] if row else person_id
    words = stage.replace("thank_you", "thank-you").replace("_", " ")
    return f"{words} for {name} on {moment:%Y-%m-%d %H:%M}"


def _forget_referred_person(conn: sqlite3.Connection, person_id: str, event_ids: list[int]) -> None:
    """Undoing the referral that created ``person_id`` takes them out again, with the
    'identified' entry it wrote for them — unless anything else has come to refer to them
    since (a tie, another event), in which case they stay."""
    marks = ",".join("?" * len(event_ids))
    others = conn.execute(
        f"SELECT 1 FROM outreach_events WHERE event_id NOT IN ({marks}) AND"
        " (person_id = ? OR via_person_id = ? OR referral_person_id = ?) LIMIT 1",
        (*event_ids, person_id, person_id, person_id),
    ).fetchone()
    ties = conn.execute("SELECT 1 FROM ties WHERE owner_id = ? OR person_id = ? LIMIT 1",
                        (person_id, person_id)).fetchone()
    if others or ties:
        return
    conn.execute("SAVEPOINT forget_referral")
    try:
        conn.execute(f"UPDATE outreach_events SET referral_person_id = NULL WHERE event_id IN ({marks})"
                     " AND referral_person_id = ?", (*event_ids, person_id))
        conn.execute(f"DELETE FROM outreach_events WHERE event_id IN ({marks}) AND person_id = ?",
                     (*event_ids, person_id))
        conn.execute("DELETE FROM identity_keys WHERE person_id = ?", (person_id,))
        conn.execute("DELETE FROM people WHERE person_id = ?", (person_id,))
    except sqlite3.IntegrityError:  # something else holds on to them: they stay, harmless
        conn.execute("ROLLBACK TO forget_referral")
    conn.execute("RELEASE forget_referral")


def undo_last(ws: Workspace) -> str:
    """Take back the latest add, edit, delete or import; returns what was undone, in words."""
    with ws.transaction() as conn:
        action = conn.execute(
            "SELECT * FROM outreach_actions WHERE undone_at IS NULL ORDER BY action_id DESC LIMIT 1"
        ).fetchone()
        if action is None:
            raise InputError("There is nothing to undo in the outreach log.")
        now = utc_now_iso()
        detail = json.loads(action["detail"]) if action["detail"] else {}
        kind = action["kind"]
        if kind in ("add", "import"):
            ids = detail.get("events") or [action["event_id"]]
            conn.executemany(
                "UPDATE outreach_events SET reverted_at = ? WHERE event_id = ?", [(now, i) for i in ids]
            )
            for tie in detail.get("ties", []) + ([detail["tie"]] if "tie" in detail else []):
                conn.execute("DELETE FROM ties WHERE owner_id = ? AND person_id = ?", tuple(tie))
            for source_id in detail.get("source_ids", []) + (
                [detail["source_id"]] if "source_id" in detail else []
            ):
                conn.execute("DELETE FROM sources WHERE source_id = ?", (source_id,))
            if detail.get("person_id"):
                _forget_referred_person(conn, detail["person_id"], ids)
        elif kind == "edit":
            conn.execute(
                "UPDATE outreach_events SET reverted_at = ? WHERE event_id = ?", (now, detail["new"])
            )
        elif kind == "delete":
            conn.execute(
                "UPDATE outreach_events SET deleted_at = NULL WHERE event_id = ?", (action["event_id"],)
            )
        conn.execute(
            "UPDATE outreach_actions SET undone_at = ? WHERE action_id = ?", (now, action["action_id"])
        )
    text = action["summary"]
    return f"Undid: {text[0].lower() + text[1:]}."

