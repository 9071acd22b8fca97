"""The signing dialog (sign stage 1, approve): first how many reports share this report's
published details (the re-identification check, k), in plain words, with the proposal of
fields to generalise or withhold to reach k; below k, with no reason on record for the
content as it is, a written reason is required (Sign stays disabled until it has words);
then the passphrase, taken from its field at once and never kept, logged or shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workstation.ui.widgets import ErrorLabel, ok_cancel_buttons, passphrase_edit
from workstation.workflow.details_view import HEADINGS
from workstation.workflow.disclosure_check import KCheck

CHOICE_WORDS = {"generalise": "generalise", "withhold": "withhold", "publish": "publish as given"}


def k_words(check: KCheck) -> str:
    """The figure in plain words."""
    shared = ("no other approved or published report shares" if check.matching == 1
              else f"only {check.matching} reports (this one included) share")
    if not check.below_k:
        text = (f"{check.matching} reports (this one included) share this report's month and published "
                f"details, at least the {check.k} needed: a reader cannot tell it from the others.")
    else:
        text = (f"Below k: {shared} this report's month and published details. Fewer than {check.k} "
                "could point at the officer.")
    if check.counted_from == "packet":
        when = f" of {check.counts_as_of[:10]}" if check.counts_as_of else ""
        text += f" (Counted from the coordinator's figures{when} in your assignment packet.)"
    return text


def proposal_words(check: KCheck) -> str:
    """What would reach k, as field headings (empty when nothing is needed or found)."""
    if not check.below_k:
        return ""
    if not check.proposal:
        return ("No change of up to three fields reaches k: withhold more in the Published details "
                "tab, or give your reason below.")
    steps = "; ".join(f"{CHOICE_WORDS.get(choice, choice)} {HEADINGS.get(field, field).lower()}"
                      for field, choice in check.proposal)
    return (f"Proposed to reach {check.k}: {steps}. Cancel and change them in the Published details "
            "tab, or sign with a written reason.")


# The dialog's keys, for Help > Keyboard shortcuts.
KEYS: tuple[tuple[str, str], ...] = (
    ("Alt+R", "go to the written reason (asked for below k)"),
    ("Alt+P", "go to the passphrase"),
    ("Enter (in the passphrase)", "sign (once a reason is written where one is needed)"),
    ("Esc", "cancel: nothing is signed"),
)


class SigningDialog(QDialog):
    """The k figure, the proposal, the written reason below k, the passphrase."""

    def __init__(self, title: str, text: str, check: KCheck | None, sign_text: str = "Sign",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.check = check
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.k_label = QLabel(k_words(check) if check is not None else
                              "The re-identification figure could not be worked out; signing checks it.")
        self.k_label.setWordWrap(True)
        self.k_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.proposal_label = QLabel(proposal_words(check) if check is not None else "")
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setVisible(bool(self.proposal_label.text()))
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        heading = QLabel("<b>Who could recognise the officer</b>"
                         + (" \u26a0" if check is not None and check.below_k else ""))
        inner.addWidget(heading)
        inner.addWidget(self.k_label)
        inner.addWidget(self.proposal_label)
        self.needs_reason = check is not None and check.needs_reason
        self.low_k_reason_edit = QPlainTextEdit()
        self.low_k_reason_edit.setPlaceholderText("Why this report may be published although few reports "
                                                  "share its details (required)")
        self.low_k_reason_edit.setTabChangesFocus(True)
        self.low_k_reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        if check is not None and check.below_k and check.acknowledged:
            done = QLabel("A written reason to publish below k is on record for the report as it is now.")
            done.setWordWrap(True)
            inner.addWidget(done)
        self.passphrase_edit = passphrase_edit("Your passphrase")
        form = QFormLayout()
        if self.needs_reason:
            form.addRow("Written &reason", self.low_k_reason_edit)
        else:
            self.low_k_reason_edit.hide()
        form.addRow("&Passphrase", self.passphrase_edit)
        self.error_label = ErrorLabel()
        buttons = ok_cancel_buttons(self, sign_text)
        self.sign_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.low_k_reason_edit.textChanged.connect(self._update)
        self._update()
        (self.low_k_reason_edit if self.needs_reason else self.passphrase_edit).setFocus()
        self.setMinimumWidth(480)

    def low_k_reason(self) -> str | None:
        """The written reason, when one is asked for (None otherwise)."""
        if not self.needs_reason:
            return None
        return " ".join(self.low_k_reason_edit.toPlainText().split()) or None

    def _update(self) -> None:
        ready = not self.needs_reason or self.low_k_reason() is not None
        self.sign_button.setEnabled(ready)
        self.sign_button.setToolTip("" if ready else "Write the reason first: the report is below k")

    def accept(self) -> None:
        if not self.sign_button.isEnabled():
            return
        super().accept()
