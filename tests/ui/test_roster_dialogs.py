"""Tools menu: the roster, adding a reviewer and changing one's passphrase, on a real database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation
from workstation.audit import chain
from workstation.session import Session, reviewer_names
from workstation.ui.main_window import MainWindow
from workstation.ui.roster import ROW_ROLE, AddReviewerDialog, ChangePassphraseDialog, ReviewersDialog

BOB_PASSPHRASE = "orchid tractor mumbling seventeen"
NEW_PASSPHRASE = "copper meadow whistle lantern"


def press_ok(qtbot: QtBot, dialog: AddReviewerDialog | ChangePassphraseDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_reviewers_dialog_lists_the_roster(qtbot: QtBot, main_window: MainWindow) -> None:
    dialog = main_window.show_reviewers()
    assert isinstance(dialog, ReviewersDialog) and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data(ROW_ROLE).name == ALICE


def test_add_reviewer(
    qtbot: QtBot, main_window: MainWindow, session: Session, ui_db: Workstation, sync_tasks: None
) -> None:
    dialog = main_window.add_reviewer()
    assert isinstance(dialog, AddReviewerDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "bob")
    qtbot.keyClicks(dialog.display_name_edit, "Bob Example")

    # Refusals are shown in the dialog, which stays open.
    qtbot.keyClicks(dialog.passphrase_edit, "bob")
    qtbot.keyClicks(dialog.confirm_edit, "bob")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("The passphrase is too short")
    qtbot.keyClicks(dialog.passphrase_edit, BOB_PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, BOB_PASSPHRASE + "!")
    press_ok(qtbot, dialog)
    assert dialog.error_label.text().startswith("The two passphrases are not the same")
    assert reviewer_names(ui_db.path) == [ALICE]

    qtbot.keyClicks(dialog.passphrase_edit, BOB_PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, BOB_PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        press_ok(qtbot, dialog)
    assert sorted(reviewer_names(ui_db.path)) == ["alice", "bob"]
    assert main_window.statusBar().currentMessage() == "Reviewer bob added."
    assert chain.entries(session.db)[-1].action == "reviewer.add"


def test_change_passphrase(
    qtbot: QtBot, main_window: MainWindow, session: Session, ui_db: Workstation, sync_tasks: None
) -> None:
    keyfile_before = ui_db.keyfile.read_bytes()
    dialog = main_window.change_passphrase()
    assert isinstance(dialog, ChangePassphraseDialog)

    qtbot.keyClicks(dialog.current_edit, "not my passphrase at all")
    qtbot.keyClicks(dialog.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSPHRASE)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == f"Wrong passphrase for reviewer {ALICE!r}."
    assert ui_db.keyfile.read_bytes() == keyfile_before
    assert all(e.text() == "" for e in (dialog.current_edit, dialog.new_edit, dialog.confirm_edit))

    qtbot.keyClicks(dialog.current_edit, ALICE_PASSPHRASE)
    qtbot.keyClicks(dialog.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.confirm_edit, NEW_PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        press_ok(qtbot, dialog)
    assert main_window.statusBar().currentMessage() == "Passphrase changed."
    assert ui_db.keyfile.read_bytes() != keyfile_before
    session.keyfile.unlock_reviewer(ALICE, NEW_PASSPHRASE).wipe()  # the new one opens

    main_window.close()  # saves the window geometry
    QSettings().sync()
    stored = Path(QSettings().fileName()).read_text(encoding="utf-8", errors="replace")
    assert "main_window" in stored
    assert ALICE_PASSPHRASE not in stored and NEW_PASSPHRASE not in stored
