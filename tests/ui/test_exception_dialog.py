"""The crash dialog: an unexpected exception in a slot or a background task is shown, copyable."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workstation.ui import exception_dialog
from workstation.ui.exception_dialog import ExceptionDialog
from workstation.ui.tasks import run_task

# pytest-qt would catch slot exceptions itself; these tests want the application's hook.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture(autouse=True)
def application_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    exception_dialog.install_excepthook()


def only_dialog(qtbot: QtBot) -> ExceptionDialog:
    qtbot.waitUntil(lambda: len(exception_dialog.open_dialogs()) == 1)
    [dialog] = exception_dialog.open_dialogs()
    return dialog


def test_exception_in_a_slot_shows_the_dialog_and_copy_puts_details_on_the_clipboard(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def buggy_slot() -> None:
        raise ZeroDivisionError("a bug in a timer slot")

    QTimer.singleShot(0, buggy_slot)
    dialog = only_dialog(qtbot)

    assert dialog.isVisible()
    assert dialog.windowTitle() == "Unexpected error"
    assert dialog.summary.text() == "ZeroDivisionError: a bug in a timer slot"
    details = dialog.details_view.toPlainText()
    assert details.startswith("Workstation ")
    assert "Traceback (most recent call last)" in details and "buggy_slot" in details
    assert "Unexpected error" in caplog.text  # logged as well

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == details
    assert dialog.copy_button.text() == "Copied"

    dialog.close()
    qtbot.waitUntil(lambda: not exception_dialog.open_dialogs())


def test_bug_in_a_background_task_shows_the_dialog_and_reaches_on_error(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def buggy_work() -> None:
        raise KeyError("missing")

    run_task(buggy_work, lambda _result: None, errors.append)
    dialog = only_dialog(qtbot)
    assert dialog.summary.text() == "KeyError: 'missing'"
    assert [type(e) for e in errors] == [KeyError]


def test_a_storm_of_errors_opens_at_most_a_few_dialogs(qtbot: QtBot) -> None:
    def buggy_slot() -> None:
        raise RuntimeError("again")

    fired: list[bool] = []
    for _ in range(exception_dialog.MAX_OPEN_DIALOGS + 2):
        QTimer.singleShot(0, buggy_slot)
    QTimer.singleShot(0, lambda: fired.append(True))  # zero-delay timers fire in order
    qtbot.waitUntil(lambda: bool(fired))
    assert len(exception_dialog.open_dialogs()) == exception_dialog.MAX_OPEN_DIALOGS
