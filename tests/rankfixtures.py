"""Small synthetic networks for the graph, scoring and ranking tests (rows inserted directly)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from netanalytics.graph import NetworkTables
from netanalytics.workspace import Workspace

ME = "p_me"


def add_people(ws: Workspace, people: Iterable[Mapping[str, Any]]) -> None:
    """Insert people: dicts with person_id, full_name and optional company/position/location/is_me."""
    with ws.transaction() as conn:
        for p in people:
            conn.execute(
                "INSERT INTO people(person_id, full_name, company, position, location, profile_url, is_me,"
                " merged_into, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')",
                (p["person_id"], p["full_name"], p.get("company"), p.get("position"), p.get("location"),
                 p.get("profile_url"), int(p.get("is_me", 0)), p.get("merged_into")),
            )


def add_ties(ws: Workspace, ties: Iterable[Mapping[str, Any]]) -> None:
    """Insert ties: dicts with owner_id, person_id and any other ties column."""
    with ws.transaction() as conn:
        for t in ties:
            cols = list(t)
            conn.execute(f"INSERT INTO ties({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                         [t[c] for c in cols])


def add_events(ws: Workspace, events: Iterable[Mapping[str, Any]]) -> None:
    """Insert outreach events: dicts with person_id, stage, at and optional via_person_id,
    referral_person_id."""
    with ws.transaction() as conn:
        for e in events:
            conn.execute(
                "INSERT INTO outreach_events(person_id, stage, at, via_person_id, referral_person_id, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (e["person_id"], e["stage"], e["at"], e.get("via_person_id"), e.get("referral_person_id"), e["at"]),
            )


def person(pid: str, name: str, company: str | None = None, position: str | None = None,
           location: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"person_id": pid, "full_name": name, "company": company, "position": position,
            "location": location, **extra}


def me(name: str = "Avery Example", **extra: Any) -> dict[str, Any]:
    return person(ME, name, is_me=1, **extra)


def tables(people: list[dict[str, Any]], ties: list[tuple[str, str]] | list[dict[str, Any]],
           **kwargs: Any) -> NetworkTables:
    """NetworkTables straight from lists (no workspace)."""
    rows = [t if isinstance(t, dict) else {"owner_id": t[0], "person_id": t[1]} for t in ties]
    return NetworkTables.from_frames(pd.DataFrame(people), pd.DataFrame(rows, columns=None), ME, **kwargs)
