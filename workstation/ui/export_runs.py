"""The exports as background runs (see progress_run.py): the publication batch, the
agency summary PDFs and a report's roll-call briefing, each by the domain function of
`workstation.export` (which checks everything with the leak guard before it writes).

Cancelling:
- Publication is all or nothing in one transaction. Cancel works while the reports are
  being prepared (the export stops, nothing is written or published); once everything has
  passed the leak guard the files are written and the reports marked published in one
  short last step, which the dialog says cannot be cancelled (its Cancel is disabled). A
  Cancel pressed just as that step began is answered in the final message.
- Agency PDFs: Cancel stops between agencies; nothing is written, the output folder is not
  created. The last step (writing the folder at once) cannot be cancelled, as above.
- A briefing is one small PDF: no dialog, no cancel; the status bar says it is running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from workstation.errors import Cancelled, ExportError
from workstation.export.agency_export import AgencyExportResult, default_workers, export_agency_pdfs
from workstation.export.briefing import export_briefing
from workstation.export.periods import Period
from workstation.export.publication import PublicationResult, export_publication
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.progress_run import ProgressRun, Step
from workstation.ui.widgets import message_for
from workstation.wording import plural

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class ExportRun(ProgressRun):
    """One export in the background; subclasses say what the steps and the outcome are.

    With `with_dialog` a modal progress dialog shows the steps and offers Cancel.
    """

    title = "Export"

    def __init__(self, session: Session, parent: QWidget, *, with_dialog: bool = True) -> None:
        super().__init__(parent, with_dialog=with_dialog)
        self.session = session

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

    def always_shown(self, step: Step) -> bool:
        done, total = step
        return done <= 1 or done >= total - 1  # the step where writing starts is never dropped

    # running ---------------------------------------------------------------------------

    def _on_progress(self, done: int, total: int) -> None:
        label, last = self.step(done, total)
        if last:
            self._enter_last_step()
        if self.cancelled and not self.writing:
            return  # keep saying "Cancelling…"
        self._show_step(label, done, total)

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
        text = (f"Published {plural(count, 'report')} to {result.out} "
                f"({plural(len(result.files), 'file')}).\n\n"
                f"Manifest SHA-256: {result.manifest_sha256}")
        if result.left_out:  # one report never blocks a batch: say which waited, and why
            text += "\n\nLeft out (still approved):\n" + result.describe_left_out()
        return text

    def cancelled_text(self) -> str:
        return "The publication was cancelled before anything was written: nothing was published."

    def failed_text(self, exc: BaseException) -> str:
        text = message_for(exc)
        if isinstance(exc, ExportError) and not exc.written:  # it says so itself
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
                                  progress=progress, cancelled=cancelled, workers=default_workers())

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
        if result.refused:
            text += "\n\nNot written:\n" + "\n".join(f"  - {r.describe()}" for r in result.refused)
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
