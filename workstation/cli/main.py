"""The `workstation` command: parses arguments, runs a command, turns expected errors into
one plain message and an exit code (see workstation.errors.ExitCode)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from workstation import __version__
from workstation.cli.commands import (
    audit,
    backup,
    demo,
    evaluate,
    export,
    gui,
    intake,
    keys_and_reviewers,
    panel,
    reports,
    retention,
    review,
    roster,
    work,
)
from workstation.errors import WorkstationError
from workstation.logs import configure_logging

GLOBAL_OPTIONS = (("--db", "global_db", Path, "PATH"), ("--reviewer", "global_reviewer", str, "NAME"),
                  ("--passphrase-file", "global_passphrase_file", Path, "FILE"))
COMMANDS = (keys_and_reviewers, roster, intake, reports, review, audit, demo, gui, evaluate, export, panel,
            work, backup, retention)
log = logging.getLogger("workstation.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workstation",
        description="Near Miss Review Workstation. With no command, opens the application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-check", action="store_true",
                        help="check, headless, that this installation works end to end, then exit")
    # The options most commands share may also come before the command
    # (`workstation --db PATH intake trust ...`); they fill the command's own.
    for option, dest, kind, metavar in GLOBAL_OPTIONS:
        parser.add_argument(option, dest=dest, type=kind, default=None, metavar=metavar,
                            help=f"as the command's own {option} (for the commands that take it)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def apply_global_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Move options given before the command to the command, which must take them."""
    for option, dest, _kind, _metavar in GLOBAL_OPTIONS:
        value = getattr(args, dest)
        own = dest.removeprefix("global_")
        if value is None or args.command is None:
            continue
        if not hasattr(args, own):
            parser.error(f"{option} does not apply to the {args.command} command")
        if getattr(args, own) is not None and getattr(args, own) != value:
            parser.error(f"{option} is given twice with different values")
        setattr(args, own, value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    apply_global_options(parser, args)
    configure_logging()
    if args.self_check:
        from workstation.cli.selfcheck import run_self_check

        return run_self_check()
    if getattr(args, "handler", None) is None:
        args = parser.parse_args(["gui", *(argv if argv is not None else sys.argv[1:])])
    log.info("command %s started", args.command)
    try:
        code = int(args.handler(args))
    except WorkstationError as error:
        log.warning("command %s failed: %s", args.command, type(error).__name__)
        print(f"workstation: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("workstation: interrupted; nothing more was changed.", file=sys.stderr)
        return 130
    log.info("command %s finished with %d", args.command, code)
    return code


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
