"""Shared pieces of the list tabs: a table model over plain row objects and a page with a
filter box, a sortable read-only table, and a hint instead of an empty table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.ui.widgets import monospace_font

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts correctly (raw time, number)

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

def when(timestamp: str) -> str:
    """'2026-03-02T14:05:00Z' -> '2026-03-02 14:05 UTC' (the stored text if it is unusual)."""
    if len(timestamp) >= 16 and timestamp[10] == "T" and timestamp.endswith("Z"):
        return f"{timestamp[:10]} {timestamp[11:16]} UTC"
    return timestamp


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size / (1024 * 1024):.1f} MiB"


class ListingModel(QAbstractTableModel, Generic[Row]):
    """A table over plain row objects: subclasses say what each column shows and sorts by."""

    HEADERS: ClassVar[tuple[str, ...]] = ()
    MONOSPACE_COLUMNS: ClassVar[frozenset[int]] = frozenset()
    STRETCH_COLUMN: ClassVar[int] = -1  # the column that takes the width left over (-1: none)
    RIGHT_ALIGNED_COLUMNS: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, rows: Sequence[Row] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = list(rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """A reload: a model reset (not one change per row)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return item
        if role == SORT_ROLE:
            return self.sort_value(item, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        if role == Qt.ItemDataRole.FontRole and column in self.MONOSPACE_COLUMNS:
            return monospace_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = (Qt.AlignmentFlag.AlignRight if section in self.RIGHT_ALIGNED_COLUMNS
                    else Qt.AlignmentFlag.AlignLeft)
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # read-only

    # ----- what subclasses fill in ---------------------------------------------------

    def display(self, item: Row, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, item: Row, column: int) -> Any:
        return self.display(item, column)

    def tooltip(self, item: Row, column: int) -> str | None:
        return None


class ListingPage(QWidget):
    """A filter box and a sortable read-only table; a hint instead of an empty table."""

    def __init__(
        self,
        model: ListingModel[Any],
        noun: tuple[str, str],
        empty_hint: str,
        filter_hint: str,
        parent: QWidget | None = None,
        *,
        proxy: QSortFilterProxyModel | None = None,
        live_filter: bool = True,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._noun = noun  # (one, several)
        self.proxy = proxy if proxy is not None else QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # any column

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(filter_hint)
        self.filter_edit.setClearButtonEnabled(True)
        if live_filter:  # else the page decides what the box does (the queue searches)
            self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel()
        top = self.top_layout = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)  # compact, one line each
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        if model.STRETCH_COLUMN >= 0:
            header.setSectionResizeMode(model.STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)

        self.empty_label = QLabel(empty_hint)
        self.empty_label.setObjectName("emptyHint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setContentsMargins(24, 24, 24, 24)

        self.table_holder: QWidget = self.table  # what the stack shows when there are rows
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        model.modelReset.connect(self._update)
        self.proxy.rowsInserted.connect(self._update)
        self.proxy.rowsRemoved.connect(self._update)
        self.proxy.layoutChanged.connect(self._update)
        self.proxy.modelReset.connect(self._update)
        self._update()

    def _update(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.stack.setCurrentWidget(self.table_holder if total else self.empty_label)
        self.filter_edit.setEnabled(bool(total))
        noun = self._noun[0] if total == 1 else self._noun[1]
        self.count_label.setText(f"{shown} of {total} {noun}" if shown != total else f"{total} {noun}")

    def rows(self) -> list[Any]:
        """The row objects in the order shown (after sorting and filtering)."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]


