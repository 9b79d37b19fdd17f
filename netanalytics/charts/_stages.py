"""How each outreach stage looks on a chart: colour, marker, legend text.

One place, so every chart shows the same stage the same way. Which stages count as an
ask, a meeting or a follow-up is the vocabulary's (:mod:`netanalytics.workspace.stages`).

>>> STAGE_STYLE["interviewed"].label
'interviewed'
"""

from __future__ import annotations

from dataclasses import dataclass

from netanalytics.charts._style import OKABE_ITO

__all__ = [
    "STAGE_GROUPS",
    "STAGE_STYLE",
    "StageStyle",
    "UNKNOWN_STYLE",
    "group_of",
    "stage_style",
]



@dataclass(frozen=True)
class StageStyle:
    """Marker, colour and size of one stage; ``filled`` False draws an open marker."""

    label: str
    marker: str
    color: str
    size: float = 45.0
    filled: bool = True


_C = OKABE_ITO
STAGE_STYLE: dict[str, StageStyle] = {
    "identified": StageStyle("identified", "o", _C["grey"], 22),
    "intro_requested": StageStyle("intro requested", "^", _C["orange"]),
    "intro_made": StageStyle("intro made", "v", _C["orange"]),
    "outreach_sent": StageStyle("outreach sent", ">", _C["sky"]),
    "scheduled": StageStyle("scheduled", "s", _C["blue"], 38),
    "interviewed": StageStyle("interviewed", "D", _C["blue"], 55),
    "thank_you_sent": StageStyle("thank-you sent", "P", _C["green"], 60),
    "followed_up": StageStyle("followed up", "o", _C["green"], 40),
    "declined": StageStyle("declined", "X", _C["vermillion"], 55),
    "no_response": StageStyle("no response", "x", _C["black"], 45),
    "referral_given": StageStyle("referral given", "*", _C["purple"], 120),
    "card_exchanged": StageStyle("card exchanged", "h", _C["purple"], 40),
    "reference_agreed": StageStyle("reference agreed", "p", _C["purple"], 55),
    "recommendation_agreed": StageStyle("recommendation agreed", "d", _C["purple"], 55),
}

#: Fallback for a stage this version does not know (a newer log).
UNKNOWN_STYLE = StageStyle("other", ".", _C["grey"], 30)


def stage_style(stage: str) -> StageStyle:
    """The style of ``stage``, or :data:`UNKNOWN_STYLE` for one this version does not know."""
    return STAGE_STYLE.get(stage, UNKNOWN_STYLE)


#: The stages in five groups, for charts with many people (the timeline): one colour and
#: marker per group keeps its key to a few items. Every stage belongs to exactly one group.
STAGE_GROUPS: dict[str, tuple[StageStyle, tuple[str, ...]]] = {
    "noted": (StageStyle("noted", "o", _C["grey"], 22), ("identified",)),
    "asked": (StageStyle("asked or introduced", "^", _C["orange"], 45),
              ("intro_requested", "intro_made", "outreach_sent")),
    "met": (StageStyle("meeting scheduled or held", "D", _C["blue"], 50), ("scheduled", "interviewed")),
    "followed": (StageStyle("thanked or followed up", "P", _C["green"], 55), ("thank_you_sent", "followed_up")),
    "good": (StageStyle("referral, card, reference", "*", _C["purple"], 110),
             ("referral_given", "card_exchanged", "reference_agreed", "recommendation_agreed")),
    "closed": (StageStyle("declined or no response", "X", _C["vermillion"], 50), ("declined", "no_response")),
}
_GROUP_OF = {stage: key for key, (_, stages) in STAGE_GROUPS.items() for stage in stages}


def group_of(stage: str) -> tuple[str, StageStyle]:
    """The group of ``stage`` and its style (an unknown stage: ('other', UNKNOWN_STYLE)).

    >>> group_of("thank_you_sent")[1].label
    'thanked or followed up'
    """
    key = _GROUP_OF.get(stage)
    return (key, STAGE_GROUPS[key][0]) if key else ("other", UNKNOWN_STYLE)
