"""The outreach log: logging, validation, referrals, edit/delete/undo, history, pipeline."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from netanalytics.errors import AmbiguousPersonError, InputError, NotFoundError
from netanalytics.outreach.log import (
    EVENT_COLUMNS,
    Event,
    Referral,
    delete_event,
    edit_event,
    events_frame,
    history,
    log_event,
    normalize_channel,
    parse_datetime,
    pipeline,
    undo_last,
)

PEOPLE = [
    ("p_me", "Sam Seeker", "Student Co", None, 1),
    ("p_ada", "Ada Lovelace", "Engines Ltd", "linkedin.com/in/ada", 0),
    ("p_bob", "Bob Friend", "Acme", None, 0),
    ("p_c1", "Chris Lee", "Alpha", None, 0),
    ("p_c2", "Chris Lee", "Beta", None, 0),
]


def add_people(ws, people=PEOPLE):
    for pid, name, company, url, is_me in people:
        ws.conn.execute(
            "INSERT INTO people(person_id, full_name, company, position, profile_url, is_me,"
            " created_at, updated_at) VALUES (?, ?, ?, 'Engineer', ?, ?, '', '')",
            (pid, name, company, url, is_me),
        )


@pytest.fixture
def ws(tmp_workspace):
    add_people(tmp_workspace)
    return tmp_workspace


def test_log_event_resolves_people_and_normalises_fields(ws):
    event = log_event(
        ws,
        "https://www.linkedin.com/in/ada/",
        "Intro requested",
        at="2026-03-02 09:30",
        channel="in person",
        via="Bob Friend",
        notes="asked at dinner",
        next_step="wait for Bob",
    )
    assert isinstance(event, Event)
    assert (event.person_id, event.stage, event.channel) == ("p_ada", "intro_requested", "in_person")
    assert event.at == datetime(2026, 3, 2, 9, 30)
    assert (event.via_person_id, event.via_name) == ("p_bob", "Bob Friend")
    assert event.notes == "asked at dinner" and event.questions is None


def test_log_event_defaults_to_now(ws):
    event = log_event(ws, "p_ada", "identified", now=datetime(2026, 1, 5, 8, 0, 7, 123))
    assert event.at == datetime(2026, 1, 5, 8, 0, 7)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"stage": "interviewd"}, "Did you mean 'interviewed'"),
        ({"stage": "won"}, "expected one of identified"),
        ({"channel": "carrier pigeon"}, "channel.*LinkedIn message"),
        ({"at": "last tuesday"}, "at: expected a date and time"),
        ({"at": "2026-13-40"}, "at: expected a date and time"),
        ({"via": "p_ada"}, "intermediary other than the person"),
        ({"referral": Referral("X")}, "referral_given"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(ws, kwargs, match):
    args = {"stage": "identified", **kwargs}
    with pytest.raises(InputError, match=match):
        log_event(ws, "p_ada", args.pop("stage"), **args)
    assert ws.conn.execute("SELECT count(*) FROM outreach_events").fetchone()[0] == 0
    assert ws.conn.execute("SELECT count(*) FROM outreach_actions").fetchone()[0] == 0


def test_unknown_and_ambiguous_people(ws):
    with pytest.raises(NotFoundError, match="person: No person named 'Nobody'"):
        log_event(ws, "Nobody", "identified")
    with pytest.raises(AmbiguousPersonError) as info:
        log_event(ws, "chris lee", "identified")
    assert {c[0] for c in info.value.candidates} == {"p_c1", "p_c2"}
    with pytest.raises(NotFoundError, match="via"):
        log_event(ws, "p_ada", "intro_requested", via="Nobody")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Email", "email"), ("LinkedIn message", "linkedin"), ("in-person", "in_person"),
     ("Phone call", "phone"), ("Zoom", "video"), ("coffee chat", "coffee"), ("", None)],
)
def test_channel_friendly_forms(text, expected):
    assert normalize_channel(text) == expected


def test_parse_datetime_converts_offsets_to_local_naive():
    parsed = parse_datetime("2026-03-02T10:00:00+00:00")
    assert parsed.tzinfo is None
    assert parse_datetime("2026-03-02") == datetime(2026, 3, 2)


def test_referral_creates_person_tie_source_and_identified_event(ws):
    event = log_event(
        ws,
        "Ada Lovelace",
        "referral_given",
        at="2026-03-10 12:00",
        referral=Referral("Grace Hopper", company="Navy", position="Admiral",
                          profile_url="https://linkedin.com/in/grace/"),
    )
    grace = ws.conn.execute("SELECT * FROM people WHERE full_name = 'Grace Hopper'").fetchone()
    assert grace["company"] == "Navy" and grace["profile_url"] == "linkedin.com/in/grace"
    assert event.referral_person_id == grace["person_id"] and event.referral_name == "Grace Hopper"
    tie = ws.conn.execute("SELECT * FROM ties WHERE owner_id = 'p_ada'").fetchone()
    assert tie["person_id"] == grace["person_id"]
    source = ws.conn.execute("SELECT kind FROM sources WHERE source_id = ?", (tie["source_id"],)).fetchone()
    assert source["kind"] == "manual"
    [identified] = history(ws, "Grace Hopper")
    assert identified.stage == "identified" and identified.via_person_id == "p_ada"
    assert identified.at == datetime(2026, 3, 10, 12, 0)


def test_referral_matches_an_existing_person_and_is_stable(ws):
    log_event(ws, "p_ada", "referral_given", referral=Referral("bob friend"))
    assert ws.conn.execute("SELECT count(*) FROM people").fetchone()[0] == len(PEOPLE)
    assert ws.conn.execute("SELECT person_id FROM ties WHERE owner_id='p_ada'").fetchone()[0] == "p_bob"
    # the same referral twice: one tie, no duplicate person
    log_event(ws, "p_ada", "referral_given", referral=Referral("Bob Friend"))
    assert ws.conn.execute("SELECT count(*) FROM ties").fetchone()[0] == 1


def test_referral_ambiguous_name_resolved_by_company_or_refused(ws):
    with pytest.raises(AmbiguousPersonError):
        log_event(ws, "p_ada", "referral_given", referral=Referral("Chris Lee"))
    event = log_event(ws, "p_ada", "referral_given", referral=Referral("Chris Lee", company="beta"))
    assert event.referral_person_id == "p_c2"


def test_referral_to_self_is_refused(ws):
    with pytest.raises(InputError, match="themselves"):
        log_event(ws, "p_ada", "referral_given", referral=Referral("Ada Lovelace"))
    with pytest.raises(InputError, match="names you"):
        log_event(ws, "p_ada", "referral_given", referral=Referral("Sam Seeker"))
    assert ws.conn.execute("SELECT count(*) FROM outreach_events").fetchone()[0] == 0


def test_edit_keeps_history_and_undo_restores(ws):
    first = log_event(ws, "p_ada", "outreach_sent", at="2026-03-01 10:00", notes="draft")
    edited = edit_event(ws, first.event_id, notes="sent the short version", channel="email")
    assert edited.event_id != first.event_id
    assert (edited.notes, edited.channel, edited.at) == ("sent the short version", "email", first.at)
    frame = events_frame(ws)
    assert frame["event_id"].tolist() == [edited.event_id]
    # the old row is still in the file
    assert ws.conn.execute("SELECT count(*) FROM outreach_events").fetchone()[0] == 2
    with pytest.raises(InputError, match=f"current version is event {edited.event_id}"):
        edit_event(ws, first.event_id, notes="x")
    assert undo_last(ws).startswith("Undid: edited outreach sent")
    assert [e.notes for e in history(ws, "p_ada")] == ["draft"]


def test_edit_validates(ws):
    event = log_event(ws, "p_ada", "outreach_sent")
    with pytest.raises(InputError, match="fields among"):
        edit_event(ws, event.event_id, colour="red")
    with pytest.raises(InputError, match="at least one"):
        edit_event(ws, event.event_id)
    with pytest.raises(InputError, match="referral"):
        edit_event(ws, event.event_id, stage="referral_given")
    with pytest.raises(NotFoundError, match="No event 999"):
        edit_event(ws, 999, notes="x")
    with pytest.raises(InputError, match="a number"):
        edit_event(ws, "abc", notes="x")
    moved = edit_event(ws, event.event_id, person="Bob Friend", at="2026-02-01", stage="scheduled")
    assert (moved.person_id, moved.stage, moved.at) == ("p_bob", "scheduled", datetime(2026, 2, 1))


def test_delete_and_undo(ws):
    event = log_event(ws, "p_ada", "interviewed", at="2026-03-02 10:00")
    delete_event(ws, event.event_id)
    assert history(ws, "p_ada") == []
    assert events_frame(ws, include_deleted=True)["deleted_at"].notna().tolist() == [True]
    with pytest.raises(InputError, match="deleted"):
        delete_event(ws, event.event_id)
    message = undo_last(ws)
    assert message == "Undid: deleted interviewed for Ada Lovelace on 2026-03-02 10:00."
    assert [e.event_id for e in history(ws, "p_ada")] == [event.event_id]


def test_undo_of_referral_takes_back_tie_and_events(ws):
    log_event(ws, "p_ada", "referral_given", referral=Referral("Grace Hopper", company="Navy"))
    undo_last(ws)
    assert events_frame(ws).empty
    assert ws.conn.execute("SELECT count(*) FROM ties").fetchone()[0] == 0
    assert ws.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0


def test_undo_runs_newest_first_until_nothing_left(ws):
    a = log_event(ws, "p_ada", "identified", at="2026-01-01")
    log_event(ws, "p_bob", "identified", at="2026-01-02")
    edit_event(ws, a.event_id, notes="n")
    assert "edited" in undo_last(ws)
    assert "Bob Friend" in undo_last(ws)
    assert "Ada Lovelace" in undo_last(ws)
    with pytest.raises(InputError, match="nothing to undo"):
        undo_last(ws)


def test_events_frame_shape_and_types(ws):
    assert list(events_frame(ws).columns) == list(EVENT_COLUMNS)
    log_event(ws, "p_ada", "identified", at="2026-01-01")
    log_event(ws, "p_bob", "outreach_sent", at="2026-01-03", via="p_ada")
    frame = events_frame(ws)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert isinstance(frame.loc[0, "at"], pd.Timestamp)
    assert frame["name"].tolist() == ["Ada Lovelace", "Bob Friend"]
    assert frame.loc[1, "via_name"] == "Ada Lovelace"
    assert frame.loc[0, "via_person_id"] is None


def test_history_follows_merged_people(ws):
    log_event(ws, "p_c1", "identified", at="2026-01-01")
    ws.conn.execute("UPDATE people SET merged_into = 'p_c2' WHERE person_id = 'p_c1'")
    log_event(ws, "p_c2", "outreach_sent", at="2026-01-02")
    events = history(ws, "p_c2")
    assert [e.stage for e in events] == ["identified", "outreach_sent"]
    assert {e.person_id for e in events} == {"p_c2"}


def test_pipeline_furthest_stage_and_last_outcome(ws):
    log_event(ws, "p_ada", "identified", at="2026-01-01")
    log_event(ws, "p_ada", "interviewed", at="2026-01-10", next_step="send notes")
    log_event(ws, "p_ada", "card_exchanged", at="2026-01-10 11:00")
    log_event(ws, "p_bob", "outreach_sent", at="2026-01-05")
    log_event(ws, "p_bob", "declined", at="2026-01-06")
    frame = pipeline(ws)
    assert frame["person_id"].tolist() == ["p_ada", "p_bob"]
    ada = frame.iloc[0]
    assert (ada["stage"], ada["last_outcome"], ada["next_step"], ada["events"]) == (
        "interviewed", "card_exchanged", "send notes", 3)
    assert ada["last_event_at"] == pd.Timestamp("2026-01-10 11:00")
    assert frame.iloc[1]["last_outcome"] == "declined"


def test_pipeline_empty(ws):
    frame = pipeline(ws)
    assert frame.empty and "stage" in frame.columns


def test_pipeline_nudge_is_not_progress_and_next_step_is_fresh(ws):
    log_event(ws, "p_bob", "outreach_sent", at="2026-01-05", next_step="nudge in a week")
    log_event(ws, "p_bob", "followed_up", at="2026-01-12", notes="polite nudge")
    log_event(ws, "p_ada", "interviewed", at="2026-01-10", next_step="send thanks")
    log_event(ws, "p_ada", "thank_you_sent", at="2026-01-10 20:00")
    log_event(ws, "p_ada", "followed_up", at="2026-03-01")
    frame = pipeline(ws).set_index("person_id")
    assert frame.loc["p_bob", "stage"] == "outreach_sent"
    assert frame.loc["p_bob", "next_step"] == "nudge in a week"  # the nudge is not a new step
    assert frame.loc["p_ada", "stage"] == "followed_up"
    assert frame.loc["p_ada", "next_step"] is None and frame.loc["p_ada", "last_outcome"] is None


def test_an_undone_edit_brings_the_interview_back_for_the_ranking_too(ws):
    """Log, edit, undo: the log and the ranking agree on which events count (one rule)."""
    from netanalytics.graph import load_tables
    from netanalytics.scoring.outcomes import already_met

    event = log_event(ws, "Ada Lovelace", "interviewed", at="2026-03-02 15:00")
    edit_event(ws, event.event_id, notes="great chat")
    undo_last(ws)
    assert events_frame(ws)["stage"].tolist() == ["interviewed"]
    assert already_met(load_tables(ws).events) == {"p_ada": "2026-03-02"}


def test_the_log_and_the_frame_rule_agree_on_every_history_of_edits_deletes_and_undos(ws):
    """Random sequences of log/edit/delete/undo: SQL (the log) and the frame rule
    (outcomes, ranking) keep exactly the same events."""
    import random

    from netanalytics.graph import load_tables
    from netanalytics.workspace.events import live_events

    rng = random.Random(12)
    for _ in range(120):
        live = events_frame(ws)["event_id"].tolist()
        action = rng.choice(["log", "log", "edit", "delete", "undo"])
        try:
            if action == "log" or not live:
                log_event(ws, rng.choice(["Ada Lovelace", "Bob Friend"]), rng.choice(["interviewed", "scheduled"]),
                          at=f"2026-03-{rng.randint(1, 28):02d} 10:00")
            elif action == "edit":
                edit_event(ws, rng.choice(live), notes=str(rng.random()))
            elif action == "delete":
                delete_event(ws, rng.choice(live))
            else:
                undo_last(ws)
        except InputError:
            pass  # nothing to undo
        from_log = sorted(events_frame(ws)["event_id"])
        from_frame = sorted(live_events(load_tables(ws).events)["event_id"])
        assert from_log == from_frame
