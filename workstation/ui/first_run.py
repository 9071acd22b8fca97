"""First run: create the encrypted database and its first reviewer, then show the recovery code."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import FileSystemError
from workstation.session import CreatedWorkstation, create_workstation
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, monospace_font, passphrase_edit, take_secret

log = logging.getLogger(__name__)

PASSPHRASE_HINT = (
    "At least 12 characters. Several unrelated words make a strong passphrase that is "
    "easy to remember. It cannot be shown again or reset without the recovery code."
)


def create_in_folder(path: Path, reviewer: str, passphrase: str, display_name: str) -> CreatedWorkstation:
    """create_workstation, making the folder first (the per-user data folder may not exist yet)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileSystemError(
            f"The folder {path.parent} cannot be created ({exc.strerror}). "
            "Choose a folder you can write to."
        ) from None
    return create_workstation(path, reviewer, passphrase, display_name=display_name)


class FirstRunWindow(QWidget):
    """The create-database form. Emits `created` with the new session and its recovery code."""

    created = Signal(object)  # CreatedWorkstation
    open_existing_requested = Signal()

    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set up")  # Qt adds the program's name

        title = QLabel("Create the review database")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "This laptop has no review database yet. Create one: it is encrypted, and "
            "only reviewers with a passphrase can open it. You will be its first reviewer."
        )
        intro.setWordWrap(True)

        self.path_edit = QLineEdit(str(database))
        self.browse_button = QPushButton("Browse…")
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setPlaceholderText("for example jsmith")
        self.display_name_edit = QLineEdit()
        self.display_name_edit.setPlaceholderText("for example Jane Smith")
        self.passphrase_edit = passphrase_edit()
        self.confirm_edit = passphrase_edit()
        hint = QLabel(PASSPHRASE_HINT)
        hint.setWordWrap(True)
        hint.setEnabled(False)  # greyed: advice, not an input

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Database file:", path_row)
        form.addRow("Your login name:", self.reviewer_edit)
        form.addRow("Display name:", self.display_name_edit)
        form.addRow("Passphrase:", self.passphrase_edit)
        form.addRow("Repeat passphrase:", self.confirm_edit)
        form.addRow("", hint)

        self.error_label = ErrorLabel()
        self.status_label = QLabel()
        self.open_existing = QLabel('<a href="#open">Open an existing database instead…</a>')
        self.open_existing.linkActivated.connect(lambda _link: self.open_existing_requested.emit())
        self.create_button = QPushButton("Create database")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        self.confirm_edit.returnPressed.connect(self.submit)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_existing)
        buttons.addStretch(1)
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(640, 460)
        self._inputs: list[QWidget] = [
            self.path_edit, self.browse_button, self.reviewer_edit, self.display_name_edit,
            self.passphrase_edit, self.confirm_edit, self.create_button, self.open_existing,
        ]

    @property
    def database_path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "New database file", str(self.database_path), "Workstation database (*.db)"
        )
        if chosen:
            self.path_edit.setText(chosen)

    def submit(self) -> None:
        if not self.create_button.isEnabled():
            return
        passphrase = take_secret(self.passphrase_edit)
        confirm = take_secret(self.confirm_edit)
        self.error_label.clear_error()
        if not self.path_edit.text().strip():
            self.error_label.show_error("Choose where to create the database file.")
            return
        if passphrase != confirm:
            self.error_label.show_error("The two passphrases are not the same. Type them again.")
            self.passphrase_edit.setFocus()
            return
        path = self.database_path
        reviewer = self.reviewer_edit.text().strip()
        display_name = self.display_name_edit.text().strip()
        self._set_busy(True)
        log.info("Creating a workstation database at %s", path)
        run_task(
            lambda: create_in_folder(path, reviewer, passphrase, display_name),
            self._on_created,
            self._on_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not busy)
        self.status_label.setText("Creating the database…" if busy else "")

    def _on_created(self, result: CreatedWorkstation) -> None:
        self._set_busy(False)
        log.info("Created the workstation database at %s", result.session.path)
        self.created.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        log.warning("Creating the database failed: %s", type(exc).__name__)
        self.error_label.show_error(message_for(exc))
        self.passphrase_edit.setFocus()


ACKNOWLEDGEMENT = "I have written the recovery code down and will keep it safe"


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once. It cannot be dismissed until the reviewer confirms."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recovery code")
        self._code = code

        heading = QLabel("Write down the recovery code")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        explain = QLabel(
            "If every reviewer forgets their passphrase, this code is the only way to open "
            "the database. It is shown <b>only now</b> and is not stored anywhere. Write it on "
            "paper and keep it locked away from this laptop."
        )
        explain.setWordWrap(True)

        self.code_label = QLabel(code)
        self.code_label.setFont(monospace_font(17))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setWordWrap(False)  # one line: a break after a "-" reads as two codes
        self.code_label.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); padding: 12px; background: palette(base); }"
        )

        self.copy_button = QPushButton("Copy")
        self.copy_button.clicked.connect(self.copy_code)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)

        self.acknowledge = QCheckBox(ACKNOWLEDGEMENT)
        self.continue_button = QPushButton("Continue")
        self.continue_button.setEnabled(False)
        self.continue_button.setDefault(True)
        self.acknowledge.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.continue_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.code_label)
        layout.addLayout(copy_row)
        layout.addWidget(self.acknowledge)
        layout.addLayout(bottom)
        self.resize(640, 340)

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self._code)
        self.copy_button.setText("Copied")

    def reject(self) -> None:
        # Escape or the close button would lose the code for good: only Continue closes.
        if self.acknowledge.isChecked():
            self.accept()

    def done(self, result: int) -> None:
        self._forget_code()
        super().done(result)

    def _forget_code(self) -> None:
        """Drop the code from the dialog and, if it is still there, from the clipboard."""
        clipboard = QGuiApplication.clipboard()
        with contextlib.suppress(RuntimeError):
            if clipboard.text() == self._code:
                clipboard.clear()
        self.code_label.setText("")
        self._code = ""
