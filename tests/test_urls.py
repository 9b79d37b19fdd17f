"""Profile URLs: one normaliser, one validator, used by every entry point that takes a URL."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netanalytics.errors import InputError
from netanalytics.identity.normalize import normalize_profile_url
from netanalytics.ingest.linkedin import url_key
from netanalytics.urls import check_profile_url, profile_link, profile_url_key

HOSTILE_URLS = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "javascript://linkedin.com/in/x%0aalert(1)",
    "file:///etc/passwd",
    "https://evil.example/in/ada",
    "https://linkedin.com.evil.example/in/ada",
    "https://evil.example@linkedin.com.evil/in/ada",
    "ftp://www.linkedin.com/in/ada",
    "<script>alert(1)</script>",
    "linkedin.com",
]


def test_one_rule_for_every_layer():
    """Ingest, identity and the URL home give the same key: they are the same function."""
    assert url_key is profile_url_key and normalize_profile_url is profile_url_key


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_anything_that_is_not_a_linkedin_profile_has_no_key_and_is_refused(url):
    assert profile_url_key(url) is None
    with pytest.raises(InputError, match="expected a LinkedIn profile URL") as err:
        check_profile_url(url, "owner_url")
    assert err.value.param == "owner_url"


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_every_key_is_a_profile_and_every_link_is_https_linkedin(text):
    key = profile_url_key(text)
    if key is None:
        return
    assert key.startswith(("linkedin.com/", "urn:li:"))
    link = profile_link(key)
    assert link is None or link.startswith("https://www.linkedin.com/")
    assert profile_url_key(link or key) == key  # a key is its own key


def test_import_refuses_an_owner_url_that_is_not_a_profile(tmp_workspace, tmp_path):
    from netanalytics.workspace.importer import import_source

    path = tmp_path / "Connections.csv"
    path.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                    "Nia,Okoro,,,Ledger Pay,Analyst,01 Mar 2024\n", encoding="utf-8")
    with pytest.raises(InputError, match="owner_url: expected a LinkedIn profile URL") as err:
        import_source(tmp_workspace, path, owner="Maya", owner_url="javascript:alert(1)")
    assert "--" not in str(err.value)
    assert tmp_workspace.conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_an_export_row_with_a_hostile_url_is_kept_without_a_url(tmp_workspace, tmp_path):
    from netanalytics.workspace.importer import import_source
    from netanalytics.workspace.queries import people_frame

    path = tmp_path / "Connections.csv"
    path.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                    "Nia,Okoro,javascript:alert(1),,Ledger Pay,Analyst,01 Mar 2024\n", encoding="utf-8")
    import_source(tmp_workspace, path)
    stored = tmp_workspace.conn.execute("SELECT profile_url FROM people WHERE full_name = 'Nia Okoro'").fetchone()
    assert stored[0] is None
    assert people_frame(tmp_workspace).set_index("name").loc["Nia Okoro", "profile_url"] is None


@pytest.fixture
def logged(tmp_workspace):
    for pid, name, is_me in [("p_me", "Sam Seeker", 1), ("p_ada", "Ada Lovelace", 0)]:
        tmp_workspace.conn.execute("INSERT INTO people(person_id, full_name, is_me, created_at, updated_at)"
                                   " VALUES (?, ?, ?, '', '')", (pid, name, is_me))
    return tmp_workspace


def test_log_refuses_a_referral_url_that_is_not_a_profile(logged):
    from netanalytics.outreach.log import Referral, log_event

    with pytest.raises(InputError, match="referral.profile_url: expected a LinkedIn profile URL"):
        log_event(logged, "Ada Lovelace", "referral_given",
                  referral=Referral("Zed Newman", profile_url="javascript:alert(1)"))
    assert logged.conn.execute("SELECT count(*) FROM outreach_events").fetchone()[0] == 0
    # a real one is stored as its key, and shown as an https link
    event = log_event(logged, "Ada Lovelace", "referral_given",
                      referral=Referral("Zed Newman", profile_url="HTTPS://uk.linkedin.com/in/Zed-N/?x=1"))
    url = logged.conn.execute("SELECT profile_url FROM people WHERE person_id = ?",
                              (event.referral_person_id,)).fetchone()[0]
    assert url == "linkedin.com/in/zed-n" and profile_link(url) == "https://www.linkedin.com/in/zed-n"


def test_import_log_refuses_a_referral_url_that_is_not_a_profile(logged, tmp_path):
    from netanalytics.outreach.csvio import CSV_COLUMNS, import_log

    path = tmp_path / "log.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(CSV_COLUMNS))
        writer.writeheader()
        writer.writerow({c: "" for c in CSV_COLUMNS} | {
            "person_id": "p_ada", "name": "Ada Lovelace", "stage": "referral_given", "at": "2026-03-02 10:00",
            "referral_name": "Zed Newman", "referral_profile_url": "javascript:alert(1)"})
    with pytest.raises(InputError, match="line 2.*expected a LinkedIn profile URL"):
        import_log(logged, path)
    assert logged.conn.execute("SELECT count(*) FROM outreach_events").fetchone()[0] == 0
