"""init, reviewer add/list, passphrase change, recover."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workstation.cli.commands.roster import add_reviewer_commands
from workstation.cli.common import (
    database_options,
    database_path,
    reviewer_options,
    unlocked,
)
from workstation.cli.secrets_input import secret
from workstation.exchange.roles import set_role
from workstation.roster.membership import add_reviewer
from workstation.roster.reviewers import list_reviewers
from workstation.session import create_workstation, recover


def register(subparsers: argparse._SubParsersAction) -> None:
    db, who = database_options(), reviewer_options()

    init = subparsers.add_parser(
        "init", parents=[db, who], help="create a new encrypted database and its first reviewer",
        description="Create a new encrypted workstation database with its first reviewer. "
        "Prints the recovery code once: write it down and keep it apart from the laptop.",
    )
    init.add_argument("--display-name", default="", help="the reviewer's full name (optional)")
    init.add_argument("--role", choices=("coordinator", "reviewer"), default="coordinator",
                      help="the coordinator's full database, or a reviewer's laptop (docs/work-packets.md)")
    init.set_defaults(handler=run_init)

    reviewer = subparsers.add_parser("reviewer", help="the review panel's roster")
    reviewer_commands = reviewer.add_subparsers(dest="reviewer_command", required=True)
    add = reviewer_commands.add_parser(
        "add", parents=[db, who], help="add a reviewer (an existing reviewer unlocks)"
    )
    add.add_argument("--name", required=True, help="the new reviewer's login name")
    add.add_argument("--display-name", default="", help="the new reviewer's full name")
    add.add_argument("--new-passphrase-file", type=Path, metavar="FILE",
                     help="the new reviewer's passphrase, from the first line of FILE")
    add.set_defaults(handler=run_reviewer_add)
    listing = reviewer_commands.add_parser("list", parents=[db, who], help="list the reviewers")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_reviewer_list)
    add_reviewer_commands(reviewer_commands)

    passphrase = subparsers.add_parser("passphrase", help="change your passphrase")
    passphrase_commands = passphrase.add_subparsers(dest="passphrase_command", required=True)
    change = passphrase_commands.add_parser("change", parents=[db, who],
                                            help="change the reviewer's passphrase")
    change.add_argument("--new-passphrase-file", type=Path, metavar="FILE",
                        help="the new passphrase, from the first line of FILE")
    change.set_defaults(handler=run_passphrase_change)

    rec = subparsers.add_parser(
        "recover", parents=[db], help="set a new passphrase with the recovery code",
        description="Give a reviewer a new passphrase using the database's recovery code. "
        "The reviewer also gets a new signing key; the old one stays valid for old signatures.",
    )
    rec.add_argument("--reviewer", required=True, metavar="NAME")
    rec.add_argument("--recovery-code-file", type=Path, metavar="FILE")
    rec.add_argument("--new-passphrase-file", type=Path, metavar="FILE")
    rec.set_defaults(handler=run_recover)


def run_init(args: argparse.Namespace) -> int:
    path = database_path(args)
    path.parent.mkdir(parents=True, exist_ok=True)
    reviewer = args.reviewer or input("Reviewer login name: ").strip()
    passphrase = secret(args.passphrase_file, f"New passphrase for {reviewer}: ", confirm=True)
    created = create_workstation(path, reviewer, passphrase, display_name=args.display_name)
    set_role(created.session, args.role)
    created.session.lock()
    print(f"Created the workstation database {path}")
    print(f"and its key file {path}.keys (back up both together).")
    print(f"Reviewer: {reviewer}")
    print()
    print("Recovery code (shown only now; write it down and keep it away from this laptop):")
    print(f"    {created.recovery_code}")
    return 0


def run_reviewer_add(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        new_passphrase = secret(
            args.new_passphrase_file, f"New passphrase for {args.name}: ", confirm=True
        )
        add_reviewer(session, args.name, new_passphrase, display_name=args.display_name)
    print(f"Added reviewer {args.name}.")
    return 0


def run_reviewer_list(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        reviewers = list_reviewers(session.db)
    if args.json:
        print(json.dumps([
            {"name": r.name, "display_name": r.display_name, "active": r.active,
             "key_id": r.key_id, "created_at": r.created_at}
            for r in reviewers
        ], indent=2))
    else:
        for r in reviewers:
            state = "" if r.active else "  (deactivated)"
            print(f"{r.name:<20} key {r.key_id}  {r.display_name}{state}")
    return 0


def run_passphrase_change(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        current = secret(args.passphrase_file, "Current passphrase again: ")
        new = secret(args.new_passphrase_file, "New passphrase: ", confirm=True)
        session.change_passphrase(current, new)
    print(f"Changed the passphrase of {session.reviewer}.")
    return 0


def run_recover(args: argparse.Namespace) -> int:
    path = database_path(args)
    code = secret(args.recovery_code_file, "Recovery code: ", what="recovery code")
    new = secret(args.new_passphrase_file, f"New passphrase for {args.reviewer}: ", confirm=True)
    session = recover(path, args.reviewer, code, new)
    session.lock()
    print(f"Reviewer {args.reviewer} has a new passphrase and a new signing key.")
    return 0
