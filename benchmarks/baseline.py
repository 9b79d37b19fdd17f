"""Run the library of an earlier commit in a child process: the "before" of a speed figure.

Benchmarks print ratios against a baseline measured in the same run, on the same rows, so a
slow or busy machine changes both sides alike. :func:`run_at_commit` extracts ``netanalytics/``
of a commit with ``git archive`` into a temporary folder and runs ``child_code`` there with
``sys.argv[1]`` the folder (put first on ``sys.path`` by the caller's code) and ``sys.argv[2]``
a JSON file holding ``payload``; the child prints one JSON value, which is returned.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_at_commit(commit: str, child_code: str, payload: Any) -> Any | None:
    """The JSON answer of ``child_code`` run against ``netanalytics`` at ``commit``, or None
    (and a line saying why) when the commit is not there (no git, a copy without history) or
    the child fails."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "baseline.tar"
        made = subprocess.run(["git", "archive", "-o", str(archive), commit, "netanalytics"],
                              cwd=ROOT, capture_output=True)
        if made.returncode != 0:
            print(f"  (baseline commit {commit[:10]} not available: {made.stderr.decode().strip()[:80]})")
            return None
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        data = Path(tmp) / "payload.json"
        data.write_text(json.dumps(payload), encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", child_code, tmp, str(data)],
                              capture_output=True, text=True, cwd=tmp)
        if done.returncode != 0:
            print(f"  (baseline run failed: {done.stderr.strip()[-200:]})")
            return None
        return json.loads(done.stdout.strip().splitlines()[-1])
