"""What the database holds: its reports, listed without their text (quarantined submissions:
intake/quarantine.py)."""

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


def list_reports(db: Database) -> list[ReportListing]:
    rows = db.query(
        "SELECT r.submission_id, r.stage, r.received_at, b.bundle_id, r.id "
        "FROM reports r JOIN bundles b ON b.id = r.bundle_ref ORDER BY r.received_at, r.id"
    )
    return [ReportListing(*row) for row in rows]


def find_report_id(db: Database, ref: str) -> int:
    """The report a user named by its submission id (as `reports list` prints) or its number."""
    row = db.query_one("SELECT id FROM reports WHERE submission_id = ? OR CAST(id AS TEXT) = ?",
                       (ref.strip(), ref.strip()))
    if row is None:
        raise InputError(f"No report with the id {ref!r}.")
    return int(row[0])
