"""What would be published for a report, and its hash (what sign-offs sign).

Only de-identified content: the redacted free text (pending spans redacted too, so the
hash never covers text a reviewer has not cleared), the panel's coding, the month and
year, and the banded structured fields. Never the ORI, the submission id or the exact date.
"""

from __future__ import annotations

import hashlib
from typing import Any

import rfc8785

from workstation.retention.snapshots import kept_content
from workstation.review.coding import published_date
from workstation.review.report_review import ReportUnderReview, load_report
from workstation.review.structured import QUASI_FIELDS, load_choices, published_fields
from workstation.store.database import Database
from workstation.workflow.linking import shared_book

# Free-text fields published after redaction (the title and lessons are the panel's own).
PUBLISHED_TEXT_FIELDS = ("narrative", "prevention", "what_went_right")
# Structured fields that are bands or categories: published as given, generalised or
# withheld (review/structured.py).
PUBLISHED_STRUCTURED = QUASI_FIELDS


def publishable_content(db: Database, report_id: int,
                        review: ReportUnderReview | None = None) -> dict[str, Any]:
    kept = kept_content(db, report_id)
    if kept is not None:  # its original text was destroyed (workstation/retention): as signed
        return kept
    review = review or load_report(db, report_id)
    redacted = review.redacted(book=shared_book(db, report_id), include_pending=True)
    coding = review.coding
    return {
        "title": coding.publishable_title,
        "period": published_date(review.submission["incident_date"]),
        "activity_type": coding.activity_type,
        "contributing_factors": list(coding.contributing_factors),
        "loss_potential": list(coding.loss_potential),
        "lessons_learned": coding.lessons_learned,
        "takeaways": list(coding.takeaways),
        "discussion_questions": list(coding.discussion_questions),
        "text": {f: redacted[f].text for f in PUBLISHED_TEXT_FIELDS if f in redacted},
        "structured": published_fields(review.submission, load_choices(db, report_id)),
    }


def content_sha256(content: dict[str, Any]) -> str:
    return hashlib.sha256(rfc8785.dumps(content)).hexdigest()
