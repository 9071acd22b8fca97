"""File > Export > Retract published report…: the selected published report is withdrawn
after the reason and the passphrase are typed (real widgets, keys and clicks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from workstation.demo.build import build_demo
from workstation.demo.demo_database import DEMO_REVIEWERS
from workstation.session import unlock
from workstation.stages import Stage, report_stage
from workstation.ui.main_window import MainWindow
from workstation.ui.review.dialogs import PassphraseDialog
from workstation.ui.settings import UiSettings

PASSPHRASE = "orbit tulip seventy gravel"


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")
def test_a_published_report_is_retracted_from_the_menu(qtbot: QtBot, tmp_path: Path, detector: Any,
                                                      sync_tasks: None) -> None:
    path = tmp_path / "demo.db"
    build_demo(path, reports=6, agencies=2, passphrase=PASSPHRASE, publish_share=0.5, analyser=detector)
    session = unlock(path, DEMO_REVIEWERS[0], PASSPHRASE)
    try:
        report = int(session.db.query_row("SELECT min(id) FROM reports WHERE stage = 'published'")[0])
        window = MainWindow(session, UiSettings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not window.database_view.loading, timeout=5000)
        window.database_view.queue_page.select_report(report)
        window.exports.retraction_action.trigger()
        dialog = window.exports.last_dialog
        assert isinstance(dialog, PassphraseDialog) and dialog.comment_edit is not None
        qtbot.keyClicks(dialog.comment_edit, "The lessons name the deputy's street.")
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(window.exports.last_message, QMessageBox), timeout=20000)
        assert report_stage(session.db, report) == Stage.RETURNED
        assert session.db.query_row("SELECT count(*) FROM audit WHERE action = 'export.retraction'")[0] == 1
    finally:
        session.lock()
