"""Which reports the signed-in reviewer has signed (stage 1) or approved (stage 2), as
their sign-offs stand now (a sign-off gone stale no longer counts): the mark the queue
shows on those rows after a sign or an approval."""

from __future__ import annotations

from workstation.session import Session

MARKS = {(1, "signed"): "✓ signed stage 1 by you", (2, "approved"): "✓ approved by you"}


def my_signoffs(session: Session) -> dict[int, str]:
    """Report id -> the mark in words, for the current sign-offs made with the signed-in
    reviewer's keys (the later stage wins)."""
    rows = session.db.query(
        "SELECT s.report_id, s.stage, s.decision FROM signoffs s "
        "JOIN reviewer_keys k ON k.id = s.reviewer_key_id JOIN reviewers r ON r.id = k.reviewer_id "
        "WHERE r.name = ? AND s.stale_at IS NULL ORDER BY s.stage, s.id", (session.reviewer,))
    marks: dict[int, str] = {}
    for report_id, stage, decision in rows:
        mark = MARKS.get((int(stage), str(decision)))
        if mark is not None:
            marks[int(report_id)] = mark
    return marks
