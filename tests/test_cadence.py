"""Every cadence rule with a fixed clock, plus rule loading and stored per-person settings."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from netanalytics.errors import InputError
from netanalytics.outreach.cadence import (
    DUE_COLUMNS,
    CadenceRules,
    due,
    due_items,
    followup_timeliness,
    load_rules,
    set_keep_in_touch,
    snooze,
)
from netanalytics.outreach.log import Referral, log_event

NAMES = {"p_a": "Ada", "p_b": "Bob", "p_c": "Cy", "p_r": "Rae"}


def frame(*rows):
    """Events from (person_id, stage, 'YYYY-MM-DD HH:MM'[, via][, referral]) tuples."""
    records = []
    for i, row in enumerate(rows, start=1):
        pid, stage, at, *rest = row
        via = rest[0] if len(rest) > 0 else None
        ref = rest[1] if len(rest) > 1 else None
        records.append({"event_id": i, "person_id": pid, "name": NAMES[pid], "stage": stage,
                        "at": pd.Timestamp(at), "via_person_id": via, "referral_person_id": ref,
                        "referral_name": NAMES.get(ref) if ref else None})
    return pd.DataFrame(records)


def kinds(items):
    return list(zip(items["person_id"], items["kind"], strict=True))


# ---------------------------------------------------------------- thank-you


def test_thank_you_due_next_day_then_overdue():
    events = frame(("p_a", "interviewed", "2026-03-02 15:00"))
    assert due_items(events, date(2026, 3, 2)).empty  # not due yet
    on_day = due_items(events, date(2026, 3, 3))
    assert kinds(on_day) == [("p_a", "thank_you")]
    assert on_day.loc[0, "due"] == date(2026, 3, 3) and not on_day.loc[0, "overdue"]
    late = due_items(events, date(2026, 3, 6))
    assert late.loc[0, "overdue"] and late.loc[0, "days_overdue"] == 3
    assert "thank-you" in late.loc[0, "reason"] and "Ada" in late.loc[0, "reason"]


def test_thank_you_done_by_thank_you_sent():
    events = frame(("p_a", "interviewed", "2026-03-02 15:00"), ("p_a", "thank_you_sent", "2026-03-02 20:00"))
    assert "thank_you" not in due_items(events, date(2026, 3, 10))["kind"].tolist()


def test_thank_you_hours_configurable():
    events = frame(("p_a", "interviewed", "2026-03-02 15:00"))
    rules = CadenceRules(thank_you_hours=72)
    assert due_items(events, date(2026, 3, 4), rules).empty
    assert due_items(events, date(2026, 3, 5), rules).loc[0, "due"] == date(2026, 3, 5)


# ---------------------------------------------------------------- nudge and no_response


@pytest.mark.parametrize("ask", ["intro_requested", "outreach_sent"])
def test_nudge_after_seven_days_of_silence(ask):
    events = frame(("p_a", ask, "2026-03-01 09:00", "p_b" if ask == "intro_requested" else None))
    assert due_items(events, date(2026, 3, 7)).empty
    items = due_items(events, date(2026, 3, 8))
    assert kinds(items) == [("p_a", "nudge")] and items.loc[0, "due"] == date(2026, 3, 8)
    assert due_items(events, date(2026, 3, 10)).loc[0, "days_overdue"] == 2


def test_no_nudge_when_they_replied():
    events = frame(("p_a", "outreach_sent", "2026-03-01"), ("p_a", "scheduled", "2026-03-03"))
    assert "nudge" not in due_items(events, date(2026, 3, 20))["kind"].tolist()


def test_second_silence_suggests_no_response():
    events = frame(("p_a", "outreach_sent", "2026-03-01"), ("p_a", "followed_up", "2026-03-08"))
    assert due_items(events, date(2026, 3, 14)).empty  # nudged; waiting
    items = due_items(events, date(2026, 3, 15))
    assert kinds(items) == [("p_a", "no_response")]
    assert items.loc[0, "due"] == date(2026, 3, 15) and "no_response" in items.loc[0, "reason"]
    closed = frame(("p_a", "outreach_sent", "2026-03-01"), ("p_a", "followed_up", "2026-03-08"),
                   ("p_a", "no_response", "2026-03-16"))
    assert due_items(closed, date(2026, 3, 20)).empty


def test_second_silence_counts_from_the_latest_nudge_and_is_configurable():
    events = frame(("p_a", "outreach_sent", "2026-03-01"), ("p_a", "followed_up", "2026-03-08"),
                   ("p_a", "followed_up", "2026-03-12"))
    rules = CadenceRules(second_silence_days=10, nudge_days=3)
    assert due_items(events, date(2026, 3, 21), rules).empty
    assert kinds(due_items(events, date(2026, 3, 22), rules)) == [("p_a", "no_response")]


def test_new_ask_restarts_the_nudge_clock():
    events = frame(("p_a", "intro_requested", "2026-03-01", "p_b"), ("p_a", "outreach_sent", "2026-03-04"))
    items = due_items(events, date(2026, 3, 11))
    assert kinds(items) == [("p_a", "nudge")] and items.loc[0, "due"] == date(2026, 3, 11)
    assert items.loc[0, "trigger_event_id"] == 2


# ---------------------------------------------------------------- keep in touch


def test_keep_in_touch_90_days_after_last_contact_and_reset_on_each_contact():
    met = frame(("p_a", "interviewed", "2026-01-10"), ("p_a", "thank_you_sent", "2026-01-10 20:00"))
    assert due_items(met, date(2026, 4, 9)).empty
    items = due_items(met, date(2026, 4, 10))
    assert kinds(items) == [("p_a", "keep_in_touch")] and items.loc[0, "due"] == date(2026, 4, 10)
    # a contact on 2026-03-01 resets the clock to 2026-05-30
    later = frame(("p_a", "interviewed", "2026-01-10"), ("p_a", "thank_you_sent", "2026-01-10 20:00"),
                  ("p_a", "followed_up", "2026-03-01"))
    assert due_items(later, date(2026, 5, 29)).empty
    assert due_items(later, date(2026, 5, 30)).loc[0, "due"] == date(2026, 5, 30)
    # being asked for an intro is contact too
    via = frame(("p_a", "interviewed", "2026-01-10"), ("p_a", "thank_you_sent", "2026-01-10 20:00"),
                ("p_c", "intro_requested", "2026-02-01", "p_a"), ("p_c", "intro_made", "2026-02-02"))
    assert due_items(via, date(2026, 5, 1)).query("person_id == 'p_a'").empty
    assert due_items(via, date(2026, 5, 2)).query("person_id == 'p_a'")["due"].tolist() == [date(2026, 5, 2)]


def test_keep_in_touch_only_for_people_met_and_not_after_decline():
    assert due_items(frame(("p_a", "identified", "2026-01-01")), date(2026, 12, 1)).empty
    declined = frame(("p_a", "interviewed", "2026-01-01"), ("p_a", "thank_you_sent", "2026-01-01 18:00"),
                     ("p_a", "declined", "2026-02-01"))
    assert due_items(declined, date(2026, 12, 1)).empty


def test_keep_in_touch_per_tier_and_per_person_intervals():
    met = frame(("p_a", "interviewed", "2026-01-01"), ("p_a", "thank_you_sent", "2026-01-01 18:00"))
    close = CadenceRules(person_tiers={"p_a": "close"})
    assert due_items(met, date(2026, 1, 31), close).loc[0, "due"] == date(2026, 1, 31)
    distant = CadenceRules(person_tiers={"p_a": "distant"})
    assert due_items(met, date(2026, 6, 29), distant).empty
    assert not due_items(met, date(2026, 6, 30), distant).empty
    own = CadenceRules(person_tiers={"p_a": "distant"}, person_intervals={"p_a": 14})
    assert due_items(met, date(2026, 1, 15), own).loc[0, "due"] == date(2026, 1, 15)


def test_snooze_moves_items_to_the_snooze_date():
    events = frame(("p_a", "interviewed", "2026-03-02 15:00"), ("p_b", "outreach_sent", "2026-03-01"))
    rules = CadenceRules(snoozes={"p_a": date(2026, 3, 20)})
    items = due_items(events, date(2026, 3, 10), rules)
    assert kinds(items) == [("p_b", "nudge")]
    after = due_items(events, date(2026, 3, 21), rules)
    row = after[after["person_id"] == "p_a"].iloc[0]
    assert row["due"] == date(2026, 3, 20) and row["days_overdue"] == 1 and "snoozed" in row["reason"]
    # a snooze in the past changes nothing
    past = CadenceRules(snoozes={"p_a": date(2026, 3, 1)})
    assert due_items(events, date(2026, 3, 4), past).loc[0, "due"] == date(2026, 3, 3)


# ---------------------------------------------------------------- referral


def test_referral_followed_up_within_three_days():
    events = frame(("p_a", "referral_given", "2026-03-01 12:00", None, "p_r"),
                   ("p_r", "identified", "2026-03-01 12:00", "p_a"))
    assert due_items(events, date(2026, 3, 3)).empty
    items = due_items(events, date(2026, 3, 5))
    row = items[items["kind"] == "referral"].iloc[0]
    assert row["person_id"] == "p_r" and row["name"] == "Rae"
    assert row["due"] == date(2026, 3, 4) and row["overdue"] and "Ada referred you to Rae" in row["reason"]
    done = frame(("p_a", "referral_given", "2026-03-01 12:00", None, "p_r"),
                 ("p_r", "identified", "2026-03-01 12:00", "p_a"),
                 ("p_r", "intro_requested", "2026-03-02", "p_a"))
    assert "referral" not in due_items(done, date(2026, 3, 5))["kind"].tolist()


# ---------------------------------------------------------------- ordering, horizon, shape


def test_most_urgent_first_and_columns():
    events = frame(("p_a", "outreach_sent", "2026-03-01"),        # nudge due 03-08
                   ("p_b", "interviewed", "2026-03-09 10:00"),    # thank-you due 03-10
                   ("p_c", "outreach_sent", "2026-03-03"))        # nudge due 03-10
    items = due_items(events, date(2026, 3, 10))
    assert list(items.columns) == list(DUE_COLUMNS)
    assert kinds(items) == [("p_a", "nudge"), ("p_b", "thank_you"), ("p_c", "nudge")]
    assert items["overdue"].tolist() == [True, False, False]


def test_within_days_includes_upcoming():
    events = frame(("p_a", "outreach_sent", "2026-03-01"))
    assert due_items(events, date(2026, 3, 2)).empty
    assert len(due_items(events, date(2026, 3, 2), within_days=6)) == 1
    assert len(due_items(events, date(2026, 3, 2), within_days=None)) == 1


def test_deleted_rows_are_ignored_and_empty_log_is_fine():
    events = frame(("p_a", "interviewed", "2026-03-02 15:00"))
    events["deleted_at"] = ["2026-03-02T16:00:00+00:00"]
    assert due_items(events, date(2026, 3, 10)).empty
    empty = pd.DataFrame(columns=["event_id", "person_id", "name", "stage", "at", "via_person_id"])
    assert list(due_items(empty, date(2026, 3, 10)).columns) == list(DUE_COLUMNS)


def test_due_items_is_pure():
    events = frame(("p_a", "interviewed", "2026-03-02 15:00"))
    before = events.copy()
    due_items(events, date(2026, 3, 10))
    pd.testing.assert_frame_equal(events, before)


def test_bad_today_is_input_error():
    with pytest.raises(InputError, match="today"):
        due_items(frame(("p_a", "identified", "2026-01-01")), "tomorrow")


# ---------------------------------------------------------------- timeliness


def test_followup_timeliness_rows():
    events = frame(("p_a", "interviewed", "2026-03-02 15:00"), ("p_a", "thank_you_sent", "2026-03-03 09:00"),
                   ("p_b", "interviewed", "2026-03-02 15:00"), ("p_b", "thank_you_sent", "2026-03-06 09:00"),
                   ("p_c", "interviewed", "2026-03-09 15:00"),
                   ("p_r", "outreach_sent", "2026-03-01"), ("p_r", "scheduled", "2026-03-02"))
    table = followup_timeliness(events, CadenceRules(), date(2026, 3, 10))
    thanks = table[table["kind"] == "thank_you"].set_index("person_id")
    assert thanks.loc["p_a", "on_time"] is True
    assert thanks.loc["p_b", "on_time"] is False
    assert thanks.loc["p_c", "on_time"] is None and pd.isna(thanks.loc["p_c", "done_at"])
    # a reply before the nudge date never created a nudge obligation
    assert "nudge" not in table["kind"].tolist()
    late = followup_timeliness(events, CadenceRules(), date(2026, 3, 12))
    assert late.query("person_id == 'p_c' and kind == 'thank_you'")["on_time"].tolist() == [False]


def test_followup_timeliness_nudges():
    events = frame(("p_a", "outreach_sent", "2026-03-01"), ("p_a", "followed_up", "2026-03-07"),
                   ("p_a", "interviewed", "2026-03-20"), ("p_a", "thank_you_sent", "2026-03-20 20:00"))
    table = followup_timeliness(events, CadenceRules(), date(2026, 3, 25)).set_index("kind")
    assert table.loc["nudge", "on_time"] is True
    # the reply came after the second-silence date: the no_response obligation was late
    assert table.loc["no_response", "on_time"] is False


# ---------------------------------------------------------------- rules file and storage


def test_rules_from_toml(tmp_path):
    path = tmp_path / "cadence.toml"
    path.write_text("[cadence]\nnudge_days = 5\n[cadence.tiers]\nclose = 21\nfamily = 14\n")
    rules = CadenceRules.from_toml(path)
    assert rules.nudge_days == 5 and rules.tiers == {"close": 21, "family": 14}
    path.write_text("nudge_dayz = 5\n")
    with pytest.raises(InputError, match="nudge_dayz"):
        CadenceRules.from_toml(path)
    path.write_text("nudge_days = -1\n")
    with pytest.raises(InputError, match="from 1 to 3,660"):
        CadenceRules.from_toml(path)
    path.write_text("nudge_days = [\n")
    with pytest.raises(InputError, match="valid TOML"):
        CadenceRules.from_toml(path)


def _people(ws):
    for pid, name in NAMES.items():
        ws.conn.execute(
            "INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES (?, ?, '', '')",
            (pid, name),
        )


def test_stored_snooze_and_interval_reach_due(tmp_workspace):
    ws = tmp_workspace
    _people(ws)
    log_event(ws, "Ada", "interviewed", at="2026-01-01 10:00")
    log_event(ws, "Ada", "thank_you_sent", at="2026-01-01 18:00")
    set_keep_in_touch(ws, "Ada", tier="close")
    assert load_rules(ws).interval_for("p_a") == 30
    assert due(ws, today="2026-01-31")["due"].tolist() == [date(2026, 1, 31)]
    set_keep_in_touch(ws, "Ada", days=10)
    assert due(ws, today="2026-01-11")["due"].tolist() == [date(2026, 1, 11)]
    snooze(ws, "Ada", "2026-02-15")
    assert due(ws, today="2026-02-14").empty
    assert due(ws, today="2026-02-15")["kind"].tolist() == ["keep_in_touch"]
    snooze(ws, "Ada", None)
    assert not due(ws, today="2026-02-14").empty
    with pytest.raises(InputError, match="tier"):
        set_keep_in_touch(ws, "Ada", tier="bestie")
    with pytest.raises(InputError, match="until"):
        snooze(ws, "Ada", "soon")


def test_workspace_cadence_toml_is_used(tmp_workspace):
    ws = tmp_workspace
    _people(ws)
    (ws.folder / "cadence.toml").write_text("nudge_days = 3\n")
    log_event(ws, "Bob", "outreach_sent", at="2026-03-01")
    assert due(ws, today="2026-03-04")["kind"].tolist() == ["nudge"]


def test_referral_logged_through_the_library_is_due(tmp_workspace):
    ws = tmp_workspace
    _people(ws)
    log_event(ws, "Ada", "referral_given", at="2026-03-01 12:00", referral=Referral("Zed Newman", company="Z"))
    items = due(ws, today="2026-03-05")
    assert items["kind"].tolist() == ["referral"] and items["name"].tolist() == ["Zed Newman"]


# ---------------------------------------------------------------- the boundaries of each rule


def test_a_reply_on_the_nudge_date_itself_means_no_nudge_was_owed():
    """The nudge falls due 7 days after the ask; a reply that very day is in time."""
    on_the_day = frame(("p_a", "outreach_sent", "2026-03-01 09:00"), ("p_a", "scheduled", "2026-03-08 17:00"))
    table = followup_timeliness(on_the_day, CadenceRules(), date(2026, 3, 20))
    assert "nudge" not in table["kind"].tolist()
    a_day_late = frame(("p_a", "outreach_sent", "2026-03-01 09:00"), ("p_a", "scheduled", "2026-03-09 08:00"))
    late = followup_timeliness(a_day_late, CadenceRules(), date(2026, 3, 20)).set_index("kind")
    assert late.loc["nudge", "on_time"] is False  # owed on the 8th, settled by the reply on the 9th


def test_noting_someone_again_does_not_answer_an_ask():
    """'identified' is not a reply: the thread stays open and the nudge falls due."""
    events = frame(("p_a", "outreach_sent", "2026-03-01"), ("p_a", "identified", "2026-03-03"))
    items = due_items(events, date(2026, 3, 8))
    assert kinds(items) == [("p_a", "nudge")] and items.loc[0, "trigger_event_id"] == 1


def test_logging_no_response_in_time_settles_the_obligation_on_time():
    """The no_response obligation is met by logging no_response (even before it is due)."""
    events = frame(("p_a", "outreach_sent", "2026-03-01"), ("p_a", "followed_up", "2026-03-08"),
                   ("p_a", "no_response", "2026-03-10"))
    table = followup_timeliness(events, CadenceRules(), date(2026, 3, 30)).set_index("kind")
    assert table.loc["no_response", "on_time"] is True
    assert table.loc["no_response", "done_at"] == pd.Timestamp("2026-03-10")
    assert due_items(events, date(2026, 3, 30)).empty


def test_a_meeting_scheduled_again_restarts_the_keep_in_touch_clock():
    """Scheduling another coffee is contact: keep-in-touch counts 90 days from it."""
    events = frame(("p_a", "interviewed", "2026-01-10"), ("p_a", "thank_you_sent", "2026-01-10 20:00"),
                   ("p_a", "scheduled", "2026-03-01"))
    assert due_items(events, date(2026, 4, 10)).empty  # 90 days after the thank-you: not due
    assert due_items(events, date(2026, 5, 30)).loc[0, "due"] == date(2026, 5, 30)


def test_within_days_is_checked_where_it_enters():
    events = frame(("p_a", "interviewed", "2026-03-02 15:00"))
    with pytest.raises(InputError, match="within_days: expected a number of days from 0 to 3,660") as err:
        due_items(events, date(2026, 3, 4), within_days=-1)
    assert err.value.param == "within_days"
