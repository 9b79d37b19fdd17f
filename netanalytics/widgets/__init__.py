"""The notebook UIs: small classes composing ipywidgets over the library.

Each handler gathers input, calls one library function and shows the result; errors
become a readable message in the UI. Every string from an export is HTML-escaped.

- notebook 1: :class:`WorkspaceBanner`, :class:`SummaryPanel`, :class:`CoveragePanel`, :class:`NetworkPicture`,
  :class:`PersonSearch`, :class:`ImportPanel` (``explore``);
- notebook 2: :class:`TargetFinder`, :class:`WhoToAsk` (``targets``);
- notebook 3: :class:`OutcomeLogger`, :class:`PipelineBoard` (``logform``);
- notebook 4: :class:`FollowUps`, :class:`CadenceCharts` (``cadence``).

:func:`notebook_workspace` opens the workspace a notebook shows (the sample if none).
"""

from netanalytics.widgets.cadence import CadenceCharts, FollowUps
from netanalytics.widgets.common import PersonPicker, Status, notebook_workspace
from netanalytics.widgets.explore import (
    CoveragePanel,
    ImportPanel,
    NetworkPicture,
    PersonSearch,
    SummaryPanel,
    WorkspaceBanner,
)
from netanalytics.widgets.logform import OutcomeLogger, PipelineBoard
from netanalytics.widgets.targets import TargetFinder, WhoToAsk

__all__ = [
    "CadenceCharts",
    "CoveragePanel",
    "FollowUps",
    "ImportPanel",
    "NetworkPicture",
    "OutcomeLogger",
    "PersonPicker",
    "PersonSearch",
    "PipelineBoard",
    "Status",
    "SummaryPanel",
    "TargetFinder",
    "WhoToAsk",
    "WorkspaceBanner",
    "notebook_workspace",
]
