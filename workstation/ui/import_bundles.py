"""File > Import bundle…: import .nmbundle files in the background with a progress dialog.

The loop is the CLI's (`workstation.intake.import_run.import_bundles`): each file in its
own transaction, one outcome per file, new reports analysed by the detector as they are
imported. Cancelling stops inside the current bundle, whose transaction is rolled back,
and skips the rest. `BundleImport` runs it as a ProgressRun (progress_run.py) and ends
with one message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from workstation.intake.import_run import ImportOutcome, Progress, import_bundles
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.progress_run import ProgressDialog, ProgressRun, Step
from workstation.ui.review.workflow_actions import default_analyser

log = logging.getLogger(__name__)

BUNDLE_FILTER = "Submission bundles (*.nmbundle);;All files (*)"


class BundleImport(ProgressRun):
    """One run of the Import action: progress dialog, background import, final message."""

    title = "Import bundles"
    first_label = "Opening the bundle…"
    dialog_width = 420

    def __init__(self, session: Session, paths: Sequence[Path], parent: QWidget,
                 analyser: Callable[[], Any] | None = default_analyser) -> None:
        """`analyser` gives the detector (called in the worker: loading it takes a while);
        None imports without suggestions."""
        super().__init__(parent)
        self._session = session
        self._paths = [Path(p) for p in paths]
        self._analyser = analyser
        self.outcome: ImportOutcome | None = None

    def start(self) -> None:
        log.info("Importing %d bundle(s)", len(self._paths))
        super().start()

    def work(self, progress: Progress, cancelled: Callable[[], bool]) -> ImportOutcome:
        analyser = self._analyser
        return import_bundles(self._session, list(self._paths), analyser=analyser() if analyser else None,
                              progress=progress, cancelled=cancelled)

    def always_shown(self, step: Step) -> bool:
        _number, _count, done, total = step
        return done <= 1 or done >= total

    def _cancelling(self, dialog: ProgressDialog) -> None:
        pass  # Cancel stays pressable; the current bundle is rolled back either way

    def _on_progress(self, number: int, count: int, done: int, total: int) -> None:
        if self.cancelled or self.dialog is None:
            return
        name = self._paths[number - 1].name
        which = f" ({number} of {count})" if count > 1 else ""
        if total == 0:
            # With the detector, the first count comes once the first reports are analysed.
            doing = " and suggesting identifiers" if self._analyser is not None else ""
            self.dialog.setLabelText(f"Opening {name}{which}{doing}…")
            self.dialog.setRange(0, 0)
            return
        self._show_step(f"Importing {name}{which}: {done} of {total} reports", done, total)

    def _on_done(self, outcome: ImportOutcome) -> None:
        self.outcome = self.result = outcome
        if self._stopped:
            return
        self._close_dialog()
        log.info(
            "Import finished: %d imported, %d quarantined, %d duplicates, %d refused, cancelled=%s",
            outcome.imported, outcome.quarantined, outcome.duplicates, outcome.refused,
            outcome.cancelled_at is not None,
        )
        show = messages.inform if outcome.all_well else messages.warn
        self.message = messages.widen(show(self.parent_widget, self.title, outcome.describe()), 480)
        self.finished.emit(outcome)

    def _on_failed(self, exc: BaseException) -> None:
        # Only a bug gets here (expected errors are outcomes); the crash dialog has shown it.
        if self._stopped:
            return
        self._close_dialog()
        self.finished.emit(None)
