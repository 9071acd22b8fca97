"""The `workstation` command: parses arguments, runs a command, turns expected errors into
one plain message and an exit code (see workstation.errors.ExitCode)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

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
    review,
    roster,
    work,
)
from workstation.errors import WorkstationError
from workstation.logs import configure_logging

COMMANDS = (keys_and_reviewers, roster, intake, reports, review, audit, demo, gui, evaluate, export, panel,
            work, backup)
log = logging.getLogger("workstation.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workstation",
        description="Near Miss Review Workstation. With no command, opens the application.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-check", action="store_true",
                        help="check, headless, that this installation works end to end, then exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
