"""Moving a report through the two stages, with sign-offs signed by the reviewers' keys.

Signing asks for the reviewer's passphrase again: it unseals their Ed25519 key for one
signature over a canonical statement (submission id, stage, decision, hash of the
publishable content, time, audit head, key id). Stage 2 must be another reviewer with
another key (checked here and by a trigger in the database). A later change to the
publishable content makes the sign-off stale and sends the report back a stage.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import rfc8785

from workstation.analysis import ReportAnalyser
from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.keys import signing
from workstation.review.report_review import load_report
from workstation.review.spans import Decision
from workstation.session import Session
from workstation.store.database import Database
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.residual import residual_scan
from workstation.workflow.staleness import report_stage
from workstation.workflow.states import SET_ASIDE_REASONS, STAGE_NAMES, Stage, check_move

MIN_COMMENT = 5


@dataclass(frozen=True)
class Signoff:
    id: int
    report_id: int
    stage: int
    decision: str
    reviewer: str
    public_key: bytes
    content_sha256: str
    audit_head: str
    signed_at: str
    comment: str | None
    stale_at: str | None
    stale_reason: str | None
    statement: str
    signature: bytes

    @property
    def key_id(self) -> str:
        return signing.key_id(self.public_key)

    @property
    def current(self) -> bool:
        return self.stale_at is None


_SIGNOFF_SQL = """
SELECT s.id, s.report_id, s.stage, s.decision, r.name, k.public_key, s.content_sha256, s.audit_head,
       s.signed_at, s.comment, s.stale_at, s.stale_reason, s.statement, s.signature
FROM signoffs s JOIN reviewer_keys k ON k.id = s.reviewer_key_id JOIN reviewers r ON r.id = k.reviewer_id
"""


def _signoff(row: Any) -> Signoff:
    values = list(row)
    values[5], values[13] = bytes(values[5]), bytes(values[13])
    return Signoff(*values)


def signoffs(db: Database, report_id: int | None = None) -> list[Signoff]:
    where = "" if report_id is None else " WHERE s.report_id = ?"
    rows = db.query(_SIGNOFF_SQL + where + " ORDER BY s.id", () if report_id is None else (report_id,))
    return [_signoff(r) for r in rows]


def current_signoff(db: Database, report_id: int, stage: int, decision: str) -> Signoff | None:
    found = [s for s in signoffs(db, report_id) if s.stage == stage and s.decision == decision and s.current]
    return found[-1] if found else None


def stage_note(db: Database, report_id: int) -> str | None:
    row = db.query_one("SELECT stage_note FROM reports WHERE id = ?", (report_id,))
    return None if row is None else row[0]


def _move(tx: Any, session: Session, report_id: int, move: str, new_stage: Stage,
          note: str | None = None, payload: dict[str, Any] | None = None) -> None:
    tx.execute("UPDATE reports SET stage = ?, stage_reviewer = ?, stage_note = ? WHERE id = ?",
               (new_stage.value, session.reviewer, note, report_id))
    chain.append(tx, actor=session.reviewer, action=f"workflow.{move}", obj=f"report:{report_id}",
                 payload={"stage": new_stage.value, **(payload or {})})


def _checked(session: Session, report_id: int, move: str) -> str:
    stage = report_stage(session.db, report_id)
    check_move(move, stage)
    return stage


# ----- stage 1 -----------------------------------------------------------------------


def start_stage1(session: Session, report_id: int) -> None:
    _checked(session, report_id, "start_stage1")
    with session.db.transaction() as tx:
        _move(tx, session, report_id, "start_stage1", Stage.STAGE1)


def signing_problems(db: Database, report_id: int, analyser: ReportAnalyser) -> list[str]:
    """What still stands between the report and a signature (either stage), in plain words.
    Stage 2 checks again what stage 1 checked: the residual scan in particular."""
    review = load_report(db, report_id)
    problems = []
    pending = sum(1 for s in review.spans if s.decision == Decision.PENDING)
    if pending:
        problems.append(f"{pending} suggestion{'s' if pending != 1 else ''} not decided yet")
    coding = review.coding
    if not coding.publishable_title:
        problems.append("no publishable title")
    if not coding.activity_type:
        problems.append("no activity type")
    if not coding.contributing_factors:
        problems.append("no contributing factor")
    if not coding.lessons_learned:
        problems.append("no lessons learned")
    findings = residual_scan(db, analyser, report_id)
    if findings:
        problems.append(f"the residual scan found {len(findings)} possible identifier"
                        f"{'s' if len(findings) != 1 else ''} in the redacted text")
    return problems


def sign_stage1(session: Session, report_id: int, passphrase: str, analyser: ReportAnalyser) -> Signoff:
    _checked(session, report_id, "sign_stage1")
    problems = signing_problems(session.db, report_id, analyser)
    if problems:
        raise InputError("Stage 1 cannot be signed yet: " + "; ".join(problems) + ".")
    return _sign(session, report_id, 1, "signed", None, passphrase,
                 lambda tx: _move(tx, session, report_id, "sign_stage1", Stage.STAGE1_SIGNED))


# ----- stage 2 -----------------------------------------------------------------------


def _stage1_signer_check(session: Session, report_id: int) -> None:
    first = current_signoff(session.db, report_id, 1, "signed")
    if first is None:
        raise InputError("Stage 1 has not been signed.")
    mine = _current_key(session)
    if first.reviewer == session.reviewer or first.public_key == mine[1]:
        raise InputError("Stage 2 must be done by a different reviewer than stage 1 "
                         f"({first.reviewer} signed stage 1).")


def start_stage2(session: Session, report_id: int) -> None:
    _checked(session, report_id, "start_stage2")
    _stage1_signer_check(session, report_id)
    with session.db.transaction() as tx:
        _move(tx, session, report_id, "start_stage2", Stage.STAGE2)


def approve(session: Session, report_id: int, passphrase: str, analyser: ReportAnalyser) -> Signoff:
    _checked(session, report_id, "approve")
    _stage1_signer_check(session, report_id)
    problems = signing_problems(session.db, report_id, analyser)
    if problems:
        raise InputError("The report cannot be approved yet: " + "; ".join(problems) + ".")
    return _sign(session, report_id, 2, "approved", None, passphrase,
                 lambda tx: _move(tx, session, report_id, "approve", Stage.APPROVED))


def return_to_stage1(session: Session, report_id: int, comment: str, passphrase: str) -> Signoff:
    """Stage 2 sends the report back with a comment (signed, like an approval)."""
    _checked(session, report_id, "return")
    comment = " ".join(comment.split())
    if len(comment) < MIN_COMMENT:
        raise InputError("Say what stage 1 should change (a comment of a few words at least).")
    if report_stage(session.db, report_id) == Stage.STAGE2:
        _stage1_signer_check(session, report_id)

    def move(tx: Any) -> None:
        _move(tx, session, report_id, "return", Stage.RETURNED, note=comment)
        tx.execute("UPDATE signoffs SET stale_at = ?, stale_reason = ? WHERE report_id = ? AND stage = 1 "
                   "AND stale_at IS NULL", (utc_now(), "returned by stage 2", report_id))

    return _sign(session, report_id, 2, "returned", comment, passphrase, move)


# ----- set aside, publish ------------------------------------------------------------


def set_aside(session: Session, report_id: int, reason: str, comment: str = "") -> None:
    if reason not in SET_ASIDE_REASONS:
        raise InputError("Choose why the report is set aside: " + ", ".join(SET_ASIDE_REASONS.values()) + ".")
    _checked(session, report_id, "set_aside")
    note = SET_ASIDE_REASONS[reason] + (f": {' '.join(comment.split())}" if comment.strip() else "")
    with session.db.transaction() as tx:
        _move(tx, session, report_id, "set_aside", Stage.SET_ASIDE, note=note, payload={"reason": reason})


def reopen(session: Session, report_id: int) -> None:
    _checked(session, report_id, "reopen")
    with session.db.transaction() as tx:
        _move(tx, session, report_id, "reopen", Stage.RECEIVED)


def mark_published(tx: Any, session: Session, report_id: int, publication_id: str) -> None:
    """Called by the export, inside its transaction."""
    stage = tx.execute("SELECT stage FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
    check_move("publish", stage)
    _move(tx, session, report_id, "publish", Stage.PUBLISHED, payload={"publication": publication_id})


# ----- staleness ---------------------------------------------------------------------


def refresh_staleness(session: Session, report_id: int) -> str | None:
    """If the publishable content no longer matches the sign-off that covers it, mark that
    sign-off stale and send the report back; returns why, or None when nothing changed."""
    db = session.db
    stage = report_stage(db, report_id)
    if stage == Stage.STAGE1_SIGNED:
        covering, back_to, what = current_signoff(db, report_id, 1, "signed"), Stage.STAGE1, "stage 1"
    elif stage == Stage.APPROVED:
        covering, back_to, what = current_signoff(db, report_id, 2, "approved"), Stage.STAGE2, "the approval"
    else:
        return None
    if covering is None or covering.content_sha256 == content_sha256(publishable_content(db, report_id)):
        return None
    reason = f"The publishable content changed after {what} was signed; {what} must be signed again."
    with db.transaction() as tx:
        tx.execute("UPDATE signoffs SET stale_at = ?, stale_reason = ? WHERE id = ?",
                   (utc_now(), "publishable content changed", covering.id))
        _move(tx, session, report_id, "stale", back_to, note=reason, payload={"signoff": covering.id})
    return reason


# ----- signing -----------------------------------------------------------------------


def _current_key(session: Session) -> tuple[int, bytes]:
    row = session.db.query_one(
        "SELECT k.id, k.public_key FROM reviewer_keys k JOIN reviewers r ON r.id = k.reviewer_id "
        "WHERE r.name = ? AND k.retired_at IS NULL", (session.reviewer,))
    if row is None:
        raise InputError(f"Reviewer {session.reviewer!r} has no signing key.")
    return int(row[0]), bytes(row[1])


def statement_for(submission_id: str, stage: int, decision: str, content: str, signed_at: str,
                  audit_head: str, key: str, comment: str | None) -> bytes:
    body = {"submission_id": submission_id, "stage": stage, "decision": decision,
            "content_sha256": content, "signed_at": signed_at, "audit_head": audit_head, "key_id": key}
    if comment is not None:
        body["comment"] = comment
    return rfc8785.dumps(body)


def _sign(session: Session, report_id: int, stage: int, decision: str, comment: str | None,
          passphrase: str, then: Callable[[Any], None]) -> Signoff:
    seed = session.signing_seed(passphrase)  # a wrong passphrase stops here, nothing written
    try:
        key_row_id, public = _current_key(session)
        if signing.public_key_of(seed) != public:
            raise InputError("Your signing key does not match the roster; ask another reviewer to check it.")
        db = session.db
        submission_id = db.query_one("SELECT submission_id FROM reports WHERE id = ?", (report_id,))[0]
        with db.transaction() as tx:
            content = content_sha256(publishable_content(db, report_id))
            head = chain.head(db)[1]
            signed_at = utc_now()
            statement = statement_for(submission_id, stage, decision, content, signed_at, head,
                                      signing.key_id(public), comment)
            signature = signing.sign(seed, statement)
            cursor = tx.execute(
                "INSERT INTO signoffs(report_id, stage, decision, reviewer_key_id, content_sha256, "
                "audit_head, signed_at, statement, signature, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (report_id, stage, decision, key_row_id, content, head, signed_at,
                 statement.decode("utf-8"), signature, comment))
            then(tx)
            chain.append(tx, actor=session.reviewer, action="signoff.sign", obj=f"report:{report_id}",
                         payload={"signoff": int(cursor.lastrowid), "stage": stage, "decision": decision,
                                  "content_sha256": content, "key_id": signing.key_id(public)})
    finally:
        seed[:] = bytes(len(seed))
    return next(s for s in signoffs(db, report_id) if s.id == cursor.lastrowid)


def verify_signoffs(db: Database) -> list[str]:
    """Every sign-off's signature and statement checked against the roster's public keys;
    returns the problems found (empty when all verify)."""
    problems = []
    submissions = dict(db.query("SELECT id, submission_id FROM reports"))
    for s in signoffs(db):
        expected = statement_for(submissions.get(s.report_id, "?"), s.stage, s.decision, s.content_sha256,
                                 s.signed_at, s.audit_head, s.key_id, s.comment)
        if s.statement.encode("utf-8") != expected:
            problems.append(f"sign-off {s.id}: its record does not match what was signed")
        elif not signing.verify(s.public_key, s.signature, expected):
            problems.append(f"sign-off {s.id}: the signature does not verify with {s.reviewer}'s key "
                            f"{s.key_id}")
    return problems


def describe_stage(db: Database, report_id: int) -> str:
    """The stage in words, with why it is there when that needs saying (returned, stale...)."""
    note = stage_note(db, report_id)
    name = STAGE_NAMES[Stage(report_stage(db, report_id))]
    return f"{name} — {note}" if note else name


def signed_statement(signoff: Signoff) -> dict[str, Any]:
    return json.loads(signoff.statement)
