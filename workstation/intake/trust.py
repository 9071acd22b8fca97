"""This workstation's age identity, and the intake keys it trusts to sign bundles."""

from __future__ import annotations

from dataclasses import dataclass

import pyrage

from workstation.clock import utc_now
from workstation.errors import InputError, WorkstationError
from workstation.intake.bundle_format import format_intake_key
from workstation.keys.signing import key_id
from workstation.session import Session
from workstation.store.database import Database


@dataclass(frozen=True)
class TrustedIntakeKey:
    id: int
    public_key: bytes
    label: str
    trusted_at: str
    trusted_by: str

    @property
    def text(self) -> str:
        return format_intake_key(self.public_key)


def workstation_recipient(db: Database) -> str:
    recipient = db.meta("age_recipient")
    if not recipient:
        raise WorkstationError("This database has no age identity; it cannot receive bundles.")
    return recipient


def workstation_identity(db: Database) -> pyrage.x25519.Identity:
    secret = db.meta("age_identity")
    if not secret:
        raise WorkstationError("This database has no age identity; it cannot receive bundles.")
    return pyrage.x25519.Identity.from_str(secret)


def trusted_intake_keys(db: Database) -> list[TrustedIntakeKey]:
    return [
        TrustedIntakeKey(r["id"], bytes(r["public_key"]), r["label"], r["trusted_at"], r["trusted_by"])
        for r in db.query(
            "SELECT id, public_key, label, trusted_at, trusted_by FROM intake_keys ORDER BY id"
        )
    ]


def trust_intake_key(session: Session, public_key: bytes, *, label: str = "") -> TrustedIntakeKey:
    """Accept bundles signed with `public_key` from now on (audited)."""
    if any(k.public_key == public_key for k in trusted_intake_keys(session.db)):
        raise InputError(f"The intake key {key_id(public_key)} is already trusted.")
    now = utc_now()
    with session.audited("intake.trust", f"intake_key:{key_id(public_key)}") as tx:
        cursor = tx.execute(
            "INSERT INTO intake_keys(public_key, label, trusted_at, trusted_by) VALUES (?, ?, ?, ?)",
            (public_key, label[:80], now, session.reviewer),
        )
    return TrustedIntakeKey(int(cursor.lastrowid), public_key, label[:80], now, session.reviewer)
