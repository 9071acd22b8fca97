"""Options and steps shared by the CLI commands: which database, which reviewer, unlocking."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from workstation.cli.secrets_input import secret
from workstation.errors import InputError
from workstation.paths import default_database_path
from workstation.session import Session, reviewer_names, unlock


def database_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db", type=Path, default=None, metavar="PATH",
        help=f"the workstation database (default: {default_database_path()})",
    )
    return parent


def reviewer_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--reviewer", metavar="NAME", help="reviewer who unlocks the database")
    parent.add_argument(
        "--passphrase-file", type=Path, metavar="FILE",
        help="read the reviewer's passphrase from the first line of FILE instead of a prompt",
    )
    return parent


def database_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_database_path()


def chosen_reviewer(args: argparse.Namespace, path: Path) -> str:
    """--reviewer, or the only reviewer there is, or a prompt."""
    if args.reviewer:
        return args.reviewer
    names = reviewer_names(path)
    if len(names) == 1:
        return names[0]
    if not sys.stdin.isatty():
        raise InputError(f"Say which reviewer unlocks the database: --reviewer ({', '.join(names)}).")
    return input(f"Reviewer ({', '.join(names)}): ").strip()


@contextlib.contextmanager
def unlocked(args: argparse.Namespace) -> Iterator[Session]:
    """The unlocked session for one command; locked again (key wiped) however it ends."""
    session = unlock_from_args(args)
    try:
        yield session
    finally:
        session.lock()


def unlock_from_args(args: argparse.Namespace) -> Session:
    return unlock_with_passphrase(args)[0]


def unlock_with_passphrase(args: argparse.Namespace) -> tuple[Session, str]:
    """The unlocked session and the passphrase typed for it, for commands that sign with it
    too (export, review apply): the reviewer is asked once."""
    path = database_path(args)
    reviewer = chosen_reviewer(args, path)
    passphrase = secret(args.passphrase_file, f"Passphrase for {reviewer}: ")
    return unlock(path, reviewer, passphrase), passphrase
