"""Handlers of the commands that edit a report: decisions on spans, undo and redo, the
panel's coding, linked reports, residual-scan dismissals and the audited reveal of the
original. Each checks that the report's stage allows it and writes its change inside the
transaction `apply` opened (see apply.py); staleness is worked out there, once."""

from __future__ import annotations

import json
from typing import Any

from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.review import decisions
from workstation.review.coding import check_coding, load_coding, write_coding
from workstation.review.report_review import load_report
from workstation.review.span_store import load_spans
from workstation.review.spans import Decision
from workstation.review.structured import Disclosure, check_choice, load_choices, write_choice
from workstation.stages import check_editable
from workstation.workflow import commands as c
from workstation.workflow import keeps
from workstation.workflow.context import Context, Effect, Handler
from workstation.workflow.disclosure_check import check_report, clean_low_k_reason
from workstation.workflow.linking import write_link, write_unlink
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.residual import write_dismissal

_DECISION_ACTIONS = {"redact": "accept", "keep": "reject", "pending": "reopen"}


def _span_edit(ctx: Context, changes: tuple[decisions.SpanChange, ...], action: str,
               payload: dict[str, object]) -> Effect:
    if not changes:
        return Effect(action, noop=True)
    decisions.write_change(ctx.tx, ctx.report_id, changes, ctx.actor)
    return Effect(f"review.{action}", {"spans": [ch.uid for ch in changes], **payload}, changes=changes)


def _editable_spans(ctx: Context) -> list[decisions.ReviewSpan]:
    check_editable(ctx.stage)
    return load_spans(ctx.db, ctx.report_id)


def decide(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.Decide)
    if command.decision not in _DECISION_ACTIONS:
        raise InputError(f"Unknown decision {command.decision!r}.")
    reason = keeps.clean_keep_reason(command.reason)
    if reason is not None and command.decision != Decision.KEEP:
        raise InputError("A reason goes with a keep only.")
    changes = decisions.plan_decide(_editable_spans(ctx), command.span_uids, command.decision)
    payload: dict[str, Any] = {"decision": command.decision}
    if reason is not None:
        payload["reason"] = True  # that one was given; the words stay in the command record
    return _span_edit(ctx, changes, _DECISION_ACTIONS[command.decision], payload)


def relabel(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.Relabel)
    changes = decisions.plan_relabel(_editable_spans(ctx), command.span_uids, command.label)
    return _span_edit(ctx, changes, "relabel", {"label": command.label})


def set_replacement(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.SetReplacement)
    changes = decisions.plan_replacement(_editable_spans(ctx), command.span_uids, command.replacement)
    text = decisions.clean_replacement(command.replacement)
    # Counted, never recorded: the reviewer's words may echo the original.
    return _span_edit(ctx, changes, "replace", {"custom": text is not None, "length": len(text or "")})


def generalise(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.GeneraliseDate)
    changes = decisions.plan_generalise(_editable_spans(ctx), command.span_uids, command.on)
    return _span_edit(ctx, changes, "generalise", {"generalise": command.on})


def add_spans(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.AddSpans)
    spans = _editable_spans(ctx)
    texts = _field_lengths(ctx)
    for new in command.spans:
        if new.field not in texts or new.end > texts[new.field]:
            raise InputError("A marked stretch is outside the report's text.")
    changes = decisions.plan_add(spans, command.spans, command.label)
    replaced = sum(1 for ch in changes if ch.after is None)
    return _span_edit(ctx, changes, "add_all" if command.all_occurrences else "add",
                      {"label": command.label, "added": len(command.spans), "replaced": replaced})


def _field_lengths(ctx: Context) -> dict[str, int]:
    return {name: len(text) for name, text in load_report(ctx.db, ctx.report_id).texts.items()}


def undo_or_redo(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.Undo | c.Redo)
    check_editable(ctx.stage)
    if not command.changes:
        raise InputError("There is nothing to undo.")
    decisions.write_change(ctx.tx, ctx.report_id, command.changes, ctx.actor)
    of_kind = ctx.tx.execute("SELECT kind FROM review_commands WHERE command_id = ?",
                             (command.of,)).fetchone()
    return Effect(f"review.{command.kind}", {"spans": [ch.uid for ch in command.changes],
                                             "of": of_kind[0] if of_kind else "?"}, changes=command.changes)


def save_coding(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.SaveCoding)
    check_editable(ctx.stage)
    submission = ctx.db.query_row("SELECT submission FROM reports WHERE id = ?", (ctx.report_id,))[0]
    previous = load_coding(ctx.db, ctx.report_id, json.loads(submission))
    coding = check_coding(command.coding)
    changed = coding.changed_fields(previous)
    if not changed:
        return Effect("coding.update", noop=True)
    write_coding(ctx.tx, ctx.report_id, coding, ctx.actor)
    return Effect("coding.update", {"fields": changed})


def set_disclosure(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.SetDisclosure)
    check_editable(ctx.stage)
    try:
        check_choice(command.field, command.choice)
    except ValueError as exc:
        raise InputError(f"{exc}.") from None
    if load_choices(ctx.db, ctx.report_id).get(command.field, Disclosure.PUBLISH) == command.choice:
        return Effect("review.disclosure", noop=True)
    write_choice(ctx.tx, ctx.report_id, command.field, command.choice, ctx.actor)
    return Effect("review.disclosure", {"field": command.field, "choice": command.choice})


def acknowledge_low_k(ctx: Context) -> Effect:
    """The written reason to sign although fewer than k reports share the report's details;
    it holds for the publishable content as it is now."""
    command = ctx.command
    assert isinstance(command, c.AcknowledgeLowK)
    reason = clean_low_k_reason(command.reason)
    check = check_report(ctx.db, ctx.report_id)
    content = content_sha256(publishable_content(ctx.db, ctx.report_id))
    ctx.tx.execute("INSERT OR REPLACE INTO disclosure_acknowledgements(report_id, content_sha256, matching, "
                   "k, reason, acknowledged_by, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (ctx.report_id, content, check.matching, check.k, reason, ctx.actor, utc_now()))
    return Effect("disclosure.acknowledge_low_k", {"matching": check.matching, "k": check.k})


def _report_ids(ctx: Context, submission_ids: tuple[str, ...]) -> list[int]:
    found = []
    for submission_id in submission_ids:
        row = ctx.db.query_one("SELECT id FROM reports WHERE submission_id = ?", (submission_id,))
        if row is None:
            raise InputError("A report to link is not in this database.")
        found.append(int(row[0]))
    return found


def link(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.Link)
    primary = _report_ids(ctx, (command.primary,))[0]
    others = _report_ids(ctx, command.supplemental)
    incident_id = write_link(ctx.tx, ctx.db, ctx.actor, primary, others)
    return Effect("incident.link", {"primary": primary, "supplemental": others},
                  obj=f"incident:{incident_id}", touched=(primary, *others))


def unlink(ctx: Context) -> Effect:
    incident_id, role, members = write_unlink(ctx.tx, ctx.db, ctx.report_id)
    return Effect("incident.unlink", {"report": ctx.report_id, "role": role}, obj=f"incident:{incident_id}",
                  touched=tuple(members))


def dismiss_finding(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.DismissFinding)
    write_dismissal(ctx.tx, ctx.db, ctx.report_id, command.field, command.start, command.end, command.label,
                    command.reason, ctx.actor)
    return Effect("residual.dismiss", {"field": command.field, "label": command.label})


def reveal_original(ctx: Context) -> Effect:
    """Who revealed which report's original text, and when (never the text)."""
    return Effect("report.reveal_original", {"stage": ctx.stage})


HANDLERS: dict[str, Handler] = {
    c.Decide.kind: decide, c.Relabel.kind: relabel, c.SetReplacement.kind: set_replacement,
    c.GeneraliseDate.kind: generalise, c.AddSpans.kind: add_spans, c.Undo.kind: undo_or_redo,
    c.Redo.kind: undo_or_redo, c.SaveCoding.kind: save_coding, c.Link.kind: link, c.Unlink.kind: unlink,
    c.DismissFinding.kind: dismiss_finding, c.RevealOriginal.kind: reveal_original,
    c.SetDisclosure.kind: set_disclosure, c.AcknowledgeLowK.kind: acknowledge_low_k,
}
