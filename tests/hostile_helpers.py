"""Shared helpers for the hostile-input tests: run the CLI, fingerprint a workspace."""

from __future__ import annotations

import contextlib
import hashlib
import io
import sqlite3
from pathlib import Path

from netanalytics.cli import main
from netanalytics.config import WORKSPACE_FILENAME


def cli(*argv: str) -> tuple[int, str, str]:
    """Run ``netanalytics argv`` in-process: (exit code, stdout, stderr); usage errors included."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def fingerprint(folder: str | Path) -> str:
    """A hash of everything the workspace in ``folder`` holds (its SQL dump), or 'absent'."""
    path = Path(folder) / WORKSPACE_FILENAME
    if not path.exists():
        return "absent"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode())
        return digest.hexdigest()
    finally:
        conn.close()


def refused(code: int, err: str, *words: str) -> bool:
    """Exit 2, one message on stderr naming every word, no traceback."""
    return code == 2 and all(w.lower() in err.lower() for w in words) and "Traceback" not in err
