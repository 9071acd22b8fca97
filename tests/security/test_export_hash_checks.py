"""Every export of a report's text checks that both sign-offs cover the content as it is now.

Before this change the briefing did not compare the content with the sign-offs at all, and
the agency summaries quoted titles and lessons straight from the coding table: a report
edited behind the workflow after approval was exported by both (checked against the code
before: `git show HEAD~:workstation/export/briefing.py` has no such check, and the tests
below wrote the files there).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.exports import pdf_text
from tests.helpers.stories import ORI, Approved, story
from workstation.export import publication
from workstation.export.agency_export import AgencyExportRefused, export_agency_pdfs
from workstation.export.briefing import export_briefing
from workstation.export.signed import NotSignedAsIs
from workstation.workflow.publishable import content_sha256, publishable_content


def _edit_behind_the_workflow(approved: Approved, report_id: int, sql: str) -> None:
    with approved.panel.as_(ALICE).db.transaction() as tx:
        tx.execute(sql, (report_id,))


EDITS = {
    "title": "UPDATE coding SET publishable_title = 'Edited after approval' WHERE report_id = ?",
    "lessons": "UPDATE coding SET lessons_learned = 'Edited after approval.' WHERE report_id = ?",
    "a span kept": "UPDATE review_spans SET decision = 'keep' WHERE report_id = ? AND decision = 'redact'",
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_briefing_of_content_nobody_signed_is_refused(approved: Approved, tmp_path: Path,
                                                        edit: str) -> None:
    rid = approved.report_ids[0]
    _edit_behind_the_workflow(approved, rid, edit)
    out = tmp_path / "exports" / "briefing.pdf"
    with pytest.raises(NotSignedAsIs, match="changed after it was approved"):
        export_briefing(approved.panel.as_(ALICE), rid, out)
    assert not out.exists()


def test_two_sign_offs_that_disagree_are_refused(approved: Approved, tmp_path: Path) -> None:
    """Stage 2's hash faked to the edited content, stage 1's left: one person's decision."""
    rid = approved.report_ids[0]
    db = approved.panel.as_(ALICE).db
    _edit_behind_the_workflow(approved, rid, EDITS["title"])
    with db.transaction() as tx:
        tx.execute("UPDATE signoffs SET content_sha256 = ? WHERE report_id = ? AND stage = 2",
                   (content_sha256(publishable_content(db, rid)), rid))
    with pytest.raises(NotSignedAsIs, match="different content"):
        export_briefing(approved.panel.as_(ALICE), rid, tmp_path / "exports" / "b.pdf")
    result = publication.export_publication(approved.panel.as_(ALICE), tmp_path / "exports" / "out",
                                            ALICE_PASSPHRASE)
    assert [item.report_id for item in result.left_out] == [rid]


def test_an_agency_summary_never_quotes_a_changed_report(approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    published = publication.export_publication(alice, tmp_path / "exports" / "pub", ALICE_PASSPHRASE)
    assert sorted(published.publications) == sorted(approved.report_ids)
    # One more report from each agency (received only), so that each gets figures at k = 2.
    approved.panel.import_reports(story("The driver would not show his hands.", ori=ORI),
                                  story("A man at the door held a knife.", ori="OH0770100"))
    first, second = approved.report_ids
    _edit_behind_the_workflow(approved, first, "UPDATE coding SET publishable_title = 'Planted title' "
                                               "WHERE report_id = ?")
    result = export_agency_pdfs(alice, "2026-Q1", tmp_path / "exports" / "agency", k=2)
    (refused,) = result.refused
    assert "TX1234567" in refused.name and f"report {first}" in refused.reason
    assert result.files == ["agency-OH0770100-2026-Q1.pdf"]
    text, _, _ = pdf_text((tmp_path / "exports" / "agency" / result.files[0]).read_bytes())
    assert "Planted title" not in text
    # Both agencies quote a changed report: nothing is written.
    _edit_behind_the_workflow(approved, second, "UPDATE coding SET lessons_learned = 'Planted.' "
                                                "WHERE report_id = ?")
    with pytest.raises(AgencyExportRefused):
        export_agency_pdfs(alice, "2026-Q1", tmp_path / "exports" / "agency-again", k=2)
    assert not (tmp_path / "exports" / "agency-again").exists()
