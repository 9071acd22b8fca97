"""What the key file vouches for about its database: the roster and the audit chain's head.

The key file's HMAC (keyed from the data key) proves a key holder wrote these; the
database must agree with them at unlock. A reviewer's active flag flipped back in the
database with the raw key, a deleted `-wal` file after a crash, or pages replaced with
an older copy's each leave the database behind or beside what its key file recorded.
"""

from __future__ import annotations

from typing import Any

from workstation.audit.chain import GENESIS
from workstation.errors import DamagedError
from workstation.keys.keyfile import KeyFile
from workstation.keys.signing import key_id


def roster_of(conn: Any) -> list[dict[str, Any]]:
    """[{name, active, key_id}] of the reviewers table (`conn`: a connection or transaction)."""
    rows = conn.execute(
        "SELECT r.name, r.active, k.public_key FROM reviewers r LEFT JOIN reviewer_keys k "
        "ON k.reviewer_id = r.id AND k.retired_at IS NULL ORDER BY r.name").fetchall()
    return [{"name": str(name), "active": bool(active), "key_id": key_id(bytes(public)) if public else ""}
            for name, active, public in rows]


def head_of(conn: Any) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def stamp(keyfile: KeyFile, conn: Any, data_key: bytes | bytearray) -> None:
    """Record the roster and chain head as `conn` sees them, and authenticate with `data_key`."""
    keyfile.set_roster(roster_of(conn))
    keyfile.set_chain_head(*head_of(conn))
    keyfile.authenticate(data_key)


def holds_head(conn: Any, head: tuple[int, str]) -> bool:
    seq, digest = head
    if seq == 0:
        return True
    row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    return row is not None and row[0] == digest


def check_agreement(conn: Any, keyfile: KeyFile, path: Any) -> None:
    """DamagedError when the database is older than, or disagrees with, its key file."""
    head = keyfile.chain_head()
    if head is not None and not holds_head(conn, head):
        ends = head_of(conn)[0]
        seq = head[0]
        what = (f"its audit chain ends at entry {ends}, but the key file was written when it had reached "
                f"entry {seq}" if ends < seq else
                f"its audit entry {seq} is not the one the key file recorded")
        raise DamagedError(
            f"The database {path} is older than its key file: {what}. Committed changes are missing "
            "(a deleted or damaged -wal file after a crash, or pages copied from an older copy). "
            "Restore the database and its key file together from a backup."
        )
    recorded = keyfile.roster()
    if recorded is not None:
        held = roster_of(conn)
        if held != recorded:
            names = sorted({r["name"] for r in held} ^ {r["name"] for r in recorded}
                           | {a["name"] for a in held for b in recorded if a["name"] == b["name"] and a != b})
            raise DamagedError(
                f"The database {path} and its key file disagree about the roster (reviewer "
                f"{', '.join(names)}): the database was changed behind the workstation's back. "
                "Restore the database and its key file together from a backup."
            )
