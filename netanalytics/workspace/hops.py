"""Hop counts: how many ties separate each person from me. One rule, two callers.

The people listing (:func:`netanalytics.workspace.queries.people_frame`) and the networkx
graph (:func:`netanalytics.graph.degrees_from_me`) both count hops with :func:`degrees`:
a breadth-first search over ties taken as undirected. 0 is me, 1 my connections and
contacts, 2 the people on a friend's list, and so on; someone unreachable has no entry.

>>> degrees([("me", "a"), ("a", "b"), ("c", "d")], "me")
{'me': 0, 'a': 1, 'b': 2}
>>> degrees([("me", "a"), ("a", "b")], "me", cutoff=1)
{'me': 0, 'a': 1}
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable

__all__ = ["degrees"]


def degrees(edges: Iterable[tuple[Hashable, Hashable]], start: Hashable | None, *,
            cutoff: int | None = None) -> dict:
    """Hops from ``start`` to everyone reachable over undirected ``edges`` (at most
    ``cutoff`` hops when given); an empty dict when ``start`` is None."""
    if start is None:
        return {}
    adjacency: dict = {}
    for a, b in edges:
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        hop = seen[node] + 1
        if cutoff is not None and hop > cutoff:
            continue
        for nxt in adjacency.get(node, ()):
            if nxt not in seen:
                seen[nxt] = hop
                queue.append(nxt)
    return seen
