"""Importing parsed exports: my archive, friends' lists, contacts; all-or-nothing; re-imports."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from export_builders import count, export, person
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netanalytics.errors import AmbiguousPersonError, InputError
from netanalytics.ingest.records import SkippedRows
from netanalytics.workspace import open_workspace
from netanalytics.workspace.importer import (
    ImportSummary,
    import_parsed,
    import_source,
    relationship_from_categories,
)

TABLES = ("people", "ties", "sources", "person_sources", "identity_keys", "person_history",
          "my_profile", "my_positions", "my_education")

ME = {"first_name": "Jo", "last_name": "Doe", "headline": "Student", "location": "Boston", "summary": None,
      "industry": None, "profile_url": None}


def snapshot(ws) -> dict[str, int]:
    return {t: count(ws, t) for t in TABLES}


def my_archive(extra_rows=(), **kwargs):
    rows = [
        person("Ada", "Lovelace", url="https://www.linkedin.com/in/ada", company="Engines Ltd", position="Analyst",
               connected=date(2020, 5, 1)),
        person("Alan", "Turing", url="https://www.linkedin.com/in/alan-t", company="Bletchley"),
        person("Maya", "Chen", url="https://www.linkedin.com/in/mayachen", company="Globex"),
        *extra_rows,
    ]
    kwargs.setdefault("profile", dict(ME))
    kwargs.setdefault("positions", [{"company": "Uni", "title": "RA", "location": None,
                                     "started_on": date(2023, 1, 1), "finished_on": None}])
    kwargs.setdefault("education", [{"school": "State U", "degree": "BS", "start_on": date(2019, 1, 1),
                                     "end_on": date(2023, 1, 1)}])
    return export(rows, kind="linkedin_archive", name="Basic_LinkedInDataExport.zip", **kwargs)


def person_id(ws, name):
    return ws.conn.execute("SELECT person_id FROM people WHERE full_name = ? AND merged_into IS NULL",
                           (name,)).fetchone()[0]


def tie(ws, owner, pid):
    return ws.conn.execute("SELECT * FROM ties WHERE owner_id = ? AND person_id = ?", (owner, pid)).fetchone()


# ----------------------------------------------------------------------------- my export


def test_my_archive_creates_me_my_profile_and_ties(tmp_workspace):
    summary = import_parsed(tmp_workspace, my_archive(skipped=[SkippedRows("hidden or closed members", 2)]))
    ws = tmp_workspace
    me = ws.me_id()
    assert tuple(ws.conn.execute("SELECT full_name, company, position, location FROM people WHERE is_me = 1"
                                 ).fetchone()) == ("Jo Doe", "Uni", "RA", "Boston")
    assert count(ws, "people") == 4 and count(ws, "ties") == 3
    ada = person_id(ws, "Ada Lovelace")
    assert tie(ws, me, ada)["connected_on"] == "2020-05-01"
    assert dict(ws.conn.execute("SELECT key, value FROM my_profile").fetchall())["headline"] == "Student"
    assert tuple(ws.conn.execute("SELECT company, title, started_on, finished_on FROM my_positions").fetchone()
                 ) == ("Uni", "RA", "2023-01-01", None)
    assert ws.conn.execute("SELECT school FROM my_education").fetchone()[0] == "State U"
    assert str(summary) == (
        "Imported Basic_LinkedInDataExport.zip (my LinkedIn archive): 3 people added, 0 updated, 3 ties; "
        "skipped 2 rows (2 hidden or closed members)"
    )
    source = ws.conn.execute("SELECT * FROM sources").fetchone()
    assert source["kind"] == "linkedin_archive" and source["owner_person_id"] == me
    assert source["rows_read"] == 3 and source["summary"] == str(summary)
    assert count(ws, "person_sources") == 4  # me and my three connections
    assert ws.conn.execute("SELECT count(*) FROM identity_keys WHERE source_id IS NULL").fetchone()[0] == 0


def test_interactions_are_grouped_by_identity_and_stored_on_my_ties(tmp_workspace):
    interactions = [
        {"name": "Ada Lovelace", "messages_sent": 3, "messages_received": 2,
         "first_message_at": datetime(2024, 1, 1, 9), "last_message_at": datetime(2024, 3, 1)},
        {"name": "Ada Lovelace, MBA", "profile_url": "linkedin.com/in/ada/", "messages_sent": 1,
         "first_message_at": datetime(2023, 6, 1), "last_message_at": datetime(2023, 7, 1),
         "invitation": "outgoing", "endorsements_received": 4, "recommendations_given": 1},
        {"name": "Kim Stranger", "messages_received": 2, "last_message_at": datetime(2024, 2, 2)},
        {"name": "Invite Only", "invitation": "incoming"},
        {"name": "Endorser Only", "endorsements_received": 1},
    ]
    summary = import_parsed(tmp_workspace, my_archive(interactions=interactions))
    ws = tmp_workspace
    me = ws.me_id()
    t = tie(ws, me, person_id(ws, "Ada Lovelace"))
    assert (t["messages_sent"], t["messages_received"]) == (4, 2)
    assert t["first_message_at"] == "2023-06-01T00:00:00" and t["last_message_at"] == "2024-03-01T00:00:00"
    assert (t["invitation"], t["endorsements_received"], t["recommendations_given"]) == ("outgoing", 4, 1)
    # A person I exchange messages with but am not connected to: a person and a tie without a date.
    stranger = tie(ws, me, person_id(ws, "Kim Stranger"))
    assert stranger["connected_on"] is None and stranger["messages_received"] == 2
    # Known only from an invitation or an endorsement: not recorded, but counted.
    assert ws.conn.execute("SELECT count(*) FROM people WHERE full_name IN ('Invite Only', 'Endorser Only')"
                           ).fetchone()[0] == 0
    assert summary.message_only_ties == 1
    assert summary.skipped["person known only from an invitation or endorsement"] == 2
    assert "2 people known only from an invitation or endorsement" in str(summary)
    assert summary.ties == 4


def test_a_lone_connections_csv_without_a_profile_makes_a_placeholder_me(tmp_workspace):
    import_parsed(tmp_workspace, export([person("Ada", "Lovelace", company="X")]))
    assert tmp_workspace.conn.execute("SELECT full_name FROM people WHERE is_me = 1").fetchone()[0] == "Me"
    # My archive later fills my name in, keeping my id.
    me = tmp_workspace.me_id()
    import_parsed(tmp_workspace, my_archive())
    assert tmp_workspace.me_id() == me
    assert tmp_workspace.conn.execute("SELECT full_name FROM people WHERE is_me = 1").fetchone()[0] == "Jo Doe"


def test_my_own_row_in_my_list_is_skipped(tmp_workspace):
    profile = dict(ME, profile_url="https://www.linkedin.com/in/jodoe")
    summary = import_parsed(tmp_workspace, my_archive(
        [person("Jo", "Doe", url="https://www.linkedin.com/in/jodoe")], profile=profile))
    assert summary.skipped == {"row naming you": 1}
    assert count(tmp_workspace, "ties") == 3


# ----------------------------------------------------------------------------- friends' lists


def test_friends_list_ties_owner_to_people_and_me_to_owner(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, my_archive())
    friend_list = export([
        person("Ada", "Lovelace", company="Engines"),  # no URL: matched by name + company
        person("Alan", "Turing", company="Other Co"),  # same name, other company: a new person
        person("Zed", "Zee", url="linkedin.com/in/zed"),
        person("Jo", "Doe", company="Uni"),  # me, on my friend's list
    ], name="maya.csv")
    summary = import_parsed(ws, friend_list, owner="Maya Chen", owner_url="https://www.linkedin.com/in/mayachen",
                            relationship="Close friend")
    maya = person_id(ws, "Maya Chen")
    me = ws.me_id()
    assert tie(ws, me, maya)["relationship"] == "close-friend"
    assert tie(ws, maya, person_id(ws, "Ada Lovelace")) is not None
    assert tie(ws, maya, me) is not None
    assert ws.conn.execute("SELECT count(*) FROM people WHERE full_name = 'Alan Turing'").fetchone()[0] == 2
    assert summary.people_added == 2 and summary.ties == 4
    assert str(summary).startswith("Imported maya.csv (Maya Chen's connections): 2 people added")
    assert tuple(ws.conn.execute("SELECT owner_person_id, relationship FROM sources WHERE source_id = 2"
                                 ).fetchone()) == (maya, "close-friend")


def test_unknown_owner_is_created_and_found_by_name_next_time(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, export([person("Ada", "Lovelace")], name="a.csv"), owner="Ruth Doe", relationship="family")
    ruth = person_id(ws, "Ruth Doe")
    import_parsed(ws, export([person("Bo", "Bee")], name="b.csv"), owner="ruth doe")
    assert person_id(ws, "Ruth Doe") == ruth
    assert ws.conn.execute("SELECT count(DISTINCT owner_person_id) FROM sources").fetchone()[0] == 1
    # Before my own export, my tie to her hangs on a placeholder me.
    assert tie(ws, ws.me_id(), ruth)["relationship"] == "family"


def test_bad_relationship_lists_the_allowed_ones(tmp_workspace):
    with pytest.raises(InputError, match="family, close-friend, friend, colleague, acquaintance"):
        import_parsed(tmp_workspace, export([person("A", "B")]), owner="Maya", relationship="bestie")
    assert snapshot(tmp_workspace)["people"] == 0


def test_relationship_on_my_own_linkedin_export_is_refused(tmp_workspace):
    with pytest.raises(InputError, match="with the list's owner") as err:
        import_parsed(tmp_workspace, my_archive(), relationship="friend")
    assert err.value.param == "relationship" and "--" not in str(err.value)


def test_owner_who_is_me_is_refused(tmp_workspace):
    import_parsed(tmp_workspace, my_archive())
    with pytest.raises(InputError, match="is you"):
        import_parsed(tmp_workspace, export([person("A", "B")]), owner="Jo Doe")


def test_ambiguous_owner_name_asks_for_the_url(tmp_workspace):
    import_parsed(tmp_workspace, my_archive([person("Sam", "Lee", url="linkedin.com/in/s1", company="A"),
                                             person("Sam", "Lee", url="linkedin.com/in/s2", company="B")]))
    before = snapshot(tmp_workspace)
    with pytest.raises(AmbiguousPersonError, match="2 people"):
        import_parsed(tmp_workspace, export([person("X", "Y")]), owner="Sam Lee")
    summary = import_parsed(tmp_workspace, export([person("X", "Y")]), owner="Sam Lee",
                            owner_url="https://www.linkedin.com/in/s2")
    assert summary.owner_id == tmp_workspace.conn.execute(
        "SELECT person_id FROM identity_keys WHERE value = 'linkedin.com/in/s2'").fetchone()[0]
    assert snapshot(tmp_workspace)["people"] == before["people"] + 1


def test_owner_url_without_owner_and_blank_owner_are_refused(tmp_workspace):
    with pytest.raises(InputError, match="needs the owner's name") as err:
        import_parsed(tmp_workspace, export([person("A", "B")]), owner_url="https://www.linkedin.com/in/x")
    assert err.value.param == "owner_url"
    with pytest.raises(InputError, match="The owner name is blank") as err:
        import_parsed(tmp_workspace, export([person("A", "B")]), owner="  ")
    assert err.value.param == "owner" and "--owner" not in str(err.value)
    with pytest.raises(InputError, match="LinkedIn profile URL"):
        import_parsed(tmp_workspace, export([person("A", "B")]), owner="M", owner_url="https://example.com/m")


# ----------------------------------------------------------------------------- contacts


def test_contacts_get_relationships_from_categories(tmp_workspace):
    contacts = export([
        person("Grandma", "Doe", email="gran@example.com", categories="Family", connected=None),
        person("Pal", "One", email="pal@example.com", categories="Friends;Coworkers", connected=None),
        person("Book", "Club", categories="Book club", connected=None),
    ], kind="vcard", name="family.vcf")
    import_parsed(tmp_workspace, contacts)
    me = tmp_workspace.me_id()
    rels = {r[0]: r[1] for r in tmp_workspace.conn.execute(
        "SELECT p.full_name, t.relationship FROM ties t JOIN people p ON p.person_id = t.person_id"
        " WHERE t.owner_id = ?", (me,))}
    assert rels == {"Grandma Doe": "family", "Pal One": "friend", "Book Club": None}
    assert tuple(tmp_workspace.conn.execute("SELECT email, categories FROM people WHERE full_name = 'Grandma Doe'"
                                            ).fetchone()) == ("gran@example.com", "Family")


def test_contacts_relationship_option_wins_over_categories(tmp_workspace):
    contacts = export([person("Pal", "One", categories="Friends", connected=None)], kind="google_contacts",
                      name="contacts.csv")
    import_parsed(tmp_workspace, contacts, relationship="family")
    assert tmp_workspace.conn.execute("SELECT relationship FROM ties").fetchone()[0] == "family"


def test_contacts_with_an_owner_are_the_owners_ties(tmp_workspace):
    contacts = export([person("Aunt", "May", categories="Family", connected=None)], kind="vcard", name="m.vcf")
    import_parsed(tmp_workspace, contacts, owner="Maya Chen", relationship="friend")
    maya = person_id(tmp_workspace, "Maya Chen")
    assert tie(tmp_workspace, maya, person_id(tmp_workspace, "Aunt May"))["relationship"] == "family"
    assert tie(tmp_workspace, tmp_workspace.me_id(), maya)["relationship"] == "friend"


@pytest.mark.parametrize(("categories", "label"), [
    ("Family", "family"), ("close friends", "close-friend"), ("Friends", "friend"),
    ("Coworkers", "colleague"), ("Work", "colleague"), ("Acquaintances", "acquaintance"),
    ("* starred", None), (None, None), ("Friends, Family", "family"),
])
def test_relationship_from_categories(categories, label):
    assert relationship_from_categories(categories) == label


# ----------------------------------------------------------------------------- nothing found


def test_header_only_file_is_an_error_not_a_silent_success(tmp_workspace):
    empty = export([])
    empty.files_read = ["Connections.csv"]
    with pytest.raises(InputError, match="found no people in Connections.csv: it has a header but no rows"):
        import_parsed(tmp_workspace, empty)
    assert snapshot(tmp_workspace) == dict.fromkeys(TABLES, 0)


def test_all_hidden_rows_is_an_error_naming_the_reason(tmp_workspace):
    hidden = export([], skipped=[SkippedRows("hidden or closed members", 12)])
    with pytest.raises(InputError, match="12 hidden or closed members"):
        import_parsed(tmp_workspace, hidden)


def test_rows_with_no_name_url_or_email_count_as_skipped_and_alone_are_an_error(tmp_workspace):
    blank = person("", "", full=None)
    blank["full_name"] = None
    with pytest.raises(InputError, match="none of its 1 rows"):
        import_parsed(tmp_workspace, export([blank]))
    summary = import_parsed(tmp_workspace, export([dict(blank), person("A", "B")]))
    assert summary.skipped == {"row without a name, URL or e-mail": 1}


# ----------------------------------------------------------------------------- all or nothing


def test_a_bad_row_500_changes_nothing(tmp_workspace):
    import_parsed(tmp_workspace, my_archive())
    before = snapshot(tmp_workspace)
    rows = [person(f"P{i}", "Last", url=f"linkedin.com/in/p{i}") for i in range(600)]
    rows[499]["connected_on"] = "last tuesday"
    with pytest.raises(InputError) as err:
        import_parsed(tmp_workspace, export(rows, name="big.csv"), owner="Maya Chen")
    assert "big.csv" in str(err.value) and "line 504" in str(err.value) and "connected_on" in str(err.value)
    assert snapshot(tmp_workspace) == before


def test_a_failure_after_rows_were_written_rolls_everything_back(tmp_workspace):
    archive = my_archive([person(f"P{i}", "Last", url=f"linkedin.com/in/p{i}") for i in range(500)],
                         interactions=[{"name": "Ada Lovelace", "messages_sent": "many"}])
    with pytest.raises(InputError, match="messages_sent"):
        import_parsed(tmp_workspace, archive)
    assert snapshot(tmp_workspace) == dict.fromkeys(TABLES, 0)
    assert tmp_workspace.me_id() is None
    # The connection still works and foreign keys are back on.
    assert tmp_workspace.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# ----------------------------------------------------------------------------- re-imports


def test_reimporting_the_same_content_changes_nothing_and_says_so(tmp_workspace):
    archive = my_archive()
    import_parsed(tmp_workspace, archive)
    before = snapshot(tmp_workspace)
    again = import_parsed(tmp_workspace, archive)
    assert again.unchanged and "already imported" in str(again) and "nothing changed" in str(again)
    assert snapshot(tmp_workspace) == before

    friend = export([person("Zed", "Zee")], name="f.csv")
    import_parsed(tmp_workspace, friend, owner="Maya Chen")
    before = snapshot(tmp_workspace)
    assert import_parsed(tmp_workspace, friend, owner="Maya Chen").unchanged
    assert snapshot(tmp_workspace) == before
    # Re-importing with another relationship label updates only that label.
    relabel = import_parsed(tmp_workspace, friend, owner="Maya Chen", relationship="family")
    assert relabel.unchanged and "only your relationship to Maya Chen changed, to family" in str(relabel)
    assert tie(tmp_workspace, tmp_workspace.me_id(), person_id(tmp_workspace, "Maya Chen"))["relationship"] == "family"
    assert snapshot(tmp_workspace) == before
    # The same file shared by someone else is a different source.
    assert not import_parsed(tmp_workspace, friend, owner="Alan Turing").unchanged


def test_newer_export_updates_with_history_and_keeps_ids(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, my_archive())
    ids = dict(ws.conn.execute("SELECT full_name, person_id FROM people").fetchall())
    newer = my_archive(content="newer")
    newer.connections.loc[0, "company"] = "Analytical Engines plc"
    newer.connections.loc[0, "position"] = "Director"
    newer.positions.loc[0, "finished_on"] = date(2025, 1, 1)
    summary = import_parsed(ws, newer)
    assert summary.people_added == 0 and summary.people_updated == 1
    assert dict(ws.conn.execute("SELECT full_name, person_id FROM people").fetchall()) == ids
    ada = ids["Ada Lovelace"]
    assert tuple(ws.conn.execute("SELECT company, position FROM people WHERE person_id = ?", (ada,)).fetchone()
                 ) == ("Analytical Engines plc", "Director")
    history = ws.conn.execute("SELECT field, old_value, new_value FROM person_history WHERE person_id = ?"
                              " ORDER BY field", (ada,)).fetchall()
    assert [tuple(h) for h in history] == [("company", "Engines Ltd", "Analytical Engines plc"),
                                           ("position", "Analyst", "Director")]
    assert ws.conn.execute("SELECT finished_on FROM my_positions").fetchone()[0] == "2025-01-01"
    assert count(ws, "my_positions") == 1


def test_another_list_only_fills_blanks(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, my_archive([person("Bo", "Blank", url="linkedin.com/in/bo")]))
    friend = export([person("Ada", "Lovelace", url="https://www.linkedin.com/in/ada", company="Old Employer"),
                     person("Bo", "Blank", url="linkedin.com/in/bo", company="Filled Inc")])
    summary = import_parsed(ws, friend, owner="Maya Chen")
    assert ws.conn.execute("SELECT company FROM people WHERE full_name = 'Ada Lovelace'").fetchone()[0] == "Engines Ltd"
    assert ws.conn.execute("SELECT company FROM people WHERE full_name = 'Bo Blank'").fetchone()[0] == "Filled Inc"
    assert count(ws, "person_history") == 0
    assert summary.people_updated == 1


def test_import_source_reads_a_file_and_records_the_path_as_given(tmp_path):
    csv = tmp_path / "Connections.csv"
    csv.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                   "Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,05 Nov 2023\n"
                   ",,,,,,07 Nov 2024\n", encoding="utf-8")
    with open_workspace(tmp_path / "ws") as ws:
        summary = import_source(ws, str(csv), now="2026-01-02T03:04:05+00:00")
        assert isinstance(summary, ImportSummary) and summary.people_added == 1
        row = ws.conn.execute("SELECT path, imported_at, kind FROM sources").fetchone()
        assert tuple(row) == (str(csv), "2026-01-02T03:04:05+00:00", "connections_csv")
        assert summary.rows_skipped == 1


def test_import_source_checks_arguments_before_reading(tmp_path):
    with open_workspace(tmp_path / "ws") as ws, pytest.raises(InputError, match="relationship: expected one of"):
        import_source(ws, tmp_path / "missing.csv", owner="X", relationship="enemy")


# ----------------------------------------------------------------------------- names survive


NAME_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")


@given(names=st.lists(NAME_TEXT, min_size=1, max_size=5, unique=True))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_name_round_trips_unchanged(tmp_path_factory, names):
    ws = open_workspace(tmp_path_factory.mktemp("ws"))
    try:
        rows = [person("", "", full=n, url=f"linkedin.com/in/u{i}") for i, n in enumerate(names)]
        import_parsed(ws, export(rows, name='we,ird "name".csv'))
        stored = {r[0] for r in ws.conn.execute("SELECT full_name FROM people WHERE is_me = 0")}
        assert stored == set(names)
    finally:
        ws.close()


def test_names_with_commas_quotes_and_newlines_round_trip(tmp_workspace):
    names = ['Lee, MBA "the boss"', "Ann\nMarie O'Neil", "Zoë 👩\u200d💻 (she/her)", "王小明, PhD"]
    import_parsed(tmp_workspace, export([person("", "", full=n) for n in names]))
    stored = {r[0] for r in tmp_workspace.conn.execute("SELECT full_name FROM people WHERE is_me = 0")}
    assert stored == set(names)


def test_newer_list_without_urls_follows_a_job_change(tmp_workspace):
    # Exports before mid-2023 have no URL column: only the name says who it is.
    ws = tmp_workspace
    old = [person("Ada", "Lovelace", company="Engines"), person("Sam", "Lee", company="Acme")]
    import_parsed(ws, export(old, name="maya-2022.csv"), owner="Maya Chen")
    ids = dict(ws.conn.execute("SELECT full_name, person_id FROM people").fetchall())
    newer = [person("Ada", "Lovelace", company="Difference Engines"), person("Sam", "Lee", company="Acme")]
    summary = import_parsed(ws, export(newer, name="maya-2023.csv"), owner="Maya Chen")
    assert summary.people_added == 0 and summary.people_updated == 1
    assert dict(ws.conn.execute("SELECT full_name, person_id FROM people").fetchall()) == ids
    assert tuple(ws.conn.execute("SELECT old_value, new_value FROM person_history").fetchone()) == (
        "Engines", "Difference Engines")
    # Someone else's list naming an Ada Lovelace at yet another company is another person.
    other = import_parsed(ws, export([person("Ada", "Lovelace", company="Royal Society")], name="b.csv"),
                          owner="Bob")
    assert other.people_added == 2  # Bob, and his Ada Lovelace
    assert ws.conn.execute("SELECT count(*) FROM people WHERE full_name = 'Ada Lovelace'").fetchone()[0] == 2


def test_my_row_on_a_friends_list_imported_first_becomes_me(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, export([person("Jo", "Doe", company="Uni"), person("Zed", "Zee")], name="maya.csv"),
                  owner="Maya Chen")
    assert ws.conn.execute("SELECT count(*) FROM people WHERE full_name = 'Jo Doe'").fetchone()[0] == 1
    maya = person_id(ws, "Maya Chen")
    import_parsed(ws, my_archive())  # my current position is at Uni
    me = ws.me_id()
    assert ws.conn.execute("SELECT count(*) FROM people WHERE full_name IN ('Jo Doe', 'Me')"
                           " AND merged_into IS NULL").fetchone()[0] == 1
    assert tie(ws, maya, me) is not None  # Maya's list names me
    assert tie(ws, me, maya) is not None  # and I am tied to Maya
    assert ws.conn.execute("SELECT kind FROM identity_overrides").fetchone()[0] == "merge"


CSV_NAME = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp")),
    min_size=1, max_size=25,
).map(lambda s: " ".join(s.split())).filter(bool)


@given(names=st.lists(st.tuples(CSV_NAME, CSV_NAME), min_size=1, max_size=4, unique=True))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_names_round_trip_from_a_csv_file_through_import(tmp_path_factory, names):
    # The whole path: a Connections.csv as LinkedIn writes it (quoted as needed) -> parse -> import.
    import csv

    folder = tmp_path_factory.mktemp("csv")
    path = folder / "Connections.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
        for i, (first, last) in enumerate(names):
            writer.writerow([first, last, f"https://www.linkedin.com/in/u{i}", "", "Acme, Inc.", "", "05 Nov 2023"])
    with open_workspace(folder / "ws") as ws:
        import_source(ws, path)
        stored = [r[0] for r in ws.conn.execute(
            "SELECT p.full_name FROM identity_keys k JOIN people p USING (person_id) ORDER BY k.value")]
    assert stored == [f"{first} {last}" for first, last in names]


def test_the_import_benchmark_runs(capsys):
    # A tiny run of benchmarks/bench_import.py, so the benchmark cannot rot unnoticed.
    import importlib.util

    from netanalytics.config import REPO_DIR

    spec = importlib.util.spec_from_file_location("bench_import", REPO_DIR / "benchmarks" / "bench_import.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--rows", "300", "--repeat", "2"]) == 0
    out = capsys.readouterr().out
    assert "rows: 300" in out and "timed runs: 2" in out and "x the 1 s target" in out and "peak RSS" in out
