"""Import a parsed export into the workspace: people, ties, my profile, provenance.

:func:`import_source` reads a file (via :func:`netanalytics.ingest.read_source`) and calls
:func:`import_parsed`, which is pure database work in **one transaction**: any error
leaves the workspace exactly as it was.

What an import means:

- **Without an owner** it is *my* export. My profile becomes ``my_profile`` and the person
  with ``is_me = 1``; my positions and education replace the earlier ones; every
  connection gets a tie from me. Messages, invitations, endorsements and recommendations
  are matched to my connections (profile URL, else a name unique among my connections)
  and stored on those ties. A counterpart who is *not* a connection but exchanged
  messages or a recommendation with me is recorded as a person with a tie from me whose
  ``connected_on`` is empty (someone I talk to is part of my network); one known only
  from an invitation or an endorsement is not recorded (counted in the summary instead).
- **With an owner** it is a list a friend or family member shared: the owner is matched
  to a known person (profile URL, then a unique name) or created; my tie to them gets
  the ``relationship`` label; every listed person gets a tie from the owner.
- **Contacts files** (vCard, Google Contacts CSV) hold people who may not be on LinkedIn:
  each becomes a person with a tie from me (or from the owner), labelled by
  ``relationship`` when given, else by the contact's categories ("Family",
  "Close friends", "Friends", "Coworkers"…).

Re-importing the same content for the same owner changes nothing. A newer export of a
list updates company, position and location (the earlier values go to
``person_history``) and keeps every id — also for old exports without profile URLs, where a
name the same owner listed once before is taken to be the same person even though the
company changed. A value from a *different* list only fills a blank. Ties that a newer
export no longer lists are kept. Lists imported before my own archive hang my ties on a
placeholder "Me"; when my archive comes, a row that named me on a friend's list (my
profile URL, or my name with my current employer) is merged into me — a recorded merge,
which ``netanalytics split`` can undo. The user's merge/split corrections
(``identity_overrides``) are replayed so they survive every import.

>>> import tempfile
>>> from datetime import date
>>> import pandas as pd
>>> from netanalytics.ingest.records import CONNECTION_COLUMNS, ParsedExport
>>> from netanalytics.workspace import open_workspace
>>> rows = pd.DataFrame([{c: None for c in CONNECTION_COLUMNS} | {
...     "first_name": "Ada", "last_name": "Lovelace", "full_name": "Ada Lovelace",
...     "profile_url": "https://www.linkedin.com/in/ada", "company": "Engines",
...     "connected_on": date(2024, 1, 5), "line": 5}], dtype=object)
>>> parsed = ParsedExport("connections_csv", Path("Connections.csv"), "abc", rows)
>>> ws = open_workspace(tempfile.mkdtemp())
>>> print(import_parsed(ws, parsed, now="2026-01-01T00:00:00+00:00"))
Imported Connections.csv (my LinkedIn connections): 1 person added, 0 updated, 1 tie
>>> print(import_parsed(ws, parsed).unchanged)
True
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm.auto import tqdm

from netanalytics.errors import AmbiguousPersonError, InputError
from netanalytics.identity.normalize import (
    display_name,
    name_key,
    normalize_profile_url,
    short_name,
)
from netanalytics.identity.resolve import (
    Candidate,
    IdentityIndex,
    Resolution,
    make_person_id,
    resolve_rows,
    resolve_values,
)
from netanalytics.ingest.records import CONNECTION_COLUMNS, ParsedExport
from netanalytics.workspace.corrections import kept_apart, merge_people, replay_overrides
from netanalytics.workspace.db import Workspace, utc_now_iso
from netanalytics.workspace.stages import RELATIONSHIPS, normalize_relationship

__all__ = [
    "CATEGORY_RELATIONSHIPS",
    "ImportSummary",
    "check_import",
    "check_import_arguments",
    "gc_paused",
    "import_parsed",
    "import_source",
    "reason_text",
    "relationship_from_categories",
    "source_label",
]

#: Contact-group names (vCard CATEGORIES, Google labels), lower-cased, and the
#: relationship each implies. A contact in several groups gets the strongest.
CATEGORY_RELATIONSHIPS = {
    "family": "family",
    "relatives": "family",
    "relative": "family",
    "parents": "family",
    "siblings": "family",
    "close friends": "close-friend",
    "close friend": "close-friend",
    "close-friends": "close-friend",
    "best friends": "close-friend",
    "friends": "friend",
    "friend": "friend",
    "coworkers": "colleague",
    "co-workers": "colleague",
    "coworker": "colleague",
    "colleagues": "colleague",
    "colleague": "colleague",
    "work": "colleague",
    "acquaintances": "acquaintance",
    "acquaintance": "acquaintance",
}

#: Show a progress bar (when asked for one) from this many rows on.
PROGRESS_ROWS = 5_000

#: Placeholder name for me until my own Profile.csv is imported.
ME_PLACEHOLDER = "Me"

_CONTACT_KINDS = ("vcard", "google_contacts")
_UPDATABLE = ("company", "position", "location")
_FILLABLE = ("first_name", "last_name", "company", "position", "location", "email", "profile_url")
_CHUNK = 900  # SQLite host-parameter limit is 999 on older builds


def relationship_from_categories(categories: str | None) -> str | None:
    """The strongest relationship that a ';'-joined list of contact groups implies.

    >>> relationship_from_categories("Friends;Family")
    'family'
    >>> relationship_from_categories("* myContacts;Coworkers")
    'colleague'
    >>> relationship_from_categories("Book club") is None
    True
    """
    if not categories:
        return None
    found = {
        CATEGORY_RELATIONSHIPS.get(" ".join(part.strip().lstrip("*").lower().split()))
        for part in str(categories).replace(",", ";").split(";")
    }
    found.discard(None)
    for label in RELATIONSHIPS:
        if label in found:
            return label
    return None


def source_label(kind: str, owner_name: str | None, mine: bool) -> str:
    """How a source is named to the user: 'my LinkedIn archive', "Maya Chen's connections".

    >>> source_label("linkedin_archive", None, True)
    'my LinkedIn archive'
    >>> source_label("vcard", "Sam Lee", False)
    "Sam Lee's contacts"
    """
    what = "contacts" if kind in _CONTACT_KINDS else "connections"
    owner_name = short_name(owner_name) if owner_name else owner_name
    if mine:
        return {
            "linkedin_archive": "my LinkedIn archive",
            "connections_csv": "my LinkedIn connections",
        }.get(kind, "my contacts")
    return f"{owner_name or 'someone'}'s {what}"


_HEAD_ENDS = (" in ", " from ", " without ", " for ", " naming ", " known ", " with ", ", ")
_IRREGULAR = {"person": "people", "child": "children"}


def reason_text(reason: str, n: int) -> str:
    """A skip reason worded for ``n`` rows: the head noun pluralised when n != 1.

    >>> reason_text("message in a group conversation", 25)
    'messages in a group conversation'
    >>> reason_text("hidden or closed member", 1)
    'hidden or closed member'
    >>> reason_text("person known only from an invitation or endorsement", 2)
    'people known only from an invitation or endorsement'
    """
    if n == 1:
        return reason
    cut = min((i for i in (reason.find(m) for m in _HEAD_ENDS) if i > 0), default=len(reason))
    head, tail = reason[:cut], reason[cut:]
    words = head.split(" ")
    last = words[-1]
    if last in _IRREGULAR:
        words[-1] = _IRREGULAR[last]
    elif last and last[-1:].isalpha() and not last.endswith("s"):
        words[-1] = last + ("es" if last.endswith(("sh", "ch", "x")) else "s")
    return " ".join(words) + tail


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


@dataclass
class ImportSummary:
    """What one import did. ``str()`` gives the one-line summary the CLI prints."""

    name: str
    label: str
    people_added: int = 0
    people_updated: int = 0
    ties: int = 0
    message_only_ties: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    rows_read: int = 0
    source_id: int | None = None
    owner_id: str | None = None
    unchanged: bool = False
    previous_import: str | None = None
    relabelled: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def rows_skipped(self) -> int:
        """Rows left out, all reasons together."""
        return sum(self.skipped.values())

    def __str__(self) -> str:
        if self.unchanged:
            if self.relabelled:
                owner = self.label.rsplit("'s ", 1)[0]
                return (
                    f"{self.name} ({self.label}) was already imported on {self.previous_import} "
                    f"with the same content; only your relationship to {owner} changed, "
                    f"to {self.relabelled}."
                )
            return (
                f"{self.name} ({self.label}) was already imported on {self.previous_import} "
                "with the same content: nothing changed."
            )
        ties = _plural(self.ties, "tie")
        if self.message_only_ties:
            ties += f" (incl. {self.message_only_ties} from messages with people who are not connections)"
        text = (
            f"Imported {self.name} ({self.label}): "
            f"{_plural(self.people_added, 'person', 'people')} added, "
            f"{self.people_updated} updated, {ties}"
        )
        if self.skipped:
            reasons = ", ".join(f"{n} {reason_text(reason, n)}" for reason, n in self.skipped.items())
            text += f"; skipped {_plural(self.rows_skipped, 'row')} ({reasons})"
        return text


# --------------------------------------------------------------------------- values


def _value(v: Any) -> Any:
    """None for missing values (None, NaN, NaT, pd.NA, blank strings)."""
    if v is None:
        return None
    if isinstance(v, str):
        return v if v.strip() else None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def _iso(v: Any, where: str, line: Any, field_name: str) -> str | None:
    """An ISO date/timestamp string for a date, datetime or ISO text; InputError otherwise."""
    v = _value(v)
    if v is None:
        return None
    if isinstance(v, datetime):  # includes pd.Timestamp
        return v.replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, str):
        try:
            return date.fromisoformat(v).isoformat() if len(v) == 10 else datetime.fromisoformat(v).isoformat()
        except ValueError:
            pass
    raise InputError(
        where, "a date", repr(v), line=int(line) if _value(line) is not None else None, field=field_name
    )


def _count(v: Any, where: str, field_name: str) -> int:
    v = _value(v)
    if v is None:
        return 0
    try:
        n = int(v)
    except (TypeError, ValueError):
        raise InputError(where, "a whole number", repr(v), field=field_name) from None
    if n < 0:
        raise InputError(where, "a count of 0 or more", str(n), field=field_name)
    return n


def _text_column(frame: pd.DataFrame, name: str) -> list[Any]:
    """A column as a list, None for missing or blank values (fast: no per-cell pd.isna)."""
    if name not in frame.columns:
        return [None] * len(frame)
    col = frame[name]
    values = col.tolist()
    missing = col.isna()
    if missing.any():
        values = [None if gone else v for v, gone in zip(values, missing.tolist(), strict=True)]
    return [None if (v.__class__ is str and (not v or v.isspace())) else v for v in values]


# --------------------------------------------------------------------------- the import


def import_source(
    ws: Workspace,
    path: str | os.PathLike[str],
    *,
    owner: str | None = None,
    owner_url: str | None = None,
    relationship: str | None = None,
    progress: bool = False,
    now: str | None = None,
) -> ImportSummary:
    """Read ``path`` (archive, folder, CSV, vCard) and import it; see the module docstring.

    Raises :class:`~netanalytics.errors.InputError` for a bad file or argument, leaving
    the workspace unchanged.
    """
    from netanalytics.ingest import read_source  # the parsers live a layer below

    check_import_arguments(owner, owner_url, relationship)
    with gc_paused():
        parsed = read_source(path, progress=progress)
        return import_parsed(
            ws,
            parsed,
            owner=owner,
            owner_url=owner_url,
            relationship=relationship,
            progress=progress,
            now=now,
            path_as_given=str(path),
        )


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk job (about 8% faster on 30,000 rows).

    An import allocates hundreds of thousands of small objects and no reference cycles;
    the collector would scan them over and over. Reference counting still frees memory.
    Restores the collector's previous state; nests safely.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_import_arguments(owner: str | None, owner_url: str | None, relationship: str | None) -> str | None:
    """Check the owner options and return the normalised relationship label (or None).

    Raises :class:`InputError` for an unknown label (listing the allowed ones), a blank
    owner, ``owner_url`` without ``owner`` or a URL that is not a LinkedIn profile.

    >>> check_import_arguments("Maya", None, "Close friend")
    'close-friend'
    """
    try:
        label = normalize_relationship(relationship)
    except ValueError:
        raise InputError(
            f"Unknown relationship '{relationship}': expected one of {', '.join(RELATIONSHIPS)}."
        ) from None
    if owner is not None and not owner.strip():
        raise InputError("The --owner name is blank: give the name of the person who shared the list.")
    if owner_url is not None and owner is None:
        raise InputError("--owner-url needs --owner NAME too (whose list this is).")
    if owner_url is not None and not (normalize_profile_url(owner_url) or "").startswith("linkedin.com/"):
        raise InputError(
            "--owner-url", "a LinkedIn profile URL like https://www.linkedin.com/in/name", repr(owner_url)
        )
    return label


_IDENTIFYING = ("full_name", "first_name", "last_name", "profile_url", "email")


def _connection_lists(frame: pd.DataFrame) -> tuple[dict[str, list[Any]], int]:
    """The connection columns as lists, keeping rows that name somebody (a name, URL or
    e-mail); returns them and how many blank rows were dropped."""
    columns = {c: _text_column(frame, c) for c in CONNECTION_COLUMNS}
    keep = [any(cells) for cells in zip(*(columns[c] for c in _IDENTIFYING), strict=True)]
    dropped = keep.count(False)
    if dropped:
        columns = {c: [v for v, k in zip(vals, keep, strict=True) if k] for c, vals in columns.items()}
    return columns, dropped


def _no_people_reason(parsed: ParsedExport, rows: int) -> str:
    hidden = [f"{s.count} {reason_text(s.reason, s.count)}" for s in parsed.skipped if s.count]
    if hidden:
        return "every row was left out (" + ", ".join(hidden) + ")"
    if rows:
        return f"none of its {rows} rows has a name, profile URL or e-mail"
    return "it has a header but no rows" if parsed.files_read else "it holds no rows"


def _prepare(
    parsed: ParsedExport,
    owner: str | None,
    owner_url: str | None,
    relationship: str | None,
    path_as_given: str | None,
) -> tuple[str | None, str, dict[str, list[Any]], int]:
    """Every check that needs no database: arguments, and that the export names someone."""
    label_rel = check_import_arguments(owner, owner_url, relationship)
    if owner is None and label_rel is not None and parsed.kind not in _CONTACT_KINDS:
        raise InputError(
            "--relationship rates your tie to the person who shared a list: use it with "
            "--owner NAME, or with a contacts file (.vcf or Google Contacts CSV)."
        )
    path_text = path_as_given if path_as_given is not None else str(parsed.path)
    name = Path(path_text).name or path_text
    columns, blank_rows = _connection_lists(parsed.connections)
    if not columns["line"]:
        raise InputError(
            f"found no people in {name}: {_no_people_reason(parsed, len(parsed.connections))}."
        )
    return label_rel, name, columns, blank_rows


def check_import(
    parsed: ParsedExport,
    *,
    owner: str | None = None,
    owner_url: str | None = None,
    relationship: str | None = None,
    path_as_given: str | None = None,
) -> None:
    """Raise the :class:`InputError` that :func:`import_parsed` would raise before writing.

    Lets a caller refuse bad input before it even creates a workspace.

    >>> from netanalytics.ingest.records import CONNECTION_COLUMNS, empty_frame
    >>> check_import(ParsedExport("connections_csv", Path("C.csv"), "h", empty_frame(CONNECTION_COLUMNS)))
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: found no people in C.csv: it holds no rows.
    """
    _prepare(parsed, owner, owner_url, relationship, path_as_given)


def import_parsed(
    ws: Workspace,
    parsed: ParsedExport,
    *,
    owner: str | None = None,
    owner_url: str | None = None,
    relationship: str | None = None,
    progress: bool = False,
    now: str | None = None,
    path_as_given: str | None = None,
) -> ImportSummary:
    """Write one parsed export into the workspace, all or nothing; see the module docstring."""
    label_rel, name, columns, blank_rows = _prepare(parsed, owner, owner_url, relationship, path_as_given)
    path_text = path_as_given if path_as_given is not None else str(parsed.path)
    now = now or utc_now_iso()
    with gc_paused(), _bulk_writes(ws), ws.transaction() as conn:
        job = _Import(ws, conn, parsed, name, path_text, now, progress)
        summary = job.run(owner, owner_url, label_rel, columns, blank_rows=blank_rows)
        _check_foreign_keys(conn)
        return summary


_BULK_ROWS = 5_000
_BULK_TABLES = ("people", "identity_keys", "person_sources", "ties")


@contextlib.contextmanager
def _indexes_built_after(conn: sqlite3.Connection) -> Iterator[None]:
    """Drop the secondary indexes of the bulk-written tables, and re-create them from their
    own stored SQL when the block is done (faster than updating them row by row)."""
    marks = ",".join("?" * len(_BULK_TABLES))
    indexes = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks})",
        _BULK_TABLES,
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.execute(sql)


_CHECKED_TABLES = ("people", "ties", "sources", "person_sources", "identity_keys", "person_history",
                   "my_positions", "my_education")


@contextlib.contextmanager
def _bulk_writes(ws: Workspace) -> Iterator[None]:
    """Switch per-row foreign-key checks off for a bulk import (about 20% faster).

    The import checks its tables itself before committing (:func:`_check_foreign_keys`).
    Inside an outer transaction the pragma cannot change, so nothing is switched.
    """
    if ws.conn.in_transaction:
        yield
        return
    was_on = ws.conn.execute("PRAGMA foreign_keys").fetchone()[0]
    ws.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if was_on:
            ws.conn.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(conn: sqlite3.Connection) -> None:
    """Refuse to commit rows that point at nothing (a bug, never the user's input)."""
    for table in _CHECKED_TABLES:
        bad = conn.execute(f"PRAGMA foreign_key_check({table})").fetchone()
        if bad is not None:
            raise RuntimeError(
                f"import would leave a dangling reference in {bad[0]} (row {bad[1]} -> {bad[2]}); "
                "nothing was written"
            )


class _Import:
    """One import's state, inside the open transaction."""

    def __init__(
        self,
        ws: Workspace,
        conn: sqlite3.Connection,
        parsed: ParsedExport,
        name: str,
        path_text: str,
        now: str,
        progress: bool,
    ) -> None:
        self.ws = ws
        self.conn = conn
        self.parsed = parsed
        self.name = name
        self.path_text = path_text
        self.now = now
        self.index = IdentityIndex.from_connection(conn)
        self.source_id: int | None = None
        self.added: set[str] = set()
        self.updated: set[str] = set()
        self.skipped: Counter[str] = Counter()
        for s in parsed.skipped:
            if s.count:
                self.skipped[s.reason] += s.count
        large = len(parsed.connections) + len(parsed.interactions) >= PROGRESS_ROWS
        self.bar = tqdm(
            total=4, desc=f"Importing {name}", unit="step", disable=not (progress and large),
            leave=False,
        )

    # ---------------------------------------------------------------- orchestration

    def run(
        self,
        owner: str | None,
        owner_url: str | None,
        relationship: str | None,
        rows: dict[str, list[Any]],
        blank_rows: int,
    ) -> ImportSummary:
        try:
            return self._run(owner, owner_url, relationship, rows, blank_rows)
        finally:
            self.bar.close()

    def _run(
        self,
        owner: str | None,
        owner_url: str | None,
        relationship: str | None,
        rows: dict[str, list[Any]],
        blank_rows: int,
    ) -> ImportSummary:
        parsed = self.parsed
        mine = owner is None
        if blank_rows:
            self.skipped["row without a name, URL or e-mail"] += blank_rows
        # Who owns the list (without creating anyone yet: a re-import must change nothing).
        me_id = self.ws.me_id()
        if mine:
            owner_id = me_id
        else:
            owner_id = self._find_owner(owner, owner_url)  # type: ignore[arg-type]
            if owner_id is not None and owner_id == me_id:
                raise InputError(
                    f"--owner '{owner}' is you. Import your own export without --owner."
                )
        if owner_id is not None:
            previous = self.conn.execute(
                "SELECT imported_at FROM sources WHERE content_hash = ? AND owner_person_id = ?"
                " ORDER BY source_id LIMIT 1",
                (parsed.content_hash, owner_id),
            ).fetchone()
            if previous is not None:
                summary = ImportSummary(
                    name=self.name,
                    label=self._label(owner_id, mine),
                    unchanged=True,
                    previous_import=previous[0],
                    owner_id=owner_id,
                    rows_read=len(parsed.connections),
                    warnings=list(parsed.warnings),
                )
                if not mine and relationship is not None and me_id is not None:
                    summary.relabelled = self._relabel(me_id, owner_id, relationship)
                return summary
        # Me, then the owner.
        me_id = self._ensure_me(mine)
        if mine:
            owner_id = me_id
        elif owner_id is None:
            owner_id = self._create_owner(owner, owner_url)  # type: ignore[arg-type]
        self._insert_source(owner_id, relationship if not mine else None, mine)
        self._note_people([me_id] if mine else [owner_id], [None])
        if not mine:
            self._tie(me_id, owner_id, relationship=relationship)
        self.bar.update()
        # The listed people.
        ties = self._import_rows(rows, owner_id, me_id, mine, relationship)
        self.bar.update()
        message_only = 0
        if mine:
            message_only = self._import_interactions(me_id)
            self._import_my_profile()
        self.bar.update()
        replay_overrides(self.ws)
        summary = ImportSummary(
            name=self.name,
            label=self._label(owner_id, mine),
            people_added=len(self.added - {me_id}),  # me is not news
            people_updated=len(self.updated - self.added - {me_id}),
            ties=ties + message_only,
            message_only_ties=message_only,
            skipped=dict(self.skipped),
            rows_read=len(parsed.connections),
            source_id=self.source_id,
            owner_id=owner_id,
            warnings=list(parsed.warnings),
        )
        self.conn.execute(
            "UPDATE sources SET summary = ?, skipped = ? WHERE source_id = ?",
            (str(summary), json.dumps(dict(self.skipped)), self.source_id),
        )
        self.bar.update()
        return summary

    def _relabel(self, me_id: str, owner_id: str, relationship: str) -> str | None:
        """On a re-import, a new --relationship still updates my tie to the owner."""
        row = self.conn.execute(
            "SELECT relationship FROM ties WHERE owner_id = ? AND person_id = ?", (me_id, owner_id)
        ).fetchone()
        if row is not None and row[0] == relationship:
            return None
        self._tie(me_id, owner_id, relationship=relationship)
        return relationship

    def _label(self, owner_id: str | None, mine: bool) -> str:
        owner_name = None
        if owner_id is not None and not mine:
            row = self.conn.execute("SELECT full_name FROM people WHERE person_id = ?", (owner_id,)).fetchone()
            owner_name = row[0] if row else None
        return source_label(self.parsed.kind, owner_name, mine)

    # ---------------------------------------------------------------- me and the owner

    def _ensure_me(self, mine: bool) -> str:
        """My person id; created (or found) now if this is the first import."""
        me_id = self.ws.me_id()
        profile = self.parsed.profile if mine else None
        if me_id is not None:
            if profile:
                placeholder = self.conn.execute(
                    "SELECT full_name = ? FROM people WHERE person_id = ?", (ME_PLACEHOLDER, me_id)
                ).fetchone()[0]
                if placeholder:
                    self._absorb_earlier_me(me_id, profile)
                self._update_me(me_id, profile)
            return me_id
        if profile:
            first, last = _value(profile.get("first_name")), _value(profile.get("last_name"))
            full = display_name(first, last) or ME_PLACEHOLDER
            url = normalize_profile_url(_value(profile.get("profile_url")))
            company, title = self._current_position()
            title = title or _value(profile.get("headline"))
            probe = pd.DataFrame(
                [{"full_name": full, "profile_url": url, "email": None, "company": company}],
                dtype=object,
            )
            res = resolve_rows(probe, self.index, owner_key="me", create=False)
            found = res.person_ids[0]
            if found is not None:
                self.conn.execute("UPDATE people SET is_me = 1 WHERE person_id = ?", (found,))
                self._update_me(found, profile)
                return found
            pid = make_person_id(f"url:{url}" if url else "me", self.index.taken_ids)
            self._insert_person(pid, full, first, last, company=company, position=title, url=url,
                                is_me=1, location=_value(profile.get("location")))
            if url:
                self.index.by_url[url] = pid
            return pid
        pid = make_person_id("me", self.index.taken_ids)
        self._insert_person(pid, ME_PLACEHOLDER, None, None, is_me=1)
        return pid

    def _absorb_earlier_me(self, me_id: str, profile: dict[str, Any]) -> None:
        """A friend's list imported before my archive may name me: that row is me.

        Found like any row (my profile URL, else my name with my current employer, or a
        name unique in the workspace) and merged into me as a recorded, undoable merge.
        """
        first, last = _value(profile.get("first_name")), _value(profile.get("last_name"))
        company, _ = self._current_position()
        res = resolve_values(
            [_value(profile.get("profile_url"))], [None], [display_name(first, last) or None], [company],
            self.index, owner_key="me", forbidden={me_id}, create=False, learn_names=False,
        )
        found = res.person_ids[0]
        if found is not None and found != me_id:
            merge_people(self.ws, me_id, found)
            self.index = IdentityIndex.from_connection(self.conn)

    def _current_position(self) -> tuple[str | None, str | None]:
        positions = self.parsed.positions
        if positions is None or positions.empty:
            return None, None
        for company, title, finished in zip(
            _text_column(positions, "company"), _text_column(positions, "title"),
            _text_column(positions, "finished_on"), strict=True,
        ):
            if finished is None and (company or title):
                return company, title
        return None, None

    def _update_me(self, me_id: str, profile: dict[str, Any]) -> None:
        first, last = _value(profile.get("first_name")), _value(profile.get("last_name"))
        full = display_name(first, last)
        company, title = self._current_position()
        incoming = {
            "full_name": full or None,
            "first_name": first,
            "last_name": last,
            "location": _value(profile.get("location")),
            "company": company,
            "position": title or _value(profile.get("headline")),
            "profile_url": normalize_profile_url(_value(profile.get("profile_url"))),
        }
        row = self.conn.execute("SELECT * FROM people WHERE person_id = ?", (me_id,)).fetchone()
        changes = {k: v for k, v in incoming.items() if v is not None and row[k] != v}
        if changes.get("full_name"):
            changes["name_key"] = name_key(changes["full_name"])
        for fld in ("company", "position", "location"):
            if fld in changes and row[fld] is not None:
                self._history(me_id, fld, row[fld], changes[fld])
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.conn.execute(
                f"UPDATE people SET {sets}, updated_at = ? WHERE person_id = ?",
                (*changes.values(), self.now, me_id),
            )
        url = incoming["profile_url"]
        if url:
            self.conn.execute(
                "INSERT OR IGNORE INTO identity_keys(kind, value, person_id, source_id) VALUES ('url', ?, ?, ?)",
                (url, me_id, self.source_id),
            )

    def _find_owner(self, owner: str, owner_url: str | None) -> str | None:
        """The existing person who owns the list: by id, URL, then a unique name."""
        text = owner.strip()
        row = self.conn.execute(
            "SELECT person_id, merged_into FROM people WHERE person_id = ?", (text,)
        ).fetchone()
        if row is not None:
            return _follow(self.conn, row[0])
        if owner_url:
            url = normalize_profile_url(owner_url)
            if url in self.index.by_url:
                return self.index.by_url[url]
        nk = name_key(text)
        cands = self.index.by_name.get(nk, []) if nk else []
        if owner_url:
            url = normalize_profile_url(owner_url)
            cands = [c for c in cands if not c.urls or url in c.urls]
        if len(cands) == 1:
            return cands[0].person_id
        if len(cands) > 1:
            listing = [
                (c.person_id, *self.conn.execute(
                    "SELECT full_name, coalesce(company, '') FROM people WHERE person_id = ?",
                    (c.person_id,),
                ).fetchone())
                for c in cands
            ]
            raise AmbiguousPersonError(text, listing)
        return None

    def _create_owner(self, owner: str, owner_url: str | None) -> str:
        text = " ".join(owner.split())
        url = normalize_profile_url(owner_url) if owner_url else None
        key = f"url:{url}" if url else f"name:{name_key(text) or text}||owner"
        pid = make_person_id(key, self.index.taken_ids)
        self._insert_person(pid, text, None, None, url=url)
        if url:
            self.index.by_url[url] = pid
        self.index.add_person(pid, name_key(text), "", url)
        return pid

    # ---------------------------------------------------------------- writes

    def _insert_source(self, owner_id: str, relationship: str | None, mine: bool) -> None:
        cur = self.conn.execute(
            "INSERT INTO sources(kind, owner_person_id, path, content_hash, relationship,"
            " imported_at, rows_read) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.parsed.kind, owner_id, self.path_text, self.parsed.content_hash, relationship,
             self.now, len(self.parsed.connections)),
        )
        self.source_id = cur.lastrowid
        # Keys of people created before the source row existed (me, the owner).
        self.conn.execute(
            "UPDATE identity_keys SET source_id = ? WHERE source_id IS NULL", (self.source_id,)
        )

    def _insert_person(
        self,
        pid: str,
        full: str,
        first: str | None,
        last: str | None,
        *,
        company: str | None = None,
        position: str | None = None,
        url: str | None = None,
        email: str | None = None,
        location: str | None = None,
        categories: str | None = None,
        is_me: int = 0,
    ) -> None:
        self.conn.execute(
            "INSERT INTO people(person_id, full_name, first_name, last_name, name_key, company,"
            " position, profile_url, email, location, categories, is_me, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (pid, full, first, last, name_key(full), company, position, url, email, location,
             categories, is_me, self.now, self.now),
        )
        self.added.add(pid)
        for kind, value in (("url", url), ("email", email)):
            if value:
                self.conn.execute(
                    "INSERT OR IGNORE INTO identity_keys(kind, value, person_id, source_id)"
                    " VALUES (?, ?, ?, ?)",
                    (kind, value, pid, self.source_id),
                )

    def _history(self, pid: str, fld: str, old: Any, new: Any) -> None:
        self.conn.execute(
            "INSERT INTO person_history(person_id, field, old_value, new_value, changed_at, source_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (pid, fld, old, new, self.now, self.source_id),
        )
        self.updated.add(pid)

    def _note_people(self, pids: list[str], lines: list[Any]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO person_sources(person_id, source_id, line) VALUES (?, ?, ?)",
            [(pid, self.source_id, line) for pid, line in zip(pids, lines, strict=True)],
        )

    def _tie(self, owner_id: str, pid: str, *, relationship: str | None) -> None:
        self.conn.execute(
            "INSERT INTO ties(owner_id, person_id, source_id, relationship) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(owner_id, person_id) DO UPDATE SET"
            " relationship = coalesce(excluded.relationship, ties.relationship)",
            (owner_id, pid, self.source_id, relationship),
        )

    # ---------------------------------------------------------------- the listed people

    def _forbidden(self, owner_id: str) -> set[str]:
        return kept_apart(self.conn, owner_id)

    def _import_rows(
        self,
        rows: dict[str, list[Any]],
        owner_id: str,
        me_id: str,
        mine: bool,
        relationship: str | None,
    ) -> int:
        """Resolve and write the listed people and the owner's ties to them; returns ties."""
        where = self.name
        fulls = rows["full_name"]
        firsts = rows["first_name"]
        lasts = rows["last_name"]
        lines = rows["line"]
        for i, full in enumerate(fulls):
            if full is None:
                fulls[i] = display_name(firsts[i], lasts[i]) or None
        companies = rows["company"]
        listed_before = {
            pid for (pid,) in self.conn.execute(
                "SELECT DISTINCT ps.person_id FROM person_sources ps JOIN sources s USING (source_id)"
                " WHERE s.owner_person_id = ? AND s.source_id <> ?",
                (owner_id, self.source_id),
            )
        }
        res = resolve_values(
            rows["profile_url"], rows["email"], fulls, companies,
            self.index, owner_key=owner_id, forbidden=self._forbidden(owner_id),
            listed_before=listed_before,
            # Only my archive's messages match names against these rows later on.
            learn_names=mine and not self.parsed.interactions.empty,
        )
        connected = [
            v.isoformat() if v.__class__ is date else _iso(v, where, ln, "connected_on")
            for v, ln in zip(rows["connected_on"], lines, strict=True)
        ]
        positions = rows["position"]
        locations = rows["location"]
        categories = rows["categories"]
        is_contacts = self.parsed.kind in _CONTACT_KINDS
        # One entry per distinct person, first row wins.
        first_row: dict[str, int] = {}
        for i, pid in enumerate(res.person_ids):
            if pid == owner_id:
                self.skipped["row naming the list's owner" if not mine else "row naming you"] += 1
                continue
            if pid in first_row:
                self.skipped["repeated row for one person"] += 1
                continue
            first_row[pid] = i
        new_ids = set(res.new_ids)
        # New people, in one batch.
        new_rows = []
        for pid, i in first_row.items():
            if pid in new_ids:
                new_rows.append((
                    pid, fulls[i] or "", firsts[i], lasts[i], res.name_keys[i], companies[i],
                    positions[i], res.url_keys[i], res.email_keys[i], locations[i], categories[i],
                    self.now, self.now,
                ))
        # A big first import: build the secondary indexes once at the end (a sort) instead
        # of growing them row by row; same schema afterwards, all inside the transaction.
        bulk = len(new_rows) >= _BULK_ROWS and 2 * len(new_rows) > len(self.index.taken_ids)
        with _indexes_built_after(self.conn) if bulk else contextlib.nullcontext():
            new_rows.sort()  # inserting in key order keeps SQLite's B-trees fast
            self.conn.executemany(
                "INSERT INTO people(person_id, full_name, first_name, last_name, name_key, company,"
                " position, profile_url, email, location, categories, is_me, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                new_rows,
            )
            self.added.update(r[0] for r in new_rows)
            # Known people: fill blanks; a newer export of the same list updates with history.
            known = [pid for pid in first_row if pid not in new_ids]
            if known:
                self._update_known(known, first_row, listed_before, fulls, firsts, lasts, companies,
                                   positions, locations, categories, res)
            # Keys, provenance, ties.
            self.conn.executemany(
                "INSERT OR IGNORE INTO identity_keys(kind, value, person_id, source_id) VALUES (?, ?, ?, ?)",
                sorted((k, v, pid, self.source_id) for k, v, pid in res.identity_keys() if pid != owner_id),
            )
            listed = sorted(first_row)
            self._note_people(listed, [lines[first_row[pid]] for pid in listed])
            new_ties, old_ties = [], []
            for pid in listed:
                i = first_row[pid]
                rel = relationship if (is_contacts and mine) else None
                if is_contacts and rel is None:
                    rel = relationship_from_categories(categories[i])
                (new_ties if pid in new_ids else old_ties).append(
                    (owner_id, pid, self.source_id, connected[i], rel)
                )
            # A person new in this import has no ties yet: a plain insert is enough (and faster).
            self.conn.executemany(
                "INSERT INTO ties(owner_id, person_id, source_id, connected_on, relationship)"
                " VALUES (?, ?, ?, ?, ?)",
                new_ties,
            )
            self.conn.executemany(
                "INSERT INTO ties(owner_id, person_id, source_id, connected_on, relationship)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(owner_id, person_id) DO UPDATE SET"
                " source_id = excluded.source_id,"
                " connected_on = coalesce(excluded.connected_on, ties.connected_on),"
                " relationship = coalesce(excluded.relationship, ties.relationship)",
                old_ties,
            )
        return len(new_ties) + len(old_ties)

    def _update_known(
        self,
        known: list[str],
        first_row: dict[str, int],
        listed_by_owner: set[str],
        fulls: list[Any],
        firsts: list[Any],
        lasts: list[Any],
        companies: list[Any],
        positions: list[Any],
        locations: list[Any],
        categories: list[Any],
        res: Resolution,
    ) -> None:
        current: dict[str, sqlite3.Row] = {}
        for start in range(0, len(known), _CHUNK):
            chunk = known[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT * FROM people WHERE person_id IN ({marks})", chunk):
                current[row["person_id"]] = row
        updates: list[tuple[Any, ...]] = []
        history: list[tuple[Any, ...]] = []
        for pid in known:
            i = first_row[pid]
            row = current[pid]
            incoming = {
                "first_name": firsts[i],
                "last_name": lasts[i],
                "company": companies[i],
                "position": positions[i],
                "location": locations[i],
                "email": res.email_keys[i],
                "profile_url": res.url_keys[i],
            }
            changes: dict[str, Any] = {}
            for fld in _FILLABLE:
                new = incoming[fld]
                old = row[fld]
                if new is None or new == old:
                    continue
                if old is None:
                    changes[fld] = new
                elif fld in _UPDATABLE and pid in listed_by_owner and not row["is_me"]:
                    changes[fld] = new
                    history.append((pid, fld, old, new, self.now, self.source_id))
            if categories[i]:
                merged = _merge_categories(row["categories"], categories[i])
                if merged != row["categories"]:
                    changes["categories"] = merged
            if row["full_name"] == ME_PLACEHOLDER and row["is_me"] and fulls[i]:
                changes["full_name"] = fulls[i]
                changes["name_key"] = res.name_keys[i]
            if changes:
                updates.append((changes, pid))
        for changes, pid in updates:
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.conn.execute(
                f"UPDATE people SET {sets}, updated_at = ? WHERE person_id = ?",
                (*changes.values(), self.now, pid),
            )
            self.updated.add(pid)
        self.conn.executemany(
            "INSERT INTO person_history(person_id, field, old_value, new_value, changed_at, source_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            history,
        )

    # ---------------------------------------------------------------- my archive's extras

    def _import_interactions(self, me_id: str) -> int:
        """Store messages, invitations, endorsements, recommendations on my ties.

        Returns how many ties were created for message counterparts who are not connections.
        """
        frame = self.parsed.interactions
        if frame is None or frame.empty:
            return 0
        frame = frame.reset_index(drop=True)
        where = self.name
        my_ties = {pid for (pid,) in self.conn.execute("SELECT person_id FROM ties WHERE owner_id = ?", (me_id,))}
        pool: dict[str, list[Candidate]] = {}
        for nk, cands in self.index.by_name.items():
            mine = [c for c in cands if c.person_id in my_ties]
            if mine:
                pool[nk] = mine
        probe = pd.DataFrame(
            {
                "name": pd.Series(_text_column(frame, "name"), dtype=object),
                "profile_url": pd.Series(_text_column(frame, "profile_url"), dtype=object),
            }
        )
        res = resolve_rows(probe, self.index, owner_key=me_id, name_column="name",
                           same_name_same_person=True, name_pool=pool, create=False)
        counts = {
            col: [_count(v, where, col) for v in _text_column(frame, col)]
            for col in ("messages_sent", "messages_received", "endorsements_received",
                        "endorsements_given", "recommendations_received", "recommendations_given")
        }
        firsts = [_iso(v, where, None, "first_message_at") for v in _text_column(frame, "first_message_at")]
        lasts = [_iso(v, where, None, "last_message_at") for v in _text_column(frame, "last_message_at")]
        invitations = _text_column(frame, "invitation")
        for inv in invitations:
            if inv is not None and inv not in ("outgoing", "incoming"):
                raise InputError(where, "invitation 'outgoing' or 'incoming'", repr(inv), field="invitation")
        n = len(frame)
        pids: list[str | None] = list(res.person_ids)
        # Counterparts who are not my connections: keep those I exchanged messages or a
        # recommendation with; the rest (an invitation or endorsement only) are counted.
        evidence = [
            counts["messages_sent"][i] + counts["messages_received"][i]
            + counts["recommendations_received"][i] + counts["recommendations_given"][i] > 0
            for i in range(n)
        ]
        outside = [i for i in range(n) if (pids[i] is None or pids[i] not in my_ties) and pids[i] != me_id]
        keep = [i for i in outside if evidence[i] and (probe.at[i, "name"] or probe.at[i, "profile_url"])]
        dropped = [i for i in outside if i not in set(keep)]
        if keep:
            sub = probe.iloc[keep].reset_index(drop=True).rename(columns={"name": "full_name"})
            sub_res = resolve_rows(sub, self.index, owner_key=me_id, same_name_same_person=True)
            new_ids = set(sub_res.new_ids)
            written: set[str] = set()
            for j, i in enumerate(keep):
                pid = sub_res.person_ids[j]
                pids[i] = pid
                if pid in new_ids and pid not in written:
                    written.add(pid)
                    self._insert_person(pid, sub.at[j, "full_name"] or sub_res.url_keys[j] or "",
                                        None, None, url=sub_res.url_keys[j])
            self.conn.executemany(
                "INSERT OR IGNORE INTO identity_keys(kind, value, person_id, source_id) VALUES (?, ?, ?, ?)",
                [(k, v, pid, self.source_id) for k, v, pid in sub_res.identity_keys() if k != "name_company"],
            )
        if dropped:
            unnamed = sum(1 for i in dropped if not (probe.at[i, "name"] or probe.at[i, "profile_url"]))
            if unnamed:
                self.skipped["message or invitation without a name or URL"] += unnamed
            others = len({(res.url_keys[i] or res.name_keys[i]) for i in dropped if probe.at[i, "name"] or probe.at[i, "profile_url"]})
            if others:
                self.skipped["person known only from an invitation or endorsement"] += others
        # Aggregate per person.
        agg: dict[str, dict[str, Any]] = {}
        for i in range(n):
            pid = pids[i]
            if pid is None or pid == me_id or (i in set(dropped)):
                continue
            a = agg.setdefault(pid, {k: 0 for k in counts} | {"first": None, "last": None, "invitation": None})
            for k in counts:
                a[k] += counts[k][i]
            if firsts[i] and (a["first"] is None or firsts[i] < a["first"]):
                a["first"] = firsts[i]
            if lasts[i] and (a["last"] is None or lasts[i] > a["last"]):
                a["last"] = lasts[i]
            if a["invitation"] is None and invitations[i]:
                a["invitation"] = invitations[i]
        new_ties = [pid for pid in agg if pid not in my_ties]
        self.conn.executemany(
            "INSERT OR IGNORE INTO ties(owner_id, person_id, source_id) VALUES (?, ?, ?)",
            [(me_id, pid, self.source_id) for pid in new_ties],
        )
        self._note_people(new_ties, [None] * len(new_ties))
        self.conn.executemany(
            "UPDATE ties SET messages_sent = ?, messages_received = ?, first_message_at = ?,"
            " last_message_at = ?, endorsements_received = ?, endorsements_given = ?,"
            " recommendations_received = ?, recommendations_given = ?,"
            " invitation = coalesce(?, invitation) WHERE owner_id = ? AND person_id = ?",
            [
                (a["messages_sent"], a["messages_received"], a["first"], a["last"],
                 a["endorsements_received"], a["endorsements_given"],
                 a["recommendations_received"], a["recommendations_given"], a["invitation"],
                 me_id, pid)
                for pid, a in agg.items()
            ],
        )
        return len(new_ties)

    def _import_my_profile(self) -> None:
        parsed = self.parsed
        where = self.name
        if parsed.profile:
            self.conn.execute("DELETE FROM my_profile")
            self.conn.executemany(
                "INSERT INTO my_profile(key, value) VALUES (?, ?)",
                [(k, None if _value(v) is None else str(v)) for k, v in parsed.profile.items()],
            )
        if parsed.positions is not None and not parsed.positions.empty:
            p = parsed.positions
            self.conn.execute("DELETE FROM my_positions")
            self.conn.executemany(
                "INSERT INTO my_positions(company, title, location, started_on, finished_on, source_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (c, t, loc, _iso(s, where, None, "started_on"), _iso(f, where, None, "finished_on"), self.source_id)
                    for c, t, loc, s, f in zip(
                        _text_column(p, "company"), _text_column(p, "title"), _text_column(p, "location"),
                        _text_column(p, "started_on"), _text_column(p, "finished_on"), strict=True,
                    )
                ],
            )
        if parsed.education is not None and not parsed.education.empty:
            e = parsed.education
            self.conn.execute("DELETE FROM my_education")
            self.conn.executemany(
                "INSERT INTO my_education(school, degree, start_on, end_on, source_id) VALUES (?, ?, ?, ?, ?)",
                [
                    (s, d, _iso(a, where, None, "start_on"), _iso(b, where, None, "end_on"), self.source_id)
                    for s, d, a, b in zip(
                        _text_column(e, "school"), _text_column(e, "degree"),
                        _text_column(e, "start_on"), _text_column(e, "end_on"), strict=True,
                    )
                ],
            )


def _merge_categories(old: str | None, new: str) -> str:
    parts = [p.strip() for p in (old or "").split(";") if p.strip()]
    for p in new.split(";"):
        p = p.strip()
        if p and p not in parts:
            parts.append(p)
    return ";".join(parts)


def _follow(conn: sqlite3.Connection, pid: str) -> str:
    seen: set[str] = set()
    while pid not in seen:
        seen.add(pid)
        row = conn.execute("SELECT merged_into FROM people WHERE person_id = ?", (pid,)).fetchone()
        if row is None or row[0] is None:
            return pid
        pid = row[0]
    return pid

