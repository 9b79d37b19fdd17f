"""A tiny synthetic network for the widget tests, with untrusted strings in it.

Me, two friends who shared their lists (Maya, Omar), a direct connection (Helena), and
people in fintech reachable through them — one named like an XSS probe, one whose name
carries a mathtext '$', one whose company is a script tag — plus a few logged events.
"""

from __future__ import annotations

from netanalytics.workspace import Workspace

XSS = "<img src=x onerror=alert(1)>"
SCRIPT_COMPANY = '<script>alert("co")</script>'

PEOPLE = [
    ("p_me", "Avery Example", "Harborview Health", "Operations Analyst", 1),
    ("p_maya", "Maya Chen", "Bank of America", "Relationship Manager", 0),
    ("p_omar", "Omar Haddad", "Quillstack Software", "Software Engineer", 0),
    ("p_hel", "Helena Marsh", "Plaid", "Director of Product", 0),
    ("p_ada", "Ada Lovelace", "Brex", "Product Manager", 0),
    ("p_xss", XSS, "Stripe", "Product Manager", 0),
    ("p_dollar", "Pay $5$ Now", "Adyen", "Senior Product Manager", 0),
    ("p_lin", "Lin Dang", "Stripe", "Associate Product Manager", 0),
    ("p_bob", "Bob Stone", SCRIPT_COMPANY, "Nurse", 0),
]
MY_TIES = [
    ("p_maya", "close-friend", 30, 28, "2026-02-20"),
    ("p_omar", "friend", 8, 6, "2026-01-15"),
    ("p_hel", None, 2, 1, "2025-11-01"),
]
FRIEND_TIES = [
    ("p_maya", "p_ada"),
    ("p_maya", "p_xss"),
    ("p_maya", "p_dollar"),
    ("p_omar", "p_lin"),
    ("p_omar", "p_bob"),
    ("p_omar", "p_ada"),
]
EVENTS = [
    ("p_ada", "intro_requested", "2026-02-20T10:00:00", "p_maya"),
    ("p_ada", "interviewed", "2026-03-02T15:00:00", "p_maya"),
    ("p_lin", "intro_requested", "2026-03-01T09:00:00", "p_omar"),
]


def build(ws: Workspace, *, events: bool = True) -> Workspace:
    """Fill an empty workspace with the network above."""
    with ws.transaction() as conn:
        for pid, name, company, position, is_me in PEOPLE:
            conn.execute(
                "INSERT INTO people(person_id, full_name, company, position, is_me, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, '', '')",
                (pid, name, company, position, is_me),
            )
        for pid, relationship, sent, received, last in MY_TIES:
            conn.execute(
                "INSERT INTO ties(owner_id, person_id, relationship, messages_sent,"
                " messages_received, last_message_at, connected_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ("p_me", pid, relationship, sent, received, last, "2022-05-01"),
            )
        for source_id, owner in ((1, "p_maya"), (2, "p_omar")):
            conn.execute(
                "INSERT INTO sources(source_id, kind, owner_person_id, path, content_hash,"
                " relationship, imported_at) VALUES (?, 'connections_csv', ?, ?, ?, NULL, '')",
                (source_id, owner, f"{owner}_Connections.csv", f"hash{source_id}"),
            )
        for owner, pid in FRIEND_TIES:
            conn.execute(
                "INSERT INTO ties(owner_id, person_id, connected_on) VALUES (?, ?, ?)",
                (owner, pid, "2021-03-01"),
            )
        if events:
            for pid, stage, at, via in EVENTS:
                conn.execute(
                    "INSERT INTO outreach_events(person_id, stage, at, via_person_id, created_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (pid, stage, at, via, at),
                )
    return ws
