"""Fixtures for the GUI tests: offscreen Qt, private settings and logs, a copy of the
template's one-reviewer database (alice) per test, her open session and main window."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Template, Workstation
from tests.helpers.intake import Intake, trusted_intake
from tests.helpers.qt_state import mark_offscreen_limitation
from tests.helpers.qt_state import private_qt_state as private_qt
from workstation.session import Session, unlock
from workstation.ui import tasks
from workstation.ui.main_window import MainWindow
from workstation.ui.settings import UiSettings

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_offscreen_limitation(items, HERE)


@pytest.fixture
def ui_db(template_workstation: Template, tmp_path: Path) -> Workstation:
    """A private copy of the template's one-reviewer database (alice) in this test's folder."""
    return template_workstation.alice_only.copy_to(tmp_path / "db", "x.db")


@pytest.fixture(autouse=True)
def private_qt_state(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[None]:
    """QSettings in this test's folder under its own organisation; logs there too."""
    monkeypatch.setenv("WORKSTATION_LOG_DIR", str(tmp_path / "logs"))
    with private_qt(tmp_path, request.node.name):
        yield


@pytest.fixture
def settings() -> UiSettings:
    return UiSettings()


@pytest.fixture
def sync_tasks() -> Iterator[None]:
    """Run background tasks at once on the test's thread."""
    tasks.set_pool(tasks.SyncThreadPool())
    yield
    tasks.set_pool(None)


@pytest.fixture
def session(ui_db: Workstation) -> Iterator[Session]:
    """alice's unlocked session on this test's database (locked again afterwards)."""
    opened = unlock(ui_db.path, ALICE, ALICE_PASSPHRASE)
    yield opened
    opened.lock()


@pytest.fixture
def main_window(qtbot: QtBot, session: Session, settings: UiSettings) -> MainWindow:
    """The main window on an unlocked session, shown (offscreen)."""
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.database_view.loading)
    return window


@pytest.fixture
def intake(session: Session, tmp_path: Path) -> Intake:
    return trusted_intake(session, tmp_path / "intake")
