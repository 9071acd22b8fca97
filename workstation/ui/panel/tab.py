"""The Panel tab. On the coordinator: each enrolled reviewer (display name, key fingerprint,
last return, what they hold), every report out on a laptop with its stage and due date
(overdue ones highlighted), late returns, and the conflict queue's count. On a reviewer's
laptop: the reports held here with their due dates and whether work waits to be returned.

The rows come from workstation.exchange.panel_view, loaded off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workstation.exchange.panel_view import Held, HeldHere, LaptopState, PanelReviewer, PanelState
from workstation.ui.listing import ROW_ROLE, ListingModel, ListingPage, when
from workstation.ui.queue_view import stage_name
from workstation.ui.widgets import ErrorLabel

OVERDUE = QColor("#fde2e1")  # a pale red behind overdue rows
OVERDUE_TEXT = QColor("#8a1c12")


def grouped(fingerprint: str) -> str:
    """'3f9c0a1e77d2b6c4e015' -> '3f9c 0a1e 77d2 b6c4 e015' (read aloud in groups of four)."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


def day(timestamp: str | None) -> str:
    return timestamp[:10] if timestamp else "—"


class ReviewerModel(ListingModel[PanelReviewer]):
    NAME, FINGERPRINT, HELD, OVERDUE_COUNT, LAST_RETURN, LATE = range(6)
    HEADERS = ("Reviewer", "Key fingerprint", "Holds", "Overdue", "Last return", "Late returns")
    MONOSPACE_COLUMNS = frozenset({FINGERPRINT})
    RIGHT_ALIGNED_COLUMNS = frozenset({HELD, OVERDUE_COUNT, LATE})
    STRETCH_COLUMN = NAME

    def display(self, item: PanelReviewer, column: int) -> str:
        if column == self.NAME:
            return f"{item.display_name} — {item.name}" if item.display_name else item.name
        if column == self.FINGERPRINT:
            return grouped(item.fingerprint)
        if column == self.HELD:
            return str(item.held)
        if column == self.OVERDUE_COUNT:
            return str(item.overdue)
        if column == self.LAST_RETURN:
            return when(item.last_return) if item.last_return else "none yet"
        return str(item.late_returns)

    def sort_value(self, item: PanelReviewer, column: int) -> Any:
        if column in (self.HELD, self.OVERDUE_COUNT, self.LATE):
            return (item.held, item.overdue, item.late_returns)[
                (self.HELD, self.OVERDUE_COUNT, self.LATE).index(column)]
        return self.display(item, column)

    def tooltip(self, item: PanelReviewer, column: int) -> str | None:
        return f"Laptop key {item.key_id}, enrolled {when(item.enrolled_at)}"

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            item = self.row_at(index.row())
            if index.column() == self.OVERDUE_COUNT and item.overdue:
                return QBrush(OVERDUE_TEXT)
        return super().data(index, role)


class HeldModel(ListingModel[Held]):
    REVIEWER, NUMBER, TITLE, STAGE, REPORT_STAGE, DUE = range(6)
    HEADERS = ("Reviewer", "No.", "Title", "Assigned", "Stage now", "Due")
    RIGHT_ALIGNED_COLUMNS = frozenset({NUMBER})
    STRETCH_COLUMN = TITLE

    def display(self, item: Held, column: int) -> str:
        if column == self.REVIEWER:
            return item.reviewer
        if column == self.NUMBER:
            return str(item.report_id)
        if column == self.TITLE:
            return item.title
        if column == self.STAGE:
            return f"stage {item.stage}"
        if column == self.REPORT_STAGE:
            return stage_name(item.report_stage)
        return day(item.due) + ("  OVERDUE" if item.overdue else "")

    def sort_value(self, item: Held, column: int) -> Any:
        if column == self.NUMBER:
            return item.report_id
        if column == self.DUE:
            return item.due
        return self.display(item, column)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        colour = role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
        if colour and index.isValid() and self.row_at(index.row()).overdue:
            return QBrush(OVERDUE if role == Qt.ItemDataRole.BackgroundRole else OVERDUE_TEXT)
        return super().data(index, role)


class HeldHereModel(ListingModel[HeldHere]):
    NUMBER, TITLE, STAGE, REPORT_STAGE, DUE, TO_RETURN = range(6)
    HEADERS = ("No.", "Title", "Assigned", "Stage now", "Due", "Work to return")
    RIGHT_ALIGNED_COLUMNS = frozenset({NUMBER})
    STRETCH_COLUMN = TITLE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.now = ""

    def display(self, item: HeldHere, column: int) -> str:
        if column == self.NUMBER:
            return str(item.report_id)
        if column == self.TITLE:
            return item.title
        if column == self.STAGE:
            return f"stage {item.stage}"
        if column == self.REPORT_STAGE:
            return stage_name(item.report_stage)
        if column == self.DUE:
            return day(item.due) + ("  EXPIRED" if self.now and item.due < self.now else "")
        return "yes" if item.work_to_return else "no"

    def sort_value(self, item: HeldHere, column: int) -> Any:
        return item.report_id if column == self.NUMBER else self.display(item, column)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        colour = role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
        if colour and index.isValid() and self.now and self.row_at(index.row()).due < self.now:
            return QBrush(OVERDUE if role == Qt.ItemDataRole.BackgroundRole else OVERDUE_TEXT)
        return super().data(index, role)


def banner_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dueBanner")
    label.setWordWrap(True)
    label.setStyleSheet("QLabel#dueBanner { background: #fff4ce; color: #5c4400; border: 1px solid #e0c060;"
                        " padding: 6px 10px; }")
    label.hide()
    return label


class PanelTab(QWidget):
    """The tab; `coordinator` chooses which side it shows. The installer wires the buttons."""

    conflicts_requested = Signal()

    def __init__(self, coordinator: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coordinator = coordinator
        self.error_label = ErrorLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.folder_status = QLabel("Exchange folder: none set (Panel > Exchange folder…).")
        self.folder_status.setObjectName("folderStatus")
        self.folder_status.setWordWrap(True)
        self.folder_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = banner_label()
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addWidget(self.banner)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addLayout(self.buttons)
        layout.addLayout(top)
        if coordinator:
            self.reviewer_model = ReviewerModel(parent=self)
            self.held_model = HeldModel(parent=self)
            self.reviewers_page = ListingPage(
                self.reviewer_model, ("reviewer", "reviewers"),
                "<h3>No laptop enrolled yet</h3><p>Panel > Enrol reviewer… takes in a reviewer's enrolment "
                "file once they have read its fingerprint to you.</p>", "Filter reviewers")
            self.held_page = ListingPage(
                self.held_model, ("report out", "reports out"),
                "<h3>Nothing is out on a laptop</h3><p>Select reports in the queue, then Panel > Assign…</p>",
                "Filter by reviewer, title or stage")
            self.held_page.table.sortByColumn(HeldModel.DUE, Qt.SortOrder.AscendingOrder)
            self.conflicts_button = QPushButton("Conflicts (0)…")
            self.conflicts_button.clicked.connect(self.conflicts_requested)
            self.buttons.addWidget(self.conflicts_button)
            split = QSplitter(Qt.Orientation.Vertical)
            split.setChildrenCollapsible(False)
            boxes = (("Reviewers", self.reviewers_page), ("Reports out on laptops", self.held_page))
            for title, page in boxes:
                box = QGroupBox(title)
                inner = QVBoxLayout(box)
                inner.setContentsMargins(6, 6, 6, 6)
                inner.addWidget(page)
                split.addWidget(box)
            split.setSizes([150, 370])
            layout.addWidget(split, 1)
        else:
            self.here_model = HeldHereModel(parent=self)
            self.here_page = ListingPage(
                self.here_model, ("report held", "reports held"),
                "<h3>No work on this laptop</h3><p>Panel > Import work packet… takes in an assignment "
                "from the coordinator (or put it in the exchange folder).</p>", "Filter by title or stage")
            self.here_page.table.sortByColumn(HeldHereModel.DUE, Qt.SortOrder.AscendingOrder)
            layout.addWidget(self.here_page, 1)
        layout.addWidget(self.folder_status)
        self.state: PanelState | LaptopState | None = None

    def add_button(self, button: QPushButton) -> None:
        self.buttons.addWidget(button)

    def show_panel(self, state: PanelState) -> None:
        self.state = state
        self.error_label.clear_error()
        self.reviewer_model.set_rows(state.reviewers)
        self.held_model.set_rows(state.held)
        self.conflicts_button.setText(f"Conflicts ({state.open_conflicts})…")
        self.conflicts_button.setEnabled(state.open_conflicts > 0)
        late = f", {len(state.late_returns)} late return(s)" if state.late_returns else ""
        self.summary.setText(
            f"<b>{len(state.reviewers)}</b> reviewer laptop(s) enrolled; "
            f"<b>{len(state.held)}</b> report(s) out, "
            f"<b style='color:#8a1c12'>{state.overdue}</b> overdue{late}; "
            f"<b>{state.open_conflicts}</b> conflict(s) to resolve.")

    def show_laptop(self, state: LaptopState) -> None:
        self.state = state
        self.error_label.clear_error()
        self.here_model.now = state.now
        self.here_model.set_rows(state.held)
        waiting = sum(1 for h in state.held if h.work_to_return)
        trusted = (f"coordinator key {grouped(state.coordinator_fingerprint)}"
                   if state.coordinator_fingerprint
                   else "no coordinator trusted yet (Panel > Trust coordinator…)")
        self.summary.setText(f"<b>{len(state.held)}</b> report(s) held on this laptop, <b>{waiting}</b> with "
                             f"work to return; {trusted}.")
        self.set_banner(" ".join(w.text() for w in state.warnings))

    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def selected_held(self) -> list[int]:
        """Report numbers selected among the reports out (coordinator)."""
        page = self.held_page if self.coordinator else self.here_page
        rows = page.table.selectionModel().selectedRows()
        return sorted({index.data(ROW_ROLE).report_id for index in rows})
