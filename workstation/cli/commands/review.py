"""Scripting the review: `review show` (a report's spans, decisions, coding and stage as
JSON, text only with --text), `review history` (the commands applied to a report, as JSON
lines) and `review apply` (review commands from a JSON-lines file, in order, all or
nothing; another reviewer's work replays as long as they are on the roster).

A sign, approve or return command written with an empty statement and signature is signed
here, by the reviewer who unlocked, as the report stands when the command's turn comes. A
sign or approve signed here while fewer than k reports share the report's month and
published details, with no written reason on record for its content, needs
`--low-k-reason TEXT`: it is recorded first (an acknowledge_low_k command), in the same
all-or-nothing step. Commands already signed (another reviewer's work replayed) are not
checked for k, as at a merge.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from workstation.cli.common import (
    database_options,
    reviewer_options,
    unlock_with_passphrase,
)
from workstation.errors import ExitCode, FileSystemError, InputError, SigningRefused
from workstation.intake.strict_json import read_small_file
from workstation.reports import find_report_id
from workstation.review.coding import coding_to_dict
from workstation.review.report_review import load_report
from workstation.session import Session
from workstation.stages import report_stage
from workstation.workflow import actions
from workstation.workflow import commands as c
from workstation.workflow.apply import apply, apply_all
from workstation.workflow.changes import changes_since_stage1
from workstation.workflow.disclosure_check import check_report
from workstation.workflow.history import commands_jsonl, history_sha256
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.signoff import signoffs

MAX_FILE_BYTES = 64 * 1024 * 1024
CODING_TEXT = ("publishable_title", "lessons_learned", "takeaways", "discussion_questions")


def register(subparsers: argparse._SubParsersAction) -> None:
    parents = [database_options(), reviewer_options()]
    review = subparsers.add_parser("review", help="a report's review, for scripts: show, history, apply")
    commands = review.add_subparsers(dest="review_command", required=True)

    show = commands.add_parser("show", parents=parents, help="a report's spans, decisions, coding and stage")
    show.add_argument("--report", required=True, metavar="REPORT", help="number or submission id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument("--text", action="store_true",
                      help="include the report's text, replacements and the panel's own text")
    show.set_defaults(handler=run_show)

    history = commands.add_parser("history", parents=parents,
                                  help="the review commands applied to a report, as JSON lines")
    history.add_argument("--report", required=True, metavar="REPORT")
    history.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of printing")
    history.set_defaults(handler=run_history)

    apply = commands.add_parser("apply", parents=parents,
                                help="apply review commands from a JSON-lines file (all or nothing)")
    apply.add_argument("--report", required=True, metavar="REPORT")
    apply.add_argument("file", type=Path, metavar="FILE.jsonl")
    apply.add_argument("--low-k-reason", metavar="TEXT",
                       help="why a report may be signed although fewer than k reports share its month and "
                            "published details (asked for only then)")
    apply.set_defaults(handler=run_apply)


def show_document(session: Session, report_id: int, *, text: bool) -> dict[str, Any]:
    db = session.db
    review = load_report(db, report_id)
    spans = []
    for span in review.spans:
        item: dict[str, Any] = {"uid": span.uid, **dataclasses.asdict(span.state),
                                "decided_by": span.decided_by}
        if not text:
            item["replacement"] = None if span.state.replacement is None else "(own words)"
        spans.append(item)
    coding = coding_to_dict(review.coding)
    if not text:
        coding = {k: (len(v) if k in CODING_TEXT else v) for k, v in coding.items()}  # lengths only
    return {
        "report": review.submission_id, "number": report_id, "stage": report_stage(db, report_id),
        "fields": {name: ({"length": len(value), "text": value} if text else {"length": len(value)})
                   for name, value in review.texts.items()},
        "spans": spans, "coding": coding,
        "signoffs": [{"stage": s.stage, "decision": s.decision, "reviewer": s.reviewer, "key_id": s.key_id,
                      "content_sha256": s.content_sha256, "signed_at": s.signed_at, "current": s.current}
                     for s in signoffs(db, report_id)],
        "changes_since_stage1": [dataclasses.asdict(n) for n in changes_since_stage1(db, report_id)],
        "content_sha256": content_sha256(publishable_content(db, report_id)),
        "history_sha256": history_sha256(db, report_id),
    }


def run_show(args: argparse.Namespace) -> int:
    session, _ = unlock_with_passphrase(args)
    try:
        document = show_document(session, find_report_id(session.db, args.report), text=args.text)
    finally:
        session.lock()
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        decided = sum(1 for s in document["spans"] if s["decision"] != "pending")
        print(f"Report {document['number']} ({document['report']}): {document['stage']}, "
              f"{decided} of {len(document['spans'])} spans decided, "
              f"{len(document['signoffs'])} sign-offs; content {document['content_sha256'][:16]}")
    return ExitCode.OK


def run_history(args: argparse.Namespace) -> int:
    session, _ = unlock_with_passphrase(args)
    try:
        lines = commands_jsonl(session.db, find_report_id(session.db, args.report))
    finally:
        session.lock()
    if args.out is None:
        sys.stdout.write(lines)
    else:
        if args.out.exists():
            raise FileSystemError(f"{args.out} already exists; choose another file name.")
        args.out.write_text(lines, encoding="utf-8")
        print(f"{lines.count(chr(10))} commands written to {args.out}.")
    return ExitCode.OK


def read_commands(path: Path, submission_id: str) -> list[c.Command]:
    """The file's commands, each checked; InputError naming the first bad line."""
    raw = read_small_file(path, MAX_FILE_BYTES, "file of review commands")
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text.") from None
    found = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            command = c.command_from_dict(json.loads(line))
        except ValueError:
            raise InputError(f"Line {number} of {path} is not JSON. Nothing was applied.") from None
        except InputError as exc:
            raise InputError(f"Line {number} of {path}: {exc.message} Nothing was applied.") from None
        if command.report != submission_id:
            raise InputError(f"Line {number} of {path} is for another report. Nothing was applied.")
        found.append(command)
    if not found:
        raise InputError(f"{path} holds no review commands.")
    return found


def run_apply(args: argparse.Namespace) -> int:
    session, passphrase = unlock_with_passphrase(args)
    try:
        report_id = find_report_id(session.db, args.report)
        found = read_commands(args.file, actions.submission_id(session.db, report_id))
        analyser = None
        if any(command.kind in (c.SignStage1.kind, c.Approve.kind) for command in found):
            from workstation.detect.detector import get_detector  # loads spaCy: only when needed

            analyser = get_detector()

        def complete(command: c.Command) -> c.Command:
            if command.kind in c.SIGNING_KINDS and not getattr(command, "signature", ""):
                if command.actor.name != session.reviewer:
                    raise InputError(f"Only {command.actor.name} can sign their own command.")
                comment = getattr(command, "comment", None)
                if command.kind in (c.SignStage1.kind, c.Approve.kind):
                    low_k(report_id)
                return actions.signed_command(session, report_id, command.kind, passphrase, comment)
            return command

        def low_k(report_id: int) -> None:
            check = check_report(session.db, report_id)
            if not check.needs_reason:
                return
            if not (args.low_k_reason or "").strip():
                problem = f"{check.in_words()} {actions.LOW_K_PROBLEM} (--low-k-reason TEXT)"
                raise SigningRefused(problem + ".", problems=(problem,), low_k=check)
            apply(session, c.AcknowledgeLowK(report=actions.submission_id(session.db, report_id),
                                             actor=actions.local_actor(session),
                                             reason=actions.clean_low_k_reason(args.low_k_reason)))

        outcomes = apply_all(session, found, analyser=analyser, complete=complete)
        stage = report_stage(session.db, report_id)
    finally:
        session.lock()
    applied = sum(1 for o in outcomes if o.applied)
    print(f"{applied} of {len(outcomes)} commands applied to report {report_id} "
          f"({len(outcomes) - applied} changed nothing); the report is now {stage}.")
    return ExitCode.OK
