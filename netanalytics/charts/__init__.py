"""Charts of the outreach log: cadence timeline, on-time rate, funnel, response rates, activity.

Each chart is a display object (the scikit-learn habit): ``from_workspace`` /
``from_events`` compute a small frame once (a pure, tested function), and ``plot(ax=None)``
draws it and returns the matplotlib Figure, keeping ``ax_`` and ``figure_``. matplotlib is
imported only when something is drawn, and never needs a display.

>>> sorted(CHARTS)
['activity', 'funnel', 'on-time', 'response', 'timeline']
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netanalytics.charts.activity import ActivityDisplay, activity_data
from netanalytics.charts.cadence import CadenceTimelineDisplay, cadence_timeline_data
from netanalytics.charts.funnel import FunnelDisplay, funnel_data
from netanalytics.charts.rates import OnTimeRateDisplay, on_time_rate_data
from netanalytics.charts.response import ResponseRateDisplay, asks_frame, response_data
from netanalytics.errors import InputError
from netanalytics.safety import open_private

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from netanalytics.workspace import Workspace

__all__ = [
    "CHARTS",
    "ActivityDisplay",
    "CadenceTimelineDisplay",
    "FunnelDisplay",
    "OnTimeRateDisplay",
    "ResponseRateDisplay",
    "activity_data",
    "asks_frame",
    "cadence_timeline_data",
    "chart_figure",
    "funnel_data",
    "on_time_rate_data",
    "response_data",
    "save_figure",
    "write_all_charts",
    "write_chart",
]

#: Chart kind -> (file name used by :func:`write_all_charts`, display class).
CHARTS: dict[str, tuple[str, Any]] = {
    "timeline": ("cadence_timeline.png", CadenceTimelineDisplay),
    "on-time": ("on_time_rate.png", OnTimeRateDisplay),
    "funnel": ("funnel.png", FunnelDisplay),
    "response": ("response_rates.png", ResponseRateDisplay),
    "activity": ("activity.png", ActivityDisplay),
}
#: File types :func:`write_chart` accepts (by suffix).
FORMATS = (".png", ".svg", ".pdf")
DPI = 150


def chart_figure(ws: Workspace, kind: str, *, today: Any = None) -> Figure:
    """The Figure of one chart ``kind`` (a key of :data:`CHARTS`) for the workspace's log."""
    if kind not in CHARTS:
        raise InputError("chart", f"one of {', '.join(CHARTS)}", repr(kind))
    display = CHARTS[kind][1].from_workspace(ws, today=today)
    return display.plot()


def save_figure(fig: Figure, path: str | os.PathLike[str], *, dpi: int = DPI) -> Path:
    """Save ``fig`` to ``path`` atomically (a temporary file, then a rename); returns the path.

    The type comes from the suffix (.png, .svg or .pdf). A folder that does not exist or
    cannot be written raises :class:`InputError`; no half-written file is left behind.
    """
    target = Path(path).expanduser()
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(str(target), f"a file name ending in {', '.join(FORMATS)}",
                         f"'{target.suffix or 'no suffix'}'")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"Cannot write {target}: the folder {folder} does not exist.")
    if target.is_dir():
        raise InputError(f"Cannot write {target}: it is a folder; give a file name such as chart{suffix}.")
    # Charts show names: private to the user (0600), like every file the toolkit writes.
    with open_private(target, "wb", what="the chart") as handle:
        fig.savefig(handle, format=suffix[1:], dpi=dpi)
    return target


def write_chart(ws: Workspace, kind: str, path: str | os.PathLike[str], *, today: Any = None) -> Path:
    """Draw chart ``kind`` for the workspace and save it to ``path``; returns the path."""
    return save_figure(chart_figure(ws, kind, today=today), path)


def write_all_charts(ws: Workspace, out_dir: str | os.PathLike[str], *, today: Any = None) -> list[Path]:
    """Write every chart into ``out_dir`` (created if missing) as PNG; returns the paths.

    Names: cadence_timeline.png, on_time_rate.png, funnel.png, response_rates.png,
    activity.png.
    """
    folder = Path(out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise InputError(f"Cannot write charts into {folder}: it is a file, not a folder.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"Cannot create the chart folder {folder}: {exc.strerror or exc}.") from None
    return [write_chart(ws, kind, folder / name, today=today) for kind, (name, _) in CHARTS.items()]
