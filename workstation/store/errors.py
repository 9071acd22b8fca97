"""Turning SQLite/SQLCipher failures into plain-worded WorkstationErrors."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from workstation.errors import DamagedError, FileSystemError, WorkstationError


def translate(exc: BaseException, path: Path) -> WorkstationError | None:
    """The user-facing error for an SQLite failure caused by the environment, or None for a bug."""
    if not isinstance(exc, sqlcipher3.dbapi2.DatabaseError):
        return None
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return FileSystemError(
            f"The disk holding {path} is full. The change was not saved; "
            "the database is as it was. Free some space and try again."
        )
    if "readonly" in text or "read-only" in text or "unable to open database file" in text:
        return FileSystemError(
            f"The workstation cannot write in the folder {path.parent}. "
            "It needs to write next to its database: check the folder's permissions "
            "or move the database to a writable folder."
        )
    if "malformed" in text or "hmac" in text or "not a database" in text:
        return DamagedError(
            f"The database {path} is damaged or has been tampered with "
            "(its pages fail their integrity check). Restore it from a backup."
        )
    if "disk i/o error" in text:
        return FileSystemError(f"The disk reported an error while reading or writing {path}.")
    return None
