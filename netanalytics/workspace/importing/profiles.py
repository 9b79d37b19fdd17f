"""Importing saved profile PDFs: find each person, keep the profile, update what changed.

A batch (one PDF, a folder or a zip, already read all or nothing by
:mod:`netanalytics.ingest.profile_pdf`) is written in **one transaction**:

- each PDF is its own source (kind ``profile_pdf``, owned by me: I saved it), so
  re-importing a folder with one new PDF adds only that one; a PDF whose bytes were
  imported before is skipped;
- the person is found by profile URL, else e-mail, else name with the current company
  (the identity layer's keys: :func:`netanalytics.identity.resolve.resolve_values`), else
  created — with no tie, so their hops from me stay unknown until a list says otherwise;
- the profile and every experience and education entry are kept per import
  (:func:`netanalytics.workspace.profiles.store_profile`): a newer PDF becomes what they
  say now and the older one stays as history;
- their location, company and position (the current role) update the person's row, the
  earlier values going to ``person_history``; blanks are filled (URL, e-mail); a field the
  user set (:mod:`netanalytics.workspace.edits`) is left as the user said.

>>> check_profile_import(None, None, None)
>>> check_profile_import("Maya", None, None)
Traceback (most recent call last):
...
netanalytics.errors.InputError: A saved profile is nobody's list: import profile PDFs without an owner (or relationship).
"""

from __future__ import annotations

from typing import Any

from netanalytics.errors import InputError
from netanalytics.identity.normalize import name_key
from netanalytics.identity.resolve import IdentityIndex, make_person_id, resolve_values
from netanalytics.ingest.records import ParsedExport
from netanalytics.workspace.corrections import replay_overrides
from netanalytics.workspace.db import Workspace, utc_now_iso
from netanalytics.workspace.edits import kept_values, note_imported, pinned_fields, replay_edits
from netanalytics.workspace.importing.describe import ImportSummary, source_label
from netanalytics.workspace.importing.write import ME_PLACEHOLDER, gc_paused
from netanalytics.workspace.profiles import store_profile
from netanalytics.workspace.rows import (
    add_identity_keys,
    insert_person,
    insert_source,
    note_history,
    note_person_sources,
    update_person,
)

__all__ = ["check_profile_import", "current_role", "import_profiles"]

#: Fields a saved profile updates (with history) when it says something new.
_UPDATED = ("location", "company", "position")


def check_profile_import(owner: str | None, owner_url: str | None, relationship: str | None) -> None:
    """Refuse the arguments that make no sense for saved profiles (they are nobody's list)."""
    if owner is not None or owner_url is not None or relationship is not None:
        raise InputError(
            "A saved profile is nobody's list: import profile PDFs without an {param} (or relationship).",
            param="owner" if owner is not None or owner_url is not None else "relationship",
        )


def current_role(record: Any) -> tuple[str | None, str | None]:
    """(company, title) of the first role that runs to the present, else (None, None)."""
    for exp in record.experiences:
        if exp.is_current and (exp.company or exp.title):
            return exp.company, exp.title
    return None, None


class _ProfileImport:
    def __init__(self, ws: Workspace, parsed: ParsedExport, name: str, now: str) -> None:
        self.ws = ws
        self.conn = ws.conn
        self.parsed = parsed
        self.name = name
        self.now = now
        self.index = IdentityIndex.from_connection(self.conn)
        self.pinned = pinned_fields(self.conn)
        self.kept_aside = kept_values(self.conn)
        self.added: set[str] = set()
        self.updated: set[str] = set()
        self.unchanged = 0
        self.previous: str | None = None

    def me(self) -> str:
        me_id = self.ws.me_id()
        if me_id is None:
            me_id = make_person_id("me", self.index.taken_ids)
            self.index.taken_ids.add(me_id)
            insert_person(self.conn, me_id, ME_PLACEHOLDER, now=self.now, is_me=1)
        return me_id

    def run(self) -> ImportSummary:
        me_id = None
        for record, content_hash in zip(self.parsed.profiles, self.parsed.profile_hashes, strict=True):
            seen = self.conn.execute(
                "SELECT imported_at FROM sources WHERE kind = 'profile_pdf' AND content_hash = ?"
                " ORDER BY source_id LIMIT 1", (content_hash,),
            ).fetchone()
            if seen is not None:
                self.unchanged += 1
                self.previous = self.previous or seen[0]
                continue
            me_id = me_id or self.me()
            source_id = insert_source(
                self.conn, kind="profile_pdf", owner_person_id=me_id, path=record.source or self.name,
                content_hash=content_hash, imported_at=self.now, rows_read=1,
                summary=f"the saved profile of {record.name}",
            )
            pid = self.person(record, source_id)
            note_person_sources(self.conn, [(pid, source_id, None)])
            store_profile(self.conn, pid, source_id, record, self.now)
        total = len(self.parsed.profiles)
        summary = ImportSummary(
            name=self.name, label=source_label("profile_pdf", None, True),
            people_added=len(self.added), people_updated=len(self.updated - self.added),
            rows_read=total, profiles=total - self.unchanged, profiles_unchanged=self.unchanged,
            unchanged=self.unchanged == total, previous_import=self.previous, warnings=list(self.parsed.warnings),
        )
        if self.unchanged < total:
            replay_overrides(self.ws)
            replay_edits(self.conn, self.now)
        return summary

    def person(self, record: Any, source_id: int) -> str:
        """The person this profile is of: found, or created without ties."""
        company, title = current_role(record)
        res = resolve_values([record.profile_url], [record.email], [record.name], [company], self.index,
                             owner_key="profile", create=True)
        pid = res.person_ids[0]
        url, email = res.url_keys[0], res.email_keys[0]
        keys = [(k, v, p, source_id) for k, v, p in res.identity_keys()]
        if pid in res.new_ids:
            insert_person(self.conn, pid, record.name, now=self.now, company=company, position=title,
                          profile_url=url, email=email, location=record.location)
            add_identity_keys(self.conn, keys)
            self.added.add(pid)
            return pid
        add_identity_keys(self.conn, keys)
        row = self.conn.execute("SELECT * FROM people WHERE person_id = ?", (pid,)).fetchone()
        incoming = {"location": record.location, "company": company, "position": title,
                    "profile_url": url, "email": email}
        pinned = self.pinned.get(pid, {})
        changes: dict[str, Any] = {}
        history = []
        kept = []
        for field, new in incoming.items():
            if field in pinned:  # the user's word wins: only the value kept aside changes
                aside = self.kept_aside.get(pid, {}).get(field)
                if new is not None and new != aside and (aside is None or (field in _UPDATED and not row["is_me"])):
                    kept.append((pid, field, new))
                continue
            if new is None or new == row[field]:
                continue
            if row[field] is None:
                changes[field] = new
            elif field in _UPDATED and not row["is_me"]:
                changes[field] = new
                history.append((pid, field, row[field], new, self.now, source_id))
        if row["full_name"] == ME_PLACEHOLDER and row["is_me"]:
            changes.update(full_name=record.name, name_key=name_key(record.name))
        note_imported(self.conn, kept)
        if changes:
            update_person(self.conn, pid, changes, now=self.now)
            note_history(self.conn, history)
            self.updated.add(pid)
        return pid


def import_profiles(
    ws: Workspace, parsed: ParsedExport, *, path_as_given: str | None = None, now: str | None = None,
) -> ImportSummary:
    """Write saved profiles into the workspace, all or nothing; see the module docstring."""
    if not parsed.profiles:
        raise InputError(f"found no saved profiles in {path_as_given or parsed.path}.")
    from pathlib import Path

    text = path_as_given if path_as_given is not None else str(parsed.path)
    name = Path(text).name or text
    with gc_paused(), ws.transaction():
        return _ProfileImport(ws, parsed, name, now or utc_now_iso()).run()
