"""demo open / demo submissions: demo data for trying the workstation (generated only)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workstation.cli.commands.gui import add_gui_options
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

    builder = commands.add_parser(
        "build", help="a database of generated reports taken through the whole workflow",
        description="Create a new database at PATH with N generated reports from M partner "
        "agencies, reviewed through the real workflow by demo-stage1 and demo-stage2 (both "
        "with the passphrase in FILE): suggestions accepted, coded, signed at both stages, "
        "a share published (publication folders are written beside the database).",
    )
    builder.add_argument("--db", type=Path, required=True, metavar="PATH")
    builder.add_argument("--reports", type=int, required=True, metavar="N")
    builder.add_argument("--agencies", type=int, required=True, metavar="M")
    builder.add_argument("--passphrase-file", type=Path, metavar="FILE",
                         help="the demo reviewers' passphrase (first line); asked for when absent")
    builder.add_argument("--publish-share", type=float, default=0.6, metavar="SHARE",
                         help="share of the reports published (default 0.6); the rest stay approved")
    builder.add_argument("--until", default="2026-Q3", metavar="QUARTER",
                         help="reports are received over the 8 quarters up to this one (default 2026-Q3)")
    builder.add_argument("--seed", type=int, default=1)
    builder.set_defaults(handler=run_build)


def run_open(args: argparse.Namespace) -> int:
    run_gui = None
    if not args.no_gui:
        from workstation.ui.platform_check import load_gui

        run_gui = load_gui()  # before the demo is built: say at once when no window can open
    from workstation.demo.demo_database import build_demo_database  # loads the detector: only here

    path = args.db or demo_database_path()
    demo = build_demo_database(path)
    print(f"Demo database: {demo.path}")
    print(f"Reviewers:     {', '.join(demo.reviewers)}")
    print(f"Passphrase:    {demo.passphrase}   (demo data only: never use it for real work)")
    print(f"Imported:      {demo.imported.imported} generated reports from a signed demo bundle")
    print(f"To try File > Import: {demo.waiting_bundle}")
    from workstation.demo.demo_panel import build_demo_panel

    panel = build_demo_panel(demo.path)
    print(f"Panel laptop:  {panel.laptop} (reviewer {panel.laptop_reviewer}, same passphrase)")
    print(f"Exchange folder: {panel.exchange} (set on both; Panel > Pick up, F6)")
    if run_gui is None:
        return ExitCode.OK
    return run_gui(demo.path, reviewer=args.reviewer or demo.reviewers[0],
                   idle_minutes=args.idle_minutes)


def run_build(args: argparse.Namespace) -> int:
    from workstation.cli.secrets_input import secret
    from workstation.demo.build import build_demo

    if not 0 <= args.publish_share <= 1:
        raise InputError("--publish-share must be between 0 and 1.")
    passphrase = secret(args.passphrase_file, "Passphrase for the demo reviewers: ", confirm=True)

    def progress(what: str, done: int, total: int) -> None:
        print(f"\r{what}: {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)

    built = build_demo(args.db, reports=args.reports, agencies=args.agencies, passphrase=passphrase,
                       seed=args.seed, publish_share=args.publish_share, end_period=args.until,
                       progress=progress)
    print(f"Demo database: {built.path}")
    print(f"Reports: {built.reports}, approved: {built.approved}, published: {built.published} "
          f"({built.seconds:.0f} s). Reviewers: demo-stage1, demo-stage2.")
    if built.not_published:
        print(f"Not published ({len(built.not_published)}):", file=sys.stderr)
        for reason in built.not_published[:20]:
            print(f"  - {reason}", file=sys.stderr)
    return ExitCode.OK


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
