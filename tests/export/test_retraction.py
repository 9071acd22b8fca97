"""Retraction end to end: a published report is withdrawn with a signed, audited record;
the next batch carries retractions.json (ids and dates, no reason) under the signed
manifest, a batch may carry only retractions, and the corrected report is published again
under a new publication id after both stages sign it again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.stories import LOW_K_REASON
from workstation.demo.build import build_demo
from workstation.demo.demo_database import DEMO_REVIEWERS
from workstation.errors import ExitCode, InputError
from workstation.export.publication import export_publication, publication_ids, verify_manifest
from workstation.export.retraction import retract
from workstation.session import Session, unlock
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow.retraction_record import verify_record
from workstation.workflow.signoff import current_signoff
from workstation.workflow.verification import verify_everything

PASSPHRASE = "orbit tulip seventy gravel"
REASON = "The narrative names the deputy's street in the lessons field."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, detector: Any) -> Path:
    path = tmp_path_factory.mktemp("retraction") / "demo.db"
    build_demo(path, reports=12, agencies=3, passphrase=PASSPHRASE, publish_share=0.5, analyser=detector)
    return path


@pytest.fixture
def coordinator(built: Path) -> Iterator[Session]:
    session = unlock(built, DEMO_REVIEWERS[0], PASSPHRASE)
    yield session
    session.lock()


def published(session: Session) -> list[int]:
    rows = session.db.query("SELECT id FROM reports WHERE stage = 'published' ORDER BY id")
    return [int(r[0]) for r in rows]


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_retraction_end_to_end(built: Path, coordinator: Session, tmp_path: Path, detector: Any) -> None:
    report = published(coordinator)[0]
    old_id = publication_ids(coordinator.db)[report]
    coordinator.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "workstation", "export", "retraction", "--report", str(report),
         "--reason", REASON, "--db", str(built), "--reviewer", DEMO_REVIEWERS[0],
         "--passphrase-file", str(secret)],
        capture_output=True, text=True, env=dict(os.environ), timeout=300)
    assert result.returncode == ExitCode.OK, result.stderr
    assert old_id in result.stdout and REASON not in result.stdout

    session = unlock(built, DEMO_REVIEWERS[0], PASSPHRASE)
    try:
        assert report_stage(session.db, report) == Stage.RETURNED
        assert current_signoff(session.db, report, 1, "signed") is None  # both stale: both stages again
        assert current_signoff(session.db, report, 2, "approved") is None
        (payload,) = [json.loads(r[0]) for r in session.db.query(
            "SELECT payload FROM audit WHERE action = 'export.retraction'")]
        assert payload["publication"] == old_id and verify_record(payload)
        assert not verify_record({**payload, "publication": "NM-000000000000"})  # the id is signed
        assert REASON not in json.dumps(payload)
        checked = verify_everything(session.db)
        assert checked.intact and checked.retractions == 1
        assert "Retractions: all 1 verify" in "\n".join(checked.lines())

        # The next batch: the approved reports, and the retraction.
        batch = export_publication(session, tmp_path / "batch", PASSPHRASE)
        listed = read_json(batch.out / "retractions.json")
        assert listed["retractions"] == [{"publication_id": old_id,
                                          "retracted_on": payload["retracted_at"][:10]}]
        assert REASON not in (batch.out / "retractions.json").read_text()
        manifest = read_json(batch.out / "manifest.json")
        assert verify_manifest(manifest)
        assert "retractions.json" in {f["path"] for f in manifest["files"]}
        assert report not in batch.publications

        # A batch of retractions only, when nothing else is approved.
        second = published(session)[0]
        retract(session, second, REASON, PASSPHRASE)
        only = export_publication(session, tmp_path / "only", PASSPHRASE)
        assert sorted(only.files) == ["manifest.json", "retractions.json"] and not only.publications
        assert len(read_json(only.out / "retractions.json")["retractions"]) == 2

        # Corrected and signed through both stages again: published under a new id.
        actions.start_stage1(session, report)
        actions.sign_stage1(session, report, PASSPHRASE, detector, low_k_reason=LOW_K_REASON)
    finally:
        session.lock()
    stage2 = unlock(built, DEMO_REVIEWERS[1], PASSPHRASE)
    try:
        actions.start_stage2(stage2, report)
        actions.approve(stage2, report, PASSPHRASE, detector, low_k_reason=LOW_K_REASON)
        again = export_publication(stage2, tmp_path / "again", PASSPHRASE)
        assert report in again.publications and again.publications[report] != old_id
    finally:
        stage2.lock()


def test_only_a_published_report_with_a_reason_can_be_retracted(coordinator: Session) -> None:
    approved = [int(r[0]) for r in coordinator.db.query("SELECT id FROM reports WHERE stage = 'approved'")]
    target = published(coordinator)[-1]
    with pytest.raises(InputError):
        retract(coordinator, target, "leak", PASSPHRASE)  # too short to say what leaked
    if approved:
        with pytest.raises(InputError):
            retract(coordinator, approved[0], REASON, PASSPHRASE)
    assert report_stage(coordinator.db, target) == Stage.PUBLISHED
