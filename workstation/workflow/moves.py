"""Handlers of the commands that move a report through the stages, and of the signed
ones: sign stage 1, approve, return to stage 1. A signed command carries the statement and
signature made where the reviewer was; it is checked here against the actor's key and the
report as it is in this database, and never signed again. Stage 2 must be another
reviewer with another key (checked here and by a trigger in the database)."""

from __future__ import annotations

from typing import Any

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import ChangedSinceStage1, InputError, SignatureInvalid, SigningRefused
from workstation.keys import signing
from workstation.stages import SET_ASIDE_REASONS, Stage, check_move
from workstation.store.database import Database
from workstation.store.transaction import Transaction, inserted_id
from workstation.text.invisible import refuse_invisible
from workstation.workflow import commands as c
from workstation.workflow.changes import stage1_snapshot
from workstation.workflow.context import Context, Effect, Handler
from workstation.workflow.history import history_sha256
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.signoff import current_signoff, parse_statement, signing_problems
from workstation.workflow.staleness import move_stage

MIN_COMMENT = 5
_MOVES = {c.SignStage1.kind: ("sign_stage1", Stage.STAGE1_SIGNED),
          c.Approve.kind: ("approve", Stage.APPROVED),
          c.ReturnToStage1.kind: ("return", Stage.RETURNED)}


def _move(ctx: Context, move: str, new_stage: Stage, note: str | None = None,
          payload: dict[str, Any] | None = None) -> Effect:
    move_stage(ctx.tx, ctx.actor, ctx.report_id, new_stage, note)
    return Effect(f"workflow.{move}", {"stage": new_stage.value, **(payload or {})})


def check_other_reviewer(ctx: Context) -> None:
    check_stage2_reviewer(ctx.db, ctx.report_id, ctx.actor, ctx.public_key)


def check_stage2_reviewer(db: Database, report_id: int, reviewer: str, public_key: bytes) -> None:
    """Stage 2 is for a reviewer other than the stage-1 signer, with another key."""
    first = current_signoff(db, report_id, 1, "signed")
    if first is None:
        raise InputError("Stage 1 has not been signed.")
    if first.reviewer == reviewer or first.public_key == public_key:
        raise InputError("Stage 2 must be done by a different reviewer than stage 1 "
                         f"({first.reviewer} signed stage 1).")


def check_unchanged_since_stage1(db: Database, report_id: int) -> None:
    """Both sign-offs cover the identical publishable content: stage 2 approves only what
    stage 1 signed. Whatever stage 2 changed goes back to stage 1 first."""
    first = current_signoff(db, report_id, 1, "signed")
    if first is not None and first.content_sha256 != content_sha256(publishable_content(db, report_id)):
        raise ChangedSinceStage1(
            "The report changed after stage 1 was signed, so it cannot be approved: both sign-offs must "
            "cover the same content. Return it to stage 1 with your changes; the stage-1 reviewer sees "
            "what changed and signs again, then you approve.", problems=("changed since stage 1 signed",))


def start_stage1(ctx: Context) -> Effect:
    check_move("start_stage1", ctx.stage)
    return _move(ctx, "start_stage1", Stage.STAGE1)


def start_stage2(ctx: Context) -> Effect:
    check_move("start_stage2", ctx.stage)
    check_other_reviewer(ctx)
    return _move(ctx, "start_stage2", Stage.STAGE2)


def set_aside(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.SetAside)
    if command.reason not in SET_ASIDE_REASONS:
        raise InputError("Choose why the report is set aside: " + ", ".join(SET_ASIDE_REASONS.values()) + ".")
    check_move("set_aside", ctx.stage)
    refuse_invisible(command.comment, "The comment")
    comment = " ".join(command.comment.split())
    note = SET_ASIDE_REASONS[command.reason] + (f": {comment}" if comment else "")
    return _move(ctx, "set_aside", Stage.SET_ASIDE, note, {"reason": command.reason})


def reopen(ctx: Context) -> Effect:
    check_move("reopen", ctx.stage)
    return _move(ctx, "reopen", Stage.RECEIVED)


def clean_comment(comment: str) -> str:
    refuse_invisible(comment, "The comment")
    comment = " ".join(comment.split())
    if len(comment) < MIN_COMMENT:
        raise InputError("Say what stage 1 should change (a comment of a few words at least).")
    return comment


def _check_statement(ctx: Context, stage: int, decision: str, comment: str | None) -> dict[str, Any]:
    """The statement the command carries must be about this report as it is here, by the
    actor's key, and its signature must verify."""
    command = ctx.command
    assert isinstance(command, c.SignStage1 | c.Approve | c.ReturnToStage1)
    body = parse_statement(command.statement)
    submission_id = ctx.db.query_row("SELECT submission_id FROM reports WHERE id = ?", (ctx.report_id,))[0]
    expected = {"submission_id": submission_id, "stage": stage, "decision": decision,
                "key_id": command.actor.key_id}
    wrong = [k for k, v in expected.items() if body.get(k) != v]
    if body.get("comment") != comment:
        wrong.append("comment")
    if wrong:
        raise SignatureInvalid("The sign-off's statement does not match the command ("
                               + ", ".join(wrong) + ").")
    if signing.key_id(ctx.public_key) != command.actor.key_id:
        raise SignatureInvalid("The sign-off was not made with the actor's key.")
    try:
        signature = bytes.fromhex(command.signature)
    except ValueError:
        signature = b""
    if not signing.verify(ctx.public_key, signature, command.statement.encode("utf-8")):
        raise SignatureInvalid(f"The sign-off's signature does not verify with {command.actor.name}'s key "
                               f"{command.actor.key_id}.")
    if body.get("content_sha256") != content_sha256(publishable_content(ctx.db, ctx.report_id)):
        raise SignatureInvalid("The sign-off was made for other content than the report has here.")
    if body.get("history_sha256") != history_sha256(ctx.db, ctx.report_id):
        raise SignatureInvalid("The sign-off was made after other commands than the report has here.")
    if not isinstance(body.get("signed_at"), str):
        raise SignatureInvalid("The sign-off's statement has no time.")
    return body


def signed_move(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.SignStage1 | c.Approve | c.ReturnToStage1)
    stage, decision = c.SIGNING_KINDS[command.kind]
    move, new_stage = _MOVES[command.kind]
    check_move(move, ctx.stage)
    given = command.comment if isinstance(command, c.ReturnToStage1) else None
    comment = clean_comment(given) if given is not None else None
    if comment is not None and comment != given:
        raise InputError("A return's comment must be written as it is signed (single spaces).")
    if isinstance(command, c.Approve) or (comment is not None and ctx.stage == Stage.STAGE2):
        check_other_reviewer(ctx)
    if isinstance(command, c.Approve):
        check_unchanged_since_stage1(ctx.db, ctx.report_id)
    if comment is None:
        if ctx.analyser is None:
            raise InputError("Signing needs the identifier detector for the residual scan.")
        problems, findings = signing_problems(ctx.db, ctx.report_id, ctx.analyser, signer=ctx.actor)
        if problems:
            what = "Stage 1 cannot be signed yet: " if stage == 1 else "The report cannot be approved yet: "
            raise SigningRefused(what + "; ".join(problems) + ".", problems=tuple(problems),
                                 findings=tuple(findings))
    body = _check_statement(ctx, stage, decision, comment)
    content = str(body["content_sha256"])
    key_row = ctx.db.query_row("SELECT id FROM reviewer_keys WHERE public_key = ?", (ctx.public_key,))[0]
    head = chain.head(ctx.db)[1]  # recorded locally; not part of what was signed
    cursor = ctx.tx.execute(
        "INSERT INTO signoffs(report_id, stage, decision, reviewer_key_id, content_sha256, audit_head, "
        "signed_at, statement, signature, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ctx.report_id, stage, decision, key_row, content, head, body["signed_at"], command.statement,
         bytes.fromhex(command.signature), comment))
    signoff_id = inserted_id(cursor)
    if stage == 1:
        snapshot = stage1_snapshot(ctx.db, ctx.report_id)
        ctx.tx.execute("INSERT INTO signoff_snapshots(signoff_id, spans, coding) VALUES (?, ?, ?)",
                       (signoff_id, snapshot.spans_json, snapshot.coding_json))
    moved = _move(ctx, move, new_stage, comment)
    chain.append(ctx.tx, actor=ctx.actor, action=moved.action, obj=f"report:{ctx.report_id}",
                 payload=moved.payload)
    if comment is not None:
        ctx.tx.execute("UPDATE signoffs SET stale_at = ?, stale_reason = ? WHERE report_id = ? AND stage = 1 "
                       "AND stale_at IS NULL", (utc_now(), "returned by stage 2", ctx.report_id))
    return Effect("signoff.sign", {"signoff": signoff_id, "stage": stage, "decision": decision,
                                   "content_sha256": content, "key_id": command.actor.key_id},
                  signoff_id=signoff_id)


def mark_published(tx: Transaction, actor: str, report_id: int, publication_id: str) -> None:
    """Called by the publication export, inside its transaction (not a review command:
    publishing is the coordinator's, after both sign-offs)."""
    stage = tx.execute("SELECT stage FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
    check_move("publish", stage)
    move_stage(tx, actor, report_id, Stage.PUBLISHED)
    chain.append(tx, actor=actor, action="workflow.publish", obj=f"report:{report_id}",
                 payload={"stage": Stage.PUBLISHED.value, "publication": publication_id})


def mark_retracted(tx: Transaction, actor: str, report_id: int, reason: str,
                   audit_payload: dict[str, Any]) -> None:
    """Called by the retraction (export/retraction.py), inside its transaction: a published
    report goes back to stage 1 with the reason as its note, and both sign-offs go stale, so
    it is corrected and signed through both stages again before a later batch republishes it
    (under a new publication id)."""
    stage = tx.execute("SELECT stage FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
    check_move("retract", stage)
    tx.execute("UPDATE signoffs SET stale_at = ?, stale_reason = ? WHERE report_id = ? AND stale_at IS NULL",
               (utc_now(), "retracted after publication", report_id))
    move_stage(tx, actor, report_id, Stage.RETURNED, f"Retracted after publication: {reason}")
    chain.append(tx, actor=actor, action="export.retraction", obj=f"report:{report_id}",
                 payload=audit_payload)


HANDLERS: dict[str, Handler] = {
    c.StartStage1.kind: start_stage1, c.StartStage2.kind: start_stage2, c.SetAside.kind: set_aside,
    c.Reopen.kind: reopen, c.SignStage1.kind: signed_move, c.Approve.kind: signed_move,
    c.ReturnToStage1.kind: signed_move,
}
