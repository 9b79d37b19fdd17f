"""Chart commands: ``chart KIND --out FILE.png`` and ``sample-log``.

Thin: parse, open the workspace, call :mod:`netanalytics.charts` or
:mod:`netanalytics.outreach.sample_log`, say what was written.
"""

from __future__ import annotations

import argparse

from netanalytics.bounds import MONTHS
from netanalytics.cli.common import network_from_args, number, today_from_arg
from netanalytics.errors import InputError

__all__ = ["CHART_KINDS", "register"]

#: What ``chart`` accepts: every chart, or ``all`` (then --out is a folder).
CHART_KINDS = ("timeline", "on-time", "funnel", "response", "activity", "all")
_KIND_HELP = (
    "timeline (follow-up cadence per contact), on-time (thank-yous and follow-ups on time, "
    "week by week), funnel (identified to referred), response (by intermediary and path "
    "length), activity (asks, meetings, follow-ups per week), or all"
)


def _chart(args: argparse.Namespace) -> int:
    kind = args.kind.strip().lower()
    if kind not in CHART_KINDS:
        raise InputError("KIND", f"one of {', '.join(CHART_KINDS)}", repr(args.kind))
    today = today_from_arg(args.today)
    with network_from_args(args) as net:
        paths = net.save_chart(kind, args.out, today=today)
    for path in paths:
        print(f"wrote {path}")
    return 0


def _sample_log(args: argparse.Namespace) -> int:
    today = today_from_arg(args.today)
    with network_from_args(args) as net:
        added = net.add_sample_log(seed=args.seed, today=today, months=args.months)
        folder = net.folder
    print(
        f"Wrote {added} made-up outreach events ({args.months} months up to {today}, seed "
        f"{args.seed}) into {folder}. Their notes start with [sample]."
    )
    return 0


def register(subparsers: argparse._SubParsersAction, listing: argparse.ArgumentParser) -> None:
    """Add ``chart`` and ``sample-log`` to the ``netanalytics`` parser."""
    p = subparsers.add_parser(
        "chart", help="draw a chart of the outreach log as PNG (or SVG/PDF)",
        description="Draw a chart of the outreach log. KIND is " + _KIND_HELP + ". With all, "
        "--out is a folder that receives cadence_timeline.png, on_time_rate.png, funnel.png, "
        "response_rates.png and activity.png.",
    )
    p.add_argument("kind", metavar="KIND", help=_KIND_HELP)
    p.add_argument("--out", metavar="FILE.png", required=True,
                   help="the file to write (.png, .svg or .pdf); a folder with KIND all")
    p.add_argument("--today", metavar="DATE", help="the date to draw 'today' at (YYYY-MM-DD; default: today)")
    p.set_defaults(func=_chart)

    p = subparsers.add_parser(
        "sample-log", help="fill an empty outreach log with a few months of made-up activity",
        description="Write a few months of plausible, made-up outreach (asks, intros, meetings, "
        "thank-yous, nudges, silences, referrals) into an empty outreach log, to try the "
        "toolkit on the sample workspace. Refuses a log that already has events.",
    )
    p.add_argument("--seed", type=int, default=7, help="random seed (default: 7); same seed, same log")
    p.add_argument("--today", metavar="DATE", help="the last day of the log (YYYY-MM-DD; default: today)")
    p.add_argument("--months", type=number(MONTHS), default=4, help="how many months of activity, 1 to 120 (default: 4)")
    p.set_defaults(func=_sample_log)
