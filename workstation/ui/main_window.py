"""The main window: menus, the queue and quarantine tabs, the review view, the status bar."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from workstation import __version__
from workstation.errors import WorkstationError
from workstation.export.publication import PublicationResult
from workstation.roster.membership import unlocked_reviewer
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.audit_message import audit_check_text
from workstation.ui.backup_dialog import BackupDialog, RestoreDialog
from workstation.ui.database_view import DatabaseView
from workstation.ui.export_actions import ExportActions
from workstation.ui.import_bundles import BUNDLE_FILTER, BundleImport, ImportOutcome
from workstation.ui.panel import PanelActions, install_panel
from workstation.ui.retention_dialog import RetentionActions
from workstation.ui.review.view import ReviewView
from workstation.ui.roster import AddReviewerDialog, ChangePassphraseDialog, ReviewersDialog
from workstation.ui.settings import UiSettings
from workstation.ui.tasks import run_task
from workstation.ui.widgets import message_for
from workstation.workflow.audit_check import verify_session
from workstation.workflow.verification import VerificationReport

log = logging.getLogger(__name__)

APP_TITLE = "Near Miss Review Workstation"


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()
    closed = Signal()

    last_message: QMessageBox | None = None  # the newest message box, for tests

    def __init__(self, session: Session, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.bundle_import: BundleImport | None = None  # the import running, if any
        self.last_dialog: QDialog | None = None  # the backup or restore dialog last opened
        self.panel: PanelActions | None = None  # installed last: a failed page check may lock before
        self.setWindowTitle(session.path.name)  # Qt adds " — Near Miss Review Workstation"
        self._build_central()
        self.exports = ExportActions(session, settings, self, self.current_report)
        self.exports.busy_changed.connect(lambda _busy: self._update_jobs())
        self.exports.finished.connect(self._on_export_finished)
        self._build_menus()
        self._build_status_bar()
        self.panel = install_panel(self)  # Panel tab + Panel menu (workstation/ui/panel)
        self.exports.status.connect(self._show_status)
        header = settings.queue_header
        if header is not None:
            self.database_view.restore_queue_header(header)
        geometry = settings.main_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*first_size(self.screen().availableGeometry().size()))
        self.database_view.refresh()

    # ----- construction ------------------------------------------------------------

    def _action(self, text: str, slot: object = None, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()

        file_menu = bar.addMenu("&File")
        self.import_action = self._action("&Import bundle…", self.import_bundles, QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip("Import .nmbundle files received from intake")
        self.refresh_action = self._action("&Refresh", self.refresh, QKeySequence("F5"))
        file_menu.addAction(self.import_action)
        file_menu.addMenu(self.exports.menu)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        self.backup_action = self._action("&Back up database…", self.back_up)
        self.backup_action.setStatusTip("Copy the database and its key file into one encrypted backup file")
        self.restore_action = self._action("Res&tore a backup…", self.restore_backup)
        self.restore_action.setStatusTip("Make a new database from a backup file (never overwrites one)")
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        self.lock_action = self._action("&Lock", self.lock_requested.emit, QKeySequence("Ctrl+L"))
        file_menu.addAction(self.lock_action)
        self.quit_action = self._action("&Quit", self.quit_requested.emit, QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.quit_action)
        file_menu.setToolTipsVisible(True)

        review_menu = self.review_menu = bar.addMenu("&Review")
        self.open_report_action = self._action("&Open selected report", self.open_selected_report)
        self.open_report_action.setStatusTip("Open the report selected in the queue (or double-click it)")
        self.search_action = self._action("&Search the queue", self.focus_search, QKeySequence("Ctrl+F"))
        review_menu.addAction(self.open_report_action)
        review_menu.addAction(self.search_action)
        review_menu.addSeparator()
        for action in self.review_view.menu_actions():
            if action is None:
                review_menu.addSeparator()
            else:
                review_menu.addAction(action)
        review_menu.addSeparator()
        review_menu.addMenu(self.review_view.workflow_menu())
        review_menu.addAction(self.exports.briefing_action)
        review_menu.setToolTipsVisible(True)

        tools_menu = bar.addMenu("&Tools")
        self.verify_action = self._action("&Verify audit chain…", self.verify_audit_chain)
        self.reviewers_action = self._action("&Reviewers…", self.show_reviewers)
        self.add_reviewer_action = self._action("&Add reviewer…", self.add_reviewer)
        self.change_passphrase_action = self._action("&Change my passphrase…", self.change_passphrase)
        for action in (self.verify_action, self.reviewers_action):
            tools_menu.addAction(action)
        self.retention = RetentionActions(self.session, self)
        tools_menu.addAction(self.retention.action)
        tools_menu.addSeparator()
        for action in (self.add_reviewer_action, self.change_passphrase_action):
            tools_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.review_view.shortcuts_action)  # also ? and F1
        self.about_action = self._action("&About", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def back_up(self) -> BackupDialog:
        dialog = BackupDialog(self.session, self)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def restore_backup(self) -> RestoreDialog:
        dialog = RestoreDialog(self, folder=self.session.path.parent)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _build_central(self) -> None:
        self.database_view = DatabaseView(self.session)
        self.database_view.open_requested.connect(self.open_report)
        self.review_view = ReviewView(self.session, settings=self.settings)
        self.review_view.back_requested.connect(self.show_queue)
        self.review_view.changed.connect(lambda _rid: self._queue_stale())
        self.review_view.stream = self.database_view.queue_page.neighbour  # Shift+J / Shift+K
        self.pages = QStackedWidget()
        self.pages.addWidget(self.database_view)
        self.pages.addWidget(self.review_view)
        self.setCentralWidget(self.pages)
        self._queue_needs_refresh = False

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        reviewer = unlocked_reviewer(self.session)
        who = self.session.reviewer
        if reviewer is not None and reviewer.display_name:
            who = f"{reviewer.display_name} ({reviewer.name})"
        self.reviewer_label = QLabel(f"Reviewer: {who}")
        self.database_label = QLabel(f"Database: {self.session.path.name}")
        self.database_label.setToolTip(str(self.session.path))
        status.addPermanentWidget(self.reviewer_label)
        status.addPermanentWidget(self.database_label)

    # ----- actions -----------------------------------------------------------------

    def refresh(self) -> None:
        self._queue_needs_refresh = False
        self.database_view.refresh()

    def open_report(self, report_id: int) -> None:
        """Show the review view; the report opens in the background."""
        self.pages.setCurrentWidget(self.review_view)
        self.review_view.open_report(report_id)

    def current_report(self) -> int | None:
        """The report shown in the review view, else the one selected in the queue."""
        if self.pages.currentWidget() is self.review_view and self.review_view.report_id is not None:
            return self.review_view.report_id
        return self.database_view.selected_report()

    def open_selected_report(self) -> None:
        report_id = self.database_view.selected_report()
        if report_id is not None:
            self.open_report(report_id)

    def show_queue(self) -> None:
        self.review_view.flush()
        self.pages.setCurrentWidget(self.database_view)
        self.database_view.show_queue_tab()
        if self._queue_needs_refresh:
            self.refresh()
        self.database_view.focus_queue()

    def focus_search(self) -> None:
        self.show_queue()
        self.database_view.focus_search()

    def _queue_stale(self) -> None:
        self._queue_needs_refresh = True

    def import_bundles(self) -> BundleImport | None:
        """Ask for .nmbundle files and import them in the background."""
        if self.bundle_import is not None:
            return None
        folder = self.settings.last_import_folder
        # First time: the database's own folder (where the demo leaves its bundle), not home.
        if folder is None or not folder.is_dir():
            folder = self.session.path.parent
        start = str(folder)
        chosen, _filter = QFileDialog.getOpenFileNames(self, "Import bundles", start, BUNDLE_FILTER)
        if not chosen:
            return None
        paths = [Path(p) for p in chosen]
        self.settings.last_import_folder = paths[0].parent
        return self.start_import(paths)

    def start_import(self, paths: list[Path]) -> BundleImport:
        run = BundleImport(self.session, paths, self)
        run.finished.connect(self._on_import_finished)
        self.bundle_import = run
        self._update_jobs()
        self.statusBar().showMessage("Importing…")
        run.start()
        return run

    def _on_import_finished(self, outcome: ImportOutcome | None) -> None:
        run, self.bundle_import = self.bundle_import, None
        self._update_jobs()
        self.statusBar().clearMessage()
        if run is not None:
            self.last_message = run.message
            run.deleteLater()
        if outcome is not None and outcome.outcomes:
            self.statusBar().showMessage(outcome.status_line(), 10_000)
        self.refresh()

    def _update_jobs(self) -> None:
        """One import or export at a time."""
        self.import_action.setEnabled(self.bundle_import is None and not self.exports.busy)
        self.exports.set_blocked(self.bundle_import is not None)

    def _show_status(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _on_export_finished(self, result: object) -> None:
        if not isinstance(result, PublicationResult):
            return  # only a publication changes stages
        shown = self.review_view.report_id
        if shown is not None and shown in result.publications:
            self.review_view.report_moved(shown)  # its stage is now "published"
        self.refresh()

    def stop_work(self) -> None:
        """Before the database closes: save what is waiting, cancel an import or export,
        ignore late results."""
        self.review_view.stop()
        self.database_view.stop()
        if self.bundle_import is not None:
            self.bundle_import.stop()
        self.exports.stop()
        self.retention.stop()  # a background purge ends after its current chunk (one transaction)
        if self.panel is not None:
            self.panel.stop()

    def verify_audit_chain(self) -> None:
        """Recompute the audit chain, check every sign-off signature against the roster's
        public keys and every sign-off record against its audit entry (what `workstation
        audit verify` does), in the background."""
        self.verify_action.setEnabled(False)
        self.statusBar().showMessage("Verifying the audit chain and the sign-off signatures…")
        session = self.session
        run_task(lambda: verify_session(session), self._on_verified, self._on_verify_failed)

    def _on_verified(self, report: VerificationReport) -> QMessageBox:
        self.verify_action.setEnabled(True)
        self.statusBar().clearMessage()
        result = report.chain
        log.info("Audit chain verified: %d entries, intact=%s; %d sign-offs, %d signatures and %d "
                 "records broken", result.entries, result.intact, report.signoffs,
                 len(report.signature_problems), len(report.record_problems))
        text = audit_check_text(report)
        if report.intact:
            self.last_message = messages.inform(self, "Audit chain", text)
        else:
            self.last_message = messages.widen(messages.warn(self, "Audit chain", text), 520)
        return self.last_message

    def _on_verify_failed(self, exc: BaseException) -> None:
        self.verify_action.setEnabled(True)
        self.statusBar().clearMessage()
        self.last_message = messages.warn(self, "Audit chain", message_for(exc))

    def show_reviewers(self) -> ReviewersDialog | None:
        try:
            dialog = ReviewersDialog(self.session, self)
        except WorkstationError as exc:
            self.last_message = messages.warn(self, "Reviewers", exc.message)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_form(self, dialog: AddReviewerDialog | ChangePassphraseDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(dialog.done_message, 10_000))
        dialog.open()
        return dialog

    def add_reviewer(self) -> QDialog:
        return self._open_form(AddReviewerDialog(self.session, self))

    def change_passphrase(self) -> QDialog:
        return self._open_form(ChangePassphraseDialog(self.session, self))

    def show_about(self) -> QMessageBox:
        self.last_message = messages.inform(
            self, f"About {APP_TITLE}",
            f"{APP_TITLE} {__version__}\n\n"
            "Reviews near-miss reports from officers in an encrypted database on this laptop.",
        )
        return self.last_message

    # ----- closing -----------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_work()
        self.settings.main_geometry = self.saveGeometry()
        self.settings.queue_header = self.database_view.queue_header()
        self.closed.emit()
        super().closeEvent(event)


def first_size(available: QSize) -> tuple[int, int]:
    """The window's size on first start: the screen less a margin, up to 1366x900, at least
    1100x680. On a 1366x768 laptop the review then shows its coding panel beside the text
    (ui/review/fitting.py); a smaller window or screen folds it away (F4)."""
    width = max(1100, min(1366, available.width() - 40))
    height = max(680, min(900, available.height() - 40))
    return width, height
