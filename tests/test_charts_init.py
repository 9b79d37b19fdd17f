"""write_all_charts / write_chart / save_figure: real PNGs from a workspace, errors named."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from chart_fixtures import add_person, network_workspace

from netanalytics.charts import CHARTS, chart_figure, save_figure, write_all_charts, write_chart
from netanalytics.errors import InputError
from netanalytics.outreach.log import log_event
from netanalytics.outreach.sample_log import generate_sample_log
from netanalytics.workspace import open_workspace

TODAY = dt.date(2026, 11, 20)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory: pytest.TempPathFactory):
    ws = open_workspace(tmp_path_factory.mktemp("charts") / "ws")
    network_workspace(ws)
    generate_sample_log(ws, today=TODAY)
    yield ws
    ws.close()


def test_importing_charts_does_not_import_matplotlib() -> None:
    import subprocess

    code = "import sys, netanalytics.charts, netanalytics.cli; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_write_all_charts_writes_every_png(sample_ws, tmp_path: Path) -> None:
    paths = write_all_charts(sample_ws, tmp_path / "out", today=TODAY)
    assert [p.name for p in paths] == [name for name, _ in CHARTS.values()]
    assert [p.name for p in paths] == ["cadence_timeline.png", "on_time_rate.png", "funnel.png",
                                       "response_rates.png", "activity.png"]
    for path in paths:
        data = path.read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 20_000, path.name
    assert not list((tmp_path / "out").glob(".chart-*")), "no temporary files left behind"


def test_every_chart_draws_content_from_the_workspace(sample_ws) -> None:
    for kind in CHARTS:
        fig = chart_figure(sample_ws, kind, today=TODAY)
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert not any("No " in t and "yet" in t for t in texts), kind  # not the empty message
        assert fig.axes[0].get_title(loc="left"), kind


def test_write_chart_svg_and_bad_paths(sample_ws, tmp_path: Path) -> None:
    svg = write_chart(sample_ws, "funnel", tmp_path / "f.svg", today=TODAY)
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    with pytest.raises(InputError, match="one of timeline"):
        write_chart(sample_ws, "pie", tmp_path / "x.png")
    with pytest.raises(InputError, match="ending in .png"):
        write_chart(sample_ws, "funnel", tmp_path / "x.jpg")
    with pytest.raises(InputError, match="does not exist"):
        write_chart(sample_ws, "funnel", tmp_path / "missing" / "x.png")
    (tmp_path / "adir.png").mkdir()
    with pytest.raises(InputError, match="it is a folder"):
        write_chart(sample_ws, "funnel", tmp_path / "adir.png")
    (tmp_path / "afile").write_text("x")
    with pytest.raises(InputError, match="it is a file"):
        write_all_charts(sample_ws, tmp_path / "afile")


def test_unwritable_folder_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib.figure import Figure

    import netanalytics.safety as safety

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safety.tempfile, "mkstemp", denied)
    with pytest.raises(InputError, match="Cannot write .*permission denied"):
        save_figure(Figure(), tmp_path / "x.png")


def test_failed_save_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib.figure import Figure

    fig = Figure()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fig, "savefig", boom)
    with pytest.raises(InputError, match="the disk is full"):
        save_figure(fig, tmp_path / "x.png")
    assert list(tmp_path.iterdir()) == []


def test_empty_workspace_still_writes_readable_charts(tmp_workspace, tmp_path: Path) -> None:
    paths = write_all_charts(tmp_workspace, tmp_path, today=TODAY)
    assert all(p.read_bytes().startswith(PNG_MAGIC) for p in paths)


def test_charts_follow_the_log(tmp_workspace) -> None:
    add_person(tmp_workspace, "p_me", "Me Myself", me=True)
    add_person(tmp_workspace, "p_a", "Ada Park", "Bluefin Payments", "Product Manager")
    log_event(tmp_workspace, "p_a", "outreach_sent", at="2026-11-02 10:00")
    log_event(tmp_workspace, "p_a", "interviewed", at="2026-11-10 15:00")
    fig = chart_figure(tmp_workspace, "timeline", today=TODAY)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Ada Park"]
    assert "1 follow-up overdue" in fig.axes[0].get_title(loc="right")  # the thank-you


def test_every_display_draws_on_axes_it_is_given() -> None:
    import io

    from chart_fixtures import small_log
    from matplotlib.figure import Figure

    from netanalytics.charts import (
        ActivityDisplay,
        CadenceTimelineDisplay,
        FunnelDisplay,
        OnTimeRateDisplay,
        ResponseRateDisplay,
    )
    from netanalytics.outreach.cadence import followup_timeliness

    log = small_log()
    displays = [
        CadenceTimelineDisplay.from_frames(log, None, "2026-03-20"),
        OnTimeRateDisplay.from_timeliness(followup_timeliness(log, today=dt.date(2026, 3, 20)), "2026-03-20"),
        FunnelDisplay.from_events(log),
        ResponseRateDisplay.from_events(log),
        ActivityDisplay.from_events(log, "2026-03-20"),
    ]
    for display in displays:
        fig = Figure()
        ax = fig.add_subplot()
        assert display.plot(ax=ax) is fig and display.ax_ is ax and display.figure_ is fig
        fig.savefig(io.BytesIO(), format="png")
