"""What the Panel tab shows, read in a few batched queries (no Qt): on the coordinator, each
enrolled reviewer with what they hold, due dates, overdue work, late returns and the
conflict queue; on a reviewer's laptop, the reports held here with their due dates and
the warnings the laptop gives before and at an assignment's due date.

Also the few checks and previews the dialogs need before anything is written (the UI
never reads the database itself)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from workstation.clock import utc_now
from workstation.errors import InputError, WorkstationError
from workstation.exchange import roles
from workstation.exchange.assign import check_reports, default_reviewer
from workstation.exchange.conflicts import Conflict, conflicts
from workstation.exchange.enrolment import (
    COORDINATOR_KEY,
    ENROLMENT,
    MAX_FILE,
    _read,
    coordinator_keys,
    current_laptop,
    fingerprint,
    laptops,
)
from workstation.exchange.merge import LaptopScan
from workstation.exchange.merge import _open as open_return
from workstation.intake.strict_json import StrictJSONError, parse_strict_json
from workstation.session import Session
from workstation.workflow.apply import apply_all
from workstation.workflow.commands import Command, command_from_dict
from workstation.workflow.holdings import is_overdue
from workstation.workflow.publishable import publishable_content

WARN_DAYS = 3  # the laptop warns this many days before an assignment's due date


def role_of(session: Session) -> str:
    return roles.role(session.db)


def _parse(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


def _now(now: str | None) -> str:
    return now or utc_now()


# ----- key files, before a person compares the fingerprint -------------------------------------


@dataclass(frozen=True)
class KeyFilePreview:
    name: str  # the reviewer's name (enrolment) or "" (coordinator key)
    display_name: str
    fingerprint: str


def read_key_file(path: Path, *, coordinator_key: bool) -> KeyFilePreview:
    """An enrolment or coordinator key file after every check but the fingerprint: its
    signature verifies and its fields are sound. The fingerprint is what a person then
    compares with the one its owner reads aloud; only after that is the file accepted."""
    kind = COORDINATOR_KEY if coordinator_key else ENROLMENT
    try:
        outer = parse_strict_json(Path(path).read_bytes()[: MAX_FILE + 1])
    except StrictJSONError as exc:
        raise InputError(f"The key file is not valid JSON ({exc.reason}).") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    document = outer.get("document") if isinstance(outer, dict) else None
    printed = fingerprint(document) if isinstance(document, dict) else ""
    fields = _read(Path(path), kind, printed).fields
    return KeyFilePreview(str(fields.get("name", "")), str(fields.get("display_name", "")), printed)


# ----- the coordinator ------------------------------------------------------------------------


@dataclass(frozen=True)
class Held:
    """One report out on a laptop."""

    reviewer: str
    report_id: int
    title: str
    stage: int  # the stage assigned
    report_stage: str
    due: str
    assignment_id: str
    overdue: bool


@dataclass(frozen=True)
class PanelReviewer:
    name: str
    display_name: str
    fingerprint: str
    key_id: str
    enrolled_at: str
    last_return: str | None  # when a return of theirs was last merged
    held: int
    overdue: int
    late_returns: int


@dataclass(frozen=True)
class LateReturn:
    reviewer: str
    assignment_id: str
    sequence: int
    merged_at: str


@dataclass(frozen=True)
class PanelState:
    reviewers: tuple[PanelReviewer, ...]
    held: tuple[Held, ...]
    late_returns: tuple[LateReturn, ...]
    open_conflicts: int
    now: str

    @property
    def overdue(self) -> int:
        return sum(1 for h in self.held if h.overdue)


def load_panel(session: Session, *, now: str | None = None) -> PanelState:
    """The coordinator's view of its panel (three queries, whatever the number of reports)."""
    db = session.db
    now = _now(now)
    held = tuple(
        Held(str(r[0]), int(r[1]), str(r[2] or ""), int(r[3]), str(r[4]), str(r[5]), str(r[6]),
             is_overdue(str(r[5]), now))
        for r in db.query(
            "SELECT a.reviewer, h.report_id, json_extract(p.submission, '$.title'), a.stage, p.stage, h.due, "
            "a.assignment_id FROM work_holds h JOIN work_assignments a ON a.assignment_id = h.assignment_id "
            "JOIN reports p ON p.id = h.report_id WHERE h.side = 'out' "
            "ORDER BY h.due, a.reviewer, h.report_id"
        )
    )
    returns: dict[str, list[tuple[str, str, int, bool]]] = {}
    for reviewer, assignment_id, sequence, accepted_at, late in db.query(
        "SELECT a.reviewer, a.assignment_id, p.sequence, p.accepted_at, p.late FROM work_packets p "
        "JOIN work_assignments a ON a.assignment_id = p.assignment_id WHERE p.kind = 'return' "
        "ORDER BY p.accepted_at"
    ):
        returns.setdefault(str(reviewer), []).append((str(assignment_id), str(accepted_at), int(sequence),
                                                      bool(late)))
    late = tuple(
        LateReturn(name, assignment_id, sequence, at)
        for name, found in returns.items()
        for assignment_id, at, sequence, was_late in found
        if was_late
    )
    display = {str(n): str(d) for n, d in db.query("SELECT name, display_name FROM reviewers")}
    reviewers = tuple(
        PanelReviewer(
            lap.reviewer,
            display.get(lap.reviewer, ""),
            lap.fingerprint,
            lap.key_id,
            lap.enrolled_at,
            returns[lap.reviewer][-1][1] if lap.reviewer in returns else None,
            sum(1 for h in held if h.reviewer == lap.reviewer),
            sum(1 for h in held if h.reviewer == lap.reviewer and h.overdue),
            sum(1 for r in late if r.reviewer == lap.reviewer),
        )
        for lap in laptops(db)
        if lap.retired_at is None
    )
    open_count = db.query_row("SELECT count(*) FROM work_conflicts WHERE resolved_at IS NULL")[0]
    return PanelState(reviewers, held, late, int(open_count), now)


def merged_before(session: Session, path: Path) -> bool:
    """Whether this return (checked as at merge) was merged here before."""
    try:
        packet, _assignment, _reviewer = open_return(session, path)
    except WorkstationError:
        return False
    found = session.db.query_one("SELECT 1 FROM work_packets WHERE packet_id = ?", (packet.packet_id,))
    return found is not None


def enrolled_reviewers(session: Session) -> list[str]:
    return [lap.reviewer for lap in laptops(session.db) if lap.retired_at is None]


@dataclass(frozen=True)
class AssignmentCheck:
    reports: tuple[int, ...]  # with their whole incidents
    added: tuple[int, ...]  # linked reports taken along


def check_assignment(session: Session, reviewer: str, stage: int, report_ids: list[int]) -> AssignmentCheck:
    """Every refusal `assign` would make, before anything is written (InputError says which)."""
    roles.require(session.db, roles.COORDINATOR, "Assigning work")
    if not report_ids:
        raise InputError("Select the reports to assign in the queue first.")
    current_laptop(session.db, reviewer)
    ordered, added = check_reports(session.db, reviewer, stage, list(dict.fromkeys(report_ids)))
    return AssignmentCheck(tuple(ordered), tuple(added))


def suggested_reviewer(session: Session, stage: int, report_ids: list[int]) -> str | None:
    """Stage 1 again goes to the reviewer who signed stage 1, when there was one."""
    if stage != 1 or not report_ids:
        return None
    try:
        return default_reviewer(session.db, report_ids)
    except InputError:
        return None


def held_out(session: Session, report_ids: list[int]) -> dict[int, str]:
    """Which of these reports are out, and on whose laptop."""
    if not report_ids:
        return {}
    marks = ",".join("?" * len(report_ids))
    return {
        int(r[0]): str(r[1])
        for r in session.db.query(
            "SELECT h.report_id, a.reviewer FROM work_holds h JOIN work_assignments a "
            f"ON a.assignment_id = h.assignment_id WHERE h.side = 'out' AND h.report_id IN ({marks})",
            tuple(report_ids),
        )
    }


# ----- conflicts: both sides, and what each would publish ---------------------------------------


COMMAND_WORDS = {
    "decide": "decision on a suggestion",
    "relabel": "label changed",
    "set_replacement": "replacement text",
    "generalise_date": "date generalised",
    "add_spans": "redaction added",
    "resize_span": "redaction widened or narrowed",
    "undo": "undo",
    "redo": "redo",
    "set_disclosure": "published field changed",
    "acknowledge_low_k": "low-k acknowledgement",
    "confirm_keeps": "kept suggestions confirmed (stage 2)",
    "save_coding": "coding saved",
    "link": "reports linked",
    "unlink": "report unlinked",
    "dismiss_finding": "finding dismissed",
    "reveal_original": "original revealed",
    "start_stage1": "stage 1 started",
    "start_stage2": "stage 2 started",
    "sign_stage1": "stage 1 signed",
    "approve": "approved (stage 2)",
    "return_to_stage1": "returned to stage 1",
    "set_aside": "set aside",
    "reopen": "reopened",
}


def describe_command(command: dict[str, Any]) -> str:
    """One line a person reads: what, by whom, when."""
    kind = str(command.get("kind", "?"))
    what = COMMAND_WORDS.get(kind, kind.replace("_", " "))
    actor = command.get("actor", {}).get("name", "?") if isinstance(command.get("actor"), dict) else "?"
    made = str(command.get("made_at", ""))[:16].replace("T", " ")
    given = command.get("args")
    args: dict[str, Any] = given if isinstance(given, dict) else {}
    extra = ""
    if kind == "decide":
        extra = f": {args.get('decision', '')} ({len(args.get('span_uids', []))} span(s))"
        if args.get("reason"):
            extra += f", kept because {args['reason']!r}"
    elif kind == "save_coding" and isinstance(args.get("coding"), dict):
        title = args["coding"].get("publishable_title")
        extra = f": title {title!r}" if title else ""
    elif kind in ("return_to_stage1", "set_aside") and args.get("comment", args.get("reason")):
        extra = f": {args.get('comment', args.get('reason'))!r}"
    return f"{what}{extra} — {actor}, {made}"


@dataclass(frozen=True)
class ConflictPreview:
    conflict: Conflict
    title: str
    ours: tuple[str, ...]  # what was done here since the assignment, one line each
    theirs: tuple[str, ...]  # the returned commands
    current: dict[str, Any]  # what would be published now
    with_return: dict[str, Any] | None  # ...with the returned work applied (None: refused)
    refusal: str | None  # why the returned work cannot be applied as it is
    changed: tuple[str, ...] = field(default=())  # published parts the returned work changes


class _DryRun(Exception):
    pass


def _conflict_evidence(conflict_id: int) -> Callable[[Command], dict[str, Any]]:
    return lambda _command: {"conflict": conflict_id}


def published_parts(content: dict[str, Any]) -> dict[str, str]:
    """The published content as named, readable parts (for side-by-side display)."""
    parts = {
        "Title": str(content.get("title", "")),
        "Lessons learned": str(content.get("lessons_learned", "")),
    }
    for name, text in content.get("text", {}).items():
        parts[name.replace("_", " ").capitalize()] = str(text)
    parts["Coding"] = ", ".join(
        [str(content.get("activity_type", ""))] + [str(f) for f in content.get("contributing_factors", [])]
    )
    structured = content.get("structured", {})
    parts["Published fields"] = "; ".join(
        f"{str(k).replace('_', ' ')}: {str(v).replace('_', ' ')}" for k, v in sorted(structured.items())
    ) if isinstance(structured, dict) else json.dumps(structured)
    return parts


def preview_conflicts(session: Session) -> list[ConflictPreview]:
    """Each open conflict with both sides: the coordinator's published content now, and the
    same with the returned commands applied, worked out in a transaction that is rolled back
    (nothing is written)."""
    db = session.db
    previews = []
    for found in conflicts(session):
        current = publishable_content(db, found.report_id)
        with_return: dict[str, Any] | None = None
        refusal: str | None = None
        try:
            with db.transaction() as tx:
                commands = [command_from_dict(c) for c in found.theirs]
                new = [c for c in commands if not tx.execute(
                    "SELECT 1 FROM review_commands WHERE command_id = ?", (c.command_id,)).fetchone()]
                apply_all(session, new, analyser=LaptopScan(), replay=True,
                          evidence=_conflict_evidence(found.id))
                with_return = publishable_content(db, found.report_id)
                raise _DryRun
        except _DryRun:
            pass
        except WorkstationError as exc:
            refusal = exc.message
        title = str(db.query_row("SELECT json_extract(submission, '$.title') FROM reports WHERE id = ?",
                                 (found.report_id,))[0] or "")
        changed: tuple[str, ...] = ()
        if with_return is not None:
            before, after = published_parts(current), published_parts(with_return)
            changed = tuple(k for k in after if before.get(k) != after[k])
        previews.append(ConflictPreview(
            found, title, tuple(describe_command(c) for c in found.ours),
            tuple(describe_command(c) for c in found.theirs), current, with_return, refusal, changed))
    return previews


# ----- the reviewer's laptop ------------------------------------------------------------------


@dataclass(frozen=True)
class HeldHere:
    report_id: int
    title: str
    stage: int  # the stage assigned
    report_stage: str
    due: str
    assignment_id: str
    work_to_return: bool  # commands made since the last return


@dataclass(frozen=True)
class DueWarning:
    assignment_id: str
    due: str
    reports: int
    expired: bool
    work_to_return: bool

    def text(self) -> str:
        day = self.due[:10]
        if self.expired:
            first = (
                "Write a return of your work now (Export returns…); "
                if self.work_to_return
                else "Its work has gone out in a return; "
            )
            return (
                f"The assignment of {self.reports} report(s) was due {day} and has expired. {first}"
                "the reports are deleted only once the coordinator's receipt or revocation notice arrives."
            )
        return f"{self.reports} report(s) are due {day}: return your work before then (Export returns…)."


@dataclass(frozen=True)
class LaptopState:
    coordinator_fingerprint: str | None
    held: tuple[HeldHere, ...]
    warnings: tuple[DueWarning, ...]
    now: str


def load_laptop(session: Session, *, now: str | None = None, warn_days: int = WARN_DAYS) -> LaptopState:
    db = session.db
    now = _now(now)
    soon = (_parse(now) + timedelta(days=warn_days)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    last = {int(r): int(s) for r, s in db.query(
        "SELECT report_id, max(seq) FROM review_commands GROUP BY report_id")}
    held = tuple(
        HeldHere(int(r[0]), str(r[1] or ""), int(r[2]), str(r[3]), str(r[4]), str(r[5]),
                 last.get(int(r[0]), 0) > int(r[6]))
        for r in db.query(
            "SELECT p.id, json_extract(p.submission, '$.title'), a.stage, p.stage, a.due, a.assignment_id, "
            "w.returned_seq FROM work_reports w JOIN work_assignments a ON a.id = w.assignment_ref "
            "JOIN reports p ON p.submission_id = w.submission_id ORDER BY a.due, p.id"
        )
    )
    warnings = []
    for assignment_id in dict.fromkeys(h.assignment_id for h in held):
        mine = [h for h in held if h.assignment_id == assignment_id]
        due = mine[0].due
        if due <= soon:
            warnings.append(DueWarning(assignment_id, due, len(mine), due < now,
                                       any(h.work_to_return for h in mine)))
    keys = db.query("SELECT fingerprint FROM panel_coordinators WHERE retired_at IS NULL ORDER BY id DESC")
    fingerprint = str(keys[0][0]) if keys and coordinator_keys(db) else None
    return LaptopState(fingerprint, held, tuple(warnings), now)
