"""Signing through the GUI as a reviewer does (imported by GUI tests only; it imports Qt):
the signing dialog opens once the re-identification figure is worked out; below k with no
reason on record, Sign stays disabled until a written reason is typed; then the passphrase
and Enter. And the small popup `x` opens on a suggestion the detector was sure of."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.gui import activate
from workstation.ui.review.signing_dialog import SigningDialog
from workstation.ui.review.view import ReviewView
from workstation.ui.review.workflow_actions import WorkflowActions

# What a reviewer writes to sign a report few others share (the tests' databases hold few
# approved reports, so most reports are below k).
LOW_K_REASON = "Common details for a patrol stop; nothing here points at one officer."
DIALOG_TIMEOUT = 30_000  # ms: counting the shared details on a busy 2-core machine


def open_signing_dialog(qtbot: QtBot, flow: WorkflowActions, trigger: Callable[[], object]) -> SigningDialog:
    """Trigger Sign or Approve (`trigger()`: the action, a menu choice) and wait for the
    dialog: it opens once the figure is counted, off the GUI thread."""
    flow.signing_dialog = None
    trigger()
    qtbot.waitUntil(lambda: flow.signing_dialog is not None and flow.signing_dialog.isVisible(),
                    timeout=DIALOG_TIMEOUT)
    dialog = flow.signing_dialog
    assert isinstance(dialog, SigningDialog)
    return dialog


def fill_signing_dialog(qtbot: QtBot, dialog: SigningDialog, passphrase: str,
                        low_k_reason: str | None = LOW_K_REASON) -> None:
    """Below k: the reason first (Sign disabled until then); then the passphrase and Enter."""
    assert dialog.passphrase_edit.echoMode() == dialog.passphrase_edit.EchoMode.Password
    if dialog.needs_reason:
        assert dialog.low_k_reason_edit.isVisible()
        assert not dialog.sign_button.isEnabled()
        assert low_k_reason is not None, "the report is below k: a written reason is needed"
        dialog.low_k_reason_edit.setFocus()
        qtbot.keyClicks(dialog.low_k_reason_edit, low_k_reason)
        assert dialog.sign_button.isEnabled()
    dialog.passphrase_edit.setFocus()
    qtbot.keyClicks(dialog.passphrase_edit, passphrase)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()  # Enter signs
    assert dialog.passphrase_edit.text() == ""  # taken from the field at once


def sign_with_dialog(qtbot: QtBot, flow: WorkflowActions, trigger: Callable[[], object], passphrase: str,
                     low_k_reason: str | None = LOW_K_REASON, *, timeout: int = DIALOG_TIMEOUT) -> None:
    dialog = open_signing_dialog(qtbot, flow, trigger)
    fill_signing_dialog(qtbot, dialog, passphrase, low_k_reason)
    qtbot.waitUntil(lambda: not flow.busy, timeout=timeout)


def answer_keep_popup(qtbot: QtBot, view: ReviewView, choice: str = "1") -> bool:
    """If `x` asked why (a sure suggestion), pick quick choice `choice` and press Enter.
    Returns whether it asked."""
    popup = view.keep_popup
    if popup is None or not popup.isVisible():
        return False
    activate(qtbot, popup)  # keys go where the reviewer's focus is: the popup
    qtbot.keyClick(popup.choices, choice)
    qtbot.keyClick(popup.choices, Qt.Key.Key_Return)
    assert not popup.isVisible()
    view.keep_popup = None
    activate(qtbot, view.window())
    return True
