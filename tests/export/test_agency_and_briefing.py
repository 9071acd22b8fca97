"""Agency summary PDFs and roll-call briefings: content, suppression, ORI only on the cover."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.exports import assert_clean, keep_sample, pdf_text
from tests.helpers.stories import ORI, Approved, story
from workstation.audit import chain
from workstation.export import publication
from workstation.export.agency_export import export_agency_pdfs
from workstation.export.agency_figures import Row, summaries
from workstation.export.agency_pdf import agency_pdf
from workstation.export.briefing import export_briefing
from workstation.export.leak_guard import LeakError
from workstation.export.periods import parse_period

OTHER_ORI = "OH0770100"


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def test_agency_pdfs_with_figures_and_with_a_notice(approved: Approved, tmp_path: Path) -> None:
    panel = approved.panel
    alice = panel.as_(ALICE)
    publication.export_publication(alice, tmp_path / "exports" / "library", ALICE_PASSPHRASE)
    # Two more reports from the first agency (received, not reviewed): three in the quarter.
    panel.import_reports(story("I stopped a van and the driver would not show his hands.", ori=ORI),
                         story("A man at the door held a knife behind his back.", ori=ORI))
    out = tmp_path / "exports" / "agencies"
    seen = []
    result = export_agency_pdfs(alice, "2026-Q1", out, k=3, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (2, 2) and result.notices == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"agency-{ORI}-2026-Q1.pdf", f"agency-{OTHER_ORI}-2026-Q1.pdf"])

    full = (out / f"agency-{ORI}-2026-Q1.pdf").read_bytes()
    keep_sample("agency.pdf", full)
    pages = pages_text(full)
    text, meta, count = pdf_text(full)
    assert count >= 3
    assert pages[0].count(ORI) == 1 and all(ORI not in p for p in pages[1:])
    assert_clean(" ".join(pages[1:]))
    assert_clean(text.replace(ORI, ""))
    assert_clean(" ".join(meta.values()))
    assert all(meta.get(k) for k in ("/Title", "/Author", "/Subject", "/Creator", "/Producer", "/Keywords"))
    assert "Reports from your personnel" in text and "3" in pages[0]
    assert "fewer than 3" in text  # one reviewed report: below k
    assert "Contributing factors" in text and "Reporting over recent periods" in text
    assert "Weapon under the seat on a routine stop" in text  # its published title and lessons
    assert "Search the reach area before you relax." in text
    assert "Page 1 of" in text and "fewer than 3\" and no bar" in " ".join(text.split())

    notice = (out / f"agency-{OTHER_ORI}-2026-Q1.pdf").read_bytes()
    keep_sample("agency-notice.pdf", notice)
    text, meta, count = pdf_text(notice)
    assert count == 1 and "No figures for this period" in text and "Fewer than 3" in text
    assert OTHER_ORI in text and "Weapon under the seat" not in text
    assert_clean(text.replace(OTHER_ORI, ""))
    assert chain.entries(alice.db, limit=1)[-1].action == "export.agency_pdfs"

    # Periods never overlap: the year 2026 contains the quarter already exported.
    with pytest.raises(Exception, match="overlaps 2026-Q1"):
        export_agency_pdfs(alice, "2026", tmp_path / "exports" / "year", k=3)
    with pytest.raises(Exception, match="same threshold"):
        export_agency_pdfs(alice, "2026-Q1", tmp_path / "exports" / "again", k=5)
    with pytest.raises(Exception, match="cancelled"):
        export_agency_pdfs(alice, "2026-Q2", tmp_path / "exports" / "q2", k=3, cancelled=lambda: True)
    assert not (tmp_path / "exports" / "q2").exists()
    export_agency_pdfs(alice, "2026-Q2", tmp_path / "exports" / "q2", k=3)


def test_complementary_cell_is_printed_as_withheld() -> None:
    rows = []
    for i, activity in enumerate(["traffic_stop"] * 6 + ["welfare_check"] * 2 + ["vehicle_pursuit"] * 5):
        rows.append(Row(i, "2026-08-01T00:00:00Z", "approved", "TX1234567", activity, ("fatigue",), "", ""))
    kinds = ["traffic_stop", "welfare_check", "vehicle_pursuit"]
    for i in range(40):
        rows.append(Row(100 + i, "2026-08-02T00:00:00Z", "approved", "CA0190000", kinds[i % 3],
                        ("complacency",), "", ""))
    summary = next(s for s in summaries(rows, parse_period("2026-Q3"), 5) if s.ori == "TX1234567")
    cells = summary.activities.agency
    assert cells["welfare_check"].text(5) == "fewer than 5"
    assert cells["vehicle_pursuit"].text(5) == "withheld"
    assert cells["traffic_stop"].text(5) == "6"
    data, parts = agency_pdf(summary)
    text = " ".join(pdf_text(data)[0].split())
    assert "Welfare check fewer than 5" in text and "Vehicle pursuit withheld" in text
    assert "CA0190000" not in text and text.count("TX1234567") == 1
    assert any(p.allowed_ori == "TX1234567" for p in parts)


def test_briefing_pdf(approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    out = tmp_path / "exports" / "briefing.pdf"
    export_briefing(alice, approved.report_ids[0], out)
    data = out.read_bytes()
    keep_sample("briefing.pdf", data)
    text, meta, count = pdf_text(data)
    assert count <= 2
    flat = " ".join(text.split())
    for expected in ("ROLL-CALL NEAR-MISS BRIEFING", "Weapon under the seat on a routine stop",
                     "What happened", "Glock 17", "Lessons learned",
                     "Search the reach area before you relax.",
                     "Contributing factors", "Complacency", "Discuss at roll call",
                     "Where would you look first?"):
        assert expected in flat, expected
    assert_clean(text)
    assert_clean(" ".join(meta.values()))
    assert meta["/Title"].startswith("Roll-call briefing")
    with pytest.raises(Exception, match="already exists"):
        export_briefing(alice, approved.report_ids[0], out)


def test_briefing_refuses_unapproved_reports_and_leaky_names(approved: Approved, tmp_path: Path) -> None:
    panel = approved.panel
    (waiting,) = panel.import_reports(story("The driver reached under the seat."))
    alice = panel.as_(ALICE)
    with pytest.raises(Exception, match="approved or published"):
        export_briefing(alice, waiting, tmp_path / "exports" / "b.pdf")
    with pytest.raises(LeakError, match="file name"):
        export_briefing(alice, approved.report_ids[0], tmp_path / "exports" / f"briefing-{ORI}.pdf")
    assert list((tmp_path / "exports").iterdir()) == []


def test_a_small_all_agencies_total_is_suppressed_too() -> None:
    """Five reports from one agency, only one of them reviewed, and nobody else's reviewed:
    "all partner agencies: 1" beside the agency's own "fewer than 5" would give it away."""
    rows = [Row(i, "2026-02-01T00:00:00Z", "approved" if i == 0 else "received", "TX1234567",
                "traffic_stop" if i == 0 else "", ("fatigue",) if i == 0 else (), "", "") for i in range(5)]
    rows += [Row(10 + i, "2026-02-02T00:00:00Z", "received", "CA0190000", "", (), "", "") for i in range(3)]
    summary = next(s for s in summaries(rows, parse_period("2026-Q1"), 5) if s.ori == "TX1234567")
    assert not summary.notice_only
    assert summary.reviewed.text(5) == "fewer than 5"
    assert summary.all_reviewed.count == 1 and summary.all_reviewed.text(5) == "fewer than 5"
    text = " ".join(pdf_text(agency_pdf(summary)[0])[0].split())
    assert "Reviewed reports, all partner agencies fewer than 5" in text
    assert "partner agencies 1 " not in text
