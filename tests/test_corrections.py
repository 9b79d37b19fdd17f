"""Merge and split: the user's corrections, and that they survive re-imports."""

from __future__ import annotations

from datetime import date

import pytest
from export_builders import count, export, person

from netanalytics.errors import InputError, NotFoundError
from netanalytics.workspace.corrections import (
    kept_apart,
    merge_people,
    set_relationship,
    split_person,
)
from netanalytics.workspace.importer import import_parsed

ME = {"first_name": "Jo", "last_name": "Doe", "headline": None, "location": None, "summary": None,
      "industry": None, "profile_url": None}


def mine(*rows, content=None):
    return export(list(rows), kind="linkedin_archive", name="archive.zip", profile=dict(ME), content=content)


def pid_of(ws, name):
    rows = ws.conn.execute("SELECT person_id FROM people WHERE full_name = ? AND merged_into IS NULL"
                           " ORDER BY created_at, person_id", (name,)).fetchall()
    return [r[0] for r in rows]


def live_people(ws):
    return ws.conn.execute("SELECT count(*) FROM people WHERE merged_into IS NULL").fetchone()[0]


@pytest.fixture
def two_records(tmp_workspace):
    """Ada from my archive (with URL) and 'A. Lovelace' from Maya's list (another URL): two records."""
    ws = tmp_workspace
    import_parsed(ws, mine(
        person("Ada", "Lovelace", url="linkedin.com/in/ada", company="Engines"),
        person("Maya", "Chen", url="linkedin.com/in/maya", company="Globex"),
    ))
    import_parsed(ws, export([person("A.", "Lovelace", url="linkedin.com/in/ada-old", company="Engines"),
                              person("Zed", "Zee", url="linkedin.com/in/zed")], name="maya.csv"),
                  owner="Maya Chen")
    keep, = pid_of(ws, "Ada Lovelace")
    other, = pid_of(ws, "A. Lovelace")
    return ws, keep, other


def test_merge_moves_everything_to_the_kept_person(two_records):
    ws, keep, other = two_records
    maya, = pid_of(ws, "Maya Chen")
    ws.conn.execute("INSERT INTO outreach_events(person_id, stage, at, created_at) VALUES (?, 'identified',"
                    " '2026-01-01', '2026-01-01')", (other,))
    ws.conn.execute("INSERT INTO person_history(person_id, field, old_value, new_value, changed_at)"
                    " VALUES (?, 'company', 'A', 'B', '2026')", (other,))
    people_before = live_people(ws)
    assert merge_people(ws, keep, other) == keep
    assert live_people(ws) == people_before - 1
    assert ws.conn.execute("SELECT merged_into FROM people WHERE person_id = ?", (other,)).fetchone()[0] == keep
    assert ws.conn.execute("SELECT count(*) FROM ties WHERE ? IN (owner_id, person_id)", (other,)).fetchone()[0] == 0
    assert ws.conn.execute("SELECT 1 FROM ties WHERE owner_id = ? AND person_id = ?", (maya, keep)).fetchone()
    keys = {r[0] for r in ws.conn.execute("SELECT value FROM identity_keys WHERE person_id = ?", (keep,))}
    assert {"linkedin.com/in/ada", "linkedin.com/in/ada-old"} <= keys
    assert ws.conn.execute("SELECT person_id FROM outreach_events").fetchone()[0] == keep
    assert ws.conn.execute("SELECT person_id FROM person_history").fetchone()[0] == keep
    assert ws.conn.execute("SELECT count(*) FROM person_sources WHERE person_id = ?", (keep,)).fetchone()[0] == 2
    override = ws.conn.execute("SELECT kind, person_id, other_id FROM identity_overrides").fetchone()
    assert tuple(override) == ("merge", keep, other)


def test_ties_to_the_same_counterpart_combine(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, mine(person("Ada", "Lovelace", url="linkedin.com/in/ada")))
    me = ws.me_id()
    ada, = pid_of(ws, "Ada Lovelace")
    ws.conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p_dup', 'Ada L', '', '')")
    ws.conn.execute("INSERT INTO ties(owner_id, person_id, messages_sent, last_message_at) VALUES (?, 'p_dup', 3,"
                    " '2025-01-01')", (me,))
    ws.conn.execute("UPDATE ties SET messages_sent = 2 WHERE person_id = ?", (ada,))
    merge_people(ws, ada, "p_dup")
    row = ws.conn.execute("SELECT messages_sent, last_message_at, connected_on FROM ties WHERE person_id = ?",
                          (ada,)).fetchone()
    assert tuple(row) == (5, "2025-01-01", "2024-01-02")
    # Undo restores both ties as they were.
    split_person(ws, ada)
    assert ws.conn.execute("SELECT messages_sent FROM ties WHERE person_id = ?", (ada,)).fetchone()[0] == 2
    assert ws.conn.execute("SELECT messages_sent FROM ties WHERE person_id = 'p_dup'").fetchone()[0] == 3


def test_merge_survives_reimporting_a_newer_list(two_records):
    ws, keep, other = two_records
    merge_people(ws, keep, other)
    people_before = live_people(ws)
    newer = export([person("A.", "Lovelace", url="https://www.linkedin.com/in/ada-old/", company="Engines 2"),
                    person("Zed", "Zee", url="linkedin.com/in/zed")], name="maya-2.csv")
    import_parsed(ws, newer, owner="Maya Chen")
    assert live_people(ws) == people_before
    assert ws.conn.execute("SELECT merged_into FROM people WHERE person_id = ?", (other,)).fetchone()[0] == keep


def test_merge_errors(two_records):
    ws, keep, other = two_records
    with pytest.raises(InputError, match="itself"):
        merge_people(ws, keep, keep)
    with pytest.raises(NotFoundError, match="p_nobody"):
        merge_people(ws, keep, "p_nobody")
    merge_people(ws, keep, other)
    with pytest.raises(InputError, match="already merged"):
        merge_people(ws, keep, other)


def test_merging_a_duplicate_of_me_into_someone_moves_me(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, mine(person("Ada", "Lovelace", url="linkedin.com/in/ada")))
    me = ws.me_id()
    ws.conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p_jo', 'Jo D', '', '')")
    merge_people(ws, "p_jo", me)
    assert ws.me_id() == "p_jo"
    with pytest.raises(InputError, match="itself"):
        merge_people(ws, ws.me_id(), ws.me_id())
    split_person(ws, "p_jo")
    assert ws.me_id() == me


def test_split_undoes_a_merge(two_records):
    ws, keep, other = two_records
    snapshot = {t: count(ws, t) for t in ("ties", "identity_keys", "person_sources")}
    merge_people(ws, keep, other)
    assert split_person(ws, keep) == [keep, other]
    assert ws.conn.execute("SELECT merged_into FROM people WHERE person_id = ?", (other,)).fetchone()[0] is None
    assert {t: count(ws, t) for t in snapshot} == snapshot
    assert ws.conn.execute("SELECT person_id FROM identity_keys WHERE value = 'linkedin.com/in/ada-old'"
                           ).fetchone()[0] == other


def test_split_a_name_match_apart_and_it_stays_apart(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, mine(person("Sam", "Lee", url="linkedin.com/in/samlee", company="Acme"),
                           person("Maya", "Chen", url="linkedin.com/in/maya")))
    friend = [person("Sam", "Lee", company="Acme Inc", connected=date(2022, 1, 1))]  # no URL: name match
    import_parsed(ws, export(friend, name="maya.csv"), owner="Maya Chen")
    sam, = pid_of(ws, "Sam Lee")
    maya, = pid_of(ws, "Maya Chen")
    assert ws.conn.execute("SELECT 1 FROM ties WHERE owner_id = ? AND person_id = ?", (maya, sam)).fetchone()

    pieces = split_person(ws, sam)
    assert len(pieces) == 2 and pieces[0] == sam
    other = pieces[1]
    assert ws.conn.execute("SELECT person_id FROM ties WHERE owner_id = ?", (maya,)).fetchone()[0] == other
    assert ws.conn.execute("SELECT profile_url FROM people WHERE person_id = ?", (other,)).fetchone()[0] is None
    assert kept_apart(ws.conn, maya) == {sam}

    # A newer export of Maya's list, with the company written another way, does not re-join them.
    people_before = live_people(ws)
    newer = [person("Sam", "Lee", company="ACME Labs", connected=date(2022, 1, 1))]
    import_parsed(ws, export(newer, name="maya-2.csv"), owner="Maya Chen")
    assert live_people(ws) == people_before
    assert ws.conn.execute("SELECT person_id FROM ties WHERE owner_id = ?", (maya,)).fetchone()[0] == other
    assert not ws.conn.execute("SELECT 1 FROM ties WHERE owner_id = ? AND person_id = ?", (maya, sam)).fetchone()


def test_merging_split_pieces_again_cancels_the_split(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, mine(person("Sam", "Lee", url="linkedin.com/in/samlee", company="Acme"),
                           person("Maya", "Chen", url="linkedin.com/in/maya")))
    import_parsed(ws, export([person("Sam", "Lee", company="Acme")], name="m.csv"), owner="Maya Chen")
    sam, = pid_of(ws, "Sam Lee")
    maya, = pid_of(ws, "Maya Chen")
    _, other = split_person(ws, sam)
    merge_people(ws, sam, other)
    assert kept_apart(ws.conn, maya) == set()


def test_split_errors(two_records):
    ws, keep, other = two_records
    with pytest.raises(InputError, match="Nothing to split"):
        split_person(ws, keep)
    with pytest.raises(NotFoundError):
        split_person(ws, "p_nobody")
    merge_people(ws, keep, other)
    with pytest.raises(InputError, match=f"split '{keep}' instead"):
        split_person(ws, other)


# ---------------------------------------------------------------- rating my tie to a person


def _my_label(ws, pid):
    me = ws.me_id()
    row = ws.conn.execute("SELECT relationship FROM ties WHERE owner_id = ? AND person_id = ?", (me, pid)).fetchone()
    return None if row is None else row[0]


def test_relationship_rates_an_existing_tie_and_survives_a_newer_archive(two_records):
    ws, keep, _ = two_records
    assert set_relationship(ws, "Ada Lovelace", "Close Friend") == (keep, None)
    assert _my_label(ws, keep) == "close-friend"
    # a newer archive (different content) lists Ada again with no label: the rating stays
    import_parsed(ws, mine(person("Ada", "Lovelace", url="linkedin.com/in/ada", company="Engines Two"),
                           content=b"newer"))
    assert _my_label(ws, keep) == "close-friend"
    assert set_relationship(ws, keep, "friend") == (keep, "close-friend")
    assert set_relationship(ws, keep, None) == (keep, "friend")
    assert _my_label(ws, keep) is None


def test_relationship_to_someone_only_a_friend_lists_adds_my_tie(two_records):
    ws, _, _ = two_records
    zed, = pid_of(ws, "Zed Zee")
    assert _my_label(ws, zed) is None and not ws.conn.execute(
        "SELECT 1 FROM ties WHERE owner_id = ? AND person_id = ?", (ws.me_id(), zed)).fetchone()
    set_relationship(ws, "linkedin.com/in/zed", "acquaintance")
    assert _my_label(ws, zed) == "acquaintance"
    source = ws.conn.execute(
        "SELECT s.kind FROM ties t JOIN sources s USING (source_id) WHERE t.owner_id = ? AND t.person_id = ?",
        (ws.me_id(), zed)).fetchone()
    assert source[0] == "manual"


def test_relationship_bad_input_changes_nothing(two_records):
    ws, keep, _ = two_records
    before = count(ws, "ties"), count(ws, "sources")
    with pytest.raises(InputError, match="one of family, close-friend"):
        set_relationship(ws, keep, "bestie")
    with pytest.raises(NotFoundError):
        set_relationship(ws, "Nobody Known", "friend")
    with pytest.raises(InputError, match="someone other than you"):
        set_relationship(ws, ws.me_id(), "family")
    assert (count(ws, "ties"), count(ws, "sources")) == before


def test_relationship_needs_my_own_export(tmp_workspace):
    with pytest.raises(InputError, match="Import your LinkedIn archive first"):
        set_relationship(tmp_workspace, "anyone", "friend")
