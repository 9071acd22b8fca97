"""Below the Quarantine table: the chosen submission's reason and, on request (an audited
view), its raw content; fix-and-accept (a corrected version becomes a report, checked as
strictly as at import) and discard with a reason. Both go through
`workstation.quarantine` and are audited there."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import WorkstationError
from workstation.intake import quarantine
from workstation.intake.quarantine import QuarantineListing
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.review.workflow_actions import default_analyser
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, monospace_font, ok_cancel_buttons

log = logging.getLogger(__name__)



def shown_text(raw: bytes) -> str:
    """Raw bytes as text to read and correct (undecodable bytes shown as U+FFFD)."""
    return raw.decode("utf-8", errors="replace")


class FixDialog(QDialog):
    """The raw submission, editable: what is saved must pass the import checks."""

    def __init__(self, item: quarantine.QuarantinedSubmission, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fix and accept")
        intro = QLabel(f"Correct the submission and accept it as a report. Why it was held: {item.reason}")
        intro.setWordWrap(True)
        self.edit = QPlainTextEdit(shown_text(item.raw))
        self.edit.setFont(monospace_font())
        self.error_label = ErrorLabel()
        buttons = ok_cancel_buttons(self, "Accept as report")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def corrected(self) -> bytes:
        return self.edit.toPlainText().encode("utf-8")


class DiscardDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Discard the submission")
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("Why, e.g. a test entry from intake")
        buttons = ok_cancel_buttons(self, "Discard")
        layout = QVBoxLayout(self)
        note = QLabel("The submission stays in the database, marked as discarded with your reason.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.reason_edit)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


class QuarantineDetail(QWidget):
    resolved = Signal()  # a submission was accepted or discarded: reload the lists

    def __init__(self, session: Session, parent: QWidget | None = None,
                 analyser: Callable[[], Any] = default_analyser) -> None:
        super().__init__(parent)
        self.session = session
        self.analyser = analyser
        self.listing: QuarantineListing | None = None
        self.opened: quarantine.QuarantinedSubmission | None = None
        self.busy = False
        self.last_dialog: QWidget | None = None  # for tests
        self.reason_label = QLabel("Choose a submission to see why it was held.")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.raw_edit = QPlainTextEdit()
        self.raw_edit.setReadOnly(True)
        self.raw_edit.setFont(monospace_font())
        self.raw_edit.setPlaceholderText("The raw content is shown on request; each view is audited.")
        self.show_button = QPushButton("&Show content")
        self.show_button.setToolTip("Read the raw submission (the view is recorded in the audit log)")
        self.show_button.clicked.connect(self.show_content)
        self.fix_button = QPushButton("&Fix and accept…")
        self.fix_button.clicked.connect(self.fix_and_accept)
        self.discard_button = QPushButton("&Discard…")
        self.discard_button.clicked.connect(self.discard)
        self.error_label = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason_label, 1)
        for button in (self.show_button, self.fix_button, self.discard_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.raw_edit, 1)
        self.set_listing(None)

    def set_listing(self, listing: QuarantineListing | None) -> None:
        if listing is None or self.listing is None or listing.id != self.listing.id:
            self.opened = None
            self.raw_edit.setPlainText("")
        self.listing = listing
        self.error_label.clear_error()
        if listing is not None:
            reason = listing.reason.removeprefix(f"{listing.kind}: ")
            self.reason_label.setText(f"<b>{html.escape(listing.kind.title())}</b>: {html.escape(reason)}")
            self.reason_label.setTextFormat(Qt.TextFormat.RichText)
        else:
            self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
            self.reason_label.setText("Choose a submission to see why it was held.")
        self._update()

    def _update(self) -> None:
        ready = self.listing is not None and not self.busy and self.listing.resolution is None
        self.show_button.setEnabled(self.listing is not None and self.opened is None and not self.busy)
        self.fix_button.setEnabled(ready)
        self.discard_button.setEnabled(ready)

    def _open(self) -> quarantine.QuarantinedSubmission | None:
        if self.listing is None:
            return None
        if self.opened is None:
            try:
                self.opened = quarantine.open_quarantined(self.session, self.listing.id)
            except WorkstationError as exc:
                self.error_label.show_error(exc.message)
                return None
            self.raw_edit.setPlainText(shown_text(self.opened.raw))
        self._update()
        return self.opened

    def show_content(self) -> None:
        self._open()

    def fix_and_accept(self) -> FixDialog | None:
        item = self._open()
        if item is None:
            return None
        dialog = FixDialog(item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session, analyser = self.session, self.analyser

        def accepted() -> None:
            corrected = dialog.corrected()
            self._run("Fix and accept",
                      lambda: quarantine.accept_fixed(session, item.id, corrected, analyser()),
                      lambda report_id: f"Accepted as report {report_id}.")

        dialog.accepted.connect(accepted)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def discard(self) -> DiscardDialog | None:
        if self.listing is None:
            return None
        dialog = DiscardDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session, qid = self.session, self.listing.id

        def accepted() -> None:
            reason = dialog.reason_edit.text()
            self._run("Discard", lambda: quarantine.discard(session, qid, reason),
                      lambda _none: "The submission was discarded.")

        dialog.accepted.connect(accepted)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _run(self, title: str, work: Callable[[], Any], said: Callable[[Any], str]) -> None:
        self.busy = True
        self._update()

        def done(result: Any) -> None:
            self.busy = False
            self.set_listing(None)
            self.last_dialog = messages.inform(self, title, said(result))
            self.resolved.emit()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._update()
            self.last_dialog = messages.warn(self, title, message_for(exc))

        run_task(work, done, failed)
