"""The conflict queue (coordinator): returned commands that were not merged because the
report changed here, or was revoked or re-assigned. Staff apply them or discard them with
a reason; nothing is overwritten and nothing is lost."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import rfc8785

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.exchange import roles
from workstation.exchange.merge import LaptopScan
from workstation.session import Session
from workstation.workflow.apply import apply_all, find_report
from workstation.workflow.commands import command_from_dict
from workstation.workflow.history import history_bodies

MIN_REASON = 5


@dataclass(frozen=True)
class Conflict:
    id: int
    assignment_id: str
    submission_id: str
    report_id: int
    reason: str
    theirs: tuple[dict, ...]  # the return's commands
    ours: tuple[dict, ...]  # what was applied here since the assignment
    created_at: str
    resolution: str | None
    note: str | None


def conflicts(session: Session, *, open_only: bool = True) -> list[Conflict]:
    db = session.db
    found = []
    where = " WHERE resolved_at IS NULL" if open_only else ""
    for row in db.query(
        "SELECT id, assignment_id, submission_id, reason, commands, created_at, resolution, note "
        "FROM work_conflicts" + where + " ORDER BY id"
    ):
        report_id = find_report(db, row["submission_id"])
        base = db.query_one(
            "SELECT w.base_history FROM work_reports w JOIN work_assignments a ON a.id = "
            "w.assignment_ref WHERE a.assignment_id = ? AND w.submission_id = ?",
            (row["assignment_id"], row["submission_id"]),
        )
        bodies = [json.loads(b) for b in history_bodies(db, report_id)]
        ours = tuple(_since(bodies, base[0] if base else ""))
        found.append(
            Conflict(
                row["id"],
                row["assignment_id"],
                row["submission_id"],
                report_id,
                row["reason"],
                tuple(json.loads(line) for line in row["commands"].splitlines()),
                ours,
                row["created_at"],
                row["resolution"],
                row["note"],
            )
        )
    return found


def _since(bodies: list[dict], base_history: str) -> list[dict]:
    """The commands after the prefix whose history hash is `base_history`."""
    digest = hashlib.sha256()
    if digest.hexdigest() == base_history:
        return bodies
    for index, body in enumerate(bodies):
        digest.update(rfc8785.dumps(body) + b"\n")
        if digest.hexdigest() == base_history:
            return bodies[index + 1 :]
    return bodies


def resolve(session: Session, conflict_id: int, *, apply: bool, reason: str = "") -> Conflict:
    db = session.db
    roles.require(db, roles.COORDINATOR, "Resolving a conflict")
    found = next((c for c in conflicts(session) if c.id == conflict_id), None)
    if found is None:
        raise InputError(f"There is no open conflict {conflict_id}.")
    reason = " ".join(reason.split())
    if not apply and len(reason) < MIN_REASON:
        raise InputError("Say why the returned work is discarded (a reason of a few words).")
    with db.transaction() as tx:
        if apply:
            commands = [command_from_dict(c) for c in found.theirs]
            new = [
                c
                for c in commands
                if not tx.execute(
                    "SELECT 1 FROM review_commands WHERE command_id = ?", (c.command_id,)
                ).fetchone()
            ]
            apply_all(
                session, new, analyser=LaptopScan(), replay=True, evidence=lambda c: {"conflict": conflict_id}
            )
        tx.execute(
            "UPDATE work_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ?, note = ? "
            "WHERE id = ?",
            (utc_now(), session.reviewer, "applied" if apply else "discarded", reason or None, conflict_id),
        )
        chain.append(
            tx,
            actor=session.reviewer,
            action="work.conflict_resolve",
            obj=f"report:{found.report_id}",
            payload={"conflict": conflict_id, "resolution": "applied" if apply else "discarded"},
        )
    session.note_chain_head()  # after the commit, as apply does for sign-offs
    return found
