"""Retention (issue 18 §3), two leftovers, on a real demo database:

- a report linked, after the purge, to an incident whose reports' original text is gone
  gets the placeholder numbers the incident had: the same person (recognised by the keyed
  hash of the normalised name kept in `retention_book`) keeps their number;
- a run is stopped between chunks by its `RetentionStop` (what locking calls): the chunk
  it is in commits, nothing touches the database after `stop()` returns, the database
  closes cleanly, and the next run does the rest."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from workstation.demo.build import build_demo
from workstation.demo.demo_database import DEMO_REVIEWERS
from workstation.demo.submissions import generate_submissions
from workstation.intake.bundle_writer import make_bundle_from_raw, write_bundle_file
from workstation.intake.importer import import_bundle
from workstation.intake.intake_keys import public_bytes
from workstation.intake.trust import trust_intake_key, workstation_recipient
from workstation.keys.keyfile import keyfile_path_for
from workstation.retention import purge
from workstation.retention.plan import plan_retention
from workstation.retention.purge import RetentionStop, RetentionStopped, run_retention
from workstation.retention.settings import set_retention_days
from workstation.review.report_review import load_report, open_report
from workstation.session import Session, unlock
from workstation.workflow.actions import link_reports
from workstation.workflow.linking import shared_book
from workstation.workflow.publishable import publishable_content
from workstation.workflow.verification import verify_everything

PASSPHRASE = "orbit tulip seventy gravel"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, detector: Any) -> Path:
    path = tmp_path_factory.mktemp("retention-later") / "demo.db"
    build_demo(path, reports=16, agencies=3, passphrase=PASSPHRASE, publish_share=1.0, analyser=detector)
    return path


@pytest.fixture
def coordinator(built: Path, tmp_path: Path) -> Iterator[Session]:
    copy = tmp_path / "db" / "demo.db"
    copy.parent.mkdir()
    shutil.copy(built, copy)
    shutil.copy(keyfile_path_for(built), keyfile_path_for(copy))
    session = unlock(copy, DEMO_REVIEWERS[0], PASSPHRASE)
    yield session
    if not session.locked:
        session.lock()


def people(session: Session, report_id: int) -> list[str]:
    """The distinct people redacted in a report, as written, in reading order."""
    review = load_report(session.db, report_id)
    book = shared_book(session.db, report_id)
    found: dict[str, str] = {}
    for span in sorted(review.spans, key=lambda s: (s.field, s.start)):
        if span.label == "PERSON" and span.field in review.texts:
            text = review.texts[span.field][span.start:span.end]
            found.setdefault(book.placeholder("PERSON", text), text)
    return [found[k] for k in sorted(found)]


def import_one(session: Session, narrative: str, detector: Any) -> int:
    key = Ed25519PrivateKey.generate()
    trust_intake_key(session, public_bytes(key), label="linked later")
    (item,) = generate_submissions(1, seed=4242)
    item["narrative"] = narrative
    bundle = session.path.parent / "later.nmbundle"
    write_bundle_file(bundle, make_bundle_from_raw([(item["submission_id"], json.dumps(item).encode())],
                                                   signing_key=key,
                                                   recipient=workstation_recipient(session.db)))
    import_bundle(session, bundle, analyser=detector)
    bundle.unlink()
    return int(session.db.query_row("SELECT id FROM reports WHERE submission_id = ?",
                                    (item["submission_id"],))[0])


def test_a_report_linked_after_the_purge_keeps_the_persons_number(coordinator: Session,
                                                                  detector: Any) -> None:
    db = coordinator.db
    published = [int(r[0]) for r in db.query("SELECT id FROM reports WHERE stage = 'published' ORDER BY id")]
    chosen = next(rid for rid in published if len(people(coordinator, rid)) >= 2)
    name = people(coordinator, chosen)[1]
    assert shared_book(db, chosen).placeholder("PERSON", name) == "[Person 2]"

    result = run_retention(coordinator, days=0)
    assert result.reports == len(published)
    assert load_report(db, chosen).spans == ()  # the words are gone: only their hashes are kept
    assert db.query_row("SELECT count(*) FROM retention_book WHERE report_id = ? AND label = 'PERSON'",
                        (chosen,))[0] >= 2

    narrative = (f"During a traffic stop on the interstate, {name} walked up to the passenger side "
                 "before I had checked the plates. We talked about it afterwards.")
    new = import_one(coordinator, narrative, detector)
    spans = [s for s in open_report(coordinator, new).spans if s.label == "PERSON"]
    texts = [narrative[s.start:s.end] for s in spans if s.field == "narrative"]
    assert name in texts or any(name in t or t in name for t in texts), texts
    alone = shared_book(db, new).placeholder("PERSON", name)
    assert alone == "[Person 1]"  # unlinked: its own numbering

    link_reports(coordinator, chosen, [new])
    book = shared_book(db, new)
    assert book.placeholder("PERSON", name) == "[Person 2]"  # the number the person had
    assert "[Person 2]" in publishable_content(db, new)["text"]["narrative"]
    assert name not in json.dumps(publishable_content(db, new))
    # The purged report is published as it was signed; nothing of the original came back.
    assert db.query_row("SELECT count(*) FROM review_spans WHERE report_id = ?", (chosen,))[0] == 0


def test_a_run_stops_between_chunks_and_the_database_closes_cleanly(
        coordinator: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(purge, "CHUNK", 3)
    due = len(plan_retention(coordinator.db, 0).reports)
    assert due >= 9
    stop = RetentionStop()
    first_chunk = threading.Event()
    outcome: dict[str, Any] = {}
    entered = threading.Event()

    def progress(done: int, total: int) -> None:
        first_chunk.set()
        entered.wait(30)  # the lock arrives while the run is between chunks

    def work() -> None:
        try:
            outcome["result"] = run_retention(coordinator, days=0, progress=progress, stop=stop)
        except BaseException as exc:  # reported by the test below
            outcome["error"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    assert first_chunk.wait(120)
    assert stop.running
    entered.set()
    assert stop.stop(timeout=120)  # what RetentionActions.stop does when the workstation locks
    assert not stop.running
    coordinator.lock()  # the database closes: the run no longer uses it
    worker.join(30)
    assert not worker.is_alive() and "error" not in outcome, outcome.get("error")
    result = outcome["result"]
    assert result.stopped and 0 < result.reports < due

    session = unlock(coordinator.path, DEMO_REVIEWERS[0], PASSPHRASE)
    try:
        kept = session.db.query_row("SELECT count(*) FROM retention_snapshots")[0]
        assert kept == result.reports  # the chunks done stay done, whole
        runs = session.db.query_row("SELECT count(*) FROM audit WHERE action = 'retention.purge'")[0]
        assert runs == 1
        assert len(plan_retention(session.db, 0).reports) == due - kept
        report = verify_everything(session.db)
        assert report.intact, report.lines()
        with pytest.raises(RetentionStopped):  # a stopped hook starts no new run
            run_retention(session, days=0, stop=stop)
        rest = run_retention(session, days=0)
        assert not rest.stopped and rest.reports == due - kept
    finally:
        session.lock()


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")  # offscreen
def test_locking_stops_the_background_run_and_drops_its_result(
        coordinator: Session, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """RetentionActions.stop, what the lock calls before the database closes: the run going
    in the background (a real worker thread) ends after its chunk, its late result is dropped,
    no new run starts, and the database then closes cleanly."""
    from PySide6.QtWidgets import QMainWindow

    from workstation.ui.retention_dialog import RetentionActions

    monkeypatch.setattr(purge, "CHUNK", 2)
    due = len(plan_retention(coordinator.db, 0).reports)
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = RetentionActions(coordinator, window)
    set_retention_days(coordinator, 0)  # everything published is due now

    def chunks_done() -> int:
        return int(coordinator.db.query_row(
            "SELECT count(*) FROM audit WHERE action = 'retention.purge'")[0])

    assert actions.start_background()
    qtbot.waitUntil(lambda: chunks_done() >= 1, timeout=120_000)
    assert actions.stop(timeout=120)  # the lock: returns once the run has left the database
    coordinator.lock()
    qtbot.wait(200)  # the worker's result arrives, and is dropped
    assert actions.last_result is None and not actions.start_background()
    session = unlock(coordinator.path, DEMO_REVIEWERS[0], PASSPHRASE)
    try:
        kept = int(session.db.query_row("SELECT count(*) FROM retention_snapshots")[0])
        assert 0 < kept < due
        assert verify_everything(session.db).intact
    finally:
        session.lock()
