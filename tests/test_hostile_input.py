"""Family 5 of issue 11: input accepted that should not be (and the reverse).

A blank person is refused at the library entry point; a free-text value may start with
'-'; every file the toolkit writes about people is private (0600) whatever the umask.
(``import <(cat file.csv)`` is in test_hostile_files.py; URL validation belongs to the
identity helper's tests.)
"""

from __future__ import annotations

import os
import stat

import pytest
from hostile_helpers import cli, fingerprint, refused

from netanalytics.outreach.log import history, log_event
from netanalytics.workspace import open_workspace


@pytest.fixture
def wsdir(tmp_path):
    folder = tmp_path / "ws"
    with open_workspace(folder) as ws:
        for pid, name, is_me in [("p_me", "Sam Seeker", 1), ("p_ada", "Ada Lovelace", 0), ("p_bob", "Bob Friend", 0)]:
            ws.conn.execute(
                "INSERT INTO people(person_id, full_name, company, is_me, created_at, updated_at)"
                " VALUES (?, ?, 'Acme', ?, '', '')",
                (pid, name, is_me),
            )
        ws.conn.execute(
            "INSERT INTO ties(owner_id, person_id) VALUES ('p_me', 'p_ada'), ('p_me', 'p_bob'), ('p_bob', 'p_ada')"
        )
        log_event(ws, "Ada Lovelace", "interviewed", at="2026-03-02 15:00", notes="met for coffee")
    return str(folder)


@pytest.mark.parametrize("person", ["", "   ", "\t"])
def test_log_with_a_blank_person_is_refused(wsdir, person):
    before = fingerprint(wsdir)
    code, _, err = cli("--workspace", wsdir, "log", person, "outreach_sent")
    assert refused(code, err, "person", "blank"), err
    assert fingerprint(wsdir) == before


@pytest.mark.parametrize(
    ("argv", "stored"),
    [
        (["--notes", "-1+2"], "-1+2"),
        (["--notes", "-- call back in May"], "-- call back in May"),
        (["--notes", "-great chat-"], "-great chat-"),
        (["--notes=-1+2"], "-1+2"),
        (["--next-step", "-send CV"], None),
        (["--notes", "-5", "--channel", "email"], "-5"),
    ],
)
def test_free_text_may_start_with_a_dash(wsdir, argv, stored):
    code, _, err = cli("--workspace", wsdir, "log", "Bob Friend", "outreach_sent", "--at", "2026-03-03 10:00", *argv)
    assert code == 0, err
    with open_workspace(wsdir) as ws:
        event = history(ws, "Bob Friend")[-1]
    assert event.notes == stored
    if "--next-step" in argv:
        assert event.next_step == "-send CV"


def test_an_option_after_a_text_option_is_still_an_option_and_the_error_says_how(wsdir):
    code, _, err = cli("--workspace", wsdir, "log", "Bob Friend", "outreach_sent", "--notes", "--channel", "email")
    assert code == 2
    assert "--notes=" in err


def test_the_help_says_text_may_start_with_a_dash(capsys):
    code, out, _ = cli("log", "--help")
    assert code == 0 and "may start with '-'" in out


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["draft", "Ada Lovelace", "--kind", "thank-you", "--out", "{d}/draft.txt"], "draft.txt"),
        (["prep", "Ada Lovelace", "--out", "{d}/prep.md"], "prep.md"),
        (["export-log", "--out", "{d}/log.csv"], "log.csv"),
        (["calendar", "--out", "{d}/f.ics", "--today", "2026-03-02"], "f.ics"),
        (["chart", "timeline", "--out", "{d}/t.png", "--today", "2026-03-10"], "t.png"),
        (["chart", "all", "--out", "{d}/charts", "--today", "2026-03-10"], "charts/funnel.png"),
        (["backup", "{d}/b.sqlite"], "b.sqlite"),
    ],
)
def test_every_file_written_about_people_is_private_whatever_the_umask(wsdir, tmp_path, argv, name):
    out = tmp_path / "out"
    out.mkdir()
    old = os.umask(0)
    try:
        code, _, err = cli("--workspace", wsdir, *[a.replace("{d}", str(out)) for a in argv])
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
    leftovers = [p.name for p in out.rglob(".*")]
    assert leftovers == []
