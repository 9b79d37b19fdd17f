"""Maintenance commands: ``check``, ``backup FILE`` and ``restore FILE``.

Thin: parse, call :mod:`netanalytics.workspace.maintenance`, say what happened. ``check``
exits 0 when the workspace is healthy and 2 when it is not.
"""

from __future__ import annotations

import argparse

from netanalytics.cli.common import open_from_args

__all__ = ["register"]


def _check(args: argparse.Namespace) -> int:
    from netanalytics.workspace.maintenance import check_workspace

    report = check_workspace(args.workspace)
    print(report.text())
    return 0 if report.healthy else 2


def _backup(args: argparse.Namespace) -> int:
    from netanalytics.workspace.maintenance import backup_workspace

    with open_from_args(args) as ws:
        path = backup_workspace(ws, args.file, force=args.force)
    print(f"Backed up the workspace to {path} (readable by you only). "
          f"To bring it back: netanalytics restore {path} --force")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from netanalytics.workspace.maintenance import restore_workspace

    result = restore_workspace(args.workspace, args.file, force=args.force)
    kept = f" The previous workspace is kept as {result.kept_aside}." if result.kept_aside else ""
    print(f"Restored {args.file} into {result.path}.{kept}")
    return 0


def register(subparsers: argparse._SubParsersAction, listing: argparse.ArgumentParser) -> None:
    """Add ``check``, ``backup`` and ``restore`` to the ``netanalytics`` parser."""
    p = subparsers.add_parser(
        "check", help="check the workspace file: integrity, references, orphans",
        description="Read the workspace without changing it and list every problem in words: a damaged "
        "file (SQLite's integrity check), references that point at nothing, people in no list, merges "
        "that loop, events with impossible dates. Exit code 0 when healthy, 2 when not.",
    )
    p.set_defaults(func=_check)

    p = subparsers.add_parser(
        "backup", help="copy the workspace to a backup file (safe while it is in use)",
        description="Copy the workspace to FILE with SQLite's online backup API (safe while a notebook has "
        "it open). The file is readable by you only. Bring it back with `netanalytics restore FILE --force`.",
    )
    p.add_argument("file", metavar="FILE", help="the backup file to write, e.g. ~/backups/netanalytics-2026-11.sqlite")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=_backup)

    p = subparsers.add_parser(
        "restore", help="bring back a backup made with `netanalytics backup`",
        description="Replace the workspace by the backup FILE, after checking that FILE is a healthy "
        "netanalytics workspace. Replacing an existing workspace needs --force; it is kept aside first, "
        "as netanalytics-before-restore-<time>.sqlite in the workspace folder.",
    )
    p.add_argument("file", metavar="FILE", help="a backup made with `netanalytics backup`")
    p.add_argument("--force", action="store_true", help="replace the current workspace (kept aside first)")
    p.set_defaults(func=_restore)
