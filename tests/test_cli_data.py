"""The data commands, run in-process: import, people, merge, split, sources, summary."""

from __future__ import annotations

import argparse
import json

import pytest
import pytest_socket

from netanalytics.cli import build_parser, main

DATA_COMMANDS = ("import", "people", "set", "merge", "split", "suggest-merges", "relationship", "sources", "summary")
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture
def files(tmp_path):
    mine = tmp_path / "Connections.csv"
    mine.write_text(
        "Notes:\n\"When exporting your connection data...\"\n\n" + HEADER
        + "Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,05 Nov 2023\n"
        + "Maya,Chen,https://www.linkedin.com/in/maya,,Globex,Manager,06 Nov 2023\n"
        + ",,,,,,07 Nov 2024\n",
        encoding="utf-8",
    )
    friend = tmp_path / "maya.csv"
    friend.write_text(
        HEADER
        + "Ada,\"Lovelace, MBA\",https://www.linkedin.com/in/ada,,Engines,Analyst,05 Nov 2023\n"
        + "Zed,Zee,https://www.linkedin.com/in/zed,,\"Stripe, Inc.\",Sr. PM,01 Jan 2022\n",
        encoding="utf-8",
    )
    return {"mine": mine, "friend": friend, "ws": tmp_path / "ws"}


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_data_command_has_help_text():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    for name in DATA_COMMANDS:
        assert helps.get(name), f"{name} has no help"
        command = sub.choices[name]
        assert command.description
        for action in command._actions:
            if action.dest not in ("help",):
                assert action.help, f"{name} {action.dest} has no help"


def test_import_people_sources_summary(files, capsys):
    ws = files["ws"]
    code, out, err = run(capsys, "--workspace", ws, "import", files["mine"])
    assert code == 0, err
    assert out.startswith("Imported Connections.csv (my LinkedIn connections): 2 people added, 0 updated, "
                          "2 ties; skipped 1 row (1 hidden or closed member")
    code, out, _ = run(capsys, "--workspace", ws, "import", files["friend"], "--owner", "Maya Chen",
                       "--relationship", "close friend")
    assert code == 0 and "Maya Chen's connections" in out

    code, out, _ = run(capsys, "--workspace", ws, "people", "--format", "json")
    rows = json.loads(out)
    assert {"person_id", "name", "company", "position", "profile_url", "hops", "is_me", "sources"} <= set(rows[0])
    by_name = {r["name"]: r for r in rows}
    assert by_name["Me"]["hops"] == 0 and by_name["Me"]["is_me"] is True
    assert by_name["Zed Zee"]["hops"] == 2
    assert by_name["Ada Lovelace"]["sources"] == "my LinkedIn connections; Maya Chen's connections"
    zed = by_name["Zed Zee"]
    assert (zed["industry"], zed["industries"], zed["industry_source"]) == ("fintech", "fintech, software", "gazetteer")
    assert (zed["function"], zed["seniority"]) == ("product_management", "senior")
    assert zed["industry_reason"] == "Stripe: fintech, software, from the bundled company list"
    assert by_name["Ada Lovelace"]["industry"] is None and by_name["Ada Lovelace"]["industry_source"] is None

    code, out, _ = run(capsys, "--workspace", ws, "people", "--degree", "2", "--format", "csv")
    assert out.splitlines()[0] == ("person_id,name,company,position,hops,industry,function,seniority,"
                                   "location,place,schools,industry_source,sources")
    assert len(out.splitlines()) == 2 and "Zed Zee" in out and "product_management" in out

    code, out, _ = run(capsys, "--workspace", ws, "people", "--search", "globex", "--limit", "1")
    assert code == 0 and "Maya Chen" in out and "Zed Zee" not in out

    code, out, _ = run(capsys, "--workspace", ws, "sources", "--format", "json")
    assert [s["label"] for s in json.loads(out)] == ["my LinkedIn connections", "Maya Chen's connections"]

    code, out, _ = run(capsys, "--workspace", ws, "summary")
    assert code == 0 and "people" in out and "hidden rows skipped" in out
    assert "Industry known for 1 of 3 people (33%): 1 from the bundled company list." in out
    assert 'unknown: Engines' in out and 'netanalytics label-company "Engines" INDUSTRY' in out
    code, out, _ = run(capsys, "--workspace", ws, "summary", "--format", "json")
    assert json.loads(out)[0]["people"] == 4

    code, out, _ = run(capsys, "--workspace", ws, "import", files["mine"])
    assert code == 0 and "nothing changed" in out


def test_merge_and_split_commands(files, capsys):
    ws = files["ws"]
    run(capsys, "--workspace", ws, "import", files["mine"])
    rows = json.loads(run(capsys, "--workspace", ws, "people", "--format", "json")[1])
    ids = {r["name"]: r["person_id"] for r in rows}
    code, out, err = run(capsys, "--workspace", ws, "merge", ids["Ada Lovelace"], ids["Maya Chen"])
    assert code == 0, err
    assert "Merged" in out and f"netanalytics split {ids['Ada Lovelace']}" in out
    code, out, err = run(capsys, "--workspace", ws, "split", ids["Ada Lovelace"])
    assert code == 0 and "into 2 people" in out

    code, _, err = run(capsys, "--workspace", ws, "merge", ids["Ada Lovelace"], ids["Ada Lovelace"])
    assert code == 2 and "itself" in err and "Traceback" not in err
    code, _, err = run(capsys, "--workspace", ws, "split", "p_nobody")
    assert code == 2 and "p_nobody" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "{missing}"], "nothing at that path"),
        (["import", "{mine}", "--owner", "Maya", "--relationship", "enemy"], "--relationship: expected one of family, close-friend, friend, colleague, acquaintance, found 'enemy'"),
        (["import", "{mine}", "--owner-url", "https://www.linkedin.com/in/x"], "--owner-url needs the owner's name"),
        (["import", "{positions}"], "Connections.csv"),
        (["import", "{empty}"], "empty.csv"),
        (["import", "{header_only}"], "found no people in header.csv: it has a header but no rows"),
        (["import", "{hidden}"], "found no people in hidden.csv: every row was left out (2 hidden"),
        (["import", "{mine}", "--relationship", "friend"], "--relationship rates your tie"),
        (["people"], "No workspace"),
        (["summary"], "No workspace"),
        (["sources"], "No workspace"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(files, tmp_path, capsys, argv, message):
    positions = tmp_path / "Positions.csv"
    positions.write_text("Company Name,Title,Description,Location,Started On,Finished On\nAcme,Eng,,,Mar 2021,\n")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    (tmp_path / "header.csv").write_text(HEADER)
    (tmp_path / "hidden.csv").write_text(HEADER + ",,,,,,05 Nov 2023\n,,,,,,06 Nov 2023\n")
    paths = {"missing": tmp_path / "nope.zip", "mine": files["mine"], "positions": positions, "empty": empty,
             "header_only": tmp_path / "header.csv", "hidden": tmp_path / "hidden.csv"}
    code, _, err = run(capsys, "--workspace", files["ws"], *[a.format(**paths) for a in argv])
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert not (files["ws"] / "netanalytics.sqlite").exists()  # nothing created, nothing changed


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["people", "--degree", "-1"], "from 0 to 10,000,000"),
        (["people", "--limit", "many"], "expected a whole number"),
        (["merge", "p_a"], "required"),
        (["import"], "required"),
    ],
)
def test_usage_errors_exit_2(files, capsys, argv, message):
    with pytest.raises(SystemExit) as exc:
        main(["--workspace", str(files["ws"]), *argv])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_import_and_listing_work_with_the_network_disabled(files, capsys):
    pytest_socket.disable_socket()
    try:
        assert run(capsys, "--workspace", files["ws"], "import", files["mine"])[0] == 0
        assert run(capsys, "--workspace", files["ws"], "people", "--format", "json")[0] == 0
        assert run(capsys, "--workspace", files["ws"], "summary")[0] == 0
    finally:
        pytest_socket.enable_socket()


def test_relationship_rates_my_tie_and_the_ranking_uses_it(files, capsys):
    ws = files["ws"]
    run(capsys, "--workspace", ws, "import", files["mine"])
    run(capsys, "--workspace", ws, "import", files["friend"], "--owner", "Maya Chen")

    def chance_via_maya():
        code, out, err = run(capsys, "--workspace", ws, "paths", "Zed Zee", "--format", "json")
        assert code == 0, err
        return json.loads(out)[0]["route_chance"]

    before = chance_via_maya()
    code, out, err = run(capsys, "--workspace", ws, "relationship", "Maya Chen", "close-friend")
    assert code == 0, err
    assert out.startswith("Your tie to Maya Chen is now rated close-friend")
    assert chance_via_maya() > before

    code, out, err = run(capsys, "--workspace", ws, "relationship", "Maya Chen", "bestie")
    assert code == 2 and "expected one of family, close-friend" in err and "Traceback" not in err
    code, out, err = run(capsys, "--workspace", ws, "relationship", "Maya Chen")
    assert code == 2 and "--clear" in err
    code, out, err = run(capsys, "--workspace", ws, "relationship", "Maya Chen", "--clear")
    assert code == 0 and "no longer rated (was close-friend)" in out


def test_suggest_merges_lists_candidates_with_the_merge_command(files, tmp_path, capsys):
    ws = files["ws"]
    run(capsys, "--workspace", ws, "import", files["mine"])
    old = tmp_path / "maya-2019.csv"
    old.write_text("First Name,Last Name,Email Address,Company,Position,Connected On\n"
                   "Ada,Lovelace,,Babbage Analytical,Intern,05 Nov 2019\n", encoding="utf-8")
    run(capsys, "--workspace", ws, "import", old, "--owner", "Maya Chen")
    code, out, err = run(capsys, "--workspace", ws, "suggest-merges")
    assert code == 0, err
    assert "Ada Lovelace" in out and "netanalytics merge p_" in out and "1 candidate pairs" in out
    code, out, err = run(capsys, "--workspace", ws, "suggest-merges", "--format", "json")
    (pair,) = json.loads(out)
    assert (pair["keep_company"], pair["other_company"]) == ("Engines", "Babbage Analytical")
    code, out, err = run(capsys, "--workspace", ws, "merge", pair["keep_id"], pair["other_id"])
    assert code == 0, err
    code, out, err = run(capsys, "--workspace", ws, "suggest-merges")
    assert out.startswith("No likely duplicates")


def test_label_company_wins_survives_reimport_and_clears(files, capsys):
    ws = files["ws"]
    run(capsys, "--workspace", ws, "import", files["mine"])
    code, out, err = run(capsys, "--workspace", ws, "label-company", "Globex Corp.", "consulting", "software")
    assert code == 0, err
    assert out.startswith("Globex Corp. is now consulting, software, in every ranking")

    def maya():
        rows = json.loads(run(capsys, "--workspace", ws, "people", "--format", "json")[1])
        return next(r for r in rows if r["name"] == "Maya Chen")

    assert (maya()["industry"], maya()["industry_source"]) == ("consulting", "user")
    assert maya()["industry_reason"] == "Globex: consulting, software, from your own label"
    run(capsys, "--workspace", ws, "import", files["friend"], "--owner", "Maya Chen")
    run(capsys, "--workspace", ws, "import", files["mine"])
    assert maya()["industry_source"] == "user"
    code, out, _ = run(capsys, "--workspace", ws, "labels", "--format", "json")
    assert [(r["company"], r["industries"]) for r in json.loads(out)] == [("Globex Corp.", "consulting, software")]
    code, out, _ = run(capsys, "--workspace", ws, "rank", "--industry", "consulting", "--format", "json")
    assert code == 0 and [r["name"] for r in json.loads(out)] == ["Maya Chen"]

    code, out, _ = run(capsys, "--workspace", ws, "label-company", "GLOBEX", "--clear")
    assert code == 0 and "is gone" in out
    assert maya()["industry"] is None


@pytest.mark.parametrize(("argv", "message"), [
    (["label-company", "Globex", "fintek"], "Did you mean fintech"),
    (["label-company", "Globex"], "one or more INDUSTRY keys"),
    (["label-company", "Globex", "--clear"], "has no label of yours"),
    (["label-company", "   ", "fintech"], "expected a company name"),
    (["label-company", "Globex", "fintech", "--clear"], "industries or --clear"),
])
def test_label_company_refuses_bad_input_clearly(files, capsys, argv, message):
    ws = files["ws"]
    run(capsys, "--workspace", ws, "import", files["mine"])
    code, _, err = run(capsys, "--workspace", ws, *argv)
    assert code == 2 and message in err and "Traceback" not in err


# --------------------------------------------------------------------------- saved profiles and `set`


def _profiles(folder):
    from pdf_builders import sample_profile, write_profile_pdf

    ada = sample_profile(name="Ada Lovelace", profile_url="https://www.linkedin.com/in/ada", email="ada@example.com",
                         location="Cambridge, Massachusetts, United States")
    zoe = sample_profile(name="Zoë Quist", profile_url="https://www.linkedin.com/in/zoe-quist",
                         email="zoe@example.com", location="Greater Seattle Area")
    write_profile_pdf(ada, folder / "ada.pdf")
    write_profile_pdf(zoe, folder / "zoe.pdf")
    return folder


def test_import_a_folder_of_saved_profiles_then_people_json_has_places_and_schools(files, tmp_path, capsys):
    ws = files["ws"]
    assert run(capsys, "--workspace", ws, "import", files["mine"])[0] == 0
    code, out, err = run(capsys, "--workspace", ws, "import", _profiles(tmp_path / "saved"))
    assert code == 0, err
    assert out.strip() == "Imported saved (saved LinkedIn profiles): 2 profiles read, 1 person added, 1 updated"
    code, out, _ = run(capsys, "--workspace", ws, "people", "--format", "json")
    rows = {r["name"]: r for r in json.loads(out)}
    ada = rows["Ada Lovelace"]
    assert ada["location"] == "Cambridge, Massachusetts, United States"
    assert ada["place"] == "Cambridge, Massachusetts, US"
    assert ada["schools"] == ["University of Washington", "Eastbrook University"]
    assert rows["Zoë Quist"]["hops"] is None and rows["Zoë Quist"]["place"] == "Greater Seattle Area, US"
    assert rows["Maya Chen"]["schools"] == [] and rows["Maya Chen"]["place"] is None


def test_import_of_a_bad_pdf_exits_2_names_the_file_and_writes_nothing(files, tmp_path, capsys):
    from pdf_builders import image_pdf_bytes

    ws = files["ws"]
    run(capsys, "--workspace", ws, "import", files["mine"])
    folder = _profiles(tmp_path / "saved")
    (folder / "scan.pdf").write_bytes(image_pdf_bytes())
    code, out, err = run(capsys, "--workspace", ws, "import", folder)
    assert code == 2 and out == ""
    assert "1 of 3 PDF files could not be read, so none was imported: scan.pdf in " in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "--workspace", ws, "sources", "--format", "json")
    assert [s["kind"] for s in json.loads(out)] == ["connections_csv"]


def test_set_then_clear_a_persons_location_school_company_and_position(files, capsys):
    ws = files["ws"]
    run(capsys, "--workspace", ws, "import", files["mine"])
    code, out, err = run(capsys, "--workspace", ws, "set", "Ada Lovelace", "--location", "Somerville, MA",
                         "--school", "UC Berkeley", "--company", "Stripe", "--position", "Staff Engineer")
    assert code == 0, err
    assert out.startswith("Ada Lovelace: location Somerville, MA; studied at UC Berkeley; company Stripe (was Engines); "
                          "position Staff Engineer (was Analyst). Your word wins over every import")
    assert 'undo with: netanalytics set "Ada Lovelace" --clear location --clear school --clear company' in out
    code, out, _ = run(capsys, "--workspace", ws, "people", "--search", "ada", "--format", "json")
    ada = json.loads(out)[0]
    assert (ada["company"], ada["place"], ada["schools"]) == ("Stripe", "Somerville, Massachusetts, US", ["UC Berkeley"])
    # a re-import changes nothing I said
    run(capsys, "--workspace", ws, "import", files["mine"])
    code, out, err = run(capsys, "--workspace", ws, "set", "Ada Lovelace", "--clear", "company", "--clear", "school")
    assert code == 0, err
    assert out.startswith("Ada Lovelace: company Engines (was Stripe); school cleared (was UC Berkeley).")


def test_set_refuses_bad_input_with_exit_2(files, capsys):
    ws = files["ws"]
    run(capsys, "--workspace", ws, "import", files["mine"])
    code, _, err = run(capsys, "--workspace", ws, "set", "Ada Lovelace")
    assert code == 2 and "Nothing to change" in err
    code, _, err = run(capsys, "--workspace", ws, "set", "Ada Lovelace", "--clear", "birthday")
    assert code == 2 and "--clear: expected one of location, school, company, position, found 'birthday'" in err
    code, _, err = run(capsys, "--workspace", ws, "set", "Nobody", "--location", "Boston")
    assert code == 2 and "No person named 'Nobody'" in err
