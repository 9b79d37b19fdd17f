"""Prep sheets: every section present, facts from the workspace, untrusted text escaped."""

from __future__ import annotations

import re
from datetime import date

import pytest

from netanalytics.errors import InputError
from netanalytics.outreach.log import log_event
from netanalytics.outreach.prep import md_text, prep_sheet

TODAY = date(2026, 3, 1)


@pytest.fixture
def ws(tmp_workspace):
    ws = tmp_workspace
    rows = [
        ("p_me", "Sam Seeker", None, None, "Boston, MA", None, 1),
        ("p_ada", "Ada Lovelace", "Engines Ltd", "Head of Analytics", "Greater Boston Area", "linkedin.com/in/ada", 0),
        ("p_bob", "Bob Friend", "Acme", "Engineer", "Boston", None, 0),
        ("p_zed", "Zed Alone", "Acme", "Designer", "Denver", None, 0),
    ]
    for pid, name, company, pos, loc, url, is_me in rows:
        ws.conn.execute(
            "INSERT INTO people(person_id, full_name, company, position, location, profile_url, is_me,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '')",
            (pid, name, company, pos, loc, url, is_me),
        )
    ws.conn.executemany("INSERT INTO my_profile(key, value) VALUES (?, ?)",
                        [("first_name", "Sam"), ("last_name", "Seeker"), ("location", "Boston, MA"),
                         ("headline", "Statistics graduate"), ("goal", "how analytics teams in fintech work")])
    ws.conn.execute("INSERT INTO my_education(school, degree, start_on, end_on)"
                    " VALUES ('State University', 'BSc Statistics', '2021-09-01', '2025-06-01')")
    ws.conn.execute("INSERT INTO my_positions(company, title, started_on, finished_on)"
                    " VALUES ('Acme', 'Data Intern', '2024-06-01', '2024-08-31')")
    ws.conn.execute("INSERT INTO ties(owner_id, person_id, relationship) VALUES ('p_me', 'p_bob', 'close-friend')")
    ws.conn.execute("INSERT INTO ties(owner_id, person_id) VALUES ('p_bob', 'p_ada')")
    return ws


def test_prep_sheet_has_every_section_and_the_facts(ws):
    log_event(ws, "p_ada", "intro_requested", at="2026-02-01 10:00", via="Bob Friend",
              questions="How do you choose projects?")
    text = prep_sheet(ws, "Ada Lovelace", today=TODAY)
    for heading in ("# Prep: Ada Lovelace", "## Who they are", "## How I reach them",
                    "## What I want from this meeting", "## Questions", "## About me",
                    "## End of the meeting", "## History so far"):
        assert heading in text
    assert "Head of Analytics at Engines Ltd" in text and "linkedin.com/in/ada" in text
    assert "Through **Bob Friend** (your close friend)" in text
    assert "coffee" in text
    assert "how analytics teams in fintech work" in text
    # the questions for the goal: specifics, where it is heading, how to find work
    assert "typical week" in text and "where is it going" in text and "first role" in text
    assert "How do you choose projects?" in text
    # about me
    assert "State University, BSc Statistics (2021–2025)" in text and "Data Intern at Acme" in text
    # the checklist
    for item in ("Thank them", "Exchange cards", "reference", "recommendation", "next move", "thank-you within 24 hours"):
        assert item in text
    assert "| 2026-02-01 10:00 | intro_requested |" in text


def test_no_path_and_no_history(ws):
    text = prep_sheet(ws, "p_zed", today=TODAY)
    assert "No mutual connection" in text and "Nothing logged yet." in text
    assert "They work at Acme, where you worked." in text and "video or phone call" in text
    assert "Boston and Denver are" in text  # the places compared
    assert "save their LinkedIn profile as a PDF" in text  # no path known yet


def test_their_path_and_the_questions_it_raises(ws):
    from netanalytics.ingest.profile_pdf import Education, Experience, ProfileRecord, YearMonth
    from netanalytics.workspace.profiles import store_profile
    from netanalytics.workspace.rows import insert_source

    record = ProfileRecord(
        name="Ada Lovelace", location="Cambridge, Massachusetts, United States",
        experiences=(
            Experience("Engines Ltd", "Head of Analytics", YearMonth(2019, 4), None),
            Experience("Engines Ltd", "Data Analyst", YearMonth(2016, 2), YearMonth(2019, 4)),
            Experience("Deloitte", "Consultant", YearMonth(2013, 9), YearMonth(2016, 1)),
        ),
        education=(Education("State University", "BSc", "Statistics", 2009, 2013),),
    )
    source = insert_source(ws.conn, kind="profile_pdf", owner_person_id="p_me", path="ada.pdf",
                           content_hash="h", imported_at="2026-01-01T00:00:00+00:00")
    store_profile(ws.conn, "p_ada", source, record, "2026-01-01T00:00:00+00:00")
    text = prep_sheet(ws, "Ada Lovelace", today=TODAY)
    path = text.split("## Their path")[1].split("##")[0]
    assert "- Now: Head of Analytics at Engines Ltd (since 2019)" in path
    assert "- 2016–2019: Data Analyst at Engines Ltd" in path and "- 2013–2016: Consultant at Deloitte" in path
    assert "- Studied Statistics (BSc) at State University, 2009–2013" in path
    questions = text.split("**From their path**")[1].split("**The industry")[0]
    assert "You moved from consulting to research in 2016 — what made that possible?" in questions
    assert "You went from Data Analyst to Head of Analytics at Engines Ltd — what made the difference?" in questions
    assert "How did your Statistics studies at State University lead to your first role, at Deloitte?" in questions
    assert "You have been at Engines Ltd since 2019 — what has kept you there?" in questions
    # a shared school and the meeting suggestion with the places compared
    assert "You both went to State University; they graduated 2013." in text
    assert "Suggest a short coffee near you: both in Greater Boston" in text


def test_untrusted_text_is_escaped(ws):
    ws.conn.execute(
        "INSERT INTO people(person_id, full_name, company, position, created_at, updated_at)"
        " VALUES ('p_h', ?, ?, '[click](javascript:alert(1))', '', '')",
        ("<img src=x onerror=alert(1)>", "Evil | Corp\n# Heading"),
    )
    log_event(ws, "p_h", "identified", at="2026-02-01", notes="a | b\n| c |")
    text = prep_sheet(ws, "p_h", today=TODAY)
    assert "<img" not in text and "&lt;img" in text
    assert "\\[click\\](javascript:alert(1))" in text
    assert "\n# Heading" not in text
    history_line = [line for line in text.splitlines() if line.startswith("| 2026-02-01")][0]
    assert len(re.findall(r"(?<!\\)\|", history_line)) == 6  # five cells, no more


def test_workspace_template_and_errors(ws):
    (ws.folder / "templates").mkdir()
    (ws.folder / "templates" / "prep.md").write_text("# ${name}\n${reach}\n")
    assert prep_sheet(ws, "p_ada", today=TODAY).startswith("# Ada Lovelace\n- Through **Bob Friend**")
    with pytest.raises(InputError, match="that is you"):
        prep_sheet(ws, "p_me")


def test_md_text_is_one_line():
    assert md_text("a\nb  c") == "a b c" and md_text(None) == ""
