"""gui: the desktop application (also what `workstation` with no command starts)."""

from __future__ import annotations

import argparse

from workstation.cli.common import database_options


def register(subparsers: argparse._SubParsersAction) -> None:
    gui = subparsers.add_parser("gui", parents=[database_options()], help="open the workstation")
    add_gui_options(gui)
    gui.set_defaults(handler=run)


def add_gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reviewer", metavar="NAME", help="preselect this reviewer")
    parser.add_argument("--idle-minutes", type=float, default=None,
                        help="lock after this many idle minutes (default: from settings, 15)")


def run(args: argparse.Namespace) -> int:
    from workstation.ui.platform_check import load_gui  # Qt only when the GUI is asked for

    run_gui = load_gui()

    return run_gui(args.db, reviewer=args.reviewer, idle_minutes=args.idle_minutes)
