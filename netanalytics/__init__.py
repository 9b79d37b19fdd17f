"""netanalytics: find warm introductions in your own network, privately, on your laptop.

The library is layered; each layer imports only the ones above it in this list:

ingest -> identity -> workspace -> graph -> scoring -> ranking -> outreach/cadence
-> charts -> widgets/CLI.
"""

from netanalytics.errors import InputError, NetanalyticsError, NotFoundError

__version__ = "0.1.0"
__all__ = ["InputError", "NetanalyticsError", "NotFoundError", "__version__"]
