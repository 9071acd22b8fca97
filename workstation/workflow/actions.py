"""What a reviewer does, as the GUI and the CLI do it: each function makes the review
command for the signed-in reviewer (signing it where a signature is needed) and applies it
through `apply`. Reports are named here by their row id and spans by the view's span ids;
the commands themselves carry submission ids and span uids."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from workstation.analysis import ReportAnalyser
from workstation.clock import utc_now
from workstation.errors import InputError, SigningRefused
from workstation.keys import signing
from workstation.review.bulk import find_matches
from workstation.review.coding import Coding, check_coding
from workstation.review.decisions import NewSpan, SpanChange, uncovered_occurrences
from workstation.review.resize import snapped, stepped
from workstation.review.span_store import load_spans
from workstation.roster.reviewers import find_reviewer
from workstation.session import Session
from workstation.stages import check_move, report_stage
from workstation.store.database import Database
from workstation.workflow import commands as c
from workstation.workflow.apply import Outcome, apply, apply_all
from workstation.workflow.disclosure_check import KCheck, check_report, clean_low_k_reason
from workstation.workflow.linking import choose_primary, linked_reports
from workstation.workflow.moves import check_stage2_reviewer, check_unchanged_since_stage1, clean_comment
from workstation.workflow.residual import Finding, clean_reason
from workstation.workflow.signoff import Signoff, make_statement, sign_statement, signing_problems, signoffs


def local_actor(session: Session) -> c.Actor:
    """The signed-in reviewer and their current signing key."""
    reviewer = find_reviewer(session.db, session.reviewer)
    if reviewer is None:
        raise InputError(f"Reviewer {session.reviewer!r} is not on the roster.")
    return c.Actor(reviewer.name, reviewer.key_id)


def submission_id(db: Database, report_id: int) -> str:
    row = db.query_one("SELECT submission_id FROM reports WHERE id = ?", (report_id,))
    if row is None:
        raise InputError("That report is not in the database.")
    return str(row[0])


class _Base(TypedDict):
    report: str
    actor: c.Actor


def _base(session: Session, report_id: int) -> _Base:
    """What every command made here carries: the report's submission id, and who made it."""
    return {"report": submission_id(session.db, report_id), "actor": local_actor(session)}


def _uids(session: Session, report_id: int, span_ids: Sequence[int]) -> tuple[str, ...]:
    by_id = {s.id: s.uid for s in load_spans(session.db, report_id)}
    if any(i not in by_id for i in span_ids):
        raise InputError("That suggestion is no longer there; reopen the report.")
    return tuple(by_id[i] for i in span_ids)


# ----- decisions on spans --------------------------------------------------------------------


def decide(session: Session, report_id: int, span_ids: Sequence[int], decision: str) -> Outcome:
    """Accept (redact) or reject (keep) spans, or set them back to pending."""
    return apply(session, c.Decide(**_base(session, report_id),
                                   span_uids=_uids(session, report_id, span_ids), decision=str(decision)))


def relabel(session: Session, report_id: int, span_ids: Sequence[int], label: str) -> Outcome:
    return apply(session, c.Relabel(**_base(session, report_id),
                                    span_uids=_uids(session, report_id, span_ids), label=label))


def set_replacement(session: Session, report_id: int, span_ids: Sequence[int],
                    replacement: str | None) -> Outcome:
    return apply(session, c.SetReplacement(**_base(session, report_id),
                                           span_uids=_uids(session, report_id, span_ids),
                                           replacement=replacement))


def set_generalise(session: Session, report_id: int, span_ids: Sequence[int], on: bool) -> Outcome:
    return apply(session, c.GeneraliseDate(**_base(session, report_id),
                                           span_uids=_uids(session, report_id, span_ids), on=on))


def _new_spans(ranges: Sequence[tuple[str, int, int]]) -> tuple[NewSpan, ...]:
    return tuple(NewSpan(str(uuid.uuid4()), name, start, end) for name, start, end in ranges)


def add_spans(session: Session, report_id: int, field_name: str, ranges: Sequence[tuple[int, int]],
              label: str) -> Outcome:
    """Spans the reviewer marks (a missed identifier), redacted at once."""
    return apply(session, c.AddSpans(**_base(session, report_id),
                                     spans=_new_spans([(field_name, a, b) for a, b in ranges]), label=label))


def redact_all_occurrences(session: Session, report_id: int, texts: dict[str, str], needle: str,
                           label: str) -> Outcome:
    """'Apply to all occurrences': every occurrence in every field, in one undoable step.
    The occurrences are found here; the command carries where they are."""
    todo = uncovered_occurrences(load_spans(session.db, report_id), texts, needle)
    if not todo:
        command = c.AddSpans(**_base(session, report_id), spans=(), label=label, all_occurrences=True)
        return Outcome(command, report_id, applied=False)
    return apply(session, c.AddSpans(**_base(session, report_id), spans=_new_spans(todo), label=label,
                                     all_occurrences=True))


def redact_matches(session: Session, report_id: int, texts: dict[str, str], query: str, label: str,
                   *, pattern: bool = False) -> Outcome:
    """Find and redact: every match of `query` (text, or a pattern; case-insensitive) in
    every field that no redaction covers yet, marked `label`, in one undoable step (an
    AddSpans like 'apply to all occurrences')."""
    todo = find_matches(load_spans(session.db, report_id), texts, query, pattern=pattern)
    command = c.AddSpans(**_base(session, report_id), spans=_new_spans(todo), label=label,
                         all_occurrences=True)
    if not todo:
        return Outcome(command, report_id, applied=False)
    return apply(session, command)


def resize_span(session: Session, report_id: int, span_id: int, texts: dict[str, str], edge: str,
                grow: bool, *, to: int | None = None) -> Outcome:
    """Widen or narrow a span by one word at its start or end, or (`to`) drag that edge to an
    offset, snapped to a word boundary (ResizeSpan; undoable)."""
    span = next((s for s in load_spans(session.db, report_id) if s.id == span_id), None)
    if span is None:
        raise InputError("That suggestion is no longer there; reopen the report.")
    if to is None:
        moved = stepped(texts.get(span.field, ""), span.start, span.end, edge, grow)
    else:  # an edge dragged to `to`
        moved = snapped(texts.get(span.field, ""), span.start, span.end, edge, to)
    if moved is None:
        raise InputError("It cannot be " + ("widened" if grow else "narrowed") + " further at its "
                         + edge + ".")
    return apply(session, c.ResizeSpan(**_base(session, report_id), span_uid=span.uid, start=moved[0],
                                       end=moved[1]))


@dataclass
class UndoStack:
    """Undo and redo for the decisions on spans made in this view; each step is a command
    that carries the span states it restores, so it replays anywhere like any other."""

    session: Session
    done: list[Outcome] = field(default_factory=list)
    undone: list[Outcome] = field(default_factory=list)

    def push(self, outcome: Outcome) -> Outcome:
        if outcome.changes:
            self.done.append(outcome)
            self.undone.clear()
        return outcome

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    def _step(self, kind: type[c.Undo] | type[c.Redo], outcome: Outcome,
              changes: tuple[SpanChange, ...]) -> Outcome:
        return apply(self.session, kind(**_base(self.session, outcome.report_id),
                                        of=outcome.command.command_id, changes=changes))

    def undo(self) -> Outcome | None:
        if not self.done:
            return None
        outcome = self.done.pop()
        self._step(c.Undo, outcome, tuple(ch.inverse() for ch in reversed(outcome.changes)))
        self.undone.append(outcome)
        return outcome

    def redo(self) -> Outcome | None:
        if not self.undone:
            return None
        outcome = self.undone.pop()
        self._step(c.Redo, outcome, outcome.changes)
        self.done.append(outcome)
        return outcome


# ----- coding, links, findings, the original --------------------------------------------------


def save_coding(session: Session, report_id: int, coding: Coding, previous: Coding) -> Coding:
    """Save the panel's coding if it changed (checked and tidied first); returns it tidied."""
    coding = check_coding(coding)
    if coding.changed_fields(previous):
        apply(session, c.SaveCoding(**_base(session, report_id), coding=coding))
    return coding


def set_disclosure(session: Session, report_id: int, field_name: str, choice: str) -> Outcome:
    """Publish a structured field as given, generalised one step, or withheld."""
    return apply(session, c.SetDisclosure(**_base(session, report_id), field=field_name, choice=choice))


def acknowledge_low_k(session: Session, report_id: int, reason: str) -> Outcome:
    return apply(session, c.AcknowledgeLowK(**_base(session, report_id), reason=reason))


@dataclass(frozen=True)
class LinkOutcome:
    primary_id: int
    linked: tuple[int, ...]  # the reports that became supplemental
    went_back: tuple[int, ...]  # signed reports whose sign-off the new placeholders made stale


def link_reports(session: Session, primary_id: int, supplemental_ids: list[int],
                 *, open_id: int | None = None) -> Outcome:
    db = session.db
    others = [rid for rid in dict.fromkeys(supplemental_ids) if rid != primary_id]
    if not others:
        raise InputError("Choose at least one other report to link.")
    return apply(session, c.Link(**_base(session, primary_id if open_id is None else open_id),
                                 primary=submission_id(db, primary_id),
                                 supplemental=tuple(submission_id(db, r) for r in others)))


def link_with(session: Session, open_id: int, chosen: list[int]) -> LinkOutcome:
    """Link `chosen` with the report a reviewer has open (see linking.choose_primary)."""
    primary, others = choose_primary(session.db, open_id, chosen)
    outcome = link_reports(session, primary, others, open_id=open_id)
    members = linked_reports(session.db, primary)
    return LinkOutcome(primary, tuple(r for r in others if r in members),
                       tuple(dict.fromkeys(s.report_id for s in outcome.stale)))


def unlink_with(session: Session, report_id: int) -> LinkOutcome:
    """Unlink a report (a primary ends its incident); which reports went back a stage."""
    members = linked_reports(session.db, report_id)
    outcome = apply(session, c.Unlink(**_base(session, report_id)))
    return LinkOutcome(members[0], (), tuple(dict.fromkeys(s.report_id for s in outcome.stale)))


def dismiss_finding(session: Session, report_id: int, finding: Finding, reason: str) -> Outcome:
    return apply(session, c.DismissFinding(**_base(session, report_id), field=finding.field,
                                           start=finding.source_start, end=finding.source_end,
                                           label=finding.label, reason=clean_reason(reason)))


def reveal_original(session: Session, report_id: int) -> Outcome:
    """Record that the signed-in reviewer revealed the report's original text."""
    return apply(session, c.RevealOriginal(**_base(session, report_id)))


# ----- stages and sign-offs -------------------------------------------------------------------


def start_stage1(session: Session, report_id: int) -> Outcome:
    return apply(session, c.StartStage1(**_base(session, report_id)))


def start_stage2(session: Session, report_id: int) -> Outcome:
    return apply(session, c.StartStage2(**_base(session, report_id)))


def set_aside(session: Session, report_id: int, reason: str, comment: str = "") -> Outcome:
    return apply(session, c.SetAside(**_base(session, report_id), reason=reason, comment=comment))


def reopen(session: Session, report_id: int) -> Outcome:
    return apply(session, c.Reopen(**_base(session, report_id)))


def _signed(session: Session, report_id: int, kind: str, sign: Callable[[bytes], tuple[str, str]],
            comment: str | None = None) -> c.Command:
    stage, decision = c.SIGNING_KINDS[kind]
    actor = local_actor(session)
    statement = make_statement(session.db, report_id, stage, decision, actor.key_id, utc_now(), comment)
    signature, key = sign(statement)
    if key != actor.key_id:
        raise InputError("Your signing key does not match the roster; ask another reviewer to check it.")
    extra = {"comment": comment} if comment is not None else {}
    kind_type: Any = c.COMMAND_TYPES[kind]
    return kind_type(report=submission_id(session.db, report_id), actor=actor,  # type: ignore[no-any-return]
                     statement=statement.decode("utf-8"), signature=signature, **extra)


def signed_command(session: Session, report_id: int, kind: str, passphrase: str,
                   comment: str | None = None) -> c.Command:
    """A sign, approve or return command for the report as it is now, signed with the
    reviewer's key (unsealed with `passphrase` for this one signature)."""
    return _signed(session, report_id, kind, lambda statement: sign_statement(session, statement, passphrase),
                   comment)


def _signed_with_seed(session: Session, report_id: int, kind: str, seed: bytearray) -> c.Command:
    def sign(statement: bytes) -> tuple[str, str]:
        return signing.sign(seed, statement).hex(), signing.key_id(signing.public_key_of(seed))

    return _signed(session, report_id, kind, sign)


# ----- the re-identification check where the reviewer signs ---------------------------------
#
# Signing a report that fewer than k approved and published reports share its month and
# published details with needs a written reason (an AcknowledgeLowK command, audited, holding
# for the publishable content as it is now). It is asked here, where the reviewer signs: the
# GUI's signing dialog, the CLI's `review apply --low-k-reason`. A laptop's sign command merged
# at the coordinator (moves.signed_move through apply) is not refused on k: the signer saw the
# laptop's figure, from the coordinator's counts, and their reason travels as its own command.

LOW_K_PROBLEM = "Give a written reason to sign below k"


def disclosure_for_signing(session: Session, report_id: int) -> KCheck:
    """What the signing dialog shows: the re-identification check of the report as it is now
    (on the coordinator counted in the whole database, on a laptop from the counts of the
    latest assignment packet: `counted_from`, `counts_as_of`), with the proposal, and whether
    a written reason is on record for this content (`acknowledged`; `needs_reason`)."""
    return check_report(session.db, report_id)


def _refuse_early(session: Session, report_id: int, move: str, analyser: ReportAnalyser, what: str,
                  low_k_reason: str | None = None) -> str | None:
    """What can be refused before the passphrase is used (apply checks all again but k).
    Returns the written reason to record before signing, when the report is below k and
    none is on record for its content yet."""
    check_move(move, report_stage(session.db, report_id))
    if move == "approve":
        reviewer = find_reviewer(session.db, session.reviewer)
        public_key = (reviewer.public_key if reviewer else None) or b""
        check_stage2_reviewer(session.db, report_id, session.reviewer, public_key)
        check_unchanged_since_stage1(session.db, report_id)
    problems, findings = signing_problems(session.db, report_id, analyser, signer=session.reviewer)
    check = check_report(session.db, report_id)
    low_k, reason = None, None
    if check.needs_reason:
        if low_k_reason is None or not low_k_reason.strip():
            problems.append(f"{check.in_words()} {LOW_K_PROBLEM}")
            low_k = check
        else:
            reason = clean_low_k_reason(low_k_reason)
    if problems:
        raise SigningRefused(what + "; ".join(problems) + ".", problems=tuple(problems),
                             findings=tuple(findings), low_k=low_k)
    return reason


def _signoff_of(session: Session, outcome: Outcome) -> Signoff:
    return next(s for s in signoffs(session.db, outcome.report_id) if s.id == outcome.signoff_id)


def _sign(session: Session, report_id: int, kind: str, passphrase: str, analyser: ReportAnalyser,
          low_k_reason: str | None, what: str) -> Signoff:
    move = "sign_stage1" if kind == c.SignStage1.kind else "approve"
    reason = _refuse_early(session, report_id, move, analyser, what, low_k_reason)
    if reason is None:
        command = signed_command(session, report_id, kind, passphrase)
        return _signoff_of(session, apply(session, command, analyser=analyser))
    seed = session.signing_seed(passphrase)  # a wrong passphrase stops here, nothing written
    try:
        # The reason, then the sign-off over the history that includes it: all or nothing.
        acknowledge = c.AcknowledgeLowK(**_base(session, report_id), reason=reason)
        unsigned: Any = c.COMMAND_TYPES[kind]
        outcomes = apply_all(session, [acknowledge, unsigned(**_base(session, report_id), statement="",
                                                             signature="")], analyser=analyser,
                             complete=lambda command: command if command is acknowledge
                             else _signed_with_seed(session, report_id, kind, seed))
    finally:
        seed[:] = bytes(len(seed))
    return _signoff_of(session, outcomes[-1])


def sign_stage1(session: Session, report_id: int, passphrase: str, analyser: ReportAnalyser,
                low_k_reason: str | None = None) -> Signoff:
    """Sign stage 1. Below k with no reason on record for this content, `low_k_reason` is
    needed (recorded first, as its own audited command); without it SigningRefused, whose
    `low_k` holds the check."""
    return _sign(session, report_id, c.SignStage1.kind, passphrase, analyser, low_k_reason,
                 "Stage 1 cannot be signed yet: ")


def approve(session: Session, report_id: int, passphrase: str, analyser: ReportAnalyser,
            low_k_reason: str | None = None) -> Signoff:
    """Approve at stage 2; below k as sign_stage1 (a reason stage 1 gave for the same content
    holds: the content is the same)."""
    return _sign(session, report_id, c.Approve.kind, passphrase, analyser, low_k_reason,
                 "The report cannot be approved yet: ")


def return_to_stage1(session: Session, report_id: int, comment: str, passphrase: str) -> Signoff:
    """Stage 2 sends the report back with a comment (signed, like an approval)."""
    check_move("return", report_stage(session.db, report_id))
    command = signed_command(session, report_id, c.ReturnToStage1.kind, passphrase, clean_comment(comment))
    return _signoff_of(session, apply(session, command))

