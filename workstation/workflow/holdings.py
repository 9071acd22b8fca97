"""What the database view lists: the review queue (each row with the number of reports
linked with it) and the quarantined submissions. Read-only, off the GUI thread; the link
counts of the whole queue come from one query (linking_view.incident_sizes)."""

from __future__ import annotations

from dataclasses import dataclass

from workstation.clock import utc_now
from workstation.intake.quarantine import QuarantineListing, list_quarantine
from workstation.review.queue import QueueRow, queue_rows
from workstation.session import Session
from workstation.workflow.linking_view import incident_sizes


@dataclass(frozen=True)
class WorkHold:
    """A report assigned through a work packet: out to `reviewer`'s laptop, or held here."""

    side: str  # 'out' (coordinator) or 'here' (laptop)
    due: str  # UTC timestamp, the end of the due day
    reviewer: str = ""
    overdue: bool = False

    def describe(self) -> str:
        where = f"out to {self.reviewer}, " if self.side == "out" else ""
        return f"{where}due {self.due[:10]}" + (" OVERDUE" if self.overdue else "")


@dataclass(frozen=True)
class QueueItem:
    """A queue row and the number of other reports linked with it (same incident)."""

    row: QueueRow
    linked: int = 0
    hold: WorkHold | None = None  # out to a laptop (coordinator) or held here (laptop)

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
        if self.hold is not None:
            flags.append(self.hold.describe())
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


def load_queue(session: Session, search: str = "", *, now: str | None = None) -> list[QueueItem]:
    """The queue (or the reports matching `search`), with their links and work packets
    (overdue as of `now`, a UTC timestamp; default: now)."""
    db = session.db
    rows = queue_rows(db, search=search)
    sizes = incident_sizes(db, [row.report_id for row in rows])
    holds = work_holds(session, now)
    return [QueueItem(row, sizes.get(row.report_id, 1) - 1, holds.get(row.report_id)) for row in rows]


def is_overdue(due: str, now: str) -> bool:
    """A report is overdue once its due timestamp (the end of the due day, UTC) has passed:
    the one rule for the queue's flag and the coordinator's panel."""
    return due < now


def work_holds(session: Session, now: str | None = None) -> dict[int, WorkHold]:
    """Every report held through a work packet, in one query: due date, overdue, and (on the
    coordinator) the reviewer whose laptop holds it."""
    now = now or utc_now()
    found = session.db.query(
        "SELECT h.report_id, h.side, h.due, coalesce(a.reviewer, '') FROM work_holds h "
        "LEFT JOIN work_assignments a ON a.assignment_id = h.assignment_id")
    return {int(rid): WorkHold(side, due, reviewer, is_overdue(due, now))
            for rid, side, due, reviewer in found}


def load_holdings(session: Session, search: str = "") -> Holdings:
    return Holdings(load_queue(session, search), list_quarantine(session.db))
