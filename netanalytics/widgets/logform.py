"""Notebook 3: log an outreach event, see the person's history, edit or undo, the pipeline.

Saving goes through the front door (:class:`netanalytics.api.Network`: ``log``, ``edit``,
``undo``) — the same calls the CLI makes — so a value the CLI would refuse (an unknown
person, a bad time, a URL that is not a profile) is refused here with the same message,
naming the form's field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from netanalytics.safety import html_text
from netanalytics.widgets.common import (
    Panel,
    PersonPicker,
    Status,
    as_records,
    html_table,
    styled,
    text_or,
)
from netanalytics.workspace.stages import ALL_STAGES, CHANNELS, CLOSED_STAGES, STAGES

__all__ = ["OutcomeLogger", "PipelineBoard", "stage_label"]

#: Outcomes shown in grey on the board (the others are good news, in green).
_SETBACKS = CLOSED_STAGES
_CHANNEL_LABELS = {"in_person": "in person", "linkedin": "LinkedIn"}
#: The library's argument names as the form calls them (for error messages).
FORM_LABELS = {
    "person": "'Person'", "stage": "'Stage'", "at": "'Date' and 'Time'", "channel": "'Channel'",
    "via": "'Via'", "referral.name": "the referral's 'Name'", "referral.profile_url": "the referral's 'Profile URL'",
}


def stage_label(stage: str) -> str:
    """'thank_you_sent' -> 'thank-you sent' (for people, not code).

    >>> stage_label("intro_requested"), stage_label("thank_you_sent")
    ('intro requested', 'thank-you sent')
    """
    return stage.replace("thank_you", "thank-you").replace("_", " ")


def _when(value: Any) -> str:
    try:
        return f"{value:%Y-%m-%d %H:%M}"
    except (TypeError, ValueError):
        return "" if value is None else str(value)


class OutcomeLogger(Panel):
    """The log-event form, the chosen person's history, edit and undo of the last entry.

    ``now`` fixes the clock that pre-fills the date and time (tests); ``on_change``
    callbacks run after every successful write (the pipeline board refreshes on it).
    """

    def __init__(self, ws, *, now: datetime | None = None) -> None:
        self.ws = ws
        self.on_change: list[Callable[[], None]] = []
        self.last_event_id: int | None = None
        self.editing_event_id: int | None = None
        moment = now or datetime.now()

        self.person = PersonPicker(ws, suggested=self._pipeline_people(), css_class="na-log-person")
        self.stage = widgets.Dropdown(
            description="Stage",
            options=[(stage_label(s), s) for s in ALL_STAGES],
            value="intro_requested",
        )
        self.stage.add_class("na-log-stage")
        self.date = widgets.DatePicker(description="Date", value=moment.date())
        self.date.add_class("na-log-date")
        self.time = widgets.Text(
            description="Time", value=f"{moment:%H:%M}", placeholder="HH:MM",
            layout=widgets.Layout(width="160px"),
        )  # fmt: skip
        self.time.add_class("na-log-time")
        self.channel = widgets.Dropdown(
            description="Channel",
            options=[("—", "")] + [(_CHANNEL_LABELS.get(c, c), c) for c in CHANNELS],
            value="",
        )
        self.via = widgets.Combobox(
            description="Via",
            placeholder="who introduced you (optional)",
            options=self._intermediary_names(),
            ensure_option=False,
        )
        self.via.add_class("na-log-via")
        self.notes = widgets.Textarea(
            description="Notes", placeholder="what happened, what you learned, next step",
            layout=widgets.Layout(width="620px", height="70px"),
        )  # fmt: skip
        self.notes.add_class("na-log-notes")

        self.ref_name = widgets.Text(description="Name", placeholder="referred person")
        self.ref_name.add_class("na-log-ref-name")
        self.ref_company = widgets.Text(description="Company")
        self.ref_position = widgets.Text(description="Position")
        self.ref_url = widgets.Text(description="Profile URL", placeholder="linkedin.com/in/…")
        self.referral_box = widgets.VBox(
            [
                widgets.HTML("<b>Referral</b> — who did they refer you to?"),
                widgets.HBox([self.ref_name, self.ref_company]),
                widgets.HBox([self.ref_position, self.ref_url]),
            ],
            layout=widgets.Layout(display="none"),
        )
        self.referral_box.add_class("na-log-referral")
        self.stage.observe(self._on_stage, names="value")

        self.save = widgets.Button(description="Log event", button_style="primary", icon="check")
        self.save.add_class("na-log-save")
        self.undo = widgets.Button(description="Undo last entry", icon="undo")
        self.undo.add_class("na-log-undo")
        self.edit = widgets.Button(description="Edit last entry", icon="pencil")
        self.edit.add_class("na-log-edit")
        self.cancel = widgets.Button(description="Cancel edit", layout=widgets.Layout(display="none"))
        self.save.on_click(lambda _: self.submit())
        self.undo.on_click(lambda _: self.undo_last())
        self.edit.on_click(lambda _: self.start_edit())
        self.cancel.on_click(lambda _: self.stop_edit())

        self.status = Status("na-log-status", labels=FORM_LABELS)
        self.history = widgets.HTML()
        self.history.add_class("na-log-history")
        self.person.choice.observe(lambda _: self.show_history(), names="value")

        form = widgets.VBox(
            [
                self.person.widget,
                widgets.HBox([self.stage, self.channel]),
                widgets.HBox([self.date, self.time]),
                self.via,
                self.notes,
                self.referral_box,
                widgets.HBox([self.save, self.edit, self.undo, self.cancel]),
                self.status.widget,
            ]
        )
        self.widget = widgets.VBox([form, self.history])
        self.widget.add_class("na-logger")
        self.show_history()

    # -- options ---------------------------------------------------------------------------
    def _pipeline_people(self) -> list[tuple[str, str]]:
        rows = as_records(self.net.pipeline())
        return [
            (f"{r['name']} — {stage_label(r['stage'])}", r["person_id"]) for r in rows
        ]

    def _intermediary_names(self) -> list[str]:
        frame = self.net.events()
        names = frame["via_name"].dropna().astype(str).unique().tolist() if len(frame) else []
        return sorted(names)

    # -- handlers --------------------------------------------------------------------------
    def _on_stage(self, change: dict[str, Any]) -> None:
        self.referral_box.layout.display = "" if change["new"] == "referral_given" else "none"

    def _at(self) -> str:
        if self.date.value is None:
            return self.time.value  # the library names what is missing
        return f"{self.date.value.isoformat()} {self.time.value.strip()}".strip()

    def _referral(self) -> dict[str, str | None]:
        """The referral fields, as the front door's ``log`` takes them (none unless referral_given)."""
        if self.stage.value != "referral_given" or not self.ref_name.value.strip():
            return {}
        return {
            "referral_name": self.ref_name.value,
            "referral_company": self.ref_company.value or None,
            "referral_position": self.ref_position.value or None,
            "referral_url": self.ref_url.value or None,
        }

    def submit(self) -> None:
        """Log the event (or save the edit) through the library; show the outcome."""
        if self.editing_event_id is not None:
            self._save_edit()
            return
        with self.status.busy("Saving…", disable=[self.save]):
            if self.person.value is None:
                self.status.error("Pick a person first: type part of their name or company.")
                return
            event = self.net.log(
                self.person.value, self.stage.value, at=self._at(),
                channel=self.channel.value or None, via=self.via.value or None,
                notes=self.notes.value or None, **self._referral(),
            )  # fmt: skip
            self.last_event_id = event.event_id
            self.status.ok(
                f"Logged {stage_label(event.stage)} for {event.name} on {_when(event.at)}."
            )
            self.notes.value = ""
            self._changed()

    def start_edit(self) -> None:
        """Load the last entry into the form; the save button then saves changes."""
        with self.status.reporting():
            event = self._last_event()
            if event is None:
                self.status.error("Nothing logged yet: there is no entry to edit.")
                return
            self.editing_event_id = int(event["event_id"])
            self.person.select(event["person_id"])
            self.stage.value = event["stage"]
            self.date.value = event["at"].date()
            self.time.value = f"{event['at']:%H:%M}"
            self.channel.value = event["channel"] if event["channel"] in CHANNELS else ""
            self.via.value = event["via_name"] or ""
            self.notes.value = event["notes"] or ""
            self.save.description = "Save changes"
            self.cancel.layout.display = ""
            self.status.info(
                f"Editing {stage_label(event['stage'])} for {event['name']}: change the fields, "
                "then Save changes."
            )

    def stop_edit(self) -> None:
        """Leave edit mode without saving."""
        self.editing_event_id = None
        self.save.description = "Log event"
        self.cancel.layout.display = "none"
        self.status.clear()

    def _save_edit(self) -> None:
        with self.status.busy("Saving…", disable=[self.save]):
            event = self.net.edit(
                self.editing_event_id, person=self.person.value, stage=self.stage.value,
                at=self._at(), channel=self.channel.value or None, via=self.via.value or None,
                notes=self.notes.value or None,
            )  # fmt: skip
            self.last_event_id = event.event_id
            self.stop_edit()
            self.status.ok(f"Saved: {stage_label(event.stage)} for {event.name} on {_when(event.at)}.")
            self._changed()

    def undo_last(self) -> None:
        """Take back the latest add/edit/delete (the library says what it undid)."""
        with self.status.busy("Undoing…", disable=[self.undo]):
            message = self.net.undo()
            self.stop_edit()
            self.last_event_id = None
            self.status.ok(message)
            self._changed()

    def _last_event(self) -> dict[str, Any] | None:
        frame = self.net.events()
        if self.last_event_id is not None:
            mine = frame[frame["event_id"] == self.last_event_id]
            if len(mine):
                return mine.iloc[0].to_dict()
        if frame.empty:
            return None
        return frame.sort_values("event_id").iloc[-1].to_dict()

    def _changed(self) -> None:
        self.show_history()
        for callback in self.on_change:
            callback()

    def show_history(self) -> None:
        """The chosen person's log, oldest first."""
        person = self.person.value
        if person is None:
            self.history.value = ""
            return
        with self.status.reporting():
            events = self.net.history(person)
            rows = [
                {
                    "when": _when(e.at), "stage": stage_label(e.stage), "channel": e.channel,
                    "via": e.via_name, "notes": e.notes, "id": e.event_id,
                }
                for e in events.itertuples(index=False)
            ]  # fmt: skip
            name = events["name"].iloc[0] if len(events) else self.person.choice.label.split(" — ")[0]
            self.history.value = styled(
                f"<h4>History of {html_text(name)}</h4>"
                + html_table(
                    rows, ["when", "stage", "channel", "via", "notes", "id"],
                    labels={"when": "When", "stage": "Stage", "channel": "Channel",
                            "via": "Via", "notes": "Notes", "id": "Event"},
                    empty="Nothing logged for this person yet.",
                )
            )  # fmt: skip


class PipelineBoard(Panel):
    """Who is at which stage: one column per pipeline stage, refreshed after each entry."""

    def __init__(self, ws, *, logger: OutcomeLogger | None = None) -> None:
        self.ws = ws
        self.board = widgets.HTML()
        self.board.add_class("na-pipeline")
        self.widget = widgets.VBox([self.board])
        if logger is not None:
            logger.on_change.append(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Redraw from :func:`netanalytics.outreach.log.pipeline`: one row per stage."""
        rows = as_records(self.net.pipeline())
        self.rows = rows
        lines = []
        for stage in STAGES:
            people = [r for r in rows if r["stage"] == stage]
            chips = "".join(
                '<span class="na-chip">'
                f"<b>{html_text(r['name'])}</b>"
                + (f' <span class="na-muted">· {html_text(text_or(r.get("company")))}</span>'
                   if text_or(r.get("company")) else "")
                + (f' <span class="na-outcome na-outcome-{"bad" if r["last_outcome"] in _SETBACKS else "good"}">'
                   f'{html_text(stage_label(r["last_outcome"]))}</span>'
                   if text_or(r.get("last_outcome")) else "")
                + "</span>"
                for r in people
            )  # fmt: skip
            lines.append(
                f'<div class="na-stage-row"><div class="na-stage-name">{html_text(stage_label(stage))}'
                f' <span class="na-count">{len(people)}</span></div>'
                f'<div class="na-chips">{chips or "<span class=na-muted>—</span>"}</div></div>'
            )
        css = """<style>
.na-stage-row { display: flex; align-items: flex-start; border-bottom: 1px solid #e3e3e3;
                padding: 5px 0; }
.na-stage-name { flex: 0 0 150px; font-weight: 600; padding-top: 3px; }
.na-count { color: #fff; background: #607d8b; border-radius: 9px; padding: 0 7px;
            font-size: 11px; font-weight: 600; }
.na-chips { display: flex; flex-wrap: wrap; gap: 4px 6px; }
.na-chip { background: #f4f6f8; border: 1px solid #dde2e6; border-radius: 12px;
           padding: 1px 9px; font-size: 12px; white-space: nowrap; }
.na-outcome { color: #fff; border-radius: 8px; padding: 0 6px; font-size: 11px; margin-left: 2px; }
.na-outcome-good { background: #007a5a; }
.na-outcome-bad { background: #8a8f94; }
</style>"""
        empty = (
            '<div class="na-muted">Nobody in the pipeline yet: log an event above, or add '
            "people from notebook 2.</div>"
            if not rows
            else ""
        )
        self.board.value = styled(css + empty + f'<div class="na-board">{"".join(lines)}</div>')
