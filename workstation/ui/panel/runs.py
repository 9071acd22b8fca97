"""The long panel jobs, each a ProgressRun (progress, Cancel, one message at the end):
importing returns on the coordinator (each file merged in its own transaction, its receipt
written beside it) and picking up the exchange folder."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QWidget

from workstation.errors import WorkstationError
from workstation.exchange.exchange_folder import FolderStatus, pick_up, receipt_path
from workstation.exchange.merge import Merged, merge_return
from workstation.exchange.panel_view import merged_before
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.progress_run import ProgressDialog, ProgressRun, Step

log = logging.getLogger(__name__)

RETURN_FILTER = "Returns (*.nmreturn);;All files (*)"
SETTLE_SECONDS = 10.0


@dataclass
class ReturnsOutcome:
    merged: list[tuple[Path, Merged, Path]] = field(default_factory=list)  # file, result, receipt
    refused: list[tuple[Path, str]] = field(default_factory=list)
    merged_before: list[tuple[Path, Path]] = field(default_factory=list)  # file, receipt written again
    cancelled: bool = False

    def counts(self) -> dict[str, int]:
        states = [s for _, m, _ in self.merged for s in m.outcomes.values()]
        return {
            "done": states.count("done"),
            "in_progress": states.count("in_progress"),
            "given_back": states.count("given_back"),
            "conflict": states.count("conflict"),
            "applied": sum(m.applied for _, m, _ in self.merged),
            "skipped": sum(m.skipped for _, m, _ in self.merged),
            "late": sum(1 for _, m, _ in self.merged if m.late),
        }

    def describe(self) -> str:
        c = self.counts()
        lines = [
            f"Merged {len(self.merged)} return(s): {c['done']} report(s) done, "
            f"{c['in_progress']} in progress, "
            f"{c['given_back']} given back; {c['conflict']} to the conflict queue.",
            f"{c['applied']} command(s) applied, {c['skipped']} skipped as already merged.",
        ]
        for path, receipt in self.merged_before:
            lines.append(f"{path.name}: skipped, merged before (nothing changed); its receipt was written "
                         f"again: {receipt}")
        if c["late"]:
            lines.append(f"{c['late']} return(s) came after the due date (merged, flagged late).")
        for _path, _merged, receipt in self.merged:
            lines.append(f"Receipt written: {receipt}")
        for path, reason in self.refused:
            lines.append(f"{path.name}: {reason}")
        if self.cancelled:
            lines.append("Cancelled: the remaining files were not imported.")
        return "\n".join(lines)


class ImportReturnsRun(ProgressRun):
    title = "Import returns"
    first_label = "Opening the return…"

    def __init__(self, session: Session, paths: Sequence[Path], parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._paths = [Path(p) for p in paths]
        self.outcome: ReturnsOutcome | None = None

    def work(self, progress: Callable[..., None], cancelled: Callable[[], bool]) -> ReturnsOutcome:
        outcome = ReturnsOutcome()
        for number, path in enumerate(self._paths):
            if cancelled():
                outcome.cancelled = True
                break
            progress(number, len(self._paths))
            receipt = receipt_path(path.parent, path)
            seen = merged_before(self._session, path)
            try:
                outcome.merged.append((path, merge_return(self._session, path, receipt), receipt))
            except WorkstationError as exc:  # one file's refusal never stops the others
                if seen:
                    outcome.merged_before.append((path, receipt))
                else:
                    outcome.refused.append((path, exc.message))
        progress(len(self._paths), len(self._paths))
        return outcome

    def always_shown(self, step: Step) -> bool:
        return True

    def _cancelling(self, dialog: ProgressDialog) -> None:
        pass  # the file being merged finishes (one transaction); the rest are skipped

    def _on_progress(self, done: int, total: int) -> None:
        if self.cancelled:
            return
        name = self._paths[min(done, total - 1)].name
        self._show_step(f"Merging {name} ({min(done + 1, total)} of {total})…", done, total)

    def _on_done(self, outcome: ReturnsOutcome) -> None:
        self.outcome = self.result = outcome
        if self._stopped:
            return
        self._close_dialog()
        log.info("Returns imported: %d merged, %d refused", len(outcome.merged), len(outcome.refused))
        show = messages.warn if outcome.refused else messages.inform
        self.message = messages.widen(show(self.parent_widget, self.title, outcome.describe()), 520)
        self.finished.emit(outcome)

    def _on_failed(self, exc: BaseException) -> None:
        if self._stopped:
            return
        self._close_dialog()
        self.finished.emit(None)


class PickUpRun(ProgressRun):
    """Pick up the exchange folder; with_dialog=False for the quiet periodic pick-up."""

    title = "Exchange folder"
    first_label = "Looking in the exchange folder…"

    def __init__(self, session: Session, folder: Path | None, parent: QWidget, *, with_dialog: bool = True,
                 report: bool = True) -> None:
        super().__init__(parent, with_dialog=with_dialog)
        self._session = session
        self._folder = folder
        self._report = report
        self.status: FolderStatus | None = None
        self.error: BaseException | None = None
        # The periodic pick-up leaves files a sync tool may still be writing; asked for, all.
        self.settle_seconds = 0.0 if with_dialog else SETTLE_SECONDS

    def work(self, progress: Callable[..., None], cancelled: Callable[[], bool]) -> FolderStatus:
        return pick_up(self._session, self._folder, progress=progress, cancelled=cancelled,
                       settle_seconds=self.settle_seconds)

    def always_shown(self, step: Step) -> bool:
        done, total = step
        return done == 0 or done >= total

    def _cancelling(self, dialog: ProgressDialog) -> None:
        pass

    def _on_progress(self, done: int, total: int) -> None:
        if not self.cancelled and total:
            self._show_step(f"Taking in file {min(done + 1, total)} of {total}…", done, total)

    def _on_done(self, status: FolderStatus) -> None:
        self.status = self.result = status
        if self._stopped:
            return
        self._close_dialog()
        if self._report and (status.rejected or status.waiting or status.picked_up):
            lines = [status.line()]
            lines += [f"Taken in {p.name}: {p.summary}" for p in status.picked_up]
            lines += [f"Rejected {name}: {reason}" for name, reason in status.rejected]
            lines += [f"Waiting {name}: {why}" for name, why in status.waiting]
            show = messages.warn if status.rejected or status.waiting else messages.inform
            self.message = messages.widen(show(self.parent_widget, self.title, "\n".join(lines)), 520)
        self.finished.emit(status)

    def _on_failed(self, exc: BaseException) -> None:
        self.error = exc
        if self._stopped:
            return
        self._close_dialog()
        self.finished.emit(None)
