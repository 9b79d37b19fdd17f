"""Helpers for bulk jobs over many small objects (imports, recognising whole columns)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk job.

    An import or a column of 100,000 names allocates hundreds of thousands of small
    objects and no reference cycles; the collector would scan them over and over (about
    8% of an import of 30,000 rows, 10% of recognising 100,000 people). Reference
    counting still frees memory. Restores the collector's previous state; nests safely.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
