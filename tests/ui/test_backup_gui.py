"""File > Back up database… and File > Restore a backup…, driven through the real dialogs:
a real encrypted backup of a real database, restored as a new database that then unlocks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from workstation.session import unlock
from workstation.ui.backup_dialog import BackupDialog, RestoreDialog
from workstation.ui.main_window import MainWindow

BACKUP_PASSPHRASE = "lantern orchard quietly ninety copper"


def test_back_up_then_restore_as_a_new_database(qtbot: QtBot, main_window: MainWindow, sync_tasks: None,
                                                tmp_path: Path) -> None:
    out = tmp_path / "backups" / "today.nmbackup"
    out.parent.mkdir()
    main_window.backup_action.trigger()
    dialog = main_window.last_dialog
    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    dialog.file_edit.setText(str(out))
    qtbot.keyClicks(dialog.passphrase_edit, BACKUP_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, BACKUP_PASSPHRASE + "x")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "differ" in dialog.error_label.text()  # nothing written
    assert not out.exists() and dialog.passphrase_edit.text() == ""
    qtbot.keyClicks(dialog.passphrase_edit, BACKUP_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, BACKUP_PASSPHRASE)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert out.is_file() and out.stat().st_size > 0
    assert main_window.session.db.path.read_bytes()[:16] != out.read_bytes()[:16]  # encrypted anew

    target = tmp_path / "restored" / "workstation.db"
    target.parent.mkdir()
    main_window.restore_action.trigger()
    restore = main_window.last_dialog
    assert isinstance(restore, RestoreDialog)
    restore.backup_edit.setText(str(out))
    restore.db_edit.setText(str(target))
    qtbot.keyClicks(restore.backup_passphrase_edit, "not the backup passphrase")
    qtbot.keyClicks(restore.reviewer_edit, ALICE)
    qtbot.keyClicks(restore.passphrase_edit, ALICE_PASSPHRASE)
    qtbot.keyClick(restore.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: restore.error_label.isVisible(), timeout=30_000)
    assert restore.isVisible() and not target.exists()  # a wrong passphrase restores nothing
    qtbot.keyClicks(restore.backup_passphrase_edit, BACKUP_PASSPHRASE)
    qtbot.keyClicks(restore.passphrase_edit, ALICE_PASSPHRASE)
    qtbot.keyClick(restore.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not restore.isVisible(), timeout=30_000)
    restored = unlock(target, ALICE, ALICE_PASSPHRASE)
    try:
        assert restored.db.meta("database_id") == main_window.session.db.meta("database_id")
    finally:
        restored.lock()
