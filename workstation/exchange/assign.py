"""Assignments, on the coordinator: which reports go to whose laptop for which stage, and
the packet that carries everything the stage needs offline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.exchange import roles
from workstation.exchange.container import key_text, new_id, seal, write_packet
from workstation.exchange.disclosure_counts import packet_counts
from workstation.exchange.enrolment import coordinator_seed, current_laptop
from workstation.exchange.rows import gather
from workstation.roster.roster_file import roster_document
from workstation.session import Session
from workstation.stages import Stage, report_stage
from workstation.store.database import Database
from workstation.store.transaction import inserted_id
from workstation.workflow.history import history_sha256
from workstation.workflow.linking import linked_reports
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.signoff import current_signoff

STAGE_FROM = {1: (Stage.RECEIVED, Stage.STAGE1, Stage.RETURNED), 2: (Stage.STAGE1_SIGNED, Stage.STAGE2)}
MAX_REPORTS = 10_000


@dataclass(frozen=True)
class Assignment:
    assignment_id: str
    packet_id: str
    reviewer: str
    stage: int
    due: str
    report_ids: tuple[int, ...]
    added: tuple[int, ...]  # linked reports taken along because the incident travels whole


def due_timestamp(text: str) -> str:
    """The end of the due day, UTC (a DATE on the command line)."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{text!r} is not a date (YYYY-MM-DD).") from None
    return f"{day.isoformat()}T23:59:59.999999Z"


def base_hashes(db: Database, report_id: int) -> tuple[str, str]:
    return history_sha256(db, report_id), content_sha256(publishable_content(db, report_id))


def holder(db: Database, report_id: int) -> str | None:
    row = db.query_one(
        "SELECT a.reviewer FROM work_holds h JOIN work_assignments a "
        "ON a.assignment_id = h.assignment_id WHERE h.report_id = ? AND h.side = 'out'",
        (report_id,),
    )
    return None if row is None else str(row[0])


def check_reports(
    db: Database, reviewer: str, stage: int, report_ids: list[int]
) -> tuple[list[int], list[int]]:
    """The reports with their whole incidents (in the coordinator's order), refused when a
    report is out already, at another stage, or would split an incident; stage 2 never goes
    to the reviewer who signed stage 1."""
    if stage not in STAGE_FROM:
        raise InputError("Assign stage 1 or stage 2.")
    chosen: dict[int, None] = {}
    for report_id in report_ids:
        if db.query_one("SELECT 1 FROM reports WHERE id = ?", (report_id,)) is None:
            raise InputError(f"There is no report {report_id}.")
        for member in linked_reports(db, report_id):
            chosen[member] = None
    added = [r for r in chosen if r not in report_ids]
    for report_id in chosen:
        held = holder(db, report_id)
        if held is not None:
            linked = (
                ""
                if report_id in report_ids
                else " (linked with a report you chose: an incident is never split)"
            )
            raise InputError(
                f"Report {report_id} is already assigned out to {held}{linked}; revoke it first."
            )
        current = report_stage(db, report_id)
        if current not in STAGE_FROM[stage]:
            raise InputError(
                f"Report {report_id} is {current.replace('_', ' ')}; stage {stage} cannot be assigned for it."
            )
        if stage == 2:
            first = current_signoff(db, report_id, 1, "signed")
            if first is not None and first.reviewer == reviewer:
                raise InputError(
                    f"Report {report_id}: stage 2 is never assigned to {reviewer}, who signed "
                    "stage 1 (two different reviewers)."
                )
    if len(chosen) > MAX_REPORTS:
        raise InputError(f"An assignment holds at most {MAX_REPORTS} reports.")
    return sorted(chosen), added


def assign(
    session: Session, reviewer: str, stage: int, report_ids: list[int], due: str, out: Path
) -> Assignment:
    """Write the assignment packet to `out` and record the reports as out (one transaction;
    the file is written first and removed again if the transaction fails)."""
    db = session.db
    roles.require(db, roles.COORDINATOR, "Assigning work")
    laptop = current_laptop(db, reviewer)
    due_at = due_timestamp(due)
    if due_at < utc_now():
        raise InputError("The due date has passed already.")
    if Path(out).exists():
        raise InputError(f"{out} already exists; choose another file name.")
    assignment_id = new_id()
    seed = coordinator_seed(session)
    try:
        with db.transaction() as tx:
            ordered, added = check_reports(db, reviewer, stage, list(dict.fromkeys(report_ids)))
            carried, bases = [], []
            for report_id in ordered:
                history, content = base_hashes(db, report_id)
                bases.append((report_id, history, content))
                carried.append(
                    {
                        "submission_id": gather_id(db, report_id),
                        "base_history": history,
                        "base_content": content,
                        "rows": gather(db, report_id),
                    }
                )
            body = {
                "reviewer": reviewer,
                "stage": stage,
                "due": due_at,
                "reviewer_key": key_text(laptop.public_key),
                "roster": roster_document(db)["reviewers"],
                "taxonomy_version": db.meta("taxonomy_version") or "",
                "reports": carried,
                # The re-identification check's counts for the months of these reports.
                "disclosure": packet_counts(db, ordered),
            }
            packet_id, data = seal(
                "assignment", body, seed=seed, recipient=laptop.recipient, assignment_id=assignment_id
            )
            ref = inserted_id(
                tx.execute(
                    "INSERT INTO work_assignments(assignment_id, packet_id, reviewer, stage, due, "
                    "created_at, peer) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (assignment_id, packet_id, reviewer, stage, due_at, utc_now(), laptop.recipient),
                ))
            for (report_id, history, content), item in zip(bases, carried, strict=True):
                tx.execute(
                    "INSERT INTO work_reports(assignment_ref, submission_id, state, base_history, "
                    "base_content, expected_history) VALUES (?, ?, 'out', ?, ?, ?)",
                    (ref, item["submission_id"], history, content, history),
                )
                tx.execute(
                    "INSERT INTO work_holds(report_id, assignment_id, side, due) VALUES (?, ?, 'out', ?)",
                    (report_id, assignment_id, due_at),
                )
            chain.append(
                tx,
                actor=session.reviewer,
                action="work.assign",
                obj=f"assignment:{assignment_id}",
                payload={
                    "packet": packet_id,
                    "reviewer": reviewer,
                    "stage": stage,
                    "due": due_at,
                    "reports": ordered,
                    "key_id": laptop.key_id,
                },
            )
            write_packet(out, data)
    except BaseException:
        if Path(out).exists() and not db.query_one(
            "SELECT 1 FROM work_assignments WHERE assignment_id = ?", (assignment_id,)
        ):
            Path(out).unlink()
        raise
    finally:
        seed[:] = bytes(len(seed))
    return Assignment(assignment_id, packet_id, reviewer, stage, due_at, tuple(ordered), tuple(added))


def default_reviewer(db: Database, report_ids: list[int]) -> str:
    """Who gets stage 1 again by default: the reviewer who signed it (a report stage 2
    returned with changes goes back to its stage-1 reviewer)."""
    names = set()
    for report_id in report_ids:
        rows = db.query("SELECT r.name FROM signoffs s JOIN reviewer_keys k ON k.id = s.reviewer_key_id "
                        "JOIN reviewers r ON r.id = k.reviewer_id WHERE s.report_id = ? AND s.stage = 1 "
                        "ORDER BY s.id DESC LIMIT 1", (report_id,))
        if not rows:
            raise InputError(f"Report {report_id} was never signed at stage 1: say which reviewer gets it.")
        names.add(str(rows[0][0]))
    if len(names) != 1:
        raise InputError("These reports were signed at stage 1 by different reviewers: assign each "
                         "reviewer's separately.")
    return names.pop()


def gather_id(db: Database, report_id: int) -> str:
    return str(db.query_row("SELECT submission_id FROM reports WHERE id = ?", (report_id,))[0])
