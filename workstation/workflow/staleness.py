"""Whether a sign-off still covers what would be published: the one place that decides.

`apply` calls `refresh_staleness` after every command that may change publishable
content, for the report and every report linked with it (a decision in one renumbers the
placeholders of all), inside the command's transaction. A sign-off whose content hash no
longer matches goes stale and its report goes back a stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.stages import Stage, report_stage
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.signoff import current_signoff


@dataclass(frozen=True)
class WentStale:
    report_id: int
    reason: str


def move_stage(tx: Transaction, actor: str, report_id: int, new_stage: Stage,
               note: str | None = None) -> None:
    tx.execute("UPDATE reports SET stage = ?, stage_reviewer = ?, stage_note = ? WHERE id = ?",
               (new_stage.value, actor, note, report_id))


def refresh_staleness(db: Database, tx: Transaction, actor: str,
                      report_ids: Iterable[int]) -> tuple[WentStale, ...]:
    went: list[WentStale] = []
    for report_id in dict.fromkeys(report_ids):
        stage = report_stage(db, report_id)
        if stage == Stage.STAGE1_SIGNED:
            covering, back_to, what = current_signoff(db, report_id, 1, "signed"), Stage.STAGE1, "stage 1"
        elif stage == Stage.APPROVED:
            covering, back_to, what = (current_signoff(db, report_id, 2, "approved"), Stage.STAGE2,
                                       "the approval")
        else:
            continue
        if covering is None or covering.content_sha256 == content_sha256(publishable_content(db, report_id)):
            continue
        reason = f"The publishable content changed after {what} was signed; {what} must be signed again."
        tx.execute("UPDATE signoffs SET stale_at = ?, stale_reason = ? WHERE id = ?",
                   (utc_now(), "publishable content changed", covering.id))
        move_stage(tx, actor, report_id, back_to, reason)
        chain.append(tx, actor=actor, action="workflow.stale", obj=f"report:{report_id}",
                     payload={"stage": back_to.value, "signoff": covering.id})
        went.append(WentStale(report_id, reason))
    return tuple(went)
