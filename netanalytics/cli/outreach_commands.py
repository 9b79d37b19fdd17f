"""Outreach commands: log, edit, delete, undo, history, pipeline, due, snooze,
keep-in-touch, calendar, draft, prep, export-log, import-log.

Each handler parses nothing itself: it opens the workspace, calls the library and prints.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from netanalytics.bounds import EVENT_ID, HORIZON_DAYS, INTERVAL_DAYS
from netanalytics.cli.common import network_from_args, number, today_from_arg
from netanalytics.cli.output import WIDTH, day, emit, moment
from netanalytics.errors import InputError
from netanalytics.safety import write_private
from netanalytics.workspace.stages import ALL_STAGES, CHANNELS

__all__ = ["register"]

_PERSON_HELP = "a person id, a profile URL or an unambiguous name"
_TEXT_OPTIONS = (
    ("--notes", "what happened, in your words"),
    ("--questions", "the questions you prepared"),
    ("--learned", "what you learned"),
    ("--next-step", "what to do next"),
)


def _at_text(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M}"


def _stage_words(stage: str) -> str:
    """'thank_you_sent' -> 'thank-you sent': a stage as people say it."""
    return stage.replace("thank_you", "thank-you").replace("_", " ")


def _event_line(event: Any) -> str:
    via = f" via {event.via_name}" if event.via_name else ""
    return f"{_stage_words(event.stage)} for {event.name} on {moment(event.at)}{via} (event {event.event_id})"


def _write_text(path: str, text: str, what: str) -> None:
    write_private(path, text, what=what)


# ---------------------------------------------------------------- handlers


def _log(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        event = net.log(
            args.person,
            args.stage,
            at=args.at,
            channel=args.channel,
            via=args.via,
            notes=args.notes,
            questions=args.questions,
            learned=args.learned,
            next_step=args.next_step,
            referral_name=args.referral_name,
            referral_company=args.referral_company,
            referral_position=args.referral_position,
            referral_url=args.referral_url,
        )
    print(f"Logged {_event_line(event)}.")
    if event.referral_name:
        print(f"{event.referral_name} is now in your network, referred by {event.name}, and identified in the pipeline.")
    return 0


def _edit(args: argparse.Namespace) -> int:
    changes = {
        key: getattr(args, key)
        for key in ("person", "stage", "at", "channel", "via", "notes", "questions", "learned", "next_step")
        if getattr(args, key) is not None
    }
    if not changes:
        raise InputError("edit", "at least one option to change (--stage, --at, --notes, …)", "none")
    with network_from_args(args) as net:
        event = net.edit(args.event_id, **changes)
    print(f"Edited; the new version is {_event_line(event)}. `netanalytics undo` reverts it.")
    return 0


def _delete(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        event = net.delete(args.event_id)
    print(f"Deleted {_event_line(event)}. `netanalytics undo` brings it back.")
    return 0


def _undo(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        print(net.undo())
    return 0


def _history(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        events = net.history(args.person, as_frame=False)
    table = args.format == "table"
    rows = [
        {
            "event_id": int(e["event_id"]),
            "at": e["at"] if table else (e["at"].isoformat(timespec="minutes") if args.format == "json"
                                         else _at_text(e["at"])),
            "stage": _stage_words(e["stage"]) if table else e["stage"],
            "channel": e["channel"],
            "via": e["via_name"],
            "via_person_id": e["via_person_id"],
            "notes": e["notes"],
            "questions": e["questions"],
            "learned": e["learned"],
            "next_step": e["next_step"],
            "referral": e["referral_name"],
        }
        for e in events
    ]
    emit(rows, args.format, columns=["event_id", "at", "stage", "channel", "via", "notes", "next_step"],
         labels={"event_id": "event", "at": "when", "next_step": "next step"}, formats={"at": moment})
    return 0


def _pipeline(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        rows = net.pipeline(as_frame=False)
    table = args.format == "table"
    for row in rows:
        when = row["last_event_at"]
        row["last_event_at"] = when if table else (when.isoformat(timespec="minutes") if args.format == "json"
                                                    else _at_text(when))
        if table:
            row["stage"] = _stage_words(row["stage"])
            row["last_outcome"] = _stage_words(row["last_outcome"]) if row["last_outcome"] else None
    columns = ["person_id", "name", "company", "stage", "last_outcome", "last_event_at", "next_step"]
    emit(rows, args.format, columns=columns[1:] if table else columns, formats={"last_event_at": day},
         labels={"last_outcome": "last outcome", "last_event_at": "last contact", "next_step": "next step"})
    return 0


def _due(args: argparse.Namespace) -> int:
    within = None if args.all else args.within
    today = today_from_arg(args.today)
    with network_from_args(args) as net:
        rows = net.due(today, within_days=within, as_frame=False)
    if args.format != "table":
        emit(rows, args.format, columns=["due", "overdue", "kind", "name", "reason", "person_id"])
        return 0
    print(_due_sentences(rows, today, within))
    return 0


def _due_sentences(rows: list[dict[str, Any]], today: Any, within: int | None) -> str:
    """What is due, as sentences a person reads: one paragraph per follow-up, most urgent first."""
    import textwrap

    from netanalytics.days import when_text

    horizon = ("every open follow-up" if within is None else
               f"by {day(today)}" if not within else f"by {day(today)} or in the next {within} days")
    if not rows:
        return f"Nothing due {horizon if within is not None else ''}: you are on top of your follow-ups.".replace(" :", ":")
    overdue = sum(1 for r in rows if r["overdue"])
    head = (f"{len(rows)} follow-up{'s' if len(rows) != 1 else ''} {'open' if within is None else 'due ' + horizon}"
            + (f", {overdue} overdue" if overdue else "") + ":")
    lines = [head]
    for r in rows:
        when = when_text(r["due"], today)
        text = f"{when[0].upper()}{when[1:]} ({day(r['due'])}): {r['reason']}"
        lines.append(textwrap.fill(text, WIDTH, initial_indent="- ", subsequent_indent="  "))
    return "\n".join(lines)


def _snooze(args: argparse.Namespace) -> int:
    if (args.until is None) == (not args.clear):
        raise InputError("snooze", "either --until DATE or --clear", "both" if args.clear else "neither")
    with network_from_args(args) as net:
        until = net.snooze(args.person, None if args.clear else args.until)
    print(f"Reminders for {args.person} held until {until:%Y-%m-%d}." if until else f"Snooze lifted for {args.person}.")
    return 0


def _keep_in_touch(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        days = net.keep_in_touch(args.person, tier=args.tier, days=args.every)
    print(f"Keeping in touch with {args.person} every {days} days.")
    return 0


def _calendar(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        count = net.calendar(args.out, today=today_from_arg(args.today), horizon_days=args.days,
                             alarm_hour=None if args.no_alarm else 9)
    print(f"Wrote {count} follow-ups to {args.out}. Import it into your calendar; re-importing updates them.")
    return 0


def _draft(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        text = net.draft(args.person, args.kind, via=args.via)
    if args.out:
        _write_text(args.out, text, "the draft")
        print(f"Wrote the draft to {args.out}.")
    else:
        print(text, end="")
    return 0


def _prep(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        text = net.prep(args.person)
    if args.out:
        _write_text(args.out, text, "the prep sheet")
        print(f"Wrote the prep sheet to {args.out}.")
    else:
        print(text, end="")
    return 0


def _export_log(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        count = net.export_log(args.out)
    print(f"Exported {count} events to {args.out}.")
    return 0


def _import_log(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        result = net.import_log(args.file)
    print(result.summary())
    return 0


# ---------------------------------------------------------------- parsers


_event_id = number(EVENT_ID)


def _event_fields(p: argparse.ArgumentParser, *, editing: bool) -> None:
    p.add_argument("--at", metavar="DATETIME", help="when it happened: 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD'"
                   + ("" if editing else " (default: now)"))
    p.add_argument("--channel", help=f"how: {', '.join(CHANNELS)} (or e.g. 'LinkedIn message', 'in person')")
    p.add_argument("--via", metavar="PERSON", help=f"the intermediary: {_PERSON_HELP}")
    for flag, text in _TEXT_OPTIONS:
        p.add_argument(flag, metavar="TEXT", help=f"{text} (may start with '-', e.g. {flag} -1+2)")


def register(subparsers: argparse._SubParsersAction, listing: argparse.ArgumentParser) -> None:
    """Add the outreach commands to the ``netanalytics`` parser."""
    stages = ", ".join(ALL_STAGES)

    p = subparsers.add_parser(
        "log", help="log an outreach event (an ask, an intro, a meeting, an outcome)",
        description=f"Log one event. STAGE is one of: {stages}. A referral_given event with "
        "--referral-name adds the referred person to your network and to the pipeline.",
    )
    p.add_argument("person", metavar="PERSON", help=_PERSON_HELP)
    p.add_argument("stage", metavar="STAGE", help=f"one of: {stages}")
    _event_fields(p, editing=False)
    p.add_argument("--referral-name", metavar="NAME", help="with referral_given: who they referred you to")
    p.add_argument("--referral-company", metavar="COMPANY", help="the referred person's company")
    p.add_argument("--referral-position", metavar="TITLE", help="the referred person's position")
    p.add_argument("--referral-url", metavar="URL", help="the referred person's profile URL")
    p.set_defaults(func=_log)

    p = subparsers.add_parser("edit", help="change a logged event (the old version is kept)",
                              description="Change fields of a logged event. The old version stays in "
                              "the history; `netanalytics undo` reverts the edit.")
    p.add_argument("event_id", metavar="EVENT_ID", type=_event_id, help="the event's id (see `history`)")
    p.add_argument("--person", metavar="PERSON", help=f"move the event to another person: {_PERSON_HELP}")
    p.add_argument("--stage", help=f"one of: {stages}")
    _event_fields(p, editing=True)
    p.set_defaults(func=_edit)

    p = subparsers.add_parser("delete", help="delete a logged event (undo brings it back)",
                              description="Mark an event deleted. Nothing is erased; `netanalytics undo` restores it.")
    p.add_argument("event_id", metavar="EVENT_ID", type=_event_id, help="the event's id (see `history`)")
    p.set_defaults(func=_delete)

    p = subparsers.add_parser("undo", help="take back the latest log, edit, delete or import",
                              description="Revert the most recent change to the outreach log and say what it was.")
    p.set_defaults(func=_undo)

    p = subparsers.add_parser("history", parents=[listing], help="everything logged for one person",
                              description="Everything logged for one person, oldest first.")
    p.add_argument("person", metavar="PERSON", help=_PERSON_HELP)
    p.set_defaults(func=_history)

    p = subparsers.add_parser("pipeline", parents=[listing], help="who is at which stage",
                              description="One row per person in the log: the furthest stage reached, "
                              "the last outcome and the next step.")
    p.set_defaults(func=_pipeline)

    p = subparsers.add_parser("due", parents=[listing], help="follow-ups due and overdue, most urgent first",
                              description="Thank-yous, nudges, keep-in-touch updates and referrals that "
                              "are due or overdue, most urgent first.")
    p.add_argument("--today", metavar="DATE", help="pretend today is DATE (YYYY-MM-DD)")
    p.add_argument("--within", metavar="DAYS", type=number(HORIZON_DAYS), default=0,
                   help="also list what falls due in the next DAYS days (default: 0)")
    p.add_argument("--all", action="store_true", help="list every open follow-up, however far off")
    p.set_defaults(func=_due)

    p = subparsers.add_parser("snooze", help="hold a person's reminders until a date",
                              description="Hold every reminder for a person until DATE (or lift the snooze).")
    p.add_argument("person", metavar="PERSON", help=_PERSON_HELP)
    p.add_argument("--until", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--clear", action="store_true", help="lift the snooze")
    p.set_defaults(func=_snooze)

    p = subparsers.add_parser("keep-in-touch", help="how often to keep in touch with a person",
                              description="Set a keep-in-touch tier (close 30, default 90, distant 180 "
                              "days, or your cadence.toml) or an interval in days for one person.")
    p.add_argument("person", metavar="PERSON", help=_PERSON_HELP)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--tier", help="a tier name: close, default, distant (or one from cadence.toml)")
    group.add_argument("--every", metavar="DAYS", type=number(INTERVAL_DAYS), help="an interval in days (1 to 3,660)")
    p.set_defaults(func=_keep_in_touch)

    p = subparsers.add_parser("calendar", help="write upcoming follow-ups to an .ics calendar file",
                              description="Write follow-ups due in the next DAYS days as all-day calendar "
                              "events (overdue ones on today). Re-importing updates rather than duplicates.")
    p.add_argument("--out", metavar="FILE.ics", required=True, help="the file to write")
    p.add_argument("--today", metavar="DATE", help="pretend today is DATE (YYYY-MM-DD)")
    p.add_argument("--days", metavar="N", type=number(HORIZON_DAYS), default=60,
                   help="how far ahead, 0 to 3,660 (default: 60)")
    p.add_argument("--no-alarm", action="store_true", help="no 9:00 reminder alarm on the events")
    p.set_defaults(func=_calendar)

    p = subparsers.add_parser("draft", help="draft a message: intro request, direct ask, thank-you, update",
                              description="Draft a message from your editable templates (copy one from "
                              "netanalytics/templates/ into <workspace>/templates/ to change it).")
    p.add_argument("person", metavar="PERSON", help=_PERSON_HELP)
    p.add_argument("--kind", choices=["intro-request", "direct", "thank-you", "keep-in-touch"],
                   help="which message (default: what the log suggests — a thank-you after a meeting, "
                   "an update to someone you met, an intro request when someone can introduce you, "
                   "else a direct message)")
    p.add_argument("--via", metavar="PERSON", help="the intermediary for an intro request (default: the best known)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    p.set_defaults(func=_draft)

    p = subparsers.add_parser("prep", help="a Markdown prep sheet for a meeting",
                              description="A prep sheet: who they are, how you reach them, your questions, "
                              "what to tell them about you, the end-of-meeting checklist and the history.")
    p.add_argument("person", metavar="PERSON", help=_PERSON_HELP)
    p.add_argument("--out", metavar="FILE.md", help="write to FILE.md instead of printing")
    p.set_defaults(func=_prep)

    p = subparsers.add_parser("export-log", help="export the outreach log to CSV",
                              description="Export the whole log to CSV, safe to open in a spreadsheet "
                              "(cells that could run as formulas are quoted) and lossless to import back.")
    p.add_argument("--out", metavar="FILE.csv", required=True, help="the file to write")
    p.set_defaults(func=_export_log)

    p = subparsers.add_parser("import-log", help="import an exported outreach log CSV",
                              description="Import a log exported with export-log. All rows or nothing; "
                              "rows already in the log are skipped; `netanalytics undo` reverts the import.")
    p.add_argument("file", metavar="FILE.csv", help="the CSV to import")
    p.set_defaults(func=_import_log)
