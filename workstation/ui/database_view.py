"""A read-only look at what the database holds: reports and quarantined submissions.

Only ids, stages, times, kinds and reasons are shown, never report text (the review queue
is a later issue). Each table is a QAbstractTableModel over the plain rows that
`workstation.reports` returns, sorted and filtered by a QSortFilterProxyModel.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.reports import QuarantineListing, ReportListing, list_quarantine, list_reports
from workstation.store.database import Database
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, monospace_font

log = logging.getLogger(__name__)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts correctly (raw time, number)

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

STAGE_NAMES = {
    "received": "Received",
}


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


class _ListingModel(QAbstractTableModel, Generic[Row]):
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


class ReportTableModel(_ListingModel[ReportListing]):
    RECEIVED, SUBMISSION_ID, STAGE, BUNDLE = range(4)
    HEADERS = ("Received", "Submission id", "Stage", "From bundle")
    MONOSPACE_COLUMNS = frozenset({SUBMISSION_ID, BUNDLE})
    STRETCH_COLUMN = BUNDLE

    def display(self, item: ReportListing, column: int) -> str:
        if column == self.RECEIVED:
            return when(item.received_at)
        if column == self.SUBMISSION_ID:
            return item.submission_id
        if column == self.STAGE:
            return STAGE_NAMES.get(item.stage, item.stage)
        return item.bundle_id

    def sort_value(self, item: ReportListing, column: int) -> Any:
        if column == self.RECEIVED:
            return item.received_at  # ISO 8601 UTC sorts as text
        return self.display(item, column)

    def tooltip(self, item: ReportListing, column: int) -> str | None:
        return f"Submission {item.submission_id}, from bundle {item.bundle_id}"


class QuarantineTableModel(_ListingModel[QuarantineListing]):
    ID, KIND, REASON, SIZE, WHEN = range(5)
    HEADERS = ("Id", "Kind", "Reason", "Size", "Quarantined")
    RIGHT_ALIGNED_COLUMNS = frozenset({ID, SIZE})
    STRETCH_COLUMN = REASON  # the long one takes the room left

    def display(self, item: QuarantineListing, column: int) -> str:
        if column == self.ID:
            return str(item.id)
        if column == self.KIND:
            return item.kind
        if column == self.REASON:
            return item.reason
        if column == self.SIZE:
            return size_text(item.size)
        return when(item.quarantined_at)

    def sort_value(self, item: QuarantineListing, column: int) -> Any:
        if column == self.ID:
            return item.id
        if column == self.SIZE:
            return item.size
        if column == self.WHEN:
            return item.quarantined_at
        return self.display(item, column)

    def tooltip(self, item: QuarantineListing, column: int) -> str | None:
        if column == self.REASON:
            return item.reason  # long reasons are elided in the table
        return f"Submission {item.submission_id}, from bundle {item.bundle_id}"


class ListingPage(QWidget):
    """A filter box and a sortable read-only table; a hint instead of an empty table."""

    def __init__(
        self,
        model: _ListingModel[Any],
        noun: tuple[str, str],
        empty_hint: str,
        filter_hint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._noun = noun  # (one, several)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # any column

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(filter_hint)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel()
        top = QHBoxLayout()
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
        self.stack.setCurrentWidget(self.table if total else self.empty_label)
        self.filter_edit.setEnabled(bool(total))
        noun = self._noun[0] if total == 1 else self._noun[1]
        self.count_label.setText(f"{shown} of {total} {noun}" if shown != total else f"{total} {noun}")

    def rows(self) -> list[Any]:
        """The row objects in the order shown (after sorting and filtering)."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]


@dataclass(frozen=True)
class Holdings:
    reports: list[ReportListing]
    quarantine: list[QuarantineListing]


def load_holdings(db: Database) -> Holdings:
    return Holdings(list_reports(db), list_quarantine(db))


class DatabaseView(QWidget):
    """Two tabs, Reports and Quarantine, reloaded in the background by refresh()."""

    refreshed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._closed = False
        self._reload_again = False
        self.loading = False

        self.reports_model = ReportTableModel(parent=self)
        self.quarantine_model = QuarantineTableModel(parent=self)
        self.reports_page = ListingPage(
            self.reports_model,
            ("report", "reports"),
            "<h3>No reports yet</h3><p>Use <b>File › Import bundle…</b> (Ctrl+I) to import the "
            "submission bundles received from intake.</p>",
            "Filter by submission id, date, stage or bundle",
        )
        self.quarantine_page = ListingPage(
            self.quarantine_model,
            ("submission", "submissions"),
            "<h3>Nothing in quarantine</h3><p>Submissions that fail their checks on import are "
            "kept here with the reason, so that nothing is lost.</p>",
            "Filter by kind or reason",
        )
        self.reports_page.table.sortByColumn(ReportTableModel.RECEIVED, Qt.SortOrder.DescendingOrder)
        self.quarantine_page.table.sortByColumn(QuarantineTableModel.ID, Qt.SortOrder.DescendingOrder)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.reports_page, "Reports")
        self.tabs.addTab(self.quarantine_page, "Quarantine")
        self.error_label = ErrorLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        """Reload both tables from the database, off the GUI thread."""
        if self._closed:
            return
        if self.loading:  # a change landed while loading: load once more afterwards
            self._reload_again = True
            return
        self.loading = True
        db = self._db
        run_task(lambda: load_holdings(db), self._on_loaded, self._on_failed)

    def stop(self) -> None:
        """The window is going away: results that arrive later are dropped."""
        self._closed = True

    def _on_loaded(self, holdings: Holdings) -> None:
        self.loading = False
        if self._closed:
            return
        if self._reload_again:
            self._reload_again = False
            self.refresh()
            return
        self.error_label.clear_error()
        self.reports_model.set_rows(holdings.reports)
        self.quarantine_model.set_rows(holdings.quarantine)
        self.tabs.setTabText(0, f"Reports ({len(holdings.reports)})")
        self.tabs.setTabText(1, f"Quarantine ({len(holdings.quarantine)})")
        log.debug("Loaded %d reports, %d quarantined", len(holdings.reports), len(holdings.quarantine))
        self.refreshed.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.loading = False
        self._reload_again = False
        if self._closed:
            return
        self.error_label.show_error(f"The lists could not be loaded. {message_for(exc)}")
