"""Dragging a highlight's edge to widen or narrow it (a part of ReviewView), as Acrobat's
redaction boxes and Label Studio's regions are resized: over an edge of a suggestion the
pointer becomes a resize arrow; press, drag and release, and the edge moves to the nearest
word boundary (one ResizeSpan command, undoable). Anywhere else the mouse selects text as
before. Shift+arrows do the same from the keyboard (actions.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor

from workstation.review.spans import ReviewSpan
from workstation.ui.review.text_sync import Offsets
from workstation.workflow import actions

if TYPE_CHECKING:
    from workstation.ui.review.host import ReviewViewHost as _Base
else:
    _Base = object

GRAB_PIXELS = 4  # how near an edge the pointer must be to take it


class EdgeDrag(_Base):
    _dragging: tuple[ReviewSpan, str] | None = None  # (span, "start" or "end") while dragging

    def _install_edge_drag(self) -> None:
        viewport = self.original_edit.viewport()
        viewport.setMouseTracking(True)
        viewport.installEventFilter(self)

    def _edge_at(self, pos: QPoint) -> tuple[ReviewSpan, str] | None:
        """The suggestion edge under the pointer, if it is within GRAB_PIXELS of one."""
        review = self.review
        if review is None or self.original_hidden or self.loading:
            return None
        edit = self.original_edit
        offsets = self._offsets.get(self.field) or Offsets("")
        for span in review.spans:
            if span.field != self.field:
                continue
            for edge, offset in (("start", span.start), ("end", span.end)):
                cursor = QTextCursor(edit.document())
                cursor.setPosition(min(offsets.to_qt(offset), edit.document().characterCount() - 1))
                rect = edit.cursorRect(cursor)
                if abs(rect.center().x() - pos.x()) <= GRAB_PIXELS and rect.top() <= pos.y() <= rect.bottom():
                    return span, edge
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.original_edit.viewport() or not isinstance(event, QMouseEvent):
            return super().eventFilter(watched, event)
        pos = event.position().toPoint()
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = self._edge_at(pos)
            if self._dragging is not None:
                # (it becomes the current one on release: made current now, it would be drawn
                # bold and the line could wrap anew under the pointer)
                return True  # no text selection: this is a drag of the edge
        elif kind == QEvent.Type.MouseMove:
            if self._dragging is not None:
                return True
            over = event.buttons() == Qt.MouseButton.NoButton and self._edge_at(pos) is not None
            watched_widget = self.original_edit.viewport()
            watched_widget.setCursor(Qt.CursorShape.SizeHorCursor if over else Qt.CursorShape.IBeamCursor)
        elif kind == QEvent.Type.MouseButtonRelease and self._dragging is not None:
            span, edge = self._dragging
            self._dragging = None
            self._drop_edge(span, edge, pos)
            return True
        return super().eventFilter(watched, event)

    def _drop_edge(self, span: ReviewSpan, edge: str, pos: QPoint) -> None:
        review = self.review
        if review is None:
            return
        offsets = self._offsets.get(span.field) or Offsets("")
        to = offsets.from_qt(self.original_edit.cursorForPosition(pos).position())
        grow = to < span.start if edge == "start" else to > span.end
        if to in (span.start, span.end):
            return  # dropped where it was
        if self._apply(lambda: actions.resize_span(self.session, review.report_id, span.id, review.texts,
                                                   edge, grow, to=to)) is not None:
            self.set_current(span.id)
