"""Bundles: keys show, intake keygen/trust, bundle make, import, analyse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workstation.analysis import analyse_pending, pending_reports
from workstation.cli.common import database_options, reviewer_options, unlock_from_args, unlocked
from workstation.errors import ExitCode, InputError
from workstation.intake.bundle_format import format_intake_key
from workstation.intake.bundle_writer import make_bundle, write_bundle_file
from workstation.intake.import_run import BundleOutcome, import_bundles
from workstation.intake.intake_keys import generate_intake_key, load_private_key, load_public_key
from workstation.intake.submissions import load_submissions_jsonl
from workstation.intake.trust import (
    ROTATION_GRACE_DAYS,
    rotate_identity,
    trust_intake_key,
    trusted_intake_keys,
    untrust_intake_key,
    withdrawn_intake_keys,
    workstation_recipient,
)
from workstation.keys.signing import key_id


def register(subparsers: argparse._SubParsersAction) -> None:
    unlocked = [database_options(), reviewer_options()]

    keys = subparsers.add_parser("keys", help="this workstation's keys")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    show = keys_commands.add_parser("show", parents=unlocked,
                                    help="print the age recipient bundles must be encrypted to")
    show.set_defaults(handler=run_keys_show)
    rotate = keys_commands.add_parser(
        "rotate", parents=unlocked, help="a new age identity for this workstation (prints the new recipient)",
        description="Replace the workstation's age identity. Bundles encrypted to the old recipient "
        f"still open for --grace-days (default {ROTATION_GRACE_DAYS}), then are refused.")
    rotate.add_argument("--grace-days", type=int, default=ROTATION_GRACE_DAYS, metavar="N",
                        help="days the old recipient is still accepted (0-365)")
    rotate.set_defaults(handler=run_keys_rotate)

    intake = subparsers.add_parser("intake", help="intake service keys")
    intake_commands = intake.add_subparsers(dest="intake_command", required=True)
    keygen = intake_commands.add_parser(
        "keygen", help="make an intake signing key pair (PREFIX.key, PREFIX.pub)")
    keygen.add_argument("--out", type=Path, required=True, metavar="PREFIX")
    keygen.set_defaults(handler=run_intake_keygen)
    trust = intake_commands.add_parser("trust", parents=unlocked,
                                       help="accept bundles signed by the key in FILE (a .pub)")
    trust.add_argument("file", type=Path, metavar="FILE")
    trust.add_argument("--label", default="", help="a note, e.g. 'intake web service 2026'")
    trust.set_defaults(handler=run_intake_trust)
    listing = intake_commands.add_parser("list", parents=unlocked, help="list trusted intake keys")
    listing.set_defaults(handler=run_intake_list)
    untrust = intake_commands.add_parser(
        "untrust", parents=unlocked, help="refuse bundles signed by this key from now on",
        description="Withdraw a trusted intake key (its key id from `intake list`, or ed25519:<hex>). "
        "Bundles it signs are refused from then on; bundles already imported stay.")
    untrust.add_argument("key", metavar="KEY-ID")
    untrust.set_defaults(handler=run_intake_untrust)

    bundle = subparsers.add_parser("bundle", help="make submission bundles (intake side)")
    bundle_commands = bundle.add_subparsers(dest="bundle_command", required=True)
    make = bundle_commands.add_parser("make", help="sign and encrypt submissions into a bundle")
    make.add_argument("--key", type=Path, required=True, metavar="PREFIX.key")
    make.add_argument("--to", required=True, metavar="RECIPIENT", help="the workstation's age1...")
    make.add_argument("--out", type=Path, required=True, metavar="FILE")
    make.add_argument("reports", type=Path, metavar="reports.jsonl")
    make.set_defaults(handler=run_bundle_make)

    importer = subparsers.add_parser("import", parents=unlocked, help="import bundles")
    importer.add_argument("files", type=Path, nargs="+", metavar="FILE")
    importer.add_argument("--no-analysis", action="store_true",
                          help="do not suggest identifiers now (`workstation analyse` does it later)")
    importer.add_argument("--workers", type=int, default=1, metavar="N",
                          help="worker processes for identifier analysis (default 1)")
    importer.set_defaults(handler=run_import)

    analyse = subparsers.add_parser("analyse", parents=unlocked,
                                    help="suggest identifiers in reports imported without analysis")
    analyse.add_argument("--workers", type=int, default=1, metavar="N",
                         help="worker processes for identifier analysis (default 1)")
    analyse.set_defaults(handler=run_analyse)


def run_keys_show(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        print(workstation_recipient(session.db))
    return ExitCode.OK


def run_keys_rotate(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        rotation = rotate_identity(session, grace_days=args.grace_days)
    print(rotation.recipient)
    print(f"Give intake the new recipient above. Bundles encrypted to the old one ({rotation.old_recipient}) "
          f"are accepted until {rotation.until}, then refused.", file=sys.stderr)
    return ExitCode.OK


def run_intake_untrust(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        withdrawn = untrust_intake_key(session, args.key)
    print(f"Withdrew intake key {key_id(withdrawn.public_key)} ({withdrawn.text}): bundles it signs are "
          "refused from now on; those already imported stay.")
    return ExitCode.OK


def run_intake_keygen(args: argparse.Namespace) -> int:
    public = generate_intake_key(args.out)
    print(f"Wrote {args.out}.key (keep it secret) and {args.out}.pub")
    print(format_intake_key(public))
    return ExitCode.OK


def run_intake_trust(args: argparse.Namespace) -> int:
    public = load_public_key(args.file)
    with unlocked(args) as session:
        trusted = trust_intake_key(session, public, label=args.label)
    print(f"Trusting intake key {key_id(trusted.public_key)} ({trusted.text}).")
    return ExitCode.OK


def run_intake_list(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        keys = trusted_intake_keys(session.db, include_withdrawn=True)
        withdrawn = set(withdrawn_intake_keys(session.db))
    for k in keys:
        state = "  WITHDRAWN" if k.public_key in withdrawn else ""
        print(f"{key_id(k.public_key)}  {k.text}  trusted {k.trusted_at} by {k.trusted_by}  {k.label}{state}")
    return ExitCode.OK


def run_bundle_make(args: argparse.Namespace) -> int:
    submissions = load_submissions_jsonl(args.reports)
    data = make_bundle(submissions, signing_key=load_private_key(args.key), recipient=args.to)
    write_bundle_file(args.out, data)
    print(f"Wrote {args.out}: {len(submissions)} submissions, {len(data)} bytes.")
    return ExitCode.OK


def run_import(args: argparse.Namespace) -> int:
    if not 1 <= args.workers <= 64:
        raise InputError("--workers must be between 1 and 64.")
    session = unlock_from_args(args)
    analyser = None
    if not args.no_analysis:
        from workstation.detect.detector import Detector  # loads spaCy: only when needed

        analyser = Detector(workers=args.workers)

    def show(outcome: BundleOutcome) -> None:
        if outcome.summary is not None:
            print(outcome.summary.describe())
        else:
            print(f"workstation: {outcome.path.name}: {outcome.refusal}", file=sys.stderr)

    try:
        run = import_bundles(session, args.files, analyser=analyser, on_outcome=show)
    finally:
        session.lock()
        if analyser is not None:
            analyser.close()
    return run.exit_code


def run_analyse(args: argparse.Namespace) -> int:
    from workstation.detect.detector import Detector  # loads spaCy: only when needed

    analyser = Detector(workers=args.workers)
    try:
        with unlocked(args) as session:
            waiting = len(pending_reports(session.db))
            stored = analyse_pending(session, analyser)
    finally:
        analyser.close()
    print(f"Analysed {waiting} report{'s' if waiting != 1 else ''}: {stored} identifiers suggested.")
    return ExitCode.OK
