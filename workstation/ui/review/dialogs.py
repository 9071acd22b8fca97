"""The workflow's dialogs: the passphrase again to return a report (with a comment), and
setting a report aside. Signing and approving have their own dialog (signing_dialog.py, with
the k figure), and the residual scan its list (residual_dialog.py). Passphrases are taken
from their field at once and never kept, logged or shown."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.stages import SET_ASIDE_REASONS
from workstation.ui.widgets import ErrorLabel, ok_cancel_buttons, passphrase_edit


class PassphraseDialog(QDialog):
    """The reviewer's passphrase again, to sign (and a comment when returning a report)."""

    def __init__(self, title: str, text: str, *, comment: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.passphrase_edit = passphrase_edit("Your passphrase")
        self.comment_edit = QPlainTextEdit() if comment else None
        intro = QLabel(text)
        intro.setWordWrap(True)
        form = QFormLayout()
        if self.comment_edit is not None:
            self.comment_edit.setPlaceholderText("What stage 1 should change")
            self.comment_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
            form.addRow("&Comment", self.comment_edit)
        form.addRow("&Passphrase", self.passphrase_edit)
        self.error_label = ErrorLabel()
        buttons = ok_cancel_buttons(self, "Sign")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def comment(self) -> str:
        return self.comment_edit.toPlainText() if self.comment_edit is not None else ""


class SetAsideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set the report aside")
        self.reason_combo = QComboBox()
        for key, name in SET_ASIDE_REASONS.items():
            self.reason_combo.addItem(name, key)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText("Optional: e.g. which report it duplicates")
        form = QFormLayout()
        form.addRow("&Reason", self.reason_combo)
        form.addRow("&Comment", self.comment_edit)
        buttons = ok_cancel_buttons(self, "Set aside")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
