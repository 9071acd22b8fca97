"""Every export of a report's text checks that both sign-offs cover the content as it is now.

The publishable content is worked out again from the database at export time and its
hash compared with the content hash of the current stage-1 sign-off ("signed") and of the
current stage-2 sign-off ("approved"). Anything that changed the content since (an edit,
a linked report renumbering placeholders, a hand-edited row) makes the two differ, and
the report's text is not exported until both reviewers sign the content as it is.
"""

from __future__ import annotations

from typing import Any

from workstation.errors import ExportError
from workstation.store.database import Database
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.signoff import Signoff, current_signoff


class NotSignedAsIs(ExportError):
    """A report's content is not what both sign-offs signed; `reason` in plain words."""

    def __init__(self, report_id: int, reason: str) -> None:
        super().__init__(f"Report {report_id} cannot be exported: {reason}. Nothing was written.")
        self.report_id = report_id
        self.reason = reason


def signoff_problem(db: Database, report_id: int, content: dict[str, Any]) -> str | None:
    """Why `content` (the report's publishable content now) may not be exported, or None."""
    digest = content_sha256(content)
    first = current_signoff(db, report_id, 1, "signed")
    second = current_signoff(db, report_id, 2, "approved")
    if first is None or second is None:
        return "it does not carry both current sign-offs (stage 1 signed and stage 2 approved)"
    if first.content_sha256 != second.content_sha256:
        return ("its two sign-offs cover different content (stage 2 approved something stage 1 "
                "did not sign); stage 1 must sign it again, then stage 2 approve it")
    if first.content_sha256 != digest:
        return ("it changed after it was approved (its content is no longer what both reviewers "
                "signed); it must be signed and approved again")
    return None


def signed_content(db: Database, report_id: int) -> tuple[dict[str, Any], Signoff, Signoff]:
    """The report's publishable content and the two sign-offs that cover it; NotSignedAsIs
    when they do not."""
    content = publishable_content(db, report_id)
    problem = signoff_problem(db, report_id, content)
    if problem is not None:
        raise NotSignedAsIs(report_id, problem)
    first = current_signoff(db, report_id, 1, "signed")
    second = current_signoff(db, report_id, 2, "approved")
    assert first is not None and second is not None  # checked by signoff_problem
    return content, first, second
