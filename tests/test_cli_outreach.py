"""The outreach commands, run in-process: happy paths, JSON shapes, bad input exits 2."""

from __future__ import annotations

import json

import pytest
from icalendar import Calendar

from netanalytics.cli import build_parser, main
from netanalytics.workspace import open_workspace

COMMANDS = ["log", "edit", "delete", "undo", "history", "pipeline", "due", "snooze", "keep-in-touch",
            "calendar", "draft", "prep", "export-log", "import-log"]


@pytest.fixture
def wsdir(tmp_path):
    folder = tmp_path / "ws"
    with open_workspace(folder) as ws:
        for pid, name, loc, is_me in [("p_me", "Sam Seeker", "Boston", 1), ("p_ada", "Ada Lovelace", "Boston", 0),
                                      ("p_bob", "Bob Friend", "Boston", 0), ("p_c1", "Chris Lee", None, 0),
                                      ("p_c2", "Chris Lee", None, 0)]:
            ws.conn.execute(
                "INSERT INTO people(person_id, full_name, company, location, is_me, created_at, updated_at)"
                " VALUES (?, ?, 'Acme', ?, ?, '', '')",
                (pid, name, loc, is_me),
            )
        ws.conn.execute("INSERT INTO my_profile(key, value) VALUES ('location', 'Boston')")
    return str(folder)


def run(wsdir, *argv):
    return main(["--workspace", wsdir, *argv])


def out_json(capsys):
    return json.loads(capsys.readouterr().out)


def test_every_command_has_help(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    helps = {c.dest: c.help for c in sub._choices_actions}
    for name in COMMANDS:
        assert helps.get(name), f"{name} has no help"
        with pytest.raises(SystemExit) as info:
            main([name, "--help"])
        assert info.value.code == 0
        assert "usage: netanalytics" in capsys.readouterr().out


def test_log_history_pipeline_json(wsdir, capsys):
    assert run(wsdir, "log", "Ada Lovelace", "intro requested", "--at", "2026-03-01 09:00",
               "--via", "Bob Friend", "--channel", "LinkedIn message", "--notes", "asked Bob") == 0
    assert "Logged intro requested for Ada Lovelace on Sun 1 Mar 2026 09:00 via Bob Friend (event 1)." in capsys.readouterr().out
    assert run(wsdir, "log", "p_ada", "interviewed", "--at", "2026-03-10 15:00", "--next-step", "thank") == 0
    capsys.readouterr()
    assert run(wsdir, "history", "Ada Lovelace", "--format", "json") == 0
    rows = out_json(capsys)
    assert [r["stage"] for r in rows] == ["intro_requested", "interviewed"]
    assert rows[0]["at"] == "2026-03-01T09:00" and rows[0]["channel"] == "linkedin"
    assert rows[0]["via"] == "Bob Friend" and rows[0]["notes"] == "asked Bob"
    assert run(wsdir, "pipeline", "--format", "json") == 0
    [row] = out_json(capsys)
    assert (row["person_id"], row["stage"], row["next_step"]) == ("p_ada", "interviewed", "thank")
    assert run(wsdir, "history", "p_ada") == 0
    assert "intro requested" in capsys.readouterr().out


def test_due_json_and_today(wsdir, capsys):
    run(wsdir, "log", "p_ada", "interviewed", "--at", "2026-03-10 15:00")
    run(wsdir, "log", "p_bob", "outreach_sent", "--at", "2026-03-01 09:00")
    capsys.readouterr()
    assert run(wsdir, "due", "--today", "2026-03-11", "--format", "json") == 0
    rows = out_json(capsys)
    assert [(r["kind"], r["name"]) for r in rows] == [("nudge", "Bob Friend"), ("thank_you", "Ada Lovelace")]
    first = rows[0]
    assert first["due"] == "2026-03-08" and first["overdue"] is True and first["person_id"] == "p_bob"
    assert "polite nudge" in first["reason"]
    assert run(wsdir, "due", "--today", "2026-03-05", "--format", "json") == 0
    assert out_json(capsys) == []
    assert run(wsdir, "due", "--today", "2026-03-05", "--within", "3", "--format", "json") == 0
    assert len(out_json(capsys)) == 1
    assert run(wsdir, "due", "--today", "2026-03-05", "--all", "--format", "csv") == 0
    assert capsys.readouterr().out.startswith("due,overdue,kind,name,reason,person_id")


def test_edit_delete_undo(wsdir, capsys):
    run(wsdir, "log", "p_ada", "outreach_sent", "--at", "2026-03-01")
    assert run(wsdir, "edit", "1", "--notes", "=HYPERLINK(x)", "--channel", "email") == 0
    assert "(event 2)" in capsys.readouterr().out
    assert run(wsdir, "delete", "2") == 0
    assert "undo` brings it back" in capsys.readouterr().out
    assert run(wsdir, "history", "p_ada", "--format", "json") == 0
    assert out_json(capsys) == []
    assert run(wsdir, "undo") == 0
    assert "Undid: deleted outreach sent" in capsys.readouterr().out
    assert run(wsdir, "history", "p_ada", "--format", "csv") == 0
    assert "'=HYPERLINK(x)" in capsys.readouterr().out  # CSV output is formula-safe too


def test_referral_through_the_cli(wsdir, capsys):
    assert run(wsdir, "log", "p_ada", "referral_given", "--at", "2026-03-01 12:00", "--referral-name", "Grace Hopper",
               "--referral-company", "Navy", "--referral-url", "https://linkedin.com/in/grace") == 0
    assert "Grace Hopper is now in your network" in capsys.readouterr().out
    assert run(wsdir, "due", "--today", "2026-03-05", "--format", "json") == 0
    [row] = out_json(capsys)
    assert (row["kind"], row["name"]) == ("referral", "Grace Hopper")


def test_snooze_keep_in_touch_calendar(wsdir, tmp_path, capsys):
    run(wsdir, "log", "p_ada", "interviewed", "--at", "2026-01-01 10:00")
    run(wsdir, "log", "p_ada", "thank_you_sent", "--at", "2026-01-01 18:00")
    assert run(wsdir, "keep-in-touch", "Ada Lovelace", "--tier", "close") == 0
    assert "every 30 days" in capsys.readouterr().out
    assert run(wsdir, "snooze", "Ada Lovelace", "--until", "2026-02-10") == 0
    assert "held until 2026-02-10" in capsys.readouterr().out
    assert run(wsdir, "due", "--today", "2026-02-05", "--format", "json") == 0
    assert out_json(capsys) == []
    ics = tmp_path / "f.ics"
    assert run(wsdir, "calendar", "--out", str(ics), "--today", "2026-02-05", "--days", "10") == 0
    assert "Wrote 1 follow-ups" in capsys.readouterr().out
    [event] = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Keep in touch: Ada Lovelace"
    assert run(wsdir, "snooze", "Ada Lovelace", "--clear") == 0


def test_draft_prep_export_import(wsdir, tmp_path, capsys):
    assert run(wsdir, "draft", "Ada Lovelace", "--kind", "direct") == 0
    assert "coffee" in capsys.readouterr().out
    out = tmp_path / "prep.md"
    assert run(wsdir, "prep", "p_ada", "--out", str(out)) == 0
    assert out.read_text().startswith("# Prep: Ada Lovelace")
    run(wsdir, "log", "p_ada", "outreach_sent", "--at", "2026-03-01", "--notes", "-5 and =1+1")
    csv_path = tmp_path / "log.csv"
    assert run(wsdir, "export-log", "--out", str(csv_path)) == 0
    assert "Exported 1 events" in capsys.readouterr().out
    assert run(wsdir, "import-log", str(csv_path)) == 0
    assert "Imported 0 events (1 already in the log were skipped" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["log", "Ada Lovelace", "waved"], "expected one of identified"),
        (["log", "Ada Lovelace", "identified", "--at", "soon"], "expected a date and time"),
        (["log", "Ada Lovelace", "identified", "--channel", "fax"], "channel"),
        (["log", "Nobody Here", "identified"], "No person named 'Nobody Here'"),
        (["log", "Chris Lee", "identified"], "matches 2 people: p_c1 Chris Lee"),
        (["log", "p_ada", "identified", "--referral-company", "X"], "--referral-name"),
        (["edit", "7", "--notes", "x"], "No event 7"),
        (["edit", "1"], "at least one option"),
        (["edit", "one"], "an event id"),
        (["delete", "99"], "No event 99"),
        (["undo"], "nothing to undo"),
        (["due", "--today", "31/12/2026"], "a date like 2026-03-02"),
        (["snooze", "p_ada"], "either --until DATE or --clear"),
        (["keep-in-touch", "p_ada", "--tier", "bestie"], "tier"),
        (["keep-in-touch", "p_ada", "--every", "0"], "from 1 to 3,660"),
        (["draft", "p_ada", "--kind", "poem"], "invalid choice"),
        (["draft", "p_bob", "--kind", "intro-request"], "No intermediary known"),
        (["import-log", "/nonexistent/log.csv"], "nothing at that path"),
        (["calendar", "--out", "x.ics", "--days", "-1"], "--days"),
        (["history"], "required: PERSON"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(wsdir, capsys, argv, message):
    try:
        code = run(wsdir, *argv)
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_missing_workspace_is_exit_2(tmp_path, capsys):
    assert main(["--workspace", str(tmp_path / "none"), "pipeline"]) == 2
    assert "No workspace" in capsys.readouterr().err


def test_the_logs_commands_start_without_pandas(wsdir):
    """`log`, `due`, `history`, `pipeline`, `edit`, `undo` never import pandas (they answer in
    a tenth of a second instead of one to three)."""
    import subprocess
    import sys

    script = ("import sys; from netanalytics.cli import main; code = main(sys.argv[1:]);"
              " assert 'pandas' not in sys.modules and 'numpy' not in sys.modules, sorted(sys.modules);"
              " sys.exit(code)")
    for argv in (["log", "Ada Lovelace", "interviewed", "--at", "2026-03-01 10:00"], ["due", "--today", "2026-03-05"],
                 ["history", "Ada Lovelace"], ["pipeline"], ["edit", "1", "--notes", "x"], ["undo"]):
        done = subprocess.run([sys.executable, "-c", script, "--workspace", wsdir, *argv],
                              capture_output=True, text=True)
        assert done.returncode == 0, (argv, done.stderr[-2000:])


def test_due_speaks_in_sentences_and_tables_fit_100_columns(wsdir, capsys):
    assert run(wsdir, "log", "Ada Lovelace", "interviewed", "--at", "2026-03-01 10:00",
               "--notes", "a long note " * 20) == 0
    capsys.readouterr()
    assert run(wsdir, "due", "--today", "2026-03-05") == 0
    text = capsys.readouterr().out
    assert text.startswith("1 follow-up due by Thu 5 Mar 2026, 1 overdue:")
    assert "- Overdue 3 days (Mon 2 Mar 2026): You met Ada Lovelace on 2026-03-01" in text
    assert run(wsdir, "history", "Ada Lovelace") == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(map(len, lines)) <= 100 and "…" not in "\n".join(lines)
    assert "Sun 1 Mar 2026 10:00" in lines[2] and "interviewed" in lines[2]
    assert sum("a long note" in line for line in lines) > 1  # wrapped, not cut
