"""Fixtures of the panel GUI tests (the databases themselves: panel_setup.py)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from tests.panel_gui.panel_setup import PanelDatabases, open_panel
from workstation.ui import tasks

OFFSCREEN_LIMITATION = r"This plugin does not support (propagateSizeHints|raise)\(\)"
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_LIMITATION))


@pytest.fixture
def panel_dbs(tmp_path: Path, detector: Any) -> Iterator[PanelDatabases]:
    opened = open_panel(tmp_path, detector)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def private_qt(qapp: QApplication, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[None]:
    """Settings in this test's folder, background tasks at once, no window left behind."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName(f"nmw-test-{request.node.name}"[:60])
    tasks.set_pool(tasks.SyncThreadPool())
    yield
    tasks.set_pool(None)
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)
