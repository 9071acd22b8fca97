"""The two-stage sign-off with two real reviewers, the real detector and real signatures."""

from __future__ import annotations

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, raw_connection
from tests.helpers.files import run_cli
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, Panel, complete_stage1, story
from workstation.audit import chain
from workstation.errors import AuthenticationError, InputError
from workstation.keys.keyfile import KeyFile
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.stages import Stage
from workstation.workflow import actions, signoff
from workstation.workflow.actions import dismiss_finding, save_coding
from workstation.workflow.publishable import publishable_content
from workstation.workflow.residual import residual_scan


def test_full_path_with_two_reviewers(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE, ori="TX1234567"))
    alice = panel.as_(ALICE)
    assert signoff.report_stage(alice.db, report_id) == Stage.RECEIVED
    actions.start_stage1(alice, report_id)
    with pytest.raises(InputError, match=r"not decided yet.*no publishable title"):
        actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    complete_stage1(alice, panel.detector, report_id)
    head_before = chain.head(alice.db)
    with pytest.raises(AuthenticationError):
        actions.sign_stage1(alice, report_id, "not my passphrase at all", panel.detector,
                            low_k_reason=LOW_K_REASON)
    assert chain.head(alice.db) == head_before  # a wrong passphrase writes nothing
    first = actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    assert (first.stage, first.decision, first.reviewer) == (1, "signed", ALICE)
    assert signoff.report_stage(alice.db, report_id) == Stage.STAGE1_SIGNED

    # The same reviewer cannot do stage 2, neither through the workflow nor behind its back.
    with pytest.raises(InputError, match="different reviewer"):
        actions.start_stage2(alice, report_id)

    bob = panel.as_(BOB)
    actions.start_stage2(bob, report_id)
    content = publishable_content(bob.db, report_id)
    for name in ("Dave Reyes", "Okafor", "O'Neill", "Millbrook", "26-004411", "TX1234567"):
        assert name not in str(content)
    assert "Glock 17" in content["text"]["narrative"] and content["period"] == "February 2026"
    approval = actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    assert (approval.stage, approval.decision, approval.reviewer) == (2, "approved", BOB)
    assert approval.key_id != first.key_id
    assert signoff.report_stage(bob.db, report_id) == Stage.APPROVED
    assert signoff.verify_signoffs(bob.db) == []
    statement = signoff.signed_statement(approval)
    assert statement["content_sha256"] == approval.content_sha256 and statement["stage"] == 2
    assert chain.verify(bob.db).intact


def test_database_refuses_a_stage2_signoff_with_the_stage1_key(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE))
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    first = actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    key_row = alice.db.query_one("SELECT reviewer_key_id FROM signoffs WHERE id = ?", (first.id,))[0]
    with pytest.raises(Exception, match="different reviewer"), alice.db.transaction() as tx:
        tx.execute("INSERT INTO signoffs(report_id, stage, decision, reviewer_key_id, content_sha256, "
                   "audit_head, signed_at, statement, signature) VALUES (?, 2, 'approved', ?, ?, ?, ?, ?, ?)",
                   (report_id, key_row, first.content_sha256, first.audit_head, first.signed_at,
                    first.statement, first.signature))


def test_a_signature_changed_in_the_database_is_caught_by_audit_verify(panel: Panel, tmp_path) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE))
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    first = actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    path = alice.path
    alice.lock()
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    args = ["audit", "verify", "--db", str(path), "--reviewer", ALICE, "--passphrase-file", str(pw)]
    good = run_cli(*args)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "all 1 verify" in good.stdout
    key = KeyFile.load(path.with_name(path.name + ".keys")).unlock_reviewer(ALICE, ALICE_PASSPHRASE).data_key
    conn = raw_connection(path, key)
    forged = bytes([first.signature[0] ^ 1]) + first.signature[1:]
    conn.execute("UPDATE signoffs SET signature = ? WHERE id = ?", (forged, first.id))
    conn.close()
    broken = run_cli(*args)
    assert broken.returncode == 9
    assert f"sign-off {first.id}: the signature does not verify" in broken.stdout
    panel.bench.session = panel.as_(BOB)  # so the fixture has an open session to lock


def test_an_edit_after_approval_makes_the_approval_stale(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE))
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, report_id)
    approval = actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    review = open_report(alice, report_id)
    some_span = next(s for s in review.spans if s.label == "PERSON")
    actions.decide(alice, report_id, [some_span.id], Decision.KEEP)  # publishes a name now
    assert signoff.report_stage(alice.db, report_id) == Stage.STAGE2
    assert "changed after the approval was signed" in signoff.describe_stage(alice.db, report_id)
    stale = next(s for s in signoff.signoffs(alice.db, report_id) if s.id == approval.id)
    assert stale.stale_at is not None and not stale.current
    # Coding edits count too: after a new approval, a changed title makes it stale again.
    actions.decide(alice, report_id, [some_span.id], Decision.REDACT)
    actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    review = open_report(bob, report_id)
    save_coding(bob, report_id, review.coding.__class__(**{**review.coding.__dict__,
                                                           "publishable_title": "A new title"}),
                review.coding)
    assert signoff.report_stage(bob.db, report_id) == Stage.STAGE2


def test_residual_scan_blocks_sign_off_until_resolved(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE))
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    review = open_report(alice, report_id)
    okafor = next(s for s in review.spans if "Okafor" in review.texts[s.field][s.start:s.end])
    # A name left in by mistake, by another reviewer (the signer's own keep is not asked again).
    actions.decide(panel.as_(BOB), report_id, [okafor.id], Decision.KEEP)
    findings = residual_scan(alice.db, panel.detector, report_id)
    assert any(f.source_start <= okafor.start < f.source_end or okafor.start <= f.source_start < okafor.end
               for f in findings)
    with pytest.raises(InputError, match="residual scan found"):
        actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    with pytest.raises(InputError, match="why"):
        dismiss_finding(alice, report_id, findings[0], "ok")
    for finding in findings:
        dismiss_finding(alice, report_id, finding, "Name of a public figure in the news, agreed by panel")
    assert residual_scan(alice.db, panel.detector, report_id) == []
    assert actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector,
                               low_k_reason=LOW_K_REASON).decision == "signed"
    assert chain.entries(alice.db)[-2].action == "workflow.sign_stage1"


def test_return_with_comment_then_sign_again(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE))
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    first = actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, report_id)
    with pytest.raises(InputError, match="comment"):
        actions.return_to_stage1(bob, report_id, "no", BOB_PASSPHRASE)
    returned = actions.return_to_stage1(bob, report_id, "The title still names the city; reword it.",
                                        BOB_PASSPHRASE)
    assert returned.decision == "returned" and returned.comment.startswith("The title")
    assert signoff.report_stage(bob.db, report_id) == Stage.RETURNED
    assert "reword it" in signoff.describe_stage(bob.db, report_id)
    assert not next(s for s in signoff.signoffs(bob.db, report_id) if s.id == first.id).current
    with pytest.raises(InputError, match="Cannot approve"):
        actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage1(alice, report_id)
    assert actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector,
                               low_k_reason=LOW_K_REASON).decision == "signed"
    actions.start_stage2(bob, report_id)  # the current stage-1 sign-off is alice's new one
    assert signoff.verify_signoffs(bob.db) == []


def test_set_aside_and_invalid_moves(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story("Test entry please ignore, just checking the form works."))
    alice = panel.as_(ALICE)
    with pytest.raises(InputError, match="Cannot sign stage 1: the report is received"):
        actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    with pytest.raises(InputError, match="Choose why"):
        actions.set_aside(alice, report_id, "bored")
    actions.set_aside(alice, report_id, "test_entry", "form test by intake staff")
    assert signoff.describe_stage(alice.db, report_id) == "Set aside — Test entry: form test by intake staff"
    with pytest.raises(InputError, match="Cannot start stage 1"):
        actions.start_stage1(alice, report_id)
    actions.reopen(alice, report_id)
    assert signoff.report_stage(alice.db, report_id) == Stage.RECEIVED
    assert [e.action for e in chain.entries(alice.db)[-2:]] == ["workflow.set_aside", "workflow.reopen"]
