"""panel enrolment|trust|coordinator-key|enrol|list|revoke: keys between the coordinator and
reviewers' laptops, confirmed by fingerprint (docs/work-packets.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workstation.cli.common import database_options, reviewer_options, unlocked
from workstation.cli.secrets_input import secret
from workstation.errors import ExitCode
from workstation.exchange import enrolment
from workstation.exchange.revoke import revoke


def register(subparsers: argparse._SubParsersAction) -> None:
    parents = [database_options(), reviewer_options()]
    panel = subparsers.add_parser("panel", help="a panel on many laptops: enrolment, trust, revocation")
    commands = panel.add_subparsers(dest="panel_command", required=True)
    made = commands.add_parser(
        "enrolment",
        parents=parents,
        help="(laptop) write this laptop's enrolment file; prints its fingerprint last",
    )
    made.add_argument("--out", type=Path, required=True, metavar="FILE")
    made.set_defaults(handler=run_enrolment)
    trust = commands.add_parser(
        "trust",
        parents=parents,
        help="(laptop) trust the coordinator's key file after comparing its fingerprint",
    )
    trust.add_argument("file", type=Path, metavar="FILE")
    trust.add_argument("--fingerprint", required=True, metavar="HEX")
    trust.set_defaults(handler=run_trust)
    key = commands.add_parser(
        "coordinator-key",
        parents=parents,
        help="(coordinator) write the coordinator's key file; prints its fingerprint last",
    )
    key.add_argument("--out", type=Path, required=True, metavar="FILE")
    key.set_defaults(handler=run_coordinator_key)
    enrol = commands.add_parser(
        "enrol",
        parents=parents,
        help="(coordinator) enrol a reviewer's laptop after comparing its fingerprint",
    )
    enrol.add_argument("file", type=Path, metavar="FILE")
    enrol.add_argument("--fingerprint", required=True, metavar="HEX")
    enrol.set_defaults(handler=run_enrol)
    listing = commands.add_parser(
        "list", parents=parents, help="(coordinator) enrolled laptops and the work out on each"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)
    back = commands.add_parser(
        "revoke",
        parents=parents,
        help="(coordinator) take reports back from a laptop; writes the notice for it",
    )
    back.add_argument("--reports", type=int, nargs="+", required=True, metavar="N")
    back.add_argument("--out", type=Path, required=True, metavar="NOTICE")
    back.set_defaults(handler=run_revoke)


def run_enrolment(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        passphrase = secret(args.passphrase_file, "Passphrase again, to sign the enrolment: ")
        printed = enrolment.write_enrolment(session, args.out, passphrase)
    print(f"Wrote the enrolment file {args.out}. Read this fingerprint to the coordinator:")
    print(printed)
    return ExitCode.OK


def run_trust(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        printed = enrolment.trust_coordinator(session, args.file, args.fingerprint)
    print(f"This laptop now takes work packets from the coordinator with fingerprint {printed}.")
    return ExitCode.OK


def run_coordinator_key(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        printed = enrolment.write_coordinator_key(session, args.out)
    print(f"Wrote the coordinator key file {args.out}. Read this fingerprint to each reviewer:")
    print(printed)
    return ExitCode.OK


def run_enrol(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        laptop = enrolment.enrol(session, args.file, args.fingerprint)
    print(f"Enrolled {laptop.reviewer}'s laptop (key {laptop.key_id}).")
    return ExitCode.OK


def run_list(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        rows = enrolment.laptops(session.db)
        out = {
            r["reviewer"]: r[1]
            for r in session.db.query(
                "SELECT a.reviewer, count(*) FROM work_holds h JOIN work_assignments a "
                "ON a.assignment_id = h.assignment_id WHERE h.side = 'out' GROUP BY a.reviewer"
            )
        }
    listed = [
        {
            "reviewer": r.reviewer,
            "key_id": r.key_id,
            "fingerprint": r.fingerprint,
            "enrolled_at": r.enrolled_at,
            "retired_at": r.retired_at,
            "reports_out": out.get(r.reviewer, 0) if r.retired_at is None else 0,
        }
        for r in rows
    ]
    if args.json:
        print(json.dumps(listed, indent=2))
    else:
        for r in listed:
            state = (
                f"retired {str(r['retired_at'])[:10]}" if r["retired_at"]
                else f"{r['reports_out']} reports out"
            )
            print(f"{r['reviewer']:<20} key {r['key_id']}  fingerprint {r['fingerprint']}  {state}")
    return ExitCode.OK


def run_revoke(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        reviewer, names = revoke(session, args.reports, args.out)
    print(f"Revoked {len(names)} reports from {reviewer}'s laptop; give them the notice {args.out}.")
    return ExitCode.OK
