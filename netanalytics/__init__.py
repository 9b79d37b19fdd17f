"""netanalytics: find warm introductions in your own network, privately, on your laptop.

The front door for notebooks and scripts (:mod:`netanalytics.api`)::

    import netanalytics as na
    net = na.open("data/workspace")
    net.rank(industry="fintech", title="product manager", top=20)
    net.due()

The library is layered; each layer imports only the ones below it in this list:

ingest -> identity, recognition -> workspace -> graph -> scoring -> ranking
-> outreach/cadence -> charts -> api -> widgets/CLI.

``import netanalytics`` stays cheap: ``open`` and ``Network`` load the rest when first used.
"""

from __future__ import annotations

from netanalytics.errors import InputError, NetanalyticsError, NotFoundError, WorkspaceError

TYPE_CHECKING = False  # (not imported from typing: keeps `import netanalytics` at ~1 ms)
if TYPE_CHECKING:
    from typing import Any

    from netanalytics.api import DEFINITIONS, Network, open

__version__ = "0.1.0"
__all__ = [
    "DEFINITIONS",
    "InputError",
    "NetanalyticsError",
    "Network",
    "NotFoundError",
    "WorkspaceError",
    "__version__",
    "open",
]


def __getattr__(name: str) -> Any:  # lazy: pandas and the rest load on first use, not on import
    if name in ("open", "Network", "DEFINITIONS"):
        from netanalytics import api

        return getattr(api, name)
    raise AttributeError(f"module 'netanalytics' has no attribute {name!r}")
