"""Enrolment: a reviewer's laptop and the coordinator learn each other's keys.

The laptop writes an enrolment file (its owner's name, the laptop's age recipient, the
owner's Ed25519 public key), signed with that key; the coordinator writes a key file (its
packet-signing key and age recipient), signed the same way. Each side accepts the other's
file only with its fingerprint, compared by a person over the phone or face to face.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rfc8785

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import FileSystemError, InputError
from workstation.exchange import roles
from workstation.exchange.container import key_text, parse_key
from workstation.intake.strict_json import read_small_json
from workstation.intake.trust import workstation_recipient
from workstation.keys import signing
from workstation.roster.reviewers import add_signing_key, check_reviewer_name, find_reviewer, insert_reviewer
from workstation.session import Session
from workstation.store.database import Database
from workstation.store.transaction import Transaction

ENROLMENT = "near-miss-panel-enrolment"
COORDINATOR_KEY = "near-miss-panel-coordinator"
VERSION = 1
MAX_FILE = 64 * 1024
FINGERPRINT_HEX = 20  # 80 bits: five groups of four to read aloud
SEED_META = "panel_signing_seed"
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")


@dataclass(frozen=True)
class KeyDocument:
    fields: dict[str, Any]
    fingerprint: str


def fingerprint(document: dict[str, Any]) -> str:
    return hashlib.sha256(rfc8785.dumps(document)).hexdigest()[:FINGERPRINT_HEX]


def _write(path: Path, document: dict[str, Any], seed: bytes | bytearray) -> str:
    signature = signing.sign(seed, rfc8785.dumps(document)).hex()
    text = json.dumps({"document": document, "signature": signature}, indent=2) + "\n"
    try:
        with Path(path).open("x", encoding="ascii") as handle:
            handle.write(text)
    except FileExistsError:
        raise FileSystemError(f"{path} already exists; choose another file name.") from None
    except OSError as exc:
        raise FileSystemError(f"cannot write {path}: {exc.strerror or exc}") from None
    return fingerprint(document)


def _read(path: Path, kind: str, given: str) -> KeyDocument:
    """The file's document, after its signature and the fingerprint a person read out."""
    outer = read_small_json(path, MAX_FILE, "key file")
    document = outer.get("document") if isinstance(outer, dict) else None
    if (
        not isinstance(document, dict)
        or set(outer) != {"document", "signature"}
        or document.get("format") != kind
    ):
        raise InputError(f"This is not a {kind} file.")
    if document.get("version") != VERSION:
        raise InputError(
            f"The {kind} file has version {document.get('version')!r}; this program reads version {VERSION}."
        )
    public = parse_key(document.get("public_key"), "The file's public key")
    try:
        signature = bytes.fromhex(str(outer["signature"]))
    except ValueError:
        signature = b""
    if not signing.verify(public, signature, rfc8785.dumps(document)):
        raise InputError("The key file's signature does not verify: it was altered.")
    if not isinstance(document.get("recipient"), str) or not _RECIPIENT.fullmatch(document["recipient"]):
        raise InputError("The key file's age recipient is not one (age1...).")
    expected = fingerprint(document)
    if re.sub(r"[\s:-]", "", given).lower() != expected:
        raise InputError(
            "The fingerprint does not match the file: do not use it. Compare the "
            "fingerprint with its owner again, in person or by phone."
        )
    return KeyDocument(document, expected)


# ----- the reviewer's laptop ------------------------------------------------------------------


def write_enrolment(session: Session, path: Path, passphrase: str) -> str:
    """The laptop's enrolment file; returns its fingerprint."""
    roles.require(session.db, roles.REVIEWER, "Writing an enrolment file")
    reviewer = find_reviewer(session.db, session.reviewer)
    assert reviewer is not None and reviewer.public_key is not None
    document = {
        "format": ENROLMENT,
        "version": VERSION,
        "name": reviewer.name,
        "display_name": reviewer.display_name,
        "recipient": workstation_recipient(session.db),
        "public_key": key_text(reviewer.public_key),
        "database_id": session.db.meta("database_id"),
        "created_at": utc_now(),
    }
    seed = session.signing_seed(passphrase)
    try:
        printed = _write(path, document, seed)
    finally:
        seed[:] = bytes(len(seed))
    with session.audited("panel.enrolment", f"reviewer:{reviewer.id}", {"fingerprint": printed}):
        pass
    return printed


def trust_coordinator(session: Session, path: Path, given: str) -> str:
    roles.require(session.db, roles.REVIEWER, "Trusting a coordinator")
    found = _read(path, COORDINATOR_KEY, given)
    public = parse_key(found.fields["public_key"], "The coordinator key")
    if session.db.query_one("SELECT 1 FROM panel_coordinators WHERE public_key = ?", (public,)):
        raise InputError("This coordinator key is already trusted.")
    now = utc_now()
    with session.audited(
        "panel.trust", f"coordinator:{signing.key_id(public)}", {"fingerprint": found.fingerprint}
    ) as tx:
        tx.execute("UPDATE panel_coordinators SET retired_at = ? WHERE retired_at IS NULL", (now,))
        tx.execute(
            "INSERT INTO panel_coordinators(public_key, recipient, database_id, fingerprint, trusted_at, "
            "trusted_by) VALUES (?, ?, ?, ?, ?, ?)",
            (
                public,
                found.fields["recipient"],
                str(found.fields.get("database_id", "")),
                found.fingerprint,
                now,
                session.reviewer,
            ),
        )
        # Reports on the laptop name their source like imported ones do (reports -> bundles ->
        # intake_keys); a reviewer's laptop never imports intake bundles (importer refuses).
        if not tx.execute("SELECT 1 FROM intake_keys WHERE public_key = ?", (public,)).fetchone():
            tx.execute(
                "INSERT INTO intake_keys(public_key, label, trusted_at, trusted_by) VALUES (?, ?, ?, ?)",
                (public, "coordinator (work packets)", now, session.reviewer),
            )
    return found.fingerprint


def coordinator_keys(db: Database, *, current_only: bool = True) -> list[tuple[bytes, str]]:
    where = " WHERE retired_at IS NULL" if current_only else ""
    return [
        (bytes(k), r)
        for k, r in db.query("SELECT public_key, recipient FROM panel_coordinators" + where + " ORDER BY id")
    ]


# ----- the coordinator ------------------------------------------------------------------------


def coordinator_seed(session: Session) -> bytearray:
    """The coordinator's packet-signing key (made on first use, kept in the encrypted database)."""
    roles.require(session.db, roles.COORDINATOR, "Signing work packets")
    held = session.db.meta(SEED_META)
    if held is None:
        seed = signing.new_signing_seed()
        with session.audited(
            "panel.coordinator_key", "database", {"key_id": signing.key_id(signing.public_key_of(seed))}
        ) as tx:
            tx.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (SEED_META, bytes(seed).hex()))
        return seed
    return bytearray(bytes.fromhex(held))


def write_coordinator_key(session: Session, path: Path) -> str:
    seed = coordinator_seed(session)
    try:
        document = {
            "format": COORDINATOR_KEY,
            "version": VERSION,
            "public_key": key_text(signing.public_key_of(seed)),
            "recipient": workstation_recipient(session.db),
            "database_id": session.db.meta("database_id"),
            "created_at": utc_now(),
        }
        return _write(path, document, seed)
    finally:
        seed[:] = bytes(len(seed))


@dataclass(frozen=True)
class Laptop:
    reviewer: str
    recipient: str
    public_key: bytes
    fingerprint: str
    enrolled_at: str
    retired_at: str | None

    @property
    def key_id(self) -> str:
        return signing.key_id(self.public_key)


def laptops(db: Database) -> list[Laptop]:
    return [
        Laptop(r[0], r[1], bytes(r[2]), r[3], r[4], r[5])
        for r in db.query(
            "SELECT reviewer, recipient, public_key, fingerprint, enrolled_at, retired_at FROM panel_laptops "
            "ORDER BY reviewer, id"
        )
    ]


def current_laptop(db: Database, reviewer: str) -> Laptop:
    found = [lap for lap in laptops(db) if lap.reviewer == reviewer and lap.retired_at is None]
    if not found:
        raise InputError(f"{reviewer} has no enrolled laptop (workstation panel enrol).")
    return found[0]


def enrol(session: Session, path: Path, given: str) -> Laptop:
    """Accept a laptop's enrolment: its owner becomes (or stays) a reviewer here whose current
    key is the laptop's; an earlier laptop's key is retired (its signatures stay valid)."""
    roles.require(session.db, roles.COORDINATOR, "Enrolling a reviewer's laptop")
    found = _read(path, ENROLMENT, given)
    fields = found.fields
    name = check_reviewer_name(str(fields.get("name", "")))
    public = parse_key(fields["public_key"], "The enrolment's public key")
    if session.keyfile.has_reviewer(name):
        raise InputError(
            f"{name} works on this workstation with a passphrase of their own; a laptop is "
            "enrolled for a reviewer who works only on their laptop."
        )
    if session.db.query_one("SELECT 1 FROM reviewer_keys WHERE public_key = ?", (public,)):
        raise InputError("This laptop key is already known here (enrolled before).")
    existing = find_reviewer(session.db, name)
    if existing is not None and not existing.active:
        raise InputError(f"Reviewer {name} has been deactivated; activate them before enrolling a laptop.")
    now = utc_now()

    def change(tx: Transaction) -> None:
        if existing is None:
            reviewer_id = insert_reviewer(tx, name, str(fields.get("display_name", ""))[:80], public)
        else:
            reviewer_id = existing.id
            add_signing_key(tx, reviewer_id, public)
        tx.execute(
            "UPDATE panel_laptops SET retired_at = ? WHERE reviewer = ? AND retired_at IS NULL", (now, name)
        )
        tx.execute(
            "INSERT INTO panel_laptops(reviewer, recipient, public_key, fingerprint, enrolled_at, "
            "enrolled_by) VALUES (?, ?, ?, ?, ?, ?)",
            (name, fields["recipient"], public, found.fingerprint, now, session.reviewer),
        )
        chain.append(
            tx,
            actor=session.reviewer,
            action="panel.enrol",
            obj=f"reviewer:{reviewer_id}",
            payload={"key_id": signing.key_id(public), "fingerprint": found.fingerprint},
        )

    session.commit_roster_change(change)
    return current_laptop(session.db, name)
