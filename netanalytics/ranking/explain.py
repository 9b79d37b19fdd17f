"""Plain-language reasons for paths and targets.

Every number the ranking uses is turned into words a job seeker can act on:
"Maya Chen (close friend, 14 messages, last in October 2026) works with Sam Ortiz at
Stripe".

>>> chance_sentence(0.342, 3)
'about 34% chance of a warm introduction (3 routes)'
>>> novelty_sentence(7, 0.9, "Sam Ortiz")
'you and Sam share 7 mutual connections: a moderately weak tie, the kind most likely to lead to a new job (Rajkumar et al., 2022)'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["chance_sentence", "first_name", "hop_sentence", "novelty_sentence", "path_sentence"]


def first_name(name: str | None) -> str:
    """The first word of a name ('them' when unknown).

    >>> first_name("Sam Ortiz")
    'Sam'
    """
    return name.split()[0] if name and name.split() else "them"


def hop_sentence(a_name: str, b_name: str, tie: dict[str, Any] | None, tie_words: str | None) -> str:
    """One hop a -> b in words; a shared employer reads "works with B at X"."""
    company = (tie or {}).get("_company")
    if tie and tie.get("shared_employer") and company:
        return f"works with {b_name} at {company}"
    if tie_words:
        return f"knows {b_name} ({tie_words})"
    return f"knows {b_name}"


def path_sentence(names: Sequence[str], hop_words: Sequence[str | None], hop_ties: Sequence[dict[str, Any] | None]) -> str:
    """A path me -> … -> target in one sentence.

    ``names`` runs from me to the target; ``hop_words[i]`` describes the tie names[i]–names[i+1].

    >>> path_sentence(["Me", "Maya Chen", "Sam Ortiz"], ["close friend, 14 messages", None],
    ...               [{}, {"shared_employer": True, "_company": "Stripe"}])
    'Maya Chen (close friend, 14 messages) works with Sam Ortiz at Stripe'
    >>> path_sentence(["Me", "Sam Ortiz"], ["colleague"], [{}])
    'You know Sam Ortiz directly (colleague)'
    """
    hops = len(names) - 1
    hop_words = list(hop_words) + [None] * (hops - len(hop_words))
    hop_ties = list(hop_ties) + [None] * (hops - len(hop_ties))
    if len(names) == 2:
        words = f" ({hop_words[0]})" if hop_words[0] else ""
        return f"You know {names[1]} directly{words}"
    first = names[1] + (f" ({hop_words[0]})" if hop_words[0] else "")
    parts = [first]
    for i in range(1, len(names) - 1):
        sentence = hop_sentence(names[i], names[i + 1], hop_ties[i], hop_words[i])
        parts.append(sentence if i == 1 else f"who {sentence}")
    return " ".join(parts[:2]) + ("" if len(parts) <= 2 else ", " + ", ".join(parts[2:]))


def chance_sentence(probability: float, routes: int, *, direct: bool = False) -> str:
    """The combined chance in words; ``direct`` when the best route is asking them myself.

    >>> chance_sentence(0.9, 2, direct=True)
    'about 90% chance they agree to meet when you ask (2 routes)'
    """
    pct = max(1, round(probability * 100)) if probability > 0 else 0
    routes_text = f" ({routes} routes)" if routes > 1 else ""
    outcome = "chance they agree to meet when you ask" if direct else "chance of a warm introduction"
    return f"about {pct}% {outcome}{routes_text}"


def novelty_sentence(mutual: int, bump: float, name: str | None = None) -> str | None:
    """Why a moderate number of mutual connections is good news (None when it does not apply)."""
    if bump < 0.5:
        return None
    who = f"you and {first_name(name)} share" if name else "you share"
    return (f"{who} {mutual} mutual connection{'s' if mutual != 1 else ''}: a moderately weak tie, the kind "
            "most likely to lead to a new job (Rajkumar et al., 2022)")
