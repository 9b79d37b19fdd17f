"""The user's own word about a person: stored apart, shown everywhere, surviving imports."""

from __future__ import annotations

import pytest

from netanalytics.errors import AmbiguousPersonError, InputError, NotFoundError
from netanalytics.workspace.corrections import merge_people
from netanalytics.workspace.edits import pinned_fields, replay_edits, set_person
from netanalytics.workspace.importer import import_source
from netanalytics.workspace.rows import insert_person

NOW = "2026-11-20T10:00:00+00:00"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture
def ws(tmp_workspace):
    insert_person(tmp_workspace.conn, "p_me", "Avery Sampleton", now=NOW, is_me=1, location="Boston, MA")
    insert_person(tmp_workspace.conn, "p_ann", "Ann Lee", now=NOW, company="Stripe", position="PM",
                  location="Seattle, WA", profile_url="linkedin.com/in/ann-lee")
    insert_person(tmp_workspace.conn, "p_sam1", "Sam Ortiz", now=NOW, company="Ramp")
    insert_person(tmp_workspace.conn, "p_sam2", "Sam Ortiz", now=NOW, company="Brex")
    return tmp_workspace


def row(ws, pid):
    return ws.conn.execute("SELECT location, company, position FROM people WHERE person_id = ?", (pid,)).fetchone()


def test_setting_shows_the_value_everywhere_and_keeps_the_imported_one_aside(ws):
    changes = set_person(ws, "Ann Lee", location="Denver, CO", company="Brex", position="Director of Product",
                         school="Tufts University", now=NOW)
    assert changes == {"location": ("Seattle, WA", "Denver, CO"), "company": ("Stripe", "Brex"),
                       "position": ("PM", "Director of Product"), "school": (None, "Tufts University")}
    assert tuple(row(ws, "p_ann")) == ("Denver, CO", "Brex", "Director of Product")
    kept = dict(ws.conn.execute("SELECT field, imported_value FROM person_edits WHERE person_id = 'p_ann'").fetchall())
    assert kept == {"location": "Seattle, WA", "company": "Stripe", "position": "PM", "school": None}
    # no history: it is the user's word, not a change the world made
    assert ws.conn.execute("SELECT count(*) FROM person_history").fetchone()[0] == 0
    # setting again keeps the imported value, not the user's earlier one
    set_person(ws, "p_ann", location="Austin, TX", now=NOW)
    assert ws.conn.execute("SELECT imported_value FROM person_edits WHERE field = 'location'").fetchone()[0] == "Seattle, WA"


def test_clearing_brings_back_what_the_imports_say(ws):
    set_person(ws, "linkedin.com/in/ann-lee", location="Denver, CO", school="MIT", now=NOW)
    assert set_person(ws, "Ann Lee", clear=["location", "school"], now=NOW) == {
        "location": ("Denver, CO", "Seattle, WA"), "school": ("MIT", None)}
    assert row(ws, "p_ann")["location"] == "Seattle, WA"
    assert pinned_fields(ws.conn) == {}


def test_an_import_never_overwrites_the_users_word_and_updates_the_value_kept_aside(ws, tmp_path):
    mine = tmp_path / "Connections.csv"
    mine.write_text(HEADER + "Ann,Lee,https://www.linkedin.com/in/ann-lee,,Stripe,PM,05 Nov 2023\n", encoding="utf-8")
    import_source(ws, mine)
    set_person(ws, "Avery Sampleton", location="Cambridge, MA", now=NOW)  # my own location
    set_person(ws, "Ann Lee", company="Toast", now=NOW)
    mine.write_text(HEADER + "Ann,Lee,https://www.linkedin.com/in/ann-lee,,Plaid,Staff PM,05 Nov 2023\n",
                    encoding="utf-8")
    import_source(ws, mine)  # a newer export of the same list: it updates, except what I said
    assert tuple(row(ws, "p_ann")) == ("Seattle, WA", "Toast", "Staff PM")
    assert row(ws, "p_me")["location"] == "Cambridge, MA"
    kept = ws.conn.execute("SELECT imported_value FROM person_edits WHERE person_id = 'p_ann'").fetchone()[0]
    assert kept == "Plaid"
    set_person(ws, "Ann Lee", clear="company", now=NOW)
    assert row(ws, "p_ann")["company"] == "Plaid"


def test_an_edit_follows_a_merge_to_the_survivor(ws):
    set_person(ws, "p_sam2", location="Chicago, IL", now=NOW)
    merge_people(ws, "p_sam1", "p_sam2")
    assert pinned_fields(ws.conn) == {"p_sam1": {"location": "Chicago, IL"}}
    with ws.transaction() as conn:
        replay_edits(conn, NOW)
    assert row(ws, "p_sam1")["location"] == "Chicago, IL"


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({}, InputError, "Nothing to change"),
    ({"location": "   "}, InputError, "a blank value"),
    ({"location": "x" * 301}, InputError, "at most 300 characters"),
    ({"clear": ["birthday"]}, InputError, "one of location, school, company, position"),
    ({"location": "Denver", "clear": ["location"]}, InputError, "both set and cleared"),
    ({"clear": ["school"]}, NotFoundError, "Ann Lee has no school of yours to clear"),
    ({"location": 42}, InputError, "expected text"),
])
def test_bad_edits_are_refused_and_change_nothing(ws, kwargs, error, words):
    before = list(ws.conn.iterdump())
    with pytest.raises(error, match=words):
        set_person(ws, "Ann Lee", **kwargs)
    assert list(ws.conn.iterdump()) == before


def test_an_ambiguous_or_unknown_person_is_refused(ws):
    with pytest.raises(AmbiguousPersonError):
        set_person(ws, "Sam Ortiz", location="Denver")
    with pytest.raises(NotFoundError):
        set_person(ws, "Nobody Here", location="Denver")
