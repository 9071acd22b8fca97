"""What every GUI test folder sets up around a test: Qt settings and logs in the test's own
folder under its own organisation, and nothing (windows, crash dialogs, background pool)
left behind for the next test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from workstation.ui import exception_dialog, tasks

# The offscreen platform has no window system to pass a window's size limits on to or to
# raise a window in, and warns each time (propagateSizeHints(), raise()). Real platforms do.
OFFSCREEN_LIMITATION = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def mark_offscreen_limitation(items: list[pytest.Item], folder: Path) -> None:
    """Ignore the offscreen platform's warnings in the tests under `folder`."""
    for item in items:
        if folder in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_LIMITATION))


@contextmanager
def private_qt_state(tmp_path: Path, test_name: str) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName(f"nmw-test-{test_name}"[:60])
    QCoreApplication.setApplicationName("NearMissWorkstationTest")
    try:
        yield
    finally:
        tasks.set_pool(None)
        for dialog in exception_dialog.open_dialogs():
            dialog.close()
        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, 0)
