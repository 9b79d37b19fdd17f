#!/usr/bin/env python3
"""Write the synthetic netanalytics sample: a LinkedIn archive, 8 friends' lists, a .vcf.

The people are invented — names, jobs, ties, messages, dates; the organisations they work
at are real, named as facts the way people write them on LinkedIn (variants included),
plus a long tail of invented small firms nobody can know and the things people write
instead of an employer (Self-employed, Stealth Startup, Confidential, blank). Titles are
written as people write them: abbreviated, decorated, in several languages. The output is
deterministic: the same code writes the same bytes on every run and every machine. All
randomness comes from one ``random.Random(SEED)`` and hand-written lists in this file (no
Faker: its word lists change between releases, which would change the committed bytes).

    python scripts/make_sample.py --out data/sample

The formats copy real LinkedIn exports, quirks included (``data/sample/README.md`` lists
them file by file): the Connections.csv Notes preamble, both
headers, the 2018 header, hidden-member rows, blank emails, names with credentials,
pronouns, emoji and invisible characters, percent-encoded URLs, spreadsheet re-saves (BOM,
CRLF, ``;``, ``23-Apr-23``), a UTF-16LE tab-separated "Unicode text" save, and a
fully quoted 2026 messages.csv with multi-line content.
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import io
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

__all__ = ["SEED", "generate", "main"]

SEED = 20261120
ARCHIVE_DATE = date(2026, 11, 20)
ARCHIVE_DIR = "me/Basic_LinkedInDataExport_11-20-2026"
MON = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

PREAMBLE_NOTE = (
    "When exporting your connection data, you may notice that some of the email addresses "
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    "https://www.linkedin.com/help/linkedin/answer/261"
)
HEADER_2023 = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
HEADER_PRE2023 = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"]
HEADER_2018 = [
    "First Name", "Last Name", "Address", "Email Address", "Company", "Position",
    "Connected On", "Websites", "Instant Messengers",
]
MESSAGES_HEADER = [
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
    "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT",
]

# ---------------------------------------------------------------------------------------
# Word lists (common given names and surnames from many cultures; organisations; titles)
# ---------------------------------------------------------------------------------------

FIRST_NAMES = list(dict.fromkeys("""
James Mary Michael Patricia Robert Jennifer John Linda David Elizabeth William Barbara
Richard Susan Joseph Jessica Thomas Sarah Christopher Karen Daniel Lisa Matthew Nancy
Anthony Sandra Mark Ashley Steven Emily Andrew Michelle Joshua Amanda Kevin Melissa Brian
Stephanie Ryan Rebecca Jacob Laura Nicholas Hannah Tyler Olivia Ethan Emma Noah Sophia Liam
Ava Mason Isabella Lucas Mia Aiden Chloe Caleb Grace Wei Mei Jun Hiroshi Yuki Haruto Sakura
Min-jun Ji-woo Seo-yeon Arjun Priyanka Rohan Ananya Vikram Deepa Rahul Aisha Omar Fatima
Yusuf Layla Hassan Amara Chinedu Ngozi Kwame Abena Tunde Zanele Thabo Carlos Sofía José
Lucía Mateo Valentina Diego Camila Javier Gabriela Luis Ana Miguel Isabel Pedro Mariana
João Beatriz François Chloé Léa Étienne Hélène Amélie Jürgen Zoë Björn Søren Lars Astrid
Magnus Freya Łukasz Agnieszka Piotr Katarzyna Tomás Siobhán Niamh Seán Aoife Dmitri Natalia
Alexei Elena Yara Noor İlkay Emre Elif Thảo Minh Linh Anh Kai Riley Jordan Taylor Morgan
Casey Quinn Parker Rowan Sage Reese Harper Elliot Jamie Alex Nadia Tariq Inés Rafael Tobias
Greta Felix Clara Hugo Iris Leon Maya Nora Owen Ruby Isaac Leah Adrian Vera Simon Alma
Victor Julia Marco Giulia Luca Chiara Matteo Francesca Gideon Imani Malik Keisha Andre
Tanisha Darnell Ebony Marcus Jasmine Xavier Naomi Ezra Talia Ravi Sunita Karthik Meera
""".split()))  # noqa: SIM905 (a readable word block)

LAST_NAMES = list(dict.fromkeys("""
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernández Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Chen Wang Li
Zhang Liu Huang Zhao Wu Kim Park Choi Jung Kang Tanaka Suzuki Sato Watanabe Yamamoto Nakamura
Patel Shah Sharma Gupta Iyer Reddy Nair Desai Mehta Khan Ali Hussain Rahman Haddad Nasser
Okafor Adeyemi Mensah Osei Nkosi Dlamini Mwangi Otieno Silva Santos Oliveira Souza Costa
Pereira Fernández Gómez Díaz Ruiz Morales Ortiz Castillo Vargas Romero Navarro Müller Schmidt
Schneider Fischer Weber Becker Wagner Hoffmann Lefèvre Dubois Moreau Laurent Girard Rossi
Russo Bianchi Romano Ricci Conti Kowalski Nowak Wójcik Lewandowski Dvořák Novák Horváth Nagy
Andersson Johansson Nilsson Larsen Hansen Jensen Ødegaard Åkesson Virtanen Korhonen O'Brien
O'Connor Murphy Kelly Byrne MacLeod Ivanov Petrov Popescu Yilmaz Çelik Demir Kaya Cohen Levy
Friedman Goldberg Katz Tran Pham Le Vo Hoang Bui Dang Cruz Mendoza Santiago Aquino Bautista
Sorensen Lindqvist Fitzgerald Brennan Hughes Price Bennett Wood Barnes Ross Henderson Coleman
Jenkins Perry Powell Long Patterson Fisher Ellis Graham Hayes Myers Ford Hamilton Sullivan
Wallace West Cole Owens Reynolds Kennedy Warren Dixon Burns Gordon Shaw Holmes Rice Hunt
Black Daniels Palmer Mills Grant Knight Ferguson Stone Hawkins Dunn Perkins Hudson Spencer
Gardner Stephens Payne Pierce Berry Matthews Arnold Willis Ray Watkins Olson Carroll Duncan
Snyder Hart Cunningham Bradley Lane Andrews Fox Armstrong Carpenter Weaver Greene Lawrence
Elliott Chavez Sims Austin Peters Kelley Franklin Lawson Abernathy Okonkwo Balogun Achebe
Van-der-Berg de-la-Cruz Al-Amin Ben-David St-Pierre
""".split()))  # noqa: SIM905 (a readable word block)

CITIES = {
    "boston": "Boston, Massachusetts, United States",
    "cambridge": "Cambridge, Massachusetts, United States",
    "worcester": "Worcester, Massachusetts, United States",
    "providence": "Providence, Rhode Island, United States",
    "nyc": "New York, New York, United States",
    "sf": "San Francisco, California, United States",
    "la": "Los Angeles, California, United States",
    "chicago": "Chicago, Illinois, United States",
    "austin": "Austin, Texas, United States",
    "seattle": "Seattle, Washington, United States",
    "atlanta": "Atlanta, Georgia, United States",
    "denver": "Denver, Colorado, United States",
    "dc": "Washington, District of Columbia, United States",
    "toronto": "Toronto, Ontario, Canada",
    "london": "London, England, United Kingdom",
    "sao_paulo": "São Paulo, São Paulo, Brazil",
    "mexico_city": "Mexico City, Mexico",
    "madrid": "Madrid, Community of Madrid, Spain",
    "paris": "Paris, Île-de-France, France",
    "berlin": "Berlin, Berlin, Germany",
}
#: People in these cities often write their title in the local language.
CITY_LANGUAGE = {"sao_paulo": "pt", "mexico_city": "es", "madrid": "es", "paris": "fr", "berlin": "de"}

# Sectors. Each lists real organisations as (the name most people write, [other ways people
# write it], weight) — the names are facts, the people placed there are invented — then a
# long tail of small firms nobody can know (invented; `tail_share` of the sector's people
# work at one), and titles by seniority level 0 (intern) .. 5 (VP / partner / chief).
# Some tail names say their trade ("Dental", "Law Group", "CPAs", "Montessori"), most do not.
SECTORS: dict[str, dict] = {
    "fintech": {
        "orgs": [
            ("Stripe", ["Stripe, Inc.", "stripe"], 10), ("Toast", ["Toast, Inc.", "Toast Inc"], 8),
            ("Flywire", ["Flywire Corporation"], 6), ("Circle", ["Circle Internet Financial"], 5),
            ("Plaid", ["Plaid Inc."], 5), ("Chime", ["Chime Financial", "Chime Financial, Inc."], 5),
            ("Brex", ["Brex Inc."], 4), ("Ramp", ["Ramp Financial"], 4), ("Affirm", ["Affirm, Inc."], 4),
            ("Block", ["Block, Inc.", "Square", "Cash App"], 4), ("PayPal", ["PayPal Holdings"], 4),
            ("Venmo", [], 1), ("Robinhood", ["Robinhood Markets"], 3), ("SoFi", [], 3), ("Marqeta", ["Marqeta, Inc."], 2),
            ("Betterment", [], 2), ("Wealthfront", [], 2), ("Mercury", ["Mercury Technologies"], 2),
            ("Carta", [], 2), ("Coinbase", [], 3), ("Mastercard", [], 3), ("Visa", [], 3),
            ("American Express", [], 3), ("Fiserv", [], 2), ("FIS", [], 1), ("Wise", [], 2),
            ("Revolut", [], 2), ("Monzo", [], 1), ("Nubank", ["Nu Holdings", "Nubank Brasil"], 2),
            ("Mercado Pago", [], 1), ("Klarna", [], 1), ("Adyen", [], 1), ("Braintree", [], 1),
            ("Credit Karma", [], 1), ("NerdWallet", [], 1), ("Remitly", [], 1), ("Gusto", [], 1),
        ],
        "local": {
            "sao_paulo": ["Nubank", "PicPay", "Stone", "Mercado Pago"],
            "mexico_city": ["Clip", "Bitso", "Nu México", "Mercado Pago"],
            "madrid": ["Revolut", "BBVA", "Adyen"], "paris": ["Qonto", "Adyen", "Stripe"],
            "berlin": ["N26", "Klarna", "Wise"], "london": ["Wise", "Revolut", "Monzo", "Checkout.com"],
        },
        "tail": [("Tallyhawk", ["Tallyhawk, Inc."]), ("Fernway", []), ("Penny Harbor", ["Penny Harbor Inc."]),
                 ("Coppervale", []), ("Plumline", ["Plumline Labs"]), ("Brightfold", [])],
        "tail_share": 0.12,
        "titles": {
            0: ["Product Management Intern", "Software Engineering Intern", "Risk Analytics Intern"],
            1: ["Associate Product Manager", "Software Engineer", "Payments Operations Associate", "Fraud Analyst",
                "Data Analyst", "Customer Success Associate"],
            2: ["Product Manager", "Software Engineer II", "Risk Analyst", "Data Scientist", "Product Marketing Manager",
                "Compliance Analyst", "Product Designer", "Technical Product Manager"],
            3: ["Senior Product Manager", "Senior Software Engineer", "Senior Data Scientist", "Compliance Manager",
                "Senior Product Designer", "Staff Software Engineer", "HR Business Partner",
                "Senior Product Marketing Manager"],
            4: ["Group Product Manager", "Director of Product", "Engineering Manager", "Head of Partnerships",
                "Director of Risk", "Head of Product"],
            5: ["VP Product", "VP Engineering", "Chief Technology Officer", "Chief Operating Officer"],
        },
    },
    "banking": {
        "orgs": [
            ("JPMorgan Chase & Co.", ["JPMorgan Chase", "J.P. Morgan", "JPMorganChase", "Chase"], 8),
            ("Bank of America", ["Bank of America Merrill Lynch", "Merrill"], 7),
            ("Citizens Bank", ["Citizens"], 5), ("State Street", ["State Street Corporation"], 5),
            ("Goldman Sachs", ["Goldman Sachs & Co. LLC"], 5), ("Morgan Stanley", [], 4), ("Wells Fargo", [], 4),
            ("Citi", ["Citigroup", "Citibank"], 4), ("Fidelity Investments", ["Fidelity"], 5),
            ("Northern Trust", ["Northern Trust Corporation"], 6), ("Capital One", [], 3), ("TD Bank", ["TD"], 2),
            ("BMO", ["BMO Harris"], 2), ("Santander US", ["Santander Bank, N.A."], 2), ("Eastern Bank", [], 2),
            ("Cambridge Savings Bank", [], 1), ("Metro Credit Union", [], 1), ("BlackRock", [], 2),
            ("Vanguard", [], 2), ("RBC", ["RBC Royal Bank"], 1),
        ],
        "local": {
            "sao_paulo": ["Itaú Unibanco", "Santander US"], "mexico_city": ["BBVA"], "madrid": ["BBVA"],
            "paris": ["BNP Paribas"], "berlin": ["Deutsche Bank"], "toronto": ["RBC", "TD Bank", "BMO"],
        },
        "tail": [("Harlow & Finch", ["Harlow & Finch LLC"]), ("Ashcombe Wealth", []), ("Wexley Rowe", [])],
        "tail_share": 0.06,
        "titles": {
            0: ["Summer Analyst", "Banking Intern"],
            1: ["Analyst", "Investment Banking Analyst", "Credit Analyst", "Teller", "Personal Banker"],
            2: ["Associate", "Relationship Manager", "Product Owner", "Risk Analyst", "Financial Analyst"],
            3: ["Vice President", "Senior Relationship Manager", "Branch Manager", "Risk Manager"],
            4: ["Director", "Senior Vice President", "Head of Digital Banking"],
            5: ["Managing Director", "Chief Risk Officer", "Executive Vice President"],
        },
    },
    "software": {
        "orgs": [
            ("Microsoft", ["Microsoft Corporation"], 6), ("Google", ["Google LLC"], 7),
            ("Amazon Web Services (AWS)", ["Amazon Web Services", "AWS"], 5), ("Meta", ["Facebook"], 3),
            ("HubSpot", ["HubSpot, Inc."], 6), ("Salesforce", ["Salesforce, Inc."], 4), ("Oracle", [], 2),
            ("Akamai Technologies", ["Akamai"], 3), ("Datadog", [], 3), ("Atlassian", [], 2), ("Snowflake", [], 2),
            ("Figma", [], 2), ("Rapid7", [], 2), ("Klaviyo", [], 3), ("Apple", [], 2), ("IBM", [], 2),
            ("Adobe", [], 2), ("Dropbox", [], 1), ("Uber", [], 1), ("Airbnb", [], 1),
        ],
        "local": {"berlin": ["SAP", "Celonis", "Personio"], "paris": ["Dassault Systèmes", "Criteo"],
                  "sao_paulo": ["Totvs", "CI&T"], "mexico_city": ["Globant"], "madrid": ["Telefónica"]},
        "tail": [("Moth & Kettle", []), ("Northpine", ["Northpine, Inc."]), ("Oakmoss", []),
                 ("Quarter Turn", ["QuarterTurn"]), ("Lumenary", [])],
        "tail_share": 0.14,
        "titles": {
            0: ["Software Engineering Intern", "Product Design Intern"],
            1: ["Software Engineer", "Associate Product Manager", "QA Engineer", "Data Analyst",
                "Technical Support Engineer"],
            2: ["Software Engineer II", "Product Manager", "Data Scientist", "Product Designer", "DevOps Engineer",
                "Technical Recruiter", "Product Marketing Manager"],
            3: ["Senior Software Engineer", "Senior Product Manager", "Staff Software Engineer", "Senior Data Scientist"],
            4: ["Engineering Manager", "Director of Product", "Principal Engineer", "Director of Engineering"],
            5: ["VP Engineering", "VP Product", "Chief Technology Officer"],
        },
    },
    "healthcare": {
        "orgs": [
            ("Beth Israel Deaconess Medical Center", ["BIDMC", "Beth Israel Lahey Health"], 3),
            ("Massachusetts General Hospital", ["Mass General Brigham", "MGH", "Massachusetts General Hospital (MGH)"], 5),
            ("Brigham and Women's Hospital", [], 3), ("Boston Children's Hospital", ["Boston Children's"], 4),
            ("Dana-Farber Cancer Institute", ["Dana-Farber"], 3), ("Boston Medical Center", ["Boston Medical Center (BMC)"], 3),
            ("Tufts Medical Center", [], 2), ("Newton-Wellesley Hospital", [], 2), ("Cambridge Health Alliance", [], 2),
            ("Atrius Health", [], 1), ("Kaiser Permanente", [], 2), ("CVS Health", [], 3), ("Walgreens", [], 1),
            ("Optum", [], 2), ("UnitedHealth Group", [], 1), ("Epic", [], 1),
        ],
        "tail": [("Brookline Family Clinic", []), ("Riverway Pediatrics Medical Group", []),
                 ("Dorchester Urgent Care", []), ("Northside Dental", ["Northside Dental Associates"]),
                 ("Back Bay Physical Therapy", []), ("Hearthstone Home Care", [])],
        "tail_share": 0.13,
        "titles": {
            0: ["Nursing Student", "Clinical Intern"],
            1: ["Registered Nurse", "Medical Assistant", "Patient Care Coordinator", "Operations Analyst",
                "Pharmacy Technician"],
            2: ["Nurse Practitioner", "Physical Therapist", "Health Data Analyst", "Pharmacist",
                "Clinical Operations Specialist"],
            3: ["Physician", "Nurse Manager", "Clinical Operations Manager", "Senior Health Data Analyst"],
            4: ["Director of Nursing", "Director of Operations", "Medical Director"],
            5: ["Chief Nursing Officer", "Chief Medical Officer", "VP Patient Services"],
        },
    },
    "biotech": {
        "orgs": [
            ("Moderna", ["Moderna, Inc."], 4), ("Vertex Pharmaceuticals", [], 4), ("Biogen", ["Biogen Inc."], 4),
            ("Takeda", [], 3), ("Pfizer", ["Pfizer Inc."], 3), ("Novartis", [], 3), ("Ginkgo Bioworks", [], 2),
            ("Sanofi", [], 2), ("Illumina", ["Illumina, Inc."], 2),
        ],
        "tail": [("Foxglove Bio", []), ("Kestrel Therapeutics", ["Kestrel Therapeutics, Inc."]), ("Alder Lane Sciences", [])],
        "tail_share": 0.15,
        "titles": {
            0: ["Research Intern"],
            1: ["Research Associate", "Clinical Research Coordinator", "Lab Technician"],
            2: ["Scientist", "Bioinformatics Scientist", "Regulatory Affairs Specialist"],
            3: ["Senior Scientist", "Principal Scientist", "Clinical Project Manager"],
            4: ["Director of Clinical Operations", "Associate Director, Research"],
            5: ["VP Research", "Chief Scientific Officer"],
        },
    },
    "consulting": {
        "orgs": [
            ("McKinsey & Company", ["McKinsey"], 5), ("Boston Consulting Group (BCG)", ["BCG", "Boston Consulting Group"], 5),
            ("Bain & Company", [], 5), ("Deloitte", ["Deloitte Consulting", "Deloitte Consulting LLP"], 7),
            ("Accenture", [], 5), ("PwC", ["PwC US"], 3), ("EY", ["Ernst & Young", "EY-Parthenon"], 3),
            ("KPMG", ["KPMG US"], 2), ("Oliver Wyman", [], 2), ("Analysis Group", [], 2), ("Huron", [], 1),
            ("Slalom", [], 2), ("ICF", [], 1), ("Guidehouse", [], 1),
        ],
        "local": {"paris": ["Capgemini", "Accenture"], "madrid": ["Accenture", "Deloitte"], "berlin": ["McKinsey & Company"]},
        "tail": [("Brightwater Advisory LLC", ["Brightwater Advisory"]), ("Juniper Row", []),
                 ("Ashby Strategy Group", []), ("Kessler & Moran, CPAs", [])],
        "tail_share": 0.12,
        "titles": {
            0: ["Summer Associate", "Consulting Intern"],
            1: ["Business Analyst", "Analyst", "Strategy Analyst"],
            2: ["Consultant", "Associate", "Senior Business Analyst"],
            3: ["Senior Consultant", "Manager", "Engagement Manager"],
            4: ["Senior Manager", "Principal", "Associate Partner"],
            5: ["Partner", "Managing Partner"],
        },
    },
    "education": {
        "orgs": [
            ("Northeastern University", [], 4), ("Boston University", [], 4), ("Harvard University", ["Harvard"], 4),
            ("MIT", ["Massachusetts Institute of Technology"], 3), ("Boston College", [], 2), ("Tufts University", [], 2),
            ("University of Massachusetts Boston", ["UMass Boston"], 2), ("Bunker Hill Community College", [], 1),
            ("Boston Public Schools", ["Boston Public Schools (BPS)"], 4), ("Cambridge Public Schools", [], 2),
            ("Newton Public Schools", [], 1),
        ],
        "tail": [("Little Sprouts Montessori", []), ("Fenway Day School", []), ("Pine Street Tutoring", [])],
        "tail_share": 0.08,
        "titles": {
            0: ["Teaching Assistant", "Student"],
            1: ["Teacher", "Program Coordinator", "Academic Advisor", "Instructional Designer"],
            2: ["Curriculum Developer", "Learning Experience Designer", "Assistant Professor"],
            3: ["Senior Instructional Designer", "Associate Professor"],
            4: ["Director of Learning", "Professor", "Dean of Students"],
            5: ["Provost", "Chief Academic Officer"],
        },
    },
    "edtech": {
        "orgs": [
            ("edX", [], 5), ("Duolingo", [], 2), ("Coursera", [], 2), ("Khan Academy", [], 1),
            ("General Assembly", [], 1), ("Pearson", [], 1), ("Curriculum Associates", [], 1), ("Cengage", [], 1),
        ],
        "tail": [("Brightloop", []), ("Open Door Learning Center", [])],
        "tail_share": 0.1,
        "titles": {
            0: ["Product Management Intern", "Curriculum Intern"],
            1: ["Associate Product Manager", "Software Engineer", "Instructional Designer", "Customer Success Associate"],
            2: ["Product Manager", "Learning Experience Designer", "Data Analyst", "Software Engineer II"],
            3: ["Senior Product Manager", "Senior Instructional Designer", "Senior Software Engineer"],
            4: ["Director of Product", "Director of Learning"],
            5: ["VP Product", "Chief Academic Officer"],
        },
    },
    "media": {
        "orgs": [
            ("The New York Times", ["New York Times"], 3), ("The Boston Globe", [], 3), ("WBUR", [], 2), ("GBH", ["WGBH"], 2),
            ("NBCUniversal", ["NBC Universal"], 3), ("Netflix", [], 2), ("Spotify", [], 2), ("Vox Media", [], 2),
            ("Condé Nast", [], 1), ("Warner Bros. Discovery", [], 2), ("The Walt Disney Company", ["Disney"], 2),
        ],
        "tail": [("Fieldnote Media", []), ("Lantern Hill Studio", []), ("Sprout & Stem", [])],
        "tail_share": 0.12,
        "titles": {
            0: ["Editorial Intern", "Production Intern"],
            1: ["Production Assistant", "Reporter", "Social Media Coordinator", "Video Editor"],
            2: ["Producer", "Editor", "Content Strategist", "Marketing Manager"],
            3: ["Senior Producer", "Senior Editor", "Audience Development Manager"],
            4: ["Creative Director", "Executive Producer", "Editorial Director"],
            5: ["Editor-in-Chief", "VP Content"],
        },
    },
    "gaming": {
        "orgs": [
            ("Riot Games", ["Riot Games, Inc."], 5), ("Blizzard Entertainment", ["Blizzard"], 3),
            ("Electronic Arts (EA)", ["Electronic Arts", "EA"], 3), ("Activision", [], 2), ("Epic Games", [], 2),
            ("Insomniac Games", [], 2), ("Naughty Dog", [], 1), ("DraftKings", [], 2),
        ],
        "tail": [("Two Owls Interactive", []), ("Quiet Harbor Games", []), ("Paperlantern", [])],
        "tail_share": 0.15,
        "titles": {
            0: ["QA Tester", "Game Design Intern"],
            1: ["Associate Producer", "Community Manager", "QA Analyst", "3D Artist"],
            2: ["Game Designer", "Gameplay Engineer", "Producer", "Level Designer", "Product Manager"],
            3: ["Senior Game Designer", "Senior Producer", "Lead Gameplay Engineer"],
            4: ["Creative Director", "Director of Product"],
            5: ["Studio Head", "VP Product"],
        },
    },
    "retail": {
        "orgs": [
            ("Wayfair", ["Wayfair LLC"], 6), ("Amazon", ["Amazon.com"], 6), ("Etsy", ["Etsy, Inc."], 5),
            ("Shopify", [], 3), ("Target", [], 3), ("Walmart", [], 2), ("Chewy", [], 2), ("New Balance", [], 2),
            ("Reebok", [], 1), ("The TJX Companies, Inc.", ["TJX Companies", "TJX"], 2), ("Trader Joe's", [], 2),
            ("Wegmans", [], 1), ("Stop & Shop", [], 1),
        ],
        "local": {"berlin": ["Zalando"], "sao_paulo": ["Mercado Libre"], "mexico_city": ["Mercado Libre", "Kavak"]},
        "tail": [("Marigold Market", []), ("Norfolk Street Bakery", []), ("Harbor & Vine", [])],
        "tail_share": 0.12,
        "titles": {
            0: ["Merchandising Intern", "Sales Associate"],
            1: ["Sales Associate", "Merchandiser", "Customer Experience Associate", "Supply Chain Analyst"],
            2: ["Buyer", "E-commerce Manager", "Product Manager", "Category Manager"],
            3: ["Senior Product Manager", "Senior Buyer", "Store Manager"],
            4: ["Director of E-commerce", "Director of Merchandising"],
            5: ["VP Digital Commerce", "Chief Merchandising Officer"],
        },
    },
    "energy": {
        "orgs": [
            ("Xcel Energy", ["Xcel Energy Inc."], 4), ("NextEra Energy", [], 3), ("Sunrun", ["Sunrun Inc."], 3),
            ("Vestas", [], 2), ("Ørsted", ["Orsted"], 2), ("National Grid", ["National Grid US"], 3),
            ("Eversource Energy", ["Eversource"], 2), ("Tesla", [], 2), ("Nexamp", [], 1),
        ],
        "tail": [("Granite Peak Renewables", []), ("Windrow Solar", []), ("Sundial Works", [])],
        "tail_share": 0.12,
        "titles": {
            0: ["Sustainability Intern", "Engineering Intern"],
            1: ["Energy Analyst", "Solar Installer", "Project Coordinator"],
            2: ["Project Engineer", "Grid Engineer", "Sustainability Manager"],
            3: ["Senior Project Engineer", "Project Development Manager", "Senior Energy Analyst"],
            4: ["Director of Project Development", "Director of Engineering"],
            5: ["VP Development", "Chief Executive Officer"],
        },
    },
    "government": {
        "orgs": [
            ("City of Boston", [], 4), ("Commonwealth of Massachusetts", [], 3),
            ("Massachusetts Department of Public Health", [], 2), ("U.S. Department of Veterans Affairs", [], 1),
            ("MBTA", ["Massachusetts Bay Transportation Authority"], 2), ("City and County of Denver", [], 1),
            ("Colorado Department of Transportation", [], 1),
        ],
        "tail": [],
        "tail_share": 0.0,
        "titles": {
            0: ["Policy Intern", "Fellow"],
            1: ["Program Coordinator", "Caseworker", "Community Organizer"],
            2: ["Program Manager", "Policy Analyst", "Grants Manager"],
            3: ["Senior Policy Analyst", "Senior Program Manager"],
            4: ["Director of Programs", "Deputy Director"],
            5: ["Executive Director", "Commissioner"],
        },
    },
    "nonprofit": {
        "orgs": [
            ("The Greater Boston Food Bank", [], 2), ("United Way of Massachusetts Bay", [], 2), ("City Year", [], 2),
            ("Year Up", [], 2), ("Boys & Girls Clubs of Boston", [], 1), ("Rhode Island Foundation", [], 1),
        ],
        "tail": [("Open Hands Collective", []), ("Roxbury Youth Rowing", [])],
        "tail_share": 0.15,
        "titles": {
            0: ["Volunteer", "Fellow"],
            1: ["Program Coordinator", "Development Associate", "AmeriCorps Member"],
            2: ["Program Manager", "Grants Manager", "Development Manager"],
            3: ["Senior Program Manager", "Director of Development"],
            4: ["Director of Programs", "Deputy Director"],
            5: ["Executive Director"],
        },
    },
    "manufacturing": {
        "orgs": [
            ("GE Aerospace", ["General Electric", "GE"], 3), ("RTX", ["Raytheon"], 2), ("Boston Scientific", [], 2),
            ("3M", [], 2), ("Sherwin-Williams", ["The Sherwin-Williams Company"], 2),
            ("Ford Motor Company", ["Ford"], 2), ("Siemens", [], 2),
        ],
        "tail": [("Alder Robotics", []), ("Keel & Rivet Fabrication", [])],
        "tail_share": 0.12,
        "titles": {
            0: ["Manufacturing Intern"],
            1: ["Production Supervisor", "Quality Technician", "Manufacturing Associate"],
            2: ["Manufacturing Engineer", "Quality Engineer", "Supply Chain Analyst"],
            3: ["Senior Manufacturing Engineer", "Operations Manager", "Supply Chain Manager"],
            4: ["Plant Manager", "Director of Operations"],
            5: ["VP Operations", "Chief Operating Officer"],
        },
    },
    "legal": {
        "orgs": [
            ("Ropes & Gray", ["Ropes & Gray LLP"], 3), ("Goodwin Procter LLP", ["Goodwin"], 3), ("WilmerHale", [], 2),
            ("Mintz", [], 2), ("Foley Hoag LLP", [], 1), ("Latham & Watkins", [], 2), ("Kirkland & Ellis", [], 2),
            ("Skadden", [], 1),
        ],
        "tail": [("Hadley & Park Law Group", []), ("Law Offices of Marta Quiñones", []),
                 ("Whitcomb & Dunmore LLP", []), ("Calder Law, P.C.", ["Calder Law"])],
        "tail_share": 0.2,
        "titles": {
            0: ["Legal Intern", "Summer Associate"],
            1: ["Paralegal", "Legal Assistant"],
            2: ["Associate Attorney", "Litigation Associate"],
            3: ["Senior Associate", "Legal Counsel"],
            4: ["Counsel", "Senior Counsel"],
            5: ["Partner", "General Counsel"],
        },
    },
    "real_estate": {
        "orgs": [
            ("CBRE", [], 3), ("JLL", ["JLL (Jones Lang LaSalle)", "Jones Lang LaSalle"], 3), ("Cushman & Wakefield", [], 2),
            ("Compass", ["Compass Real Estate"], 3), ("Coldwell Banker Realty", [], 2), ("Redfin", [], 2), ("Zillow", [], 2),
        ],
        "tail": [("Greenleaf Property Group", []), ("Sterling Hill Realty", []), ("Harrow Street Partners", [])],
        "tail_share": 0.2,
        "titles": {
            0: ["Leasing Intern"],
            1: ["Leasing Consultant", "Real Estate Agent"],
            2: ["Property Manager", "Real Estate Analyst"],
            3: ["Senior Property Manager", "Broker"],
            4: ["Director of Acquisitions", "Asset Manager"],
            5: ["Managing Broker", "Principal"],
        },
    },
    "insurance": {
        "orgs": [
            ("Liberty Mutual Insurance", ["Liberty Mutual"], 4), ("John Hancock", [], 3), ("MassMutual", [], 3),
            ("Progressive", [], 2), ("State Farm", [], 2), ("Blue Cross Blue Shield of Massachusetts", [], 3),
            ("Point32Health", [], 1), ("Travelers", [], 2), ("The Hanover Insurance Group", [], 1), ("USAA", [], 1),
        ],
        "tail": [("Beacon Hill Insurance Agency", [])],
        "tail_share": 0.08,
        "titles": {
            0: ["Actuarial Intern"],
            1: ["Claims Adjuster", "Insurance Agent", "Actuarial Analyst"],
            2: ["Underwriter", "Actuarial Associate"],
            3: ["Senior Underwriter", "Claims Manager"],
            4: ["Director of Underwriting"],
            5: ["Chief Actuary"],
        },
    },
    "logistics": {
        "orgs": [
            ("FedEx", ["FedEx Ground"], 3), ("UPS", [], 3), ("DHL", [], 2), ("Flexport", [], 2), ("XPO", [], 1),
            ("C.H. Robinson", [], 2),
        ],
        "tail": [("Atlas Moving Co.", []), ("Tidewater Freight", [])],
        "tail_share": 0.15,
        "titles": {
            0: ["Operations Intern"],
            1: ["Logistics Coordinator", "Dispatcher"],
            2: ["Operations Manager", "Supply Chain Analyst"],
            3: ["Fleet Manager", "Senior Operations Manager"],
            4: ["Director of Logistics"],
            5: ["VP Supply Chain"],
        },
    },
    "staffing": {
        "orgs": [
            ("Robert Half", [], 3), ("Randstad", [], 2), ("Adecco", [], 1), ("Kforce", [], 1), ("Aerotek", [], 2),
            ("Insight Global", [], 2), ("TEKsystems", [], 2),
        ],
        "tail": [("Lantern Staffing", []), ("Kindling Talent", []), ("Northbeam Search", [])],
        "tail_share": 0.2,
        "titles": {
            0: ["Recruiting Intern"],
            1: ["Recruiter", "Talent Acquisition Coordinator"],
            2: ["Technical Recruiter", "Talent Acquisition Partner"],
            3: ["Senior Technical Recruiter", "Senior Recruiter"],
            4: ["Director of Talent Acquisition"],
            5: ["Managing Director"],
        },
    },
}


def _spellings() -> dict[str, list[str]]:
    spellings: dict[str, list[str]] = {}
    for spec in SECTORS.values():
        for name, variants, *_weight in [*spec["orgs"], *spec["tail"]]:
            known = spellings.setdefault(name, [name])
            known.extend(v for v in variants if v not in known)
    return spellings


#: Every spelling people use for an organisation (its name first), across sectors.
SPELLINGS = _spellings()

RECRUITER_TITLES = ["Recruiter", "Technical Recruiter", "Talent Acquisition Partner",
                    "Senior Technical Recruiter", "University Recruiter"]

# What people really write instead of an employer, and the titles that go with it.
# None of these can tell an industry. Weights per 100 people who write one.
UNKNOWABLE_JOBS: list[tuple[str, int, list[str]]] = [
    ("Self-employed", 30, ["Independent Consultant", "Consultant", "Photographer", "Owner",
                           "Freelance Product Designer"]),
    ("Freelance", 18, ["Freelance Writer", "Freelance Designer", "Video Editor", "Product Consultant"]),
    ("Stealth Startup", 16, ["Founder", "Co-Founder & CEO", "Founding Engineer", "Founding Product Manager",
                             "Co-founder & CTO"]),
    ("Confidential", 8, ["Senior Product Manager", "Software Engineer", "Director of Operations"]),
    ("", 22, ["Open to work", "Seeking new opportunities", "MBA Candidate", "Career break"]),
    ("Retired", 6, ["Retired", "Retired Teacher"]),
]
#: The share of people with a current job who write one of :data:`UNKNOWABLE_JOBS` instead.
UNKNOWABLE_SHARE = 0.05

# How people really write their titles: abbreviations and the team after a comma.
TITLE_FORMS: dict[str, list[str]] = {
    "Senior Product Manager": ["Sr. PM", "Sr. Product Manager", "Senior PM", "Senior Product Manager, Payments",
                               "Sr Product Manager - Risk"],
    "Associate Product Manager": ["APM", "Associate PM", "Associate Product Manager (APM)"],
    "Product Manager": ["PM, Payments", "Product Manager, Growth", "Product Manager II",
                        "Product Manager - Risk & Fraud", "PM"],
    "Group Product Manager": ["GPM", "Group PM"],
    "Director of Product": ["Director, Product Management", "Dir. of Product"],
    "VP Product": ["VP of Product", "VP, Product", "Vice President of Product"],
    "VP Engineering": ["VP Eng", "VP of Engineering", "Vice President, Engineering"],
    "Software Engineer": ["SWE", "Software Engineer I", "SDE I", "Software Developer", "Backend Engineer"],
    "Software Engineer II": ["SWE II", "SDE II", "Software Engineer 2"],
    "Senior Software Engineer": ["Sr. Software Engineer", "Senior SWE", "Sr. SDE", "Senior Software Engineer, Payments"],
    "Staff Software Engineer": ["Staff SWE", "Staff Engineer"],
    "Engineering Manager": ["EM, Platform", "Eng Manager", "Software Engineering Manager"],
    "Chief Technology Officer": ["CTO"],
    "Chief Operating Officer": ["COO"],
    "Chief Executive Officer": ["CEO", "Founder & CEO"],
    "Product Marketing Manager": ["PMM", "Product Marketing Manager, Payments"],
    "Senior Data Scientist": ["Sr. Data Scientist"],
    "Data Scientist": ["Data Scientist II"],
    "Registered Nurse": ["RN", "RN, BSN", "Registered Nurse (RN)", "Staff Nurse - ICU"],
    "Physician": ["MD, Internal Medicine", "Attending Physician", "Hospitalist", "Physician - Internal Medicine"],
    "Nurse Practitioner": ["NP", "Family Nurse Practitioner (FNP-C)"],
    "Vice President": ["VP", "Vice President, Commercial Banking", "VP - Treasury Services"],
    "Senior Vice President": ["SVP", "SVP, Wealth Management"],
    "Managing Director": ["Managing Director, Investment Banking", "MD, Investment Banking"],
    "Senior Consultant": ["Sr. Consultant", "Senior Consultant, Strategy & Analytics"],
    "Consultant": ["Consultant II"],
    "Technical Recruiter": ["Tech Recruiter", "Technical Recruiter | We're hiring!"],
    "Talent Acquisition Partner": ["TA Partner", "Sr. Talent Acquisition Partner"],
    "Director of Talent Acquisition": ["Head of Talent"],
    "Director of Operations": ["Dir. of Operations", "Director, Operations"],
    "Operations Manager": ["Ops Manager", "Operations Mgr"],
    "Paralegal": ["Sr. Paralegal"],
    "Teacher": ["3rd Grade Teacher", "High School Math Teacher", "ESL Teacher"],
    "Assistant Professor": ["Asst. Professor of Economics", "Assistant Professor of Sociology"],
    "Producer": ["Producer II"],
    "Partner": ["Equity Partner"],
}
# Titles as people in São Paulo, Mexico City, Madrid, Paris and Berlin write them.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "Product Manager": {"es": "Gerente de Producto", "pt": "Gerente de Produto", "fr": "Chef de produit",
                        "de": "Produktmanager"},
    "Senior Product Manager": {"es": "Gerente de Producto Senior", "pt": "Gerente de Produto Sênior",
                               "fr": "Chef de produit senior", "de": "Senior Produktmanager"},
    "Associate Product Manager": {"es": "Product Manager Jr.", "pt": "Analista de Produto",
                                  "fr": "Chef de produit junior", "de": "Junior Produktmanager"},
    "Director of Product": {"es": "Director de Producto", "pt": "Diretor de Produto", "fr": "Directeur produit",
                            "de": "Leiter Produktmanagement"},
    "Software Engineer": {"es": "Ingeniero de Software", "pt": "Engenheiro de Software", "fr": "Ingénieur logiciel",
                          "de": "Softwareentwickler"},
    "Senior Software Engineer": {"es": "Ingeniero de Software Senior", "pt": "Desenvolvedor de Software Sênior",
                                 "fr": "Ingénieur logiciel senior", "de": "Senior Softwareentwickler"},
    "Data Scientist": {"es": "Científico de Datos", "pt": "Cientista de Dados", "fr": "Data scientist",
                       "de": "Data Scientist"},
    "Data Analyst": {"es": "Analista de Datos", "pt": "Analista de Dados", "fr": "Analyste de données",
                     "de": "Datenanalyst"},
    "Risk Analyst": {"es": "Analista de Riesgos", "pt": "Analista de Risco", "fr": "Analyste risques",
                     "de": "Risikoanalyst"},
    "Fraud Analyst": {"es": "Analista de Fraude", "pt": "Analista de Prevenção à Fraude", "fr": "Analyste fraude",
                      "de": "Fraud Analyst"},
    "Engineering Manager": {"es": "Gerente de Ingeniería", "pt": "Gerente de Engenharia",
                            "fr": "Responsable d'équipe ingénierie", "de": "Teamleiter Softwareentwicklung"},
    "Product Designer": {"es": "Diseñador de Producto", "pt": "Designer de Produto", "fr": "Designer produit",
                         "de": "Produktdesigner"},
    "Product Marketing Manager": {"es": "Gerente de Marketing de Producto", "pt": "Gerente de Marketing de Produto",
                                  "fr": "Responsable marketing produit", "de": "Produktmarketing Manager"},
    "Consultant": {"es": "Consultor", "pt": "Consultor", "fr": "Consultant", "de": "Berater"},
    "Senior Consultant": {"es": "Consultor Senior", "pt": "Consultor Sênior", "fr": "Consultant senior",
                          "de": "Senior Berater"},
    "Relationship Manager": {"es": "Ejecutivo de Cuenta", "pt": "Gerente de Relacionamento", "fr": "Chargé d'affaires",
                             "de": "Firmenkundenbetreuer"},
    "Vice President": {"es": "Vicepresidente", "pt": "Vice-Presidente", "fr": "Vice-président",
                       "de": "Vizepräsident"},
    "Partner": {"es": "Socio", "pt": "Sócio", "fr": "Associé", "de": "Partner"},
    "Chief Technology Officer": {"es": "Director de Tecnología", "pt": "Diretor de Tecnologia",
                                 "fr": "Directeur technique", "de": "CTO"},
    "Product Management Intern": {"es": "Practicante de Producto", "pt": "Estagiário de Produto",
                                  "fr": "Stagiaire chef de produit", "de": "Praktikant Produktmanagement"},
    "Software Engineering Intern": {"es": "Practicante de Ingeniería de Software", "pt": "Estagiário de Desenvolvimento",
                                    "fr": "Stagiaire ingénieur logiciel", "de": "Werkstudent Softwareentwicklung"},
    "Recruiter": {"es": "Reclutador", "pt": "Recrutadora", "fr": "Chargée de recrutement", "de": "Recruiter"},
    "Registered Nurse": {"es": "Enfermera", "pt": "Enfermeira", "fr": "Infirmière", "de": "Krankenpfleger"},
    "Physician": {"es": "Médico", "pt": "Médico", "fr": "Médecin", "de": "Arzt"},
    "Teacher": {"es": "Profesor", "pt": "Professor", "fr": "Enseignant", "de": "Lehrer"},
}
# What people hang on a title: past employers, handles, credentials, emoji.
EX_EMPLOYERS = ["Google", "Amazon", "McKinsey", "Goldman Sachs", "Meta", "Deloitte", "Stripe"]
TITLE_TAGS = ["MBA", "CFA", "PMP", "SQL • Tableau • Python", "Hiring!", "Mentor", "Speaker"]
TITLE_EMOJI = ["🚀", "✨", "📈", "💡"]

# Credentials people add after a comma, by sector; pronouns; emoji.
CREDENTIALS = {
    "fintech": ["MBA", "CFA", "PMP®"], "banking": ["CFA", "CPA", "MBA"],
    "software": ["PMP®", "MBA", "PhD"], "healthcare": ["RN", "BSN, RN", "MD", "DNP"],
    "biotech": ["PhD", "MS"], "consulting": ["MBA", "PMP®", "CPA"], "education": ["PhD", "EdD", "M.Ed."],
    "edtech": ["M.Ed.", "MBA"], "media": ["MFA"], "retail": ["MBA"], "energy": ["PE", "LEED AP"],
    "government": ["MPA", "MPP"], "nonprofit": ["MPA", "MSW"], "manufacturing": ["PE", "Six Sigma Black Belt"],
    "gaming": ["MFA"], "legal": ["Esq.", "JD"], "real_estate": ["CCIM"], "insurance": ["CPCU", "FSA"],
    "logistics": ["CSCP"], "staffing": ["SHRM-CP", "PHR"],
}
PRONOUNS = {"f": ["(she/her)", "(she/her)", "(she/they)"], "m": ["(he/him)", "(he/him)", "(he/they)"],
            "x": ["(they/them)"]}
FEMININE = set("""
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Sandra Ashley
Emily Michelle Amanda Melissa Stephanie Rebecca Laura Hannah Olivia Emma Sophia Ava Isabella Mia
Chloe Grace Mei Sakura Ji-woo Seo-yeon Priyanka Ananya Deepa Aisha Fatima Layla Amara Ngozi Abena
Zanele Sofía Lucía Valentina Camila Gabriela Ana Isabel Mariana Beatriz Chloé Léa Hélène Amélie Zoë
Astrid Freya Agnieszka Katarzyna Siobhán Niamh Aoife Natalia Elena Yara Noor Elif Thảo Linh Nadia
Inés Greta Clara Iris Maya Nora Ruby Leah Vera Alma Julia Giulia Chiara Francesca Imani Keisha
Tanisha Ebony Jasmine Naomi Talia Sunita Meera
""".split())  # noqa: SIM905
MASCULINE = set("""
James Michael Robert John David William Richard Joseph Thomas Christopher Daniel Matthew Anthony
Mark Steven Andrew Joshua Kevin Brian Ryan Jacob Nicholas Tyler Ethan Noah Liam Mason Lucas Aiden
Caleb Wei Jun Hiroshi Haruto Min-jun Arjun Rohan Vikram Rahul Omar Yusuf Hassan Chinedu Kwame
Tunde Thabo Carlos José Mateo Diego Javier Luis Miguel Pedro João François Étienne Jürgen Björn
Søren Lars Magnus Łukasz Piotr Tomás Seán Dmitri Alexei İlkay Emre Minh Tariq Rafael Tobias Felix
Hugo Leon Owen Isaac Adrian Simon Victor Marco Luca Matteo Gideon Malik Andre Darnell Marcus
Xavier Ezra Ravi Karthik
""".split())  # noqa: SIM905
EMOJI = ["🚀", "🌱", "✨", "📈", "🎮", "👩\u200d💻", "🏳️\u200d🌈"]

# Communities: pools of people who know each other. Owners sample connections from them.
COMMUNITIES: dict[str, dict] = {
    "northeastern": {  # my university's alumni and students
        "size": 820,
        "industries": {"software": 16, "fintech": 8, "banking": 8, "consulting": 10, "healthcare": 8,
                       "education": 6, "edtech": 2, "media": 6, "retail": 6, "energy": 4, "government": 4,
                       "nonprofit": 3, "biotech": 5, "legal": 4, "real_estate": 3, "gaming": 4, "insurance": 2,
                       "manufacturing": 2, "staffing": 2},
        "levels": {0: 14, 1: 46, 2: 25, 3: 10, 4: 4, 5: 1},
        "cities": {"boston": 45, "cambridge": 8, "nyc": 15, "sf": 8, "chicago": 5, "dc": 6,
                   "seattle": 4, "austin": 4, "denver": 3, "london": 2, "madrid": 1},
        "student_past": True,
    },
    "fintech": {
        "size": 1050,
        "industries": {"fintech": 74, "banking": 13, "software": 8, "consulting": 5},
        "levels": {0: 3, 1: 18, 2: 32, 3: 29, 4: 13, 5: 5},
        "cities": {"boston": 32, "nyc": 28, "sf": 15, "chicago": 6, "london": 7, "toronto": 5,
                   "sao_paulo": 3, "mexico_city": 2, "berlin": 1, "paris": 1, "madrid": 1},
    },
    "bidmc": {  # my coworkers at the hospital
        "size": 160,
        "industries": {"healthcare": 100},
        "company": ("healthcare", "Beth Israel Deaconess Medical Center", 85),
        "levels": {0: 5, 1: 40, 2: 30, 3: 15, 4: 8, 5: 2},
        "cities": {"boston": 80, "cambridge": 8, "worcester": 6, "providence": 6},
    },
    "health": {
        "size": 700,
        "industries": {"healthcare": 72, "biotech": 13, "insurance": 8, "government": 7},
        "levels": {0: 4, 1: 30, 2: 30, 3: 22, 4: 10, 5: 4},
        "cities": {"boston": 55, "worcester": 12, "providence": 10, "nyc": 8, "atlanta": 5,
                   "chicago": 5, "denver": 5},
    },
    "edx": {  # where I interned
        "size": 170,
        "industries": {"edtech": 80, "software": 12, "media": 8},
        "company": ("edtech", "edX", 70),
        "levels": {0: 10, 1: 30, 2: 30, 3: 18, 4: 9, 5: 3},
        "cities": {"cambridge": 45, "boston": 40, "nyc": 8, "austin": 7},
    },
    "consulting": {
        "size": 620,
        "industries": {"consulting": 60, "banking": 8, "healthcare": 5, "energy": 5, "software": 10,
                       "government": 5, "manufacturing": 4, "fintech": 3},
        "levels": {0: 5, 1: 22, 2: 30, 3: 25, 4: 12, 5: 6},
        "cities": {"boston": 33, "nyc": 25, "chicago": 15, "dc": 10, "atlanta": 5, "london": 8, "paris": 2,
                   "madrid": 2},
    },
    "software": {
        "size": 900,
        "industries": {"software": 70, "fintech": 6, "gaming": 8, "media": 4, "retail": 4,
                       "biotech": 3, "energy": 2, "staffing": 3},
        "levels": {0: 6, 1: 25, 2: 30, 3: 25, 4: 10, 5: 4},
        "cities": {"sf": 30, "seattle": 20, "boston": 18, "nyc": 15, "austin": 10, "toronto": 4, "berlin": 2,
                   "paris": 1},
    },
    "media": {
        "size": 560,
        "industries": {"media": 48, "gaming": 32, "software": 10, "retail": 5, "education": 5},
        "levels": {0: 8, 1: 30, 2: 30, 3: 20, 4: 9, 5: 3},
        "cities": {"la": 35, "nyc": 30, "boston": 15, "seattle": 10, "austin": 8, "mexico_city": 2},
    },
    "ecommerce": {
        "size": 620,
        "industries": {"retail": 55, "software": 18, "fintech": 8, "logistics": 11, "media": 8},
        "levels": {0: 5, 1: 27, 2: 32, 3: 23, 4: 9, 5: 4},
        "cities": {"nyc": 30, "seattle": 25, "boston": 20, "chicago": 13, "sf": 10, "sao_paulo": 2},
    },
    "energy": {
        "size": 560,
        "industries": {"energy": 55, "manufacturing": 15, "consulting": 10, "government": 10,
                       "real_estate": 5, "legal": 5},
        "levels": {0: 3, 1: 20, 2: 30, 3: 27, 4: 14, 5: 6},
        "cities": {"denver": 30, "austin": 25, "boston": 20, "sf": 13, "seattle": 10, "berlin": 2},
    },
    "banking": {
        "size": 520,
        "industries": {"banking": 70, "insurance": 10, "legal": 8, "real_estate": 7, "consulting": 5},
        "levels": {0: 3, 1: 20, 2: 28, 3: 28, 4: 14, 5: 7},
        "cities": {"chicago": 45, "nyc": 30, "boston": 10, "toronto": 10, "london": 5},
    },
    "misc": {
        "size": 760,
        "industries": {"government": 10, "nonprofit": 8, "manufacturing": 10, "legal": 10, "real_estate": 10,
                       "insurance": 8, "retail": 10, "healthcare": 10, "education": 12,
                       "logistics": 6, "staffing": 6},
        "levels": {0: 4, 1: 28, 2: 30, 3: 22, 4: 11, 5: 5},
        "cities": {"boston": 40, "worcester": 10, "providence": 10, "nyc": 10, "chicago": 10,
                   "atlanta": 10, "denver": 10},
    },
    "abroad": {  # people met at conferences, exchange semesters and remote teams
        "size": 90,
        "industries": {"fintech": 45, "software": 25, "consulting": 20, "banking": 10},
        "levels": {0: 5, 1: 20, 2: 32, 3: 28, 4: 11, 5: 4},
        "cities": {"sao_paulo": 30, "mexico_city": 20, "madrid": 15, "paris": 20, "berlin": 15},
    },
    "recruiters": {
        "size": 130,
        "industries": {"staffing": 40, "fintech": 15, "software": 15, "healthcare": 8,
                       "consulting": 8, "banking": 8, "retail": 6},
        "levels": {1: 30, 2: 45, 3: 20, 4: 5},
        "cities": {"boston": 40, "nyc": 30, "sf": 15, "chicago": 15},
        "recruiter": True,
    },
}


# ---------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------


@dataclass
class Job:
    industry: str
    company: str
    title: str
    level: int


@dataclass
class Person:
    pid: int
    first: str
    last: str
    slug: str
    city: str
    job: Job | None
    job_since: date
    prev_job: Job | None
    popularity: float
    shares_email: bool
    email: str
    decor: tuple[str, str] = ("", "")  # (first-name decorated, last-name decorated)
    community: str = ""

    @property
    def url(self) -> str:
        return "https://www.linkedin.com/in/" + quote(self.slug, safe="-_")

    @property
    def bare_url(self) -> str:
        return "www.linkedin.com/in/" + quote(self.slug, safe="-_")

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def display(self, decorated: bool = True) -> tuple[str, str]:
        if decorated and (self.decor[0] or self.decor[1]):
            return self.decor
        return self.first, self.last

    @property
    def display_name(self) -> str:
        first, last = self.display()
        return " ".join(f"{first} {last}".split())

    def job_at(self, when: date) -> Job | None:
        return self.job if when >= self.job_since else self.prev_job


@dataclass
class Owner:
    key: str
    person: Person
    relationship: str | None
    fmt: str  # modern | spreadsheet | utf16 | v2018 | v2020 | v2022
    export_date: date
    since: date
    rows: int
    plan: list[tuple[str, int]]
    fill: str
    in_my_network: bool = True
    community_since: dict[str, date] = field(default_factory=dict)  # earliest tie per community
    edges: dict[int, datetime] = field(default_factory=dict)
    hidden: list[datetime] = field(default_factory=list)


def ascii_fold(text: str) -> str:
    special = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "İ": "I", "ß": "ss", "đ": "d"}
    text = "".join(special.get(ch, ch) for ch in text)
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


class World:
    """All people, jobs, communities and owners, drawn from one seeded RNG."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.people: list[Person] = []
        self.slugs: set[str] = set()
        self.by_comm: dict[str, list[Person]] = {}

    # -- small helpers ------------------------------------------------------------------
    def pick(self, weights: dict):
        keys = list(weights)
        return self.rng.choices(keys, weights=[weights[k] for k in keys])[0]

    def make_slug(self, first: str, last: str) -> str:
        rng = self.rng
        f = first.lower().replace(" ", "-").replace("'", "")
        last_part = last.lower().replace(" ", "-").replace("'", "")
        if not (f + last_part).isascii() and rng.random() < 0.5:
            f, last_part = ascii_fold(f), ascii_fold(last_part)
        style = rng.random()
        if style < 0.55:
            suffix = "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice([6, 8, 9])))
            base = f"{f}-{last_part}-{suffix}"
        elif style < 0.75:
            base = f"{f}-{last_part}"
        elif style < 0.88:
            base = f"{f}{last_part}".replace("-", "")
        else:
            base = f"{f[:1]}{last_part}{rng.randint(1, 99)}".replace("-", "")
        slug = base
        while slug in self.slugs:
            slug = f"{base}-{rng.randint(10, 9999)}"
        self.slugs.add(slug)
        return slug

    def pick_organisation(self, sector: str, city: str | None = None) -> str:
        """An employer in ``sector``: a small firm of the long tail, a local one, or a big name."""
        rng, spec = self.rng, SECTORS[sector]
        if spec["tail"] and rng.random() < spec["tail_share"]:
            return rng.choice(spec["tail"])[0]
        local = spec.get("local", {}).get(city or "")
        if local and rng.random() < 0.7:
            return rng.choice(local)
        names = [name for name, _, _ in spec["orgs"]]
        return rng.choices(names, weights=[weight for _, _, weight in spec["orgs"]])[0]

    def style_title(self, title: str, company: str, city: str | None = None) -> str:
        """A title as its holder writes it: translated, abbreviated, decorated — or plain."""
        rng = self.rng
        language = CITY_LANGUAGE.get(city or "")
        if language and title in TRANSLATIONS and rng.random() < 0.75:
            return TRANSLATIONS[title][language]
        if title in TITLE_FORMS and rng.random() < 0.4:
            title = rng.choice(TITLE_FORMS[title])
        r = rng.random()
        if r < 0.025 and company:
            title = f"{title} @ {company}"
        elif r < 0.04:
            past = rng.choice(EX_EMPLOYERS)
            title = f"{title} | Ex-{past}" if past != company else title
        elif r < 0.05:
            title = f"{title} {rng.choice(TITLE_EMOJI)}"
        elif r < 0.06:
            title = f"{title} | {rng.choice(TITLE_TAGS)}"
        return title

    def make_job(self, industry: str, level: int, company: str | None = None,
                 recruiter: bool = False, city: str | None = None) -> Job:
        spec = SECTORS[industry]
        if company is None:
            company = self.pick_organisation(industry, city)
        if recruiter:
            title = self.rng.choice(RECRUITER_TITLES)
        else:
            lvl = level
            while lvl not in spec["titles"]:
                lvl -= 1
            title = self.rng.choice(spec["titles"][lvl])
        return Job(industry, company, self.style_title(title, company, city), level)

    def unknowable_job(self, industry: str, level: int) -> Job:
        """What people write instead of an employer: Self-employed, Stealth Startup, blank..."""
        rng = self.rng
        company, _, titles = rng.choices(UNKNOWABLE_JOBS, weights=[w for _, w, _ in UNKNOWABLE_JOBS])[0]
        return Job(industry, company, rng.choice(titles), level)

    def email_for(self, first: str, last: str) -> str:
        local = ascii_fold(f"{first}.{last}").lower().replace(" ", "").replace("'", "")
        local = local.replace("-", "")
        domain = self.rng.choice(["example.com", "example.org", "example.net", "mail.example.com"])
        if self.rng.random() < 0.3:
            local += str(self.rng.randint(2, 99))
        return f"{local}@{domain}"

    def random_date(self, start: date, end: date, skew: float = 1.0) -> date:
        span = (end - start).days
        return start + timedelta(days=int(span * (self.rng.random() ** skew)))

    def random_dt(self, start: date, end: date, skew: float = 1.0) -> datetime:
        d = self.random_date(start, end, skew)
        hour = self.rng.choices(range(24), weights=[1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 8, 7, 8, 8, 8,
                                                    7, 6, 6, 6, 5, 4, 3, 2])[0]
        return datetime(d.year, d.month, d.day, hour, self.rng.randrange(60), self.rng.randrange(60))

    # -- people -------------------------------------------------------------------------
    def new_person(self, first: str, last: str, community: str, job: Job | None,
                   city: str, job_since: date, prev_job: Job | None, slug: str | None = None) -> Person:
        rng = self.rng
        person = Person(
            pid=len(self.people), first=first, last=last,
            slug=slug or self.make_slug(first, last), city=city, job=job,
            job_since=job_since, prev_job=prev_job,
            popularity=rng.lognormvariate(0, 0.9), shares_email=rng.random() < 0.03,
            email=self.email_for(first, last), community=community,
        )
        if slug:
            self.slugs.add(slug)
        self.people.append(person)
        return person

    def decorate(self, p: Person) -> None:
        """Give some people the name decorations real profiles carry."""
        rng = self.rng
        r = rng.random()
        industry = p.job.industry if p.job else "misc"
        if r < 0.075 and industry in CREDENTIALS:
            p.decor = (p.first, f"{p.last}, {rng.choice(CREDENTIALS[industry])}")
        elif r < 0.105:
            kind = "f" if p.first in FEMININE else "m" if p.first in MASCULINE else "x"
            p.decor = (p.first, f"{p.last} {rng.choice(PRONOUNS[kind] + PRONOUNS['x'])}")
        elif r < 0.115:
            p.decor = (f"{p.first} {rng.choice(EMOJI)}", p.last) if rng.random() < 0.5 else (p.first, f"{p.last} {rng.choice(EMOJI)}")
        elif r < 0.122:
            p.decor = (p.first + " ", " " + p.last)

    def populate(self) -> None:
        rng = self.rng
        for comm, spec in COMMUNITIES.items():
            members = []
            for _ in range(spec["size"]):
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
                city = self.pick(spec["cities"])
                industry = self.pick(spec["industries"])
                level = self.pick(spec["levels"])
                company = None
                if "company" in spec and industry == spec["company"][0] and rng.random() * 100 < spec["company"][2]:
                    company = spec["company"][1]
                job = self.make_job(industry, level, company, recruiter=spec.get("recruiter", False), city=city)
                since = self.random_date(date(2014, 1, 1), date(2026, 10, 1), 0.7)
                if spec.get("student_past") and level <= 1 and since >= date(2021, 1, 1):
                    prev = Job("education", "Northeastern University", "Student", 0)
                elif rng.random() < 0.7:
                    prev = self.make_job(industry, max(0, level - 1), city=city)
                else:
                    prev = self.make_job(self.pick(spec["industries"]), max(0, level - 1), city=city)
                r = rng.random()
                if r < 0.03:  # no current position listed
                    job = None
                elif r < 0.03 + UNKNOWABLE_SHARE:
                    job = self.unknowable_job(industry, level)
                person = self.new_person(first, last, comm, job, CITIES[city], since, prev)
                self.decorate(person)
                members.append(person)
            self.by_comm[comm] = members

    def sample(self, comm: str, k: int, exclude: set[int]) -> list[Person]:
        """k people from a community, more popular ones more likely (weighted, no replacement)."""
        keyed = []
        for p in self.by_comm[comm]:
            if p.pid in exclude:
                continue
            keyed.append((self.rng.random() ** (1.0 / p.popularity), p.pid, p))
        keyed.sort(key=lambda t: (-t[0], t[1]))
        return [p for _, _, p in keyed[:k]]


# ---------------------------------------------------------------------------------------
# Building the network
# ---------------------------------------------------------------------------------------


def build_world() -> tuple[World, Person, list[Owner], dict[str, Person]]:
    w = World(SEED)
    w.populate()
    city = CITIES

    def fixed(first, last, slug, comm, industry, company, title, level, cty, since, prev=None):
        return w.new_person(first, last, comm, Job(industry, company, title, level), city[cty], since,
                            prev, slug=slug)

    me = fixed("Avery", "Sampleton", "avery-sampleton", "me", "healthcare", "Beth Israel Deaconess Medical Center",
               "Operations Analyst", 1, "boston", date(2025, 7, 7),
               Job("education", "Northeastern University", "Student", 0))
    me.email = "avery.sampleton@example.com"

    # The eight people who shared their connection lists with me.
    dana = fixed("Dana", "Whitfield", "dana-whitfield", "fintech", "fintech", "Stripe",
                 "Sr. Product Manager, Payments", 3, "boston", date(2024, 2, 1),
                 Job("fintech", "Stripe", "Product Manager", 2))
    ruth = fixed("Ruth", "Sampleton", "ruth-sampleton", "health", "healthcare", "Newton-Wellesley Hospital",
                 "Director of Nursing", 4, "boston", date(2015, 3, 1),
                 Job("healthcare", "Boston Medical Center", "Nurse Manager", 3))
    ruth.decor = ("Ruth", "Sampleton, BSN, RN")
    ruth.email = "ruth.sampleton@example.net"
    ruth.shares_email = True
    marcus = fixed("Marcus", "Oyelaran", "marcus-oyelaran-5c1e07", "consulting", "consulting",
                   "Deloitte", "Senior Consultant", 3, "boston", date(2025, 3, 3),
                   Job("edtech", "edX", "Product Manager", 2))
    kenji = fixed("Kenji", "Albright", "kenji-albright", "software", "software", "Figma",
                  "SWE II", 2, "sf", date(2025, 8, 1),
                  Job("software", "Figma", "Software Engineer", 1))
    theo = fixed("Theo", "Sampleton", "theosampleton", "media", "gaming", "Riot Games",
                 "Producer", 2, "la", date(2022, 4, 1),
                 Job("media", "NBCUniversal", "Production Assistant", 1))
    marisol = fixed("Marisol", "Reyes", "marisol-reyes-cfa", "banking", "banking", "Northern Trust",
                    "Senior Vice President", 4, "chicago", date(2019, 6, 1),
                    Job("banking", "Northern Trust", "Vice President", 3))
    marisol.decor = ("Marisol", "Reyes, CFA")
    ingrid = fixed("Ingrid", "Halvorsen", "ingrid-halvorsen-8842a1", "energy", "energy", "Xcel Energy",
                   "Director of Project Development", 4, "denver", date(2017, 9, 1),
                   Job("consulting", "ICF", "Manager", 3))
    sam = fixed("Sam", "Kowalczyk", "samkowalczyk", "ecommerce", "retail", "Etsy",
                "Product Manager", 2, "nyc", date(2022, 1, 10),
                Job("retail", "Etsy", "APM", 1))
    sam.decor = ("Sam", "Kowalczyk (they/them)")

    # People my archive singles out (recommenders, mentors, group-chat members).
    renata = fixed("Renata", "Osei", "renata-osei-rn", "bidmc", "healthcare", "Beth Israel Deaconess Medical Center",
                   "Director of Operations", 4, "boston", date(2019, 5, 1))
    alan = fixed("Alan", "Whitlock", "alanwhitlock", "northeastern", "education", "Northeastern University",
                 "Associate Professor of Economics", 3, "boston", date(2012, 9, 1))
    helena = fixed("Helena", "Marsh", "helena-marsh-4f2a9b", "fintech", "fintech", "Toast",
                   "Head of Product, Payments", 4, "boston", date(2023, 1, 9),
                   Job("banking", "Citizens Bank", "Product Owner", 2))
    jamie = fixed("Jamie", "Lee", "jamie-lee-9d0b31", "northeastern", "fintech", "Flywire",
                  "APM", 1, "boston", date(2025, 6, 16),
                  Job("education", "Northeastern University", "Student", 0))
    jamie.decor = ("Jamie", "Lee, MBA")
    specials = {"me": me, "dana": dana, "ruth": ruth, "marcus": marcus, "kenji": kenji, "theo": theo,
                "marisol": marisol, "ingrid": ingrid, "sam": sam, "renata": renata, "alan": alan,
                "helena": helena, "jamie": jamie}

    owners = [
        Owner("me", me, None, "modern", ARCHIVE_DATE - timedelta(days=1), date(2021, 9, 1), 1000,
              [("northeastern", 380), ("bidmc", 85), ("health", 25), ("edx", 45), ("fintech", 35),
               ("software", 70), ("consulting", 25), ("media", 30), ("ecommerce", 30), ("energy", 20),
               ("banking", 20), ("recruiters", 30), ("abroad", 6)], "misc",
              community_since={"bidmc": date(2025, 6, 20), "edx": date(2024, 5, 28),
                               "fintech": date(2024, 10, 1), "recruiters": date(2024, 9, 1)}),
        Owner("dana-whitfield", dana, "close-friend", "modern", date(2026, 11, 10), date(2019, 9, 1), 860,
              [("northeastern", 160), ("fintech", 470), ("software", 60), ("consulting", 30),
               ("recruiters", 25), ("banking", 40), ("abroad", 24)], "fintech"),
        Owner("ruth-sampleton", ruth, "family", "spreadsheet", date(2026, 10, 2), date(2012, 5, 1), 470,
              [("bidmc", 60), ("misc", 70), ("northeastern", 8)], "health", in_my_network=False),
        Owner("marcus-oyelaran", marcus, "colleague", "modern", date(2026, 9, 15), date(2014, 6, 1), 640,
              [("consulting", 380), ("edx", 60), ("fintech", 50), ("northeastern", 20), ("energy", 30),
               ("abroad", 14)],
              "consulting"),
        Owner("kenji-albright", kenji, "friend", "modern", date(2026, 11, 2), date(2020, 1, 15), 720,
              [("software", 400), ("northeastern", 200), ("fintech", 40), ("media", 30), ("ecommerce", 20),
               ("abroad", 12)],
              "software"),
        Owner("theo-sampleton", theo, "family", "utf16", date(2026, 8, 20), date(2016, 6, 1), 560,
              [("media", 350), ("misc", 80), ("software", 40), ("northeastern", 30), ("health", 20)], "media"),
        Owner("marisol-reyes", marisol, "family", "v2018", date(2018, 2, 14), date(2009, 4, 1), 430,
              [("banking", 330), ("fintech", 40), ("misc", 40), ("health", 10)], "banking"),
        Owner("ingrid-halvorsen", ingrid, "acquaintance", "v2020", date(2020, 6, 30), date(2008, 3, 1), 510,
              [("energy", 380), ("consulting", 70), ("misc", 40)], "energy"),
        Owner("sam-kowalczyk", sam, "friend", "v2022", date(2022, 12, 5), date(2017, 8, 1), 600,
              [("ecommerce", 330), ("northeastern", 120), ("software", 80), ("fintech", 30)], "ecommerce"),
    ]
    by_key = {o.key: o for o in owners}
    rng = w.rng

    # Ties between the owners themselves (and me): symmetric, with one date.
    pair_dates = [
        ("me", "dana-whitfield", datetime(2021, 9, 15, 18, 2)), ("me", "kenji-albright", datetime(2021, 9, 20, 9, 41)),
        ("me", "sam-kowalczyk", datetime(2021, 10, 3, 21, 15)), ("me", "theo-sampleton", datetime(2021, 9, 12, 12, 0)),
        ("me", "marcus-oyelaran", datetime(2024, 6, 10, 16, 30)), ("me", "ingrid-halvorsen", datetime(2023, 4, 20, 14, 5)),
        ("me", "marisol-reyes", datetime(2022, 12, 26, 10, 12)),
        ("dana-whitfield", "kenji-albright", datetime(2020, 10, 2, 8, 0)),
        ("dana-whitfield", "sam-kowalczyk", datetime(2021, 9, 20, 19, 0)),
        ("kenji-albright", "sam-kowalczyk", datetime(2021, 11, 11, 11, 11)),
        ("dana-whitfield", "marcus-oyelaran", datetime(2024, 7, 8, 13, 20)),
        ("dana-whitfield", "theo-sampleton", datetime(2023, 3, 15, 20, 45)),
        ("kenji-albright", "theo-sampleton", datetime(2022, 6, 30, 17, 5)),
        ("theo-sampleton", "ruth-sampleton", datetime(2016, 12, 25, 9, 30)),
        ("theo-sampleton", "marisol-reyes", datetime(2017, 1, 4, 15, 0)),
        ("ruth-sampleton", "marisol-reyes", datetime(2013, 3, 2, 7, 45)),
        ("marcus-oyelaran", "ingrid-halvorsen", datetime(2019, 5, 14, 10, 10)),
    ]
    for a, b, when in pair_dates:
        for x, y in ((a, b), (b, a)):
            if when.date() <= by_key[x].export_date:
                by_key[x].edges[by_key[y].person.pid] = when

    # Fixed people in fixed lists.
    fixed_edges = [
        ("me", renata, datetime(2025, 7, 9, 9, 15)), ("me", alan, datetime(2022, 1, 28, 16, 0)),
        ("me", helena, datetime(2025, 10, 2, 18, 40)), ("me", jamie, datetime(2022, 9, 8, 12, 30)),
        ("dana-whitfield", helena, datetime(2023, 2, 14, 10, 0)), ("dana-whitfield", jamie, datetime(2023, 5, 2, 9, 0)),
        ("kenji-albright", jamie, datetime(2022, 10, 1, 21, 0)), ("sam-kowalczyk", jamie, datetime(2022, 11, 3, 8, 8)),
        ("ruth-sampleton", renata, datetime(2020, 2, 2, 14, 14)), ("marcus-oyelaran", helena, datetime(2024, 11, 12, 17, 0)),
    ]
    for key, person, when in fixed_edges:
        by_key[key].edges[person.pid] = when

    # Everyone else, sampled from communities.
    for owner in owners:
        hidden = max(1, round(owner.rows * (0.02 if owner.fmt not in ("v2018", "v2020") else 0.01)))
        target = owner.rows - hidden
        exclude = set(owner.edges) | {owner.person.pid}
        plan = list(owner.plan)
        chosen: list[Person] = []
        since: dict[int, date] = {}
        for comm, k in plan:
            got = w.sample(comm, k, exclude)
            exclude.update(p.pid for p in got)
            chosen.extend(got)
            for p in got:  # e.g. coworkers connect after I join the company
                since[p.pid] = owner.community_since.get(comm, owner.since)
        missing = target - len(owner.edges) - len(chosen)
        if missing > 0:
            got = w.sample(owner.fill, missing, exclude)
            exclude.update(p.pid for p in got)
            chosen.extend(got)
        chosen = chosen[: target - len(owner.edges)]
        for p in chosen:
            owner.edges[p.pid] = w.random_dt(since.get(p.pid, owner.since), owner.export_date, 0.55)
        owner.hidden = [w.random_dt(owner.since, owner.export_date, 0.5) for _ in range(hidden)]

    # Homonyms: pairs of different people with the same name at different companies.
    homonyms = ["Michael Chen", "Sarah Johnson", "Maria Garcia", "David Kim", "Emily Nguyen",
                "Daniel Cohen", "Priyanka Shah"]
    places = [("me", "me"), ("me", "dana-whitfield"), ("me", "sam-kowalczyk"), ("kenji-albright", "dana-whitfield"),
              ("me", "ingrid-halvorsen"), ("marcus-oyelaran", "theo-sampleton"), ("me", "kenji-albright")]
    used: set[int] = {p.pid for p in specials.values()}
    for name, (ka, kb) in zip(homonyms, places, strict=True):
        first, last = name.split(" ")
        pair: list[Person] = []
        for key in (ka, kb):
            cands = [pid for pid in sorted(by_key[key].edges) if pid not in used and w.people[pid].job]
            if key != "me":  # someone only this friend knows
                cands = [pid for pid in cands if pid not in by_key["me"].edges]
            if pair:
                cands = [pid for pid in cands if w.people[pid].job.company != pair[0].job.company]
            pid = cands[rng.randrange(len(cands))]
            used.add(pid)
            pair.append(w.people[pid])
        for p in pair:
            w.slugs.discard(p.slug)
            p.first, p.last = first, last
            p.decor = ("", "")
            p.slug = w.make_slug(first, last)
            p.email = w.email_for(first, last)

    # Guarantee every quirk the format doc lists appears in my own Connections.csv.
    mine = [w.people[pid] for pid in sorted(by_key["me"].edges) if w.people[pid].pid not in used]
    # (new base first name or None, decorated (first, last) as my export shows it)
    quirks = [
        (None, lambda p: (p.first, f"{p.last}, MBA")), (None, lambda p: (p.first, f"{p.last}, PMP®")),
        ("Jordan", lambda p: (p.first, f"{p.last} (she/her)")), (None, lambda p: (f"{p.first} 🚀", p.last)),
        (None, lambda p: (p.first, f"{p.last} 👩\u200d💻")), ("Mary Kate", lambda p: ("Mary\u00a0Kate", p.last)),
        ("Robert", lambda p: ('Robert "Bobby"', p.last)), (None, lambda p: (f"\u200e{p.first}", p.last)),
        (None, lambda p: (f"{p.first}\u200d", p.last)), (None, lambda p: (f" {p.first}", f"{p.last}  ")),
        (None, lambda p: (p.first.upper(), p.last.upper())), ("Katherine", lambda p: ("Katherine (Kate)", p.last)),
    ]
    picks = rng.sample(mine, len(quirks))
    for person, (new_first, quirk) in zip(picks, quirks, strict=True):
        if new_first:
            w.slugs.discard(person.slug)
            person.first = new_first
            person.slug = w.make_slug(new_first, person.last)
            person.email = w.email_for(new_first, person.last)
        person.decor = quirk(person)
    # Non-ASCII slugs, percent-encoded in URLs.
    accented = [("Zoë", "Müller"), ("José", "Hernández"), ("Łukasz", "Wójcik"), ("Søren", "Ødegaard"),
                ("Chloé", "Lefèvre"), ("İlkay", "Çelik")]
    rest = [p for p in mine if p not in picks]
    for (first, last), person in zip(accented, rng.sample(rest, len(accented)), strict=True):
        w.slugs.discard(person.slug)
        person.first, person.last, person.decor = first, last, ("", "")
        base = f"{first.lower()}-{last.lower()}-{rng.randrange(16**6):06x}"
        person.slug = base
        w.slugs.add(base)
        person.email = w.email_for(first, last)
    return w, me, owners, specials


# ---------------------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------------------


def fmt_connected(d: datetime) -> str:
    return f"{d.day:02d} {MON[d.month]} {d.year}"


def fmt_2018(d: datetime) -> str:
    hour = d.hour % 12 or 12
    return f"{d.month}/{d.day}/{d.year % 100:02d}, {hour}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


def fmt_excel(d: datetime) -> str:
    return f"{d.day}-{MON[d.month]}-{d.year % 100:02d}"


def fmt_rec(d: datetime) -> str:
    hour = d.hour % 12 or 12
    return f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}, {hour:02d}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


def fmt_msg(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M:%S UTC")


def fmt_endorse(d: datetime) -> str:
    return d.strftime("%Y/%m/%d %H:%M:%S UTC")


def csv_text(rows: list[list[str]], delimiter: str = ",", quoting: int = csv.QUOTE_MINIMAL,
             lineterminator: str = "\n") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
    writer.writerows(rows)
    return buf.getvalue()


def connection_rows(w: World, owner: Owner) -> list[tuple[datetime, Person | None]]:
    """An owner's rows, newest first (as LinkedIn sorts them); None marks a hidden member."""
    items: list[tuple[datetime, Person | None]] = [(when, w.people[pid]) for pid, when in owner.edges.items()]
    items += [(when, None) for when in owner.hidden]
    items.sort(key=lambda t: (t[0], t[1].pid if t[1] else -1), reverse=True)
    return items


def person_cells(w: World, owner: Owner, p: Person, when: date) -> tuple[str, str, str, str, str]:
    """First, last, email, company, position as this owner's export (made on ``when``) shows them."""
    rng = w.rng
    is_mine = owner.key == "me"
    modern = owner.fmt in ("modern", "spreadsheet", "utf16")
    decorated = True if is_mine else rng.random() < (0.75 if modern else 0.4)
    first, last = p.display(decorated)
    job = p.job_at(when)
    company = position = ""
    if job is not None:
        company, position = job.company, job.title
        variants = SPELLINGS.get(job.company, [job.company])[1:]
        if variants and rng.random() < (0.06 if is_mine else 0.22):
            company = rng.choice(variants)
        r = rng.random()
        if r < 0.05:
            company += " "
        elif r < 0.08:
            position += " "
        elif r < 0.10:
            position = ""
    if owner.fmt == "v2018":
        email = p.email if rng.random() < 0.55 else ""
    elif owner.fmt == "v2020":
        email = p.email if (p.shares_email or rng.random() < 0.06) else ""
    else:
        email = p.email if p.shares_email else ""
    return first, last, email, company, position


def write_connections(w: World, owner: Owner) -> bytes:
    """One owner's Connections.csv in that owner's format (see FORMAT_NOTES)."""
    fmt = owner.fmt
    header = {"v2018": HEADER_2018, "v2020": HEADER_PRE2023, "v2022": HEADER_PRE2023}.get(fmt, HEADER_2023)
    rows: list[list[str]] = [header]
    replaced = False
    for when, p in connection_rows(w, owner):
        if fmt == "v2018":
            date_text = fmt_2018(when)
        elif fmt == "spreadsheet":
            date_text = fmt_excel(when)
        else:
            date_text = fmt_connected(when)
        if p is None:
            rows.append([""] * (len(header) - (3 if fmt == "v2018" else 1)) + [date_text] + ([""] * 2 if fmt == "v2018" else []))
            continue
        first, last, email, company, position = person_cells(w, owner, p, owner.export_date)
        if fmt == "spreadsheet" and not replaced and not first.isascii():
            first = "".join(ch if ch.isascii() else "\ufffd" for ch in first)  # a lossy re-save
            replaced = True
        if fmt == "v2018":
            address = p.city.rsplit(", ", 1)[0] if w.rng.random() < 0.35 else ""
            site = f"[COMPANY:https://www.{ascii_fold(company.split()[0]).lower().strip(',&')}.example.com]" if company and w.rng.random() < 0.12 else ""
            ims = f"[SKYPE:{ascii_fold(p.first).lower()}.{w.rng.randint(10, 999)}]" if w.rng.random() < 0.04 else ""
            rows.append([first, last, address, email, company, position, date_text, site, ims])
        elif fmt in ("v2020", "v2022"):
            rows.append([first, last, email, company, position, date_text])
        else:
            rows.append([first, last, p.url, email, company, position, date_text])
    pad = len(header) - 1
    if fmt == "spreadsheet":
        body = csv_text(rows, delimiter=";", lineterminator="\r\n")
        pre = f"Notes:{';' * pad}\r\n{PREAMBLE_NOTE}{';' * pad}\r\n{';' * pad}\r\n"
        return b"\xef\xbb\xbf" + (pre + body).encode("utf-8")
    if fmt == "utf16":
        body = csv_text(rows, delimiter="\t", lineterminator="\r\n")
        pre = f"Notes:{chr(9) * pad}\r\n{PREAMBLE_NOTE}{chr(9) * pad}\r\n{chr(9) * pad}\r\n"
        return b"\xff\xfe" + (pre + body).encode("utf-16-le")
    body = csv_text(rows)
    if fmt in ("modern", "v2022"):
        body = f'Notes:\n"{PREAMBLE_NOTE}"\n\n' + body
    return body.encode("utf-8")


# ---------------------------------------------------------------------------------------
# My archive
# ---------------------------------------------------------------------------------------

FRIEND_LINES = [
    "Are you around this weekend? Thinking brunch at that place on Tremont.",
    "Just saw your team's launch announcement - congrats!! 🎉",
    "lol yes. send me the deck when you can",
    "Can you look over my resume before Friday? No rush if you're slammed.",
    "Thanks so much for the intro, I owe you a coffee ☕",
    "Running 10 min late, sorry!",
    "How did the interview go??",
    "Ok I read the PRD you sent. The metrics section is really clear.\nOne question: who owns the fraud review step?",
    "Happy birthday!! Hope it's a great one.",
    "Did you end up applying to the APM program?",
    "Sending you the notes from the fintech meetup:\n- open banking is everywhere\n- everyone is hiring for risk PMs\n- bring questions about unit economics",
    "Yes! Thursday works. 6:30?",
    "I think you'd like Helena - she moved from a bank into product too.",
    "Sounds good &amp; thanks again",
    "Haha that's exactly what my manager said",
    "Can't wait. Let me know what you need from me.",
]
FAMILY_LINES = [
    "Mom says call her this week 🙂",
    "Are you coming home for Thanksgiving?",
    "Saw this article about product managers and thought of you",
    "Booked my flight, landing Wednesday night.",
    "Proud of you, kiddo. Keep going.",
    "Can you send me the photos from Sunday?",
    "Ha! Classic.",
]
REQUEST_DIRECT = [
    "Hi {first},\n\nI'm Avery, a Northeastern graduate now working in operations at Beth Israel Deaconess. "
    "Your work as {title} at {company} stood out to me, and I'd be grateful for 20 minutes of your time "
    "to hear how you got there.\n\nWould a short call in the next few weeks work?\n\nBest,\nAvery",
    "Hello {first},\nI found your profile through the Northeastern alumni group. I'm exploring a move into product "
    "management and would love to learn from your experience at {company}. Would you be open to a brief chat?\n\nAvery",
]
REQUEST_VIA = [
    "Hi {first}, {via} suggested I reach out. I'm exploring product roles in fintech and would love to "
    "learn from your path at {company}. Could we find 20 minutes for a coffee or a call?\n\nThank you,\nAvery",
]
REPLY_DIRECT = [
    "Hi Avery, happy to help! How about next Tuesday at 4pm ET?",
    "Sure thing. Here's my calendar link - grab any slot that works.",
    "Thanks for reaching out. Things are busy this month but let's try early next month.",
    "Of course. I remember being in your shoes. Coffee near Downtown Crossing?",
]
REPLY_VIA = [
    "Hi Avery - glad {via} connected us. I can do a 30 min video call on Friday.",
    "Any friend of {via}'s is a friend of mine. Does Thursday morning work?",
]
REPLY_LINES = REPLY_DIRECT + REPLY_VIA
THANKS_LINES = [
    "Thank you again for your time today, {first}. Your advice about learning SQL and talking to risk "
    "teams was really helpful.\nI'll keep you posted on how it goes!",
    "Thanks so much for the chat! I've already signed up for the payments course you mentioned.",
    "Really appreciated the conversation yesterday &#8212; and the intro to your colleague. I'll follow up with them this week.",
]
RECRUITER_LINES = [
    "Hi Avery,\n\nI came across your profile and think you could be a fit for an Associate Product Manager "
    "role at {company}. Are you open to a quick call this week?",
    "Hi Avery - following up on my earlier note. The role is hybrid in Boston. Let me know!",
    "Thanks for your interest. I've shared your profile with the hiring manager.",
]
MY_SHORT = [
    "Thanks! Talk soon.", "That would be great - thank you!", "Yes, that works for me.",
    "Perfect, see you then.", "Thank you, I really appreciate it.",
]


class Archive:
    def __init__(self, w: World, me: Person, owners: list[Owner], specials: dict[str, Person]) -> None:
        self.w, self.me, self.owners, self.sp = w, me, owners, specials
        self.rng = random.Random(SEED + 1)
        self.my = owners[0]
        self.conn_ids = sorted(self.my.edges)

    def conv_id(self) -> str:
        raw = f"{self.rng.getrandbits(128):032x}"
        uuid = f"{raw[:8]}-{raw[8:12]}-{raw[12:16]}-{raw[16:20]}-{raw[20:]}"
        return "2-" + base64.b64encode(f"{uuid}_{self.rng.choice([0, 10, 12, 100])}".encode()).decode()

    def msg_row(self, cid, title, sender: Person | None, recipients: list[Person], when: datetime,
                content: str, folder: str = "INBOX", subject: str = "", attach: str = "",
                draft: str = "No", sender_name: str | None = None, sender_url: str | None = None) -> list[str]:
        return [
            cid, title,
            sender_name if sender_name is not None else sender.display_name,
            sender_url if sender_url is not None else sender.url,
            ", ".join(p.display_name for p in recipients),
            ",".join(p.url for p in recipients),
            fmt_msg(when), subject, content, folder, attach, draft, "No",
        ]

    def messages(self) -> list[list[str]]:
        rng, me, sp, w = self.rng, self.me, self.sp, self.w
        start, end = date(2024, 11, 21), date(2026, 11, 19)
        conversations: list[list[list[str]]] = []

        def thread(other: Person, n: int, lines: list[str], lo: date, hi: date, skew: float,
                   folder: str = "INBOX", first_mine: bool = False) -> None:
            cid = self.conv_id()
            rows = []
            times = sorted(w.random_dt(lo, hi, skew) for _ in range(n))
            for i, when in enumerate(times):
                mine = (i % 2 == 0) == first_mine if rng.random() < 0.8 else rng.random() < 0.5
                text = rng.choice(lines).format(first=other.first, company=other.job.company if other.job else "", via="Dana")
                if mine:
                    rows.append(self.msg_row(cid, "", me, [other], when, text, folder))
                else:
                    rows.append(self.msg_row(cid, "", other, [me], when, text, folder))
            conversations.append(rows)

        # Frequent, recent: the friends and family who shared lists with me.
        thread(sp["dana"], 64, FRIEND_LINES, start, end, 0.6)
        thread(sp["theo"], 40, FAMILY_LINES + FRIEND_LINES[:6], start, end, 0.7)
        thread(sp["kenji"], 30, FRIEND_LINES, start, end, 0.8)
        thread(sp["sam"], 22, FRIEND_LINES, start, end, 1.2)
        thread(sp["marcus"], 16, FRIEND_LINES + THANKS_LINES, date(2025, 3, 1), end, 1.0)
        thread(sp["marisol"], 6, FAMILY_LINES, start, end, 1.0)
        thread(sp["helena"], 9, REPLY_LINES + THANKS_LINES + MY_SHORT, date(2025, 10, 3), end, 0.8)
        thread(sp["renata"], 8, MY_SHORT + ["Can you send me the staffing dashboard before standup?",
                                            "Great work on the throughput report."], date(2025, 7, 10), end, 1.0)
        thread(sp["alan"], 5, MY_SHORT + ["Happy to write you a recommendation, Avery."], start, date(2025, 6, 30), 1.0,
               folder="ARCHIVE")
        thread(sp["ingrid"], 4, REPLY_LINES + THANKS_LINES, date(2025, 2, 1), date(2025, 4, 1), 1.0, folder="ARCHIVE",
               first_mine=True)

        # Informational-interview requests and other rare contacts (1-4 messages each).
        special_ids = {p.pid for p in sp.values()}
        pool = [w.people[pid] for pid in self.conn_ids if pid not in special_ids and w.people[pid].job]
        product_fintech = [p for p in pool if p.job.industry in ("fintech", "banking", "software")]
        recruiters = [p for p in pool if p.community == "recruiters"]
        others = [p for p in pool if p not in product_fintech and p not in recruiters]
        rare = rng.sample(product_fintech, 20) + rng.sample(recruiters, 8) + rng.sample(others, 22)
        for p in rare:
            cid = self.conv_id()
            t0 = w.random_dt(max(start, self.my.edges[p.pid].date() + timedelta(days=1)), end, 0.9)
            rows = []
            if p.community == "recruiters":
                rows.append(self.msg_row(cid, "", p, [me], t0, rng.choice(RECRUITER_LINES).format(company=p.job.company),
                                         subject="Opportunity" if rng.random() < 0.5 else ""))
                if rng.random() < 0.6:
                    rows.append(self.msg_row(cid, "", me, [p], t0 + timedelta(hours=rng.randint(2, 40)), rng.choice(MY_SHORT)))
            else:
                # Name a go-between only if one of my friends really knows this person.
                knowers = [o.person for o in self.owners[1:] if p.pid in o.edges and o.in_my_network]
                via = knowers[0] if knowers and rng.random() < 0.7 else None
                request = rng.choice(REQUEST_VIA if via else REQUEST_DIRECT).format(
                    first=p.first, company=p.job.company, title=p.job.title, via=via.name if via else "")
                rows.append(self.msg_row(cid, "", me, [p], t0, request))
                if rng.random() < 0.65:
                    t1 = t0 + timedelta(hours=rng.randint(3, 96))
                    reply = rng.choice(REPLY_VIA if via else REPLY_DIRECT).format(via=via.first if via else "")
                    rows.append(self.msg_row(cid, "", p, [me], t1, reply))
                    if rng.random() < 0.6:
                        t2 = t1 + timedelta(days=rng.randint(3, 12))
                        rows.append(self.msg_row(cid, "", me, [p], t2, rng.choice(THANKS_LINES).format(first=p.first)))
            folder = "ARCHIVE" if t0.date() < date(2025, 9, 1) and rng.random() < 0.4 else "INBOX"
            for r in rows:
                r[9] = folder
            conversations.append(rows)

        # Two group conversations (TO joins names that contain commas: never split it).
        cid = self.conv_id()
        group = [me, sp["dana"], sp["kenji"], sp["sam"], sp["jamie"]]
        rows = []
        for when in sorted(w.random_dt(date(2025, 1, 10), end, 0.8) for _ in range(16)):
            sender = rng.choice(group)
            rows.append(self.msg_row(cid, "PM Club crew 🎯", sender, [p for p in group if p is not sender], when,
                                     rng.choice(FRIEND_LINES)))
        conversations.append(rows)
        cid = self.conv_id()
        group = [me, sp["theo"], sp["marisol"]]
        rows = []
        for when in sorted(w.random_dt(date(2025, 11, 1), date(2025, 12, 20), 1.0) for _ in range(9)):
            sender = rng.choice(group)
            rows.append(self.msg_row(cid, "Thanksgiving 🦃", sender, [p for p in group if p is not sender], when,
                                     rng.choice(FAMILY_LINES)))
        conversations.append(rows)

        # A sponsored message (HTML), a closed account, spam, a draft, an attachment.
        conversations.append([self.msg_row(
            self.conv_id(), "Sponsored Conversation", None, [me], datetime(2026, 3, 4, 15, 0, 2),
            "<p>Hi Avery,</p><p>Tallyhawk is hiring Associate Product Managers in Boston &amp; New York. "
            "<a href=\"https://www.linkedin.com/jobs/view/4000000001\">See open roles</a></p>",
            subject="Build the future of payments", sender_name="Tallyhawk", sender_url="")])
        conversations.append([self.msg_row(
            self.conv_id(), "", None, [me], datetime(2025, 5, 19, 22, 41, 9),
            "Hey! Great meeting you at the career fair.\nLet's stay in touch.",
            sender_name="LinkedIn Member", sender_url="")])
        outsider = next(p for p in w.by_comm["recruiters"] if p.pid not in self.my.edges and p.job)
        conversations.append([self.msg_row(
            self.conv_id(), "", outsider, [me], datetime(2026, 9, 22, 16, 12, 40),
            f"Hi Avery,\n\nI lead hiring for early-career product roles at {outsider.job.company}. "
            "Your mix of operations analytics and a product internship caught my eye.\n\n"
            "Open to a 15-minute call next week?",
            subject="Associate Product Manager - Boston")])
        spammer = w.new_person("Crypto", "Gains", "", None, CITIES["london"], date(2020, 1, 1), None,
                               slug="crypto-gains-official-7777")
        conversations.append([self.msg_row(
            self.conv_id(), "", spammer, [me], datetime(2026, 6, 1, 3, 3, 3),
            "Earn 300% guaranteed returns!!! Click my profile link now", folder="SPAM", subject="Exclusive offer")])
        dana = sp["dana"]
        conversations[0].append(self.msg_row(
            conversations[0][0][0], "", me, [dana], datetime(2026, 11, 19, 23, 50, 1),
            "Draft: could you introduce me to someone on the risk product team?", folder="", draft="Yes"))
        conversations[0].append(self.msg_row(
            conversations[0][0][0], "", me, [dana], datetime(2026, 10, 14, 8, 30, 0),
            "Here's the updated resume 📎",
            attach="https://www.linkedin.com/dms/prv/document/v2/D4E10AQSynthetic0001/Avery_Sampleton_Resume.pdf"))

        # Newest conversation first; newest message first within a conversation.
        for rows in conversations:
            rows.sort(key=lambda r: r[6], reverse=True)
        conversations.sort(key=lambda rows: rows[0][6], reverse=True)
        return [MESSAGES_HEADER] + [r for rows in conversations for r in rows]

    def guide_messages(self) -> list[list[str]]:
        me = self.me
        cid = "2-R1VJREVfU1lOVEhFVElDXzAwMQ=="
        rows = [MESSAGES_HEADER]
        texts = [
            ("Avery Sampleton", me.url, "How do I get into product management?"),
            ("LinkedIn Guide", "", "Here are three steps you can take:\n1. Talk to product managers\n2. Build a portfolio\n3. Apply to APM programs"),
            ("Avery Sampleton", me.url, "Which companies hire APMs in Boston?"),
            ("LinkedIn Guide", "", "Companies in your network that hire APMs include several payments firms."),
        ]
        t = datetime(2026, 9, 3, 10, 0, 0)
        for i, (who, url, text) in enumerate(texts):
            to, to_url = ("LinkedIn Guide", "") if who == "Avery Sampleton" else ("Avery Sampleton", me.url)
            rows.append([cid, "Career guide", who, url, to, to_url, fmt_msg(t + timedelta(minutes=i)), "", text,
                         "INBOX", "", "No", "No"])
        return rows

    def invitations(self) -> list[list[str]]:
        rng, me, w = self.rng, self.me, self.w
        rows = [["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]]
        recent = [(self.my.edges[pid], w.people[pid]) for pid in self.conn_ids if self.my.edges[pid].date() >= date(2025, 6, 1)]
        recent.sort(key=lambda t: (t[0], t[1].pid))
        chosen = rng.sample(recent, min(55, len(recent)))
        items = []
        notes = ["Hi {first}, I enjoyed your talk at the fintech meetup - would love to connect.",
                 "Hi {first}! Fellow Northeastern alum here, hoping to learn more about product at {company}.",
                 "Great meeting you today, {first}."]
        for when, p in chosen:
            sent = when - timedelta(days=rng.randint(0, 6), minutes=rng.randint(0, 600))
            outgoing = rng.random() < 0.55
            msg = rng.choice(notes).format(first=p.first, company=p.job.company if p.job else "your company") if outgoing and rng.random() < 0.4 else ""
            items.append((sent, p, outgoing, msg))
        pending = [p for p in self.w.by_comm["fintech"] if p.pid not in self.my.edges and p.job][:200]
        for p in rng.sample(pending, 8):
            sent = w.random_dt(date(2026, 8, 1), date(2026, 11, 18))
            items.append((sent, p, True, rng.choice(notes).format(first=p.first, company=p.job.company)))
        for p in rng.sample(self.w.by_comm["recruiters"], 3):
            if p.pid in self.my.edges:
                continue
            items.append((w.random_dt(date(2026, 9, 1), date(2026, 11, 18)), p, False, ""))
        items.sort(key=lambda t: (t[0], t[1].pid), reverse=True)
        for sent, p, outgoing, msg in items:
            if outgoing:
                rows.append([me.display_name, p.display_name, fmt_2018(sent), msg, "OUTGOING", me.url, p.url])
            else:
                rows.append([p.display_name, me.display_name, fmt_2018(sent), msg, "INCOMING", p.url, me.url])
        return rows

    def endorsements(self) -> tuple[list[list[str]], list[list[str]]]:
        rng, sp, w = self.rng, self.sp, self.w
        skills = ["Product Management", "SQL", "Data Analysis", "Agile Methodologies", "Microsoft Excel",
                  "Healthcare Operations", "User Research", "Stakeholder Management", "Python", "Financial Modeling"]
        base = [sp[k] for k in ("dana", "kenji", "sam", "marcus", "renata", "alan", "helena", "theo", "jamie")]
        extra = rng.sample([w.people[pid] for pid in self.conn_ids if w.people[pid].community in ("northeastern", "bidmc")
                            and w.people[pid].pid not in {p.pid for p in base}], 14)
        received = [["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                     "Endorser Public Url", "Endorsement Status"]]
        items = []
        for p in base + extra:
            for skill in rng.sample(skills, rng.randint(1, 4 if p in base else 2)):
                when = w.random_dt(max(self.my.edges[p.pid].date(), date(2023, 1, 1)), date(2026, 11, 18), 0.8)
                items.append((when, skill, p, "ACCEPTED" if rng.random() < 0.93 else "PENDING"))
        items.sort(key=lambda t: (t[0], t[2].pid), reverse=True)
        for when, skill, p, status in items:
            first, last = p.display()
            received.append([fmt_endorse(when), skill, first, last, p.bare_url, status])
        given = [["Endorsement Date", "Skill Name", "Endorsee First Name", "Endorsee Last Name",
                  "Endorsee Public Url", "Endorsement Status"]]
        by_industry = {
            "fintech": ["Product Management", "Payments", "Risk Management"], "software": ["Java", "Python", "Agile Methodologies"],
            "healthcare": ["Nursing", "Healthcare Operations", "Patient Safety"], "consulting": ["Consulting", "Strategy", "Financial Modeling"],
            "education": ["Curriculum Design", "Teaching", "Research"], "gaming": ["Game Design", "Game Production"],
            "media": ["Video Production", "Storytelling"], "retail": ["E-commerce", "Merchandising"],
            "banking": ["Credit Analysis", "Financial Modeling"],
        }
        items = []
        for p in base[:6] + extra[:8]:
            skills = by_industry.get(p.job.industry if p.job else "", []) + ["Leadership", "Public Speaking"]
            for skill in rng.sample(skills, rng.randint(1, 2)):
                when = w.random_dt(max(self.my.edges[p.pid].date(), date(2023, 1, 1)), date(2026, 11, 18), 0.8)
                items.append((when, skill, p))
        items.sort(key=lambda t: (t[0], t[2].pid), reverse=True)
        for when, skill, p in items:
            first, last = p.display()
            given.append([fmt_endorse(when), skill, first, last, p.bare_url, "ACCEPTED"])
        return received, given

    def recommendations(self) -> tuple[list[list[str]], list[list[str]]]:
        sp = self.sp
        header = ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]
        received = [header]
        for p, job, text, when in [
            (sp["renata"], ("Beth Israel Deaconess Medical Center", "Director of Operations"),
             "Avery joined our operations team straight out of Northeastern and within months rebuilt our "
             "staffing dashboard.\nAvery asks \"why\" before \"how\" - a rare habit.", datetime(2026, 5, 11, 14, 5)),
            (sp["marcus"], ("edX", "Product Manager"),
             "I supervised Avery during a summer product internship. Avery ran 14 user interviews, "
             "wrote a crisp PRD, and shipped a feature that teachers still use.", datetime(2024, 9, 2, 9, 41)),
            (sp["alan"], ("Northeastern University", "Associate Professor of Economics"),
             "Avery was my research assistant for two years: careful with data, clear in writing, "
             "and generous with classmates.", datetime(2025, 6, 20, 16, 22)),
        ]:
            first, last = p.display()
            received.append([first, last, job[0], job[1], text, fmt_rec(when), "VISIBLE"])
        given = [header]
        for p, text, when in [
            (sp["kenji"], "Kenji is the engineer you want on a deadline: calm, fast and kind.", datetime(2025, 2, 3, 20, 15)),
            (sp["jamie"], "Jamie led our student PM club with energy and a great eye for users.", datetime(2025, 4, 28, 11, 2)),
        ]:
            first, last = p.display()
            given.append([first, last, p.job.company, p.job.title, text, fmt_rec(when), "VISIBLE"])
        return received, given

    def files(self) -> dict[str, bytes]:
        me = self.me
        out: dict[str, bytes] = {}

        def put(name: str, rows: list[list[str]], quoting: int = csv.QUOTE_MINIMAL) -> None:
            out[f"{ARCHIVE_DIR}/{name}"] = csv_text(rows, quoting=quoting).encode("utf-8")

        out[f"{ARCHIVE_DIR}/Connections.csv"] = write_connections(self.w, self.my)
        put("Profile.csv", [
            ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
             "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
            ["Avery", "Sampleton", "", "", "Oct 7",
             "Operations Analyst at Beth Israel Deaconess Medical Center | Aspiring Product Manager in Fintech | Northeastern '25",
             "Economics graduate turned healthcare operations analyst. I build dashboards, run process experiments "
             "and talk to the people who use them.\n\nNext: product management in fintech - payments, lending, "
             "financial health. (Synthetic sample profile.)",
             "Hospitals and Health Care", "02118", "Boston, Massachusetts, United States", "",
             "[PORTFOLIO:https://avery-sampleton.example.com]", ""],
        ])
        put("Positions.csv", [
            ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
            ["Beth Israel Deaconess Medical Center", "Operations Analyst",
             "Staffing and throughput analytics for three outpatient clinics; SQL, Excel, Tableau.",
             "Boston, Massachusetts, United States", "Jul 2025", ""],
            ["Northeastern University", "Research Assistant, Department of Economics",
             "Cleaned survey data on household finances; co-authored a working paper on payment apps.",
             "Boston, Massachusetts, United States", "Sep 2023", "May 2025"],
            ["edX", "Product Management Intern",
             "Interviewed teachers, wrote the PRD for assignment analytics, shipped with two engineers.",
             "Cambridge, Massachusetts, United States", "Jun 2024", "Aug 2024"],
            ["Trader Joe's", "Crew Member", "", "Newton, Massachusetts, United States",
             "Jun 2021", "Aug 2022"],
        ])
        put("Education.csv", [
            ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
            ["General Assembly", "Jan 2026", "", "Product management certificate (evenings)",
             "Certificate, Product Management", ""],
            ["Northeastern University", "2021", "2025", "", "Bachelor of Arts - BA, Economics",
             "Product Management Club, Women in Finance, intramural soccer"],
            ["Newton North High School", "2017", "2021", "", "", ""],
        ])
        put("messages.csv", self.messages(), quoting=csv.QUOTE_ALL)
        put("guide_messages.csv", self.guide_messages(), quoting=csv.QUOTE_ALL)
        put("Invitations.csv", self.invitations())
        received, given = self.endorsements()
        put("Endorsement_Received_Info.csv", received)
        put("Endorsement_Given_Info.csv", given)
        received, given = self.recommendations()
        put("Recommendations_Received.csv", received)
        put("Recommendations_Given.csv", given)
        put("Skills.csv", [["Name"]] + [[s] for s in [
            "Product Management", "SQL", "Data Analysis", "Agile Methodologies", "Microsoft Excel", "Tableau",
            "Healthcare Operations", "User Research", "Stakeholder Management", "Python", "Financial Modeling",
            "A/B Testing", "Process Improvement", "Payments", "Jira", "Public Speaking"]])
        put("Certifications.csv", [["Name", "Url", "Authority", "Started On", "Finished On", "License Number"]])
        put("Email Addresses.csv", [["Email Address", "Confirmed", "Primary", "Updated On"],
                                    [me.email, "Yes", "Yes", "9/1/21, 8:02 PM"]])
        out[f"{ARCHIVE_DIR}/Company Follows.csv"] = csv_text(
            [["Organization", "Followed On"], ["Stripe", "Mon Oct 12 14:03:55 UTC 2026"],
             ["Toast", "Fri Aug 07 09:12:40 UTC 2026"], ["Flywire", "Tue Mar 03 18:45:10 UTC 2026"],
             ["Beth Israel Deaconess Medical Center", "Mon Jun 30 12:00:00 UTC 2025"]]).encode("utf-8")
        out[f"{ARCHIVE_DIR}/Jobs/Saved Jobs.csv"] = csv_text([
            ["Saved Date", "Job Url", "Job Title", "Company Name"],
            ["11/2/26, 7:15 PM", "https://www.linkedin.com/jobs/view/4000000002", "Associate Product Manager", "Toast"],
            ["10/28/26, 9:02 PM", "https://www.linkedin.com/jobs/view/4000000003", "Product Analyst, Risk", "Flywire"],
        ]).encode("utf-8")
        return out


# ---------------------------------------------------------------------------------------
# Family contacts (.vcf)
# ---------------------------------------------------------------------------------------

FAMILY = [
    # first, last, email, phone, org, title, street, city, region, postcode, country, categories, version, note
    ("Ruth", "Sampleton", "ruth.sampleton@example.net", "+1-617-555-0134", "Newton-Wellesley Hospital", "Director of Nursing",
     "14 Linden Street", "Newton", "MA", "02458", "USA", "Family", "3.0", "Mom"),
    ("Graham", "Sampleton", "graham.s@example.net", "+1-617-555-0135", "Sunrun", "Solar Installer",
     "14 Linden Street", "Newton", "MA", "02458", "USA", "Family", "4.0", "Dad"),
    ("Harold", "Sampleton", "", "+1-508-555-0187", "", "", "3 Orchard Lane", "Worcester", "MA", "01602", "USA",
     "Family,Grandparents", "3.0", "Grandpa - retired machinist"),
    ("June", "Sampleton", "june.sampleton@example.org", "+1-508-555-0188", "", "", "3 Orchard Lane", "Worcester",
     "MA", "01602", "USA", "Family,Grandparents", "3.0", ""),
    ("Beatriz", "Reyes", "", "+1-305-555-0112", "", "", "880 Coral Way", "Miami", "FL", "33145", "USA",
     "Family,Grandparents", "4.0", "Abuela"),
    ("Camila", "Reyes", "camila.reyes@example.com", "+1-312-555-0146", "Braintree",
     "Payments Operations Specialist", "221 W Erie St", "Chicago", "IL", "60654", "USA", "Family,Cousins", "4.0",
     "Cousin; works in payments ops - ask about fintech!"),
    ("Lucas", "Reyes", "lucas.reyes@example.com", "+1-312-555-0147", "Harold Washington College", "Student",
     "221 W Erie St", "Chicago", "IL", "60654", "USA", "Family,Cousins", "3.0", ""),
    ("Rafael", "Reyes", "rafa.reyes@example.org", "+1-305-555-0113", "Coldwell Banker Realty", "Broker",
     "1200 Brickell Ave", "Miami", "FL", "33131", "USA", "Family", "4.0", "Tío Rafa"),
    ("Paul", "Sampleton", "paul.sampleton@example.net", "+1-216-555-0171", "Sherwin-Williams",
     "Plant Manager", "45 Lake Shore Blvd", "Cleveland", "OH", "44114", "USA", "Family", "3.0", "Uncle Paul"),
    ("Denise", "Sampleton", "denise.sampleton@example.net", "+1-216-555-0172", "Cleveland Metropolitan School District", "Teacher",
     "45 Lake Shore Blvd", "Cleveland", "OH", "44114", "USA", "Family", "3.0", ""),
    ("Zoë", "Sampleton", "zoe.sampleton@example.com", "+1-619-555-0190", "Illumina", "Research Associate",
     "77 Harbor Dr", "San Diego", "CA", "92101", "USA", "Family,Cousins", "4.0", "Cousin Zoë"),
    ("Owen", "Sampleton", "", "+1-216-555-0173", "", "", "45 Lake Shore Blvd", "Cleveland", "OH", "44114", "USA",
     "Family,Cousins", "4.0", "High school senior"),
    ("Nora", "Lindqvist", "nora.lindqvist@example.org", "+1-401-555-0124", "Rhode Island Foundation",
     "Grants Manager", "9 Benefit St", "Providence", "RI", "02903", "USA", "Family,Godparents", "3.0", "Godmother"),
    ("Lily", "Chen-Sampleton", "lily.cs@example.com", "+1-503-555-0158", "Hadley & Park Law Group", "Paralegal",
     "500 NW Couch St", "Portland", "OR", "97209", "USA", "Family", "4.0", "Aunt Lily"),
    ("Walter", "Okonkwo", "walter.okonkwo@example.net", "+1-512-555-0166", "State Farm", "Claims Manager",
     "31 Rainey St", "Austin", "TX", "78701", "USA", "Family", "3.0", "Step-grandfather"),
    ("Ana Lucía", "Reyes", "analucia.reyes@example.com", "+1-416-555-0131", "RBC", "Teller",
     "88 Queen St W", "Toronto", "ON", "M5H 2N2", "Canada", "Family,Cousins", "4.0",
     "Cousin in Toronto; moved there in 2024 for work at the bank and is happy to talk about banking careers any time"),
]


def vcard_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str) -> list[str]:
    """RFC 6350 line folding at 75 octets."""
    out, cur = [], ""
    for ch in line:
        if len((cur + ch).encode("utf-8")) > 75:
            out.append(cur)
            cur = " " + ch
        else:
            cur += ch
    out.append(cur)
    return out


def write_vcf() -> bytes:
    lines: list[str] = []
    for i, (first, last, email, tel, org, title, street, city, region, pc, country, cats, ver, note) in enumerate(FAMILY):
        card = ["BEGIN:VCARD", f"VERSION:{ver}"]
        if ver == "4.0":
            card += [f"FN:{vcard_escape(first + ' ' + last)}", f"N:{vcard_escape(last)};{vcard_escape(first)};;;",
                     "KIND:individual"]
            if email:
                card.append(f"EMAIL;TYPE=home:{email}")
            card.append(f"TEL;VALUE=uri;TYPE=\"voice,cell\":tel:{tel}")
            card.append(f"ADR;TYPE=home:;;{vcard_escape(street)};{city};{region};{pc};{country}")
        else:
            card += [f"N:{vcard_escape(last)};{vcard_escape(first)};;;", f"FN:{vcard_escape(first + ' ' + last)}"]
            if email:
                prefix = "item1." if i % 3 == 0 else ""
                card.append(f"{prefix}EMAIL;TYPE=INTERNET,HOME:{email}")
            card.append(f"TEL;TYPE=CELL:{tel}")
            if i % 3 == 0:
                card.append(f"item2.ADR;TYPE=HOME:;;{vcard_escape(street)};{city};{region};{pc};{country}")
                card.append("item2.X-ABADR:us")
            else:
                card.append(f"ADR;TYPE=HOME:;;{vcard_escape(street)};{city};{region};{pc};{country}")
        if org:
            card.append(f"ORG:{vcard_escape(org)}")
        if title:
            card.append(f"TITLE:{vcard_escape(title)}")
        card.append(f"CATEGORIES:{cats}")
        if note:
            card.append(f"NOTE:{vcard_escape(note)}")
        card.append("END:VCARD")
        for line in card:
            lines.extend(fold(line))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# ---------------------------------------------------------------------------------------
# Saved profiles (LinkedIn "More > Save to PDF") of people I am considering
# ---------------------------------------------------------------------------------------

PROFILES_DIR = "profiles"
#: How people in each city write where they are on their profile (LinkedIn's own forms).
PROFILE_PLACES = {
    "boston": ["Greater Boston", "Boston, Massachusetts, United States", "Cambridge, Massachusetts, United States",
               "Somerville, Massachusetts, United States", "Brookline, Massachusetts, United States"],
    "cambridge": ["Cambridge, Massachusetts, United States", "Greater Boston"],
    "nyc": ["New York City Metropolitan Area", "New York, New York, United States", "Brooklyn, New York, United States"],
    "sf": ["San Francisco Bay Area", "San Francisco, California, United States", "Oakland, California, United States"],
    "chicago": ["Greater Chicago Area", "Chicago, Illinois, United States"],
    "london": ["London Area, United Kingdom", "London, England, United Kingdom"],
    "toronto": ["Greater Toronto Area, Canada", "Toronto, Ontario, Canada"],
    "sao_paulo": ["São Paulo, São Paulo, Brazil", "Greater São Paulo"],
    "mexico_city": ["Ciudad de México, México", "Mexico City Metropolitan Area"],
    "berlin": ["Berlin, Berlin, Germany", "Berlin Metropolitan Area"],
    "paris": ["Île-de-France, France", "Paris, Île-de-France, France"],
    "madrid": ["Madrid, Community of Madrid, Spain", "Greater Madrid Metropolitan Area"],
}
#: Too broad to tell coffee from video: the demo shows "unknown — ask" for these too.
VAGUE_PLACES = ["Remote", "Massachusetts, United States"]
#: Schools (real ones, as facts) and fields people studied, by where they live now.
PROFILE_SCHOOLS = {
    "boston": ["Northeastern University", "Boston University", "Tufts University", "Boston College",
               "University of Massachusetts Amherst", "Babson College", "Bentley University"],
    "nyc": ["New York University", "Columbia University", "Baruch College", "Cornell University"],
    "sf": ["University of California, Berkeley", "Stanford University", "San Jose State University"],
    "london": ["London School of Economics and Political Science", "University College London"],
    "toronto": ["University of Toronto", "University of Waterloo"],
    "sao_paulo": ["Universidade de São Paulo", "Fundação Getulio Vargas"],
    "mexico_city": ["Universidad Nacional Autónoma de México", "Instituto Tecnológico Autónomo de México"],
}
FIELDS = ["Economics", "Finance", "Computer Science", "Business Administration and Management, General",
          "Mathematics", "Information Systems", "Statistics", "Psychology"]
DEGREES = ["Bachelor of Science - BS", "Bachelor of Arts - BA", "Bachelor of Business Administration - BBA"]
SKILLS = ["Product Management", "Payments", "SQL", "Roadmapping", "Stakeholder Management", "A/B Testing",
          "Financial Modeling", "User Research", "Agile Methodologies", "Risk Management", "Fraud Prevention"]


def _city_key(person: Person) -> str:
    return next((k for k, v in CITIES.items() if v == person.city), "boston")


def _month_before(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 - months
    return date(total // 12, total % 12 + 1, 1)


def _years_months(start: date, end: date) -> str:
    months = max(1, (end.year - start.year) * 12 + end.month - start.month + 1)
    years, rest = divmod(months, 12)
    parts = ([f"{years} year{'s' if years != 1 else ''}"] if years else []) + (
        [f"{rest} month{'s' if rest != 1 else ''}"] if rest else [])
    return " ".join(parts)


def saved_profile(rng: random.Random, p: Person, *, location: str | None = None, education: list | None = None,
                  earlier: list | None = None, headline: str | None = None, summary: str | None = None):
    """The profile PDF record of an invented person: their jobs, an earlier one, their schools."""
    from netanalytics.ingest.profile_pdf import (
        Education,
        Experience,
        Language,
        ProfileRecord,
        YearMonth,
    )

    city = _city_key(p)
    location = location or rng.choice(PROFILE_PLACES.get(city, [p.city]))
    roles = []
    if p.job is not None:
        since = p.job_since
        roles.append(Experience(p.job.company, p.job.title, YearMonth(since.year, since.month), None,
                                _years_months(since, ARCHIVE_DATE), location))
    prev_end = p.job_since
    if p.prev_job is not None and p.prev_job.company:
        prev_start = _month_before(prev_end, rng.randint(18, 48))
        roles.append(Experience(p.prev_job.company, p.prev_job.title, YearMonth(prev_start.year, prev_start.month),
                                YearMonth(prev_end.year, prev_end.month), _years_months(prev_start, prev_end),
                                p.city))
        prev_end = prev_start
    for company, title, months in earlier or ():
        start = _month_before(prev_end, months)
        roles.append(Experience(company, title, YearMonth(start.year, start.month), YearMonth(prev_end.year, prev_end.month),
                                _years_months(start, prev_end), None))
        prev_end = start
    if education is None:
        school = rng.choice(PROFILE_SCHOOLS.get(city, PROFILE_SCHOOLS["boston"]))
        end = min(prev_end.year, 2025)
        education = [Education(school, rng.choice(DEGREES), rng.choice(FIELDS), end - 4, end)]
    title = p.job.title if p.job else "Open to work"
    company = f" at {p.job.company}" if p.job and p.job.company else ""
    return ProfileRecord(
        name=p.display_name,
        profile_url=p.url,
        headline=headline or f"{title}{company}",
        location=location,
        summary=summary,
        top_skills=tuple(rng.sample(SKILLS, 3)),
        languages=(Language("English", "Native or Bilingual"),) + (
            (Language("Spanish", "Professional Working"),) if rng.random() < 0.3 else ()),
        experiences=tuple(roles),
        education=tuple(education),
    )


def saved_profiles(w: World, owners: list[Owner], specials: dict[str, Person]) -> dict[str, bytes]:
    """The profiles I saved as PDF: friends, people my archive singles out, and the fintech
    product people my friends know best; one invented person I found on LinkedIn myself."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from linkedin_profile_pdf import profile_pdf_bytes

    from netanalytics.ingest.profile_pdf import Education

    rng = random.Random(SEED + 1)  # apart from the main stream: the other files do not change
    s = specials
    records = [
        saved_profile(rng, s["dana"], location="Boston, Massachusetts, United States",
                      education=[Education("Northeastern University", "Bachelor of Arts - BA", "Economics", 2011, 2015)],
                      earlier=[("Bain & Company", "Associate Consultant", 30)],
                      headline="Senior Product Manager, Payments at Stripe | Northeastern alum",
                      summary="I build payment products for platforms and marketplaces. Before product I was a "
                              "consultant; happy to talk with people moving into product."),
        saved_profile(rng, s["helena"], location="Greater Boston",
                      education=[Education("Boston University", "Master of Business Administration - MBA", "Finance", 2014, 2016),
                                 Education("Tufts University", "Bachelor of Arts - BA", "Economics", 2008, 2012)],
                      earlier=[("Fidelity Investments", "Business Analyst", 40)]),
        saved_profile(rng, s["jamie"], location="Boston, Massachusetts, United States",
                      education=[Education("Northeastern University", "Bachelor of Science - BS",
                                           "Business Administration and Management, General", 2021, 2025)]),
        saved_profile(rng, s["marcus"], location="Greater Boston",
                      education=[Education("Tufts University", "Bachelor of Science - BS", "Computer Science", 2010, 2014)]),
        saved_profile(rng, s["renata"], location="Brookline, Massachusetts, United States",
                      education=[Education("Simmons University", "Master of Science - MS", "Health Care Administration", 2009, 2011)]),
        saved_profile(rng, s["alan"], location="Boston, Massachusetts, United States",
                      education=[Education("University of California, Berkeley", "Doctor of Philosophy - PhD", "Economics", 2005, 2011)]),
        saved_profile(rng, s["kenji"], location="San Francisco Bay Area",
                      education=[Education("Northeastern University", "Bachelor of Science - BS", "Computer Science", 2016, 2021)]),
        saved_profile(rng, s["sam"], location="New York City Metropolitan Area",
                      education=[Education("New York University", "Bachelor of Arts - BA", "Psychology", 2013, 2017)]),
    ]
    # The fintech product people my friends know best (the ranking's likely targets).
    keys = {"me", "dana-whitfield", "marcus-oyelaran", "sam-kowalczyk", "kenji-albright"}
    listed = {pid for o in owners if o.key in keys for pid in o.edges}
    fixed = {p.pid for p in specials.values()}
    product = re.compile(r"product|\bPM\b|\bAPM\b", re.IGNORECASE)
    chosen = sorted(
        (p for p in w.by_comm["fintech"] if p.pid in listed and p.pid not in fixed and p.job
         and p.job.industry == "fintech" and product.search(p.job.title)),
        key=lambda p: (-p.popularity, p.pid),
    )[:12]
    for i, person in enumerate(chosen):
        vague = VAGUE_PLACES[i // 6] if i % 6 == 5 else None  # two of them say only "Remote" or a state
        records.append(saved_profile(rng, person, location=vague))
    # Someone I found on LinkedIn myself: in nobody's list (hops unknown until a tie says so).
    newcomer = Person(pid=-1, first="Priya", last="Natarajan", slug="priya-natarajan-0b7e21", city=CITIES["cambridge"],
                      job=Job("fintech", "Mercury", "Product Manager, Banking", 2), job_since=date(2024, 3, 1),
                      prev_job=Job("fintech", "Wayfair", "Associate Product Manager", 1), popularity=1.0,
                      shares_email=False, email="")
    records.append(saved_profile(rng, newcomer, location="Cambridge, Massachusetts, United States",
                                 education=[Education("Northeastern University", "Bachelor of Science - BS",
                                                      "Economics", 2015, 2020)]))
    out = {}
    for record in records:
        name = re.sub(r"[^a-z0-9]+", "-", ascii_fold(record.name).lower().split(",")[0]).strip("-")
        out[f"{PROFILES_DIR}/{name}.pdf"] = profile_pdf_bytes(record)
    return out


# ---------------------------------------------------------------------------------------
# README and manifest
# ---------------------------------------------------------------------------------------

FORMAT_NOTES = {
    "modern": "2023+ header with URL and the Notes preamble; UTF-8, LF",
    "spreadsheet": "re-saved by a spreadsheet: UTF-8 BOM, CRLF, ';' separator, 'Notes:;;;;;;' padding, dates like 23-Apr-23, one lossy character (U+FFFD)",
    "utf16": "saved as 'Unicode text': UTF-16LE with BOM, tab-separated, CRLF, padded preamble",
    "v2018": "early-2018 export: Address/Websites/Instant Messengers header, no preamble, dates like \"1/8/18, 6:14 AM\", many emails",
    "v2020": "mid-2020 export: no preamble, header without URL",
    "v2022": "late-2022 export: Notes preamble, header without URL",
}


def readme(owners: list[Owner], counts: dict[str, int]) -> str:
    me_rows = counts["me"]
    profiles = counts["profiles"]
    friend_lines = "\n".join(
        f"| `friends/{o.key}_Connections.csv` | {o.person.name} | {o.relationship} | "
        f"{(o.person.job.title + ' at ' + o.person.job.company) if o.person.job else ''} | {counts[o.key]} | {FORMAT_NOTES[o.fmt]} |"
        for o in owners[1:]
    )
    return f"""# Synthetic sample data

**The people in this folder are synthetic; the organisations are real.** Organisation names
are real organisations, used as facts; the people, their jobs and their ties are invented;
no real person's data. Every person, message, email address, phone number and date was
invented by `scripts/make_sample.py`, and so were the small firms of the long tail
("Harlow & Finch", "Tallyhawk", "Northside Dental", ...); any resemblance of a person or of
one of those firms to a real one is coincidental. Emails use the reserved `example.*`
domains and phone numbers the fictional 555-01xx range. No real export was used.

## How it was made

`python scripts/make_sample.py --out data/sample` (or `make sample`) draws everything from
one seeded `random.Random({SEED})` and lists inside the script, so it writes
byte-identical files on every run and machine (the saved profile PDFs are drawn by
`scripts/linkedin_profile_pdf.py` with reportlab in its invariant mode: identical for one
version of reportlab and of the DejaVu font). `tests/test_sample_data.py` regenerates the
sample into a temporary folder and compares hashes with the committed files (the PDFs by
what they say), then checks the formats. Change the generator, re-run it, and commit the
output together.

## The story

"Me" is **Avery Sampleton**, a Northeastern University economics graduate (2025) working as
an Operations Analyst at Beth Israel Deaconess Medical Center in Boston, who wants to move
into **product management in fintech**. Eight friends and family members shared their
LinkedIn connection lists; family who are not on LinkedIn are in a contacts file. Warm
paths into fintech product roles exist at 2 hops (through Dana, a product manager at
Stripe) and 3 hops (e.g. through Kenji or Theo, who know Dana).

Connections lists say nothing about where people live or what they studied, so I saved the
LinkedIn profiles of {profiles} people I am considering as PDF (`profiles/`): friends, people
my archive singles out, the fintech product people my friends know best, and one person I
found on LinkedIn myself (in nobody's list). They say where each person is — most around
Boston (coffee), some in New York, San Francisco or São Paulo (video), two only "Remote" or
"Massachusetts, United States" (too broad: ask) — and where they studied: Dana, Jamie, Kenji
and a few others went to Northeastern University like me, Dana studied economics too, Jamie was there
at the same time (2021–2025), and Marcus once worked at edX, where I interned. Everyone
else's place stays unknown, as in a real network; family contacts have addresses (`ADR`).

## Organisations and titles, as in a real network

The organisations mix big names (Stripe, Goldman Sachs, JPMorgan Chase & Co., Kaiser
Permanente, McKinsey & Company, Deloitte, Google), start-ups (Ramp, Brex, Mercury),
mid-size firms (Flywire, HubSpot, Analysis Group), institutions (Northeastern University,
Boston Public Schools, Mass General Brigham, City of Boston, The Greater Boston Food Bank),
employers abroad (Nubank, Mercado Pago, N26, Wise) and a long tail of small firms nobody can
know: a few whose names say their trade ("Hadley & Park Law Group", "Brookline Family
Clinic", "Kessler & Moran, CPAs"), most not ("Harlow & Finch", "Moth & Kettle",
"Tallyhawk"). About one person in twenty writes what no list can place: Self-employed,
Freelance, Stealth Startup, Confidential, Retired, or nothing at all. Some real
organisations are written in forms a list may not know ("BIDMC", "Citizens"). So
recognition knows most people's industry, not everyone's: the unknowns are part of the
demo.

One organisation is spelled several ways across lists ("Stripe" / "Stripe, Inc." /
"stripe"; "JPMorgan Chase & Co." / "J.P. Morgan" / "Chase"). Titles are written as people
write them: abbreviated ("Sr. PM", "APM", "SWE II", "VP Eng"), decorated ("| Ex-Google",
"@ Toast", emoji, "| MBA"), in Spanish, Portuguese, French or German for people in
Madrid, Mexico City, São Paulo, Paris and Berlin ("Gerente de Produto", "Chef de produit
junior", "Softwareentwickler"), with the traps real titles set ("Product Marketing Manager", "HR
Business Partner", "Talent Acquisition Partner", "MD, Internal Medicine", "Managing
Director").

## Files

| Path | What it is |
|---|---|
| `manifest.json` | every import with its owner, owner URL and my relationship to the owner |
| `{ARCHIVE_DIR}/` | my Basic LinkedIn archive, extracted |
| `.../Connections.csv` | {me_rows} rows: Notes preamble, 2023+ header, ~2% hidden-member rows (`,,,,,,07 Nov 2024`), ~97% blank emails, blank and space-padded companies, names with credentials (`Lee, MBA`), pronouns, emoji, zero-width joiner, no-break space, direction mark, percent-encoded URLs |
| `.../Profile.csv`, `Positions.csv`, `Education.csv` | my profile (Geo Location Boston), jobs (one current), schools (mixed date forms) |
| `.../messages.csv` | 2026 format: every field quoted, multi-line CONTENT, group chats, a draft, an attachment, a sponsored HTML message, a `LinkedIn Member`, one in SPAM |
| `.../guide_messages.csv` | same header as messages.csv but an assistant chat: an importer must ignore it |
| `.../Invitations.csv` | with `inviterProfileUrl`/`inviteeProfileUrl`; dates like `11/5/26, 3:04 PM` |
| `.../Endorsement_Received_Info.csv`, `Endorsement_Given_Info.csv` | mid-2023+ header; URLs without a scheme |
| `.../Recommendations_Received.csv`, `Recommendations_Given.csv` | multi-line text, dates like `05/11/26, 02:05 PM` |
| `.../Skills.csv`, `Email Addresses.csv`, `Company Follows.csv`, `Jobs/Saved Jobs.csv` | other files a Basic archive carries |
| `.../Certifications.csv` | header only |
| `family.vcf` | {len(FAMILY)} family contacts (vCard 3.0 and 4.0, CATEGORIES, ADR with street, city, state and country, one folded line, Apple-style `item1.` groups): {len(FAMILY) - 1} are not on LinkedIn; Ruth Sampleton is also a friend above (same name and email) |
| `profiles/*.pdf` | {profiles} LinkedIn profiles saved as PDF (More > Save to PDF), in LinkedIn's layout: name, headline, location, summary, top skills, languages, every role with its dates and place, every school with degree, field and years; each wrapped profile URL matches the person in the lists (one is in no list) |

Friends' and family's lists (`friends/`):

| File | Owner | Relationship | Job | Rows | Format |
|---|---|---|---|---|---|
{friend_lines}

Shared people carry the same profile URL in every list that has URLs, but sometimes a
different company string ("Stripe" / "Stripe, Inc.") or name decoration; lists without a
URL column must be matched by name and company. Several different people share a name
(e.g. two Michael Chens at different companies). Ruth Sampleton is not my LinkedIn
connection, so her `owner_url` is null and she must be matched by name (she is also in
`family.vcf` with the same email).
"""


def manifest(owners: list[Owner]) -> str:
    imports = [{"path": ARCHIVE_DIR, "owner": None, "owner_url": None, "relationship": None}]
    for o in owners[1:]:
        imports.append({
            "path": f"friends/{o.key}_Connections.csv",
            "owner": o.person.name,
            "owner_url": o.person.url if o.in_my_network else None,
            "relationship": o.relationship,
        })
    imports.append({"path": "family.vcf", "owner": None, "owner_url": None, "relationship": "family"})
    imports.append({"path": PROFILES_DIR, "owner": None, "owner_url": None, "relationship": None})
    data = {
        "description": "Synthetic sample for netanalytics: invented people, jobs, ties and messages at "
                       "real organisations (named as facts) and invented small firms; no real person's "
                       "data. Generated by scripts/make_sample.py.",
        "me": {"name": "Avery Sampleton", "profile_url": "https://www.linkedin.com/in/avery-sampleton"},
        "imports": imports,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------


def build() -> dict[str, bytes]:
    """Every sample file, path (relative to the sample folder) -> bytes."""
    w, me, owners, specials = build_world()
    files = Archive(w, me, owners, specials).files()
    counts = {"me": len(owners[0].edges) + len(owners[0].hidden)}
    for o in owners[1:]:
        files[f"friends/{o.key}_Connections.csv"] = write_connections(w, o)
        counts[o.key] = len(o.edges) + len(o.hidden)
    files["family.vcf"] = write_vcf()
    profiles = saved_profiles(w, owners, specials)
    files.update(profiles)
    counts["profiles"] = len(profiles)
    files["manifest.json"] = manifest(owners).encode("utf-8")
    files["README.md"] = readme(owners, counts).encode("utf-8")
    # Keep every byte as written: no CRLF<->LF conversion on checkout (core.autocrlf), no diffs
    # of the UTF-16 file as text. The line endings and encodings are part of the sample.
    files[".gitattributes"] = b"* -text\n"
    return dict(sorted(files.items()))


def generate(out: str | Path) -> dict[str, str]:
    """Write the sample under ``out``; return path -> SHA-256 of what was written."""
    out = Path(out)
    hashes = {}
    for rel, data in build().items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        hashes[rel] = hashlib.sha256(data).hexdigest()
    return hashes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="data/sample", help="folder to write (default: data/sample)")
    args = parser.parse_args(argv)
    hashes = generate(args.out)
    total = sum((Path(args.out) / rel).stat().st_size for rel in hashes)
    print(f"wrote {len(hashes)} files, {total / 1e6:.2f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
