"""What the database holds: reports and quarantined submissions, listed without their text."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.store.database import Database


@dataclass(frozen=True)
class ReportListing:
    submission_id: str
    stage: str
    received_at: str
    bundle_id: str


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
        "SELECT r.submission_id, r.stage, r.received_at, b.bundle_id "
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
