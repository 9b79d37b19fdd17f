"""The rank, intermediaries, paths and industries commands, in-process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rankfixtures import ME, add_people, add_ties, me, person

from netanalytics.cli import main

FIELDS = {"person_id", "name", "company", "position", "profile_url", "score", "intro_chance", "fit", "hops", "path",
          "via", "meeting", "why"}


@pytest.fixture
def ws(tmp_workspace):
    add_people(tmp_workspace, [
        me(location="Boston, MA"), person("p_a", "Ann Adams", "Library", "Librarian", "Boston"),
        person("p_t", "Tess One", "Stripe", "Product Manager", "Boston, Massachusetts",
               profile_url="linkedin.com/in/tess-one"),
        person("p_u", "Uma Far", "Plaid", "Product Manager", "Chicago"),
    ])
    add_ties(tmp_workspace, [{"owner_id": ME, "person_id": "p_a", "relationship": "close-friend",
                              "messages_sent": 7, "messages_received": 7, "last_message_at": "2026-10-03"},
                             {"owner_id": "p_a", "person_id": "p_t"}])
    with tmp_workspace.transaction() as conn:
        conn.execute("INSERT INTO my_profile(key, value) VALUES ('location', 'Boston, Massachusetts')")
    return str(tmp_workspace.folder)


def _json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_rank_json_rows(ws, capsys):
    rows = _json(capsys, "--workspace", ws, "rank", "--industry", "fintech", "--title", "product manager",
                 "--today", "2026-11-20", "--format", "json")
    assert [r["name"] for r in rows] == ["Tess One", "Uma Far"]
    tess, uma = rows
    assert set(tess) >= FIELDS
    assert tess["path"] == "You → Ann Adams → Tess One" and tess["via"] == "Ann Adams" and tess["hops"] == 2
    assert tess["meeting"] == "coffee" and tess["profile_url"] == "https://www.linkedin.com/in/tess-one"
    assert tess["why"].startswith("Ann Adams (close friend, 14 messages, last in October 2026")
    assert "suggest coffee: both in Boston" in tess["why"]
    assert tess["place"] == "Boston, Massachusetts, US" and tess["meeting_reason"] == "both in Boston"
    assert uma["reachable"] is False and uma["via"] is None and uma["hops"] is None and uma["meeting"] == "video"
    assert uma["meeting_reason"] == "Boston and Chicago are 1368 km apart"


def test_rank_json_meeting_is_unknown_not_video_when_a_place_is_unknown(ws, capsys):
    import netanalytics as na

    with na.open(ws) as net, net.ws.transaction() as conn:
        conn.execute("UPDATE people SET location = NULL WHERE person_id = 'p_u'")
    rows = _json(capsys, "--workspace", ws, "rank", "--industry", "fintech", "--today", "2026-11-20",
                 "--format", "json")
    uma = next(r for r in rows if r["name"] == "Uma Far")
    assert uma["meeting"] == "unknown" and uma["place"] is None
    assert uma["meeting_reason"] == "their location is unknown — ask where they are"
    assert {r["meeting"] for r in rows} <= {"coffee", "video", "unknown"}


def test_rank_table_and_csv(ws, capsys):
    assert main(["--workspace", ws, "rank", "--company", "Stripe", "--top", "1"]) == 0
    out = capsys.readouterr()
    assert "Tess One" in out.out and "Uma" not in out.out and "Warm introductions for company" in out.err
    assert main(["--workspace", ws, "rank", "--industry", "fintech", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("name,company,position,score,intro_chance")


def test_intermediaries_and_paths(ws, capsys):
    rows = _json(capsys, "--workspace", ws, "intermediaries", "--industry", "fintech", "--format", "json")
    assert rows[0]["name"] == "Ann Adams" and rows[0]["targets"] == 1
    paths = _json(capsys, "--workspace", ws, "paths", "Tess One", "--format", "json")
    assert paths[0]["path"] == "You → Ann Adams → Tess One" and paths[0]["route"] == 1
    assert paths[0]["intro_chance"] >= paths[0]["route_chance"]
    assert main(["--workspace", ws, "paths", "p_u"]) == 0
    assert "No path to Uma Far" in capsys.readouterr().err


def test_industries_lists_taxonomy(capsys):
    rows = _json(capsys, "industries", "--format", "json")
    assert len(rows) >= 30 and {"industry", "label", "company_keywords"} <= set(rows[0])


@pytest.mark.parametrize("argv,message", [
    (["rank"], "target is empty"),
    (["rank", "--industry", "fintek"], "Did you mean fintech"),
    (["rank", "--title", "x", "--max-hops", "5"], "--max-hops: expected a whole number from 1 to 3"),
    (["rank", "--title", "x", "--today", "soon"], "--today"),
    (["paths", "Nobody Here"], "No person named"),
])
def test_bad_input_exits_2_with_a_message(ws, capsys, argv, message):
    assert main(["--workspace", ws, *argv]) == 2
    assert message in capsys.readouterr().err


def test_missing_workspace_is_a_clear_error(tmp_path, capsys):
    assert main(["--workspace", str(tmp_path / "none"), "rank", "--title", "x"]) == 2
    assert "No workspace" in capsys.readouterr().err


def test_rank_path_does_not_import_charts_or_widgets(ws):
    code = (
        "import sys, io, contextlib\n"
        "from netanalytics.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['--workspace', {ws!r}, 'rank', '--title', 'pm'])\n"
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'networkx') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_paths_to_myself_is_a_clear_error(ws, capsys):
    assert main(["--workspace", ws, "paths", "p_me"]) == 2
    assert "is you" in capsys.readouterr().err


def test_hit_rates_lists_each_intermediary_from_the_log(ws, capsys):
    assert main(["--workspace", ws, "hit-rates"]) == 0
    assert "No introductions asked for yet" in capsys.readouterr().out
    for argv in (["p_t", "intro_requested", "--via", "p_a", "--at", "2026-10-01 09:00"],
                 ["p_t", "intro_made", "--via", "p_a", "--at", "2026-10-03 09:00"],
                 ["p_u", "intro_requested", "--via", "p_a", "--at", "2026-10-05 09:00"],
                 ["p_u", "no_response", "--at", "2026-10-20 09:00"]):
        assert main(["--workspace", ws, "log", *argv]) == 0
    capsys.readouterr()
    (row,) = _json(capsys, "--workspace", ws, "hit-rates", "--today", "2026-11-20", "--format", "json")
    assert (row["name"], row["asked"], row["succeeded"], row["failed"], row["rate"]) == ("Ann Adams", 2, 1, 1, 0.5)
    assert 0 < row["posterior_mean"] < 1


def test_function_and_seniority_targets_read_titles(tmp_workspace, capsys):
    add_people(tmp_workspace, [
        me(), person("p_a", "Ann Adams", "Stripe", "Sr. PM"), person("p_b", "Ben Brown", "Stripe", "Head of Product"),
        person("p_c", "Cy Clark", "Stripe", "Product Marketing Manager"),
        person("p_d", "Di Dunn", "Siemens", "Produktmanagerin"),
    ])
    add_ties(tmp_workspace, [{"owner_id": ME, "person_id": p} for p in ("p_a", "p_b", "p_c", "p_d")])
    ws = str(tmp_workspace.folder)
    rows = _json(capsys, "--workspace", ws, "rank", "--function", "product_management", "--format", "json")
    assert {r["name"] for r in rows} == {"Ann Adams", "Ben Brown", "Di Dunn"}
    rows = _json(capsys, "--workspace", ws, "rank", "--function", "Product Management", "--seniority", "director",
                 "--format", "json")
    assert rows[0]["name"] == "Ben Brown" and rows[0]["fit"] == 1.0
    assert "'Head of Product' " in rows[0]["why"]
    rows = _json(capsys, "--workspace", ws, "rank", "--title", "product manager", "--format", "json")
    assert [r["name"] for r in rows if r["fit"] >= 0.9] and "Cy Clark" not in {r["name"] for r in rows}


def test_functions_lists_both_vocabularies(capsys):
    rows = _json(capsys, "functions", "--format", "json")
    functions = [r["key"] for r in rows if r["kind"] == "function"]
    levels = [r["key"] for r in rows if r["kind"] == "seniority"]
    assert len(functions) == 26 and "product_management" in functions
    assert levels == ["unpaid", "training", "entry", "senior", "manager", "director", "vp", "cxo", "partner", "owner"]


@pytest.mark.parametrize(("flag", "value", "message"), [
    ("--function", "wizardry", "--function: expected one of accounting"),
    ("--seniority", "junior-ish", "--seniority: expected one of unpaid"),
])
def test_unknown_function_or_level_is_refused(ws, capsys, flag, value, message):
    assert main(["--workspace", ws, "rank", flag, value]) == 2
    assert message in capsys.readouterr().err
