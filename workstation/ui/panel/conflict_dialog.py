"""Panel > Conflicts…: returned work that was not merged because the report changed here,
or was revoked or re-assigned. Per report, side by side: what this workstation holds now
(the commands made here since the assignment, and what would be published) and the
returned work (its commands, and what would be published with them applied, worked out
without writing anything). "Apply returned work" replays the commands; "Discard with
reason" keeps the coordinator's state and records why."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workstation.exchange.conflicts import resolve
from workstation.exchange.panel_view import ConflictPreview, preview_conflicts, published_parts
from workstation.session import Session
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for

log = logging.getLogger(__name__)

CHANGED = "#fff1b8"  # behind a published part the returned work changes


def side_html(commands: tuple[str, ...], content: dict | None, changed: tuple[str, ...], *,
              empty: str, refusal: str | None = None) -> str:
    items = "".join(f"<li>{html.escape(c)}</li>" for c in commands) or f"<li><i>{html.escape(empty)}</i></li>"
    out = [f"<p><b>Commands</b></p><ul>{items}</ul>"]
    if refusal is not None:
        out.append(f"<p style='color:#b00020'><b>Cannot be applied as it is:</b> {html.escape(refusal)}</p>")
    if content is not None:
        out.append("<p><b>Published preview</b></p>")
        for name, text in published_parts(content).items():
            style = f" style='background:{CHANGED}'" if name in changed else ""
            shown = html.escape(text) or "<i>(empty)</i>"
            out.append(f"<div{style}><b>{html.escape(name)}:</b> {shown}</div>")
    return "".join(out)


class ConflictDialog(QDialog):
    resolved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.previews: list[ConflictPreview] = []
        self.busy = False
        self.setWindowTitle("Conflicts")
        self.list = QListWidget()
        self.list.setMinimumWidth(240)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._show)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.ours = QTextBrowser()
        self.theirs = QTextBrowser()
        ours_box = QGroupBox("On this workstation now (commands here since the assignment)")
        theirs_box = QGroupBox("The returned work (if applied)")
        for box, browser in ((ours_box, self.ours), (theirs_box, self.theirs)):
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 6, 6, 6)
            inner.addWidget(browser)
        sides = QSplitter(Qt.Orientation.Horizontal)
        sides.addWidget(ours_box)
        sides.addWidget(theirs_box)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("Why the returned work is discarded (needed to discard)")
        self.apply_button = QPushButton("&Apply returned work")
        self.apply_button.clicked.connect(lambda: self.settle(apply=True))
        self.discard_button = QPushButton("&Discard with reason")
        self.discard_button.clicked.connect(lambda: self.settle(apply=False))
        close = QPushButton("&Close")
        close.clicked.connect(self.accept)
        self.error_label = ErrorLabel()
        self.empty_label = QLabel("<h3>No open conflicts</h3><p>Every return so far merged as it was.</p>")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.reason_edit, 1)
        actions.addWidget(self.discard_button)
        actions.addWidget(self.apply_button)
        actions.addWidget(close)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(sides, 1)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.list)
        main.addWidget(right)
        main.setSizes([240, 860])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(main, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(actions)
        self.main_split = main
        self.resize(1100, 620)
        self._set_buttons()

    def reload(self) -> None:
        self.busy = True
        self._set_buttons()
        session = self.session
        run_task(lambda: preview_conflicts(session), self._loaded, self._failed)

    def _loaded(self, previews: list[ConflictPreview]) -> None:
        self.busy = False
        self.previews = previews
        self.list.clear()
        for preview in previews:
            item = QListWidgetItem(f"Report {preview.conflict.report_id} — {preview.conflict.reason}\n"
                                   f"{preview.title}")
            item.setToolTip(preview.conflict.reason)
            self.list.addItem(item)
        self.empty_label.setVisible(not previews)
        self.main_split.setVisible(bool(previews))
        if previews:
            self.list.setCurrentRow(0)
        self._set_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.error_label.show_error(message_for(exc))
        self._set_buttons()

    def current(self) -> ConflictPreview | None:
        row = self.list.currentRow()
        return self.previews[row] if 0 <= row < len(self.previews) else None

    def _show(self, _row: int) -> None:
        preview = self.current()
        self._set_buttons()
        if preview is None:
            self.header.clear()
            self.ours.clear()
            self.theirs.clear()
            return
        found = preview.conflict
        changed = ", ".join(preview.changed) if preview.changed else "nothing that is published"
        self.header.setText(
            f"<b>Report {found.report_id}</b> — {html.escape(preview.title)}<br>Not merged: "
            f"{html.escape(found.reason)} (return of {found.created_at[:10]}). "
            "The returned work would change: "
            f"{html.escape(changed)}.")
        self.ours.setHtml(side_html(preview.ours, preview.current, preview.changed,
                                    empty="nothing since the assignment"))
        self.theirs.setHtml(side_html(preview.theirs, preview.with_return, preview.changed,
                                      empty="no commands", refusal=preview.refusal))

    def _set_buttons(self) -> None:
        preview = None if self.busy else self.current()
        self.apply_button.setEnabled(preview is not None and preview.refusal is None)
        self.discard_button.setEnabled(preview is not None)
        self.reason_edit.setEnabled(preview is not None)

    def settle(self, *, apply: bool) -> None:
        preview = self.current()
        if preview is None or self.busy:
            return
        reason = self.reason_edit.text()
        conflict_id, session = preview.conflict.id, self.session
        self.busy = True
        self._set_buttons()
        self.error_label.clear_error()

        def done(_result: object) -> None:
            log.info("Conflict %d %s", conflict_id, "applied" if apply else "discarded")
            self.reason_edit.setText("")
            self.resolved.emit()
            self.reload()

        run_task(lambda: resolve(session, conflict_id, apply=apply, reason=reason), done, self._failed)
