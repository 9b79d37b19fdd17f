"""CLI: ``rank``, ``intermediaries``, ``paths PERSON``, ``industries`` and ``functions``.

Thin: parse flags into a :class:`TargetSpec`, call the ranking library, print rows.
Heavy imports (pandas, DuckDB) happen inside the handlers, never at parser build time.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from netanalytics.bounds import COUNT
from netanalytics.cli.common import frame_records, network_from_args, number, today_from_arg

__all__ = ["register"]

#: What the rank table shows (the API's columns; each number defined once in netanalytics.api.DEFINITIONS).
RANK_COLUMNS = ["name", "company", "position", "score", "intro_chance", "fit", "hops", "via", "meeting", "why"]


def _target_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("target")
    g.add_argument("--industry", action="append", metavar="NAME", help="industry from the taxonomy (repeatable)")
    g.add_argument("--company", action="append", metavar="NAME", help="a company you want (repeatable)")
    g.add_argument("--title", action="append", metavar="WORDS", help="dream-job title words (repeatable)")
    g.add_argument("--location", action="append", metavar="PLACE", help="where they should be (repeatable)")
    g.add_argument("--function", action="append", metavar="NAME",
                   help="a LinkedIn job function, e.g. product_management, engineering, sales (repeatable)")
    g.add_argument("--seniority", action="append", metavar="LEVEL",
                   help="unpaid, training, entry, senior, manager, director, vp, cxo, partner or owner "
                   "(repeatable)")
    g.add_argument("--school", action="append", metavar="NAME",
                   help="a school they studied at or work at (repeatable)")
    g.add_argument("--near", action="append", metavar="PLACE",
                   help="a city or metro area they should be near, e.g. 'Boston, MA' (repeatable)")
    g.add_argument("--within-km", type=float, metavar="KM",
                   help="how far from a --near place counts as near (default 40, a coffee's distance)")
    g.add_argument("--target-file", metavar="TOML", help="a TOML file with the target (flags add to it)")
    g.add_argument("--taxonomy", metavar="TOML", help="your own industries TOML, merged over the shipped one")


def _path_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-hops", type=int, default=3, metavar="N", help="longest path, 1 to 3 (default 3)")
    p.add_argument("--paths", type=int, default=5, dest="top_paths", metavar="K",
                   help="best paths kept per target (default 5)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date to score recency against (default: today)")


def register(subparsers: Any, listing: argparse.ArgumentParser) -> None:
    """Add the ranking commands to the ``netanalytics`` parser."""
    p = subparsers.add_parser("rank", parents=[listing], help="rank warm introductions to your target",
                              description="Rank people who fit your target by how warmly you can reach them.")
    _target_flags(p)
    _path_flags(p)
    p.add_argument("--top", type=number(COUNT), default=20, metavar="N", help="how many targets to show (default 20; 0 = all)")
    p.set_defaults(func=_rank)

    p = subparsers.add_parser("intermediaries", parents=[listing], help="who to ask first for introductions",
                              description="Rank your connections by the expected value their introductions open.")
    _target_flags(p)
    _path_flags(p)
    p.add_argument("--top", type=number(COUNT), default=10, metavar="N", help="how many to show (default 10; 0 = all)")
    p.set_defaults(func=_intermediaries)

    p = subparsers.add_parser("paths", parents=[listing], help="the best paths from you to one person",
                              description="Show the best warm paths from you to PERSON (id, profile URL or name).")
    p.add_argument("person", metavar="PERSON", help="person id, profile URL or full name")
    _path_flags(p)
    p.set_defaults(func=_paths)

    p = subparsers.add_parser("hit-rates", parents=[listing], help="how often each intermediary came through",
                              description="Per intermediary, from the outreach log: introductions asked for, "
                              "made, declined or unanswered, the hit rate, and the willingness the ranking "
                              "now assumes (a Beta posterior starting from your tie's strength).")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date to score recency against (default: today)")
    p.set_defaults(func=_hit_rates)

    p = subparsers.add_parser("functions", parents=[listing], help="list job functions and seniority levels",
                              description="List the job functions (--function) and seniority levels "
                              "(--seniority) a target can name: LinkedIn's own vocabularies, read from "
                              "each person's title.")
    p.set_defaults(func=_functions)

    p = subparsers.add_parser("industries", parents=[listing], help="list the industry taxonomy",
                              description="List the industries you can target, with their keywords.")
    p.add_argument("--taxonomy", metavar="TOML", help="your own industries TOML, merged over the shipped one")
    p.set_defaults(func=_industries)


def _today(args: argparse.Namespace) -> Any:
    return today_from_arg(getattr(args, "today", None))


#: Shares people read as percentages in a table (JSON and CSV keep the numbers).
_PERCENT_COLUMNS = ("intro_chance", "route_chance", "fit", "rate", "willingness", "posterior_mean", "affinity")


def _emit(rows: list[dict[str, Any]], args: argparse.Namespace, columns: list[str]) -> None:
    from netanalytics.cli.output import emit, percent

    if args.format == "table":
        emit(rows, "table", columns=columns, formats={c: percent for c in _PERCENT_COLUMNS if c in columns},
             labels={c: c.replace("_", " ") for c in columns}, below=("why",))
    else:
        emit(rows, args.format, columns=columns if args.format == "csv" else None)


def _target(args: argparse.Namespace) -> Any:
    from netanalytics.scoring.target import TargetSpec

    return TargetSpec.from_cli_args(args)


def _rank(args: argparse.Namespace) -> int:
    spec = _target(args)
    with network_from_args(args) as net:
        frame = net.rank(target=spec, top=args.top, unreachable=True, max_hops=args.max_hops,
                         top_paths=args.top_paths, today=_today(args))
    rows = frame_records(frame)
    if args.format == "table":
        print(f"Warm introductions for {spec.describe()}:", file=sys.stderr)
    _emit(rows, args, RANK_COLUMNS if args.format == "table" else RANK_COLUMNS + ["person_id", "profile_url", "path"])
    return 0


def _intermediaries(args: argparse.Namespace) -> int:
    spec = _target(args)
    with network_from_args(args) as net:
        frame = net.who_to_ask(target=spec, top=args.top, max_hops=args.max_hops, top_paths=args.top_paths,
                               today=_today(args))
    _emit(frame_records(frame), args, ["name", "company", "value", "targets", "willingness", "best_targets", "why"])
    return 0


def _paths(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        frame = net.paths_to(args.person, max_hops=args.max_hops, top_paths=args.top_paths, today=_today(args))
        name = net.person(args.person)["full_name"]
    rows = frame_records(frame)
    if args.format == "table":
        if not rows:
            print(f"No path to {name} within {args.max_hops} hops.", file=sys.stderr)
        else:
            from netanalytics.ranking.explain import chance_sentence

            routes = len({r["via_id"] for r in rows})
            chance = chance_sentence(rows[0]["intro_chance"], routes, direct=rows[0]["hops"] == 1)
            print(f"{name}: {chance}", file=sys.stderr)
    _emit(rows, args, ["route", "route_chance", "hops", "path", "why"])
    return 0


def _hit_rates(args: argparse.Namespace) -> int:
    with network_from_args(args) as net:
        rows = frame_records(net.hit_rates(today=_today(args)))
    if args.format == "table" and not rows:
        print("No introductions asked for yet: log one with `netanalytics log PERSON intro_requested --via FRIEND`.")
        return 0
    _emit(rows, args, ["name", "asked", "succeeded", "failed", "pending", "rate", "posterior_mean"])
    return 0


def _industries(args: argparse.Namespace) -> int:
    from netanalytics.recognition.taxonomy import load_taxonomy

    tax = load_taxonomy(args.taxonomy)
    rows = [{"industry": ind.key, "label": ind.label, "title_keywords": list(ind.title_keywords),
             "company_keywords": list(ind.company_keywords), "example_employers": list(ind.example_employers)}
            for ind in tax.values()]
    if args.format == "table":
        rows = [{**r, "company_keywords": ", ".join(r["company_keywords"])} for r in rows]
        from netanalytics.cli.output import emit

        emit(rows, "table", columns=["industry", "label", "company_keywords"], max_width=60)
    else:
        _emit(rows, args, ["industry", "label", "title_keywords", "company_keywords", "example_employers"])
    return 0


def _functions(args: argparse.Namespace) -> int:
    from netanalytics.recognition.titles import FUNCTION_LABELS, SENIORITY_LABELS

    rows = [{"kind": "function", "key": k, "label": v} for k, v in FUNCTION_LABELS.items()]
    rows += [{"kind": "seniority", "key": k, "label": v} for k, v in SENIORITY_LABELS.items()]
    _emit(rows, args, ["kind", "key", "label"])
    return 0
