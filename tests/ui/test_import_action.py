"""File > Import bundle…: real bundles, a real encrypted database, the importer off the GUI thread."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation
from tests.helpers.gui import slow_importer
from tests.helpers.intake import Intake, intake_state, submission, trusted_intake
from workstation.audit import chain
from workstation.intake import import_run
from workstation.intake.bundle_writer import encode_report, make_bundle, write_bundle_file
from workstation.session import Session, unlock
from workstation.ui import tasks
from workstation.ui.import_bundles import BundleImport
from workstation.ui.main_window import MainWindow
from workstation.ui.settings import UiSettings
from workstation.ui.shell import Shell


class FileChooser:
    """Stands in for QFileDialog.getOpenFileNames: returns the given files, records the call."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
        self.paths = [str(p) for p in paths]
        self.calls: list[tuple[Any, ...]] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self)

    def __call__(self, *args: Any) -> tuple[list[str], str]:
        self.calls.append(args)
        return self.paths, ""


def wait_for_import(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.bundle_import is None, timeout=15_000)
    message = window.last_message
    assert message is not None and message.isVisible()
    return message


def test_import_good_bundle_in_the_background(
    qtbot: QtBot, main_window: MainWindow, intake: Intake, settings: UiSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    subs = [submission(n) for n in range(5)]
    path = intake.bundle(subs, "march.nmbundle")
    chooser = FileChooser(monkeypatch, path)
    threads: list[threading.Thread] = []
    real = import_run.import_bundle

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(import_run, "import_bundle", recording)

    main_window.import_action.trigger()
    assert not main_window.import_action.isEnabled()  # one import at a time
    message = wait_for_import(qtbot, main_window)

    assert threads and threads[0] is not threading.main_thread()  # never on the GUI thread
    assert message.icon() == QMessageBox.Icon.Information
    assert re.fullmatch(r"march\.nmbundle: 5 imported, 0 quarantined \(0 conflicts\), 0 duplicates, "
                        r"\d+ identifiers suggested, in [\d.]+ s\.", message.text())  # the detector ran
    assert main_window.import_action.isEnabled()
    view = main_window.database_view
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "Queue (5)")
    assert {r.row.submission_id for r in view.queue_page.rows()} == {s["submission_id"] for s in subs}
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in main_window.children())

    # The folder is remembered for the next time.
    assert settings.last_import_folder == path.parent
    main_window.import_action.trigger()
    assert chooser.calls[1][2] == str(path.parent)
    message = wait_for_import(qtbot, main_window)
    assert "already imported" in message.text()


def test_refused_bundle_one_message_and_nothing_saved(
    qtbot: QtBot, main_window: MainWindow, session: Session, intake: Intake,
    sync_tasks: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    stranger = Ed25519PrivateKey.generate()  # not a trusted intake key
    path = intake.folder / "forged.nmbundle"
    write_bundle_file(path, make_bundle([submission(1)], signing_key=stranger,
                                        recipient=intake.recipient))
    FileChooser(monkeypatch, path)
    before = intake_state(session.db)

    main_window.import_action.trigger()
    message = wait_for_import(qtbot, main_window)

    assert message.icon() == QMessageBox.Icon.Warning
    assert message.text().startswith("forged.nmbundle: Bundle refused: ")
    assert "\n" not in message.text()  # one plain message, no traceback
    assert intake_state(session.db) == before
    assert chain.entries(session.db)[-1].action == "bundle.refuse"  # only the attempt is recorded
    boxes = [w for w in main_window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes == [message]


def test_several_bundles_refused_one_does_not_stop_the_others(
    qtbot: QtBot, main_window: MainWindow, session: Session, intake: Intake,
    sync_tasks: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = intake.bundle([submission(n) for n in range(3)], "one.nmbundle")
    broken = intake.folder / "broken.nmbundle"
    broken.write_bytes(b"not a bundle at all")
    bad_id = "00000000-0000-4000-8000-0000000000bd"
    invalid = encode_report(dict(submission(20), submission_id=bad_id, officers_on_scene="two"))
    second = intake.raw_bundle([(bad_id, invalid)], "two.nmbundle")
    FileChooser(monkeypatch, first, broken, second)

    main_window.import_action.trigger()
    message = wait_for_import(qtbot, main_window)

    lines = message.text().split("\n\n")
    assert lines[0].startswith("one.nmbundle: 3 imported, 0 quarantined")
    assert lines[1].startswith("broken.nmbundle: Bundle refused: ")
    assert lines[2].startswith("two.nmbundle: 0 imported, 1 quarantined")
    assert lines[3].startswith("In all: 3 imported, 1 quarantined, 0 duplicates")
    assert message.icon() == QMessageBox.Icon.Warning
    view = main_window.database_view
    assert view.tabs.tabText(0) == "Queue (3)"
    assert view.tabs.tabText(1) == "Quarantine (1)"
    assert [q.submission_id for q in view.quarantine_page.rows()] == [bad_id]


def test_cancel_rolls_the_bundle_back(
    qtbot: QtBot, main_window: MainWindow, session: Session, intake: Intake,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = intake.bundle([submission(n) for n in range(20)], "big.nmbundle")
    FileChooser(monkeypatch, path)
    seen = slow_importer(monkeypatch)
    before, head = intake_state(session.db), chain.head(session.db)

    main_window.import_action.trigger()
    run = main_window.bundle_import
    assert isinstance(run, BundleImport)
    dialog = run.dialog
    assert dialog.isVisible() and dialog.isModal()
    qtbot.waitUntil(lambda: dialog.value() == 1 and dialog.maximum() == 20)
    assert "big.nmbundle" in dialog.labelText()
    assert seen["thread"] is not threading.main_thread()
    [cancel] = dialog.findChildren(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    message = wait_for_import(qtbot, main_window)

    assert message.text() == (
        "big.nmbundle: the import was cancelled; nothing from this bundle was saved."
    )
    assert intake_state(session.db) == before
    assert chain.head(session.db) == head
    assert main_window.database_view.tabs.tabText(0) == "Queue (0)"


def test_locking_during_an_import_cancels_it(
    qtbot: QtBot, ui_db: Workstation, settings: UiSettings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shell = Shell(settings, ui_db.path)
    shell.start()
    window = shell.unlock_window
    assert window is not None
    window.passphrase_edit.setText(ALICE_PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=15_000):
        window.unlock_button.click()
    main = shell.main_window
    session = shell.session
    assert main is not None and session is not None
    bundler = trusted_intake(session, tmp_path / "intake")
    path = bundler.bundle([submission(n) for n in range(10)], "slow.nmbundle")
    FileChooser(monkeypatch, path)
    seen = slow_importer(monkeypatch)

    main.import_action.trigger()
    qtbot.waitUntil(lambda: seen.get("holding", False))
    main.lock_action.trigger()  # waits for the import to roll back, then closes

    assert session.locked
    assert shell.main_window is None and shell.unlock_window is not None
    assert not [w for w in main.findChildren(QMessageBox) if w.isVisible()]
    tasks.set_pool(None)
    reopened = unlock(ui_db.path, ALICE, ALICE_PASSPHRASE)
    try:
        assert intake_state(reopened.db)["reports"] == []
        assert intake_state(reopened.db)["bundles"] == []
    finally:
        reopened.lock()
    shell.shutdown()
