"""The vocabulary of the outreach log: stages, their groupings, channels, relationship labels.

One home for every rule about stages: what counts as an ask, as contact with a person,
as a meeting agreed, as having met someone, as an answer that helps, as a dead end, and
the steps of the funnel. The scoring layer (learning from outcomes), the outreach layer
(the log, the cadence) and the charts all import these sets instead of writing their own.

The groupings, from the weakest sign to the strongest:

- :data:`ASK_STAGES` — I asked: an introduction through someone, or a direct message.
- :data:`OPEN_THREAD_STAGES` — what leaves an ask unanswered (nothing from them yet).
- :data:`CLOSED_STAGES` — the ask ended without success (``declined``, ``no_response``).
- :data:`MEETING_STAGES` — a meeting was agreed or held (``scheduled`` and after).
- :data:`MET_STAGES` — a meeting was held (``interviewed`` and what only follows one).
- :data:`HELPED_STAGES` — I met them or they referred me on: keep in touch with them.
- :data:`ENGAGED_STAGES` — the ask got a helpful answer: the intro was made, a meeting was
  agreed or held, or a referral. An intermediary who gets this far came through.
- :data:`CONTACT_STAGES` — an event that is contact with the person (the keep-in-touch
  clock restarts): everything except noting them, asking someone else about them, and the
  dead ends.

>>> "interviewed" in STAGES and "referral_given" in OUTCOMES
True
>>> sorted(MEETING_STAGES - MET_STAGES)
['scheduled']
>>> sorted(HELPED_STAGES - MET_STAGES)
['referral_given']
>>> sorted(ENGAGED_STAGES - MEETING_STAGES)
['intro_made', 'referral_given']
>>> [step for step, _ in FUNNEL_STEPS]
['identified', 'asked', 'scheduled', 'interviewed', 'thank_you_sent', 'referral_given']
"""

from __future__ import annotations

from netanalytics.errors import InputError

__all__ = [
    "ALL_STAGES",
    "ASK_STAGES",
    "CHANNELS",
    "CLOSED_STAGES",
    "CONTACT_STAGES",
    "ENGAGED_STAGES",
    "FOLLOW_UP_STAGES",
    "FUNNEL_STEPS",
    "HELPED_STAGES",
    "INTRO_STAGES",
    "MEETING_EVENT",
    "MEETING_STAGES",
    "MET_STAGES",
    "NUDGE_STAGE",
    "OPEN_THREAD_STAGES",
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

#: I asked: for an introduction through someone (``via``), or directly.
ASK_STAGES = frozenset({"intro_requested", "outreach_sent"})
#: An introduction asked for or made: a request that went through an intermediary.
INTRO_STAGES = frozenset({"intro_requested", "intro_made"})
#: My polite reminder after a silence (and, after a meeting, an update).
NUDGE_STAGE = "followed_up"
#: Stages that do not answer an ask: noting someone, asking, and my own nudges.
OPEN_THREAD_STAGES = frozenset({"identified", *ASK_STAGES, NUDGE_STAGE})
#: The ask ended without success.
CLOSED_STAGES = frozenset({"declined", "no_response"})
#: The event that records a meeting held (one per meeting: the activity chart counts it).
MEETING_EVENT = "interviewed"
#: A meeting was held: the interview, and what only follows one.
MET_STAGES = frozenset(
    {MEETING_EVENT, "thank_you_sent", "card_exchanged", "reference_agreed", "recommendation_agreed"}
)
#: A meeting was agreed or held.
MEETING_STAGES = frozenset({"scheduled", *MET_STAGES})
#: I met them, or they referred me on (which needs no meeting): keep in touch with them.
HELPED_STAGES = frozenset({*MET_STAGES, "referral_given"})
#: A helpful answer to an ask: the introduction, a meeting agreed or held, or a referral.
ENGAGED_STAGES = frozenset({"intro_made", *MEETING_STAGES, "referral_given"})
#: Contact with the person: everything but noting them, asking someone else, and dead ends.
CONTACT_STAGES = frozenset(ALL_STAGES) - {"identified", "intro_requested", *CLOSED_STAGES}
#: My follow-ups after contact: thank-yous and nudges or updates.
FOLLOW_UP_STAGES = frozenset({"thank_you_sent", NUDGE_STAGE})

#: The funnel, step by step: (step, the stages that show a person reached it). The steps
#: are nested (a person counts at a step only if they count at every earlier one); a later
#: stage implies the earlier ones where it must (an interview means someone was asked and a
#: meeting scheduled, even if that was not logged), but never a thank-you or a referral.
FUNNEL_STEPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("identified", frozenset()),  # anyone in the log
    ("asked", frozenset({*ASK_STAGES, *INTRO_STAGES, NUDGE_STAGE, *CLOSED_STAGES, *MEETING_STAGES})),
    ("scheduled", MEETING_STAGES),
    ("interviewed", MET_STAGES),
    ("thank_you_sent", frozenset({"thank_you_sent"})),
    ("referral_given", frozenset({"referral_given"})),
)

CHANNELS = ("email", "linkedin", "phone", "video", "coffee", "in_person")

#: My relationship to a person, strongest first.
RELATIONSHIPS = ("family", "close-friend", "friend", "colleague", "acquaintance")


def normalize_relationship(label: str | None, param: str = "relationship") -> str | None:
    """'Close friend', 'close_friend' and 'CLOSE-FRIEND' all mean 'close-friend'.

    Returns None for None/blank; raises :class:`InputError` (also a ValueError) naming
    ``param`` for anything not in :data:`RELATIONSHIPS`.

    >>> normalize_relationship("Close friend")
    'close-friend'
    >>> normalize_relationship("bestie")
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: relationship: expected one of family, close-friend, friend, colleague, acquaintance, found 'bestie'.
    """
    if label is None or not str(label).strip():
        return None
    key = "-".join(str(label).strip().lower().replace("_", " ").split())
    if key not in RELATIONSHIPS:
        raise InputError(param, f"one of {', '.join(RELATIONSHIPS)}", repr(label), param=param)
    return key
