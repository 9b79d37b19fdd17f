"""`make demo`'s entry point, end to end on the committed sample."""

from __future__ import annotations

import re

from netanalytics.demo import _plain, main


def test_demo_prints_ranked_intros_due_items_and_writes_charts(tmp_path, capsys):
    charts = tmp_path / "charts"
    assert main(["--workspace", str(tmp_path / "ws"), "--charts", str(charts)]) == 0
    out = capsys.readouterr().out
    assert "== Top 10 warm introductions: product roles in fintech" in out
    ranked = re.findall(r"^\s+(\d+)\. .+ — .+ at .+\(score ", out, flags=re.M)
    assert ranked[:10] == [str(i) for i in range(1, 11)]
    # Real recognition on real organisation names and real, messy titles, said in words.
    words = " ".join(out.split())  # reasons are wrapped over lines
    assert "Stripe: fintech, software, from the bundled company list" in words
    assert "'Sr. Product Manager, Payments' is a product manager at senior level" in words
    assert "'APM' is a product manager at entry level" in words
    assert "a guess from a word in its name" not in words  # no target rests on a name keyword
    assert "== Who to ask first" in out and "OVERDUE" in out
    assert sorted(p.name for p in charts.glob("*.png")) == [
        "activity.png", "cadence_timeline.png", "funnel.png", "on_time_rate.png", "response_rates.png",
    ]


def test_demo_if_missing_leaves_an_existing_workspace_alone(tmp_path, capsys):
    ws = tmp_path / "ws"
    assert main(["--workspace", str(ws), "--quiet"]) == 0
    before = (ws / "netanalytics.sqlite").stat().st_mtime_ns
    assert main(["--workspace", str(ws), "--quiet", "--if-missing"]) == 0
    assert (ws / "netanalytics.sqlite").stat().st_mtime_ns == before
    assert capsys.readouterr().out == ""


def test_summary_values_read_as_words():
    assert _plain({"0": 1, "1": 997, "2": 3632}) == "me 1, 1st 997, 2nd 3,632"
    assert _plain({"hidden or closed member": 5}) == "5 hidden or closed members"
    assert _plain({"hidden or closed member": 1}) == "1 hidden or closed member"
    assert _plain([("Acme", 3)]) == "Acme (3)"
    assert _plain([]) == "none"
