"""Keep years of logged outreach safe: check the workspace, back it up, restore a backup.

- :func:`check_workspace` reads the file without changing it and lists every problem in
  words: SQLite's ``integrity_check``, references that point at nothing
  (``foreign_key_check``), and orphans the schema cannot forbid (a person in no list,
  tie or log entry; merges that loop or lead nowhere; corrections naming nobody; events
  dated outside :data:`netanalytics.bounds.EVENT_DATES`).
- :func:`backup_workspace` copies it with SQLite's online backup API (safe while a
  notebook has it open) into a 0600 file, and never overwrites one unless told to.
- :func:`restore_workspace` checks that a file is a healthy netanalytics workspace, keeps
  the current one aside (``netanalytics-before-restore-<time>.sqlite``, 0600) and copies
  the backup in — through the backup API when the current file can be opened (so other
  programs see one consistent change), by replacing the file when it is too damaged to.

>>> import tempfile, pathlib
>>> from netanalytics.workspace import open_workspace
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with open_workspace(folder / "ws") as ws:
...     _ = backup_workspace(ws, folder / "copy.sqlite")
>>> check_workspace(folder / "ws").healthy
True
>>> restore_workspace(folder / "fresh", folder / "copy.sqlite").kept_aside is None
True
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from netanalytics.bounds import EVENT_DATES
from netanalytics.config import WORKSPACE_FILENAME, workspace_dir
from netanalytics.errors import InputError, WorkspaceError
from netanalytics.safety import input_kind, os_error_text, private_replacement
from netanalytics.workspace.db import (
    SCHEMA_VERSION,
    Workspace,
    WorkspaceDamagedError,
    connect_read_only,
    explain_sqlite_error,
    open_workspace,
)

__all__ = ["HealthReport", "RestoreResult", "backup_workspace", "check_workspace", "restore_workspace"]

#: Tables every netanalytics workspace has.
REQUIRED_TABLES = ("people", "ties", "sources", "person_sources", "identity_keys", "outreach_events")
_SHOWN = 20


@dataclass
class HealthReport:
    """What :func:`check_workspace` found: ``problems`` (empty when healthy) and ``facts``."""

    path: Path
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """No problem found."""
        return not self.problems

    def text(self) -> str:
        """The report in words, one finding per line."""
        lines = [f"Workspace {self.path}:"]
        lines += [f"  {fact}" for fact in self.facts]
        if self.healthy:
            lines.append("  healthy: the file is intact, every reference points at something, nothing is orphaned.")
        else:
            lines.append(f"  {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}:")
            lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


def _open_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection that changes nothing (immutable when the folder is read-only)."""
    return connect_read_only(path, warn_unapplied=False)


def _is_workspace(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Why the database behind ``conn`` is not a netanalytics workspace (empty: it is)."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        return [f"{path} has schema version {version}, newer than this netanalytics understands ({SCHEMA_VERSION}); "
                "upgrade netanalytics"]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if version == 0 or missing:
        return [f"{path} is not a netanalytics workspace (an SQLite database without the tables "
                f"{', '.join(missing or REQUIRED_TABLES)})"]
    return []


def check_workspace(folder: str | os.PathLike[str] | None = None) -> HealthReport:
    """Check the workspace in ``folder`` without changing it; see the module docstring.

    A missing workspace raises :class:`WorkspaceError`; everything else is a finding.
    """
    path = workspace_dir(folder) / WORKSPACE_FILENAME
    report = HealthReport(path)
    if not path.exists():
        raise WorkspaceError(f"No workspace at {path.parent}: nothing to check.")
    if not path.is_file():
        report.problems.append(f"{path} is not a regular file")
        return report
    if path.stat().st_size == 0:
        report.problems.append(f"{path} is empty (0 bytes): restore a backup with `netanalytics restore BACKUP --force`")
        return report
    try:
        conn = _open_for_reading(path)
    except sqlite3.Error as exc:
        report.problems.append(f"{path} is not a netanalytics workspace, or is damaged beyond reading ({exc})")
        return report
    try:
        _check(conn, report)
    except sqlite3.DatabaseError as exc:
        report.problems.append(_damage_text(path, str(exc)))
    finally:
        conn.close()
    return report


def _damage_text(path: Path, detail: str) -> str:
    return (f"the file is damaged ({detail}). Restore a backup with `netanalytics restore BACKUP --force` "
            "(the damaged file is kept aside)")


def _check(conn: sqlite3.Connection, report: HealthReport) -> None:
    try:
        not_ours = _is_workspace(conn, report.path)
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"{report.path} is not a netanalytics workspace ({exc})")
        return
    if not_ours:
        report.problems.extend(not_ours)
        return
    verdict = [r[0] for r in conn.execute(f"PRAGMA integrity_check({_SHOWN})")]
    if verdict != ["ok"]:
        report.problems.append(_damage_text(report.path, "; ".join(v.replace("\n", "; ") for v in verdict)[:600]))
        return
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("people", "sources", "outreach_events")}
    report.facts.append(
        f"schema version {conn.execute('PRAGMA user_version').fetchone()[0]}; {counts['people']:,} people, "
        f"{counts['sources']:,} imports, {counts['outreach_events']:,} logged events (edits included)"
    )
    report.problems.extend(_broken_references(conn))
    report.problems.extend(_orphans(conn))


def _broken_references(conn: sqlite3.Connection) -> list[str]:
    found = []
    columns: dict[tuple[str, int], list[str]] = {}
    for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check").fetchall()[:_SHOWN]:
        if (table, fkid) not in columns:
            columns[(table, fkid)] = [r[3] for r in conn.execute(f"PRAGMA foreign_key_list({table})") if r[0] == fkid]
        names = columns[(table, fkid)]
        values = conn.execute(f"SELECT {', '.join(names)} FROM {table} WHERE rowid = ?", (rowid,)).fetchone() if rowid else None
        shown = ", ".join(f"{n} = {v!r}" for n, v in zip(names, values or [], strict=False))
        found.append(f"a row of {table} (rowid {rowid}) points at a missing {parent} ({shown})")
    return found


def _orphans(conn: sqlite3.Connection) -> list[str]:
    found = []
    lonely = conn.execute(
        "SELECT person_id, full_name FROM people p WHERE is_me = 0 AND merged_into IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM ties t WHERE t.person_id = p.person_id OR t.owner_id = p.person_id)"
        " AND NOT EXISTS (SELECT 1 FROM person_sources s WHERE s.person_id = p.person_id)"
        " AND NOT EXISTS (SELECT 1 FROM outreach_events e WHERE p.person_id IN (e.person_id, e.via_person_id,"
        "  e.referral_person_id))"
        " AND NOT EXISTS (SELECT 1 FROM people m WHERE m.merged_into = p.person_id)"
        f" ORDER BY person_id LIMIT {_SHOWN}"
    ).fetchall()
    found += [f"person {pid} ({name}) is in no list, tie or log entry (an orphan)" for pid, name in lonely]
    merged = dict(conn.execute("SELECT person_id, merged_into FROM people WHERE merged_into IS NOT NULL"))
    known = {r[0] for r in conn.execute("SELECT person_id FROM people")}
    reported: set[str] = set()
    for start in sorted(merged):
        seen, current = [start], merged[start]
        while current in merged and current not in seen:
            seen.append(current)
            current = merged[current]
        if current in seen and start not in reported:
            loop = seen[seen.index(current):]
            reported.update(loop)
            found.append(f"people {', '.join(loop)} are merged into each other (a loop): split one with `netanalytics split`")
        elif current not in known:
            found.append(f"person {start} is merged into {current}, who is not in the workspace")
    for kind, pid, other in conn.execute("SELECT kind, person_id, other_id FROM identity_overrides"):
        for ref in (pid, other):
            if ref and ref not in known:
                found.append(f"a {kind} correction names {ref}, who is not in the workspace")
    for event_id, at in conn.execute("SELECT event_id, at FROM outreach_events WHERE reverted_at IS NULL"):
        try:
            day = datetime.fromisoformat(at).date()
        except (TypeError, ValueError):
            found.append(f"event {event_id} has an unreadable date {at!r}: fix it with `netanalytics edit {event_id} --at …`")
            continue
        if not EVENT_DATES.contains(day):
            found.append(f"event {event_id} is dated {day.isoformat()}, outside {EVENT_DATES.describe()}: "
                         f"fix it with `netanalytics edit {event_id} --at YYYY-MM-DD`")
    return found[: _SHOWN * 3]


# ---------------------------------------------------------------- backup


def _copy_database(source: sqlite3.Connection, target: Path, what: str) -> None:
    """Copy the database behind ``source`` into the (new, empty) file ``target``."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        failure = explain_sqlite_error(exc, target)
        raise InputError(f"Cannot write {what} {target}: {failure or exc}") from exc
    finally:
        destination.close()
        for extra in (Path(f"{target}-wal"), Path(f"{target}-shm"), Path(f"{target}-journal")):
            extra.unlink(missing_ok=True)


def backup_workspace(ws: Workspace, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Copy the workspace to ``path`` (0600) with SQLite's online backup API; returns it.

    An existing file is replaced only with ``force``; a damaged workspace is not backed
    up (a damaged copy could replace a good backup): run :func:`check_workspace`.
    """
    target = Path(path).expanduser()
    if target.exists() and target.resolve() == ws.path.resolve():
        raise InputError(str(target), "a backup file", "the workspace itself")
    if target.is_dir():
        raise InputError(str(target), "a file name for the backup", "a folder", hint=f"e.g. {target / 'netanalytics-backup.sqlite'}")
    if target.exists() and not force:
        raise InputError(f"{target} already exists; add --force to replace it with a new backup.")
    try:
        verdict = [r[0] for r in ws.conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        raise WorkspaceDamagedError(f"The workspace {ws.path} is damaged ({exc}); not backed up. "
                                    "Run `netanalytics check`.") from exc
    if verdict != ["ok"]:
        raise WorkspaceDamagedError(f"The workspace {ws.path} is damaged; not backed up. Run `netanalytics check`.")
    with private_replacement(target, what="the backup") as tmp:
        _copy_database(ws.conn, tmp, "the backup")
    return target


# ---------------------------------------------------------------- restore


@dataclass(frozen=True)
class RestoreResult:
    """Where the workspace now comes from, and where the previous file was kept (if any)."""

    path: Path
    kept_aside: Path | None


def _verified_backup(source: Path) -> sqlite3.Connection:
    """A read-only connection to ``source`` once it is known to be a healthy workspace."""
    where = str(source)
    if input_kind(source, where) != "file":
        raise InputError(where, "a backup file made by `netanalytics backup`", "a pipe")
    if source.stat().st_size == 0:
        raise InputError(where, "a backup file made by `netanalytics backup`", "an empty file")
    try:
        conn = _open_for_reading(source)
    except sqlite3.Error as exc:
        raise InputError(where, "a netanalytics workspace backup", f"a file SQLite cannot open ({exc})") from None
    try:
        reasons = _is_workspace(conn, source)
        if not reasons:
            verdict = [r[0] for r in conn.execute("PRAGMA integrity_check(3)")]
            if verdict != ["ok"]:
                reasons = [f"a damaged file ({'; '.join(verdict)[:200]})"]
    except sqlite3.DatabaseError as exc:
        reasons = [f"not a netanalytics workspace ({exc})"]
    if reasons:
        conn.close()
        raise InputError(where, "a healthy netanalytics workspace backup", "; ".join(reasons))
    return conn


def _aside_name(folder: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"netanalytics-before-restore-{stamp}.sqlite"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"netanalytics-before-restore-{stamp}-{n}.sqlite"
    return candidate


def _keep_aside(current: Path) -> Path:
    """Copy the current workspace file beside it (0600): consistently when it opens, byte
    for byte (with its write-ahead log) when it is too damaged to."""
    aside = _aside_name(current.parent)
    try:
        conn = _open_for_reading(current)
        try:
            with private_replacement(aside, what="the copy of the current workspace") as tmp:
                _copy_database(conn, tmp, "the copy of the current workspace")
            return aside
        finally:
            conn.close()
    except (sqlite3.Error, InputError):
        pass
    with private_replacement(aside, what="the copy of the current workspace") as tmp:
        shutil.copyfile(current, tmp)
    wal = Path(f"{current}-wal")
    if wal.exists():
        with private_replacement(Path(f"{aside}-wal"), what="the copy of the current workspace") as tmp:
            shutil.copyfile(wal, tmp)
    return aside


def restore_workspace(
    folder: str | os.PathLike[str] | None, source: str | os.PathLike[str], *, force: bool = False
) -> RestoreResult:
    """Make the workspace in ``folder`` a copy of the backup ``source``.

    ``source`` must be a healthy netanalytics workspace (:class:`InputError` otherwise).
    Replacing a workspace that holds a file needs ``force``; the current file is then kept
    aside first. A backup of an older schema is migrated on the next open.
    """
    source_path = Path(source).expanduser()
    backup = _verified_backup(source_path)
    try:
        target_folder = workspace_dir(folder)
        current = target_folder / WORKSPACE_FILENAME
        if current.exists() and source_path.resolve() == current.resolve():
            raise InputError(str(source_path), "a backup file", "the workspace itself")
        kept = None
        if current.exists():
            if not force:
                raise InputError(
                    f"Restoring would replace the workspace {current}; add --force to do it (the current file "
                    "is kept aside first)."
                )
            kept = _keep_aside(current) if current.stat().st_size else None
            if not _restore_in_place(backup, target_folder):
                _replace_file(backup, current)
        else:
            try:
                target_folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"Cannot create the workspace {target_folder}: {os_error_text(exc)}.") from None
            _replace_file(backup, current)
    finally:
        backup.close()
    with open_workspace(target_folder, create=False):
        pass  # migrates a backup made by an older version
    return RestoreResult(current, kept)


def _restore_in_place(backup: sqlite3.Connection, folder: Path) -> bool:
    """Copy ``backup`` into the open workspace (other programs see one consistent change);
    False when the current file is too damaged to open."""
    try:
        ws = open_workspace(folder, create=False)
    except WorkspaceError:
        return False
    try:
        if ws.read_only:
            raise WorkspaceError(f"The workspace {ws.path} is read-only ({ws.read_only_reason}); cannot restore into it.")
        backup.backup(ws.conn)
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        ws.close()


def _replace_file(backup: sqlite3.Connection, current: Path) -> None:
    """Replace the workspace file by a copy of ``backup`` (for a missing or unopenable one)."""
    with private_replacement(current, what="the restored workspace") as tmp:
        _copy_database(backup, tmp, "the restored workspace")
        # The old file's write-ahead log must not be applied to the new file.
        for stale in (Path(f"{current}-wal"), Path(f"{current}-shm")):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
