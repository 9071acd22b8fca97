"""What the signing desk does beyond `actions`: keep a suggestion with a reason (asked at
`x` time where the detector was sure), confirm another reviewer's keeps at stage 2 (not a
change of content), and redact a residual-scan finding from the scan's list. Each makes a
review command for the signed-in reviewer and applies it through `apply`."""

from __future__ import annotations

from collections.abc import Sequence

from workstation.errors import InputError
from workstation.review.span_store import load_spans
from workstation.review.spans import Decision
from workstation.session import Session
from workstation.workflow import actions
from workstation.workflow import commands as c
from workstation.workflow.apply import Outcome, apply
from workstation.workflow.keeps import REASON_SCORE, clean_keep_reason
from workstation.workflow.residual import Finding


def needs_keep_reason(score: float | None) -> bool:
    """Whether keeping a suggestion with this score asks why (the detector was sure)."""
    return score is not None and score >= REASON_SCORE


def keep(session: Session, report_id: int, span_ids: Sequence[int], reason: str | None) -> Outcome:
    """Keep (do not redact) spans, with the reviewer's reason when one was asked."""
    by_id = {s.id: s.uid for s in load_spans(session.db, report_id)}
    if not span_ids or any(i not in by_id for i in span_ids):
        raise InputError("That suggestion is no longer there; reopen the report.")
    return apply(session, c.Decide(report=actions.submission_id(session.db, report_id),
                                   actor=actions.local_actor(session),
                                   span_uids=tuple(by_id[i] for i in span_ids), decision=str(Decision.KEEP),
                                   reason=clean_keep_reason(reason)))


def confirm_keeps(session: Session, report_id: int, span_uids: Sequence[str]) -> Outcome:
    """Confirm what another reviewer kept, as it is (stage 2: not a change)."""
    return apply(session, c.ConfirmKeeps(report=actions.submission_id(session.db, report_id),
                                         actor=actions.local_actor(session),
                                         span_uids=tuple(dict.fromkeys(span_uids))))


def redact_finding(session: Session, report_id: int, finding: Finding) -> Outcome:
    """Redact what the scan found: the kept span covering it becomes a redaction (at stage 2
    a change: the report goes back to stage 1), or its words are marked with its label."""
    if finding.field.startswith("coding."):
        raise InputError("This is the panel's own text: change the words in the coding panel.")
    if finding.kept is not None:
        by_uid = {s.uid: s.id for s in load_spans(session.db, report_id)}
        if finding.kept.uid in by_uid:
            return actions.decide(session, report_id, [by_uid[finding.kept.uid]], Decision.REDACT)
    return actions.add_spans(session, report_id, finding.field, [(finding.source_start, finding.source_end)],
                             finding.label)
