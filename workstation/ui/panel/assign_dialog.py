"""Panel > Assign…: the reports selected in the queue go to one reviewer's laptop for one
stage, due on a date. Every refusal (stage 2 to the stage-1 signer, an incident that
would be split, a report already out, a report at another stage) is explained in the
dialog before anything is written; the packet is then written by AssignRun, with
progress and Cancel until writing starts."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import Cancelled, InputError
from workstation.exchange.assign import Assignment, assign
from workstation.exchange.exchange_folder import outgoing_path
from workstation.exchange.panel_view import AssignmentCheck, check_assignment, suggested_reviewer
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.panel.key_dialogs import buddy, path_row
from workstation.ui.progress_run import ProgressRun, Step
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, ok_cancel_buttons

log = logging.getLogger(__name__)

WORK_FILTER = "Work packets (*.nmwork);;All files (*)"
DEFAULT_DAYS = 7


def report_numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


class AssignDialog(QDialog):
    """Who, which stage, by when; the check runs as soon as anything changes."""

    def __init__(self, session: Session, report_ids: list[int], reviewers: list[str], folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.folder = folder
        self.check: AssignmentCheck | None = None
        self._generation = 0
        self.run: AssignRun | None = None
        self.setWindowTitle("Assign…")
        self.reports_edit = QLineEdit(" ".join(map(str, report_ids)))
        self.reports_edit.setPlaceholderText("report numbers (No. in the queue)")
        self.reviewer_combo = QComboBox()
        self.reviewer_combo.addItems(reviewers)
        self.stage_combo = QComboBox()
        self.stage_combo.addItem("Stage 1 (redact and code)", 1)
        self.stage_combo.addItem("Stage 2 (second look)", 2)
        self.due_edit = QDateEdit(QDate.fromString((date.today() + timedelta(days=DEFAULT_DAYS)).isoformat(),
                                                   "yyyy-MM-dd"))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setMinimumDate(QDate.currentDate())
        self.file_edit = QLineEdit()
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.error_label = ErrorLabel()
        form = QFormLayout()
        form.addRow("&Reports", self.reports_edit)
        form.addRow("Re&viewer", self.reviewer_combo)
        form.addRow("&Stage", self.stage_combo)
        form.addRow("&Due", self.due_edit)
        form.addRow(buddy("Packet &file", self.file_edit), path_row(self.file_edit, browse))
        self.buttons = ok_cancel_buttons(self, "Assign")
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.start)
        intro = QLabel("The packet is encrypted to the reviewer's laptop and signed by this workstation. "
                       "Linked reports travel together; stage 2 never goes to the reviewer who signed "
                       "stage 1.")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.check_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        for signal in (self.reports_edit.textChanged, self.reviewer_combo.currentIndexChanged,
                       self.stage_combo.currentIndexChanged):
            signal.connect(self.recheck)
        self.reviewer_combo.currentIndexChanged.connect(self._default_file)
        suggested = suggested_reviewer(session, 1, report_ids)
        if suggested is not None and suggested in reviewers:
            self.reviewer_combo.setCurrentText(suggested)
        self._default_file()
        self.recheck()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _default_file(self) -> None:
        who = self.reviewer_combo.currentText() or "reviewer"
        self.file_edit.setText(str(outgoing_path(self.folder, who, "assignment")))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Write the work packet", self.file_edit.text(),
                                                WORK_FILTER)
        if chosen:
            self.file_edit.setText(chosen)

    def choice(self) -> tuple[str, int, list[int], str]:
        return (self.reviewer_combo.currentText(), int(self.stage_combo.currentData()),
                report_numbers(self.reports_edit.text()), self.due_edit.date().toString("yyyy-MM-dd"))

    def recheck(self) -> None:
        """Run every refusal check now, in the background; Assign waits for a clean check."""
        self._generation += 1
        generation = self._generation
        self.check = None
        self.ok_button.setEnabled(False)
        reviewer, stage, reports, _due = self.choice()
        session = self.session

        def done(check: AssignmentCheck) -> None:
            if generation != self._generation:
                return
            self.check = check
            self.error_label.clear_error()
            added = (f", with linked report(s) {', '.join(map(str, check.added))} (an incident travels whole)"
                     if check.added else "")
            self.check_label.setText(f"Ready: {len(check.reports)} report(s){added}.")
            self.ok_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self.check_label.setText("")
            self.error_label.show_error(message_for(exc))

        if not reviewer:
            failed(InputError("No reviewer laptop is enrolled yet (Panel > Enrol reviewer…)."))
            return
        run_task(lambda: check_assignment(session, reviewer, stage, reports), done, failed)

    def start(self) -> None:
        if self.check is None or self.run is not None:
            return
        reviewer, stage, reports, due = self.choice()
        out = Path(self.file_edit.text().strip())
        self.buttons.setEnabled(False)
        self.run = AssignRun(self.session, reviewer, stage, reports, due, out, self.parentWidget() or self)
        self.run.finished.connect(self._finished)
        self.run.start()

    def _finished(self, result: Assignment | None) -> None:
        self.buttons.setEnabled(True)
        run, self.run = self.run, None
        if result is not None:
            self.accept()
        elif run is not None and run.error is not None and not isinstance(run.error, Cancelled):
            self.error_label.show_error(message_for(run.error))
            self.recheck()


class AssignRun(ProgressRun):
    """Check again, then write the packet (the last step: it cannot be cancelled)."""

    title = "Assign"
    first_label = "Checking the reports…"

    def __init__(self, session: Session, reviewer: str, stage: int, reports: list[int], due: str, out: Path,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._args = (reviewer, stage, reports, due, out)
        self.error: BaseException | None = None

    def work(self, progress: Callable[..., None], cancelled: Callable[[], bool]) -> Assignment:
        reviewer, stage, reports, due, out = self._args
        progress(0, 2)
        check = check_assignment(self._session, reviewer, stage, reports)
        if cancelled():
            raise Cancelled("Cancelled: no packet was written and nothing was assigned.")
        progress(1, 2, len(check.reports))
        return assign(self._session, reviewer, stage, reports, due, out)

    def always_shown(self, step: Step) -> bool:
        return True

    def _on_progress(self, done: int, total: int, count: int = 0) -> None:
        if done >= 1:
            self._enter_last_step()
            self._show_step(f"Writing the packet of {count} report(s)…", done, total)
        else:
            self._show_step(self.first_label, done, total)

    def _on_done(self, result: Assignment) -> None:
        self.result = result
        if self._stopped:
            return
        self._close_dialog()
        reviewer, _stage, _reports, _due, out = self._args
        extra = f" (with linked reports {', '.join(map(str, result.added))})" if result.added else ""
        log.info("Assigned %d report(s) for stage %d", len(result.report_ids), result.stage)
        self.message = messages.widen(messages.inform(
            self.parent_widget, self.title,
            f"Assigned stage {result.stage} of {len(result.report_ids)} report(s){extra} to {reviewer}, due "
            f"{result.due[:10]}.\n\nThe packet: {out}"), 480)
        self.finished.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        if self._stopped:
            return
        self._close_dialog()
        if isinstance(exc, Cancelled):
            self.message = messages.inform(self.parent_widget, self.title, message_for(exc))
        self.finished.emit(None)
