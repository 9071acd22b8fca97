"""A residual-scan dismissal holds for the words it was made for, not for a place.

Before, a dismissal was remembered by offsets alone: other words typed later at the same
place in the panel's own text were silently dismissed too. Real detector, real database."""

from __future__ import annotations

import pytest

from tests.helpers.databases import ALICE
from tests.helpers.stories import NARRATIVE, Panel, complete_stage1, story
from workstation.review.coding import Coding
from workstation.review.report_review import open_report
from workstation.workflow import actions
from workstation.workflow.residual import Finding, residual_scan

FIRST, SECOND = "Tom Okafor", "Lou Ferris"  # same place and length, other words


def _with(coding: Coding, field: str, words: str) -> Coding:
    if field == "takeaways":
        return Coding(**{**coding.__dict__, "takeaways": (f"{words} kept his hands visible",)})
    text = (f"{words} kept his hands visible" if field == "lessons_learned"
            else f"{words} reached under the seat")
    return Coding(**{**coding.__dict__, field: text})


def coding_findings(panel: Panel, report_id: int) -> list[Finding]:
    return [f for f in residual_scan(panel.as_(ALICE).db, panel.detector, report_id)
            if f.field.startswith("coding.")]


@pytest.mark.parametrize("field", ["lessons_learned", "publishable_title", "takeaways"])
def test_other_words_at_a_dismissed_place_are_found_again(panel: Panel, field: str) -> None:
    (report_id,) = panel.import_reports(story(NARRATIVE))
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    coding = open_report(alice, report_id).coding
    actions.save_coding(alice, report_id, _with(coding, field, FIRST), coding)
    found = coding_findings(panel, report_id)
    assert found, "the detector should see the name in the panel's text"
    for finding in found:
        actions.dismiss_finding(alice, report_id, finding, "Public figure, agreed by the panel")
    assert not coding_findings(panel, report_id)

    coding = open_report(alice, report_id).coding
    actions.save_coding(alice, report_id, _with(coding, field, SECOND), coding)  # same offsets
    again = coding_findings(panel, report_id)
    assert {(f.field, f.source_start) for f in again} & {(f.field, f.source_start) for f in found}

    coding = open_report(alice, report_id).coding
    actions.save_coding(alice, report_id, _with(coding, field, FIRST), coding)  # the dismissed words back
    assert not coding_findings(panel, report_id)
