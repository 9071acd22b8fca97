"""Opening a report for review: its original text (an audited view), its spans (seeded
from the detector's suggestions the first time), its coding, and the live redaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workstation.audit import chain
from workstation.errors import InputError
from workstation.intake.submissions import TEXT_FIELDS
from workstation.review.coding import Coding, load_coding
from workstation.review.dates import incident_year
from workstation.review.placeholders import PlaceholderBook
from workstation.review.redaction import RedactedField, redact_report
from workstation.review.span_store import load_spans, seed_from_suggestions
from workstation.review.spans import ReviewSpan
from workstation.session import Session
from workstation.store.database import Database


@dataclass(frozen=True)
class ReportUnderReview:
    report_id: int
    submission_id: str
    submission: dict[str, Any]
    texts: dict[str, str]  # the free-text fields present, in form order
    spans: tuple[ReviewSpan, ...]
    coding: Coding

    @property
    def fallback_year(self) -> int | None:
        return incident_year(self.submission.get("incident_date"))

    @property
    def decided(self) -> int:
        return sum(1 for s in self.spans if s.decided)

    def progress_text(self) -> str:
        return f"{self.decided} of {len(self.spans)} suggestions decided"

    def redacted(self, *, book: PlaceholderBook | None = None,
                 include_pending: bool = False) -> dict[str, RedactedField]:
        return redact_report(self.texts, self.spans, book=book, include_pending=include_pending,
                             fallback_year=self.fallback_year)

    def with_spans(self, spans: list[ReviewSpan]) -> ReportUnderReview:
        return ReportUnderReview(self.report_id, self.submission_id, self.submission, self.texts,
                                 tuple(spans), self.coding)


def report_texts(submission: dict[str, Any]) -> dict[str, str]:
    return {f: submission[f] for f in TEXT_FIELDS if isinstance(submission.get(f), str)}


def load_report(db: Database, report_id: int) -> ReportUnderReview:
    """A report as stored, for computing (hashes, exports); not a reviewer's view."""
    row = db.query_one("SELECT submission_id, submission FROM reports WHERE id = ?", (report_id,))
    if row is None:
        raise InputError("That report is not in the database.")
    submission = json.loads(row[1])
    return ReportUnderReview(report_id, row[0], submission, report_texts(submission),
                             tuple(load_spans(db, report_id)), load_coding(db, report_id, submission))


def open_report(session: Session, report_id: int) -> ReportUnderReview:
    """Load a report for its reviewer; the view of the original is audited (who, which,
    when; never what). Its spans are seeded from the suggestions on first opening."""
    db = session.db
    if db.query_one("SELECT 1 FROM reports WHERE id = ?", (report_id,)) is None:
        raise InputError("That report is not in the database.")
    with db.transaction() as tx:
        seeded = seed_from_suggestions(tx, report_id)
        chain.append(tx, actor=session.reviewer, action="report.view", obj=f"report:{report_id}",
                     payload={"seeded_spans": seeded} if seeded else None)
    return load_report(db, report_id)


def refreshed(session: Session, review: ReportUnderReview) -> ReportUnderReview:
    """The same report with its spans read again after a decision (no new audit entry)."""
    return review.with_spans(load_spans(session.db, review.report_id))
