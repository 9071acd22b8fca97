"""Background tasks whose window closes before their result comes back (found on a fresh
clone: a panel tab's result reached a deleted label and raised in the Qt event loop)."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from workstation.ui import tasks


class _Receiver(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.errors: list[BaseException] = []

    def on_done(self, result: object) -> None:
        self.setText(str(result))  # raises RuntimeError if the C++ label is gone
        self.results.append(result)

    def on_error(self, exc: BaseException) -> None:
        self.setText("failed")
        self.errors.append(exc)


def _run_after(release: threading.Event, receiver: _Receiver, value: object) -> None:
    def work() -> object:
        release.wait(10)
        if isinstance(value, BaseException):
            raise value
        return value

    tasks.run_task(work, receiver.on_done, receiver.on_error)


def test_a_result_reaches_a_living_widget(qtbot: QtBot) -> None:
    tasks.set_pool(None)
    receiver, release = _Receiver(), threading.Event()
    _run_after(release, receiver, 42)
    release.set()
    qtbot.waitUntil(lambda: receiver.results == [42], timeout=10_000)
    assert receiver.text() == "42"


def test_a_result_for_a_deleted_widget_is_dropped_without_an_error(qtbot: QtBot) -> None:
    tasks.set_pool(None)
    receiver, release = _Receiver(), threading.Event()
    _run_after(release, receiver, 42)
    shiboken6.delete(receiver)  # the window closed while the work ran
    release.set()
    qtbot.waitUntil(lambda: not tasks._pending, timeout=10_000)
    qtbot.wait(50)  # pytest-qt fails the test if the delivery raised in the event loop
    assert not shiboken6.isValid(receiver)


def test_an_expected_error_for_a_deleted_widget_is_dropped_too(qtbot: QtBot) -> None:
    from workstation.errors import WorkstationError

    tasks.set_pool(None)
    receiver, release = _Receiver(), threading.Event()
    _run_after(release, receiver, WorkstationError("the database is locked"))
    shiboken6.delete(receiver)
    release.set()
    qtbot.waitUntil(lambda: not tasks._pending, timeout=10_000)
    qtbot.wait(50)
