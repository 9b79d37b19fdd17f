"""Read the workspace as frames: people with their degree and sources, the sources, a summary.

Degrees come from a breadth-first search over ties treated as undirected, starting at
me: 0 is me, 1 my connections and contacts, 2 people on a friend's list, and so on;
``<NA>`` means not reachable (e.g. a friend's list imported before my tie to that friend).

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> ws = open_workspace(tempfile.mkdtemp())
>>> people_frame(ws).columns.tolist()[:4]
['person_id', 'name', 'company', 'position']
>>> workspace_summary(ws)["people"]
0
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, deque

import pandas as pd
from unidecode import unidecode

from netanalytics.workspace.db import Workspace
from netanalytics.workspace.importer import source_label

__all__ = [
    "PEOPLE_COLUMNS",
    "degrees",
    "display_url",
    "people_frame",
    "search_people",
    "sources_frame",
    "workspace_summary",
]

PEOPLE_COLUMNS = [
    "person_id",
    "name",
    "company",
    "position",
    "profile_url",
    "email",
    "location",
    "degree",
    "is_me",
    "sources",
]


def display_url(key: str | None) -> str | None:
    """A clickable URL for a stored (normalised) profile key.

    >>> display_url("linkedin.com/in/ada")
    'https://www.linkedin.com/in/ada'
    >>> display_url(None) is None
    True
    """
    if not key:
        return None
    return f"https://www.{key}" if key.startswith("linkedin.com/") else key


def degrees(edges: list[tuple[str, str]], start: str | None) -> dict[str, int]:
    """Hops from ``start`` to everyone reachable over undirected ``edges``.

    >>> degrees([("me", "a"), ("a", "b"), ("c", "d")], "me")
    {'me': 0, 'a': 1, 'b': 2}
    """
    if start is None:
        return {}
    adjacency: dict[str, list[str]] = {}
    for a, b in edges:
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        hop = seen[node] + 1
        for nxt in adjacency.get(node, ()):
            if nxt not in seen:
                seen[nxt] = hop
                queue.append(nxt)
    return seen


def _tuples(ws: Workspace) -> sqlite3.Cursor:
    """A cursor yielding plain tuples: much faster than Row objects for big reads."""
    cur = ws.conn.cursor()
    cur.row_factory = None
    return cur


def _source_labels(ws: Workspace, me_id: str | None) -> dict[int, str]:
    labels = {}
    for source_id, kind, owner_id, owner_name in ws.conn.execute(
        "SELECT s.source_id, s.kind, s.owner_person_id, o.full_name FROM sources s"
        " LEFT JOIN people o ON o.person_id = s.owner_person_id"
    ):
        labels[source_id] = source_label(kind, owner_name, owner_id is not None and owner_id == me_id)
    return labels


def people_frame(ws: Workspace) -> pd.DataFrame:
    """Everyone in the workspace (merged-away records left out), one row each.

    Columns: :data:`PEOPLE_COLUMNS`; ``degree`` is a nullable integer, ``sources`` a list
    of labels like "my LinkedIn archive" or "Maya Chen's connections". Sorted by degree,
    then name.
    """
    rows = _tuples(ws).execute(
        "SELECT person_id, full_name AS name, company, position, profile_url, email, location, is_me"
        " FROM people WHERE merged_into IS NULL"
    ).fetchall()
    frame = pd.DataFrame(
        rows,
        columns=["person_id", "name", "company", "position", "profile_url", "email", "location", "is_me"],
        dtype=object,
    )
    me_id = ws.me_id()
    edges = _tuples(ws).execute("SELECT owner_id, person_id FROM ties").fetchall()
    hops = degrees(edges, me_id)
    frame["degree"] = pd.array([hops.get(pid) for pid in frame["person_id"]], dtype="Int64")
    frame["is_me"] = frame["is_me"].astype(bool)
    frame["profile_url"] = pd.Series(
        [display_url(u) for u in frame["profile_url"]], index=frame.index, dtype=object
    )
    labels = _source_labels(ws, me_id)
    by_person: dict[str, list[str]] = {}
    for pid, source_id in _tuples(ws).execute(
        "SELECT person_id, source_id FROM person_sources ORDER BY source_id"
    ):
        label = labels.get(source_id)
        have = by_person.setdefault(pid, [])
        if label and label not in have:
            have.append(label)
    frame["sources"] = pd.Series(
        [by_person.get(pid, []) for pid in frame["person_id"]], index=frame.index, dtype=object
    )
    frame = frame[PEOPLE_COLUMNS]
    order = frame.assign(_d=frame["degree"].fillna(99), _n=frame["name"].str.casefold())
    order = order.sort_values(["_d", "_n", "person_id"], kind="stable")
    return frame.loc[order.index].reset_index(drop=True)


def _fold(text: object) -> str:
    return unidecode(str(text)).casefold() if text is not None else ""


def search_people(frame: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows whose name, company or position contains ``text`` (accents and case ignored).

    >>> f = pd.DataFrame({"name": ["Zoë Müller", "Sam Lee"], "company": ["Acme", None],
    ...                   "position": [None, "Zoo keeper"]})
    >>> search_people(f, "zoe")["name"].tolist()
    ['Zoë Müller']
    """
    needle = _fold(text).strip()
    if not needle:
        return frame
    hay = [
        " | ".join(_fold(v) for v in (n, c, p) if v is not None and v == v)
        for n, c, p in zip(frame["name"], frame["company"], frame["position"], strict=True)
    ]
    mask = [needle in h for h in hay]
    return frame[mask]


def sources_frame(ws: Workspace) -> pd.DataFrame:
    """Every import: id, label, kind, path as given, imported-at, rows read, summary."""
    me_id = ws.me_id()
    labels = _source_labels(ws, me_id)
    rows = ws.conn.execute(
        "SELECT source_id, kind, path, imported_at, rows_read, relationship, summary FROM sources"
        " ORDER BY source_id"
    ).fetchall()
    frame = pd.DataFrame(
        [tuple(r) for r in rows],
        columns=["source_id", "kind", "path", "imported_at", "rows_read", "relationship", "summary"],
        dtype=object,
    )
    frame.insert(1, "label", [labels.get(s) for s in frame["source_id"]])
    return frame


def workspace_summary(ws: Workspace, *, top: int = 10) -> dict:
    """What the workspace holds: counts of people, ties, sources, degrees, skipped rows, top companies.

    ``degrees`` maps '0', '1', '2', … and 'unreachable' to counts; ``rows_skipped`` maps
    each reason to the rows left out over all imports; ``hidden_rows_skipped`` is the part
    that were hidden or closed members.
    """
    conn = ws.conn
    people = people_frame(ws)
    degree_counts: Counter[str] = Counter(
        "unreachable" if pd.isna(d) else str(int(d)) for d in people["degree"]
    )
    skipped: Counter[str] = Counter()
    for (text,) in conn.execute("SELECT skipped FROM sources WHERE skipped IS NOT NULL"):
        for reason, n in json.loads(text).items():
            skipped[reason] += int(n)
    companies = Counter(
        c.strip() for c, me in zip(people["company"], people["is_me"], strict=True) if c and not me
    )
    me_row = people[people["is_me"]]
    return {
        "me": None if me_row.empty else me_row.iloc[0]["name"],
        "people": int(len(people)),
        "ties": int(conn.execute("SELECT count(*) FROM ties").fetchone()[0]),
        "sources": int(conn.execute("SELECT count(*) FROM sources").fetchone()[0]),
        "degrees": dict(sorted(degree_counts.items(), key=lambda kv: (kv[0] == "unreachable", kv[0].zfill(3)))),
        "rows_skipped": dict(skipped),
        "hidden_rows_skipped": sum(n for reason, n in skipped.items() if "hidden" in reason.lower()),
        "top_companies": companies.most_common(top),
        "my_positions": int(conn.execute("SELECT count(*) FROM my_positions").fetchone()[0]),
        "my_education": int(conn.execute("SELECT count(*) FROM my_education").fetchone()[0]),
        "outreach_events": int(
            conn.execute("SELECT count(*) FROM outreach_events WHERE deleted_at IS NULL").fetchone()[0]
        ),
    }
