"""The outreach log: every ask, introduction, meeting and follow-up, with history kept.

Each change is one transaction. An edit appends a row that supersedes the old one, a
delete marks the row, and every add/edit/delete/import is journalled so :func:`undo_last`
can take the latest one back. Nothing is ever physically removed.

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
'Undid: logged outreach_sent for Ada Lovelace on 2026-03-02 10:00 (event 1).'
>>> history(ws, "p_1")
[]
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd

from netanalytics.bounds import check_event
from netanalytics.errors import AmbiguousPersonError, InputError, NotFoundError
from netanalytics.identity.normalize import company_key, name_key, normalize_profile_url
from netanalytics.identity.resolve import make_person_id
from netanalytics.workspace.db import Workspace, utc_now_iso
from netanalytics.workspace.people import find_person
from netanalytics.workspace.stages import ALL_STAGES, CHANNELS, OUTCOMES, STAGES

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
_TEXT_FIELDS = ("notes", "questions", "learned", "next_step")
_EDITABLE = ("person", "stage", "at", "channel", "via", *_TEXT_FIELDS)

_CHANNEL_ALIASES = {
    "e mail": "email",
    "mail": "email",
    "linkedin": "linkedin",
    "linked in": "linkedin",
    "inmail": "linkedin",
    "phone": "phone",
    "telephone": "phone",
    "call": "phone",
    "video": "video",
    "zoom": "video",
    "teams": "video",
    "meet": "video",
    "coffee": "coffee",
    "in person": "in_person",
    "inperson": "in_person",
    "face to face": "in_person",
    "meeting": "in_person",
}
_CHANNEL_FILLER = re.compile(r"\b(?:message|messages|msg|call|chat|dm)\b")


@dataclass(frozen=True)
class Referral:
    """Someone a contact referred me to; logged with stage ``referral_given``."""

    name: str
    company: str | None = None
    position: str | None = None
    profile_url: str | None = None


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


# ---------------------------------------------------------------- input checks


def normalize_stage(stage: str) -> str:
    """'Thank you sent', 'thank-you-sent' and 'THANK_YOU_SENT' all mean 'thank_you_sent'.

    >>> normalize_stage("Intro requested")
    'intro_requested'
    """
    key = "_".join(str(stage or "").strip().lower().replace("-", " ").replace("_", " ").split())
    if key in ALL_STAGES:
        return key
    close = difflib.get_close_matches(key, ALL_STAGES, n=1)
    hint = f"Did you mean '{close[0]}'?" if close else None
    raise InputError(
        "stage", f"one of {', '.join(ALL_STAGES)}", repr(stage), field="stage", hint=hint
    )


def normalize_channel(channel: str | None) -> str | None:
    """A channel in :data:`CHANNELS` from what a person would type, or None for blank.

    >>> normalize_channel("LinkedIn message"), normalize_channel("In person")
    ('linkedin', 'in_person')
    >>> normalize_channel("video call"), normalize_channel("e-mail")
    ('video', 'email')
    """
    if channel is None or not str(channel).strip():
        return None
    raw = str(channel).strip().lower().replace("-", " ").replace("_", " ")
    key = " ".join(raw.split())
    if key.replace(" ", "_") in CHANNELS:
        return key.replace(" ", "_")
    if key in _CHANNEL_ALIASES:
        return _CHANNEL_ALIASES[key]
    stripped = " ".join(_CHANNEL_FILLER.sub(" ", key).split())
    if stripped.replace(" ", "_") in CHANNELS:
        return stripped.replace(" ", "_")
    if stripped in _CHANNEL_ALIASES:
        return _CHANNEL_ALIASES[stripped]
    raise InputError(
        "channel",
        f"one of {', '.join(CHANNELS)} (or e.g. 'LinkedIn message', 'in person')",
        repr(channel),
        field="channel",
    )


def parse_datetime(value: datetime | date | str | None, field: str = "at") -> datetime | None:
    """A naive local datetime (seconds) from a datetime, a date or ISO text.

    Accepts 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM', 'YYYY-MM-DDTHH:MM:SS' and offsets; a time
    with an offset is converted to local time. None stays None.

    >>> parse_datetime("2026-03-02 09:30")
    datetime.datetime(2026, 3, 2, 9, 30)
    >>> parse_datetime("yesterday")
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: at: expected a date and time like 2026-03-02 14:30 (or 2026-03-02), found 'yesterday'.
    """
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text.replace("/", "-"))
        except ValueError:
            parsed = None
        if parsed is None or not re.match(r"^\d{4}-\d{2}-\d{2}", text.replace("/", "-")):
            raise InputError(
                field,
                "a date and time like 2026-03-02 14:30 (or 2026-03-02)",
                repr(str(value)),
            ) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone().replace(tzinfo=None)
    return parsed.replace(microsecond=0)


def _clean_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _person_id(ws: Workspace, query: str | None, what: str) -> str | None:
    if query is None or not str(query).strip():
        return None
    try:
        return find_person(ws, str(query))["person_id"]
    except NotFoundError as exc:
        raise NotFoundError(f"{what}: {exc}") from None


# ---------------------------------------------------------------- referrals


def _referral_person_id(referral: Referral) -> str:
    """A stable id for a person created from a referral (same inputs, same id)."""
    url = normalize_profile_url(referral.profile_url)
    key = f"url:{url}" if url else f"name:{name_key(referral.name)}|{company_key(referral.company)}"
    return make_person_id(key)


def _ensure_referred_person(
    conn: sqlite3.Connection,
    referrer_id: str,
    referral: Referral,
    moment: datetime,
    known_id: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """Find or create the referred person and the tie from the referrer; returns (id, created).

    ``known_id`` (a person id from an exported log) is tried first.
    """
    name = (referral.name or "").strip()
    if not name:
        raise InputError("referral", "the referred person's name", "nothing", field="referral name")
    created: dict[str, Any] = {}
    url = normalize_profile_url(referral.profile_url)
    row = None
    if known_id:
        row = conn.execute(
            "SELECT person_id FROM people WHERE person_id = ? AND merged_into IS NULL", (known_id,)
        ).fetchone()
    if row is None and url:
        row = conn.execute(
            "SELECT person_id FROM people WHERE profile_url = ? AND merged_into IS NULL", (url,)
        ).fetchone()
    if row is None:
        rows = conn.execute(
            "SELECT person_id, full_name, company FROM people"
            " WHERE merged_into IS NULL AND lower(full_name) = lower(?) ORDER BY person_id",
            (name,),
        ).fetchall()
        if len(rows) > 1 and referral.company:
            rows = [r for r in rows if (r["company"] or "").casefold() == referral.company.casefold()]
        if len(rows) > 1:
            raise AmbiguousPersonError(
                name, [(r["person_id"], r["full_name"], r["company"] or "") for r in rows]
            )
        row = rows[0] if rows else None
    if row is not None:
        person_id = row["person_id"]
    else:
        person_id = _referral_person_id(referral)
        if conn.execute("SELECT 1 FROM people WHERE person_id = ?", (person_id,)).fetchone():
            raise InputError(
                f"The referred person '{name}' matches a person that was merged away; "
                "give their profile URL or a different spelling."
            )
        now = utc_now_iso()
        conn.execute(
            "INSERT INTO people(person_id, full_name, name_key, company, position, profile_url,"
            " is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (
                person_id,
                name,
                name_key(name),
                _clean_text(referral.company),
                _clean_text(referral.position),
                url,
                now,
                now,
            ),
        )
        created["person_id"] = person_id
        if url:
            conn.execute(
                "INSERT OR IGNORE INTO identity_keys(kind, value, person_id) VALUES ('url', ?, ?)",
                (url, person_id),
            )
    if person_id == referrer_id:
        raise InputError("A person cannot refer you to themselves; check the referral name.")
    if conn.execute("SELECT is_me FROM people WHERE person_id = ?", (person_id,)).fetchone()[0]:
        raise InputError("The referral names you; check the referral name.")
    exists = conn.execute(
        "SELECT 1 FROM ties WHERE owner_id = ? AND person_id = ?", (referrer_id, person_id)
    ).fetchone()
    if not exists:
        cur = conn.execute(
            "INSERT INTO sources(kind, owner_person_id, path, content_hash, imported_at, rows_read,"
            " summary) VALUES ('manual', ?, 'outreach log', ?, ?, 1, ?)",
            (
                referrer_id,
                f"referral:{referrer_id}:{person_id}",
                utc_now_iso(),
                f"Referral logged on {moment:%Y-%m-%d}",
            ),
        )
        conn.execute(
            "INSERT INTO ties(owner_id, person_id, source_id) VALUES (?, ?, ?)",
            (referrer_id, person_id, cur.lastrowid),
        )
        created["tie"] = [referrer_id, person_id]
        created["source_id"] = cur.lastrowid
    return person_id, created


# ---------------------------------------------------------------- reading


_CURRENT = (
    "e.reverted_at IS NULL AND NOT EXISTS (SELECT 1 FROM outreach_events s"
    " WHERE s.supersedes = e.event_id AND s.reverted_at IS NULL)"
)


def _live_ids(conn: sqlite3.Connection) -> dict[str, str]:
    """Map every merged-away person id to the surviving one."""
    merged = dict(
        conn.execute("SELECT person_id, merged_into FROM people WHERE merged_into IS NOT NULL").fetchall()
    )
    out: dict[str, str] = {}
    for pid in merged:
        seen, cur = {pid}, merged[pid]
        while cur in merged and cur not in seen:
            seen.add(cur)
            cur = merged[cur]
        out[pid] = cur
    return out


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


def _event_rows(ws: Workspace, where: str = "", params: tuple = (), include_deleted: bool = False) -> list[dict[str, Any]]:
    sql = f"SELECT e.* FROM outreach_events e WHERE {_CURRENT}"
    if not include_deleted:
        sql += " AND e.deleted_at IS NULL"
    if where:
        sql += f" AND ({where})"
    sql += " ORDER BY e.at, e.event_id"
    rows = [dict(r) for r in ws.conn.execute(sql, params).fetchall()]
    if not rows:
        return []
    live = _live_ids(ws.conn)
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


def _event(ws: Workspace, event_id: int) -> Event:
    rows = _event_rows(ws, "e.event_id = ?", (event_id,), include_deleted=True)
    return Event(**rows[0])


def events_frame(ws: Workspace, include_deleted: bool = False) -> pd.DataFrame:
    """The current log as a DataFrame, oldest first; columns :data:`EVENT_COLUMNS`.

    Edited events appear once (their latest version); deleted ones only with
    ``include_deleted`` (their ``deleted_at`` is set). ``at`` is a pandas Timestamp; text
    columns hold None where empty.
    """
    rows = _event_rows(ws, include_deleted=include_deleted)
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS), dtype=object)
    frame["event_id"] = frame["event_id"].astype("int64")
    frame["at"] = pd.to_datetime(frame["at"]).astype("datetime64[us]")
    return frame


def history(ws: Workspace, person: str) -> list[Event]:
    """Everything logged for one person (id, URL or unambiguous name), oldest first."""
    target = find_person(ws, person)["person_id"]
    live = _live_ids(ws.conn)
    aliases = [pid for pid, cur in live.items() if cur == target] + [target]
    marks = ",".join("?" * len(aliases))
    rows = _event_rows(ws, f"e.person_id IN ({marks})", tuple(aliases))
    return [Event(**r) for r in rows]


def pipeline(ws: Workspace) -> pd.DataFrame:
    """One row per person in the log: the furthest stage reached and what happened last.

    Columns: person_id, name, company, stage, last_event_at, last_outcome, next_step,
    events. A ``followed_up`` before any meeting is a nudge, not progress, so it does not
    move the stage. ``next_step`` is the latest one written since the person's last
    pipeline step (an older one is stale). Sorted by furthest stage, then latest activity.
    """
    frame = events_frame(ws)
    columns = ["person_id", "name", "company", "stage", "last_event_at", "last_outcome", "next_step", "events"]
    rows = []
    for pid, group in frame.groupby("person_id", sort=False):
        group = group.sort_values(["at", "event_id"])
        stages = group["stage"].tolist()
        met = next((i for i, s in enumerate(stages) if s == "interviewed"), None)
        progress = [
            i for i, s in enumerate(stages)
            if s in STAGES and (s != "followed_up" or (met is not None and i > met))
        ]
        stage = max((stages[i] for i in progress), key=STAGES.index, default="identified")
        outcomes = [s for s in stages if s in OUTCOMES]
        last_step = progress[-1] if progress else 0
        steps = [s for s in group["next_step"].iloc[last_step:] if s]
        last = group.iloc[-1]
        rows.append(
            {
                "person_id": pid,
                "name": last["name"],
                "company": last["company"],
                "stage": stage,
                "last_event_at": last["at"],
                "last_outcome": outcomes[-1] if outcomes else None,
                "next_step": steps[-1] if steps else None,
                "events": len(group),
            }
        )
    out = pd.DataFrame(rows, columns=columns, dtype=object)
    out["last_event_at"] = pd.to_datetime(out["last_event_at"]).astype("datetime64[us]")
    out["events"] = out["events"].astype("int64")
    if out.empty:
        return out
    out["_rank"] = out["stage"].map(STAGES.index)
    out = out.sort_values(["_rank", "last_event_at"], ascending=[False, False]).drop(columns="_rank")
    return out.reset_index(drop=True)


# ---------------------------------------------------------------- writing


def _journal(conn: sqlite3.Connection, kind: str, event_id: int | None, summary: str, detail: dict | None = None) -> None:
    conn.execute(
        "INSERT INTO outreach_actions(kind, event_id, detail, summary, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (kind, event_id, json.dumps(detail) if detail else None, summary, utc_now_iso()),
    )


def _describe(ws: Workspace, stage: str, person_id: str, moment: datetime, event_id: int) -> str:
    row = ws.conn.execute("SELECT full_name FROM people WHERE person_id = ?", (person_id,)).fetchone()
    name = row[0] if row else person_id
    return f"{stage} for {name} on {moment:%Y-%m-%d %H:%M} (event {event_id})"


def _insert_event(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    cols = list(values)
    cur = conn.execute(
        f"INSERT INTO outreach_events({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [values[c] for c in cols],
    )
    return int(cur.lastrowid)


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
        referral_person_id, created = _ensure_referred_person(conn, person_id, referral, moment)
    now = utc_now_iso()
    event_id = _insert_event(
        conn,
        {
            "person_id": person_id,
            "stage": stage,
            "at": _iso(moment),
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
            _insert_event(
                conn,
                {
                    "person_id": referral_person_id,
                    "stage": "identified",
                    "at": _iso(moment),
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
            "referral", "stage referral_given with a referral", f"stage {stage}", field="stage"
        )
    texts = {k: _clean_text(v) for k, v in zip(_TEXT_FIELDS, (notes, questions, learned, next_step), strict=True)}
    check_event(person=person, at=moment, texts=texts)
    person_id = _person_id(ws, person, "person")
    via_id = _person_id(ws, via, "via")
    if via_id is not None and via_id == person_id:
        raise InputError("via", "an intermediary other than the person", "the same person", field="via")
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
        _journal(ws.conn, "add", ids[0], "logged " + _describe(ws, stage, person_id, moment, ids[0]), created)
    return _event(ws, ids[0])


def _current_row(ws: Workspace, event_id: int) -> sqlite3.Row:
    try:
        event_id = int(event_id)
    except (TypeError, ValueError):
        raise InputError("event id", "a number", repr(event_id)) from None
    row = ws.conn.execute(
        "SELECT * FROM outreach_events WHERE event_id = ? AND reverted_at IS NULL", (event_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"No event {event_id} in the log. Try `netanalytics history PERSON` to see ids.")
    newer = ws.conn.execute(
        "SELECT event_id FROM outreach_events WHERE supersedes = ? AND reverted_at IS NULL", (event_id,)
    ).fetchone()
    if newer is not None:
        raise InputError(
            f"Event {event_id} was edited; its current version is event {newer[0]}. Use that id."
        )
    if row["deleted_at"] is not None:
        raise InputError(f"Event {event_id} is deleted. `netanalytics undo` brings back the latest delete.")
    return row


def edit_event(ws: Workspace, event_id: int, **changes: Any) -> Event:
    """Change fields of an event: a new row supersedes the old one, which is kept.

    ``changes`` may name person, stage, at, channel, via, notes, questions, learned,
    next_step. Returns the new version (it has a new event id).
    """
    unknown = sorted(set(changes) - set(_EDITABLE))
    if unknown:
        raise InputError("edit", f"fields among {', '.join(_EDITABLE)}", ", ".join(unknown))
    if not changes:
        raise InputError("edit", "at least one field to change", "none")
    check_event(person=changes.get("person", ...), at=parse_datetime(changes.get("at")),
                texts={k: v for k, v in changes.items() if k in _TEXT_FIELDS})
    with ws.transaction():
        old = dict(_current_row(ws, event_id))
        new = {k: old[k] for k in ("person_id", "stage", "at", "channel", "via_person_id", *_TEXT_FIELDS, "referral_person_id")}
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
                raise InputError("at", "a date and time", "nothing")
            new["at"] = _iso(moment)
        if "channel" in changes:
            new["channel"] = normalize_channel(changes["channel"])
        if "person" in changes:
            new["person_id"] = _person_id(ws, changes["person"], "person")
            if new["person_id"] is None:
                raise InputError("person", "an id, profile URL or name", "nothing")
        if "via" in changes:
            new["via_person_id"] = _person_id(ws, changes["via"], "via")
        if new["via_person_id"] is not None and new["via_person_id"] == new["person_id"]:
            raise InputError("via", "an intermediary other than the person", "the same person", field="via")
        for key in _TEXT_FIELDS:
            if key in changes:
                new[key] = _clean_text(changes[key])
        new_id = _insert_event(
            ws.conn, {**new, "created_at": utc_now_iso(), "supersedes": int(old["event_id"])}
        )
        summary = f"edited event {old['event_id']} into " + _describe(
            ws, new["stage"], new["person_id"], datetime.fromisoformat(new["at"]), new_id
        )
        _journal(ws.conn, "edit", new_id, summary, {"old": int(old["event_id"]), "new": new_id})
    return _event(ws, new_id)


def delete_event(ws: Workspace, event_id: int) -> Event:
    """Mark an event deleted (kept in the file; :func:`undo_last` restores it)."""
    with ws.transaction():
        row = _current_row(ws, event_id)
        ws.conn.execute(
            "UPDATE outreach_events SET deleted_at = ? WHERE event_id = ?", (utc_now_iso(), row["event_id"])
        )
        summary = "deleted " + _describe(
            ws, row["stage"], row["person_id"], datetime.fromisoformat(row["at"]), row["event_id"]
        )
        _journal(ws.conn, "delete", int(row["event_id"]), summary)
    return _event(ws, int(row["event_id"]))


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

