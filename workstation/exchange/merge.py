"""Merging a return on the coordinator: verify it, replay each report's commands through
`apply` (one transaction for the packet), put what cannot be merged as it is into the
conflict queue, and write the signed receipt."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.exchange import roles
from workstation.exchange.bulk import roomy_cache
from workstation.exchange.container import Packet, open_packet, read_file, refuse, seal, write_packet
from workstation.exchange.enrolment import coordinator_seed, laptops
from workstation.intake.trust import workstation_identity
from workstation.session import Session
from workstation.workflow.apply import apply_all, find_report
from workstation.workflow.commands import Command, command_from_dict
from workstation.workflow.history import history_sha256
from workstation.workflow.signoff import current_signoff

CRASH_ENV = "WORKSTATION_TEST_CRASH_AT"  # tests only: kill -9 at a named step


class LaptopScan:
    """The residual scan at merge: the laptop ran the detector when signing, and the
    publication runs it again, so a merge trusts the signed work (finds nothing here)."""

    def analyze_reports(
        self, reports: Sequence[Mapping[str, str]], known_identifiers: Sequence[Sequence[str]]
    ) -> list[dict[str, list[Any]]]:
        return [{} for _ in reports]


@dataclass
class Merged:
    packet_id: str
    assignment_id: str
    sequence: int
    late: bool
    outcomes: dict[str, str] = field(default_factory=dict)  # submission id -> merged status or "conflict"
    applied: int = 0
    skipped: int = 0  # commands merged before


def _step(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _open(session: Session, path: Path) -> tuple[Packet, Any, str]:
    db = session.db
    roles.require(db, roles.COORDINATOR, "Merging a return")
    enrolled = laptops(db)
    current = {lap.public_key: lap.reviewer for lap in enrolled if lap.retired_at is None}
    packet = open_packet(
        read_file(path),
        identity=workstation_identity(db),
        kind="return",
        signers=list(current),
        unknown_signer="a laptop that is not enrolled, or whose key was retired",
    )
    reviewer = current[packet.signer]
    assignment = db.query_one(
        "SELECT id, reviewer, stage, due FROM work_assignments WHERE assignment_id = ?",
        (packet.assignment_id,),
    )
    if assignment is None:
        raise refuse("it names an assignment this workstation did not make")
    if assignment["reviewer"] != reviewer or packet.body.get("reviewer") != reviewer:
        raise refuse(f"it is signed by {reviewer}'s laptop, but the assignment is {assignment['reviewer']}'s")
    return packet, assignment, reviewer


def _commands(entry: Any, reviewer: str, submission_id: str) -> list[Command]:
    commands = [command_from_dict(c) for c in entry.get("commands", [])]
    evidence = entry.get("evidence", [])
    if not isinstance(evidence, list) or len(evidence) != len(commands):
        raise refuse("its evidence does not have one audit entry per command")
    for command, audit in zip(commands, evidence, strict=True):
        if not isinstance(audit, dict):
            raise refuse("a laptop audit entry is not an object")
        if command.report != submission_id or command.actor.name != reviewer:
            raise refuse("a command names another report or another reviewer than the return's")
        try:
            digest = chain.entry_hash(
                audit["seq"],
                audit["at"],
                audit["actor"],
                audit["action"],
                audit["object"],
                audit["payload"],
                audit["prev_hash"],
            )
        except (KeyError, TypeError):
            digest = ""
        if digest != audit.get("hash") or audit.get("actor") != reviewer:
            raise refuse("a laptop audit entry does not verify (altered)")
    return commands


def merge_return(session: Session, path: Path, receipt_out: Path) -> Merged:
    db = session.db
    packet, assignment, reviewer = _open(session, path)
    seen = db.query_one("SELECT accepted_at FROM work_packets WHERE packet_id = ?", (packet.packet_id,))
    if seen is not None:
        _rewrite_receipt(session, packet, reviewer, receipt_out)
        raise refuse(f"this return was merged before ({seen[0][:16]}); nothing was changed (its receipt was "
                     f"written again to {receipt_out})")
    entries = packet.body.get("reports")
    sequence = packet.body.get("sequence")
    if not isinstance(entries, list) or type(sequence) is not int or sequence < 1:
        raise refuse("its body has no reports or no sequence number")
    late = utc_now() > assignment["due"]
    result = Merged(packet.packet_id, packet.assignment_id, sequence, late)
    evidence_of: dict[str, str] = {}
    receipt: list[dict[str, Any]] = []
    with roomy_cache(db), db.transaction() as tx:
        for entry in entries:
            submission_id = entry.get("submission_id") if isinstance(entry, dict) else None
            status = entry.get("status") if isinstance(entry, dict) else None
            if status not in ("done", "in_progress", "given_back"):
                raise refuse("a report has no status (done, in_progress or given_back)")
            work = tx.execute(
                "SELECT state, expected_history FROM work_reports WHERE assignment_ref = ? AND "
                "submission_id = ?",
                (assignment["id"], submission_id),
            ).fetchone()
            if work is None:
                raise refuse("it returns a report that was not in the assignment")
            commands = _commands(entry, reviewer, str(submission_id))
            evidence_of.update(
                {c.command_id: a["hash"] for c, a in zip(commands, entry["evidence"], strict=True)}
            )
            report_id = find_report(db, str(submission_id))
            if assignment["stage"] == 2:
                first = current_signoff(db, report_id, 1, "signed")
                if first is not None and first.reviewer == reviewer:
                    raise refuse(f"{reviewer} signed stage 1 of a report and may not do its stage 2")
            new = [
                c
                for c in commands
                if not tx.execute(
                    "SELECT 1 FROM review_commands WHERE command_id = ?", (c.command_id,)
                ).fetchone()
            ]
            result.skipped += len(commands) - len(new)
            hold = tx.execute(
                "SELECT assignment_id FROM work_holds WHERE report_id = ?", (report_id,)
            ).fetchone()
            still_ours = hold is not None and hold[0] == packet.assignment_id
            if not still_ours or history_sha256(db, report_id) != work["expected_history"]:
                reason = (
                    "revoked or re-assigned"
                    if not still_ours
                    else "changed on this workstation since the assignment"
                )
                if new:
                    tx.execute(
                        "INSERT INTO work_conflicts(assignment_id, packet_id, submission_id, reason, "
                        "commands, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            packet.assignment_id,
                            packet.packet_id,
                            submission_id,
                            reason,
                            "".join(json.dumps(c.to_dict()) + "\n" for c in new),
                            utc_now(),
                        ),
                    )
                    chain.append(
                        tx,
                        actor=session.reviewer,
                        action="work.conflict",
                        obj=f"report:{report_id}",
                        payload={"packet": packet.packet_id, "commands": len(new)},
                    )
                if still_ours:
                    tx.execute(
                        "UPDATE work_reports SET state = 'conflict' WHERE assignment_ref = ? AND "
                        "submission_id = ?",
                        (assignment["id"], submission_id),
                    )
                    tx.execute("DELETE FROM work_holds WHERE report_id = ?", (report_id,))
                result.outcomes[str(submission_id)] = "conflict"
                receipt.append({"submission_id": submission_id, "outcome": "conflict", "delete": True})
                continue
            try:
                apply_all(
                    session,
                    new,
                    analyser=LaptopScan(),
                    replay=True,
                    merging=packet.assignment_id,
                    evidence=lambda c: {
                        "laptop_entry": evidence_of[c.command_id],
                        "assignment": packet.assignment_id,
                    },
                )
            except InputError as exc:
                raise refuse(f"report {report_id}: {exc.message}") from None
            _step("replayed")
            result.applied += len(new)
            tx.execute(
                "UPDATE work_reports SET state = ?, expected_history = ? WHERE assignment_ref = ? AND "
                "submission_id = ?",
                (status, history_sha256(db, report_id), assignment["id"], submission_id),
            )
            if status != "in_progress":
                tx.execute("DELETE FROM work_holds WHERE report_id = ?", (report_id,))
            result.outcomes[str(submission_id)] = status
            receipt.append(
                {"submission_id": submission_id, "outcome": status, "delete": status != "in_progress"}
            )
        tx.execute(
            "INSERT INTO work_packets(packet_id, kind, assignment_id, sequence, accepted_at, late) "
            "VALUES (?, 'return', ?, ?, ?, ?)",
            (packet.packet_id, packet.assignment_id, sequence, utc_now(), int(late)),
        )
        tx.execute(
            "UPDATE work_assignments SET returns = max(returns, ?) WHERE id = ?", (sequence, assignment["id"])
        )
        chain.append(
            tx,
            actor=session.reviewer,
            action="work.merge",
            obj=f"assignment:{packet.assignment_id}",
            payload={
                "packet": packet.packet_id,
                "sequence": sequence,
                "late": late,
                "applied": result.applied,
                "skipped": result.skipped,
                "conflicts": sum(1 for v in result.outcomes.values() if v == "conflict"),
                "file_sha256": packet.file_sha256,
            },
        )
        _step("recorded")
    session.note_chain_head()  # after the commit: the key file vouches for merged sign-offs
    # The receipt only after the commit: a receipt for a merge that did not commit would let
    # the laptop delete work the coordinator does not have. A receipt lost here is written
    # again by importing the return again.
    _write_receipt(session, packet, reviewer, sequence, late, receipt, receipt_out)
    return result


def _write_receipt(session: Session, packet: Packet, reviewer: str, sequence: int, late: bool,
                   reports: list[dict[str, Any]], out: Path) -> None:
    seed = coordinator_seed(session)
    try:
        _, data = seal("receipt", {"return_packet": packet.packet_id, "sequence": sequence, "late": late,
                                   "reports": reports},
                       seed=seed, recipient=_laptop_recipient(session, reviewer),
                       assignment_id=packet.assignment_id)
    finally:
        seed[:] = bytes(len(seed))
    write_packet(out, data)


def _rewrite_receipt(session: Session, packet: Packet, reviewer: str, out: Path) -> None:
    """The receipt of a return merged before, worked out again from what was merged."""
    db = session.db
    reports = []
    for entry in packet.body.get("reports", []):
        submission_id, status = entry.get("submission_id"), entry.get("status")
        conflict = db.query_one("SELECT 1 FROM work_conflicts WHERE packet_id = ? AND submission_id = ?",
                                (packet.packet_id, submission_id))
        outcome = "conflict" if conflict else str(status)
        reports.append({"submission_id": submission_id, "outcome": outcome,
                        "delete": outcome != "in_progress"})
    row = db.query_row("SELECT sequence, late FROM work_packets WHERE packet_id = ?", (packet.packet_id,))
    _write_receipt(session, packet, reviewer, int(row[0]), bool(row[1]), reports, out)


def _laptop_recipient(session: Session, reviewer: str) -> str:
    return next(
        lap.recipient for lap in laptops(session.db) if lap.reviewer == reviewer and lap.retired_at is None
    )
