"""Notebook 3: log an outreach event, see the person's history, edit, delete or undo any
entry, and the pipeline.

Saving goes through the front door (:class:`netanalytics.api.Network`: ``log``, ``edit``,
``delete``, ``undo``) — the same calls the CLI makes — so a value the CLI would refuse (an
unknown person, a bad time, a URL that is not a profile) is refused here with the same
message, naming the form's field. Nothing is chosen for you: the form starts with no person
and no stage; the date and time are "now" unless you give them (now is when you press Log,
not when the cell ran). The history is a table: pick any entry to edit or delete it.
Messages say what happened in words, without codes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from netanalytics.safety import html_text
from netanalytics.widgets.card import stage_label
from netanalytics.widgets.common import (
    Panel,
    PersonPicker,
    Status,
    as_records,
    notify_changed,
    on_changed,
    styled,
    text_or,
)
from netanalytics.widgets.tables import ActionTable
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
NO_STAGE = ""


def _when(value: Any) -> str:
    """'Mon 2 Mar 2026 at 15:00' (a moment in words)."""
    try:
        if hasattr(value, "to_pydatetime"):
            value = value.to_pydatetime()
        return f"{value:%a} {value.day} {value:%b %Y} at {value:%H:%M}"
    except (TypeError, ValueError):
        return "" if value is None else str(value)


def _stage_options(*, referral: bool = True) -> list[tuple[str, str]]:
    return [("— what happened? —", NO_STAGE)] + [
        (stage_label(s), s) for s in ALL_STAGES if referral or s != "referral_given"]


class OutcomeLogger(Panel):
    """The log-event form and the chosen person's history, where any entry can be edited
    or deleted; **Undo** takes back the latest change.

    ``now`` fixes the clock used when no date and time are given (tests); ``on_change``
    callbacks run after every successful write (the pipeline board refreshes on it).
    """

    def __init__(self, ws, *, now: datetime | Callable[[], datetime] | None = None) -> None:
        self.ws = ws
        self.on_change: list[Callable[[], None]] = []
        self.last_event_id: int | None = None
        self.editing_event_id: int | None = None
        self._now = now

        self.person = PersonPicker(ws, suggested=self._pipeline_people(), css_class="na-log-person")
        self.stage = widgets.Dropdown(description="Stage", options=_stage_options(), value=NO_STAGE)
        self.stage.add_class("na-log-stage")
        self.date = widgets.DatePicker(description="Date", value=None)
        self.date.add_class("na-log-date")
        self.time = widgets.Text(
            description="Time", value="", placeholder="HH:MM",
            layout=widgets.Layout(width="160px"),
        )  # fmt: skip
        self.time.add_class("na-log-time")
        self.when_hint = widgets.HTML('<span class="na-muted" style="color:#777">leave the date and time '
                                      "empty for now (the moment you press Log)</span>")
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
        self.undo = widgets.Button(description="Undo latest change", icon="undo",
                                   layout=widgets.Layout(width="auto"))
        self.undo.add_class("na-log-undo")
        self.cancel = widgets.Button(description="Cancel edit", layout=widgets.Layout(display="none"))
        self.cancel.add_class("na-log-cancel")
        self.save.on_click(lambda _: self.submit())
        self.undo.on_click(lambda _: self.undo_last())
        self.cancel.on_click(lambda _: self.stop_edit())

        self.status = Status("na-log-status", labels=FORM_LABELS)
        self.history_title = widgets.HTML()
        self.history_title.add_class("na-log-history")
        self.edit = widgets.Button(description="Edit this entry", icon="pencil", disabled=True,
                                   layout=widgets.Layout(width="auto"))
        self.edit.add_class("na-log-edit")
        self.delete = widgets.Button(description="Delete this entry", icon="trash", disabled=True,
                                     layout=widgets.Layout(width="auto"))
        self.delete.add_class("na-log-delete")
        self.edit.on_click(lambda _: self.start_edit())
        self.delete.on_click(lambda _: self.delete_selected())
        self.entries = ActionTable(
            [("when", "When"), ("stage", "What"), ("channel", "Channel"), ("via", "Via"), ("notes", "Notes")],
            name="history", widths={"when": 170, "stage": 140, "channel": 90, "via": 140, "notes": 260},
            page_size=8, on_select=self._on_entry, css_class="na-log-entries",
            empty="Nothing logged for this person yet.",
        )
        self.entry_status = Status("na-log-entry-status", labels=FORM_LABELS)
        self.history_box = widgets.VBox(
            [self.history_title, self.entries.widget, widgets.HBox([self.edit, self.delete]),
             self.entry_status.widget], layout=widgets.Layout(display="none"))
        self.person.choice.observe(lambda _: self.show_history(), names="value")

        form = widgets.VBox(
            [
                self.person.widget,
                widgets.HBox([self.stage, self.channel]),
                widgets.HBox([self.date, self.time, self.when_hint]),
                self.via,
                self.notes,
                self.referral_box,
                widgets.HBox([self.save, self.cancel, self.undo]),
                self.status.widget,
            ]
        )
        self.widget = widgets.VBox([form, self.history_box])
        self.widget.add_class("na-logger")
        self.show_history()
        on_changed(ws, self._workspace_changed)

    # -- options ---------------------------------------------------------------------------
    def _pipeline_people(self) -> list[tuple[str, str]]:
        rows = self.net.pipeline(as_frame=False)
        return [(f"{r['name']} — {stage_label(r['stage'])}", r["person_id"]) for r in rows]

    def _intermediary_names(self) -> list[str]:
        names = {r["via_name"] for r in self.net.events(as_frame=False) if r["via_name"]}
        return sorted(names)

    # -- handlers --------------------------------------------------------------------------
    def _on_stage(self, change: dict[str, Any]) -> None:
        self.referral_box.layout.display = (
            "" if change["new"] == "referral_given" and self.editing_event_id is None else "none")

    def now(self) -> datetime:
        """The clock: the moment of the press (or the fixed one of the tests)."""
        if callable(self._now):
            return self._now()
        return self._now or datetime.now()

    def _at(self) -> str | datetime:
        """The form's moment: now when date and time are empty, else the date with the time
        (the time now when only a date is given)."""
        time_text = self.time.value.strip()
        if self.date.value is None and not time_text:
            return self.now().replace(second=0, microsecond=0)
        if self.date.value is None:
            return time_text  # the library names what is missing
        return f"{self.date.value.isoformat()} {time_text or f'{self.now():%H:%M}'}"

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
        """Log the event (or save the edit) through the library; say what happened."""
        if self.editing_event_id is not None:
            self._save_edit()
            return
        with self.status.busy("Saving…", disable=[self.save]):
            if self.person.value is None:
                self.status.error("Pick a person first: type part of their name or company, then choose them.")
                return
            if not self.stage.value:
                self.status.error("Choose what happened in 'Stage' first.")
                return
            event = self.net.log(
                self.person.value, self.stage.value, at=self._at(),
                channel=self.channel.value or None, via=self.via.value or None,
                notes=self.notes.value or None, **self._referral(),
            )  # fmt: skip
            self.last_event_id = event.event_id
            extra = (f" {event.referral_name} is now in your network and your pipeline."
                     if event.referral_name else "")
            self.status.ok(f"Logged: {stage_label(event.stage)} with {event.name} on {_when(event.at)}.{extra}")
            self.notes.value = ""
            self.stage.value = NO_STAGE
            for field in (self.ref_name, self.ref_company, self.ref_position, self.ref_url):
                field.value = ""
            self._changed()

    def _on_entry(self, row: dict[str, Any]) -> None:
        self.edit.disabled = self.delete.disabled = False
        self.entry_status.info(f"Chosen: {row['stage']} on {row['when']}. Edit or delete it.")

    def _selected_entry(self) -> dict[str, Any] | None:
        return self.entries.selected

    def start_edit(self, event_id: int | None = None) -> None:
        """Load an entry (the one chosen in the history, or ``event_id``) into the form; the
        save button then saves changes to it."""
        with self.entry_status.reporting():
            row = self._event(event_id) if event_id is not None else self._selected_entry()
            if row is None:
                self.entry_status.error("Choose an entry in the history first.")
                return
            event = self._event(int(row["event_id"]))
            self.editing_event_id = int(event["event_id"])
            referral = event["stage"] == "referral_given"
            # a referral cannot be edited into or out of existence: its stage is fixed, and no
            # other entry can become one
            self.stage.options = _stage_options(referral=referral)
            self.stage.value = event["stage"]
            self.stage.disabled = referral
            self.referral_box.layout.display = "none"
            self.date.value = event["at"].date()
            self.time.value = f"{event['at']:%H:%M}"
            self.channel.value = event["channel"] if event["channel"] in CHANNELS else ""
            self.via.value = event["via_name"] or ""
            self.notes.value = event["notes"] or ""
            self.save.description = "Save changes"
            self.cancel.layout.display = ""
            self.status.info(
                f"Editing {stage_label(event['stage'])} with {event['name']} on {_when(event['at'])}: change the "
                "fields, then Save changes."
                + (" (A referral's stage stays as it is: delete it and log it again to change that.)"
                   if referral else ""))
            self.entry_status.clear()

    def stop_edit(self) -> None:
        """Leave edit mode without saving."""
        self.editing_event_id = None
        self.save.description = "Log event"
        self.cancel.layout.display = "none"
        self.stage.disabled = False
        self.stage.options = _stage_options()
        self.stage.value = NO_STAGE
        self.date.value = None
        self.time.value = ""
        self.notes.value = ""
        self.status.clear()

    def _save_edit(self) -> None:
        with self.status.busy("Saving…", disable=[self.save]):
            changes: dict[str, Any] = dict(
                person=self.person.value, at=self._at(), channel=self.channel.value or None,
                via=self.via.value or None, notes=self.notes.value or None)
            if not self.stage.disabled:
                changes["stage"] = self.stage.value
            event = self.net.edit(self.editing_event_id, **changes)
            self.last_event_id = event.event_id
            self.stop_edit()
            self.status.ok(f"Saved: {stage_label(event.stage)} with {event.name} on {_when(event.at)}.")
            self._changed()

    def delete_selected(self) -> None:
        """Delete the entry chosen in the history (Undo brings it back)."""
        with self.entry_status.busy("Deleting…", disable=[self.delete]):
            row = self._selected_entry()
            if row is None:
                self.entry_status.error("Choose an entry in the history first.")
                return
            event = self.net.delete(int(row["event_id"]))
            self.entry_status.ok(f"Deleted {stage_label(event.stage)} with {event.name} on {_when(event.at)}. "
                                 "Undo latest change brings it back.")
            self._changed(keep_status=True)

    def undo_last(self) -> None:
        """Take back the latest log, edit, delete or import (the library says what, in words)."""
        with self.status.busy("Undoing…", disable=[self.undo]):
            message = self.net.undo()
            if self.editing_event_id is not None:
                self.stop_edit()
            self.last_event_id = None
            self.status.ok(message)
            self._changed()

    def _event(self, event_id: int) -> dict[str, Any]:
        for row in self.net.events(as_frame=False):
            if row["event_id"] == event_id:
                return row
        from netanalytics.errors import NotFoundError

        raise NotFoundError("That entry is no longer in the log (it was changed or undone).")

    def _last_event(self) -> dict[str, Any] | None:
        rows = self.net.events(as_frame=False)
        if self.last_event_id is not None:
            for row in rows:
                if row["event_id"] == self.last_event_id:
                    return row
        return max(rows, key=lambda r: r["event_id"]) if rows else None

    def _changed(self, *, keep_status: bool = False) -> None:
        self.person.suggested = self._pipeline_people()
        self.via.options = self._intermediary_names()
        self.show_history(keep_status=keep_status)
        for callback in self.on_change:
            callback()
        notify_changed(self.ws, "log", source=self)

    def _workspace_changed(self, what: str) -> None:
        self.person.suggested = self._pipeline_people()
        self.show_history(keep_status=True)

    def show_history(self, *, keep_status: bool = False) -> None:
        """The chosen person's log, oldest first, as a table to pick entries from."""
        person = self.person.value
        self.edit.disabled = self.delete.disabled = True
        if not keep_status:
            self.entry_status.clear()
        if person is None:
            self.history_box.layout.display = "none"
            return
        with self.status.reporting():
            events = self.net.history(person, as_frame=False)
            rows = [{"event_id": e["event_id"], "when": _when(e["at"]), "stage": stage_label(e["stage"]),
                     "channel": _CHANNEL_LABELS.get(e["channel"], e["channel"]), "via": e["via_name"],
                     "notes": e["notes"]} for e in events]
            name = self.net.person(person)["full_name"]
            self.history_title.value = styled(f"<h4>History of {html_text(name)}</h4>"
                                              '<div class="na-muted">Click an entry to edit or delete it.</div>')
            self.entries.set_rows(rows)
            self.history_box.layout.display = ""


class PipelineBoard(Panel):
    """Who is at which stage: one row per pipeline stage, and the pipeline as a table you act
    in (sort, filter, export; click a person for their card and to log what happened next),
    refreshed after each entry."""

    def __init__(self, ws, *, logger: OutcomeLogger | None = None) -> None:
        from netanalytics.widgets.card import PersonCard
        from netanalytics.widgets.tables import Filter

        self.ws = ws
        self.board = widgets.HTML()
        self.board.add_class("na-pipeline")
        self.card = PersonCard(ws, actions=("log",), css_class="na-pipeline-card",
                               on_action=lambda what, pid: self.refresh())
        self.table = ActionTable(
            [("name", "Name"), ("company", "Company"), ("stage_text", "Stage"), ("outcome", "Last outcome"),
             ("last", "Last contact"), ("next_step", "Next step")], name="pipeline",
            widths={"name": 150, "company": 130, "stage_text": 120, "outcome": 120, "last": 110, "next_step": 200},
            sorts=[("furthest stage", "order", True), ("last contact", "last_event_at", True), ("name", "name", False)],
            filters=[Filter("hide closed (declined, no response)", lambda r: r.get("last_outcome") not in _SETBACKS,
                            css_class="na-pipeline-hide-closed")],
            page_size=10, on_select=lambda row: self.card.show(row["person_id"], row), css_class="na-pipeline-table",
            empty="Nobody in the pipeline yet.")
        self.widget = widgets.VBox([self.board, widgets.HBox(
            [widgets.Box([self.table.widget], layout=widgets.Layout(width="60%", min_width="520px")),
             widgets.Box([self.card.widget], layout=widgets.Layout(width="40%", min_width="320px",
                                                                   padding="0 0 0 10px"))],
            layout=widgets.Layout(align_items="flex-start"))])
        if logger is not None:
            logger.on_change.append(self.refresh)
        else:
            on_changed(ws, lambda what: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the front door's ``pipeline``: one row per stage."""
        rows = as_records(self.net.pipeline(as_frame=False))
        self.rows = rows
        for row in rows:
            row["stage_text"] = stage_label(row["stage"])
            row["outcome"] = stage_label(row["last_outcome"]) if row.get("last_outcome") else ""
            row["last"] = f"{row['last_event_at']:%a} {row['last_event_at'].day} {row['last_event_at']:%b %Y}"
            row["order"] = (STAGES.index(row["stage"]), row["last_event_at"])
        self.table.set_rows(rows)
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
