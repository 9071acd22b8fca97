"""Entry point of the desktop application: `workstation gui`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from workstation import __version__
from workstation.logs import configure_logging
from workstation.paths import APP_AUTHOR, APP_NAME, default_database_path
from workstation.ui.exception_dialog import install_excepthook
from workstation.ui.platform_check import check_display
from workstation.ui.settings import UiSettings, checked_idle_minutes
from workstation.ui.shell import Shell

log = logging.getLogger(__name__)
qt_log = logging.getLogger("workstation.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to our log file instead of stderr."""
    category = context.category or "qt"
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s: %s", category, message)


def initial_database(settings: UiSettings, db_path: Path | None) -> Path:
    """The --db path; else the last database opened, if it is still there; else the default."""
    if db_path is not None:
        return Path(db_path).expanduser()
    last = settings.last_database
    if last is not None and last.exists():
        return last
    return default_database_path()


def run_gui(
    db_path: Path | None = None,
    *,
    reviewer: str | None = None,
    idle_minutes: float | None = None,
    argv: list[str] | None = None,
) -> int:
    """Run the desktop application until it quits; returns the exit code."""
    if QApplication.instance() is None:
        check_display()  # Qt would abort with its reason in the log file only
    previous_hook = sys.excepthook
    install_excepthook()  # before the QApplication, so nothing escapes the crash dialog
    log_file = configure_logging()
    QApplication.setOrganizationName(APP_AUTHOR)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName("Near Miss Review Workstation")
    QApplication.setApplicationVersion(__version__)
    previous_handler = qInstallMessageHandler(qt_message_handler)
    try:
        app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
        assert isinstance(app, QApplication)
        settings = UiSettings()
        minutes = checked_idle_minutes(idle_minutes) if idle_minutes is not None else None
        database = initial_database(settings, db_path)
        log.info("Workstation %s starting; log file %s", __version__, log_file)
        shell = Shell(settings, database, reviewer=reviewer, idle_minutes=minutes)
        app.aboutToQuit.connect(shell.shutdown)
        shell.start()
        code = app.exec()
        log.info("Workstation exiting with code %d", code)
        return code
    finally:
        qInstallMessageHandler(previous_handler)
        sys.excepthook = previous_hook
