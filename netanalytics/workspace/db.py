"""Open, create and migrate the workspace: one SQLite file in a folder.

WAL mode, foreign keys on and a busy timeout, so a notebook and the CLI can use the same
workspace at once. The file is created with mode 0600: it holds personal data.

The machine may be hostile too, and every case gets a :class:`WorkspaceError` in words
(the CLI exits 2), never a traceback, and leaves the file as it was:

- a full disk during a write (SQLite may already have rolled back: the transaction
  helper checks before rolling back), an I/O error, a read-only file system;
- another program holding the write lock: a write waits up to :data:`BUSY_TIMEOUT_MS`,
  says that it waits (a :class:`~netanalytics.errors.NetanalyticsWarning`), then gives up;
- a workspace that cannot be written (read-only file, folder or file system) is opened
  read-only, so reads work, and a write is refused with the reason;
- ``--workspace`` naming a file, a symlink loop or a folder that cannot be created;
- a 0-byte file (never silently a new workspace), a damaged file: reads that hit the
  damage and every write are refused with one message; before its first write a
  connection runs ``PRAGMA quick_check`` (about 0.13 s on a 20 MB, 37,000-person
  workspace) so a write never spreads damage.

>>> import tempfile
>>> ws = open_workspace(tempfile.mkdtemp())
>>> ws.schema_version() == SCHEMA_VERSION, ws.read_only
(True, False)
>>> ws.close()
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import tempfile
import time
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from netanalytics.config import WORKSPACE_FILENAME, workspace_dir
from netanalytics.errors import NetanalyticsWarning, WorkspaceError
from netanalytics.safety import human_bytes, os_error_text
from netanalytics.workspace.migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "BUSY_TIMEOUT_MS",
    "SCHEMA_VERSION",
    "Workspace",
    "WorkspaceBusyError",
    "WorkspaceDamagedError",
    "WorkspaceFullError",
    "WorkspaceReadOnlyError",
    "explain_sqlite_error",
    "open_workspace",
    "utc_now_iso",
]

#: How long a write waits for another program's write lock before giving up.
BUSY_TIMEOUT_MS = 10_000
#: After this long a waiting write says that it waits.
_NOTICE_AFTER_MS = 500


class WorkspaceBusyError(WorkspaceError):
    """Another program held the write lock for longer than :data:`BUSY_TIMEOUT_MS`."""


class WorkspaceFullError(WorkspaceError):
    """The disk (or the file-size limit) would not take the write; nothing was written."""


class WorkspaceReadOnlyError(WorkspaceError):
    """The workspace can be read but not written (permissions, a read-only file system)."""


class WorkspaceDamagedError(WorkspaceError):
    """The workspace file is damaged (or is not a database at all)."""


def utc_now_iso() -> str:
    """Now, as an ISO 8601 UTC timestamp with seconds: '2026-11-26T01:29:47+00:00'."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# ---------------------------------------------------------------- errors in words


def _damaged(path: Path, detail: str) -> WorkspaceDamagedError:
    return WorkspaceDamagedError(
        f"The workspace file {path} is damaged ({detail}). Nothing was changed. "
        "`netanalytics check` says what is wrong; `netanalytics restore BACKUP --force` brings back a "
        "backup (the damaged file is kept aside)."
    )


def _read_only(path: Path, why: str) -> WorkspaceReadOnlyError:
    return WorkspaceReadOnlyError(
        f"The workspace {path} is read-only ({why}): it can be read but not changed. "
        "Make the folder and the file writable, or copy the folder somewhere writable and use "
        "--workspace COPY."
    )


def _free_space(folder: Path) -> str:
    try:
        return human_bytes(shutil.disk_usage(folder).free)
    except OSError:
        return "unknown"


def explain_sqlite_error(exc: sqlite3.Error, path: Path) -> WorkspaceError | None:
    """The :class:`WorkspaceError` an SQLite error caused by the machine amounts to, in
    words; None for any other error (a bug, which should surface as one)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    if primary is None:
        primary = {
            "database or disk is full": sqlite3.SQLITE_FULL,
            "database is locked": sqlite3.SQLITE_BUSY,
            "attempt to write a readonly database": sqlite3.SQLITE_READONLY,
            "database disk image is malformed": sqlite3.SQLITE_CORRUPT,
            "file is not a database": sqlite3.SQLITE_NOTADB,
            "disk I/O error": sqlite3.SQLITE_IOERR,
        }.get(text)
    if primary == sqlite3.SQLITE_FULL:
        return WorkspaceFullError(
            f"The disk holding the workspace {path} is full ({_free_space(path.parent)} free): nothing was "
            "written. Free some space and try again."
        )
    if primary == sqlite3.SQLITE_IOERR:
        return WorkspaceFullError(
            f"Writing the workspace {path} failed ({text}): the disk may be full ({_free_space(path.parent)} "
            "free), the file too large for this system, or the disk failing. Nothing was written."
        )
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return WorkspaceBusyError(
            f"Another program is writing to the workspace {path} and kept it locked for more than "
            f"{BUSY_TIMEOUT_MS / 1000:g} s. Nothing was changed; try again when it has finished (a notebook "
            "or another netanalytics command using the same workspace)."
        )
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return _read_only(path, "SQLite may not write it")
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return _damaged(path, text)
    if primary == sqlite3.SQLITE_CANTOPEN:
        return WorkspaceError(f"Cannot open the workspace {path}: {text}.")
    return None


def _explained(exc: BaseException, path: Path) -> BaseException:
    if isinstance(exc, sqlite3.Error):
        return explain_sqlite_error(exc, path) or exc
    return exc


# ---------------------------------------------------------------- the handle


class Workspace:
    """A handle on the workspace database. Use :func:`open_workspace` to get one.

    ``conn`` is a plain :class:`sqlite3.Connection` (rows as :class:`sqlite3.Row`) in
    autocommit mode; group writes with :meth:`transaction`. ``read_only`` is true when
    the file could only be opened for reading (``read_only_reason`` says why).
    """

    def __init__(self, folder: Path, conn: sqlite3.Connection, *, read_only_reason: str | None = None) -> None:
        self.folder = folder
        self.path = folder / WORKSPACE_FILENAME
        self.conn = conn
        self.read_only_reason = read_only_reason
        self._verified = False

    @property
    def read_only(self) -> bool:
        """Whether writes are refused (the file, folder or file system is not writable)."""
        return self.read_only_reason is not None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def schema_version(self) -> int:
        """The schema version stored in the file (``PRAGMA user_version``)."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write: ``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on error.

        Nested use joins the outer transaction. Waits for another writer's lock (saying
        so) up to :data:`BUSY_TIMEOUT_MS`; checks the file once per connection before its
        first write; turns a full disk, a lock held too long, a read-only or damaged file
        into a :class:`WorkspaceError`. After an error the file is as it was.
        """
        if self.conn.in_transaction:
            yield self.conn
            return
        if self.read_only_reason is not None:
            raise _read_only(self.path, self.read_only_reason)
        self._verify_before_writing()
        begin_immediate(self.conn, self.path)
        try:
            yield self.conn
        except BaseException as exc:
            _rollback(self.conn)
            failure = _explained(exc, self.path)
            if failure is exc:
                raise
            raise failure from exc
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(self.conn)
            raise _explained(exc, self.path) from exc

    def _verify_before_writing(self) -> None:
        """``PRAGMA quick_check`` before the first write of this connection: never write
        into a damaged file (the write would spread the damage)."""
        if self._verified:
            return
        try:
            verdict = [row[0] for row in self.conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.path, str(exc)) from exc
        if verdict != ["ok"]:
            first = verdict[0].replace("\n", "; ")
            raise _damaged(self.path, f"quick_check: {first[:200]}")
        self._verified = True

    def me_id(self) -> str | None:
        """My person id, or None before my own export is imported."""
        row = self.conn.execute("SELECT person_id FROM people WHERE is_me = 1").fetchone()
        return row[0] if row else None


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open: SQLite rolls back by itself after a full
    disk or an I/O error, and a second ROLLBACK would fail ("no transaction is active")."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def begin_immediate(conn: sqlite3.Connection, path: Path) -> None:
    """``BEGIN IMMEDIATE``, waiting for another writer up to :data:`BUSY_TIMEOUT_MS`.

    After half a second of waiting a :class:`~netanalytics.errors.NetanalyticsWarning`
    says so; at the end :class:`WorkspaceBusyError`.
    """
    total = BUSY_TIMEOUT_MS / 1000
    deadline = time.monotonic() + total
    wait_ms = min(_NOTICE_AFTER_MS, BUSY_TIMEOUT_MS)
    noticed = False
    try:
        while True:
            conn.execute(f"PRAGMA busy_timeout = {max(1, wait_ms)}")
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                failure = explain_sqlite_error(exc, path)
                if not isinstance(failure, WorkspaceBusyError):
                    raise (failure or exc) from exc
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise failure from exc
                if not noticed:
                    warnings.warn(
                        NetanalyticsWarning(
                            f"another program is writing to the workspace {path}; waiting up to {total:g} s "
                            "for it to finish…"
                        ),
                        stacklevel=3,
                    )
                    noticed = True
                wait_ms = int(min(remaining, 1.0) * 1000)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def migrate(conn: sqlite3.Connection, path: Path | None = None) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, one migration per transaction."""
    path = path or Path(WORKSPACE_FILENAME)
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"The workspace schema is version {version}, newer than this netanalytics "
            f"understands ({SCHEMA_VERSION}). Upgrade netanalytics."
        )
    for number in range(version, SCHEMA_VERSION):
        begin_immediate(conn, path)
        try:
            MIGRATIONS[number](conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            _rollback(conn)
            raise
        conn.execute("COMMIT")


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """A connection with the workspace's settings (WAL, foreign keys, busy timeout).

    ``read_only`` opens the file with ``mode=ro``; ``immutable`` also skips locking and
    the write-ahead log (the only way to read a WAL file in a folder one cannot write).
    """
    if read_only:
        query = "mode=ro&immutable=1" if immutable else "mode=ro"
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?{query}", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    else:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


# ---------------------------------------------------------------- opening


def _look(path: Path, what: str) -> os.stat_result | None:
    """``os.stat(path)``, None when nothing is there; an unusable path is a WorkspaceError."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return None
        raise WorkspaceError(f"Cannot use {path} as {what}: {os_error_text(exc)}.") from None


def _why_not_writable(folder: Path, db_path: Path) -> str | None:
    """Why the workspace cannot be written (None when it can)."""
    if not os.access(folder, os.W_OK):
        return "the folder is read-only" if _read_only_fs(folder) else "the folder is not writable"
    if db_path.exists() and not os.access(db_path, os.W_OK):
        return "the file system is read-only" if _read_only_fs(folder) else "the file is not writable"
    return None


def _read_only_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _create(folder: Path, db_path: Path) -> None:
    """Create the folder and a new, migrated 0600 workspace file, whole or not at all."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".netanalytics-new-", suffix=".sqlite")
    except OSError as exc:
        raise WorkspaceError(f"Cannot create the workspace {folder}: {os_error_text(exc)}.") from None
    tmp_path = Path(tmp)
    try:
        os.fchmod(fd, 0o600)
        os.close(fd)
        conn = connect(tmp_path)
        try:
            migrate(conn, tmp_path)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        with contextlib.suppress(FileExistsError):
            os.link(tmp_path, db_path)  # never over a workspace another process just created
    except OSError as exc:
        raise WorkspaceError(f"Cannot create the workspace {folder}: {os_error_text(exc)}.") from None
    except sqlite3.Error as exc:
        raise (explain_sqlite_error(exc, db_path) or exc) from exc
    finally:
        for leftover in (tmp_path, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)


def open_workspace(
    folder: str | os.PathLike[str] | None = None, *, create: bool = True, read_only: bool = False
) -> Workspace:
    """Open the workspace in ``folder`` (default: :func:`netanalytics.config.workspace_dir`).

    Creates the folder and a 0600 database file when ``create`` is true and they are
    missing; migrates the schema to the current version. A workspace that cannot be
    written (or ``read_only``) is opened for reading only. Raises :class:`WorkspaceError`
    (with a reason in words) for a folder that is a file or a symlink loop, an empty or
    damaged file, a newer schema.
    """
    folder_path = workspace_dir(folder)
    db_path = folder_path / WORKSPACE_FILENAME
    seen = _look(folder_path, "a workspace folder")
    if seen is not None and not os.path.isdir(folder_path):
        hint = (
            f" It looks like the workspace file itself: give its folder, --workspace {folder_path.parent}."
            if folder_path.name == WORKSPACE_FILENAME else " Give a folder (a new one is created)."
        )
        raise WorkspaceError(f"The workspace {folder_path} is a file, not a folder.{hint}")
    info = _look(db_path, "the workspace file") if seen is not None else None
    if info is None:
        if not create:
            raise WorkspaceError(
                f"No workspace at {folder_path}: import your own LinkedIn export there first.",
                next_step="import_own_export",
            )
        _create(folder_path, db_path)
        info = os.stat(db_path)
    if not os.path.isfile(db_path):
        raise WorkspaceError(f"The workspace file {db_path} is not a regular file.")
    if info.st_size == 0:
        raise WorkspaceError(
            f"The workspace file {db_path} is empty (0 bytes): it holds no workspace. If you meant to start "
            "afresh, delete it; if it held your data, restore a backup with `netanalytics restore BACKUP --force`."
        )
    reason = "opened read-only on request" if read_only else _why_not_writable(folder_path, db_path)
    try:
        conn = _connect_for(db_path, reason)
    except sqlite3.Error as exc:
        if reason is None and explain_sqlite_error(exc, db_path).__class__ is WorkspaceReadOnlyError:
            reason = "SQLite may not write it"
            conn = _connect_for(db_path, reason)
        else:
            raise _opening_error(exc, db_path) from exc
    try:
        _check_schema(conn, db_path, writable=reason is None)
    except BaseException:
        conn.close()
        raise
    return Workspace(folder_path, conn, read_only_reason=reason)


def _opening_error(exc: sqlite3.Error, db_path: Path) -> WorkspaceError:
    failure = explain_sqlite_error(exc, db_path)
    if isinstance(failure, WorkspaceError):
        return failure
    return WorkspaceDamagedError(f"{db_path} is not a usable netanalytics workspace: {exc}")


def _connect_for(db_path: Path, read_only_reason: str | None) -> sqlite3.Connection:
    """A connection: read-write, or read-only (:func:`connect_read_only`)."""
    if read_only_reason is None:
        conn = connect(db_path)
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    return connect_read_only(db_path)


def connect_read_only(db_path: Path, *, warn_unapplied: bool = True) -> sqlite3.Connection:
    """A read-only connection that changes nothing: ``mode=ro``, or immutable when the folder
    cannot take the WAL's shared-memory file (then, with ``warn_unapplied``, a warning says
    that changes still in the WAL file are not seen)."""
    conn = connect(db_path, read_only=True)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "readonly" not in str(exc) and "unable to open" not in str(exc):
            raise
    wal = Path(f"{db_path}-wal")
    if warn_unapplied and wal.exists() and wal.stat().st_size > 0:
        warnings.warn(
            NetanalyticsWarning(
                f"{wal} holds changes that cannot be applied in a read-only folder; what you see may "
                "miss the latest ones."
            ),
            stacklevel=3,
        )
    conn = connect(db_path, read_only=True, immutable=True)
    conn.execute("PRAGMA user_version").fetchone()
    return conn


def _check_schema(conn: sqlite3.Connection, db_path: Path, *, writable: bool) -> None:
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"The workspace schema is version {version}, newer than this netanalytics "
                f"understands ({SCHEMA_VERSION}). Upgrade netanalytics."
            )
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise WorkspaceError(
                f"{db_path} is an SQLite database of another program, not a netanalytics workspace. "
                "Move it away, or give another --workspace folder."
            )
        if version < SCHEMA_VERSION:
            if not writable:
                raise _read_only(db_path, f"its schema (version {version}) needs an upgrade that cannot be written")
            migrate(conn, db_path)
    except sqlite3.Error as exc:
        raise _opening_error(exc, db_path) from exc
