"""Shared chart styling: untrusted names never reach mathtext; every stage has a style."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from chart_fixtures import events
from matplotlib import cbook
from matplotlib.text import Text

from netanalytics.charts import (
    ActivityDisplay,
    CadenceTimelineDisplay,
    FunnelDisplay,
    ResponseRateDisplay,
)
from netanalytics.charts._stages import STAGE_STYLE, UNKNOWN_STYLE, stage_style
from netanalytics.charts._style import mpl_text, short_label, week_start
from netanalytics.workspace.stages import ALL_STAGES

EVIL = r"$\undefinedcommand{x}$ Ltd"  # parsed as mathtext, drawing would fail
EVIL_VIA = r"Fay $\frac{1}{0}$"


def _evil_log() -> pd.DataFrame:
    return events([
        ("e", EVIL, "intro_requested", "2026-03-02", "f", EVIL_VIA),
        ("e", EVIL, "intro_made", "2026-03-04", "f", EVIL_VIA),
        ("e", EVIL, "interviewed", "2026-03-10"),
        ("m", "Ma$on $$", "outreach_sent", "2026-03-03"),
    ])


@pytest.mark.parametrize("make", [
    lambda log: CadenceTimelineDisplay.from_frames(
        log, pd.DataFrame({"person_id": ["e"], "name": [EVIL], "kind": ["thank_you"],
                           "due": [dt.date(2026, 3, 11)], "overdue": [True]}), "2026-03-20"),
    lambda log: ResponseRateDisplay.from_events(log, first_degree={"f"}),
    lambda log: FunnelDisplay.from_events(log),
    lambda log: ActivityDisplay.from_events(log, today="2026-03-20"),
])
def test_dollar_signs_in_names_are_shown_literally(make) -> None:
    display = make(_evil_log())
    fig = display.plot()
    fig.canvas.draw()  # would raise on the undefined mathtext command if it were parsed
    texts = [t for t in fig.findobj(Text) if "$" in t.get_text()]
    for text in texts:
        assert not cbook.is_math_text(text.get_text()), text.get_text()
        shown, is_math = text._preprocess_math(text.get_text())
        assert not is_math
    shown = {t._preprocess_math(t.get_text())[0] for t in texts}
    if isinstance(display, CadenceTimelineDisplay):
        assert "Ma$on $$" in shown and r"$\undefinedcommand{x}$…" in shown
    if isinstance(display, ResponseRateDisplay):
        assert EVIL_VIA in shown


def test_mpl_text_escapes_and_flattens() -> None:
    assert mpl_text("a $b$ c") == r"a \$b\$ c"
    assert mpl_text("two\nlines\t here") == "two lines here"
    assert mpl_text(None) == "" and mpl_text(float("nan")) == ""
    assert short_label("$" * 30, 5) == r"\$\$\$\$…"


def test_every_stage_has_a_distinct_style() -> None:
    assert set(STAGE_STYLE) == set(ALL_STAGES)
    looks = {(s.marker, s.color) for s in STAGE_STYLE.values()}
    assert len(looks) == len(STAGE_STYLE)
    assert stage_style("from_the_future") is UNKNOWN_STYLE


def test_week_start_is_monday_and_tz_naive() -> None:
    ts = pd.Series(pd.to_datetime(["2026-03-01 23:00", "2026-03-02 08:00", "2026-03-08 00:00"]).tz_localize("UTC"))
    assert [d.date().isoformat() for d in week_start(ts)] == ["2026-02-23", "2026-03-02", "2026-03-02"]


def test_figures_show_themselves_in_a_notebook() -> None:
    from chart_fixtures import small_log
    from matplotlib.figure import Figure

    fig = FunnelDisplay.from_events(small_log()).plot()
    assert isinstance(fig, Figure)
    assert fig._repr_png_().startswith(b"\x89PNG\r\n\x1a\n")
