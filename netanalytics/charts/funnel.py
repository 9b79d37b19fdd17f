"""The stage funnel: how many people got from identified to asked, met, thanked, referred.

The steps and the stages that reach each one are the vocabulary's
(:data:`netanalytics.workspace.stages.FUNNEL_STEPS`): nested, so a person counts at a step
only if they also count at every step before it.

>>> import pandas as pd
>>> events = pd.DataFrame({
...     "person_id": ["a", "a", "a", "b", "b", "c"], "name": ["A", "A", "A", "B", "B", "C"],
...     "stage": ["identified", "intro_requested", "interviewed",
...               "outreach_sent", "no_response", "identified"],
...     "at": pd.to_datetime(["2026-03-01", "2026-03-02", "2026-03-09",
...                           "2026-03-02", "2026-03-20", "2026-03-05"])})
>>> funnel_data(events)[["step", "people", "pct_of_previous"]].values.tolist()[:4]
[['identified', 3, 1.0], ['asked', 2, 0.6666666666666666], ['scheduled', 1, 0.5], ['interviewed', 1, 1.0]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from netanalytics.charts._frames import prepare_events
from netanalytics.charts._style import OKABE_ITO, empty_message, new_axes
from netanalytics.workspace.stages import FUNNEL_STEPS as STAGE_FUNNEL
from netanalytics.workspace.stages import INTRO_STAGES

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from netanalytics.workspace import Workspace

__all__ = ["FUNNEL_STEPS", "FunnelDisplay", "funnel_data"]

#: Legend text of each step of :data:`~netanalytics.workspace.stages.FUNNEL_STEPS`.
STEP_LABELS = {
    "identified": "Identified",
    "asked": "Asked (intro request or direct)",
    "scheduled": "Meeting scheduled",
    "interviewed": "Met (interviewed)",
    "thank_you_sent": "Thank-you sent",
    "referral_given": "Referred me onward",
}
#: (step, label, stages that show the step was reached), in order.
FUNNEL_STEPS: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (step, STEP_LABELS[step], stages) for step, stages in STAGE_FUNNEL
)


def funnel_data(events: pd.DataFrame) -> pd.DataFrame:
    """One row per funnel step: ``step``, ``label``, ``people``, ``pct_of_previous``,
    ``pct_of_first`` (fractions; NaN when the step before is empty), ``via_intro`` and
    ``direct`` (for 'asked': how many were asked through an intermediary or directly).

    A referral is counted for people who were met and thanked and then referred me on
    (one referral row may name someone the referrer has only just mentioned).
    """
    ev = prepare_events(events)
    stages_by_person = ev.groupby("person_id")["stage"].agg(frozenset)
    current = set(stages_by_person.index)
    rows = []
    first = len(current)
    previous = None
    for step, label, stages in FUNNEL_STEPS:
        if stages:
            current = {p for p in current if stages_by_person[p] & stages}
        n = len(current)
        row: dict[str, Any] = {
            "step": step,
            "label": label,
            "people": n,
            "pct_of_previous": n / previous if previous else float("nan"),
            "pct_of_first": n / first if first else float("nan"),
            "via_intro": None,
            "direct": None,
        }
        if step == "identified":
            row["pct_of_previous"] = 1.0 if first else float("nan")
        if step == "asked":
            via = {p for p in current if stages_by_person[p] & INTRO_STAGES}
            row["via_intro"], row["direct"] = len(via), n - len(via)
        rows.append(row)
        previous = n
    return pd.DataFrame(rows)


class FunnelDisplay:
    """Horizontal funnel bars with counts and conversion percentages.

    Build with :meth:`from_events` or :meth:`from_workspace`; ``data_`` holds
    :func:`funnel_data`; :meth:`plot` sets ``ax_`` and ``figure_``.
    """

    def __init__(self, data: pd.DataFrame) -> None:
        self.data_ = data

    @classmethod
    def from_events(cls, events: pd.DataFrame) -> FunnelDisplay:
        """From an events frame (:func:`~netanalytics.outreach.log.events_frame`)."""
        return cls(funnel_data(events))

    @classmethod
    def from_workspace(cls, ws: Workspace, today: Any = None) -> FunnelDisplay:
        """From the workspace's log (``today`` is accepted for symmetry; all events count)."""
        from netanalytics.outreach.log import events_frame

        events = events_frame(ws)
        if today is not None and not events.empty:
            from netanalytics.charts._style import as_date

            cutoff = pd.Timestamp(as_date(today)) + pd.Timedelta(days=1)
            events = events[pd.to_datetime(events["at"]) < cutoff]
        return cls.from_events(events)

    def plot(self, ax: Axes | None = None) -> Figure:
        """Draw the funnel; return the Figure."""
        fig, ax = new_axes(ax, (10.0, 4.4))
        self.figure_, self.ax_ = fig, ax
        ax.set_title("From identified to referred: how far people got", loc="left",
                     fontweight="bold")
        data = self.data_
        top = int(data["people"].iloc[0]) if not data.empty else 0
        if top == 0:
            empty_message(ax, "No outreach logged yet.")
            return fig
        n = len(data)
        colors = [OKABE_ITO["grey"], OKABE_ITO["orange"], OKABE_ITO["sky"], OKABE_ITO["blue"],
                  OKABE_ITO["green"], OKABE_ITO["purple"]]
        ys = list(range(n))
        lefts = [(top - p) / 2 for p in data["people"]]
        bars = ax.barh(ys, data["people"], left=lefts, color=colors[:n], height=0.72, zorder=2)
        for i, (bar, row) in enumerate(zip(bars, data.itertuples(index=False), strict=True)):
            count = f"{row.people}"
            if i == 0:
                note = "people in the log"
            else:
                prev = "" if pd.isna(row.pct_of_previous) else f"{row.pct_of_previous:.0%} of previous step"
                note = f"{prev} · {row.pct_of_first:.0%} of all" if prev else ""
            if row.step == "asked" and row.via_intro is not None:
                note += f"\n{int(row.via_intro)} through an intro, {int(row.direct)} direct"
            inside = bar.get_width() >= top * 0.12
            cx = bar.get_x() + bar.get_width() / 2
            ax.text(cx if inside else bar.get_x() + bar.get_width() + top * 0.01, i, count,
                    ha="center" if inside else "left", va="center", fontsize=11,
                    fontweight="bold", color="white" if inside and i not in (0,) else "black",
                    zorder=3)
            ax.text(top * 1.03, i, note, ha="left", va="center", fontsize=9, color="#333333")
        ax.set_yticks(ys, list(data["label"]), fontsize=10)
        ax.set_ylim(n - 0.4, -0.6)
        ax.set_xlim(0, top * 1.55)
        ax.set_xticks([])
        ax.tick_params(axis="y", length=0)
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel("People (each bar: how many reached the step, and every step above it)",
                      fontsize=9)
        return fig
