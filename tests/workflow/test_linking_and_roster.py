"""Linked reports share placeholders; the roster travels between laptops; a deactivated
reviewer's signatures stay valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, PARTNER, UNRELATED, Panel, complete_stage1, story
from workstation.errors import AuthenticationError, InputError
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.roster.membership import set_active
from workstation.roster.roster_file import import_roster, public_key_line, write_roster
from workstation.session import create_workstation, unlock
from workstation.stages import Stage
from workstation.workflow import actions, signoff
from workstation.workflow.actions import link_reports, link_with, unlink_with
from workstation.workflow.linking import linked_reports, suggest_links
from workstation.workflow.publishable import publishable_content


def accept_all(session, report_id: int) -> None:
    review = open_report(session, report_id)
    pending = [s.id for s in review.spans if s.decision == Decision.PENDING]
    if pending:
        actions.decide(session, report_id, pending, Decision.REDACT)


def test_linked_reports_use_the_same_placeholders(panel: Panel) -> None:
    first, second, third = panel.import_reports(
        story(NARRATIVE, incident_date="2026-02-27"),
        story(PARTNER, incident_date="2026-02-27", lessons_learned="Talk to your partner."),
        story(UNRELATED, incident_date="2026-01-11", activity_type="hospital_guard",
              location_type="hospital_medical"))
    alice = panel.as_(ALICE)
    suggested = suggest_links(alice.db, second)
    assert suggested and suggested[0].report_id == first
    assert "incident_date" in suggested[0].matching_fields
    assert all(s.report_id != third for s in suggested)
    for rid in (first, second):
        accept_all(alice, rid)
    # Unlinked, each report numbers its own people: Okafor is [Person 1] in the partner's report.
    alone = publishable_content(alice.db, second)["text"]["narrative"]
    link_reports(alice, first, [second])
    assert linked_reports(alice.db, second) == [first, second]
    ours = publishable_content(alice.db, first)["text"]["narrative"]
    theirs = publishable_content(alice.db, second)["text"]["narrative"]
    number_in_first = ours[ours.index("The driver, ") + len("The driver, "):].split(",")[0]
    assert number_in_first.startswith("[Person ")
    assert f"{number_in_first} was in the driver seat" in theirs  # Okafor: the same placeholder
    assert theirs != alone
    with pytest.raises(InputError, match="supplemental"):
        link_reports(alice, second, [third])
    unlink_with(alice, first)
    assert linked_reports(alice.db, second) == [second]


def test_roster_export_import_and_deactivation(panel: Panel, tmp_path: Path) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE))
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    roster_path = tmp_path / "roster.json"
    assert write_roster(alice.db, roster_path) == 2
    document = json.loads(roster_path.read_text())
    assert {r["name"] for r in document["reviewers"]} == {ALICE, BOB}
    assert public_key_line(alice.db, ALICE) in roster_path.read_text()
    assert ALICE_PASSPHRASE not in roster_path.read_text()

    # Another laptop: its own database and reviewer, then the roster imported.
    (tmp_path / "other").mkdir()
    other = create_workstation(tmp_path / "other" / "w.db", "carol", "quiet orchard lantern seventeen")
    counts = import_roster(other.session, roster_path)
    assert counts == {"reviewers": 2, "keys": 2}
    assert import_roster(other.session, roster_path) == {"reviewers": 0, "keys": 0}
    imported = dict(other.session.db.query("SELECT name, active FROM reviewers"))
    assert imported == {"carol": 1, ALICE: 0, BOB: 0}  # here only to verify signatures
    other.session.lock()

    # Deactivating bob: he can no longer unlock; alice's signature still verifies.
    with pytest.raises(InputError, match="yourself"):
        set_active(alice, ALICE, False)
    set_active(alice, BOB, False)
    bob.lock()
    panel.sessions.pop(BOB)
    with pytest.raises(AuthenticationError, match="deactivated"):
        unlock(alice.path, BOB, BOB_PASSPHRASE)
    assert signoff.verify_signoffs(alice.db) == []
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "near-miss-roster", "version": 1, "reviewers": [{"name": "x", "keys": [1]}]}')
    with pytest.raises(InputError):
        import_roster(alice, bad)


def test_linking_a_signed_report_makes_its_signoff_stale(panel: Panel) -> None:
    """Linking renumbers a supplemental report's placeholders: what stage 1 signed is no
    longer what would be published, so the report goes back to stage 1 to be signed again."""
    first, second = panel.import_reports(story(NARRATIVE, incident_date="2026-02-27"),
                                         story(PARTNER, incident_date="2026-02-27"))
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, second)
    complete_stage1(alice, panel.detector, second)
    actions.sign_stage1(alice, second, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    accept_all(alice, first)
    outcome = link_with(alice, first, [second])  # the open report becomes the primary
    assert outcome.primary_id == first and outcome.linked == (second,)
    assert outcome.went_back == (second,)
    assert signoff.report_stage(alice.db, second) == Stage.STAGE1
    assert "changed after stage 1 was signed" in signoff.describe_stage(alice.db, second)
    # Signed again inside the incident; unlinking gives it its own numbers back: stale again.
    actions.sign_stage1(alice, second, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    assert unlink_with(alice, first).went_back == (second,)
    assert signoff.report_stage(alice.db, second) == Stage.STAGE1
