"""The review panel's roster: reviewers and the public halves of their signing keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.keys.signing import key_id
from workstation.store.database import Database
from workstation.store.transaction import Transaction, inserted_id

NAME_PATTERN = re.compile(r"[a-z][a-z0-9._-]{1,31}")


@dataclass(frozen=True)
class Reviewer:
    id: int
    name: str
    display_name: str
    active: bool
    created_at: str
    public_key: bytes | None

    @property
    def key_id(self) -> str:
        return key_id(self.public_key) if self.public_key else ""


def check_reviewer_name(name: str) -> str:
    if not NAME_PATTERN.fullmatch(name):
        raise InputError(
            f"{name!r} is not a usable reviewer name: use 2-32 lower-case letters, digits, "
            "dots, hyphens or underscores, starting with a letter (for example 'jsmith')."
        )
    return name


def insert_reviewer(tx: Transaction, name: str, display_name: str, public_key: bytes) -> int:
    cursor = tx.execute(
        "INSERT INTO reviewers(name, display_name, created_at) VALUES (?, ?, ?)",
        (name, display_name, utc_now()),
    )
    reviewer_id = inserted_id(cursor)
    add_signing_key(tx, reviewer_id, public_key)
    return reviewer_id


def add_signing_key(tx: Transaction, reviewer_id: int, public_key: bytes) -> None:
    """Retire the reviewer's current key (if any) and make `public_key` current."""
    now = utc_now()
    tx.execute(
        "UPDATE reviewer_keys SET retired_at = ? WHERE reviewer_id = ? AND retired_at IS NULL",
        (now, reviewer_id),
    )
    tx.execute(
        "INSERT INTO reviewer_keys(reviewer_id, public_key, created_at) VALUES (?, ?, ?)",
        (reviewer_id, public_key, now),
    )


_SELECT = (
    "SELECT r.id, r.name, r.display_name, r.active, r.created_at, k.public_key "
    "FROM reviewers r LEFT JOIN reviewer_keys k "
    "ON k.reviewer_id = r.id AND k.retired_at IS NULL"
)


def _from_row(row: Any) -> Reviewer:
    return Reviewer(
        row["id"], row["name"], row["display_name"], bool(row["active"]), row["created_at"],
        None if row["public_key"] is None else bytes(row["public_key"]),
    )


def list_reviewers(db: Database) -> list[Reviewer]:
    return [_from_row(r) for r in db.query(_SELECT + " ORDER BY r.name")]


def find_reviewer(db: Database, name: str) -> Reviewer | None:
    row = db.query_one(_SELECT + " WHERE r.name = ?", (name,))
    return None if row is None else _from_row(row)
