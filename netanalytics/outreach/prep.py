"""A Markdown prep sheet for an informational interview.

Who they are; how I reach them and what we share; what I want from the meeting; the
questions (industry specifics, where it is heading, how to find work in it); what to tell
them about me; the end-of-meeting checklist; and the history so far. The layout comes from
the editable template ``prep.md`` (a copy in ``<workspace>/templates/`` takes precedence).

Strings from exports are untrusted: they are escaped, so a name cannot inject Markdown
links, HTML or table cells.

>>> print(md_text("<b>*Ada*</b> | [x](y)"))
&lt;b&gt;\\*Ada\\*&lt;/b&gt; \\| \\[x\\](y)
"""

from __future__ import annotations

import html
import re
from datetime import date

from netanalytics.errors import InputError
from netanalytics.outreach.drafts import (
    about_me,
    find_intermediary,
    load_template,
    meeting_ask,
    render,
    shared_background,
)
from netanalytics.outreach.log import history
from netanalytics.workspace.db import Workspace
from netanalytics.workspace.people import find_person, get_person

__all__ = ["md_text", "prep_sheet"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|!~])")


def md_text(value: object) -> str:
    """Untrusted text made safe inside Markdown: one line, HTML and Markdown marks escaped."""
    text = " ".join(str("" if value is None else value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def prep_sheet(ws: Workspace, person: str, *, today: date | None = None) -> str:
    """The prep sheet for ``person`` (id, profile URL or unambiguous name), as Markdown."""
    target = find_person(ws, person)
    if target["is_me"]:
        raise InputError("person", "someone other than you", f"'{person}' (that is you)")
    me = about_me(ws, today)
    pid = target["person_id"]
    events = history(ws, pid)
    role = " at ".join(md_text(v) for v in (target["position"], target["company"]) if v)

    who = [f"**{md_text(target['full_name'])}**" + (f", {role}" if role else "")]
    if target["location"]:
        who.append(f"Based in {md_text(target['location'])}")
    if target["profile_url"]:
        who.append(f"Profile: {md_text(target['profile_url'])}")
    if target["email"]:
        who.append(f"Email: {md_text(target['email'])}")

    reach = []
    me_id = ws.me_id()
    direct = me_id is not None and ws.conn.execute(
        "SELECT 1 FROM ties WHERE owner_id = ? AND person_id = ?", (me_id, pid)
    ).fetchone()
    via_id = find_intermediary(ws, pid)
    if via_id:
        via = get_person(ws, via_id)
        label = ws.conn.execute(
            "SELECT relationship FROM ties WHERE owner_id = ? AND person_id = ?", (me_id, via_id)
        ).fetchone() if me_id else None
        rel = f" (your {md_text(label[0]).replace('-', ' ')})" if label and label[0] else ""
        reach.append(f"Through **{md_text(via['full_name'])}**{rel}")
    if direct:
        reach.append("You are connected directly")
    if not reach:
        reach.append("No mutual connection in your data: write directly (a direct draft)")
    reach.extend(md_text(s) for s in shared_background(target, me))
    reach.append(f"Suggest {md_text(meeting_ask(me.location, target['location']))}")

    goal = md_text(me.goal) if me.goal else (
        "_Write it down before you go: what do you want to know by the end?_ "
        "(Set it once with a `goal` entry in your profile.)"
    )

    logged_questions = [md_text(e.questions) for e in events if e.questions]
    my_questions = ""
    if logged_questions:
        my_questions = "\n**My own questions**\n\n" + _bullets(logged_questions) + "\n"

    about = []
    if me.headline:
        about.append(f"Headline: {md_text(me.headline)}")
    edu_rows = ws.conn.execute("SELECT school, degree, start_on, end_on FROM my_education ORDER BY end_on DESC").fetchall()
    for row in edu_rows:
        years = "–".join(str(v)[:4] for v in (row["start_on"], row["end_on"]) if v)
        about.append(
            "Studied at " + md_text(row["school"] or "?")
            + (f", {md_text(row['degree'])}" if row["degree"] else "")
            + (f" ({years})" if years else "")
        )
    pos_rows = ws.conn.execute(
        "SELECT company, title, started_on, finished_on FROM my_positions"
        " ORDER BY finished_on IS NOT NULL, finished_on DESC, started_on DESC"
    ).fetchall()
    for row in pos_rows[:5]:
        span = f"{str(row['started_on'] or '')[:7]} to {str(row['finished_on'])[:7] if row['finished_on'] else 'now'}"
        about.append(f"{md_text(row['title'] or 'Worked')} at {md_text(row['company'] or '?')} ({span})")
    about.append("What excites me about this field: _…_")
    about.append("What worries me: _…_")

    if events:
        lines = ["| When | Stage | Channel | Via | Notes |", "|---|---|---|---|---|"]
        for e in events:
            lines.append(
                f"| {e.at:%Y-%m-%d %H:%M} | {e.stage} | {e.channel or ''} | {md_text(e.via_name or '')} "
                f"| {md_text(e.notes or '')} |"
            )
        past = "\n".join(lines)
    else:
        past = "Nothing logged yet."

    values = {
        "name": md_text(target["full_name"]),
        "subtitle": f"_{role}_" if role else "",
        "who": _bullets(who),
        "reach": _bullets(reach),
        "goal": goal,
        "role_phrase": f"as {role}" if role else "in your role",
        "my_questions": my_questions,
        "about_me": _bullets(about),
        "history": past,
    }
    text = render(load_template("prep.md", ws), values)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
