"""Render the application's windows offscreen into PNG files, to look at them (not a test).

    .venv/bin/python -m tests.ui.make_screenshots [OUT_FOLDER [NAME...]]   (default /tmp/shots)

With NAMEs, only those pictures are written (`make screenshots` writes the README's:
main-window, review, coding and unlock into docs/screenshots). Uses a throw-away database
in /tmp/nmw with generated reports only, their suggestions from the real detector. The main
window is rendered at 1366x768, the smallest laptop screen the panel uses; the other
windows at their own size.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QThread
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.intake import submission, trusted_intake
from tests.helpers.review_data import identified_submissions, import_with_suggestions, long_submission
from tests.helpers.stories import LOW_K_REASON, complete_stage1
from workstation.detect.detector import get_detector
from workstation.errors import WorkstationError
from workstation.intake.bundle_writer import encode_report, make_bundle, write_bundle_file
from workstation.intake.import_run import BundleOutcome, ImportOutcome
from workstation.intake.importer import ImportSummary, import_bundle
from workstation.roster.membership import add_reviewer
from workstation.session import Session, create_workstation, unlock
from workstation.ui import tasks
from workstation.ui.first_run import FirstRunWindow, RecoveryCodeDialog
from workstation.ui.import_bundles import BundleImport
from workstation.ui.main_window import MainWindow
from workstation.ui.review.signing_dialog import SigningDialog
from workstation.ui.review.workflow_actions import SIGN_MOVES
from workstation.ui.roster import AddReviewerDialog, ChangePassphraseDialog
from workstation.ui.settings import UiSettings
from workstation.ui.unlock import UnlockWindow
from workstation.workflow.actions import (
    approve,
    disclosure_for_signing,
    sign_stage1,
    start_stage1,
    start_stage2,
)

DATABASE = Path("/tmp/nmw/workstation.db")  # short and plain, as it shows in the pictures
REVIEWER = "jsmith"
PASSPHRASE = "violet harbour spinning ninety"  # a throw-away database's, never printed
SECOND, SECOND_PASSPHRASE = "mlee", "amber lantern quietly folding"


WANTED: set[str] = set()  # empty: every picture


def save(app: QApplication, widget: QWidget, out: Path, name: str) -> None:
    app.processEvents()
    if not WANTED or name in WANTED:
        widget.grab().save(str(out / f"{name}.png"))


def review_shots(app: QApplication, window: MainWindow, report_id: int, out: Path) -> None:
    """The review view part-way through a report, and its coding panel filled in."""
    window.open_report(report_id)
    view = window.review_view
    app.processEvents()
    spans = view.span_model.spans()
    for _ in range(4):
        view.accept_current()
    view.reject_current()
    person = next((s for s in view.span_model.spans() if s.label == "PERSON" and not s.decided), None)
    if person is not None:
        view.set_current(person.id)
        view.set_replacement("the other officer")
    date = next((s for s in spans if s.label == "DATE"), None)
    if date is not None:
        view.set_current(date.id)
        view.set_generalise(True)
    pending = next((s for s in view.span_model.spans() if not s.decided and s.field == "narrative"), None)
    if pending is not None:
        view.set_current(pending.id)
    view.original_edit.setFocus()
    save(app, window, out, "review")

    panel = view.coding_panel
    panel.title_edit.setText("Prisoner not re-searched after a hand-over had a knife")
    factors = panel.factors_list
    factors.set_codes(tuple(factors.item(i).data(Qt.ItemDataRole.UserRole) for i in (0, 2)))
    panel.lessons_edit.setPlainText("Search every prisoner yourself, whoever searched before you.")
    panel.takeaways_edit.setPlainText("Never trust another officer's search\nWatch the hands")
    panel.questions_edit.setPlainText("Who searches a prisoner at a hand-over on our shift?")
    panel.save()
    panel.title_edit.setFocus()
    save(app, window, out, "review-coding")
    save(app, panel, out, "coding")
    view.side_tabs.setCurrentWidget(view.details_panel)
    details = view.details_panel
    details.combos["role_rank"].setCurrentIndex(0)
    details._chosen("role_rank", details.combos["role_rank"])  # as a reviewer choosing it
    for _ in range(200):  # the re-identification figure is counted in the background
        app.processEvents()
        if "share" in details.k_label.text():
            break
        QThread.msleep(20)
    save(app, window, out, "review-details")
    view.side_tabs.setCurrentWidget(panel)
    window.show_queue()


def approve_neighbours(session: Session, report_ids: list[int]) -> None:
    """Both stages for `report_ids` (a second reviewer approves), so that the signing dialog
    has published neighbours to count and a proposal to show."""
    detector = get_detector()
    add_reviewer(session, SECOND, SECOND_PASSPHRASE, display_name="Mary Lee")
    second = unlock(DATABASE, SECOND, SECOND_PASSPHRASE)
    try:
        for rid in report_ids:
            start_stage1(session, rid)
            complete_stage1(session, detector, rid)
            sign_stage1(session, rid, PASSPHRASE, detector, low_k_reason=LOW_K_REASON)
            start_stage2(second, rid)
            approve(second, rid, SECOND_PASSPHRASE, detector, low_k_reason=LOW_K_REASON)
    finally:
        second.lock()


def signing_shots(app: QApplication, window: MainWindow, session: Session, report_id: int, out: Path) -> None:
    """The signing dialog of a report below k: the figure, the proposal, the reason typed."""
    check = disclosure_for_signing(session, report_id)
    title, text, button = SIGN_MOVES["sign_stage1"]
    dialog = SigningDialog(title, text, check, button, window)
    dialog.show()
    dialog.low_k_reason_edit.setPlainText("A common patrol stop; nothing in it points at one officer.")
    save(app, dialog, out, "signing-below-k")
    dialog.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="nmw-shots-"))
    os.environ["WORKSTATION_LOG_DIR"] = str(scratch / "logs")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    QCoreApplication.setOrganizationName("nmw-screenshots")
    app = QApplication([])
    tasks.set_pool(tasks.SyncThreadPool())
    settings = UiSettings()

    shutil.rmtree(DATABASE.parent, ignore_errors=True)
    DATABASE.parent.mkdir(parents=True)
    created = create_workstation(DATABASE, REVIEWER, PASSPHRASE, display_name="Jane Smith")
    session = created.session
    intake = trusted_intake(session, scratch / "intake")
    plain = [submission(n) for n in range(6)]
    import_bundle(session, intake.bundle(plain, "2026-03-week1.nmbundle"))
    plain_ids = [int(session.db.query_one("SELECT id FROM reports WHERE submission_id = ?",
                                          (sub["submission_id"],))[0]) for sub in plain]
    review_ids = import_with_suggestions(session, intake, [long_submission(), *identified_submissions(10)],
                                         "2026-03-week1b.nmbundle")
    bad = "00000000-0000-4000-8000-0000000000bd"
    broken = "00000000-0000-4000-8000-0000000000be"
    import_bundle(session, intake.raw_bundle([
        (bad, encode_report(dict(submission(40), submission_id=bad, officers_on_scene="two"))),
        (broken, b'{"submission_id": "' + broken.encode() + b'", "form_version": 1'),
    ], "2026-03-week2.nmbundle"))
    taken = submission(2)  # the same id as a report held, other content: a conflict
    import_bundle(session, intake.raw_bundle([
        (taken["submission_id"], encode_report(dict(taken, title="Another title"))),
    ], "2026-03-week2b.nmbundle"))
    start_stage1(session, review_ids[0])
    start_stage1(session, review_ids[3])
    forged = scratch / "forged.nmbundle"
    write_bundle_file(forged, make_bundle([submission(99)], signing_key=Ed25519PrivateKey.generate(),
                                          recipient=intake.recipient))
    try:
        import_bundle(session, forged)
        refusal = ""
    except WorkstationError as exc:
        refusal = exc.message

    window = MainWindow(session, settings)
    window.resize(1366, 768)
    window.show()
    save(app, window, out, "main-window")
    window.database_view.tabs.setCurrentIndex(1)
    quarantine_page = window.database_view.quarantine_page
    quarantine_page.table.setCurrentIndex(quarantine_page.proxy.index(0, 0))
    save(app, window, out, "main-window-quarantine")
    window.database_view.tabs.setCurrentIndex(0)
    review_shots(app, window, review_ids[0], out)
    for width, height in ((1024, 700), (1920, 1080)):  # the small and the large screen
        window.resize(width, height)
        window.open_report(review_ids[0])
        app.processEvents()
        save(app, window, out, f"review-{width}x{height}")
    window.resize(1366, 768)
    window.show_queue()
    if not WANTED or "signing-below-k" in WANTED:  # a few neighbours approved: the rest is drawn
        approve_neighbours(session, plain_ids[:5])
        odd = dict(submission(60), time_of_day="1200_1759")  # like them, but in the afternoon
        [odd_id] = import_with_suggestions(session, intake, [odd], "2026-03-week1c.nmbundle")
        signing_shots(app, window, session, odd_id, out)

    run = BundleImport(session, [Path("2026-03-week3.nmbundle"), Path("2026-03-week4.nmbundle")], window)
    run.dialog.show()
    run._on_progress(1, 2, 7, 14)
    save(app, run.dialog, out, "import-progress")
    run.dialog.hide()
    run._on_done(ImportOutcome(
        (BundleOutcome(Path("2026-03-week1.nmbundle"),
                       ImportSummary(Path("2026-03-week1.nmbundle"), "b", imported=14, seconds=0.41)),
         BundleOutcome(forged, refusal=refusal)),
        cancelled_at=Path("2026-03-week3.nmbundle"), not_started=(Path("2026-03-week4.nmbundle"),),
        seconds=0.62,
    ))
    assert run.message is not None
    save(app, run.message, out, "import-message")
    run.message.close()

    for name, dialog in (("add-reviewer", AddReviewerDialog(session)),
                         ("change-passphrase", ChangePassphraseDialog(session))):
        dialog.show()
        save(app, dialog, out, name)
        dialog.close()
    window.close()
    session.lock()

    unlock_window = UnlockWindow(DATABASE, REVIEWER)
    unlock_window.show()
    save(app, unlock_window, out, "unlock")
    unlock_window.passphrase_edit.setText("not the passphrase")
    unlock_window.submit()  # refused: the inline message
    save(app, unlock_window, out, "unlock-error")
    unlock_window.close()

    first_run = FirstRunWindow(scratch / "new" / "workstation.db")
    first_run.show()
    save(app, first_run, out, "first-run")
    code = RecoveryCodeDialog(created.recovery_code, first_run)
    code.show()
    save(app, code, out, "recovery-code")

    empty_path = scratch / "empty" / "workstation.db"
    empty_path.parent.mkdir()
    create_workstation(empty_path, REVIEWER, PASSPHRASE).session.lock()
    empty = unlock(empty_path, REVIEWER, PASSPHRASE)
    empty_window = MainWindow(empty, settings)
    empty_window.resize(1366, 768)
    empty_window.show()
    save(app, empty_window, out, "main-window-empty")
    empty_window.close()
    empty.lock()
    for widget in app.topLevelWidgets():  # delete them before Python tears its wrappers down
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print(f"Screenshots in {out}")


if __name__ == "__main__":
    WANTED.update(sys.argv[2:])
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots"))
