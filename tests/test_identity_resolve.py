"""Resolving rows to people: URL, then e-mail, then name with company agreement."""

from __future__ import annotations

import pandas as pd
import pytest

from netanalytics.identity.resolve import (
    COMPANY_THRESHOLD,
    IdentityIndex,
    make_person_id,
    resolve_rows,
)


def rows(*records: dict) -> pd.DataFrame:
    base = {"full_name": None, "profile_url": None, "email": None, "company": None}
    return pd.DataFrame([base | r for r in records], dtype=object)


def seeded(*records: dict) -> tuple[IdentityIndex, list[str]]:
    """An index that already knows these people (as from an earlier import)."""
    index = IdentityIndex()
    res = resolve_rows(rows(*records), index, owner_key="earlier")
    return index, res.person_ids


def test_url_variants_resolve_to_one_person():
    index = IdentityIndex()
    res = resolve_rows(
        rows(
            {"full_name": "Zoë Müller", "profile_url": "https://www.linkedin.com/in/Zo%C3%AB-M%C3%BCller/"},
            {"full_name": "Zoe Mueller", "profile_url": "fr.linkedin.com/in/zo%c3%ab-m%c3%bcller?trk=x"},
        ),
        index,
        owner_key="me",
    )
    assert res.person_ids[0] == res.person_ids[1]
    assert res.methods == ["new", "url"]


def test_email_matches_when_there_is_no_url():
    index, (ada,) = seeded({"full_name": "Ada Lovelace", "email": "ada@example.com"})
    res = resolve_rows(rows({"full_name": "A. King", "email": "ADA@example.com "}), index, owner_key="f")
    assert res.person_ids == [ada]
    assert res.methods == ["email"]


def test_same_name_different_companies_stay_two_people():
    index, (acme,) = seeded({"full_name": "Sam Lee", "company": "Acme"})
    res = resolve_rows(rows({"full_name": "Sam Lee", "company": "Globex"}), index, owner_key="friend")
    assert res.person_ids[0] != acme
    assert res.methods == ["new"]


def test_same_name_with_agreeing_company_is_one_person():
    index, (acme,) = seeded({"full_name": "Sam Lee, MBA", "company": "Acme Corporation"})
    res = resolve_rows(rows({"full_name": "SAM LEE (he/him)", "company": "Acme Labs"}), index, owner_key="f")
    assert res.person_ids == [acme]
    assert res.methods == ["name"]


def test_company_threshold_is_documented_and_sane():
    assert 70 < COMPANY_THRESHOLD <= 95


def test_blank_company_matches_only_a_name_unique_in_workspace_and_batch():
    index, (sam,) = seeded({"full_name": "Sam Lee", "company": "Acme"})
    res = resolve_rows(rows({"full_name": "Sam Lee"}), index, owner_key="f")
    assert res.person_ids == [sam]

    # Two Sam Lees already known: a company-less row cannot choose.
    index, _ = seeded({"full_name": "Sam Lee", "company": "Acme"}, {"full_name": "Sam Lee", "company": "Globex"})
    res = resolve_rows(rows({"full_name": "Sam Lee"}), index, owner_key="f")
    assert res.methods == ["new"]

    # One known, but the batch holds two company-less Sam Lees: neither may take him.
    index, (sam,) = seeded({"full_name": "Sam Lee", "company": "Acme"})
    res = resolve_rows(rows({"full_name": "Sam Lee"}, {"full_name": "Sam Lee"}), index, owner_key="f")
    assert sam not in res.person_ids
    assert res.person_ids[0] != res.person_ids[1]


def test_different_profile_urls_are_different_people_whatever_the_name():
    index, (one,) = seeded({"full_name": "Sam Lee", "company": "Acme", "profile_url": "linkedin.com/in/sam-1"})
    res = resolve_rows(
        rows({"full_name": "Sam Lee", "company": "Acme", "profile_url": "linkedin.com/in/sam-2"}),
        index,
        owner_key="f",
    )
    assert res.person_ids[0] != one


def test_a_known_person_is_claimed_by_name_only_once_per_list():
    index, (sam,) = seeded({"full_name": "Sam Lee", "company": "Acme"})
    res = resolve_rows(
        rows({"full_name": "Sam Lee", "company": "Acme"}, {"full_name": "Sam Lee", "company": "Acme Inc"}),
        index,
        owner_key="f",
    )
    assert res.person_ids[0] == sam
    assert res.person_ids[1] != sam


def test_ids_are_stable_across_fresh_indexes():
    batch = rows(
        {"full_name": "Ada", "profile_url": "linkedin.com/in/ada"},
        {"full_name": "Bob", "email": "bob@example.com"},
        {"full_name": "Cy Young", "company": "Acme"},
    )
    first = resolve_rows(batch, IdentityIndex(), owner_key="me").person_ids
    second = resolve_rows(batch, IdentityIndex(), owner_key="me").person_ids
    assert first == second
    assert all(pid.startswith("p_") and len(pid) == 12 for pid in first)
    assert first[0] == make_person_id("url:linkedin.com/in/ada")
    assert first[1] == make_person_id("email:bob@example.com")


def test_name_only_ids_depend_on_whose_list_it_is():
    batch = rows({"full_name": "Cy Young", "company": "Acme"})
    assert (resolve_rows(batch, IdentityIndex(), owner_key="me").person_ids
            != resolve_rows(batch, IdentityIndex(), owner_key="friend").person_ids)


def test_id_collisions_get_a_different_id():
    taken = {make_person_id("url:linkedin.com/in/ada")}
    index = IdentityIndex(taken_ids=set(taken))
    res = resolve_rows(rows({"full_name": "Ada", "profile_url": "linkedin.com/in/ada"}), index, owner_key="me")
    assert res.person_ids[0] not in taken


def test_interaction_rows_repeating_a_counterpart_are_one_person():
    index = IdentityIndex()
    res = resolve_rows(
        pd.DataFrame({"name": ["Kim Ng", "Kim Ng"], "profile_url": [None, None]}, dtype=object),
        index,
        owner_key="me",
        name_column="name",
        same_name_same_person=True,
    )
    assert res.person_ids[0] == res.person_ids[1]


def test_name_pool_and_create_false():
    index, (sam,) = seeded({"full_name": "Sam Lee", "company": "Acme"})
    res = resolve_rows(rows({"full_name": "Sam Lee"}), index, owner_key="me", name_pool={}, create=False)
    assert res.person_ids == [None]


def test_forbidden_people_are_never_matched_by_name():
    index, (sam,) = seeded({"full_name": "Sam Lee", "company": "Acme"})
    res = resolve_rows(rows({"full_name": "Sam Lee", "company": "Acme"}), index, owner_key="f", forbidden={sam})
    assert res.person_ids[0] != sam


def test_identity_keys_carry_name_company_only_for_name_only_people():
    res = resolve_rows(
        rows({"full_name": "Ada", "profile_url": "linkedin.com/in/ada", "company": "X"},
             {"full_name": "Cy Young", "company": "Acme Inc."}),
        IdentityIndex(),
        owner_key="me",
    )
    kinds = sorted((k, v) for k, v, _ in res.identity_keys())
    assert kinds == [("name_company", "cy young|acme"), ("url", "linkedin.com/in/ada")]


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_cells_are_missing_values(blank):
    res = resolve_rows(rows({"full_name": "Ada", "profile_url": blank, "email": blank}), IdentityIndex(),
                       owner_key="me")
    assert res.url_keys == [None] and res.email_keys == [None]


def test_a_name_listed_before_by_the_same_owner_follows_a_job_change():
    index, (sam,) = seeded({"full_name": "Sam Lee", "company": "Acme"})
    moved = rows({"full_name": "Sam Lee", "company": "Globex"})
    assert resolve_rows(moved, index, owner_key="f", listed_before={sam}, create=False).person_ids == [sam]
    # Not when the list names two Sam Lees now.
    index, (sam,) = seeded({"full_name": "Sam Lee", "company": "Acme"})
    twice = rows({"full_name": "Sam Lee", "company": "Globex"}, {"full_name": "Sam Lee", "company": "Initech"})
    assert sam not in resolve_rows(twice, index, owner_key="f", listed_before={sam}, create=False).person_ids


def test_two_equally_good_company_matches_are_ambiguous():
    index, _ = seeded({"full_name": "Sam Lee", "company": "Acme", "profile_url": "linkedin.com/in/s1"},
                      {"full_name": "Sam Lee", "company": "Acme Inc", "profile_url": "linkedin.com/in/s2"})
    res = resolve_rows(rows({"full_name": "Sam Lee", "company": "ACME"}), index, owner_key="f", create=False)
    assert res.person_ids == [None]


def test_company_variants_written_with_or_without_spaces_agree():
    index, (sam,) = seeded({"full_name": "Sam Lee", "company": "Paper Kite Media"})
    res = resolve_rows(rows({"full_name": "Sam Lee", "company": "PaperKite Media"}), index, owner_key="f")
    assert res.person_ids == [sam]


def test_a_past_employer_from_history_agrees(tmp_workspace):
    ws = tmp_workspace
    ws.conn.execute("INSERT INTO people(person_id, full_name, name_key, company, created_at, updated_at)"
                    " VALUES ('p_sam', 'Sam Lee', 'sam lee', 'Globex', '', '')")
    ws.conn.execute("INSERT INTO people(person_id, full_name, name_key, company, created_at, updated_at)"
                    " VALUES ('p_other', 'Sam Lee', 'sam lee', 'Initech', '', '')")
    ws.conn.execute("INSERT INTO person_history(person_id, field, old_value, new_value, changed_at)"
                    " VALUES ('p_sam', 'company', 'Acme Corp', 'Globex', '')")
    index = IdentityIndex.from_connection(ws.conn)
    res = resolve_rows(rows({"full_name": "Sam Lee", "company": "Acme"}), index, owner_key="f", create=False)
    assert res.person_ids == ["p_sam"]
