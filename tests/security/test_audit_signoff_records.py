"""Issue 15 §5: a sign-off row deleted (or slipped in) behind the store's back is caught.

`audit verify` cross-checks every `signoff.sign` audit entry against a matching sign-off
row and every row against exactly one entry. The attacks hold the raw data key and drop
the triggers; the chain and every remaining signature still verify, so each of these
tests failed on the code before the fix (verify exited 0; checked against HEAD's
cli/commands/audit.py, which had no cross-check).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.helpers.files import run_cli
from tests.helpers.intake import open_bench, valid_submission, write
from tests.helpers.stories import LOW_K_REASON
from workstation.errors import ExitCode
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.importer import import_bundle
from workstation.keys.keyfile import KeyFile, keyfile_path_for
from workstation.review.coding import Coding
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.session import Session, unlock
from workstation.store.database import _raw_key
from workstation.workflow import actions
from workstation.workflow.actions import save_coding
from workstation.workflow.residual import residual_scan
from workstation.workflow.verification import verify_everything

NARRATIVE = ("On March 3rd, 2026 my partner Dave Reyes and I stopped a Ford F-150 on Kessler Ave. "
             "The driver had a knife under the seat and we took him into custody.")


def _complete_stage1(session: Session, report_id: int, detector: object) -> None:
    review = open_report(session, report_id)
    pending = [s.id for s in review.spans if s.decision == Decision.PENDING]
    if pending:
        actions.decide(session, report_id, pending, Decision.REDACT)
    for finding in residual_scan(session.db, detector, report_id):
        if not finding.field.startswith("coding."):
            actions.add_spans(session, report_id, finding.field, [(finding.source_start, finding.source_end)],
                              finding.label)
    save_coding(session, report_id,
                Coding(publishable_title="Weapon under the seat on a routine stop",
                       activity_type="traffic_stop",
                       contributing_factors=("complacency",), loss_potential=("officer_serious_injury",),
                       lessons_learned="Search the reach area before you relax.",
                       takeaways=("Search the reach area",), discussion_questions=("Where would you look?",)),
                open_report(session, report_id).coding)


@pytest.fixture(scope="module")
def signed_template(template_workstation: Workstation, tmp_path_factory: pytest.TempPathFactory,
                    detector: object) -> Workstation:
    """Two reports: one signed at stage 1 and approved, one signed at stage 1 only."""
    folder = tmp_path_factory.mktemp("signed")
    bench = open_bench(template_workstation, folder)
    alice = bench.session
    submissions = []
    for _ in range(2):
        submission = valid_submission(str(uuid.uuid4()))
        submission.update({"narrative": NARRATIVE, "lessons_learned": "Always wait for cover."})
        submissions.append(submission)
    path = write(folder, make_bundle(submissions, signing_key=bench.ctx.signing_key,
                                     recipient=bench.ctx.recipient), "two.nmbundle")
    import_bundle(alice, path, analyser=detector)
    ids = [alice.db.query_one("SELECT id FROM reports WHERE submission_id = ?", (s["submission_id"],))[0]
           for s in submissions]
    for report_id in ids:
        actions.start_stage1(alice, report_id)
        _complete_stage1(alice, report_id, detector)
        actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, detector, low_k_reason=LOW_K_REASON)
    bob = unlock(alice.path, BOB, BOB_PASSPHRASE)
    actions.start_stage2(bob, ids[0])
    actions.approve(bob, ids[0], BOB_PASSPHRASE, detector, low_k_reason=LOW_K_REASON)
    bob.lock()
    alice.lock()
    return Workstation(folder / "workstation.db", template_workstation.recovery_code)


@pytest.fixture
def signed(signed_template: Workstation, tmp_path: Path) -> Iterator[Workstation]:
    target = tmp_path / "ws" / "workstation.db"
    target.parent.mkdir()
    shutil.copy2(signed_template.path, target)
    shutil.copy2(signed_template.keyfile, keyfile_path_for(target))
    yield Workstation(target, signed_template.recovery_code)


def tamper(ws: Workstation, *statements: str) -> None:
    """Raw key, triggers dropped: what an insider holding the key can do."""
    key = KeyFile.load(ws.keyfile).unlock_reviewer(ALICE, ALICE_PASSPHRASE).data_key
    conn = sqlcipher3.connect(str(ws.path), isolation_level=None)
    conn.set_key(_raw_key(key))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TRIGGER IF EXISTS signoffs_no_delete")
    conn.execute("DROP TRIGGER IF EXISTS signoffs_two_reviewers")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def cli_verify(ws: Workstation, tmp_path: Path, *extra: str):
    secret = tmp_path / "pass.txt"
    secret.write_text(ALICE_PASSPHRASE + "\n")
    return run_cli("audit", "verify", "--db", str(ws.path), "--reviewer", ALICE,
                   "--passphrase-file", str(secret), *extra)


def test_intact_database_verifies(signed: Workstation, tmp_path: Path) -> None:
    session = unlock(signed.path, ALICE, ALICE_PASSPHRASE)
    report = verify_everything(session.db)
    session.lock()
    assert report.intact and report.signoffs == 3 and report.record_problems == ()
    result = cli_verify(signed, tmp_path)
    assert result.returncode == ExitCode.OK, result.stdout + result.stderr
    assert "Sign-off records: all 3 match their audit entries." in result.stdout


@pytest.mark.parametrize("statements", [
    # the stage-2 approval deleted (the report looks never approved)
    ("DELETE FROM signoffs WHERE stage = 2",),
    # the first stage-1 sign-off and its snapshot deleted
    ("DELETE FROM signoff_snapshots WHERE signoff_id = (SELECT min(id) FROM signoffs WHERE stage = 1)",
     "DELETE FROM signoffs WHERE id = (SELECT min(id) FROM signoffs WHERE stage = 1)"),
    # every sign-off deleted
    ("DELETE FROM signoff_snapshots", "DELETE FROM signoffs"),
])
def test_deleted_signoff_rows_are_caught(signed: Workstation, tmp_path: Path,
                                         statements: tuple[str, ...]) -> None:
    tamper(signed, *statements)
    session = unlock(signed.path, ALICE, ALICE_PASSPHRASE)
    report = verify_everything(session.db)
    session.lock()
    assert report.chain.intact and report.signature_problems == ()  # what the old verify looked at
    assert not report.intact
    assert all("missing from the sign-offs table" in p for p in report.record_problems)
    result = cli_verify(signed, tmp_path)
    assert result.returncode == ExitCode.AUDIT_BROKEN
    assert "Sign-off record BROKEN: audit entry" in result.stdout


def test_signoff_row_slipped_in_is_caught(signed: Workstation, tmp_path: Path) -> None:
    """A copy of the real approval put on the other report's row id: its signature verifies
    (same statement), but no audit entry records it."""
    tamper(signed, "INSERT INTO signoffs(report_id, stage, decision, reviewer_key_id, content_sha256, "
                   "audit_head, signed_at, statement, signature, comment) SELECT report_id, stage, decision, "
                   "reviewer_key_id, content_sha256, audit_head, signed_at, statement, signature, comment "
                   "FROM signoffs WHERE stage = 2")
    result = cli_verify(signed, tmp_path)
    assert result.returncode == ExitCode.AUDIT_BROKEN
    assert "has no audit entry" in result.stdout


def test_signoff_row_moved_to_another_report_is_caught(signed: Workstation) -> None:
    tamper(signed, "UPDATE signoffs SET report_id = (SELECT max(report_id) FROM signoffs) WHERE stage = 2")
    session = unlock(signed.path, ALICE, ALICE_PASSPHRASE)
    report = verify_everything(session.db)
    session.lock()
    assert any("disagree (report" in p for p in report.record_problems)
