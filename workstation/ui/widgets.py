"""Small building blocks shared by the forms: passphrase fields, the inline error label."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from workstation.errors import WorkstationError

UNEXPECTED = (
    "Something unexpected went wrong; the details are in the error report. "
    "Nothing was changed."
)


def message_for(exc: BaseException) -> str:
    """The plain-words message for an expected error; a generic line for a bug."""
    return exc.message if isinstance(exc, WorkstationError) else UNEXPECTED


def passphrase_edit(placeholder: str = "", parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    # No input method: it could keep its own copy of what is typed.
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    return edit


def take_secret(edit: QLineEdit) -> str:
    """Read a passphrase field and empty it at once.

    setText("") rather than clear(): clear() is an undoable edit that keeps the old text in
    the field's undo history. (Python strings cannot be wiped; the caller drops its copy.)
    """
    text = edit.text()
    edit.setText("")
    return text


def monospace_font(point_size: int | None = None) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if point_size:
        font.setPointSize(point_size)
    return font


class ErrorLabel(QLabel):
    """An inline message where an operation ended: hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("QLabel#errorLabel { color: #b00020; }")
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.show()

    def clear_error(self) -> None:
        self.setText("")
        self.hide()


def recognizer_name(recognizer: str) -> str:
    """'TitledNameRecognizer' -> 'titled name' (what the reviewer reads as "found by")."""
    name = recognizer.removesuffix("Recognizer") or recognizer
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def ok_cancel_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK, named for what it does, and Cancel, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
