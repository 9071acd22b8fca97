"""Published structured fields: shown, withheld or generalised by review commands, checked
for re-identification (k), and read against the panel's own words. Real database, real
bundles, real detector."""

from __future__ import annotations

import hashlib

import pytest
import rfc8785

from tests.helpers.databases import ALICE
from tests.helpers.stories import NARRATIVE, Panel, complete_stage1, story
from workstation.audit import chain
from workstation.errors import InputError, NotEditable
from workstation.review.coding import Coding
from workstation.review.report_review import open_report
from workstation.review.structured import DEFAULTS, QUASI_FIELDS, WITHHELD, load_choices
from workstation.stages import Stage
from workstation.workflow import actions
from workstation.workflow.disclosure_check import acknowledged, check_report
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.residual import STRUCTURED_RECOGNIZER, residual_scan

FIELDS = {"role_rank": "k9_handler", "years_of_service": "15_to_19", "agency_type": "sheriff",
          "agency_size": "1_to_10", "time_of_day": "1800_2359", "officers_on_scene": 3,
          "incident_date": "2026-02-27"}


def test_new_reports_start_with_the_defaults_and_old_ones_publish_as_before(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE, **FIELDS))
    db = panel.as_(ALICE).db
    choices = load_choices(db, report_id)
    assert choices == {f: DEFAULTS[f].value for f in choices} and "role_rank" in choices
    structured = publishable_content(db, report_id)["structured"]
    assert structured["role_rank"] == WITHHELD and structured["time_of_day"] == "night"
    # A report from before this version (no choices at all) hashes exactly as it did.
    with db.transaction() as tx:
        tx.execute("DELETE FROM structured_choices WHERE report_id = ?", (report_id,))
    content = publishable_content(db, report_id)
    submission = open_report(panel.as_(ALICE), report_id).submission
    old = {**content, "structured": {f: submission[f] for f in QUASI_FIELDS if f in submission}}
    assert content_sha256(content) == hashlib.sha256(rfc8785.dumps(old)).hexdigest()


def test_withhold_and_generalise_are_audited_commands_within_the_stages(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE, **FIELDS))
    alice = panel.as_(ALICE)
    actions.set_disclosure(alice, report_id, "role_rank", "publish")
    actions.set_disclosure(alice, report_id, "officers_on_scene", "generalise")
    actions.set_disclosure(alice, report_id, "agency_size", "generalise")
    structured = publishable_content(alice.db, report_id)["structured"]
    assert structured["role_rank"] == "k9_handler" and structured["officers_on_scene"] == "two_or_more"
    assert structured["agency_size"] == "under_50"
    entry = chain.entries(alice.db)[-1]
    assert (entry.action, entry.payload) == ("review.disclosure",
                                             {"field": "agency_size", "choice": "generalise"})
    with pytest.raises(InputError):
        actions.set_disclosure(alice, report_id, "narrative", "withhold")  # not a structured field
    with pytest.raises(InputError):
        actions.set_disclosure(alice, report_id, "role_rank", "shout")
    actions.set_aside(alice, report_id, "test_entry")
    with pytest.raises(NotEditable):
        actions.set_disclosure(alice, report_id, "role_rank", "withhold")


def test_the_k_check_counts_look_alikes_and_proposes_the_smallest_change(panel: Panel) -> None:
    population = [story(NARRATIVE, **{**FIELDS, "role_rank": role})
                  for role in ("patrol_officer", "field_training_officer", "k9_handler",
                               "detective_investigator", "detective_investigator", "tactical_team")]
    target, *others = panel.import_reports(story(NARRATIVE, **FIELDS), *population)
    alice = panel.as_(ALICE)
    with alice.db.transaction() as tx:  # other reports already through both stages
        tx.executemany("UPDATE reports SET stage = ? WHERE id = ?",
                       [(Stage.APPROVED.value, r) for r in others])
    for field in QUASI_FIELDS:
        actions.set_disclosure(alice, target, field, "withhold")
    assert check_report(alice.db, target).matching == 7  # everyone that month and it
    actions.set_disclosure(alice, target, "role_rank", "publish")
    check = check_report(alice.db, target)
    assert check.matching == 2 and check.below_k  # only the other K-9 handler looks the same
    assert check.proposal == (("role_rank", "generalise"),)  # specialists: K-9, detectives, tactical
    assert "Only 2 reports" in check.in_words()
    actions.set_disclosure(alice, target, "role_rank", "generalise")
    assert check_report(alice.db, target).matching == 5 and not check_report(alice.db, target).below_k
    actions.set_disclosure(alice, target, "role_rank", "publish")
    content = content_sha256(publishable_content(alice.db, target))
    assert not acknowledged(alice.db, target, content)
    actions.acknowledge_low_k(alice, target, "The handler agreed to be recognisable by his unit.")
    assert acknowledged(alice.db, target, content)


def test_the_panel_words_may_not_state_what_the_fields_keep_back(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE, **FIELDS))
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    coding = open_report(alice, report_id).coding
    actions.save_coding(alice, report_id, Coding(**{**coding.__dict__,
                        "publishable_title": "K9 handler from a 9-officer sheriff office"}), coding)

    def flagged() -> set[str]:
        return {f.label for f in residual_scan(alice.db, panel.detector, report_id)
                if f.recognizer == STRUCTURED_RECOGNIZER}

    assert flagged() == {"PERSON", "AGENCY"}  # role, size and type are withheld by default
    for field in ("role_rank", "agency_size", "agency_type"):
        actions.set_disclosure(alice, report_id, field, "publish")
    assert flagged() == set()
