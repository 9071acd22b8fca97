"""Stage 2 sees the redacted version first; revealing the original is audited."""

from __future__ import annotations

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, Panel, complete_stage1, story
from workstation.audit import chain
from workstation.workflow import actions
from workstation.workflow.actions import reveal_original
from workstation.workflow.second_look import opens_redacted_first


def test_second_reviewer_opens_redacted_first_and_reveal_is_audited(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE))
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    # Before stage 1 is signed everyone works on the original.
    assert not opens_redacted_first(bob.db, report_id, BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    assert not opens_redacted_first(alice.db, report_id, ALICE)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    # Signed: the second reviewer looks with fresh eyes; the stage-1 reviewer still sees the original.
    assert opens_redacted_first(bob.db, report_id, BOB)
    assert not opens_redacted_first(alice.db, report_id, ALICE)
    actions.start_stage2(bob, report_id)
    assert opens_redacted_first(bob.db, report_id, BOB)

    before = len(chain.entries(bob.db, limit=10_000))
    reveal_original(bob, report_id)
    entries = chain.entries(bob.db, limit=10_000)
    assert len(entries) == before + 1
    last = entries[-1]  # oldest first
    assert (last.actor, last.action, last.object) == (BOB, "report.reveal_original", f"report:{report_id}")
    assert "Okafor" not in str(last.payload)  # who, which, when: never the text
    assert chain.verify(bob.db).intact
