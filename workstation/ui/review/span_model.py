"""The table of every suggestion of the open report (label, score, recognizer, decision)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from workstation.review.spans import Decision, ReviewSpan
from workstation.ui.listing import ROW_ROLE
from workstation.ui.review.palette import FIELD_NAMES, HIDDEN_TEXT, LABEL_NAMES, decision_text, fill_colour
from workstation.ui.widgets import recognizer_name

AnyIndex = QModelIndex | QPersistentModelIndex


class SpanModel(QAbstractTableModel):
    """Every span of the report, in reading order (fields in form order)."""

    FIELD, TEXT, LABEL, SCORE, RECOGNIZER, DECISION = range(6)
    HEADERS = ("Field", "Text", "Label", "Score", "Found by", "Decision")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spans: list[ReviewSpan] = []
        self._texts: dict[str, str] = {}
        self._shown: dict[int, str] | None = None  # span id -> text shown instead of the original
        self._all: list[ReviewSpan] = []
        self.label_filter: str | None = None  # show only this label (None: all)
        self.decision_filter: str | None = None  # show only this decision (None: all)

    def _kept(self, spans: Sequence[ReviewSpan]) -> list[ReviewSpan]:
        return [s for s in spans if (self.label_filter is None or s.label == self.label_filter)
                and (self.decision_filter is None or s.decision == self.decision_filter)]

    @property
    def filtered(self) -> bool:
        return self.label_filter is not None or self.decision_filter is not None

    def set_filter(self, label: str | None, decision: str | None) -> None:
        """Show only the suggestions of one label and/or one decision (None: all)."""
        if (label, decision) == (self.label_filter, self.decision_filter):
            return
        self.label_filter, self.decision_filter = label, decision
        self.beginResetModel()
        self._spans = self._kept(self._all)
        self.endResetModel()

    def set_spans(self, spans: Sequence[ReviewSpan], texts: dict[str, str]) -> None:
        """The same spans changed: dataChanged for the rows that did; else a reset."""
        self._all = list(spans)
        spans = self._kept(self._all)
        if texts is self._texts and [s.id for s in spans] == [s.id for s in self._spans]:
            old, self._spans = self._spans, spans
            for row, (before, after) in enumerate(zip(old, spans, strict=True)):
                if before != after:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._spans, self._texts = spans, texts
        self.endResetModel()

    def set_shown(self, shown: dict[int, str] | None) -> None:
        """What the text column shows instead of the original (None: the original itself;
        a span missing from `shown` shows HIDDEN_TEXT)."""
        old, self._shown = self._shown, shown
        if old == shown:
            return
        for row, span in enumerate(self._spans):
            if self._text(span, old) != self._text(span, shown):
                index = self.index(row, self.TEXT)
                self.dataChanged.emit(index, index)

    def _text(self, span: ReviewSpan, shown: dict[int, str] | None) -> str:
        if shown is not None:
            return shown.get(span.id, HIDDEN_TEXT)
        return " ".join(self._texts.get(span.field, "")[span.start:span.end].split())

    def spans(self) -> list[ReviewSpan]:
        """The spans shown (the filter's)."""
        return list(self._spans)

    def all_spans(self) -> list[ReviewSpan]:
        """Every span of the report, in reading order, whatever the filter."""
        return list(self._all)

    def row_of(self, span_id: int | None) -> int:
        for row, span in enumerate(self._spans):
            if span.id == span_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._spans):
            return None
        span = self._spans[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return span
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(span, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.LABEL:
            return fill_colour(span.label, span.state.score)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.LABEL:
            return QColor("#000000")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DECISION:
            if span.decision == Decision.PENDING:
                return QColor("#8a4608")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.RECOGNIZER:
            return span.state.recognizer
        return None

    def _display(self, span: ReviewSpan, column: int) -> str:
        if column == self.FIELD:
            return FIELD_NAMES.get(span.field, span.field)
        if column == self.TEXT:
            return self._text(span, self._shown)
        if column == self.LABEL:
            return LABEL_NAMES[span.label]
        if column == self.SCORE:
            return f"{span.state.score:.2f}"
        if column == self.RECOGNIZER:
            return recognizer_name(span.state.recognizer)
        return decision_text(span)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
