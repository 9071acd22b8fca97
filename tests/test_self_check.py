"""`workstation --self-check` runs end to end on this installation, as a packaged build would."""

from __future__ import annotations

from tests.helpers.files import run_cli


def test_self_check_passes_and_prints_no_report_text() -> None:
    result = run_cli("--self-check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "Self-check passed."
    assert [line.split()[0] for line in lines[:-1]] == ["ok"] * 5
    assert "briefing PDF rendered with ReportLab" in result.stdout
    assert "narrative\":" not in result.stdout
