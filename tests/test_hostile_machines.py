"""Family 4 of issue 11: hostile machines — full disks, held locks, read-only places,
odd paths and damaged files. Each gets a clear message and exit code 2 (never a
traceback, never exit 1), and the workspace is left as it was.

Full disks are simulated without root tricks: ``PRAGMA max_page_count`` in-process, and
``RLIMIT_FSIZE`` (with SIGXFSZ ignored, so writes fail with EFBIG) in a child process.
Read-only folders and files are real (chmod): when the tests run as root (CI), the child
process gives up the capabilities that let root ignore file permissions
(CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so the permissions apply to it as to any user.
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hostile_helpers import cli, fingerprint, refused
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netanalytics.config import WORKSPACE_FILENAME
from netanalytics.errors import WorkspaceError
from netanalytics.outreach.log import log_event
from netanalytics.workspace import db, open_workspace
from netanalytics.workspace.importer import import_source

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def connections_csv(path: Path, rows: int) -> Path:
    path.write_text(
        HEADER + "".join(f"P{i},Q{i},https://www.linkedin.com/in/p-{i},,Acme {i % 50},Nurse,05 Nov 2023\n" for i in range(rows)),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def wsdir(tmp_path) -> Path:
    """A workspace with my export imported and one logged event."""
    folder = tmp_path / "ws"
    me = tmp_path / "me"
    me.mkdir()
    connections_csv(me / "Connections.csv", 40)
    (me / "Profile.csv").write_text("First Name,Last Name,Headline\nSam,Seeker,Analyst\n")
    assert cli("--workspace", str(folder), "import", str(me))[0] == 0
    with open_workspace(folder) as ws:
        log_event(ws, "P1 Q1", "outreach_sent", at="2026-03-02 10:00")
    return folder


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _obey_permissions() -> None:
    """In a child about to exec: as root, drop the capabilities that bypass file permissions."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def child(argv: list[str], *, file_limit: int | None = None, obey_permissions: bool = False,
          cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``netanalytics argv`` in a child process, maybe with a file-size limit, or
    subject to file permissions even when the tests run as root."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("NETANALYTICS_WORKSPACE", None)

    def prepare() -> None:
        if file_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
        if obey_permissions:
            _obey_permissions()

    return subprocess.run(
        [sys.executable, "-m", "netanalytics", *argv], preexec_fn=prepare, capture_output=True, text=True,
        timeout=300, env=env, cwd=cwd,
    )


def child_refused(result: subprocess.CompletedProcess, *words: str) -> bool:
    return refused(result.returncode, result.stderr, *words)


@pytest.fixture
def shared_dir(tmp_path):
    """A folder whose permissions the test may take away (given back for the clean-up)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o700 if path.is_dir() else 0o600)


# ---------------------------------------------------------------- full disk


def test_disk_full_during_import_is_a_clear_error_and_changes_nothing(tmp_path, wsdir):
    before = fingerprint(wsdir)
    big = connections_csv(tmp_path / "friend.csv", 3000)
    with open_workspace(wsdir) as ws:
        pages = ws.conn.execute("PRAGMA page_count").fetchone()[0]
        ws.conn.execute(f"PRAGMA max_page_count = {pages + 5}")
        with pytest.raises(WorkspaceError, match="full") as info:
            import_source(ws, big, owner="Dana Friend")
        assert "cannot rollback" not in str(info.value)
        assert not ws.conn.in_transaction
    assert fingerprint(wsdir) == before


def test_disk_full_during_a_cli_import_exits_2_and_changes_nothing(tmp_path, wsdir):
    before = fingerprint(wsdir)
    big = connections_csv(tmp_path / "friend.csv", 5000)
    size = (wsdir / WORKSPACE_FILENAME).stat().st_size
    result = child(["--workspace", str(wsdir), "import", str(big), "--owner", "Dana Friend"], file_limit=size + 64 * 1024)
    assert child_refused(result, "disk"), result.stderr
    assert "cannot rollback" not in result.stderr
    assert fingerprint(wsdir) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["export-log", "--out", "{out}/log.csv"],
        ["calendar", "--out", "{out}/f.ics", "--today", "2026-03-20"],
        ["draft", "P1 Q1", "--kind", "direct", "--out", "{out}/d.txt"],
        ["prep", "P1 Q1", "--out", "{out}/p.md"],
        ["backup", "{out}/backup.sqlite"],
    ],
)
def test_writing_an_output_to_a_full_disk_exits_2_and_leaves_nothing(tmp_path, wsdir, argv):
    out = tmp_path / "out"
    out.mkdir()
    # Keep the workspace's shared-memory and log files open, so the child reads without
    # growing any file: only the output it writes meets the 200-byte limit.
    keeper = sqlite3.connect(wsdir / WORKSPACE_FILENAME)
    keeper.execute("SELECT count(*) FROM people").fetchone()
    try:
        result = child(["--workspace", str(wsdir), *[a.replace("{out}", str(out)) for a in argv]], file_limit=200)
    finally:
        keeper.close()
    assert child_refused(result, "Cannot write", str(out)), result.stderr
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["export-log", "--out", "{out}"],
        ["calendar", "--out", "{out}"],
        ["draft", "P1 Q1", "--kind", "direct", "--out", "{out}"],
        ["prep", "P1 Q1", "--out", "{out}"],
        ["backup", "{out}"],
    ],
)
def test_an_output_that_is_a_folder_is_refused(tmp_path, wsdir, argv):
    out = tmp_path / "folder"
    out.mkdir()
    code, _, err = cli("--workspace", str(wsdir), *[a.replace("{out}", str(out)) for a in argv])
    assert refused(code, err, "folder"), err
    assert list(out.iterdir()) == []


# ---------------------------------------------------------------- locks


@pytest.fixture
def short_lock_wait(monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 1500)


@pytest.mark.parametrize("argv", [["log", "P2 Q2", "outreach_sent"], ["import", "{csv}", "--owner", "Dana Friend"]])
def test_a_lock_held_too_long_says_it_waits_then_gives_up(tmp_path, wsdir, short_lock_wait, argv):
    csv = connections_csv(tmp_path / "friend.csv", 10)
    holder = sqlite3.connect(wsdir / WORKSPACE_FILENAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = fingerprint(wsdir)
        started = time.monotonic()
        code, _, err = cli("--workspace", str(wsdir), *[a.replace("{csv}", str(csv)) for a in argv])
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert refused(code, err, "waiting", "another program", "try again"), err
    assert waited >= 1.4
    assert fingerprint(wsdir) == before


def test_a_lock_released_while_waiting_lets_the_write_through(wsdir, short_lock_wait):
    holder = sqlite3.connect(wsdir / WORKSPACE_FILENAME, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    import threading

    threading.Timer(0.7, lambda: (holder.execute("COMMIT"))).start()
    code, out, err = cli("--workspace", str(wsdir), "log", "P2 Q2", "outreach_sent")
    holder.close()
    assert code == 0, err
    assert "waiting" in err and "Logged" in out


# ---------------------------------------------------------------- read-only places


@pytest.mark.parametrize("what", ["folder", "file", "both"])
def test_reads_work_and_writes_refuse_on_a_read_only_workspace(shared_dir, wsdir, what):
    folder = shared_dir / "ws"
    shutil.copytree(wsdir, folder)
    db_file = folder / WORKSPACE_FILENAME
    os.chmod(db_file, 0o444 if what in ("file", "both") else 0o666)
    os.chmod(folder, 0o555 if what in ("folder", "both") else 0o777)
    before = db_file.read_bytes()
    reads = [["summary"], ["people", "--limit", "3"], ["rank", "--title", "nurse"]]
    if what == "both":
        reads += [["pipeline"], ["due", "--today", "2026-03-20"], ["history", "P1 Q1"], ["check"]]
    for argv in reads:
        result = child(["--workspace", str(folder), *argv], obey_permissions=True)
        assert result.returncode == 0, (argv, result.stderr)
    result = child(["--workspace", str(folder), "log", "P2 Q2", "outreach_sent"], obey_permissions=True)
    assert child_refused(result, "read-only"), result.stderr
    if what == "both":
        friend = connections_csv(shared_dir / "friend.csv", 5)
        result = child(["--workspace", str(folder), "import", str(friend), "--owner", "Dana"], obey_permissions=True)
        assert child_refused(result, "read-only"), result.stderr
    assert db_file.read_bytes() == before


def test_an_unwritable_parent_is_a_clear_error(shared_dir):
    parent = shared_dir / "locked"
    parent.mkdir()
    os.chmod(parent, 0o555)
    csv = connections_csv(shared_dir / "Connections.csv", 3)
    os.chmod(csv, 0o644)
    result = child(["--workspace", str(parent / "ws"), "import", str(csv)], obey_permissions=True)
    assert child_refused(result, str(parent / "ws"), "permission"), result.stderr
    assert not (parent / "ws").exists()


def test_workspace_pointing_at_a_file_is_refused(tmp_path, wsdir):
    code, _, err = cli("--workspace", str(wsdir / WORKSPACE_FILENAME), "summary")
    assert refused(code, err, "file, not a folder", str(wsdir)), err
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    code, _, err = cli("--workspace", str(other), "import", str(connections_csv(tmp_path / "c.csv", 2)))
    assert refused(code, err, "file, not a folder"), err
    assert other.read_text() == "hello"


def test_workspace_on_a_symlink_loop_is_refused(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(loop)
    for argv in (["summary"], ["import", str(connections_csv(tmp_path / "c.csv", 2))]):
        code, _, err = cli("--workspace", str(loop), *argv)
        assert refused(code, err, "loop"), err


def test_a_zero_byte_workspace_is_not_silently_a_new_one(tmp_path):
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / WORKSPACE_FILENAME).touch()
    for argv in (["summary"], ["import", str(connections_csv(tmp_path / "c.csv", 2))], ["log", "x", "identified"]):
        code, _, err = cli("--workspace", str(folder), *argv)
        assert refused(code, err, "empty", "0 bytes", "restore"), err
    assert (folder / WORKSPACE_FILENAME).stat().st_size == 0


def test_a_new_workspace_is_created_whole_and_private(tmp_path):
    old = os.umask(0)
    try:
        code, _, err = cli("--workspace", str(tmp_path / "new"), "import", str(connections_csv(tmp_path / "c.csv", 2)))
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE((tmp_path / "new" / WORKSPACE_FILENAME).stat().st_mode) == 0o600
    assert sorted(p.name for p in (tmp_path / "new").iterdir() if not p.name.endswith(("-wal", "-shm"))) == [WORKSPACE_FILENAME]


# ---------------------------------------------------------------- damaged files


def _damage(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def _page_of(path: Path, index: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    finally:
        conn.close()


def _checkpoint(folder: Path) -> Path:
    path = folder / WORKSPACE_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


DAMAGES = {
    "zeroed page 2": lambda p: _damage(p, 4096, b"\0" * 4096),
    "garbage header": lambda p: _damage(p, 0, b"not a database at all!!"),
    "truncated": lambda p: os.truncate(p, 4096 * 3 + 100),
    "index page": lambda p: _damage(p, (_page_of(p, "people_name_key") - 1) * 4096 + 4096 - 200, b"\x07" * 60),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_damage_of_every_kind_gets_one_exit_code_and_one_message(wsdir, damage):
    path = _checkpoint(wsdir)
    DAMAGES[damage](path)
    before = path.read_bytes()
    for argv in (["summary"], ["people"], ["pipeline"], ["due"], ["log", "P2 Q2", "outreach_sent"]):
        code, _, err = cli("--workspace", str(wsdir), *argv)
        assert code in (0, 2), (damage, argv, err)
        if code == 2:
            assert "damaged" in err and "netanalytics check" in err and "Traceback" not in err, err
    # A write never goes into a damaged file.
    code, _, err = cli("--workspace", str(wsdir), "log", "P2 Q2", "outreach_sent")
    assert refused(code, err, "damaged"), err
    assert path.read_bytes() == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.integers(0, 200_000), length=st.integers(1, 64), byte=st.integers(0, 255))
def test_random_damage_never_crashes_and_never_spreads(wsdir, tmp_path, offset, length, byte):
    # A fresh folder per example: hypothesis may run one example twice (a replay, a shrink).
    folder = Path(tempfile.mkdtemp(dir=tmp_path, prefix=f"ws-{offset}-{length}-{byte}-")) / "ws"
    shutil.copytree(wsdir, folder)
    path = _checkpoint(folder)
    size = path.stat().st_size
    _damage(path, offset % size, bytes([byte]) * length)
    for argv in (["summary"], ["people", "--limit", "2"], ["log", "P2 Q2", "outreach_sent"]):
        code, _, err = cli("--workspace", str(folder), *argv)
        assert code in (0, 2) and "Traceback" not in err, (argv, err)
    conn = sqlite3.connect(path)
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError:
        verdict = "unreadable"
    finally:
        conn.close()
    logged = code == 0
    assert not logged or verdict == "ok", "a write went into a damaged file"


def test_quick_check_runs_once_per_connection_before_the_first_write(wsdir):
    seen: list[str] = []
    with open_workspace(wsdir) as ws:
        ws.conn.set_trace_callback(seen.append)
        ws.conn.execute("SELECT count(*) FROM people").fetchone()
        assert not any("quick_check" in s for s in seen)  # reads do not pay for it
        log_event(ws, "P2 Q2", "outreach_sent")
        log_event(ws, "P3 Q3", "outreach_sent")
    assert sum("quick_check" in s for s in seen) == 1
