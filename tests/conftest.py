"""Shared fixtures. Keep them small and synthetic; area-specific fixtures live in their test modules."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from netanalytics.config import SAMPLE_DIR
from netanalytics.workspace import Workspace, open_workspace

settings.register_profile(
    "netanalytics", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# CI explores a fixed set of examples so a run is reproducible; local runs keep exploring.
settings.register_profile("ci", parent=settings.get_profile("netanalytics"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "netanalytics")


@pytest.fixture
def tmp_workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A fresh, empty workspace in a temporary folder."""
    ws = open_workspace(tmp_path / "workspace")
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The committed synthetic sample (data/sample/)."""
    return SAMPLE_DIR
