"""widgets/targets.py: the target form, ranked table, details, pipeline button, who to ask."""

from __future__ import annotations

from datetime import date

import pytest
import widget_fixtures as wf

from netanalytics.outreach.log import events_frame
from netanalytics.ranking import RankWeights, rank_intermediaries, rank_targets
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


def test_industry_picker_lists_the_taxonomy(ws):
    from netanalytics.recognition.taxonomy import load_taxonomy

    finder = TargetFinder(ws)
    keys = {value for _, value in finder.industry.options if value}
    assert keys == set(load_taxonomy())
    assert finder.industry.value is None and finder.detail_box.layout.display == "none"


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


def test_submit_ranks_like_the_library_and_fills_table_and_details(finder, ws):
    finder.submit()
    assert finder.status.kind == "ok", finder.status.message
    expected = rank_targets(
        ws, TargetSpec.from_mapping(finder.target_mapping()), limit=finder.limit,
        weights=finder.rank_weights(), today=TODAY,
    )  # fmt: skip
    expected = expected[expected["reachable"]]
    assert [r["person_id"] for r in finder.rows] == list(expected["person_id"])
    assert {"p_ada", "p_xss", "p_lin", "p_hel"} <= {r["person_id"] for r in finder.rows}
    assert finder.detail_box.layout.display == ""
    assert finder.pick.value == finder.rows[0]["person_id"]
    assert bytes(finder.path_image.value).startswith(PNG)
    assert finder.rows[0]["name"] in finder.details.value and "Why" in finder.details.value
    assert finder.draft.value.strip()


def test_untrusted_names_are_text_in_table_details_and_picker(finder):
    finder.submit()
    finder.pick.value = "p_xss"
    for html in (finder.table.value, finder.details.value):
        assert wf.XSS not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in finder.table.value
    assert "&lt;img src=x onerror=alert(1)&gt;" in finder.details.value
    assert any(wf.XSS in label for label, _ in finder.pick.options)  # a plain-text option


def test_direct_connections_show_direct_and_get_a_direct_message(finder):
    finder.submit()
    direct = next(r for r in finder.rows if r["person_id"] == "p_hel")
    assert direct["hops"] == 1
    assert "<td>direct</td>" in finder.table.value
    finder.pick.value = "p_hel"
    assert "Draft message" in finder.draft_label.value
    finder.pick.value = "p_lin"
    assert "Draft intro request" in finder.draft_label.value and "Omar Haddad" in finder.draft_label.value
    assert "Lin" in finder.draft.value


def test_add_to_pipeline_logs_identified_via_the_first_intermediary(finder, ws):
    finder.submit()
    finder.pick.value = "p_lin"
    finder.add_to_pipeline()
    assert finder.status.kind == "ok" and "Lin Dang" in finder.status.message
    events = events_frame(ws)
    added = events[(events["person_id"] == "p_lin") & (events["stage"] == "identified")]
    assert list(added["via_person_id"]) == ["p_omar"]


def test_an_empty_target_is_a_readable_error(ws):
    finder = TargetFinder(ws, today=TODAY)
    finder.submit()
    assert finder.status.kind == "error" and "The target is empty" in finder.status.message
    assert finder.rows == [] and not finder.submit_button.disabled


def test_a_target_nobody_matches_says_so(ws):
    finder = TargetFinder(ws, today=TODAY)
    finder.industry.value = "insurance"
    finder.submit()
    assert finder.rows == []
    assert "Nobody in your network matches" in finder.table.value
    assert finder.detail_box.layout.display == "none"


def test_add_to_pipeline_before_ranking_is_an_error(ws):
    finder = TargetFinder(ws, today=TODAY)
    finder.add_to_pipeline()
    assert finder.status.kind == "error" and "Rank first" in finder.status.message


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


def test_details_show_the_place_the_meeting_with_its_reason_and_the_path(ws, finder):
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
    finder.pick.value = "p_ada"
    html = finder.details.value
    assert "Cambridge, Massachusetts, US" in html
    assert "suggested meeting: <b>coffee</b> (both in Greater Boston (Boston and Cambridge, 4 km apart))" in html
    assert "Now: Product Manager at Brex (since 2023)" in html
    assert "2019–2023: &lt;b&gt;Consultant&lt;/b&gt; at Deloitte" in html  # escaped
    assert "Studied Economics (BA) at Tufts University, 2015–2019" in html
    finder.pick.value = "p_lin"
    assert "location unknown" in finder.details.value and "<b>unknown</b>" in finder.details.value
