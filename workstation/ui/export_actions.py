"""File > Export: the publication batch, agency summary PDFs and a report's roll-call
briefing (the runs are in export_runs.py, the agency dialog in agency_dialog.py).

Only one export or import runs at a time. Output folders: the folder chosen if it is empty,
else a new, dated folder inside it (the exports never write into a folder holding files).
Suggested file names never hold a submission id, an agency or a title
(`workstation.export.naming`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMenu, QMessageBox, QWidget

from workstation.errors import WorkstationError
from workstation.export.naming import briefing_file_name, export_folder, publication_folder_name
from workstation.export.preflight import approved_count, briefing_publication_id
from workstation.export.retraction import Retraction, retract, retractable
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.agency_dialog import AgencyExportDialog
from workstation.ui.export_runs import AgencyRun, BriefingRun, ExportRun, PublicationRun
from workstation.ui.review.dialogs import PassphraseDialog
from workstation.ui.settings import UiSettings
from workstation.ui.tasks import run_task
from workstation.ui.widgets import take_secret
from workstation.wording import plural

log = logging.getLogger(__name__)

PDF_FILTER = "PDF files (*.pdf)"


class ExportActions(QObject):
    """The three export actions and the one export running, if any."""

    busy_changed = Signal(bool)
    status = Signal(str)  # for the status bar ("" clears it)
    finished = Signal(object)  # an export ended: its result, or None (the queue may have changed)

    def __init__(self, session: Session, settings: UiSettings, parent: QWidget,
                 current_report: Callable[[], int | None]) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.parent_widget = parent
        self.current_report = current_report
        self.run: ExportRun | None = None
        self.blocked = False  # an import is running
        self.last_dialog: QDialog | None = None  # the newest dialog, for tests
        self.last_message: QMessageBox | None = None  # the newest message, for tests

        self.publication_action = QAction("Export &publication batch…", self)
        self.publication_action.setStatusTip("Publish every approved report: JSON, library PDF and "
                                             "a manifest signed with your key")
        self.publication_action.triggered.connect(lambda _checked=False: self.export_publication())
        self.agency_action = QAction("Export &agency PDFs…", self)
        self.agency_action.setStatusTip("One summary PDF per partner agency for a quarter or a year")
        self.agency_action.triggered.connect(lambda _checked=False: self.export_agency_pdfs())
        self.briefing_action = QAction("Export &briefing PDF…", self)
        self.briefing_action.setStatusTip("A roll-call briefing of the open (or selected) report; "
                                          "approved or published reports only")
        self.briefing_action.triggered.connect(lambda _checked=False: self.export_briefing())
        self.retraction_action = QAction("&Retract published report…", self)
        self.retraction_action.setStatusTip("Withdraw the open (or selected) published report after a "
                                            "leak: back to stage 1, listed in the next batch's "
                                            "retractions.json")
        self.retraction_action.triggered.connect(lambda _checked=False: self.retract_report())
        self.menu = QMenu("&Export", parent)
        self.menu.setToolTipsVisible(True)
        for action in (self.publication_action, self.agency_action, self.briefing_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.retraction_action)

    @property
    def busy(self) -> bool:
        return self.run is not None

    def actions(self) -> list[QAction]:
        return [self.publication_action, self.agency_action, self.briefing_action, self.retraction_action]

    def set_blocked(self, blocked: bool) -> None:
        """Another job (an import) runs: no export starts meanwhile."""
        self.blocked = blocked
        self._update()

    def _update(self) -> None:
        ready = self._ready()
        for action in self.actions():
            action.setEnabled(ready)

    def _ready(self) -> bool:
        return self.run is None and not self.blocked and not self.session.locked

    def _inform(self, text: str, title: str) -> QMessageBox:
        self.last_message = messages.inform(self.parent_widget, title, text)
        return self.last_message

    def _warn(self, text: str, title: str) -> QMessageBox:
        self.last_message = messages.warn(self.parent_widget, title, text)
        return self.last_message

    def _start_folder(self) -> str:
        folder = self.settings.last_export_folder
        return str(folder) if folder is not None and folder.is_dir() else str(Path.home())

    def _start(self, run: ExportRun, status: str) -> ExportRun:
        run.finished.connect(lambda result: self._on_finished(run, result))
        self.run = run
        self._update()
        self.busy_changed.emit(True)
        self.status.emit(status)
        run.start()
        return run

    def _on_finished(self, run: ExportRun, result: Any) -> None:
        if self.run is run:
            self.run = None
        self.last_message = run.message
        run.deleteLater()
        self._update()
        self.busy_changed.emit(False)
        self.status.emit("")
        self.finished.emit(result)

    def stop(self) -> None:
        """Before the database closes: cancel a running export, ignore its late result."""
        if self.run is not None:
            self.run.stop()
        for action in self.actions():
            action.setEnabled(False)

    # publication -----------------------------------------------------------------------

    def export_publication(self) -> PassphraseDialog | None:
        """Choose a folder, confirm with the passphrase, publish in the background."""
        title = PublicationRun.title
        if not self._ready():
            return None
        count = approved_count(self.session)
        if not count:
            self._inform("There are no approved reports waiting to be published; nothing was exported.",
                         title)
            return None
        chosen = QFileDialog.getExistingDirectory(
            self.parent_widget, f"{title}: choose a folder", self._start_folder())
        if not chosen:
            return None
        folder = Path(chosen)
        self.settings.last_export_folder = folder
        out = export_folder(folder, publication_folder_name(date.today()))
        dialog = PassphraseDialog(
            title,
            f"{plural(count, 'approved report')} will be published to {out} and marked "
            "published. Your passphrase signs the manifest with your key.\n\nPublishing is all "
            "or nothing: Cancel stops it up to the moment the files are written.",
            parent=self.parent_widget)
        buttons = dialog.findChild(QDialogButtonBox)
        if buttons is not None:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Publish")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            secret = take_secret(dialog.passphrase_edit)  # the field is empty from here on
            if not self._ready():
                return
            log.info("Publication export of %d approved report(s) started", count)
            self._start(PublicationRun(self.session, out, secret, self.parent_widget),
                        "Publishing…")

        dialog.accepted.connect(accepted)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    # agency PDFs -----------------------------------------------------------------------

    def export_agency_pdfs(self, today: date | None = None) -> AgencyExportDialog | None:
        if not self._ready():
            return None
        dialog = AgencyExportDialog(self.session, self.settings, self.parent_widget, today=today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            choice = dialog.choice
            if choice is None or not self._ready():
                return
            log.info("Agency export started (k=%d)", choice.k)
            self._start(AgencyRun(self.session, choice.period, choice.k, choice.out, self.parent_widget),
                        "Writing agency PDFs…")

        dialog.accepted.connect(accepted)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    # briefing --------------------------------------------------------------------------

    def export_briefing(self) -> ExportRun | None:
        """The open report's briefing (or the report selected in the queue)."""
        title = BriefingRun.title
        if not self._ready():
            return None
        report_id = self.current_report()
        if report_id is None:
            self._inform("Open a report, or select one in the queue, to make its briefing.", title)
            return None
        try:
            publication_id = briefing_publication_id(self.session, report_id)
        except WorkstationError as exc:
            self._warn(exc.message, title)
            return None
        folder = Path(self._start_folder())
        suggested = folder / briefing_file_name(publication_id, folder)
        chosen, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, title, str(suggested), PDF_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite)  # never overwritten: the export refuses
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        self.settings.last_export_folder = out.parent
        return self._start(BriefingRun(self.session, report_id, out, self.parent_widget),
                           "Writing the briefing…")

    # retraction -------------------------------------------------------------------------

    def retract_report(self) -> PassphraseDialog | None:
        """Withdraw the open (or selected) published report: the reason and the passphrase,
        which signs the retraction."""
        title = "Retract published report"
        report_id = self.current_report()
        if not self._ready():
            return None
        if report_id is None:
            self._inform("Open a published report, or select one in the queue, to retract it.", title)
            return None
        try:
            publication_id = retractable(self.session, report_id)
        except WorkstationError as exc:
            self._warn(exc.message, title)
            return None
        dialog = PassphraseDialog(
            title, f"Report {report_id} (publication {publication_id}) will be withdrawn: it goes back to "
            "stage 1, both sign-offs stale, and the next publication batch lists it in retractions.json "
            "(publication id and date only) so the library's host removes it. Your passphrase signs "
            "the retraction.", comment=True, parent=self.parent_widget)
        if dialog.comment_edit is not None:
            dialog.comment_edit.setPlaceholderText("What leaked, in a few words (kept in this database, "
                                                   "never published)")
        buttons = dialog.findChild(QDialogButtonBox)
        if buttons is not None:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Retract")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(retraction: Retraction) -> None:
            log.info("Report retracted after publication")
            self._inform(f"Report {report_id} (publication {retraction.publication_id}) is retracted and "
                         "back in stage 1. The next publication batch lists it in retractions.json.", title)
            self.finished.emit(None)  # the queue shows its new stage

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, WorkstationError):
                raise exc
            self._warn(exc.message, title)

        def accepted() -> None:
            reason, secret = dialog.comment(), take_secret(dialog.passphrase_edit)
            run_task(lambda: retract(self.session, report_id, reason, secret), done, failed)

        dialog.accepted.connect(accepted)
        dialog.open()
        self.last_dialog = dialog
        return dialog
