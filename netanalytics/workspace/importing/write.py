"""Writing an import: the bulk database work, in one transaction, all or nothing.

:func:`write_import` takes an :class:`~netanalytics.workspace.importing.plan.ImportPlan`
and writes it: the owner (found or created), the source row, the listed people (new ones
in one batch, known ones updated with history), their ties, and for my own archive the
interactions and my profile. Writes go through :mod:`netanalytics.workspace.rows`. The
user's merge/split corrections and their own word about people
(:mod:`netanalytics.workspace.edits`: an edited field is never overwritten, the import's
value is kept aside) are replayed at the end; foreign keys are checked before the commit
(they are switched off per row while the bulk writes run, which is faster).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

import pandas as pd
from tqdm.auto import tqdm

from netanalytics.batch import gc_paused
from netanalytics.errors import AmbiguousPersonError, InputError
from netanalytics.identity.normalize import display_name, name_key
from netanalytics.identity.resolve import (
    Candidate,
    IdentityIndex,
    Resolution,
    make_person_id,
    resolve_rows,
    resolve_values,
)
from netanalytics.urls import profile_url_key
from netanalytics.workspace.corrections import kept_apart, merge_people, replay_overrides
from netanalytics.workspace.db import Workspace, utc_now_iso
from netanalytics.workspace.edits import kept_values, note_imported, pinned_fields, replay_edits
from netanalytics.workspace.importing.describe import ImportSummary, source_label
from netanalytics.workspace.importing.plan import (
    ImportPlan,
    count_value,
    iso_value,
    relationship_from_categories,
    text_column,
    value,
)
from netanalytics.workspace.people import surviving_id
from netanalytics.workspace.rows import (
    PERSON_COLUMNS,
    add_identity_keys,
    insert_people,
    insert_person,
    insert_source,
    insert_ties,
    note_history,
    note_person_sources,
    update_person,
    upsert_ties,
)

__all__ = ["ME_PLACEHOLDER", "PROGRESS_ROWS", "gc_paused", "write_import"]

#: Show a progress bar (when asked for one) from this many rows on.
PROGRESS_ROWS = 5_000

#: Placeholder name for me until my own Profile.csv is imported.
ME_PLACEHOLDER = "Me"

_UPDATABLE = ("company", "position", "location")
_FILLABLE = ("first_name", "last_name", "company", "position", "location", "email", "profile_url")
_CHUNK = 900  # SQLite host-parameter limit is 999 on older builds
_TIE_ROW = ("owner_id", "person_id", "source_id", "connected_on", "relationship")



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

    def __init__(self, ws: Workspace, conn: sqlite3.Connection, plan: ImportPlan, now: str,
                 progress: bool) -> None:
        self.ws = ws
        self.conn = conn
        self.plan = plan
        self.parsed = parsed = plan.parsed
        self.name = name = plan.name
        self.path_text = plan.path_text
        self.now = now
        self.index = IdentityIndex.from_connection(conn)
        #: The user's own word (person -> field -> value): an import never overwrites it.
        self.pinned = pinned_fields(conn)
        self.kept_aside = kept_values(conn)
        self.kept: list[tuple[str, str, Any]] = []
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

    def run(self) -> ImportSummary:
        """Write the plan; the summary of what changed."""
        try:
            return self._run()
        finally:
            self.bar.close()

    def _run(self) -> ImportSummary:
        plan = self.plan
        parsed = self.parsed
        owner, owner_url, relationship, mine = plan.owner, plan.owner_url, plan.relationship, plan.mine
        if plan.blank_rows:
            self.skipped["row without a name, URL or e-mail"] += plan.blank_rows
        # Who owns the list (without creating anyone yet: a re-import must change nothing).
        me_id = self.ws.me_id()
        owner_id = me_id if mine else self._find_owner(owner, owner_url)  # type: ignore[arg-type]
        if not mine and owner_id is not None and owner_id == me_id:
            raise InputError(
                f"The {{param}} '{owner}' is you: import your own export without an owner.", param="owner"
            )
        if owner_id is not None:
            unchanged = self._same_content_as_before(owner_id, me_id)
            if unchanged is not None:
                return unchanged
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
        ties = self._import_rows(plan.rows, owner_id, me_id, mine, relationship)
        self.bar.update()
        message_only = 0
        if mine:
            message_only = self._import_interactions(me_id)
            self._import_my_profile()
        self.bar.update()
        replay_overrides(self.ws)
        note_imported(self.conn, self.kept)
        replay_edits(self.conn, self.now)
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

    def _same_content_as_before(self, owner_id: str, me_id: str | None) -> ImportSummary | None:
        """The summary of a re-import of content already imported for this owner (which
        changes nothing but, for a shared list, my relationship to its owner); else None."""
        plan = self.plan
        previous = self.conn.execute(
            "SELECT imported_at FROM sources WHERE content_hash = ? AND owner_person_id = ?"
            " ORDER BY source_id LIMIT 1",
            (self.parsed.content_hash, owner_id),
        ).fetchone()
        if previous is None:
            return None
        summary = ImportSummary(
            name=self.name,
            label=self._label(owner_id, plan.mine),
            unchanged=True,
            previous_import=previous[0],
            owner_id=owner_id,
            rows_read=len(self.parsed.connections),
            warnings=list(self.parsed.warnings),
        )
        if not plan.mine and plan.relationship is not None and me_id is not None:
            summary.relabelled = self._relabel(me_id, owner_id, plan.relationship)
        return summary

    def _relabel(self, me_id: str, owner_id: str, relationship: str) -> str | None:
        """On a re-import, a new relationship label still updates my tie to the owner."""
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
            first, last = value(profile.get("first_name")), value(profile.get("last_name"))
            full = display_name(first, last) or ME_PLACEHOLDER
            url = profile_url_key(value(profile.get("profile_url")))
            company, title = self._current_position()
            title = title or value(profile.get("headline"))
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
                                is_me=1, location=value(profile.get("location")))
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
        first, last = value(profile.get("first_name")), value(profile.get("last_name"))
        company, _ = self._current_position()
        res = resolve_values(
            [value(profile.get("profile_url"))], [None], [display_name(first, last) or None], [company],
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
            text_column(positions, "company"), text_column(positions, "title"),
            text_column(positions, "finished_on"), strict=True,
        ):
            if finished is None and (company or title):
                return company, title
        return None, None

    def _update_me(self, me_id: str, profile: dict[str, Any]) -> None:
        first, last = value(profile.get("first_name")), value(profile.get("last_name"))
        full = display_name(first, last)
        company, title = self._current_position()
        incoming = {
            "full_name": full or None,
            "first_name": first,
            "last_name": last,
            "location": value(profile.get("location")),
            "company": company,
            "position": title or value(profile.get("headline")),
            "profile_url": profile_url_key(value(profile.get("profile_url"))),
        }
        row = self.conn.execute("SELECT * FROM people WHERE person_id = ?", (me_id,)).fetchone()
        changes = {k: v for k, v in incoming.items() if v is not None and row[k] != v}
        for fld in [k for k in changes if k in self.pinned.get(me_id, {})]:
            self.kept.append((me_id, fld, changes.pop(fld)))  # my own word about me wins
        if changes.get("full_name"):
            changes["name_key"] = name_key(changes["full_name"])
        for fld in ("company", "position", "location"):
            if fld in changes and row[fld] is not None:
                self._history(me_id, fld, row[fld], changes[fld])
        update_person(self.conn, me_id, changes, now=self.now)
        url = incoming["profile_url"]
        if url:
            add_identity_keys(self.conn, [("url", url, me_id, self.source_id)])

    def _find_owner(self, owner: str, owner_url: str | None) -> str | None:
        """The existing person who owns the list: by id, URL, then a unique name."""
        text = owner.strip()
        row = self.conn.execute(
            "SELECT person_id, merged_into FROM people WHERE person_id = ?", (text,)
        ).fetchone()
        if row is not None:
            return surviving_id(self.conn, row[0])
        if owner_url:
            url = profile_url_key(owner_url)
            if url in self.index.by_url:
                return self.index.by_url[url]
        nk = name_key(text)
        cands = self.index.by_name.get(nk, []) if nk else []
        if owner_url:
            url = profile_url_key(owner_url)
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
        url = profile_url_key(owner_url) if owner_url else None
        key = f"url:{url}" if url else f"name:{name_key(text) or text}||owner"
        pid = make_person_id(key, self.index.taken_ids)
        self._insert_person(pid, text, None, None, url=url)
        if url:
            self.index.by_url[url] = pid
        self.index.add_person(pid, name_key(text), "", url)
        return pid

    # ---------------------------------------------------------------- writes

    def _insert_source(self, owner_id: str, relationship: str | None, mine: bool) -> None:
        self.source_id = insert_source(
            self.conn, kind=self.parsed.kind, owner_person_id=owner_id, path=self.path_text,
            content_hash=self.parsed.content_hash, relationship=relationship, imported_at=self.now,
            rows_read=len(self.parsed.connections),
        )
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
        insert_person(self.conn, pid, full, now=self.now, first_name=first, last_name=last,
                      company=company, position=position, profile_url=url, email=email,
                      location=location, categories=categories, is_me=is_me)
        self.added.add(pid)
        add_identity_keys(self.conn, [(kind, key, pid, self.source_id)
                                      for kind, key in (("url", url), ("email", email)) if key])

    def _history(self, pid: str, fld: str, old: Any, new: Any) -> None:
        note_history(self.conn, [(pid, fld, old, new, self.now, self.source_id)])
        self.updated.add(pid)

    def _note_people(self, pids: list[str], lines: list[Any]) -> None:
        note_person_sources(self.conn, [(pid, self.source_id, line)
                                        for pid, line in zip(pids, lines, strict=True)])

    def _tie(self, owner_id: str, pid: str, *, relationship: str | None) -> None:
        upsert_ties(self.conn, [(owner_id, pid, self.source_id, relationship)],
                    ("owner_id", "person_id", "source_id", "relationship"), update=("relationship",))

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
            v.isoformat() if v.__class__ is date else iso_value(v, where, ln, "connected_on")
            for v, ln in zip(rows["connected_on"], lines, strict=True)
        ]
        positions = rows["position"]
        locations = rows["location"]
        categories = rows["categories"]
        is_contacts = self.plan.is_contacts
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
                    0, self.now, self.now,
                ))
        # A big first import: build the secondary indexes once at the end (a sort) instead
        # of growing them row by row; same schema afterwards, all inside the transaction.
        bulk = len(new_rows) >= _BULK_ROWS and 2 * len(new_rows) > len(self.index.taken_ids)
        with _indexes_built_after(self.conn) if bulk else contextlib.nullcontext():
            new_rows.sort()  # inserting in key order keeps SQLite's B-trees fast
            insert_people(self.conn, new_rows, PERSON_COLUMNS)
            self.added.update(r[0] for r in new_rows)
            # Known people: fill blanks; a newer export of the same list updates with history.
            known = [pid for pid in first_row if pid not in new_ids]
            if known:
                self._update_known(known, first_row, listed_before, fulls, firsts, lasts, companies,
                                   positions, locations, categories, res)
            # Keys, provenance, ties.
            add_identity_keys(self.conn, sorted((k, v, pid, self.source_id)
                                                for k, v, pid in res.identity_keys() if pid != owner_id))
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
            insert_ties(self.conn, new_ties, _TIE_ROW)
            upsert_ties(self.conn, old_ties, _TIE_ROW, update=("source_id", "connected_on", "relationship"))
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
            pinned = self.pinned.get(pid, {})
            for fld in _FILLABLE:
                new = incoming[fld]
                old = row[fld]
                if fld in pinned:
                    # The user's word wins: update only the value kept aside, by the same rules.
                    aside = self.kept_aside.get(pid, {}).get(fld)
                    if new is not None and new != aside and (
                        aside is None or (fld in _UPDATABLE and pid in listed_by_owner and not row["is_me"])
                    ):
                        self.kept.append((pid, fld, new))
                    continue
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
            update_person(self.conn, pid, changes, now=self.now)
            self.updated.add(pid)
        note_history(self.conn, history)

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
                "name": pd.Series(text_column(frame, "name"), dtype=object),
                "profile_url": pd.Series(text_column(frame, "profile_url"), dtype=object),
            }
        )
        res = resolve_rows(probe, self.index, owner_key=me_id, name_column="name",
                           same_name_same_person=True, name_pool=pool, create=False)
        counts = {
            col: [count_value(v, where, col) for v in text_column(frame, col)]
            for col in ("messages_sent", "messages_received", "endorsements_received",
                        "endorsements_given", "recommendations_received", "recommendations_given")
        }
        firsts = [iso_value(v, where, None, "first_message_at") for v in text_column(frame, "first_message_at")]
        lasts = [iso_value(v, where, None, "last_message_at") for v in text_column(frame, "last_message_at")]
        invitations = text_column(frame, "invitation")
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
            add_identity_keys(self.conn, [(k, v, pid, self.source_id)
                                          for k, v, pid in sub_res.identity_keys() if k != "name_company"])
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
        insert_ties(self.conn, [(me_id, pid, self.source_id) for pid in new_ties],
                    ("owner_id", "person_id", "source_id"), ignore=True)
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
                [(k, None if value(v) is None else str(v)) for k, v in parsed.profile.items()],
            )
        if parsed.positions is not None and not parsed.positions.empty:
            p = parsed.positions
            self.conn.execute("DELETE FROM my_positions")
            self.conn.executemany(
                "INSERT INTO my_positions(company, title, location, started_on, finished_on, source_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (c, t, loc, iso_value(s, where, None, "started_on"), iso_value(f, where, None, "finished_on"), self.source_id)
                    for c, t, loc, s, f in zip(
                        text_column(p, "company"), text_column(p, "title"), text_column(p, "location"),
                        text_column(p, "started_on"), text_column(p, "finished_on"), strict=True,
                    )
                ],
            )
        if parsed.education is not None and not parsed.education.empty:
            e = parsed.education
            self.conn.execute("DELETE FROM my_education")
            self.conn.executemany(
                "INSERT INTO my_education(school, degree, start_on, end_on, source_id) VALUES (?, ?, ?, ?, ?)",
                [
                    (s, d, iso_value(a, where, None, "start_on"), iso_value(b, where, None, "end_on"), self.source_id)
                    for s, d, a, b in zip(
                        text_column(e, "school"), text_column(e, "degree"),
                        text_column(e, "start_on"), text_column(e, "end_on"), strict=True,
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


def write_import(ws: Workspace, plan: ImportPlan, *, progress: bool = False, now: str | None = None) -> ImportSummary:
    """Write a planned import into the workspace, all or nothing; returns what it did."""
    now = now or utc_now_iso()
    with gc_paused(), _bulk_writes(ws), ws.transaction() as conn:
        job = _Import(ws, conn, plan, now, progress)
        summary = job.run()
        _check_foreign_keys(conn)
        return summary
