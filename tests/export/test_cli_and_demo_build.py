"""The export commands, and `demo build` taking generated reports through the real workflow."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.exports import assert_clean, pdf_text
from tests.helpers.files import run_cli
from tests.helpers.stories import ORI, Approved
from workstation.audit import chain
from workstation.demo.build import build_demo
from workstation.export import publication
from workstation.export.agency_export import export_agency_pdfs
from workstation.session import unlock
from workstation.workflow.signoff import verify_signoffs


def test_export_commands(approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    path = alice.path
    alice.lock()
    approved.panel.bench.session = approved.panel.as_("bob")  # keep an open session for the fixture
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    common = ["--db", str(path), "--reviewer", ALICE, "--passphrase-file", str(pw)]
    out = tmp_path / "exports" / "pub"
    done = run_cli("export", "publication", "--out", str(out), *common)
    assert done.returncode == 0, done.stderr
    assert "Published 2 reports" in done.stdout
    assert publication.verify_manifest(json.loads((out / "manifest.json").read_text()))
    brief = tmp_path / "exports" / "brief.pdf"
    report = str(approved.report_ids[0])
    done = run_cli("export", "briefing", "--report", report, "--out", str(brief), *common)
    assert done.returncode == 0, done.stderr
    leak = run_cli("export", "briefing", "--report", str(approved.report_ids[0]), "--out",
                   str(tmp_path / "exports" / f"{ORI}.pdf"), *common)
    assert leak.returncode == 8 and "leak guard" in leak.stderr and "file name" in leak.stderr
    agencies = tmp_path / "exports" / "agencies"
    done = run_cli("export", "agency-pdfs", "--period", "2026-Q1", "--out", str(agencies), "--k", "2",
                   *common)
    assert done.returncode == 0, done.stderr
    assert "Wrote 2 agency summaries" in done.stdout and "2 one-page notices" in done.stdout
    assert ORI not in done.stdout + done.stderr
    bad = run_cli("export", "agency-pdfs", "--period", "2026-Q9", "--out", str(tmp_path / "x"), *common)
    assert bad.returncode == 8


def test_demo_build_takes_reports_through_the_workflow(tmp_path: Path, detector: object) -> None:
    path = tmp_path / "demo" / "demo.db"
    path.parent.mkdir()
    passphrase = "demo review panel practice only"
    built = build_demo(path, reports=16, agencies=2, passphrase=passphrase, publish_share=0.5,
                       analyser=detector, quarters=2)
    assert (built.reports, built.approved, built.published) == (16, 16, 8)
    session = unlock(path, "demo-stage2", passphrase)
    try:
        db = session.db
        stages = dict(db.query("SELECT stage, count(*) FROM reports GROUP BY stage"))
        assert stages == {"published": 8, "approved": 8}
        assert verify_signoffs(db) == [] and chain.verify(db).intact
        signers = {r[0] for r in db.query("SELECT DISTINCT k.reviewer_id || ':' || s.stage FROM signoffs s "
                                          "JOIN reviewer_keys k ON k.id = s.reviewer_key_id")}
        assert len(signers) == 2  # one reviewer per stage
        result = export_agency_pdfs(session, "2026-Q3", tmp_path / "agencies", k=2)
        assert len(result.files) == 2
        for name in result.files:
            text, meta, _ = pdf_text((tmp_path / "agencies" / name).read_bytes())
            ori = name.split("-")[1]
            assert text.count(ori) == 1
            assert_clean(" ".join(meta.values()))
        published_folder = next(path.parent.glob("demo-publication-*"))
        assert publication.verify_manifest(json.loads((published_folder / "manifest.json").read_text()))
    finally:
        session.lock()
