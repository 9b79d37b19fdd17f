"""widgets/logform.py: the log-event form, history, edit/undo and the pipeline board — no browser.

Widget values are set as a user would, handlers are called, and the widgets' state is
checked against what the library (the same calls as the CLI) put in the workspace.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from netanalytics.outreach.log import events_frame, history, log_event, pipeline
from netanalytics.widgets.logform import OutcomeLogger, PipelineBoard, stage_label

XSS = "<img src=x onerror=alert(1)>"
NOW = datetime(2026, 3, 10, 9, 30)


@pytest.fixture
def ws(tmp_workspace):
    people = [
        ("p_me", "Me Myself", None, 1),
        ("p_maya", "Maya Chen", "Bright Bank", 0),
        ("p_ada", "Ada Lovelace", "Ledger Pay", 0),
        ("p_xss", XSS, '<script>alert("co")</script>', 0),
    ]
    for pid, name, company, me in people:
        tmp_workspace.conn.execute(
            "INSERT INTO people(person_id, full_name, company, is_me, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, '', '')",
            (pid, name, company, me),
        )
    for owner, person in [("p_me", "p_maya"), ("p_maya", "p_ada"), ("p_maya", "p_xss")]:
        tmp_workspace.conn.execute(
            "INSERT INTO ties(owner_id, person_id) VALUES (?, ?)", (owner, person)
        )
    return tmp_workspace


def test_stage_label():
    assert stage_label("referral_given") == "referral given"


def test_the_form_chooses_nothing_for_you(ws):
    log_event(ws, "p_ada", "intro_requested", at="2026-03-01 10:00", via="p_maya")
    logger = OutcomeLogger(ws, now=NOW)
    assert logger.person.value is None and logger.stage.value == ""  # no person, no stage
    assert [pid for _, pid in logger.person.choice.options][1:] == ["p_ada"]  # offered, not chosen
    assert logger.date.value is None and logger.time.value == ""  # "now" is when you press Log
    assert "Maya Chen" in logger.via.options
    assert logger.history_box.layout.display == "none"


def test_search_chooses_one_match_out_loud_and_never_one_of_several(ws):
    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "ledger"
    assert logger.person.value == "p_ada" and "one match, chosen" in logger.person.note.value
    logger.person.search.value = "MAYA"
    assert logger.person.value == "p_maya"
    logger.person.search.value = "a"  # several people: the placeholder stays, you pick
    assert logger.person.value is None and "pick one" in logger.person.note.value
    logger.person.search.value = "nobody at all"
    assert [pid for _, pid in logger.person.choice.options] == [""] and logger.person.value is None


def test_now_is_the_moment_of_the_press_not_of_the_cell(ws):
    moments = iter([datetime(2026, 3, 10, 9, 30), datetime(2026, 3, 10, 11, 45)])
    logger = OutcomeLogger(ws, now=lambda: next(moments))
    logger.person.search.value = "Ada"
    logger.stage.value = "outreach_sent"
    logger.submit()
    logger.person.search.value = "Maya"
    logger.stage.value = "outreach_sent"
    logger.submit()
    assert [e.at for e in history(ws, "p_maya")] == [datetime(2026, 3, 10, 11, 45)]


def test_logging_an_event_writes_through_the_library_and_refreshes(ws):
    logger = OutcomeLogger(ws, now=NOW)
    board = PipelineBoard(ws, logger=logger)
    logger.person.search.value = "Ada"
    logger.stage.value = "interviewed"
    logger.channel.value = "coffee"
    logger.via.value = "Maya Chen"
    logger.notes.value = "Talked about payments"
    logger.submit()
    assert logger.status.kind == "ok", logger.status.message
    assert logger.status.message == "Logged: interviewed with Ada Lovelace on Tue 10 Mar 2026 at 09:30."
    [event] = history(ws, "p_ada")
    assert (event.stage, event.channel, event.via_person_id) == ("interviewed", "coffee", "p_maya")
    assert event.at == datetime(2026, 3, 10, 9, 30) and event.notes == "Talked about payments"
    assert logger.last_event_id == event.event_id
    assert [r["notes"] for r in logger.entries.rows] == ["Talked about payments"]
    assert logger.notes.value == "" and logger.stage.value == ""
    assert [r["person_id"] for r in board.rows] == ["p_ada"]
    assert "Ada Lovelace" in board.board.value


def test_referral_fields_appear_only_for_referral_given_and_undo_takes_the_new_person_away(ws):
    logger = OutcomeLogger(ws, now=NOW)
    assert logger.referral_box.layout.display == "none"
    logger.stage.value = "referral_given"
    assert logger.referral_box.layout.display == ""
    logger.person.search.value = "Ada"
    logger.ref_name.value = "Noor Quispe"
    logger.ref_company.value = "Ledger Pay"
    logger.submit()
    assert logger.status.kind == "ok", logger.status.message
    assert "Noor Quispe is now in your network" in logger.status.message
    frame = events_frame(ws)
    assert set(frame["stage"]) == {"referral_given", "identified"}
    assert "Noor Quispe" in set(frame["name"])
    logger.undo_last()
    assert logger.status.message == "Undid: logged referral given for Ada Lovelace on 2026-03-10 09:30."
    assert ws.conn.execute("SELECT count(*) FROM people WHERE full_name = 'Noor Quispe'").fetchone()[0] == 0
    assert events_frame(ws).empty


def test_editing_a_referral_keeps_its_stage_and_no_entry_becomes_one(ws):
    from netanalytics.outreach.log import Referral

    log_event(ws, "p_ada", "referral_given", at="2026-03-01 10:00", referral=Referral("Noor Quispe"))
    log_event(ws, "p_ada", "interviewed", at="2026-03-02 10:00")
    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "Ada Lovelace"
    referral = next(i for i, r in enumerate(logger.entries.page_rows) if r["stage"] == "referral given")
    logger.entries.select(referral)
    logger.start_edit()
    assert logger.stage.disabled and logger.referral_box.layout.display == "none"
    logger.notes.value = "edited"
    logger.submit()
    assert logger.status.kind == "ok", logger.status.message
    interview = next(i for i, r in enumerate(logger.entries.page_rows) if r["stage"] == "interviewed")
    logger.entries.select(interview)
    logger.start_edit()
    assert "referral_given" not in [v for _, v in logger.stage.options] and not logger.stage.disabled


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time", "25:99", "expected a date and time"),
        ("via", "Nobody Known", "No person named 'Nobody Known'"),
    ],
)
def test_bad_input_shows_a_readable_message_and_writes_nothing(ws, field, value, message):
    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "Ada"
    logger.stage.value = "outreach_sent"
    if field == "time":
        logger.date.value = NOW.date()
    getattr(logger, field).value = value
    logger.submit()
    assert logger.status.kind == "error"
    assert message in logger.status.message
    assert "Traceback" not in logger.status.html.value
    assert events_frame(ws).empty
    assert not logger.save.disabled


def test_no_person_chosen_is_an_error_not_a_crash(ws):
    logger = OutcomeLogger(ws, now=NOW)
    assert logger.person.value is None
    logger.submit()
    assert logger.status.kind == "error" and "Pick a person" in logger.status.message


def test_undo_takes_back_the_latest_change_in_words(ws):
    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "Ada"
    logger.stage.value = "outreach_sent"
    logger.submit()
    assert len(events_frame(ws)) == 1
    logger.undo_last()
    assert logger.status.kind == "ok" and logger.status.message.startswith("Undid: logged outreach sent")
    assert "event" not in logger.status.message and "_" not in logger.status.message
    assert events_frame(ws).empty
    logger.undo_last()
    assert logger.status.kind == "error" and "nothing to undo" in logger.status.message


def test_any_entry_can_be_edited_or_deleted_not_only_the_last(ws):
    log_event(ws, "p_ada", "outreach_sent", at="2026-03-01 10:00")
    log_event(ws, "p_ada", "scheduled", at="2026-03-03 10:00")
    log_event(ws, "p_ada", "interviewed", at="2026-03-05 10:00")
    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "Ada Lovelace"
    assert logger.edit.disabled and logger.delete.disabled
    logger.entries.select(1)  # the middle one
    assert not logger.edit.disabled
    logger.start_edit()
    assert logger.stage.value == "scheduled" and logger.time.value == "10:00"
    logger.time.value = "14:00"
    logger.submit()
    assert logger.status.kind == "ok", logger.status.message
    assert [e.at.hour for e in history(ws, "p_ada")] == [10, 14, 10]
    logger.entries.select(0)
    logger.delete_selected()
    assert logger.entry_status.kind == "ok" and logger.entry_status.message.startswith("Deleted outreach sent")
    assert [e.stage for e in history(ws, "p_ada")] == ["scheduled", "interviewed"]
    logger.undo_last()
    assert [e.stage for e in history(ws, "p_ada")] == ["outreach_sent", "scheduled", "interviewed"]


def test_edit_with_nothing_chosen_says_so(ws):
    logger = OutcomeLogger(ws, now=NOW)
    logger.start_edit()
    assert logger.entry_status.kind == "error" and "Choose an entry" in logger.entry_status.message


def test_untrusted_names_are_text_in_history_board_and_messages(ws):
    logger = OutcomeLogger(ws, now=NOW)
    board = PipelineBoard(ws, logger=logger)
    logger.person.search.value = "img"
    assert logger.person.value == "p_xss"
    logger.stage.value = "outreach_sent"
    logger.notes.value = "<b>bold?</b>"
    logger.submit()
    assert logger.status.kind == "ok"
    for html in (logger.history_title.value, board.board.value, logger.status.html.value):
        assert XSS not in html and "<script>" not in html and "<b>bold?</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in board.board.value
    assert "&lt;script&gt;" in board.board.value
    assert "<b>bold?</b>" in list(logger.entries.grid.data["Notes"])  # data on a canvas, not markup


def test_pipeline_board_groups_people_by_furthest_stage(ws):
    log_event(ws, "p_ada", "intro_requested", at="2026-03-01")
    log_event(ws, "p_ada", "interviewed", at="2026-03-05")
    log_event(ws, "p_maya", "outreach_sent", at="2026-03-02")
    board = PipelineBoard(ws)
    by_stage = {r["person_id"]: r["stage"] for r in board.rows}
    assert by_stage == dict(zip(pipeline(ws)["person_id"], pipeline(ws)["stage"], strict=True))
    assert by_stage == {"p_ada": "interviewed", "p_maya": "outreach_sent"}


def test_empty_pipeline_explains_itself(ws):
    assert "Nobody in the pipeline yet" in PipelineBoard(ws).board.value


def test_handlers_work_when_the_kernel_calls_them_from_another_thread(ws):
    """ipykernel may deliver widget events on another thread than the cell's."""
    import threading

    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "Ada"
    logger.stage.value = "intro_requested"
    worker = threading.Thread(target=logger.submit)
    worker.start()
    worker.join()
    assert logger.status.kind == "ok", logger.status.message
    assert [e.stage for e in history(ws, "p_ada")] == ["intro_requested"]


def test_a_referral_url_that_is_not_a_profile_is_refused_in_the_forms_words(ws):
    before = len(events_frame(ws))
    logger = OutcomeLogger(ws, now=NOW)
    logger.stage.value = "referral_given"
    logger.person.search.value = "Ada"
    logger.ref_name.value = "Noor Quispe"
    logger.ref_url.value = "javascript:alert(1)"
    logger.submit()
    assert logger.status.kind == "error"
    assert "the referral's 'Profile URL': expected a LinkedIn profile URL" in logger.status.message
    assert len(events_frame(ws)) == before
