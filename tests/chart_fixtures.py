"""Small synthetic outreach logs and workspaces for the chart and sample-log tests."""

from __future__ import annotations

import pandas as pd

from netanalytics.workspace import Workspace


def events(rows: list[tuple]) -> pd.DataFrame:
    """An events frame from (person_id, name, stage, at[, via_person_id, via_name]) tuples."""
    records = []
    for i, row in enumerate(rows, start=1):
        pid, name, stage, at, *rest = row
        via_id, via_name = (rest + [None, None])[:2]
        records.append({"event_id": i, "person_id": pid, "name": name, "company": None,
                        "stage": stage, "at": pd.Timestamp(at), "channel": None,
                        "via_person_id": via_id, "via_name": via_name})
    frame = pd.DataFrame(records, columns=["event_id", "person_id", "name", "company", "stage",
                                           "at", "channel", "via_person_id", "via_name"],
                         dtype=object)
    frame["event_id"] = frame["event_id"].astype("int64")
    frame["at"] = pd.to_datetime(frame["at"])
    return frame


def small_log() -> pd.DataFrame:
    """Three contacts: one met and thanked, one silent after a nudge, one declined via Fay."""
    return events([
        ("ada", "Ada Park", "identified", "2026-03-01 09:00"),
        ("ada", "Ada Park", "outreach_sent", "2026-03-02 10:00"),
        ("ada", "Ada Park", "scheduled", "2026-03-04 10:00"),
        ("ada", "Ada Park", "interviewed", "2026-03-10 15:00"),
        ("ada", "Ada Park", "card_exchanged", "2026-03-10 15:30"),
        ("ada", "Ada Park", "thank_you_sent", "2026-03-10 20:00"),
        ("bo", "Bo Chen", "intro_requested", "2026-03-03 09:00", "fay", "Fay Lin"),
        ("bo", "Bo Chen", "followed_up", "2026-03-10 09:00", "fay", "Fay Lin"),
        ("bo", "Bo Chen", "no_response", "2026-03-18 09:00", "fay", "Fay Lin"),
        ("cy", "Cy Diaz", "intro_requested", "2026-03-05 09:00", "fay", "Fay Lin"),
        ("cy", "Cy Diaz", "declined", "2026-03-07 09:00", "fay", "Fay Lin"),
    ])


def add_person(ws: Workspace, pid: str, name: str, company: str | None = None,
               position: str | None = None, *, me: bool = False) -> str:
    ws.conn.execute(
        "INSERT INTO people(person_id, full_name, company, position, is_me, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, '', '')", (pid, name, company, position, int(me)))
    return pid


def network_workspace(ws: Workspace, *, friends: int = 3, per_friend: int = 12, direct: int = 12) -> Workspace:
    """Me, friends who shared their lists, their fintech/product contacts, my own contacts."""
    add_person(ws, "p_me", "Sample User", me=True)
    companies = ["Stripe", "Toast", "Harbor Foods", "Plaid"]
    titles = ["Product Manager", "Senior Product Manager", "Software Engineer", "Analyst"]
    n = 0
    for f in range(friends):
        fid = add_person(ws, f"p_f{f}", f"Friend Number{f}", "Acme", "Teacher")
        ws.conn.execute(
            "INSERT INTO sources(kind, owner_person_id, path, content_hash, imported_at)"
            " VALUES ('connections_csv', ?, 'x.csv', ?, '')", (fid, f"hash{f}"))
        ws.conn.execute("INSERT INTO ties(owner_id, person_id, relationship) VALUES ('p_me', ?, 'friend')", (fid,))
        for _ in range(per_friend):
            n += 1
            pid = add_person(ws, f"p_t{n:03d}", f"Target Person{n:03d}", companies[n % 4], titles[n % 4])
            ws.conn.execute("INSERT INTO ties(owner_id, person_id) VALUES (?, ?)", (fid, pid))
    for d in range(direct):
        pid = add_person(ws, f"p_d{d:03d}", f"Direct Contact{d:03d}", companies[d % 4], titles[(d + 1) % 4])
        ws.conn.execute("INSERT INTO ties(owner_id, person_id) VALUES ('p_me', ?)", (pid,))
    return ws
