"""demo open / demo submissions: demo data for trying the workstation (generated only)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workstation.cli.commands.gui import add_gui_options
from workstation.demo.demo_database import build_demo_database
from workstation.demo.submissions import iter_submissions
from workstation.errors import ExitCode, FileSystemError, InputError
from workstation.paths import demo_database_path


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="demo data for trying the workstation")
    commands = demo.add_subparsers(dest="demo_command", required=True)
    opener = commands.add_parser(
        "open", help="create a fresh demo database and open the workstation on it",
        description="Replace the demo database in the per-user demo folder with a fresh one "
        "(generated data only, imported through a real signed bundle), print its passphrase, "
        "and open the workstation on it.",
    )
    opener.add_argument("--db", type=Path, default=None, metavar="PATH",
                        help=f"where to put the demo database (default: {demo_database_path()})")
    opener.add_argument("--no-gui", action="store_true", help="create it, but do not open it")
    add_gui_options(opener)
    opener.set_defaults(handler=run_open)

    generator = commands.add_parser(
        "submissions", help="write generated submissions as JSON lines (for `bundle make`)",
        description="Write COUNT generated submissions, one JSON object per line. Generated "
        "data only: no real people, places or agencies.",
    )
    generator.add_argument("--count", type=int, required=True, metavar="N")
    generator.add_argument("--out", type=Path, required=True, metavar="FILE.jsonl")
    generator.add_argument("--seed", type=int, default=1, help="same seed, same submissions")
    generator.add_argument("--agencies", type=int, default=12, metavar="M",
                           help="how many partner agencies the reports come from")
    generator.set_defaults(handler=run_submissions)


def run_open(args: argparse.Namespace) -> int:
    path = args.db or demo_database_path()
    demo = build_demo_database(path)
    print(f"Demo database: {demo.path}")
    print(f"Reviewers:     {', '.join(demo.reviewers)}")
    print(f"Passphrase:    {demo.passphrase}   (demo data only: never use it for real work)")
    print(f"Imported:      {demo.imported.imported} generated reports from a signed demo bundle")
    print(f"To try File > Import: {demo.waiting_bundle}")
    if args.no_gui:
        return ExitCode.OK
    from workstation.ui.app import run_gui

    return run_gui(demo.path, reviewer=args.reviewer or demo.reviewers[0],
                   idle_minutes=args.idle_minutes)


def run_submissions(args: argparse.Namespace) -> int:
    if not 1 <= args.count <= 1_000_000:
        raise InputError("--count must be between 1 and 1,000,000.")
    if args.out.exists():
        raise FileSystemError(f"{args.out} already exists; choose another file name.")
    try:
        with args.out.open("x", encoding="utf-8") as handle:
            for submission in iter_submissions(args.count, seed=args.seed, agencies=args.agencies):
                handle.write(json.dumps(submission, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise FileSystemError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    print(f"Wrote {args.count} generated submissions to {args.out}.")
    return ExitCode.OK
