"""Linking reports from the command line: links, link, unlink, as program staff use them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.files import run_cli
from tests.helpers.stories import NARRATIVE, PARTNER, UNRELATED, Panel, story
from workstation.errors import ExitCode
from workstation.session import unlock as unlock_session
from workstation.workflow.linking import linked_reports


def test_links_suggested_made_and_undone_from_the_command_line(panel: Panel, tmp_path: Path) -> None:
    first, second, third = panel.import_reports(
        story(NARRATIVE, incident_date="2026-02-27"),
        story(PARTNER, incident_date="2026-02-27", lessons_learned="Talk to your partner."),
        story(UNRELATED, incident_date="2026-01-11", activity_type="hospital_guard",
              location_type="hospital_medical"))
    db = panel.bench.session.db
    submission_of_second = db.query_one("SELECT submission_id FROM reports WHERE id = ?", (second,))[0]
    panel.bench.session.lock()  # the CLI opens the database itself
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    unlock = ["--db", str(panel.bench.session.path), "--reviewer", ALICE, "--passphrase-file", str(pw)]

    listed = json.loads(run_cli("reports", "list", "--json", *unlock).stdout)
    assert sorted(r["id"] for r in listed) == sorted([first, second, third])

    # Named by submission id, as `reports list` prints it: the partner's report suggests the first.
    links = run_cli("reports", "links", submission_of_second, "--json", *unlock)
    assert links.returncode == 0, links.stderr
    found = json.loads(links.stdout)
    assert found["linked"] == [] and found["suggested"][0]["report_id"] == first
    assert third not in [s["report_id"] for s in found["suggested"]]
    assert "Okafor" not in links.stdout  # ids and scores only, never report text

    linked = run_cli("reports", "link", str(first), str(second), *unlock)
    assert linked.returncode == 0, linked.stderr
    assert f"report {first} (primary) with {second} (supplemental)" in linked.stdout
    shown = run_cli("reports", "links", str(second), *unlock)
    assert f"Linked: {first} (primary), {second} (supplemental)" in shown.stdout

    # A supplemental report cannot be the primary of another link: one message, nothing changed.
    refused = run_cli("reports", "link", str(second), str(third), *unlock)
    assert refused.returncode == ExitCode.INPUT
    assert "supplemental" in refused.stderr and "Traceback" not in refused.stderr
    unknown = run_cli("reports", "link", str(first), "no-such-report", *unlock)
    assert unknown.returncode == ExitCode.INPUT and "No report with the id" in unknown.stderr

    unlinked = run_cli("reports", "unlink", str(first), *unlock)
    assert unlinked.returncode == 0, unlinked.stderr
    audit = json.loads(run_cli("audit", "log", "--json", *unlock).stdout)
    actions = [e["action"] for e in audit if e["action"].startswith("incident.")]
    assert sorted(actions) == ["incident.link", "incident.unlink"]

    session = unlock_session(panel.bench.session.path, ALICE, ALICE_PASSPHRASE)
    try:
        assert linked_reports(session.db, second) == [second]
    finally:
        session.lock()
