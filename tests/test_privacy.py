"""Nothing leaves the machine: import, listing, ranking and the outreach pipeline run with
every socket blocked (pytest-socket), end to end through the CLI."""

from __future__ import annotations

import json
import socket

import pytest
from pytest_socket import SocketBlockedError

from netanalytics.cli import main


def _run(capsys, *argv: str) -> str:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_guard_really_blocks_sockets(socket_disabled):
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_whole_pipeline_runs_offline(socket_disabled, tmp_path, sample_dir, capsys):
    ws = str(tmp_path / "ws")
    archive = sample_dir / "me" / "Basic_LinkedInDataExport_11-20-2026"
    friend = next((sample_dir / "friends").glob("dana*_Connections.csv"))

    out = _run(capsys, "--workspace", ws, "import", str(archive))
    assert "people added" in out
    _run(
        capsys,
        "--workspace",
        ws,
        "import",
        str(friend),
        "--owner",
        "Dana Whitfield",
        "--relationship",
        "close-friend",
    )
    _run(
        capsys,
        "--workspace",
        ws,
        "import",
        str(sample_dir / "family.vcf"),
        "--relationship",
        "family",
    )

    people = json.loads(_run(capsys, "--workspace", ws, "people", "--format", "json"))
    assert len(people) > 1000
    assert sum(p["is_me"] for p in people) == 1

    ranked = json.loads(
        _run(
            capsys,
            "--workspace",
            ws,
            "rank",
            "--industry",
            "fintech",
            "--title",
            "product manager",
            "--top",
            "5",
            "--format",
            "json",
        )
    )
    assert ranked and all(row["why"] for row in ranked)

    target = ranked[0]["person_id"]
    _run(capsys, "--workspace", ws, "log", target, "outreach_sent", "--at", "2026-11-01 10:00")
    due = json.loads(
        _run(capsys, "--workspace", ws, "due", "--today", "2026-11-20", "--format", "json")
    )
    assert any(item["person_id"] == target and item["kind"] == "nudge" for item in due)
    _run(
        capsys,
        "--workspace",
        ws,
        "calendar",
        "--out",
        str(tmp_path / "f.ics"),
        "--today",
        "2026-11-20",
    )
    assert (tmp_path / "f.ics").read_text().startswith("BEGIN:VCALENDAR")
