"""Tools-menu dialogs about reviewers: the roster, adding a reviewer, changing a passphrase."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.roster.membership import add_reviewer, panel
from workstation.roster.reviewers import Reviewer
from workstation.session import Session
from workstation.ui.first_run import PASSPHRASE_HINT
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, monospace_font, passphrase_edit, take_secret

log = logging.getLogger(__name__)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the Reviewer object behind a row

AnyIndex = QModelIndex | QPersistentModelIndex


class ReviewerTableModel(QAbstractTableModel):
    NAME, DISPLAY_NAME, KEY_ID, ACTIVE, ADDED = range(5)
    HEADERS = ("Login name", "Display name", "Signing key id", "Active", "Added")

    def __init__(self, reviewers: list[Reviewer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = list(reviewers)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        reviewer = self._rows[index.row()]
        if role == ROW_ROLE:
            return reviewer
        if role == Qt.ItemDataRole.FontRole and index.column() == self.KEY_ID:
            return monospace_font()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            reviewer.name,
            reviewer.display_name,
            reviewer.key_id,
            "yes" if reviewer.active else "no",
            reviewer.created_at[:10],
        )[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class ReviewersDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reviewers")
        self.model = ReviewerTableModel(panel(session), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Reviewers who can unlock this database, with their current signing key."))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(680, 300)


class _SessionForm(QDialog):
    """A form whose slow work (Argon2) runs in the background with an inline error."""

    busy_text = "Working…"
    done_message = ""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = ErrorLabel()
        self.status_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def start(self, fn: Any, done_message: str) -> None:
        """Run `fn` in the background; on success keep `done_message` for the caller and close."""
        self._set_busy(True)

        def done(_result: object) -> None:
            self._set_busy(False)
            log.info("%s: done", self.windowTitle())
            self.done_message = done_message
            self.accept()

        run_task(fn, done, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self.status_label.setText(self.busy_text if busy else "")

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        log.warning("%s failed: %s", self.windowTitle(), type(exc).__name__)
        self.error_label.show_error(message_for(exc))


class AddReviewerDialog(_SessionForm):
    busy_text = "Adding the reviewer…"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Add reviewer", parent)
        self.session = session
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("for example jsmith")
        self.display_name_edit = QLineEdit()
        self.passphrase_edit = passphrase_edit()
        self.confirm_edit = passphrase_edit()
        hint = QLabel(PASSPHRASE_HINT + " The new reviewer should type it themselves.")
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.form.addRow("Login name:", self.name_edit)
        self.form.addRow("Display name:", self.display_name_edit)
        self.form.addRow("Their passphrase:", self.passphrase_edit)
        self.form.addRow("Repeat passphrase:", self.confirm_edit)
        self.form.addRow("", hint)
        self.resize(520, 280)

    def submit(self) -> None:
        passphrase = take_secret(self.passphrase_edit)
        confirm = take_secret(self.confirm_edit)
        self.error_label.clear_error()
        if passphrase != confirm:
            self.error_label.show_error("The two passphrases are not the same. Type them again.")
            return
        name = self.name_edit.text().strip()
        display_name = self.display_name_edit.text().strip()
        session = self.session
        self.start(
            lambda: add_reviewer(session, name, passphrase, display_name=display_name),
            f"Reviewer {name} added.",
        )


class ChangePassphraseDialog(_SessionForm):
    busy_text = "Changing the passphrase…"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Change my passphrase", parent)
        self.session = session
        self.current_edit = passphrase_edit()
        self.new_edit = passphrase_edit()
        self.confirm_edit = passphrase_edit()
        hint = QLabel(PASSPHRASE_HINT)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.form.addRow("Reviewer:", QLabel(session.reviewer))
        self.form.addRow("Current passphrase:", self.current_edit)
        self.form.addRow("New passphrase:", self.new_edit)
        self.form.addRow("Repeat new passphrase:", self.confirm_edit)
        self.form.addRow("", hint)
        self.resize(520, 260)

    def submit(self) -> None:
        current = take_secret(self.current_edit)
        new = take_secret(self.new_edit)
        confirm = take_secret(self.confirm_edit)
        self.error_label.clear_error()
        if new != confirm:
            self.error_label.show_error("The two new passphrases are not the same. Type them again.")
            return
        session = self.session
        self.start(lambda: session.change_passphrase(current, new), "Passphrase changed.")
