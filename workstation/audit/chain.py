"""The audit chain: an append-only log in which each entry hashes the one before it.

hash = SHA-256 of the RFC 8785 canonical JSON of
{seq, at, actor, action, object, payload, prev}; the first entry's prev is 64 zeros.
Editing, deleting or reordering an entry breaks the chain from that entry on. The table's
triggers refuse UPDATE and DELETE; verify() catches changes made behind their back.
Payloads hold ids, counts and hashes only, never report text or identifiers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import rfc8785

from workstation.clock import utc_now
from workstation.store.database import Database
from workstation.store.transaction import Transaction

GENESIS = "0" * 64
MAX_PAYLOAD_STRING = 128  # long strings in a payload smell of report text


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    object: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Verification:
    entries: int
    head: str
    first_broken: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def entry_hash(
    seq: int, at: str, actor: str, action: str, obj: str, payload: Any, prev: str
) -> str:
    body = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "object": obj,
        "payload": payload,
        "prev": prev,
    }
    return hashlib.sha256(rfc8785.dumps(body)).hexdigest()


def append(
    tx: Transaction, *, actor: str, action: str, obj: str = "", payload: dict[str, Any] | None = None
) -> AuditEntry:
    """Add an entry, inside the caller's transaction (`tx` from Database.transaction())."""
    payload = dict(payload or {})
    _check_payload(payload)
    last = tx.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (1, GENESIS) if last is None else (last[0] + 1, last[1])
    at = utc_now()
    digest = entry_hash(seq, at, actor, action, obj, payload, prev)
    tx.execute(
        "INSERT INTO audit(seq, at, actor, action, object, payload, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, action, obj, rfc8785.dumps(payload).decode("utf-8"), prev, digest),
    )
    return AuditEntry(seq, at, actor, action, obj, payload, prev, digest)


def _check_payload(payload: dict[str, Any]) -> None:
    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            if len(value) > MAX_PAYLOAD_STRING:
                raise ValueError("audit payloads hold ids, counts and hashes, not text")
        elif not isinstance(value, int | float | bool | type(None)):
            raise TypeError(f"audit payload values must be JSON scalars, not {type(value)}")

    walk(payload)


def verify(db: Database) -> Verification:
    """Recompute the chain and name the first entry that does not fit."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    for row in db.query(
        "SELECT seq, at, actor, action, object, payload, prev_hash, hash FROM audit ORDER BY seq"
    ):
        seq = row["seq"]
        if seq != expected_seq:
            return Verification(count, prev, expected_seq, f"entry {expected_seq} is missing")
        if row["prev_hash"] != prev:
            return Verification(count, prev, seq, f"entry {seq} does not follow entry {seq - 1}")
        try:
            payload = json.loads(row["payload"])
        except ValueError:
            return Verification(count, prev, seq, f"entry {seq} has an unreadable payload")
        digest = entry_hash(
            seq, row["at"], row["actor"], row["action"], row["object"], payload, prev
        )
        if digest != row["hash"]:
            return Verification(count, prev, seq, f"entry {seq} was changed after it was written")
        prev = row["hash"]
        expected_seq += 1
        count += 1
    return Verification(count, prev)


def head(db: Database) -> tuple[int, str]:
    """The last entry's number and hash (print it on exports to anchor the chain)."""
    row = db.query_one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
    return (0, GENESIS) if row is None else (row["seq"], row["hash"])


def entries(db: Database, *, limit: int = 100) -> list[AuditEntry]:
    rows = db.query(
        "SELECT seq, at, actor, action, object, payload, prev_hash, hash "
        "FROM audit ORDER BY seq DESC LIMIT ?",
        (limit,),
    )
    return [
        AuditEntry(
            r["seq"], r["at"], r["actor"], r["action"], r["object"],
            json.loads(r["payload"]), r["prev_hash"], r["hash"],
        )
        for r in reversed(rows)
    ]
