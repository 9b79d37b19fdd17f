"""widgets/explore.py: summary, network picture, search and import — driven without a browser."""

from __future__ import annotations

from datetime import date

import pytest
import widget_fixtures as wf

from netanalytics.widgets.explore import (
    ImportPanel,
    IndustryOf,
    NetworkPicture,
    PersonSearch,
    SummaryPanel,
    WorkspaceBanner,
    mpl_label,
    network_figure,
    path_figure,
)
from netanalytics.workspace.queries import people_frame

TODAY = date(2026, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def ws(tmp_workspace):
    return wf.build(tmp_workspace)


def _all_html(panel) -> str:
    """Every HTML value inside a composed widget."""
    import ipywidgets as widgets

    found = []

    def walk(w):
        if isinstance(w, widgets.HTML):
            found.append(w.value)
        for child in getattr(w, "children", ()):
            walk(child)

    walk(panel.widget)
    return "\n".join(found)


def test_mpl_label_neutralises_mathtext_and_newlines():
    assert mpl_label("Pay $5$\nNow") == r"Pay \$5\$ Now"
    assert len(mpl_label("x" * 100, 22)) == 22


def test_path_figure_has_one_box_per_person_and_arrow_notes():
    fig = path_figure(["You", "Maya Chen", wf.XSS], notes=["close friend", None], title="Path")
    texts = [t.get_text() for t in fig.axes[0].texts if t.get_text()]
    assert texts == ["You", "close friend", "Maya Chen", "<img src=x\nonerror=alert(1)>"]
    assert fig.axes[0].get_title(loc="left") == "Path"


def test_network_figure_places_friends_inside_and_targets_outside():
    friends = [{"person_id": "f1", "name": "Maya", "industry": "Banking", "size": 40}]
    targets = [
        {"person_id": "t1", "name": "Ada", "industry": "Financial technology", "path_ids": ["me", "f1", "t1"]},
        {"person_id": "t2", "name": "Lin", "industry": None, "path_ids": ["me", "f2", "m2", "t2"],
         "intermediaries": {"f2": {"name": "Omar"}, "m2": {"name": "Mid"}}},
        {"person_id": "f1", "name": "Maya", "industry": "Banking", "path_ids": ["me", "f1"]},
    ]  # fmt: skip
    fig = network_figure(friends, targets, title="Around me")
    ax = fig.axes[0]
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == sorted(["me", "Maya", "Omar", "Mid", "Ada", "Lin"])  # Maya once
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == ["Banking", "Financial technology"]
    assert "a friend who is also a target" in legend
    assert "other or unknown industry" in legend


def test_industry_of_agrees_with_the_people_table_and_labels(ws):
    from netanalytics.api import Network

    net = Network(ws)
    industry_of = IndustryOf(net.people)
    people = net.people.set_index("person_id")
    for pid in people.index:
        assert industry_of.key(pid) == people.loc[pid, "industry"]
    net.label_company("Quillstack Software", "manufacturing")
    assert IndustryOf(net.people).key("p_omar") == "manufacturing"
    assert IndustryOf(net.people)("p_omar") == "Manufacturing and industrial"


def test_banner_and_summary_reflect_the_workspace(ws):
    banner = WorkspaceBanner(ws)
    assert "9 people" in banner.html.value and str(ws.folder) in banner.html.value
    summary = SummaryPanel(ws)
    frame = people_frame(ws)
    assert summary.degree_counts == {1: 3, 2: 5}
    assert summary.degree_counts[1] == int((frame["degree"] == 1).sum())
    assert dict(summary.top_industries)["Financial technology"] == 5
    html = _all_html(summary)
    assert "Degree from you" in html and "Top industries" in html
    assert wf.SCRIPT_COMPANY not in html and "&lt;script&gt;alert(&quot;co&quot;)&lt;/script&gt;" in html


def test_network_picture_shows_list_owners_and_ranked_targets(ws):
    # a tie from a logged referral (a 'manual' source owned by the referrer) does not make
    # the referrer someone who shared a list
    from netanalytics.outreach.log import Referral, log_event

    log_event(ws, "p_hel", "referral_given", at="2026-03-05 10:00", referral=Referral("Rae Quill"))
    assert ws.conn.execute("SELECT count(*) FROM sources WHERE kind = 'manual'").fetchone()[0] == 1
    picture = NetworkPicture(ws, today=TODAY)
    assert picture.status.kind != "error", picture.status.message
    assert picture.industry.value == "fintech"  # the most common industry in the lists
    friends, targets = picture.items
    assert {f["person_id"] for f in friends} == {"p_maya", "p_omar"}
    assert {f["person_id"]: f["size"] for f in friends} == {"p_maya": 3, "p_omar": 3}
    assert {"p_ada", "p_xss", "p_lin"} <= {t["person_id"] for t in targets}
    assert bytes(picture.image.value).startswith(PNG)
    picture.industry.value = ""
    assert picture.items[1] == [] and bytes(picture.image.value).startswith(PNG)
    assert picture.industry.label == "(friends only)"


def test_search_finds_words_as_you_type_the_most_reachable_first(ws):
    search = PersonSearch(ws, today="2026-03-10")
    search.query.value = "ada"
    assert [m["person_id"] for m in search.matches] == ["p_ada"]
    assert search.matches[0]["ask"] == "Maya Chen" and search.matches[0]["hops"] == 2
    search.query.value = "product"  # titles are searched too; the best reachable first
    chances = [m["intro_chance"] for m in search.matches]
    assert len(chances) >= 3 and chances == sorted(chances, reverse=True)
    assert search.matches[0]["person_id"] == "p_hel" or chances[0] >= chances[-1]


def test_clicking_a_result_opens_the_card_with_every_route(ws):
    from netanalytics.api import Network

    search = PersonSearch(ws, today="2026-03-10")
    search.query.value = "ada"
    search.table.select(0)
    body = search.card.body.value
    routes = Network(ws).paths_to("p_ada", today="2026-03-10")
    assert "You → Maya Chen → Ada Lovelace" in body and "You → Omar Haddad → Ada Lovelace" in body
    # one number, one name: the intro chance (all routes) heads the card; routes have their own
    assert f"<b>Intro chance</b> {routes['intro_chance'].iloc[0]:.0%}" in body and "Route chance" in body


def test_search_by_company_and_untrusted_names_render_as_text(ws):
    search = PersonSearch(ws)
    search.query.value = "Stripe"
    assert "p_xss" in [m["person_id"] for m in search.matches]
    index = [m["person_id"] for m in search.matches].index("p_xss")
    search.table.select(index)
    assert wf.XSS not in search.card.head.value
    assert "&lt;img src=x onerror=alert(1)&gt;" in search.card.head.value


def test_search_without_matches_or_text_says_so(ws):
    search = PersonSearch(ws)
    search.query.value = "zzz nobody"
    assert search.status.kind == "info" and "Nobody in your network matches" in search.status.message
    assert search.results.layout.display == "none"
    search.query.value = "  "
    assert search.status.kind == "" and search.results.layout.display == "none"


def test_more_results_come_on_demand(ws):
    search = PersonSearch(ws, limit=1)
    search.query.value = "stripe"  # two people work at Stripe
    assert len(search.matches) == 1 and search.table.total == 2
    assert "of 2" in search.table.where.value and not search.table.next.disabled
    search.table.go(1)
    assert len(search.table.rows) == 2 and search.table.page_rows[0]["person_id"] != search.matches[0]["person_id"]


def test_import_panel_imports_through_the_importer(ws, tmp_path):
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Nia,Okoro,https://www.linkedin.com/in/nia-okoro,,Ledger Pay,Analyst,01 Mar 2024\n",
        encoding="utf-8",
    )
    panel = ImportPanel(ws)
    panel.path.value = str(csv)
    panel.owner.value = "Maya Chen"
    panel.relationship.value = "close-friend"
    panel.run()
    assert panel.status.kind == "ok", panel.status.message
    assert "Maya Chen's connections" in panel.status.message
    assert "people added" in panel.status.message and "Traceback" not in panel.status.message
    assert "Nia Okoro" in set(people_frame(ws)["name"])


@pytest.mark.parametrize("path", ["", "/nonexistent/Connections.csv"])
def test_import_panel_errors_are_readable(ws, path):
    before = len(people_frame(ws))
    panel = ImportPanel(ws)
    panel.path.value = path
    panel.run()
    assert panel.status.kind == "error"
    assert "Traceback" not in panel.status.message and panel.status.message
    assert len(people_frame(ws)) == before
    assert not panel.button.disabled


def test_import_panel_refuses_an_owner_url_that_is_not_a_profile(ws, tmp_path):
    csv = tmp_path / "Connections.csv"
    csv.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                   "Nia,Okoro,,,Ledger Pay,Analyst,01 Mar 2024\n", encoding="utf-8")
    before = len(people_frame(ws))
    panel = ImportPanel(ws)
    panel.path.value = str(csv)
    panel.owner.value = "Maya Chen"
    panel.owner_url.value = "javascript:alert(1)"
    panel.run()
    assert panel.status.kind == "error"
    assert "'Their URL': expected a LinkedIn profile URL" in panel.status.message
    assert len(people_frame(ws)) == before


def test_a_failed_import_is_a_failure_and_a_good_one_refreshes_the_views(ws, tmp_path):
    from netanalytics.widgets.explore import SummaryPanel

    summary = SummaryPanel(ws)
    panel = ImportPanel(ws)
    panel.path.value = str(tmp_path / "missing.csv")
    panel.run()
    assert panel.status.kind == "error" and "None" not in panel.status.message and panel.summary is None
    csv = tmp_path / "Connections.csv"
    csv.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                   "Nia,Okoro,https://www.linkedin.com/in/nia-okoro,,Ledger Pay,Analyst,01 Mar 2024\n",
                   encoding="utf-8")
    before = summary.summary["people"]
    panel.path.value = str(csv)
    panel.owner.value = "Maya Chen"
    panel.run()
    assert panel.status.kind == "ok" and summary.summary["people"] > before  # refreshed itself


def test_the_network_explorer_shows_you_friends_and_targets_and_selects_on_click(ws):
    from netanalytics.widgets.explore import NetworkExplorer

    explorer = NetworkExplorer(ws, industry="fintech", today="2026-03-10")
    G = explorer.graph
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert {"you", "friend"} <= kinds and ("target" in kinds or "friend and target" in kinds)
    assert G.nodes["p_ada"]["industry"] == "Financial technology" and 0 < G.nodes["p_ada"]["score"] <= 1
    assert "Product Manager" in G.nodes["p_ada"]["label"] and "Brex" in G.nodes["p_ada"]["label"]
    me = G.nodes["p_me"]
    others = [d for n, d in G.nodes(data=True) if n != "p_me"]
    assert me["x"] == (min(d["x"] for d in others) + max(d["x"] for d in others)) / 2  # you in the middle
    explorer.sigma.selected_node = "p_ada"  # what a click in the graph sets
    assert "Ada Lovelace" in explorer.selected.value and "You → Maya Chen → Ada Lovelace" in explorer.selected.value
    explorer.industry.value = ""
    assert {d["kind"] for _, d in explorer.graph.nodes(data=True)} == {"you", "friend"}
    assert explorer.industry.label == "(friends only)"


def test_coverage_panel_labels_the_biggest_unknown_company_in_one_click(ws):
    from netanalytics.widgets.explore import CoveragePanel

    with ws.transaction() as conn:
        conn.execute("UPDATE people SET company = 'Harlow & Finch' WHERE person_id IN ('p_omar', 'p_bob')")
    panel = CoveragePanel(ws)
    unknown = dict(panel.coverage["top_unknown"])
    assert unknown["Harlow & Finch"] == 2
    assert "Industry known for" in panel.text.value
    panel.label("Harlow & Finch")  # nothing chosen yet
    assert panel.status.kind == "error" and "Choose an industry" in panel.status.message
    panel.pickers["Harlow & Finch"].value = "legal"
    before = panel.coverage["known"]
    panel.label("Harlow & Finch")
    assert panel.status.kind == "ok", panel.status.message
    assert panel.coverage["known"] == before + 2
    assert "Harlow & Finch" not in dict(panel.coverage["top_unknown"])
    assert panel.coverage["by_source"]["user"] == 2


def test_coverage_panel_shows_untrusted_company_names_as_text(ws):
    from netanalytics.widgets.explore import CoveragePanel

    with ws.transaction() as conn:
        conn.execute("UPDATE people SET company = '<b>Evil</b> Corp' WHERE person_id = 'p_omar'")
    panel = CoveragePanel(ws)
    html = "".join(child.children[0].value for child in panel.rows.children)
    assert "<b>Evil</b>" not in html and "&lt;b&gt;Evil&lt;/b&gt; Corp" in html
