"""How my asks went: by intermediary (direct outreach as its own bar) and by path length.

An *ask* starts with ``intro_requested`` (through an intermediary, ``via``) or
``outreach_sent`` (direct, unless an intro for the same person is already under way).
Everything logged for that person afterwards belongs to it until it ends in ``declined`` or
``no_response`` (a later ask then starts a new one). Its outcome is the furthest it got:

- ``meeting``: the target engaged — a meeting was scheduled or held, or they referred me on
  (:data:`~netanalytics.workspace.stages.ENGAGED_STAGES`, the same rule that decides whether
  an intermediary came through in :mod:`netanalytics.scoring.outcomes`);
- ``intro_made``: the intermediary made the introduction (no meeting yet, or the target
  said no — the intermediary still came through);
- ``declined`` / ``no_response``: the ask ended there;
- ``waiting``: nothing yet (left out of the rates, shown in the counts).

Path length: 1 = direct, 2 = through an intermediary who is my own connection, 3 = through
someone I do not know directly (a friend of a friend, or a person met through an
introduction), from the log's ``via`` and my first-degree ties.

>>> import pandas as pd
>>> events = pd.DataFrame({
...     "person_id": ["t1", "t1", "t2", "t2", "t3"], "name": ["T1", "T1", "T2", "T2", "T3"],
...     "stage": ["intro_requested", "intro_made", "outreach_sent", "no_response", "outreach_sent"],
...     "at": pd.to_datetime(["2026-03-01", "2026-03-03", "2026-03-02", "2026-03-20", "2026-03-21"]),
...     "via_person_id": ["f1", "f1", None, None, None], "via_name": ["Fay", "Fay", None, None, None]})
>>> asks = asks_frame(events, first_degree={"f1"})
>>> asks[["person_id", "path_length", "outcome"]].values.tolist()
[['t1', 2, 'intro_made'], ['t2', 1, 'no_response'], ['t3', 1, 'waiting']]
>>> response_data(asks, "path_length")[["group", "decided", "yes", "waiting"]].values.tolist()
[['direct (1 hop)', 1, 0, 1], ['via one intermediary (2 hops)', 1, 1, 0], ['via two intermediaries (3 hops)', 0, 0, 0]]
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netanalytics.charts._frames import prepare_events
from netanalytics.charts._style import OKABE_ITO, empty_message, mpl_text, new_axes, short_label
from netanalytics.errors import InputError
from netanalytics.workspace.stages import ASK_STAGES, CLOSED_STAGES, ENGAGED_STAGES

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from netanalytics.workspace import Workspace

__all__ = ["OUTCOMES", "ResponseRateDisplay", "asks_frame", "response_data"]

#: Fewer answers than this make no rate worth a solid bar (pale, the counts in words).
FEW = 3

#: Outcomes of an ask, best first, with their colour and legend text.
OUTCOMES: dict[str, tuple[str, str]] = {
    "meeting": (OKABE_ITO["green"], "meeting"),
    "intro_made": (OKABE_ITO["sky"], "intro made"),
    "declined": (OKABE_ITO["vermillion"], "declined"),
    "no_response": (OKABE_ITO["grey"], "no reply"),
}
DIRECT = "Direct (no intermediary)"
PATH_LABELS = {1: "direct (1 hop)", 2: "via one intermediary (2 hops)", 3: "via two intermediaries (3 hops)"}
_RANK = {"waiting": 0, "intro_made": 1, "meeting": 2}
MAX_INTERMEDIARIES = 12


def asks_frame(
    events: pd.DataFrame,
    *,
    first_degree: Collection[str] | None = None,
    hops: Mapping[str, int] | None = None,
) -> pd.DataFrame:
    """One row per ask: ``person_id``, ``name``, ``at``, ``via_person_id``, ``via_name``,
    ``path_length``, ``outcome``.

    ``first_degree``: my own connections' ids (an intermediary outside it makes the path 3
    long). When it is None, ``hops`` (target id -> hops of its best ranked path) decides
    where known, else a path through an intermediary counts as 2.
    """
    ev = prepare_events(events)
    rows: list[dict[str, Any]] = []
    for pid, group in ev.groupby("person_id", sort=False):
        current: dict[str, Any] | None = None
        for e in group.itertuples(index=False):
            stage = e.stage
            if stage in ASK_STAGES:
                if current is None or current["outcome"] in CLOSED_STAGES:
                    via = e.via_person_id if stage == "intro_requested" else None
                    current = {"person_id": pid, "name": e.name, "at": e.at,
                               "via_person_id": via, "via_name": e.via_name if via else None,
                               "outcome": "waiting"}
                    rows.append(current)
                continue
            if current is None or current["outcome"] in CLOSED_STAGES:
                continue
            if stage == "intro_made" and current["via_person_id"] is not None:
                current["outcome"] = max(current["outcome"], "intro_made", key=_RANK.__getitem__)
            elif stage in ENGAGED_STAGES:  # a meeting agreed or held, or a referral
                current["outcome"] = "meeting"
            elif stage in CLOSED_STAGES and current["outcome"] == "waiting":
                current["outcome"] = stage
    frame = pd.DataFrame(rows, columns=["person_id", "name", "at", "via_person_id", "via_name", "outcome"],
                         dtype=object)
    frame["at"] = pd.to_datetime(frame["at"])
    known = set(first_degree) if first_degree is not None else None

    def length(row: Any) -> int:
        if row.via_person_id is None or pd.isna(row.via_person_id):
            return 1
        if known is not None:
            return 2 if row.via_person_id in known else 3
        if hops and row.person_id in hops:
            return int(min(3, max(2, hops[row.person_id])))
        return 2

    frame["path_length"] = [length(r) for r in frame.itertuples(index=False)] if len(frame) else []
    frame["path_length"] = frame["path_length"].astype("int64")
    frame = frame.sort_values("at", kind="stable").reset_index(drop=True)
    return frame[["person_id", "name", "at", "via_person_id", "via_name", "path_length", "outcome"]]


def response_data(asks: pd.DataFrame, by: str = "intermediary") -> pd.DataFrame:
    """Outcome counts per group: ``group``, ``asks``, ``decided``, one column per outcome,
    ``waiting``, ``yes`` (meeting + intro made), ``yes_rate`` (NaN when none decided).

    ``by='intermediary'``: one row per intermediary (most asks first; beyond
    :data:`MAX_INTERMEDIARIES` the rest are pooled as 'Others'), then the direct bar.
    ``by='path_length'``: rows for 1, 2 and 3 hops, always all three.
    """
    if by not in ("intermediary", "path_length"):
        raise InputError("by", "'intermediary' or 'path_length'", repr(by), param="by")
    frame = asks.copy()
    if by == "path_length":
        frame["group"] = frame["path_length"].map(PATH_LABELS)
        order = list(PATH_LABELS.values())
        frame["key"] = frame["group"]
    else:
        frame["key"] = frame["via_person_id"].where(frame["via_person_id"].notna(), "")
        frame["group"] = np.where(frame["key"] == "", DIRECT, frame["via_name"].fillna(frame["key"]))
        counts = frame[frame["key"] != ""].groupby("key").size().sort_values(ascending=False, kind="stable")
        names = frame.drop_duplicates("key").set_index("key")["group"]
        ordered = sorted(counts.index, key=lambda k: (-counts[k], str(names[k]).casefold(), k))
        keep = ordered[:MAX_INTERMEDIARIES] if len(ordered) > MAX_INTERMEDIARIES + 1 else ordered
        others = [k for k in ordered if k not in keep]
        if others:
            frame.loc[frame["key"].isin(others), "key"] = "__others__"
            frame.loc[frame["key"] == "__others__", "group"] = f"Others ({len(others)} people)"
        order = keep + (["__others__"] if others else []) + ([""] if (frame["key"] == "").any() else [])
    table = pd.crosstab(frame["key"], frame["outcome"]) if len(frame) else pd.DataFrame()
    table = table.reindex(index=order, columns=[*OUTCOMES, "waiting"], fill_value=0)
    labels = frame.drop_duplicates("key").set_index("key")["group"] if len(frame) else pd.Series(dtype=object)
    out = table.reset_index(drop=True)
    out.insert(0, "group", [labels.get(k, k) if by == "intermediary" else k for k in order])
    out["decided"] = out[list(OUTCOMES)].sum(axis=1)
    out["asks"] = out["decided"] + out["waiting"]
    out["yes"] = out["meeting"] + out["intro_made"]
    out["yes_rate"] = out["yes"] / out["decided"].where(out["decided"] > 0)
    columns = ["group", "asks", "decided", *OUTCOMES, "waiting", "yes", "yes_rate"]
    return out[columns].astype({c: "int64" for c in columns if c not in ("group", "yes_rate")})


class ResponseRateDisplay:
    """Two panels of 100%-stacked bars: by intermediary (top), by path length (below).

    Build with :meth:`from_events` or :meth:`from_workspace`; ``asks_``,
    ``by_intermediary_`` and ``by_path_length_`` hold the data; :meth:`plot` sets
    ``ax_`` (the intermediary panel), ``axes_`` (both) and ``figure_``.
    """

    def __init__(self, asks: pd.DataFrame) -> None:
        self.asks_ = asks
        self.by_intermediary_ = response_data(asks, "intermediary")
        self.by_path_length_ = response_data(asks, "path_length")

    @classmethod
    def from_events(cls, events: pd.DataFrame, *, first_degree: Collection[str] | None = None,
                    hops: Mapping[str, int] | None = None) -> ResponseRateDisplay:
        """From an events frame (see :func:`asks_frame` for ``first_degree``/``hops``)."""
        return cls(asks_frame(events, first_degree=first_degree, hops=hops))

    @classmethod
    def from_workspace(cls, ws: Workspace, today: Any = None) -> ResponseRateDisplay:
        """From the workspace's log and my first-degree ties (events after ``today`` ignored)."""
        from netanalytics.charts._style import as_date
        from netanalytics.outreach.log import events_frame

        events = events_frame(ws)
        if today is not None and not events.empty:
            events = events[pd.to_datetime(events["at"]) < pd.Timestamp(as_date(today)) + pd.Timedelta(days=1)]
        me = ws.me_id()
        first = None
        if me is not None:
            first = {r[0] for r in ws.conn.execute("SELECT person_id FROM ties WHERE owner_id = ?", (me,))}
        return cls.from_events(events, first_degree=first)

    def plot(self, ax: Axes | None = None) -> Figure:
        """Draw both panels (with ``ax``: only the intermediary panel, on it); return the Figure."""
        if ax is None:
            n = max(1, len(self.by_intermediary_))
            fig, ax = new_axes(None, (10.0, 2.9 + 0.36 * (n + 3)))
            ax.remove()
            grid = fig.add_gridspec(2, 1, height_ratios=[n + 0.6, 3.6])
            left, right = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
            axes = [left, right]
        else:
            fig, left = ax.figure, ax
            right = None
            axes = [left]
        self.figure_, self.ax_, self.axes_ = fig, left, axes
        if self.asks_.empty:
            left.set_title("How my asks went", loc="left", fontweight="bold")
            empty_message(left, "No asks logged yet (intro_requested or outreach_sent).")
            if right is not None:
                right.set_axis_off()
            return fig
        self._panel(left, self.by_intermediary_, "How my asks went, by intermediary",
                    names=True)
        if right is not None:
            self._panel(right, self.by_path_length_, "… and by path length", names=False)
            left.set_xlabel("")
            right.set_ylabel("")
        from matplotlib.patches import Patch

        present = [o for o in OUTCOMES if int(self.by_intermediary_[o].sum())]
        handles = [Patch(color=OUTCOMES[o][0], label=OUTCOMES[o][1]) for o in present]
        fig.legend(handles=handles, loc="outside lower center", ncols=4, frameon=False, fontsize=9)
        return fig

    @staticmethod
    def _panel(ax: Axes, data: pd.DataFrame, title: str, *, names: bool) -> None:
        from matplotlib.ticker import PercentFormatter

        ax.set_title(title, loc="left", fontweight="bold", fontsize=11)
        ys = np.arange(len(data), dtype=float)
        decided = data["decided"].to_numpy()
        share = np.divide(1, decided, out=np.zeros(len(data)), where=decided > 0)
        left = np.zeros(len(data))
        few = decided < FEW  # one or two answers make no rate: pale bars, counts in words
        for outcome, (color, _label) in OUTCOMES.items():
            width = data[outcome].to_numpy() * share
            bars = ax.barh(ys, width, left=left, color=color, height=0.66, zorder=2, edgecolor="white",
                           linewidth=0.6)
            for bar, pale in zip(bars, few, strict=True):
                if pale:
                    bar.set_alpha(0.35)
            left += width
        for y, row in zip(ys, data.itertuples(index=False), strict=True):
            if row.decided and row.decided < FEW:
                text = f"{round(row.yes_rate * row.decided)} of {row.decided} said yes"
            elif row.decided:
                text = f"{row.yes_rate:.0%} yes ({round(row.yes_rate * row.decided)} of {row.decided})"
            else:
                text = "no answer yet" if row.waiting else "no asks"
            if row.waiting:
                text += f" (+{row.waiting} waiting)"
            ax.text(1.02, y, text, va="center", ha="left", fontsize=8.5, color="#333333",
                    transform=ax.get_yaxis_transform())
        labels = [short_label(g, 28) if names else mpl_text(g) for g in data["group"]]
        ax.set_yticks(ys, labels, fontsize=9)
        for tick, group in zip(ax.get_yticklabels(), data["group"], strict=True):
            if group == DIRECT:
                tick.set_fontweight("bold")
        ax.set_ylim(len(data) - 0.5, -0.5)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_xlabel("Share of answered asks")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
