"""The review view: one report, one free-text field at a time, side by side.

Left, the original text with each suggestion highlighted (a colour per label, weaker for
low scores, the current one outlined); right, the live redacted preview with its
placeholders. Below, every suggestion of the report (label, score, recognizer, decision)
and the editor of the current one (label, the reviewer's own replacement, dates to month
and year, apply to all occurrences). Beside it, the coding panel.

Keyboard first (every key in actions.py, listed by `?`): `a` accept, `x` reject, `j`/`k`
the next/previous suggestion still to decide in any field, the arrows next/previous in the
list, `]`/`[` fields, Shift+J/Shift+K the queue's next/previous report, `1`-`6` the label
(or mark the selected text with it), `r` redact the selection, `o` all occurrences, bulk
decisions (bulk_slots.py), Ctrl+Z and Ctrl+Shift+Z undo and redo, Esc back to the queue.
The single keys work while the text or the list has the focus, never while typing in a
field. Every decision is saved at once as a review command (`workstation.workflow.actions`,
one audited transaction each); opening a report (an audited view, read by
`workstation.workflow.review_reads`) runs off the GUI thread. This module builds the view
and opens reports; drawing.py draws them, decisions.py and bulk_slots.py hold the decision
slots, navigation.py the moving, fitting.py the small-screen layout.

Second look (`workstation.workflow.second_look`): from stage 1 signed on, anyone but the
stage-1 signer opens the report redacted first. The original pane then holds no text, only
a "Reveal original" button (Ctrl+Shift+O); the heading shows the publishable title, the
suggestion list what the publication shows in each suggestion's place, and the preview
redacts undecided suggestions too, as publishing would. Decisions on suggestions (a, x,
1-6, own words, all occurrences) work as usual; marking a missed identifier in the
original (r, or 1-6 on a selection) needs the original revealed first. Revealing writes
its audit entry first and lasts for this opening of the report only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workstation.detect.labels import LABELS
from workstation.errors import WorkstationError
from workstation.review.decisions import MAX_REPLACEMENT
from workstation.review.placeholders import PlaceholderBook
from workstation.review.redaction import RedactedField
from workstation.review.report_review import ReportUnderReview
from workstation.review.spans import Decision, ReviewSpan
from workstation.session import Session
from workstation.ui.review.actions import ReviewActions
from workstation.ui.review.bulk_slots import BulkSlots
from workstation.ui.review.coding_panel import CodingPanel
from workstation.ui.review.decisions import DecisionSlots
from workstation.ui.review.details_panel import DetailsPanel
from workstation.ui.review.dragging import EdgeDrag
from workstation.ui.review.drawing import Drawing
from workstation.ui.review.fitting import Fitting
from workstation.ui.review.highlighter import RangeHighlighter
from workstation.ui.review.navigation import Navigation
from workstation.ui.review.palette import (
    FIELD_NAMES,
    HIDDEN_CAPTION,
    LABEL_NAMES,
    ORIGINAL_CAPTION,
    PREVIEW_CAPTION,
    legend_html,
)
from workstation.ui.review.panes import hidden_panel, titled
from workstation.ui.review.span_model import SpanModel
from workstation.ui.review.text_sync import Offsets, invisible_notice, visible_form
from workstation.ui.settings import UiSettings
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for
from workstation.workflow import actions
from workstation.workflow.actions import UndoStack
from workstation.workflow.review_reads import Opened, open_for_review

log = logging.getLogger(__name__)

SAVE_LAYOUT_DELAY_MS = 500  # a dragged splitter is saved once it rests this long


@dataclass(frozen=True)
class Position:
    report_id: int
    span_id: int | None
    field: str


class ReviewView(ReviewActions, Fitting, EdgeDrag, Navigation, BulkSlots, DecisionSlots, Drawing, QWidget):
    back_requested = Signal()
    opened = Signal(int)  # report id: its text is shown
    changed = Signal(int)  # report id: a decision or the coding was saved

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 settings: UiSettings | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings  # where the splitter sizes are remembered (None: nowhere)
        self.review: ReportUnderReview | None = None
        self.report_id: int | None = None
        self.undo_stack = UndoStack(session)
        self._frozen_message: str | None = None  # the 'cannot be changed' notice, while shown
        self.redacted: dict[str, RedactedField] = {}
        self.field = ""
        self.current_id: int | None = None
        self.earlier_book = PlaceholderBook()  # linked reports read before this one
        self.new_label = "PERSON"  # the label `r` marks a selection with (the last one chosen)
        self.keep_popup = None  # the last `x` popup asking why a sure suggestion is kept
        self.redacted_first = False  # this opening started on the redacted version (second look)
        self.revealed = False  # ...and the original was revealed (audited) since
        self.loading = False
        self._token = 0
        self._closed = False
        self._syncing = False
        self._offsets: dict[str, Offsets] = {}
        self._formats: dict[tuple[Any, ...], QTextCharFormat] = {}
        self.resume_at: Position | None = None  # where to return to when this report opens next
        self._build()
        self._build_actions()
        self._update_enabled()
        self._restore_layout()

    def _build(self) -> None:
        self.toolbar = QToolBar("Review")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.heading = QLabel()
        self.heading.setObjectName("reviewHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        self.stage_label = QLabel()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress")
        self.error_label = ErrorLabel()

        self.field_tabs = QTabBar()
        self.field_tabs.setDocumentMode(True)
        self.field_tabs.setExpanding(False)
        self.field_tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.field_tabs.currentChanged.connect(self._on_field_tab)
        self.legend = QLabel(legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setToolTip("Paler: a low score. Keys 1-6 set the label of the current suggestion, "
                               "or mark the selected text with it.")

        self.original_edit = QPlainTextEdit()
        self.original_edit.setReadOnly(True)
        self.original_edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.original_edit.setAccessibleName("Original text")
        self.original_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.original_edit.customContextMenuRequested.connect(self._on_context_menu)
        self._install_edge_drag()
        self.preview_edit = QPlainTextEdit()
        self.preview_edit.setReadOnly(True)
        self.preview_edit.setAccessibleName("Redacted preview")
        self.preview_edit.setUndoRedoEnabled(False)  # edited in place after each decision
        for edit in (self.original_edit, self.preview_edit):
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            font = edit.font()
            font.setPointSizeF(font.pointSizeF() * 1.1)
            edit.setFont(font)
        self.original_highlighter = RangeHighlighter(self.original_edit.document())
        self.preview_highlighter = RangeHighlighter(self.preview_edit.document())
        self.original_edit.verticalScrollBar().valueChanged.connect(
            lambda _v: self._sync_scroll(self.original_edit, self.preview_edit))
        self.preview_edit.verticalScrollBar().valueChanged.connect(
            lambda _v: self._sync_scroll(self.preview_edit, self.original_edit))

        self.original_caption = QLabel(f"<b>{ORIGINAL_CAPTION}</b>")
        self.hidden_panel, self.reveal_button = hidden_panel(self.reveal_original)
        self.original_stack = QStackedWidget()
        self.original_stack.addWidget(self.original_edit)
        self.original_stack.addWidget(self.hidden_panel)
        texts = self.texts_splitter = QSplitter(Qt.Orientation.Horizontal)
        texts.setChildrenCollapsible(False)
        texts.addWidget(titled(self.original_caption, self.original_stack))
        self.preview_caption = QLabel(f"<b>{PREVIEW_CAPTION}</b>")
        texts.addWidget(titled(self.preview_caption, self.preview_edit))

        self.span_model = SpanModel(self)
        self.span_table = QTableView()
        self.span_table.setModel(self.span_model)
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.span_table.setWordWrap(False)
        self.span_table.setAlternatingRowColors(True)
        self.span_table.setTabKeyNavigation(False)
        self.span_table.verticalHeader().hide()
        self.span_table.verticalHeader().setDefaultSectionSize(self.span_table.fontMetrics().height() + 6)
        header = self.span_table.horizontalHeader()
        header.setHighlightSections(False)
        # Widths are fitted once per report (see _fit_columns): fitting them on every
        # dataChanged would measure every row after each keystroke.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SpanModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.span_model.modelReset.connect(self._fit_columns)
        self.span_table.selectionModel().currentRowChanged.connect(self._on_table_row)

        # the current suggestion's editor
        self.label_combo = QComboBox()
        for i, label in enumerate(LABELS, start=1):
            self.label_combo.addItem(f"{i} {LABEL_NAMES[label]}", label)
        self.label_combo.setToolTip("The label of the current suggestion (keys 1-6)")
        self.label_combo.activated.connect(lambda _i: self.set_label(self.label_combo.currentData()))
        self.replacement_edit = QLineEdit()
        self.replacement_edit.setMaxLength(MAX_REPLACEMENT)
        self.replacement_edit.setClearButtonEnabled(True)
        self.replacement_edit.setToolTip("Your own words instead of the placeholder, e.g. "
                                         "\u201cthe suspect\u201d or \u201ca mid-sized city\u201d. "
                                         "Enter saves; empty goes back to the placeholder.")
        self.replacement_edit.editingFinished.connect(self._on_replacement)
        self.generalise_check = QCheckBox("Month and year only")
        self.generalise_check.setToolTip("Dates: publish the month and year instead of [Date]")
        self.generalise_check.clicked.connect(self.set_generalise)
        self.all_button = QPushButton("Apply to all occurrences")
        self.all_button.setToolTip("Redact every occurrence of the selected text (or of the current "
                                   "suggestion) in every field, in one undoable step")
        self.all_button.clicked.connect(self.redact_all_occurrences)
        editor = QHBoxLayout()
        editor.setContentsMargins(0, 0, 0, 0)
        editor.addWidget(QLabel("Label"))
        editor.addWidget(self.label_combo)
        editor.addWidget(QLabel("Replace with"))
        editor.addWidget(self.replacement_edit, 1)
        editor.addWidget(self.generalise_check)
        editor.addWidget(self.all_button)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(editor)
        lower_layout.addWidget(self._build_tools())
        lower_layout.addWidget(self.span_table, 1)

        self.reading = QWidget()  # where the single-key shortcuts work
        reading_layout = QVBoxLayout(self.reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        tabs_row = QHBoxLayout()
        tabs_row.addWidget(self.field_tabs)
        tabs_row.addStretch(1)
        tabs_row.addWidget(self.legend)
        reading_layout.addLayout(tabs_row)
        self.vertical = QSplitter(Qt.Orientation.Vertical)
        self.vertical.setChildrenCollapsible(False)
        self.vertical.addWidget(texts)
        self.vertical.addWidget(lower)
        self.vertical.setStretchFactor(0, 3)
        self.vertical.setStretchFactor(1, 2)
        reading_layout.addWidget(self.vertical, 1)

        self.coding_panel = CodingPanel(self.session)
        self.coding_panel.saved.connect(lambda: self.changed.emit(self.report_id or 0))
        self.coding_panel.saved.connect(self._show_heading)  # the publishable title, second look
        self.coding_panel.setMinimumWidth(320)
        self.details_panel = DetailsPanel(self.session)
        self.details_panel.changed.connect(lambda: self.changed.emit(self.report_id or 0))
        self.side_tabs = QTabWidget()  # the panel's coding, and the fields published beside it
        self.side_tabs.addTab(self.coding_panel, "Coding")
        self.side_tabs.addTab(self.details_panel, "Published details")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.reading)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([990, 370])

        self.loading_label = QLabel("Opening the report…")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading_label)
        self.stack.addWidget(self.splitter)

        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.stage_label)
        head.addSpacing(16)
        head.addWidget(self.progress_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addLayout(head)
        layout.addWidget(self.error_label)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("reviewNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setStyleSheet("QLabel#reviewNotice { background: #fff4ce; color: #3d2e00; "
                                        "padding: 3px 6px; }")
        self.notice_label.hide()
        layout.addWidget(self.notice_label)
        layout.addWidget(self.stack, 1)

    def splitters(self) -> dict[str, QSplitter]:
        """The splitters whose sizes are remembered, by the name they are saved under."""
        return {"texts": self.texts_splitter, "vertical": self.vertical, "main": self.splitter}

    def _restore_layout(self) -> None:
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(SAVE_LAYOUT_DELAY_MS)
        self._layout_timer.timeout.connect(self.save_layout)
        if self.settings is None:
            return
        saved = self.settings.review_splitters
        for name, splitter in self.splitters().items():
            state = saved.get(name)
            if state is not None:
                splitter.restoreState(state)  # False (ignored) for a state it cannot read
            splitter.splitterMoved.connect(lambda _pos, _index: self._layout_timer.start())

    def save_layout(self) -> None:
        """Remember the splitter sizes (on a pause after a drag, and when the window closes)."""
        self._layout_timer.stop()
        if self.settings is not None:
            self.settings.review_splitters = {name: s.saveState() for name, s in self.splitters().items()}

    def _fit_columns(self) -> None:
        for column in range(SpanModel.columnCount(self.span_model)):
            if column != SpanModel.TEXT:
                self.span_table.resizeColumnToContents(column)
        decision = SpanModel.DECISION
        wanted = self.span_table.fontMetrics().horizontalAdvance("redact (own words)") + 16
        self.span_table.setColumnWidth(decision, max(self.span_table.columnWidth(decision), wanted))

    # ----- opening -----------------------------------------------------------------

    def open_report(self, report_id: int) -> None:
        """Open a report off the GUI thread (the view of the original is audited)."""
        self.coding_panel.flush()
        self._token += 1
        token = self._token
        self.loading = True
        self.report_id = report_id
        self.review = None
        self.redacted_first = self.revealed = False
        self.error_label.clear_error()
        self.show_notice("")
        self.heading.setText("")
        self.stage_label.setText("")
        self.progress_label.setText("")
        self.stack.setCurrentWidget(self.loading_label)
        self._update_enabled()
        session = self.session

        run_task(lambda: open_for_review(session, report_id), lambda result: self._on_opened(token, result),
                 lambda exc: self._on_open_failed(token, exc))

    def _on_opened(self, token: int, result: Opened) -> None:
        if token != self._token or self._closed:
            return
        review, self.earlier_book = result.review, result.earlier_book
        self.workflow.set_report(review.report_id, result.stage_code)
        self.loading = False
        self.review = review
        self.redacted_first, self.revealed = result.redacted_first, False
        self.undo_stack = UndoStack(self.session)
        self._offsets = {name: Offsets(visible_form(text)) for name, text in review.texts.items()}
        self._show_mode()
        self.stage_label.setText(result.stage)
        self.field_tabs.blockSignals(True)
        while self.field_tabs.count():
            self.field_tabs.removeTab(0)
        for name in review.texts:
            self.field_tabs.addTab(self._tab_text(name))
            self.field_tabs.setTabData(self.field_tabs.count() - 1, name)
        self.field_tabs.blockSignals(False)
        self.fit_legend()
        self.span_model.set_shown({} if self.original_hidden else None)
        self.span_model.set_spans(self._ordered(review.spans), review.texts)
        first = next((s for s in self.span_model.spans() if s.decision == Decision.PENDING), None)
        first = first or next(iter(self.span_model.spans()), None)
        show = first.field if first else next(iter(review.texts), "")
        resume, self.resume_at = self.resume_at, None
        if resume is not None and resume.report_id == review.report_id:  # back after a lock
            first = next((s for s in review.spans if s.id == resume.span_id), None)
            show = first.field if first else (resume.field if resume.field in review.texts else show)
        self.field = ""
        self.current_id = first.id if first else None
        self.coding_panel.load(review)
        self.details_panel.load(review.report_id)
        self.stack.setCurrentWidget(self.splitter)
        self._render(show_field=show)
        self._show_heading()
        if (notice := invisible_notice(review.texts)) is not None:
            self.error_label.show_error(notice)
        (self.preview_edit if self.original_hidden else self.original_edit).setFocus()
        self.opened.emit(review.report_id)

    @property
    def original_hidden(self) -> bool:
        """A second look whose original has not been revealed: no widget shows the original."""
        return self.redacted_first and not self.revealed

    def _show_mode(self) -> None:
        """The original pane: the text, or (second look) why it is hidden and the way to see it."""
        hidden = self.original_hidden
        self.original_stack.setCurrentWidget(self.hidden_panel if hidden else self.original_edit)
        self.original_caption.setText(f"<b>{HIDDEN_CAPTION if hidden else ORIGINAL_CAPTION}</b>")

    def _show_heading(self) -> None:
        """The reporter's title; on a second look, the publishable title (the panel's coding,
        else the redacted title) and no submission id."""
        review = self.review
        if review is None:
            return
        if self.original_hidden:
            redacted = self.redacted.get("title")
            title = " ".join(self.coding_panel.previous.publishable_title.split()) \
                or " ".join((redacted.text if redacted else "").split())
            self.heading.setText(title or f"Report {review.report_id}")
            self.heading.setToolTip("The publishable title (second look: the original is hidden)")
        else:
            title = " ".join(review.texts.get("title", "").split()) or f"Report {review.report_id}"
            self.heading.setText(title)
            self.heading.setToolTip(f"Submission {review.submission_id}")

    def reveal_original(self) -> bool:
        """Second look: show the original. The audit entry is written first; if it cannot
        be, nothing is revealed. Lasts until another report (or this one again) is opened."""
        review = self.review
        if review is None or self.loading or not self.original_hidden or not self.isVisible():
            return False  # (not from the menu while the queue is shown: nothing would show it)
        try:
            actions.reveal_original(self.session, review.report_id)
        except WorkstationError as exc:
            self.error_label.show_error(f"The original was not revealed: {exc.message}")
            return False
        log.info("Original revealed for report %d", review.report_id)
        self.revealed = True
        self.error_label.clear_error()
        self.original_highlighter.set_ranges([], redraw=False)
        self.original_edit.setPlainText(visible_form(review.texts.get(self.field, "")))
        self._show_mode()
        self._render()
        self._show_heading()
        self.original_edit.setFocus()
        return True

    def _on_open_failed(self, token: int, exc: BaseException) -> None:
        if token != self._token or self._closed:
            return
        self.loading = False
        self.loading_label.setText("The report could not be opened.")
        self.error_label.show_error(message_for(exc))
        self._update_enabled()

    def _tab_text(self, name: str) -> str:
        label = FIELD_NAMES.get(name, name)
        if self.review is None:
            return label
        pending = sum(1 for s in self.review.spans if s.field == name and s.decision == Decision.PENDING)
        return f"{label} ({pending})" if pending else label

    def _ordered(self, spans: Sequence[ReviewSpan]) -> list[ReviewSpan]:
        order = {name: i for i, name in enumerate(FIELD_NAMES)}
        return sorted(spans, key=lambda s: (order.get(s.field, 99), s.start, s.id))

    # ----- the workflow menu's host (WorkflowHost) ------------------------------------

    def showing(self, report_id: int) -> bool:
        return self.report_id == report_id and self.review is not None and not self.loading

    def use_earlier_book(self, book: PlaceholderBook) -> None:
        self.earlier_book = book
        self.set_current(self.current_id)

    def reload_after_edit(self, report_id: int) -> None:
        """A dialog (the residual scan's list) changed the report: redraw it, say so at stage
        2 when that changed what stage 1 signed, and let the workflow see a stale sign-off."""
        if not self.showing(report_id):
            return
        self._reload()
        self._two_person_notice()
        self.changed.emit(report_id)

    def report_moved(self, report_id: int) -> None:
        """The report changed stage elsewhere (an export published it): show where it is now."""
        self._on_moved(report_id)

    def position(self) -> Position | None:
        """The report and suggestion shown (to come back to after a lock)."""
        if self.report_id is None or self.review is None:
            return None
        return Position(self.report_id, self.current_id, self.field)

    def resume(self, position: Position) -> None:
        """Open `position`'s report at its suggestion (after unlocking)."""
        self.resume_at = position
        self.open_report(position.report_id)

    # ----- leaving -----------------------------------------------------------------

    def go_back(self) -> None:
        self.coding_panel.flush()
        self.back_requested.emit()

    def flush(self) -> None:
        """Save what is waiting (the coding typed in the last moment)."""
        self.coding_panel.flush()
        if self.replacement_edit.hasFocus():
            self._on_replacement()

    def stop(self) -> None:
        """The database is closing: save what is waiting, then ignore late results."""
        self.flush()
        self.save_layout()
        self._closed = True
