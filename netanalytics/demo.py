"""``python -m netanalytics.demo``: the whole toolkit on the synthetic sample, end to end.

Imports ``data/sample/`` into a fresh workspace, prints what it holds, the top warm
introductions for a sample target with their reasons, who to ask first, generates a few
months of sample outreach activity, prints what follow-up is due, and writes the charts.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from netanalytics.config import DATA_DIR, WORKSPACE_FILENAME
from netanalytics.errors import NetanalyticsError
from netanalytics.workspace.importing.describe import reason_text

__all__ = ["DEMO_TARGET", "DEMO_TODAY", "main", "run_demo"]

#: The sample user's goal: product roles in fintech.
DEMO_TARGET = {"industries": ["fintech"], "titles": ["product manager", "product"]}
#: The demo's clock, so its output is the same on every run.
DEMO_TODAY = date(2026, 11, 20)


def _say(text: str = "", *, quiet: bool = False) -> None:
    if not quiet:
        print(text)


def run_demo(workspace: Path, charts: Path | None, *, quiet: bool = False, if_missing: bool = False) -> None:
    """Build the sample workspace in ``workspace`` and (unless quiet) show what the toolkit does."""
    from netanalytics.sample import build_sample_workspace
    from netanalytics.workspace import open_workspace

    if if_missing and (workspace / WORKSPACE_FILENAME).exists():
        return
    _say(f"== Importing the synthetic sample into {workspace}", quiet=quiet)
    for summary in build_sample_workspace(workspace, quiet=True):
        _say(f"   {summary}", quiet=quiet)

    with open_workspace(workspace) as ws:
        from netanalytics.workspace.queries import workspace_summary

        summary = workspace_summary(ws)
        _say("\n== What the workspace holds", quiet=quiet)
        coverage = summary.pop("industry_coverage")
        for key, value in summary.items():
            _say(f"   {key.replace('_', ' ')}: {_plain(value)}", quiet=quiet)
        from netanalytics.recognition.recognise import coverage_sentences

        for line in coverage_sentences(coverage):
            _say(textwrap.fill(line, width=96, initial_indent="   ", subsequent_indent="     "), quiet=quiet)
        if coverage["top_unknown"]:
            name = coverage["top_unknown"][0][0]
            _say(f'   Label one yourself: netanalytics label-company "{name}" INDUSTRY', quiet=quiet)

        from netanalytics.outreach.sample_log import generate_sample_log

        added = generate_sample_log(ws, today=DEMO_TODAY)
        if quiet:
            return

        from netanalytics.ranking import rank_intermediaries, rank_targets
        from netanalytics.scoring.target import TargetSpec

        spec = TargetSpec.from_mapping(DEMO_TARGET)
        _say("\n== Top 10 warm introductions: product roles in fintech")
        rows = rank_targets(ws, spec, limit=10, today=DEMO_TODAY)
        for rank, row in enumerate(_records(rows), start=1):
            path = " -> ".join(row["path"])
            _say(
                f"{rank:>3}. {row['name']} — {row['position'] or '?'} at {row['company'] or '?'}"
                f"  (score {row['score']:.2f}, success {row['probability']:.0%}, fit {row['fit']:.2f},"
                f" {row['meeting']})"
            )
            _say(f"     path: {path}")
            for reason in row["reasons"]:
                _say(textwrap.fill(reason, width=96, initial_indent="       • ", subsequent_indent="         "))

        _say("\n== Who to ask first")
        for rank, row in enumerate(_records(rank_intermediaries(ws, spec, limit=5, today=DEMO_TODAY)), 1):
            _say(f"{rank:>3}. {row['name']}: {'; '.join(row['reasons'][:2])}")

        from netanalytics.outreach.cadence import due

        _say(f"\n== Sample outreach log: {added} events; follow-up due on {DEMO_TODAY}")
        due_rows = _records(due(ws, today=DEMO_TODAY))
        for row in due_rows[:10]:
            flag = "OVERDUE" if row["overdue"] else "due"
            _say(f"   {flag:>7} {row['due']}  {row['kind']:<13} {row['name']}: {row['reason']}")
        if len(due_rows) > 10:
            _say(f"   … and {len(due_rows) - 10} more (netanalytics due)")

        if charts is not None:
            from netanalytics.charts import write_all_charts

            paths = write_all_charts(ws, charts, today=DEMO_TODAY)
            _say(f"\n== Charts written to {charts}/")
            for path in paths:
                _say(f"   {path.name}")


def _plain(value: object) -> str:
    """A summary value in words: dicts as 'key: n', lists of pairs as 'name (n)'."""
    if isinstance(value, dict):
        ordinal = {"0": "me", "1": "1st", "2": "2nd", "3": "3rd"}
        if value and all(str(k).isdigit() or k == "unreachable" for k in value):
            return ", ".join(f"{ordinal.get(str(k), str(k) if k == 'unreachable' else f'{k}th')} {v:,}"
                             for k, v in value.items())
        return ", ".join(f"{v:,} {reason_text(str(k), v)}" for k, v in value.items()) or "none"
    if isinstance(value, list):
        return ", ".join(f"{v[0]} ({v[1]})" if isinstance(v, tuple | list) else str(v) for v in value) or "none"
    return str(value)


def _records(rows: object) -> list[dict]:
    """Rows as a list of dicts, whether a DataFrame or a list was returned."""
    if hasattr(rows, "to_dict"):
        return rows.to_dict("records")  # type: ignore[union-attr]
    return list(rows)  # type: ignore[call-overload]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m netanalytics.demo", description=__doc__)
    parser.add_argument("--workspace", type=Path, default=DATA_DIR / "sample-workspace")
    parser.add_argument("--charts", type=Path, default=None, help="folder for the chart PNGs")
    parser.add_argument("--quiet", action="store_true", help="only build the workspace")
    parser.add_argument("--if-missing", action="store_true", help="do nothing if it exists")
    args = parser.parse_args(argv)
    try:
        run_demo(args.workspace, args.charts, quiet=args.quiet, if_missing=args.if_missing)
    except NetanalyticsError as exc:
        print(f"demo: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
