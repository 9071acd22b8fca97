"""The review queue: one plain row per report, for the queue table and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.review.search import search_reports
from workstation.store.database import Database


@dataclass(frozen=True)
class QueueRow:
    report_id: int
    submission_id: str
    received_at: str
    title: str
    stage: str
    suggestions: int  # spans to decide (suggestions until the report is first opened)
    pending: int
    conflicts: int  # quarantined submissions with the same id, not resolved

    @property
    def flags(self) -> str:
        return "conflict" if self.conflicts else ""


_QUEUE_SQL = """
SELECT r.id, r.submission_id, r.received_at, json_extract(r.submission, '$.title'), r.stage,
       (SELECT count(*) FROM review_spans s WHERE s.report_id = r.id),
       (SELECT count(*) FROM review_spans s WHERE s.report_id = r.id AND s.decision = 'pending'),
       (SELECT count(*) FROM suggestions g WHERE g.report_id = r.id),
       (SELECT count(*) FROM quarantine q WHERE q.submission_id = r.submission_id
                                          AND q.resolved_at IS NULL)
FROM reports r
"""


def queue_rows(db: Database, *, search: str = "") -> list[QueueRow]:
    """Every report (or those matching `search`), oldest first."""
    if search.strip():
        ids = search_reports(db, search)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = db.query(_QUEUE_SQL + f" WHERE r.id IN ({marks}) ORDER BY r.received_at, r.id", ids)
    else:
        rows = db.query(_QUEUE_SQL + " ORDER BY r.received_at, r.id")
    result = []
    for rid, sid, received, title, stage, spans, pending, suggested, conflicts in rows:
        seeded = spans > 0
        result.append(QueueRow(rid, sid, received, title or "", stage,
                               spans if seeded else suggested, pending if seeded else suggested,
                               conflicts))
    return result
