"""Fixtures shared by every test: isolated per-user folders and ready-made workstations.

Creating a workstation costs two Argon2id derivations (about 2 s), so one is created per
test session and its two files are copied into each test's own folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from workstation.keys.keyfile import keyfile_path_for
from workstation.session import create_workstation

ALICE = "alice"
ALICE_PASSPHRASE = "correct horse battery staple"
BOB = "bob"
BOB_PASSPHRASE = "river lantern quietly eleven"


@dataclass(frozen=True)
class Workstation:
    """A database with two reviewers (alice, bob), as files on disk, locked."""

    path: Path
    recovery_code: str

    @property
    def keyfile(self) -> Path:
        return keyfile_path_for(self.path)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real per-user data, log and config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("WORKSTATION_LOG_DIR", str(home / "logs"))


@pytest.fixture(scope="session")
def template_workstation(tmp_path_factory: pytest.TempPathFactory) -> Workstation:
    folder = tmp_path_factory.mktemp("template")
    created = create_workstation(folder / "workstation.db", ALICE, ALICE_PASSPHRASE,
                                 display_name="Alice Example")
    created.session.add_reviewer(BOB, BOB_PASSPHRASE, display_name="Bob Example")
    created.session.lock()
    return Workstation(folder / "workstation.db", created.recovery_code)


@pytest.fixture
def workstation(template_workstation: Workstation, tmp_path: Path) -> Iterator[Workstation]:
    """A private copy of the template workstation in this test's folder."""
    target = tmp_path / "ws" / "workstation.db"
    target.parent.mkdir()
    shutil.copy2(template_workstation.path, target)
    shutil.copy2(template_workstation.keyfile, keyfile_path_for(target))
    yield Workstation(target, template_workstation.recovery_code)


@pytest.fixture(scope="session")
def detector():
    """The real detector with the real spaCy model, loaded once for the whole test run."""
    from workstation.detect.detector import get_detector

    return get_detector().load()
