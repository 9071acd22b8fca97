"""Linked reports, from the review view's Workflow menu: the incident the open report
belongs to (its primary and supplemental reports), likely links suggested by text
similarity and matching incident fields, and linking or unlinking them.

Everything goes through `workstation.workflow.actions` (audited there); what is shown
comes from `workstation.workflow.linking_view` (one query per list, not one per row).
Suggesting reads every report, so it runs off the GUI thread, as do the links themselves. Linking changes
the placeholders of the supplemental reports (one book for the whole incident), so a
sign-off that covered the old text goes stale (the domain sees to it); the dialog says so.

Titles are shown to the reviewer here, as in the queue; they are never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import InputError, WorkstationError
from workstation.session import Session
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for
from workstation.workflow.actions import LinkOutcome, link_with, unlink_with
from workstation.workflow.linking_view import (
    MAX_NUMBER_LENGTH,
    SUGGESTED,
    Incident,
    Suggested,
    load_incident,
    load_suggestions,
    parse_number,
)

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole


def _tree(headers: Sequence[str], name: str, rows: int) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setAccessibleName(name)
    tree.setColumnCount(len(headers))
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setAllColumnsShowFocus(True)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionsMovable(False)
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    # Room for `rows` rows without scrolling; more scroll.
    row_height = tree.fontMetrics().height() + 4
    tree.setMinimumHeight(header.sizeHint().height() + rows * row_height + 2 * tree.frameWidth() + 4)
    return tree


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class LinkingDialog(QDialog):
    """The open report's incident, likely links, and linking by report number."""

    links_changed = Signal(int)  # the open report's id: its incident changed

    INCIDENT_HEADERS = ("Role", "No.", "Received", "Stage", "Title")
    SUGGESTION_HEADERS = ("Match", "No.", "Received", "Stage", "Title", "Why")
    TITLE, WHY = 4, 5

    def __init__(self, session: Session, report_id: int, parent: QWidget | None = None, *,
                 on_changed: Callable[[int], object] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report_id = report_id
        self.on_changed = on_changed  # called after each link or unlink, even once closed
        self.incident: Incident | None = None
        self.suggested: list[Suggested] = []
        self.busy = False
        self.searching = False
        self._gone = False  # closed: late results are ignored
        self._searches = 0
        self.setWindowTitle("Linked reports")

        intro = QLabel("Officers' reports of one incident are linked: one primary, the others "
                       "supplemental. Linked reports share their placeholders, so the same person "
                       "is the same [Person N] in all of them.")
        intro.setWordWrap(True)

        self.incident_tree = _tree(self.INCIDENT_HEADERS, "Reports of this incident", 3)
        self.incident_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.incident_tree.itemSelectionChanged.connect(self._update)
        self.incident_tree.header().setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        self.incident_note = QLabel()
        self.incident_note.setWordWrap(True)
        self.unlink_button = QPushButton("&Unlink")
        self.unlink_button.setToolTip("Take the selected report out of the incident (unlinking the "
                                      "primary ends the incident: every report is unlinked)")
        self.unlink_button.clicked.connect(self.unlink_selected)

        self.suggestion_tree = _tree(self.SUGGESTION_HEADERS, "Likely links", SUGGESTED)
        self.suggestion_tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.suggestion_tree.itemSelectionChanged.connect(self._update)
        self.suggestion_tree.currentItemChanged.connect(lambda _now, _before: self._show_why())
        header = self.suggestion_tree.header()
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.WHY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.WHY, self.fontMetrics().horizontalAdvance("x" * 34))
        self.why_label = QLabel()  # the current suggestion's reasons in full (the column elides)
        self.why_label.setWordWrap(True)
        self.why_label.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestion_status = QLabel()
        self.suggestion_status.setWordWrap(True)
        self.link_button = QPushButton("&Link as supplemental")
        self.link_button.setToolTip("Link the selected reports with this one (Enter in the list)")
        self.link_button.clicked.connect(self.link_selected)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter in the list links the selection
            shortcut = QShortcut(QKeySequence(key), self.suggestion_tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.link_selected)

        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("e.g. 42")
        self.number_edit.setMaxLength(MAX_NUMBER_LENGTH + 1)
        self.number_edit.setAccessibleName("Report number to link")
        self.number_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 12) + 16)
        self.number_edit.returnPressed.connect(self.link_number)
        number_label = QLabel("Link report &number:")
        number_label.setBuddy(self.number_edit)
        self.number_button = QPushButton("Lin&k")
        self.number_button.clicked.connect(self.link_number)

        self.error_label = ErrorLabel()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.unlink_button, self.link_button, self.number_button, *buttons.buttons()):
            if isinstance(button, QPushButton):  # Enter belongs to the list or the field that has focus
                button.setAutoDefault(False)
                button.setDefault(False)

        incident_row = QHBoxLayout()
        incident_row.addWidget(self.incident_note, 1)
        incident_row.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignTop)
        suggestion_head = QHBoxLayout()
        suggestion_head.addWidget(_caption("Likely links"))
        suggestion_head.addWidget(self.suggestion_status, 1)
        link_row = QHBoxLayout()
        link_row.addWidget(number_label)
        link_row.addWidget(self.number_edit)
        link_row.addWidget(self.number_button)
        link_row.addStretch(1)
        link_row.addWidget(self.link_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(_caption("This incident"))
        layout.addWidget(self.incident_tree, 2)
        layout.addLayout(incident_row)
        layout.addSpacing(6)
        layout.addLayout(suggestion_head)
        layout.addWidget(self.suggestion_tree, 3)
        layout.addWidget(self.why_label)
        layout.addLayout(link_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.setTabOrder(self.suggestion_tree, self.link_button)
        self.setTabOrder(self.link_button, self.number_edit)
        self.setTabOrder(self.number_edit, self.number_button)
        self.setTabOrder(self.number_button, self.incident_tree)
        self.setTabOrder(self.incident_tree, self.unlink_button)
        self.resize(880, self.minimumSizeHint().height() + 40)
        self.reload()

    # ----- loading -------------------------------------------------------------------

    def reload(self) -> None:
        """The incident (a few rows: read at once) and the suggestions (in the background)."""
        try:
            self._show_incident(load_incident(self.session, self.report_id))
        except WorkstationError as exc:  # e.g. the workstation locked meanwhile
            self.error_label.show_error(exc.message)
        self.find_suggestions()

    def find_suggestions(self) -> None:
        self._searches += 1
        token = self._searches
        self.searching = True
        self.suggestion_tree.clear()
        self.suggested = []
        self._show_why()
        self.suggestion_status.setText("Looking for reports of the same incident…")
        self._update()
        session, rid = self.session, self.report_id

        def done(found: list[Suggested]) -> None:
            if self._gone or token != self._searches:
                return
            self.searching = False
            self._show_suggestions(found)

        def failed(exc: BaseException) -> None:
            if self._gone or token != self._searches:
                return
            self.searching = False
            self.suggestion_status.setText("")
            self.error_label.show_error(message_for(exc))
            self._update()

        run_task(lambda: load_suggestions(session, rid), done, failed)

    def _show_incident(self, incident: Incident) -> None:
        self.incident = incident
        tree = self.incident_tree
        tree.clear()
        tree.setVisible(incident.linked)  # nothing to list or unlink when it stands alone
        self.unlink_button.setVisible(incident.linked)
        if not incident.linked:
            self.incident_note.setText("This report is not linked to other reports.")
            self._update()
            return
        for i, line in enumerate(incident.members):
            role = "Primary" if i == 0 else "Supplemental"
            is_open = line.report_id == incident.report_id
            number = f"{line.report_id} (open)" if is_open else str(line.report_id)
            item = QTreeWidgetItem([role, number, line.received, line.stage_name, line.title])
            item.setData(0, ID_ROLE, line.report_id)
            item.setToolTip(self.TITLE, line.title)
            if is_open:
                font = QFont(item.font(0))
                font.setBold(True)
                for column in range(len(self.INCIDENT_HEADERS)):
                    item.setFont(column, font)
            tree.addTopLevelItem(item)
        others = len(incident.members) - 1
        self.incident_note.setText(
            f"{len(incident.members)} reports of one incident. The supplemental reports number "
            f"their people and places after the primary's." if others else "")
        _select_first(tree)
        self._update()

    def _show_suggestions(self, found: list[Suggested]) -> None:
        self.suggested = found
        tree = self.suggestion_tree
        tree.clear()
        for entry in found:
            line = entry.line
            item = QTreeWidgetItem([entry.percent, str(line.report_id), line.received, line.stage_name,
                                    line.title, entry.why])
            item.setData(0, ID_ROLE, line.report_id)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(self.TITLE, line.title)
            item.setToolTip(self.WHY, entry.why)
            tree.addTopLevelItem(item)
        if found:
            self.suggestion_status.setText(f"{len(found)} found, best first. Enter links the selected ones.")
            _select_first(tree)
            self._show_why()
            tree.setFocus()
        else:
            self.suggestion_status.setText("No likely links found.")
            self.number_edit.setFocus()
        self._update()

    def _show_why(self) -> None:
        item = self.suggestion_tree.currentItem()
        entry = next((e for e in self.suggested if item is not None
                      and e.line.report_id == item.data(0, ID_ROLE)), None)
        self.why_label.setText(f"Report {entry.line.report_id}: {entry.why}." if entry else "")

    def _update(self) -> None:
        incident, current = self.incident, self.incident_tree.currentItem()
        selected = bool(self.incident_tree.selectedItems()) and incident is not None and incident.linked
        is_primary = (selected and incident is not None and current is not None
                      and current.data(0, ID_ROLE) == incident.primary_id)
        self.unlink_button.setText("&Unlink all" if is_primary else "&Unlink")
        self.unlink_button.setEnabled(selected and not self.busy)
        self.link_button.setEnabled(bool(self.suggestion_tree.selectedItems()) and not self.busy)
        self.number_button.setEnabled(not self.busy)
        self.number_edit.setEnabled(not self.busy)

    # ----- linking ---------------------------------------------------------------------

    def selected_suggestions(self) -> list[int]:
        return [int(item.data(0, ID_ROLE)) for item in self.suggestion_tree.selectedItems()]

    def link_selected(self) -> bool:
        chosen = self.selected_suggestions()
        if not chosen or self.busy:
            return False
        self._run(lambda: link_with(self.session, self.report_id, chosen))
        return True

    def link_number(self) -> bool:
        if self.busy:
            return False
        try:
            number = parse_number(self.number_edit.text())
        except InputError as exc:
            self.error_label.show_error(exc.message)
            return False
        self._run(lambda: link_with(self.session, self.report_id, [number]), clear_number=True)
        return True

    def unlink_selected(self) -> bool:
        item = self.incident_tree.currentItem()
        if item is None or self.busy or self.incident is None or not self.incident.linked:
            return False
        rid = int(item.data(0, ID_ROLE))
        self._run(lambda: unlink_with(self.session, rid))
        return True

    def _run(self, work: Callable[[], LinkOutcome], *, clear_number: bool = False) -> None:
        self.busy = True
        self.error_label.clear_error()
        self._update()

        rid, on_changed = self.report_id, self.on_changed

        def done(outcome: LinkOutcome) -> None:
            if on_changed is not None:
                on_changed(rid)
            if self._gone:
                return
            self.busy = False
            if clear_number:
                self.number_edit.setText("")
            self._said(outcome)
            self.reload()
            self.links_changed.emit(rid)

        def failed(exc: BaseException) -> None:
            if self._gone:
                return
            self.busy = False
            self.error_label.show_error(message_for(exc))
            self._update()

        run_task(work, done, failed)

    def _said(self, outcome: LinkOutcome) -> None:
        if outcome.linked:
            joined = self.report_id in outcome.linked
            said = (f"This report joined the incident of report {outcome.primary_id}." if joined else
                    f"Linked as supplemental: report{'s' if len(outcome.linked) > 1 else ''} "
                    f"{', '.join(str(r) for r in outcome.linked)}.")
        else:
            said = "Unlinked."
        if outcome.went_back:
            numbers = ", ".join(str(r) for r in outcome.went_back)
            said += (f" The placeholders of report{'s' if len(outcome.went_back) > 1 else ''} {numbers} "
                     "changed after it was signed: it went back a stage and must be signed again.")
        self.status_label.setText(said)
        self.status_label.show()

    def done(self, result: int) -> None:
        self._gone = True
        super().done(result)

    def shown_suggestions(self) -> list[tuple[str, ...]]:
        """The suggestion rows as shown (for tests and the screenshot)."""
        return _shown_rows(self.suggestion_tree)

    def shown_incident(self) -> list[tuple[str, ...]]:
        return _shown_rows(self.incident_tree)


def _select_first(tree: QTreeWidget) -> None:
    first = tree.topLevelItem(0)
    if first is not None:
        tree.setCurrentItem(first, 0)


def _shown_rows(tree: QTreeWidget) -> list[tuple[str, ...]]:
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [tuple(item.text(c) for c in range(tree.columnCount())) for item in items if item is not None]
