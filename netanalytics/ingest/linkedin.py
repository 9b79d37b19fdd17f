"""Parse the files of a LinkedIn data export into canonical frames.

Each ``parse_*`` function takes the decoded text of one file and the name to show in
errors, and returns canonical rows (:mod:`netanalytics.ingest.records`). The archive
walker in :mod:`netanalytics.ingest` decides which file is which
(:func:`archive_key`) and calls them.

>>> text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n"
>>> text += "Ada,Lee,https://www.linkedin.com/in/ada,,Acme ,Engineer,05 Nov 2023\\n,,,,,,07 Nov 2024\\n"
>>> frame, skipped = parse_connections(text, "Connections.csv")
>>> frame.loc[0, ["full_name", "company", "connected_on", "line"]].tolist()
['Ada Lee', 'Acme', datetime.date(2023, 11, 5), 2]
>>> skipped[0].reason, skipped[0].count, skipped[0].lines
('hidden or closed member', 1, [3])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from netanalytics import bounds
from netanalytics.bounds import CAREER_DATES, EXPORT_DATES
from netanalytics.ingest.csvtable import Table, read_table
from netanalytics.ingest.dates import parse_dates, parse_timestamps
from netanalytics.ingest.names import clean_text, full_name
from netanalytics.ingest.records import (
    CONNECTION_COLUMNS,
    EDUCATION_COLUMNS,
    INTERACTION_COLUMNS,
    INTERACTION_COUNT_COLUMNS,
    POSITION_COLUMNS,
    SkippedRows,
)
from netanalytics.urls import profile_url_key

__all__ = [
    "ARCHIVE_FILES",
    "CONNECTIONS_SIGNATURE",
    "LINKEDIN_SIGNATURES",
    "Counterparts",
    "Invitation",
    "Me",
    "MessageStats",
    "add_mentions",
    "archive_key",
    "connections_from_table",
    "counterpart_key",
    "parse_connections",
    "parse_education",
    "parse_endorsements",
    "parse_invitations",
    "parse_messages",
    "parse_positions",
    "parse_profile",
    "parse_recommendations",
    "url_key",
]

HIDDEN_MEMBER = "hidden or closed member"

#: Column-name sets (normalised: lower-case, spaces for underscores) that identify a
#: LinkedIn file by its header. Used to find the header row and to tell the user which
#: file they handed over when it is not the expected one.
CONNECTIONS_SIGNATURE = [
    {"first name", "last name", "connected on"},
    {"first name", "last name", "company", "position"},
]
LINKEDIN_SIGNATURES: dict[str, list[set[str]]] = {
    "Connections.csv": CONNECTIONS_SIGNATURE,
    "Profile.csv": [{"first name", "last name", "headline"}, {"first name", "last name", "geo location"}],
    "Positions.csv": [{"company name", "title", "started on"}, {"company name", "title", "start date"}],
    "Education.csv": [{"school name", "degree name"}, {"school name", "start date"}],
    "messages.csv": [{"from", "to", "date", "content"}],
    "Invitations.csv": [{"from", "to", "sent at"}],
    "Endorsement_Received_Info.csv": [{"skill name", "endorser first name"}],
    "Endorsement_Given_Info.csv": [{"skill name", "endorsee first name"}],
    "Recommendations_Received.csv or Recommendations_Given.csv": [
        {"first name", "last name", "text", "creation date"},
        {"first name", "last name", "text", "status"},
    ],
    "Certifications.csv": [{"name", "authority"}],
    "Company Follows.csv": [{"organization", "followed on"}],
    "Email Addresses.csv": [{"email address", "confirmed"}],
    "PhoneNumbers.csv": [{"number", "type"}, {"extension", "number"}],
    "Languages.csv": [{"name", "proficiency"}],
    "Projects.csv": [{"title", "description", "url", "started on"}],
    "Registration.csv": [{"registered at"}],
    "Reactions.csv": [{"date", "type", "link"}],
    "Comments.csv": [{"date", "link", "message"}],
    "Shares.csv": [{"date", "sharelink"}],
    "Logins.csv": [{"login date", "ip address"}],
}

#: Archive member name (see :func:`archive_key`) -> what it holds.
ARCHIVE_FILES = {
    "connections.csv": "connections",
    "profile.csv": "profile",
    "positions.csv": "positions",
    "education.csv": "education",
    "messages.csv": "messages",
    "invitations.csv": "invitations",
    "endorsementreceivedinfo.csv": "endorsements_received",
    "endorsementgiveninfo.csv": "endorsements_given",
    "recommendationsreceived.csv": "recommendations_received",
    "recommendationsgiven.csv": "recommendations_given",
}


def archive_key(name: str) -> str:
    """A member's base name as matched: lower-case, spaces and underscores removed.

    >>> archive_key("Jobs/Endorsement Received Info.csv")
    'endorsementreceivedinfo.csv'
    >>> archive_key("guide_messages.csv")
    'guidemessages.csv'
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"[\s_]+", "", base.lower())




#: A grouping key for a profile URL: the one rule, :func:`netanalytics.urls.profile_url_key`.
url_key = profile_url_key


def counterpart_key(url: str | None, name: str | None) -> str | None:
    """``'url:'`` + :func:`url_key` when there is a URL, else ``'name:'`` + case-folded name.

    >>> counterpart_key(None, "Ada LEE")
    'name:ada lee'
    """
    key = url_key(url)
    if key:
        return "url:" + key
    name = clean_text(name)
    return "name:" + name.casefold() if name else None


def _values(table: Table, *names: str) -> list[str | None]:
    column = table.column(*names)
    if column is None:
        return [None] * len(table)
    joined = "".join(column)
    if joined.isascii() and joined.isprintable() and "  " not in joined:
        # Plain ASCII without runs of spaces: cleaning is only stripping.
        return [value.strip() or None for value in column]
    cleaned = {value: clean_text(value) for value in dict.fromkeys(column)}
    return [cleaned[value] for value in column]


def _skipped(reason: str, lines: list[int]) -> list[SkippedRows]:
    return [SkippedRows(reason, len(lines), lines)] if lines else []


_LINKEDIN_IN = re.compile(r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/in/[^\s,;\]\)]+", re.I)


# --------------------------------------------------------------------------- connections


def connections_from_table(table: Table) -> tuple[pd.DataFrame, list[SkippedRows]]:
    """Canonical connection rows from a parsed Connections table (any generation)."""
    first = _values(table, "first name")
    last = _values(table, "last name")
    url = _values(table, "url", "profile url")
    email = _values(table, "email address", "email", "e-mail address")
    company = _values(table, "company")
    position = _values(table, "position", "title")
    connected = _values(table, "connected on")
    location = _values(table, "address", "location")
    websites = _values(table, "websites")
    keep: list[int] = []
    hidden: list[int] = []
    nameless: list[int] = []
    for i in range(len(table)):
        if websites[i] and not url[i]:
            found = _LINKEDIN_IN.search(websites[i])
            if found:
                url[i] = found.group(0)
        if first[i] or last[i] or url[i] or email[i]:
            keep.append(i)
        elif company[i] or position[i]:
            nameless.append(table.lines[i])
        else:
            hidden.append(table.lines[i])
    lines = [table.lines[i] for i in keep]
    dates = parse_dates(
        [connected[i] for i in keep], where=table.where, field="Connected On", lines=lines, valid=EXPORT_DATES
    )
    data = {
        "first_name": [first[i] for i in keep],
        "last_name": [last[i] for i in keep],
        "full_name": [full_name(first[i], last[i]) for i in keep],
        "profile_url": [url[i] for i in keep],
        "email": [email[i] for i in keep],
        "company": [company[i] for i in keep],
        "position": [position[i] for i in keep],
        "connected_on": dates,
        "location": [location[i] for i in keep],
        "categories": [None] * len(keep),
        "line": lines,
    }
    frame = pd.DataFrame({c: pd.Series(data[c], dtype=object) for c in CONNECTION_COLUMNS})
    skipped = _skipped(HIDDEN_MEMBER, hidden) + _skipped("no name, URL or email", nameless)
    return frame, skipped


def parse_connections(
    text: str, where: str, *, progress: bool = False
) -> tuple[pd.DataFrame, list[SkippedRows]]:
    """Connections.csv text -> (connections frame, skipped rows).

    Handles the ``Notes:`` preamble or none, both headers (with and without ``URL``), the
    2018 variant (``Address`` -> location, a LinkedIn URL in ``Websites`` -> profile_url),
    hidden-member rows (only a date: skipped as ``'hidden or closed member'``) and a
    header-only file (an empty frame).
    """
    _, table = read_table(
        text, where, {"Connections.csv": CONNECTIONS_SIGNATURE}, progress=progress, max_rows=bounds.SIZES.contact_rows
    )
    return connections_from_table(table)


# --------------------------------------------------------------------------- profile & CV


def parse_profile(text: str, where: str) -> dict[str, str | None] | None:
    """Profile.csv text -> dict (first_name, last_name, headline, summary, industry,
    location, profile_url) or None when the file has no data row.

    >>> text = "First Name,Last Name,Headline,Geo Location\\nSam,Rivera,Analyst,\\"Boston, MA\\"\\n"
    >>> parse_profile(text, "Profile.csv")["location"]
    'Boston, MA'
    """
    _, table = read_table(text, where, {"Profile.csv": LINKEDIN_SIGNATURES["Profile.csv"]})
    if not len(table):
        return None
    row = {
        "first_name": _values(table, "first name")[0],
        "last_name": _values(table, "last name")[0],
        "headline": _values(table, "headline")[0],
        "summary": _values(table, "summary")[0],
        "industry": _values(table, "industry")[0],
        "location": _values(table, "geo location", "location")[0],
        "profile_url": None,
    }
    websites = _values(table, "websites")[0]
    if websites:
        found = _LINKEDIN_IN.search(websites)
        if found:
            row["profile_url"] = found.group(0)
    return row


def parse_positions(text: str, where: str) -> pd.DataFrame:
    """Positions.csv (both generations) -> POSITION_COLUMNS; dates are first of month.

    >>> text = "Company Name,Title,Description,Location,Started On,Finished On\\nAcme,Analyst,,,Mar 2021,\\n"
    >>> parse_positions(text, "Positions.csv").loc[0, ["started_on", "finished_on"]].tolist()
    [datetime.date(2021, 3, 1), None]
    """
    _, table = read_table(text, where, {"Positions.csv": LINKEDIN_SIGNATURES["Positions.csv"]})
    started_field = "Started On" if table.has("started on") else "Start Date"
    finished_field = "Finished On" if table.has("finished on") else "End Date"
    data = {
        "company": _values(table, "company name", "company"),
        "title": _values(table, "title"),
        "location": _values(table, "location"),
        "started_on": parse_dates(
            _values(table, "started on", "start date"), where=where, field=started_field, lines=table.lines,
            valid=CAREER_DATES,
        ),
        "finished_on": parse_dates(
            _values(table, "finished on", "end date"), where=where, field=finished_field, lines=table.lines,
            valid=CAREER_DATES,
        ),
    }
    return pd.DataFrame({c: pd.Series(data[c], dtype=object) for c in POSITION_COLUMNS})


def parse_education(text: str, where: str) -> pd.DataFrame:
    """Education.csv -> EDUCATION_COLUMNS (``2018`` -> 1 Jan 2018, ``Sep 2019`` -> 1 Sep)."""
    _, table = read_table(text, where, {"Education.csv": LINKEDIN_SIGNATURES["Education.csv"]})
    data = {
        "school": _values(table, "school name", "school"),
        "degree": _values(table, "degree name", "degree"),
        "start_on": parse_dates(
            _values(table, "start date", "started on"), where=where, field="Start Date", lines=table.lines,
            valid=CAREER_DATES,
        ),
        "end_on": parse_dates(
            _values(table, "end date", "finished on"), where=where, field="End Date", lines=table.lines,
            valid=CAREER_DATES,
        ),
    }
    frame = pd.DataFrame({c: pd.Series(data[c], dtype=object) for c in EDUCATION_COLUMNS})
    return frame[frame["school"].notna()].reset_index(drop=True)


# --------------------------------------------------------------------------- counterparts


@dataclass
class Me:
    """What identifies the export's owner in their own files."""

    url: str | None = None
    name: str | None = None

    @property
    def url_key(self) -> str | None:
        return url_key(self.url)

    @property
    def name_key(self) -> str | None:
        name = clean_text(self.name)
        return name.casefold() if name else None

    def matches(self, url: str | None, name: str | None) -> bool:
        """Whether a (url, name) pair is me: by URL when both sides have one, else by name."""
        mine, theirs = self.url_key, url_key(url)
        if mine and theirs:
            return mine == theirs
        cleaned = clean_text(name)
        return bool(self.name_key and cleaned and cleaned.casefold() == self.name_key)




@dataclass
class _Counterpart:
    name: str | None = None
    url: str | None = None
    counts: Counter = field(default_factory=Counter)
    first: object = None
    last: object = None
    invitation: str | None = None
    invited_at: object = None


class Counterparts:
    """Accumulates per-counterpart interaction facts from every file of my archive.

    Rows are keyed by :func:`counterpart_key` (normalised URL when known, else the
    case-folded cleaned name). :meth:`frame` then folds a name-only row into the URL row
    whose name matches it, when exactly one does; otherwise both rows stay and identity
    resolution decides.
    """

    def __init__(self, me: Me | None = None) -> None:
        self.me = me or Me()
        self._rows: dict[str, _Counterpart] = {}

    def _get(self, url: str | None, name: str | None) -> _Counterpart | None:
        if self.me.matches(url, name):
            return None
        key = counterpart_key(url, name)
        if key is None:
            return None
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = _Counterpart()
        if name and not row.name:
            row.name = clean_text(name)
        if url and not row.url:
            row.url = clean_text(url)
        return row

    def add(self, column: str, url: str | None, name: str | None, n: int = 1) -> None:
        """Count ``n`` of ``column`` (e.g. 'endorsements_received') for the counterpart."""
        row = self._get(url, name)
        if row is not None:
            row.counts[column] += n

    def message(self, url: str | None, name: str | None, *, sent: bool, at: object) -> None:
        """One message I sent to (``sent``) or received from the counterpart at ``at``."""
        row = self._get(url, name)
        if row is None:
            return
        row.counts["messages_sent" if sent else "messages_received"] += 1
        if name:
            row.name = clean_text(name) or row.name
        if at is not None:
            row.first = at if row.first is None or at < row.first else row.first
            row.last = at if row.last is None or at > row.last else row.last

    def invitation(self, url: str | None, name: str | None, direction: str, at: object) -> None:
        """Who invited whom; the latest invitation wins."""
        row = self._get(url, name)
        if row is None:
            return
        if row.invitation is None or (at is not None and (row.invited_at is None or at >= row.invited_at)):
            row.invitation, row.invited_at = direction, at

    def frame(self) -> pd.DataFrame:
        """The INTERACTION_COLUMNS frame, one row per counterpart."""
        by_name: dict[str, list[str]] = {}
        for key, row in self._rows.items():
            if key.startswith("url:") and row.name:
                by_name.setdefault(row.name.casefold(), []).append(key)
        merged: dict[str, _Counterpart] = {}
        for key, row in self._rows.items():
            target_keys = by_name.get(key[5:], []) if key.startswith("name:") else []
            if len(target_keys) == 1:
                target = self._rows[target_keys[0]]
                target.counts.update(row.counts)
                for attr, pick in (("first", min), ("last", max)):
                    values = [v for v in (getattr(target, attr), getattr(row, attr)) if v is not None]
                    setattr(target, attr, pick(values) if values else None)
                if target.invitation is None:
                    target.invitation = row.invitation
                continue
            merged[key] = row
        records = []
        for row in merged.values():
            record = {c: int(row.counts.get(c, 0)) for c in INTERACTION_COUNT_COLUMNS}
            record.update(
                name=row.name,
                profile_url=row.url,
                first_message_at=row.first,
                last_message_at=row.last,
                invitation=row.invitation,
            )
            records.append(record)
        frame = pd.DataFrame({c: pd.Series([r[c] for r in records], dtype=object) for c in INTERACTION_COLUMNS})
        return frame


# --------------------------------------------------------------------------- invitations


@dataclass
class Invitation:
    """One row of Invitations.csv, oriented: who the counterpart is, who invited."""

    direction: str  # 'outgoing' | 'incoming'
    name: str | None
    url: str | None
    my_url: str | None
    my_name: str | None
    sent_at: object
    line: int


def parse_invitations(text: str, where: str, me: Me | None = None) -> list[Invitation]:
    """Invitations.csv -> one :class:`Invitation` per row with a known direction.

    Uses ``inviterProfileUrl``/``inviteeProfileUrl`` (or the ``…Urn`` columns) when present,
    else the From/To names. Without a Direction column, the side matching ``me`` decides.
    """
    _, table = read_table(text, where, {"Invitations.csv": LINKEDIN_SIGNATURES["Invitations.csv"]})
    me = me or Me()
    sender = _values(table, "from")
    recipient = _values(table, "to")
    sender_url = _values(table, "inviterprofileurl", "inviter profile url", "inviterprofileurn")
    recipient_url = _values(table, "inviteeprofileurl", "invitee profile url", "inviteeprofileurn")
    direction = _values(table, "direction")
    sent_at = parse_timestamps(
        _values(table, "sent at"), where=where, field="Sent At", lines=table.lines, valid=EXPORT_DATES
    )
    out = []
    for i in range(len(table)):
        d = (direction[i] or "").lower()
        if d not in ("outgoing", "incoming"):
            if me.matches(sender_url[i], sender[i]):
                d = "outgoing"
            elif me.matches(recipient_url[i], recipient[i]):
                d = "incoming"
            else:
                continue
        if d == "outgoing":
            out.append(Invitation(d, recipient[i], recipient_url[i], sender_url[i], sender[i], sent_at[i], table.lines[i]))
        else:
            out.append(Invitation(d, sender[i], sender_url[i], recipient_url[i], recipient[i], sent_at[i], table.lines[i]))
    return out


# --------------------------------------------------------------------------- messages


@dataclass(slots=True)
class _Message:
    line: int
    conversation: str | None
    title: str | None
    sender: str | None
    sender_url: str | None
    to: str | None
    recipient_urls: list[str]
    direction: str | None
    html: bool = False
    at: object = None


_TRUE = {"true", "yes", "y", "1"}
_HTML = re.compile(r"^\s*<(?:p|div|span|table|html|a|br|img|!doctype)\b", re.I)
_NOT_PERSON = re.compile(r"linkedin\.com/(?:company|showcase|school|groups|feed|jobs)/", re.I)
_URL_SPLIT = re.compile(r"[;,\s]+")


def _is_linkedin_member(name: str | None) -> bool:
    return (clean_text(name) or "").casefold() in ("linkedin member", "linkedin user", "")


@dataclass
class MessageStats:
    """What :func:`parse_messages` learned besides the per-counterpart counts."""

    me: Me
    skipped: list[SkippedRows]
    group_conversations: int = 0


def _identify_me(messages: list[_Message], me: Me, has_conversations: bool) -> Me:
    """Fill in my URL and name from the messages: see :func:`parse_messages`."""
    url, name = me.url, me.name
    if url is not None:
        # Another file's form of my URL may not be the one messages use: then ignore it.
        mine = url_key(url)
        seen = {url_key(m.sender_url) for m in messages if m.sender_url}
        seen.update(url_key(u) for m in messages for u in m.recipient_urls)
        if messages and seen and mine not in seen:
            url = None
    if url is None and name:
        key = (clean_text(name) or "").casefold()
        by_name = [m for m in messages if (m.sender or "").casefold() == key]
        urls = Counter(m.sender_url for m in by_name if m.sender_url)
        if urls:
            url = urls.most_common(1)[0][0]
        elif not by_name:
            name = None  # my Profile.csv name never sends a message here: find me otherwise
    if url is None and name is None:
        outgoing = [m for m in messages if (m.direction or "").lower() in ("outgoing", "sent")]
        if outgoing:
            name = Counter(m.sender for m in outgoing if m.sender).most_common(1)[0][0]
            urls = Counter(m.sender_url for m in outgoing if m.sender_url)
            url = urls.most_common(1)[0][0] if urls else None
    if url is None and name is None and has_conversations:
        # The owner takes part in every conversation; pick who takes part in most.
        presence: Counter = Counter()
        raw: dict[str, tuple[str | None, str | None]] = {}
        by_conv: dict[str, set[str]] = {}
        for m in messages:
            keys = by_conv.setdefault(m.conversation or "", set())
            key = counterpart_key(m.sender_url, m.sender)
            if key:
                keys.add(key)
                raw.setdefault(key, (m.sender_url, m.sender))
            for u in m.recipient_urls:
                key = counterpart_key(u, None)
                if key:
                    keys.add(key)
                    raw.setdefault(key, (u, None))
        for keys in by_conv.values():
            presence.update(keys)
        if presence:
            ranked = presence.most_common(2)
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                url, name = raw[ranked[0][0]]
    if url is not None and name is None:
        key = url_key(url)
        names = Counter(m.sender for m in messages if m.sender and url_key(m.sender_url) == key)
        name = names.most_common(1)[0][0] if names else None
    return Me(url=url, name=name or me.name)


def parse_messages(
    text: str,
    where: str,
    counterparts: Counterparts,
    *,
    progress: bool = False,
) -> MessageStats:
    """Count one-to-one messages per counterpart from messages.csv (any generation).

    Skipped (and counted): the SPAM folder, drafts, sponsored messages (a sender URL
    that is a company/showcase page, 'sponsored' in folder/title/subject, or a
    conversation of HTML mailings I never answered), messages from 'LinkedIn Member'
    without a URL, and messages in group conversations.

    Who is me: ``counterparts.me`` URL if known (from Invitations.csv), else the sender
    whose name is my Profile.csv name, else the sender of the Direction=OUTGOING rows
    (2018/2019), else the participant present in the most conversations.

    A conversation is one-to-one when exactly one participant other than me appears
    among its senders' URLs and its ``RECIPIENT PROFILE URLS`` (split on ``;``/``,`` —
    URLs, never names). Without recipient URLs (2021–early 2023): exactly one other
    sender, and every ``TO`` of my messages equal to that sender's name; when only I
    wrote, a blank conversation title and a single ``TO`` value. Without conversation
    ids (2018/2019) each message stands alone: OUTGOING goes to ``TO``, INCOMING
    comes from ``FROM``. ``TO`` is never split on commas.

    >>> text = (
    ...     "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\\n"
    ...     "c1,,Sam,https://www.linkedin.com/in/sam,Ada,2023-11-05 15:04:05 UTC,,Hi,INBOX\\n"
    ...     "c1,,Ada,https://www.linkedin.com/in/ada,Sam,2023-11-06 15:04:05 UTC,,Hey,INBOX\\n")
    >>> people = Counterparts(Me(name="Sam"))
    >>> parse_messages(text, "messages.csv", people).me.url
    'https://www.linkedin.com/in/sam'
    >>> people.frame().loc[0, ["name", "messages_sent", "messages_received"]].tolist()
    ['Ada', 1, 1]
    """
    # Only the start of a message's content is looked at (is it an HTML mailing?).
    _, table = read_table(
        text, where, {"messages.csv": LINKEDIN_SIGNATURES["messages.csv"]}, progress=progress,
        trim={"content": 64, "attachments": 0},
    )
    n = len(table)

    def flags(fn: Callable[[str | None], object], *names: str) -> list:
        column = _values(table, *names)
        mapped = {v: fn(v) for v in dict.fromkeys(column)}
        return [mapped[v] for v in column]

    folder = flags(lambda f: (f or "").upper(), "folder")
    draft = [
        a or b
        for a, b in zip(
            flags(lambda d: (d or "").lower() in _TRUE, "is message draft"),
            flags(lambda d: (d or "").lower() in _TRUE, "is conversation draft"),
            strict=True,
        )
    ]
    title = _values(table, "conversation title")
    sponsored_tag = [
        a or b
        for a, b in zip(
            flags(lambda t: "sponsored" in (t or "").lower(), "conversation title"),
            flags(lambda t: "sponsored" in (t or "").lower(), "subject"),
            strict=True,
        )
    ]
    sender = _values(table, "from")
    member = flags(_is_linkedin_member, "from")
    sender_url = _values(table, "sender profile url")
    not_person = flags(lambda u: bool(u and _NOT_PERSON.search(u)), "sender profile url")
    to = _values(table, "to")
    has_recipient_urls = table.has("recipient profile urls")
    recipient_urls = flags(lambda r: [u for u in _URL_SPLIT.split(r or "") if u], "recipient profile urls")
    conversation = _values(table, "conversation id")
    has_conversations = table.has("conversation id")
    direction = _values(table, "direction")
    content = table.column("content") or [""] * n
    dates = table.column("date") or [""] * n
    reasons: dict[str, list[int]] = {}
    kept: list[_Message] = []
    dates_raw: list[str | None] = []
    for i, line in enumerate(table.lines):
        f = folder[i]
        if f == "SPAM":
            reasons.setdefault("message in the spam folder", []).append(line)
        elif draft[i] or f in ("DRAFT", "DRAFTS"):
            reasons.setdefault("draft message", []).append(line)
        elif sponsored_tag[i] or not_person[i] or "SPONSORED" in f:
            reasons.setdefault("sponsored message", []).append(line)
        elif member[i] and not sender_url[i]:
            reasons.setdefault("message from 'LinkedIn Member' without a profile URL", []).append(line)
        else:
            kept.append(
                _Message(
                    line, conversation[i], title[i], sender[i], sender_url[i], to[i],
                    recipient_urls[i], direction[i], html=bool(_HTML.match(content[i])),
                )
            )
            dates_raw.append(dates[i])
    stamps = parse_timestamps(dates_raw, where=where, field="DATE", lines=[m.line for m in kept], valid=EXPORT_DATES)
    for m, at in zip(kept, stamps, strict=True):
        m.at = at

    me = _identify_me(kept, counterparts.me, has_conversations)
    counterparts.me = me
    stats = MessageStats(me=me, skipped=[])
    if has_conversations:
        convs: dict[str, list[_Message]] = {}
        for m in kept:
            convs.setdefault(m.conversation or f"line {m.line}", []).append(m)
        for msgs in convs.values():
            if all(m.html for m in msgs) and not any(me.matches(m.sender_url, m.sender) for m in msgs):
                # An HTML mailing nobody answered: a sponsored message without the label.
                reasons.setdefault("sponsored message", []).extend(m.line for m in msgs)
                continue
            other = _the_other(msgs, me, has_recipient_urls)
            if isinstance(other, str):
                reasons.setdefault(other, []).extend(m.line for m in msgs)
                stats.group_conversations += other == GROUP
                continue
            url, name = other
            for m in msgs:
                sent = me.matches(m.sender_url, m.sender)
                counterparts.message(url, name, sent=sent, at=m.at)
    else:
        for m in kept:
            d = (m.direction or "").lower()
            outgoing = d in ("outgoing", "sent") if d else me.matches(m.sender_url, m.sender)
            if outgoing and _is_linkedin_member(m.to):
                reasons.setdefault(NOBODY, []).append(m.line)
            elif outgoing:
                counterparts.message(None, m.to, sent=True, at=m.at)
            else:
                counterparts.message(m.sender_url, m.sender, sent=False, at=m.at)
    stats.skipped = [SkippedRows(r, len(ls), ls) for r, ls in reasons.items()]
    return stats


GROUP = "message in a group conversation"
NOBODY = "message to or from nobody identifiable ('LinkedIn Member', no URL)"


def _the_other(
    msgs: list[_Message], me: Me, has_recipient_urls: bool
) -> tuple[str | None, str | None] | str:
    """(url, name) of the one other participant of a conversation, or why there is none
    (:data:`GROUP` or :data:`NOBODY`)."""
    mine = [m for m in msgs if me.matches(m.sender_url, m.sender)]
    mine_ids = {id(m) for m in mine}
    my_to = {
        clean_text(m.to).casefold(): m.to for m in mine if clean_text(m.to) and not _is_linkedin_member(m.to)
    }
    others: dict[str, tuple[str | None, str | None]] = {}
    for m in msgs:
        if id(m) not in mine_ids:
            key = counterpart_key(m.sender_url, m.sender)
            if key:
                others.setdefault(key, (m.sender_url, m.sender))
    if has_recipient_urls:
        for m in msgs:
            for u in m.recipient_urls:
                key = counterpart_key(u, None)
                if key and not me.matches(u, None):
                    others.setdefault(key, (u, None))
        if not others:
            return NOBODY
        if len(others) != 1:
            return GROUP
        url, name = next(iter(others.values()))
        if name is None and len(my_to) == 1:
            name = next(iter(my_to.values()))
        return url, name
    if not others:
        if not my_to:
            return NOBODY
        if len(my_to) == 1 and not any(m.title for m in msgs):
            return None, next(iter(my_to.values()))
        return GROUP
    if len(others) != 1:
        return GROUP
    url, name = next(iter(others.values()))
    if my_to and set(my_to) != {(clean_text(name) or "").casefold()}:
        return GROUP
    return url, name


# --------------------------------------------------------------------------- endorsements


@dataclass
class _Mention:
    name: str | None
    url: str | None
    dedupe: tuple


def parse_endorsements(text: str, where: str, *, given: bool) -> list[_Mention]:
    """Endorsement_Received_Info.csv (or the legacy tab-separated UTF-16 one) or
    Endorsement_Given_Info.csv -> one mention of the endorser/endorsee per endorsement."""
    who = "endorsee" if given else "endorser"
    key = "Endorsement_Given_Info.csv" if given else "Endorsement_Received_Info.csv"
    _, table = read_table(text, where, {key: LINKEDIN_SIGNATURES[key]})
    first = _values(table, f"{who} first name")
    last = _values(table, f"{who} last name")
    url = _values(table, f"{who} public url", f"{who} profile url", f"{who} url")
    skill = _values(table, "skill name")
    out = []
    for i in range(len(table)):
        name = full_name(first[i], last[i])
        if not name and not url[i]:
            continue
        # A legacy twin file has no URL: deduplicate on skill and name.
        who_key = name.casefold() if name else counterpart_key(url[i], None)
        out.append(_Mention(name, url[i], ((skill[i] or "").casefold(), who_key)))
    return out


def parse_recommendations(text: str, where: str) -> list[_Mention]:
    """Recommendations_Received.csv / _Given.csv (any generation) -> one mention per row."""
    signatures = {"Recommendations": LINKEDIN_SIGNATURES["Recommendations_Received.csv or Recommendations_Given.csv"]}
    _, table = read_table(text, where, signatures)
    first = _values(table, "first name")
    last = _values(table, "last name")
    text_col = _values(table, "text")
    out = []
    for i in range(len(table)):
        name = full_name(first[i], last[i])
        if name:
            out.append(_Mention(name, None, ((text_col[i] or "")[:80], name.casefold())))
    return out


def add_mentions(counterparts: Counterparts, column: str, groups: Iterable[Sequence[_Mention]]) -> None:
    """Count mentions from one or several files (a legacy twin), each endorsement once."""
    seen: set[tuple] = set()
    for mentions in groups:
        for m in mentions:
            if m.dedupe in seen:
                continue
            seen.add(m.dedupe)
            counterparts.add(column, m.url, m.name)
