"""The crash dialog: every unexpected exception (a bug) ends here, even inside a Qt slot.

install_excepthook() replaces sys.excepthook before the QApplication exists, so
exceptions raised in slots (which PySide routes to sys.excepthook) are logged and shown
with their traceback and a "Copy details" button instead of vanishing on stderr.
Tracebacks carry no local variables, so no report text or passphrase reaches the log.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation import __version__
from workstation.ui.widgets import monospace_font

log = logging.getLogger(__name__)

MAX_OPEN_DIALOGS = 3  # a bug in a timer slot must not bury the screen in dialogs
_open_dialogs: list[ExceptionDialog] = []

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def format_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    versions = (
        f"Workstation {__version__}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.platform()}"
    )
    return versions + "\n\n" + "".join(lines)


class ExceptionDialog(QDialog):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Unexpected error")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details = details

        intro = QLabel(
            "The workstation hit an unexpected problem (a bug). Your work saved before this "
            "point is safe. Please copy the details below and send them to the support team."
        )
        intro.setWordWrap(True)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setFont(monospace_font())
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText("Copied")


def show_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the exception and, if there is a GUI, show it in a dialog."""
    log.error("Unexpected error", exc_info=(exc_type, exc, tb))
    if not isinstance(QApplication.instance(), QApplication) or len(_open_dialogs) >= MAX_OPEN_DIALOGS:
        sys.__excepthook__(exc_type, exc, tb)
        return
    summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
    dialog = ExceptionDialog(summary, format_details(exc_type, exc, tb), QApplication.activeWindow())
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _result: _open_dialogs.remove(dialog))
    dialog.open()  # not exec(): no nested event loop inside a failing slot


def open_dialogs() -> list[ExceptionDialog]:
    return list(_open_dialogs)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        show_exception(exc_type, exc, tb)
    except Exception:  # the crash handler itself must never crash the program
        sys.__excepthook__(exc_type, exc, tb)


def install_excepthook() -> None:
    sys.excepthook = excepthook
