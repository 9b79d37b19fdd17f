"""Open, create and migrate the workspace: one SQLite file in a folder.

WAL mode, foreign keys on and a busy timeout, so a notebook and the CLI can use the same
workspace at once. The file is created with mode 0600: it holds personal data.

>>> import tempfile
>>> ws = open_workspace(tempfile.mkdtemp())
>>> ws.schema_version() == SCHEMA_VERSION
True
>>> ws.close()
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from netanalytics.config import WORKSPACE_FILENAME, workspace_dir
from netanalytics.errors import WorkspaceError
from netanalytics.workspace.migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Workspace", "open_workspace", "utc_now_iso"]

BUSY_TIMEOUT_MS = 10_000


def utc_now_iso() -> str:
    """Now, as an ISO 8601 UTC timestamp with seconds: '2026-11-26T01:29:47+00:00'."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Workspace:
    """A handle on the workspace database. Use :func:`open_workspace` to get one.

    ``conn`` is a plain :class:`sqlite3.Connection` (rows as :class:`sqlite3.Row`) in
    autocommit mode; group writes with :meth:`transaction`.
    """

    def __init__(self, folder: Path, conn: sqlite3.Connection) -> None:
        self.folder = folder
        self.path = folder / WORKSPACE_FILENAME
        self.conn = conn

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

        Nested use joins the outer transaction.
        """
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def me_id(self) -> str | None:
        """My person id, or None before my own export is imported."""
        row = self.conn.execute("SELECT person_id FROM people WHERE is_me = 1").fetchone()
        return row[0] if row else None


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (0600), if missing."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, one migration per transaction."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"The workspace schema is version {version}, newer than this netanalytics "
            f"understands ({SCHEMA_VERSION}). Upgrade netanalytics."
        )
    for number in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the workspace's settings (WAL, foreign keys, busy timeout)."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def open_workspace(folder: str | os.PathLike[str] | None = None, *, create: bool = True) -> Workspace:
    """Open the workspace in ``folder`` (default: :func:`netanalytics.config.workspace_dir`).

    Creates the folder and a 0600 database file when ``create`` is true and they are
    missing; migrates the schema to the current version.
    """
    folder_path = workspace_dir(folder)
    db_path = folder_path / WORKSPACE_FILENAME
    if not db_path.exists():
        if not create:
            raise WorkspaceError(
                f"No workspace at {folder_path}. Import an export first: netanalytics import PATH"
            )
        folder_path.mkdir(parents=True, exist_ok=True)
        _create_private_file(db_path)
    try:
        conn = connect(db_path)
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{db_path} is not a usable netanalytics workspace: {exc}") from exc
    return Workspace(folder_path, conn)
