"""Referrals: someone a contact referred me to becomes a person in my network.

Logging ``referral_given`` with a :class:`Referral` finds the referred person (by id, profile
URL, or an unambiguous name) or creates them, and ties them to the referrer under a
'manual' source, so the ranking sees the new path at once. Undo removes the tie and the
source again, and the person too when the referral created them and nothing else
refers to them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netanalytics.errors import AmbiguousPersonError, InputError
from netanalytics.identity.normalize import company_key, name_key
from netanalytics.outreach.vocabulary import clean_text
from netanalytics.urls import check_profile_url, profile_url_key
from netanalytics.workspace.db import utc_now_iso
from netanalytics.workspace.rows import (
    add_identity_keys,
    insert_person,
    insert_source,
    insert_ties,
    tie_between,
)

__all__ = ["Referral", "ensure_referred_person", "referral_person_id"]


@dataclass(frozen=True)
class Referral:
    """Someone a contact referred me to; logged with stage ``referral_given``.

    ``profile_url`` must be a LinkedIn profile URL (checked here, when the referral is
    made, by the one URL validator).

    >>> Referral("Zed Newman", profile_url="javascript:alert(1)")
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: referral.profile_url: expected a LinkedIn profile URL like https://www.linkedin.com/in/name, found 'javascript:alert(1)'.
    """

    name: str
    company: str | None = None
    position: str | None = None
    profile_url: str | None = None

    def __post_init__(self) -> None:
        check_profile_url(self.profile_url, "referral.profile_url")


def referral_person_id(referral: Referral) -> str:
    """A stable id for a person created from a referral (same inputs, same id)."""
    from netanalytics.identity.resolve import (
        make_person_id,  # (resolve loads pandas: only when needed)
    )

    url = profile_url_key(referral.profile_url)
    key = f"url:{url}" if url else f"name:{name_key(referral.name)}|{company_key(referral.company)}"
    return make_person_id(key)


def ensure_referred_person(
    conn: sqlite3.Connection,
    referrer_id: str,
    referral: Referral,
    moment: datetime,
    known_id: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """Find or create the referred person and the tie from the referrer; returns (id, created).

    ``known_id`` (a person id from an exported log) is tried first.
    """
    name = (referral.name or "").strip()
    if not name:
        raise InputError("referral.name", "the referred person's name", "nothing", param="referral.name")
    created: dict[str, Any] = {}
    url = profile_url_key(referral.profile_url)
    row = None
    if known_id:
        row = conn.execute(
            "SELECT person_id FROM people WHERE person_id = ? AND merged_into IS NULL", (known_id,)
        ).fetchone()
    if row is None and url:
        row = conn.execute(
            "SELECT person_id FROM people WHERE profile_url = ? AND merged_into IS NULL", (url,)
        ).fetchone()
    if row is None:
        rows = conn.execute(
            "SELECT person_id, full_name, company FROM people"
            " WHERE merged_into IS NULL AND lower(full_name) = lower(?) ORDER BY person_id",
            (name,),
        ).fetchall()
        if len(rows) > 1 and referral.company:
            rows = [r for r in rows if (r["company"] or "").casefold() == referral.company.casefold()]
        if len(rows) > 1:
            raise AmbiguousPersonError(
                name, [(r["person_id"], r["full_name"], r["company"] or "") for r in rows]
            )
        row = rows[0] if rows else None
    if row is not None:
        person_id = row["person_id"]
    else:
        person_id = referral_person_id(referral)
        if conn.execute("SELECT 1 FROM people WHERE person_id = ?", (person_id,)).fetchone():
            raise InputError(
                f"The referred person '{name}' matches a person that was merged away; "
                "give their profile URL or a different spelling."
            )
        insert_person(conn, person_id, name, now=utc_now_iso(), company=clean_text(referral.company),
                      position=clean_text(referral.position), profile_url=url)
        created["person_id"] = person_id
        if url:
            add_identity_keys(conn, [("url", url, person_id, None)])
    if person_id == referrer_id:
        raise InputError("A person cannot refer you to themselves; check the referral name.")
    if conn.execute("SELECT is_me FROM people WHERE person_id = ?", (person_id,)).fetchone()[0]:
        raise InputError("The referral names you; check the referral name.")
    if tie_between(conn, referrer_id, person_id) is None:
        source_id = insert_source(
            conn, kind="manual", owner_person_id=referrer_id, path="outreach log",
            content_hash=f"referral:{referrer_id}:{person_id}", imported_at=utc_now_iso(), rows_read=1,
            summary=f"Referral logged on {moment:%Y-%m-%d}",
        )
        insert_ties(conn, [(referrer_id, person_id, source_id)], ("owner_id", "person_id", "source_id"))
        created["tie"] = [referrer_id, person_id]
        created["source_id"] = source_id
    return person_id, created


