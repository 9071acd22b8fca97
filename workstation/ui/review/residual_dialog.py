"""The residual scan's findings, as the signer clears them: each with its sentence and the
words highlighted; redact it, dismiss it with a reason (the cursor waits in the reason
field), or, for what another reviewer kept (stage 1's keeps at stage 2), confirm it with
one key (not a change; redacting it is, and sends the report back to stage 1). The count
follows at once. Once the list is clear, Sign (or Approve) signs from here.

A signing attempt refused for the findings opens this dialog holding the passphrase typed
for that attempt: it is kept in the dialog only, used by its Sign button, and dropped when
the dialog closes (`done`). It is never logged or shown."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import WorkstationError
from workstation.session import Session
from workstation.ui.widgets import ErrorLabel, recognizer_name
from workstation.workflow import actions, residual_actions
from workstation.workflow.review_reads import ShownFinding

HIGHLIGHT = "background-color: #ffe08a; font-weight: bold;"
CONFIRM_KEYS = (Qt.Key.Key_C, Qt.Key.Key_Space)
# The list's keys, for Help > Keyboard shortcuts (kept beside the code that handles them).
KEYS: tuple[tuple[str, str], ...] = (
    ("Up, Down", "move between findings (in the list or the reason field)"),
    ("R", "redact the finding's words"),
    ("D, Enter", "write why it is not an identifier"),
    ("Enter (in the reason)", "dismiss the finding with that reason"),
    ("C, Space", "confirm what the other reviewer kept (stage 2)"),
    ("Esc", "close the list (the passphrase typed is dropped)"),
)


def _where(field: str) -> str:
    if field.startswith("coding."):
        return "the panel's " + field.split(".")[1].replace("_", " ")
    return field.replace("_", " ")


def row_text(shown: ShownFinding) -> str:
    f = shown.finding
    label = f.label.title().replace("_", " ")
    words = " ".join(shown.excerpt.split())
    words = words if len(words) <= 40 else words[:39] + "…"
    # the words themselves, so two findings in one sentence are told apart at a glance
    head = f"{label} “{words}” in {_where(f.field)} (found by {recognizer_name(f.recognizer)})"
    if f.kept is not None:
        why = f": {f.kept.reason}" if f.kept.reason else ""
        head += f"  \u2014 kept by {f.kept.kept_by or 'another reviewer'}{why}; C confirms"
    sentence = " ".join(shown.sentence.split()) if shown.sentence else " ".join(shown.excerpt.split())
    return f"{head}\n   \u201c{sentence}\u201d"


def sentence_html(shown: ShownFinding) -> str:
    """The sentence with the finding's words highlighted."""
    text, at = shown.sentence, shown.at
    if not text:
        return f'<span style="{HIGHLIGHT}">{html.escape(shown.excerpt)}</span>'
    end = at + len(shown.excerpt)
    return (html.escape(text[:at]) + f'<span style="{HIGHLIGHT}">{html.escape(text[at:end])}</span>'
            + html.escape(text[end:]))


class ResidualDialog(QDialog):
    """What the detector still finds in the redacted text, to clear before signing."""

    dismissed = Signal()  # a finding was dismissed with a reason
    edited = Signal(int)  # report id: a redaction from the list changed the report

    def __init__(self, session: Session, report_id: int, shown: list[ShownFinding],
                 parent: QWidget | None = None, *, sign_text: str | None = None,
                 passphrase: str | None = None, sign: Callable[[str | None], None] | None = None,
                 refusal: str = "") -> None:
        """`sign`: what the Sign button does once the list is clear, given the passphrase
        held for this attempt (None when the dialog was opened from the menu: then the
        signing dialog asks for it). `sign_text`: "Sign" or "Approve" (None: no button)."""
        super().__init__(parent)
        self.session = session
        self.report_id = report_id
        self._passphrase = passphrase
        self._sign = sign
        self.setWindowTitle("Residual scan")
        self.refusal_label = QLabel(refusal)
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setVisible(bool(refusal))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for item in shown:
            row = QListWidgetItem(row_text(item))
            row.setData(Qt.ItemDataRole.UserRole, item)
            self.list.addItem(row)
        self.sentence_label = QLabel()
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setTextFormat(Qt.TextFormat.RichText)
        self.sentence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("Why this is not an identifier (Enter dismisses it)")
        self.reason_edit.returnPressed.connect(self.dismiss_selected)
        self.redact_button = QPushButton("&Redact")
        self.redact_button.setToolTip("Redact these words (at stage 2 a change: the report goes back to "
                                      "stage 1)")
        self.redact_button.clicked.connect(self.redact_selected)
        self.dismiss_button = QPushButton("&Dismiss with reason")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.confirm_button = QPushButton("C&onfirm keep")
        self.confirm_button.setToolTip("Keep what the other reviewer kept, as it is (C or Space in the list)")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.sign_button: QPushButton | None = None
        if sign_text is not None and sign is not None:
            self.sign_button = self.buttons.addButton(sign_text, QDialogButtonBox.ButtonRole.ActionRole)
            self.sign_button.setToolTip("Enabled once the list is clear")
            self.sign_button.clicked.connect(self.sign_now)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.confirm_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.redact_button)
        row_buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.sentence_label)
        layout.addWidget(self.reason_edit)
        layout.addLayout(row_buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        self.list.installEventFilter(self)
        self.reason_edit.installEventFilter(self)
        self.resize(640, 460 if shown else 180)
        for button in self.findChildren(QPushButton):  # Enter in a field must not press a button too
            button.setAutoDefault(False)
        if shown:
            self.list.setCurrentRow(0)
        self._update()

    # ----- what is shown ----------------------------------------------------------

    def holds_passphrase(self) -> bool:
        return self._passphrase is not None

    def remaining(self) -> int:
        return self.list.count()

    def current(self) -> ShownFinding | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _show_current(self) -> None:
        shown = self.current()
        self.sentence_label.setText(sentence_html(shown) if shown is not None else "")
        kept = shown is not None and shown.finding.kept is not None
        self.confirm_button.setVisible(kept)
        self.dismiss_button.setEnabled(shown is not None)
        self.redact_button.setEnabled(shown is not None and not shown.finding.field.startswith("coding."))
        self.reason_edit.setEnabled(shown is not None)
        # One key for a keep to confirm; otherwise the cursor waits in the reason field.
        (self.list if kept or shown is None else self.reason_edit).setFocus()

    def _update(self) -> None:
        left = self.list.count()
        kept = sum(1 for i in range(left) if self.list.item(i).data(Qt.ItemDataRole.UserRole).finding.kept)
        if left:
            text = (f"The detector still finds {left} possible identifier{'s' if left != 1 else ''} in the "
                    "redacted text. Redact each, or dismiss it with a reason.")
            if kept:
                text += (f" {kept} {'is' if kept == 1 else 'are'} kept by the other reviewer: confirm with "
                         "C (not a change) or redact.")
        else:
            text = "The residual scan finds nothing left in the redacted text."
            if self.sign_button is not None:
                text += f" {self.sign_button.text()} now."
        self.summary.setText(text)
        for widget in (self.list, self.sentence_label, self.reason_edit, self.redact_button,
                       self.dismiss_button):
            widget.setVisible(left > 0)
        if left == 0:
            self.confirm_button.hide()
        if self.sign_button is not None:
            self.sign_button.setEnabled(left == 0)
            if left == 0:
                self.sign_button.setDefault(True)
                self.sign_button.setFocus()
        self._show_current()

    def _remove(self, rows: list[int]) -> None:
        for row in sorted(rows, reverse=True):
            self.list.takeItem(row)
        self._update()

    # ----- clearing the list --------------------------------------------------------

    def _run(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except WorkstationError as exc:
            self.error_label.show_error(exc.message)
            return False
        self.error_label.clear_error()
        return True

    def dismiss_selected(self) -> bool:
        shown = self.current()
        if shown is None:
            return False
        reason = self.reason_edit.text()
        session, report_id = self.session, self.report_id
        if not self._run(lambda: actions.dismiss_finding(session, report_id, shown.finding, reason)):
            self.reason_edit.setFocus()
            return False
        self.reason_edit.setText("")
        self._remove([self.list.currentRow()])
        self.dismissed.emit()
        return True

    def redact_selected(self) -> bool:
        shown = self.current()
        if shown is None:
            return False
        session, report_id = self.session, self.report_id
        if not self._run(lambda: residual_actions.redact_finding(session, report_id, shown.finding)):
            return False
        kept = shown.finding.kept
        rows = [i for i in range(self.list.count())
                if self.list.item(i) is self.list.currentItem()
                or (kept is not None and self._kept_uid(i) == kept.uid)]
        self._remove(rows)
        self.edited.emit(self.report_id)
        return True

    def confirm_selected(self) -> bool:
        shown = self.current()
        if shown is None or shown.finding.kept is None:
            return False
        uid = shown.finding.kept.uid
        if not self._run(lambda: residual_actions.confirm_keeps(self.session, self.report_id, [uid])):
            return False
        self._remove([i for i in range(self.list.count()) if self._kept_uid(i) == uid])
        return True

    def _kept_uid(self, row: int) -> str | None:
        kept = self.list.item(row).data(Qt.ItemDataRole.UserRole).finding.kept
        return None if kept is None else str(kept.uid)

    # ----- signing ------------------------------------------------------------------

    def sign_now(self) -> None:
        """Sign with the passphrase held for this attempt (then it is dropped)."""
        if self.list.count() or self._sign is None:
            return
        sign, passphrase = self._sign, self._passphrase
        self._passphrase = None
        self.accept()
        sign(passphrase)

    def done(self, result: int) -> None:
        self._passphrase = None  # held only while the dialog is open
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() in (*CONFIRM_KEYS, Qt.Key.Key_R, Qt.Key.Key_D):
                event.accept()  # the list's one-key moves, not a shortcut's
                return True
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.list and plain:
            if key in CONFIRM_KEYS and self.confirm_selected():
                return True
            if key == Qt.Key.Key_R:
                self.redact_selected()
                return True
            if key in (Qt.Key.Key_D, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current() is not None:
                self.reason_edit.setFocus()
                return True
        if watched is self.reason_edit and plain and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))
            return True
        return super().eventFilter(watched, event)
