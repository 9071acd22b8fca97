"""demo open: a fresh demo database, opened in the real application."""

from __future__ import annotations

import argparse
from pathlib import Path

from workstation.cli.commands.gui import add_gui_options
from workstation.demo.demo_database import build_demo_database
from workstation.paths import demo_database_path


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="demo data for trying the workstation")
    commands = demo.add_subparsers(dest="demo_command", required=True)
    opener = commands.add_parser(
        "open", help="create a fresh demo database and open the workstation on it",
        description="Replace the demo database in the per-user demo folder with a fresh one "
        "(generated data only), print its passphrase, and open the workstation on it.",
    )
    opener.add_argument("--db", type=Path, default=None, metavar="PATH",
                        help=f"where to put the demo database (default: {demo_database_path()})")
    opener.add_argument("--no-gui", action="store_true", help="create it, but do not open it")
    add_gui_options(opener)
    opener.set_defaults(handler=run_open)


def run_open(args: argparse.Namespace) -> int:
    path = args.db or demo_database_path()
    demo = build_demo_database(path)
    print(f"Demo database: {demo.path}")
    print(f"Reviewers:     {', '.join(demo.reviewers)}")
    print(f"Passphrase:    {demo.passphrase}   (demo data only: never use it for real work)")
    if args.no_gui:
        return 0
    from workstation.ui.app import run_gui

    return run_gui(demo.path, reviewer=args.reviewer or demo.reviewers[0],
                   idle_minutes=args.idle_minutes)
