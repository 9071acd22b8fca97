"""What the database view lists: the review queue (each row with the number of reports
linked with it) and the quarantined submissions. Read-only, off the GUI thread; the link
counts of the whole queue come from one query (linking_view.incident_sizes)."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.intake.quarantine import QuarantineListing, list_quarantine
from workstation.review.queue import QueueRow, queue_rows
from workstation.session import Session
from workstation.workflow.linking_view import incident_sizes


@dataclass(frozen=True)
class QueueItem:
    """A queue row and the number of other reports linked with it (same incident)."""

    row: QueueRow
    linked: int = 0

    @property
    def report_id(self) -> int:
        return self.row.report_id

    @property
    def flags(self) -> str:
        flags = []
        if self.row.conflicts:
            flags.append("conflict" if self.row.conflicts == 1 else f"{self.row.conflicts} conflicts")
        if self.linked:
            flags.append(f"linked ({self.linked})")
        return ", ".join(flags)

    def has_status(self, status: str) -> bool:
        """The queue's status filter: "any", "to_decide" (suggestions left), "decided" (all
        of at least one decided), "flagged" (a conflict or links)."""
        row = self.row
        if status == "to_decide":
            return bool(row.pending)
        if status == "decided":
            return bool(row.suggestions) and not row.pending
        if status == "flagged":
            return bool(self.flags)
        return True


@dataclass(frozen=True)
class Holdings:
    queue: list[QueueItem]
    quarantine: list[QuarantineListing]


def load_queue(session: Session, search: str = "") -> list[QueueItem]:
    """The queue (or the reports matching `search`), with their links."""
    db = session.db
    rows = queue_rows(db, search=search)
    sizes = incident_sizes(db, [row.report_id for row in rows])
    return [QueueItem(row, sizes.get(row.report_id, 1) - 1) for row in rows]


def load_holdings(session: Session, search: str = "") -> Holdings:
    return Holdings(load_queue(session, search), list_quarantine(session.db))
