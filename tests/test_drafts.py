"""Drafts: the four kinds, recent-graduate vs job intro, coffee vs call, intermediaries,
user templates, and untrusted names that must come out literally."""

from __future__ import annotations

from datetime import date

import pytest

from netanalytics.errors import AmbiguousPersonError, InputError
from netanalytics.outreach.drafts import about_me, draft, find_intermediary, meeting_ask, render
from netanalytics.outreach.log import log_event

TODAY = date(2026, 3, 1)
PEOPLE = [
    ("p_me", "Sam Seeker", "Sam", "Seeker", None, None, "Boston, MA", 1),
    ("p_ada", "Ada Lovelace", "Ada", "Lovelace", "Engines Ltd", "Head of Analytics", "Greater Boston Area", 0),
    ("p_far", "Fay Faraway", "Fay", "Faraway", "Acme", "Designer", "Denver, Colorado", 0),
    ("p_bob", "Bob Friend", "Bob", "Friend", "Acme", "Engineer", "Boston", 0),
    ("p_cat", "Cat Cousin", "Cat", "Cousin", "Acme", "Engineer", "Boston", 0),
    ("p_anon", "Nina Nowhere", None, None, None, None, None, 0),
]


def build(ws, *, graduated="2025-06-01", positions=(("Acme", "Data Intern", "2024-06-01", "2024-08-31"),)):
    for pid, full, first, last, company, pos, loc, is_me in PEOPLE:
        ws.conn.execute(
            "INSERT INTO people(person_id, full_name, first_name, last_name, company, position, location,"
            " is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')",
            (pid, full, first, last, company, pos, loc, is_me),
        )
    ws.conn.executemany(
        "INSERT INTO my_profile(key, value) VALUES (?, ?)",
        [("first_name", "Sam"), ("last_name", "Seeker"), ("location", "Boston, MA")],
    )
    ws.conn.execute(
        "INSERT INTO my_education(school, degree, start_on, end_on) VALUES ('State University', 'BSc', '2021', ?)",
        (graduated,),
    )
    ws.conn.executemany(
        "INSERT INTO my_positions(company, title, started_on, finished_on) VALUES (?, ?, ?, ?)", positions
    )
    ws.conn.execute("INSERT INTO ties(owner_id, person_id, relationship) VALUES ('p_me', 'p_bob', 'acquaintance')")
    ws.conn.execute("INSERT INTO ties(owner_id, person_id, relationship) VALUES ('p_me', 'p_cat', 'family')")
    ws.conn.execute("INSERT INTO ties(owner_id, person_id) VALUES ('p_bob', 'p_ada')")
    ws.conn.execute("INSERT INTO ties(owner_id, person_id) VALUES ('p_cat', 'p_ada')")
    return ws


@pytest.fixture
def ws(tmp_workspace):
    return build(tmp_workspace)


def body(text):
    return text.split("\n", 1)[1]


def test_direct_ask_recent_graduate_same_metro_only_asks_to_meet(ws):
    text = draft(ws, "Ada Lovelace", "direct", today=TODAY)
    assert "recently graduated from State University" in text
    assert "Head of Analytics at Engines Ltd" in text
    assert "coffee" in text and "video" not in text
    assert text.count("?") == 1  # the one question is the request to meet
    assert "Bob" not in text  # no intro happened, so no "Bob suggested I reach out"


def test_direct_ask_elsewhere_suggests_a_call_and_names_shared_employer(ws):
    text = draft(ws, "p_far", "direct", today=TODAY)
    assert "video or phone call" in text and "coffee" not in text
    assert "we both worked at Acme" in text


def test_direct_ask_unknown_location_offers_either(ws):
    assert "a short coffee or a 20-minute call" in draft(ws, "Nina Nowhere", "direct", today=TODAY)


def test_not_a_recent_graduate_uses_latest_job(tmp_workspace):
    ws = build(tmp_workspace, graduated="2015-06-01", positions=[
        ("Oldco", "Analyst", "2015-07-01", "2019-01-01"), ("Newco", "Senior Analyst", "2019-02-01", None)])
    text = draft(ws, "Ada Lovelace", "direct", today=TODAY)
    assert "currently a Senior Analyst at Newco" in text and "State University" not in text
    between = build_between(tmp_workspace)
    assert between.recent_graduate is False and between.job_company == "Newco"


def build_between(ws):
    ws.conn.execute("UPDATE my_positions SET finished_on = '2025-12-01' WHERE company = 'Newco'")
    me = about_me(ws, TODAY)
    assert "most recently I was a Senior Analyst at Newco" in me.intro_sentence()
    return me


def test_never_worked_full_time_counts_as_graduate(tmp_workspace):
    ws = build(tmp_workspace, graduated="2019-06-01")
    me = about_me(ws, TODAY)  # only an internship: still introduces with the school
    assert me.recent_graduate and "State University" in me.intro_sentence()


def test_intro_request_picks_the_strongest_intermediary_and_has_a_blurb(ws):
    assert find_intermediary(ws, "p_ada") == "p_cat"  # family beats acquaintance
    text = draft(ws, "Ada Lovelace", "intro-request", today=TODAY)
    assert text.startswith("Subject: Could you introduce me to Ada?")
    assert "Hi Cat," in text
    blurb = text.split("----")[1]
    assert "Hi Ada, I'd like to introduce Sam Seeker" in blurb and "State University" in blurb


def test_intro_request_prefers_the_logs_via_and_accepts_an_explicit_one(ws):
    log_event(ws, "p_ada", "intro_requested", via="Bob Friend", at="2026-02-01")
    assert "Hi Bob," in draft(ws, "p_ada", "intro-request", today=TODAY)
    assert "Hi Cat," in draft(ws, "p_ada", "intro-request", via="p_cat", today=TODAY)


def test_direct_after_intro_made_mentions_the_intermediary(ws):
    log_event(ws, "p_ada", "intro_requested", via="Bob Friend", at="2026-02-01")
    log_event(ws, "p_ada", "intro_made", via="Bob Friend", at="2026-02-03")
    assert "Bob Friend suggested I reach out" in draft(ws, "p_ada", "direct", today=TODAY)


def test_intro_request_without_intermediary_is_a_clear_error(ws):
    with pytest.raises(InputError, match="No intermediary known for Fay Faraway.*intermediary \\(via\\)"):
        draft(ws, "p_far", "intro-request", today=TODAY)


def test_thank_you_and_keep_in_touch_use_the_log(ws):
    log_event(ws, "p_ada", "interviewed", at="2026-03-02 10:00", learned="how analytics teams hire.")
    thanks = draft(ws, "p_ada", "thank-you", today=TODAY)
    assert "on March 2" in thanks and "what you shared about how analytics teams hire." in thanks
    update = draft(ws, "p_ada", "keep_in_touch", today=TODAY)
    assert "since we last spoke in March" in update and "Your advice about how analytics teams hire" in update


def test_bad_kind_and_self_and_ambiguous(ws):
    with pytest.raises(InputError, match="kind: expected one of intro-request"):
        draft(ws, "p_ada", "poem")
    with pytest.raises(InputError, match="that is you"):
        draft(ws, "Sam Seeker", "direct")
    ws.conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p_x', 'Ada Lovelace', '', '')")
    with pytest.raises(AmbiguousPersonError):
        draft(ws, "Ada Lovelace", "direct")


def test_workspace_template_overrides_the_shipped_one(ws):
    folder = ws.folder / "templates"
    folder.mkdir()
    (folder / "direct.txt").write_text("Yo ${their_first_name}! ${meeting_ask}? -- ${my_first_name} ${unknown}")
    assert draft(ws, "p_ada", "direct", today=TODAY) == "Yo Ada! a short coffee near you? -- Sam ${unknown}\n"


@pytest.mark.parametrize("hostile", ["{0.__class__}", "{my_name}", "$my_name", "${their_name}", "%(x)s", "{{}}"])
def test_untrusted_names_come_out_literally(ws, hostile):
    ws.conn.execute(
        "INSERT INTO people(person_id, full_name, first_name, company, position, created_at, updated_at)"
        " VALUES ('p_h', ?, ?, ?, ?, '', '')",
        (f"{hostile} Smith", hostile, hostile, hostile),
    )
    text = draft(ws, "p_h", "direct", today=TODAY)
    assert f"Hi {hostile}," in text
    assert f"Your work as {hostile} at {hostile} stood out" in text
    assert "class" not in text.replace(hostile, "")


def test_render_keeps_unknown_placeholders():
    assert render("$a ${b} $$", {"a": "${b}"}) == "${b} ${b} $"


def test_meeting_ask_kinds():
    assert "coffee" in meeting_ask("New York, NY", "New York City Metropolitan Area")
    assert "video or phone" in meeting_ask("Boston", "Denver")


def test_intro_request_speaks_of_the_target_in_the_third_person(ws):
    ws.conn.execute("UPDATE people SET company = 'Acme' WHERE person_id = 'p_ada'")
    text = draft(ws, "p_ada", "intro-request", today=TODAY)
    assert "Ada's work as Head of Analytics at Acme stood out to me, all the more since Ada and I both worked at Acme" in text
    assert "Your work" not in text


# ---------------------------------------------------------------- tone and grammar (issue 10)

import re  # noqa: E402

from netanalytics.outreach.drafts import DRAFT_KINDS, default_kind, tone_of  # noqa: E402


def _rate(ws, person_id, label):
    ws.conn.execute("DELETE FROM ties WHERE owner_id = 'p_me' AND person_id = ?", (person_id,))
    ws.conn.execute("INSERT INTO ties(owner_id, person_id, relationship) VALUES ('p_me', ?, ?)", (person_id, label))


def _grammar_problems(text: str) -> list[str]:
    """What a careful reader would flag: leftover placeholders, doubled or stray spaces and
    punctuation, empty brackets, sentences starting in lower case, 'a' before a vowel."""
    problems = []
    checks = {
        "placeholder left": r"\$\{?\w+",
        "double space": r"[^\n ]  +[^\n ]",
        "space before punctuation": r" [.,;:!?]",
        "doubled punctuation": r"[.,;:]{2,}(?!\.)|\?\.|\.\?",
        "empty brackets": r"\(\s*\)",
        "lower-case sentence start": r"[.!?] +[a-z]",
        "a before a vowel sound": r"\ba [aeiouAEIOU]\w",
        "pronouns in prose": r"\((?:she|he|they)/",
    }
    for name, pattern in checks.items():
        if re.search(pattern, text):
            problems.append(f"{name}: {re.search(pattern, text).group(0)!r}")
    return problems


@pytest.mark.parametrize("relationship", ["family", "close-friend", "friend", "colleague", "acquaintance", None])
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_every_template_reads_well_with_every_kind_of_tie(tmp_workspace, kind, relationship):
    ws = build(tmp_workspace)
    log_event(ws, "p_ada", "interviewed", at="2026-02-20 10:00", via="p_bob")
    reader = "p_bob" if kind == "intro-request" else "p_ada"
    if relationship:
        _rate(ws, reader, relationship)
    else:
        ws.conn.execute("UPDATE ties SET relationship = NULL WHERE owner_id = 'p_me' AND person_id = ?", (reader,))
    text = draft(ws, "p_ada", kind, via="p_bob" if kind == "intro-request" else None, today=TODAY)
    assert _grammar_problems(text) == [], text
    friendly = relationship in ("family", "close-friend", "friend")
    assert tone_of(ws, reader) == ("friendly" if friendly else "formal")
    words = len(body(text).split())
    if friendly:  # short and friendly, signed with the first name only
        assert text.rstrip().endswith("\nSam") and "Best,\nSam Seeker" not in text
    else:  # polite and formal, signed in full
        assert text.rstrip().endswith("Sam Seeker")
    assert words < 220


def test_a_close_friend_gets_a_shorter_note_than_an_acquaintance(tmp_workspace):
    ws = build(tmp_workspace)
    _rate(ws, "p_bob", "close-friend")
    friendly = draft(ws, "p_ada", "intro-request", via="p_bob", today=TODAY)
    _rate(ws, "p_bob", "acquaintance")
    formal = draft(ws, "p_ada", "intro-request", via="p_bob", today=TODAY)
    assert len(friendly) < len(formal)
    assert "Quick favour" in friendly and "I hope you're doing well" in formal


def test_names_in_prose_have_no_pronouns_or_credentials_and_lookup_ignores_them(tmp_workspace):
    ws = build(tmp_workspace)
    ws.conn.execute(
        "INSERT INTO people(person_id, full_name, first_name, last_name, name_key, company, position, location,"
        " created_at, updated_at) VALUES ('p_ebony', 'Ebony Zhao (she/her)', NULL, NULL, 'ebony zhao', 'Stripe',"
        " 'Product Manager', 'Boston', '', '')")
    ws.conn.execute("INSERT INTO ties(owner_id, person_id) VALUES ('p_me', 'p_ebony')")
    text = draft(ws, "Ebony Zhao", "direct", today=TODAY)  # found without the pronouns
    assert "Hi Ebony," in text and "she/her" not in text and "(she" not in text
    ws.conn.execute("UPDATE people SET full_name = 'Ebony Zhao, MBA', first_name = 'Ebony' WHERE person_id = 'p_ebony'")
    assert "MBA" not in body(draft(ws, "Ebony Zhao", "thank-you", today=TODAY))


def test_the_default_kind_follows_the_log(ws):
    assert default_kind(ws, "p_ada") == "intro-request"  # friends of friends: ask for an introduction
    assert default_kind(ws, "p_bob") == "direct"  # someone I know
    log_event(ws, "p_ada", "interviewed", at="2026-02-20 10:00")
    assert default_kind(ws, "p_ada") == "thank-you"
    log_event(ws, "p_ada", "thank_you_sent", at="2026-02-20 18:00")
    assert default_kind(ws, "p_ada") == "keep-in-touch"
    assert draft(ws, "p_ada", today=TODAY).startswith("Subject: A quick update")
