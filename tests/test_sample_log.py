"""The sample outreach log: plausible, deterministic per seed, every stage, all or nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from chart_fixtures import add_person, network_workspace

import netanalytics.outreach.log as outreach_log
from netanalytics.errors import InputError
from netanalytics.outreach.cadence import due_items, followup_timeliness
from netanalytics.outreach.log import events_frame
from netanalytics.outreach.sample_log import (
    SAMPLE_MARK,
    Candidate,
    _deck,
    generate_sample_log,
    pick_candidates,
    plan_sample_log,
)
from netanalytics.recognition.recognise import recognise_people
from netanalytics.workspace import open_workspace
from netanalytics.workspace.queries import people_frame
from netanalytics.workspace.stages import ALL_STAGES

TODAY = dt.date(2026, 11, 20)
DIRECT = [Candidate(f"d{i}", f"Direct {i}", "Stripe") for i in range(12)]
VIA = [Candidate(f"v{i}", f"Via {i}", "Toast", via_id=f"f{i % 3}", via_name=f"Friend {i % 3}")
       for i in range(30)]


def _signature(ws) -> list[tuple]:
    frame = events_frame(ws)
    return [tuple(r) for r in frame[["person_id", "stage", "at", "channel", "via_person_id", "notes"]]
            .astype(object).itertuples(index=False)]


# ---------------------------------------------------------------- the pure plan


def test_plan_is_deterministic_sorted_and_ends_today() -> None:
    plan = plan_sample_log(direct=DIRECT, via=VIA, seed=3, today=TODAY)
    assert plan == plan_sample_log(direct=DIRECT, via=VIA, seed=3, today=TODAY)
    assert plan != plan_sample_log(direct=DIRECT, via=VIA, seed=4, today=TODAY)
    assert [e.at for e in plan] == sorted(e.at for e in plan)
    assert max(e.at for e in plan).date() <= TODAY
    assert min(e.at for e in plan).date() >= TODAY - dt.timedelta(days=4 * 31)
    assert all(e.notes and e.notes.startswith(SAMPLE_MARK) for e in plan)
    assert all(8 <= e.at.hour <= 22 or e.stage == "thank_you_sent" for e in plan)


@pytest.mark.parametrize("seed", [1, 7, 11, 2026])
def test_plan_logs_every_stage_for_any_seed(seed: int) -> None:
    plan = plan_sample_log(direct=DIRECT, via=VIA, seed=seed, today=TODAY)
    stages = Counter(e.stage for e in plan)
    # identified for referred people is added by log_event itself; everything else is planned.
    assert set(ALL_STAGES) <= set(stages), set(ALL_STAGES) - set(stages)
    assert stages["interviewed"] >= 8
    assert 1 <= stages["referral_given"] <= 3


def test_referral_keys_point_at_planned_referrals() -> None:
    plan = plan_sample_log(direct=DIRECT, via=VIA, seed=7, today=TODAY)
    keys = {e.referral_key for e in plan if e.referral_key}
    used = {e.person for e in plan if e.person.startswith("ref:")}
    assert keys and used <= keys
    first_use = {e.person: e.at for e in reversed(plan) if e.person.startswith("ref:")}
    made = {e.referral_key: e.at for e in plan if e.referral_key}
    assert all(first_use[k] > made[k] for k in first_use)


def test_plan_uses_only_direct_when_no_friends() -> None:
    plan = plan_sample_log(direct=DIRECT, via=[], seed=7, today=TODAY)
    assert plan
    assert all(e.person.startswith(("d", "ref:")) for e in plan if e.stage == "outreach_sent")
    assert not any(e.stage == "intro_made" and not e.person.startswith("ref:") for e in plan)


def test_plan_bad_input() -> None:
    with pytest.raises(InputError, match="months"):
        plan_sample_log(direct=DIRECT, via=VIA, months=0, today=TODAY)
    with pytest.raises(InputError, match="no contacts"):
        plan_sample_log(direct=[], via=[], today=TODAY)


def test_deck_follows_weights() -> None:
    assert _deck({"a": 0.5, "b": 0.3, "c": 0.2}, 10) == ["a"] * 5 + ["b"] * 3 + ["c"] * 2
    assert _deck({"a": 1.0}, 0) == []


# ---------------------------------------------------------------- the workspace side


def test_generate_is_deterministic_and_uses_the_log(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        with open_workspace(tmp_path / name) as ws:
            network_workspace(ws)
            added = generate_sample_log(ws, seed=5, today=TODAY)
            assert added == len(events_frame(ws)) > 60
            runs.append(_signature(ws))
    assert runs[0] == runs[1]
    with open_workspace(tmp_path / "c") as ws:
        network_workspace(ws)
        generate_sample_log(ws, seed=6, today=TODAY)
        assert _signature(ws) != runs[0]


def test_generated_log_is_plausible(tmp_workspace) -> None:
    network_workspace(tmp_workspace)
    generate_sample_log(tmp_workspace, today=TODAY)
    frame = events_frame(tmp_workspace)
    assert set(ALL_STAGES) <= set(frame["stage"])
    # Intro requests go through my friends; direct messages to my own connections.
    intro = frame[frame["stage"] == "intro_requested"]
    assert set(intro["via_person_id"].dropna()) <= {"p_f0", "p_f1", "p_f2"} | set(frame["person_id"])
    direct = frame[frame["stage"] == "outreach_sent"]["person_id"]
    assert all(p.startswith("p_d") for p in direct)
    # Referrals created new people, tied to whoever referred them.
    referred = frame[frame["stage"] == "referral_given"]["referral_person_id"].dropna()
    assert len(referred) >= 1
    for pid in referred:
        assert tmp_workspace.conn.execute("SELECT 1 FROM ties WHERE person_id = ?", (pid,)).fetchone()
    # Thank-yous mostly on time, at least one late or missing; something is due today.
    timely = followup_timeliness(frame, today=TODAY)
    thanks = timely[(timely["kind"] == "thank_you") & timely["on_time"].notna()]["on_time"].astype(bool)
    assert 0.6 <= thanks.mean() < 1.0
    due = due_items(frame, TODAY)
    assert due["overdue"].any()
    # Every note is marked, except the one log_event writes for a referred person.
    unmarked = frame[~frame["notes"].str.startswith(SAMPLE_MARK, na=False)]
    assert (unmarked["stage"] == "identified").all()
    assert unmarked["notes"].str.startswith("Referred by").all()


def test_refuses_a_log_with_events(tmp_workspace) -> None:
    network_workspace(tmp_workspace)
    outreach_log.log_event(tmp_workspace, "p_d000", "identified", at="2026-11-01")
    with pytest.raises(InputError, match="already holds 1 events"):
        generate_sample_log(tmp_workspace, today=TODAY)


def test_needs_me_and_people(tmp_workspace) -> None:
    with pytest.raises(InputError, match="no 'me' found"):
        generate_sample_log(tmp_workspace, today=TODAY)
    add_person(tmp_workspace, "p_me", "Me", me=True)
    with pytest.raises(InputError, match="no contacts"):
        generate_sample_log(tmp_workspace, today=TODAY)


def test_all_or_nothing(tmp_workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    network_workspace(tmp_workspace)
    people_before = tmp_workspace.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    real = outreach_log.log_event
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 40:
            raise InputError("simulated failure")
        return real(*args, **kwargs)

    monkeypatch.setattr(outreach_log, "log_event", flaky)
    with pytest.raises(InputError, match="simulated"):
        generate_sample_log(tmp_workspace, today=TODAY)
    assert tmp_workspace.conn.execute("SELECT COUNT(*) FROM outreach_events").fetchone()[0] == 0
    assert tmp_workspace.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == people_before


def test_candidates_prefer_fintech_product_people(tmp_workspace) -> None:
    network_workspace(tmp_workspace)
    direct, via = pick_candidates(tmp_workspace)
    assert direct[0].company in ("Stripe", "Toast", "Plaid")
    assert {c.via_id for c in via} == {"p_f0", "p_f1", "p_f2"}
    assert not {c.person_id for c in via} & {c.person_id for c in direct}


def test_works_on_the_sample_workspace(tmp_path: Path) -> None:
    from netanalytics.sample import build_sample_workspace

    for _ in build_sample_workspace(tmp_path / "ws", quiet=True):
        pass
    with open_workspace(tmp_path / "ws") as ws:
        added = generate_sample_log(ws, today=TODAY)
        frame = events_frame(ws)
        assert added == len(frame) > 80
        assert set(ALL_STAGES) <= set(frame["stage"])
        asked = frame[frame["stage"].isin(["intro_requested", "outreach_sent"])]["person_id"]
        people = people_frame(ws).set_index("person_id").loc[asked]
    # The people asked are in the sample goal as recognition reads them: a fintech company
    # (Stripe, Toast: the bundled company list) and a product role ("Sr. PM", "Head of Product").
    found = recognise_people(people["company"], people["position"])
    fintech = found["industries"].map(lambda keys: "fintech" in keys)
    assert fintech.mean() > 0.8
    assert found.loc[fintech, "industry_source"].eq("gazetteer").mean() > 0.8
    assert (found["function"] == "product_management").mean() > 0.8
