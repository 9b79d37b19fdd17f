"""widgets/targets.py: the target form, ranked table, details, pipeline button, who to ask."""

from __future__ import annotations

from datetime import date

import pytest
import widget_fixtures as wf

from netanalytics.outreach.log import events_frame
from netanalytics.ranking import RankWeights, rank_intermediaries
from netanalytics.scoring.target import TargetSpec
from netanalytics.widgets.targets import TargetFinder, WhoToAsk

TODAY = date(2026, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def ws(tmp_workspace):
    return wf.build(tmp_workspace)


@pytest.fixture
def finder(ws):
    finder = TargetFinder(ws, today=TODAY)
    finder.industry.value = "fintech"
    finder.titles.value = ["product manager"]
    return finder


def test_industry_picker_lists_the_taxonomy_and_any_is_a_real_choice(ws):
    from netanalytics.recognition.taxonomy import load_taxonomy

    finder = TargetFinder(ws)
    keys = {value for _, value in finder.industry.options if value}
    assert keys == set(load_taxonomy())
    # "(any)" is a value of its own: choosing it never blanks the picker (a None value did)
    assert finder.industry.value == "" and finder.industry.label == "(any)"
    finder.industry.value = "fintech"
    finder.industry.value = ""
    assert finder.industry.index == 0 and finder.industry.label == "(any)"
    assert finder.results.layout.display == "none"


def test_form_becomes_the_same_target_as_the_cli_flags(finder):
    finder.companies.value = ["Ledger Pay"]
    finder.location.value = "  Seattle "
    finder.weights["titles"].value = 1.5
    mapping = finder.target_mapping()
    assert mapping == {
        "industries": ["fintech"], "companies": ["Ledger Pay"], "titles": ["product manager"],
        "locations": ["Seattle"], "weights": {"industries": 1.0, "titles": 1.5},
    }  # fmt: skip
    assert TargetSpec.from_mapping(mapping).fit_weights()["titles"] == 1.5
    finder.weights["affinity"].value = 0.5
    assert finder.rank_weights() == RankWeights(affinity=0.5, novelty=RankWeights().novelty)


def test_function_and_seniority_pickers_offer_linkedins_vocabularies_and_join_the_target(finder):
    from netanalytics.recognition.titles import FUNCTIONS, SENIORITIES

    assert [key for _, key in finder.functions.options] == list(FUNCTIONS)
    assert [key for _, key in finder.seniority.options] == list(SENIORITIES)
    finder.functions.value = ("product_management",)
    finder.seniority.value = ("senior", "director")
    mapping = finder.target_mapping()
    assert mapping["functions"] == ["product_management"] and mapping["seniority"] == ["senior", "director"]
    spec = TargetSpec.from_mapping(mapping)
    assert spec.functions == ("product_management",) and spec.seniority == ("senior", "director")


def test_submit_ranks_like_the_front_door_and_fills_the_grid(finder, ws):
    import netanalytics as na

    finder.submit()
    assert finder.status.kind == "ok", finder.status.message
    expected = na.Network(ws).rank(target=TargetSpec.from_mapping(finder.target_mapping()), top=finder.limit,
                                   weights=finder.rank_weights(), today=TODAY)
    assert [r["person_id"] for r in finder.rows] == list(expected["person_id"])
    assert {"p_ada", "p_xss", "p_lin", "p_hel"} <= {r["person_id"] for r in finder.rows}
    # the same numbers as the front door, in the grid's data
    grid = finder.table.grid.data
    assert list(grid["Intro chance"]) == list(expected["intro_chance"][: len(grid)])
    assert finder.results.layout.display == "" and finder.card.widget.layout.display == "none"
    assert "Intro chance" in finder.explain.value and "Score" in finder.explain.value


def test_clicking_a_row_opens_its_card_with_path_reasons_draft_and_history(finder):
    finder.submit()
    row = finder.table.select(0)
    card = finder.card
    assert card.widget.layout.display == "" and card.person_id == row["person_id"]
    assert row["name"] in card.head.value and "Best path" in card.body.value and "Why" in card.body.value
    assert card.draft.value.strip() and "History" in card.history.value
    assert "<b>Where</b>" in card.profile.value and "Their path" not in card.profile.value  # no profile saved
    card.show_prep()
    assert card.prep.value.startswith("# Prep")


def test_untrusted_names_are_text_in_the_card_and_data_in_the_grid(finder):
    finder.submit()
    index = next(i for i, r in enumerate(finder.table.page_rows) if r["person_id"] == "p_xss")
    finder.table.select(index)
    for html in (finder.card.head.value, finder.card.body.value):
        assert wf.XSS not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in finder.card.head.value
    assert wf.XSS in list(finder.table.grid.data["Name"])  # drawn as text on a canvas


def test_direct_connections_say_so_and_get_a_direct_message(finder):
    finder.submit()
    direct = next(r for r in finder.rows if r["person_id"] == "p_hel")
    assert direct["hops"] == 1 and direct["ask"] == "you know them"
    finder.open_card(direct)
    assert finder.card.draft.value.startswith("Subject:") and "introduce" not in finder.card.draft.value.lower()
    lin = next(r for r in finder.rows if r["person_id"] == "p_lin")
    finder.open_card(lin)
    assert "Omar" in finder.card.draft.value and "Lin" in finder.card.draft.value


def test_add_to_pipeline_logs_identified_via_the_first_intermediary_once(finder, ws):
    finder.submit()
    finder.open_card(next(r for r in finder.rows if r["person_id"] == "p_dollar"))
    finder.add_to_pipeline()
    assert finder.card.status.kind == "ok" and "Pay $5$ Now" in finder.card.status.message
    finder.add_to_pipeline()  # a second click adds nothing, and says so
    assert finder.card.status.kind == "info" and "already in your pipeline" in finder.card.status.message
    events = events_frame(ws)
    added = events[(events["person_id"] == "p_dollar") & (events["stage"] == "identified")]
    assert list(added["via_person_id"]) == ["p_maya"]
    assert next(r for r in finder.rows if r["person_id"] == "p_dollar")["in_pipeline"]


def test_filters_hide_the_pipeline_and_direct_ties_and_keep_companies_strictly(finder):
    finder.submit()
    table = finder.table
    everyone = len(table.visible)
    hide_pipeline, hide_direct = table.filters
    hide_pipeline.box.value = True  # p_ada and p_lin are in the log already
    assert {"p_ada", "p_lin"}.isdisjoint(r["person_id"] for r in table.visible)
    hide_direct.box.value = True
    assert all(r["hops"] != 1 for r in table.visible) and len(table.visible) < everyone
    hide_pipeline.box.value = hide_direct.box.value = False
    table.company.value = "stripe"
    assert {r["company"] for r in table.visible} == {"Stripe"}
    table.company.value = "Strip"  # strict: a whole company name, not a part of one
    assert table.visible == [] and "hidden by the filters" in table.where.value


def test_sorting_orders_every_row_not_only_a_page(finder):
    finder.submit()
    finder.table.page_size = 2
    names = [label for label, _, _ in finder.table.sorts]
    finder.table.sort.value = names.index("name")
    from netanalytics.identity.normalize import company_key

    keys = [company_key(r["name"]) for r in finder.table.visible]
    assert keys == sorted(keys) and len(finder.table.page_rows) == 2


def test_export_writes_the_visible_rows_privately(finder, tmp_path):
    import csv
    import os

    finder.submit()
    finder.table.export_folder = tmp_path
    finder.table.filters[1].box.value = True
    path = finder.table.export()
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    rows = list(csv.DictReader(path.open()))
    assert len(rows) == len(finder.table.visible) and "Intro chance" in rows[0]
    assert "<a href" in finder.table.status.html.value


def test_an_empty_form_is_refused_in_the_forms_words_and_the_error_goes_when_it_changes(ws):
    finder = TargetFinder(ws, today=TODAY)
    finder.submit()
    assert finder.status.kind == "error" and "choose an industry" in finder.status.message
    assert "--" not in finder.status.message and "school" not in finder.status.message
    assert finder.rows == [] and not finder.submit_button.disabled
    finder.industry.value = "fintech"
    assert finder.status.kind == ""


def test_a_target_nobody_matches_says_so(ws):
    finder = TargetFinder(ws, today=TODAY)
    finder.industry.value = "insurance"
    finder.submit()
    assert finder.rows == []
    assert "Nobody in your network matches" in finder.table.where.value


def test_add_to_pipeline_before_opening_a_card_is_an_error(ws):
    finder = TargetFinder(ws, today=TODAY)
    finder.add_to_pipeline()
    assert finder.card.status.kind == "error" and "Pick a row first" in finder.card.status.message


def test_who_to_ask_follows_the_finder(finder, ws):
    who = WhoToAsk(finder)
    assert who.rows == [] and "Rank a target above" in who.table.value
    finder.submit()
    expected = rank_intermediaries(
        ws, TargetSpec.from_mapping(finder.target_mapping()), limit=who.limit, today=TODAY,
        weights=finder.rank_weights(),
    )  # fmt: skip
    assert [r["person_id"] for r in who.rows] == list(expected["person_id"])
    assert who.rows[0]["person_id"] == "p_maya"
    assert "Maya Chen" in who.table.value and "Your tie and track record" in who.table.value
    assert wf.XSS not in who.table.value


def test_logging_the_same_stage_twice_asks_before_the_second(finder, ws):
    finder.submit()
    finder.open_card(next(r for r in finder.rows if r["person_id"] == "p_hel"))
    finder.card.stage.value = "outreach_sent"
    finder.card.act("log")
    assert finder.card.status.kind == "ok" and "outreach sent" in finder.card.status.message
    finder.card.act("log")  # a double click: asked, not logged
    assert finder.card.status.kind == "info" and "Press Log again" in finder.card.status.message
    assert list(events_frame(ws).query("person_id == 'p_hel'")["stage"]) == ["outreach_sent"]
    finder.card.act("log")  # meant it
    assert list(events_frame(ws).query("person_id == 'p_hel'")["stage"]) == ["outreach_sent"] * 2


def test_the_card_shows_the_place_the_meeting_with_its_reason_and_the_path(ws, finder):
    from netanalytics.ingest.profile_pdf import Education, Experience, ProfileRecord, YearMonth
    from netanalytics.workspace.edits import set_person
    from netanalytics.workspace.profiles import store_profile
    from netanalytics.workspace.rows import insert_source

    set_person(ws, "p_me", location="Boston, MA")
    set_person(ws, "p_ada", location="Cambridge, Massachusetts, United States")
    source = insert_source(ws.conn, kind="profile_pdf", owner_person_id="p_me", path="ada.pdf",
                           content_hash="h", imported_at="2026-03-01T00:00:00+00:00")
    store_profile(ws.conn, "p_ada", source, ProfileRecord(
        name="Ada Lovelace",
        experiences=(Experience("Brex", "Product Manager", YearMonth(2023, 5), None),
                     Experience("Deloitte", "<b>Consultant</b>", YearMonth(2019, 9), YearMonth(2023, 4))),
        education=(Education("Tufts University", "BA", "Economics", 2015, 2019),),
    ), "2026-03-01T00:00:00+00:00")
    finder.submit()
    finder.open_card(next(r for r in finder.rows if r["person_id"] == "p_ada"))
    html = finder.card.profile.value
    assert "Cambridge, Massachusetts, US" in html
    assert "<b>Meeting</b>: coffee" in html
    assert "· both in Greater Boston (Boston and Cambridge, 4 km apart)" in html
    assert "Now: Product Manager at Brex (since 2023)" in html
    assert "2019–2023: &lt;b&gt;Consultant&lt;/b&gt; at Deloitte" in html  # escaped
    assert "Studied Economics (BA) at Tufts University, 2015–2019" in html
    finder.open_card(next(r for r in finder.rows if r["person_id"] == "p_lin"))
    html = finder.card.profile.value
    assert "<b>Where</b>: unknown" in html and "<b>Meeting</b>: unknown" in html
    assert "· their location is unknown — ask where they are" in html
    assert "save their LinkedIn profile as a PDF" in html
