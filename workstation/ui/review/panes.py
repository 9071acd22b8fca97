"""Pieces of the review view's layout: a captioned pane, and the panel shown in place of
the original on a second look."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workstation.ui.review.palette import REVEAL_SHORTCUT


def titled(caption: QLabel, widget: QWidget) -> QWidget:
    """`widget` with its caption above."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(caption)
    layout.addWidget(widget, 1)
    return box


def hidden_panel(reveal: Callable[[], object]) -> tuple[QFrame, QPushButton]:
    """In place of the original on a second look: why it is hidden, and the way to see it."""
    panel = QFrame()
    panel.setObjectName("originalHidden")
    panel.setFrameShape(QFrame.Shape.StyledPanel)
    panel.setStyleSheet("QFrame#originalHidden { background: palette(alternate-base); }"
                        "QLabel#revealNote { color: #5f5f5f; }")
    title = QLabel("The original is hidden")
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    title.setFont(font)
    why = QLabel("Second look: read the published preview first, with fresh eyes, the way a "
                 "reader of the publication will. Is anything in it still identifying?")
    keys = QLabel("Decide the suggestions as usual: <b>a</b> redact, <b>x</b> keep, <b>j</b>/<b>k</b> "
                  "next and previous, <b>1</b>-<b>6</b> label, your own words below. To mark a "
                  "missed identifier in the original text, reveal it first.")
    keys.setTextFormat(Qt.TextFormat.RichText)
    button = QPushButton(f"Reveal original ({REVEAL_SHORTCUT})")
    button.setToolTip("Show the original text of this report; recorded in the audit "
                                  "log (who, which report, when)")
    button.clicked.connect(lambda _checked=False: reveal())
    note = QLabel("Revealing is recorded in the audit log (who, which report, when; never the "
                  "text). It lasts until you leave this report.")
    note.setObjectName("revealNote")
    inner = QWidget()
    inner.setMaximumWidth(460)
    column = QVBoxLayout(inner)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(10)
    for widget in (title, why, keys, button, note):
        if isinstance(widget, QLabel):
            widget.setWordWrap(True)
            column.addWidget(widget)
        else:
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(inner, 8)
    row.addStretch(1)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(16, 16, 16, 16)
    layout.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)
    return panel, button
