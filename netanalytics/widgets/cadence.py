"""Notebook 4: what follow-up is due and overdue, the on-time rate, charts, the .ics file.

Everything shown comes from the front door (:class:`netanalytics.api.Network`): ``due``,
``on_time``, ``calendar`` and ``chart`` — the calls the CLI makes too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from netanalytics.days import when_text
from netanalytics.safety import html_text
from netanalytics.widgets.common import (
    Panel,
    Status,
    as_records,
    on_changed,
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


class FollowUps(Panel):
    """Due and overdue follow-ups for a day, as a table you act in; the on-time rate; the
    calendar file.

    Clicking a follow-up opens the person's card with **Done** (logs what settles it: the
    thank-you sent, the nudge sent…), **Snooze a week** and a draft of the message; the table
    and the on-time figure refresh at once. ``today`` defaults to the local date.
    """

    def __init__(self, ws, *, today: date | None = None) -> None:
        from netanalytics.widgets.card import PersonCard
        from netanalytics.widgets.tables import ActionTable, Filter

        self.ws = ws
        self.today = widgets.DatePicker(description="Today", value=today or date.today())
        self.ahead = widgets.IntSlider(
            description="Look ahead", min=0, max=30, value=7, step=1,
            readout_format="d", style={"description_width": "initial"},
        )  # fmt: skip
        self.ahead.add_class("na-due-ahead")
        self.head = widgets.HTML()
        self.head.add_class("na-due")
        self.card = PersonCard(ws, actions=("done", "snooze"), today=today, css_class="na-due-card",
                               on_action=lambda what, pid: self.refresh(keep_card=True))
        self.table = ActionTable(
            [("when", "Status"), ("due_text", "Due"), ("what", "To do"), ("name", "Who"), ("reason", "Why")],
            name="follow-ups", widths={"when": 110, "due_text": 110, "what": 150, "name": 150, "reason": 420},
            filters=[Filter("only overdue", lambda r: bool(r.get("overdue")), css_class="na-due-only-overdue")],
            sorts=[("most urgent", "urgency", True), ("due date", "due", False), ("who", "name", False)],
            page_size=10, on_select=self._open, css_class="na-due-table",
            empty="Nothing due: you are on top of your follow-ups.",
        )
        self.rate = widgets.HTML()
        self.rate.add_class("na-ontime")
        self.ics_path = widgets.Text(
            description="Save to", value="followups.ics",
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
                self.head,
                widgets.HBox([widgets.Box([self.table.widget], layout=widgets.Layout(width="60%", min_width="520px")),
                              widgets.Box([self.card.widget], layout=widgets.Layout(width="40%", min_width="320px",
                                                                                    padding="0 0 0 10px"))],
                             layout=widgets.Layout(align_items="flex-start")),
                self.rate,
                widgets.HBox([self.ics_path, self.write]),
                self.status.widget,
            ]
        )
        self.widget.add_class("na-followups")
        self.refresh()
        on_changed(ws, lambda what: self.refresh(keep_card=True))

    @property
    def day(self) -> date:
        """The chosen day (today when the picker is cleared)."""
        return self.today.value or date.today()

    def _open(self, row: dict[str, Any]) -> None:
        self.card.today = self.day
        self.card.show(row["person_id"], row)
        kind = KIND_LABELS.get(row["kind"], row["kind"])
        self.card.buttons["done"].description = f"Done: {kind}"

    def refresh(self, *, keep_card: bool = False) -> None:
        """Reload what is due and the on-time rate."""
        with self.table.status.reporting():
            self.rows = as_records(self.net.due(self.day, within_days=self.ahead.value, as_frame=False))
            for row in self.rows:
                row["when"] = when_text(row["due"], self.day)
                row["what"] = KIND_LABELS.get(row["kind"], row["kind"])
                row["due_text"] = f"{row['due']:%a} {row['due'].day} {row['due']:%b}"
                row["urgency"] = (row["days_overdue"], -row["due"].toordinal())
            overdue = sum(1 for r in self.rows if r["overdue"])
            self.head.value = styled(
                f"<h4>{len(self.rows)} follow-up{'s' if len(self.rows) != 1 else ''} due by "
                f"{self.day:%a %d %b %Y} + {self.ahead.value} days"
                f"{f' — {overdue} overdue' if overdue else ''}</h4>"
                '<div class="na-muted">Click one to mark it done, snooze it or draft the message.</div>')
            self.table.set_rows(self.rows)
            if not keep_card:
                self.card.widget.layout.display = "none"
            elif self.card.person_id is not None:
                still = [r for r in self.rows if r["person_id"] == self.card.person_id]
                if still:
                    self.card.row = {**self.card.row, **still[0]}
            self.rate.value = styled(self._rate_html())

    def _rate_html(self) -> str:
        from netanalytics.charts.rates import SERIES_KINDS

        rates = self.net.on_time(self.day)  # the one on-time rule: the parts add up to the whole
        if rates.empty:
            return '<div class="na-muted">No follow-ups have fallen due yet.</div>'
        by_kind = {r.kind: (int(r.on_time), int(r.decided)) for r in rates.itertuples(index=False)}
        parts = []
        for series, kinds in SERIES_KINDS.items():  # the groups the chart shows, with the same counts
            on = sum(by_kind.get(k, (0, 0))[0] for k in kinds)
            n = sum(by_kind.get(k, (0, 0))[1] for k in kinds)
            if n:
                parts.append(f"{html_text(series.lower())} {on / n:.0%} ({on} of {n})")
        overall = rates.iloc[-1]
        self.on_time_rate = float(overall["rate"])
        return (
            f'<div class="na-info"><b>On time: {overall["rate"]:.0%}</b> ({overall["on_time"]} of '
            f"{overall['decided']} follow-ups that have fallen due: {'; '.join(parts)}). "
            '<span class="na-muted">On time: done by its due date (a thank-you within a day of the meeting, '
            "a nudge a week after an unanswered ask, a referral contacted within 3 days, a keep-in-touch "
            "note by its date). The chart below counts the same follow-ups.</span></div>"
        )

    def write_calendar(self) -> None:
        """Write the reminders to the .ics file beside the notebook (the same call as
        ``netanalytics calendar``) and link to it."""
        with self.status.busy("Writing the calendar file…", disable=[self.write]):
            path = Path(self.ics_path.value).expanduser()
            count = self.net.calendar(path, today=self.day)
            self.written = (path, count)
            link = path.as_posix() if not path.is_absolute() else None
            target = (f'<a href="{html_text(link)}" download target="_blank" rel="noopener">{html_text(path.as_posix())}</a>'
                      if link else html_text(str(path)))
            self.status.html.value = styled(
                f'<div class="na-ok">Wrote {count} reminder{"s" if count != 1 else ""} to {target} — open it with '
                "your calendar app to import them.</div>")
            self.status.kind = "ok"
            self.status.message = f"Wrote {count} reminders to {path}"


class CadenceCharts(Panel):
    """The cadence charts, one at a time, picked with buttons (rendered as PNG); redrawn
    after a follow-up is marked done or logged."""

    def __init__(self, ws, *, today: date | None = None) -> None:
        self.ws = ws
        self.today = today
        on_changed(ws, lambda what: self.show() if what == "log" else None)
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
