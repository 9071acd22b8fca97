"""audit verify / audit log."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workstation.audit import chain
from workstation.audit.anchor import read_anchor
from workstation.cli.common import database_options, reviewer_options, unlocked
from workstation.errors import ExitCode
from workstation.workflow.verification import verify_everything


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help="the audit chain")
    commands = audit.add_subparsers(dest="audit_command", required=True)
    parents = [database_options(), reviewer_options()]
    verify = commands.add_parser(
        "verify", parents=parents,
        help="recompute the audit chain, check sign-off signatures and records; exit 0 only when intact",
    )
    verify.add_argument(
        "--anchor", type=Path, metavar="FILE",
        help="a publication manifest or the .anchor file written beside the database at each lock: "
        "fail (exit 9) when the chain no longer holds the entry it names",
    )
    verify.set_defaults(handler=run_verify)
    log = commands.add_parser("log", parents=parents, help="show the latest audit entries")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true", help="print JSON")
    log.set_defaults(handler=run_log)


def run_verify(args: argparse.Namespace) -> int:
    anchor = read_anchor(args.anchor) if args.anchor is not None else None  # a bad file: before unlocking
    with unlocked(args) as session:
        report = verify_everything(session.db, anchor)
    for line in report.lines():
        print(line)
    return ExitCode.OK if report.intact else ExitCode.AUDIT_BROKEN


def run_log(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        entries = chain.entries(session.db, limit=args.limit)
    if args.json:
        print(json.dumps([e.__dict__ for e in entries], indent=2))
    else:
        for e in entries:
            print(f"{e.seq:>6}  {e.at}  {e.actor:<14} {e.action:<28} {e.object}")
    return ExitCode.OK
