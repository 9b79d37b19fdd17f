"""The vocabulary of the outreach log: stages, outcomes, channels, relationship labels.

Shared by the scoring layer (learning from outcomes) and the outreach layer (the log).

>>> "interviewed" in STAGES and "referral_given" in OUTCOMES
True
"""

from __future__ import annotations

__all__ = [
    "ALL_STAGES",
    "CHANNELS",
    "OUTCOMES",
    "RELATIONSHIPS",
    "STAGES",
    "normalize_relationship",
]

#: The pipeline, in order.
STAGES = (
    "identified",
    "intro_requested",
    "intro_made",
    "outreach_sent",
    "scheduled",
    "interviewed",
    "thank_you_sent",
    "followed_up",
)
#: Outcomes that can be logged at any point.
OUTCOMES = (
    "declined",
    "no_response",
    "referral_given",
    "card_exchanged",
    "reference_agreed",
    "recommendation_agreed",
)
ALL_STAGES = STAGES + OUTCOMES

CHANNELS = ("email", "linkedin", "phone", "video", "coffee", "in_person")

#: My relationship to a person, strongest first.
RELATIONSHIPS = ("family", "close-friend", "friend", "colleague", "acquaintance")


def normalize_relationship(label: str | None) -> str | None:
    """'Close friend', 'close_friend' and 'CLOSE-FRIEND' all mean 'close-friend'.

    Returns None for None/blank; raises ValueError for anything not in RELATIONSHIPS.
    """
    if label is None or not str(label).strip():
        return None
    key = "-".join(str(label).strip().lower().replace("_", " ").split())
    if key not in RELATIONSHIPS:
        raise ValueError(
            f"unknown relationship {label!r}; expected one of {', '.join(RELATIONSHIPS)}"
        )
    return key
