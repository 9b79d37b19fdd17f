"""The notebook UIs: small classes composing ipywidgets over the library.

Each handler gathers input, calls one library function and shows the result; errors
become a readable message in the UI. Every string from an export is HTML-escaped.

- notebook 1: :class:`WorkspaceBanner`, :class:`SummaryPanel`, :class:`CoveragePanel`,
  :class:`NetworkExplorer` (interactive; :class:`NetworkPicture` is the static picture),
  :class:`PersonSearch`, :class:`ImportPanel` (``explore``);
- notebook 2: :class:`TargetFinder`, :class:`WhoToAsk` (``targets``);
- notebook 3: :class:`OutcomeLogger`, :class:`PipelineBoard` (``logform``);
- notebook 4: :class:`FollowUps`, :class:`CadenceCharts` (``cadence``);
- everywhere: :class:`ActionTable` (a grid you sort, filter, page, select and export) and
  :class:`PersonCard` (a person's path, reasons, history, draft, prep and actions).

:func:`notebook_workspace` opens the workspace a notebook shows (the sample if none).
"""

from netanalytics.widgets.cadence import CadenceCharts, FollowUps
from netanalytics.widgets.card import PersonCard
from netanalytics.widgets.common import PersonPicker, Status, notebook_workspace
from netanalytics.widgets.explore import (
    CoveragePanel,
    ImportPanel,
    NetworkExplorer,
    NetworkPicture,
    PersonSearch,
    SummaryPanel,
    WorkspaceBanner,
)
from netanalytics.widgets.logform import OutcomeLogger, PipelineBoard
from netanalytics.widgets.tables import ActionTable
from netanalytics.widgets.targets import TargetFinder, WhoToAsk

__all__ = [
    "ActionTable",
    "CadenceCharts",
    "CoveragePanel",
    "FollowUps",
    "ImportPanel",
    "NetworkExplorer",
    "NetworkPicture",
    "OutcomeLogger",
    "PersonCard",
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
