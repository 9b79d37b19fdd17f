"""The graph and the tables it is built from."""

from __future__ import annotations

import pandas as pd
import pytest
from rankfixtures import ME, add_people, add_ties, me, person

from netanalytics.errors import WorkspaceError
from netanalytics.graph import (
    build_graph,
    degrees_from_me,
    load_tables,
    load_tie_table,
    people_table,
)


@pytest.fixture
def ws(tmp_workspace):
    add_people(tmp_workspace, [
        me(), person("p_f", "Fay Friend", "Bluefin Payments"), person("p_g", "Gus Guy", "Bluefin Payments"),
        person("p_h", "Hal Far"), person("p_old", "Fay F.", merged_into="p_f"), person("p_lone", "Lone Ly"),
    ])
    add_ties(tmp_workspace, [
        {"owner_id": ME, "person_id": "p_f", "relationship": "close-friend", "messages_sent": 3,
         "messages_received": 5, "last_message_at": "2026-10-02T10:00:00", "connected_on": "2020-01-05",
         "endorsements_received": 2, "invitation": "outgoing"},
        {"owner_id": "p_f", "person_id": "p_g", "connected_on": "2019-03-01"},
        {"owner_id": "p_g", "person_id": "p_f", "connected_on": "2018-03-01"},
        {"owner_id": "p_old", "person_id": "p_h"},  # asserted under a merged-away id
    ])
    with tmp_workspace.transaction() as conn:
        conn.execute("INSERT INTO sources(kind, owner_person_id, path, content_hash, relationship, imported_at)"
                     " VALUES ('connections_csv', 'p_g', 'g.csv', 'x', 'friend', '')")
    return tmp_workspace


def test_people_table_keeps_live_people_only(ws):
    people = people_table(ws)
    assert "p_old" not in set(people["person_id"])
    assert people["is_me"].sum() == 1 and people.iloc[0]["person_id"] == ME


def test_tie_table_resolves_merges_parses_dates_and_adds_shared_list_owner(ws):
    ties = load_tie_table(ws)
    pairs = set(zip(ties["owner_id"], ties["person_id"], strict=True))
    assert ("p_f", "p_h") in pairs and ("p_old", "p_h") not in pairs
    implicit = ties[(ties["owner_id"] == ME) & (ties["person_id"] == "p_g")].iloc[0]
    assert implicit["implicit"] and implicit["relationship"] == "friend"
    mine = ties[(ties["owner_id"] == ME) & (ties["person_id"] == "p_f")].iloc[0]
    assert mine["messages_received"] == 5 and mine["last_message_at"] == pd.Timestamp("2026-10-02")
    assert ties["connected_on"].dtype.kind == "M"


def test_build_graph_attributes_and_degrees(ws):
    G = build_graph(ws)
    assert set(G.nodes) == {ME, "p_f", "p_g", "p_h", "p_lone"}
    edge = G.edges["p_f", "p_g"]
    assert sorted(edge["asserted_by"]) == ["p_f", "p_g"]
    assert edge["connected_on"] == pd.Timestamp("2018-03-01")
    assert edge["shared_employer"] == "Bluefin Payments"
    mine = G.edges[ME, "p_f"]
    assert mine["relationship"] == "close-friend" and mine["messages_sent"] == 3
    assert mine["endorsements_received"] == 2 and mine["invitation"] == "outgoing"
    degrees = degrees_from_me(G)
    assert degrees == {ME: 0, "p_f": 1, "p_g": 1, "p_h": 2}
    assert "p_lone" not in degrees


def test_load_tables_needs_me(tmp_workspace):
    with pytest.raises(WorkspaceError, match="no 'me'"):
        load_tables(tmp_workspace)


def test_degrees_need_a_me_node():
    import networkx as nx

    with pytest.raises(WorkspaceError):
        degrees_from_me(nx.path_graph(3))


def test_people_with_newlines_or_separators_in_text_still_load(tmp_workspace):
    add_people(tmp_workspace, [me(), person("p_x", "Line\nBreak", "Acme\x1fCorp", "Dev\r\nOps")])
    people = people_table(tmp_workspace).set_index("person_id")
    assert people.loc["p_x", "full_name"] == "Line Break"
    assert people.loc["p_x", "company"] == "Acme Corp"
    assert people.loc["p_x", "position"] == "Dev  Ops"
