"""backup / restore: the database and its key file together, as one encrypted file."""

from __future__ import annotations

import argparse
from pathlib import Path

from workstation.backup.copy import make_backup, restore_backup
from workstation.cli.common import database_options, database_path, reviewer_options, unlocked
from workstation.cli.secrets_input import secret
from workstation.errors import ExitCode, InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup", parents=[database_options(), reviewer_options()],
        help="write the database and its key file together as one encrypted file",
        description="Copy the database (SQLite's backup API, while unlocked) and its key file, "
        "as one file encrypted with a backup passphrase (docs/backup-format.md). FILE must not exist.",
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FILE")
    backup.add_argument("--backup-passphrase-file", type=Path, metavar="FILE",
                        help="read the backup passphrase from the first line of FILE instead of a prompt")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", parents=[database_options(), reviewer_options()],
        help="restore a backup as a new database (never overwrites)",
        description="Decrypt FILE with its backup passphrase, check that the database and key "
        "file open together with a reviewer's passphrase, and place them at --db PATH, which "
        "must not exist.",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--backup-passphrase-file", type=Path, metavar="FILE",
                         help="read the backup passphrase from the first line of FILE instead of a prompt")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    backup_passphrase = secret(args.backup_passphrase_file, "Backup passphrase (new): ", confirm=True,
                               what="backup passphrase")
    with unlocked(args) as session:
        result = make_backup(session, args.out, backup_passphrase)
    print(f"Wrote the backup to {result.out} ({result.bytes} bytes, audit entries up to "
          f"{result.audit_seq}).")
    print(f"SHA-256: {result.sha256}")
    return ExitCode.OK


def run_restore(args: argparse.Namespace) -> int:
    if args.db is None:
        raise InputError("Say where to restore the database: --db PATH (a file that does not exist).")
    target = database_path(args)
    backup_passphrase = secret(args.backup_passphrase_file, "Backup passphrase: ", what="backup passphrase")
    if not args.reviewer:
        raise InputError("Say which reviewer checks the restored database: --reviewer NAME.")
    passphrase = secret(args.passphrase_file, f"Passphrase for {args.reviewer}: ")
    result = restore_backup(args.file, target, backup_passphrase, args.reviewer, passphrase)
    print(f"Restored {result.db} (backup made {result.created_at}, audit entries up to "
          f"{result.audit_seq}); it opens with its reviewers' passphrases.")
    return ExitCode.OK
