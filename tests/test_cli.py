"""The CLI shell: every command documented, exit codes, and the output formats."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys

import pytest

from netanalytics.cli import build_parser, main
from netanalytics.cli.output import emit


def _subcommands():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub


def test_every_command_and_option_has_help():
    sub = _subcommands()
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    assert len(sub.choices) >= 25
    for name, command in sub.choices.items():
        assert helps.get(name), f"{name} has no one-line help"
        assert command.description, f"{name} has no description"
        for action in command._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.dest} has no help"


def test_listing_commands_take_every_format():
    sub = _subcommands()
    for name in ("people", "sources", "rank", "intermediaries", "paths", "history", "pipeline", "due",
                 "hit-rates"):
        formats = next(a for a in sub.choices[name]._actions if a.dest == "format")
        assert set(formats.choices) == {"table", "json", "csv"}, name


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_unexpected_failure_exits_1_with_a_message_not_a_traceback(monkeypatch, capsys):
    import netanalytics.cli.data_commands as data

    def boom(args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(data, "_summary", boom)
    code = main(["--workspace", "/nonexistent-ws", "summary"])
    err = capsys.readouterr().err
    assert code == 1
    assert "unexpected error (RuntimeError: disk on fire)" in err and "Traceback" not in err


def test_python_dash_m_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "netanalytics", "--version"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and done.stdout.startswith("netanalytics ")


def test_emit_formats_and_neutralises_formulas_in_csv():
    rows = [{"name": "=HYPERLINK(\"x\")", "score": 0.5, "reasons": ["a", "b"]}]
    out = io.StringIO()
    emit(rows, "csv", out=out)
    assert out.getvalue().splitlines() == ["name,score,reasons", "\"'=HYPERLINK(\"\"x\"\")\",0.5,a; b"]
    out = io.StringIO()
    emit(rows, "json", out=out)
    assert json.loads(out.getvalue()) == rows
    out = io.StringIO()
    emit(rows, "table", out=out)
    header, rule, line = out.getvalue().splitlines()
    assert header.split() == ["name", "score", "reasons"] and set(rule) <= {"-", " "}
    assert "0.500" in line and "a; b" in line
    out = io.StringIO()
    emit([], "table", out=out)
    assert out.getvalue() == "(nothing to show)\n"
    with pytest.raises(ValueError, match="unknown format"):
        emit(rows, "xml", out=io.StringIO())


# ---------------------------------------------------------------- the installed script, as a process


def _script() -> str:
    """The ``netanalytics`` console script installed beside this Python (pip's entry point)."""
    import shutil
    from pathlib import Path

    found = shutil.which("netanalytics", path=str(Path(sys.executable).parent))
    assert found, "the netanalytics script is not installed (make install)"
    return found


def _run(*argv: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([_script(), *argv], capture_output=True, text=True, check=False, cwd=cwd, timeout=120)


def test_installed_script_reports_its_version_and_help():
    done = _run("--version")
    assert done.returncode == 0 and done.stdout.startswith("netanalytics ")
    done = _run("--help")
    assert done.returncode == 0 and "import" in done.stdout and "rank" in done.stdout


def test_installed_script_imports_lists_and_logs_like_a_user_would(tmp_path):
    from netanalytics.config import SAMPLE_DIR

    ws = str(tmp_path / "ws")
    connections = SAMPLE_DIR / "friends" / "dana-whitfield_Connections.csv"
    done = _run("--workspace", ws, "import", str(connections))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Imported dana-whitfield_Connections.csv")
    done = _run("--workspace", ws, "people", "--format", "json", "--limit", "3")
    assert done.returncode == 0, done.stderr
    people = json.loads(done.stdout)
    assert len(people) == 3 and {"person_id", "name", "hops"} <= set(people[0])
    someone = people[1]["person_id"]
    done = _run("--workspace", ws, "log", someone, "outreach_sent", "--at", "2026-03-02 10:00")
    assert done.returncode == 0 and done.stdout.startswith("Logged outreach sent")
    done = _run("--workspace", ws, "due", "--today", "2026-03-20", "--format", "json")
    assert done.returncode == 0 and [r["kind"] for r in json.loads(done.stdout)] == ["nudge"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "{csv}", "--owner", "Dana", "--owner-url", "javascript:alert(1)"],
         "--owner-url: expected a LinkedIn profile URL"),
        (["import", "{csv}", "--owner", " "], "The --owner name is blank"),
        (["log", "Nobody Here", "referral_given", "--referral-name", "Zed", "--referral-url", "javascript:alert(1)"],
         "--referral-url: expected a LinkedIn profile URL"),
        (["due", "--today", "soon"], "--today: expected a date like 2026-03-02, found 'soon'"),
    ],
)
def test_installed_script_says_bad_input_in_flags_exits_2_and_shows_no_traceback(tmp_path, argv, message):
    from netanalytics.config import SAMPLE_DIR

    ws = tmp_path / "ws"
    csv = SAMPLE_DIR / "friends" / "dana-whitfield_Connections.csv"
    assert _run("--workspace", str(ws), "import", str(csv)).returncode == 0
    before = (ws / "netanalytics.sqlite").read_bytes()
    done = _run("--workspace", str(ws), *[a.format(csv=csv) for a in argv])
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert (ws / "netanalytics.sqlite").read_bytes() == before  # nothing written
