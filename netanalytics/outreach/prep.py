"""A Markdown prep sheet for an informational interview.

Who they are; their path (roles with years, schools: :func:`career_path`); how I reach them,
what we share and whether to suggest coffee or a call; what I want from the meeting; the
questions — first the ones their path raises (:func:`path_questions`: "You moved from
consulting to product management in 2020 — what made that possible?"), then industry
specifics, where it is heading, how to find work in it; what to tell them about me; the
end-of-meeting checklist; and the history so far. The layout comes from the editable
template ``prep.md`` (a copy in ``<workspace>/templates/`` takes precedence).

Strings from exports are untrusted: they are escaped, so a name cannot inject Markdown
links, HTML or table cells.

>>> print(md_text("<b>*Ada*</b> | [x](y)"))
&lt;b&gt;\\*Ada\\*&lt;/b&gt; \\| \\[x\\](y)
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd

from netanalytics.errors import InputError
from netanalytics.outreach.drafts import (
    MEETING_ASKS,
    about_me,
    find_intermediary,
    load_template,
    render,
)
from netanalytics.outreach.log import history
from netanalytics.scoring.affinity import affinity_with
from netanalytics.workspace.db import Workspace
from netanalytics.workspace.people import find_person, get_person
from netanalytics.workspace.profiles import education_frame, experience_frame

__all__ = ["career_path", "md_text", "path_questions", "prep_sheet"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|!~])")


def md_text(value: object) -> str:
    """Untrusted text made safe inside Markdown: one line, HTML and Markdown marks escaped."""
    text = " ".join(str("" if value is None else value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


# ---------------------------------------------------------------- their path


def _text(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _year(value: Any) -> int | None:
    text = _text(value)
    return int(text[:4]) if text and text[:4].isdigit() else None


def _role_text(role: Mapping[str, Any]) -> str:
    title, company = _text(role.get("title")), _text(role.get("company"))
    if title and company:
        return f"{title} at {company}"
    return title or company or "a role"


def career_path(experience: Sequence[Mapping[str, Any]], education: Sequence[Mapping[str, Any]]) -> list[str]:
    """Their path as lines, most recent first: roles with their years, then schools.

    ``experience`` and ``education`` are entries as :mod:`netanalytics.workspace.profiles`
    gives them (company, title, started, ended, location; school, degree, field, years).

    >>> career_path([{"company": "Stripe", "title": "Product Manager", "started": "2020-01", "ended": None},
    ...              {"company": "McKinsey & Company", "title": "Associate", "started": "2016-09", "ended": "2019-12"}],
    ...             [{"school": "Northeastern University", "degree": "BA", "field": "Economics",
    ...               "start_year": 2012, "end_year": 2016}])
    ['Now: Product Manager at Stripe (since 2020)', '2016–2019: Associate at McKinsey & Company', 'Studied Economics (BA) at Northeastern University, 2012–2016']
    """
    lines = []
    for role in experience:
        start, end = _year(role.get("started")), _year(role.get("ended"))
        if role.get("started") and not role.get("ended"):
            lines.append(f"Now: {_role_text(role)}" + (f" (since {start})" if start else ""))
        else:
            span = f"{start}–{end}" if start and end and start != end else str(end or start or "")
            lines.append(f"{span}: {_role_text(role)}" if span else _role_text(role))
    for entry in education:
        school = _text(entry.get("school"))
        if not school:
            continue
        field, degree = _text(entry.get("field")), _text(entry.get("degree"))
        what = f"{field} ({degree})" if field and degree else field or degree
        start, end = _year(entry.get("start_year")), _year(entry.get("end_year"))
        years = f"{start}–{end}" if start and end else str(end or start or "")
        lines.append(f"Studied {what} at {school}" if what else f"Studied at {school}")
        if years:
            lines[-1] += f", {years}"
    return lines


def _area(role: Mapping[str, Any]) -> str | None:
    """What a role is about: its function (from the title), else its company's industry."""
    from netanalytics.recognition.companies import recognise_company
    from netanalytics.recognition.titles import FUNCTION_LABELS, read_title

    reading = read_title(_text(role.get("title")) or "")
    if reading.function:
        return FUNCTION_LABELS.get(reading.function, reading.function).lower()
    found = recognise_company(_text(role.get("company")) or "")
    return found.industry.replace("_", " ") if found else None


def _level(role: Mapping[str, Any]) -> int | None:
    from netanalytics.recognition.titles import SENIORITIES, read_title

    seniority = read_title(_text(role.get("title")) or "").seniority
    return SENIORITIES.index(seniority) if seniority in SENIORITIES else None


def path_questions(
    experience: Sequence[Mapping[str, Any]],
    education: Sequence[Mapping[str, Any]],
    *,
    shared_school: str | None = None,
    today: date | None = None,
    limit: int = 4,
) -> list[str]:
    """Questions their path raises: a move between fields, a step up at one company, how
    their studies led to their first role, a long stay, what a school we share gave them.

    >>> path_questions([{"company": "Stripe", "title": "Product Manager", "started": "2020-01"},
    ...                 {"company": "McKinsey & Company", "title": "Associate", "started": "2016-09",
    ...                  "ended": "2019-12"}], [], today=date(2026, 3, 1))
    ['You moved from consulting to product management in 2020 — what made that possible?', 'You have been at Stripe since 2020 — what has kept you there?']
    """
    today = today or date.today()
    roles = [r for r in experience if _text(r.get("title")) or _text(r.get("company"))]
    oldest_first = list(reversed(roles))
    questions: list[str] = []
    for earlier, later in reversed(list(zip(oldest_first, oldest_first[1:], strict=False))):
        a, b = _area(earlier), _area(later)
        if a and b and a != b:
            when = _year(later.get("started"))
            questions.append(f"You moved from {a} to {b}" + (f" in {when}" if when else "")
                             + " — what made that possible?")
            break
    for earlier, later in zip(oldest_first, oldest_first[1:], strict=False):
        same = _text(earlier.get("company")) and _text(earlier.get("company")) == _text(later.get("company"))
        low, high = _level(earlier), _level(later)
        if same and low is not None and high is not None and high > low:
            questions.append(f"You went from {_text(earlier.get('title'))} to {_text(later.get('title'))} at "
                             f"{_text(later.get('company'))} — what made the difference?")
            break
    studies = [e for e in education if _text(e.get("school")) and _year(e.get("end_year"))]
    if studies and oldest_first:
        last = max(studies, key=lambda e: _year(e.get("end_year")) or 0)
        end = _year(last.get("end_year")) or 0
        first = next((r for r in oldest_first if (_year(r.get("started")) or 0) >= end), None)
        if first is not None and _text(first.get("company")):
            what = f"{_text(last.get('field'))} studies" if _text(last.get("field")) else "studies"
            questions.append(f"How did your {what} at {_text(last.get('school'))} lead to your first role, at "
                             f"{_text(first.get('company'))}?")
    current = next((r for r in roles if r.get("started") and not r.get("ended")), None)
    since = _year(current.get("started")) if current else None
    if current and since and today.year - since >= 5 and _text(current.get("company")):
        questions.append(f"You have been at {_text(current.get('company'))} since {since} — what has kept you there?")
    if shared_school:
        questions.append(f"What from {shared_school} has served you best since?")
    return questions[:limit]


def prep_sheet(ws: Workspace, person: str, *, today: date | None = None) -> str:
    """The prep sheet for ``person`` (id, profile URL or unambiguous name), as Markdown."""
    target = find_person(ws, person)
    if target["is_me"]:
        raise InputError("person", "someone other than you", f"'{person}' (that is you)")
    me = about_me(ws, today)
    pid = target["person_id"]
    events = history(ws, pid)
    role = " at ".join(md_text(v) for v in (target["position"], target["company"]) if v)

    found = affinity_with(ws, pid, year=(today or date.today()).year)
    who = [f"**{md_text(target['full_name'])}**" + (f", {role}" if role else "")]
    if target["location"]:
        where = md_text(target["location"])
        if found.place and found.place.split(",")[0].casefold() not in target["location"].casefold():
            where += f" ({md_text(found.place)})"  # "NYC (New York City, New York, US)"
        who.append(f"Based in {where}")
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
    reach.extend(md_text(s[:1].upper() + s[1:] + ".") for s in (found.school_reason, found.employer_reason) if s)
    reach.append(f"Suggest {md_text(MEETING_ASKS[found.meeting])}: {md_text(found.meeting_reason)}")

    experience = experience_frame(ws.conn, [pid]).to_dict("records")
    education = education_frame(ws.conn, [pid]).to_dict("records")
    path_lines = career_path(experience, education)
    if not experience:
        path_lines += _earlier_roles(ws, pid)
    if not path_lines:
        path_lines = ["_Not known yet: save their LinkedIn profile as a PDF (More > Save to PDF) and "
                      "`netanalytics import` it to see their roles and schools._"]
    else:
        path_lines = [md_text(line) for line in path_lines]
    asked = path_questions(experience, education, shared_school=found.shared_school, today=today)

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
        "path": _bullets(path_lines),
        "path_questions": ("**From their path**\n\n" + _bullets([md_text(q) for q in asked]) + "\n") if asked else "",
        "reach": _bullets(reach),
        "goal": goal,
        "role_phrase": f"as {role}" if role else "in your role",
        "my_questions": my_questions,
        "about_me": _bullets(about),
        "history": past,
    }
    text = render(load_template("prep.md", ws), values)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _earlier_roles(ws: Workspace, person_id: str) -> list[str]:
    """Without a saved profile: their role now and what newer lists replaced, from history."""
    rows = ws.conn.execute(
        "SELECT field, old_value, changed_at FROM person_history WHERE person_id = ? AND field IN ('company', 'position')"
        " AND old_value IS NOT NULL ORDER BY changed_at DESC", (person_id,),
    ).fetchall()
    return [f"Earlier {r['field']}: {r['old_value']} (a list changed it on {str(r['changed_at'])[:10]})" for r in rows]
