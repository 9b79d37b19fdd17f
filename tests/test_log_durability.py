"""Durability: a writer killed mid-stream leaves a sound file with every acknowledged event;
two writers at once (a notebook and the CLI) lose nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from netanalytics.workspace import open_workspace

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from netanalytics.outreach.log import log_event
    from netanalytics.workspace import open_workspace

    folder, person, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    ws = open_workspace(folder, create=False)
    while go != "-" and not Path(go).exists():
        time.sleep(0.005)
    for i in range(count):
        event = log_event(ws, person, "followed_up", at=f"2026-03-01 09:{i % 60:02d}",
                          notes=f"{person} note {i} " + "x" * 200)
        print(event.event_id, flush=True)   # acknowledged: printed only after the commit
    """
)


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "ws"
    with open_workspace(path) as ws:
        for pid in ("p_a", "p_b"):
            ws.conn.execute(
                "INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES (?, ?, '', '')",
                (pid, f"Person {pid}"),
            )
    return path


def start_writer(folder, person, count, go="-", stderr=subprocess.PIPE):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), person, str(count), str(go)],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def check(folder):
    with open_workspace(folder, create=False) as ws:
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        events = {r[0] for r in ws.conn.execute("SELECT event_id FROM outreach_events")}
        actions = {r[0] for r in ws.conn.execute("SELECT event_id FROM outreach_actions WHERE kind = 'add'")}
        # every event came with its journal entry: nothing half-written
        assert events == actions
        return events


@pytest.mark.parametrize("kill_after", [1, 25, 60])
def test_killed_writer_leaves_every_acknowledged_event(folder, tmp_path, kill_after):
    errors = (tmp_path / "stderr.txt").open("w")
    proc = start_writer(folder, "p_a", 100_000, stderr=errors)
    acknowledged = []
    try:
        while len(acknowledged) < kill_after:
            line = proc.stdout.readline()
            assert line, (tmp_path / "stderr.txt").read_text()
            acknowledged.append(int(line))
    finally:
        proc.send_signal(signal.SIGKILL)
        rest = proc.stdout.read()  # what was already in the pipe (and in our buffer)
        proc.wait(timeout=30)
        errors.close()
    assert proc.returncode == -signal.SIGKILL
    # lines already in the pipe were acknowledged too
    acknowledged += [int(x) for x in rest.split()]
    present = check(folder)
    assert set(acknowledged) <= present
    # at most the one event in flight was committed without being acknowledged
    assert len(present) - len(acknowledged) <= 1
    # and the workspace is still writable afterwards
    from netanalytics.outreach.log import log_event

    with open_workspace(folder, create=False) as ws:
        log_event(ws, "p_a", "identified")


def test_two_writers_at_once_lose_nothing(folder, tmp_path):
    go = tmp_path / "go"
    count = 120
    procs = [start_writer(folder, pid, count, go) for pid in ("p_a", "p_b")]
    time.sleep(0.5)
    go.touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs.append([int(x) for x in out.split()])
    assert [len(o) for o in outputs] == [count, count]
    acknowledged = set(outputs[0]) | set(outputs[1])
    assert len(acknowledged) == 2 * count  # no id handed out twice
    assert check(folder) == acknowledged
    with open_workspace(folder, create=False) as ws:
        per_person = dict(ws.conn.execute("SELECT person_id, count(*) FROM outreach_events GROUP BY person_id").fetchall())
    assert per_person == {"p_a": count, "p_b": count}
