"""The front door for notebooks and scripts: one object opened from a workspace folder.

>>> import netanalytics as na
>>> net = na.open("data/sample-workspace")                      # doctest: +SKIP
>>> ranked = net.rank(industry="fintech", title="product manager", top=20)   # doctest: +SKIP
>>> ranked.plot.barh(x="name", y="intro_chance")               # doctest: +SKIP
>>> net.due()                                                   # doctest: +SKIP

In the spirit of sqlite-utils' ``Database``: :func:`open` gives a :class:`Network`, whose
methods return plain pandas DataFrames — flat columns (no lists in cells), integer hop
counts, clickable ``https://`` profile links — or a networkx graph. The CLI and the notebook
widgets are callers of this object, so a number means the same thing wherever it is shown.

The numbers, each defined once (:data:`DEFINITIONS`, also ``Network.definitions()``):

- **intro_chance** — the chance that at least one of your routes to a person ends in a warm
  introduction (noisy-OR over the best route through each distinct first intermediary);
- **route_chance** — the chance of one route on its own (the intro chance is never less
  than the best route's);
- **fit** — how well the person matches your target, 0 to 1;
- **score** — intro_chance × fit × (1 + affinity weight × affinity) × novelty, lowered for
  people you already met: the order of :meth:`Network.rank`;
- **hops** — ties between you and the person along the best route (1 = you know them).

``docs/model.md`` explains the model and its research; ``docs/api.md`` shows this object
on the sample.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netanalytics.config import workspace_dir
from netanalytics.days import parse_day
from netanalytics.errors import InputError
from netanalytics.urls import profile_link

if TYPE_CHECKING:  # pandas loads on first use: the log's commands start without it
    import networkx as nx
    import pandas as pd
    from matplotlib.figure import Figure

    from netanalytics.ingest.records import ParsedExport
    from netanalytics.outreach.log import Event
    from netanalytics.ranking.rank import PreparedNetwork, RankWeights
    from netanalytics.workspace.db import Workspace
    from netanalytics.workspace.importer import ImportSummary

__all__ = ["DEFINITIONS", "PEOPLE_COLUMNS", "RANK_COLUMNS", "ROUTE_COLUMNS", "Network", "open"]

#: What each number means: one definition, used by every view that shows it.
DEFINITIONS: dict[str, str] = {
    "intro_chance": "the chance that at least one of your routes to the person ends in a warm "
                    "introduction: noisy-OR over the best route through each distinct first "
                    "intermediary (the direct tie counts as one route)",
    "route_chance": "the chance that one route works on its own: the product of its hop chances, "
                    "times 0.7 for each hop beyond the second",
    "fit": "how well the person matches your target, from 0 to 1: the weighted mean of the "
           "criteria you gave (industry, company, title, function, seniority, location, school); "
           "the industry counts fully when it comes from your own label, the bundled company list or "
           "an institution's name, 0.9 from colleagues' titles, 0.7 from a word in the company's name",
    "score": "intro_chance × fit × (1 + affinity weight × affinity) × novelty, × 0.3 for people "
             "you already met: the order of the ranking",
    "hops": "how many ties lie between you and the person along the best route: 1 = you know "
            "them, 2 = through one intermediary, 3 = through two",
    "affinity": "shared background with you, from 0 to 1: an employer you both worked at (0.5), a school "
                "you both went to (0.3, more for the same field or years there together), close enough "
                "for coffee (0.2)",
    "meeting": "coffee when both places are known and within about 40 km (or in the same metro area), "
               "video when they are farther apart or in another country, unknown when either place is "
               "unknown or too broad (a state, a country, 'Remote'): ask them",
    "mutual": "how many of your connections also know the person",
}

#: Columns of :meth:`Network.rank`, in order.
RANK_COLUMNS = [
    "rank", "person_id", "name", "company", "position", "location", "place", "profile_url", "intro_chance",
    "score", "fit", "affinity", "mutual", "hops", "via", "via_id", "path", "meeting", "meeting_reason",
    "already_met", "reachable", "why",
]
#: Columns of :meth:`Network.people`, in order.
PEOPLE_COLUMNS = [
    "person_id", "name", "company", "position", "location", "place", "schools", "email", "profile_url", "hops",
    "is_me", "sources", "industry", "industries", "industry_source", "industry_reason", "function", "seniority",
    "title_reason",
]
#: Columns of :meth:`Network.routes` and :meth:`Network.paths_to`: one row per route.
ROUTE_COLUMNS = [
    "person_id", "name", "route", "route_chance", "intro_chance", "hops", "via", "via_id", "then",
    "then_id", "path", "why",
]
_CRITERIA = {"industry": "industries", "company": "companies", "title": "titles", "function": "functions",
             "seniority": "seniority", "location": "locations", "school": "schools", "near": "near"}


def open(path: str | os.PathLike[str] | None = None, *, create: bool = False) -> Network:  # noqa: A001
    """The :class:`Network` of the workspace in folder ``path`` (default: the configured one).

    A folder without a workspace is an error (no silent empty workspace) unless ``create``
    is true, which makes a new, empty one there (to import your exports into).

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> open(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    netanalytics.errors.WorkspaceError: No workspace at ...: import your own LinkedIn export there first.
    >>> with open(folder, create=True) as net:
    ...     len(net.people), list(net.definitions()["column"])[:3]
    (0, ['intro_chance', 'route_chance', 'fit'])
    """
    from netanalytics.workspace.db import open_workspace

    return Network(open_workspace(workspace_dir(path), create=create))


def _spec(target: Mapping[str, Any] | Any | None, criteria: Mapping[str, Any], within_km: float | None = None) -> Any:
    """A validated TargetSpec from a spec/mapping and/or keyword criteria (singular names)."""
    from netanalytics.scoring.target import TargetSpec

    given = {k: v for k, v in criteria.items() if v is not None}
    if target is None and not given:
        return TargetSpec().validate()  # the library's "the target is empty" message
    if isinstance(target, TargetSpec):
        base = {name: getattr(target, name) for name in (*_CRITERIA.values(), "within_km", "weights", "taxonomy_path")}
    else:
        base = dict(target or {})
    mapping: dict[str, Any] = dict(base)
    if within_km is not None:
        mapping["within_km"] = within_km
    for key, value in given.items():
        name = _CRITERIA[key]
        extra = (value,) if isinstance(value, str) else tuple(value)
        mapping[name] = tuple(mapping.get(name, ())) + extra
    return TargetSpec.from_mapping(mapping)


def _limit(top: int | None, param: str = "top") -> int | None:
    if top is None:
        return None
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise InputError(param, "a whole number >= 0 (0 or None: all)", repr(top), param=param)
    return None if top == 0 else top


def _people_ids(people: Any) -> list[str]:
    """Person ids or names from a frame with person_id, a list, or one string."""
    if isinstance(people, str):
        return [people]
    if hasattr(people, "columns") and hasattr(people, "to_dict"):  # a DataFrame
        if "person_id" not in people.columns:
            raise InputError("people", "a frame with a person_id column", ", ".join(map(str, people.columns)),
                             param="people")
        return [str(p) for p in people["person_id"]]
    return [str(p) for p in people]


class Network:
    """A workspace opened for analysis: people, ties, rankings, the outreach log, follow-ups.

    Use :func:`open`. Every method reads the workspace as it is now (a write from the CLI
    or another notebook is seen at the next call); ranking work is cached until the
    workspace changes. Close it with :meth:`close` or a ``with`` block.
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.folder = ws.folder
        self._cache: dict[Any, Any] = {}

    # ------------------------------------------------------------------ plumbing

    def __enter__(self) -> Network:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<netanalytics.Network {str(self.folder)!r}>"

    def close(self) -> None:
        """Close the workspace connection."""
        self.ws.close()

    @staticmethod
    def definitions() -> pd.DataFrame:
        """What each number in the tables means (:data:`DEFINITIONS`), as a frame."""
        import pandas as pd

        return pd.DataFrame(list(DEFINITIONS.items()), columns=["column", "meaning"])

    def _state(self) -> tuple[int, int]:
        """Changes since opened on this connection, and by others: a cache key that moves on writes."""
        return self.ws.conn.total_changes, int(self.ws.conn.execute("PRAGMA data_version").fetchone()[0])

    def _tables(self) -> Any:
        from netanalytics.graph import load_tables

        key = ("tables", self._state())
        if key not in self._cache:
            self._cache = {k: v for k, v in self._cache.items() if k[1] == key[1]}
            self._cache[key] = load_tables(self.ws)
        return self._cache[key]

    def _network(self, today: Any, weights: RankWeights | None) -> PreparedNetwork:
        from netanalytics.ranking.rank import prepare_network

        day = parse_day(today, "today")
        key = ("network", self._state(), day, weights)
        if key not in self._cache:
            self._cache[key] = prepare_network(self._tables(), today=day, weights=weights)
        return self._cache[key]

    # ------------------------------------------------------------------ the network

    @property
    def people(self) -> pd.DataFrame:
        """Everyone in the workspace, one row each (:data:`PEOPLE_COLUMNS`): person_id, name,
        company, position, location (as written), place (where that is, normalised:
        "Seattle, Washington, US", "Greater Boston, US"; None when unknown), schools (the
        schools they went to, as text joined by "; "), email, profile_url (an https link),
        hops (from you; <NA> when unreachable), is_me, sources (the lists that name them, as
        text), and who they are as :mod:`netanalytics.recognition` reads it: industry (a key
        of the taxonomy, or None), industries (all of them, as text), industry_source (user,
        gazetteer, pattern, colleagues or keyword), industry_reason, function, seniority
        (LinkedIn's vocabularies) and title_reason. Nearest first. :attr:`education` and
        :attr:`experience` give every school and role as rows."""
        import pandas as pd

        from netanalytics.recognition.places import normalize_locations
        from netanalytics.workspace.queries import people_frame

        frame = people_frame(self.ws).rename(columns={"degree": "hops"})
        frame["profile_url"] = [profile_link(_key(u)) for u in frame["profile_url"]]
        frame["sources"] = ["; ".join(s) for s in frame["sources"]]
        frame["industries"] = [", ".join(s) or None for s in frame["industries"]]
        frame["place"] = normalize_locations(frame["location"])["label"].astype(object)
        schools: dict[str, list[str]] = {}
        for pid, school in zip(*(self.education[c] for c in ("person_id", "school")), strict=True):
            if school not in schools.setdefault(pid, []):
                schools[pid].append(school)
        frame["schools"] = pd.Series([("; ".join(schools[pid]) or None) if pid in schools else None
                                      for pid in frame["person_id"]], index=frame.index, dtype=object)
        return frame[PEOPLE_COLUMNS]

    @property
    def education(self) -> pd.DataFrame:
        """Every school of every person, one row each: person_id, school, degree, field,
        start_year, end_year, source ("their saved profile", "your LinkedIn archive" or "you")."""
        from netanalytics.workspace.profiles import education_frame

        return education_frame(self.ws.conn)

    @property
    def experience(self) -> pd.DataFrame:
        """Every role of every person from saved profiles (and mine from my archive), most
        recent first: person_id, company, title, started, ended ('YYYY' or 'YYYY-MM'; None
        while it lasts), location, source."""
        from netanalytics.workspace.profiles import experience_frame

        return experience_frame(self.ws.conn)

    @property
    def ties(self) -> pd.DataFrame:
        """Every tie: owner_id, owner, person_id, name, mine (your own tie), connected_on,
        relationship, messages_sent, messages_received, last_message_at, endorsements and
        recommendations each way, invitation."""
        import pandas as pd

        from netanalytics.graph import TIE_COUNT_COLUMNS

        tables = self._tables()
        names = tables.people["full_name"]
        ties = tables.ties
        out = pd.DataFrame({
            "owner_id": ties["owner_id"].astype(object).to_numpy(),
            "owner": names.iloc[ties["owner"].to_numpy()].astype(object).to_numpy(),
            "person_id": ties["person_id"].astype(object).to_numpy(),
            "name": names.iloc[ties["person"].to_numpy()].astype(object).to_numpy(),
            "mine": ties["mine"].to_numpy(dtype=bool),
            "connected_on": ties["connected_on"].to_numpy(),
            "relationship": ties["relationship"].to_numpy(),
        })
        for col in (*TIE_COUNT_COLUMNS, "last_message_at", "invitation"):
            out[col] = ties[col].to_numpy()
        for col in ("relationship", "invitation"):
            out[col] = out[col].astype(object).where(out[col].notna(), None)
        return out

    @property
    def sources(self) -> pd.DataFrame:
        """Every import: source_id, label, kind, path, imported_at, rows_read, relationship, summary."""
        from netanalytics.workspace.queries import sources_frame

        return sources_frame(self.ws)

    def summary(self) -> dict[str, Any]:
        """What the workspace holds: counts of people, ties, sources, hops, skipped rows, top companies."""
        from netanalytics.workspace.queries import workspace_summary

        return workspace_summary(self.ws)

    def search(self, text: str) -> pd.DataFrame:
        """People whose name, company or position contains ``text`` (accents and case ignored)."""
        from netanalytics.workspace.queries import search_people

        people = self.people
        return search_people(people, text).reset_index(drop=True)

    def find_people(self, text: str, *, top: int | None = 10, offset: int = 0, max_hops: int = 3,
                    top_paths: int = 5, today: date | str | None = None) -> pd.DataFrame:
        """People whose name, company or title has words starting with each word of ``text``
        (accents, case, pronouns and credentials ignored), the most reachable first.

        Ordered by intro_chance, then hops, then how well the words matched; the page of
        ``top`` rows from ``offset`` (more on demand: the next offset). Columns as
        :meth:`rank`'s, without fit and score (a search has no target): intro_chance, hops,
        via and path are those of the ranking, defined once in :data:`DEFINITIONS`.
        ``attrs["total"]`` says how many people match in all. Built on an index
        (:class:`netanalytics.workspace.search.SearchIndex`) kept until the workspace changes.
        """
        from netanalytics.ranking.rank import compute_ranking, explain_rows

        limit = _limit(top)
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise InputError("offset", "a whole number >= 0", repr(offset), param="offset")
        me = self._tables().me_id
        hits = [(pid, k) for pid, k in self._search_index().find(text) if pid != me]
        reach = self._reach(today, max_hops, top_paths)
        strength = dict(hits)
        order = sorted(strength, key=lambda p: (-reach.get(p, (0.0, 99))[0], reach.get(p, (0.0, 99))[1],
                                                -strength[p], p))
        page = order[offset:] if limit is None else order[offset:offset + limit]
        frame = _rank_frame([])
        if page:
            result = compute_ranking(self._tables(), None, max_hops=max_hops, top_paths=top_paths,
                                     network=self._network(today, None), targets=page)
            frame = _rank_frame(explain_rows(result))
            frame = frame.set_index("person_id").loc[page].reset_index()
            frame["rank"] = range(offset + 1, offset + len(frame) + 1)
        frame = frame[[c for c in RANK_COLUMNS if c not in ("fit", "score")]]
        frame.attrs["total"] = len(order)
        return frame

    def _search_index(self) -> Any:
        from netanalytics.workspace.search import SearchIndex

        key = ("index", self._state())
        if key not in self._cache:
            rows = self.ws.conn.execute(
                "SELECT person_id, full_name, company, position FROM people WHERE merged_into IS NULL")
            self._cache[key] = SearchIndex.build(tuple(r) for r in rows)
        return self._cache[key]

    def _reach(self, today: Any, max_hops: int, top_paths: int) -> dict[str, tuple[float, int]]:
        """person_id -> (intro_chance, hops) for everyone reachable: one vectorised pass, cached."""
        from netanalytics.ranking.rank import compute_ranking

        day = parse_day(today, "today")
        key = ("reach", self._state(), day, max_hops, top_paths)
        if key not in self._cache:
            tables = self._tables()
            ids = [p for p in tables.people["person_id"].tolist() if p != tables.me_id]
            result = compute_ranking(tables, None, max_hops=max_hops, top_paths=top_paths,
                                     network=self._network(day, None), targets=ids)
            frame = result.frame
            reach = frame[frame["reachable"]]
            self._cache[key] = {pid: (float(p), int(h)) for pid, p, h in
                                zip(reach["person_id"], reach["probability"], reach["hops"], strict=True)}
        return self._cache[key]

    def person(self, who: str) -> dict[str, Any]:
        """One person (an id, a profile URL or an unambiguous name) as a dict."""
        from netanalytics.workspace.people import find_person

        row = dict(find_person(self.ws, who))
        row["profile_url"] = profile_link(row.get("profile_url"))
        return row

    def profile(self, person: str) -> dict[str, Any]:
        """Everything known about one person (an id, a profile URL or a name), for a person card.

        A dict: person_id, name, company, position, location (as written), place (its
        normalised label, or None), headline, summary, email, profile_url (a link), hops,
        schools (dicts: school, degree, field, start_year, end_year, source), experience
        (dicts: company, title, started, ended, location, source; most recent first),
        top_skills, languages, meeting (coffee, video or unknown), meeting_reason, shared
        (what you share, in words), sources (where each of company, position, location and
        headline came from: "you", "their saved profile (FILE, imported DATE)", or the list
        that named them), profiles (every saved profile imported, newest first: file,
        imported_at, headline, location) and edits (your own word: field -> value).
        """
        from netanalytics.scoring.affinity import affinity_with
        from netanalytics.workspace.profiles import person_card

        card = person_card(self.ws, person)
        card["profile_url"] = profile_link(card.get("profile_url"))
        if card["is_me"]:
            card.update(meeting=None, meeting_reason=None, shared=[])
            return card
        found = affinity_with(self.ws, card["person_id"])
        card.update(meeting=found.meeting, meeting_reason=found.meeting_reason,
                    shared=[r for r in (found.school_reason, found.employer_reason) if r])
        return card

    def set_person(
        self,
        person: str,
        location: str | None = None,
        school: str | None = None,
        company: str | None = None,
        position: str | None = None,
        clear: Iterable[str] | str = (),
    ) -> dict[str, tuple[str | None, str | None]]:
        """Say what you know about ``person`` (an id, a profile URL or a name): where they are,
        a school they went to, their company or position; ``clear`` takes back your word on
        fields ('location', 'school', 'company', 'position'), so the imports' value shows again.

        Your word wins over every import and survives re-imports (:mod:`netanalytics.workspace.edits`).
        Returns, per field changed, (what it showed before, what it shows now).
        """
        from netanalytics.workspace.edits import set_person

        return set_person(self.ws, person, location=location, school=school, company=company, position=position,
                          clear=clear)

    def graph(self) -> nx.Graph:
        """The network as an undirected networkx graph (node and edge attributes: see
        :func:`netanalytics.graph.build_graph`)."""
        from netanalytics.graph import build_graph

        return build_graph(self._tables())

    def duplicates(self) -> pd.DataFrame:
        """Pairs of records that may be one person, for you to confirm with :meth:`merge`."""
        from netanalytics.workspace.queries import possible_duplicates

        return possible_duplicates(self.ws)

    # ------------------------------------------------------------------ changing the network

    def add_export(
        self, path: str | os.PathLike[str] | ParsedExport, *, owner: str | None = None,
        owner_url: str | None = None, relationship: str | None = None, progress: bool = False,
        path_as_given: str | None = None,
    ) -> ImportSummary:
        """Import an export: yours (no owner), or a list ``owner`` shared with you; all or nothing.

        ``path`` is a file or folder, or an export already read
        (:func:`netanalytics.ingest.read_source`; ``path_as_given`` names it then).
        """
        from netanalytics.ingest.records import ParsedExport
        from netanalytics.workspace.importer import import_parsed, import_source

        if isinstance(path, ParsedExport):
            return import_parsed(self.ws, path, owner=owner, owner_url=owner_url, relationship=relationship,
                                 progress=progress, path_as_given=path_as_given)
        return import_source(self.ws, path, owner=owner, owner_url=owner_url, relationship=relationship,
                             progress=progress)

    def merge(self, keep: str, other: str) -> str:
        """Merge person ``other`` into ``keep`` (ids): one person from now on; returns ``keep``."""
        from netanalytics.workspace.corrections import merge_people

        return merge_people(self.ws, keep, other)

    def split(self, person: str) -> list[str]:
        """Undo the latest merge into ``person`` (an id), or split it by source; the pieces' ids."""
        from netanalytics.workspace.corrections import split_person

        return split_person(self.ws, person)

    def set_relationship(self, person: str, label: str | None) -> tuple[str, str | None]:
        """Rate your tie to ``person`` (family, close-friend, friend, colleague, acquaintance; None
        clears it); returns (person_id, the previous label)."""
        from netanalytics.workspace.corrections import set_relationship

        return set_relationship(self.ws, person, label)

    def label_company(self, company: str, industries: str | Iterable[str]) -> tuple[str, ...] | None:
        """Say which industry ``company`` is in (one key of the taxonomy or several, primary
        first): your label wins over every recogniser and survives re-imports. Returns the
        industries it had from you before, or None."""
        from netanalytics.workspace.labels import label_company

        return label_company(self.ws, company, industries)[2]

    def clear_company_label(self, company: str) -> tuple[str, ...]:
        """Remove your label of ``company``; returns the industries it had."""
        from netanalytics.workspace.labels import clear_company_label

        return clear_company_label(self.ws, company)

    @property
    def company_labels(self) -> pd.DataFrame:
        """Your own industry labels: company (as you wrote it), industries, updated_at."""
        from netanalytics.workspace.labels import labels_frame

        return labels_frame(self.ws)

    def coverage(self, top: int = 10) -> dict[str, Any]:
        """How much of your network's industry is known, by source, and the companies with the
        most unknown people — the ones to :meth:`label_company` first
        (:func:`netanalytics.recognition.recognise.industry_coverage`)."""
        from netanalytics.workspace.queries import workspace_summary

        return workspace_summary(self.ws, top=top)["industry_coverage"]

    # ------------------------------------------------------------------ ranking

    def rank(
        self,
        industry: str | Iterable[str] | None = None,
        title: str | Iterable[str] | None = None,
        company: str | Iterable[str] | None = None,
        seniority: str | Iterable[str] | None = None,
        location: str | Iterable[str] | None = None,
        school: str | Iterable[str] | None = None,
        function: str | Iterable[str] | None = None,
        near: str | Iterable[str] | None = None,
        *,
        within_km: float | None = None,
        target: Mapping[str, Any] | Any | None = None,
        top: int | None = 20,
        unreachable: bool = False,
        max_hops: int = 3,
        top_paths: int = 5,
        today: date | str | None = None,
        weights: RankWeights | None = None,
    ) -> pd.DataFrame:
        """People who fit the target, best first: one flat row each (:data:`RANK_COLUMNS`).

        The target is the keyword criteria (a string or a list each) and/or ``target`` (a
        :class:`~netanalytics.scoring.target.TargetSpec` or a mapping). ``title`` matches
        through the title reader ("product manager" finds "Sr. PM" and "Produktmanager", not
        "Product Marketing Manager"); ``function`` and ``seniority`` take LinkedIn's job
        functions and levels (``netanalytics.recognition.titles.FUNCTIONS`` and
        ``SENIORITIES``). ``school`` matches the schools people studied at (saved profiles,
        your own word) or work at; ``near`` takes places (cities or metro areas) and keeps
        their weight for people within ``within_km`` (default 40) of one. ``top`` keeps the
        first rows (0 or None: all). People who fit but cannot be reached are left out
        unless ``unreachable`` (then they follow, with intro_chance 0 and hops <NA>).
        ``why`` gives the reasons in words; :meth:`routes` gives every route behind a row.
        Columns are defined once in :data:`DEFINITIONS`.
        """
        from netanalytics.ranking.rank import compute_ranking, explain_rows

        spec = _spec(target, {"industry": industry, "title": title, "company": company, "function": function,
                              "seniority": seniority, "location": location, "school": school, "near": near},
                     within_km)
        limit = _limit(top)
        net = self._network(today, weights)
        result = compute_ranking(self._tables(), spec, max_hops=max_hops, top_paths=top_paths, weights=weights,
                                 network=net)
        frame = result.frame
        if not unreachable:
            result.frame = frame[frame["reachable"]].reset_index(drop=True)
        rows = explain_rows(result, limit)
        return _rank_frame(rows)

    def routes(self, people: Any, *, max_hops: int = 3, top_paths: int = 5,
               today: date | str | None = None) -> pd.DataFrame:
        """Every kept route to each of ``people`` (a frame with person_id such as
        :meth:`rank`'s, a list of ids or names, or one): one row per route, best first
        (:data:`ROUTE_COLUMNS`). Someone you cannot reach has no rows."""
        from netanalytics.ranking.rank import compute_ranking, explain_rows
        from netanalytics.workspace.people import find_person

        ids = [find_person(self.ws, p)["person_id"] for p in _people_ids(people)]
        if not ids:
            import pandas as pd

            return pd.DataFrame(columns=ROUTE_COLUMNS)
        me = self._tables().me_id
        if me in ids:
            raise InputError("{param}: that is you; give someone else to find routes to.", param="person")
        result = compute_ranking(self._tables(), None, max_hops=max_hops, top_paths=top_paths,
                                 network=self._network(today, None), targets=list(dict.fromkeys(ids)))
        return _route_frame(explain_rows(result))

    def paths_to(self, person: str, *, max_hops: int = 3, top_paths: int = 5,
                 today: date | str | None = None) -> pd.DataFrame:
        """The routes to one person (an id, a profile URL or a name), best first: :meth:`routes`
        for one. Every row carries the person's ``intro_chance``."""
        return self.routes(person, max_hops=max_hops, top_paths=top_paths, today=today)

    def who_to_ask(
        self,
        industry: str | Iterable[str] | None = None,
        title: str | Iterable[str] | None = None,
        company: str | Iterable[str] | None = None,
        seniority: str | Iterable[str] | None = None,
        location: str | Iterable[str] | None = None,
        school: str | Iterable[str] | None = None,
        function: str | Iterable[str] | None = None,
        near: str | Iterable[str] | None = None,
        *,
        within_km: float | None = None,
        target: Mapping[str, Any] | Any | None = None,
        top: int | None = 10,
        max_hops: int = 3,
        top_paths: int = 5,
        today: date | str | None = None,
        weights: RankWeights | None = None,
    ) -> pd.DataFrame:
        """Your connections ranked by the expected value their introductions open: person_id,
        name, company, position, value, targets, willingness, best_targets (text), why."""
        from netanalytics.ranking.intermediaries import rank_intermediaries

        spec = _spec(target, {"industry": industry, "title": title, "company": company, "function": function,
                              "seniority": seniority, "location": location, "school": school, "near": near},
                     within_km)
        frame = rank_intermediaries(self._tables(), spec, max_hops=max_hops, top_paths=top_paths,
                                    limit=_limit(top), today=parse_day(today, "today"), weights=weights,
                                    network=self._network(today, weights))
        frame = frame.copy()
        frame["best_targets"] = ["; ".join(t) for t in frame["best_targets"]]
        frame["why"] = ["; ".join(r) for r in frame.pop("reasons")]
        return frame.reset_index(drop=True)

    def hit_rates(self, today: date | str | None = None) -> pd.DataFrame:
        """Per intermediary, from the log: asked, succeeded, failed, pending, rate, prior and
        the willingness the ranking now assumes (posterior_mean)."""
        from netanalytics.scoring.outcomes import hit_rates

        return hit_rates(self.ws, today=parse_day(today, "today"))

    # ------------------------------------------------------------------ the outreach log

    def log(
        self,
        person: str,
        stage: str,
        *,
        at: datetime | date | str | None = None,
        channel: str | None = None,
        via: str | None = None,
        notes: str | None = None,
        questions: str | None = None,
        learned: str | None = None,
        next_step: str | None = None,
        referral_name: str | None = None,
        referral_company: str | None = None,
        referral_position: str | None = None,
        referral_url: str | None = None,
    ) -> Event:
        """Log one event for ``person`` (an ask, an introduction, a meeting, an outcome).

        With stage ``referral_given``, ``referral_name`` (and optionally company, position
        and a LinkedIn profile URL) adds the referred person to your network.
        """
        from netanalytics.outreach.log import Referral, log_event

        extra = (referral_company, referral_position, referral_url)
        if any(v is not None for v in extra) and not referral_name:
            raise InputError("referral.name", "the referred person's name with the other referral details",
                             "none", param="referral.name")
        referral = (Referral(referral_name, referral_company, referral_position, referral_url)
                    if referral_name else None)
        return log_event(self.ws, person, stage, at=at, channel=channel, via=via, notes=notes,
                         questions=questions, learned=learned, next_step=next_step, referral=referral)

    def edit(self, event_id: int, **changes: Any) -> Event:
        """Change fields of a logged event (person, stage, at, channel, via, notes, questions,
        learned, next_step); the old version is kept. Returns the new version."""
        from netanalytics.outreach.log import edit_event

        return edit_event(self.ws, event_id, **changes)

    def delete(self, event_id: int) -> Event:
        """Mark an event deleted (:meth:`undo` brings it back)."""
        from netanalytics.outreach.log import delete_event

        return delete_event(self.ws, event_id)

    def undo(self) -> str:
        """Take back the latest log, edit, delete or log import; says what was undone."""
        from netanalytics.outreach.log import undo_last

        return undo_last(self.ws)

    def events(self, include_deleted: bool = False, *, as_frame: bool = True) -> pd.DataFrame | list[dict[str, Any]]:
        """The outreach log, oldest first, one row per current event (``as_frame=False``:
        the same rows as plain dicts, without loading pandas)."""
        from netanalytics.outreach.log import events_frame
        from netanalytics.outreach.storage import event_rows

        if not as_frame:
            return event_rows(self.ws, include_deleted=include_deleted)
        return events_frame(self.ws, include_deleted=include_deleted)

    def history(self, person: str, *, as_frame: bool = True) -> pd.DataFrame | list[dict[str, Any]]:
        """Everything logged for one person (an id, a profile URL or a name), oldest first
        (``as_frame=False``: plain dicts, without loading pandas)."""
        from netanalytics.outreach.log import EVENT_COLUMNS, history

        events = history(self.ws, person)
        rows = [{k: v for k, v in e.__dict__.items() if k != "deleted_at"} for e in events]
        if not as_frame:
            return rows
        import pandas as pd

        return pd.DataFrame(rows, columns=[c for c in EVENT_COLUMNS if c != "deleted_at"])

    def pipeline(self, *, as_frame: bool = True) -> pd.DataFrame | list[dict[str, Any]]:
        """One row per person in the log: the furthest stage, the last outcome, the next step
        (``as_frame=False``: plain dicts, without loading pandas)."""
        from netanalytics.outreach.log import pipeline
        from netanalytics.outreach.storage import pipeline_rows

        return pipeline(self.ws) if as_frame else pipeline_rows(self.ws)

    # ------------------------------------------------------------------ follow-ups

    def due(self, today: date | str | None = None, *, within_days: int | None = 0,
            as_frame: bool = True) -> pd.DataFrame | list[dict[str, Any]]:
        """Follow-ups due by ``today`` (default: the local date), most urgent first; with
        ``within_days`` also what falls due in that many days (None: every open one).
        ``as_frame=False`` gives plain dicts, without loading pandas."""
        from netanalytics.outreach.cadence import due

        return due(self.ws, parse_day(today, "today"), within_days=within_days, as_frame=as_frame)

    def on_time(self, today: date | str | None = None) -> pd.DataFrame:
        """How many follow-ups that fell due were done on time, per kind and overall."""
        from netanalytics.outreach.cadence import followup_timeliness, load_rules, on_time_rates

        return on_time_rates(followup_timeliness(self.events(), load_rules(self.ws), parse_day(today, "today")))

    def snooze(self, person: str, until: date | str | None) -> date | None:
        """Hold every reminder for ``person`` until ``until`` (None lifts the snooze)."""
        from netanalytics.outreach.cadence import snooze

        return snooze(self.ws, person, until)

    def keep_in_touch(self, person: str, *, tier: str | None = None, days: int | None = None) -> int:
        """Set how often to keep in touch with ``person`` (a tier or a number of days);
        returns the interval in days now in force."""
        from netanalytics.outreach.cadence import load_rules, set_keep_in_touch
        from netanalytics.workspace.people import find_person

        set_keep_in_touch(self.ws, person, tier=tier, days=days)
        return load_rules(self.ws).interval_for(find_person(self.ws, person)["person_id"])

    def calendar(self, path: str | os.PathLike[str], *, today: date | str | None = None,
                 horizon_days: int = 60, alarm_hour: int | None = 9) -> int:
        """Write follow-ups due in the next ``horizon_days`` days to an .ics file (with a reminder
        at ``alarm_hour``, None for none); how many."""
        from netanalytics.outreach.calendar import write_calendar

        return write_calendar(self.ws, path, today=parse_day(today, "today"), horizon_days=horizon_days,
                              alarm_hour=alarm_hour)

    def draft(self, person: str, kind: str | None = None, *, via: str | None = None,
              today: date | str | None = None) -> str:
        """A message from your templates: 'intro-request', 'direct', 'thank-you', 'keep-in-touch'.

        Without ``kind`` the log decides (:func:`netanalytics.outreach.drafts.default_kind`):
        a thank-you after a meeting not yet thanked, a keep-in-touch note to someone you met,
        an intro request when someone can introduce you, else a direct message. The tone
        follows your tie: short and friendly to a close friend, polite and formal otherwise.
        """
        from netanalytics.outreach.drafts import draft

        return draft(self.ws, person, kind, via=via, today=parse_day(today, "today") if today else None)

    def prep(self, person: str) -> str:
        """A Markdown prep sheet for a meeting with ``person``."""
        from netanalytics.outreach.prep import prep_sheet

        return prep_sheet(self.ws, person)

    def chart(self, kind: str, *, today: date | str | None = None) -> Figure:
        """One chart of the log ('timeline', 'on-time', 'funnel', 'response', 'activity')."""
        from netanalytics.charts import chart_figure

        return chart_figure(self.ws, kind, today=parse_day(today, "today"))

    def save_chart(self, kind: str, path: str | os.PathLike[str], *, today: date | str | None = None) -> list[Path]:
        """Save chart ``kind`` to ``path`` (.png, .svg, .pdf); ``kind`` 'all' writes every chart
        as PNG into the folder ``path``. Returns the files written."""
        from netanalytics.charts import write_all_charts, write_chart

        day = parse_day(today, "today")
        if kind == "all":
            return write_all_charts(self.ws, path, today=day)
        return [write_chart(self.ws, kind, path, today=day)]

    def export_log(self, path: str | os.PathLike[str]) -> int:
        """Export the whole log to CSV (safe to open in a spreadsheet, lossless to import back)."""
        from netanalytics.outreach.csvio import export_log

        return export_log(self.ws, path)

    def import_log(self, path: str | os.PathLike[str]) -> Any:
        """Import an exported log CSV: all rows or nothing; rows already present are skipped."""
        from netanalytics.outreach.csvio import import_log

        return import_log(self.ws, path)

    def add_sample_log(self, *, seed: int = 7, today: date | str | None = None, months: int = 4) -> int:
        """Fill an empty log with a few months of made-up outreach (to try the toolkit on the
        sample); how many events were written."""
        from netanalytics.outreach.sample_log import generate_sample_log

        return generate_sample_log(self.ws, seed=seed, today=parse_day(today, "today"), months=months)


# ---------------------------------------------------------------------- frames


def _key(url: Any) -> str | None:
    """The stored key of a displayed URL (people_frame shows https links already)."""
    if not isinstance(url, str) or not url:
        return None
    return url.removeprefix("https://www.")


def _text(parts: Iterable[str]) -> str:
    return " → ".join(parts)


def _rank_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Flat rows of the ranking: lists become text, hops an integer column."""
    import pandas as pd

    out = []
    for i, r in enumerate(rows, start=1):
        out.append({
            "rank": i, "person_id": r["person_id"], "name": r["name"], "company": r["company"],
            "position": r["position"], "location": r["location"], "place": r["place"],
            "profile_url": profile_link(r["profile_url"]),
            "intro_chance": r["probability"], "score": r["score"], "fit": r["fit"], "affinity": r["affinity"],
            "mutual": r["mutual"], "hops": r["hops"], "via": r["via"], "via_id": r["via_id"],
            "path": _text(r["path"]) if r["path"] else None, "meeting": r["meeting"],
            "meeting_reason": r["meeting_reason"],
            "already_met": r["already_met"], "reachable": r["reachable"], "why": "; ".join(r["reasons"]),
        })
    frame = pd.DataFrame(out, columns=RANK_COLUMNS)
    frame["rank"] = frame["rank"].astype("int64")
    frame["hops"] = pd.array(frame["hops"].tolist(), dtype="Int64")
    for col in ("intro_chance", "score", "fit", "affinity"):
        frame[col] = frame[col].astype(float)
    frame["mutual"] = frame["mutual"].astype("int64")
    for col in ("already_met", "reachable"):
        frame[col] = frame[col].astype(bool)
    for col in ("company", "position", "location", "place", "profile_url", "via", "via_id", "path"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame


def _route_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per route of each explained target (only reachable ones have routes)."""
    import pandas as pd

    out = []
    for r in rows:
        for i, route in enumerate(r["routes"], start=1):
            ids, names, hops = route["path_ids"], route["path"], route["hops"]
            out.append({
                "person_id": r["person_id"], "name": r["name"], "route": i,
                "route_chance": round(route["probability"], 6), "intro_chance": r["probability"], "hops": hops,
                "via": names[1] if hops >= 2 else None, "via_id": ids[1] if hops >= 2 else None,
                "then": names[2] if hops >= 3 else None, "then_id": ids[2] if hops >= 3 else None,
                "path": _text(names), "why": route["sentence"],
            })
    frame = pd.DataFrame(out, columns=ROUTE_COLUMNS)
    for col in ("route", "hops"):
        frame[col] = frame[col].astype("int64")
    for col in ("route_chance", "intro_chance"):
        frame[col] = frame[col].astype(float)
    for col in ("via", "via_id", "then", "then_id", "why"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame

