"""What the database holds, in two tabs: the review queue (workstation.ui.queue_view) and
the quarantined submissions (id, kind, reason, size, time; never their content here).

Each table is a QAbstractTableModel over plain rows, sorted and filtered by a
QSortFilterProxyModel, reloaded off the GUI thread by refresh().
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from workstation.intake.quarantine import QuarantineListing
from workstation.reports import ReportListing
from workstation.session import Session
from workstation.ui.listing import (
    ROW_ROLE,
    SORT_ROLE,
    ListingModel,
    ListingPage,
    size_text,
    when,
)
from workstation.ui.quarantine_actions import QuarantineDetail
from workstation.ui.queue_view import QueueModel, QueuePage, stage_name
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for
from workstation.workflow.holdings import Holdings, load_holdings
from workstation.workflow.my_signoffs import my_signoffs

log = logging.getLogger(__name__)

__all__ = ["ROW_ROLE", "SORT_ROLE", "DatabaseView", "ListingModel", "ListingPage",
           "QuarantineTableModel", "ReportTableModel", "size_text", "when"]


class ReportTableModel(ListingModel[ReportListing]):
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
            return stage_name(item.stage)
        return item.bundle_id

    def sort_value(self, item: ReportListing, column: int) -> Any:
        if column == self.RECEIVED:
            return item.received_at  # ISO 8601 UTC sorts as text
        return self.display(item, column)

    def tooltip(self, item: ReportListing, column: int) -> str | None:
        return f"Submission {item.submission_id}, from bundle {item.bundle_id}"


class QuarantineTableModel(ListingModel[QuarantineListing]):
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


class DatabaseView(QWidget):
    """Two tabs, Queue and Quarantine, reloaded in the background by refresh()."""

    refreshed = Signal()
    open_requested = Signal(int)  # report id: the queue asks for it to be opened

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._closed = False
        self._reload_again = False
        self.loading = False

        self.queue_model = QueueModel(parent=self)
        self.quarantine_model = QuarantineTableModel(parent=self)
        self.queue_page = QueuePage(self.queue_model)
        self.queue_page.search_changed.connect(lambda _text: self.refresh())
        self.queue_page.open_requested.connect(self.open_requested)
        self.quarantine_page = ListingPage(
            self.quarantine_model,
            ("submission", "submissions"),
            "<h3>Nothing in quarantine</h3><p>Submissions that fail their checks on import are "
            "kept here with the reason, so that nothing is lost.</p>",
            "Filter by kind or reason",
        )
        self.quarantine_page.table.sortByColumn(QuarantineTableModel.ID, Qt.SortOrder.DescendingOrder)
        self.quarantine_detail = QuarantineDetail(session)  # reading, fixing, discarding
        self.quarantine_detail.resolved.connect(self.refresh)
        self.quarantine_page.stack.removeWidget(self.quarantine_page.table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.quarantine_page.table)
        split.addWidget(self.quarantine_detail)
        self.quarantine_page.table.show()  # the stack had hidden it
        split.setSizes([300, 260])
        self.quarantine_page.stack.addWidget(split)
        self.quarantine_page.table_holder = split
        self.quarantine_page.table.selectionModel().currentRowChanged.connect(self._on_quarantine_row)
        self.quarantine_page.proxy.modelReset.connect(lambda: self._on_quarantine_row(QModelIndex()))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.queue_page, "Queue")
        self.tabs.addTab(self.quarantine_page, "Quarantine")
        self.error_label = ErrorLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)

    def _on_quarantine_row(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        item = current.data(ROW_ROLE) if current.isValid() else None
        self.quarantine_detail.set_listing(item if isinstance(item, QuarantineListing) else None)

    # ----- for the main window (which never reaches into the pages) -------------------

    def selected_report(self) -> int | None:
        return self.queue_page.selected_report()

    def show_queue_tab(self) -> None:
        self.tabs.setCurrentWidget(self.queue_page)

    def focus_queue(self) -> None:
        self.queue_page.table.setFocus()

    def focus_search(self) -> None:
        self.queue_page.filter_edit.setFocus()
        self.queue_page.filter_edit.selectAll()

    def queue_header(self) -> QByteArray:
        return self.queue_page.table.horizontalHeader().saveState()

    def restore_queue_header(self, state: QByteArray) -> None:
        self.queue_page.table.horizontalHeader().restoreState(state)

    def refresh(self) -> None:
        """Reload both tables from the database, off the GUI thread."""
        if self._closed:
            return
        if self.loading:  # a change landed while loading: load once more afterwards
            self._reload_again = True
            return
        self.loading = True
        session, search = self.session, self.queue_page.search_text
        run_task(lambda: (load_holdings(session, search), my_signoffs(session)), self._on_loaded,
                 self._on_failed)

    def stop(self) -> None:
        """The window is going away: results that arrive later are dropped."""
        self._closed = True

    def _on_loaded(self, loaded: tuple[Holdings, dict[int, str]]) -> None:
        holdings, marks = loaded
        self.loading = False
        if self._closed:
            return
        if self._reload_again:
            self._reload_again = False
            self.refresh()
            return
        self.error_label.clear_error()
        selected = self.queue_page.selected_report()
        self.queue_model.set_marks(marks)
        self.queue_model.set_rows(holdings.queue)
        self.quarantine_model.set_rows(holdings.quarantine)
        if selected is not None:
            self.queue_page.select_report(selected)
        queue_text = (f"Queue ({len(holdings.queue)} found)" if self.queue_page.search_text
                      else f"Queue ({len(holdings.queue)})")
        self.tabs.setTabText(0, queue_text)
        self.tabs.setTabText(1, f"Quarantine ({len(holdings.quarantine)})")
        log.debug("Loaded %d reports, %d quarantined", len(holdings.queue), len(holdings.quarantine))
        self.refreshed.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.loading = False
        self._reload_again = False
        if self._closed:
            return
        self.error_label.show_error(f"The lists could not be loaded. {message_for(exc)}")
