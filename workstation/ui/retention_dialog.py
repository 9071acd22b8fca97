"""Tools > Retention: the setting, what goes now and what goes next, a run on demand; and the
quiet run after each unlock (started by the shell once the integrity check passed, so it
never delays the unlock). Only counts, ids and dates are shown, never text.

Locking (Ctrl+L, the idle lock) calls `RetentionActions.stop` before the database closes: a
run in the background finishes the chunk it is in and stops; its late result is dropped."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import WorkstationError
from workstation.retention.plan import RetentionPlan, current_plan
from workstation.retention.purge import RetentionResult, RetentionStop, run_retention
from workstation.retention.settings import MAX_DAYS, set_retention_days
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.tasks import run_task
from workstation.ui.widgets import message_for

log = logging.getLogger(__name__)
STOP_WAIT = 120.0  # seconds the lock waits for a run to finish its chunk (one transaction)


def plan_summary(plan: RetentionPlan) -> str:
    text = (f"Due now: the original text of {len(plan.reports)} published report(s) and the raw "
            f"bytes of {len(plan.quarantined)} quarantined submission(s). "
            f"Already destroyed: {plan.purged} report(s).")
    if plan.held:
        text += f" Held back: {len(plan.held)} report(s) linked with a report not due yet."
    return text


def result_summary(result: RetentionResult) -> str:
    text = (f"Destroyed the original text of {result.reports} published report(s) and the raw bytes "
            f"of {result.quarantined} quarantined submission(s).")
    if result.reports or result.quarantined:
        text += (f" The database file went from {result.bytes_before:,} to {result.bytes_after:,} bytes.")
    return text


class RetentionDialog(QDialog):
    """The setting, what will go and when, and a run on demand."""

    def __init__(self, actions: RetentionActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = actions
        self.setWindowTitle("Retention")
        self.last_message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        intro = QLabel("A published report's original free text, the words under its redactions and "
                       "its search index entry, and quarantined submissions, are destroyed this many "
                       "days after publication. What was published, the coding, sign-offs and audit "
                       "entries are kept.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel("Keep original texts"))
        self.days = QSpinBox()
        self.days.setRange(0, MAX_DAYS)
        self.days.setSuffix(" days after publication")
        row.addWidget(self.days)
        self.save_button = QPushButton("&Save setting")
        self.save_button.clicked.connect(self.save_days)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["What", "Since", "Original goes on"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = buttons.addButton("&Destroy what is due now…",
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.confirm_run)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.plan: RetentionPlan | None = None
        self.refresh()

    def refresh(self) -> None:
        plan = self.plan = current_plan(self.owner.session)
        self.days.setValue(plan.days)
        self.summary.setText(plan_summary(plan))
        rows = [(f"Report {d.id}", d.since[:10], "now") for d in plan.reports]
        rows += [(f"Quarantined submission {d.id}", d.since[:10], "now") for d in plan.quarantined]
        rows += [(f"Report {d.id} (held back: linked)", d.since[:10], d.due_at[:10]) for d in plan.held]
        rows += [(f"Report {d.id}", d.since[:10], d.due_at[:10]) for d in plan.upcoming]
        rows += [(f"Quarantined submission {d.id}", d.since[:10], d.due_at[:10])
                 for d in plan.upcoming_quarantine]
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.run_button.setEnabled(not plan.empty and not self.owner.running)

    def save_days(self) -> None:
        try:
            set_retention_days(self.owner.session, self.days.value())
        except WorkstationError as exc:
            self.last_message = messages.warn(self, "Retention", message_for(exc))
            return
        self.refresh()

    def confirm_run(self) -> QMessageBox:
        plan = self.plan
        count = len(plan.reports) + len(plan.quarantined) if plan else 0
        box = QMessageBox(QMessageBox.Icon.Warning, "Destroy original texts",
                          f"{plan_summary(plan) if plan else ''}\n\nThis cannot be undone. Destroy the "
                          f"{count} original(s) now?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.run_now)
        box.open()
        self.last_message = box
        return box

    def run_now(self) -> None:
        self.run_button.setEnabled(False)
        self.summary.setText("Destroying what is due…")
        self.owner.run(self._on_done, self._on_failed)

    def _on_done(self, result: RetentionResult) -> None:
        self.refresh()
        self.last_message = messages.inform(self, "Retention", result_summary(result))

    def _on_failed(self, exc: BaseException) -> None:
        self.refresh()
        self.last_message = messages.warn(self, "Retention", message_for(exc))


class RetentionActions(QObject):
    """The Tools menu's action, and the one retention run at a time (background or on demand)."""

    def __init__(self, session: Session, window: QMainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.running = False
        self.stopped = False  # locking: no run starts, a late result is dropped
        self._stop = RetentionStop()
        self.dialog: RetentionDialog | None = None
        self.last_result: RetentionResult | None = None
        self.action = QAction("Re&tention…", window)
        self.action.setStatusTip("Original texts destroyed N days after publication: the setting, what "
                                 "goes next, a run now")
        self.action.triggered.connect(self.show_dialog)

    def show_dialog(self) -> RetentionDialog:
        dialog = RetentionDialog(self, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def run(self, on_done: Callable[[RetentionResult], None] | None = None,
            on_failed: Callable[[BaseException], None] | None = None) -> bool:
        """Start a run in the background (False when one is running already)."""
        if self.running or self.stopped:
            return False
        self.running = True
        session, stop = self.session, self._stop

        def done(result: RetentionResult) -> None:
            self.running = False
            if self.stopped:
                return  # the window is gone or going
            self.last_result = result
            if result.reports or result.quarantined:
                log.info("Retention: %d report(s) and %d quarantined submission(s) purged",
                         result.reports, result.quarantined)
                self.window.statusBar().showMessage(result_summary(result), 15000)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self.running = False
            if self.stopped:
                return
            log.warning("The retention run stopped: %s", type(exc).__name__)
            if on_failed is not None:
                on_failed(exc)

        run_task(lambda: run_retention(session, stop=stop), done, failed)
        return True

    def stop(self, timeout: float = STOP_WAIT) -> bool:
        """Before the database closes (lock, quit): a run stops after the chunk it is in; this
        returns once it no longer uses the database (False: it did not within `timeout`)."""
        self.stopped = True
        finished = self._stop.stop(timeout)
        if not finished:
            log.warning("The retention run did not stop within %g s", timeout)
        return finished

    def start_background(self) -> bool:
        """The quiet run after an unlock: nothing is shown unless something was destroyed."""
        if self.session.locked:
            return False
        return self.run()
