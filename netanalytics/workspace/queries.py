"""Read the workspace as frames: people with their degree and sources, the sources, a summary.

Degrees are hop counts from me (:func:`netanalytics.workspace.hops.degrees`, the one rule):
0 is me, 1 my connections and contacts, 2 people on a friend's list, and so on; ``<NA>``
means not reachable (e.g. a friend's list imported before my tie to that friend).

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
from collections import Counter

import pandas as pd
from unidecode import unidecode

from netanalytics.recognition.recognise import industry_coverage
from netanalytics.workspace.corrections import _active_splits
from netanalytics.workspace.db import Workspace
from netanalytics.workspace.hops import degrees
from netanalytics.workspace.importing.describe import source_label

__all__ = [
    "PEOPLE_COLUMNS",
    "degrees",
    "display_url",
    "people_frame",
    "possible_duplicates",
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
    "industry",
    "industries",
    "industry_source",
    "industry_reason",
    "function",
    "seniority",
    "title_reason",
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
    of labels like "my LinkedIn archive" or "Maya Chen's connections"; industry (with
    ``industries``, ``industry_source`` and ``industry_reason``), function and seniority
    are what :mod:`netanalytics.recognition` reads from the company and title (None when
    unknown). Sorted by degree, then name.
    """
    return _people_and_recognition(ws)[0]


def _people_and_recognition(ws: Workspace) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`people_frame` and the full recognition frame aligned with it."""
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
    recognised = _recognised(ws, frame)
    for col in ("industry", "industries", "industry_source", "industry_reason", "function", "seniority",
                "title_reason"):
        frame[col] = recognised[col]
    frame = frame[PEOPLE_COLUMNS]
    order = frame.assign(_d=frame["degree"].fillna(99), _n=frame["name"].str.casefold())
    order = order.sort_values(["_d", "_n", "person_id"], kind="stable")
    return frame.loc[order.index].reset_index(drop=True), recognised.loc[order.index].reset_index(drop=True)


def _recognised(ws: Workspace, frame: pd.DataFrame) -> pd.DataFrame:
    """Who each row is (:func:`~netanalytics.recognition.recognise.recognise_people`), with
    the user's own company labels."""
    from netanalytics.recognition.recognise import recognise_people
    from netanalytics.workspace.labels import company_labels

    return recognise_people(frame["company"], frame["position"], labels=company_labels(ws))


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


DUPLICATE_COLUMNS = [
    "name", "keep_id", "keep_company", "keep_sources", "other_id", "other_company", "other_sources", "reason",
]


def possible_duplicates(ws: Workspace) -> pd.DataFrame:
    """Pairs of records that may be one person, for the user to confirm with ``merge``.

    Identity resolution keeps same-name people at different companies apart, which is
    right for namesakes but wrong when an old export without URLs still shows someone's
    previous employer. Candidates share a normalised name; pairs that cannot be one
    person are left out: two different profile URLs, both on one person's list, or kept
    apart by the user's ``split``. The record with a URL (else more sources) is the one
    to keep. Columns: :data:`DUPLICATE_COLUMNS`.

    >>> import tempfile
    >>> from netanalytics.workspace import open_workspace
    >>> ws = open_workspace(tempfile.mkdtemp())
    >>> for pid, company, url in [("p_1", "Acme", "linkedin.com/in/sam"), ("p_2", "Globex", None)]:
    ...     _ = ws.conn.execute("INSERT INTO people(person_id, full_name, name_key, company, profile_url,"
    ...                         " created_at, updated_at) VALUES (?, 'Sam Lee', 'sam lee', ?, ?, '', '')",
    ...                         (pid, company, url))
    >>> possible_duplicates(ws)[["keep_id", "other_id"]].values.tolist()
    [['p_1', 'p_2']]
    """
    rows = _tuples(ws).execute(
        "SELECT p.person_id, p.full_name, p.name_key, p.company, p.profile_url FROM people p"
        " JOIN (SELECT name_key FROM people WHERE merged_into IS NULL AND is_me = 0 AND name_key <> ''"
        "       GROUP BY name_key HAVING count(*) > 1) d USING (name_key)"
        " WHERE p.merged_into IS NULL AND p.is_me = 0 ORDER BY p.name_key, p.person_id"
    ).fetchall()
    if not rows:
        return pd.DataFrame(columns=DUPLICATE_COLUMNS)
    ids = [r[0] for r in rows]
    marks = ",".join("?" * len(ids))
    listed_by: dict[str, set[str]] = {}
    for owner, pid in _tuples(ws).execute(
        f"SELECT owner_id, person_id FROM ties WHERE person_id IN ({marks})", ids
    ):
        listed_by.setdefault(pid, set()).add(owner)
    apart = [{piece["person_id"] for piece in pieces} for pieces in _active_splits(ws.conn)]
    labels = _source_labels(ws, ws.me_id())
    sources: dict[str, list[str]] = {}
    for pid, source_id in _tuples(ws).execute(
        f"SELECT person_id, source_id FROM person_sources WHERE person_id IN ({marks}) ORDER BY source_id", ids
    ):
        label = labels.get(source_id)
        if label and label not in sources.setdefault(pid, []):
            sources[pid].append(label)
    groups: dict[str, list[tuple]] = {}
    for row in rows:
        groups.setdefault(row[2], []).append(row)
    out = []
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a[4] and b[4] and a[4] != b[4]:
                    continue
                if listed_by.get(a[0], set()) & listed_by.get(b[0], set()):
                    continue
                if any(a[0] in piece and b[0] in piece for piece in apart):
                    continue
                keep, other = sorted(
                    (a, b), key=lambda r: (r[4] is None, -len(sources.get(r[0], [])), r[0])
                )
                why = "same name"
                if keep[3] and other[3] and keep[3] != other[3]:
                    why += f"; companies differ ('{keep[3]}' and '{other[3]}': a job change or two people?)"
                elif not keep[3] or not other[3]:
                    why += "; one record has no company"
                else:
                    why += " and company"
                out.append([
                    keep[1], keep[0], keep[3], sources.get(keep[0], []),
                    other[0], other[3], sources.get(other[0], []), why,
                ])
    frame = pd.DataFrame(out, columns=DUPLICATE_COLUMNS)
    # Most likely first: a record without a URL (an old export) beside one with it.
    no_url = {r[0] for r in rows if not r[4]}
    order = frame.assign(_u=~frame["other_id"].isin(no_url), _n=frame["name"].str.casefold())
    return frame.loc[order.sort_values(["_u", "_n"], kind="stable").index].reset_index(drop=True)


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
    """What the workspace holds: counts of people, ties, sources, degrees, skipped rows, top
    companies (not "Self-employed" and the like), and how much of their industry is known (``industry_coverage``: see
    :func:`netanalytics.recognition.recognise.industry_coverage`; you excluded).

    ``degrees`` maps '0', '1', '2', … and 'unreachable' to counts; ``rows_skipped`` maps
    each reason to the rows left out over all imports; ``hidden_rows_skipped`` is the part
    that were hidden or closed members.
    """
    conn = ws.conn
    people, recognised = _people_and_recognition(ws)
    degree_counts: Counter[str] = Counter(
        "unreachable" if pd.isna(d) else str(int(d)) for d in people["degree"]
    )
    skipped: Counter[str] = Counter()
    for (text,) in conn.execute("SELECT skipped FROM sources WHERE skipped IS NOT NULL"):
        for reason, n in json.loads(text).items():
            skipped[reason] += int(n)
    companies = Counter(
        c.strip()
        for c, me, unknowable in zip(people["company"], people["is_me"], recognised["unknowable"], strict=True)
        if c and not me and not unknowable
    )
    mine = people["is_me"].to_numpy()
    coverage = industry_coverage(people["company"][~mine], recognised[~mine], top=top)
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
        "industry_coverage": coverage,
        "my_positions": int(conn.execute("SELECT count(*) FROM my_positions").fetchone()[0]),
        "my_education": int(conn.execute("SELECT count(*) FROM my_education").fetchone()[0]),
        "outreach_events": int(
            conn.execute("SELECT count(*) FROM outreach_events WHERE deleted_at IS NULL").fetchone()[0]
        ),
    }
