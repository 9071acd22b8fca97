"""Fixtures for the GUI tests: offscreen Qt, private settings and logs, real databases.

Creating a workstation costs two Argon2id derivations (about 2 s), so one is made per
test session and its two files are copied into each test's own folder.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import hashlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from workstation.keys.keyfile import keyfile_path_for
from workstation.session import create_workstation
from workstation.ui import exception_dialog, tasks
from workstation.ui.settings import UiSettings

REVIEWER = "alice"
DISPLAY_NAME = "Alice Example"
PASSPHRASE = "violet harbour spinning ninety"


@dataclass(frozen=True)
class UiDatabase:
    path: Path
    recovery_code: str

    @property
    def keyfile(self) -> Path:
        return keyfile_path_for(self.path)

    def fingerprint(self) -> dict[str, str]:
        """Hashes of every file next to the database, to show nothing was changed."""
        return {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(self.path.parent.iterdir())
            if p.is_file()
        }


@pytest.fixture(scope="session")
def ui_template(tmp_path_factory: pytest.TempPathFactory) -> UiDatabase:
    path = tmp_path_factory.mktemp("ui-template") / "x.db"
    created = create_workstation(path, REVIEWER, PASSPHRASE, display_name=DISPLAY_NAME)
    created.session.lock()  # closing checkpoints the WAL: the two files are complete
    return UiDatabase(path, created.recovery_code)


@pytest.fixture
def ui_db(ui_template: UiDatabase, tmp_path: Path) -> UiDatabase:
    """A private copy of the template database in this test's folder."""
    folder = tmp_path / "db"
    folder.mkdir()
    target = folder / "x.db"
    shutil.copy2(ui_template.path, target)
    shutil.copy2(ui_template.keyfile, keyfile_path_for(target))
    return UiDatabase(target, ui_template.recovery_code)


@pytest.fixture(autouse=True)
def private_qt_state(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[None]:
    """QSettings in this test's folder under its own organisation; logs there too."""
    monkeypatch.setenv("WORKSTATION_LOG_DIR", str(tmp_path / "logs"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName(f"nmw-test-{request.node.name}"[:60])
    QCoreApplication.setApplicationName("NearMissWorkstationTest")
    yield
    tasks.set_pool(None)
    # Do not let a test's windows or crash dialogs leak into the next one.
    for dialog in exception_dialog.open_dialogs():
        dialog.close()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)


@pytest.fixture
def settings() -> UiSettings:
    return UiSettings()


@pytest.fixture
def sync_tasks() -> Iterator[None]:
    """Run background tasks at once on the test's thread."""
    tasks.set_pool(tasks.SyncThreadPool())
    yield
    tasks.set_pool(None)
