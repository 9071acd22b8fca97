"""The unlock window (also shown after a lock) and the forgotten-passphrase dialog."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
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

from workstation.errors import WorkstationError
from workstation.session import Session, recover, reviewer_names, unlock
from workstation.ui.first_run import PASSPHRASE_HINT
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, passphrase_edit, take_secret

log = logging.getLogger(__name__)


class UnlockWindow(QWidget):
    """Database file, reviewer and passphrase. Emits `unlocked` with the open Session."""

    unlocked = Signal(object)  # Session

    def __init__(
        self,
        database: Path | None,
        reviewer: str | None = None,
        *,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Unlock")  # Qt adds the program's name
        self._wanted_reviewer = reviewer

        title = QLabel("Unlock the review database")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.notice = QLabel(message)
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(message))

        self.path_edit = QLineEdit(str(database) if database else "")
        self.path_edit.editingFinished.connect(self.reload_reviewers)
        self.browse_button = QPushButton("Browse…")
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.reviewer_combo = QComboBox()
        self.reviewer_combo.setMinimumContentsLength(16)
        self.passphrase_edit = passphrase_edit()
        self.passphrase_edit.returnPressed.connect(self.submit)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Database file:", path_row)
        form.addRow("Reviewer:", self.reviewer_combo)
        form.addRow("Passphrase:", self.passphrase_edit)

        self.error_label = ErrorLabel()
        self.status_label = QLabel()
        self.forgot_link = QLabel('<a href="#forgot">Forgot passphrase?</a>')
        self.forgot_link.linkActivated.connect(lambda _link: self.open_recovery())
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)

        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_link)
        buttons.addStretch(1)
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(600, 260)
        self._inputs: list[QWidget] = [
            self.path_edit, self.browse_button, self.reviewer_combo, self.passphrase_edit,
            self.unlock_button, self.forgot_link,
        ]
        self.recovery_dialog: RecoverDialog | None = None
        self.reload_reviewers()

    @property
    def database_path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Open database", str(self.database_path), "Workstation database (*.db);;All files (*)"
        )
        if chosen:
            self.path_edit.setText(chosen)
            self.reload_reviewers()

    def reload_reviewers(self) -> None:
        """Fill the reviewer list from the key file; say so inline if it cannot be read."""
        current = self.reviewer_combo.currentText() or self._wanted_reviewer
        self.reviewer_combo.clear()
        self.error_label.clear_error()
        if not self.path_edit.text().strip():
            self.error_label.show_error("Choose the database file to open.")
            return
        try:
            names = reviewer_names(self.database_path)
        except WorkstationError as exc:
            self.error_label.show_error(exc.message)
            return
        self.reviewer_combo.addItems(names)
        if current in names:
            self.reviewer_combo.setCurrentText(current)
        self.passphrase_edit.setFocus()

    def submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        passphrase = take_secret(self.passphrase_edit)
        reviewer = self.reviewer_combo.currentText()
        self.error_label.clear_error()
        if not reviewer:
            self.reload_reviewers()
            if not self.error_label.text():
                self.error_label.show_error("This database has no reviewers to unlock it with.")
            return
        if not passphrase:
            self.error_label.show_error("Type your passphrase.")
            self.passphrase_edit.setFocus()
            return
        path = self.database_path
        self._set_busy(True)
        log.info("Unlocking %s as %s", path.name, reviewer)
        # The full page check runs after the window opens (the shell watches its result).
        run_task(lambda: unlock(path, reviewer, passphrase, background_check=True), self._on_unlocked,
                 self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not busy)
        self.status_label.setText("Unlocking…" if busy else "")

    def _on_unlocked(self, session: Session) -> None:
        self._set_busy(False)
        log.info("Unlocked %s as %s", session.path.name, session.reviewer)
        self.unlocked.emit(session)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        log.warning("Unlock failed: %s", type(exc).__name__)
        self.error_label.show_error(message_for(exc))
        self.passphrase_edit.setFocus()

    def open_recovery(self) -> RecoverDialog:
        dialog = RecoverDialog(
            self.database_path,
            [self.reviewer_combo.itemText(i) for i in range(self.reviewer_combo.count())],
            self.reviewer_combo.currentText(),
            parent=self,
        )
        dialog.recovered.connect(self.unlocked.emit)
        dialog.open()
        self.recovery_dialog = dialog
        return dialog


class RecoverDialog(QDialog):
    """A new passphrase for a reviewer, using the database's recovery code."""

    recovered = Signal(object)  # Session

    def __init__(
        self, database: Path, reviewers: list[str], current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Forgot passphrase")
        self._database = database

        intro = QLabel(
            "Use the recovery code written down when the database was created to give a "
            "reviewer a new passphrase. Their new signatures use a new signing key."
        )
        intro.setWordWrap(True)
        self.reviewer_combo = QComboBox()
        self.reviewer_combo.addItems(reviewers)
        if current:
            self.reviewer_combo.setCurrentText(current)
        self.code_edit = passphrase_edit("XXXX-XXXX-…")
        self.new_edit = passphrase_edit()
        self.confirm_edit = passphrase_edit()
        hint = QLabel(PASSPHRASE_HINT)
        hint.setWordWrap(True)
        hint.setEnabled(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Reviewer:", self.reviewer_combo)
        form.addRow("Recovery code:", self.code_edit)
        form.addRow("New passphrase:", self.new_edit)
        form.addRow("Repeat new passphrase:", self.confirm_edit)
        form.addRow("", hint)

        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.recover_button = self.buttons.addButton(
            "Set new passphrase", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, 320)

    def submit(self) -> None:
        code = take_secret(self.code_edit)
        new = take_secret(self.new_edit)
        confirm = take_secret(self.confirm_edit)
        self.error_label.clear_error()
        reviewer = self.reviewer_combo.currentText()
        if not reviewer:
            self.error_label.show_error("Choose the reviewer who forgot their passphrase.")
            return
        if new != confirm:
            self.error_label.show_error("The two new passphrases are not the same. Type them again.")
            return
        self._set_busy(True)
        log.info("Recovering access for %s", reviewer)
        database = self._database
        run_task(lambda: recover(database, reviewer, code, new), self._on_done, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.reviewer_combo, self.code_edit, self.new_edit, self.confirm_edit, self.buttons):
            widget.setEnabled(not busy)

    def _on_done(self, session: Session) -> None:
        self._set_busy(False)
        log.info("Recovered access for %s", session.reviewer)
        self.accept()
        self.recovered.emit(session)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        log.warning("Recovery failed: %s", type(exc).__name__)
        self.error_label.show_error(message_for(exc))
        self.code_edit.setFocus()
