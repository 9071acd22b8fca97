"""Sign-offs: each stage's decision, signed with the reviewer's Ed25519 key.

The statement signed is canonical JSON (RFC 8785) of what every database holding the
report shares: submission id, stage, decision, the hash of the publishable content, the
hash of the report's command history, the time and the key id (and a return's comment).
It is made where the reviewer is (`make_statement`, `sign_statement`) and carried in a
sign, approve or return command; `apply` verifies it against the actor's public key and
the report as it is there, and never signs again. Sign-offs made before version 2 signed
the local audit head instead of the history, and still verify.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import rfc8785

from workstation.analysis import ReportAnalyser
from workstation.errors import InputError
from workstation.keys import signing
from workstation.review.report_review import load_report
from workstation.review.spans import Decision
from workstation.session import Session
from workstation.stages import STAGE_NAMES, Stage, report_stage
from workstation.store.database import Database
from workstation.workflow.history import history_sha256
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.residual import Finding, residual_scan

STATEMENT = "near-miss-signoff"
STATEMENT_VERSION = 2
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


def signing_problems(db: Database, report_id: int, analyser: ReportAnalyser, signer: str | None = None
                     ) -> tuple[list[str], list[Finding]]:
    """What still stands between the report and a signature (either stage), in plain words,
    and the residual scan's findings. Stage 2 checks again what stage 1 checked. Words the
    `signer` kept or confirmed themself in this stage are not asked again."""
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
    findings = residual_scan(db, analyser, report_id, signer=signer)
    if findings:
        problems.append(f"the residual scan found {len(findings)} possible identifier"
                        f"{'s' if len(findings) != 1 else ''} in the redacted text")
    return problems, findings


def statement_v1(submission_id: str, stage: int, decision: str, content: str, signed_at: str,
                 audit_head: str, key: str, comment: str | None) -> bytes:
    """What sign-offs made before review commands signed (the local audit head)."""
    body: dict[str, Any] = {"submission_id": submission_id, "stage": stage, "decision": decision,
                            "content_sha256": content, "signed_at": signed_at, "audit_head": audit_head,
                            "key_id": key}
    if comment is not None:
        body["comment"] = comment
    return rfc8785.dumps(body)


def statement_v2(submission_id: str, stage: int, decision: str, content: str, history: str,
                 signed_at: str, key: str, comment: str | None) -> bytes:
    body: dict[str, Any] = {"statement": STATEMENT, "version": STATEMENT_VERSION,
                            "submission_id": submission_id, "stage": stage, "decision": decision,
                            "content_sha256": content, "history_sha256": history, "signed_at": signed_at,
                            "key_id": key}
    if comment is not None:
        body["comment"] = comment
    return rfc8785.dumps(body)


def make_statement(db: Database, report_id: int, stage: int, decision: str, key: str, signed_at: str,
                   comment: str | None) -> bytes:
    """The statement for signing the report as it is now in `db`."""
    submission_id = str(db.query_row("SELECT submission_id FROM reports WHERE id = ?", (report_id,))[0])
    return statement_v2(submission_id, stage, decision, content_sha256(publishable_content(db, report_id)),
                        history_sha256(db, report_id), signed_at, key, comment)


def sign_statement(session: Session, statement: bytes, passphrase: str) -> tuple[str, str]:
    """The reviewer's signature over `statement` (unsealed with their passphrase for this
    one signature) and the id of the key that made it."""
    seed = session.signing_seed(passphrase)  # a wrong passphrase stops here, nothing written
    try:
        public = signing.public_key_of(seed)
        return signing.sign(seed, statement).hex(), signing.key_id(public)
    finally:
        seed[:] = bytes(len(seed))


def parse_statement(statement: str) -> dict[str, Any]:
    """A version-2 statement as a command carries it; InputError if it is anything else."""
    try:
        body = json.loads(statement)
    except ValueError:
        body = None
    if not isinstance(body, dict) or body.get("statement") != STATEMENT \
            or body.get("version") != STATEMENT_VERSION:
        raise InputError("The sign-off's statement is not one this program signs.")
    if rfc8785.dumps(body).decode("utf-8") != statement:
        raise InputError("The sign-off's statement is not in canonical form.")
    return body


def _expected_statement(s: Signoff, submission_id: str) -> bytes:
    try:
        body = json.loads(s.statement)
    except ValueError:
        body = {}
    if isinstance(body, dict) and body.get("version") == STATEMENT_VERSION:
        return statement_v2(submission_id, s.stage, s.decision, s.content_sha256,
                            str(body.get("history_sha256")), s.signed_at, s.key_id, s.comment)
    return statement_v1(submission_id, s.stage, s.decision, s.content_sha256, s.signed_at, s.audit_head,
                        s.key_id, s.comment)


def verify_signoffs(db: Database) -> list[str]:
    """Every sign-off's signature and statement checked against the roster's public keys;
    returns the problems found (empty when all verify)."""
    problems = []
    submissions = dict(db.query("SELECT id, submission_id FROM reports"))
    for s in signoffs(db):
        expected = _expected_statement(s, submissions.get(s.report_id, "?"))
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
    statement: dict[str, Any] = json.loads(signoff.statement)
    return statement
