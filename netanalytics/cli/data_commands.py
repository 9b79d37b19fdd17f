"""Data commands: import, people, set, merge, split, sources, summary.

Each handler opens the workspace, calls the library and prints; bad input raises
:class:`~netanalytics.errors.InputError`, which the CLI turns into exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netanalytics.bounds import COUNT
from netanalytics.cli.common import frame_records, network_from_args, number
from netanalytics.cli.output import emit
from netanalytics.errors import InputError
from netanalytics.workspace.stages import RELATIONSHIPS

__all__ = ["register"]

_PEOPLE_TABLE = ["person_id", "name", "company", "position", "hops", "industry", "function", "seniority"]
_SOURCES_TABLE = ["source_id", "label", "kind", "path", "imported_at", "rows_read"]


# ---------------------------------------------------------------- handlers


def _import(args: argparse.Namespace) -> int:
    from netanalytics.safety import awaiting_input

    # A device, a socket or a silent pipe is refused before the slow imports below.
    with awaiting_input(Path(args.path).expanduser(), args.path):
        from netanalytics.ingest import read_source
        from netanalytics.workspace.importer import check_import, check_import_arguments, gc_paused

        # Check and read first: a bad file must not even create an empty workspace.
        check_import_arguments(args.owner, args.owner_url, args.relationship)
        with gc_paused():
            parsed = read_source(args.path, progress=sys.stderr.isatty())
    check_import(parsed, owner=args.owner, owner_url=args.owner_url, relationship=args.relationship,
                 path_as_given=args.path)
    with network_from_args(args, create=True) as net:
        summary = net.add_export(parsed, owner=args.owner, owner_url=args.owner_url,
                                 relationship=args.relationship, progress=sys.stderr.isatty(),
                                 path_as_given=args.path)
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(summary)
    return 0


_positive = number(COUNT)


def _people(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        frame = net.search(args.search) if args.search else net.people
        schools = net.education if args.format == "json" else None
    if args.hops is not None:
        frame = frame[frame["hops"].fillna(-1) == args.hops]
    if args.limit is not None:
        frame = frame.head(args.limit)
    rows = frame_records(frame)
    if schools is not None:  # JSON carries the schools as a list
        by_person: dict[str, list[str]] = {}
        for pid, school in zip(schools["person_id"], schools["school"], strict=True):
            if school not in by_person.setdefault(pid, []):
                by_person[pid].append(school)
        for row in rows:
            row["schools"] = by_person.get(row["person_id"], [])
    emit(rows, args.format,
         columns=_PEOPLE_TABLE if args.format == "table"
         else [*_PEOPLE_TABLE, "location", "place", "schools", "industry_source", "sources"])
    return 0


def _set(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        changes = net.set_person(args.person, location=args.location, school=args.school, company=args.company,
                                 position=args.position, clear=args.clear or ())
        name = net.person(args.person)["full_name"]
    if not changes:
        print(f"Nothing changed for {name}: that is what it already says.")
        return 0
    parts = []
    for field, (before, after) in changes.items():
        if field == "school" and after is not None:
            parts.append(f"studied at {after}" + (f" (was {before})" if before else ""))
        elif after is None:
            parts.append(f"{field} cleared" + (f" (was {before})" if before else ""))
        else:
            parts.append(f"{field} {after}" + (f" (was {before})" if before else ""))
    set_fields = [f for f, (_, after) in changes.items() if after is not None and f not in (args.clear or ())]
    undo = f"; undo with: netanalytics set \"{name}\" --clear {' --clear '.join(set_fields)}" if set_fields else ""
    print(f"{name}: {'; '.join(parts)}. Your word wins over every import and survives re-imports{undo}.")
    return 0


def _merge(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        keep = net.merge(args.keep, args.other)
        name = net.person(keep)["full_name"]
    print(f"Merged {args.other} into {keep} ({name}). Re-imports will keep them merged; "
          f"undo with: netanalytics split {keep}")
    return 0


def _relationship(args: argparse.Namespace) -> int:
    label = None if args.clear else args.label
    if label is None and not args.clear:
        raise InputError(
            "relationship", f"a LABEL ({', '.join(RELATIONSHIPS)}) or --clear", "neither"
        )
    with network_from_args(args) as net:
        pid, before = net.set_relationship(args.person, label)
        name = net.person(pid)["full_name"]
    was = f" (was {before})" if before else ""
    now = f"now rated {label}" if label else "no longer rated"
    print(f"Your tie to {name} is {now}{was}; rankings use it from now on.")
    return 0


def _suggest_merges(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        frame = net.duplicates()
    rows = frame.head(args.limit).to_dict("records") if args.limit else frame.to_dict("records")
    if args.format == "table":
        if not rows:
            print("No likely duplicates: every pair of same-name records is told apart by a URL or a list.")
            return 0
        for row in rows:
            row["merge"] = f"netanalytics merge {row['keep_id']} {row['other_id']}"
        emit(rows, "table", columns=["name", "keep_company", "other_company", "other_sources", "merge"], nowrap=["merge"],
             max_width=48)
        print(f"\n{len(frame)} candidate pairs. Merge the ones that are one person; `split` undoes a merge.")
        return 0
    emit(rows, args.format)
    return 0


def _split(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        pieces = net.split(args.person)
        names = {pid: net.person(pid)["full_name"] for pid in pieces}
    listing = ", ".join(f"{pid} ({names[pid]})" for pid in pieces)
    print(f"Split {args.person} into {len(pieces)} people: {listing}. Re-imports will keep them apart.")
    return 0


def _sources(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        frame = net.sources
    emit(frame_records(frame), args.format, columns=_SOURCES_TABLE)
    return 0


def _summary(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        summary = net.summary()
    if args.format == "json":
        emit([summary], "json")
        return 0
    from netanalytics.workspace.importer import reason_text

    rows = []
    for key, value in summary.items():
        if key == "rows_skipped":
            value = ", ".join(f"{n} {reason_text(k, n)}" for k, n in value.items()) or "none"
        elif key == "degrees":
            value = ", ".join(f"{n} at {k} hop{'s' if k != '1' else ''}" if k != "unreachable" else f"{n} unreachable"
                              for k, n in value.items()) or "none"
        elif key == "industry_coverage":
            rows.extend(_coverage_rows(value))
            continue
        elif isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "none"
        elif isinstance(value, list):
            value = ", ".join(f"{name} ({n})" for name, n in value) or "none"
        rows.append({"what": key.replace("_", " "), "value": value})
    emit(rows, args.format, columns=["what", "value"], max_width=200)
    return 0


def _coverage_rows(coverage: dict) -> list[dict[str, str]]:
    """The industry coverage in words, with the command that labels each big unknown."""
    from netanalytics.recognition.recognise import coverage_sentences

    known, *rest = coverage_sentences(coverage)
    rows = [{"what": "industry", "value": known}]
    rows += [{"what": "", "value": line} for line in rest if not line.startswith("Most unknown")]
    for name, count in coverage["top_unknown"]:
        quoted = '"' + name.replace('"', "'") + '"'
        rows.append({"what": f"  unknown: {name}",
                     "value": f"{count} people; label it: netanalytics label-company {quoted} INDUSTRY"})
    return rows


def _label_company(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        if args.clear:
            if args.industries:
                raise InputError("label-company", "industries or --clear", "both")
            before = net.clear_company_label(args.company)
            print(f"Your label of {args.company} ({', '.join(before)}) is gone; the recognisers decide again.")
            return 0
        if not args.industries:
            raise InputError("label-company", "one or more INDUSTRY keys (see `netanalytics industries`) or --clear",
                             "neither")
        before = net.label_company(args.company, args.industries)
        now = net.company_labels
    from netanalytics.recognition.companies import company_key

    key = company_key(args.company)
    shown = next((r["industries"] for r in now.to_dict("records") if company_key(r["company"]) == key), "")
    was = f" (was {', '.join(before)})" if before else ""
    print(f"{args.company} is now {shown}{was}, in every ranking and after every re-import. "
          f"Undo with: netanalytics label-company \"{args.company}\" --clear")
    return 0


def _labels(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        frame = net.company_labels
    if args.format == "table" and frame.empty:
        print("No labels of yours yet. Label a company with: netanalytics label-company COMPANY INDUSTRY")
        return 0
    emit(frame_records(frame), args.format, columns=["company", "industries", "updated_at"], max_width=60)
    return 0


# ---------------------------------------------------------------- registration


def register(subparsers: argparse._SubParsersAction, listing: argparse.ArgumentParser) -> None:
    """Add the data commands to the ``netanalytics`` parser."""
    p = subparsers.add_parser(
        "import",
        help="import a LinkedIn export, a friend's Connections.csv, a contacts file or saved profiles",
        description="Import PATH: your LinkedIn archive (.zip or folder), a Connections.csv, "
        "a vCard (.vcf), a Google Contacts CSV, or LinkedIn profiles saved as PDF (More > Save to "
        "PDF: one PDF, a folder or a .zip of them; all or none). Without --owner it is yours; "
        "with --owner it is a list a friend or family member shared with you. Re-importing the "
        "same file changes nothing; a newer export updates companies and positions, a newer "
        "saved profile updates the person and keeps the older one as history.",
    )
    p.add_argument("path", metavar="PATH", help="the export: .zip, folder, .csv, .vcf or .pdf")
    p.add_argument("--owner", metavar="NAME", help="whose list this is (a friend's name or person id)")
    p.add_argument("--owner-url", metavar="URL", help="the owner's LinkedIn profile URL, to find them exactly")
    p.add_argument(
        "--relationship",
        metavar="LABEL",
        help=f"your tie to the owner (or, for a contacts file, to its people): {', '.join(RELATIONSHIPS)}",
    )
    p.set_defaults(func=_import)

    p = subparsers.add_parser(
        "people",
        parents=[listing],
        help="list people with their hops from you and sources",
        description="List people in the workspace: hops 0 is you, 1 your connections and "
        "contacts, 2 people your friends know.",
    )
    p.add_argument("--search", metavar="TEXT", help="only names, companies or positions containing TEXT")
    p.add_argument("--hops", "--degree", dest="hops", metavar="N", type=_positive,
                   help="only people this many hops from you (--degree is the old name)")
    p.add_argument("--limit", metavar="N", type=_positive, help="show at most N people")
    p.set_defaults(func=_people)

    p = subparsers.add_parser(
        "set",
        help="say where someone is, a school, their company or position (your word wins)",
        description="Say what you know about PERSON (an id, profile URL or name): where they are, "
        "a school they went to, their company or position. Your word wins over every import and "
        "survives re-imports; --clear FIELD takes it back (location, school, company or position), "
        "and the imports' value shows again. `netanalytics set ME --location ...` sets yours.",
    )
    p.add_argument("person", metavar="PERSON", help="person id, profile URL or name")
    p.add_argument("--location", metavar="TEXT", help="where they are, e.g. 'Somerville, MA' or 'Greater Boston'")
    p.add_argument("--school", metavar="NAME", help="a school they went to")
    p.add_argument("--company", metavar="NAME", help="where they work now")
    p.add_argument("--position", metavar="TEXT", help="their job title now")
    p.add_argument("--clear", metavar="FIELD", action="append",
                   help="take back your word on FIELD: location, school, company or position (repeatable)")
    p.set_defaults(func=_set)

    p = subparsers.add_parser(
        "merge",
        help="merge two records of the same person",
        description="Merge OTHER into KEEP: they are the same person. Survives re-imports; "
        "undo with `netanalytics split KEEP`.",
    )
    p.add_argument("keep", metavar="KEEP", help="the person id to keep")
    p.add_argument("other", metavar="OTHER", help="the person id to merge into it")
    p.set_defaults(func=_merge)

    p = subparsers.add_parser(
        "split",
        help="undo a merge, or split a person found in several lists",
        description="Split PERSON: undo the latest merge into it, or else separate the records "
        "that came from different lists into one person each. Survives re-imports.",
    )
    p.add_argument("person", metavar="PERSON", help="the person id to split")
    p.set_defaults(func=_split)

    p = subparsers.add_parser(
        "suggest-merges",
        parents=[listing],
        help="list records that may be one person, to merge",
        description="Pairs of records with the same name that nothing tells apart (no two "
        "different profile URLs, not both on one list, not split by you): often one person "
        "whose old export showed a previous employer. Confirm with `netanalytics merge`.",
    )
    p.add_argument("--limit", metavar="N", type=_positive, help="show at most N pairs")
    p.set_defaults(func=_suggest_merges)

    p = subparsers.add_parser(
        "relationship",
        help="rate your tie to a person (family, close-friend, …)",
        description="Say how well you know PERSON (an id, profile URL or name). Tie strength "
        "and so every ranking use it; if no export says you know them, a tie is added. "
        "Survives re-imports.",
    )
    p.add_argument("person", metavar="PERSON", help="person id, profile URL or name")
    p.add_argument("label", metavar="LABEL", nargs="?", help=", ".join(RELATIONSHIPS))
    p.add_argument("--clear", action="store_true", help="remove your rating")
    p.set_defaults(func=_relationship)

    p = subparsers.add_parser(
        "label-company",
        help="say which industry a company is in (your label wins)",
        description="Label COMPANY with one or more INDUSTRY keys of the taxonomy (`netanalytics "
        "industries` lists them), primary first. Every spelling of the company shares the label "
        "('JP Morgan' = 'J.P. Morgan & Co.'); it wins over the bundled company list and every "
        "guess, and survives re-imports. `summary` lists the companies with the most unknown people.",
    )
    p.add_argument("company", metavar="COMPANY", help="the company as people write it")
    p.add_argument("industries", metavar="INDUSTRY", nargs="*", help="industry keys, primary first")
    p.add_argument("--clear", action="store_true", help="remove your label of COMPANY")
    p.set_defaults(func=_label_company)

    p = subparsers.add_parser(
        "labels",
        parents=[listing],
        help="list your own company labels",
        description="List the companies you labelled with `netanalytics label-company`, and their industries.",
    )
    p.set_defaults(func=_labels)

    p = subparsers.add_parser(
        "sources",
        parents=[listing],
        help="list the files imported so far",
        description="List every import: what it was, whose list, when, and how many rows.",
    )
    p.set_defaults(func=_sources)

    p = subparsers.add_parser(
        "summary",
        parents=[listing],
        help="what the workspace holds",
        description="Counts of people, ties and sources, people per number of hops from you, rows skipped, "
        "top companies, and how much of your network's industry is known (with the companies worth labelling).",
    )
    p.set_defaults(func=_summary)

