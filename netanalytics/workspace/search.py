"""An instant people search: an index over normalised names, companies and titles.

Typing in a notebook should answer at once, so the index is built once per workspace state
and a query only looks words up. Every word of the query must start a word of the person's
name, company or title ("mar lin" finds "Marisol Lindqvist"; "ledger" finds "Ledger Labs";
"pm" finds nobody called "Sampson"). Names are read as :func:`name_key` reads them (accents,
case, pronouns and credentials ignored: "Ebony Zhao" finds "Ebony Zhao (she/her)"),
companies as :func:`company_key` and titles as plain folded text.

Ordering is left to the caller (the front door orders by how reachable each person is);
:meth:`SearchIndex.find` returns the matching ids with how well each matched.

>>> index = SearchIndex.build([
...     ("p1", "Ebony Zhao (she/her)", "Stripe", "Product Manager"),
...     ("p2", "Marisol Lindqvist, CFA", "Ledger Labs", "Analyst"),
...     ("p3", "Sam Pearson", "Acme", "Engineer"),
... ])
>>> [pid for pid, _ in index.find("ebony zhao")]
['p1']
>>> [pid for pid, _ in index.find("led")], [pid for pid, _ in index.find("MARI lind")]
(['p2'], ['p2'])
>>> index.find("pm")
[]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from netanalytics.identity.normalize import company_key, name_key

__all__ = ["SearchIndex", "query_words"]

#: How much a hit in each field counts when two people match the same query (name first).
FIELD_WEIGHT = {"name": 3, "company": 2, "title": 1}


def _title_words(title: str | None) -> list[str]:
    # the same folding as names, without dropping anything name-specific
    return company_key(title).split() if title else []


def query_words(text: str) -> list[str]:
    """The words of a query, folded as the index folds names (accents, case, punctuation).

    >>> query_words("  José-Luis  O'Neil ")
    ['jose', 'luis', 'oneil']
    """
    return company_key(text).split()


@dataclass
class SearchIndex:
    """Sorted (word, person) pairs; a query word is looked up as a prefix by bisection."""

    words: list[str] = field(default_factory=list)
    owners: list[tuple[str, int]] = field(default_factory=list)  # (person_id, field weight)
    size: int = 0

    @classmethod
    def build(cls, people: Iterable[tuple[str, str | None, str | None, str | None]]) -> SearchIndex:
        """An index over ``(person_id, name, company, title)`` rows."""
        pairs: list[tuple[str, str, int]] = []
        count = 0
        for pid, name, company, title in people:
            count += 1
            for words, weight in ((name_key(name).split(), FIELD_WEIGHT["name"]),
                                  (company_key(company).split() if company else [], FIELD_WEIGHT["company"]),
                                  (_title_words(title), FIELD_WEIGHT["title"])):
                for word in set(words):
                    pairs.append((word, pid, weight))
        pairs.sort()
        return cls([w for w, _, _ in pairs], [(p, k) for _, p, k in pairs], count)

    def _prefix(self, word: str) -> dict[str, int]:
        """person_id -> best field weight of the people with a word starting with ``word``."""
        start = bisect.bisect_left(self.words, word)
        stop = bisect.bisect_left(self.words, word + "\uffff", lo=start)
        found: dict[str, int] = {}
        for i in range(start, stop):
            pid, weight = self.owners[i]
            bonus = weight * 2 if self.words[i] == word else weight  # a whole word beats a prefix
            if found.get(pid, 0) < bonus:
                found[pid] = bonus
        return found

    def find(self, text: str) -> list[tuple[str, int]]:
        """``(person_id, strength)`` of everyone every query word matches, strongest first
        (ties keep a stable order by id). An empty query finds nobody."""
        words = query_words(text)
        if not words:
            return []
        result: dict[str, int] | None = None
        for word in sorted(set(words), key=len, reverse=True):
            hits = self._prefix(word)
            if result is None:
                result = hits
            else:
                result = {pid: result[pid] + w for pid, w in hits.items() if pid in result}
            if not result:
                return []
        assert result is not None
        return sorted(result.items(), key=lambda kv: (-kv[1], kv[0]))
