"""Small panel forms: Export returns… (laptop: the reports with work done, or every report
held, optionally handed back; signed with the passphrase) and Revoke… (coordinator: take
reports back from a laptop, writing the notice for it)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workstation.exchange.exchange_folder import outgoing_path
from workstation.exchange.laptop import Written, export_return
from workstation.exchange.panel_view import HeldHere
from workstation.exchange.revoke import revoke
from workstation.session import Session
from workstation.ui.panel.assign_dialog import report_numbers
from workstation.ui.panel.key_dialogs import buddy, path_row
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, ok_cancel_buttons, passphrase_edit, take_secret

log = logging.getLogger(__name__)


class _Form(QDialog):
    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = ErrorLabel()
        self.buttons = ok_cancel_buttons(self, ok_text)
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.start)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(text)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.done_message = ""
        self.result: Any = None

    def file_row(self, label: str, default: Path, file_filter: str) -> QLineEdit:
        edit = QLineEdit(str(default))
        browse = QPushButton("&Browse…")

        def choose() -> None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), edit.text(), file_filter)
            if chosen:
                edit.setText(chosen)

        browse.clicked.connect(choose)
        self.form.addRow(buddy(label, edit), path_row(edit, browse))
        return edit

    def start(self) -> None:
        raise NotImplementedError

    def _run(self, work: Callable[[], Any], describe: Callable[[Any], str]) -> None:
        self.buttons.setEnabled(False)
        self.error_label.clear_error()

        def done(result: Any) -> None:
            self.buttons.setEnabled(True)
            self.result = result
            self.done_message = describe(result)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.error_label.show_error(message_for(exc))

        run_task(work, done, failed)


class ExportReturnsDialog(_Form):
    def __init__(self, session: Session, held: list[HeldHere], folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            "Export returns…",
            "A return carries your review commands and their audit entries, signed with your key and "
            "encrypted to the coordinator. Reports stay on this laptop until the coordinator's receipt "
            "comes back.", "Write the return", parent)
        self.session = session
        self.held = held
        self.work_done = QRadioButton("Reports with work since the last return")
        self.work_done.setChecked(True)
        self.every = QRadioButton(f"Every report held ({len(held)})")
        self.give_back = QCheckBox("Give these back unfinished (the coordinator re-assigns them)")
        self.file_edit = self.file_row("Return &file", outgoing_path(folder, session.reviewer, "return"),
                                       "Returns (*.nmreturn);;All files (*)")
        self.passphrase_edit = passphrase_edit("Your passphrase, to sign the return")
        self.form.addRow("&Which", self.work_done)
        self.form.addRow("", self.every)
        self.form.addRow("", self.give_back)
        self.form.addRow("&Passphrase", self.passphrase_edit)

    def start(self) -> None:
        out, session = Path(self.file_edit.text().strip()), self.session
        give_back = self.give_back.isChecked()
        reports: list[int] | None = None  # every report with work since the last return
        if self.every.isChecked():
            reports = [h.report_id for h in self.held]
        elif give_back:  # only those with work are given back, not every report held
            reports = [h.report_id for h in self.held if h.work_to_return]
        secret = take_secret(self.passphrase_edit)

        def describe(written: list[Written]) -> str:
            states = [s for w in written for s in w.statuses.values()]
            return (f"Wrote {len(written)} return(s) to {out.name}: {states.count('done')} done, "
                    f"{states.count('in_progress')} in progress, {states.count('given_back')} given back.")

        self._run(lambda: export_return(session, out, secret, report_ids=reports, give_back=give_back),
                  describe)


class RevokeDialog(_Form):
    def __init__(self, session: Session, report_ids: list[int], folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            "Revoke…",
            "The reports are taken back from the reviewer's laptop and unlocked here at once. The notice "
            "tells the laptop to delete them, once any work on them has gone out in a return (that work "
            "then comes to the conflict queue: nothing is lost).", "Revoke", parent)
        self.session = session
        self.reports_edit = QLineEdit(" ".join(map(str, report_ids)))
        self.form.addRow("&Reports", self.reports_edit)
        self.file_edit = self.file_row("Notice &file", outgoing_path(folder, "revocation", "revocation"),
                                       "Revocation notices (*.nmrevoke);;All files (*)")

    def start(self) -> None:
        out, session = Path(self.file_edit.text().strip()), self.session
        reports = report_numbers(self.reports_edit.text())

        def describe(result: tuple[str, list[str]]) -> str:
            reviewer, names = result
            return (f"Revoked {len(names)} report(s) from {reviewer}'s laptop; "
                    f"give them the notice {out.name}.")

        self._run(lambda: revoke(session, reports, out), describe)
