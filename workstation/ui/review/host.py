"""What the review view's parts (DecisionSlots in decisions.py, Drawing in drawing.py) use of
the ReviewView they are mixed into: the widgets and state its __init__ makes, and the
methods one part calls on another. Read by the type checker only: at run time the parts
derive from `object` and ReviewView supplies all of this."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from workstation.review.placeholders import PlaceholderBook
from workstation.review.redaction import RedactedField
from workstation.review.report_review import ReportUnderReview
from workstation.review.spans import ReviewSpan
from workstation.session import Session
from workstation.ui.review.coding_panel import CodingPanel
from workstation.ui.review.details_panel import DetailsPanel
from workstation.ui.review.highlighter import RangeHighlighter
from workstation.ui.review.span_model import SpanModel
from workstation.ui.review.text_sync import Offsets
from workstation.ui.review.workflow_actions import WorkflowActions
from workstation.workflow.actions import UndoStack


class ReviewViewHost(QWidget):
    changed: SignalInstance
    session: Session
    review: ReportUnderReview | None
    undo_stack: UndoStack
    workflow: WorkflowActions
    field: str
    current_id: int | None
    new_label: str
    loading: bool
    redacted: dict[str, RedactedField]
    earlier_book: PlaceholderBook
    _closed: bool
    _syncing: bool
    _frozen_message: str | None
    _offsets: dict[str, Offsets]
    _formats: dict[tuple[Any, ...], QTextCharFormat]

    error_label: Any  # widgets.ErrorLabel
    stage_label: QLabel
    progress_label: QLabel
    field_tabs: QTabBar
    original_edit: QPlainTextEdit
    preview_edit: QPlainTextEdit
    original_highlighter: RangeHighlighter
    preview_highlighter: RangeHighlighter
    span_model: SpanModel
    span_table: QTableView
    label_combo: QComboBox
    replacement_edit: QLineEdit
    generalise_check: QCheckBox
    all_button: QPushButton
    reveal_button: QPushButton
    legend: QLabel
    splitter: QSplitter
    side_tabs: QTabWidget
    coding_action: QAction
    hidden_panel: QWidget
    coding_panel: CodingPanel
    details_panel: DetailsPanel
    reading: QWidget
    toolbar: QToolBar
    report_id: int | None
    notice_label: QLabel
    preview_caption: QLabel
    find_edit: QLineEdit
    find_label: QComboBox
    find_button: QPushButton
    pattern_check: QCheckBox
    label_filter: QComboBox
    decision_filter: QComboBox
    workflow_button: QToolButton
    back_action: QAction
    down_action: QAction
    up_action: QAction
    next_field_action: QAction
    previous_field_action: QAction
    next_report_action: QAction
    previous_report_action: QAction
    accept_label_action: QAction
    accept_score_action: QAction
    keep_word_action: QAction
    widen_end_action: QAction
    narrow_end_action: QAction
    widen_start_action: QAction
    narrow_start_action: QAction
    find_action: QAction
    shortcuts_action: QAction
    accept_action: QAction
    reject_action: QAction
    next_action: QAction
    previous_action: QAction
    redact_selection_action: QAction
    all_occurrences_action: QAction
    undo_action: QAction
    redo_action: QAction
    reveal_action: QAction
    label_actions: list[QAction]
    keep_popup: Any  # keep_reason.KeepReasonPopup | None: the last `x` that asked why

    @property
    def original_hidden(self) -> bool:
        raise NotImplementedError

    def reveal_original(self) -> bool:
        raise NotImplementedError

    def current_span(self) -> ReviewSpan | None:
        raise NotImplementedError

    def reload_after_edit(self, report_id: int) -> None:
        raise NotImplementedError

    def redact_selection(self) -> None:
        raise NotImplementedError

    # the slots the actions run (each part supplies its own)
    def go_back(self) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        raise NotImplementedError

    def open_report(self, report_id: int) -> None:
        raise NotImplementedError

    def accept_current(self) -> None:
        raise NotImplementedError

    def reject_current(self) -> None:
        raise NotImplementedError

    def next_undecided(self) -> None:
        raise NotImplementedError

    def previous_undecided(self) -> None:
        raise NotImplementedError

    def next_span(self) -> None:
        raise NotImplementedError

    def previous_span(self) -> None:
        raise NotImplementedError

    def next_field(self) -> None:
        raise NotImplementedError

    def previous_field(self) -> None:
        raise NotImplementedError

    def next_report(self) -> None:
        raise NotImplementedError

    def previous_report(self) -> None:
        raise NotImplementedError

    def redact_all_occurrences(self) -> None:
        raise NotImplementedError

    def accept_all_of_label(self) -> None:
        raise NotImplementedError

    def accept_all_above_score(self) -> None:
        raise NotImplementedError

    def keep_all_of_word(self) -> None:
        raise NotImplementedError

    def ask_keep_reason(self, words: str, sure: ReviewSpan, keep: Any) -> None:
        raise NotImplementedError

    def resize_current(self, edge: str, grow: bool) -> None:
        raise NotImplementedError

    def focus_find(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        raise NotImplementedError

    def set_label(self, label: str) -> None:
        raise NotImplementedError

    def set_current(self, span_id: int | None) -> None:
        raise NotImplementedError

    def show_shortcuts(self) -> Any:
        raise NotImplementedError

    def show_notice(self, text: str) -> None:
        raise NotImplementedError

    def fit_legend(self) -> None:
        raise NotImplementedError

    def toggle_coding_panel(self) -> None:
        raise NotImplementedError

    def showing(self, report_id: int) -> bool:
        raise NotImplementedError

    def use_earlier_book(self, book: PlaceholderBook) -> None:
        raise NotImplementedError

    def _on_moved(self, report_id: int) -> None:
        raise NotImplementedError

    def _on_context_menu(self, pos: Any) -> None:
        raise NotImplementedError

    def _selection(self) -> tuple[int, int] | None:
        raise NotImplementedError

    def _apply(self, make: Any, *, advance: bool = False) -> Any:
        raise NotImplementedError

    def _here(self) -> tuple[int, int, int]:
        raise NotImplementedError

    def _undecided_after(self, here: tuple[int, int, int], delta: int) -> ReviewSpan | None:
        raise NotImplementedError

    def _render(self, show_field: str | None = None) -> None:
        raise NotImplementedError

    def _update_enabled(self) -> None:
        raise NotImplementedError

    def _select_row(self) -> None:
        raise NotImplementedError

    def _tab_text(self, name: str) -> str:
        raise NotImplementedError

    def _ordered(self, spans: Any) -> list[ReviewSpan]:
        raise NotImplementedError
