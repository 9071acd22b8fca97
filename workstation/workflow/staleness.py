"""The hook the review calls after every change to a report's redactions or coding.

Kept apart from signoff.py so that the review modules can call it without importing the
whole workflow (which itself reads reports through the review modules).
"""

from __future__ import annotations

from workstation.errors import InputError
from workstation.session import Session
from workstation.store.database import Database


def report_stage(db: Database, report_id: int) -> str:
    row = db.query_one("SELECT stage FROM reports WHERE id = ?", (report_id,))
    if row is None:
        raise InputError("That report is not in the database.")
    return row[0]


def after_content_change(session: Session, report_id: int) -> str | None:
    """Mark a sign-off stale if the change altered what it signed (see signoff.py)."""
    if report_stage(session.db, report_id) not in ("stage1_signed", "approved"):
        return None
    from workstation.workflow.signoff import refresh_staleness  # the workflow reads the review

    return refresh_staleness(session, report_id)
