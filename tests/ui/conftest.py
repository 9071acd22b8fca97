"""Fixtures for the GUI tests: offscreen Qt, private settings and logs, real databases.

Creating a workstation costs two Argon2id derivations (about 2 s), so one is made per
test session and its two files are copied into each test's own folder.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import hashlib
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.intake.hostile_bundles import valid_submission
from workstation.intake.bundle_writer import make_bundle, make_bundle_from_raw, write_bundle_file
from workstation.intake.intake_keys import generate_intake_key, load_private_key
from workstation.intake.trust import trust_intake_key, workstation_recipient
from workstation.keys.keyfile import keyfile_path_for
from workstation.session import Session, create_workstation, unlock
from workstation.store.database import Database
from workstation.ui import exception_dialog, tasks
from workstation.ui.main_window import MainWindow
from workstation.ui.settings import UiSettings

REVIEWER = "alice"
DISPLAY_NAME = "Alice Example"
PASSPHRASE = "violet harbour spinning ninety"


# The offscreen platform has no window system to pass a window's size limits on to or to
# raise a window in, and warns each time (propagateSizeHints(), raise()). Real platforms do.
OFFSCREEN_LIMITATION = r"This plugin does not support (propagateSizeHints|raise)\(\)"
HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_LIMITATION))


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


@pytest.fixture
def session(ui_db: UiDatabase) -> Iterator[Session]:
    """alice's unlocked session on this test's database (locked again afterwards)."""
    opened = unlock(ui_db.path, REVIEWER, PASSPHRASE)
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


@dataclass
class Intake:
    """An intake key the workstation trusts, writing real signed, encrypted bundles."""

    signing_key: Ed25519PrivateKey
    recipient: str
    folder: Path

    def bundle(self, submissions: list[dict[str, Any]], name: str = "intake.nmbundle") -> Path:
        data = make_bundle(submissions, signing_key=self.signing_key, recipient=self.recipient)
        path = self.folder / name
        write_bundle_file(path, data)
        return path

    def raw_bundle(self, reports: list[tuple[str, bytes]], name: str = "raw.nmbundle") -> Path:
        """Reports as given, unvalidated (for quarantine cases)."""
        data = make_bundle_from_raw(reports, signing_key=self.signing_key, recipient=self.recipient)
        path = self.folder / name
        write_bundle_file(path, data)
        return path


def trusted_intake(session: Session, folder: Path) -> Intake:
    """Trust a freshly generated intake key (the way `workstation intake keygen` makes one)."""
    folder.mkdir(parents=True, exist_ok=True)
    public = generate_intake_key(folder / "intake")
    trust_intake_key(session, public, label="test intake")
    return Intake(load_private_key(folder / "intake.key"), workstation_recipient(session.db), folder)


@pytest.fixture
def intake(session: Session, tmp_path: Path) -> Intake:
    return trusted_intake(session, tmp_path / "intake")


def submission(number: int, *, activity: str = "traffic_stop") -> dict[str, Any]:
    """A valid generated submission; ids and receipt times differ by `number`."""
    sub = valid_submission(str(uuid.UUID(int=0x1000 + number, version=4)))
    day, minute = 1 + number % 27, (number * 37) % 60
    sub["received_at"] = f"2026-03-{day:02d}T{8 + number % 12:02d}:{minute:02d}:00Z"
    sub["activity_type"] = activity
    return sub


def intake_state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the intake tables, to show that nothing was saved."""
    return {
        table: [tuple(row) for row in db.query(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("reports", "quarantine", "bundles", "intake_keys")
    }
