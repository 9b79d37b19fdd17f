"""The ``netanalytics`` command: parse arguments, call the library, print the result.

Each command group lives in its own module with a ``register(subparsers, listing)``
function; ``listing`` is a parent parser that adds ``--format table|json|csv``. A command
sets ``func=handler``; handlers take ``(args)`` and return an exit code.

Exit codes: 0 ok; 2 bad usage, bad input or a machine that refuses (a full disk, a lock held
too long, a read-only or damaged workspace, a path that cannot be written — one clear
paragraph on stderr, no traceback); 1 anything unexpected (a bug). ``netanalytics check``
exits 0 when the workspace is healthy and 2 when it is not.

A free-text option's value may start with '-' (``--notes -1+2``, ``--notes "-- call back"``):
a word after such an option that is not itself an option is taken as its value.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import sqlite3
import sys
import warnings
from collections.abc import Callable, Sequence

from netanalytics import __version__
from netanalytics.cli.common import error_text
from netanalytics.cli.output import FORMATS
from netanalytics.errors import InputError, NetanalyticsError, NetanalyticsWarning
from netanalytics.safety import os_error_text

__all__ = ["build_parser", "main"]

#: Modules that register commands, in help order. A module that does not exist yet is skipped.
COMMAND_MODULES = (
    "netanalytics.cli.data_commands",
    "netanalytics.cli.rank_commands",
    "netanalytics.cli.outreach_commands",
    "netanalytics.cli.chart_commands",
    "netanalytics.cli.maintenance_commands",
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit 2 with a one-paragraph message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        if message.endswith("expected one argument"):
            flag = message.split(":", 1)[0].removeprefix("argument ").split("/")[-1].strip()
            message += f" (a value that starts like an option can be written {flag}=VALUE)"
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _options(parser: argparse.ArgumentParser) -> tuple[set[str], set[str]]:
    """(every option string, the options that take one value) of ``parser`` and its subcommands."""
    every: set[str] = set()
    valued: set[str] = set()
    for action in parser._actions:
        every.update(action.option_strings)
        if action.option_strings and action.nargs is None:
            valued.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                more, more_valued = _options(sub)
                every |= more
                valued |= more_valued
    return every, valued


def _dash_values(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """``argv`` with a value that starts with '-' joined to the option before it
    (``--notes -1+2`` -> ``--notes=-1+2``), so free text may start with a dash.

    A word stays an option when it is one (or abbreviates one), or looks like one: '--'
    and a letter (a mistyped option should still be reported as unknown).
    """
    every, valued = _options(parser)
    longs = [o for o in every if o.startswith("--")]

    def is_option(word: str) -> bool:
        name = word.split("=", 1)[0]
        if name in every or word == "--":
            return True
        if word.startswith("--"):
            return word[2:3].isalpha() or any(o.startswith(name) for o in longs)
        return False

    out: list[str] = []
    words = list(argv)
    i = 0
    while i < len(words):
        word = words[i]
        if word in valued and i + 1 < len(words) and words[i + 1].startswith("-") and not is_option(words[i + 1]):
            out.append(f"{word}={words[i + 1]}")
            i += 2
            continue
        out.append(word)
        i += 1
    return out


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every registered command."""
    parser = _Parser(
        prog="netanalytics",
        description="Find warm introductions in your own network and run your "
        "informational interviews. Everything stays on this machine.",
    )
    parser.add_argument("--version", action="version", version=f"netanalytics {__version__}")
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help="workspace folder (default: $NETANALYTICS_WORKSPACE or data/workspace/)",
    )
    listing = argparse.ArgumentParser(add_help=False)
    listing.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers, listing)
    return parser


def _warning_printer(command: str, default: Callable[..., None]) -> Callable[..., None]:
    """Print the package's warnings as one line each on stderr; others as Python does."""

    def show(message: Warning | str, category: type[Warning], *rest: object, **kw: object) -> None:
        if issubclass(category, NetanalyticsWarning):
            print(f"netanalytics {command}: warning: {message}", file=sys.stderr)
        else:
            default(message, category, *rest, **kw)

    return show


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(_dash_values(parser, sys.argv[1:] if argv is None else argv))
    with warnings.catch_warnings():
        warnings.simplefilter("always", NetanalyticsWarning)
        warnings.showwarning = _warning_printer(args.command, warnings.showwarning)
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Call the command's handler and turn what escapes into an exit code and a message."""
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"netanalytics {args.command}: {error_text(exc)}", file=sys.stderr)
        return 2
    except NetanalyticsError as exc:
        print(f"netanalytics {args.command}: {error_text(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("netanalytics: interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except sqlite3.Error as exc:
        failure = _machine_sqlite_error(args, exc)
        if failure is None:
            return _bug(args, exc)
        print(f"netanalytics {args.command}: {failure}", file=sys.stderr)
        return 2
    except OSError as exc:
        if exc.errno not in _MACHINE_ERRNOS:
            return _bug(args, exc)
        where = f" {exc.filename}" if exc.filename else ""
        print(f"netanalytics {args.command}: cannot use{where}: {os_error_text(exc)}.", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the last line of defence: say what happened
        return _bug(args, exc)


#: OS errors that are the machine's doing, not a bug: exit 2 with the reason in words.
_MACHINE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR,
     errno.ELOOP, errno.EDQUOT, errno.ENAMETOOLONG, errno.EIO, errno.ENOENT, errno.EEXIST}
)


def _machine_sqlite_error(args: argparse.Namespace, exc: sqlite3.Error) -> Exception | None:
    """The workspace error an SQLite error caused by the machine amounts to, else None."""
    from netanalytics.config import WORKSPACE_FILENAME, workspace_dir
    from netanalytics.workspace.db import explain_sqlite_error

    return explain_sqlite_error(exc, workspace_dir(args.workspace) / WORKSPACE_FILENAME)


def _bug(args: argparse.Namespace, exc: BaseException) -> int:
    print(
        f"netanalytics {args.command}: unexpected error ({type(exc).__name__}: {exc}). "
        "This is a bug; please report it with the command you ran.",
        file=sys.stderr,
    )
    return 1
