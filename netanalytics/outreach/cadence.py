"""Follow-up cadence: what is due (thank-you, nudge, keep in touch, referral), from the log.

The rules are pure functions of the events frame (:func:`netanalytics.outreach.log.events_frame`),
a date and a :class:`CadenceRules`; :func:`due` is the thin wrapper that loads them from a
workspace. Defaults follow the practice:

- a thank-you within 24 hours of ``interviewed``;
- one polite nudge 7 days after ``intro_requested`` / ``outreach_sent`` with no reply, then
  ``no_response`` suggested after a second silence of 7 more days;
- keep in touch every 90 days after the last contact with someone you have met (every
  contact resets the clock); per-person or per-tier intervals; snooze;
- reach out to a referral within 3 days.

>>> import pandas as pd
>>> events = pd.DataFrame({
...     "event_id": [1], "person_id": ["p_1"], "name": ["Ada Lovelace"],
...     "stage": ["interviewed"], "at": [pd.Timestamp("2026-03-02 15:00")],
...     "via_person_id": [None]})
>>> items = due_items(events, date(2026, 3, 4))
>>> items[["kind", "due", "overdue", "days_overdue"]].to_dict("records")
[{'kind': 'thank_you', 'due': datetime.date(2026, 3, 3), 'overdue': True, 'days_overdue': 1}]
"""

from __future__ import annotations

import dataclasses
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas loads when a frame is asked for: `netanalytics due` starts without it
    import pandas as pd

from netanalytics.bounds import (
    EVENT_DATES,
    HORIZON_DAYS,
    HOURS,
    INTERVAL_DAYS,
    drop_events_out_of_range,
)
from netanalytics.days import as_day, parse_day
from netanalytics.errors import InputError, NetanalyticsWarning
from netanalytics.outreach.log import events_frame
from netanalytics.outreach.storage import event_rows
from netanalytics.safety import read_toml_input
from netanalytics.workspace.db import Workspace, utc_now_iso
from netanalytics.workspace.people import find_person
from netanalytics.workspace.stages import (
    ASK_STAGES,
    CONTACT_STAGES,
    HELPED_STAGES,
    MEETING_EVENT,
    NUDGE_STAGE,
    OPEN_THREAD_STAGES,
)

__all__ = [
    "DUE_COLUMNS",
    "KINDS",
    "TIMELINESS_COLUMNS",
    "CadenceRules",
    "due",
    "DONE_STAGE",
    "due_items",
    "due_rows",
    "followup_timeliness",
    "load_rules",
    "RATED_KINDS",
    "KEEP_IN_TOUCH_WINDOW_DAYS",
    "on_time_rates",
    "parse_date",
    "rated_obligations",
    "set_keep_in_touch",
    "snooze",
]

#: Kinds of follow-up, most pressing first (the tie-break when due dates are equal).
KINDS = ("thank_you", "referral", "nudge", "no_response", "keep_in_touch")
DUE_COLUMNS = ("person_id", "name", "kind", "due", "overdue", "days_overdue", "reason", "trigger_event_id")
TIMELINESS_COLUMNS = ("person_id", "name", "kind", "due", "done_at", "on_time", "trigger_event_id")
#: The follow-ups to a person that the on-time rate counts. ``no_response`` (marking a
#: silence in the log) is bookkeeping, not a follow-up to anyone, so it is left out.
RATED_KINDS = ("thank_you", "nudge", "keep_in_touch", "referral")
#: How close to its due date a keep-in-touch obligation must be met to count in the rate.
KEEP_IN_TOUCH_WINDOW_DAYS = 14


def parse_date(value: date | datetime | str | None, field_name: str = "date") -> date | None:
    """A date from a date, a datetime or 'YYYY-MM-DD' text; None stays None (the one reader
    of days, :func:`netanalytics.days.parse_day`).

    >>> parse_date("2026-03-02")
    datetime.date(2026, 3, 2)
    """
    return parse_day(value, field_name)


def _positive_int(value: Any, where: str) -> int:
    """An interval setting: a whole number of days (hours for ``thank_you_hours``) in range."""
    return (HOURS if where.endswith("thank_you_hours") else INTERVAL_DAYS).check(value, where)


@dataclass(frozen=True)
class CadenceRules:
    """The follow-up rules. Construct with keywords; every interval is configurable.

    ``person_tiers`` / ``person_intervals`` / ``snoozes`` are keyed by person id; the
    workspace stores them (:func:`set_keep_in_touch`, :func:`snooze`) and :func:`load_rules`
    fills them in.

    >>> rules = CadenceRules(person_tiers={"p_1": "close"})
    >>> rules.interval_for("p_1"), rules.interval_for("p_2")
    (30, 90)
    """

    thank_you_hours: int = 24
    nudge_days: int = 7
    second_silence_days: int = 7
    keep_in_touch_days: int = 90
    referral_days: int = 3
    tiers: dict[str, int] = field(default_factory=lambda: {"close": 30, "default": 90, "distant": 180})
    person_tiers: dict[str, str] = field(default_factory=dict)
    person_intervals: dict[str, int] = field(default_factory=dict)
    snoozes: dict[str, date] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("thank_you_hours", "nudge_days", "second_silence_days", "keep_in_touch_days", "referral_days"):
            _positive_int(getattr(self, name), name)
        for tier, days in self.tiers.items():
            _positive_int(days, f"tiers.{tier}")

    def interval_for(self, person_id: str) -> int:
        """Keep-in-touch interval in days: the person's own, else their tier's, else the default."""
        if person_id in self.person_intervals:
            return int(self.person_intervals[person_id])
        tier = self.person_tiers.get(person_id)
        if tier is not None and tier in self.tiers:
            return int(self.tiers[tier])
        return int(self.keep_in_touch_days)

    def with_changes(self, **changes: Any) -> CadenceRules:
        """A copy with some settings changed."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "cadence rules") -> CadenceRules:
        """Rules from a mapping (a ``[cadence]`` table or the top level of a TOML file)."""
        data = dict(data.get("cadence", data))
        known = {f.name for f in dataclasses.fields(cls)} - {"person_tiers", "person_intervals", "snoozes"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(where, f"settings among {', '.join(sorted(known))}", ", ".join(unknown))
        if "tiers" in data:
            if not isinstance(data["tiers"], dict):
                raise InputError(where, "a [cadence.tiers] table of name = days", repr(data["tiers"]))
            data["tiers"] = {str(k): _positive_int(v, f"{where}: tiers.{k}") for k, v in data["tiers"].items()}
        for key, value in data.items():
            if key != "tiers":
                _positive_int(value, f"{where}: {key}")
        return cls(**data)

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> CadenceRules:
        """Rules from a TOML file, e.g. ``[cadence]`` ``nudge_days = 5`` ``[cadence.tiers]`` ``close = 21``."""
        path = Path(path)
        data = read_toml_input(path, "cadence rules file")
        return cls.from_dict(data, where=str(path))


#: The event that settles each kind of follow-up when you mark it done (the rules below
#: close the obligation on it): a thank-you sent, a nudge or an update sent, the silence
#: recorded, the referral contacted.
DONE_STAGE = {
    "thank_you": "thank_you_sent",
    "nudge": NUDGE_STAGE,
    "no_response": "no_response",
    "referral": "outreach_sent",
    "keep_in_touch": NUDGE_STAGE,
}


# ---------------------------------------------------------------- the rules (pure)


def _clean(events: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    frame = drop_events_out_of_range(events)
    if "deleted_at" in frame.columns:
        frame = frame[frame["deleted_at"].isna()]
    frame = frame.copy()
    frame["at"] = pd.to_datetime(frame["at"])
    for col in ("via_person_id", "referral_person_id", "name"):
        if col not in frame.columns:
            frame[col] = None
    frame["via"] = frame["via_person_id"].astype(object).where(frame["via_person_id"].notna(), None)
    frame["ref"] = frame["referral_person_id"].astype(object).where(frame["referral_person_id"].notna(), None)
    return frame.sort_values(["at", "event_id"], kind="stable")


def _records(events: Any) -> list[Any]:
    """The live events as records (event_id, person_id, stage, at, via, ref), oldest first,
    from an events frame or from plain rows (:func:`netanalytics.outreach.storage.event_rows`)."""
    if hasattr(events, "columns"):
        frame = _clean(events)
        return list(frame[["event_id", "person_id", "stage", "at", "via", "ref"]].itertuples(index=False))
    out = []
    for row in events:
        if row.get("deleted_at") is not None:
            continue
        moment = row["at"] if isinstance(row["at"], datetime) else datetime.fromisoformat(str(row["at"]))
        if not EVENT_DATES.contains(moment.date()):
            drop_events_out_of_range_warning(row["event_id"], moment)
            continue
        out.append(SimpleNamespace(event_id=row["event_id"], person_id=row["person_id"], stage=row["stage"],
                                   at=moment, via=row.get("via_person_id"), ref=row.get("referral_person_id")))
    out.sort(key=lambda r: (r.at, r.event_id))
    return out


def drop_events_out_of_range_warning(event_id: Any, moment: datetime) -> None:
    """The warning :func:`netanalytics.bounds.drop_events_out_of_range` gives, for one plain row."""
    warnings.warn(NetanalyticsWarning(
        f"event {event_id} is dated {moment:%Y-%m-%d}, outside {EVENT_DATES.describe()}; it is left "
        f"out. Fix it with: netanalytics edit {event_id} --at YYYY-MM-DD"), stacklevel=3)


Obligation = dict[str, Any]


def thank_you_obligations(pid: str, evs: list[Any], rules: CadenceRules, name_of: Any) -> Iterator[Obligation]:
    """A thank-you within ``thank_you_hours`` of every interview; done by the next thank-you."""
    for i, ev in enumerate(evs):
        if ev.stage != MEETING_EVENT:
            continue
        done = next((e.at for e in evs[i + 1 :] if e.stage == "thank_you_sent"), None)
        yield {
            "person_id": pid,
            "kind": "thank_you",
            "due": (ev.at + timedelta(hours=rules.thank_you_hours)).date(),
            "done_at": done,
            "trigger_event_id": ev.event_id,
            "reason": f"You met {name_of(pid)} on {ev.at:%Y-%m-%d}: send a thank-you "
            f"within {rules.thank_you_hours} hours.",
        }


def _thread(evs: list[Any], i: int) -> tuple[list[Any], Any]:
    """The nudges after the ask ``evs[i]``, and the event that ended its thread (a reply, an
    outcome or a new ask), or None while it is open."""
    nudges = []
    for later in evs[i + 1 :]:
        if later.stage == NUDGE_STAGE:
            nudges.append(later)
        elif later.stage in ASK_STAGES or later.stage not in OPEN_THREAD_STAGES:
            return nudges, later
    return nudges, None


def nudge_obligations(pid: str, evs: list[Any], rules: CadenceRules, name_of: Any) -> Iterator[Obligation]:
    """One polite nudge ``nudge_days`` after an ask with no reply. Done by the nudge; a reply
    by the nudge date (that day included) makes it lapse, a later one settles it late."""
    for i, ev in enumerate(evs):
        if ev.stage not in ASK_STAGES:
            continue
        nudges, end = _thread(evs, i)
        nudge_due = ev.at.date() + timedelta(days=rules.nudge_days)
        if not nudges and end is not None and end.at.date() <= nudge_due:
            continue  # answered in time: no nudge was ever owed
        what = "your intro request" if ev.stage == "intro_requested" else "your message"
        yield {
            "person_id": pid,
            "kind": "nudge",
            "due": nudge_due,
            "done_at": nudges[0].at if nudges else (end.at if end is not None else None),
            "trigger_event_id": ev.event_id,
            "reason": f"No reply to {what} about {name_of(pid)} since {ev.at:%Y-%m-%d}: "
            "send one polite nudge.",
        }


def no_response_obligations(pid: str, evs: list[Any], rules: CadenceRules, name_of: Any) -> Iterator[Obligation]:
    """After a nudge, ``second_silence_days`` more of silence: log ``no_response``. Done when
    no_response is logged; a reply by the due date makes it lapse."""
    for i, ev in enumerate(evs):
        if ev.stage not in ASK_STAGES:
            continue
        nudges, end = _thread(evs, i)
        if not nudges:
            continue
        last = nudges[-1]
        silence_due = last.at.date() + timedelta(days=rules.second_silence_days)
        if end is not None and end.stage != "no_response" and end.at.date() <= silence_due:
            continue  # they answered before the silence was long enough
        yield {
            "person_id": pid,
            "kind": "no_response",
            "due": silence_due,
            "done_at": end.at if end is not None else None,
            "trigger_event_id": last.event_id,
            "reason": f"Still no reply from {name_of(pid)} since your nudge on "
            f"{last.at:%Y-%m-%d}: log no_response and move on.",
        }


def referral_obligations(pid: str, evs: list[Any], rules: CadenceRules, name_of: Any,
                         by_person: dict[str, list[Any]]) -> Iterator[Obligation]:
    """Reach out to a referred person within ``referral_days``: done by any event with them
    other than noting them."""
    for ev in evs:
        if ev.stage != "referral_given" or ev.ref is None:
            continue
        target = by_person.get(ev.ref, [])
        done = next(
            (e.at for e in target if e.stage != "identified" and (e.at, e.event_id) >= (ev.at, ev.event_id)),
            None,
        )
        yield {
            "person_id": ev.ref,
            "kind": "referral",
            "due": ev.at.date() + timedelta(days=rules.referral_days),
            "done_at": done,
            "trigger_event_id": ev.event_id,
            "reason": f"{name_of(pid)} referred you to {name_of(ev.ref)} on {ev.at:%Y-%m-%d}: "
            f"reach out within {rules.referral_days} days.",
        }


def keep_in_touch_obligations(pid: str, evs: list[Any], rules: CadenceRules, name_of: Any,
                              via_contacts: list[Any]) -> Iterator[Obligation]:
    """Keep in touch with people I met or who helped me (:data:`HELPED_STAGES`), every
    interval after the last contact (:data:`CONTACT_STAGES`, or an event that names them as
    the intermediary); nothing after they declined."""
    met = [e for e in evs if e.stage in HELPED_STAGES]
    if not met or evs[-1].stage == "declined":
        return
    start = (met[0].at, met[0].event_id)
    contacts = sorted(
        {
            (e.at, e.event_id): e
            for e in [*evs, *via_contacts]
            if (e.person_id != pid or e.stage in CONTACT_STAGES) and (e.at, e.event_id) >= start
        }.values(),
        key=lambda e: (e.at, e.event_id),
    )
    interval = rules.interval_for(pid)
    for j, contact in enumerate(contacts):
        nxt = contacts[j + 1] if j + 1 < len(contacts) else None
        yield {
            "person_id": pid,
            "kind": "keep_in_touch",
            "due": contact.at.date() + timedelta(days=interval),
            "done_at": nxt.at if nxt is not None else None,
            "trigger_event_id": contact.event_id,
            "reason": f"Last contact with {name_of(pid)} was on {contact.at:%Y-%m-%d}: "
            f"send an update (every {interval} days).",
        }


def _obligations(events: Any, rules: CadenceRules, names: dict[str, str]) -> Iterator[Obligation]:
    """Every follow-up obligation the log has created, open or done (one rule per kind).

    Yields dicts with person_id, kind, due, done_at (None while open), trigger_event_id,
    reason. An obligation that lapsed because the matter closed before it fell due (a reply
    before the nudge date) is not yielded.
    """
    records = _records(events)
    by_person: dict[str, list[Any]] = {}
    via_contacts: dict[str, list[Any]] = {}
    for rec in records:
        by_person.setdefault(rec.person_id, []).append(rec)
        if rec.via is not None:
            via_contacts.setdefault(rec.via, []).append(rec)

    def name_of(pid: str) -> str:
        return names.get(pid, pid)

    for pid, evs in by_person.items():
        yield from thank_you_obligations(pid, evs, rules, name_of)
        yield from nudge_obligations(pid, evs, rules, name_of)
        yield from no_response_obligations(pid, evs, rules, name_of)
        yield from referral_obligations(pid, evs, rules, name_of, by_person)
        yield from keep_in_touch_obligations(pid, evs, rules, name_of, via_contacts.get(pid, []))


def _names(events: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if not hasattr(events, "columns"):  # plain rows
        for row in events:
            if isinstance(row.get("name"), str) and row["name"]:
                out[row["person_id"]] = row["name"]
        for row in events:
            pid, name = row.get("referral_person_id"), row.get("referral_name")
            if isinstance(pid, str) and isinstance(name, str) and pid not in out:
                out[pid] = name
        return out
    if "name" in events.columns:
        for pid, name in zip(events["person_id"], events["name"], strict=True):
            if isinstance(name, str) and name:
                out[pid] = name
    if "referral_person_id" in events.columns and "referral_name" in events.columns:
        for pid, name in zip(events["referral_person_id"], events["referral_name"], strict=True):
            if isinstance(pid, str) and isinstance(name, str) and pid not in out:
                out[pid] = name
    return out


def due_rows(
    events: Any,
    today: date | datetime | str,
    rules: CadenceRules | None = None,
    *,
    within_days: int | None = 0,
) -> list[dict[str, Any]]:
    """:func:`due_items` as plain dicts (no pandas): what ``netanalytics due`` prints."""
    rules = rules or CadenceRules()
    today = as_day(today)
    if within_days is not None:
        HORIZON_DAYS.check(within_days, "within_days", param="within_days")
    names = _names(events)
    rows = []
    for ob in _obligations(events, rules, names):
        if ob["done_at"] is not None:
            continue
        due_on, reason = ob["due"], ob["reason"]
        until = rules.snoozes.get(ob["person_id"])
        if until is not None and until > due_on:
            due_on = until
            reason = f"{reason} (snoozed until {until:%Y-%m-%d})"
        if within_days is not None and due_on > today + timedelta(days=within_days):
            continue
        late = (today - due_on).days
        rows.append(
            {
                "person_id": ob["person_id"],
                "name": names.get(ob["person_id"], ob["person_id"]),
                "kind": ob["kind"],
                "due": due_on,
                "overdue": late > 0,
                "days_overdue": max(late, 0),
                "reason": reason,
                "trigger_event_id": int(ob["trigger_event_id"]),
            }
        )
    rows.sort(key=lambda r: (-r["days_overdue"], r["due"], KINDS.index(r["kind"]), r["name"]))
    return rows


def due_items(
    events: pd.DataFrame,
    today: date | datetime | str,
    rules: CadenceRules | None = None,
    *,
    within_days: int | None = 0,
) -> pd.DataFrame:
    """Open follow-ups due by ``today`` (+ ``within_days``), most urgent first. Pure.

    ``within_days=0`` (default) lists what is due or overdue; ``within_days=30`` adds what
    falls due in the next 30 days; ``None`` lists every open follow-up. Columns
    :data:`DUE_COLUMNS`: ``due`` is a date, ``overdue`` means ``today`` is past it,
    ``reason`` says why in plain words. A snoozed person's items move to the snooze date.
    """
    import pandas as pd

    rows = due_rows(events, today, rules, within_days=within_days)
    frame = pd.DataFrame(rows, columns=list(DUE_COLUMNS))
    return frame.astype({"overdue": bool, "days_overdue": "int64", "trigger_event_id": "int64"})


def followup_timeliness(
    events: pd.DataFrame, rules: CadenceRules | None = None, today: date | datetime | str | None = None
) -> pd.DataFrame:
    """One row per follow-up obligation the log ever created, and whether it was met in time.

    Columns :data:`TIMELINESS_COLUMNS`: ``done_at`` is when it was met (NaT while open);
    ``on_time`` is True/False, or None while still open and not yet due. ``today``
    (default: the local date) decides whether an open obligation is already late. Pure.

    >>> import pandas as pd
    >>> events = pd.DataFrame({
    ...     "event_id": [1, 2], "person_id": ["p_1", "p_1"], "name": ["Ada", "Ada"],
    ...     "stage": ["interviewed", "thank_you_sent"],
    ...     "at": pd.to_datetime(["2026-03-02 15:00", "2026-03-05 09:00"])})
    >>> followup_timeliness(events, today=date(2026, 3, 9)).query("kind == 'thank_you'")["on_time"].tolist()
    [False]
    """
    import pandas as pd

    rules = rules or CadenceRules()
    today = as_day(today)
    names = _names(events)
    rows = []
    for ob in _obligations(events, rules, names):
        done = ob["done_at"]
        if done is not None:
            on_time: bool | None = done.date() <= ob["due"]
        else:
            on_time = False if today > ob["due"] else None
        rows.append(
            {
                "person_id": ob["person_id"],
                "name": names.get(ob["person_id"], ob["person_id"]),
                "kind": ob["kind"],
                "due": ob["due"],
                "done_at": done,
                "on_time": on_time,
                "trigger_event_id": int(ob["trigger_event_id"]),
            }
        )
    frame = pd.DataFrame(rows, columns=list(TIMELINESS_COLUMNS))
    frame["done_at"] = pd.to_datetime(frame["done_at"]).astype("datetime64[us]")
    frame["on_time"] = frame["on_time"].astype(object)
    frame = frame.sort_values(["due", "kind"], kind="stable").reset_index(drop=True)
    return frame


def rated_obligations(timeliness: pd.DataFrame, *,
                      keep_in_touch_window_days: int = KEEP_IN_TOUCH_WINDOW_DAYS) -> pd.DataFrame:
    """The rows of :func:`followup_timeliness` that the on-time rate counts: one rule for the
    widget's figure and the chart's bars.

    A follow-up to a person (:data:`RATED_KINDS`) that is settled: done, or due and missed
    (still open and not yet due is left out). A keep-in-touch obligation counts only once it
    came near its due date (done within ``keep_in_touch_window_days`` before it, done late,
    or still open past it): a contact long before the date (the thank-you after a meeting,
    say) just restarts the clock, and is not a keep-in-touch follow-up done on time.
    """
    import numpy as np
    import pandas as pd

    frame = timeliness[timeliness["kind"].isin(RATED_KINDS) & timeliness["due"].notna()]
    status = frame["on_time"].astype(object)
    decided = status.map(lambda v: v is True or v is False or isinstance(v, bool | np.bool_))
    frame = frame[decided.astype(bool)]
    if "done_at" in frame.columns and len(frame):
        done = pd.to_datetime(frame["done_at"])
        if getattr(done.dt, "tz", None) is not None:
            done = done.dt.tz_localize(None)
        early = done.notna() & (done < pd.to_datetime(frame["due"]) - pd.Timedelta(days=keep_in_touch_window_days))
        frame = frame[~((frame["kind"] == "keep_in_touch") & early)]
    return frame


def on_time_rates(timeliness: pd.DataFrame) -> pd.DataFrame:
    """Per kind of follow-up and overall: ``kind``, ``on_time``, ``decided``, ``rate``.

    Counted over :func:`rated_obligations`, so the per-kind figures add up to the overall
    one (its last row, kind ``'all'``). Kinds with nothing settled are left out.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"kind": ["thank_you", "nudge", "no_response"],
    ...     "due": [date(2026, 3, 3), date(2026, 3, 9), date(2026, 3, 16)],
    ...     "on_time": [True, False, True], "done_at": [pd.NaT, pd.NaT, pd.NaT]})
    >>> on_time_rates(t).values.tolist()
    [['thank_you', 1, 1, 1.0], ['nudge', 0, 1, 0.0], ['all', 1, 2, 0.5]]
    """
    import pandas as pd

    frame = rated_obligations(timeliness)
    ok = frame["on_time"].astype(bool)
    rows = []
    for kind in RATED_KINDS:
        mine = ok[frame["kind"] == kind]
        if len(mine):
            rows.append([kind, int(mine.sum()), len(mine), float(mine.mean())])
    if len(frame):
        rows.append(["all", int(ok.sum()), len(frame), float(ok.mean())])
    return pd.DataFrame(rows, columns=["kind", "on_time", "decided", "rate"])


# ---------------------------------------------------------------- storage (I/O)


RULES_FILENAME = "cadence.toml"


def load_rules(ws: Workspace, rules: CadenceRules | None = None) -> CadenceRules:
    """``rules`` (default: the workspace's ``cadence.toml``, else the defaults) with the
    per-person tiers, intervals and snoozes stored in the workspace."""
    if rules is None:
        path = ws.folder / RULES_FILENAME
        rules = CadenceRules.from_toml(path) if path.exists() else CadenceRules()
    tiers, intervals, snoozes = dict(rules.person_tiers), dict(rules.person_intervals), dict(rules.snoozes)
    for row in ws.conn.execute("SELECT * FROM keep_in_touch"):
        if row["tier"]:
            tiers[row["person_id"]] = row["tier"]
        if row["interval_days"]:
            days = int(row["interval_days"])
            if INTERVAL_DAYS.low <= days <= INTERVAL_DAYS.high:
                intervals[row["person_id"]] = days
            else:  # stored before the bounds existed
                warnings.warn(NetanalyticsWarning(
                    f"the keep-in-touch interval of {row['person_id']} is {days:,} days, outside "
                    f"{INTERVAL_DAYS.describe()}; the default is used. Fix it with: netanalytics keep-in-touch "
                    f"{row['person_id']} --every DAYS"), stacklevel=2)
        if row["snooze_until"]:
            snoozes[row["person_id"]] = date.fromisoformat(row["snooze_until"])
    return rules.with_changes(person_tiers=tiers, person_intervals=intervals, snoozes=snoozes)


def _upsert(ws: Workspace, person_id: str, **values: Any) -> None:
    with ws.transaction() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO keep_in_touch(person_id, updated_at) VALUES (?, ?)",
            (person_id, utc_now_iso()),
        )
        sets = ", ".join(f"{k} = ?" for k in values)
        conn.execute(
            f"UPDATE keep_in_touch SET {sets}, updated_at = ? WHERE person_id = ?",
            (*values.values(), utc_now_iso(), person_id),
        )


def snooze(ws: Workspace, person: str, until: date | datetime | str | None) -> date | None:
    """Hold every reminder for ``person`` until ``until`` (None lifts the snooze)."""
    until_date = parse_date(until, "until")
    person_id = find_person(ws, person)["person_id"]
    _upsert(ws, person_id, snooze_until=until_date.isoformat() if until_date else None)
    return until_date


def set_keep_in_touch(
    ws: Workspace, person: str, *, tier: str | None = None, days: int | None = None
) -> None:
    """Store how often to keep in touch with ``person``: a tier name or a number of days.

    A tier must be one the rules know (``close``, ``default``, ``distant`` unless
    ``cadence.toml`` adds more); ``days`` overrides the tier.
    """
    if tier is None and days is None:
        raise InputError("keep in touch", "a tier or a number of days", "neither")
    if days is not None:
        _positive_int(days, "days")
    if tier is not None:
        known = load_rules(ws).tiers
        if tier not in known:
            raise InputError("tier", f"one of {', '.join(known)}", repr(tier))
    person_id = find_person(ws, person)["person_id"]
    _upsert(ws, person_id, tier=tier, interval_days=days)


def due(
    ws: Workspace,
    today: date | datetime | str | None = None,
    rules: CadenceRules | None = None,
    *,
    within_days: int | None = 0,
    as_frame: bool = True,
) -> pd.DataFrame | list[dict[str, Any]]:
    """:func:`due_items` for a workspace's log and stored settings (today: the local date);
    with ``as_frame=False`` the same rows as plain dicts (:func:`due_rows`, without pandas)."""
    if not as_frame:
        return due_rows(event_rows(ws), as_day(today), load_rules(ws, rules), within_days=within_days)
    return due_items(
        events_frame(ws),
        as_day(today),
        load_rules(ws, rules),
        within_days=within_days,
    )
