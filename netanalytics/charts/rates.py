"""On-time rate of thank-yous and follow-ups, week by week.

Each follow-up obligation the log created (from
:func:`netanalytics.outreach.cadence.followup_timeliness`) falls in the week it was settled:
done on time, or due and missed. A week's rate is the share met on time; obligations still
open and not yet due are left out. A week with nothing settled is a gap, not a zero.

>>> import pandas as pd
>>> t = pd.DataFrame({"kind": ["thank_you", "thank_you", "nudge", "keep_in_touch"],
...     "due": pd.to_datetime(["2026-03-03", "2026-03-04", "2026-03-17", "2026-03-18"]).date,
...     "on_time": [True, False, True, None]})
>>> data = on_time_rate_data(t)
>>> data[data["decided"] > 0][["week", "series", "on_time", "decided", "rate"]].values.tolist()
[[datetime.date(2026, 3, 2), 'Thank-yous', 1, 2, 0.5], [datetime.date(2026, 3, 16), 'Follow-ups', 1, 1, 1.0]]
>>> len(data)  # three weeks x two series; the empty week is there, as a gap
6
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netanalytics.charts._frames import naive_timestamps, require_columns
from netanalytics.charts._style import (
    OKABE_ITO,
    as_date,
    empty_message,
    format_date_axis,
    new_axes,
    week_start,
)
from netanalytics.errors import InputError
from netanalytics.outreach.cadence import KEEP_IN_TOUCH_WINDOW_DAYS, rated_obligations

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from netanalytics.workspace import Workspace

__all__ = ["SERIES_KINDS", "OnTimeRateDisplay", "on_time_rate_data"]

#: Which obligations make up each line (together: the rated follow-ups of
#: :data:`netanalytics.outreach.cadence.RATED_KINDS`).
SERIES_KINDS: dict[str, tuple[str, ...]] = {
    "Thank-yous": ("thank_you",),
    "Follow-ups": ("nudge", "keep_in_touch", "referral"),
}
#: How many recent weeks the chart shows by default (half a year stays readable).
DEFAULT_WEEKS = 26
#: Fewer follow-ups than this in a week make no rate worth a full bar (pale, count shown).
FEW = 3
_COLORS = {"Thank-yous": OKABE_ITO["green"], "Follow-ups": OKABE_ITO["blue"]}
_DESCRIPTIONS = {
    "Thank-yous": "within 24 h of a meeting",
    "Follow-ups": "nudges after a week, referrals within 3 days, keep-in-touch",
}


def on_time_rate_data(
    timeliness: pd.DataFrame, *, keep_in_touch_window_days: int = KEEP_IN_TOUCH_WINDOW_DAYS
) -> pd.DataFrame:
    """Per week and series: ``decided``, ``on_time``, ``late``, ``rate`` (NaN when none).

    The obligations counted are :func:`netanalytics.outreach.cadence.rated_obligations` (the
    same rule as every other on-time figure). Each belongs to the week it was settled: the
    week it was done when done on time, else the week it fell due (when it became late), so
    no week lies after today. Columns: ``week`` (the Monday, a date), ``series``
    ('Thank-yous' | 'Follow-ups'), ``decided``, ``on_time``, ``late``, ``rate``. Every week
    from the first to the last appears, for both series, in order.
    """
    require_columns(timeliness, ("kind", "due", "on_time"), "follow-up timeliness")
    kind_to_series = {k: s for s, kinds in SERIES_KINDS.items() for k in kinds}
    rated = rated_obligations(timeliness, keep_in_touch_window_days=keep_in_touch_window_days)
    frame = rated[["kind", "due", "on_time"]].copy()
    frame["done_at"] = naive_timestamps(rated["done_at"]) if "done_at" in rated.columns else pd.NaT
    frame["series"] = frame["kind"].map(kind_to_series)
    status = frame["on_time"].astype(object)
    frame["is_on_time"] = status.map(lambda v: v is True or v is np.True_).astype(int)
    frame["is_late"] = status.map(lambda v: v is False or v is np.False_).astype(int)
    columns = ["week", "series", "decided", "on_time", "late", "rate"]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("week", "series") else float) for c in columns})
    settled = pd.to_datetime(frame["due"]).where(frame["is_late"] == 1, frame["done_at"])
    frame["week"] = week_start(settled.fillna(pd.to_datetime(frame["due"])))
    grouped = frame.groupby(["week", "series"]).agg(
        on_time=("is_on_time", "sum"), late=("is_late", "sum")
    )
    weeks = pd.date_range(frame["week"].min(), frame["week"].max(), freq="7D")
    index = pd.MultiIndex.from_product([weeks, list(SERIES_KINDS)], names=["week", "series"])
    full = grouped.reindex(index, fill_value=0).reset_index()
    full["decided"] = full["on_time"] + full["late"]
    full["rate"] = np.where(full["decided"] > 0, full["on_time"] / full["decided"].where(full["decided"] > 0, 1), np.nan)
    full["week"] = full["week"].dt.date
    for column in ("decided", "on_time", "late"):
        full[column] = full[column].astype("int64")
    return full[columns]


class OnTimeRateDisplay:
    """Week-by-week on-time rate: bars per series, ``on time/decided`` written on each.

    Build with :meth:`from_timeliness` or :meth:`from_workspace`; ``data_`` holds
    :func:`on_time_rate_data`; :meth:`plot` sets ``ax_`` and ``figure_``.
    """

    def __init__(self, data: pd.DataFrame, today: Any = None, *, weeks: int | None = DEFAULT_WEEKS) -> None:
        self.today = as_date(today)
        self.weeks = weeks
        self.trimmed = False
        self.all_data_ = data  # every week: the overall figures count them all, as the notebook's does
        if weeks is not None and not data.empty:
            if weeks < 1:
                raise InputError("weeks", "a whole number >= 1 (or None for all)", repr(weeks), param="weeks")
            monday = self.today - dt.timedelta(days=self.today.weekday())
            first = monday - dt.timedelta(weeks=weeks - 1)
            keep = data["week"].map(lambda w: w >= first)
            self.trimmed = not bool(keep.all())
            data = data[keep].reset_index(drop=True)
        self.data_ = data

    @classmethod
    def from_timeliness(cls, timeliness: pd.DataFrame, today: Any = None, *,
                        weeks: int | None = DEFAULT_WEEKS) -> OnTimeRateDisplay:
        """From a :func:`~netanalytics.outreach.cadence.followup_timeliness` frame.

        Only the last ``weeks`` weeks up to ``today`` are shown (None: every week).
        """
        return cls(on_time_rate_data(timeliness), today, weeks=weeks)

    @classmethod
    def from_workspace(cls, ws: Workspace, today: Any = None, *, rules: Any = None,
                       weeks: int | None = DEFAULT_WEEKS) -> OnTimeRateDisplay:
        """From the workspace's log and its cadence rules."""
        from netanalytics.outreach.cadence import followup_timeliness, load_rules
        from netanalytics.outreach.log import events_frame

        today_d = as_date(today)
        timeliness = followup_timeliness(events_frame(ws), load_rules(ws, rules), today_d)
        return cls.from_timeliness(timeliness, today_d, weeks=weeks)

    def overall(self) -> dict[str, tuple[int, int]]:
        """``{series: (on_time, decided)}`` over every week (not only those shown): the same
        counts as the on-time figure of notebook 4 and ``netanalytics.api.Network.on_time``."""
        sums = self.all_data_.groupby("series")[["on_time", "decided"]].sum()
        return {s: (int(sums.loc[s, "on_time"]), int(sums.loc[s, "decided"]))
                for s in SERIES_KINDS if s in sums.index}

    def plot(self, ax: Axes | None = None) -> Figure:
        """Draw grouped weekly bars (gaps where nothing was due); return the Figure."""
        from matplotlib.ticker import PercentFormatter

        fig, ax = new_axes(ax, (11.0, 4.6))
        self.figure_, self.ax_ = fig, ax
        ax.set_title("Follow-ups on time, week by week", loc="left", fontweight="bold")
        if self.trimmed:
            ax.set_title(f"last {self.weeks} weeks", loc="right", fontsize=9, color="#555555")
        data = self.data_
        if data.empty or int(data["decided"].sum()) == 0:
            empty_message(ax, "Nothing has fallen due yet: log a meeting or an ask to start.")
            return fig
        weeks = pd.to_datetime(data["week"])
        width = pd.Timedelta(days=2.6)
        offsets = {"Thank-yous": -width / 2, "Follow-ups": width / 2}
        overall = self.overall()
        for series in SERIES_KINDS:
            part = data[(data["series"] == series) & (data["decided"] > 0)]
            x = pd.to_datetime(part["week"]) + pd.Timedelta(days=3) + offsets[series]
            on, n = overall.get(series, (0, 0))
            share = f"{on / n:.0%} on time overall ({on} of {n})" if n else "none due yet"
            # A missed week keeps a sliver of bar in its series' colour, so it reads as 0%.
            heights = part["rate"].clip(lower=0.012)
            bars = ax.bar(x, heights, width=width, color=_COLORS[series], alpha=0.9,
                          label=f"{series} ({_DESCRIPTIONS[series]}): {share}", zorder=2)
            for bar, rate, on_w, n_w in zip(bars, part["rate"], part["on_time"], part["decided"], strict=True):
                few = n_w < FEW
                if few:  # one or two follow-ups make no rate: a pale bar, the count says what happened
                    bar.set_alpha(0.3)
                ax.annotate(f"{on_w} of {n_w}", (bar.get_x() + bar.get_width() / 2, rate),
                            xytext=(0, 2), textcoords="offset points", ha="center", va="bottom",
                            fontsize=7.5, color="#777777" if few else "#333333")
        ax.set_ylim(0, 1.18)
        ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_ylabel("Done on time")
        ax.set_xlabel(f"Week it was done, or fell due if late   (numbers: on time of all; pale: fewer than {FEW})")
        left = weeks.min() - pd.Timedelta(days=2)
        right = max(weeks.max() + pd.Timedelta(days=9), pd.Timestamp(self.today) + pd.Timedelta(days=2))
        ax.set_xlim(left, right)
        ax.axvline(pd.Timestamp(self.today), color="black", ls="--", lw=1, zorder=1)
        ax.text(pd.Timestamp(self.today), 1.17, "today ", ha="right", va="top", fontsize=8)
        format_date_axis(ax.xaxis)
        ax.grid(axis="y", color="#dddddd", lw=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1, frameon=False, fontsize=9)
        return fig
