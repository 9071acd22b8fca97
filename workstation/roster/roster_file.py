"""Carrying the roster between laptops, so a signature made on one can be verified on
another: a reviewer's public key file, the whole roster as a file, and its import.

The roster file is JSON: {"format": "near-miss-roster", "version": 1, "reviewers":
[{"name", "display_name", "active", "keys": [{"public_key": "ed25519:<hex>", "created_at",
"retired_at"}]}]}. Public keys only: nothing in it is secret.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import FileSystemError, InputError
from workstation.intake.strict_json import read_small_json
from workstation.roster.reviewers import check_reviewer_name, find_reviewer
from workstation.session import Session
from workstation.store.database import Database
from workstation.store.transaction import Transaction, inserted_id

FORMAT = "near-miss-roster"
PREFIX = "ed25519:"
MAX_ROSTER_BYTES = 1024 * 1024


def roster_document(db: Database) -> dict[str, Any]:
    reviewers = []
    for rid, name, display, active in db.query(
            "SELECT id, name, display_name, active FROM reviewers ORDER BY name"):
        keys = [{"public_key": PREFIX + bytes(k).hex(), "created_at": c, "retired_at": r}
                for k, c, r in db.query("SELECT public_key, created_at, retired_at FROM reviewer_keys "
                                        "WHERE reviewer_id = ? ORDER BY id", (rid,))]
        reviewers.append({"name": name, "display_name": display, "active": bool(active), "keys": keys})
    return {"format": FORMAT, "version": 1, "reviewers": reviewers}


def public_key_line(db: Database, name: str) -> str:
    """One reviewer's current public key, as `ed25519:<hex>` (for `reviewer export-key`)."""
    reviewer = find_reviewer(db, name)
    if reviewer is None or reviewer.public_key is None:
        raise InputError(f"There is no reviewer named {name!r} with a signing key.")
    return PREFIX + reviewer.public_key.hex()


def write_roster(db: Database, path: Path) -> int:
    document = roster_document(db)
    try:
        with Path(path).open("x", encoding="utf-8") as handle:
            json.dump(document, handle, indent=2)
            handle.write("\n")
    except FileExistsError:
        raise FileSystemError(f"{path} already exists; choose another file name.") from None
    except OSError as exc:
        raise FileSystemError(f"cannot write {path}: {exc.strerror or exc}") from None
    return len(document["reviewers"])


def _parse_key(text: Any) -> bytes:
    if not (isinstance(text, str) and text.startswith(PREFIX) and len(text) == len(PREFIX) + 64):
        raise InputError("The roster file has a key that is not 'ed25519:' + 64 hex digits.")
    try:
        return bytes.fromhex(text[len(PREFIX):])
    except ValueError:
        raise InputError("The roster file has a key that is not 'ed25519:' + 64 hex digits.") from None


def import_roster(session: Session, path: Path) -> dict[str, int]:
    """Add the reviewers and keys this database does not know, for verification only:
    imported reviewers are inactive here (they have no passphrase slot on this laptop),
    and keys new to a known reviewer are added as retired. Nothing is removed."""
    document = read_small_json(path, MAX_ROSTER_BYTES, "roster file")
    if not (isinstance(document, dict) and document.get("format") == FORMAT and document.get("version") == 1
            and isinstance(document.get("reviewers"), list)):
        raise InputError("This is not a roster file (format near-miss-roster, version 1).")
    counts = {"reviewers": 0, "keys": 0}

    def change(tx: Transaction) -> None:
        for entry in document["reviewers"]:
            if not isinstance(entry, dict) or not isinstance(entry.get("keys"), list):
                raise InputError("The roster file has a reviewer entry without keys.")
            name = check_reviewer_name(str(entry.get("name", "")))
            keys = [(_parse_key(k.get("public_key")), str(k.get("created_at") or utc_now()))
                    for k in entry["keys"] if isinstance(k, dict)]
            row = tx.execute("SELECT id FROM reviewers WHERE name = ?", (name,)).fetchone()
            if row is None:
                display = str(entry.get("display_name", ""))[:80]
                reviewer_id = inserted_id(tx.execute(
                    "INSERT INTO reviewers(name, display_name, created_at, active) VALUES (?, ?, ?, 0)",
                    (name, display, utc_now())))
                counts["reviewers"] += 1
            else:
                reviewer_id = int(row[0])
            for public, created in keys:
                if tx.execute("SELECT 1 FROM reviewer_keys WHERE public_key = ?", (public,)).fetchone():
                    continue
                tx.execute("INSERT INTO reviewer_keys(reviewer_id, public_key, created_at, retired_at) "
                           "VALUES (?, ?, ?, ?)", (reviewer_id, public, created, utc_now()))
                counts["keys"] += 1
        chain.append(tx, actor=session.reviewer, action="roster.import", obj="roster", payload=counts)

    session.commit_roster_change(change)
    return counts

