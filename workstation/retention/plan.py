"""What a retention run destroys now, and what comes next (read only).

A published report is due `days` after its latest publication (its `workflow.publish`
audit entry); a quarantined submission `days` after it was quarantined. A due report is
held back while a report linked with it is not due too: the incident's placeholder book is
still read from its original text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from workstation.retention.settings import retention_days
from workstation.session import Session
from workstation.stages import Stage
from workstation.store.database import Database
from workstation.workflow.linking import linked_reports

UPCOMING = 20  # how many of the next reports a plan lists


@dataclass(frozen=True)
class Due:
    id: int  # report id, or quarantine id
    since: str  # published at, or quarantined at
    due_at: str


@dataclass(frozen=True)
class RetentionPlan:
    days: int
    now: str
    reports: tuple[Due, ...]  # published reports whose originals go now (whole incidents together)
    quarantined: tuple[Due, ...]  # quarantined submissions whose raw bytes go now
    held: tuple[Due, ...]  # due, but linked with a report that is not: kept for now
    upcoming: tuple[Due, ...]  # the next published reports to go, soonest first
    upcoming_quarantine: tuple[Due, ...]
    purged: int  # reports whose originals are already gone

    @property
    def empty(self) -> bool:
        return not self.reports and not self.quarantined


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _due(rows: Iterable[tuple[int, str]], days: int) -> list[Due]:
    return [Due(int(i), since, iso(_parse(since) + timedelta(days=days))) for i, since in rows]


def published_at(db: Database) -> dict[int, str]:
    """Published reports whose originals are still held -> when they were last published."""
    held = {int(r[0]) for r in db.query(
        "SELECT id FROM reports WHERE stage = ? AND id NOT IN (SELECT report_id FROM retention_snapshots)",
        (Stage.PUBLISHED.value,))}
    found: dict[int, str] = {}
    for obj, at in db.query("SELECT object, max(at) FROM audit WHERE action = 'workflow.publish' "
                            "GROUP BY object"):  # one pass over the chain
        report_id = int(str(obj).split(":", 1)[1]) if str(obj).startswith("report:") else None
        if report_id in held:
            found[report_id] = str(at)
    return found


def plan_retention(db: Database, days: int, now: datetime | None = None) -> RetentionPlan:
    moment = now or datetime.now(UTC)
    cutoff = iso(moment)
    reports = sorted(_due(published_at(db).items(), days), key=lambda d: (d.due_at, d.id))
    due = {d.id: d for d in reports if d.due_at <= cutoff}
    purged = {int(r[0]) for r in db.query("SELECT report_id FROM retention_snapshots")}
    going: list[Due] = []
    held: list[Due] = []
    seen: set[int] = set()
    for item in sorted(due.values(), key=lambda d: d.id):
        if item.id in seen:
            continue
        members = linked_reports(db, item.id)
        seen.update(members)
        waiting = [m for m in members if m not in due and m not in purged]
        group = [due[m] for m in members if m in due]
        (held if waiting else going).extend(group)
    quarantine = _due(((int(r[0]), str(r[1])) for r in db.query(
        "SELECT id, quarantined_at FROM quarantine WHERE purged_at IS NULL ORDER BY quarantined_at, id")),
        days)
    return RetentionPlan(
        days=days, now=cutoff, reports=tuple(going),
        quarantined=tuple(q for q in quarantine if q.due_at <= cutoff),
        held=tuple(held),
        upcoming=tuple(d for d in reports if d.due_at > cutoff)[:UPCOMING],
        upcoming_quarantine=tuple(q for q in quarantine if q.due_at > cutoff)[:UPCOMING],
        purged=len(purged),
    )


def current_plan(session: Session) -> RetentionPlan:
    """What is due now under the database's own setting (for the GUI, which never holds the
    database)."""
    return plan_retention(session.db, retention_days(session.db))
