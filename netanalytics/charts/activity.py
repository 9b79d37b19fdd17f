"""Activity per week: asks, meetings and follow-ups, stacked.

Asks are ``intro_requested`` and ``outreach_sent``; meetings are ``interviewed``;
follow-ups are ``thank_you_sent`` and ``followed_up``. Every week from the first event to
``today`` is shown — a quiet week is a real zero here.

>>> import pandas as pd
>>> events = pd.DataFrame({"person_id": ["a", "a", "b"], "name": ["A", "A", "B"],
...     "stage": ["outreach_sent", "interviewed", "thank_you_sent"],
...     "at": pd.to_datetime(["2026-03-02", "2026-03-18", "2026-03-19"])})
>>> activity_data(events, today="2026-03-20")[["asks", "meetings", "follow_ups"]].values.tolist()
[[1, 0, 0], [0, 0, 0], [0, 1, 1]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from netanalytics.charts._frames import prepare_events
from netanalytics.charts._style import (
    OKABE_ITO,
    as_date,
    empty_message,
    format_date_axis,
    new_axes,
    week_start,
)
from netanalytics.workspace.stages import ASK_STAGES, FOLLOW_UP_STAGES, MEETING_EVENT

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from netanalytics.workspace import Workspace

__all__ = ["ACTIVITY_KINDS", "ActivityDisplay", "activity_data"]

#: (column, legend label, stages, colour), bottom of the stack first.
ACTIVITY_KINDS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("asks", "asks (intro requests, direct messages)", tuple(sorted(ASK_STAGES)), OKABE_ITO["orange"]),
    ("meetings", "meetings held", (MEETING_EVENT,), OKABE_ITO["blue"]),
    ("follow_ups", "follow-ups (thank-yous, nudges, updates)", tuple(sorted(FOLLOW_UP_STAGES)), OKABE_ITO["green"]),
)


#: Beyond this many weeks the totals are not written above the bars (they would collide).
MAX_ANNOTATED_WEEKS = 40


def activity_data(events: pd.DataFrame, today: Any = None) -> pd.DataFrame:
    """Per week (``week``: the Monday, a date): ``asks``, ``meetings``, ``follow_ups``, ``total``.

    Weeks run from the first counted event to the week of ``today``; events after
    ``today`` are ignored.
    """
    ev = prepare_events(events)
    today_ts = pd.Timestamp(as_date(today))
    ev = ev[ev["at"] < today_ts + pd.Timedelta(days=1)]
    kind_of = {stage: col for col, _, stages, _ in ACTIVITY_KINDS for stage in stages}
    ev = ev.assign(kind=ev["stage"].map(kind_of)).dropna(subset=["kind"])
    columns = [col for col, *_ in ACTIVITY_KINDS]
    if ev.empty:
        return pd.DataFrame({"week": pd.Series(dtype=object),
                             **{c: pd.Series(dtype="int64") for c in [*columns, "total"]}})
    ev["week"] = week_start(ev["at"])
    table = pd.crosstab(ev["week"], ev["kind"]).reindex(columns=columns, fill_value=0)
    last = week_start(pd.Series([today_ts])).iloc[0]
    weeks = pd.date_range(table.index.min(), max(table.index.max(), last), freq="7D")
    table = table.reindex(weeks, fill_value=0)
    out = table.reset_index(names="week")
    out["week"] = out["week"].dt.date
    out["total"] = out[columns].sum(axis=1)
    out.columns.name = None
    return out[["week", *columns, "total"]].astype({c: "int64" for c in [*columns, "total"]})


class ActivityDisplay:
    """Stacked weekly bars. Build with :meth:`from_events` or :meth:`from_workspace`;
    ``data_`` holds :func:`activity_data`; :meth:`plot` sets ``ax_`` and ``figure_``."""

    def __init__(self, data: pd.DataFrame, today: Any = None) -> None:
        self.data_ = data
        self.today = as_date(today)

    @classmethod
    def from_events(cls, events: pd.DataFrame, today: Any = None) -> ActivityDisplay:
        """From an events frame (:func:`~netanalytics.outreach.log.events_frame`)."""
        return cls(activity_data(events, today), today)

    @classmethod
    def from_workspace(cls, ws: Workspace, today: Any = None) -> ActivityDisplay:
        """From the workspace's log."""
        from netanalytics.outreach.log import events_frame

        return cls.from_events(events_frame(ws), as_date(today))

    def plot(self, ax: Axes | None = None) -> Figure:
        """Draw the stacked bars with each week's total on top; return the Figure."""
        from matplotlib.ticker import MaxNLocator

        fig, ax = new_axes(ax, (11.0, 4.4))
        self.figure_, self.ax_ = fig, ax
        ax.set_title("Activity per week", loc="left", fontweight="bold")
        data = self.data_
        if data.empty or int(data["total"].sum()) == 0:
            empty_message(ax, "No asks, meetings or follow-ups logged yet.")
            return fig
        x = pd.to_datetime(data["week"]) + pd.Timedelta(days=3)
        bottom = pd.Series(0, index=data.index)
        for col, label, _stages, color in ACTIVITY_KINDS:
            ax.bar(x, data[col], bottom=bottom, width=pd.Timedelta(days=5.6), color=color,
                   label=label, zorder=2, edgecolor="white", linewidth=0.5)
            bottom = bottom + data[col]
        for xi, total in zip(x, data["total"], strict=True):
            if len(data) > MAX_ANNOTATED_WEEKS:
                break  # too many bars for readable numbers; the axis says enough
            # A quiet week is a real zero: say so rather than leave a hole.
            ax.annotate(str(total), (xi, total), xytext=(0, 2), textcoords="offset points",
                        ha="center", va="bottom", fontsize=8,
                        color="#333333" if total else OKABE_ITO["grey"])
        ax.set_ylim(0, max(1, int(data["total"].max())) * 1.15)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("Events logged")
        ax.set_xlabel("Week")
        format_date_axis(ax.xaxis)
        ax.grid(axis="y", color="#dddddd", lw=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        totals = {col: int(data[col].sum()) for col, *_ in ACTIVITY_KINDS}
        ax.legend(loc="upper left", frameon=False, fontsize=9, ncols=3,
                  bbox_to_anchor=(0, -0.16))
        weeks = len(data)
        ax.set_title(f"{_count(totals['asks'], 'ask')} · {_count(totals['meetings'], 'meeting')} · "
                     f"{_count(totals['follow_ups'], 'follow-up')} over {_count(weeks, 'week')}",
                     loc="right", fontsize=9, color="#555555")
        return fig


def _count(n: int, noun: str) -> str:
    """'1 meeting', '3 meetings'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
