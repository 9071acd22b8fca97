"""File > Export and Review > Export briefing PDF: the real exports of two reports taken
through both stages by two real reviewers (the `approved` fixture, tests/helpers/plugin.py),
in a real encrypted database, run off the GUI thread; what they wrote read back from disk."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB_PASSPHRASE
from tests.helpers.exports import assert_clean, pdf_text, read_tree
from tests.helpers.gui import slow_importer
from tests.helpers.intake import submission, trusted_intake
from tests.helpers.stories import ORI, Approved, story
from workstation.audit import chain
from workstation.export import publication
from workstation.export.naming import (
    briefing_file_name,
    export_folder,
    last_complete_quarter,
    period_choices,
)
from workstation.session import Session
from workstation.stages import Stage
from workstation.ui import export_runs
from workstation.ui.agency_dialog import AgencyExportDialog
from workstation.ui.export_actions import ExportActions
from workstation.ui.export_runs import ExportRun
from workstation.ui.main_window import MainWindow
from workstation.ui.review.dialogs import PassphraseDialog
from workstation.ui.settings import UiSettings
from workstation.workflow import signoff
from workstation.workflow.publishable import content_sha256, publishable_content

OTHER_ORI = "OH0770100"


@dataclass
class Desk:
    window: MainWindow
    session: Session
    approved: Approved
    exports_dir: Path

    @property
    def exports(self) -> ExportActions:
        return self.window.exports

    def stages(self) -> list[str]:
        return [signoff.report_stage(self.session.db, rid) for rid in self.approved.report_ids]

    def wait(self, qtbot: QtBot, timeout: int = 30_000) -> QMessageBox:
        qtbot.waitUntil(lambda: self.exports.run is None, timeout=timeout)
        message = self.exports.last_message
        assert message is not None and message.isVisible()
        return message


@pytest.fixture
def desk(qtbot: QtBot, approved: Approved, settings: UiSettings, tmp_path: Path) -> Desk:
    session = approved.panel.as_(ALICE)
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.database_view.loading)
    return Desk(window, session, approved, tmp_path / "exports")


class FolderChooser:
    """Stands in for QFileDialog.getExistingDirectory: answers `folder`, records the calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path | None) -> None:
        self.folder = folder
        self.calls: list[tuple[Any, ...]] = []
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self)

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        self.calls.append(args)
        return str(self.folder) if self.folder is not None else ""


class SaveChooser:
    """Stands in for QFileDialog.getSaveFileName: answers `answer(suggested)`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch,
                 answer: Callable[[Path], Path | None] = lambda suggested: suggested) -> None:
        self.answer = answer
        self.suggested: list[Path] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)

    def __call__(self, parent: Any, caption: str, suggested: str, filters: str, **kwargs: Any
                 ) -> tuple[str, str]:
        self.suggested.append(Path(suggested))
        chosen = self.answer(Path(suggested))
        return (str(chosen) if chosen else ""), filters


def holding(monkeypatch: pytest.MonkeyPatch, name: str,
            hold_at: Callable[[int, int], bool]) -> dict[str, Any]:
    """The real export function `export_runs.<name>`, holding still in the worker thread
    after the progress step `hold_at` picks until Cancel is asked for or `release` is set."""
    seen: dict[str, Any] = {"release": threading.Event()}
    real = getattr(export_runs, name)

    def wrapper(*args: Any, progress: Callable[[int, int], None], cancelled: Callable[[], bool],
                **kwargs: Any) -> Any:
        seen["thread"] = threading.current_thread()

        def progress_then_hold(done: int, total: int) -> None:
            progress(done, total)
            if hold_at(done, total):
                seen["holding"] = (done, total)
                deadline = time.monotonic() + 15
                while not cancelled() and not seen["release"].is_set() and time.monotonic() < deadline:
                    time.sleep(0.005)  # worker thread only: waits for the GUI

        try:
            return real(*args, progress=progress_then_hold, cancelled=cancelled, **kwargs)
        finally:
            seen["ended"] = True

    monkeypatch.setattr(export_runs, name, wrapper)
    return seen


def start_publication(desk: Desk, passphrase: str) -> PassphraseDialog:
    desk.exports.publication_action.trigger()
    dialog = desk.exports.last_dialog
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    dialog.passphrase_edit.setText(passphrase)
    edit = dialog.passphrase_edit
    dialog.accept()
    # Taken from the field at once; with the work run at once (sync_tasks) the dialog may
    # already be gone with its field, which keeps nothing either.
    assert not shiboken6.isValid(edit) or edit.text() == ""
    return dialog


def plant_redacted_name(session: Session, report_id: int) -> None:
    """Edit the approved coding behind the workflow's back (as test_publication does), with
    the sign-offs faked to match: only the leak guard stands in the way."""
    with session.db.transaction() as tx:
        tx.execute("UPDATE coding SET lessons_learned = lessons_learned || ' Thanks to Dave Reyes.' "
                   "WHERE report_id = ?", (report_id,))
    digest = content_sha256(publishable_content(session.db, report_id))
    with session.db.transaction() as tx:
        tx.execute("UPDATE signoffs SET content_sha256 = ? WHERE report_id = ?", (digest, report_id))
        # the written reason to publish it below k, given for the content as signed, faked too
        tx.execute("UPDATE disclosure_acknowledgements SET content_sha256 = ? WHERE report_id = ?",
                   (digest, report_id))


def export_jobs_enabled(desk: Desk) -> list[bool]:
    return [a.isEnabled() for a in (desk.window.import_action, *desk.exports.actions())]


# ----- small pieces ---------------------------------------------------------------------


def test_default_period_and_folder_rules(tmp_path: Path) -> None:
    assert last_complete_quarter(date(2026, 5, 10)).code == "2026-Q1"
    assert last_complete_quarter(date(2026, 2, 1)).code == "2025-Q4"
    assert period_choices(date(2026, 8, 1)) == ["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3", "2025"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export_folder(empty, "x") == empty
    (empty / "file").write_text("x")
    assert export_folder(empty, "x") == empty / "x"
    (empty / "x").mkdir()
    assert export_folder(empty, "x") == empty / "x-2"
    assert briefing_file_name(None, tmp_path) == "roll-call-briefing.pdf"
    (tmp_path / "roll-call-briefing.pdf").write_bytes(b"")
    assert briefing_file_name(None, tmp_path) == "roll-call-briefing-2.pdf"
    assert briefing_file_name("NM-0123456789ab", tmp_path) == "roll-call-briefing-NM-0123456789ab.pdf"


# ----- publication ----------------------------------------------------------------------


def test_publication_batch_in_the_background(
    qtbot: QtBot, desk: Desk, settings: UiSettings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    chooser = FolderChooser(monkeypatch, desk.exports_dir)
    seen = holding(monkeypatch, "export_publication", lambda done, total: False)
    start_publication(desk, ALICE_PASSPHRASE)
    assert desk.exports.busy
    assert export_jobs_enabled(desk) == [False] * 5  # one import or export at a time
    message = desk.wait(qtbot)

    assert seen["thread"] is not threading.main_thread()
    out = desk.exports_dir  # it was empty: used as it is
    assert message.icon() == QMessageBox.Icon.Information
    assert message.text().startswith(f"Published 2 reports to {out} (5 files).")
    files = read_tree(out)
    assert len([n for n in files if n.startswith("reports/")]) == 2
    assert {"index.json", "manifest.json"} <= set(files)
    pdf = next(data for name, data in files.items() if name.endswith(".pdf"))
    text, meta, pages = pdf_text(pdf)
    assert "Near-Miss Lessons Library" in text and pages >= 4
    assert_clean(text)
    assert_clean(" ".join(meta.values()))
    assert desk.stages() == [Stage.PUBLISHED, Stage.PUBLISHED]
    assert chain.entries(desk.session.db, limit=1)[-1].action == "export.publication"
    assert export_jobs_enabled(desk) == [True] * 5
    assert settings.last_export_folder == out
    # The queue shows the new stage.
    page = desk.window.database_view.queue_page
    qtbot.waitUntil(lambda: {i.row.stage for i in page.rows()} == {"published"})
    # A published report opens read-only: nothing offers an edit the domain would refuse.
    view = desk.window.review_view
    desk.window.open_report(desk.approved.report_ids[0])
    qtbot.waitUntil(lambda: view.review is not None and not view.loading, timeout=10_000)
    assert not view.accept_action.isEnabled() and not view.reject_action.isEnabled()
    assert not view.coding_panel.isEnabled() and not view.all_button.isEnabled()
    assert view.next_action.isEnabled() == (view.current_id is not None)  # reading still works
    view.go_back()

    # Nothing left to publish: said plainly, no folder asked for.
    desk.exports.publication_action.trigger()
    assert "no approved reports" in desk.exports.last_message.text()
    assert len(chooser.calls) == 1


def test_wrong_passphrase_one_message_nothing_published(
    qtbot: QtBot, desk: Desk, sync_tasks: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    FolderChooser(monkeypatch, desk.exports_dir)
    head = chain.head(desk.session.db)
    start_publication(desk, BOB_PASSPHRASE)
    message = desk.wait(qtbot)
    assert message.icon() == QMessageBox.Icon.Warning
    assert message.text() == "Wrong passphrase for reviewer 'alice'.\n\nNothing was published."
    assert [w for w in desk.window.findChildren(QMessageBox) if w.isVisible()] == [message]
    assert desk.stages() == [Stage.APPROVED, Stage.APPROVED]
    assert chain.head(desk.session.db) == head
    assert list(desk.exports_dir.iterdir()) == []


def test_leak_guard_refusal_is_shown_and_nothing_written(
    qtbot: QtBot, desk: Desk, sync_tasks: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rid = desk.approved.report_ids[0]
    for planted in desk.approved.report_ids:  # one report alone would only be left out
        plant_redacted_name(desk.session, planted)
    FolderChooser(monkeypatch, desk.exports_dir)
    head = chain.head(desk.session.db)
    start_publication(desk, ALICE_PASSPHRASE)
    message = desk.wait(qtbot)
    assert message.icon() == QMessageBox.Icon.Warning
    text = message.text()
    assert text.startswith("Export refused: the leak guard found ")
    assert f"string redacted in report {rid} (PERSON)" in text
    assert "Dave" not in text and "Reyes" not in text  # the findings never repeat the string
    assert "Nothing was published" not in text  # the guard's own message says it once
    assert list(desk.exports_dir.iterdir()) == []
    assert desk.stages() == [Stage.APPROVED, Stage.APPROVED]
    assert chain.head(desk.session.db) == head


def test_a_report_the_guard_refuses_is_left_out_and_the_others_publish(
    qtbot: QtBot, desk: Desk, sync_tasks: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    planted = desk.approved.report_ids[0]
    plant_redacted_name(desk.session, planted)
    FolderChooser(monkeypatch, desk.exports_dir)
    start_publication(desk, ALICE_PASSPHRASE)
    text = desk.wait(qtbot).text()
    assert text.startswith("Published 1 report to ")
    assert "Left out (still approved):" in text and f"report {planted}" in text
    assert "Dave" not in text and "Reyes" not in text
    assert desk.stages() == [Stage.APPROVED, Stage.PUBLISHED]  # the planted one waits


def test_cancel_while_preparing_leaves_the_database_unchanged(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
) -> None:
    FolderChooser(monkeypatch, desk.exports_dir)
    seen = holding(monkeypatch, "export_publication", lambda done, total: done == 1)
    head = chain.head(desk.session.db)
    start_publication(desk, ALICE_PASSPHRASE)
    run = desk.exports.run
    assert isinstance(run, ExportRun) and run.dialog is not None
    dialog = run.dialog
    assert dialog.isVisible() and dialog.isModal()
    qtbot.waitUntil(lambda: "holding" in seen, timeout=15_000)
    qtbot.waitUntil(lambda: dialog.labelText() == "Preparing report 1 of 2…")
    assert dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    message = desk.wait(qtbot)

    assert message.icon() == QMessageBox.Icon.Information
    assert message.text() == ("The publication was cancelled before anything was written: "
                              "nothing was published.")
    assert desk.stages() == [Stage.APPROVED, Stage.APPROVED]
    assert chain.head(desk.session.db) == head
    assert list(desk.exports_dir.iterdir()) == []


def test_the_last_step_cannot_be_cancelled(qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    (desk.exports_dir / "earlier.txt").write_text("not empty")  # a new folder is made inside
    FolderChooser(monkeypatch, desk.exports_dir)
    seen = holding(monkeypatch, "export_publication", lambda done, total: done == total - 1)
    start_publication(desk, ALICE_PASSPHRASE)
    run = desk.exports.run
    assert run is not None and run.dialog is not None
    dialog = run.dialog
    qtbot.waitUntil(lambda: "holding" in seen, timeout=15_000)
    qtbot.waitUntil(lambda: not dialog.cancel_button.isEnabled())
    assert "cannot be cancelled" in dialog.labelText()
    run.cancel()  # what a click would do: ignored now
    assert not run.cancelled
    seen["release"].set()
    message = desk.wait(qtbot)
    out = desk.exports_dir / f"near-miss-publication-{date.today():%Y-%m-%d}"
    assert message.text().startswith(f"Published 2 reports to {out}")
    assert sorted(p.name for p in desk.exports_dir.iterdir()) == ["earlier.txt", out.name]
    assert desk.stages() == [Stage.PUBLISHED, Stage.PUBLISHED]


# ----- agency PDFs ----------------------------------------------------------------------


def open_agency_dialog(desk: Desk, today: date = date(2026, 5, 10)) -> AgencyExportDialog:
    dialog = desk.exports.export_agency_pdfs(today=today)
    assert isinstance(dialog, AgencyExportDialog) and dialog.isVisible()
    return dialog


def test_agency_pdfs_with_period_checks_and_progress(
    qtbot: QtBot, desk: Desk, settings: UiSettings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    chooser = FolderChooser(monkeypatch, desk.exports_dir)
    dialog = open_agency_dialog(desk)
    assert dialog.period_combo.currentText() == "2026-Q1"  # the last complete quarter
    assert dialog.k_spin.value() == 5 and dialog.k_spin.minimum() == 2
    assert dialog.folder_edit.text() == ""
    steps: list[tuple[int, int]] = []
    real = export_runs.AgencyRun._on_progress
    monkeypatch.setattr(export_runs.AgencyRun, "_on_progress",
                        lambda self, done, total: (steps.append((done, total)), real(self, done, total)))

    dialog.period_combo.setEditText("2026-Q5")
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text() == ("A period is a quarter like 2026-Q3 or a year like 2026, "
                                         "not '2026-Q5'.")
    dialog.period_combo.setEditText("2026-Q1")
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.text() == "Choose the folder the PDFs go to."
    [choose] = [b for b in dialog.findChildren(QPushButton) if b.text() == "&Choose…"]
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(desk.exports_dir) and len(chooser.calls) == 1
    assert dialog.target_label.toolTip() == f"The PDFs go to {desk.exports_dir}"  # elided in the label
    dialog.k_spin.setValue(3)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    message = desk.wait(qtbot)

    out = desk.exports_dir
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"agency-{ORI}-2026-Q1.pdf", f"agency-{OTHER_ORI}-2026-Q1.pdf"])
    assert steps[-1] == (2, 2)  # agency n of N, then the last step
    text, meta, _pages = pdf_text((out / f"agency-{ORI}-2026-Q1.pdf").read_bytes())
    assert ORI in text and "No figures for this period" in text and "Fewer than 3" in text
    assert_clean(text.replace(ORI, ""))
    assert_clean(" ".join(meta.values()))
    assert message.icon() == QMessageBox.Icon.Information
    assert message.text().startswith(
        f"Wrote 2 agency summaries for Q1 2026 (January to March 2026) to {out}.")
    assert "2 agencies had fewer than 3 reports and got a one-page notice" in message.text()
    assert chain.entries(desk.session.db, limit=1)[-1].action == "export.agency_pdfs"
    assert settings.last_export_folder == out

    # An overlapping period is refused in the dialog, before anything runs.
    again = open_agency_dialog(desk)
    assert again.folder_edit.text() == str(out)  # remembered
    again.period_combo.setEditText("2026")
    again.k_spin.setValue(3)
    again.accept()
    assert again.isVisible() and "overlaps 2026-Q1" in again.error_label.text()
    again.reject()


def test_cancelling_agency_pdfs_writes_nothing(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
) -> None:
    (desk.exports_dir / "earlier.txt").write_text("not empty")  # the PDFs would go in a new folder
    FolderChooser(monkeypatch, desk.exports_dir)
    seen = holding(monkeypatch, "export_agency_pdfs", lambda done, total: done == 1)
    head = chain.head(desk.session.db)
    dialog = open_agency_dialog(desk)
    dialog.choose_folder()
    dialog.accept()
    run = desk.exports.run
    assert run is not None and run.dialog is not None
    qtbot.waitUntil(lambda: "holding" in seen, timeout=15_000)
    assert seen["thread"] is not threading.main_thread()
    qtbot.waitUntil(lambda: run.dialog is not None and run.dialog.labelText() == "Q1 2026: agency 1 of 2…")
    assert export_jobs_enabled(desk) == [False] * 5
    qtbot.mouseClick(run.dialog.cancel_button, Qt.MouseButton.LeftButton)
    message = desk.wait(qtbot)

    assert message.text() == ("The agency export was cancelled; no PDF was written. "
                              "No folder was created (agency-summaries-2026-Q1).")
    assert [p.name for p in desk.exports_dir.iterdir()] == ["earlier.txt"]
    assert chain.head(desk.session.db) == head
    assert export_jobs_enabled(desk) == [True] * 5


def test_no_export_while_an_import_runs(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    intake = trusted_intake(desk.session, tmp_path / "intake")
    path = intake.bundle([submission(n) for n in range(5)], "five.nmbundle")
    seen = slow_importer(monkeypatch)
    run = desk.window.start_import([path])
    qtbot.waitUntil(lambda: seen.get("holding", False), timeout=15_000)
    assert export_jobs_enabled(desk) == [False] * 5
    assert desk.exports.export_agency_pdfs() is None  # even called directly
    run.cancel()
    qtbot.waitUntil(lambda: desk.window.bundle_import is None, timeout=15_000)
    assert export_jobs_enabled(desk) == [True] * 5


def test_locking_during_an_export_cancels_it(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
) -> None:
    FolderChooser(monkeypatch, desk.exports_dir)
    seen = holding(monkeypatch, "export_agency_pdfs", lambda done, total: done == 1)
    head = chain.head(desk.session.db)
    dialog = open_agency_dialog(desk)
    dialog.choose_folder()
    dialog.accept()
    qtbot.waitUntil(lambda: "holding" in seen, timeout=15_000)
    desk.window.stop_work()  # what the shell does before it locks the session
    qtbot.waitUntil(lambda: seen.get("ended", False), timeout=15_000)
    qtbot.wait(200)  # the late result arrives and is ignored
    assert export_jobs_enabled(desk)[1:] == [False] * 4
    assert not [w for w in desk.window.findChildren(QMessageBox) if w.isVisible()]
    assert list(desk.exports_dir.iterdir()) == []
    assert chain.head(desk.session.db) == head
    desk.session.lock()
    assert desk.exports.export_briefing() is None  # locked: nothing runs


# ----- briefing -------------------------------------------------------------------------


def test_briefing_from_the_review_view_and_from_the_queue(
    qtbot: QtBot, desk: Desk, sync_tasks: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rid = desk.approved.report_ids[0]
    submission_id = desk.session.db.query_one("SELECT submission_id FROM reports WHERE id = ?", (rid,))[0]
    desk.window.settings.last_export_folder = desk.exports_dir
    saver = SaveChooser(monkeypatch)
    desk.window.open_report(rid)
    view = desk.window.review_view
    qtbot.waitUntil(lambda: view.review is not None and not view.loading, timeout=15_000)
    assert desk.exports.briefing_action in desk.window.review_menu.actions()

    desk.exports.briefing_action.trigger()
    message = desk.wait(qtbot)
    out = desk.exports_dir / "roll-call-briefing.pdf"
    assert saver.suggested == [out]  # neutral: no submission id, agency or title
    assert submission_id not in str(saver.suggested[0])
    assert message.text() == f"Wrote the roll-call briefing to {out}."
    text, meta, pages = pdf_text(out.read_bytes())
    assert "ROLL-CALL NEAR-MISS BRIEFING" in text and pages <= 2
    assert_clean(text, submission_id)
    assert_clean(" ".join(meta.values()))

    # A name typed with an ORI in it: the leak guard refuses, nothing is written.
    saver.answer = lambda suggested: suggested.with_name(f"briefing-{ORI}")
    desk.exports.briefing_action.trigger()
    message = desk.wait(qtbot)
    assert message.icon() == QMessageBox.Icon.Warning
    assert message.text().startswith("Export refused: the leak guard found")
    assert "file name" in message.text()
    assert sorted(p.name for p in desk.exports_dir.iterdir()) == ["roll-call-briefing.pdf"]

    # From the queue: the selected report; one not approved is refused before any file dialog.
    (waiting,) = desk.approved.panel.import_reports(story("The driver reached under the seat."))
    desk.window.show_queue()
    desk.window.refresh()
    page = desk.window.database_view.queue_page
    qtbot.waitUntil(lambda: waiting in {i.report_id for i in page.rows()})
    page.select_report(waiting)
    assert desk.window.current_report() == waiting
    calls = len(saver.suggested)
    desk.exports.briefing_action.trigger()
    message = desk.exports.last_message
    assert message is not None and message.icon() == QMessageBox.Icon.Warning
    assert message.text() == ("A briefing can only be made from an approved or published report; "
                              "this one is received.")
    assert len(saver.suggested) == calls
    page.select_report(desk.approved.report_ids[1])
    saver.answer = lambda suggested: suggested
    desk.exports.briefing_action.trigger()
    message = desk.wait(qtbot)
    assert saver.suggested[-1].name == "roll-call-briefing-2.pdf"
    assert (desk.exports_dir / "roll-call-briefing-2.pdf").read_bytes().startswith(b"%PDF")
    assert publication.publication_ids(desk.session.db) == {}  # a briefing publishes nothing


def test_the_passphrase_dialog_says_what_will_happen(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
) -> None:
    FolderChooser(monkeypatch, desk.exports_dir)
    dialog = desk.exports.export_publication()
    assert isinstance(dialog, PassphraseDialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Publish"
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"2 approved reports will be published to {desk.exports_dir}" in shown
    assert "Cancel stops it up to the moment the files are written" in shown
    dialog.reject()
    assert desk.stages() == [Stage.APPROVED, Stage.APPROVED]
