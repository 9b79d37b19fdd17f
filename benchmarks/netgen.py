"""Generated networks for the ranking benchmarks: "me", my connections, friends' shared lists.

Deterministic (seeded numpy). People draw from a universe with a skewed popularity so that
lists overlap; companies carry industry words ("… Payments", "… Health"), titles come
from a short list with product managers among them. All synthetic.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["Network", "generate", "write_workspace"]

_WORDS = ["Blue", "Harbor", "Key", "Pine", "River", "Stone", "North", "Summit", "Cedar", "Iron", "Maple",
          "Bright", "Oak", "Silver", "Falcon", "Copper", "Lumen", "Tandem", "Arbor", "Willow"]
# Forty company kinds (two of them fintech) and forty titles (two product-manager titles),
# so a "fintech or product manager" target matches about a tenth of the people.
_SUFFIXES = ["Payments", "Pay", "Health", "Clinic", "Consulting Group", "Software", "Labs", "Bank", "Insurance",
             "Therapeutics", "Media", "Games", "Solar", "Realty", "Logistics", "Learning", "Foundation",
             "Manufacturing", "Energy", "Hotels", "Motors", "Security", "Analytics", "Law LLP", "Ventures",
             "Foods", "Stores", "Airlines", "Construction", "Pharma", "Studios", "Press", "Academy", "Partners",
             "Telecom", "Robotics", "Farms", "Realty Group", "Outfitters", "Staffing"]
_TITLES = ["Product Manager", "Senior Product Manager", "Software Engineer", "Data Analyst", "Account Executive",
           "Designer", "Operations Manager", "Consultant", "Nurse", "Recruiter", "Marketing Manager", "Teacher",
           "Analyst", "Engineering Manager", "Associate", "Accountant", "Attorney", "Paralegal", "Sales Director",
           "Chef", "Architect", "Civil Engineer", "Pharmacist", "Researcher", "Editor", "Journalist",
           "Buyer", "Store Manager", "Underwriter", "Actuary", "Teacher Assistant", "Professor", "Controller",
           "Logistics Coordinator", "HR Generalist", "Customer Success Manager", "UX Researcher",
           "Data Scientist", "Project Manager", "Office Manager"]
_CITIES = ["Boston, Massachusetts", "New York, New York", "Chicago, Illinois", "San Francisco, California",
           "Austin, Texas", "Seattle, Washington"]
_LABELS = [None, None, None, "acquaintance", "colleague", "friend", "close-friend", "family"]


@dataclass
class Network:
    people: pd.DataFrame  # person_id, full_name, company, position, location
    ties: pd.DataFrame  # owner_id, person_id, connected_on, relationship, messages_*, last_message_at
    me_id: str


def generate(n_mine: int = 3000, n_friends: int = 50, list_size: int = 1500, *, universe: int | None = None,
             seed: int = 7) -> Network:
    """A network: me with ``n_mine`` connections, ``n_friends`` of whom share lists of ``list_size``."""
    rng = np.random.default_rng(seed)
    total = n_mine + n_friends * list_size
    universe = universe or max(n_mine + 10, int(total * 0.55))
    ids = np.array([f"p_{i:07d}" for i in range(universe + 1)], dtype=object)
    ids[0] = "p_me"
    companies = np.array([f"{a} {b}" for a in _WORDS for b in _SUFFIXES], dtype=object)
    people = pd.DataFrame({
        "person_id": ids,
        "full_name": ["Me Example"] + [f"Person {i}" for i in range(1, universe + 1)],
        "company": companies[rng.integers(0, len(companies), universe + 1)],
        "position": np.array(_TITLES, dtype=object)[rng.integers(0, len(_TITLES), universe + 1)],
        "location": np.where(rng.random(universe + 1) < 0.3,
                             np.array(_CITIES, dtype=object)[rng.integers(0, len(_CITIES), universe + 1)], None),
    })
    # Skewed popularity: some people appear in many lists.
    weights = 1.0 / np.arange(1, universe + 1) ** 0.35
    weights /= weights.sum()
    mine = rng.choice(np.arange(1, universe + 1), size=n_mine, replace=False, p=weights)
    friends = mine[:n_friends]
    owners = [np.zeros(n_mine, dtype=np.int64)]
    persons = [mine]
    for f in friends:
        # A fifth of a friend's list are my connections too (mutual connections).
        k_mut = min(list_size // 5, n_mine - 1)
        mut = rng.choice(mine, size=k_mut, replace=False)
        rest = rng.choice(np.arange(1, universe + 1), size=list_size - k_mut, replace=False, p=weights)
        lst = np.unique(np.concatenate([mut, rest]))
        lst = lst[lst != f][:list_size]
        owners.append(np.full(len(lst), f))
        persons.append(lst)
    owner = np.concatenate(owners)
    person = np.concatenate(persons)
    n = len(owner)
    is_mine = owner == 0
    days = rng.integers(30, 365 * 12, n)
    connected = (np.datetime64("2026-11-20") - days.astype("timedelta64[D]")).astype("datetime64[D]").astype(str)
    rel = np.array(_LABELS, dtype=object)[rng.integers(0, len(_LABELS), n)]
    chatty = is_mine & (rng.random(n) < 0.3)
    sent = np.where(chatty, rng.integers(0, 40, n), 0)
    recv = np.where(chatty, rng.integers(0, 40, n), 0)
    last_days = rng.integers(1, 900, n)
    last = (np.datetime64("2026-11-20") - last_days.astype("timedelta64[D]")).astype("datetime64[D]").astype(str)
    ties = pd.DataFrame({
        "owner_id": ids[owner], "person_id": ids[person], "connected_on": connected,
        "relationship": np.where(is_mine, rel, None),
        "messages_sent": sent, "messages_received": recv,
        "last_message_at": np.where(chatty, last, None),
    })
    ties = ties.drop_duplicates(["owner_id", "person_id"]).reset_index(drop=True)
    return Network(people=people, ties=ties, me_id="p_me")


def write_workspace(net: Network, folder: Path) -> Path:
    """Write the network into a fresh workspace (schema from the package) and return its folder."""
    from netanalytics.workspace import open_workspace

    ws = open_workspace(folder)
    ws.close()
    conn = sqlite3.connect(folder / "netanalytics.sqlite", isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN")
    p = net.people
    conn.executemany(
        "INSERT INTO people(person_id, full_name, company, position, location, is_me, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, '', '')",
        zip(p["person_id"], p["full_name"], p["company"], p["position"], p["location"],
            (p["person_id"] == net.me_id).astype(int).tolist(), strict=True),
    )
    t = net.ties
    conn.executemany(
        "INSERT INTO ties(owner_id, person_id, connected_on, relationship, messages_sent, messages_received,"
        " last_message_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        zip(t["owner_id"], t["person_id"], t["connected_on"], t["relationship"], t["messages_sent"].tolist(),
            t["messages_received"].tolist(), t["last_message_at"], strict=True),
    )
    conn.execute("COMMIT")
    conn.close()
    return folder
