"""The ``netanalytics`` command: parse arguments, call the library, print the result.

Each command group lives in its own module with a ``register(subparsers, listing)``
function; ``listing`` is a parent parser that adds ``--format table|json|csv``. A command
sets ``func=handler``; handlers take ``(args)`` and return an exit code.

Exit codes: 0 ok; 2 bad usage or bad input (one clear paragraph on stderr, no traceback);
1 anything unexpected.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Callable, Sequence

from netanalytics import __version__
from netanalytics.cli.output import FORMATS
from netanalytics.errors import InputError, NetanalyticsError, NetanalyticsWarning

__all__ = ["build_parser", "main"]

#: Modules that register commands, in help order. A module that does not exist yet is skipped.
COMMAND_MODULES = (
    "netanalytics.cli.data_commands",
    "netanalytics.cli.rank_commands",
    "netanalytics.cli.outreach_commands",
    "netanalytics.cli.chart_commands",
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit 2 with a one-paragraph message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


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
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("always", NetanalyticsWarning)
        warnings.showwarning = _warning_printer(args.command, warnings.showwarning)
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Call the command's handler and turn what escapes into an exit code and a message."""
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"netanalytics {args.command}: {exc}", file=sys.stderr)
        return 2
    except NetanalyticsError as exc:
        print(f"netanalytics {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("netanalytics: interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: say what happened
        print(
            f"netanalytics {args.command}: unexpected error ({type(exc).__name__}: {exc}). "
            "This is a bug; please report it with the command you ran.",
            file=sys.stderr,
        )
        return 1
