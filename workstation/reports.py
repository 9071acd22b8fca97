"""What the database holds: reports and quarantined submissions, listed without their text."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.errors import InputError
from workstation.store.database import Database


@dataclass(frozen=True)
class ReportListing:
    submission_id: str
    stage: str
    received_at: str
    bundle_id: str
    id: int = 0  # the report's number, which commands also accept


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


def list_reports(db: Database) -> list[ReportListing]:
    rows = db.query(
        "SELECT r.submission_id, r.stage, r.received_at, b.bundle_id, r.id "
        "FROM reports r JOIN bundles b ON b.id = r.bundle_ref ORDER BY r.received_at, r.id"
    )
    return [ReportListing(*row) for row in rows]


def list_quarantine(db: Database, *, include_resolved: bool = False) -> list[QuarantineListing]:
    rows = db.query(
        "SELECT q.id, q.submission_id, q.kind, q.reason, length(q.raw), b.bundle_id, "
        "q.quarantined_at, q.resolution FROM quarantine q JOIN bundles b ON b.id = q.bundle_ref "
        + ("" if include_resolved else "WHERE q.resolved_at IS NULL ")
        + "ORDER BY q.id"
    )
    return [QuarantineListing(*row) for row in rows]


def find_report_id(db: Database, ref: str) -> int:
    """The report a user named by its submission id (as `reports list` prints) or its number."""
    row = db.query_one("SELECT id FROM reports WHERE submission_id = ? OR CAST(id AS TEXT) = ?",
                       (ref.strip(), ref.strip()))
    if row is None:
        raise InputError(f"No report with the id {ref!r}.")
    return int(row[0])
