"""Enrolment with fingerprints. The coordinator's Enrol reviewer… and the laptop's Trust
coordinator… open a key file, show its fingerprint large, and accept it only once the
person ticks that its owner read the same fingerprint aloud. Write enrolment file… (laptop)
and Write coordinator key… (coordinator) write the file and show the fingerprint to read."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import InputError
from workstation.exchange import enrolment
from workstation.exchange.panel_view import KeyFilePreview, read_key_file
from workstation.session import Session
from workstation.ui.panel.tab import grouped
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, monospace_font, passphrase_edit, take_secret

log = logging.getLogger(__name__)

KEY_FILTER = "Panel key files (*.nmenrol *.nmkey *.json);;All files (*)"
FINGERPRINT_POINTS = 22


def fingerprint_label() -> QLabel:
    label = QLabel("—")
    label.setObjectName("fingerprint")
    font = monospace_font(FINGERPRINT_POINTS)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("QLabel#fingerprint { border: 1px solid #9aa5b1; border-radius: 4px; padding: 10px; "
                        "background: #f4f6f8; color: #10243e; }")
    return label


def buddy(text: str, edit: QWidget) -> QLabel:
    """A form label whose mnemonic (&F) focuses `edit` (a row holding a layout has none)."""
    label = QLabel(text)
    label.setBuddy(edit)
    return label


def path_row(edit: QLineEdit, browse: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


class AcceptKeyDialog(QDialog):
    """Enrol a reviewer's laptop (coordinator) or trust the coordinator (laptop)."""

    def __init__(self, session: Session, *, coordinator_key: bool, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.coordinator_key = coordinator_key
        self.folder = folder
        self.preview: KeyFilePreview | None = None
        self.done_message = ""
        owner = "the coordinator's staff" if coordinator_key else "the reviewer"
        self.setWindowTitle("Trust coordinator…" if coordinator_key else "Enrol reviewer…")
        intro = QLabel(
            f"Open the {'coordinator key' if coordinator_key else 'enrolment'} file. Then ask {owner} "
            "to read "
            "its fingerprint aloud (by phone or face to face) and compare it with the one shown here, "
            "group by group. Accept the file only if every character is the same.")
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText("the file received")
        self.file_edit.editingFinished.connect(self.read_file)
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.who_label = QLabel("")
        self.fingerprint_label = fingerprint_label()
        self.confirm = QCheckBox(f"This fingerprint was read aloud to me by {owner}, and it is the same")
        self.confirm.setEnabled(False)
        self.confirm.toggled.connect(self._update)
        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Trust this coordinator" if coordinator_key else "Enrol this laptop")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(buddy("&File", self.file_edit), path_row(self.file_edit, browse))
        form.addRow("From", self.who_label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel("Fingerprint:"))
        layout.addWidget(self.fingerprint_label)
        layout.addWidget(self.confirm)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), str(self.folder), KEY_FILTER)
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        self.file_edit.setText(str(path))
        self.read_file()

    def read_file(self) -> None:
        """Check the file (its signature, its fields) and show its fingerprint."""
        self.preview = None
        self.confirm.setChecked(False)
        self.error_label.clear_error()
        text = self.file_edit.text().strip()
        if text:
            try:
                self.preview = read_key_file(Path(text), coordinator_key=self.coordinator_key)
            except InputError as exc:
                self.error_label.show_error(exc.message)
        preview = self.preview
        self.fingerprint_label.setText(grouped(preview.fingerprint) if preview else "—")
        who = ("the coordinator" if self.coordinator_key
               else f"{preview.display_name} ({preview.name})" if preview and preview.display_name
               else preview.name if preview else "")
        self.who_label.setText(who)
        self._update()

    def _update(self) -> None:
        self.confirm.setEnabled(self.preview is not None)
        self.ok_button.setEnabled(self.preview is not None and self.confirm.isChecked())

    def start(self) -> None:
        preview = self.preview
        if preview is None or not self.confirm.isChecked():
            return
        path, session = Path(self.file_edit.text().strip()), self.session
        self.buttons.setEnabled(False)

        def work() -> str:
            if self.coordinator_key:
                printed = enrolment.trust_coordinator(session, path, preview.fingerprint)
                return f"This laptop now takes work packets from the coordinator ({grouped(printed)})."
            laptop = enrolment.enrol(session, path, preview.fingerprint)
            return f"Enrolled {laptop.reviewer}'s laptop (key {laptop.key_id})."

        def done(message: str) -> None:
            self.buttons.setEnabled(True)
            self.done_message = message
            log.info("Panel key file accepted")
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.error_label.show_error(message_for(exc))

        run_task(work, done, failed)


class WriteKeyDialog(QDialog):
    """Write this laptop's enrolment file (signed with the reviewer's key: passphrase) or the
    coordinator's key file, then show its fingerprint to read to the other side."""

    def __init__(self, session: Session, *, coordinator_key: bool, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.coordinator_key = coordinator_key
        self.done_message = ""
        self.setWindowTitle("Write coordinator key…" if coordinator_key else "Write enrolment file…")
        name = "coordinator.nmkey" if coordinator_key else f"{session.reviewer}.nmenrol"
        self.file_edit = QLineEdit(str(folder / name))
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.passphrase_edit = passphrase_edit("Your passphrase, to sign the file")
        form = QFormLayout()
        form.addRow(buddy("&File", self.file_edit), path_row(self.file_edit, browse))
        if not coordinator_key:
            form.addRow("&Passphrase", self.passphrase_edit)
        intro = QLabel("Give the file to the other side (any way: it holds only public keys), then read "
                       "them the fingerprint shown once it is written.")
        intro.setWordWrap(True)
        self.fingerprint_label = fingerprint_label()
        self.error_label = ErrorLabel()
        self.write_button = QPushButton("&Write")
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.start)
        close = QPushButton("&Close")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.write_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel("Fingerprint to read aloud:"))
        layout.addWidget(self.fingerprint_label)
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        self.setMinimumWidth(540)
        self.printed = ""

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.file_edit.text(), KEY_FILTER)
        if chosen:
            self.file_edit.setText(chosen)

    def start(self) -> None:
        out, session = Path(self.file_edit.text().strip()), self.session
        secret = take_secret(self.passphrase_edit)
        self.write_button.setEnabled(False)
        self.error_label.clear_error()

        def work() -> str:
            if self.coordinator_key:
                return enrolment.write_coordinator_key(session, out)
            return enrolment.write_enrolment(session, out, secret)

        def done(printed: str) -> None:
            self.printed = printed
            self.fingerprint_label.setText(grouped(printed))
            self.done_message = f"Wrote {out.name}; read its fingerprint to the other side."

        def failed(exc: BaseException) -> None:
            self.write_button.setEnabled(True)
            self.error_label.show_error(message_for(exc))

        run_task(work, done, failed)
