"""widgets/logform.py: the log-event form, history, edit/undo and the pipeline board — no browser.

Widget values are set as a user would, handlers are called, and the widgets' state is
checked against what the library (the same calls as the CLI) put in the workspace.
"""

from __future__ import annotations

from datetime import date, datetime

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


def test_form_starts_with_the_clock_and_the_pipeline_people(ws):
    log_event(ws, "p_ada", "intro_requested", at="2026-03-01 10:00", via="p_maya")
    logger = OutcomeLogger(ws, now=NOW)
    assert logger.date.value == date(2026, 3, 10) and logger.time.value == "09:30"
    assert [pid for _, pid in logger.person.choice.options] == ["p_ada"]
    assert logger.person.value == "p_ada"
    assert "Maya Chen" in logger.via.options
    assert "History of Ada Lovelace" in logger.history.value


def test_search_finds_people_by_name_or_company(ws):
    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "ledger"
    assert logger.person.value == "p_ada"
    logger.person.search.value = "MAYA"
    assert logger.person.choice.options[0][1] == "p_maya"
    logger.person.search.value = "nobody at all"
    assert logger.person.choice.options == () and logger.person.value is None


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
    [event] = history(ws, "p_ada")
    assert (event.stage, event.channel, event.via_person_id) == ("interviewed", "coffee", "p_maya")
    assert event.at == datetime(2026, 3, 10, 9, 30) and event.notes == "Talked about payments"
    assert logger.last_event_id == event.event_id
    assert "Talked about payments" in logger.history.value
    assert logger.notes.value == ""
    assert [r["person_id"] for r in board.rows] == ["p_ada"]
    assert "Ada Lovelace" in board.board.value


def test_referral_fields_appear_only_for_referral_given(ws):
    logger = OutcomeLogger(ws, now=NOW)
    assert logger.referral_box.layout.display == "none"
    logger.stage.value = "referral_given"
    assert logger.referral_box.layout.display == ""
    logger.person.search.value = "Ada"
    logger.ref_name.value = "Noor Quispe"
    logger.ref_company.value = "Ledger Pay"
    logger.submit()
    assert logger.status.kind == "ok", logger.status.message
    frame = events_frame(ws)
    assert set(frame["stage"]) == {"referral_given", "identified"}
    assert "Noor Quispe" in set(frame["name"])
    logger.stage.value = "interviewed"
    assert logger.referral_box.layout.display == "none"


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


def test_undo_takes_back_the_last_entry(ws):
    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "Ada"
    logger.submit()
    assert len(events_frame(ws)) == 1
    logger.undo_last()
    assert logger.status.kind == "ok" and logger.status.message.startswith("Undid")
    assert events_frame(ws).empty
    logger.undo_last()
    assert logger.status.kind == "error" and "nothing to undo" in logger.status.message


def test_edit_last_entry_loads_it_and_saves_a_new_version(ws):
    logger = OutcomeLogger(ws, now=NOW)
    logger.person.search.value = "Ada"
    logger.stage.value = "scheduled"
    logger.submit()
    first = logger.last_event_id
    logger.start_edit()
    assert logger.editing_event_id == first and logger.save.description == "Save changes"
    assert logger.stage.value == "scheduled" and logger.time.value == "09:30"
    logger.stage.value = "interviewed"
    logger.time.value = "14:00"
    logger.submit()
    assert logger.status.kind == "ok", logger.status.message
    [event] = history(ws, "p_ada")
    assert event.stage == "interviewed" and event.at == datetime(2026, 3, 10, 14, 0)
    assert event.event_id != first and logger.editing_event_id is None
    assert logger.save.description == "Log event"


def test_edit_with_nothing_logged_says_so(ws):
    logger = OutcomeLogger(ws, now=NOW)
    logger.start_edit()
    assert logger.status.kind == "error" and "Nothing logged yet" in logger.status.message


def test_untrusted_names_are_text_in_history_board_and_messages(ws):
    logger = OutcomeLogger(ws, now=NOW)
    board = PipelineBoard(ws, logger=logger)
    logger.person.search.value = "img"
    assert logger.person.value == "p_xss"
    logger.notes.value = "<b>bold?</b>"
    logger.submit()
    assert logger.status.kind == "ok"
    for html in (logger.history.value, board.board.value, logger.status.html.value):
        assert XSS not in html and "<script>" not in html and "<b>bold?</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in board.board.value
    assert "&lt;script&gt;" in board.board.value
    assert "&lt;b&gt;bold?&lt;/b&gt;" in logger.history.value


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
