"""Window titles name what the window is for: Qt itself adds the program's name (the
application display name), so a title that carries it shows it twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workstation.ui.first_run import FirstRunWindow
from workstation.ui.unlock import UnlockWindow

PROGRAM = "Near Miss Review Workstation"


def test_the_first_windows_leave_the_program_name_to_qt(qtbot: QtBot, tmp_path: Path) -> None:
    QApplication.setApplicationDisplayName(PROGRAM)
    for window in (UnlockWindow(tmp_path / "w.db"), FirstRunWindow(tmp_path / "new.db")):
        qtbot.addWidget(window)
        assert PROGRAM not in window.windowTitle() and window.windowTitle()
