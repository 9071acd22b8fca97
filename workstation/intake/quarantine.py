"""Quarantined submissions: reading one (an audited view of original text), accepting a
corrected version, or discarding it with a reason. Nothing is deleted: a resolved entry
keeps its raw bytes and says how it was resolved. Submissions get here at import
(intake/importer.py)."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.analysis import ReportAnalyser, analyser_name, report_text, store_suggestions
from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.intake.importer import insert_report
from workstation.intake.submissions import InvalidSubmission, parse_submission
from workstation.review.search import unindex_report
from workstation.session import Session
from workstation.store.database import Database
from workstation.store.transaction import Transaction

MIN_REASON = 5


@dataclass(frozen=True)
class QuarantinedSubmission:
    id: int
    submission_id: str
    kind: str  # 'invalid' or 'conflict'
    reason: str
    raw: bytes
    bundle_ref: int
    resolution: str | None


@dataclass(frozen=True)
class QuarantineListing:
    id: int
    submission_id: str
    kind: str
    reason: str
    size: int
    bundle_id: str
    quarantined_at: str
    resolution: str | None


def list_quarantine(db: Database, *, include_resolved: bool = False) -> list[QuarantineListing]:
    rows = db.query(
        "SELECT q.id, q.submission_id, q.kind, q.reason, length(q.raw), b.bundle_id, "
        "q.quarantined_at, q.resolution FROM quarantine q JOIN bundles b ON b.id = q.bundle_ref "
        + ("" if include_resolved else "WHERE q.resolved_at IS NULL ")
        + "ORDER BY q.id"
    )
    return [QuarantineListing(*row) for row in rows]


def _load(session: Session, quarantine_id: int) -> QuarantinedSubmission:
    row = session.db.query_one(
        "SELECT id, submission_id, kind, reason, raw, bundle_ref, resolution FROM quarantine WHERE id = ?",
        (quarantine_id,))
    if row is None:
        raise InputError("That quarantined submission is not in the database.")
    return QuarantinedSubmission(row[0], row[1], row[2], row[3], bytes(row[4]), row[5], row[6])


def open_quarantined(session: Session, quarantine_id: int) -> QuarantinedSubmission:
    """The raw submission for a reviewer to read; the view is audited (not its content)."""
    item = _load(session, quarantine_id)
    with session.audited("quarantine.view", f"quarantine:{quarantine_id}"):
        pass
    return item


def _unresolved(session: Session, quarantine_id: int) -> QuarantinedSubmission:
    item = _load(session, quarantine_id)
    if item.resolution is not None:
        raise InputError(f"That submission was already resolved ({item.resolution.split(':')[0]}).")
    return item


def discard(session: Session, quarantine_id: int, reason: str) -> None:
    item = _unresolved(session, quarantine_id)
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise InputError("Write why the submission is discarded (a few words at least).")
    with session.db.transaction() as tx:
        tx.execute("UPDATE quarantine SET resolved_at = ?, resolution = ? WHERE id = ?",
                   (utc_now(), f"discarded: {reason}", quarantine_id))
        chain.append(tx, actor=session.reviewer, action="quarantine.discard",
                     obj=f"quarantine:{quarantine_id}", payload={"kind": item.kind})


def accept_fixed(session: Session, quarantine_id: int, corrected: bytes,
                 analyser: ReportAnalyser | None = None) -> int:
    """Accept a corrected version of an invalid submission as a report; returns its id.

    The correction is checked as strictly as at import and must keep the submission id.
    A conflict (the id is already held with other content) can only replace the held
    report while nobody has started reviewing it; otherwise discard one of the two."""
    item = _unresolved(session, quarantine_id)
    try:
        submission = parse_submission(corrected, expected_id=item.submission_id)
    except InvalidSubmission as exc:
        raise InputError(f"The corrected submission is still not valid: {exc.reason}") from None
    db = session.db
    held = db.query_one("SELECT id, stage FROM reports WHERE submission_id = ?", (item.submission_id,))
    if held is not None:
        started = db.query_one("SELECT 1 FROM review_spans WHERE report_id = ? AND decision != 'pending' "
                               "UNION SELECT 1 FROM signoffs WHERE report_id = ?", (held[0], held[0]))
        if held[1] != "received" or started:
            raise InputError("The report with this submission id is already under review; "
                             "discard this version instead, or set that report aside first.")
    found = (analyser.analyze_reports([report_text(submission).texts], [report_text(submission).known])[0]
             if analyser is not None else None)
    with db.transaction() as tx:
        if held is not None:  # replace the held version (kept in quarantine as resolved)
            _remove_report(tx, held[0])
        report_id = insert_report(tx, item.bundle_ref, submission, utc_now())
        if found is not None and analyser is not None:
            store_suggestions(tx, report_id, found, analyser_name(analyser))
        tx.execute("UPDATE quarantine SET resolved_at = ?, resolution = ? WHERE id = ?",
                   (utc_now(), f"accepted as report {report_id}", quarantine_id))
        chain.append(tx, actor=session.reviewer, action="quarantine.accept",
                     obj=f"quarantine:{quarantine_id}",
                     payload={"kind": item.kind, "report": report_id, "replaced": held[0] if held else None})
    return report_id


def _remove_report(tx: Transaction, report_id: int) -> None:
    """Remove a report nobody has reviewed yet (its text stays in quarantine's raw bytes)."""
    unindex_report(tx, report_id)
    for sql in ("DELETE FROM review_spans WHERE report_id = ?", "DELETE FROM suggestions WHERE report_id = ?",
                "DELETE FROM coding WHERE report_id = ?", "DELETE FROM incident_reports WHERE report_id = ?",
                "DELETE FROM reports WHERE id = ?"):
        tx.execute(sql, (report_id,))
