"""The two-person rule: both sign-offs cover the identical publishable content.

A stage-2 reviewer who changes anything cannot approve; they return the report to stage 1,
the stage-1 reviewer sees what changed (revealing changes first) and signs again, then
stage 2 approves the unchanged content. Before this rule, stage 2 could keep a name stage 1
had redacted, dismiss the finding, and approve alone. Real databases, detector and keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, Panel, complete_stage1, story
from workstation.errors import ChangedSinceStage1
from workstation.export import publication
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.session import Session
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow.changes import changes_since_stage1
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.residual import residual_scan
from workstation.workflow.signoff import current_signoff


def at_stage2(panel: Panel) -> int:
    (report_id,) = panel.import_reports(story(NARRATIVE, ori="TX1234567"))
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, report_id)
    return report_id


def _span(session: Session, report_id: int, words: str) -> int:
    review = open_report(session, report_id)
    return next(s.id for s in review.spans if words in review.texts[s.field][s.start:s.end])


def keep_a_name(panel: Panel, bob: Session, report_id: int) -> None:
    """Un-redact what stage 1 redacted, and dismiss what the scan then finds."""
    actions.decide(bob, report_id, [_span(bob, report_id, "Okafor")], Decision.KEEP)
    for finding in residual_scan(bob.db, panel.detector, report_id):
        actions.dismiss_finding(bob, report_id, finding, "Stage 2 thinks this name is fine to publish")


def replace_with_the_name(panel: Panel, bob: Session, report_id: int) -> None:
    actions.set_replacement(bob, report_id, [_span(bob, report_id, "Okafor")], "the driver Okafor")


def relabel(panel: Panel, bob: Session, report_id: int) -> None:
    actions.relabel(bob, report_id, [_span(bob, report_id, "Okafor")], "ID")


def retitle(panel: Panel, bob: Session, report_id: int) -> None:
    coding = open_report(bob, report_id).coding
    actions.save_coding(bob, report_id, coding.__class__(**{**coding.__dict__, "publishable_title": "New"}),
                        coding)


CHANGES: dict[str, tuple[Callable[[Panel, Session, int], None], bool]] = {
    "keep a name": (keep_a_name, True), "replace with the name": (replace_with_the_name, True),
    "relabel": (relabel, False), "retitle": (retitle, False),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_stage2_cannot_approve_what_it_changed(panel: Panel, change: str) -> None:
    report_id = at_stage2(panel)
    bob = panel.as_(BOB)
    make, revealing = CHANGES[change]
    make(panel, bob, report_id)
    with pytest.raises(ChangedSinceStage1):
        actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    assert report_stage(bob.db, report_id) == Stage.STAGE2
    notes = changes_since_stage1(bob.db, report_id)
    assert notes and notes[0].revealing == revealing


def test_returned_with_changes_stage1_signs_them_then_stage2_approves_and_it_publishes(
        panel: Panel, tmp_path: Path) -> None:
    report_id = at_stage2(panel)
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    keep_a_name(panel, bob, report_id)
    actions.return_to_stage1(bob, report_id, "I kept the driver's name; he is named in the news.",
                             BOB_PASSPHRASE)
    notes = changes_since_stage1(alice.db, report_id)
    assert [n.kind for n in notes if n.revealing] == ["kept"]
    actions.start_stage1(alice, report_id)
    # stage 1 agrees
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    assert changes_since_stage1(alice.db, report_id) == []
    actions.start_stage2(bob, report_id)
    actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    digest = content_sha256(publishable_content(bob.db, report_id))
    assert current_signoff(bob.db, report_id, 1, "signed").content_sha256 == digest
    assert current_signoff(bob.db, report_id, 2, "approved").content_sha256 == digest
    publication.export_publication(alice, tmp_path / "out", ALICE_PASSPHRASE)
    assert report_stage(alice.db, report_id) == Stage.PUBLISHED


def test_an_edit_after_approval_goes_back_through_stage1_and_then_publishes(
        panel: Panel, tmp_path: Path) -> None:
    report_id = at_stage2(panel)
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    retitle(panel, bob, report_id)  # after approval
    assert report_stage(bob.db, report_id) == Stage.STAGE2
    with pytest.raises(ChangedSinceStage1):  # a second approval alone would not be publishable
        actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.return_to_stage1(bob, report_id, "New title, please sign it again.", BOB_PASSPHRASE)
    actions.start_stage1(alice, report_id)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, report_id)
    actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    result = publication.export_publication(alice, tmp_path / "out", ALICE_PASSPHRASE)
    assert report_stage(alice.db, report_id) == Stage.PUBLISHED and result is not None
