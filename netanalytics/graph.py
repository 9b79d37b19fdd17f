"""The network: tables of people and ties loaded from the workspace, and a networkx graph.

Two views of the same data:

- the *fast path*: :func:`load_tables` reads the workspace into pandas frames
  (:func:`people_table`, :func:`load_tie_table`) that scoring and ranking join over —
  a 2-million-tie workspace loads in a few seconds;
- the *model*: :func:`build_graph` turns the same tables into an undirected
  :class:`networkx.Graph` for analysis (degrees from me, neighbourhoods, drawing).

A tie row is one export's assertion "owner's list contains person". My own ties
(owner = me) carry interaction features; a friend's ties only the connected-on date. A
friend who shared their list is tied to me even when they are not in my own list
(the source's relationship label then describes the tie).

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> ws = open_workspace(tempfile.mkdtemp())
>>> for pid, name, me in [("p_me", "Me Myself", 1), ("p_a", "Ann Lee", 0), ("p_b", "Bo Diaz", 0)]:
...     _ = ws.conn.execute("INSERT INTO people(person_id, full_name, is_me, created_at, updated_at)"
...                         " VALUES (?, ?, ?, '', '')", (pid, name, me))
>>> _ = ws.conn.execute("INSERT INTO ties(owner_id, person_id, relationship) VALUES ('p_me', 'p_a', 'friend')")
>>> _ = ws.conn.execute("INSERT INTO ties(owner_id, person_id) VALUES ('p_a', 'p_b')")
>>> G = build_graph(ws)
>>> sorted(degrees_from_me(G).items())
[('p_a', 1), ('p_b', 2), ('p_me', 0)]
>>> G.edges["p_a", "p_b"]["asserted_by"]
['p_a']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netanalytics.errors import WorkspaceError
from netanalytics.ingest.records import INTERACTION_COUNT_COLUMNS
from netanalytics.workspace.hops import degrees
from netanalytics.workspace.labels import company_labels
from netanalytics.workspace.people import merge_map
from netanalytics.workspace.profiles import (
    EDUCATION_COLUMNS,
    EXPERIENCE_COLUMNS,
    education_frame,
    experience_frame,
)

if TYPE_CHECKING:
    import networkx as nx

    from netanalytics.workspace.db import Workspace

__all__ = [
    "TIE_COUNT_COLUMNS",
    "NetworkTables",
    "build_graph",
    "degrees_from_me",
    "load_tables",
    "load_tie_table",
    "people_table",
    "tables_of",
]

#: Integer interaction columns of a tie (0 for a friend's ties).
TIE_COUNT_COLUMNS = INTERACTION_COUNT_COLUMNS
_PEOPLE_COLUMNS = ("person_id", "full_name", "company", "position", "profile_url", "location", "is_me")


def _parse_dates(values: pd.Series) -> pd.Series:
    """ISO dates/timestamps -> datetime64 (NaT when missing); parses each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if len(uniques) == 0:
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    parsed = pd.to_datetime(pd.Series(uniques, dtype=object).str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    arr = parsed.to_numpy(dtype="datetime64[ns]")
    out = np.where(codes >= 0, arr[np.maximum(codes, 0)], np.datetime64("NaT"))
    return pd.Series(out, index=values.index, dtype="datetime64[ns]")


def _read_columns(ws: Workspace, table: str, columns: list[str], where: str = "1", params: tuple = (),
                  *, chunk: int = 100_000) -> pd.DataFrame:
    """Read text columns of a big table fast and compactly.

    SQLite joins each chunk of rows into one text block (fields split by the unit separator,
    rows by newlines; a chunk whose values contain either is re-read with them replaced by
    spaces) and pyarrow parses it in C,
    so a million rows never become millions of Python tuples. Empty text reads as missing.
    """
    import io

    import pyarrow as pa
    import pyarrow.csv as pacsv

    def expr(col: str, clean: bool) -> str:
        if not clean:
            return f"coalesce(CAST({col} AS TEXT), '')"
        return (f"replace(replace(replace(coalesce(CAST({col} AS TEXT), ''), char(10), ' '), char(13), ' '),"
                " char(31), ' ')")

    lo, hi = ws.conn.execute(f"SELECT min(rowid), max(rowid) FROM {table}").fetchone()
    options = {
        "read_options": pacsv.ReadOptions(column_names=columns, block_size=1 << 26),
        "parse_options": pacsv.ParseOptions(delimiter="\x1f", quote_char=False),
        "convert_options": pacsv.ConvertOptions(column_types={c: pa.string() for c in columns},
                                                strings_can_be_null=True, null_values=[""]),
    }

    def read_chunk(first: int, clean: bool) -> pa.Table | None:
        line = " || char(31) || ".join(expr(c, clean) for c in columns)
        text = ws.conn.execute(
            f"SELECT group_concat(line, char(10)) FROM (SELECT {line} AS line FROM {table}"
            f" WHERE rowid BETWEEN ? AND ? AND ({where}))",
            (first, first + chunk - 1, *params),
        ).fetchone()[0]
        return pacsv.read_csv(io.BytesIO(text.encode("utf-8")), **options) if text else None

    parts = []
    if lo is not None:
        for first in range(lo, hi + 1, chunk):
            try:
                part = read_chunk(first, clean=False)
            except pa.ArrowInvalid:
                # A value holds a newline or the separator (the row then has the wrong number
                # of fields, which pyarrow reports): read this chunk again with them replaced.
                part = read_chunk(first, clean=True)
            if part is not None:
                parts.append(part)
    if not parts:
        return pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
    str_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    return pa.concat_tables(parts).to_pandas(types_mapper={pa.string(): str_dtype}.get)


def people_table(ws: Workspace) -> pd.DataFrame:
    """Every live person (not merged away): id, name, company, position, profile URL, location, is_me."""
    frame = _read_columns(ws, "people", list(_PEOPLE_COLUMNS), "merged_into IS NULL")
    frame["is_me"] = pd.to_numeric(frame["is_me"], errors="coerce").fillna(0).astype(bool)
    return frame


def load_tie_table(ws: Workspace, *, me_id: str | None = None, live_ids: set[str] | None = None) -> pd.DataFrame:
    """Every tie assertion as a DataFrame, merged ids resolved, ties to missing people dropped.

    Columns: owner_id, person_id, connected_on (datetime64), relationship (object, None when
    unlabelled), the :data:`TIE_COUNT_COLUMNS` (int), last_message_at (datetime64),
    invitation, mine (owner is me), implicit (a tie to a friend inferred from their shared list).
    """
    me = me_id if me_id is not None else ws.me_id()
    detail_cols = ["owner_id", "person_id", "connected_on", "relationship", *TIE_COUNT_COLUMNS,
                   "last_message_at", "invitation"]
    mine_rows = ws.conn.execute(f"SELECT {', '.join(detail_cols)} FROM ties WHERE owner_id = ?", (me,)).fetchall()
    mine = pd.DataFrame.from_records([tuple(r) for r in mine_rows], columns=detail_cols)
    others = _read_columns(ws, "ties", ["owner_id", "person_id", "connected_on"], "owner_id IS NOT ?", (me,))
    # A friend who shared their list is tied to me, with the label I gave when importing it.
    src = ws.conn.execute(
        "SELECT owner_person_id, relationship FROM sources WHERE owner_person_id IS NOT NULL"
        " AND owner_person_id IS NOT ? ORDER BY source_id", (me,)
    ).fetchall()
    shared_label: dict[str, str | None] = {}
    for owner, rel in src:
        if rel or owner not in shared_label:
            shared_label[owner] = rel
    merges = merge_map(ws.conn)
    for frame in (mine, others):
        for col in ("owner_id", "person_id"):
            if merges and len(frame):
                frame[col] = frame[col].map(lambda v: merges.get(v, v))
    if me is not None and shared_label:
        shared_label = {merges.get(k, k): v for k, v in shared_label.items()}
        have = set(mine["person_id"])
        extra = [(me, owner, None, rel) for owner, rel in shared_label.items() if owner not in have and owner != me]
        if extra:
            mine = pd.concat(
                [mine.assign(implicit=False),
                 pd.DataFrame(extra, columns=["owner_id", "person_id", "connected_on", "relationship"]).assign(implicit=True)],
                ignore_index=True,
            )
        labels = mine["person_id"].map(shared_label)
        mine["relationship"] = mine["relationship"].astype(object).where(mine["relationship"].notna(), labels)
    if "implicit" not in mine:
        mine["implicit"] = False
    mine["mine"] = True
    others["mine"] = False
    others["implicit"] = False
    ties = pd.concat([mine, others], ignore_index=True)
    for col in TIE_COUNT_COLUMNS:
        ties[col] = ties[col].fillna(0).astype(np.int32)
    ties["relationship"] = ties["relationship"].astype(object).where(ties["relationship"].notna(), None)
    ties["invitation"] = ties["invitation"].astype(object).where(ties["invitation"].notna(), None)
    ties["connected_on"] = _parse_dates(ties["connected_on"])
    ties["last_message_at"] = _parse_dates(ties["last_message_at"])
    if live_ids is not None:
        ties = ties[ties["owner_id"].isin(live_ids) & ties["person_id"].isin(live_ids)]
    if merges:
        # A merge can make a self-tie or two rows for one (owner, person): keep the richest.
        ties = ties[ties["owner_id"] != ties["person_id"]]
        ties = ties.drop_duplicates(["owner_id", "person_id"], keep="first")
    return ties.reset_index(drop=True)


@dataclass
class NetworkTables:
    """Everything ranking needs, loaded once: people, ties, my background, the outreach log.

    ``people`` has a RangeIndex: a person's row number is their integer code, and
    ``ties`` carries ``owner`` / ``person`` codes besides the ids.
    """

    people: pd.DataFrame
    ties: pd.DataFrame
    me_id: str
    my_profile: dict[str, str] = field(default_factory=dict)
    my_positions: pd.DataFrame = field(default_factory=pd.DataFrame)
    my_education: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
    history: pd.DataFrame = field(default_factory=pd.DataFrame)
    company_labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Schools and roles per person (:func:`netanalytics.workspace.profiles.education_frame`
    #: and ``experience_frame``): saved profiles, my archive, the user's own word.
    education: pd.DataFrame = field(default_factory=pd.DataFrame)
    experience: pd.DataFrame = field(default_factory=pd.DataFrame)

    @cached_property
    def recognition(self) -> pd.DataFrame:
        """Who each person is, aligned with ``people``: industry (with its source and reason),
        function and seniority (:func:`netanalytics.recognition.recognise.recognise_people`,
        with the user's ``company_labels``); computed once per tables object."""
        from netanalytics.recognition.recognise import recognise_people

        return recognise_people(self.people["company"], self.people["position"], labels=self.company_labels)

    def recognised(self, taxonomy_path: str | None = None) -> pd.DataFrame:
        """:attr:`recognition`, or the same with a user taxonomy file's keywords (not cached)."""
        if taxonomy_path is None:
            return self.recognition
        from netanalytics.recognition.recognise import recognise_people
        from netanalytics.recognition.taxonomy import load_taxonomy

        return recognise_people(self.people["company"], self.people["position"], labels=self.company_labels,
                                taxonomy=load_taxonomy(taxonomy_path))

    @cached_property
    def me(self) -> int:
        """My integer code (row of ``people``)."""
        return int(self._code_of(self.me_id))

    def _code_of(self, person_id: str) -> int:
        code = int(self.codes_for([person_id])[0])
        if code < 0:
            raise WorkspaceError(f"person {person_id} is not in the loaded tables")
        return code

    def codes_for(self, person_ids: Any) -> np.ndarray:
        """Integer codes of person ids (-1 for ids not among the people), hashed in C by pyarrow."""
        return _codes(person_ids, self.people["person_id"])

    def code_of(self, person_id: str) -> int:
        """The integer code of a person id."""
        return self._code_of(person_id)

    @cached_property
    def _normalized(self) -> dict[str, Any]:
        """Normalised people columns built so far (see :meth:`norm`)."""
        return {}

    def norm(self, column: str) -> Any:
        """A people column as a normalised :class:`netanalytics.text.TextColumn` (built once
        per tables object; a fresh object, e.g. ``dataclasses.replace(tables)``, starts empty)."""
        if column not in self._normalized:
            from netanalytics.text import TextColumn

            self._normalized[column] = TextColumn.from_values(self.people[column])
        return self._normalized[column]

    @classmethod
    def from_frames(
        cls,
        people: pd.DataFrame,
        ties: pd.DataFrame,
        me_id: str,
        *,
        my_profile: Mapping[str, str] | None = None,
        my_positions: pd.DataFrame | None = None,
        my_education: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
        history: pd.DataFrame | None = None,
        company_labels: Mapping[str, tuple[str, ...]] | None = None,
        education: pd.DataFrame | None = None,
        experience: pd.DataFrame | None = None,
    ) -> NetworkTables:
        """Tables from frames (tests and benchmarks build them directly); adds codes and defaults."""
        people = people.reset_index(drop=True).copy(deep=False)
        for col in _PEOPLE_COLUMNS:
            if col not in people:
                people[col] = False if col == "is_me" else None
        people["is_me"] = people["person_id"] == me_id
        ties = ties.copy(deep=False)
        defaults: dict[str, Any] = {"connected_on": pd.NaT, "relationship": None, "last_message_at": pd.NaT,
                                    "invitation": None, "implicit": False}
        defaults.update({c: 0 for c in TIE_COUNT_COLUMNS})
        for col, value in defaults.items():
            if col not in ties:
                ties[col] = value
        for col in ("connected_on", "last_message_at"):
            ties[col] = pd.to_datetime(ties[col], errors="coerce").astype("datetime64[ns]")
        for col in TIE_COUNT_COLUMNS:
            ties[col] = pd.to_numeric(ties[col], errors="coerce").fillna(0).astype(np.int32)
        ties["relationship"] = ties["relationship"].astype(object).where(ties["relationship"].notna(), None)
        ties["mine"] = ties["owner_id"] == me_id
        import pyarrow as pa
        import pyarrow.compute as pc

        ids = pa.array(people["person_id"].astype("str"))
        if pc.count_distinct(ids).as_py() != len(ids):
            raise WorkspaceError("people table has duplicate person ids")
        ties["owner"] = _codes(ties["owner_id"], people["person_id"]).astype(np.int32)
        ties["person"] = _codes(ties["person_id"], people["person_id"]).astype(np.int32)
        valid = (ties["owner"].to_numpy() >= 0) & (ties["person"].to_numpy() >= 0)
        valid &= ties["owner"].to_numpy() != ties["person"].to_numpy()
        if not valid.all():
            ties = ties[valid]
        ties = ties.reset_index(drop=True)
        if _codes([me_id], people["person_id"])[0] < 0:
            raise WorkspaceError(f"my person id {me_id} is not among the people")
        return cls(
            people=people,
            ties=ties,
            me_id=me_id,
            my_profile=dict(my_profile or {}),
            my_positions=my_positions if my_positions is not None else pd.DataFrame(columns=["company", "title", "location", "started_on", "finished_on"]),
            my_education=my_education if my_education is not None else pd.DataFrame(columns=["school", "degree"]),
            events=events if events is not None else pd.DataFrame(columns=["event_id", "person_id", "stage", "at", "via_person_id"]),
            history=history if history is not None else pd.DataFrame(columns=["person_id", "field", "old_value"]),
            company_labels=dict(company_labels or {}),
            education=education if education is not None else pd.DataFrame(columns=EDUCATION_COLUMNS),
            experience=experience if experience is not None else pd.DataFrame(columns=EXPERIENCE_COLUMNS),
        )


def _codes(values: Any, person_ids: pd.Series) -> np.ndarray:
    """Positions of ``values`` in ``person_ids`` (-1 when absent), via pyarrow's C hash join."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pa.array(pd.Series(values, copy=False).astype("str"))
    found = pc.index_in(arr, value_set=pa.array(pd.Series(person_ids, copy=False).astype("str")))
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def release_memory() -> None:
    """Hand memory freed by large transient buffers back to the OS (glibc only; harmless elsewhere).

    This tunes the allocator of the **whole process** (``mallopt`` keeps big arrays in their
    own mappings from then on; ``malloc_trim`` returns free heap pages), so the library
    never calls it by itself: pass ``free_memory=True`` to :func:`load_tables`, or call
    it, when a script ranks a very large pooled network and wants its peak memory lower.
    ``benchmarks/bench_ranking.py`` measures both ways.
    """
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        # Keep big arrays in their own mappings (returned to the OS when freed) instead of
        # letting glibc raise its mmap threshold and keep them on the heap: M_MMAP_THRESHOLD = -3.
        libc.mallopt(-3, 256 * 1024)
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def load_tables(ws: Workspace, *, free_memory: bool = False) -> NetworkTables:
    """Read everything the ranking needs from the workspace (the only I/O of ranking).

    No process-wide side effects unless ``free_memory`` is true (then :func:`release_memory`
    runs between the big reads).
    """
    trim = release_memory if free_memory else _no_trim
    me = ws.me_id()
    if me is None:
        raise WorkspaceError(
            f"The workspace {ws.folder} has no 'me' yet. Import your own LinkedIn export first.",
            next_step="import_own_export",
        )
    trim()
    people = people_table(ws)
    trim()
    ties = load_tie_table(ws, me_id=me)
    trim()
    profile = {r[0]: r[1] for r in ws.conn.execute("SELECT key, value FROM my_profile") if r[1]}
    positions = pd.read_sql_query("SELECT company, title, location, started_on, finished_on FROM my_positions", ws.conn)
    education = pd.read_sql_query("SELECT school, degree, start_on, end_on FROM my_education", ws.conn)
    events = pd.read_sql_query("SELECT * FROM outreach_events", ws.conn)
    history = pd.read_sql_query(
        "SELECT person_id, field, old_value FROM person_history WHERE field IN ('company', 'position')"
        " AND old_value IS NOT NULL",
        ws.conn,
    )
    merges = merge_map(ws.conn)
    if merges:
        for frame, cols in ((events, ("person_id", "via_person_id", "referral_person_id")), (history, ("person_id",))):
            for col in (c for c in cols if c in frame):
                frame[col] = frame[col].map(lambda v: merges.get(v, v) if isinstance(v, str) else v)
    tables = NetworkTables.from_frames(
        people, ties, me, my_profile=profile, my_positions=positions, my_education=education,
        events=events, history=history, company_labels=company_labels(ws),
        education=education_frame(ws.conn), experience=experience_frame(ws.conn),
    )
    del people, ties
    trim()
    return tables


def _no_trim() -> None:
    """Leave the allocator alone (the default)."""


def tables_of(source: Any) -> NetworkTables:
    """``source`` itself when it is :class:`NetworkTables`, else the tables of the workspace
    it is (:func:`load_tables`): the one rule for "a workspace or its tables"."""
    if isinstance(source, NetworkTables):
        return source
    return load_tables(source)


def build_graph(source: Any) -> nx.Graph:
    """An undirected networkx graph: me, every live person, every tie with its attributes.

    ``source`` is a Workspace or :class:`NetworkTables`. Node attributes: name, company,
    position, location, is_me. Edge attributes: ``asserted_by`` (owner ids, several when
    several exports list the pair), connected_on (earliest), relationship, messages_sent /
    messages_received (from my point of view), last_message_at, endorsements_*,
    recommendations_*, invitation, shared_employer (the company both list, if any).
    """
    import networkx as nx

    tables = tables_of(source)
    people = tables.people
    G = nx.Graph()
    for row in people.itertuples(index=False):
        G.add_node(row.person_id, name=row.full_name, company=row.company, position=row.position,
                   location=row.location, profile_url=row.profile_url, is_me=bool(row.is_me))
    from netanalytics.text import norm_text

    company = {pid: norm_text(c) for pid, c in zip(people["person_id"], people["company"], strict=True)}
    for row in tables.ties.itertuples(index=False):
        u, v = row.owner_id, row.person_id
        shared = company.get(u) if company.get(u) and company.get(u) == company.get(v) else None
        data = G.get_edge_data(u, v)
        if data is None:
            G.add_edge(u, v, asserted_by=[u], connected_on=row.connected_on, relationship=row.relationship,
                       messages_sent=int(row.messages_sent), messages_received=int(row.messages_received),
                       last_message_at=row.last_message_at,
                       endorsements_received=int(row.endorsements_received),
                       endorsements_given=int(row.endorsements_given),
                       recommendations_received=int(row.recommendations_received),
                       recommendations_given=int(row.recommendations_given),
                       invitation=row.invitation,
                       shared_employer=people.loc[int(row.owner), "company"] if shared else None)
            continue
        data["asserted_by"].append(u)
        if pd.notna(row.connected_on) and (pd.isna(data["connected_on"]) or row.connected_on < data["connected_on"]):
            data["connected_on"] = row.connected_on
        if row.mine:  # my own export knows the interaction features
            for key in ("relationship", "messages_sent", "messages_received", "last_message_at",
                        "endorsements_received", "endorsements_given", "recommendations_received",
                        "recommendations_given", "invitation"):
                data[key] = getattr(row, key)
    return G


def degrees_from_me(G: nx.Graph, me: str | None = None, *, cutoff: int | None = None) -> dict[str, int]:
    """Person id -> degree from me (0 me, 1 my connections, 2 theirs, …); unreachable people
    absent. The hop count of :func:`netanalytics.workspace.hops.degrees`, over the graph's edges."""
    if me is None:
        mes = [n for n, d in G.nodes(data=True) if d.get("is_me")]
        if not mes:
            raise WorkspaceError("The graph has no node marked is_me; import your own export first.",
                                 next_step="import_own_export")
        me = mes[0]
    if me not in G:
        raise WorkspaceError(f"{me} is not in the graph.")
    return degrees(G.edges(), me, cutoff=cutoff)
