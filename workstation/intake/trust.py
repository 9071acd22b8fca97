"""This workstation's age identity, and the intake keys it trusts to sign bundles.

Both can be withdrawn. `untrust_intake_key`: bundles signed by that key are refused from
then on (the bundles already imported stay; the audit entry names the key). A withdrawn
key is never trusted again (it may have been stolen): intake makes a new one.
`rotate_identity`: a new age identity; bundles encrypted to the old recipient still open
for ROTATION_GRACE_DAYS (intake may have made some before it heard of the new recipient),
then are refused with a message that says why. Both are kept in the meta table (inside
the encrypted database) as small JSON documents: `intake_keys_withdrawn` and
`age_identities_retired`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pyrage

from workstation.clock import utc_now
from workstation.errors import InputError, WorkstationError
from workstation.intake.bundle_format import format_intake_key
from workstation.keys.signing import key_id
from workstation.session import Session
from workstation.store.database import Database
from workstation.store.transaction import Transaction

WITHDRAWN = "intake_keys_withdrawn"  # meta: {public key hex: {"at", "by"}}
RETIRED = "age_identities_retired"  # meta: [{"identity", "recipient", "retired_at", "until", "by"}]
ROTATION_GRACE_DAYS = 30


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


@dataclass(frozen=True)
class RetiredIdentity:
    identity: pyrage.x25519.Identity
    recipient: str
    retired_at: str
    until: str  # bundles to it are accepted until then (UTC, ISO 8601)

    def accepted(self, now: str) -> bool:
        return now < self.until


@dataclass(frozen=True)
class Rotation:
    recipient: str  # the new one, for intake
    old_recipient: str
    until: str  # the old one is accepted until then


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


def _json_meta(db: Database, key: str, default: Any) -> Any:
    raw = db.meta(key)
    return default if not raw else json.loads(raw)


def _set_meta(tx: Transaction, key: str, value: Any) -> None:
    tx.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               (key, json.dumps(value, sort_keys=True)))


def withdrawn_intake_keys(db: Database) -> list[bytes]:
    return [bytes.fromhex(k) for k in _json_meta(db, WITHDRAWN, {})]


def trusted_intake_keys(db: Database, *, include_withdrawn: bool = False) -> list[TrustedIntakeKey]:
    withdrawn = set() if include_withdrawn else set(withdrawn_intake_keys(db))
    return [
        TrustedIntakeKey(r["id"], bytes(r["public_key"]), r["label"], r["trusted_at"], r["trusted_by"])
        for r in db.query(
            "SELECT id, public_key, label, trusted_at, trusted_by FROM intake_keys ORDER BY id"
        )
        if bytes(r["public_key"]) not in withdrawn
    ]


def trust_intake_key(session: Session, public_key: bytes, *, label: str = "") -> TrustedIntakeKey:
    """Accept bundles signed with `public_key` from now on (audited)."""
    if public_key in withdrawn_intake_keys(session.db):
        raise InputError(f"The intake key {key_id(public_key)} was withdrawn; a withdrawn key is never "
                         "trusted again. Make a new intake key (`workstation intake keygen`).")
    if any(k.public_key == public_key for k in trusted_intake_keys(session.db)):
        raise InputError(f"The intake key {key_id(public_key)} is already trusted.")
    now = utc_now()
    with session.audited("intake.trust", f"intake_key:{key_id(public_key)}") as tx:
        cursor = tx.execute(
            "INSERT INTO intake_keys(public_key, label, trusted_at, trusted_by) VALUES (?, ?, ?, ?)",
            (public_key, label[:80], now, session.reviewer),
        )
    return TrustedIntakeKey(int(cursor.lastrowid), public_key, label[:80], now, session.reviewer)


def find_intake_key(db: Database, text: str) -> TrustedIntakeKey:
    """A trusted key by its key id (as `intake list` prints it) or its `ed25519:<hex>` text."""
    wanted = text.strip().lower()
    for k in trusted_intake_keys(db, include_withdrawn=True):
        if wanted in (key_id(k.public_key), k.text.lower()):
            return k
    raise InputError(f"No trusted intake key has the id {text.strip()!r} (see `workstation intake list`).")


def untrust_intake_key(session: Session, text: str) -> TrustedIntakeKey:
    """Refuse bundles signed by this key from now on; those already imported stay (audited)."""
    found = find_intake_key(session.db, text)
    withdrawn = _json_meta(session.db, WITHDRAWN, {})
    if found.public_key.hex() in withdrawn:
        raise InputError(f"The intake key {key_id(found.public_key)} was already withdrawn.")
    withdrawn[found.public_key.hex()] = {"at": utc_now(), "by": session.reviewer}
    with session.audited("intake.untrust", f"intake_key:{key_id(found.public_key)}",
                         {"key_id": key_id(found.public_key), "label": found.label[:80]}) as tx:
        _set_meta(tx, WITHDRAWN, withdrawn)
    return found


def retired_identities(db: Database) -> list[RetiredIdentity]:
    return [RetiredIdentity(pyrage.x25519.Identity.from_str(r["identity"]), r["recipient"], r["retired_at"],
                            r["until"])
            for r in _json_meta(db, RETIRED, [])]


def rotate_identity(session: Session, *, grace_days: int = ROTATION_GRACE_DAYS) -> Rotation:
    """A new age identity for this workstation; the old one opens bundles for `grace_days`."""
    if not 0 <= grace_days <= 365:
        raise InputError("The grace period must be between 0 and 365 days.")
    db = session.db
    old_identity, old_recipient = str(workstation_identity(db)), workstation_recipient(db)
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    now = utc_now()
    later = datetime.fromisoformat(now.replace("Z", "+00:00")) + timedelta(days=grace_days)
    until = later.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    retired = _json_meta(db, RETIRED, [])
    retired.insert(0, {"identity": old_identity, "recipient": old_recipient, "retired_at": now,
                       "until": until, "by": session.reviewer})
    with session.audited("keys.rotate", "workstation:age_identity",
                         {"old_recipient": old_recipient, "new_recipient": recipient,
                          "grace_until": until}) as tx:
        _set_meta(tx, RETIRED, retired)
        _set_meta_text(tx, "age_identity", str(identity))
        _set_meta_text(tx, "age_recipient", recipient)
    return Rotation(recipient, old_recipient, until)


def _set_meta_text(tx: Transaction, key: str, value: str) -> None:
    tx.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
