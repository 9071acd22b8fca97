"""File > Import bundle…: import .nmbundle files in the background with a progress dialog.

`import_bundles` (no Qt) imports the chosen files one after the other, each in its own
transaction, and collects one outcome per file: its summary, or the plain message it was
refused with. New reports get their identifier suggestions from the detector as they are
imported (as `workstation import` does): nothing analyses them later. Cancelling stops
inside the current bundle, whose transaction is rolled back, and skips the rest.
`BundleImport` runs it through run_task, relays the importer's progress to a
QProgressDialog (whose Cancel button sets the cancel flag) and ends with one message.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from workstation.analysis import ReportAnalyser
from workstation.errors import Cancelled, WorkstationError
from workstation.intake.importer import ImportSummary, import_bundle
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.tasks import run_task
from workstation.ui.workflow_actions import default_analyser

log = logging.getLogger(__name__)

BUNDLE_FILTER = "Submission bundles (*.nmbundle);;All files (*)"
PROGRESS_INTERVAL = 0.05  # seconds between progress updates sent to the GUI

# (bundle number from 1, bundles chosen, reports done, reports in this bundle; 0 = opening)
Progress = Callable[[int, int, int, int], None]


@dataclass(frozen=True)
class BundleOutcome:
    path: Path
    summary: ImportSummary | None = None
    refusal: str = ""  # the plain message the bundle was refused with

    def describe(self) -> str:
        if self.summary is not None:
            return self.summary.describe()
        return f"{self.path.name}: {self.refusal}"


@dataclass(frozen=True)
class ImportOutcome:
    outcomes: tuple[BundleOutcome, ...] = ()
    cancelled_at: Path | None = None  # the bundle being imported when Cancel was pressed
    not_started: tuple[Path, ...] = ()
    seconds: float = 0.0

    @property
    def imported(self) -> int:
        return sum(o.summary.imported for o in self.outcomes if o.summary)

    @property
    def quarantined(self) -> int:
        return sum(o.summary.quarantined for o in self.outcomes if o.summary)

    @property
    def duplicates(self) -> int:
        return sum(o.summary.duplicates for o in self.outcomes if o.summary)

    @property
    def refused(self) -> int:
        return sum(1 for o in self.outcomes if o.summary is None)

    @property
    def all_well(self) -> bool:
        return self.cancelled_at is None and not self.refused

    def describe(self) -> str:
        """The one message shown at the end: a line per bundle, then what a cancel left out."""
        lines = [o.describe() for o in self.outcomes]
        if self.cancelled_at is not None:
            lines.append(
                f"{self.cancelled_at.name}: the import was cancelled; nothing from this bundle "
                "was saved."
            )
            if self.not_started:
                names = ", ".join(p.name for p in self.not_started)
                lines.append(f"Not imported: {names}.")
        if len(self.outcomes) > 1:
            lines.append(
                f"In all: {self.imported} imported, {self.quarantined} quarantined, "
                f"{self.duplicates} duplicates, in {self.seconds:.2f} s."
            )
        return "\n\n".join(lines)


def import_bundles(
    session: Session,
    paths: Sequence[Path],
    *,
    analyser: ReportAnalyser | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportOutcome:
    """Import each file in its own transaction; a refused bundle does not stop the others.
    With an `analyser`, the new reports get their suggestions in the same transaction.

    Expected problems (a refused bundle, a missing file) become that file's outcome; a
    cancel ends the run. Anything else is a bug and propagates.
    """
    started = time.perf_counter()
    is_cancelled = cancelled or (lambda: False)
    outcomes: list[BundleOutcome] = []
    count = len(paths)
    for number, path in enumerate(paths, start=1):
        if is_cancelled():
            return ImportOutcome(tuple(outcomes), path, tuple(paths[number:]),
                                 time.perf_counter() - started)
        if progress is not None:
            progress(number, count, 0, 0)

        def report(done: int, total: int, number: int = number) -> None:
            if progress is not None:
                progress(number, count, done, total)

        try:
            summary = import_bundle(session, path, analyser=analyser, progress=report,
                                    cancelled=is_cancelled)
        except Cancelled:
            log.info("Import cancelled in bundle %d of %d", number, count)
            return ImportOutcome(tuple(outcomes), path, tuple(paths[number:]),
                                 time.perf_counter() - started)
        except WorkstationError as exc:
            log.info("Bundle %d of %d refused: %s", number, count, type(exc).__name__)
            outcomes.append(BundleOutcome(path, refusal=exc.message))
        else:
            outcomes.append(BundleOutcome(path, summary))
    return ImportOutcome(tuple(outcomes), seconds=time.perf_counter() - started)


class _Throttle:
    """Passes progress on at most every PROGRESS_INTERVAL, and always the first and last step."""

    def __init__(self, emit: Progress) -> None:
        self._emit = emit
        self._last = 0.0

    def __call__(self, number: int, count: int, done: int, total: int) -> None:
        now = time.monotonic()
        if done <= 1 or done >= total or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._emit(number, count, done, total)


class BundleImport(QObject):
    """One run of the Import action: progress dialog, background import, final message."""

    # Emitted by the worker thread; delivered queued to this object in the GUI thread.
    progressed = Signal(int, int, int, int)
    finished = Signal(object)  # ImportOutcome, or None after a failure

    def __init__(self, session: Session, paths: Sequence[Path], parent: QWidget,
                 analyser: Callable[[], Any] | None = default_analyser) -> None:
        """`analyser` gives the detector (called in the worker: loading it takes a while);
        None imports without suggestions."""
        super().__init__(parent)
        self._session = session
        self._paths = [Path(p) for p in paths]
        self._analyser = analyser
        self._parent = parent
        self._cancel = threading.Event()
        self._stopped = False
        self.outcome: ImportOutcome | None = None
        self.message: QMessageBox | None = None

        dialog = QProgressDialog(parent)
        dialog.setWindowTitle("Import bundles")
        dialog.setLabelText("Opening the bundle…")
        dialog.setCancelButtonText("Cancel")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        dialog.setRange(0, 0)  # busy until the bundle is opened and its size known
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        self.progressed.connect(self._on_progress)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        log.info("Importing %d bundle(s)", len(self._paths))
        self.dialog.show()
        session, paths, cancel, analyser = self._session, list(self._paths), self._cancel, self._analyser
        emit = _Throttle(self.progressed.emit)
        run_task(
            lambda: import_bundles(session, paths, analyser=analyser() if analyser else None,
                                   progress=emit, cancelled=cancel.is_set),
            self._on_done,
            self._on_failed,
        )

    @Slot()
    def cancel(self) -> None:
        """Ask the worker to stop: the current bundle is rolled back, the rest skipped."""
        if not self._cancel.is_set():
            log.info("Import cancel requested")
            self._cancel.set()
            if not self._stopped:
                self.dialog.setLabelText("Cancelling…")

    def stop(self) -> None:
        """The window is locking or closing: cancel, and drop whatever arrives later."""
        self._stopped = True
        self._cancel.set()
        self.dialog.hide()

    @Slot(int, int, int, int)
    def _on_progress(self, number: int, count: int, done: int, total: int) -> None:
        if self._stopped or self.cancelled:
            return
        name = self._paths[number - 1].name
        which = f" ({number} of {count})" if count > 1 else ""
        if total == 0:
            # With the detector, the first count comes once the first reports are analysed.
            doing = " and suggesting identifiers" if self._analyser is not None else ""
            self.dialog.setLabelText(f"Opening {name}{which}{doing}…")
            self.dialog.setRange(0, 0)
            return
        self.dialog.setLabelText(f"Importing {name}{which}: {done} of {total} reports")
        if self.dialog.maximum() != total:
            self.dialog.setRange(0, total)
        self.dialog.setValue(done)

    def _close_dialog(self) -> None:
        self.dialog.hide()
        self.dialog.deleteLater()

    def _on_done(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        if self._stopped:
            return
        self._close_dialog()
        log.info(
            "Import finished: %d imported, %d quarantined, %d duplicates, %d refused, cancelled=%s",
            outcome.imported, outcome.quarantined, outcome.duplicates, outcome.refused,
            outcome.cancelled_at is not None,
        )
        show = messages.inform if outcome.all_well else messages.warn
        self.message = messages.widen(show(self._parent, "Import bundles", outcome.describe()), 480)
        self.finished.emit(outcome)

    def _on_failed(self, exc: BaseException) -> None:
        # Only a bug gets here (expected errors are outcomes); the crash dialog has shown it.
        if self._stopped:
            return
        self._close_dialog()
        self.finished.emit(None)
