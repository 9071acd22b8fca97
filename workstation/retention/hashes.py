"""The keys of the hashes that stand for destroyed words.

Once a report's original text is destroyed, the leak guard still has to recognise the
strings reviewers redacted in it, and a report linked to its incident later still has to
number the same person alike. Both are kept as HMAC-SHA256 under keys of this database,
never as the words.

The keys come from a 32-byte random secret held in the encrypted database (meta
`needle_secret`), made by the first purge: only an unlocked session can read it, it is
never logged or exported, and it goes into backups with the rest of the database. Each use
has its own key, derived from the secret with HKDF-SHA256 (salt: the database id; info:
the use), so a hash of one kind cannot be compared with one of another kind, nor with a
hash made in another database. The secret is neither the data key (which a re-key replaces)
nor the age identity (which `intake rotate` replaces): a keyed hash cannot be re-computed
without the words, so its key must live as long as the database.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workstation.errors import DamagedError
from workstation.review.placeholders import normalise_value
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.text.needles import DIGEST_BYTES

SECRET_META = "needle_secret"
NEEDLE_INFO = b"near-miss-workstation/retention/leak-guard-needles/v1"
BOOK_INFO = b"near-miss-workstation/retention/placeholder-book/v1"


def _derive(secret_hex: str, database_id: str, info: bytes) -> bytes:
    secret = bytearray(bytes.fromhex(secret_hex))
    try:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=database_id.encode("utf-8"),
                    info=info).derive(bytes(secret))
    finally:
        secret[:] = bytes(len(secret))


def _secret(db: Database) -> str | None:
    value = db.meta(SECRET_META)
    if value is not None and len(value) != 64:
        raise DamagedError("The database's needle secret is damaged; restore the database from a backup.")
    return value


def needle_key(db: Database) -> bytes | None:
    """The leak guard's hash key, or None before the first purge."""
    secret = _secret(db)
    return None if secret is None else _derive(secret, db.meta("database_id") or "", NEEDLE_INFO)


def book_key(db: Database) -> bytes | None:
    """The key of the placeholder book's hashed values, or None before the first purge."""
    secret = _secret(db)
    return None if secret is None else _derive(secret, db.meta("database_id") or "", BOOK_INFO)


def ensure_secret(tx: Transaction, db: Database) -> None:
    """Make the secret, inside the purge's transaction, if this database has none yet."""
    if _secret(db) is None:
        tx.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (SECRET_META, os.urandom(32).hex()))


def book_digest(key: bytes, value: str) -> bytes:
    """A placeholder book's value, as the book compares it (normalised), hashed."""
    return hmac.digest(key, normalise_value(value).encode("utf-8"), hashlib.sha256)[:DIGEST_BYTES]
