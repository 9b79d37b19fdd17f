"""Resolve incoming rows to stable person ids.

A row is matched to a known person by, in order:

1. its normalised profile URL (:func:`~netanalytics.identity.normalize.normalize_profile_url`);
2. its e-mail address;
3. its normalised name (:func:`~netanalytics.identity.normalize.name_key`) *with company
   agreement*: the exact (name, company) key seen before, else
   :func:`company_similarity` (rapidfuzz) of the normalised companies ≥
   :data:`COMPANY_THRESHOLD` ("Acme" and "Acme Labs" agree; "Acme" and "Globex" do not). When one side has no
   company, the name must be unique in the workspace *and* in the batch, otherwise the
   row becomes a new person: two people who share a name at different companies stay two.

Two LinkedIn profile URLs that differ mean two people, whatever their names. Rows that
match nobody become new people with id ``'p_' + sha1(first key)[:10]`` where the first
key is the URL, else the e-mail, else name + company + the list's owner; the same import
sequence always yields the same ids (a clash with a different person adds a suffix).

Everything is dictionary look-ups prepared once (:class:`IdentityIndex`); fuzzy matching
runs only among people who share a normalised name.

>>> index = IdentityIndex()
>>> rows = pd.DataFrame({
...     "full_name": ["Ada Lovelace", "Ada Lovelace", "Alan Turing"],
...     "profile_url": ["linkedin.com/in/ada", "https://www.linkedin.com/in/ADA/", None],
...     "email": [None, None, None],
...     "company": ["Engines", "Engines", "Bletchley"],
... })
>>> res = resolve_rows(rows, index, owner_key="me")
>>> res.person_ids[0] == res.person_ids[1] != res.person_ids[2]
True
>>> res.methods
['new', 'url', 'new']
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz

from netanalytics.identity.normalize import (
    company_key,
    name_key,
    normalize_email,
    normalize_profile_url,
)

__all__ = [
    "COMPANY_THRESHOLD",
    "Candidate",
    "IdentityIndex",
    "Resolution",
    "company_similarity",
    "make_person_id",
    "resolve_rows",
    "resolve_values",
]

#: Minimum rapidfuzz ``token_set_ratio`` (0–100) between two normalised company names for
#: a same-name match. 85 accepts "Acme" vs "Acme Labs" (100) and "Globex Corp" vs
#: "Globex Corporation" (100 after suffixes drop), rejects "Acme" vs "Apex" (75).
COMPANY_THRESHOLD = 85.0


def _is_slug_url(url: str | None) -> bool:
    """A public-profile URL (``linkedin.com/in/<slug>``), not a member-id one (``/in/ACoA…``)."""
    return bool(url) and url.startswith("linkedin.com/in/") and not url.startswith("linkedin.com/in/acoa")


def company_similarity(a: str, b: str) -> float:
    """How alike two normalised company names are, 0–100.

    The larger of rapidfuzz's ``token_set_ratio`` (word order and extra words such as
    "Hospital" vs "Hospital System" do not count against a match) and the plain ratio of the
    names without spaces ("JPMorganChase" vs "JPMorgan Chase").

    >>> company_similarity("newton wellesley hospital", "newton wellesley hospital system")
    100.0
    >>> company_similarity("jpmorganchase", "jpmorgan chase")
    100.0
    >>> company_similarity("acme", "apex") < COMPANY_THRESHOLD
    True
    """
    return max(fuzz.token_set_ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")))


def make_person_id(key: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """``'p_' + sha1(key)[:10]``, with ``#2``, ``#3``… added to the key while it clashes.

    >>> make_person_id("url:linkedin.com/in/ada")
    'p_83dfd3d79b'
    >>> make_person_id("url:linkedin.com/in/ada", {"p_83dfd3d79b"}) != 'p_83dfd3d79b'
    True
    """
    n = 1
    while True:
        salted = key if n == 1 else f"{key}#{n}"
        pid = "p_" + hashlib.sha1(salted.encode("utf-8")).hexdigest()[:10]
        if pid not in taken:
            return pid
        n += 1


@dataclass
class Candidate:
    """A known person that a name can match: id, normalised company, public URLs, and the
    normalised companies they worked at before (from ``person_history``)."""

    person_id: str
    company_key: str
    urls: set[str] = field(default_factory=set)
    past_companies: tuple[str, ...] = ()


@dataclass
class IdentityIndex:
    """Look-up tables over everyone already known: build once per import.

    ``by_name`` maps a name key to the live people with that name; ``taken_ids`` holds
    every id ever used (merged-away ones included) so new ids never clash.
    """

    by_url: dict[str, str] = field(default_factory=dict)
    by_email: dict[str, str] = field(default_factory=dict)
    by_name_company: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, list[Candidate]] = field(default_factory=dict)
    taken_ids: set[str] = field(default_factory=set)

    @classmethod
    def from_connection(cls, conn: sqlite3.Connection) -> IdentityIndex:
        """Load the index from a workspace connection (keys follow merges to the survivor)."""
        index = cls()
        merged: dict[str, str] = {}
        for pid, into in conn.execute("SELECT person_id, merged_into FROM people"):
            index.taken_ids.add(pid)
            if into is not None:
                merged[pid] = into

        def live(pid: str) -> str:
            seen = set()
            while pid in merged and pid not in seen:
                seen.add(pid)
                pid = merged[pid]
            return pid

        urls: dict[str, set[str]] = {}
        tables = {"url": index.by_url, "email": index.by_email, "name_company": index.by_name_company}
        for kind, value, pid in conn.execute("SELECT kind, value, person_id FROM identity_keys"):
            pid = live(pid)
            table = tables.get(kind)
            if table is not None:
                table[value] = pid
            if kind == "url" and _is_slug_url(value):
                urls.setdefault(pid, set()).add(value)
        past: dict[str, list[str]] = {}
        for pid, old in conn.execute(
            "SELECT person_id, old_value FROM person_history WHERE field = 'company' AND old_value IS NOT NULL"
        ):
            past.setdefault(live(pid), []).append(company_key(old))
        for pid, nk, company, url, email in conn.execute(
            "SELECT person_id, name_key, company, profile_url, email FROM people"
            " WHERE merged_into IS NULL"
        ):
            # People written by other means (e.g. a referral logged by hand) may carry a
            # URL or e-mail without an identity key: make those findable too.
            if url:
                url = normalize_profile_url(url)
                if url:
                    index.by_url.setdefault(url, pid)
                    if _is_slug_url(url):
                        urls.setdefault(pid, set()).add(url)
            if email:
                email = normalize_email(email)
                if email:
                    index.by_email.setdefault(email, pid)
            if nk:
                index.by_name.setdefault(nk, []).append(
                    Candidate(pid, company_key(company), urls.get(pid, set()), tuple(past.get(pid, ())))
                )
        return index

    def add_person(self, person_id: str, nk: str, ck: str, url: str | None) -> None:
        """Make a person created in this import findable by name in later batches."""
        if not nk:
            return
        for cand in self.by_name.get(nk, []):
            if cand.person_id == person_id:
                if ck and not cand.company_key:
                    cand.company_key = ck
                if _is_slug_url(url):
                    cand.urls.add(url)  # type: ignore[arg-type]
                return
        urls = {url} if _is_slug_url(url) else set()
        self.by_name.setdefault(nk, []).append(Candidate(person_id, ck, urls))  # type: ignore[arg-type]


@dataclass
class Resolution:
    """Per input row: the person id, how it was found, and the normalised keys.

    ``methods`` holds 'url', 'email', 'name' or 'new' per row ('new' for the first row of
    a new person; later rows of the same new person say how they joined it).
    """

    person_ids: list[str]
    methods: list[str]
    url_keys: list[str | None]
    email_keys: list[str | None]
    name_keys: list[str]
    company_keys: list[str]
    new_ids: list[str]

    def identity_keys(self) -> list[tuple[str, str, str]]:
        """(kind, value, person_id) for every identity key the rows carry.

        URL and e-mail keys always; a name+company key only for rows with neither (a
        person known by name only), since that is the only key such a person has.
        """
        keys = [("url", u, p) for p, u in zip(self.person_ids, self.url_keys, strict=True) if u and p]
        keys += [("email", e, p) for p, e in zip(self.person_ids, self.email_keys, strict=True) if e and p]
        keys += [
            ("name_company", f"{nk}|{ck}", p)
            for p, u, e, nk, ck in zip(
                self.person_ids, self.url_keys, self.email_keys, self.name_keys, self.company_keys,
                strict=True,
            )
            if p and nk and not u and not e
        ]
        return keys


def _column(frame: pd.DataFrame, name: str) -> list:
    """A column as a list with None for missing or blank values."""
    if name not in frame.columns:
        return [None] * len(frame)
    col = frame[name]
    missing = col.isna().tolist()
    return [
        None if gone or (v.__class__ is str and (not v or v.isspace())) else v
        for v, gone in zip(col.tolist(), missing, strict=True)
    ]


def resolve_rows(
    frame: pd.DataFrame,
    index: IdentityIndex,
    *,
    owner_key: str,
    name_column: str = "full_name",
    same_name_same_person: bool = False,
    name_pool: dict[str, list[Candidate]] | None = None,
    forbidden: set[str] | frozenset[str] = frozenset(),
    listed_before: set[str] | frozenset[str] = frozenset(),
    create: bool = True,
) -> Resolution:
    """Resolve each row of ``frame`` (columns profile_url, email, company and ``name_column``).

    ``owner_key`` names whose list this is (part of the id of people known only by name).
    In a connections list every row is a different person, so each known person is claimed
    by name at most once and a name without a company must be unique in the batch; with
    ``same_name_same_person`` (interaction rows, which repeat a counterpart) rows sharing a
    name are one person. ``name_pool`` restricts name matching (e.g. to my connections);
    ``forbidden`` ids are never matched by name (a user's split). ``listed_before`` holds
    the people an earlier export of the same owner's list named: a newer export that names
    one of them again (the only one with that name, once in the batch) is that person even
    when the company changed — they moved jobs. With ``create=False``
    unmatched rows get ``None`` instead of a new id. The index learns the new people.
    """
    return resolve_values(
        _column(frame, "profile_url"),
        _column(frame, "email"),
        _column(frame, name_column),
        _column(frame, "company"),
        index,
        owner_key=owner_key,
        same_name_same_person=same_name_same_person,
        name_pool=name_pool,
        forbidden=forbidden,
        listed_before=listed_before,
        create=create,
    )


def resolve_values(
    raw_urls: list,
    raw_emails: list,
    names: list,
    companies: list,
    index: IdentityIndex,
    *,
    owner_key: str,
    same_name_same_person: bool = False,
    name_pool: dict[str, list[Candidate]] | None = None,
    forbidden: set[str] | frozenset[str] = frozenset(),
    listed_before: set[str] | frozenset[str] = frozenset(),
    create: bool = True,
    learn_names: bool = True,
) -> Resolution:
    """:func:`resolve_rows` over parallel lists (None = missing): the fast path for imports.

    ``learn_names=False`` skips teaching the index the names seen (saves time when no
    later batch of the same import will match names against these rows).
    """
    urls = [normalize_profile_url(u) if u else None for u in raw_urls]
    emails = [normalize_email(e) if e else None for e in raw_emails]
    nks = [name_key(n) if n else "" for n in names]
    cks = [company_key(c) if c else "" for c in companies]
    pool = index.by_name if name_pool is None else name_pool
    batch_names = Counter(nks)
    claimed: set[str] = set()
    new_by_name: dict[str, str] = {}
    person_ids: list[str | None] = []
    methods: list[str] = []
    new_ids: list[str] = []
    by_url, by_email = index.by_url, index.by_email
    for url, email, nk, ck, raw_name in zip(urls, emails, nks, cks, names, strict=True):
        pid = by_url.get(url) if url else None
        method = "url"
        if pid is None and email:
            pid = by_email.get(email)
            method = "email"
        if pid is None and nk:
            method = "name"
            if same_name_same_person and not url and nk in new_by_name:
                pid = new_by_name[nk]
            elif nk in pool:
                pid = _match_name(
                    nk, ck, url, pool, index, claimed, forbidden,
                    unique_in_batch=same_name_same_person or batch_names[nk] == 1,
                    listed_before=listed_before,
                )
                if pid is not None and not same_name_same_person:
                    claimed.add(pid)
        if pid is None:
            if not create:
                person_ids.append(None)
                methods.append("none")
                continue
            method = "new"
            if url:
                first_key = f"url:{url}"
            elif email:
                first_key = f"email:{email}"
            else:
                first_key = f"name:{nk or raw_name or ''}|{ck}|{owner_key}"
            pid = make_person_id(first_key, index.taken_ids)
            index.taken_ids.add(pid)
            new_ids.append(pid)
            if same_name_same_person and nk and not url:
                new_by_name[nk] = pid
        if url and url not in by_url:
            by_url[url] = pid
        if email and email not in by_email:
            by_email[email] = pid
        person_ids.append(pid)
        methods.append(method)
    if not learn_names:
        return Resolution(person_ids, methods, urls, emails, nks, cks, new_ids)  # type: ignore[arg-type]
    # Teach the index the names seen, so later batches can match them.
    fresh = set(new_ids)
    for pid, url, nk, ck in zip(person_ids, urls, nks, cks, strict=True):
        if pid is None or not nk:
            continue
        if pid in fresh:
            fresh.discard(pid)
            slug = url and url.startswith("linkedin.com/in/") and not url.startswith("linkedin.com/in/acoa")
            index.by_name.setdefault(nk, []).append(Candidate(pid, ck, {url} if slug else set()))
        else:
            index.add_person(pid, nk, ck, url)
        if not url and not email:
            index.by_name_company.setdefault(f"{nk}|{ck}", pid)
    return Resolution(person_ids, methods, urls, emails, nks, cks, new_ids)  # type: ignore[arg-type]


def _match_name(
    nk: str,
    ck: str,
    url: str | None,
    pool: dict[str, list[Candidate]],
    index: IdentityIndex,
    claimed: set[str],
    forbidden: set[str] | frozenset[str],
    *,
    unique_in_batch: bool,
    listed_before: set[str] | frozenset[str] = frozenset(),
) -> str | None:
    """The one known person this name (with company ``ck``) can be, or None."""
    everyone = pool.get(nk)
    if not everyone:
        return None
    slug = url if _is_slug_url(url) else None
    cands = [
        c
        for c in everyone
        if c.person_id not in claimed
        and c.person_id not in forbidden
        and not (slug and c.urls and slug not in c.urls)
    ]
    if not cands:
        return None
    exact = index.by_name_company.get(f"{nk}|{ck}")
    if exact is not None and any(c.person_id == exact for c in cands):
        return exact
    if ck:
        # The best company agreement wins (past employers count: an old list shows old jobs);
        # two people agreeing equally well cannot be told apart by name and company.
        scores: dict[str, float] = {}
        for c in cands:
            for known in (c.company_key, *c.past_companies):
                if known:
                    score = company_similarity(ck, known)
                    if score >= COMPANY_THRESHOLD and score > scores.get(c.person_id, 0.0):
                        scores[c.person_id] = score
        if scores:
            top = max(scores.values())
            best = [pid for pid, score in scores.items() if score == top]
            return best[0] if len(best) == 1 else None
    # One side has no company: the name must identify one person here and in the batch.
    if len(everyone) == 1 and len(cands) == 1 and unique_in_batch:
        only = cands[0]
        if not ck or not only.company_key:
            return only.person_id
    # A newer export of the same list naming someone it named before: they changed jobs.
    if listed_before and unique_in_batch:
        before = [c for c in everyone if c.person_id in listed_before]
        if len(before) == 1 and before[0] in cands:
            return before[0].person_id
    return None
