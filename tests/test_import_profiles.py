"""Importing saved LinkedIn profile PDFs into a workspace, end to end, on generated PDFs.

Every PDF here is drawn by ``pdf_builders`` in LinkedIn's layout for invented people; the
organisations and schools are real names (facts).
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from pdf_builders import (
    image_pdf_bytes,
    profile_pdf_bytes,
    sample_profile,
    text_pdf_bytes,
    write_profile_pdf,
)

import netanalytics as na
from netanalytics.errors import InputError
from netanalytics.ingest.profile_pdf import Education, Experience, ProfileBatchError, YearMonth

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def person(name: str, slug: str | None, **changes):
    """An invented person with every section filled, under a name and URL of their own."""
    url = f"https://www.linkedin.com/in/{slug}" if slug else None
    return sample_profile(name=name, profile_url=url, email=f"{(slug or name.split()[0]).lower()}@example.com",
                          **changes)


def shapes() -> list:
    """The shapes the issue lists: several pages, missing sections, a non-Latin name, long
    titles, a wrapped URL (every sample URL wraps over two lines of the sidebar)."""
    many = sample_profile().experiences * 5
    return [
        person("Priya Raman", "priya-raman-7b21c9a4e8f0d", experiences=many, location="Cambridge, Massachusetts, United States"),
        person("Tomás Okafor", "tomas-okafor", summary=None, top_skills=(), languages=(), certifications=(),
               honors=(), education=(), location="Greater Boston"),
        person("陈美玲", "meiling-chen", location="London Area, United Kingdom",
               experiences=(Experience("Wise", "Senior Vice President, Global Product Strategy and Operations for "
                                       "Emerging Markets Payments and Cross-Border Treasury", YearMonth(2021, 5), None),)),
        person("Jonas Lindqvist", None, location=None, experiences=(), education=()),
    ]


@pytest.fixture
def net(tmp_path):
    with na.open(tmp_path / "ws", create=True) as network:
        yield network


def dump_hash(net) -> str:
    return hashlib.sha256("\n".join(net.ws.conn.iterdump()).encode()).hexdigest()


def count(net, table: str) -> int:
    return net.ws.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def write_folder(folder: Path, records) -> Path:
    for i, record in enumerate(records):
        write_profile_pdf(record, folder / f"profile-{i}.pdf")
    return folder


# --------------------------------------------------------------------------- end to end


def test_a_folder_of_profiles_of_every_shape_imports_every_entry(net, tmp_path):
    records = shapes()
    summary = net.add_export(write_folder(tmp_path / "saved", records))
    assert str(summary) == "Imported saved (saved LinkedIn profiles): 4 profiles read, 4 people added, 0 updated"
    people = net.people.set_index("name")
    assert people.loc["Priya Raman", "place"] == "Cambridge, Massachusetts, US"
    assert people.loc["Tomás Okafor", "place"] == "Greater Boston, US"
    assert people.loc["陈美玲", "company"] == "Wise" and people.loc["陈美玲", "position"].endswith("Cross-Border Treasury")
    assert people.loc["陈美玲", "profile_url"] == "https://www.linkedin.com/in/meiling-chen"
    assert people.loc["Jonas Lindqvist", "location"] is None and people.loc["Jonas Lindqvist", "schools"] is None
    # degree unknown until a tie says otherwise
    assert pd.isna(people.loc["Priya Raman", "hops"]) and people.loc["Priya Raman", "sources"] == "saved LinkedIn profiles"
    assert count(net, "profiles") == 4
    assert count(net, "profile_experience") == sum(len(r.experiences) for r in records) == 25
    assert count(net, "profile_education") == sum(len(r.education) for r in records) == 4
    card = net.profile("Priya Raman")
    assert len(card["experience"]) == 20 and card["experience"][0]["started"] == "2022-03"
    assert card["schools"][0] == {"school": "University of Washington", "degree": "Master of Business Administration - MBA",
                                  "field": "Finance", "start_year": 2014, "end_year": 2016, "source": "their saved profile"}
    assert card["sources"]["location"].startswith("their saved profile (profile-0.pdf in ")


def test_a_connection_is_found_by_url_then_by_name_and_company(net, tmp_path):
    mine = tmp_path / "Connections.csv"
    mine.write_text(HEADER + "Priya,Raman,https://www.linkedin.com/in/priya-raman-7b21c9a4e8f0d,,Stripe,PM,05 Nov 2023\n"
                    "Jonas,Lindqvist,,,Stripe,Analyst,06 Nov 2023\n", encoding="utf-8")
    net.add_export(mine)
    before = {r["name"]: r["person_id"] for r in net.people.to_dict("records")}
    priya = person("Priya Raman", "priya-raman-7b21c9a4e8f0d", location="Cambridge, MA")
    jonas = person("Jonas Lindqvist", None, location="Boston, MA")  # no URL: name + current company (Stripe)
    jonas = replace(jonas, email=None)
    summary = net.add_export(write_folder(tmp_path / "saved", [priya, jonas]))
    assert summary.people_added == 0 and summary.people_updated == 2
    after = net.people.set_index("name")
    assert after.loc["Priya Raman", "person_id"] == before["Priya Raman"]
    assert after.loc["Jonas Lindqvist", "person_id"] == before["Jonas Lindqvist"]
    assert after.loc["Priya Raman", "hops"] == 1  # the tie from my list still stands
    assert after.loc["Jonas Lindqvist", "position"] == "Senior Product Manager, Payments Platform"
    history = net.ws.conn.execute(
        "SELECT field, old_value, new_value FROM person_history WHERE person_id = ? ORDER BY field",
        (before["Jonas Lindqvist"],)).fetchall()
    # a blank (location) is filled without history; a changed position keeps the old one
    assert [tuple(r) for r in history] == [("position", "Analyst", "Senior Product Manager, Payments Platform")]
    assert after.loc["Jonas Lindqvist", "location"] == "Boston, MA"


def test_a_newer_pdf_updates_the_person_and_keeps_the_older_one_as_history(net, tmp_path):
    old = person("Priya Raman", "priya-raman", location="Seattle, Washington, United States")
    net.add_export(write_profile_pdf(old, tmp_path / "a" / "Profile.pdf"))
    again = net.add_export(tmp_path / "a" / "Profile.pdf")
    assert again.unchanged and "with the same content: nothing changed" in str(again)
    newer = replace(old, location="Boston, Massachusetts, United States",
                    experiences=(Experience("Ramp", "Director of Product", YearMonth(2025, 9), None),
                                 *old.experiences),
                    education=(*old.education, Education("Northeastern University", "Certificate", "Data Science", 2024, 2025)))
    summary = net.add_export(write_profile_pdf(newer, tmp_path / "b" / "Profile.pdf"))
    assert (summary.people_added, summary.people_updated, summary.profiles) == (0, 1, 1)
    card = net.profile("Priya Raman")
    assert (card["company"], card["position"], card["place"]) == ("Ramp", "Director of Product", "Boston, Massachusetts, US")
    assert [p["location"] for p in card["profiles"]] == ["Boston, Massachusetts, United States",
                                                         "Seattle, Washington, United States"]
    assert card["experience"][0]["company"] == "Ramp" and len(card["schools"]) == 3
    history = {r[0]: (r[1], r[2]) for r in net.ws.conn.execute(
        "SELECT field, old_value, new_value FROM person_history")}
    assert history["location"] == ("Seattle, Washington, United States", "Boston, Massachusetts, United States")
    assert history["company"] == ("Stripe", "Ramp")
    # the older profile is still there, entry for entry
    assert count(net, "profiles") == 2 and count(net, "profile_experience") == 4 + 5


def test_a_zip_of_profiles_imports_like_a_folder(net, tmp_path):
    archive = tmp_path / "profiles.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for i, record in enumerate(shapes()[:2]):
            zf.writestr(f"saved/p{i}.pdf", profile_pdf_bytes(record))
        zf.writestr("__MACOSX/saved/._p0.pdf", b"resource fork")
    assert net.add_export(archive).people_added == 2


def test_a_folder_with_one_new_pdf_imports_only_that_one(net, tmp_path):
    folder = write_folder(tmp_path / "saved", shapes()[:2])
    net.add_export(folder)
    write_profile_pdf(person("Ada Okafor", "ada-okafor"), folder / "new.pdf")
    summary = net.add_export(folder)
    assert str(summary).endswith("1 profile read, 1 person added, 0 updated; 2 imported before, skipped")


# --------------------------------------------------------------------------- bad files: nothing written


@pytest.mark.parametrize(("name", "data", "why"), [
    ("scan.pdf", image_pdf_bytes(), "only images, no text"),
    ("locked.pdf", profile_pdf_bytes(sample_profile(), password="secret"), "a password-protected PDF"),
    ("invoice.pdf", text_pdf_bytes(["Invoice 2024-117", "Total due: 120.00 EUR"]), "26 pt"),
    ("cut.pdf", profile_pdf_bytes(sample_profile())[:5000], "cut short"),
])
def test_one_bad_pdf_in_a_folder_writes_nothing(net, tmp_path, name, data, why):
    mine = tmp_path / "Connections.csv"
    mine.write_text(HEADER + "Ada,Lee,https://www.linkedin.com/in/ada-lee,,Stripe,PM,05 Nov 2023\n", encoding="utf-8")
    net.add_export(mine)
    before = dump_hash(net)
    folder = write_folder(tmp_path / "saved", shapes()[:2])
    (folder / name).write_bytes(data)
    with pytest.raises(ProfileBatchError) as info:
        net.add_export(folder)
    message = str(info.value)
    assert f"1 of 3 PDF files could not be read, so none was imported: {name} in " in message and why in message
    assert dump_hash(net) == before


def test_a_single_bad_pdf_is_refused_with_its_name(net, tmp_path):
    path = tmp_path / "Profile.pdf"
    path.write_bytes(image_pdf_bytes())
    before = dump_hash(net)
    with pytest.raises(InputError, match=r"Profile\.pdf: expected a LinkedIn profile PDF .* with a text layer"):
        net.add_export(path)
    assert dump_hash(net) == before


def test_an_owner_or_relationship_makes_no_sense_for_saved_profiles(net, tmp_path):
    path = write_profile_pdf(sample_profile(), tmp_path / "p.pdf")
    with pytest.raises(InputError, match="nobody's list"):
        net.add_export(path, owner="Maya Chen")
    with pytest.raises(InputError, match="nobody's list"):
        net.add_export(path, relationship="friend")


# --------------------------------------------------------------------------- the user's word survives


def test_user_edits_survive_a_newer_pdf_and_a_newer_list(net, tmp_path):
    mine = tmp_path / "Connections.csv"
    mine.write_text(HEADER + "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Stripe,PM,05 Nov 2023\n",
                    encoding="utf-8")
    net.add_export(mine)
    net.set_person("Priya Raman", location="Somerville, MA", company="Toast", school="Tufts University")
    newer = person("Priya Raman", "priya-raman", location="Denver, Colorado, United States")
    net.add_export(write_profile_pdf(newer, tmp_path / "p.pdf"))
    mine.write_text(HEADER + "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Brex,Director,05 Nov 2023\n",
                    encoding="utf-8")
    net.add_export(mine)
    card = net.profile("Priya Raman")
    assert (card["location"], card["company"]) == ("Somerville, MA", "Toast")
    assert card["position"] == "Director"  # not edited: the newer list wins
    assert card["sources"]["location"] == card["sources"]["company"] == "you"
    assert card["schools"][0] == {"school": "Tufts University", "degree": None, "field": None, "start_year": None,
                                  "end_year": None, "source": "you"}
    # clearing brings back what the imports say now
    assert net.set_person("Priya Raman", clear=["location", "company"]) == {
        "location": ("Somerville, MA", "Denver, Colorado, United States"), "company": ("Toast", "Brex")}
    assert net.profile("Priya Raman")["place"] == "Denver, Colorado, US"
