"""What a reviewer is told when a decision at stage 2 changes what stage 1 signed.

Both sign-offs must cover the same publishable content (moves.check_unchanged_since_stage1):
whatever stage 2 changes goes back to stage 1 to be signed again (the two-person rule).
Narrowing a redaction or keeping what stage 1 redacted is the change that matters most
(`changes.changes_since_stage1` marks it revealing); the view says so the moment it happens
instead of at approval time."""

from __future__ import annotations

from workstation.errors import ChangedSinceStage1
from workstation.session import Session
from workstation.stages import Stage, report_stage
from workstation.workflow.changes import changes_since_stage1
from workstation.workflow.moves import check_unchanged_since_stage1

REVEALING = ("Two-person rule: you {what} what stage 1 redacted. The report cannot be approved "
             "as it is; return it to stage 1 with your changes (Workflow > Return to stage 1), "
             "where the stage-1 reviewer sees the change and signs again.")
CHANGED = ("Two-person rule: this changes what stage 1 signed, so the report goes back to stage 1 "
           "(Workflow > Return to stage 1) before it can be approved.")


def stage2_change_notice(session: Session, report_id: int) -> str | None:
    """At stage 2, after a decision: the notice to show (None when the content is still the
    one stage 1 signed, or the report is not at stage 2)."""
    db = session.db
    if report_stage(db, report_id) != Stage.STAGE2:
        return None
    try:
        check_unchanged_since_stage1(db, report_id)
        return None
    except ChangedSinceStage1:
        pass
    revealing = [n for n in changes_since_stage1(db, report_id) if n.revealing]
    if not revealing:
        return CHANGED
    kinds = {n.kind for n in revealing}
    what = " and ".join(w for k, w in (("kept", "kept"), ("removed", "removed"), ("narrowed", "narrowed"),
                                       ("replacement", "gave words back for")) if k in kinds)
    return REVEALING.format(what=what or "changed")
