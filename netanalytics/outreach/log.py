"""The outreach log: every ask, introduction, meeting and follow-up, with history kept.

Each change is one transaction. An edit appends a row that supersedes the old one, a
delete marks the row, and every add/edit/delete/import is journalled so :func:`undo_last`
can take the latest one back. Nothing is ever physically removed.

This module is the log's public door: logging, editing and deleting events. Its parts
live beside it — the vocabulary a person types (:mod:`.vocabulary`), the storage of events
(:mod:`.storage`), referrals (:mod:`.referrals`) and the journal with undo (:mod:`.journal`).

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> ws = open_workspace(tempfile.mkdtemp())
>>> _ = ws.conn.execute(
...     "INSERT INTO people(person_id, full_name, company, created_at, updated_at)"
...     " VALUES ('p_1', 'Ada Lovelace', 'Engines Ltd', '', '')")
>>> event = log_event(ws, "Ada Lovelace", "outreach sent", at="2026-03-02 10:00",
...                   channel="LinkedIn message")
>>> event.stage, event.channel, str(event.at)
('outreach_sent', 'linkedin', '2026-03-02 10:00:00')
>>> undo_last(ws)
'Undid: logged outreach sent for Ada Lovelace on 2026-03-02 10:00.'
>>> history(ws, "p_1")
[]
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from netanalytics.bounds import check_event
from netanalytics.errors import InputError
from netanalytics.outreach.journal import describe, journal, undo_last
from netanalytics.outreach.referrals import Referral, ensure_referred_person
from netanalytics.outreach.storage import (
    EDITABLE,
    EVENT_COLUMNS,
    TEXT_FIELDS,
    Event,
    current_row,
    event,
    events_frame,
    history,
    insert_event,
    person_id_of,
    pipeline,
)
from netanalytics.outreach.vocabulary import (
    clean_text,
    iso_moment,
    normalize_channel,
    normalize_stage,
    parse_datetime,
)
from netanalytics.workspace.db import Workspace, utc_now_iso

__all__ = [
    "EVENT_COLUMNS",
    "Event",
    "Referral",
    "delete_event",
    "edit_event",
    "events_frame",
    "history",
    "log_event",
    "normalize_channel",
    "normalize_stage",
    "parse_datetime",
    "pipeline",
    "undo_last",
]


def _add_event(
    ws: Workspace,
    *,
    person_id: str,
    stage: str,
    moment: datetime,
    channel: str | None,
    via_id: str | None,
    texts: dict[str, str | None],
    referral: Referral | None,
    referral_person_id: str | None = None,
) -> tuple[list[int], dict[str, Any]]:
    """Insert one event (and, for a referral, the referred person's side); inside a transaction."""
    conn = ws.conn
    created: dict[str, Any] = {}
    if stage == "referral_given" and referral is not None:
        referral_person_id, created = ensure_referred_person(conn, person_id, referral, moment)
    now = utc_now_iso()
    event_id = insert_event(
        conn,
        {
            "person_id": person_id,
            "stage": stage,
            "at": iso_moment(moment),
            "channel": channel,
            "via_person_id": via_id,
            **texts,
            "created_at": now,
            "referral_person_id": referral_person_id,
        },
    )
    ids = [event_id]
    if stage == "referral_given" and referral is not None:
        referrer = conn.execute("SELECT full_name FROM people WHERE person_id = ?", (person_id,)).fetchone()[0]
        ids.append(
            insert_event(
                conn,
                {
                    "person_id": referral_person_id,
                    "stage": "identified",
                    "at": iso_moment(moment),
                    "via_person_id": person_id,
                    "notes": f"Referred by {referrer}",
                    "created_at": now,
                },
            )
        )
    created["events"] = ids
    return ids, created


def log_event(
    ws: Workspace,
    person: str,
    stage: str,
    *,
    at: datetime | date | str | None = None,
    channel: str | None = None,
    via: str | None = None,
    notes: str | None = None,
    questions: str | None = None,
    learned: str | None = None,
    next_step: str | None = None,
    referral: Referral | None = None,
    now: datetime | None = None,
) -> Event:
    """Log one event for ``person`` (id, profile URL or unambiguous name); one transaction.

    ``stage`` is one of :data:`~netanalytics.workspace.stages.ALL_STAGES` (friendly spellings
    accepted), ``channel`` one of :data:`CHANNELS` ('LinkedIn message', 'in person' …),
    ``via`` the intermediary. ``at`` defaults to ``now`` (default: the local clock).
    With stage ``referral_given`` a :class:`Referral` makes the referred person (or finds
    them), a tie from ``person`` to them, and an ``identified`` event for them.
    """
    stage = normalize_stage(stage)
    channel = normalize_channel(channel)
    moment = parse_datetime(at) or parse_datetime(now or datetime.now())
    if referral is not None and stage != "referral_given":
        raise InputError(
            "referral", "stage referral_given with a referral", f"stage {stage}", param="referral"
        )
    texts = {k: clean_text(v) for k, v in zip(TEXT_FIELDS, (notes, questions, learned, next_step), strict=True)}
    check_event(person=person, at=moment, texts=texts)
    person_id = person_id_of(ws, person, "person")
    via_id = person_id_of(ws, via, "via")
    if via_id is not None and via_id == person_id:
        raise InputError("via", "an intermediary other than the person", "the same person", param="via")
    with ws.transaction():
        ids, created = _add_event(
            ws,
            person_id=person_id,
            stage=stage,
            moment=moment,
            channel=channel,
            via_id=via_id,
            texts=texts,
            referral=referral,
        )
        journal(ws.conn, "add", ids[0], "logged " + describe(ws, stage, person_id, moment, ids[0]), created)
    return event(ws, ids[0])


def edit_event(ws: Workspace, event_id: int, **changes: Any) -> Event:
    """Change fields of an event: a new row supersedes the old one, which is kept.

    ``changes`` may name person, stage, at, channel, via, notes, questions, learned,
    next_step. Returns the new version (it has a new event id).
    """
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InputError("edit", f"fields among {', '.join(EDITABLE)}", ", ".join(unknown))
    if not changes:
        raise InputError("edit", "at least one field to change", "none")
    check_event(person=changes.get("person", ...), at=parse_datetime(changes.get("at")),
                texts={k: v for k, v in changes.items() if k in TEXT_FIELDS})
    with ws.transaction():
        old = dict(current_row(ws, event_id))
        new = {k: old[k] for k in ("person_id", "stage", "at", "channel", "via_person_id", *TEXT_FIELDS, "referral_person_id")}
        if "stage" in changes:
            stage = normalize_stage(changes["stage"])
            if (stage == "referral_given") != (old["stage"] == "referral_given"):
                raise InputError(
                    "A referral cannot be edited into or out of existence: delete the event and "
                    "log it again with the right stage."
                )
            new["stage"] = stage
        if "at" in changes:
            moment = parse_datetime(changes["at"])
            if moment is None:
                raise InputError("at", "a date and time", "nothing", param="at")
            new["at"] = iso_moment(moment)
        if "channel" in changes:
            new["channel"] = normalize_channel(changes["channel"])
        if "person" in changes:
            new["person_id"] = person_id_of(ws, changes["person"], "person")
            if new["person_id"] is None:
                raise InputError("person", "an id, profile URL or name", "nothing", param="person")
        if "via" in changes:
            new["via_person_id"] = person_id_of(ws, changes["via"], "via")
        if new["via_person_id"] is not None and new["via_person_id"] == new["person_id"]:
            raise InputError("via", "an intermediary other than the person", "the same person", param="via")
        for key in TEXT_FIELDS:
            if key in changes:
                new[key] = clean_text(changes[key])
        new_id = insert_event(
            ws.conn, {**new, "created_at": utc_now_iso(), "supersedes": int(old["event_id"])}
        )
        summary = f"edited {describe(ws, old['stage'], old['person_id'], datetime.fromisoformat(old['at']), 0)} into " + describe(
            ws, new["stage"], new["person_id"], datetime.fromisoformat(new["at"]), new_id
        )
        journal(ws.conn, "edit", new_id, summary, {"old": int(old["event_id"]), "new": new_id})
    return event(ws, new_id)


def delete_event(ws: Workspace, event_id: int) -> Event:
    """Mark an event deleted (kept in the file; :func:`undo_last` restores it)."""
    with ws.transaction():
        row = current_row(ws, event_id)
        ws.conn.execute(
            "UPDATE outreach_events SET deleted_at = ? WHERE event_id = ?", (utc_now_iso(), row["event_id"])
        )
        summary = "deleted " + describe(
            ws, row["stage"], row["person_id"], datetime.fromisoformat(row["at"]), row["event_id"]
        )
        journal(ws.conn, "delete", int(row["event_id"]), summary)
    return event(ws, int(row["event_id"]))


