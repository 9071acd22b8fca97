"""Any change to the publishable content of any report, from whatever command, re-checks
the sign-offs of every report whose content changed: linked reports share placeholders, so
a decision in one renumbers the others. Before review commands, a decision in one linked
report left an approved report of the same incident approved over text it no longer had."""

from __future__ import annotations

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, Panel, complete_stage1, story
from workstation.errors import ChangedSinceStage1
from workstation.review.report_review import open_report
from workstation.stages import Stage, report_stage
from workstation.workflow import actions

PARTNER = ("I was the cover officer when Tom Okafor reached under the seat on Kessler Ave; "
           "Dave Reyes had the driver's side.")


def both_stages(panel: Panel, report_id: int) -> None:
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, report_id)
    actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)


def test_staleness_reaches_a_linked_report_whose_placeholders_a_decision_renumbers(panel: Panel) -> None:
    """A decision in one report renumbers the shared placeholders of an approved report of
    the same incident: that approval goes stale (it did not before commands)."""
    first, second = panel.import_reports(story(NARRATIVE, ori="TX1234567"), story(PARTNER, ori="TX1234567"))
    alice = panel.as_(ALICE)
    both_stages(panel, second)
    actions.link_reports(alice, first, [second])  # renumbers the approved one: stale, back a stage
    assert report_stage(alice.db, second) == Stage.STAGE2
    bob = panel.as_(BOB)
    with pytest.raises(ChangedSinceStage1):  # both sign-offs must cover the renumbered text
        actions.approve(bob, second, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.return_to_stage1(bob, second, "Linked with the partner's report: placeholders renumbered.",
                             BOB_PASSPHRASE)
    actions.start_stage1(alice, second)
    actions.sign_stage1(alice, second, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, second)
    actions.approve(bob, second, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    assert report_stage(alice.db, second) == Stage.APPROVED
    review = open_report(alice, first)
    actions.start_stage1(alice, first)
    text = review.texts["narrative"]
    dave = [s.id for s in review.spans if s.field == "narrative" and text[s.start:s.end] == "Dave Reyes"]
    assert dave
    actions.decide(alice, first, dave, "keep")  # a person drops out of the shared book
    assert report_stage(alice.db, second) == Stage.STAGE2


@pytest.mark.parametrize("change", ["unlink", "relabel in the primary", "undo in the primary"])
def test_every_kind_of_change_in_a_linked_report_rechecks_the_others(panel: Panel, change: str) -> None:
    first, second = panel.import_reports(story(NARRATIVE, ori="TX1234567"), story(PARTNER, ori="TX1234567"))
    alice = panel.as_(ALICE)
    actions.link_reports(alice, first, [second])
    review = open_report(alice, first)
    text = review.texts["narrative"]
    dave = [s.id for s in review.spans if s.field == "narrative" and text[s.start:s.end] == "Dave Reyes"]
    assert dave
    stack = actions.UndoStack(alice)
    if change == "undo in the primary":
        stack.push(actions.decide(alice, first, dave, "keep"))  # before the partner's report is approved
    both_stages(panel, second)
    assert report_stage(alice.db, second) == Stage.APPROVED
    if change == "unlink":
        actions.unlink_with(alice, second)  # its own numbering again
    elif change == "relabel in the primary":
        actions.relabel(alice, first, dave, "ID")  # Dave leaves the people of the shared book
    else:
        stack.undo()  # Dave comes back into the shared book: the partner's numbers shift
    assert report_stage(alice.db, second) == Stage.STAGE2
