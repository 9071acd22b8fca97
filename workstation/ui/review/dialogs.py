"""The workflow's dialogs: the passphrase again to sign (with a comment when returning a
report), setting a report aside, and the residual scan's findings with dismiss-with-reason.
Passphrases are taken from their field at once and never kept, logged or shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import WorkstationError
from workstation.session import Session
from workstation.stages import SET_ASIDE_REASONS
from workstation.ui.widgets import ErrorLabel, ok_cancel_buttons, passphrase_edit, recognizer_name
from workstation.workflow import actions
from workstation.workflow.review_reads import ShownFinding


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


class ResidualDialog(QDialog):
    """What the detector still finds in the redacted text; each can be dismissed with a reason."""

    dismissed = Signal()

    def __init__(self, session: Session, report_id: int, shown: list[ShownFinding],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report_id = report_id
        self.setWindowTitle("Residual scan")
        self.list = QListWidget()
        for item in shown:
            where = item.finding.field.replace("_", " ")
            excerpt = " ".join(item.excerpt.split())
            row = QListWidgetItem(f"{item.finding.label.title()} in {where}: \u201c{excerpt}\u201d  "
                                  f"(found by {recognizer_name(item.finding.recognizer)})")
            row.setData(Qt.ItemDataRole.UserRole, item.finding)
            self.list.addItem(row)
        self.summary = QLabel(
            f"The detector still finds {len(shown)} possible identifier{'s' if len(shown) != 1 else ''} "
            "in the redacted text. Redact them in the review, or dismiss one with a reason."
            if shown else "The residual scan found nothing more in the redacted text.")
        self.summary.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("Why this is not an identifier")
        self.dismiss_button = QPushButton("&Dismiss with reason")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.error_label = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if shown:
            layout.addWidget(self.list, 1)
            layout.addWidget(self.reason_edit)
            layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignRight)
            self.list.setCurrentRow(0)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(560, 360 if shown else 120)

    def dismiss_selected(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            return False
        try:
            actions.dismiss_finding(self.session, self.report_id, item.data(Qt.ItemDataRole.UserRole),
                                     self.reason_edit.text())
        except WorkstationError as exc:
            self.error_label.show_error(exc.message)
            return False
        self.error_label.clear_error()
        self.list.takeItem(self.list.row(item))
        self.reason_edit.setText("")
        self.dismissed.emit()
        return True
