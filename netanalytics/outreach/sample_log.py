"""A made-up outreach log: a few months of plausible activity, for the demo and for trying things.

The sample user looks for product roles in fintech. The generator picks people from the
workspace who fit, as recognition reads them (a fintech company such as Stripe or Toast, a
product title such as "Sr. PM" or "Head of Product"), reached either through friends who
are my first-degree connections (intro requests) or directly (my own connections), and plays
out a realistic story for each: asks, introductions, nudges, meetings, thank-yous (mostly on
time, some late, one forgotten), silences, a decline, cards, a reference, keep-in-touch notes
and a couple of referrals to new people (who are then approached through the referrer).

It works in two steps so the story can be tested without a workspace:
:func:`plan_sample_log` (pure: candidates in, planned events out, deterministic for a seed)
and :func:`generate_sample_log` (picks candidates from the workspace and writes the plan
through :func:`netanalytics.outreach.log.log_event`, in one transaction).

>>> import datetime as dt
>>> plan = plan_sample_log(
...     direct=[Candidate("p_1", "Ada Park")],
...     via=[Candidate("p_2", "Bo Chen", via_id="p_9", via_name="Sam Lee")],
...     seed=1, today=dt.date(2026, 3, 1), months=2)
>>> plan[0].stage
'identified'
>>> plan == plan_sample_log(direct=[Candidate("p_1", "Ada Park")],
...     via=[Candidate("p_2", "Bo Chen", via_id="p_9", via_name="Sam Lee")],
...     seed=1, today=dt.date(2026, 3, 1), months=2)
True
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass

from netanalytics.errors import InputError
from netanalytics.workspace.db import Workspace

__all__ = [
    "SCENARIOS",
    "Candidate",
    "PlannedEvent",
    "generate_sample_log",
    "pick_candidates",
    "plan_sample_log",
]

#: Every note the generator writes starts with this, so made-up events are easy to spot.
SAMPLE_MARK = "[sample]"
#: The sample user's goal (the demo's target): product roles in fintech.
SAMPLE_TARGET = {"industries": ["fintech"], "titles": ["product manager", "product"]}
#: Candidates with at least this fit (0..1) are preferred: for the sample target, someone at a
#: fintech company *and* in a product role; partial fits only top up a short list.
MIN_FIT = 0.75


@dataclass(frozen=True)
class Candidate:
    """A person to approach: directly (``via_id`` None) or through an intermediary."""

    person_id: str
    name: str
    company: str | None = None
    via_id: str | None = None
    via_name: str | None = None


@dataclass(frozen=True)
class PlannedEvent:
    """One event of the plan. ``person`` is a person id or a referral key ``'ref:N'``.

    A ``referral_given`` event carries ``referral`` = (name, company, position) and
    ``referral_key``: later events for the referred person use that key as ``person`` (or
    as ``via``), and the writer maps it to the id the log gives the new person.
    """

    person: str
    stage: str
    at: dt.datetime
    channel: str | None = None
    via: str | None = None
    notes: str | None = None
    questions: str | None = None
    learned: str | None = None
    next_step: str | None = None
    referral: tuple[str, str, str] | None = None
    referral_key: str | None = None


#: The stories, with how often each is drawn (after each required one has appeared once).
SCENARIOS: dict[str, float] = {
    "intro_full": 0.24,
    "intro_referral": 0.04,
    "intro_nudged": 0.10,
    "intro_late_thanks": 0.04,
    "intro_no_thanks": 0.02,
    "intro_no_response": 0.10,
    "intro_declined": 0.06,
    "direct_full": 0.18,
    "direct_late_thanks": 0.02,
    "direct_no_response": 0.14,
    "direct_declined": 0.05,
}
#: Stories every sample log contains (together they log every stage and outcome).
_REQUIRED = (
    "intro_referral",
    "direct_full",
    "intro_no_response",
    "intro_declined",
    "direct_no_response",
    "intro_late_thanks",
    "intro_nudged",
    "intro_no_thanks",
)

# Invented people for referrals, at real fintech companies (facts) or an invented start-up;
# combined by the seed. Any resemblance of a person to a real one is coincidental.
_REF_FIRST = ("Noor", "Teodor", "Imani", "Kasper", "Lucia", "Rafferty", "Yuki", "Odile", "Anouk")
_REF_LAST = ("Vantongeren", "Okonkwo-Bell", "Lindqvist", "Marchetti", "Abernathy", "Sørlie", "Quispe")
_REF_ROLES = (
    ("Plaid", "Senior Product Manager, Payments"),
    ("Capital One", "Group Product Manager"),
    ("Affirm", "Product Lead, Credit"),
    ("Tallyhawk", "Head of Product"),
)
_TOPICS = (
    "how product teams in payments decide what to build",
    "moving into product from an analyst role",
    "what a first product job in fintech looks like",
    "how lending products are changing",
    "where fintech hiring is heading next year",
)
_QUESTIONS = (
    "How did you move into product? What would you look for in a junior PM? "
    "Where is the industry heading?",
    "What does a normal week look like? Which teams hire career changers? "
    "What experience am I missing?",
    "How do regulation and compliance shape the roadmap? Who else should I talk to?",
)
_LEARNED = (
    "Payments PMs spend a lot of time with risk and compliance; SQL matters more than I thought.",
    "Associate PM programmes open in January; a portfolio of small case studies helps.",
    "Lending teams hire from operations; highlight my analysis work and customer contact.",
    "Smaller fintechs hire through referrals; keep in touch and share progress.",
)


def _time(rng: random.Random, day: dt.date, start_hour: int = 8, end_hour: int = 18) -> dt.datetime:
    """A plausible working-hours moment on ``day`` (minutes in steps of 5)."""
    hour = rng.randint(start_hour, end_hour)
    return dt.datetime(day.year, day.month, day.day, hour, rng.randrange(0, 60, 5))


def _after(rng: random.Random, moment: dt.datetime, low: float, high: float) -> dt.datetime:
    """A working-hours moment ``low``–``high`` days after ``moment`` (never before it)."""
    day = (moment + dt.timedelta(days=rng.uniform(low, high))).date()
    candidate = _time(rng, day)
    return max(candidate, moment + dt.timedelta(hours=1))


def _deck(weights: dict[str, float], size: int) -> list[str]:
    """``size`` scenario names in proportion to ``weights`` (largest remainders).

    >>> _deck({"a": 0.5, "b": 0.3, "c": 0.2}, 4)
    ['a', 'a', 'b', 'c']
    """
    total = sum(weights.values())
    quotas = {k: w * size / total for k, w in weights.items()}
    counts = {k: int(q) for k, q in quotas.items()}
    leftover = size - sum(counts.values())
    by_remainder = sorted(quotas, key=lambda k: (-(quotas[k] - counts[k]), list(weights).index(k)))
    for k in by_remainder[:leftover]:
        counts[k] += 1
    return [k for k in weights for _ in range(counts[k])]


def _nudge_time(rng: random.Random, asked: dt.datetime) -> dt.datetime:
    """A nudge a week after the ask: usually on day 6–7, now and then (15%) a few days late."""
    return _after(rng, asked, 9, 11) if rng.random() < 0.15 else _after(rng, asked, 6, 6.9)


class _Story:
    """Builds one contact's events; stops adding once past today."""

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.limit = dt.datetime.combine(today, dt.time(23, 59))
        self.events: list[PlannedEvent] = []

    def add(self, person: str, stage: str, at: dt.datetime, **fields: object) -> bool:
        if at > self.limit:
            return False
        note = fields.pop("notes", None)
        self.events.append(
            PlannedEvent(person, stage, at, notes=f"{SAMPLE_MARK} {note}" if note else SAMPLE_MARK, **fields)  # type: ignore[arg-type]
        )
        return True


def _meeting(story: _Story, person: str, name: str, company: str | None, at: dt.datetime,
             *, thanks: str, extras: Sequence[str] = ()) -> dt.datetime | None:
    """scheduled -> interviewed -> (card, reference …) -> thank-you -> keep in touch.

    ``thanks``: 'on_time' (within 24 h), 'late' (2–4 days) or 'missing'. Returns the time
    of the interview, or None when it lies in the future.
    """
    rng = story.rng
    where = company or "their team"
    scheduled = _after(rng, at, 1, 4)
    if not story.add(person, "scheduled", scheduled, channel="email",
                     notes=f"Agreed a meeting with {name}.", next_step="Prepare questions"):
        return None
    met = _after(rng, scheduled, 3, 9)
    channel = rng.choice(("coffee", "video", "video", "phone", "coffee"))
    if not story.add(person, "interviewed", met, channel=channel,
                     notes=f"Informational interview about {rng.choice(_TOPICS)} at {where}.",
                     questions=rng.choice(_QUESTIONS), learned=rng.choice(_LEARNED),
                     next_step="Send a thank-you within 24 hours"):
        return None
    for i, extra in enumerate(extras):
        story.add(person, extra, met + dt.timedelta(minutes=5 * (i + 1)),
                  channel="in_person" if channel == "coffee" else channel,
                  notes={"card_exchanged": "Swapped cards.",
                         "reference_agreed": "Happy to be a reference.",
                         "recommendation_agreed": "Offered to write a LinkedIn recommendation."}[extra])
    if thanks == "missing":
        return met
    hours = rng.uniform(2, 20) if thanks == "on_time" else rng.uniform(50, 96)
    sent = (met + dt.timedelta(hours=hours)).replace(second=0, microsecond=0)
    if sent.hour < 7:  # not in the small hours: first thing that morning
        sent = sent.replace(hour=rng.randint(7, 9))
    elif sent.hour >= 22:
        sent = sent.replace(hour=rng.randint(19, 21))
    if not story.add(person, "thank_you_sent", sent, channel=rng.choice(("email", "linkedin")),
                     notes=f"Thanked {name} and mentioned one thing I will act on."):
        return met
    later = _after(rng, sent, 28, 60)
    story.add(person, "followed_up", later, channel="email",
              notes="Keep-in-touch update: shared progress on applications.")
    return met


def _ask_via(story: _Story, c: Candidate, start: dt.datetime, *, reply: str,
             person: str | None = None, via: str | None = None) -> dt.datetime | None:
    """identified -> intro_requested [-> nudge] -> intro_made | no_response | declined.

    Returns the time of ``intro_made`` (None when the intro did not happen by today).
    """
    rng = story.rng
    person = person or c.person_id
    via = via or c.via_id
    via_name = c.via_name or "a friend"
    asked = _after(rng, start, 0, 2)
    if not story.add(person, "intro_requested", asked, channel=rng.choice(("email", "linkedin", "phone")),
                     via=via, notes=f"Asked {via_name} for an introduction to {c.name}.",
                     next_step="Nudge in a week if no reply"):
        return None
    if reply == "declined":
        story.add(person, "declined", _after(rng, asked, 1, 5), channel="email", via=via,
                  notes=f"{via_name} would rather not ask {c.name} right now.")
        return None
    if reply in ("nudged", "no_response"):
        nudge = _nudge_time(rng, asked)
        if not story.add(person, "followed_up", nudge, channel="email", via=via,
                         notes=f"Polite nudge to {via_name}."):
            return None
        if reply == "no_response":
            story.add(person, "no_response", _after(rng, nudge, 7, 10), via=via,
                      notes="No reply after a nudge; moving on.")
            return None
        asked = nudge
    made = _after(rng, asked, 1, 5)
    if not story.add(person, "intro_made", made, channel="email", via=via,
                     notes=f"{via_name} introduced me to {c.name} by email."):
        return None
    return made


def _ask_direct(story: _Story, c: Candidate, start: dt.datetime, *, reply: str) -> dt.datetime | None:
    """outreach_sent [-> nudge] -> (reply) | no_response | declined; returns the reply time."""
    rng = story.rng
    sent = _after(rng, start, 0, 3)
    if not story.add(c.person_id, "outreach_sent", sent, channel=rng.choice(("linkedin", "email")),
                     notes="Introduced myself and asked for 20 minutes; no questions yet.",
                     next_step="Nudge in a week if no reply"):
        return None
    if reply == "declined":
        story.add(c.person_id, "declined", _after(rng, sent, 1, 6), channel="linkedin",
                  notes="Too busy this quarter; suggested trying again later.")
        return None
    if reply == "waiting":  # no reply, and the nudge has not gone out yet
        return None
    if reply == "no_response":
        nudge = _nudge_time(rng, sent)
        if story.add(c.person_id, "followed_up", nudge, channel="linkedin", notes="Polite nudge."):
            story.add(c.person_id, "no_response", _after(rng, nudge, 7, 10),
                      notes="No reply after a nudge; moving on.")
        return None
    return sent


def plan_sample_log(
    *,
    direct: Sequence[Candidate],
    via: Sequence[Candidate],
    seed: int = 7,
    today: dt.date | None = None,
    months: int = 4,
    taken_names: frozenset[str] = frozenset(),
) -> list[PlannedEvent]:
    """The sample log as a list of planned events, oldest first; deterministic for a seed.

    ``direct``: people I can write to myself; ``via``: people reached through an
    intermediary (``via_id``). About five new contacts a month are approached, spread over
    ``months`` up to ``today``; events that would fall after ``today`` are left out, so the
    latest contacts are mid-way (a nudge or a thank-you is due). ``taken_names`` are names
    already in the workspace, avoided for invented referrals.
    """
    today = today or dt.date.today()
    if not 1 <= months <= 36:
        raise InputError("months", "a number of months from 1 to 36", str(months))
    if not direct and not via:
        raise InputError(
            "The sample log needs people to approach: the workspace has no contacts "
            "(import an export first, or build the sample workspace)."
        )
    rng = random.Random(seed)
    direct = sorted(direct, key=lambda c: c.person_id)
    via = sorted(via, key=lambda c: c.person_id)
    rng.shuffle(direct)
    rng.shuffle(via)
    # Take turns between intermediaries, so no one friend is asked for every introduction.
    buckets: dict[str | None, list[Candidate]] = {}
    for c in via:
        buckets.setdefault(c.via_id, []).append(c)
    via = [c for turn in itertools.zip_longest(*buckets.values()) for c in turn if c is not None]
    n = min(len(direct) + len(via), max(6, round(months * 5.5)))

    start = today - dt.timedelta(days=round(months * 30.4))
    span = (today - start).days - 2
    offsets = sorted(rng.uniform(0, span) for _ in range(n))
    required = [s for s in _REQUIRED if (s.startswith("intro") and via) or (s.startswith("direct") and direct)]
    names = list(SCENARIOS)
    weights = [SCENARIOS[s] for s in names]
    kinds: list[str | None] = [None] * n
    early = max(1, round(n * 0.55))
    # Required stories land early enough to run their course; the forgotten thank-you
    # lands in the second half so it shows as recently overdue.
    slots = rng.sample(range(early), min(len(required) - 1, early))
    for slot, kind in zip(slots, [k for k in required if k != "intro_no_thanks"], strict=False):
        kinds[slot] = kind
    if direct and n >= 4:
        # One recent direct message still unanswered, so a nudge is overdue today.
        recent = min((i for i in range(n) if kinds[i] is None),
                     key=lambda i: abs(offsets[i] - (span - 10)), default=None)
        if recent is not None:
            kinds[recent] = "direct_waiting"
            offsets[recent] = span - 10 - rng.uniform(0, 2)
    if "intro_no_thanks" in required:
        late_free = [i for i in range(n) if kinds[i] is None and i >= n // 2 and offsets[i] < span - 21]
        if late_free:
            kinds[rng.choice(late_free)] = "intro_no_thanks"
    # The rest follow the weights as a shuffled deck (not independent draws), so every
    # seed gets a plausible mix: mostly good outcomes, a few silences, late thank-yous.
    free = [i for i in range(n) if kinds[i] is None]
    deck = _deck(dict(zip(names, weights, strict=True)), len(free))
    rng.shuffle(deck)
    for i, kind in zip(free, deck, strict=True):
        kinds[i] = kind

    events: list[PlannedEvent] = []
    ref_count = 0
    used_direct = iter(direct)
    used_via = iter(via)
    for offset, drawn in zip(offsets, kinds, strict=True):
        kind = str(drawn)
        wants_via = kind.startswith("intro")
        pool, other = (used_via, used_direct) if wants_via else (used_direct, used_via)
        candidate = next(pool, None)
        if candidate is None:
            candidate = next(other, None)
            if candidate is None:
                break
            kind = ("direct" if wants_via else "intro") + "_full"
        story = _Story(rng, today)
        day = start + dt.timedelta(days=offset)
        begin = _time(rng, day)
        story.add(candidate.person_id, "identified", begin,
                  notes=f"Fits the goal: {candidate.company or 'fintech'}.")
        events_kind = kind.split("_", 1)[1]
        if kind.startswith("intro"):
            reply = {"no_response": "no_response", "declined": "declined", "nudged": "nudged"}.get(
                events_kind, "yes")
            made = _ask_via(story, candidate, begin, reply=reply)
        else:
            reply = {"no_response": "no_response", "declined": "declined",
                     "waiting": "waiting"}.get(events_kind, "yes")
            made = _ask_direct(story, candidate, begin, reply=reply)
        if made is not None:
            thanks = {"late_thanks": "late", "no_thanks": "missing"}.get(events_kind, "on_time")
            extras: list[str] = []
            if events_kind in ("full", "referral", "nudged") and rng.random() < 0.6:
                extras.append("card_exchanged")
            if events_kind == "referral":
                extras += ["card_exchanged", "reference_agreed"] if not extras else ["reference_agreed"]
            elif kind == "direct_full" and "recommendation_agreed" not in {e.stage for e in events}:
                extras.append("recommendation_agreed")
            elif events_kind == "full" and rng.random() < 0.15:
                extras.append("reference_agreed")
            met = _meeting(story, candidate.person_id, candidate.name, candidate.company, made,
                           thanks=thanks, extras=extras)
            if met is not None and (events_kind == "referral" or (events_kind == "full" and ref_count < 2 and rng.random() < 0.2)):
                ref_count += 1
                _referral(story, candidate, met, ref_count, taken_names, follow=events_kind == "referral")
        events.extend(story.events)
    # A few people shortlisted in the last weeks and not asked yet.
    for _ in range(max(1, min(3, n // 8))):
        candidate = next(used_via, None) or next(used_direct, None)
        if candidate is None:
            break
        day = today - dt.timedelta(days=rng.randint(1, 20))
        events.append(PlannedEvent(candidate.person_id, "identified", _time(rng, day),
                                   notes=f"{SAMPLE_MARK} Shortlisted: {candidate.company or 'fintech'}."))
    events.sort(key=lambda e: (e.at, e.person))
    return events


def _referral(story: _Story, referrer: Candidate, met: dt.datetime, number: int,
              taken: frozenset[str], *, follow: bool) -> None:
    """referral_given (a new, invented person), then — when ``follow`` — approach them via the referrer."""
    rng = story.rng
    for _ in range(50):
        name = f"{rng.choice(_REF_FIRST)} {rng.choice(_REF_LAST)}"
        if name.casefold() not in taken:
            break
    company, position = rng.choice(_REF_ROLES)
    key = f"ref:{number}"
    at = met + dt.timedelta(minutes=30)
    if not story.add(referrer.person_id, "referral_given", at, channel="email",
                     notes=f"{referrer.name} suggested I talk to {name} at {company}.",
                     referral=(name, company, position), referral_key=key,
                     next_step=f"Ask {referrer.name} to introduce me to {name}"):
        return
    if not follow:
        return
    newcomer = Candidate(key, name, company, via_id=referrer.person_id, via_name=referrer.name)
    made = _ask_via(story, newcomer, at + dt.timedelta(days=1), reply="yes", person=key,
                    via=referrer.person_id)
    if made is not None:
        _meeting(story, key, name, company, made, thanks="on_time")


# ---------------------------------------------------------------- the workspace side


def pick_candidates(ws: Workspace, *, limit: int = 200) -> tuple[list[Candidate], list[Candidate]]:
    """``(direct, via)`` candidates from the workspace, best fits for the sample goal first.

    The sample user wants :data:`SAMPLE_TARGET` (product roles in fintech), scored with
    :func:`netanalytics.scoring.fit.fit_table`. Direct: my first-degree connections. Via:
    people in the connection lists of my friends (family, close friends, friends, or anyone
    who shared their export with me) who are not my own connections; the friend is the
    intermediary. Full fits (:data:`MIN_FIT`) first; partial or no fits only top up a list
    shorter than 12.
    """
    import pandas as pd

    from netanalytics.scoring.fit import fit_table
    from netanalytics.scoring.target import TargetSpec

    me = ws.me_id()
    if me is None:
        raise InputError(
            "The sample log needs your own profile in the workspace (no 'me' found): "
            "import your LinkedIn archive first, or use the sample workspace."
        )
    conn = ws.conn
    mine = {
        r["person_id"]: r["relationship"]
        for r in conn.execute(
            "SELECT t.person_id, t.relationship FROM ties t JOIN people p ON p.person_id = t.person_id"
            " WHERE t.owner_id = ? AND p.merged_into IS NULL", (me,)
        )
    }
    sharers = {
        r[0] for r in conn.execute(
            "SELECT DISTINCT owner_person_id FROM sources WHERE owner_person_id IS NOT NULL"
            " AND owner_person_id <> ?", (me,)
        )
    }
    friends = {p for p, rel in mine.items() if p in sharers or rel in ("family", "close-friend", "friend")}
    people = pd.DataFrame(
        [tuple(r) for r in conn.execute(
            "SELECT person_id, full_name, company, position, location FROM people"
            " WHERE merged_into IS NULL AND is_me = 0 ORDER BY person_id"
        )],
        columns=["person_id", "full_name", "company", "position", "location"], dtype=object,
    )
    info = dict(zip(people["person_id"], zip(people["full_name"], people["company"], strict=True), strict=True))
    scores = dict(zip(people["person_id"], fit_table(people, TargetSpec.from_mapping(SAMPLE_TARGET))["fit"],
                      strict=True)) if len(people) else {}

    def best(cands: list[Candidate]) -> list[Candidate]:
        ranked = sorted(cands, key=lambda c: (-round(float(scores.get(c.person_id, 0.0)), 6), c.person_id))
        good = [c for c in ranked if scores.get(c.person_id, 0.0) >= MIN_FIT]
        rest = [c for c in ranked if scores.get(c.person_id, 0.0) < MIN_FIT]
        return (good + rest[: max(0, 12 - len(good))])[:limit]

    direct = [Candidate(pid, *info[pid]) for pid in sorted(mine) if pid in info and pid not in friends]
    marks = ",".join("?" * len(friends))
    via_rows = conn.execute(
        f"SELECT owner_id, person_id FROM ties WHERE owner_id IN ({marks})"
        " ORDER BY owner_id, person_id", sorted(friends)
    ).fetchall() if friends else []
    knowers: dict[str, list[str]] = {}
    for row in via_rows:
        pid, friend = row["person_id"], row["owner_id"]
        if pid == me or pid in mine or pid not in info or friend not in info:
            continue
        knowers.setdefault(pid, []).append(friend)
    # Best fits first; each goes through the friend who knows them and has been asked least.
    load = dict.fromkeys(sorted(friends), 0)
    seen: dict[str, Candidate] = {}
    for pid in sorted(knowers, key=lambda p: (-round(float(scores.get(p, 0.0)), 6), p)):
        friend = min(knowers[pid], key=lambda f: (load[f], f))
        load[friend] += 1
        seen[pid] = Candidate(pid, *info[pid], via_id=friend, via_name=info[friend][0])
    return best(direct), best(list(seen.values()))


def generate_sample_log(
    ws: Workspace, *, seed: int = 7, today: dt.date | None = None, months: int = 4
) -> int:
    """Write a few months of made-up outreach into an empty log; returns the events added.

    All or nothing (one transaction), through :func:`~netanalytics.outreach.log.log_event`
    so the log's own checks apply. Refuses a log that already holds events, so made-up
    events never mix with real ones. Every note starts with ``[sample]``.
    """
    from netanalytics.outreach.log import Referral, log_event

    if isinstance(today, dt.datetime):
        today = today.date()
    today = today or dt.date.today()
    existing = ws.conn.execute("SELECT COUNT(*) FROM outreach_events").fetchone()[0]
    if existing:
        raise InputError(
            f"The outreach log in {ws.folder} already holds {existing} events; the sample log "
            "only goes into an empty log, so made-up events never mix with real ones. "
            "Use a fresh workspace (e.g. the sample workspace)."
        )
    direct, via = pick_candidates(ws)
    taken = frozenset(
        r[0].casefold() for r in ws.conn.execute("SELECT full_name FROM people") if r[0]
    )
    plan = plan_sample_log(direct=direct, via=via, seed=seed, today=today, months=months,
                           taken_names=taken)
    keys: dict[str, str] = {}
    with ws.transaction():
        for item in plan:
            person = keys.get(item.person, item.person)
            via_id = keys.get(item.via, item.via) if item.via else None
            referral = Referral(*item.referral) if item.referral else None
            event = log_event(
                ws, person, item.stage, at=item.at, channel=item.channel, via=via_id,
                notes=item.notes, questions=item.questions, learned=item.learned,
                next_step=item.next_step, referral=referral,
            )
            if item.referral_key and event.referral_person_id:
                keys[item.referral_key] = event.referral_person_id
        added = ws.conn.execute("SELECT COUNT(*) FROM outreach_events").fetchone()[0]
    return int(added)
