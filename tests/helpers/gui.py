"""Driving the GUI as a reviewer does (main window, queue), and an importer that holds still
so that a test can cancel it. Imported by GUI tests only (it imports Qt)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from workstation.intake import import_run
from workstation.intake.importer import import_bundle
from workstation.session import Session
from workstation.ui.main_window import MainWindow
from workstation.ui.review.view import ReviewView
from workstation.ui.settings import UiSettings


def activate(qtbot: QtBot, window: QWidget) -> None:
    """The offscreen platform does not pass activation on by itself (dialogs closing)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def open_window(qtbot: QtBot, session: Session, settings: UiSettings) -> MainWindow:
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.database_view.loading, timeout=5000)
    activate(qtbot, window)
    return window


def open_from_queue(qtbot: QtBot, window: MainWindow, report_id: int) -> ReviewView:
    """Select the report in the queue and press Enter."""
    if window.pages.currentWidget() is not window.database_view:
        window.review_view.go_back()
    qtbot.waitUntil(lambda: not window.database_view.loading, timeout=5000)
    page = window.database_view.queue_page
    page.table.setFocus()
    page.select_report(report_id)
    assert page.selected_report() == report_id
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = window.review_view
    qtbot.waitUntil(lambda: view.report_id == report_id and view.review is not None and not view.loading,
                    timeout=10_000)
    assert window.pages.currentWidget() is view
    return view


def slow_importer(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The real importer, but holding still after its first report until cancel is asked for.

    Runs in the worker thread; the test drives the GUI meanwhile. Records that thread.
    Without the detector (given as `analyser`): its progress would come only at the end of
    the bundle's first batch of reports, and analysis is not what these tests are about.
    """
    seen: dict[str, Any] = {}

    def importer(session: Session, path: Path, *, progress: Callable[[int, int], None],
                 cancelled: Callable[[], bool], analyser: object = None) -> Any:
        seen["thread"] = threading.current_thread()

        def progress_then_hold(done: int, total: int) -> None:
            progress(done, total)
            if done == 1:
                seen["holding"] = True
                deadline = time.monotonic() + 10
                while not cancelled() and time.monotonic() < deadline:
                    time.sleep(0.005)  # worker thread only: waits for the GUI's Cancel

        return import_bundle(session, path, progress=progress_then_hold, cancelled=cancelled)

    monkeypatch.setattr(import_run, "import_bundle", importer)
    return seen

