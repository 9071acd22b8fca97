"""The small popup `x` opens on a suggestion the detector was sure of (score at or above
workflow.keeps.REASON_SCORE): why it is kept. Keyboard first: a digit picks a quick choice,
typing writes one's own words, Enter keeps with that reason, Esc cancels the keep.
The reason rides on the keep (the Decide command) and the residual scan does not ask again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.workflow.keeps import MAX_REASON, QUICK_REASONS

OWN_WORDS = "Other: in my own words"
# The popup's keys, for Help > Keyboard shortcuts (kept beside the code that handles them).
KEYS: tuple[tuple[str, str], ...] = (
    ("1, 2, 3", "pick a quick reason"),
    ("4 or type", "write the reason in your own words"),
    ("Enter", "keep it with that reason"),
    ("Esc", "cancel: nothing is kept"),
)


class KeepReasonPopup(QDialog):
    """Why a high-scoring suggestion is kept. `reason()` after it is accepted."""

    def __init__(self, words: str, label: str, score: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Why keep it?")
        shown = " ".join(words.split())
        if len(shown) > 60:
            shown = shown[:57] + "…"
        intro = QLabel(f"The detector is sure ({score:.2f}) that \u201c{shown}\u201d is a "
                       f"{label.lower().replace('_', ' ')}. Why is it kept?")
        intro.setWordWrap(True)
        self.choices = QListWidget()
        for number, text in enumerate((*QUICK_REASONS, OWN_WORDS), start=1):
            item = QListWidgetItem(f"{number}  {text}")
            item.setData(Qt.ItemDataRole.UserRole, text)
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        rows = self.choices.count()
        self.choices.setFixedHeight(self.choices.sizeHintForRow(0) * rows + 2 * self.choices.frameWidth() + 4)
        self.choices.itemActivated.connect(lambda _item: self._confirm())
        self.own_edit = QLineEdit()
        self.own_edit.setMaxLength(MAX_REASON)
        self.own_edit.setPlaceholderText("Or type why (Enter keeps it)")
        self.own_edit.textEdited.connect(lambda _t: self.choices.setCurrentRow(rows - 1))
        self.own_edit.returnPressed.connect(self._confirm)
        hint = QLabel("1–3 pick a reason, or type your own · Enter keeps · Esc cancels the keep")
        hint.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.keep_button = buttons.addButton("&Keep", QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button.clicked.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choices)
        layout.addWidget(self.own_edit)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):  # Enter in a field must not press a button too
            button.setAutoDefault(False)
        self.choices.installEventFilter(self)
        self.choices.setFocus()
        self.setMinimumWidth(380)

    def reason(self) -> str | None:
        """The quick choice, or the reviewer's own words (None: own words chosen but empty)."""
        item = self.choices.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else OWN_WORDS
        if chosen == OWN_WORDS:
            own = " ".join(self.own_edit.text().split())
            return own or None
        return str(chosen)

    def _confirm(self) -> None:
        if self.reason() is None:
            self.own_edit.setFocus()
            self.own_edit.setPlaceholderText("Type why it is kept, then Enter")
            return
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the list: a digit picks, a letter starts one's own words, Enter confirms."""
        if watched is self.choices and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.text() and event.text().isprintable():
                event.accept()  # a letter or digit here is the popup's, not a shortcut's
                return True
        if watched is self.choices and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text.isdigit() and 1 <= int(text) <= self.choices.count():
                self.choices.setCurrentRow(int(text) - 1)
                if int(text) == self.choices.count():
                    self.own_edit.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._confirm()
                return True
            if text and text.isprintable() and (not text.isspace() or self.own_edit.text()) and \
                    not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                self.choices.setCurrentRow(self.choices.count() - 1)
                self.own_edit.setFocus()
                self.own_edit.insert(text)
                return True
        return super().eventFilter(watched, event)
