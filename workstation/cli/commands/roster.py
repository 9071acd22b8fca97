"""reviewer deactivate/activate/export-key, roster export/import: the roster across laptops."""

from __future__ import annotations

import argparse
from pathlib import Path

from workstation.cli.common import database_options, reviewer_options, unlocked
from workstation.cli.secrets_input import secret
from workstation.errors import ExitCode
from workstation.roster.membership import set_active
from workstation.roster.roster_file import import_roster, public_key_line, write_roster


def add_reviewer_commands(reviewer_commands: argparse._SubParsersAction) -> None:
    """Further `reviewer` commands (the `reviewer` parser lives in keys_and_reviewers)."""
    unlocked = [database_options(), reviewer_options()]
    for verb, help_text in (
            ("deactivate", "remove a reviewer's key slot and re-key the database (signatures stay valid)"),
            ("activate", "let a deactivated reviewer work again, with a new passphrase and signing key")):
        command = reviewer_commands.add_parser(verb, parents=unlocked, help=help_text)
        command.add_argument("name", metavar="NAME")
        if verb == "activate":
            command.add_argument("--new-passphrase-file", type=Path, metavar="FILE",
                                 help="the reviewer's new passphrase, from the first line of FILE")
        command.set_defaults(handler=run_set_active, active=verb == "activate")
    export_key = reviewer_commands.add_parser(
        "export-key", parents=unlocked, help="print a reviewer's public signing key (ed25519:<hex>)")
    export_key.add_argument("--name", metavar="NAME", help="whose key (default: the reviewer who unlocks)")
    export_key.set_defaults(handler=run_export_key)


def register(subparsers: argparse._SubParsersAction) -> None:
    unlocked = [database_options(), reviewer_options()]
    roster = subparsers.add_parser("roster", help="carry the roster's public keys to another laptop")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True)
    export = roster_commands.add_parser("export", parents=unlocked, help="write the roster to a file")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=run_roster_export)
    importer = roster_commands.add_parser(
        "import", parents=unlocked, help="add reviewers and keys from a roster file (to verify signatures)")
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.set_defaults(handler=run_roster_import)


def run_set_active(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        passphrase = None
        if args.active:
            passphrase = secret(args.new_passphrase_file, f"New passphrase for {args.name}: ", confirm=True)
        set_active(session, args.name, args.active, passphrase)
    print(f"Reviewer {args.name} is {'active' if args.active else 'deactivated'}.")
    return ExitCode.OK


def run_export_key(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        print(public_key_line(session.db, args.name or session.reviewer))
    return ExitCode.OK


def run_roster_export(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        count = write_roster(session.db, args.out)
    print(f"Wrote {count} reviewers and their public keys to {args.out}.")
    return ExitCode.OK


def run_roster_import(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        counts = import_roster(session, args.file)
    print(f"Imported {counts['reviewers']} reviewers and {counts['keys']} keys (for verifying signatures).")
    return ExitCode.OK
