"""The follow-up cadence timeline: one row per contact, events as markers, what is due.

Each row is a contact. Logged events are filled markers, one style per group of stages
(asked, met, thanked or followed up, a good outcome, a dead end: a key of a few items, shown
once under the chart; the dates above and below); follow-ups that are due are open
markers; an overdue follow-up is a red bar
from its due date to today, so a slipping cadence is visible at a glance.

Compute once, then draw (the scikit-learn display-object habit):

>>> import pandas as pd
>>> events = pd.DataFrame({
...     "person_id": ["p1", "p1", "p2"], "name": ["Ada", "Ada", "Grace"],
...     "stage": ["outreach_sent", "interviewed", "intro_requested"],
...     "at": pd.to_datetime(["2026-03-02", "2026-03-09", "2026-03-04"])})
>>> due = pd.DataFrame({"person_id": ["p1"], "name": ["Ada"], "kind": ["thank_you"],
...     "due": [pd.Timestamp("2026-03-10").date()], "overdue": [True]})
>>> display = CadenceTimelineDisplay.from_frames(events, due, today="2026-03-12")
>>> display.rows_[["label", "n_events"]].to_dict("records")
[{'label': 'Ada', 'n_events': 2}, {'label': 'Grace', 'n_events': 1}]
>>> fig = display.plot()
>>> display.ax_.get_title(loc="left")
'Follow-up cadence'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from netanalytics.charts._frames import naive_timestamps, prepare_events, require_columns
from netanalytics.charts._stages import STAGE_GROUPS, group_of
from netanalytics.charts._style import (
    OKABE_ITO,
    as_date,
    empty_message,
    format_date_axis,
    mpl_text,
    new_axes,
)
from netanalytics.errors import InputError
from netanalytics.workspace.stages import CLOSED_STAGES, OUTCOMES

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from netanalytics.workspace import Workspace

__all__ = ["CadenceTimelineDisplay", "cadence_timeline_data"]

#: How far past today the timeline reaches; later due dates sit at the right edge.
DEFAULT_HORIZON_DAYS = 21
DEFAULT_MAX_CONTACTS = 16
NAME_WIDTH = 24
#: Outcomes logged at the meeting itself sit a little above their row, so they don't hide it.
LIFTED_STAGES = frozenset(OUTCOMES) - CLOSED_STAGES
OUTCOME_LIFT = 0.24

DUE_KIND_LABELS = {
    "thank_you": "thank-you",
    "nudge": "nudge",
    "no_response": "mark no response",
    "keep_in_touch": "keep in touch",
    "referral": "follow up referral",
}


def cadence_timeline_data(
    events: pd.DataFrame,
    due: pd.DataFrame | None,
    today: Any = None,
    *,
    max_contacts: int = DEFAULT_MAX_CONTACTS,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The three frames behind the timeline: ``(rows, events, due)``.

    ``rows``: one per contact shown — ``row`` (0 = top), ``person_id``, ``label`` (the
    name, truncated, made unique), ``first_at``, ``last_at``, ``n_events``. Contacts are
    those with a logged event or a due follow-up; when there are more than
    ``max_contacts``, the most recently active are kept. Rows run by first activity, oldest
    at the top, so the chart reads like a schedule.

    ``events``: ``row``, ``person_id``, ``stage``, ``at`` (events after ``today`` dropped).

    ``due``: ``row``, ``person_id``, ``kind``, ``due`` (Timestamp), ``overdue``,
    ``later`` (True when the due date lies beyond ``today + horizon_days`` and is drawn
    at the edge).
    """
    if max_contacts < 1:
        raise InputError("max_contacts", "a whole number >= 1", repr(max_contacts), param="max_contacts")
    today_ts = pd.Timestamp(as_date(today))
    ev = prepare_events(events)
    ev = ev[ev["at"] < today_ts + pd.Timedelta(days=1)]
    if due is None or due.empty:
        du = pd.DataFrame({c: pd.Series(dtype=object) for c in ("person_id", "name", "kind")})
        du["due"] = pd.Series(dtype="datetime64[ns]")
        du["overdue"] = pd.Series(dtype=bool)
    else:
        require_columns(due, ("person_id", "name", "kind", "due"), "due follow-ups")
        du = due[["person_id", "name", "kind", "due"]].copy()
        du["person_id"] = du["person_id"].astype(object)
        du["due"] = naive_timestamps(du["due"]).dt.normalize()
        du["overdue"] = (
            due["overdue"].astype(bool).to_numpy() if "overdue" in due.columns else du["due"] < today_ts
        )

    names = pd.concat([ev[["person_id", "name"]], du[["person_id", "name"]]]).drop_duplicates(
        "person_id", keep="last"
    )
    stats = pd.concat(
        [ev[["person_id", "at"]].rename(columns={"at": "t"}),
         du[["person_id", "due"]].rename(columns={"due": "t"}).assign(t=lambda f: f["t"].clip(upper=today_ts))]
    )
    if stats.empty:
        rows = pd.DataFrame(
            {"row": pd.Series(dtype=int), "person_id": pd.Series(dtype=object),
             "label": pd.Series(dtype=object), "first_at": pd.Series(dtype="datetime64[ns]"),
             "last_at": pd.Series(dtype="datetime64[ns]"), "n_events": pd.Series(dtype=int)}
        )
    else:
        agg = stats.groupby("person_id", sort=False)["t"].agg(first_at="min", last_at="max")
        counts = ev.groupby("person_id").size()
        agg["n_events"] = counts.reindex(agg.index).fillna(0).astype(int)
        agg = agg.reset_index()
        agg = agg.sort_values(["last_at", "person_id"], ascending=[False, True]).head(max_contacts)
        agg = agg.sort_values(["first_at", "person_id"]).reset_index(drop=True)
        agg["row"] = range(len(agg))
        agg = agg.merge(names, on="person_id", how="left")
        agg["label"] = _unique_labels(agg["name"].tolist())
        rows = agg[["row", "person_id", "label", "first_at", "last_at", "n_events"]]

    row_of = dict(zip(rows["person_id"], rows["row"], strict=True))
    ev_out = ev[ev["person_id"].isin(row_of)].assign(row=lambda f: f["person_id"].map(row_of))
    ev_out = ev_out[["row", "person_id", "stage", "at"]].reset_index(drop=True)
    du_out = du[du["person_id"].isin(row_of)].assign(row=lambda f: f["person_id"].map(row_of))
    du_out["later"] = du_out["due"] > today_ts + pd.Timedelta(days=horizon_days)
    du_out = du_out[["row", "person_id", "kind", "due", "overdue", "later"]]
    du_out = du_out.sort_values(["row", "due"]).reset_index(drop=True)
    return rows.reset_index(drop=True), ev_out, du_out


def _unique_labels(names: list[Any]) -> list[str]:
    """Truncated names; a repeated label gets ' (2)', ' (3)' … so rows stay distinct."""
    seen: dict[str, int] = {}
    labels = []
    for name in names:
        base = " ".join(str(name or "(no name)").split())
        if len(base) > NAME_WIDTH:
            base = base[: NAME_WIDTH - 1].rstrip() + "…"
        seen[base] = seen.get(base, 0) + 1
        labels.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return labels


class CadenceTimelineDisplay:
    """The follow-up cadence timeline. Build with :meth:`from_frames` or :meth:`from_workspace`.

    Attributes: ``rows_``, ``events_``, ``due_`` (from :func:`cadence_timeline_data`),
    ``today``, ``n_contacts`` (all contacts, before trimming); after :meth:`plot`,
    ``ax_`` and ``figure_``.
    """

    def __init__(
        self,
        rows: pd.DataFrame,
        events: pd.DataFrame,
        due: pd.DataFrame,
        today: Any,
        *,
        n_contacts: int | None = None,
        horizon_days: int = DEFAULT_HORIZON_DAYS,
    ) -> None:
        self.rows_ = rows
        self.events_ = events
        self.due_ = due
        self.today = as_date(today)
        self.n_contacts = len(rows) if n_contacts is None else n_contacts
        self.horizon_days = horizon_days

    @classmethod
    def from_frames(
        cls,
        events: pd.DataFrame,
        due: pd.DataFrame | None = None,
        today: Any = None,
        *,
        max_contacts: int = DEFAULT_MAX_CONTACTS,
        horizon_days: int = DEFAULT_HORIZON_DAYS,
    ) -> CadenceTimelineDisplay:
        """From an events frame (``events_frame``) and a due frame (``due_items``)."""
        rows, ev, du = cadence_timeline_data(
            events, due, today, max_contacts=max_contacts, horizon_days=horizon_days
        )
        everyone = set(events["person_id"].dropna()) | (
            set(due["person_id"].dropna()) if due is not None and not due.empty else set()
        )
        return cls(rows, ev, du, today, n_contacts=len(everyone), horizon_days=horizon_days)

    @classmethod
    def from_workspace(
        cls, ws: Workspace, today: Any = None, *, rules: Any = None, **kwargs: Any
    ) -> CadenceTimelineDisplay:
        """From the workspace's log and cadence rules; every open follow-up is shown."""
        from netanalytics.outreach.cadence import due_items, load_rules
        from netanalytics.outreach.log import events_frame

        today_d = as_date(today)
        events = events_frame(ws)
        due = due_items(events, today_d, load_rules(ws, rules), within_days=None)
        return cls.from_frames(events, due, today_d, **kwargs)

    def plot(self, ax: Axes | None = None) -> Figure:
        """Draw the timeline on ``ax`` (or a new Figure sized to the rows); return the Figure."""
        from matplotlib.lines import Line2D

        n = len(self.rows_)
        fig, ax = new_axes(ax, (11.0, max(3.0, 1.9 + 0.26 * n)))
        self.figure_, self.ax_ = fig, ax
        title = "Follow-up cadence"
        ax.set_title(title, loc="left", fontweight="bold", pad=22)
        if n == 0:
            empty_message(ax, "No outreach logged yet.\nLog an ask or a meeting to start.")
            return fig
        today = pd.Timestamp(self.today)
        right = today + pd.Timedelta(days=self.horizon_days)
        grey = OKABE_ITO["grey"]

        # Light band every other row, and each contact's span from first to last activity.
        for r in range(0, n, 2):
            ax.axhspan(r - 0.5, r + 0.5, color="#f3f3f3", zorder=0, lw=0)
        spans = self.events_.groupby("row")["at"].agg(["min", "max"])
        ax.hlines(spans.index, spans["min"], spans["max"], color=grey, lw=1.0, zorder=1)

        handles: dict[str, Any] = {}
        groups = self.events_["stage"].map(lambda s: group_of(str(s))[0])
        for group, part in self.events_.groupby(groups, sort=False):
            style = group_of(str(part["stage"].iloc[0]))[1]
            # Outcomes often share a moment with the meeting: lift them above the line.
            lift = part["stage"].map(lambda s: OUTCOME_LIFT if s in LIFTED_STAGES else 0.0)
            ax.scatter(part["at"], part["row"] - lift, marker=style.marker, s=style.size,
                       color=style.color, zorder=3, linewidths=0.5, edgecolors="white")
            handles[str(group)] = Line2D([], [], ls="", marker=style.marker, color=style.color,
                                         markersize=7, label=style.label)

        due = self.due_
        overdue = due[due["overdue"]]
        if not overdue.empty:
            ax.hlines(overdue["row"], overdue["due"], today + pd.Timedelta(hours=23, minutes=59),
                      color=OKABE_ITO["vermillion"],
                      lw=5, alpha=0.85, zorder=2)
            ax.scatter(overdue["due"], overdue["row"], marker="o", s=55, facecolors="white",
                       edgecolors=OKABE_ITO["vermillion"], linewidths=1.6, zorder=4)
        upcoming = due[~due["overdue"] & ~due["later"]]
        if not upcoming.empty:
            ax.scatter(upcoming["due"], upcoming["row"], marker="o", s=55, facecolors="white",
                       edgecolors=OKABE_ITO["black"], linewidths=1.3, zorder=4)
        later = due[~due["overdue"] & due["later"]]
        if not later.empty:
            ax.scatter([right] * len(later), later["row"], marker=">", s=45, facecolors="white",
                       edgecolors=OKABE_ITO["black"], linewidths=1.2, zorder=4, clip_on=False)
        # The line sits at the end of today: today's events and today's due dates are left of it.
        ax.axvline(today + pd.Timedelta(hours=23, minutes=59), color=OKABE_ITO["black"], lw=1.2,
                   ls="--", zorder=2)

        ordered = [handles[s] for s in STAGE_GROUPS if s in handles]
        ordered += [handles[s] for s in handles if s not in STAGE_GROUPS]
        extra = []
        if not upcoming.empty or not later.empty:
            extra.append(Line2D([], [], ls="", marker="o", markerfacecolor="white",
                                markeredgecolor="black", markersize=7, label="follow-up due"))
        if not later.empty:
            extra.append(Line2D([], [], ls="", marker=">", markerfacecolor="white",
                                markeredgecolor="black", markersize=7,
                                label=f"due after {right:%d %b}"))
        extra.append(Line2D([], [], color=OKABE_ITO["black"], lw=1.2, ls="--",
                            label=f"today ({self.today:%d %b})"))
        if not overdue.empty:
            extra.append(Line2D([], [], color=OKABE_ITO["vermillion"], lw=5, alpha=0.85,
                                marker="o", markerfacecolor="white",
                                markeredgecolor=OKABE_ITO["vermillion"], markersize=7,
                                label="overdue (due date → today)"))
        # One key, under the chart, in a few columns: groups of stages, then what is due.
        legend = ax.legend(handles=ordered + extra, loc="upper left", bbox_to_anchor=(0.0, -0.07),
                           frameon=False, fontsize=8.5, ncols=5, borderaxespad=0.0,
                           handletextpad=0.3, columnspacing=1.4)
        legend.set_in_layout(True)

        ax.set_yticks(list(self.rows_["row"]), [mpl_text(s) for s in self.rows_["label"]],
                      fontsize=9)
        ax.set_ylim(n - 0.5, -0.5)
        left = min(self.events_["at"].min() if not self.events_.empty else today,
                   due["due"].min() if not due.empty else today)
        ax.set_xlim(pd.Timestamp(left).normalize() - pd.Timedelta(days=3), right + pd.Timedelta(days=2))
        format_date_axis(ax.xaxis)
        ax.tick_params(axis="x", labeltop=True, top=True)  # the dates stay in sight on a long chart
        ax.grid(axis="x", color="#dddddd", lw=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        n_overdue = int(due["overdue"].sum())
        subtitle = f"{n} contacts · {n_overdue} follow-up{'s' if n_overdue != 1 else ''} overdue"
        if self.n_contacts > n:
            subtitle = f"{n} most recently active of {self.n_contacts} contacts · {n_overdue} overdue"
        ax.set_title(subtitle + f" · as of {self.today:%d %b %Y}", loc="right", fontsize=9,
                     color="#555555", pad=22)
        return fig

