"""The review queue: one row per report (received, title, stage, what is left to decide,
flags), filtered by stage and status and searched with SQLite FTS5.

The rows come from `workstation.workflow.holdings.load_queue`, loaded off the GUI thread by
DatabaseView. Double-click or Enter asks for the report to be opened (open_requested).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from workstation.review.queue import QueueRow
from workstation.stages import STAGE_NAMES, Stage
from workstation.ui.listing import ROW_ROLE, SORT_ROLE, ListingModel, ListingPage, when
from workstation.workflow.holdings import QueueItem

AnyIndex = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


def stage_name(stage: str) -> str:
    try:
        return STAGE_NAMES[Stage(stage)]
    except ValueError:
        return stage


def to_decide_text(row: QueueRow) -> str:
    if not row.suggestions:
        return "none"
    if not row.pending:
        return f"all {row.suggestions} decided"
    return f"{row.pending} of {row.suggestions}"


class QueueModel(ListingModel[QueueItem]):
    RECEIVED, TITLE, STAGE, TO_DECIDE, FLAGS, NUMBER = range(6)
    # The report's number last: commands and the linking dialog take it.
    HEADERS = ("Received", "Title", "Stage", "To decide", "Flags", "No.")
    STRETCH_COLUMN = TITLE
    RIGHT_ALIGNED_COLUMNS = frozenset({TO_DECIDE, NUMBER})
    def __init__(self, rows: Sequence[QueueItem] = (), parent: QWidget | None = None) -> None:
        super().__init__(rows, parent)
        # report id -> "✓ signed stage 1 by you" and the like (workflow/my_signoffs.py)
        self.marks: dict[int, str] = {}

    def set_marks(self, marks: dict[int, str]) -> None:
        """The signed-in reviewer's current sign-offs, shown in the Flags column; call before
        set_rows (which resets the model)."""
        self.marks = dict(marks)

    def flags_text(self, item: QueueItem) -> str:
        mark = self.marks.get(item.row.report_id)
        return ", ".join(part for part in (mark, item.flags) if part)

    def display(self, item: QueueItem, column: int) -> str:
        row = item.row
        if column == self.RECEIVED:
            return when(row.received_at)
        if column == self.TITLE:
            return row.title
        if column == self.STAGE:
            return stage_name(row.stage)
        if column == self.TO_DECIDE:
            return to_decide_text(row)
        if column == self.NUMBER:
            return str(row.report_id)
        return self.flags_text(item)

    def sort_value(self, item: QueueItem, column: int) -> Any:
        if column == self.RECEIVED:
            return item.row.received_at
        if column == self.TO_DECIDE:
            return item.row.pending * 10_000 + item.row.suggestions
        if column == self.NUMBER:
            return item.row.report_id
        if column == self.STAGE:
            return list(Stage).index(Stage(item.row.stage)) if item.row.stage in set(Stage) else 99
        return self.display(item, column)

    def tooltip(self, item: QueueItem, column: int) -> str | None:
        if column == self.TITLE:
            return item.row.title
        if column == self.FLAGS and item.row.report_id in self.marks and not item.flags:
            return "Your sign-off on this report stands (it goes stale if the report changes)."
        if column == self.FLAGS and item.row.conflicts:
            return ("A quarantined submission has the same id but different content: "
                    "see the Quarantine tab.")
        if column == self.FLAGS and item.linked:
            return "Other officers' reports of the same incident are linked with this one."
        return f"Submission {item.row.submission_id}"


STATUS_FILTERS = {
    "any": "Any status",
    "to_decide": "Suggestions to decide",
    "decided": "All suggestions decided",
    "flagged": "Flagged",
}


class QueueFilter(QSortFilterProxyModel):
    """Stage and status filters on top of the text filter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = ""  # "" for every stage
        self.status = "any"

    def set_stage(self, stage: str) -> None:
        self.beginFilterChange()
        self.stage = stage
        self.endFilterChange()

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        item = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if not isinstance(item, QueueItem):
            return True
        if self.stage and item.row.stage != self.stage:
            return False
        return item.has_status(self.status)


class QueuePage(ListingPage):
    """The queue table with a search box (FTS5, reloaded from the database after a pause in
    typing) and stage and status filters (applied in the proxy)."""

    search_changed = Signal(str)
    open_requested = Signal(int)  # report id

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        proxy = QueueFilter()
        super().__init__(
            model,
            ("report", "reports"),
            "<h3>No reports yet</h3><p>Use <b>File › Import bundle…</b> (Ctrl+I) to import the "
            "submission bundles received from intake.</p>",
            "Search titles and text (Ctrl+F)",
            parent,
            proxy=proxy,
            live_filter=False,
        )
        self.filter_proxy = proxy
        proxy.setParent(self)
        self.search_text = ""
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.filter_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.filter_edit.returnPressed.connect(self._search_now)

        self.stage_combo = QComboBox()
        self.stage_combo.setAccessibleName("Stage filter")
        self.stage_combo.addItem("All stages", "")
        for stage, name in STAGE_NAMES.items():
            self.stage_combo.addItem(name, stage.value)
        self.stage_combo.currentIndexChanged.connect(
            lambda _i: self.filter_proxy.set_stage(self.stage_combo.currentData()))
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("Status filter")
        for key, name in STATUS_FILTERS.items():
            self.status_combo.addItem(name, key)
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self.filter_proxy.set_status(self.status_combo.currentData()))
        self.top_layout.insertWidget(1, self.stage_combo)
        self.top_layout.insertWidget(2, self.status_combo)
        self.filter_proxy.layoutChanged.connect(self._update)
        self.filter_proxy.rowsInserted.connect(self._update)
        self.filter_proxy.rowsRemoved.connect(self._update)

        self.table.activated.connect(self._on_activated)
        self.table.sortByColumn(QueueModel.RECEIVED, Qt.SortOrder.DescendingOrder)

    def _search_now(self) -> None:
        self._search_timer.stop()
        text = self.filter_edit.text().strip()
        if text != self.search_text:
            self.search_text = text
            self.search_changed.emit(text)

    def _update(self) -> None:
        super()._update()
        searching = bool(getattr(self, "search_text", ""))
        self.filter_edit.setEnabled(bool(self.model.rowCount()) or searching)
        if searching and not self.model.rowCount():
            self.stack.setCurrentWidget(self.table_holder)
            self.count_label.setText("no matches")

    def _on_activated(self, index: QModelIndex) -> None:
        item = index.data(ROW_ROLE)
        if isinstance(item, QueueItem):
            self.open_requested.emit(item.report_id)

    def selected_report(self) -> int | None:
        index = self.table.currentIndex()
        item = index.data(ROW_ROLE) if index.isValid() else None
        return item.report_id if isinstance(item, QueueItem) else None

    def neighbour(self, report_id: int, delta: int) -> int | None:
        """The report before (-1) or after (+1) `report_id` in the queue as it is sorted and
        filtered now (the review's stream: finish one, open the next); it becomes the one
        selected. None at either end, or when `report_id` is not in the queue as filtered."""
        ids = [item.report_id for r in range(self.proxy.rowCount())
               if isinstance(item := self.proxy.index(r, 0).data(ROW_ROLE), QueueItem)]
        if report_id not in ids:
            return None
        at = ids.index(report_id) + delta
        if not 0 <= at < len(ids):
            return None
        self.select_report(ids[at])
        return ids[at]

    def select_report(self, report_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            item = index.data(ROW_ROLE)
            if isinstance(item, QueueItem) and item.report_id == report_id:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return


__all__ = ["SORT_ROLE", "QueueItem", "QueueModel", "QueuePage"]
