"""The leak-guard attacks of tests/security/test_leak_*.py, end to end: a disguised name,
a part of a redacted name or a reviewer's surname planted in an approved report behind the
workflow (sign-offs faked to match, so only the guard stands in the way), exported for
real and read back with pypdf."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.exports import pdf_text, read_tree
from tests.helpers.stories import Approved
from workstation.export import publication
from workstation.export.briefing import export_briefing
from workstation.export.leak_guard import LeakError, Part, load_needles, scan
from workstation.workflow.publishable import content_sha256, publishable_content


def _plant_title(approved: Approved, report_id: int, title: str) -> None:
    """Edit the approved title behind the workflow, with the sign-offs faked to match."""
    db = approved.panel.as_(ALICE).db
    with db.transaction() as tx:
        tx.execute("UPDATE coding SET publishable_title = ? WHERE report_id = ?", (title, report_id))
    digest = content_sha256(publishable_content(db, report_id))
    with db.transaction() as tx:
        tx.execute("UPDATE signoffs SET content_sha256 = ? WHERE report_id = ?", (digest, report_id))


def test_full_width_name_in_a_briefing_title_and_metadata_is_refused(approved: Approved,
                                                                     tmp_path: Path) -> None:
    rid = approved.report_ids[0]
    # "Dave Reyes" was redacted in this report; the title spells it in full-width letters.
    _plant_title(approved, rid, "Stop with \uff24\uff41\uff56\uff45 \uff32\uff45\uff59\uff45\uff53")
    out = tmp_path / "exports" / "briefing.pdf"
    with pytest.raises(LeakError) as refused:
        export_briefing(approved.panel.as_(ALICE), rid, out)
    wheres = {f.where for f in refused.value.findings}
    assert "briefing.pdf (metadata title)" in wheres and "briefing.pdf (text)" in wheres
    assert not out.exists()


def test_disguised_name_in_a_title_leaves_that_report_out(approved: Approved, tmp_path: Path) -> None:
    planted, other = approved.report_ids
    _plant_title(approved, planted, "Thanks to Re\u200by\u0435s (with a Cyrillic e)")
    out = tmp_path / "exports" / "out"
    result = publication.export_publication(approved.panel.as_(ALICE), out, ALICE_PASSPHRASE)
    assert [item.report_id for item in result.left_out] == [planted]
    assert list(result.publications) == [other]
    files = read_tree(out)
    index = json.loads(files["index.json"])
    assert [r["publication_id"] for r in index["reports"]] == [result.publications[other]]
    pdf = next(data for name, data in files.items() if name.endswith(".pdf"))
    text, _, _ = pdf_text(pdf)
    assert "Thanks to" not in text and "Re" + "\u200by" not in text


def test_name_parts_from_the_real_database(approved: Approved) -> None:
    needles = load_needles(approved.panel.as_(ALICE).db)
    rid = approved.report_ids[0]
    for text in ("Reyes did the right thing", "Okafor had a Glock", "Marisol saw the rifle",
                 "Vance saw the rifle"):
        assert scan([Part("lessons", text)], needles), text
    assert any("a part of the name" in f.what and f"report {rid}" in f.what
               for f in scan([Part("lessons", "Reyes did the right thing")], needles))


def _rename_reviewer(approved: Approved, display: str) -> None:
    db = approved.panel.as_(ALICE).db
    with db.transaction() as tx:
        tx.execute("UPDATE reviewers SET display_name = ? WHERE name = ?", (display, ALICE))


def _plant_lessons(approved: Approved, report_id: int, lessons: str) -> None:
    db = approved.panel.as_(ALICE).db
    with db.transaction() as tx:
        tx.execute("UPDATE coding SET lessons_learned = ? WHERE report_id = ?", (lessons, report_id))
    digest = content_sha256(publishable_content(db, report_id))
    with db.transaction() as tx:
        tx.execute("UPDATE signoffs SET content_sha256 = ? WHERE report_id = ?", (digest, report_id))


def test_a_reviewers_surname_in_panel_text_or_a_file_name(approved: Approved, tmp_path: Path) -> None:
    _rename_reviewer(approved, "Alice Kowalczyk")
    needles = load_needles(approved.panel.as_(ALICE).db)
    assert scan([Part("lessons", "Ask Kowalczyk about it", panel=True)], needles)
    # A reporter's text is not checked for reviewers' surnames.
    assert scan([Part("narrative", "Kowalczyk Street")], needles) == []
    planted, other = approved.report_ids
    _plant_lessons(approved, planted, "Kowalczyk reviewed this one carefully.")
    result = publication.export_publication(approved.panel.as_(ALICE), tmp_path / "exports" / "out",
                                            ALICE_PASSPHRASE)
    assert [item.report_id for item in result.left_out] == [planted]
    reason = result.left_out[0].reason
    assert "a reviewer's surname" in reason and "Kowalczyk" not in reason
    with pytest.raises(LeakError, match="a reviewer's surname"):
        export_briefing(approved.panel.as_(ALICE), other, tmp_path / "exports" / "kowalczyk-briefing.pdf")
