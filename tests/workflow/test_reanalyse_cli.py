"""`workstation reports reanalyse` runs the current detector on a report's fields again:
suggestions replaced, decisions kept, audited as a system write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from workstation.demo.demo_database import build_demo_database
from workstation.errors import ExitCode
from workstation.session import unlock


def test_reanalyse_keeps_decisions_and_is_audited(tmp_path: Path) -> None:
    demo = build_demo_database(tmp_path / "demo.db")
    secret = tmp_path / "pass.txt"
    secret.write_text(demo.passphrase + "\n")
    session = unlock(demo.path, demo.reviewers[0], demo.passphrase)
    report = int(session.db.query_row("SELECT min(report_id) FROM review_spans")[0])
    before = session.db.query("SELECT uid, decision FROM review_spans WHERE report_id = ? ORDER BY uid",
                              (report,))
    session.lock()
    result = subprocess.run(
        [sys.executable, "-m", "workstation", "reports", "reanalyse", str(report), "--field", "narrative",
         "--db", str(demo.path), "--reviewer", demo.reviewers[0], "--passphrase-file", str(secret)],
        capture_output=True, text=True, env=dict(os.environ), timeout=300)
    assert result.returncode == ExitCode.OK, result.stderr
    assert f"Report {report}, narrative: 0 new highlight(s) to decide." in result.stdout  # same detector
    session = unlock(demo.path, demo.reviewers[0], demo.passphrase)
    try:
        after = session.db.query("SELECT uid, decision FROM review_spans WHERE report_id = ? ORDER BY uid",
                                 (report,))
        audited = session.db.query("SELECT payload FROM audit WHERE action = 'report.reanalyse'")
    finally:
        session.lock()
    assert [tuple(r) for r in after] == [tuple(r) for r in before]
    assert [json.loads(row[0])["field"] for row in audited] == ["narrative"]


def test_an_unknown_field_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "workstation", "reports", "reanalyse", "1",
                             "--field", "nope", "--db", str(tmp_path / "x.db")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == ExitCode.USAGE and "invalid choice" in result.stderr
