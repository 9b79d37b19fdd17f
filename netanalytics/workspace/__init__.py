"""Workspace: the SQLite file that holds people, ties, sources, my profile and the outreach log."""

from netanalytics.workspace.db import SCHEMA_VERSION, Workspace, open_workspace

__all__ = ["SCHEMA_VERSION", "Workspace", "open_workspace"]
