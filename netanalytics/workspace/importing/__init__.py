"""The importer's parts: planning an import (pure checks and conversions), writing it (bulk,
in one transaction) and describing it (the summary in words).

:mod:`netanalytics.workspace.importer` is the public door (``import_source``,
``import_parsed``); these modules are what it is made of.
"""
