"""The workspace file: creation, permissions, migrations, transactions."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from netanalytics.errors import WorkspaceError
from netanalytics.workspace import SCHEMA_VERSION, open_workspace


def test_new_workspace_is_private_and_migrated(tmp_path):
    ws = open_workspace(tmp_path / "ws")
    assert ws.schema_version() == SCHEMA_VERSION
    assert stat.S_IMODE(ws.path.stat().st_mode) == 0o600
    assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert ws.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"people", "ties", "sources", "my_profile", "outreach_events"} <= tables
    ws.close()


def test_reopening_keeps_data(tmp_path):
    with open_workspace(tmp_path) as ws:
        ws.conn.execute(
            "INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p', 'A', '', '')"
        )
    with open_workspace(tmp_path) as ws:
        assert ws.conn.execute("SELECT count(*) FROM people").fetchone()[0] == 1


def test_transaction_rolls_back_everything_on_error(tmp_workspace):
    with pytest.raises(RuntimeError), tmp_workspace.transaction() as conn:
        conn.execute(
            "INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p', 'A', '', '')"
        )
        raise RuntimeError("boom")
    assert tmp_workspace.conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_missing_workspace_without_create_is_a_clear_error(tmp_path):
    with pytest.raises(WorkspaceError, match="No workspace"):
        open_workspace(tmp_path / "nope", create=False)


def test_newer_schema_is_refused(tmp_path):
    ws = open_workspace(tmp_path)
    ws.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    ws.close()
    with pytest.raises(WorkspaceError, match="newer"):
        open_workspace(tmp_path)


def test_not_a_database_is_a_clear_error(tmp_path):
    (tmp_path / "netanalytics.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(WorkspaceError, match="damaged"):
        open_workspace(tmp_path)


def test_foreign_keys_enforced(tmp_workspace):
    with pytest.raises(sqlite3.IntegrityError):
        tmp_workspace.conn.execute(
            "INSERT INTO ties(owner_id, person_id) VALUES ('nobody', 'nobody-else')"
        )
