"""Fixtures of the panel GUI tests (the databases themselves: panel_setup.py)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.qt_state import mark_offscreen_limitation, private_qt_state
from tests.panel_gui.panel_setup import PanelDatabases, open_panel
from workstation.ui import tasks

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_offscreen_limitation(items, HERE)


@pytest.fixture
def panel_dbs(tmp_path: Path, detector: Any) -> Iterator[PanelDatabases]:
    opened = open_panel(tmp_path, detector)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def private_qt(qapp: QApplication, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[None]:
    """Settings in this test's folder, background tasks at once, no window left behind."""
    with private_qt_state(tmp_path, request.node.name):
        tasks.set_pool(tasks.SyncThreadPool())
        yield
