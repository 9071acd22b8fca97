"""File > Export: the publication batch, agency summary PDFs and a report's roll-call
briefing, each run off the GUI thread by the domain function of `workstation.export`
(which checks everything with the leak guard before it writes anything).

Cancelling:
- Publication is all or nothing in one transaction. Cancel works while the reports are
  being prepared (the export stops, nothing is written or published); once everything has
  passed the leak guard the files are written and the reports marked published in one
  short last step, which the dialog says cannot be cancelled (its Cancel is disabled). A
  Cancel pressed just as that step began is answered in the final message.
- Agency PDFs: Cancel stops between agencies; nothing is written, the output folder is not
  created. The last step (writing the folder at once) cannot be cancelled, as above.
- A briefing is one small PDF: no dialog, no cancel; the status bar says it is running.

Only one export or import runs at a time. Output folders: the folder chosen if it is empty,
else a new, dated folder inside it (the exports never write into a folder holding files).
Suggested file names never hold a submission id, an agency or a title.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import Cancelled, WorkstationError
from workstation.export.agency_export import AgencyExportResult, check_no_overlap, export_agency_pdfs
from workstation.export.briefing import export_briefing
from workstation.export.disclosure import DEFAULT_K
from workstation.export.leak_guard import LeakError
from workstation.export.periods import Period, parse_period
from workstation.export.publication import (
    PublicationResult,
    approved_reports,
    export_publication,
    publication_ids,
)
from workstation.session import Session
from workstation.stages import STAGE_NAMES, Stage, report_stage
from workstation.ui import messages
from workstation.ui.settings import UiSettings
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, ok_cancel_buttons, take_secret
from workstation.ui.workflow_actions import PassphraseDialog

log = logging.getLogger(__name__)

PDF_FILTER = "PDF files (*.pdf)"
PROGRESS_INTERVAL = 0.05  # seconds between progress updates sent to the GUI
MAX_K = 99
TARGET_WIDTH = 400  # pixels for "The PDFs go to <folder>" in the agency dialog

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
Work = Callable[[Progress, IsCancelled], Any]


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


# ----- choices (no Qt) ---------------------------------------------------------------


def last_complete_quarter(today: date) -> Period:
    quarter = (today.month - 1) // 3 + 1
    return parse_period(f"{today.year - 1}-Q4" if quarter == 1 else f"{today.year}-Q{quarter - 1}")


def period_choices(today: date) -> list[str]:
    """Offered in the period box: the last four complete quarters, newest first, then the
    last complete year."""
    quarters = last_complete_quarter(today).trend(4)[::-1]
    return [q.code for q in quarters] + [str(today.year - 1)]


def export_folder(chosen: Path, name: str) -> Path:
    """Where an export goes: `chosen` if it is an empty folder, else a new folder `name`
    (numbered if taken) inside it. The exports refuse a folder that holds anything."""
    try:
        if chosen.is_dir() and not any(chosen.iterdir()):
            return chosen
    except OSError:
        pass  # unreadable: a new folder inside; the export says plainly if it cannot write
    candidate, number = chosen / name, 2
    while candidate.exists():
        candidate, number = chosen / f"{name}-{number}", number + 1
    return candidate


def briefing_file_name(publication_id: str | None, folder: Path) -> str:
    """A neutral name: the public publication id once published, never the submission id,
    agency or title (the file name passes the leak guard too); numbered if taken."""
    stem = f"roll-call-briefing-{publication_id}" if publication_id else "roll-call-briefing"
    name, number = f"{stem}.pdf", 2
    while (folder / name).exists():
        name, number = f"{stem}-{number}.pdf", number + 1
    return name


# ----- one run: progress dialog, background work, final message -----------------------


class _Throttle:
    """Passes progress on at most every PROGRESS_INTERVAL; always the first step and the
    last two (the one where writing starts must never be dropped)."""

    def __init__(self, emit: Progress) -> None:
        self._emit = emit
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done <= 1 or done >= total - 1 or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._emit(done, total)


class _ProgressDialog(QProgressDialog):
    """Escape or the close button cancel like the Cancel button, and do nothing once the
    last step (which cannot be cancelled) has started."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.cancel_button = QPushButton("Cancel")
        self.setCancelButton(self.cancel_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.cancel_button.isEnabled():
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and not self.cancel_button.isEnabled():
            event.ignore()
            return
        super().closeEvent(event)


class ExportRun(QObject):
    """One export in the background; subclasses say what the steps and the outcome are.

    With `with_dialog` a modal progress dialog shows the steps and offers Cancel.
    """

    title = "Export"
    first_label = "Preparing…"

    progressed = Signal(int, int)  # emitted by the worker, delivered queued in the GUI thread
    finished = Signal(object)  # the domain result; None after a failure or a cancel

    def __init__(self, session: Session, parent: QWidget, *, with_dialog: bool = True) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self._cancel = threading.Event()
        self._stopped = False
        self.writing = False  # the last step started: it runs to the end
        self.result: Any = None
        self.message: QMessageBox | None = None
        self.dialog: _ProgressDialog | None = None
        if with_dialog:
            dialog = _ProgressDialog(parent)
            dialog.setWindowTitle(self.title)
            dialog.setLabelText(self.first_label)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(0)
            dialog.setMinimumWidth(460)
            dialog.setRange(0, 0)  # busy until the first step is known
            dialog.canceled.connect(self.cancel)
            self.dialog = dialog
        self.progressed.connect(self._on_progress)

    # what each export does -------------------------------------------------------------

    def work(self, progress: Progress, cancelled: IsCancelled) -> Any:
        raise NotImplementedError

    def step(self, done: int, total: int) -> tuple[str, bool]:
        """The label for a progress step, and whether it is the last step (writing)."""
        return f"{done} of {total}", done >= total

    def done_text(self, result: Any) -> str:
        raise NotImplementedError

    def cancelled_text(self) -> str:
        return "The export was cancelled; nothing was written."

    def failed_text(self, exc: BaseException) -> str:
        return message_for(exc)

    # running ---------------------------------------------------------------------------

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        if self.dialog is not None:
            self.dialog.show()
        emit = _Throttle(self.progressed.emit)
        cancel = self._cancel
        run_task(lambda: self.work(emit, cancel.is_set), self._on_done, self._on_failed)

    @Slot()
    def cancel(self) -> None:
        """Ask the worker to stop before it writes; too late once writing started."""
        if self.writing or self._cancel.is_set():
            return
        log.info("%s: cancel requested", self.title)
        self._cancel.set()
        if self.dialog is not None and not self._stopped:
            self.dialog.setLabelText("Cancelling…")
            self.dialog.cancel_button.setEnabled(False)

    def stop(self) -> None:
        """The window is locking or closing: cancel, and drop whatever arrives later."""
        self._stopped = True
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.cancel_button.setEnabled(True)  # let it hide
            self.dialog.hide()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        dialog = self.dialog
        if self._stopped or dialog is None:
            return
        label, last = self.step(done, total)
        if last and not self.writing:
            self.writing = True
            dialog.cancel_button.setEnabled(False)
        if self.cancelled and not self.writing:
            return  # keep saying "Cancelling…"
        dialog.setLabelText(label)
        if dialog.maximum() != total:
            dialog.setRange(0, total)
        # Last: a modal QProgressDialog processes events in setValue, which may deliver the
        # result and close the dialog.
        dialog.setValue(min(done, total))

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.cancel_button.setEnabled(True)  # so that it may close
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_done(self, result: Any) -> None:
        self.result = result
        if self._stopped:
            return
        self._close_dialog()
        text = self.done_text(result)
        if self.cancelled:  # pressed as the last step began: it ran to the end
            text = ("Cancel came too late: the export was already being written.\n\n" + text)
        self.message = messages.widen(messages.inform(self.parent_widget, self.title, text), 420)
        self.finished.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        if self._stopped:
            return
        self._close_dialog()
        if isinstance(exc, Cancelled):
            log.info("%s: cancelled, nothing written", self.title)
            self.message = messages.inform(self.parent_widget, self.title, self.cancelled_text())
        else:
            log.info("%s: refused (%s)", self.title, type(exc).__name__)
            box = messages.warn(self.parent_widget, self.title, self.failed_text(exc))
            self.message = messages.widen(box, 420)
        self.finished.emit(None)


class PublicationRun(ExportRun):
    title = "Export publication batch"
    first_label = "Checking your passphrase…"

    def __init__(self, session: Session, out: Path, passphrase: str, parent: QWidget) -> None:
        super().__init__(session, parent)
        self.out = out
        self._passphrase: str | None = passphrase  # dropped as soon as the worker took it

    def work(self, progress: Progress, cancelled: IsCancelled) -> PublicationResult:
        passphrase, self._passphrase = self._passphrase or "", None
        return export_publication(self.session, self.out, passphrase, progress=progress,
                                  cancelled=cancelled)

    def step(self, done: int, total: int) -> tuple[str, bool]:
        reports = total - 2  # see export_publication: one step per report, then two
        if done < total - 1:
            return f"Preparing report {done} of {reports}…", False
        return ("Writing the files and marking the reports published. This last step cannot "
                "be cancelled.", True)

    def done_text(self, result: PublicationResult) -> str:
        count = len(result.publications)
        return (f"Published {plural(count, 'report')} to {result.out} "
                f"({plural(len(result.files), 'file')}).\n\n"
                f"Manifest SHA-256: {result.manifest_sha256}")

    def cancelled_text(self) -> str:
        return "The publication was cancelled before anything was written: nothing was published."

    def failed_text(self, exc: BaseException) -> str:
        text = message_for(exc)
        if isinstance(exc, LeakError) or "nothing" in text.lower():
            return text
        return f"{text}\n\nNothing was published."


class AgencyRun(ExportRun):
    title = "Export agency PDFs"
    first_label = "Reading the reports…"

    def __init__(self, session: Session, period: Period, k: int, out: Path, parent: QWidget) -> None:
        super().__init__(session, parent)
        self.period, self.k, self.out = period, k, out

    def work(self, progress: Progress, cancelled: IsCancelled) -> AgencyExportResult:
        return export_agency_pdfs(self.session, self.period.code, self.out, k=self.k,
                                  progress=progress, cancelled=cancelled)

    def step(self, done: int, total: int) -> tuple[str, bool]:
        if done < total:
            return f"{self.period.short_label}: agency {done} of {total}…", False
        return f"Writing {plural(total, 'PDF')}. This last step cannot be cancelled.", True

    def done_text(self, result: AgencyExportResult) -> str:
        count = len(result.files)
        text = (f"Wrote {plural(count, 'agency summary', 'agency summaries')} for "
                f"{self.period.label} to {result.out}.")
        if result.notices:
            agencies = plural(result.notices, "agency", "agencies")
            text += (f"\n\n{agencies} had fewer than {self.k} reports and got a one-page notice "
                     "instead of figures.")
        return text

    def cancelled_text(self) -> str:
        where = (f"{self.out} is empty, as before." if self.out.exists()
                 else f"No folder was created ({self.out.name}).")
        return f"The agency export was cancelled; no PDF was written. {where}"


class BriefingRun(ExportRun):
    title = "Export briefing PDF"

    def __init__(self, session: Session, report_id: int, out: Path, parent: QWidget) -> None:
        super().__init__(session, parent, with_dialog=False)  # one small PDF: no dialog
        self.report_id, self.out = report_id, out

    def work(self, progress: Progress, cancelled: IsCancelled) -> Path:
        return export_briefing(self.session, self.report_id, self.out)

    def done_text(self, result: Path) -> str:
        return f"Wrote the roll-call briefing to {result}."


# ----- the agency dialog -----------------------------------------------------------------


@dataclass(frozen=True)
class AgencyChoice:
    period: Period
    k: int
    out: Path


class AgencyExportDialog(QDialog):
    """Period, threshold k and folder; checked (period, overlap with earlier exports,
    folder) before it closes, with one message for what is wrong."""

    def __init__(self, session: Session, settings: UiSettings, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.choice: AgencyChoice | None = None
        self.setWindowTitle("Export agency PDFs")
        today = today or date.today()

        intro = QLabel("One summary PDF per partner agency for a calendar quarter or year. "
                       "Counts below k are printed as \u201cfewer than k\u201d; an agency with "
                       "fewer than k reports gets a one-page notice.")
        intro.setWordWrap(True)
        self.period_combo = QComboBox()
        self.period_combo.setEditable(True)
        self.period_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.period_combo.addItems(period_choices(today))
        self.period_combo.setCurrentIndex(0)  # the last complete quarter
        self.period_combo.setToolTip("A quarter like 2026-Q3 or a year like 2026")
        self.period_combo.setMinimumContentsLength(10)
        self.period_combo.lineEdit().setAccessibleName("Period")
        self.k_spin = QSpinBox()
        self.k_spin.setRange(2, MAX_K)  # the disclosure rule needs k of at least 2
        self.k_spin.setValue(DEFAULT_K)
        self.k_spin.setToolTip("Small-count threshold: counts below it are not printed")
        self.folder_edit = QLineEdit()
        folder = settings.last_export_folder
        if folder is not None and folder.is_dir():
            self.folder_edit.setText(str(folder))
        self.folder_edit.setPlaceholderText("Where the PDFs go")
        self.folder_edit.setMinimumWidth(260)
        choose = QPushButton("&Choose…")
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        # One line, elided in the middle (full path in the tooltip): a wrapped label leaves
        # the dialog a line taller than it needs.
        self.target_label = QLabel()
        self.target_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        folder_label = QLabel("&Folder")
        folder_label.setBuddy(self.folder_edit)  # a row holding a layout gets no buddy of its own
        form = QFormLayout()
        form.addRow("&Period", self.period_combo)
        form.addRow("&k", self.k_spin)
        form.addRow(folder_label, folder_row)
        form.addRow("", self.target_label)
        self.error_label = ErrorLabel()
        buttons = ok_cancel_buttons(self, "Export")
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.setMinimumWidth(500)

        self.period_combo.currentTextChanged.connect(lambda _t: self._update_target())
        self.folder_edit.textChanged.connect(lambda _t: self._update_target())
        self._update_target()

    def choose_folder(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Export agency PDFs: choose a folder", start)
        if chosen:
            self.folder_edit.setText(chosen)

    def _target(self) -> Path | None:
        text = self.folder_edit.text().strip()
        try:
            period = parse_period(self.period_combo.currentText())
        except WorkstationError:
            return None
        return export_folder(Path(text), f"agency-summaries-{period.code}") if text else None

    def _update_target(self) -> None:
        target = self._target()
        text = f"The PDFs go to {target}" if target is not None else ""
        metrics = self.target_label.fontMetrics()
        self.target_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, TARGET_WIDTH))
        self.target_label.setToolTip(text)
        self.target_label.setVisible(target is not None)

    def _show_error(self, text: str) -> None:
        self.error_label.show_error(text)
        # A window does not grow by itself for a label that wraps (height for width): a
        # two-line message would squeeze the fields.
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def check(self) -> AgencyChoice | None:
        """The choice, or None with the one thing to fix shown in the dialog."""
        try:
            period = parse_period(self.period_combo.currentText())
            k = self.k_spin.value()
            check_no_overlap(self.session.db, period, k)
        except WorkstationError as exc:
            self._show_error(exc.message)
            self.period_combo.setFocus()
            return None
        folder = self.folder_edit.text().strip()
        if not folder:
            self._show_error("Choose the folder the PDFs go to.")
            return None
        if not Path(folder).is_dir():
            self._show_error(f"The folder {folder} does not exist.")
            return None
        self.error_label.clear_error()
        return AgencyChoice(period, k, export_folder(Path(folder), f"agency-summaries-{period.code}"))

    def accept(self) -> None:
        choice = self.check()
        if choice is None:
            return
        self.choice = choice
        self.settings.last_export_folder = Path(self.folder_edit.text().strip())
        super().accept()


# ----- the actions -----------------------------------------------------------------------


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
        self.menu = QMenu("&Export", parent)
        self.menu.setToolTipsVisible(True)
        for action in (self.publication_action, self.agency_action, self.briefing_action):
            self.menu.addAction(action)

    @property
    def busy(self) -> bool:
        return self.run is not None

    def actions(self) -> list[QAction]:
        return [self.publication_action, self.agency_action, self.briefing_action]

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
        count = len(approved_reports(self.session.db))
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
        out = export_folder(folder, f"near-miss-publication-{date.today():%Y-%m-%d}")
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
        db = self.session.db
        try:
            stage = report_stage(db, report_id)
        except WorkstationError as exc:
            self._warn(exc.message, title)
            return None
        if stage not in (Stage.APPROVED, Stage.PUBLISHED):
            name = STAGE_NAMES.get(Stage(stage), stage).lower() if stage in set(Stage) else stage
            self._warn("A briefing can only be made from an approved or published report; "
                       f"this one is {name}.", title)
            return None
        folder = Path(self._start_folder())
        suggested = folder / briefing_file_name(publication_ids(db).get(report_id), folder)
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
