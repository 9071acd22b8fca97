"""One cancellable job in the background: a modal progress dialog, the work through
run_task, progress relayed from the worker (throttled), one message at the end.

The import and the exports are subclasses: each says what its work is, how a step reads,
which steps must always be shown, and what its final message says. Cancel sets a flag the
worker checks; once the last step (writing) has begun, Cancel is disabled and Escape or the
close button do nothing, since that step runs to its end.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from workstation.ui.tasks import run_task

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress updates sent to the GUI

Step = tuple[int, ...]


class Throttle:
    """Passes a step on at most every PROGRESS_INTERVAL, and always those `always` names
    (the first and last ones: the step where writing starts must never be dropped)."""

    def __init__(self, emit: Callable[[Step], None], always: Callable[[Step], bool]) -> None:
        self._emit = emit
        self._always = always
        self._last = 0.0

    def __call__(self, *step: int) -> None:
        now = time.monotonic()
        if self._always(step) or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._emit(step)


class ProgressDialog(QProgressDialog):
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


class ProgressRun(QObject):
    """One job in the background; subclasses say what the work, the steps and the outcome are.

    Subclasses define `work(progress, cancelled)`, `_on_progress(*step)` (in the GUI thread)
    and the end: `_on_done(result)` / `_on_failed(exc)` call `_close_dialog` and emit
    `finished`. With `with_dialog` a modal progress dialog shows the steps and offers Cancel.
    """

    title = "Working"
    first_label = "Preparing…"
    dialog_width = 460

    # A step, emitted by the worker and delivered queued in the GUI thread.
    progressed = Signal(object)
    finished = Signal(object)  # the result; None after a failure or a cancel

    def __init__(self, parent: QWidget, *, with_dialog: bool = True) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self._cancel = threading.Event()
        self._stopped = False
        self.writing = False  # the last step started: it runs to the end
        self.result: Any = None
        self.message: QMessageBox | None = None
        self.dialog: ProgressDialog | None = None
        if with_dialog:
            dialog = ProgressDialog(parent)
            dialog.setWindowTitle(self.title)
            dialog.setLabelText(self.first_label)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(0)
            dialog.setMinimumWidth(self.dialog_width)
            dialog.setRange(0, 0)  # busy until the first step is known
            dialog.canceled.connect(self.cancel)
            self.dialog = dialog
        self.progressed.connect(self._relay)

    # what each job does ------------------------------------------------------------------

    def work(self, progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
        raise NotImplementedError

    def always_shown(self, step: Step) -> bool:
        """Steps the throttle never drops."""
        return False

    def _on_progress(self, *step: Any, **_: Any) -> None:  # each subclass names its step's parts
        raise NotImplementedError

    def _on_done(self, result: Any) -> None:
        raise NotImplementedError

    def _on_failed(self, exc: BaseException) -> None:
        raise NotImplementedError

    # running -----------------------------------------------------------------------------

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        if self.dialog is not None:
            self.dialog.show()
        emit = Throttle(self.progressed.emit, self.always_shown)
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
            self._cancelling(self.dialog)

    def _cancelling(self, dialog: ProgressDialog) -> None:
        """What the dialog shows once Cancel was pressed (besides "Cancelling…")."""
        dialog.cancel_button.setEnabled(False)

    def stop(self) -> None:
        """The window is locking or closing: cancel, and drop whatever arrives later."""
        self._stopped = True
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.cancel_button.setEnabled(True)  # let it hide
            self.dialog.hide()

    @Slot(object)
    def _relay(self, step: Step) -> None:
        if not self._stopped and self.dialog is not None:
            self._on_progress(*step)

    def _enter_last_step(self) -> None:
        """The last step (writing) began: it cannot be cancelled any more."""
        if not self.writing:
            self.writing = True
            if self.dialog is not None:
                self.dialog.cancel_button.setEnabled(False)

    def _show_step(self, label: str, done: int, total: int) -> None:
        dialog = self.dialog
        if dialog is None:
            return
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
