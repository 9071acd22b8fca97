"""Withdrawing a published report when a leak is found after publication.

`retract` moves the report back to stage 1 (both sign-offs stale, the reason as its note),
and records in the audit chain a statement signed by the reviewer who retracts it: the
publication id, the time, the SHA-256 of the reason (the reason itself stays in the
encrypted database only) and the key id. The next publication batch carries
`retractions.json` (publication ids and dates, no reasons), listed and hashed in the batch's
signed manifest, so whoever hosts the library removes those reports. Once corrected and
signed through both stages again, a report is republished under a new publication id.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.keys import signing
from workstation.session import Session
from workstation.stages import check_move, report_stage
from workstation.store.database import Database
from workstation.workflow import moves
from workstation.workflow.retraction_record import statement

FORMAT = "near-miss-retractions"
MIN_REASON = 10


@dataclass(frozen=True)
class Retraction:
    publication_id: str
    retracted_at: str  # UTC timestamp
    key_id: str
    signature: str  # hex, over the RFC 8785 statement


def retract(session: Session, report_id: int, reason: str, passphrase: str) -> Retraction:
    """Withdraw a published report (see the module's description)."""
    from workstation.export.publication import exporter_key

    db = session.db
    publication_id = retractable(session, report_id)
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise InputError("Write why the report is retracted (what leaked, in a few words); "
                         "the reason stays in this database and is not published.")
    seed, public = exporter_key(session, passphrase)
    try:
        retracted_at = utc_now()
        key = signing.key_id(public)
        reason_sha256 = hashlib.sha256(reason.encode("utf-8")).hexdigest()
        signature = signing.sign(seed, statement(publication_id, retracted_at, reason_sha256, key)).hex()
    finally:
        seed[:] = bytes(len(seed))
    with db.transaction() as tx:
        moves.mark_retracted(tx, session.reviewer, report_id, reason, {
            "publication": publication_id, "retracted_at": retracted_at, "reason_sha256": reason_sha256,
            "key_id": key, "public_key": public.hex(), "signature": signature})
    session.note_chain_head()
    return Retraction(publication_id, retracted_at, key, signature)


def retractions(db: Database) -> list[Retraction]:
    """Every retraction made, oldest first."""
    found = []
    for (payload,) in db.query("SELECT payload FROM audit WHERE action = 'export.retraction' ORDER BY seq"):
        data = json.loads(payload)
        found.append(Retraction(data["publication"], data["retracted_at"], data["key_id"], data["signature"]))
    return found


def carried(db: Database) -> set[str]:
    """Publication ids whose retraction a publication batch has already carried."""
    found: set[str] = set()
    for (payload,) in db.query("SELECT payload FROM audit WHERE action = 'export.publication'"):
        found.update(json.loads(payload).get("retractions", []))
    return found


def pending(db: Database) -> list[Retraction]:
    """Retractions no batch has carried yet (a batch may then hold only them)."""
    done = carried(db)
    return [r for r in retractions(db) if r.publication_id not in done]


def retractions_document(db: Database) -> dict[str, Any] | None:
    """retractions.json for a batch: every retraction ever made (a host that missed a batch
    still learns of it), publication ids and dates only; None when there is none."""
    listed = retractions(db)
    if not listed:
        return None
    return {"format": FORMAT, "version": 1,
            "retractions": [{"publication_id": r.publication_id, "retracted_on": r.retracted_at[:10]}
                            for r in listed]}


def retractable(session: Session, report_id: int) -> str:
    """The publication id of a report that may be retracted; InputError saying why not."""
    from workstation.export.publication import publication_ids

    check_move("retract", report_stage(session.db, report_id))
    publication_id = publication_ids(session.db).get(report_id)
    if publication_id is None:
        raise InputError(f"Report {report_id} has no publication id: it was never published by an export.")
    return publication_id
