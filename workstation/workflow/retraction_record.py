"""The signed record of a retraction (made by export/retraction.py), and its check in
`audit verify`: the statement is rebuilt from the audit entry and its signature verified
with the key it names, which must be a reviewer's key in the roster."""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from workstation.keys import signing
from workstation.store.database import Database

STATEMENT = "near-miss retraction"
ACTION = "export.retraction"


def statement(publication_id: str, retracted_at: str, reason_sha256: str, key_id: str) -> bytes:
    return rfc8785.dumps({"statement": STATEMENT, "version": 1, "publication_id": publication_id,
                          "retracted_at": retracted_at, "reason_sha256": reason_sha256, "key_id": key_id})


def verify_record(payload: dict[str, Any]) -> bool:
    """Whether a retraction's audit payload carries a valid signature by the key it names."""
    try:
        public = bytes.fromhex(payload["public_key"])
        signed = statement(payload["publication"], payload["retracted_at"], payload["reason_sha256"],
                           payload["key_id"])
        return signing.key_id(public) == payload["key_id"] and signing.verify(
            public, bytes.fromhex(payload["signature"]), signed)
    except (KeyError, TypeError, ValueError):
        return False


def retraction_problems(db: Database) -> list[str]:
    """One line per retraction whose signature does not verify or whose key is not a reviewer's."""
    keys = {bytes(row[0]).hex() for row in db.query("SELECT public_key FROM reviewer_keys")}
    problems = []
    for seq, obj, payload in db.query("SELECT seq, object, payload FROM audit WHERE action = ? ORDER BY seq",
                                      (ACTION,)):
        data = json.loads(payload)
        if not verify_record(data):
            problems.append(f"the retraction of {obj} (audit entry {seq}) does not verify")
        elif data["public_key"] not in keys:
            problems.append(f"the retraction of {obj} (audit entry {seq}) is signed by a key not in "
                            "the roster")
    return problems


def retraction_count(db: Database) -> int:
    return int(db.query_row("SELECT count(*) FROM audit WHERE action = ?", (ACTION,))[0])
