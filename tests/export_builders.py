"""Build small ParsedExport objects by hand, for the identity/import/query/CLI tests."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from netanalytics.ingest.records import (
    CONNECTION_COLUMNS,
    EDUCATION_COLUMNS,
    INTERACTION_COLUMNS,
    POSITION_COLUMNS,
    ParsedExport,
    SkippedRows,
    empty_frame,
)


def person(first: str, last: str, *, url: str | None = None, company: str | None = None,
           position: str | None = None, email: str | None = None, connected: date | None = None,
           full: str | None = None, **extra: Any) -> dict[str, Any]:
    """One connections row (the canonical columns, None where not given)."""
    row = {c: None for c in CONNECTION_COLUMNS}
    row.update(first_name=first, last_name=last, full_name=full or f"{first} {last}".strip(),
               profile_url=url, company=company, position=position, email=email,
               connected_on=connected or date(2024, 1, 2))
    row.update(extra)
    return row


def frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """Rows as an all-object frame with exactly ``columns``."""
    if not rows:
        return empty_frame(columns)
    data = [{c: r.get(c) for c in columns} for r in rows]
    return pd.DataFrame(data, columns=columns, dtype=object)


def export(rows: list[dict[str, Any]], *, kind: str = "connections_csv", name: str = "Connections.csv",
           profile: dict[str, Any] | None = None, positions: list[dict[str, Any]] | None = None,
           education: list[dict[str, Any]] | None = None,
           interactions: list[dict[str, Any]] | None = None,
           skipped: list[SkippedRows] | None = None, content: str | None = None) -> ParsedExport:
    """A ParsedExport; its content hash derives from the rows unless ``content`` is given."""
    for i, r in enumerate(rows):
        if r.get("line") is None:
            r["line"] = i + 5
    inter = [{c: 0 if c.endswith(("_sent", "_received", "_given")) else None
              for c in INTERACTION_COLUMNS} | r for r in (interactions or [])]
    digest = hashlib.sha256(repr((content, rows, profile, positions, education, inter)).encode()).hexdigest()
    return ParsedExport(
        kind=kind,
        path=Path(name),
        content_hash=digest,
        connections=frame(rows, CONNECTION_COLUMNS),
        profile=profile,
        positions=frame(positions or [], POSITION_COLUMNS),
        education=frame(education or [], EDUCATION_COLUMNS),
        interactions=frame(inter, INTERACTION_COLUMNS),
        skipped=skipped or [],
    )


def count(ws, table: str) -> int:
    """Rows in a workspace table."""
    return ws.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
