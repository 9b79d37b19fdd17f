"""Numbered schema migrations for the workspace SQLite file.

``MIGRATIONS[i]`` upgrades a database at ``PRAGMA user_version = i`` to ``i + 1``. Append
new migrations; never edit one that has shipped. Each runs inside the transaction that
:func:`netanalytics.workspace.db.migrate` opens.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "run_script"]


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several SQL statements inside the current transaction.

    (``executescript`` would commit first, breaking all-or-nothing migrations.)
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement.strip()[:80]}")


def _v1_initial(conn: sqlite3.Connection) -> None:
    """People, ties, sources, my profile, identity keys and overrides, outreach events."""
    run_script(
        conn,
        """
        CREATE TABLE sources (
            source_id       INTEGER PRIMARY KEY,
            kind            TEXT NOT NULL,          -- linkedin_archive, connections_csv, vcard, google_contacts, manual
            owner_person_id TEXT REFERENCES people(person_id),
            path            TEXT NOT NULL,          -- as the user gave it
            content_hash    TEXT NOT NULL,
            relationship    TEXT,                   -- my tie to the owner, when a friend shared it
            imported_at     TEXT NOT NULL,          -- ISO 8601 UTC
            rows_read       INTEGER NOT NULL DEFAULT 0,
            summary         TEXT,                   -- the one-line import summary
            skipped         TEXT                    -- JSON {reason: count} of rows left out
        );
        CREATE INDEX sources_hash ON sources(content_hash, owner_person_id);

        CREATE TABLE people (
            person_id   TEXT PRIMARY KEY,           -- stable: 'p_' + hash of the first key seen
            full_name   TEXT NOT NULL,
            first_name  TEXT,
            last_name   TEXT,
            name_key    TEXT,                       -- normalised name used for matching
            company     TEXT,
            position    TEXT,
            profile_url TEXT,                       -- normalised: 'linkedin.com/in/<slug>'
            email       TEXT,                       -- lower-cased
            location    TEXT,
            categories  TEXT,                       -- contact groups, ';'-joined
            is_me       INTEGER NOT NULL DEFAULT 0,
            merged_into TEXT REFERENCES people(person_id),  -- set when merged away
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE UNIQUE INDEX people_one_me ON people(is_me) WHERE is_me = 1;
        CREATE INDEX people_name_key ON people(name_key);
        CREATE INDEX people_profile_url ON people(profile_url);

        -- Earlier values of company/position (and other fields) when a newer export changes them.
        CREATE TABLE person_history (
            person_id  TEXT NOT NULL REFERENCES people(person_id),
            field      TEXT NOT NULL,
            old_value  TEXT,
            new_value  TEXT,
            changed_at TEXT NOT NULL,
            source_id  INTEGER REFERENCES sources(source_id)
        );
        CREATE INDEX person_history_person ON person_history(person_id);

        -- Which sources mention a person, and where.
        CREATE TABLE person_sources (
            person_id TEXT NOT NULL REFERENCES people(person_id),
            source_id INTEGER NOT NULL REFERENCES sources(source_id),
            line      INTEGER,
            PRIMARY KEY (person_id, source_id)
        );

        -- Exact keys that identify a person: kind 'url' | 'email' | 'name_company'.
        CREATE TABLE identity_keys (
            kind      TEXT NOT NULL,
            value     TEXT NOT NULL,
            person_id TEXT NOT NULL REFERENCES people(person_id),
            source_id INTEGER REFERENCES sources(source_id),  -- the import that first gave it
            PRIMARY KEY (kind, value)
        );
        CREATE INDEX identity_keys_person ON identity_keys(person_id);

        -- The user's corrections, replayed on every import so they survive re-imports.
        CREATE TABLE identity_overrides (
            override_id INTEGER PRIMARY KEY,
            kind        TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
            person_id   TEXT NOT NULL,
            other_id    TEXT,
            detail      TEXT,                       -- JSON: the keys moved by a split
            created_at  TEXT NOT NULL
        );

        -- A tie as asserted by one export: owner's list contains person.
        -- My own ties have owner_id = my person_id and carry the interaction features.
        CREATE TABLE ties (
            owner_id                 TEXT NOT NULL REFERENCES people(person_id),
            person_id                TEXT NOT NULL REFERENCES people(person_id),
            source_id                INTEGER REFERENCES sources(source_id),
            connected_on             TEXT,          -- ISO date
            relationship             TEXT,          -- family, close-friend, friend, colleague, acquaintance
            messages_sent            INTEGER NOT NULL DEFAULT 0,
            messages_received        INTEGER NOT NULL DEFAULT 0,
            first_message_at         TEXT,
            last_message_at          TEXT,
            endorsements_received    INTEGER NOT NULL DEFAULT 0,
            endorsements_given       INTEGER NOT NULL DEFAULT 0,
            recommendations_received INTEGER NOT NULL DEFAULT 0,
            recommendations_given    INTEGER NOT NULL DEFAULT 0,
            invitation               TEXT,          -- outgoing (I invited) | incoming
            PRIMARY KEY (owner_id, person_id),
            CHECK (owner_id <> person_id)
        );
        CREATE INDEX ties_person ON ties(person_id);

        CREATE TABLE my_profile (
            key   TEXT PRIMARY KEY,                 -- first_name, last_name, headline, summary, industry, location, ...
            value TEXT
        );
        CREATE TABLE my_positions (
            company     TEXT,
            title       TEXT,
            location    TEXT,
            started_on  TEXT,
            finished_on TEXT,                       -- NULL = current
            source_id   INTEGER REFERENCES sources(source_id)
        );
        CREATE TABLE my_education (
            school    TEXT,
            degree    TEXT,
            start_on  TEXT,
            end_on    TEXT,
            source_id INTEGER REFERENCES sources(source_id)
        );

        -- The outreach log (issue 4 builds on it). Edits append a new row that supersedes
        -- the old one; deletes set deleted_at. Nothing is ever lost.
        CREATE TABLE outreach_events (
            event_id      INTEGER PRIMARY KEY,
            person_id     TEXT NOT NULL REFERENCES people(person_id),
            stage         TEXT NOT NULL,
            at            TEXT NOT NULL,            -- ISO 8601 timestamp
            channel       TEXT,
            via_person_id TEXT REFERENCES people(person_id),
            notes         TEXT,
            questions     TEXT,
            learned       TEXT,
            next_step     TEXT,
            created_at    TEXT NOT NULL,
            deleted_at    TEXT,
            supersedes    INTEGER REFERENCES outreach_events(event_id)
        );
        CREATE INDEX outreach_person ON outreach_events(person_id, at);
        """
    )


def _v2_outreach(conn: sqlite3.Connection) -> None:
    """Outreach log: undo journal, revert marks, referral links, keep-in-touch settings."""
    run_script(
        conn,
        """
        -- Set when an undo takes an added or edited row back (kept, never shown).
        ALTER TABLE outreach_events ADD COLUMN reverted_at TEXT;
        -- On a referral_given event: the person they referred me to.
        ALTER TABLE outreach_events ADD COLUMN referral_person_id TEXT REFERENCES people(person_id);
        CREATE INDEX outreach_supersedes ON outreach_events(supersedes);

        -- Every change to the log, newest last, so `undo` can take back the latest one.
        CREATE TABLE outreach_actions (
            action_id  INTEGER PRIMARY KEY,
            kind       TEXT NOT NULL CHECK (kind IN ('add', 'edit', 'delete', 'import')),
            event_id   INTEGER REFERENCES outreach_events(event_id),
            detail     TEXT,                        -- JSON: rows, tie and source an add created
            summary    TEXT NOT NULL,               -- plain words, shown by undo
            created_at TEXT NOT NULL,
            undone_at  TEXT
        );

        -- Per-person keep-in-touch settings: a tier ('close', 'default', 'distant', ...)
        -- or an explicit interval in days, and a snooze date.
        CREATE TABLE keep_in_touch (
            person_id     TEXT PRIMARY KEY REFERENCES people(person_id),
            tier          TEXT,
            interval_days INTEGER CHECK (interval_days IS NULL OR interval_days > 0),
            snooze_until  TEXT,                     -- ISO date: nothing due for them before it
            updated_at    TEXT NOT NULL
        );
        """
    )


def _v3_company_labels(conn: sqlite3.Connection) -> None:
    """The user's own industry for a company: wins over every recogniser, survives imports."""
    run_script(
        conn,
        """
        CREATE TABLE company_labels (
            company_key TEXT PRIMARY KEY,           -- recognition.companies.company_key(company)
            company     TEXT NOT NULL,              -- as the user wrote it
            industries  TEXT NOT NULL,              -- taxonomy keys, primary first, ';'-joined
            updated_at  TEXT NOT NULL
        );
        """
    )


def _v4_profiles(conn: sqlite3.Connection) -> None:
    """Saved profile PDFs (kept per import, so a newer PDF keeps the older one as history),
    their experience and education entries, and the user's own word about a person."""
    run_script(
        conn,
        """
        -- One row per imported profile PDF: what it said about the person that day.
        CREATE TABLE profiles (
            profile_id     INTEGER PRIMARY KEY,
            person_id      TEXT NOT NULL REFERENCES people(person_id),
            source_id      INTEGER NOT NULL REFERENCES sources(source_id),
            name           TEXT NOT NULL,
            profile_url    TEXT,                    -- normalised: 'linkedin.com/in/<slug>'
            headline       TEXT,
            location       TEXT,                    -- as written under the headline
            summary        TEXT,
            email          TEXT,
            top_skills     TEXT,                    -- JSON list of strings
            languages      TEXT,                    -- JSON list of [language, proficiency or null]
            certifications TEXT,                    -- JSON list of strings
            honors         TEXT,                    -- JSON list of strings
            publications   TEXT,                    -- JSON list of strings
            imported_at    TEXT NOT NULL
        );
        CREATE INDEX profiles_person ON profiles(person_id, profile_id);

        -- Every experience entry of a profile, in the order the profile lists them (0 = first).
        CREATE TABLE profile_experience (
            profile_id  INTEGER NOT NULL REFERENCES profiles(profile_id),
            position    INTEGER NOT NULL,
            company     TEXT,
            title       TEXT,
            started     TEXT,                       -- 'YYYY' or 'YYYY-MM'
            ended       TEXT,                       -- NULL = to the present
            duration    TEXT,                       -- as written ("2 years 3 months")
            location    TEXT,
            description TEXT,
            PRIMARY KEY (profile_id, position)
        );

        -- Every education entry of a profile, in order.
        CREATE TABLE profile_education (
            profile_id INTEGER NOT NULL REFERENCES profiles(profile_id),
            position   INTEGER NOT NULL,
            school     TEXT NOT NULL,
            degree     TEXT,
            field      TEXT,
            start_year INTEGER,
            end_year   INTEGER,
            PRIMARY KEY (profile_id, position)
        );

        -- The user's own word about a person: wins over every import and survives them.
        -- people.<field> shows the user's value; imported_value keeps what the imports say
        -- (restored when the user clears the field).
        CREATE TABLE person_edits (
            person_id      TEXT NOT NULL REFERENCES people(person_id),
            field          TEXT NOT NULL CHECK (field IN ('location', 'school', 'company', 'position')),
            value          TEXT NOT NULL,
            imported_value TEXT,
            updated_at     TEXT NOT NULL,
            PRIMARY KEY (person_id, field)
        );
        """
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_initial, _v2_outreach, _v3_company_labels, _v4_profiles,
]
SCHEMA_VERSION = len(MIGRATIONS)
