"""The officer's own title and lessons are never published (the panel writes its own):
what the detector suggests there is for the panel's benefit, and never blocks signing."""

from __future__ import annotations

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.stories import LOW_K_REASON, UNRELATED, Panel, story
from workstation.review.coding import Coding
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.workflow import actions
from workstation.workflow.publishable import publishable_content
from workstation.workflow.residual import residual_scan

NAME = "Dave Reyes"


def test_the_officers_own_title_and_lessons_never_block_signing(panel: Panel) -> None:
    (report,) = panel.import_reports(story(UNRELATED, lessons=f"{NAME} taught me to watch the hands.",
                                           title=f"Knife on a stop with {NAME}"))
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, report)
    review = open_report(alice, report)
    in_own_words = [s for s in review.spans if s.field in ("title", "lessons_learned")]
    assert in_own_words, "the detector still suggests names in the officer's own fields"
    actions.decide(alice, report, [s.id for s in review.spans], Decision.KEEP)
    assert not [f for f in residual_scan(alice.db, panel.detector, report)
                if f.field in ("title", "lessons_learned")]
    actions.save_coding(alice, report, Coding(
        publishable_title="Prisoner tried to slip his cuffs", activity_type="prisoner_transport",
        contributing_factors=("complacency",), lessons_learned="Check the cuffs at every door."),
        open_report(alice, report).coding)
    # not refused
    actions.sign_stage1(alice, report, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    published = str(publishable_content(alice.db, report))
    assert NAME not in published  # the officer's own words are not in what is published
