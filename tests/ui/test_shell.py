"""The shell on a real encrypted database: first run, unlock, lock (menu, Ctrl+L, idle)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_DISPLAY_NAME, ALICE_PASSPHRASE, Workstation
from workstation.errors import WorkstationError
from workstation.keys.keyfile import keyfile_path_for
from workstation.session import reviewer_names
from workstation.ui.first_run import FirstRunWindow, RecoveryCodeDialog
from workstation.ui.main_window import MainWindow
from workstation.ui.settings import UiSettings
from workstation.ui.shell import LOCKED_NOTICE, Shell
from workstation.ui.unlock import UnlockWindow

NEW_PASSPHRASE = "copper meadow whistle lantern"


@pytest.fixture
def make_shell(settings: UiSettings, sync_tasks: None) -> Iterator[type[Shell]]:
    shells: list[Shell] = []

    def make(database: Path, **kwargs: object) -> Shell:
        shell = Shell(settings, database, **kwargs)  # type: ignore[arg-type]
        shells.append(shell)
        shell.start()
        return shell

    yield make  # type: ignore[misc]
    for shell in shells:
        shell.shutdown()


def unlock_through_window(qtbot: QtBot, shell: Shell, passphrase: str = ALICE_PASSPHRASE) -> MainWindow:
    window = shell.unlock_window
    assert isinstance(window, UnlockWindow) and window.isVisible()
    assert window.reviewer_combo.currentText() == ALICE
    qtbot.keyClicks(window.passphrase_edit, passphrase)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert shell.main_window is not None
    return shell.main_window


def settings_text() -> str:
    QSettings().sync()
    path = Path(QSettings().fileName())
    assert path.is_file()
    return path.read_text(encoding="utf-8", errors="replace")


def visible_message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_first_run_creates_the_database_and_shows_the_recovery_code_once(
    qtbot: QtBot, make_shell: type[Shell], tmp_path: Path
) -> None:
    database = tmp_path / "new" / "workstation.db"
    shell = make_shell(database)
    window = shell.first_run_window
    assert isinstance(window, FirstRunWindow) and window.isVisible()
    assert window.path_edit.text() == str(database)
    qtbot.keyClicks(window.reviewer_edit, ALICE)
    qtbot.keyClicks(window.display_name_edit, ALICE_DISPLAY_NAME)

    # A weak passphrase is refused where it was typed; nothing is created.
    for edit in (window.passphrase_edit, window.confirm_edit):
        qtbot.keyClicks(edit, "password1234")
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert window.error_label.isVisible()
    assert window.error_label.text().startswith("The passphrase is too easy to guess.")
    assert window.passphrase_edit.text() == window.confirm_edit.text() == ""  # emptied at once
    assert not database.exists()
    assert shell.main_window is None

    # Two different passphrases.
    qtbot.keyClicks(window.passphrase_edit, ALICE_PASSPHRASE)
    qtbot.keyClicks(window.confirm_edit, ALICE_PASSPHRASE + "x")
    window.confirm_edit.returnPressed.emit()
    assert window.error_label.text().startswith("The two passphrases are not the same.")
    assert not database.exists()

    qtbot.keyClicks(window.passphrase_edit, ALICE_PASSPHRASE)
    qtbot.keyClicks(window.confirm_edit, ALICE_PASSPHRASE)
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert database.exists() and keyfile_path_for(database).exists()
    assert reviewer_names(database) == [ALICE]

    dialog = shell.recovery_dialog
    assert isinstance(dialog, RecoveryCodeDialog) and dialog.isVisible()
    code = dialog.code_label.text()
    assert len(code) > 20
    assert shell.main_window is None  # not until the code is written down
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # would lose the code: refused
    assert dialog.isVisible()
    assert not dialog.continue_button.isEnabled()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == code
    dialog.acknowledge.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert dialog.code_label.text() == ""  # shown once: gone from the dialog...
    assert QApplication.clipboard().text() != code  # ...and from the clipboard
    main = shell.main_window
    assert isinstance(main, MainWindow) and main.isVisible()
    assert main.session.reviewer == ALICE
    assert ALICE_DISPLAY_NAME in main.reviewer_label.text()

    shell.lock()
    stored = settings_text()
    assert str(database) in stored  # the last database is remembered...
    for secret in (ALICE_PASSPHRASE, code, code.replace("-", "")):
        assert secret not in stored  # ...and nothing secret


def test_unlock_opens_the_main_window(qtbot: QtBot, make_shell: type[Shell], ui_db: Workstation) -> None:
    shell = make_shell(ui_db.path)
    unlock_window = shell.unlock_window
    main = unlock_through_window(qtbot, shell)
    assert main.isVisible()
    assert shell.session is not None and not shell.session.locked
    assert main.session is shell.session
    assert ui_db.path.name in main.windowTitle()
    assert shell.unlock_window is None and unlock_window is not None and not unlock_window.isVisible()
    assert main.statusBar().isVisible()
    assert not visible_message_boxes()


def test_wrong_passphrase_one_plain_message_and_database_unchanged(
    qtbot: QtBot, make_shell: type[Shell], ui_db: Workstation
) -> None:
    before = ui_db.fingerprint()
    shell = make_shell(ui_db.path)
    window = shell.unlock_window
    assert window is not None
    qtbot.keyClicks(window.passphrase_edit, "violet harbour spinning ninety-one")
    qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)

    assert shell.main_window is None and shell.session is None
    assert window.error_label.isVisible()
    assert window.error_label.text() == f"Wrong passphrase for reviewer {ALICE!r}."
    assert window.passphrase_edit.text() == ""
    assert window.unlock_button.isEnabled()
    assert not visible_message_boxes()  # the one message is inline
    assert ui_db.fingerprint() == before

    # An empty passphrase is not even tried.
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert window.error_label.text() == "Type your passphrase."
    assert ui_db.fingerprint() == before


def test_ctrl_l_locks_closes_the_database_and_shows_unlock(
    qtbot: QtBot, make_shell: type[Shell], ui_db: Workstation
) -> None:
    shell = make_shell(ui_db.path)
    main = unlock_through_window(qtbot, shell)
    session = shell.session
    assert session is not None
    assert main.lock_action.shortcut() == QKeySequence("Ctrl+L")
    main.activateWindow()  # the offscreen platform does not pass activation on by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)

    qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert session.locked and session.db.closed
    with pytest.raises(WorkstationError, match="locked"):
        session.db.query("SELECT 1")
    assert shell.session is None and shell.main_window is None
    assert not main.isVisible()
    unlock_window = shell.unlock_window
    assert isinstance(unlock_window, UnlockWindow) and unlock_window.isVisible()
    assert unlock_window.notice.text() == LOCKED_NOTICE
    assert unlock_window.path_edit.text() == str(ui_db.path)
    assert unlock_window.reviewer_combo.currentText() == ALICE

    # And it opens again.
    again = unlock_through_window(qtbot, shell)
    assert again is not main and not again.session.locked


def test_idle_lock_fires_after_the_configured_time(
    qtbot: QtBot, make_shell: type[Shell], ui_db: Workstation
) -> None:
    shell = make_shell(ui_db.path, idle_minutes=0.002)  # 120 ms
    unlock_through_window(qtbot, shell)
    session = shell.session
    assert session is not None and shell.idle_lock.active

    qtbot.waitUntil(lambda: shell.unlock_window is not None, timeout=5_000)

    assert session.locked and shell.session is None and shell.main_window is None
    assert not shell.idle_lock.active
    notice = shell.unlock_window.notice
    assert notice.isVisible()
    assert "locked itself after 0.002 minutes without input" in notice.text()


def test_input_restarts_the_idle_countdown(qtbot: QtBot, make_shell: type[Shell], ui_db: Workstation) -> None:
    shell = make_shell(ui_db.path, idle_minutes=1)
    main = unlock_through_window(qtbot, shell)
    timer = shell.idle_lock._timer
    qtbot.waitUntil(lambda: timer.remainingTime() < 60_000 - 100)
    qtbot.keyClick(main, Qt.Key.Key_Shift)
    assert timer.remainingTime() > 60_000 - 100  # started again
    qtbot.waitUntil(lambda: timer.remainingTime() < 60_000 - 100)
    qtbot.mouseMove(main)
    assert timer.remainingTime() > 60_000 - 100
    assert shell.session is not None


@pytest.mark.parametrize("page", [-2, -3, -4])
def test_a_database_that_fails_the_background_page_check_is_locked_with_a_plain_warning(
        qtbot: QtBot, make_shell: type[Shell], ui_db: Workstation, page: int) -> None:
    """Unlock returns before the full page check; a damaged page it did not read is caught
    by the check in the background, and the shell locks (fail closed)."""
    data = bytearray(ui_db.path.read_bytes())
    number = page % (len(data) // 4096)
    data[number * 4096 + 100] ^= 0xFF  # one byte of one encrypted page
    ui_db.path.write_bytes(bytes(data))
    shell = make_shell(ui_db.path)
    window = shell.unlock_window
    assert isinstance(window, UnlockWindow)
    qtbot.keyClicks(window.passphrase_edit, ALICE_PASSPHRASE)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    # Either unlock itself read the damaged page and refused, or the background check
    # finds it: both end on the unlock window with the database closed.
    qtbot.waitUntil(lambda: shell.main_window is None and shell.unlock_window is not None
                    and shell.unlock_window.isVisible(), timeout=30_000)
    assert shell.session is None
    if shell.unlock_window is not window:  # it got as far as the main window, then locked
        assert "failed its integrity check" in shell.unlock_window.notice.text()
