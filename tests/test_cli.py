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
