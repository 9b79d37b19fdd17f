"""Message drafts from plain-text templates the user can edit.

Kinds: ``intro-request`` (to the intermediary: who I am, why this person, a ready-to-forward
blurb), ``direct`` (introduce myself, say why they stood out, ask only to schedule — coffee
if they are near, a video or phone call if far, either when their place is unknown), ``thank-you``
and ``keep-in-touch``. What we share and how to meet come from
:mod:`netanalytics.scoring.affinity`, the same answers the ranking gives.

Templates live in ``netanalytics/templates/`` (``intro-request.txt`` …); a file of the same
name in the workspace's ``templates/`` folder takes precedence. They use ``$name`` /
``${name}`` placeholders (:class:`string.Template`): a value is inserted as plain text and
never read as a template or a format string, so a name like ``{0.__class__}`` or ``$x`` from
an export comes out literally. Unknown placeholders are left as they are.

>>> render("Hi ${first}, ${missing}", {"first": "{0.__class__} $x"})
'Hi {0.__class__} $x, ${missing}'
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template
from typing import Any

from netanalytics.config import PACKAGE_DIR
from netanalytics.errors import InputError, NetanalyticsError
from netanalytics.identity.normalize import short_name
from netanalytics.outreach.log import history
from netanalytics.scoring.affinity import Affinity, MyBackground, affinity_with, meeting_for
from netanalytics.workspace.db import Workspace
from netanalytics.workspace.people import find_person, get_person

__all__ = [
    "DRAFT_KINDS",
    "MEETING_ASKS",
    "TEMPLATE_DIR",
    "Me",
    "about_me",
    "default_kind",
    "draft",
    "tone_of",
    "find_intermediary",
    "load_template",
    "meeting_ask",
    "render",
    "shared_background",
    "template_names",
]

TEMPLATE_DIR = PACKAGE_DIR / "templates"
DRAFT_KINDS = ("intro-request", "direct", "thank-you", "keep-in-touch")
RECENT_GRADUATE_DAYS = 730
_NOT_FULL_TIME = re.compile(r"\b(intern|internship|student|volunteer|part[- ]time|trainee|fellow)\b", re.I)
_RELATIONSHIP_ORDER = ("family", "close-friend", "friend", "colleague", "acquaintance")


def render(text: str, values: dict[str, Any]) -> str:
    """Fill ``$placeholders`` in ``text``; values are inserted literally, unknown ones kept."""
    return Template(text).safe_substitute({k: "" if v is None else str(v) for k, v in values.items()})


def load_template(name: str, ws: Workspace | None = None) -> str:
    """A template's text: the workspace's ``templates/<name>`` if present, else the shipped one."""
    if ws is not None:
        own = ws.folder / "templates" / name
        if own.is_file():
            return own.read_text(encoding="utf-8")
    path = TEMPLATE_DIR / name
    if not path.is_file():
        raise InputError(f"No template named '{name}' in {TEMPLATE_DIR}.")
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- who I am


def _when(text: str | None) -> date | None:
    """A date from 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (mid-year / mid-month when partial)."""
    if not text:
        return None
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(text))
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 6), int(m.group(3) or 15)
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, 6, 15)


@dataclass(frozen=True)
class Me:
    """What the drafts and prep sheets say about me, from my profile, positions and education."""

    name: str
    first_name: str
    location: str | None
    headline: str | None
    goal: str | None
    school: str | None
    degree: str | None
    graduated: date | None
    job_title: str | None
    job_company: str | None
    job_current: bool
    recent_graduate: bool
    employers: tuple[str, ...]
    schools: tuple[str, ...]

    def intro_sentence(self) -> str:
        """'I'm Sam, and I recently graduated from …' or 'I'm Sam, currently … at …'."""
        job = _job_phrase(self.job_title, self.job_company)
        if self.recent_graduate and self.school:
            degree = f" ({self.degree})" if self.degree else ""
            verb = "recently graduated" if self.graduated is None or self.graduated <= date.today() else "am about to graduate"
            text = f"I'm {self.first_name}, and I {verb} from {self.school}{degree}"
            if job and self.job_current:
                text += f"; I'm now {job}"
            return text + "."
        if job and self.job_current:
            return f"I'm {self.first_name}, currently {job}."
        if job:
            return f"I'm {self.first_name}; most recently I was {job}."
        return f"I'm {self.name}."

    def short_intro(self) -> str:
        """A third-person line for a forwardable blurb."""
        job = _job_phrase(self.job_title, self.job_company)
        if self.recent_graduate and self.school:
            return f"{self.name} recently graduated from {self.school}"
        if job and self.job_current:
            return f"{self.name} is currently {job}"
        if job:
            return f"{self.name} was most recently {job}"
        return f"{self.name} is a friend of mine"


def _job_phrase(title: str | None, company: str | None) -> str | None:
    if title and company:
        return f"{_article(title)} {title} at {company}"
    if company:
        return f"working at {company}"
    if title:
        return f"{_article(title)} {title}"
    return None


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def about_me(ws: Workspace, today: date | None = None) -> Me:
    """My profile as a :class:`Me`. A recent graduate: education ended within about two
    years, or no full-time position ever (internships do not count)."""
    today = today or date.today()
    profile = {r["key"]: r["value"] for r in ws.conn.execute("SELECT key, value FROM my_profile") if r["value"]}
    me_id = ws.me_id()
    me_row = get_person(ws, me_id) if me_id else None
    first = profile.get("first_name") or (me_row["first_name"] if me_row else None)
    last = profile.get("last_name") or (me_row["last_name"] if me_row else None)
    name = " ".join(p for p in (first, last) if p) or (me_row["full_name"] if me_row else "") or "me"
    first = first or name.split()[0]
    education = sorted(
        (dict(r) for r in ws.conn.execute("SELECT school, degree, start_on, end_on FROM my_education")),
        key=lambda r: _when(r["end_on"]) or date.min,
    )
    latest_edu = education[-1] if education else None
    graduated = _when(latest_edu["end_on"]) if latest_edu else None
    positions = [dict(r) for r in ws.conn.execute("SELECT company, title, started_on, finished_on FROM my_positions")]
    full_time = [p for p in positions if not _NOT_FULL_TIME.search(p["title"] or "")]
    current = [p for p in full_time if not p["finished_on"]]
    pool = current or full_time
    latest = max(pool, key=lambda p: (_when(p["finished_on"]) or date.max, _when(p["started_on"]) or date.min), default=None)
    recent = bool(latest_edu) and (
        (graduated is not None and (today - graduated).days <= RECENT_GRADUATE_DAYS) or not full_time
    )
    return Me(
        name=name,
        first_name=first,
        location=profile.get("location") or profile.get("geo_location"),
        headline=profile.get("headline"),
        goal=profile.get("goal"),
        school=latest_edu["school"] if latest_edu else None,
        degree=latest_edu["degree"] if latest_edu else None,
        graduated=graduated,
        job_title=latest["title"] if latest else None,
        job_company=latest["company"] if latest else None,
        job_current=bool(current),
        recent_graduate=recent,
        employers=tuple(dict.fromkeys(p["company"] for p in positions if p["company"])),
        schools=tuple(dict.fromkeys(e["school"] for e in education if e["school"])),
    )


# ---------------------------------------------------------------- them


#: How a draft asks for the meeting that :func:`netanalytics.scoring.affinity.meeting_for` suggests.
MEETING_ASKS = {
    "coffee": "a short coffee near you",
    "video": "a 20-minute video or phone call",
    "unknown": "a short coffee or a 20-minute call",
}


def meeting_ask(mine: str | None, theirs: str | None) -> str:
    """Coffee when near, a video or phone call when far, either when a place is unknown: the
    meeting suggestion of :func:`netanalytics.scoring.affinity.meeting_for`, in words.

    >>> meeting_ask("Boston, MA", "Greater Boston Area")
    'a short coffee near you'
    >>> meeting_ask("Boston, MA", "Denver, Colorado")
    'a 20-minute video or phone call'
    >>> meeting_ask("Boston, MA", "Remote")
    'a short coffee or a 20-minute call'
    """
    return MEETING_ASKS[meeting_for(MyBackground.of(location=mine), theirs)[1]]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def shared_background(ws: Workspace, person: sqlite3.Row | str) -> list[str]:
    """What we have in common, as sentences: a school (the same field, years together), an
    employer (theirs now or any earlier one) — :func:`netanalytics.scoring.affinity.affinity_with`."""
    pid = person if isinstance(person, str) else person["person_id"]
    found = affinity_with(ws, pid)
    return [_sentence(r) for r in (found.school_reason, found.employer_reason) if r]


def _in_prose(text: str | None) -> str:
    """A name as it reads in a sentence: 'Ebony Zhao (she/her)' -> 'Ebony Zhao', 'Marisol
    Reyes, CFA' -> 'Marisol Reyes'. Only a trailing pronoun or credential part goes; any other
    name comes out exactly as written (even one that looks like markup or a placeholder).

    >>> _in_prose("Ebony Zhao (she/her)"), _in_prose("Ann O'Neil, CFA, SHRM-CP"), _in_prose("${x}")
    ('Ebony Zhao', "Ann O'Neil", '${x}')
    """
    text = " ".join(str(text or "").split())
    short = short_name(text)
    rest = text[len(short):]
    if short and text.startswith(short) and rest[:1] in (" ", ",") and any(c.isalpha() for c in short):
        return short
    return text


def _plain_name(person: sqlite3.Row) -> str:
    """The person's whole name as it reads in a sentence (see :func:`_in_prose`)."""
    return _in_prose(person["full_name"])


def _first_name(person: sqlite3.Row) -> str:
    """'Ebony' for 'Ebony Zhao (she/her)'; the first name field when the export gave one."""
    if person["first_name"]:
        return _in_prose(person["first_name"])
    return (person["full_name"] or "").split(" ")[0] or person["full_name"]


#: Relationship labels that get the short, friendly note; every other tie (or none) the polite one.
FRIENDLY = ("family", "close-friend", "friend")


def tone_of(ws: Workspace, person_id: str | None) -> str:
    """'friendly' when you rated your tie to ``person_id`` family, close friend or friend,
    else 'formal' (an acquaintance, a colleague, or a tie you have not rated)."""
    me = ws.me_id()
    if me is None or person_id is None:
        return "formal"
    row = ws.conn.execute(
        "SELECT relationship FROM ties WHERE relationship IS NOT NULL AND"
        " ((owner_id = ? AND person_id = ?) OR (owner_id = ? AND person_id = ?))",
        (me, person_id, person_id, me),
    ).fetchone()
    return "friendly" if row is not None and row[0] in FRIENDLY else "formal"


def default_kind(ws: Workspace, person_id: str) -> str:
    """The draft a person most likely needs now, from the log: a thank-you after a meeting not
    yet thanked; a keep-in-touch note to someone already met; a direct message to someone you
    know or were introduced to; an intro request when someone can introduce you; else a
    direct message."""
    events = history(ws, person_id)
    meetings = [i for i, e in enumerate(events) if e.stage == "interviewed"]
    if meetings:
        thanked = any(e.stage == "thank_you_sent" for e in events[meetings[-1] + 1:])
        return "keep-in-touch" if thanked else "thank-you"
    if any(e.stage == "intro_made" for e in events):
        return "direct"
    me = ws.me_id()
    known = me is not None and ws.conn.execute(
        "SELECT 1 FROM ties WHERE (owner_id = ? AND person_id = ?) OR (owner_id = ? AND person_id = ?)",
        (me, person_id, person_id, me)).fetchone() is not None
    if known:  # you know them: write to them yourself
        return "direct"
    return "intro-request" if find_intermediary(ws, person_id) else "direct"


def _ranked_intermediary(ws: Workspace, person_id: str) -> str | None:
    """The first hop of the ranking's best path of two or more hops, if the ranking can tell."""
    try:
        from netanalytics.ranking import paths_to
    except ImportError:  # ranking not installed in this build: the ties decide
        return None
    try:
        paths = paths_to(ws, person_id)
    except NetanalyticsError:  # no network to rank yet (no export of mine imported)
        return None
    for hops, ids in zip(paths.get("hops", []), paths.get("path_ids", []), strict=False):
        if hops >= 2 and len(ids) > 2:
            return str(ids[1])
    return None


def find_intermediary(ws: Workspace, person_id: str) -> str | None:
    """Who to ask for an introduction to ``person_id``: the ``via`` of their latest logged
    event; else the first hop of the ranking's best warm path (:func:`netanalytics.ranking.paths_to`);
    else the strongest of my ties whose own export lists them. None when nobody is known."""
    for event in reversed(history(ws, person_id)):
        if event.via_person_id:
            return event.via_person_id
    choice = _ranked_intermediary(ws, person_id)
    if choice:
        return choice
    me = ws.me_id()
    if me is None:
        return None
    rows = ws.conn.execute(
        "SELECT mine.person_id AS via, mine.relationship AS rel,"
        " mine.messages_sent + mine.messages_received AS messages, p.full_name AS name"
        " FROM ties mine JOIN ties theirs ON theirs.owner_id = mine.person_id AND theirs.person_id = ?"
        " JOIN people p ON p.person_id = mine.person_id"
        " WHERE mine.owner_id = ? AND mine.person_id <> ?",
        (person_id, me, person_id),
    ).fetchall()
    if not rows:
        return None

    def strength(row: sqlite3.Row) -> tuple:
        rel = row["rel"] if row["rel"] in _RELATIONSHIP_ORDER else None
        rank = _RELATIONSHIP_ORDER.index(rel) if rel else len(_RELATIONSHIP_ORDER)
        return (rank, -(row["messages"] or 0), row["name"])

    return min(rows, key=strength)["via"]


# ---------------------------------------------------------------- drafts


def _why_sentence(person: sqlite3.Row, me: Me, *, third_person: bool = False, found: Affinity | None = None) -> str:
    role = _role(person)
    whose = f"{_first_name(person)}'s" if third_person else "Your"
    text = f"{whose} work as {role} stood out to me" if role else f"{whose} career path stood out to me"
    who = f"{_first_name(person)} and I" if third_person else "we"
    if found is not None and found.shared_employer:
        text += f", all the more since {who} both worked at {found.shared_employer}"
    elif found is not None and found.shared_school:
        text += f", all the more since {who} both studied at {found.shared_school}"
    return text + "."


def _role(person: sqlite3.Row) -> str | None:
    if person["position"] and person["company"]:
        return f"{person['position']} at {person['company']}"
    return person["position"] or (f"someone at {person['company']}" if person["company"] else None)


def _field(person: sqlite3.Row, me: Me) -> str:
    if me.goal:
        return me.goal
    if person["position"]:
        return f"roles like {person['position']}"
    if person["company"]:
        return f"the kind of work done at {person['company']}"
    return "their field"


def _values(ws: Workspace, person: sqlite3.Row, me: Me, via: sqlite3.Row | None) -> dict[str, Any]:
    events = history(ws, person["person_id"])
    found = affinity_with(ws, person["person_id"])
    met = [e for e in events if e.stage == "interviewed"]
    learned = next((e.learned for e in reversed(events) if e.learned), None)
    contacts = [e for e in events if e.stage not in ("identified", "intro_requested")]
    values = {
        "my_name": me.name,
        "my_first_name": me.first_name,
        "my_intro": me.intro_sentence(),
        "my_short_intro": me.short_intro(),
        "my_goal": _field(person, me),
        "their_name": _plain_name(person),
        "their_first_name": _first_name(person),
        "their_company": person["company"] or "",
        "their_position": person["position"] or "",
        "their_role": _role(person) or "",
        "their_role_paren": f" ({_role(person)})" if _role(person) else "",
        "why_them": _why_sentence(person, me, found=found),
        "why_them_third": _why_sentence(person, me, third_person=True, found=found),
        "meeting_ask": MEETING_ASKS[found.meeting],
        "via_name": _plain_name(via) if via is not None else "",
        "via_first_name": _first_name(via) if via is not None else "",
        "via_sentence": f"{_plain_name(via)} suggested I reach out to you. " if via is not None else "",
        "met_on": f" on {met[-1].at:%B} {met[-1].at.day}" if met else "",
        "learned_sentence": (
            f"I especially appreciated what you shared about {learned.rstrip('.')}."
            if learned
            else "I learned a lot from hearing how you got to where you are."
        ),
        "since": f" since we last spoke in {contacts[-1].at:%B}" if contacts else "",
        "advice_sentence": f"Your advice about {learned.rstrip('.')} has stayed with me. " if learned else "",
    }
    return values


def _kind(kind: str) -> str:
    key = "-".join(str(kind or "").strip().lower().replace("_", " ").replace("-", " ").split())
    if key not in DRAFT_KINDS:
        raise InputError("kind", f"one of {', '.join(DRAFT_KINDS)}", repr(kind))
    return key


def draft(
    ws: Workspace,
    person: str,
    kind: str | None = None,
    *,
    via: str | None = None,
    today: date | None = None,
) -> str:
    """A ready-to-edit message to (or, for ``intro-request``, about) ``person``.

    ``kind`` defaults to :func:`default_kind`. ``via`` names the intermediary; without it,
    :func:`find_intermediary` picks one (an intro request without anyone to ask is an
    :class:`InputError` with a hint). The tone follows the tie to whoever receives the
    message (:func:`tone_of`): a friend gets the short ``<kind>-friendly.txt`` template.
    """
    target = find_person(ws, person)
    kind = default_kind(ws, target["person_id"]) if kind is None else _kind(kind)
    if target["is_me"]:
        raise InputError("person", "someone other than you", f"'{person}' (that is you)")
    me = about_me(ws, today)
    via_row = None
    if via:
        via_row = find_person(ws, via)
    elif kind in ("intro-request", "direct"):
        via_id = find_intermediary(ws, target["person_id"])
        via_row = get_person(ws, via_id) if via_id else None
    if kind == "intro-request" and via_row is None:
        raise InputError(
            f"No intermediary known for {target['full_name']}: nobody in the log or your friends' "
            "exports links you. Name the intermediary (via), or draft a direct message instead.",
            param="via", next_step="give_via",
        )
    if via_row is not None and via_row["person_id"] == target["person_id"]:
        raise InputError("via", "an intermediary other than the person", "the same person", param="via")
    values = _values(ws, target, me, via_row)
    if kind == "direct" and not any(e.stage == "intro_made" for e in history(ws, target["person_id"])):
        values["via_sentence"] = ""  # no introduction has happened: do not claim one
    if kind == "intro-request":
        values["blurb"] = render(load_template("intro-blurb.txt", ws), values).strip()
    reader = via_row["person_id"] if kind == "intro-request" and via_row is not None else target["person_id"]
    name = f"{kind}-friendly.txt" if tone_of(ws, reader) == "friendly" else f"{kind}.txt"
    text = render(load_template(name, ws), values)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def template_names() -> list[str]:
    """The shipped template files (copy one into ``<workspace>/templates/`` to change it)."""
    return sorted(p.name for p in Path(TEMPLATE_DIR).iterdir() if p.suffix in (".txt", ".md"))
