"""Ranking: warm-introduction paths, ranked targets and "who to ask first".

"""

from __future__ import annotations

from typing import Any

__all__ = ["RankWeights", "paths_to", "rank_intermediaries", "rank_targets"]


def __getattr__(name: str) -> Any:  # lazy: keep `import netanalytics.ranking` cheap
    if name in ("rank_targets", "paths_to", "RankWeights", "RankingResult", "compute_ranking"):
        from netanalytics.ranking import rank

        return getattr(rank, name)
    if name == "rank_intermediaries":
        from netanalytics.ranking.intermediaries import rank_intermediaries

        return rank_intermediaries
    raise AttributeError(name)
