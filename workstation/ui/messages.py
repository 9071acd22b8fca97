"""Message boxes that do not block: opened with open(), so tests can find and close them.

Every dialog in the shell goes through here instead of the static QMessageBox helpers,
whose nested event loops tests cannot drive.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def inform(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Information, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Warning, title, text)


def widen(box: QMessageBox, min_width: int, max_width: int = 900) -> QMessageBox:
    """Give a long, several-line message room: QMessageBox wraps its text narrowly, and
    clips a word longer than a line (a key, a path), so the longest word sets the width."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    metrics = (label or box).fontMetrics()
    longest = max((metrics.horizontalAdvance(word) for word in box.text().split()), default=0)
    width = min(max(min_width, longest + 16), max_width)
    box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {width}px; }}")
    return box
