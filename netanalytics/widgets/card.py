"""A person's card: who they are, how you reach them, why, the meeting, history, draft, prep —
and the actions on them, answered right beside the buttons.

The card opens when a row of a table is clicked (the ranking, the search results, the
pipeline, what is due). Everything on it comes from the front door
(:class:`netanalytics.api.Network`): ``person``, ``paths_to``, ``history``, ``draft``,
``prep``, ``log``, ``snooze``. The numbers are the ranking's, each defined once
(:data:`netanalytics.api.DEFINITIONS`) and explained where they are shown.

Actions never repeat by accident: **Add to pipeline** on someone already there says so and
adds nothing; **Log** of the same stage for the same person twice within
:data:`REPEAT_WINDOW` asks for a second press; every button is disabled while it works.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import ipywidgets as widgets

from netanalytics.safety import html_text
from netanalytics.widgets.common import (
    Panel,
    Status,
    html_list,
    html_table,
    notify_changed,
    styled,
    text_or,
)

#: The meeting suggestion in words.
MEETING_WORDS = {"coffee": "coffee", "video": "a video or phone call", "unknown": "unknown"}

__all__ = ["NUMBER_HELP", "PersonCard", "percent", "stage_label"]

#: How long a repeated Log of the same stage for the same person asks for confirmation.
REPEAT_WINDOW = timedelta(minutes=10)

#: Short explanations shown beside the numbers (the full ones: ``netanalytics.api.DEFINITIONS``).
NUMBER_HELP = {
    "intro_chance": "the chance that at least one of your routes ends in a warm introduction",
    "fit": "how well they match your target, from 0 to 100%",
    "score": "intro chance × fit × shared background × weak-tie bonus: the order of the ranking",
    "hops": "ties between you and them along the best route: 1 = you know them",
    "ask": "whom to ask for the introduction; 'you know them' means write to them directly",
}


def percent(value: Any) -> str:
    """0.456 -> '46%'; '' when missing.

    >>> percent(0.456), percent(None)
    ('46%', '')
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    return "" if number != number else f"{number:.0%}"


def stage_label(stage: str | None) -> str:
    """'thank_you_sent' -> 'thank-you sent' (for people, not code).

    >>> stage_label("intro_requested"), stage_label("thank_you_sent")
    ('intro requested', 'thank-you sent')
    """
    return (stage or "").replace("thank_you", "thank-you").replace("_", " ")


def _day(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    return f"{value:%a} {value.day} {value:%b %Y}"


class PersonCard(Panel):
    """The card of one person, with the actions the table it opened from offers.

    ``actions`` among 'add' (to the pipeline), 'log' (a stage, now), 'done' (a due
    follow-up), 'snooze' (a week). ``on_action(what, person_id)`` runs after an action
    succeeded (the table refreshes on it); the other views of the workspace hear of it
    through :func:`netanalytics.widgets.common.notify_changed`.
    """

    def __init__(self, ws, *, actions: tuple[str, ...] = ("add", "log"), today: Any = None,
                 css_class: str = "na-card", on_action: Callable[[str, str], None] | None = None) -> None:
        from netanalytics.workspace.stages import ALL_STAGES

        self.ws = ws
        self.today = today
        self.actions = actions
        self.on_action = on_action
        self.person_id: str | None = None
        self.row: dict[str, Any] = {}
        self._last_log: tuple[str, str, datetime] | None = None
        self.head = widgets.HTML()
        self.head.add_class(f"{css_class}-head")
        self.buttons: dict[str, widgets.Button] = {}
        specs = {"add": ("Add to pipeline", "plus", "primary"), "done": ("Done", "check", "success"),
                 "snooze": ("Snooze a week", "clock-o", ""), "log": ("Log", "pencil", "")}
        bar: list[widgets.Widget] = []
        self.stage = widgets.Dropdown(options=[("what happened?", "")] + [(stage_label(s), s) for s in ALL_STAGES],
                                      value="", layout=widgets.Layout(width="190px"))
        self.stage.add_class(f"{css_class}-stage")
        for key in actions:
            label, icon, style = specs[key]
            button = widgets.Button(description=label, icon=icon, button_style=style,
                                    layout=widgets.Layout(width="auto"))
            button.add_class(f"{css_class}-{key}")
            button.on_click(lambda _, k=key: self.act(k))
            self.buttons[key] = button
            if key == "log":
                bar.append(self.stage)
            bar.append(button)
        self.status = Status(f"{css_class}-status")
        self.body = widgets.HTML()
        self.body.add_class(f"{css_class}-body")
        self.profile = widgets.HTML()
        self.profile.add_class(f"{css_class}-profile")
        self.history = widgets.HTML()
        self.history.add_class(f"{css_class}-history")
        self.kind = widgets.Dropdown(options=[("suggested", ""), ("intro request", "intro-request"),
                                              ("direct message", "direct"), ("thank-you", "thank-you"),
                                              ("keep in touch", "keep-in-touch")],
                                     value="", description="Draft", layout=widgets.Layout(width="260px"),
                                     style={"description_width": "44px"})
        self.kind.add_class(f"{css_class}-kind")
        self.kind.observe(lambda _: self.show_draft(), names="value")
        self.draft = widgets.Textarea(layout=widgets.Layout(width="100%", height="170px"))
        self.draft.add_class(f"{css_class}-draft")
        self.prep_button = widgets.Button(description="Prep sheet", icon="file-text-o",
                                          layout=widgets.Layout(width="auto"))
        self.prep_button.add_class(f"{css_class}-prep-button")
        self.prep_button.on_click(lambda _: self.show_prep())
        self.prep = widgets.Textarea(layout=widgets.Layout(width="100%", height="260px", display="none"))
        self.prep.add_class(f"{css_class}-prep")
        self.widget = widgets.VBox(
            [self.head, widgets.HBox(bar, layout=widgets.Layout(flex_flow="row wrap")), self.status.widget,
             self.body, self.profile, self.history, widgets.HBox([self.kind, self.prep_button]), self.draft,
             self.prep],
            layout=widgets.Layout(display="none", border="1px solid #dde2e6", padding="6px 10px"),
        )
        self.widget.add_class(css_class)

    # -- filling the card --------------------------------------------------------------------
    def show(self, person_id: str, row: Mapping[str, Any] | None = None) -> None:
        """Open the card of ``person_id``; ``row`` (a ranking or search row) adds its numbers,
        path, reasons and meeting suggestion."""
        self.person_id = person_id
        self.row = dict(row or {})
        self.status.clear()
        self.stage.value = ""
        self.kind.value = ""
        self.prep.layout.display = "none"
        self.widget.layout.display = ""
        with self.status.reporting():
            net = self.net
            person = net.person(person_id)
            self.person = person
            role = " at ".join(html_text(v) for v in (person.get("position"), person.get("company")) if v)
            self.head.value = styled(f'<h4 style="margin:2px 0">{html_text(person["full_name"])}</h4>'
                                     f"<div>{role}</div>")
            self.body.value = styled(self._body_html(net, person_id))
            self.profile.value = styled(self._profile_html(net, person_id))
            self.show_history()
            self.show_draft()
            self._refresh_buttons()

    def _numbers_html(self) -> str:
        row = self.row
        parts = []
        for key, label in (("intro_chance", "Intro chance"), ("fit", "Fit"), ("score", "Score")):
            if row.get(key) is not None and row.get(key) == row.get(key):
                value = percent(row[key]) if key != "score" else f"{float(row[key]):.2f}"
                parts.append(f'<span title="{html_text(NUMBER_HELP[key])}"><b>{label}</b> {value}</span>')
        hops = row.get("hops")
        if hops is not None and hops == hops:
            parts.append(f'<span title="{html_text(NUMBER_HELP["hops"])}"><b>Hops</b> {int(hops)}</span>')
        if not parts:
            return ""
        legend = "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in NUMBER_HELP.items()
                           if k in row or (k == "ask" and "via" in row))
        return (f"<div>{' · '.join(parts)}</div>"
                f'<div class="na-muted" style="font-size:11px">{html_text(legend)}.</div>')

    def _body_html(self, net: Any, person_id: str) -> str:
        row = self.row
        html = [self._numbers_html()]
        routes = net.paths_to(person_id, today=self.today)
        if len(routes):
            best = routes.iloc[0]
            html.append(f"<div><b>Best path</b>: {html_text(best['path'])}</div>")
            if "intro_chance" not in row:
                html.insert(0, f"<div><b>Intro chance</b> {percent(best['intro_chance'])} "
                               f'<span class="na-muted">({html_text(NUMBER_HELP["intro_chance"])})</span></div>')
            others = [{"path": r["path"], "chance": percent(r["route_chance"])} for r in
                      routes.iloc[1:4].to_dict("records")]
            if others:
                html.append("<div><b>Other routes</b></div>" + html_table(
                    others, ["path", "chance"], labels={"path": "Route", "chance": "Route chance"},
                    numeric=["chance"]))
        else:
            html.append('<div class="na-muted">No warm path from you yet.</div>')
        reasons = [r for r in text_or(row.get("why")).split("; ") if r]
        if reasons:
            html.append(f"<div><b>Why</b>{html_list(reasons)}</div>")
        return "".join(html)

    def _profile_html(self, net: Any, person_id: str) -> str:
        """Where they are, the meeting that suits, what you share, their path and schools
        (:meth:`netanalytics.api.Network.profile`)."""
        from netanalytics.outreach.prep import career_path

        details = net.profile(person_id)
        html = []
        if details.get("headline"):
            html.append(f'<div class="na-muted">{html_text(details["headline"])}</div>')
        place = details.get("place") or details.get("location")
        html.append(f"<div><b>Where</b>: {html_text(place) if place else 'unknown'}"
                    + (f' <span class="na-muted">(written “{html_text(details["location"])}”)</span>'
                       if details.get("place") and details.get("location") not in (None, details.get("place"))
                       else "") + "</div>")
        if details.get("meeting"):
            reason = details.get("meeting_reason")
            html.append(f"<div><b>Meeting</b>: {html_text(MEETING_WORDS.get(details['meeting'], details['meeting']))}"
                        + (f' <span class="na-muted">· {html_text(reason)}</span>' if reason else "") + "</div>")
        if details.get("shared"):
            html.append(f"<div><b>You share</b>{html_list(details['shared'])}</div>")
        path = career_path(details.get("experience") or [], details.get("schools") or [])
        if path:
            html.append(f"<div><b>Their path</b>{html_list(path[:8])}</div>")
        else:
            html.append('<div class="na-muted">No path or schools yet: save their LinkedIn profile as a PDF '
                        "(More → Save to PDF) and import it to see them here.</div>")
        return ('<div class="na-card-profile" style="border-top:1px dashed #ccc;margin-top:6px;padding-top:4px">'
                + "".join(html) + "</div>")

    def show_history(self) -> None:
        """The person's log, oldest first."""
        if self.person_id is None:
            return
        events = self.net.history(self.person_id, as_frame=False)
        rows = [{"when": _day(e["at"]), "what": stage_label(e["stage"]), "via": e["via_name"],
                 "notes": e["notes"]} for e in events]
        self.history.value = styled("<div><b>History</b></div>" + html_table(
            rows, ["when", "what", "via", "notes"], labels={"when": "When", "what": "What", "via": "Via",
                                                            "notes": "Notes"},
            empty="Nothing logged for them yet."))

    def show_draft(self) -> None:
        """A draft message: the kind picked, or the one the log suggests."""
        if self.person_id is None:
            return
        with self.status.reporting():
            via = text_or(self.row.get("via_id")) or None
            kind = self.kind.value or None
            if kind is None and via is None and self.row.get("hops") == 1:
                kind = None  # the library's default knows the log
            self.draft.value = self.net.draft(self.person_id, kind, via=via if kind in (None, "intro-request") else None,
                                              today=self.today)

    def show_prep(self) -> None:
        """The prep sheet for a meeting with them."""
        if self.person_id is None:
            return
        with self.status.reporting():
            self.prep.value = self.net.prep(self.person_id)
            self.prep.layout.display = ""

    def _in_pipeline(self) -> dict[str, Any] | None:
        for row in self.net.pipeline(as_frame=False):
            if row["person_id"] == self.person_id:
                return row
        return None

    def _refresh_buttons(self) -> None:
        if "add" in self.buttons:
            inside = self._in_pipeline()
            self.buttons["add"].description = "In your pipeline" if inside else "Add to pipeline"
            self.buttons["add"].icon = "check" if inside else "plus"

    # -- actions -----------------------------------------------------------------------------
    def act(self, what: str, **kwargs: Any) -> None:
        """Run action ``what`` ('add', 'log', 'done', 'snooze') on the open person."""
        if self.person_id is None:
            self.status.error("Pick a row first.")
            return
        button = self.buttons.get(what)
        with self.status.busy("Working…", disable=[button] if button else []):
            getattr(self, f"_{what}")(**kwargs)

    def _changed(self, what: str) -> None:
        self.show_history()
        self._refresh_buttons()
        if self.on_action is not None:
            self.on_action(what, self.person_id)
        notify_changed(self.ws, "log", source=self)

    def _add(self) -> None:
        inside = self._in_pipeline()
        name = self.person["full_name"]
        if inside:
            self.status.info(f"{name} is already in your pipeline ({stage_label(inside['stage'])} since "
                             f"{_day(inside['last_event_at'])}): nothing added.")
            return
        via = text_or(self.row.get("via_id")) or None
        self.net.log(self.person_id, "identified", via=via, notes="Added from the warm-introduction ranking")
        self.status.ok(f"Added {name} to your pipeline"
                       + (f" (to ask {text_or(self.row.get('via'))})." if via else "."))
        self._changed("add")

    def _log(self, stage: str | None = None) -> None:
        stage = stage or self.stage.value
        name = self.person["full_name"]
        if not stage:
            self.status.error(f"Choose what happened with {name} first, then press Log.")
            return
        now = datetime.now()
        last = self._last_log
        if (last and last[:2] == (self.person_id, stage) and now - last[2] < REPEAT_WINDOW
                and getattr(self, "_confirm", None) != (self.person_id, stage)):
            self._confirm = (self.person_id, stage)
            self.status.info(f"You logged {stage_label(stage)} for {name} a moment ago. "
                             "Press Log again to log it a second time.")
            return
        self._confirm = None
        event = self.net.log(self.person_id, stage)
        self._last_log = (self.person_id, stage, now)
        self.status.ok(f"Logged {stage_label(event.stage)} for {event.name} on {_day(event.at)} at {event.at:%H:%M}.")
        self._changed("log")

    def _done(self) -> None:
        from netanalytics.outreach.cadence import DONE_STAGE

        kind = self.row.get("kind")
        if kind not in DONE_STAGE:
            self.status.error("Open a follow-up from the list first.")
            return
        event = self.net.log(self.person_id, DONE_STAGE[kind])
        self.status.ok(f"Done: logged {stage_label(event.stage)} for {event.name}.")
        self._changed("done")

    def _snooze(self, days: int = 7) -> None:
        today = self.today or date.today()
        until = self.net.snooze(self.person_id, today + timedelta(days=days))
        self.status.ok(f"Reminders for {self.person['full_name']} wait until {_day(until)}.")
        self._changed("snooze")
