"""The one module that knows where things live.

>>> from netanalytics.config import workspace_dir
>>> workspace_dir("/tmp/ws").name
'ws'
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "DATA_DIR",
    "PACKAGE_DIR",
    "REPO_DIR",
    "SAMPLE_DIR",
    "WORKSPACE_ENV",
    "WORKSPACE_FILENAME",
    "default_workspace_dir",
    "workspace_dir",
]

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
DATA_DIR = REPO_DIR / "data"
SAMPLE_DIR = DATA_DIR / "sample"
WORKSPACE_ENV = "NETANALYTICS_WORKSPACE"
WORKSPACE_FILENAME = "netanalytics.sqlite"


def default_workspace_dir() -> Path:
    """``$NETANALYTICS_WORKSPACE`` if set, else ``data/workspace/`` in the repository."""
    env = os.environ.get(WORKSPACE_ENV)
    return Path(env).expanduser() if env else DATA_DIR / "workspace"


def workspace_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The workspace folder to use: ``path`` when given, else the default."""
    return Path(path).expanduser() if path is not None else default_workspace_dir()
