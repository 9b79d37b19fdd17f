"""Shared chart plumbing: the palette, safe labels, a fresh Figure, date axes.

Nothing here imports matplotlib at module import time: the plotting helpers import it
when called, so ``import netanalytics.charts`` stays cheap and works without a display.

>>> mpl_text("Pay $5$ now")
'Pay \\\\$5\\\\$ now'
>>> short_label("Dr. Alexandra Konstantinopoulou-Smythe", 20)
'Dr. Alexandra Konst…'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from netanalytics.bounds import EVENT_DATES
from netanalytics.errors import InputError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO",
    "as_date",
    "format_date_axis",
    "mpl_text",
    "new_axes",
    "short_label",
    "week_start",
]

#: Okabe & Ito (2008), a palette that stays distinct for the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}


def mpl_text(value: Any) -> str:
    """Text from an export made safe for a matplotlib label.

    Collapses whitespace (a newline in a name would break the layout) and escapes every
    ``$``, so a name such as ``"$\\frac{1}{0}$"`` is shown as typed and never parsed as
    mathtext (which could fail to render or draw something misleading).
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return text.replace("$", r"\$")


def short_label(value: Any, width: int = 24) -> str:
    """:func:`mpl_text` truncated to ``width`` characters with an ellipsis."""
    text = " ".join(("" if value is None else str(value)).split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return mpl_text(text)


def as_date(value: Any) -> dt.date:
    """A date from a date, datetime, Timestamp or ISO string; today when None.

    A date outside :data:`netanalytics.bounds.EVENT_DATES` raises InputError.
    """
    if value is None:
        return dt.date.today()
    if isinstance(value, pd.Timestamp | dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            try:
                day = pd.Timestamp(value).date()
            except (ValueError, OverflowError):
                raise InputError("today", "a date like 2026-03-02", repr(value)) from None
    return EVENT_DATES.check(day, "today")


def week_start(values: pd.Series) -> pd.Series:
    """The Monday (00:00, tz-naive) of the week each timestamp falls in."""
    ts = pd.to_datetime(values)
    if getattr(ts.dt, "tz", None) is not None:
        ts = ts.dt.tz_localize(None)
    ts = ts.dt.normalize()
    return ts - pd.to_timedelta(ts.dt.day_of_week, unit="D")


def new_axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    """The Figure and Axes to draw on: ``ax`` and its figure, or a fresh Figure.

    A fresh Figure is made without pyplot (no global state, no display needed) and is
    attached to the Agg canvas, so it can always be saved as PNG.
    """
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = _chart_figure_class()(figsize=size, layout="constrained", dpi=100)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


_FIGURE_CLASS: type | None = None


def _chart_figure_class() -> type:
    """A :class:`matplotlib.figure.Figure` that Jupyter shows as a picture even when
    pyplot (and so the inline backend) was never imported."""
    global _FIGURE_CLASS
    if _FIGURE_CLASS is None:
        import io

        from matplotlib.figure import Figure

        class ChartFigure(Figure):
            """A Figure with ``_repr_png_``, so a notebook cell that returns it shows it."""

            def _repr_png_(self) -> bytes:
                buffer = io.BytesIO()
                self.savefig(buffer, format="png", dpi=100)
                return buffer.getvalue()

        _FIGURE_CLASS = ChartFigure
    return _FIGURE_CLASS


def format_date_axis(axis: Any) -> None:
    """Readable dates on a matplotlib axis: ``Sep``, ``Oct`` …, year shown once."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    axis.set_major_locator(locator)
    # The corner label ("offset") shows just the year, not "2026-Nov".
    formatter = mdates.ConciseDateFormatter(
        locator, offset_formats=["", "%Y", "%Y", "%Y", "%d %b %Y", "%d %b %Y"]
    )
    axis.set_major_formatter(formatter)


def empty_message(ax: Axes, message: str) -> None:
    """Say in the plot area that there is nothing to draw yet (instead of blank axes)."""
    ax.text(
        0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes,
        color=OKABE_ITO["grey"], fontsize=11, wrap=True,
    )
    ax.set_xticks([])
    ax.set_yticks([])
