"""netanalytics check, backup and restore (netanalytics/workspace/maintenance.py and the CLI)."""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest
from hostile_helpers import cli, fingerprint, refused

from netanalytics.config import WORKSPACE_FILENAME
from netanalytics.errors import InputError
from netanalytics.outreach.log import log_event
from netanalytics.workspace import SCHEMA_VERSION, open_workspace
from netanalytics.workspace.maintenance import backup_workspace, check_workspace, restore_workspace


@pytest.fixture
def wsdir(tmp_path) -> Path:
    folder = tmp_path / "ws"
    with open_workspace(folder) as ws:
        for pid, name, is_me in [("p_me", "Sam Seeker", 1), ("p_ada", "Ada Lovelace", 0), ("p_bob", "Bob Friend", 0)]:
            ws.conn.execute(
                "INSERT INTO people(person_id, full_name, is_me, created_at, updated_at) VALUES (?, ?, ?, '', '')",
                (pid, name, is_me),
            )
        cur = ws.conn.execute(
            "INSERT INTO sources(kind, path, content_hash, imported_at) VALUES ('connections_csv', 'c.csv', 'h', '')"
        )
        for pid in ("p_ada", "p_bob"):
            ws.conn.execute("INSERT INTO ties(owner_id, person_id, source_id) VALUES ('p_me', ?, ?)", (pid, cur.lastrowid))
            ws.conn.execute("INSERT INTO person_sources(person_id, source_id) VALUES (?, ?)", (pid, cur.lastrowid))
        log_event(ws, "Ada Lovelace", "interviewed", at="2026-03-02 15:00")
    return folder


# ---------------------------------------------------------------- check


def test_a_healthy_workspace_checks_out(wsdir):
    report = check_workspace(wsdir)
    assert report.healthy and report.problems == []
    code, out, _ = cli("--workspace", str(wsdir), "check")
    assert code == 0 and "healthy" in out


def test_check_finds_broken_references_and_orphans(wsdir):
    conn = sqlite3.connect(wsdir / WORKSPACE_FILENAME)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO ties(owner_id, person_id) VALUES ('p_me', 'p_gone')")
    conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p_lost', 'Lost Soul', '', '')")
    conn.execute("UPDATE people SET merged_into = 'p_bob' WHERE person_id = 'p_ada'")
    conn.execute("UPDATE people SET merged_into = 'p_ada' WHERE person_id = 'p_bob'")
    conn.execute("INSERT INTO outreach_events(person_id, stage, at, created_at) VALUES ('p_bob', 'interviewed', '9999-12-31T00:00:00', '')")
    conn.commit()
    conn.close()
    report = check_workspace(wsdir)
    text = "\n".join(report.problems)
    assert not report.healthy
    assert "ties" in text and "p_gone" in text
    assert "Lost Soul" in text
    assert "merged" in text and "p_ada" in text
    assert "9999-12-31" in text
    code, out, _ = cli("--workspace", str(wsdir), "check")
    assert code == 2 and "p_gone" in out


def test_check_reports_a_damaged_file_in_words(wsdir):
    path = wsdir / WORKSPACE_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people_name_key'").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek(root * 4096 - 60)  # the index's cells sit at the end of its page
        fh.write(b"\x07" * 60)
    code, out, _ = cli("--workspace", str(wsdir), "check")
    assert code == 2 and "damaged" in out and "restore" in out


def test_check_an_unreadable_file(wsdir):
    path = wsdir / WORKSPACE_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as fh:
        fh.write(b"garbage" * 20)
    report = check_workspace(wsdir)
    assert not report.healthy and "not a netanalytics workspace" in report.problems[0]


# ---------------------------------------------------------------- backup


def test_backup_is_private_complete_and_refuses_to_overwrite(wsdir, tmp_path):
    target = tmp_path / "backups" / "net.sqlite"
    old = os.umask(0)
    try:
        code, out, err = cli("--workspace", str(wsdir), "backup", str(target))
    finally:
        os.umask(old)
    assert code == 0, err
    assert str(target) in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert fingerprint_file(target) == fingerprint(wsdir)
    before = target.read_bytes()
    with open_workspace(wsdir) as ws:
        log_event(ws, "Bob Friend", "outreach_sent", at="2026-03-05 09:00")
    code, _, err = cli("--workspace", str(wsdir), "backup", str(target))
    assert refused(code, err, "already exists", "--force")
    assert target.read_bytes() == before
    code, _, err = cli("--workspace", str(wsdir), "backup", str(target), "--force")
    assert code == 0, err
    assert fingerprint_file(target) == fingerprint(wsdir)


def test_backup_refuses_the_workspace_file_itself(wsdir):
    with open_workspace(wsdir) as ws, pytest.raises(InputError, match="the workspace itself"):
        backup_workspace(ws, wsdir / WORKSPACE_FILENAME, force=True)


def fingerprint_file(path: Path) -> str:
    folder = Path(tempfile.mkdtemp(dir=path.parent))
    (folder / WORKSPACE_FILENAME).write_bytes(path.read_bytes())
    return fingerprint(folder)


# ---------------------------------------------------------------- restore


def test_restore_brings_back_the_backup_and_keeps_the_current_file_aside(wsdir, tmp_path):
    backup = tmp_path / "b.sqlite"
    assert cli("--workspace", str(wsdir), "backup", str(backup))[0] == 0
    saved = fingerprint(wsdir)
    with open_workspace(wsdir) as ws:
        log_event(ws, "Bob Friend", "outreach_sent", at="2026-03-05 09:00")
    changed = fingerprint(wsdir)
    code, _, err = cli("--workspace", str(wsdir), "restore", str(backup))
    assert refused(code, err, "--force")
    assert fingerprint(wsdir) == changed
    code, out, err = cli("--workspace", str(wsdir), "restore", str(backup), "--force")
    assert code == 0, err
    assert fingerprint(wsdir) == saved
    aside = [p for p in wsdir.iterdir() if p.name.startswith("netanalytics-before-restore-")]
    assert len(aside) == 1 and aside[0].name in out
    assert stat.S_IMODE(aside[0].stat().st_mode) == 0o600
    code, out, _ = cli("--workspace", str(wsdir), "history", "Bob Friend")
    assert code == 0 and "outreach_sent" not in out


def test_restore_into_a_missing_or_damaged_workspace(wsdir, tmp_path):
    backup = tmp_path / "b.sqlite"
    assert cli("--workspace", str(wsdir), "backup", str(backup))[0] == 0
    code, _, err = cli("--workspace", str(tmp_path / "fresh"), "restore", str(backup))
    assert code == 0, err
    assert fingerprint(tmp_path / "fresh") == fingerprint(wsdir)
    path = wsdir / WORKSPACE_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as fh:
        fh.write(b"garbage" * 20)
    code, _, err = cli("--workspace", str(wsdir), "restore", str(backup), "--force")
    assert code == 0, err
    assert check_workspace(wsdir).healthy


@pytest.mark.parametrize("kind", ["text", "other sqlite", "newer schema", "empty", "missing", "folder"])
def test_restore_refuses_what_is_not_a_workspace(wsdir, tmp_path, kind):
    bad = tmp_path / "bad.sqlite"
    if kind == "text":
        bad.write_text("hello")
    elif kind == "other sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE recipes(name TEXT)")
        conn.close()
    elif kind == "newer schema":
        assert cli("--workspace", str(wsdir), "backup", str(bad))[0] == 0
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    elif kind == "empty":
        bad.touch()
    elif kind == "folder":
        bad.mkdir()
    before = fingerprint(wsdir)
    code, _, err = cli("--workspace", str(wsdir), "restore", str(bad), "--force")
    assert code == 2 and "Traceback" not in err and str(bad) in err, err
    assert fingerprint(wsdir) == before
    with pytest.raises(InputError):
        restore_workspace(wsdir, bad, force=True)
