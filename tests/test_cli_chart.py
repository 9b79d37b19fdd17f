"""`netanalytics chart` and `netanalytics sample-log`, run in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from chart_fixtures import network_workspace

from netanalytics.cli import build_parser, main
from netanalytics.workspace import open_workspace

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def ws_dir(tmp_path: Path) -> str:
    folder = tmp_path / "ws"
    with open_workspace(folder) as ws:
        network_workspace(ws)
    return str(folder)


def test_sample_log_then_every_chart(ws_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--workspace", ws_dir, "sample-log", "--seed", "3", "--today", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert "made-up outreach events" in out and "seed 3" in out
    for kind in ("timeline", "on-time", "funnel", "response", "activity"):
        target = tmp_path / f"{kind}.png"
        assert main(["--workspace", ws_dir, "chart", kind, "--out", str(target), "--today", "2026-11-20"]) == 0
        assert target.read_bytes().startswith(PNG_MAGIC)
    assert main(["--workspace", ws_dir, "chart", "ALL", "--out", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").glob("*.png"))) == 5
    assert capsys.readouterr().out.count("wrote ") == 10


def test_sample_log_twice_is_refused(ws_dir: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["--workspace", ws_dir, "sample-log", "--today", "2026-11-20"]) == 0
    capsys.readouterr()
    assert main(["--workspace", ws_dir, "sample-log"]) == 2
    err = capsys.readouterr().err
    assert "already holds" in err and "Traceback" not in err


@pytest.mark.parametrize(("args", "message"), [
    (["chart", "pie", "--out", "{tmp}/x.png"], "KIND: expected one of timeline, on-time, funnel"),
    (["chart", "funnel", "--out", "{tmp}/missing/x.png"], "does not exist"),
    (["chart", "funnel", "--out", "{tmp}/x.gif"], "ending in .png, .svg, .pdf"),
    (["chart", "funnel", "--out", "{tmp}/x.png", "--today", "soon"], "--today: expected a date"),
    (["sample-log", "--months", "0"], "months"),
])
def test_bad_input_exits_2_with_a_message(ws_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture,
                                          args: list[str], message: str) -> None:
    argv = ["--workspace", ws_dir, *[a.replace("{tmp}", str(tmp_path)) for a in args]]
    try:
        code = main(argv)
    except SystemExit as exc:  # a usage error found by argparse (e.g. --months out of range)
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_missing_workspace_and_missing_out(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--workspace", str(tmp_path / "none"), "chart", "funnel", "--out", str(tmp_path / "x.png")]) == 2
    assert "No workspace" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["chart", "funnel"])
    assert exc.value.code == 2
    assert not (tmp_path / "none").exists()


def test_commands_have_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in ("chart", "sample-log"):
        assert sub.choices[name].description
        assert "timeline" in sub.choices["chart"].format_help()
