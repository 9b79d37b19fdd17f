"""What the workspace knows of each person's path: schools and roles, with where each came from.

Three sources feed it, and :func:`education_frame` and :func:`experience_frame` put them in
one shape for everyone (me included), so ranking, drafts, prep sheets and the person card
read one answer:

- **saved profile PDFs** (``profiles``, ``profile_experience``, ``profile_education``):
  every import is kept; a person's *newest* profile (the one imported last) is what they
  say now, the older ones are history;
- **my own archive**: Education.csv (``my_education``; "Bachelor of Arts - BA, Economics"
  is split into degree and field by :func:`netanalytics.ingest.degrees.split_degree`) and
  Positions.csv (``my_positions``) describe me, ahead of a PDF of my own profile;
- **the user's word** (:mod:`netanalytics.workspace.edits`): a school they named comes first.

Profiles follow merges: the newest profile of a person and of everyone merged into them is
theirs.

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> ws = open_workspace(tempfile.mkdtemp())
>>> education_frame(ws.conn).columns.tolist()
['person_id', 'school', 'degree', 'field', 'start_year', 'end_year', 'source']
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

import pandas as pd

from netanalytics.ingest.degrees import split_degree
from netanalytics.workspace.people import merge_map

__all__ = [
    "EDUCATION_COLUMNS",
    "EXPERIENCE_COLUMNS",
    "FROM_ARCHIVE",
    "FROM_PROFILE",
    "FROM_YOU",
    "background",
    "education_frame",
    "experience_frame",
    "latest_profiles",
    "person_card",
    "profile_rows",
    "store_profile",
]

#: One row per school a person went to.
EDUCATION_COLUMNS = ["person_id", "school", "degree", "field", "start_year", "end_year", "source"]
#: One row per role, in the order the source lists them (most recent first).
EXPERIENCE_COLUMNS = ["person_id", "company", "title", "started", "ended", "location", "source"]

#: Where an entry came from, in words.
FROM_YOU = "you"
FROM_PROFILE = "their saved profile"
FROM_ARCHIVE = "your LinkedIn archive"


# --------------------------------------------------------------------------- writing


def _json(values: Iterable[Any]) -> str | None:
    items = list(values)
    return json.dumps(items, ensure_ascii=False) if items else None


def store_profile(conn: sqlite3.Connection, person_id: str, source_id: int, record: Any, now: str) -> int:
    """Keep one saved profile (a :class:`~netanalytics.ingest.profile_pdf.ProfileRecord`)
    with every experience and education entry; returns its ``profile_id``."""
    from netanalytics.urls import profile_url_key

    cur = conn.execute(
        "INSERT INTO profiles(person_id, source_id, name, profile_url, headline, location, summary, email,"
        " top_skills, languages, certifications, honors, publications, imported_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            person_id, source_id, record.name, profile_url_key(record.profile_url), record.headline,
            record.location, record.summary, record.email, _json(record.top_skills),
            _json([lang.name, lang.proficiency] for lang in record.languages), _json(record.certifications),
            _json(record.honors), _json(record.publications), now,
        ),
    )
    profile_id = int(cur.lastrowid)
    conn.executemany(
        "INSERT INTO profile_experience(profile_id, position, company, title, started, ended, duration, location,"
        " description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (profile_id, i, e.company, e.title, str(e.started) if e.started else None,
             str(e.ended) if e.ended else None, e.duration, e.location, e.description)
            for i, e in enumerate(record.experiences)
        ],
    )
    conn.executemany(
        "INSERT INTO profile_education(profile_id, position, school, degree, field, start_year, end_year)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(profile_id, i, e.school, e.degree, e.field, e.start_year, e.end_year) for i, e in enumerate(record.education)],
    )
    return profile_id


# --------------------------------------------------------------------------- reading


def latest_profiles(conn: sqlite3.Connection) -> dict[str, int]:
    """Surviving person id -> the ``profile_id`` of their newest saved profile."""
    merges = merge_map(conn)
    out: dict[str, int] = {}
    for pid, profile_id in conn.execute("SELECT person_id, max(profile_id) FROM profiles GROUP BY person_id"):
        survivor = merges.get(pid, pid)
        if profile_id > out.get(survivor, -1):
            out[survivor] = profile_id
    return out


def profile_rows(conn: sqlite3.Connection, person_id: str) -> list[sqlite3.Row]:
    """Every saved profile of a person (and of those merged into them), newest first."""
    merges = merge_map(conn)
    ids = [person_id] + [pid for pid, survivor in merges.items() if survivor == person_id]
    marks = ",".join("?" * len(ids))
    return conn.execute(
        f"SELECT p.*, s.path AS file FROM profiles p JOIN sources s USING (source_id)"
        f" WHERE p.person_id IN ({marks}) ORDER BY p.profile_id DESC", ids,
    ).fetchall()


def _wanted(person_ids: Iterable[str] | None) -> set[str] | None:
    return None if person_ids is None else set(person_ids)


def _year(text: Any) -> int | None:
    if isinstance(text, str) and len(text) >= 4 and text[:4].isdigit():
        return int(text[:4])
    return None


def _month(text: Any) -> str | None:
    """'2021-09-01' -> '2021-09' (an archive's dates are first of month)."""
    if isinstance(text, str) and len(text) >= 7 and text[:4].isdigit():
        return text[:7]
    return None


def _me(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT person_id FROM people WHERE is_me = 1").fetchone()
    return row[0] if row else None


def education_frame(conn: sqlite3.Connection, person_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Every school of every person (or of ``person_ids``): :data:`EDUCATION_COLUMNS`.

    Per person: the school the user named first (source "you"), then the entries of their
    newest saved profile — for me, my archive's Education.csv instead when I have one.
    Years are integers or missing.
    """
    wanted = _wanted(person_ids)
    rows: list[tuple[Any, ...]] = []
    merges = merge_map(conn)
    for pid, value in conn.execute("SELECT person_id, value FROM person_edits WHERE field = 'school'"):
        survivor = merges.get(pid, pid)
        if wanted is None or survivor in wanted:
            rows.append((survivor, value, None, None, None, None, FROM_YOU))
    me = _me(conn)
    mine = conn.execute("SELECT school, degree, start_on, end_on FROM my_education").fetchall()
    if me is not None and mine and (wanted is None or me in wanted):
        for school, degree_text, start_on, end_on in mine:
            if school:
                degree, field = split_degree(degree_text)
                rows.append((me, school, degree, field, _year(start_on), _year(end_on), FROM_ARCHIVE))
    latest = latest_profiles(conn)
    chosen = {pid: prof for pid, prof in latest.items()
              if (wanted is None or pid in wanted) and not (pid == me and mine)}
    by_profile = {prof: pid for pid, prof in chosen.items()}
    for profile_id, school, degree, field, start, end in _select_in(
        conn, "SELECT profile_id, school, degree, field, start_year, end_year FROM profile_education"
        " WHERE profile_id IN ({}) ORDER BY profile_id, position", list(by_profile),
    ):
        rows.append((by_profile[profile_id], school, degree, field, start, end, FROM_PROFILE))
    frame = pd.DataFrame(rows, columns=EDUCATION_COLUMNS, dtype=object)
    for col in ("start_year", "end_year"):
        frame[col] = pd.array(frame[col].tolist(), dtype="Int64")
    return frame


def experience_frame(conn: sqlite3.Connection, person_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Every role of every person (or of ``person_ids``): :data:`EXPERIENCE_COLUMNS`.

    Per person, the entries of their newest saved profile in its order (most recent
    first) — for me, my archive's Positions.csv instead when I have one. ``started`` and
    ``ended`` are 'YYYY' or 'YYYY-MM'; ``ended`` is missing for a role that lasts.
    """
    wanted = _wanted(person_ids)
    rows: list[tuple[Any, ...]] = []
    me = _me(conn)
    mine = conn.execute(
        "SELECT company, title, started_on, finished_on, location FROM my_positions"
        " ORDER BY finished_on IS NOT NULL, finished_on DESC, started_on DESC"
    ).fetchall()
    if me is not None and mine and (wanted is None or me in wanted):
        for company, title, started, finished, location in mine:
            rows.append((me, company, title, _month(started), _month(finished), location, FROM_ARCHIVE))
    latest = latest_profiles(conn)
    chosen = {pid: prof for pid, prof in latest.items()
              if (wanted is None or pid in wanted) and not (pid == me and mine)}
    by_profile = {prof: pid for pid, prof in chosen.items()}
    for profile_id, company, title, started, ended, location in _select_in(
        conn, "SELECT profile_id, company, title, started, ended, location FROM profile_experience"
        " WHERE profile_id IN ({}) ORDER BY profile_id, position", list(by_profile),
    ):
        rows.append((by_profile[profile_id], company, title, started, ended, location, FROM_PROFILE))
    return pd.DataFrame(rows, columns=EXPERIENCE_COLUMNS, dtype=object)


def _select_in(conn: sqlite3.Connection, sql: str, ids: list[Any], chunk: int = 900) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        cur = conn.cursor()
        cur.row_factory = None
        out.extend(cur.execute(sql.format(",".join("?" * len(part))), part).fetchall())
    return out


# --------------------------------------------------------------------------- one person


def background(conn: sqlite3.Connection, person_id: str) -> dict[str, Any]:
    """One person's background, as :func:`netanalytics.scoring.affinity.compare` takes it:
    location, company (their current one), employers ((company, started, ended, title) of
    every role, and the companies a newer export replaced) and education (dicts).

    For me, the location falls back on my archive's (Profile.csv's Geo Location).
    """
    row = conn.execute("SELECT location, company, is_me FROM people WHERE person_id = ?", (person_id,)).fetchone()
    if row is None:
        return {"location": None, "company": None, "employers": [], "education": []}
    location = row["location"]
    if row["is_me"] and not location:
        found = conn.execute("SELECT value FROM my_profile WHERE key = 'location'").fetchone()
        location = found[0] if found else None
    roles = experience_frame(conn, [person_id])
    employers: list[tuple[Any, ...]] = list(
        zip(roles["company"], roles["started"], roles["ended"], roles["title"], strict=True))
    merges = merge_map(conn)
    for pid, old in conn.execute(
        "SELECT person_id, old_value FROM person_history WHERE field = 'company' AND old_value IS NOT NULL"
    ):
        if merges.get(pid, pid) == person_id:
            employers.append((old, None, None))
    education = education_frame(conn, [person_id]).drop(columns=["person_id", "source"])
    return {
        "location": location, "company": row["company"], "employers": employers,
        "education": [{k: (None if v is pd.NA else v) for k, v in e.items()} for e in education.to_dict("records")],
    }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {k: (None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else
             int(v) if hasattr(v, "item") and not isinstance(v, str) else v) for k, v in row.items() if k != "person_id"}
        for row in frame.to_dict("records")
    ]


def _loads(text: Any) -> list[Any]:
    return json.loads(text) if isinstance(text, str) and text else []


def person_card(ws: Any, person: str) -> dict[str, Any]:
    """Everything known about one person, with where each piece came from (see
    :meth:`netanalytics.api.Network.profile`, which adds the meeting suggestion)."""
    from netanalytics.recognition.places import normalize_location
    from netanalytics.workspace.edits import pinned_fields
    from netanalytics.workspace.hops import degrees
    from netanalytics.workspace.importing.describe import source_label
    from netanalytics.workspace.people import find_person

    conn = ws.conn
    row = find_person(ws, person)
    pid = row["person_id"]
    edits = pinned_fields(conn).get(pid, {})
    saved = profile_rows(conn, pid)
    latest = saved[0] if saved else None
    me = _me(conn)
    edges = conn.execute("SELECT owner_id, person_id FROM ties").fetchall()
    hops = degrees(((a, b) for a, b in edges), me).get(pid)
    listed = conn.execute(
        "SELECT s.kind, o.full_name, s.owner_person_id = ? FROM person_sources ps JOIN sources s USING (source_id)"
        " LEFT JOIN people o ON o.person_id = s.owner_person_id WHERE ps.person_id = ? AND s.kind <> 'profile_pdf'"
        " ORDER BY s.source_id DESC LIMIT 1", (me, pid),
    ).fetchone()
    imported = source_label(listed[0], listed[1], bool(listed[2])) if listed else None

    def where(field: str, value: Any) -> str | None:
        if value is None:
            return None
        if field in edits:
            return FROM_YOU
        if latest is not None and field != "headline" and value == _current(latest, field, conn):
            return f"{FROM_PROFILE} ({latest['file']}, imported {str(latest['imported_at'])[:10]})"
        if field == "headline" and latest is not None:
            return f"{FROM_PROFILE} ({latest['file']}, imported {str(latest['imported_at'])[:10]})"
        if row["is_me"] and field == "location":
            return FROM_ARCHIVE
        return imported

    location = row["location"]
    if row["is_me"] and not location:
        found = conn.execute("SELECT value FROM my_profile WHERE key = 'location'").fetchone()
        location = found[0] if found else None
    place = normalize_location(location) if location else None
    headline = latest["headline"] if latest is not None else None
    card: dict[str, Any] = {
        "person_id": pid,
        "name": row["full_name"],
        "company": row["company"],
        "position": row["position"],
        "location": location,
        "place": place.label if place else None,
        "headline": headline,
        "summary": latest["summary"] if latest is not None else None,
        "email": row["email"],
        "profile_url": row["profile_url"],
        "hops": hops,
        "is_me": bool(row["is_me"]),
        "schools": _records(education_frame(conn, [pid])),
        "experience": _records(experience_frame(conn, [pid])),
        "top_skills": _loads(latest["top_skills"]) if latest is not None else [],
        "languages": [{"language": n, "proficiency": p} for n, p in _loads(latest["languages"])] if latest is not None else [],
        "sources": {field: where(field, value) for field, value in (
            ("company", row["company"]), ("position", row["position"]), ("location", location),
            ("headline", headline))},
        "profiles": [{"file": r["file"], "imported_at": r["imported_at"], "headline": r["headline"],
                      "location": r["location"]} for r in saved],
        "edits": dict(edits),
    }
    return card


def _current(profile: sqlite3.Row, field: str, conn: sqlite3.Connection) -> Any:
    """What a saved profile says a field is now: its location, or its current role's company/title."""
    if field == "location":
        return profile["location"]
    role = conn.execute(
        "SELECT company, title FROM profile_experience WHERE profile_id = ? AND ended IS NULL AND started IS NOT NULL"
        " ORDER BY position LIMIT 1", (profile["profile_id"],),
    ).fetchone()
    if role is None:
        return None
    return role["company"] if field == "company" else role["title"]
