"""audit verify / audit log."""

from __future__ import annotations

import argparse
import json

from workstation.audit import chain
from workstation.cli.common import database_options, reviewer_options, unlocked
from workstation.errors import ExitCode
from workstation.workflow.signoff import signoffs, verify_signoffs


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help="the audit chain")
    commands = audit.add_subparsers(dest="audit_command", required=True)
    parents = [database_options(), reviewer_options()]
    verify = commands.add_parser(
        "verify", parents=parents, help="recompute the audit chain; exit 0 only when intact"
    )
    verify.set_defaults(handler=run_verify)
    log = commands.add_parser("log", parents=parents, help="show the latest audit entries")
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true", help="print JSON")
    log.set_defaults(handler=run_log)


def run_verify(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        result = chain.verify(session.db)
        signature_problems = verify_signoffs(session.db)
        signed = len(signoffs(session.db))
    if result.intact:
        print(f"Audit chain intact: {result.entries} entries, head {result.head}")
    else:
        print(f"Audit chain BROKEN at entry {result.first_broken}: {result.reason}.")
        print(f"The {result.entries} entries before it verify.")
    for problem in signature_problems:
        print(f"Sign-off signature BROKEN: {problem}.")
    if not signature_problems:
        print(f"Sign-off signatures: all {signed} verify with the reviewers' public keys.")
    return ExitCode.OK if result.intact and not signature_problems else ExitCode.AUDIT_BROKEN


def run_log(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        entries = chain.entries(session.db, limit=args.limit)
    if args.json:
        print(json.dumps([e.__dict__ for e in entries], indent=2))
    else:
        for e in entries:
            print(f"{e.seq:>6}  {e.at}  {e.actor:<14} {e.action:<28} {e.object}")
    return ExitCode.OK
