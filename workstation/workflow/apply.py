"""The one way to change a report: `apply(session, command)`.

It refuses a command applied before (by its id), checks the actor against the roster,
lets the command's handler check what the report's stage allows and write the change,
writes the audit entry and the command's record, and works out staleness for every
report whose publishable content may have changed; all in one transaction, so a refused
command leaves the database as it was. `apply_all` does the same for a list, all or
nothing. Handlers live in edits.py (spans, coding, links, findings), moves.py (stages
and sign-offs) and keeps.py (stage 2 confirming what stage 1 kept).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from workstation.analysis import ReportAnalyser
from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import DuplicateCommand, InputError
from workstation.keys import signing
from workstation.review.decisions import SpanChange
from workstation.session import Session
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.workflow import edits, history, keeps, moves, resize_edit
from workstation.workflow.commands import SIGNING_KINDS, Command
from workstation.workflow.context import Context, Handler
from workstation.workflow.linking import linked_reports
from workstation.workflow.staleness import WentStale, refresh_staleness


@dataclass(frozen=True)
class Outcome:
    command: Command
    report_id: int
    changes: tuple[SpanChange, ...] = ()
    stale: tuple[WentStale, ...] = ()  # reports sent back a stage by this command
    signoff_id: int | None = None
    applied: bool = True  # False: the command changed nothing and was not recorded

    @property
    def stale_reason(self) -> str | None:
        mine = [s.reason for s in self.stale if s.report_id == self.report_id]
        return mine[0] if mine else None


HANDLERS: dict[str, Handler] = {**edits.HANDLERS, **moves.HANDLERS, **resize_edit.HANDLERS, **keeps.HANDLERS}


def find_report(db: Database, submission_id: str) -> int:
    row = db.query_one("SELECT id FROM reports WHERE submission_id = ?", (submission_id,))
    if row is None:
        raise InputError("The report a command names is not in this database.")
    return int(row[0])


def _actor_key(session: Session, command: Command, replay: bool) -> bytes:
    """The public key of the command's actor; refuses an actor who may not act here."""
    actor = command.actor
    if not replay and actor.name != session.reviewer:
        raise InputError(f"This command was made by {actor.name}, not by {session.reviewer}, who is "
                         "signed in; apply another reviewer's work as a replay.")
    rows = session.db.query(
        "SELECT k.public_key, k.retired_at, r.active FROM reviewer_keys k JOIN reviewers r "
        "ON r.id = k.reviewer_id WHERE r.name = ?", (actor.name,))
    if not rows:
        raise InputError(f"{actor.name} is not on this database's roster.")
    if not rows[0][2]:
        raise InputError(f"Reviewer {actor.name} has been deactivated.")
    for public, retired_at, _active in rows:
        if signing.key_id(bytes(public)) == actor.key_id:
            if retired_at is not None and (not replay or command.kind in SIGNING_KINDS):
                raise InputError(f"The key {actor.key_id} of {actor.name} has been retired.")
            return bytes(public)
    raise InputError(f"The key {actor.key_id} is not one of {actor.name}'s keys.")


def _check_hold(tx: Transaction, report_id: int, command: Command, merging: str | None) -> None:
    """Reports out on a reviewer's laptop change here only through the merge of their
    assignment; on a laptop, nothing after the due date and no linking (work_holds, kept by
    workstation/exchange)."""
    if command.kind in ("link", "unlink"):  # linking changes every report of the incidents involved
        named = [getattr(command, "primary", ""), *getattr(command, "supplemental", ())]
        find = "SELECT id FROM reports WHERE submission_id = ?"
        ids = {i for n in named for (i,) in tx.execute(find, (n,))}
        for member in {*ids, report_id}:
            out = tx.execute("SELECT 1 FROM work_holds WHERE side = 'out' AND report_id IN (SELECT ? UNION "
                             "SELECT report_id FROM incident_reports WHERE incident_id = (SELECT incident_id "
                             "FROM incident_reports WHERE report_id = ?))", (member, member)).fetchone()
            if out is not None:
                raise InputError("A report of this incident is assigned out to a reviewer's laptop; link and "
                                 "unlink once it is back (or revoked).")
    hold = tx.execute("SELECT assignment_id, side, due FROM work_holds WHERE report_id = ?",
                      (report_id,)).fetchone()
    if hold is None:
        return
    if hold[1] == "out" and hold[0] != merging:
        raise InputError("This report is assigned out to a reviewer's laptop; it changes here only when "
                         "their return is merged (or after `workstation panel revoke`).")
    if hold[1] == "here" and command.kind in ("link", "unlink"):
        raise InputError("Reports are linked and unlinked only on the coordinator's workstation.")
    if hold[1] == "here" and utc_now() > hold[2]:
        raise InputError(f"The assignment of this report was due {hold[2][:10]}: write a return "
                         "(`workstation returns export`) and wait for the coordinator's receipt.")


def _apply_in(session: Session, tx: Transaction, command: Command, analyser: ReportAnalyser | None,
              replay: bool, merging: str | None = None,
              evidence: Callable[[Command], dict[str, Any]] | None = None) -> Outcome:
    if history.already_applied(tx, command.command_id):
        raise DuplicateCommand(f"Command {command.command_id} ({command.kind}) was applied before; "
                               "it is not applied twice.", command_id=command.command_id)
    report_id = find_report(session.db, command.report)
    _check_hold(tx, report_id, command, merging)
    ctx = Context(session, tx, report_id, command, analyser, _actor_key(session, command, replay))
    effect = HANDLERS[command.kind](ctx)
    if effect.noop:
        return Outcome(command, report_id, applied=False)
    # The audit entry and the command's record point at each other through the entry's seq
    # (review_commands.audit_seq), so the payload stays as it always was.
    payload = dict(effect.payload)
    if command.actor.name != session.reviewer:
        payload["applied_by"] = session.reviewer
    if evidence is not None:
        payload.update(evidence(command))  # e.g. the laptop's audit entry a merged command cites
    entry = chain.append(tx, actor=command.actor.name, action=effect.action,
                         obj=effect.obj or f"report:{report_id}", payload=payload)
    history.record(tx, report_id, command, session.reviewer, entry.seq)
    stale: tuple[WentStale, ...] = ()
    if command.changes_content:
        affected = [*linked_reports(session.db, report_id), *effect.touched]
        stale = refresh_staleness(session.db, tx, command.actor.name, affected)
    return Outcome(command, report_id, effect.changes, stale, effect.signoff_id)


def apply(session: Session, command: Command, *, analyser: ReportAnalyser | None = None,
          replay: bool = False) -> Outcome:
    """Apply one command (see the module's doc). `replay`: the command may be another
    reviewer's, made on another database (its actor must be on this roster)."""
    with session.db.transaction() as tx:
        outcome = _apply_in(session, tx, command, analyser, replay)
    if outcome.signoff_id is not None:
        session.note_chain_head()  # after the commit: the key file vouches for the sign-off
    return outcome


def apply_all(session: Session, commands: Sequence[Command], *, analyser: ReportAnalyser | None = None,
              replay: bool = True, complete: Callable[[Command], Command] | None = None,
              merging: str | None = None,
              evidence: Callable[[Command], dict[str, Any]] | None = None) -> list[Outcome]:
    """Apply commands in order, all or nothing: the first refusal undoes the others.
    `complete` may finish a command just before it is applied, seeing what the ones before
    it changed (the CLI signs a sign command written without its signature there).
    `merging`: the assignment whose return this is; `evidence`: more for each audit entry."""
    with session.db.transaction() as tx:
        outcomes = []
        for number, command in enumerate(commands, start=1):
            try:
                if complete is not None:
                    command = complete(command)
                outcomes.append(_apply_in(session, tx, command, analyser, replay, merging, evidence))
            except InputError as exc:
                exc.message = f"Command {number} ({command.kind}): {exc.message} Nothing was applied."
                raise
    if any(o.signoff_id is not None for o in outcomes):
        session.note_chain_head()  # after the commit (a no-op inside a caller's transaction)
    return outcomes
