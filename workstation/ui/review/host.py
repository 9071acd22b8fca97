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
    QTabBar,
    QTableView,
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
    coding_panel: CodingPanel
    details_panel: DetailsPanel
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

    @property
    def original_hidden(self) -> bool:
        raise NotImplementedError

    def reveal_original(self) -> bool:
        raise NotImplementedError

    def current_span(self) -> ReviewSpan | None:
        raise NotImplementedError

    def redact_selection(self) -> None:
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
