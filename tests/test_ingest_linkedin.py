"""read_source on whole LinkedIn archives: zip or folder, every file read, every generation."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from netanalytics.errors import InputError
from netanalytics.ingest import read_source
from netanalytics.ingest.linkedin import archive_key, counterpart_key, url_key
from netanalytics.ingest.records import INTERACTION_COLUMNS

ME_URL = "https://www.linkedin.com/in/sam-rivera"
ADA_URL = "https://www.linkedin.com/in/ada-lee"

CONNECTIONS = (
    "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    f'Ada,"Lee, MBA",{ADA_URL},,Acme,Analyst,05 Nov 2023\n'
    "Bo,Yu,https://www.linkedin.com/in/bo-yu,,Beta,Engineer,06 Nov 2023\n"
    ",,,,,,07 Nov 2024\n"
)
PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Sam,Rivera,,,Oct 7,Data analyst,"Curious.\nLikes maps.",Software Development,,'
    '"Boston, Massachusetts, United States",,,\n'
)
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    "Gamma,Analyst,,Boston,Mar 2021,\n"
    "Delta,Intern,,,Jun 2019,Sept 2019\n"
)
EDUCATION = (
    "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
    "State University,2015,2019,,BSc Mathematics,\n"
    "Night School,Sep 2019,,,,\n"
)
MESSAGES_2023 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
    f'c1,,Sam Rivera,{ME_URL},"Ada Lee, MBA",{ADA_URL},2023-11-05 15:04:05 UTC,,Hi Ada,INBOX\n'
    f'c1,,"Ada Lee, MBA",{ADA_URL},Sam Rivera,{ME_URL},2023-11-06 09:00:00 UTC,,"Hello,\nSam",INBOX\n'
    f'c1,,Sam Rivera,{ME_URL},"Ada Lee, MBA",{ADA_URL},2023-11-07 10:00:00 UTC,,Thanks,ARCHIVE\n'
    f'c2,Team,Sam Rivera,{ME_URL},"Bo Yu, Cy Ng",https://www.linkedin.com/in/bo-yu;https://www.linkedin.com/in/cy-ng,2023-11-08 10:00:00 UTC,,Hi all,INBOX\n'
    f"c3,,Spammy,https://www.linkedin.com/in/spam,Sam Rivera,{ME_URL},2023-11-09 10:00:00 UTC,,Buy,SPAM\n"
    f"c4,,LinkedIn Member,,Sam Rivera,{ME_URL},2023-11-10 10:00:00 UTC,,Hi,INBOX\n"
    f'c5,Sponsored Conversation,Acme Careers,https://www.linkedin.com/company/acme,Sam Rivera,{ME_URL},2023-11-11 10:00:00 UTC,,"<p>Apply &amp; win</p>",INBOX\n'
)
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    f'Sam Rivera,"Ada Lee, MBA","11/5/23, 3:04 PM",,OUTGOING,{ME_URL},{ADA_URL}\n'
    f'Bo Yu,Sam Rivera,"11/6/23, 3:04 PM",Hi!,INCOMING,https://www.linkedin.com/in/bo-yu,{ME_URL}\n'
)
ENDORSEMENTS_RECEIVED = (
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
    '2023/11/05 15:04:05 UTC,SQL,Ada,"Lee, MBA",www.linkedin.com/in/ada-lee,ACCEPTED\n'
    "2023/11/06 15:04:05 UTC,Python,Ada,\"Lee, MBA\",www.linkedin.com/in/ada-lee,ACCEPTED\n"
)
ENDORSEMENTS_GIVEN = (
    "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n"
    "2023/11/05 15:04:05 UTC,Go,Bo,Yu,www.linkedin.com/in/bo-yu,ACCEPTED\n"
)
RECOMMENDATIONS_RECEIVED = (
    "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    'Ada,"Lee, MBA",Acme,Analyst,"Sam is great.\nReally.","07/21/09, 02:05 PM",VISIBLE\n'
)
RECOMMENDATIONS_GIVEN = (
    "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    "Dee,Ko,Eps,CTO,Dee is great.,\"07/21/09, 02:05 PM\",VISIBLE\n"
)
DECOY_MESSAGES = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    "g1,,Coach,,Sam Rivera,2023-11-05 15:04:05 UTC,,Tip,INBOX\n"
)

FULL = {
    "Connections.csv": CONNECTIONS,
    "Profile.csv": PROFILE,
    "Positions.csv": POSITIONS,
    "Education.csv": EDUCATION,
    "messages.csv": MESSAGES_2023,
    "guide_messages.csv": DECOY_MESSAGES,
    "learning_coach_messages.csv": DECOY_MESSAGES,
    "Invitations.csv": INVITATIONS,
    "Endorsement_Received_Info.csv": ENDORSEMENTS_RECEIVED,
    "Endorsement_Given_Info.csv": ENDORSEMENTS_GIVEN,
    "Recommendations_Received.csv": RECOMMENDATIONS_RECEIVED,
    "Recommendations_Given.csv": RECOMMENDATIONS_GIVEN,
    "Skills.csv": "Name\nSQL\n",
    "Jobs/Job Applications.csv": "Application Date,Company Name\n",
}


def make_zip(path: Path, files: dict[str, str | bytes], prefix: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(prefix + name, data)
    return path


def make_folder(path: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def interactions_by_name(parsed) -> dict[str, dict]:
    frame = parsed.interactions
    assert frame.columns.tolist() == INTERACTION_COLUMNS
    return {row["name"]: row for row in frame.to_dict("records")}


def test_full_archive_zip(tmp_path: Path) -> None:
    parsed = read_source(make_zip(tmp_path / "Basic_LinkedInDataExport_05-01-2026 (1).zip", FULL))
    assert parsed.kind == "linkedin_archive"
    assert parsed.connections["full_name"].tolist() == ["Ada Lee, MBA", "Bo Yu"]
    assert {s.reason: (s.count, s.lines) for s in parsed.skipped} == {
        "hidden or closed member": (1, [7]),
        "message in the spam folder": (1, [7]),
        "message from 'LinkedIn Member' without a profile URL": (1, [8]),
        "sponsored message": (1, [9]),
        "message in a group conversation": (1, [6]),
    }
    assert parsed.profile == {
        "first_name": "Sam",
        "last_name": "Rivera",
        "headline": "Data analyst",
        "summary": "Curious. Likes maps.",
        "industry": "Software Development",
        "location": "Boston, Massachusetts, United States",
        "profile_url": ME_URL,
    }
    assert parsed.positions.to_dict("records") == [
        {"company": "Gamma", "title": "Analyst", "location": "Boston", "started_on": dt.date(2021, 3, 1), "finished_on": None},
        {"company": "Delta", "title": "Intern", "location": None, "started_on": dt.date(2019, 6, 1), "finished_on": dt.date(2019, 9, 1)},
    ]
    assert parsed.education.to_dict("records") == [
        {"school": "State University", "degree": "BSc Mathematics", "start_on": dt.date(2015, 1, 1), "end_on": dt.date(2019, 1, 1)},
        {"school": "Night School", "degree": None, "start_on": dt.date(2019, 9, 1), "end_on": None},
    ]
    rows = interactions_by_name(parsed)
    assert set(rows) == {"Ada Lee, MBA", "Bo Yu", "Dee Ko"}
    ada = rows["Ada Lee, MBA"]
    assert (ada["messages_sent"], ada["messages_received"]) == (2, 1)
    assert ada["first_message_at"] == dt.datetime(2023, 11, 5, 15, 4, 5)
    assert ada["last_message_at"] == dt.datetime(2023, 11, 7, 10, 0)
    assert (ada["endorsements_received"], ada["recommendations_received"]) == (2, 1)
    assert ada["invitation"] == "outgoing"
    assert url_key(ada["profile_url"]) == "linkedin.com/in/ada-lee"
    bo = rows["Bo Yu"]
    assert (bo["messages_sent"], bo["endorsements_given"], bo["invitation"]) == (0, 1, "incoming")
    assert rows["Dee Ko"]["recommendations_given"] == 1
    assert "guide_messages.csv" not in parsed.files_read
    assert sorted(parsed.files_read) == sorted(
        n for n in FULL if n not in ("guide_messages.csv", "learning_coach_messages.csv", "Skills.csv", "Jobs/Job Applications.csv")
    )


def test_zip_and_extracted_folder_agree_and_hash_equal(tmp_path: Path) -> None:
    zipped = read_source(make_zip(tmp_path / "export.zip.zip", FULL, prefix="Basic_LinkedInDataExport_05-01-2026/"))
    folder = read_source(make_folder(tmp_path / "wrapper" / "Basic_LinkedInDataExport_05-01-2026", FULL).parent)
    assert zipped.content_hash == folder.content_hash
    assert zipped.connections.equals(folder.connections)
    assert zipped.interactions.equals(folder.interactions)
    assert folder.kind == "linkedin_archive"


def test_content_hash_changes_with_content(tmp_path: Path) -> None:
    a = read_source(make_zip(tmp_path / "a.zip", FULL))
    b = read_source(make_zip(tmp_path / "b.zip", {**FULL, "Connections.csv": CONNECTIONS + "Cy,Ng,,,,,01 Jan 2025\n"}))
    assert a.content_hash != b.content_hash


def test_file_names_match_loosely(tmp_path: Path) -> None:
    files = {
        "CONNECTIONS.CSV": CONNECTIONS,
        "sub/Endorsement Received Info.csv": ENDORSEMENTS_RECEIVED,
        "Recommendations Received.csv": RECOMMENDATIONS_RECEIVED,
        "Messages.csv": MESSAGES_2023,
    }
    parsed = read_source(make_zip(tmp_path / "x.zip", files))
    ada = interactions_by_name(parsed)["Ada Lee, MBA"]
    assert ada["endorsements_received"] == 2
    assert ada["recommendations_received"] == 1
    assert ada["messages_received"] == 1


def test_legacy_utf16_endorsements_beside_new_ones_count_once(tmp_path: Path) -> None:
    legacy = (
        "Endorsement Date\tSkill Name\tEndorser First Name\tEndorser Last Name\tDisplay Status\r\n"
        "2019/01/05 10:00:00 UTC\tSQL\tAda\tLee, MBA\tSHOWN\r\n"
        "2019/01/05 10:00:00 UTC\tExcel\tAda\tLee, MBA\tSHOWN\r\n"
    ).encode("utf-16")
    files = {**FULL, "Endorsement Received Info.csv": legacy}
    ada = interactions_by_name(read_source(make_zip(tmp_path / "x.zip", files)))["Ada Lee, MBA"]
    assert ada["endorsements_received"] == 3  # SQL, Python, Excel


def test_only_connections_is_required(tmp_path: Path) -> None:
    parsed = read_source(make_folder(tmp_path / "export", {"Connections.csv": CONNECTIONS}))
    assert parsed.profile is None
    assert parsed.positions.empty and parsed.education.empty and parsed.interactions.empty
    assert parsed.files_read == ["Connections.csv"]


def test_empty_optional_file_is_a_warning(tmp_path: Path) -> None:
    parsed = read_source(make_folder(tmp_path / "e", {"Connections.csv": CONNECTIONS, "messages.csv": ""}))
    assert any("messages.csv is empty" in w for w in parsed.warnings)


def test_header_only_optional_files(tmp_path: Path) -> None:
    files = {
        "Connections.csv": CONNECTIONS,
        "messages.csv": MESSAGES_2023.splitlines()[0] + "\n",
        "Invitations.csv": INVITATIONS.splitlines()[0] + "\n",
        "Profile.csv": PROFILE.splitlines()[0] + "\n",
    }
    parsed = read_source(make_folder(tmp_path / "e", files))
    assert parsed.interactions.empty
    assert parsed.profile is None


# ---------------------------------------------------------------- messages generations


def only_messages(tmp_path: Path, messages: str, **extra: str) -> dict[str, dict]:
    files = {"Connections.csv": CONNECTIONS, "messages.csv": messages, **extra}
    return interactions_by_name(read_source(make_folder(tmp_path / "m", files)))


def test_messages_2018_direction(tmp_path: Path) -> None:
    messages = (
        "From,To,Date,Subject,Content,Direction,Folder\n"
        'Sam Rivera,"Ada Lee, MBA","1/8/18, 6:14 AM",Hi,Hello,OUTGOING,SENT\n'
        '"Ada Lee, MBA",Sam Rivera,"1/9/18, 7:15 PM",Re: Hi,Hey,INCOMING,INBOX\n'
        '"Ada Lee, MBA",Sam Rivera,"1/10/18, 7:15 PM",,Hey,INCOMING,INBOX\n'
    )
    ada = only_messages(tmp_path, messages)["Ada Lee, MBA"]
    assert (ada["messages_sent"], ada["messages_received"]) == (1, 2)
    assert ada["first_message_at"] == dt.datetime(2018, 1, 8, 6, 14)
    assert ada["last_message_at"] == dt.datetime(2018, 1, 10, 19, 15)


def test_messages_2019_upper_case(tmp_path: Path) -> None:
    messages = (
        "FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n"
        'Sam Rivera,Bo Yu,2019-11-06T02:08:20,,Hi,OUTGOING,INBOX\n'
        'Bo Yu,Sam Rivera,2019-11-07T02:08:20,,Hi,INCOMING,INBOX\n'
    )
    bo = only_messages(tmp_path, messages)["Bo Yu"]
    assert (bo["messages_sent"], bo["messages_received"]) == (1, 1)
    assert bo["last_message_at"] == dt.datetime(2019, 11, 7, 2, 8, 20)


MESSAGES_2021 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    f'c1,,Sam Rivera,{ME_URL},"Ada Lee, MBA",2021-03-01 10:00:00 UTC,,Hi,INBOX\n'
    f'c1,,"Ada Lee, MBA",{ADA_URL},Sam Rivera,2021-03-02 10:00:00 UTC,,Hi back,INBOX\n'
    f"c2,,Sam Rivera,{ME_URL},Bo Yu,2021-03-03 10:00:00 UTC,,Hello?,INBOX\n"
    f'c3,Project team,Sam Rivera,{ME_URL},"Bo Yu, Cy Ng",2021-03-04 10:00:00 UTC,,All,INBOX\n'
    f'c4,,Sam Rivera,{ME_URL},"Ada Lee, MBA, Cy Ng",2021-03-05 10:00:00 UTC,,All,INBOX\n'
    f'c4,,"Ada Lee, MBA",{ADA_URL},"Sam Rivera, Cy Ng",2021-03-06 10:00:00 UTC,,ok,INBOX\n'
)


def test_messages_2021_without_recipient_urls(tmp_path: Path) -> None:
    rows = only_messages(tmp_path, MESSAGES_2021, **{"Profile.csv": PROFILE})
    ada = rows["Ada Lee, MBA"]
    assert (ada["messages_sent"], ada["messages_received"]) == (1, 1)
    assert url_key(ada["profile_url"]) == "linkedin.com/in/ada-lee"
    assert (rows["Bo Yu"]["messages_sent"], rows["Bo Yu"]["messages_received"]) == (1, 0)
    assert "Cy Ng" not in rows


def test_me_found_by_most_conversations_without_profile(tmp_path: Path) -> None:
    rows = only_messages(tmp_path, MESSAGES_2021)
    assert "Sam Rivera" not in rows
    assert rows["Ada Lee, MBA"]["messages_sent"] == 1


def test_me_found_by_profile_name_without_invitations(tmp_path: Path) -> None:
    parsed = read_source(
        make_folder(tmp_path / "p", {"Connections.csv": CONNECTIONS, "messages.csv": MESSAGES_2023, "Profile.csv": PROFILE})
    )
    assert parsed.profile["profile_url"] == ME_URL
    assert interactions_by_name(parsed)["Ada Lee, MBA"]["messages_sent"] == 2


def test_messages_2024_drafts_and_2026_fully_quoted(tmp_path: Path) -> None:
    header = (
        '"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS",'
        '"DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS","IS MESSAGE DRAFT","IS CONVERSATION DRAFT"\n'
    )
    body = (
        f'"c1","","Sam Rivera","{ME_URL}","Bo Yu","https://www.linkedin.com/in/bo-yu","2026-01-05 10:00:00 UTC","",'
        '"Line one,\r\nline two\r\n\r\n""quoted""","INBOX","","false","false"\r\n'
        f'"c1","","Bo Yu","https://www.linkedin.com/in/bo-yu","Sam Rivera","{ME_URL}","2026-01-06 10:00:00 UTC","",'
        '"ok","INBOX","https://example.com/file.pdf","false","false"\r\n'
        f'"c1","","Sam Rivera","{ME_URL}","Bo Yu","https://www.linkedin.com/in/bo-yu","2026-01-07 10:00:00 UTC","",'
        '"unsent","","","true","false"\r\n'
    )
    parsed = read_source(make_folder(tmp_path / "q", {"Connections.csv": CONNECTIONS, "messages.csv": header + body, "Invitations.csv": INVITATIONS}))
    bo = interactions_by_name(parsed)["Bo Yu"]
    assert (bo["messages_sent"], bo["messages_received"]) == (1, 1)
    drafts = [s for s in parsed.skipped if s.reason == "draft message"]
    assert drafts and drafts[0].lines == [7]


def test_invitations_without_url_columns_use_names(tmp_path: Path) -> None:
    invitations = (
        "From,To,Sent At,Message,Direction\n"
        'Sam Rivera,Cy Ng,"11/5/23, 3:04 PM",,OUTGOING\n'
        'Dee Ko,Sam Rivera,"11/6/23, 3:04 PM",,INCOMING\n'
    )
    parsed = read_source(make_folder(tmp_path / "i", {"Connections.csv": CONNECTIONS, "Invitations.csv": invitations}))
    rows = interactions_by_name(parsed)
    assert rows["Cy Ng"]["invitation"] == "outgoing"
    assert rows["Dee Ko"]["invitation"] == "incoming"
    assert rows["Cy Ng"]["profile_url"] is None


def test_invitations_with_urn_columns(tmp_path: Path) -> None:
    invitations = (
        "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn\n"
        'Sam Rivera,Cy Ng,"11/5/23, 3:04 PM",,OUTGOING,urn:li:person:me1,urn:li:person:cy1\n'
    )
    rows = interactions_by_name(read_source(make_folder(tmp_path / "u", {"Connections.csv": CONNECTIONS, "Invitations.csv": invitations})))
    assert rows["Cy Ng"]["profile_url"] == "urn:li:person:cy1"


# ---------------------------------------------------------------- older file generations


def test_positions_before_2017_and_tab_separated_recommendations(tmp_path: Path) -> None:
    positions = "Company Name,Description,Location,Start Date,End Date,Title\nGamma,,,03/2014,11/2016,Clerk\n"
    recommendations = (
        "Text\tCreation Date\tFirst Name\tLast Name\tCompany\tJob Title\tStatus\r\n"
        "Great.\t07/21/09, 02:05 PM\tAda\tLee, MBA\tAcme\tAnalyst\tShown\r\n"
    )
    parsed = read_source(
        make_folder(tmp_path / "o", {"Connections.csv": CONNECTIONS, "Positions.csv": positions, "Recommendations Received.csv": recommendations})
    )
    assert parsed.positions.to_dict("records") == [
        {"company": "Gamma", "title": "Clerk", "location": None, "started_on": dt.date(2014, 3, 1), "finished_on": dt.date(2016, 11, 1)}
    ]
    assert interactions_by_name(parsed)["Ada Lee, MBA"]["recommendations_received"] == 1


# ---------------------------------------------------------------- archive-level bad input


def test_zip_without_connections_lists_what_it_found(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "export.zip", {"Profile.csv": PROFILE, "Skills.csv": "Name\nSQL\n"})
    with pytest.raises(InputError) as info:
        read_source(path)
    message = str(info.value)
    assert "export.zip" in message and "Connections.csv" in message
    assert "Profile.csv" in message and "Skills.csv" in message


def test_folder_without_connections(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "stuff", {"notes.txt": "hi", "a/Positions.csv": POSITIONS})
    with pytest.raises(InputError) as info:
        read_source(folder)
    assert "stuff" in str(info.value) and "a/Positions.csv" in str(info.value)


def test_corrupt_zip(tmp_path: Path) -> None:
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 10)
    with pytest.raises(InputError, match="corrupt zip"):
        read_source(path)


def test_excel_workbook_is_named(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "Connections.xlsx", {"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"})
    with pytest.raises(InputError, match="Excel workbook"):
        read_source(path)


def test_bad_member_names_archive_and_member(tmp_path: Path) -> None:
    files = {**FULL, "messages.csv": MESSAGES_2023.replace("2023-11-06 09:00:00 UTC", "yesterday")}
    with pytest.raises(InputError) as info:
        read_source(make_zip(tmp_path / "mine.zip", files))
    message = str(info.value)
    assert "messages.csv in" in message and "mine.zip" in message
    assert "line 3" in message and "'yesterday'" in message and "DATE" in message


def test_empty_connections_in_archive(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty file"):
        read_source(make_zip(tmp_path / "x.zip", {"Connections.csv": ""}))


def test_zipped_zip_is_opened(tmp_path: Path) -> None:
    inner = make_zip(tmp_path / "inner.zip", {"Connections.csv": CONNECTIONS})
    outer = make_zip(tmp_path / "outer.zip", {"Basic_LinkedInDataExport.zip": inner.read_bytes()})
    assert len(read_source(outer).connections) == 2


# ---------------------------------------------------------------- helpers


def test_archive_key_and_counterpart_key() -> None:
    assert archive_key("Basic/Recommendations Received.csv") == archive_key("Recommendations_Received.csv")
    assert archive_key("guide_messages.csv") != archive_key("messages.csv")
    assert counterpart_key("www.linkedin.com/in/Ada-Lee/", "x") == counterpart_key(ADA_URL, None)
    assert counterpart_key(None, None) is None
    assert url_key("https://de.linkedin.com/in/ada-lee?trk=1") == "linkedin.com/in/ada-lee"


def test_unlabelled_html_mailing_is_sponsored(tmp_path: Path) -> None:
    messages = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        f'c9,,Recruiter Bot,https://www.linkedin.com/in/bot,Sam Rivera,{ME_URL},2023-11-05 15:04:05 UTC,Jobs!,"<p>Hi <b>Sam</b></p>",INBOX\n'
        f'c8,,Ada Lee,{ADA_URL},Sam Rivera,{ME_URL},2023-11-05 15:04:05 UTC,,"<p>real note</p>",INBOX\n'
        f"c8,,Sam Rivera,{ME_URL},Ada Lee,{ADA_URL},2023-11-06 15:04:05 UTC,,thanks,INBOX\n"
    )
    parsed = read_source(make_folder(tmp_path / "s", {"Connections.csv": CONNECTIONS, "messages.csv": messages, "Invitations.csv": INVITATIONS}))
    assert {s.reason: s.lines for s in parsed.skipped if "sponsored" in s.reason} == {"sponsored message": [2]}
    rows = interactions_by_name(parsed)
    assert rows["Ada Lee"]["messages_received"] == 1 and "Recruiter Bot" not in rows


def test_folder_holding_the_downloaded_zip(tmp_path: Path) -> None:
    (tmp_path / "Downloads").mkdir()
    make_zip(tmp_path / "Downloads" / "Basic_LinkedInDataExport_05-01-2026.zip", FULL)
    parsed = read_source(tmp_path / "Downloads")
    assert parsed.kind == "linkedin_archive" and len(parsed.connections) == 2


def test_my_url_from_invitations_unknown_to_messages_falls_back(tmp_path: Path) -> None:
    invitations = INVITATIONS.replace(ME_URL, "https://www.linkedin.com/in/ACoAAA-internal-id")
    files = {"Connections.csv": CONNECTIONS, "messages.csv": MESSAGES_2023, "Invitations.csv": invitations, "Profile.csv": PROFILE}
    parsed = read_source(make_folder(tmp_path / "f", files))
    ada = interactions_by_name(parsed)["Ada Lee, MBA"]
    assert (ada["messages_sent"], ada["messages_received"]) == (2, 1)


def test_encrypted_member_is_reported(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "x.zip", {"Connections.csv": CONNECTIONS})
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit in the local and central headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 1
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"Connections.csv in .*x\.zip.*damaged or encrypted"):
        read_source(path)


def test_profile_name_unlike_message_name_falls_back_to_presence(tmp_path: Path) -> None:
    profile = PROFILE.replace("Sam,Rivera", "Samuel,Rivera-Ortiz")
    rows = only_messages(tmp_path, MESSAGES_2021, **{"Profile.csv": profile})
    assert "Sam Rivera" not in rows
    assert (rows["Ada Lee, MBA"]["messages_sent"], rows["Ada Lee, MBA"]["messages_received"]) == (1, 1)


def test_conversation_with_a_closed_account_is_nobody(tmp_path: Path) -> None:
    messages = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        f"c1,,LinkedIn Member,,Sam Rivera,{ME_URL},2023-11-05 15:04:05 UTC,,Hi,INBOX\n"
        f"c1,,Sam Rivera,{ME_URL},LinkedIn Member,,2023-11-06 15:04:05 UTC,,Hello,INBOX\n"
    )
    parsed = read_source(make_folder(tmp_path / "n", {"Connections.csv": CONNECTIONS, "messages.csv": messages, "Profile.csv": PROFILE}))
    assert parsed.interactions.empty
    reasons = {s.reason: s.lines for s in parsed.skipped}
    assert reasons["message from 'LinkedIn Member' without a profile URL"] == [2]
    assert reasons["message to or from nobody identifiable ('LinkedIn Member', no URL)"] == [3]


def test_legacy_recommendations_twin_counts_each_once(tmp_path: Path) -> None:
    legacy = (
        "Text\tCreation Date\tFirst Name\tLast Name\tCompany\tJob Title\tStatus\r\n"
        "Sam is great.\nReally.\t07/21/09, 02:05 PM\tAda\tLee, MBA\tAcme\tAnalyst\tShown\r\n"
        "Older praise.\t07/21/08, 02:05 PM\tAda\tLee, MBA\tAcme\tAnalyst\tShown\r\n"
    ).replace("Sam is great.\nReally.", '"Sam is great.\nReally."')
    files = {**FULL, "old/Recommendations Received.csv": legacy}
    ada = interactions_by_name(read_source(make_zip(tmp_path / "x.zip", files)))["Ada Lee, MBA"]
    assert ada["recommendations_received"] == 2
