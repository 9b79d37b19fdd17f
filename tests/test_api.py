"""The front door: na.open(path) and the Network's flat frames, one definition per number."""

from __future__ import annotations

import pandas as pd
import pytest
from rankfixtures import ME, add_events, add_people, add_ties, me, person

import netanalytics as na
from netanalytics.api import DEFINITIONS, RANK_COLUMNS, ROUTE_COLUMNS
from netanalytics.errors import InputError, WorkspaceError

TODAY = "2026-11-20"


@pytest.fixture
def net(tmp_workspace):
    add_people(tmp_workspace, [
        me(location="Boston, MA"),
        person("p_a", "Ann Adams", "Riverside Library", "Librarian", "Boston"),
        person("p_b", "Ben Brown", "Oak Street Bakery", "Baker"),
        person("p_c", "Cy Clark", "Hill Farm", "Farmer"),
        person("p_t1", "Tess One", "Stripe", "Product Manager", "Boston, Massachusetts",
               profile_url="linkedin.com/in/tess-one"),
        person("p_t2", "Tom Two", "McKinsey & Company", "Product Manager"),
        person("p_t3", "Tia Three", "Plaid", "Product Manager"),  # no path
        person("p_t4", "Tim Four", "Brex", "Analyst", profile_url="urn:li:member:4"),
    ])
    add_ties(tmp_workspace, [
        {"owner_id": ME, "person_id": "p_a", "relationship": "close-friend"}, {"owner_id": ME, "person_id": "p_b"},
        {"owner_id": ME, "person_id": "p_t4"},
        {"owner_id": "p_a", "person_id": "p_t1"}, {"owner_id": "p_b", "person_id": "p_t1"},
        {"owner_id": "p_b", "person_id": "p_c"}, {"owner_id": "p_c", "person_id": "p_t2"},
    ])
    network = na.open(tmp_workspace.folder)
    yield network
    network.close()


def test_open_refuses_a_folder_without_a_workspace(tmp_path):
    with pytest.raises(WorkspaceError, match="No workspace at") as err:
        na.open(tmp_path / "nothing-here")
    assert "--" not in str(err.value) and err.value.next_step == "import_own_export"
    assert not (tmp_path / "nothing-here").exists()  # no silent empty workspace
    with na.open(tmp_path / "new", create=True) as fresh:
        assert fresh.people.empty


def test_rank_is_a_flat_frame_with_integer_hops_and_https_links(net):
    ranked = net.rank(industry="fintech", title="product manager", today=TODAY)
    assert list(ranked.columns) == RANK_COLUMNS
    assert ranked["rank"].tolist() == list(range(1, len(ranked) + 1))
    assert set(ranked["name"]) == {"Tess One", "Tom Two", "Tim Four"}  # Tia has no path: left out
    assert str(ranked["hops"].dtype) == "Int64" and ranked["hops"].notna().all()
    for column in ranked.columns:  # flat: no lists, dicts or tuples in any cell
        assert not any(isinstance(v, list | dict | tuple) for v in ranked[column]), column
    tess = ranked.set_index("name").loc["Tess One"]
    assert tess["profile_url"] == "https://www.linkedin.com/in/tess-one"
    assert tess["path"].startswith("You → ") and tess["via"] in ("Ann Adams", "Ben Brown")
    assert ranked.set_index("name").loc["Tim Four", "profile_url"] is None  # a URN is no web page
    assert ranked["score"].is_monotonic_decreasing
    assert "intro_chance" in DEFINITIONS and "score" in DEFINITIONS and "hops" in DEFINITIONS
    assert list(net.definitions()["column"]) == list(DEFINITIONS)
    ax = ranked.plot.barh(x="name", y="intro_chance")  # the notebook one-liner works
    assert len(ax.patches) == len(ranked)


def test_unreachable_rows_are_opt_in_with_missing_hops(net):
    every = net.rank(industry="fintech", title="product manager", unreachable=True, top=0, today=TODAY)
    tia = every.set_index("name").loc["Tia Three"]
    assert not tia["reachable"] and tia["intro_chance"] == 0 and pd.isna(tia["hops"])
    assert not every["reachable"].iloc[-1] and every["reachable"].iloc[0]


def test_one_intro_chance_everywhere(net):
    """The ranking, the routes and the library's own paths_to agree on the intro chance;
    a route's own chance is a different, named number and never exceeds it."""
    from netanalytics.ranking.rank import paths_to, rank_targets

    ranked = net.rank(industry="fintech", title="product manager", today=TODAY).set_index("person_id")
    routes = net.routes(ranked.reset_index(), today=TODAY)
    assert list(routes.columns) == ROUTE_COLUMNS
    for pid, group in routes.groupby("person_id"):
        assert group["intro_chance"].nunique() == 1
        assert group["intro_chance"].iloc[0] == pytest.approx(ranked.loc[pid, "intro_chance"])
        assert (group["route_chance"] <= group["intro_chance"] + 1e-9).all()
        assert group["route"].tolist() == list(range(1, len(group) + 1))
    tess = net.paths_to("Tess One", today=TODAY)
    assert tess["intro_chance"].iloc[0] == pytest.approx(ranked.loc["p_t1", "intro_chance"])
    library = paths_to(net.ws, "Tess One", today=pd.Timestamp(TODAY).date())
    assert library.attrs["probability"] == pytest.approx(ranked.loc["p_t1", "intro_chance"])
    old = rank_targets(net.ws, {"industries": ["fintech"], "titles": ["product manager"]},
                       today=pd.Timestamp(TODAY).date()).set_index("person_id")
    assert old.loc["p_t1", "probability"] == pytest.approx(ranked.loc["p_t1", "intro_chance"])


def test_keyword_criteria_a_target_mapping_and_bad_input(net):
    by_words = net.rank(industry="fintech", title="product manager", today=TODAY)
    by_map = net.rank(target={"industries": ["fintech"], "titles": ["product manager"]}, today=TODAY)
    pd.testing.assert_frame_equal(by_words, by_map)
    assert len(net.rank(company="Stripe", top=1, today=TODAY)) == 1
    with pytest.raises(InputError, match="target is empty"):
        net.rank()
    with pytest.raises(InputError, match="Did you mean fintech"):
        net.rank(industry="fintek")
    with pytest.raises(InputError, match="top: expected a whole number") as err:
        net.rank(industry="fintech", top=-1)
    assert err.value.param == "top"
    with pytest.raises(InputError, match="that is you"):
        net.paths_to(ME)


def test_people_ties_graph_and_search(net):
    people = net.people
    assert people.iloc[0]["is_me"] and people.iloc[0]["hops"] == 0
    assert str(people["hops"].dtype) == "Int64"
    assert people.set_index("name").loc["Tia Three", "hops"] is pd.NA
    assert people.set_index("name").loc["Tess One", "profile_url"] == "https://www.linkedin.com/in/tess-one"
    ties = net.ties
    assert len(ties) == 7 and ties["mine"].sum() == 3
    assert ties.set_index("name").loc["Ann Adams", "relationship"] == "close-friend"
    G = net.graph()
    assert G.number_of_nodes() == 8 and G.has_edge("p_a", "p_t1")
    assert set(net.search("stripe")["name"]) == {"Tess One"}
    assert set(net.search("product manager")["name"]) == {"Tess One", "Tom Two", "Tia Three"}


def test_who_to_ask_is_flat(net):
    frame = net.who_to_ask(industry="fintech", title="product manager", today=TODAY)
    assert frame["name"].tolist()[0] in ("Ann Adams", "Ben Brown")
    for column in frame.columns:
        assert not any(isinstance(v, list | dict | tuple) for v in frame[column]), column


def test_log_history_due_and_undo(net):
    event = net.log("Tess One", "outreach sent", at="2026-11-01 10:00", channel="LinkedIn message")
    assert event.stage == "outreach_sent" and event.channel == "linkedin"
    history = net.history("Tess One")
    assert history["stage"].tolist() == ["outreach_sent"]
    due = net.due(TODAY)
    assert due["kind"].tolist() == ["nudge"] and due.loc[0, "name"] == "Tess One"
    assert net.undo().startswith("Undid: logged outreach sent for Tess One")
    assert net.history("Tess One").empty and net.due(TODAY).empty


def test_log_refuses_a_hostile_referral_url_and_a_lone_referral_detail(net):
    with pytest.raises(InputError, match="expected a LinkedIn profile URL"):
        net.log("Ann Adams", "referral_given", referral_name="Zed", referral_url="javascript:alert(1)")
    with pytest.raises(InputError, match="referred person's name") as err:
        net.log("Ann Adams", "referral_given", referral_url="https://www.linkedin.com/in/zed")
    assert err.value.param == "referral.name"
    assert net.events().empty


def test_an_undone_edit_counts_for_the_ranking_through_the_front_door(net):
    """The bug of issue 12, seen from the front door: log, edit, undo — still met."""
    event = net.log("Tim Four", "interviewed", at="2026-10-01 15:00")
    net.edit(event.event_id, notes="great chat")
    net.undo()
    tim = net.rank(industry="fintech", today=TODAY).set_index("name").loc["Tim Four"]
    assert tim["already_met"] and "you already met Tim" in tim["why"]


def test_caches_follow_the_workspace(net):
    before = net.rank(industry="fintech", title="product manager", today=TODAY).set_index("person_id")
    add_events(net.ws, [{"person_id": "p_t1", "stage": "intro_requested", "at": "2026-09-01", "via_person_id": "p_a"},
                        {"person_id": "p_t1", "stage": "no_response", "at": "2026-09-20"}])
    after = net.rank(industry="fintech", title="product manager", today=TODAY).set_index("person_id")
    assert after.loc["p_t1", "intro_chance"] < before.loc["p_t1", "intro_chance"]


def test_on_time_rates_add_up(net):
    net.log("Tess One", "interviewed", at="2026-11-01 10:00")
    net.log("Tess One", "thank_you_sent", at="2026-11-01 18:00")
    rates = net.on_time(TODAY).set_index("kind")
    assert rates.loc["thank_you", "on_time"] == 1 and rates.loc["all", "decided"] == rates.drop("all")["decided"].sum()


def test_people_carry_recognition_and_labels_change_it(net):
    people = net.people.set_index("person_id")
    assert people.loc["p_t1", "function"] == "product_management"
    assert people.loc["p_a", "industry"] is None
    assert net.label_company("Riverside Library", "education") is None
    people = net.people.set_index("person_id")
    assert (people.loc["p_a", "industry"], people.loc["p_a", "industry_source"]) == ("education", "user")
    assert list(net.company_labels["company"]) == ["Riverside Library"]
    assert net.label_company("riverside library", ["nonprofit", "education"]) == ("education",)
    assert net.clear_company_label("Riverside Library") == ("nonprofit", "education")
    assert net.company_labels.empty


def test_coverage_names_the_companies_worth_labelling(net):
    cov = net.coverage()
    assert cov["people"] == 7
    assert cov["known"] + cov["unknown"] + cov["unknowable"] == 7
    assert ("Riverside Library", 1) in cov["top_unknown"]


def test_rank_takes_function_and_seniority(net):
    ranked = net.rank(function="product_management", seniority="entry", unreachable=True, today=TODAY)
    assert set(ranked["name"]) >= {"Tess One", "Tom Two"}


def test_find_people_orders_by_reach_and_shares_the_rankings_numbers(net):
    found = net.find_people("product manager", today=TODAY)
    assert found.attrs["total"] == 3  # Tess, Tom and Tia; nobody else has those words
    assert list(found["name"]) == ["Tess One", "Tom Two", "Tia Three"]  # the most reachable first
    assert list(found["rank"]) == [1, 2, 3] and pd.isna(found.loc[2, "hops"])
    ranked = net.rank(industry="fintech", title="product manager", today=TODAY).set_index("person_id")
    assert found.loc[0, "intro_chance"] == pytest.approx(ranked.loc["p_t1", "intro_chance"])
    assert found.loc[0, "via"] in ("Ann Adams", "Ben Brown") and "fit" not in found.columns
    page = net.find_people("product manager", top=1, offset=1, today=TODAY)
    assert list(page["name"]) == ["Tom Two"] and list(page["rank"]) == [2] and page.attrs["total"] == 3
    assert net.find_people("zzz").empty and net.find_people("").attrs["total"] == 0
    with pytest.raises(InputError, match="offset"):
        net.find_people("tess", offset=-1)


def test_the_logs_calls_give_plain_rows_without_pandas(net):
    net.log("Tess One", "interviewed", at="2026-03-02 15:00")
    rows = net.due(TODAY, as_frame=False)
    frame = net.due(TODAY)
    assert rows == frame.to_dict("records") and rows[0]["kind"] == "thank_you"
    assert net.pipeline(as_frame=False)[0]["stage"] == net.pipeline().loc[0, "stage"] == "interviewed"
    assert net.history("Tess One", as_frame=False)[0]["stage"] == "interviewed"
    assert len(net.events(as_frame=False)) == len(net.events())


def test_draft_picks_its_kind_from_the_log(net):
    net.log("Tess One", "interviewed", at="2026-03-02 15:00")
    assert net.draft("Tess One", today=TODAY).startswith("Subject: Thank you")


def test_people_have_a_place_and_schools_and_rank_rows_a_meeting_with_its_reason(net):
    from netanalytics.api import PEOPLE_COLUMNS

    net.set_person("Tom Two", location="Denver, Colorado", school="UC Berkeley")
    people = net.people.set_index("name")
    assert list(net.people.columns) == PEOPLE_COLUMNS
    assert people.loc["Tess One", ["location", "place"]].tolist() == ["Boston, Massachusetts", "Boston, Massachusetts, US"]
    assert people.loc["Tom Two", "schools"] == "UC Berkeley" and people.loc["Ben Brown", "place"] is None
    ranked = net.rank(industry="fintech", title="product manager", today=TODAY).set_index("name")
    assert ranked.loc["Tess One", ["meeting", "meeting_reason"]].tolist() == ["coffee", "both in Boston"]
    assert ranked.loc["Tom Two", ["meeting", "place"]].tolist() == ["video", "Denver, Colorado, US"]
    assert ranked.loc["Tim Four", ["meeting", "meeting_reason"]].tolist() == [
        "unknown", "their location is unknown — ask where they are"]
    assert "suggest a video call: Boston and Denver are 2841 km apart" in ranked.loc["Tom Two", "why"]


def test_near_and_school_narrow_the_target_through_the_front_door(net):
    net.set_person("Tom Two", location="Denver, Colorado", school="University of California, Berkeley")
    near = net.rank(title="product manager", near="Cambridge, MA", today=TODAY, top=0).set_index("name")
    assert near.loc["Tess One", "fit"] > near.loc["Tom Two", "fit"]
    assert "Boston is 4 km from Cambridge" in near.loc["Tess One", "why"]
    wide = net.rank(title="product manager", near="Cambridge, MA", within_km=3000, today=TODAY, top=0)
    assert wide.set_index("name").loc["Tom Two", "fit"] == 1.0
    school = net.rank(school="UC Berkeley", today=TODAY, top=0)
    assert school["name"].tolist() == ["Tom Two"]
    assert "studied at University of California, Berkeley, a school you listed" in school["why"].iat[0]
    with pytest.raises(InputError, match="too broad"):
        net.rank(near="Massachusetts")


def test_profile_is_everything_known_about_one_person_with_where_it_came_from(net):
    net.set_person("Tess One", location="Cambridge, MA", school="Northeastern University")
    card = net.profile("Tess One")
    assert {k: card[k] for k in ("name", "company", "position", "location", "place", "hops")} == {
        "name": "Tess One", "company": "Stripe", "position": "Product Manager", "location": "Cambridge, MA",
        "place": "Cambridge, Massachusetts, US", "hops": 2}
    assert card["profile_url"] == "https://www.linkedin.com/in/tess-one"
    assert card["schools"] == [{"school": "Northeastern University", "degree": None, "field": None,
                                "start_year": None, "end_year": None, "source": "you"}]
    assert card["experience"] == [] and card["profiles"] == [] and card["edits"] == {
        "location": "Cambridge, MA", "school": "Northeastern University"}
    assert card["sources"]["location"] == "you"
    assert (card["meeting"], card["meeting_reason"]) == ("coffee", "both in Greater Boston (Boston and Cambridge, 4 km apart)")
    mine = net.profile("p_me")
    assert mine["is_me"] and mine["meeting"] is None and mine["place"] == "Boston, Massachusetts, US"
