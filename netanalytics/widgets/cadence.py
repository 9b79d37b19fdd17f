"""Notebook 4: what follow-up is due and overdue, the on-time rate, charts, the .ics file.

Everything shown comes from the front door (:class:`netanalytics.api.Network`): ``due``,
``on_time``, ``calendar`` and ``chart`` — the calls the CLI makes too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from netanalytics.safety import html_text
from netanalytics.widgets.common import (
    Panel,
    Status,
    as_records,
    html_table,
    show_figure,
    styled,
)

__all__ = ["CHART_LABELS", "KIND_LABELS", "CadenceCharts", "FollowUps", "when_text"]

#: How each kind of follow-up reads in the table.
KIND_LABELS = {
    "thank_you": "send a thank-you",
    "referral": "contact the referral",
    "nudge": "send a polite nudge",
    "no_response": "mark as no response",
    "keep_in_touch": "keep in touch",
}


#: Button labels of the charts (keys of :data:`netanalytics.charts.CHARTS`).
CHART_LABELS = {
    "timeline": "Follow-up timeline",
    "on-time": "On-time rate",
    "funnel": "Funnel",
    "response": "Response rates",
    "activity": "Activity per week",
}


def when_text(due_on: date, today: date) -> str:
    """How a due date reads next to today.

    >>> d = date(2026, 3, 10)
    >>> [when_text(date(2026, 3, n), d) for n in (3, 9, 10, 11, 14)]
    ['overdue 7 days', 'overdue 1 day', 'due today', 'due tomorrow', 'due in 4 days']
    """
    days = (due_on - today).days
    if days < 0:
        return f"overdue {-days} day{'s' if days != -1 else ''}"
    return {0: "due today", 1: "due tomorrow"}.get(days, f"due in {days} days")


class FollowUps(Panel):
    """Due and overdue follow-ups for a day, the on-time rate, and the calendar button.

    ``today`` defaults to the local date; the date picker changes it.
    """

    def __init__(self, ws, *, today: date | None = None) -> None:
        self.ws = ws
        self.today = widgets.DatePicker(description="Today", value=today or date.today())
        self.ahead = widgets.IntSlider(
            description="Look ahead", min=0, max=30, value=7, step=1,
            readout_format="d", style={"description_width": "initial"},
        )  # fmt: skip
        self.ahead.add_class("na-due-ahead")
        self.table = widgets.HTML()
        self.table.add_class("na-due")
        self.rate = widgets.HTML()
        self.rate.add_class("na-ontime")
        self.ics_path = widgets.Text(
            description="Save to", value=str(Path(ws.folder) / "followups.ics"),
            layout=widgets.Layout(width="520px"),
        )  # fmt: skip
        self.write = widgets.Button(
            description="Write calendar file", icon="calendar", button_style="primary",
            layout=widgets.Layout(width="200px"),
        )  # fmt: skip
        self.write.add_class("na-ics-write")
        self.write.on_click(lambda _: self.write_calendar())
        self.status = Status("na-ics-status")
        self.today.observe(lambda _: self.refresh(), names="value")
        self.ahead.observe(lambda _: self.refresh(), names="value")
        self.rows: list[dict[str, Any]] = []
        self.widget = widgets.VBox(
            [
                widgets.HBox([self.today, self.ahead]),
                self.table,
                self.rate,
                widgets.HBox([self.ics_path, self.write]),
                self.status.widget,
            ]
        )
        self.refresh()

    @property
    def day(self) -> date:
        """The chosen day (today when the picker is cleared)."""
        return self.today.value or date.today()

    def refresh(self) -> None:
        """Reload what is due and the on-time rate."""
        with self.status.reporting():
            self.rows = as_records(self.net.due(self.day, within_days=self.ahead.value))
            for row in self.rows:
                row["when"] = when_text(row["due"], self.day)
                row["what"] = KIND_LABELS.get(row["kind"], row["kind"])
            overdue = sum(1 for r in self.rows if r["overdue"])
            head = (
                f"<h4>{len(self.rows)} follow-up{'s' if len(self.rows) != 1 else ''} due by "
                f"{self.day:%a %d %b %Y} + {self.ahead.value} days"
                f"{f' — {overdue} overdue' if overdue else ''}</h4>"
            )
            self.table.value = styled(
                head
                + html_table(
                    self.rows, ["when", "due", "what", "name", "reason"],
                    labels={"when": "Status", "due": "Due", "what": "To do", "name": "Who",
                            "reason": "Why"},
                    nowrap=["when", "due", "what"],
                    cell_classes={"when": lambda v: "na-late" if str(v).startswith("overdue") else ""},
                    empty="Nothing due: you are on top of your follow-ups.",
                )
            )  # fmt: skip
            self.rate.value = styled(self._rate_html())

    def _rate_html(self) -> str:
        rates = self.net.on_time(self.day)  # the one on-time rule: the parts add up to the whole
        if rates.empty:
            return '<div class="na-muted">No follow-ups have fallen due yet.</div>'
        parts = [f"{html_text(KIND_LABELS[r.kind])}: {r.rate:.0%} of {r.decided}"
                 for r in rates.itertuples(index=False) if r.kind != "all"]
        overall = rates.iloc[-1]
        self.on_time_rate = float(overall["rate"])
        return (
            f'<div class="na-info"><b>On time: {overall["rate"]:.0%}</b> ({overall["on_time"]} of '
            f"{overall['decided']} follow-ups that have fallen due: {'; '.join(parts)}).</div>"
        )

    def write_calendar(self) -> None:
        """Write the reminders to the .ics file (the same call as ``netanalytics calendar``)."""
        with self.status.busy("Writing the calendar file…", disable=[self.write]):
            path = Path(self.ics_path.value).expanduser()
            count = self.net.calendar(path, today=self.day)
            self.written = (path, count)
            self.status.ok(
                f"Wrote {count} reminder{'s' if count != 1 else ''} to {path} — open it with "
                "your calendar app to import them."
            )


class CadenceCharts(Panel):
    """The cadence charts, one at a time, picked with buttons (rendered as PNG)."""

    def __init__(self, ws, *, today: date | None = None) -> None:
        self.ws = ws
        self.today = today
        self.charts = self._available()
        self.choice = widgets.ToggleButtons(
            options=[(label, key) for key, label in self.charts.items()],
            style={"button_width": "auto"},
        )
        self.choice.add_class("na-chart-choice")
        self.image = widgets.Image(format="png")
        self.image.add_class("na-chart")
        self.status = Status("na-chart-status")
        self.choice.observe(lambda _: self.show(), names="value")
        self.widget = widgets.VBox([self.choice, self.image, self.status.widget])
        self.show()

    def _available(self) -> dict[str, str]:
        from netanalytics.charts import CHARTS

        return {key: CHART_LABELS.get(key, key) for key in CHARTS}

    def show(self) -> None:
        """Draw the chosen chart from the workspace."""
        with self.status.reporting():
            fig = self.net.chart(self.choice.value, today=self.today)
            show_figure(self.image, fig)
            self.status.clear()
