"""The review view: one report, one free-text field at a time, side by side.

Left, the original text with each suggestion highlighted (a colour per label, weaker for
low scores, the current one outlined); right, the live redacted preview with its
placeholders. Below, every suggestion of the report (label, score, recognizer, decision)
and the editor of the current one (label, the reviewer's own replacement, dates to month
and year, apply to all occurrences). Beside it, the coding panel.

Keyboard first: `a` accept, `x` reject, `j`/`k` or the arrows next/previous, `1`-`6` set
the label (or mark the selected text with it), `r` redact the selection, Ctrl+Z and
Ctrl+Shift+Z undo and redo, Esc back to the queue. The single keys work while the text or
the list has the focus, never while typing in a field. Every decision is saved at once by
`workstation.review.decisions` (one audited transaction each); opening a report (an
audited view) runs off the GUI thread.

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

import bisect
import copy
import logging
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
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
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workstation.detect.labels import LABELS
from workstation.errors import NotEditable, WorkstationError
from workstation.review.decisions import MAX_REPLACEMENT
from workstation.review.placeholders import PLACEHOLDER_NAMES, PlaceholderBook
from workstation.review.redaction import RedactedField, fill_book
from workstation.review.report_review import ReportUnderReview, load_report, open_report, refreshed
from workstation.review.spans import Decision, ReviewSpan
from workstation.session import Session
from workstation.stages import EDITABLE, Stage, check_editable, report_stage
from workstation.store.database import Database
from workstation.ui.coding_panel import CodingPanel
from workstation.ui.listing import ROW_ROLE
from workstation.ui.settings import UiSettings
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, recognizer_name
from workstation.ui.workflow_actions import WorkflowActions
from workstation.workflow import actions, second_look
from workstation.workflow.actions import UndoStack
from workstation.workflow.apply import Outcome
from workstation.workflow.linking import linked_reports
from workstation.workflow.signoff import describe_stage

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

FIELD_NAMES = {
    "title": "Title", "narrative": "Narrative", "lessons_learned": "Lessons learned",
    "prevention": "Prevention", "what_went_right": "What went right",
}
LABEL_NAMES = {
    "PERSON": "Person", "AGENCY": "Agency", "LOCATION": "Location", "DATE": "Date",
    "CONTACT": "Contact", "ID": "Number / ID",
}
# (fill, ink): fills light enough for black text, inks dark enough on white.
LABEL_COLOURS = {
    "PERSON": ("#f7a8a8", "#a31515"),
    "AGENCY": ("#a8c8f7", "#174a96"),
    "LOCATION": ("#a9deb1", "#1b6a2b"),
    "DATE": ("#f6d978", "#775700"),
    "CONTACT": ("#d8b7f2", "#5b2a8a"),
    "ID": ("#f8c190", "#8a4608"),
}
LOW_SCORE = 0.6  # below this a suggestion is drawn in a weaker colour
DECISION_NAMES = {Decision.PENDING: "to decide", Decision.REDACT: "redact", Decision.KEEP: "keep"}
SAVE_LAYOUT_DELAY_MS = 500  # a dragged splitter is saved once it rests this long
REVEAL_SHORTCUT = "Ctrl+Shift+O"  # O for original; Ctrl+L locks, Ctrl+Shift+L links
HIDDEN_TEXT = "(hidden)"  # the list's text of a suggestion the publication does not show
ORIGINAL_CAPTION = "Original (highlighted suggestions)"
HIDDEN_CAPTION = "Original (hidden: second look)"


def fill_colour(label: str, score: float = 1.0) -> QColor:
    colour = QColor(LABEL_COLOURS[label][0])
    if score < LOW_SCORE:
        colour.setAlpha(110)
    return colour


def ink_colour(label: str) -> QColor:
    return QColor(LABEL_COLOURS[label][1])


FROZEN_STAGES = frozenset(stage.value for stage in Stage if stage not in EDITABLE)

def common_prefix_length(a: str, b: str, limit: int) -> int:
    """How many leading characters a and b share (at most `limit`), by halving: slices are
    compared in C, so a 5,000-character preview costs microseconds, not a Python loop."""
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def common_suffix_length(a: str, b: str, limit: int) -> int:
    """How many trailing characters a and b share (at most `limit`)."""
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            low = mid
        else:
            high = mid - 1
    return low


def decision_text(span: ReviewSpan) -> str:
    state = span.state
    if state.decision == Decision.REDACT and state.replacement:
        return "redact (own words)"
    if state.decision == Decision.REDACT and state.generalise:
        return "month and year"
    return DECISION_NAMES.get(Decision(state.decision), state.decision)


def bmp_only(text: str) -> bool:
    """True when Python and Qt count the characters alike (nothing outside the BMP)."""
    return not text or text.isascii() or max(text) < "\U00010000"


def published_slice(redacted: RedactedField, start: int, end: int) -> str:
    """What the redacted text shows in place of the original's [start, end): a placeholder
    (or own words) where it was redacted, the text itself where it was kept."""
    segments = redacted.segments
    if start >= end or not segments:
        return ""
    starts = [seg.source_start for seg in segments]
    first = segments[max(bisect.bisect_right(starts, start) - 1, 0)]
    last = segments[max(bisect.bisect_right(starts, end - 1) - 1, 0)]
    begin = first.out_start if first.span_id is not None \
        else min(first.out_start + (start - first.source_start), first.out_end)
    finish = last.out_end if last.span_id is not None \
        else min(last.out_start + (end - last.source_start), last.out_end)
    return redacted.text[begin:finish]


class Offsets:
    """Python string offsets <-> Qt document positions (UTF-16: characters outside the
    Basic Multilingual Plane count twice in Qt)."""

    def __init__(self, text: str) -> None:
        self._astral = [] if bmp_only(text) else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + sum(1 for i in self._astral if i < offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        offset = position
        for i in self._astral:
            if self.to_qt(i) < position:
                offset -= 1
        return offset


def earlier_book(db: Database, report_id: int) -> PlaceholderBook:
    """Placeholders already given out by the linked reports read before this one (the
    primary first), so the preview numbers people and places as the incident is published:
    the same person is [Person 1] in every officer's report of it."""
    book = PlaceholderBook()
    for other in linked_reports(db, report_id):
        if other == report_id:
            break
        earlier = load_report(db, other)
        fill_book(book, earlier.texts, earlier.spans, include_pending=True)
    return book


class RangeHighlighter(QSyntaxHighlighter):
    """Formats given as (start, end, format) in document positions, drawn block by block.

    set_ranges() redraws only the blocks whose formats changed (compared block-relative,
    so text edited earlier in the document does not count as a change further on): one
    decision relays out one or two paragraphs, not the whole field."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._ranges: list[tuple[int, int, QTextCharFormat]] = []
        self._starts: list[int] = []
        self._drawn: dict[int, tuple[tuple[int, int, int], ...]] = {}  # block -> what it shows

    def set_ranges(self, ranges: list[tuple[int, int, QTextCharFormat]], *, redraw: bool = True,
                   also: frozenset[int] = frozenset()) -> None:
        """`redraw` False: the text is about to be replaced (which draws every block);
        `also`: block numbers to redraw anyway (text edited there)."""
        self._ranges = sorted(ranges, key=lambda r: r[0])
        self._starts = [r[0] for r in self._ranges]
        document = self.document()
        wanted: dict[int, list[tuple[int, int, int]]] = {}
        for start, end, fmt in self._ranges:
            block = document.findBlock(start)
            while block.isValid() and block.position() < end:
                position = block.position()
                wanted.setdefault(block.blockNumber(), []).append(
                    (start - position, end - position, id(fmt)))
                block = block.next()
        drawn = {number: tuple(items) for number, items in wanted.items()}
        if redraw:
            changed = {n for n in drawn.keys() | self._drawn.keys() if drawn.get(n) != self._drawn.get(n)}
            for number in sorted(changed | also):
                block = document.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
        self._drawn = drawn if redraw else {}

    def highlightBlock(self, text: str) -> None:
        if not self._ranges:
            return
        block = self.currentBlock()
        first = block.position()
        last = first + len(text)
        i = max(bisect.bisect_right(self._starts, first) - 1, 0)
        for start, end, fmt in self._ranges[i:]:
            if start >= last:
                break
            if end <= first:
                continue
            begin = max(start, first)
            self.setFormat(begin - first, min(end, last) - begin, fmt)


class SpanModel(QAbstractTableModel):
    """Every span of the report, in reading order (fields in form order)."""

    FIELD, TEXT, LABEL, SCORE, RECOGNIZER, DECISION = range(6)
    HEADERS = ("Field", "Text", "Label", "Score", "Found by", "Decision")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spans: list[ReviewSpan] = []
        self._texts: dict[str, str] = {}
        self._shown: dict[int, str] | None = None  # span id -> text shown instead of the original

    def set_spans(self, spans: Sequence[ReviewSpan], texts: dict[str, str]) -> None:
        """The same spans changed: dataChanged for the rows that did; else a reset."""
        spans = list(spans)
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
        return list(self._spans)

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


def legend_html() -> str:
    chips = " ".join(
        f'<span style="background:{LABEL_COLOURS[label][0]}; color:#000;">&nbsp;{i}&nbsp;'
        f'{LABEL_NAMES[label]}&nbsp;</span>'
        for i, label in enumerate(LABELS, start=1)
    )
    return chips + '&nbsp; <span style="color:palette(mid);">paler: low score</span>'


class Opened(NamedTuple):
    """What opening a report reads off the GUI thread."""

    review: ReportUnderReview
    stage: str  # in words
    stage_code: str
    earlier_book: PlaceholderBook
    redacted_first: bool  # second look: the original hidden until revealed


class ReviewView(QWidget):
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
        self.redacted_first = False  # this opening started on the redacted version (second look)
        self.revealed = False  # ...and the original was revealed (audited) since
        self.loading = False
        self._token = 0
        self._closed = False
        self._syncing = False
        self._offsets: dict[str, Offsets] = {}
        self._formats: dict[tuple[Any, ...], QTextCharFormat] = {}
        self._build()
        self._build_actions()
        self._update_enabled()
        self._restore_layout()

    # ----- construction ------------------------------------------------------------

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
        self.legend.setToolTip("Keys 1-6 set the label of the current suggestion, or mark the "
                               "selected text with it.")

        self.original_edit = QPlainTextEdit()
        self.original_edit.setReadOnly(True)
        self.original_edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.original_edit.setAccessibleName("Original text")
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
        self.hidden_panel = self._build_hidden_panel()
        self.original_stack = QStackedWidget()
        self.original_stack.addWidget(self.original_edit)
        self.original_stack.addWidget(self.hidden_panel)
        texts = self.texts_splitter = QSplitter(Qt.Orientation.Horizontal)
        texts.setChildrenCollapsible(False)
        texts.addWidget(self._titled(self.original_caption, self.original_stack))
        texts.addWidget(self._titled(QLabel("<b>Published preview</b>"), self.preview_edit))

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
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.reading)
        self.splitter.addWidget(self.coding_panel)
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

    @staticmethod
    def _titled(caption: QLabel, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(caption)
        layout.addWidget(widget, 1)
        return box

    def _build_hidden_panel(self) -> QFrame:
        """In place of the original on a second look: why it is hidden, and the way to see it."""
        panel = QFrame()
        panel.setObjectName("originalHidden")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setStyleSheet("QFrame#originalHidden { background: palette(alternate-base); }"
                            "QLabel#revealNote { color: #5f5f5f; }")
        title = QLabel("The original is hidden")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        why = QLabel("Second look: read the published preview first, with fresh eyes, the way a "
                     "reader of the publication will. Is anything in it still identifying?")
        keys = QLabel("Decide the suggestions as usual: <b>a</b> redact, <b>x</b> keep, <b>j</b>/<b>k</b> "
                      "next and previous, <b>1</b>-<b>6</b> label, your own words below. To mark a "
                      "missed identifier in the original text, reveal it first.")
        keys.setTextFormat(Qt.TextFormat.RichText)
        self.reveal_button = QPushButton(f"Reveal original ({REVEAL_SHORTCUT})")
        self.reveal_button.setToolTip("Show the original text of this report; recorded in the audit "
                                      "log (who, which report, when)")
        self.reveal_button.clicked.connect(lambda _checked=False: self.reveal_original())
        note = QLabel("Revealing is recorded in the audit log (who, which report, when; never the "
                      "text). It lasts until you leave this report.")
        note.setObjectName("revealNote")
        inner = QWidget()
        inner.setMaximumWidth(460)
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        for widget in (title, why, keys, self.reveal_button, note):
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)
                column.addWidget(widget)
            else:
                column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(inner, 8)
        row.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return panel

    def _make_action(self, text: str, slot: Callable[[], object], keys: Sequence[str], tip: str,
                     where: QWidget) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({', '.join(keys)})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        where.addAction(action)
        return action

    def _build_actions(self) -> None:
        r, v = self.reading, self
        self.back_action = self._make_action("&Back to queue", self.go_back, ["Esc"],
                                             "Back to the queue", v)
        self.accept_action = self._make_action("&Accept (redact)", self.accept_current, ["A"],
                                               "Redact the current suggestion and go to the next", r)
        self.reject_action = self._make_action("Re&ject (keep)", self.reject_current, ["X"],
                                               "Keep the text as written and go to the next", r)
        self.next_action = self._make_action("&Next suggestion", self.next_span, ["J", "Down"],
                                             "Next suggestion", r)
        self.previous_action = self._make_action("&Previous suggestion", self.previous_span,
                                                 ["K", "Up"], "Previous suggestion", r)
        self.redact_selection_action = self._make_action(
            "&Redact selection", self.redact_selection, ["R"],
            "Redact the text selected in the original (a missed identifier)", r)
        self.all_occurrences_action = self._make_action(
            "Redact all &occurrences", self.redact_all_occurrences, ["O"],
            "Redact every occurrence of the selected text or current suggestion", r)
        self.undo_action = self._make_action("&Undo decision", self.undo, ["Ctrl+Z"],
                                             "Undo the last decision", v)
        self.redo_action = self._make_action("Re&do decision", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"],
                                             "Redo the decision undone", v)
        self.reveal_action = self._make_action(
            "Re&veal original", self.reveal_original, [REVEAL_SHORTCUT],
            "Show the original text on a second look (recorded in the audit log)", v)
        self.label_actions: list[QAction] = []
        for i, label in enumerate(LABELS, start=1):
            action = self._make_action(
                f"Label: {LABEL_NAMES[label]}", lambda label=label: self.set_label(label), [str(i)],
                f"Label the current suggestion (or the selected text) {LABEL_NAMES[label]}", r)
            self.label_actions.append(action)
        for action in (self.back_action, None, self.accept_action, self.reject_action, None,
                       self.previous_action, self.next_action, None, self.redact_selection_action,
                       self.all_occurrences_action, None, self.undo_action, self.redo_action):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        self.workflow = WorkflowActions(self.session, self)
        self.workflow.moved.connect(self._on_moved)
        self.toolbar.addSeparator()
        self.workflow_button = QToolButton()
        self.workflow_button.setText("Workflow")
        self.workflow_button.setToolTip("Start, sign, approve, return or set aside the report; "
                                        "residual scan")
        self.workflow_button.setMenu(self.workflow.menu)
        self.workflow_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(self.workflow_button)

    def menu_actions(self) -> list[QAction | None]:
        """For the main window's Review menu (None: a separator)."""
        return [self.accept_action, self.reject_action, None, self.next_action, self.previous_action,
                None, self.redact_selection_action, self.all_occurrences_action, None,
                *self.label_actions, None, self.undo_action, self.redo_action, None, self.reveal_action,
                None, self.back_action]

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
        self.heading.setText("")
        self.stage_label.setText("")
        self.progress_label.setText("")
        self.stack.setCurrentWidget(self.loading_label)
        self._update_enabled()
        session = self.session

        def work() -> Opened:
            review = open_report(session, report_id)
            db = session.db
            stage, code = describe_stage(db, report_id), report_stage(db, report_id)
            first = second_look.opens_redacted_first(db, report_id, session.reviewer)
            return Opened(review, stage, code, earlier_book(db, report_id), first)

        run_task(work, lambda result: self._on_opened(token, result),
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
        self._offsets = {name: Offsets(text) for name, text in review.texts.items()}
        self._show_mode()
        self.stage_label.setText(result.stage)
        self.field_tabs.blockSignals(True)
        while self.field_tabs.count():
            self.field_tabs.removeTab(0)
        for name in review.texts:
            self.field_tabs.addTab(self._tab_text(name))
            self.field_tabs.setTabData(self.field_tabs.count() - 1, name)
        self.field_tabs.blockSignals(False)
        self.span_model.set_shown({} if self.original_hidden else None)
        self.span_model.set_spans(self._ordered(review.spans), review.texts)
        first = next((s for s in self.span_model.spans() if s.decision == Decision.PENDING), None)
        first = first or next(iter(self.span_model.spans()), None)
        self.field = ""
        self.current_id = first.id if first else None
        self.coding_panel.load(review)
        self.stack.setCurrentWidget(self.splitter)
        self._render(show_field=first.field if first else next(iter(review.texts), ""))
        self._show_heading()
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
        self.original_edit.setPlainText(review.texts.get(self.field, ""))
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

    # ----- showing -----------------------------------------------------------------

    def current_span(self) -> ReviewSpan | None:
        if self.review is None or self.current_id is None:
            return None
        return next((s for s in self.review.spans if s.id == self.current_id), None)

    def _render(self, show_field: str | None = None) -> None:
        """Redraw after opening or a decision: preview, highlights, list, editor, progress."""
        review = self.review
        if review is None:
            return
        hidden = self.original_hidden
        # On a second look the preview is what would be published: undecided suggestions
        # redacted too (the publishable content's rule), so no original string shows.
        self.redacted = review.redacted(book=copy.deepcopy(self.earlier_book), include_pending=hidden)
        field = show_field or self.field
        if field != self.field:
            self.field = field
            self.original_highlighter.set_ranges([], redraw=False)
            self.preview_highlighter.set_ranges([], redraw=False)
            self.original_edit.setPlainText("" if hidden else review.texts.get(field, ""))
            self.preview_edit.setPlainText(self.redacted[field].text if field in self.redacted else "")
            edited = frozenset(range(self.preview_edit.document().blockCount()))
        else:
            edited = self._set_preview(self.redacted[field].text if field in self.redacted else "")
        for i in range(self.field_tabs.count()):
            name = self.field_tabs.tabData(i)
            text = self._tab_text(name)
            if self.field_tabs.tabText(i) != text:  # a new text relays the tab bar out
                self.field_tabs.setTabText(i, text)
            if name == field and self.field_tabs.currentIndex() != i:
                self.field_tabs.blockSignals(True)
                self.field_tabs.setCurrentIndex(i)
                self.field_tabs.blockSignals(False)
        self.span_model.set_shown(self._published_texts() if hidden else None)
        self._highlight(edited)
        self._select_row()
        self._show_editor()
        self.progress_label.setText(review.progress_text())
        self._update_enabled()

    def _published_texts(self) -> dict[int, str]:
        """Each suggestion's text as the publication shows it (second look's list)."""
        assert self.review is not None
        shown = {}
        for span in self.review.spans:
            redacted = self.redacted.get(span.field)
            if redacted is not None:
                shown[span.id] = " ".join(published_slice(redacted, span.start, span.end).split())
        return shown

    def _set_preview(self, text: str) -> frozenset[int]:
        """Replace only what changed in the preview (one placeholder, usually), keeping its
        scroll position; returns the numbers of the blocks edited."""
        old = self.preview_edit.toPlainText()
        if old == text:
            return frozenset()
        limit = min(len(old), len(text))
        prefix = common_prefix_length(old, text, limit)
        suffix = common_suffix_length(old, text, limit - prefix)
        if "\n" in old[prefix:len(old) - suffix] or "\n" in text[prefix:len(text) - suffix] \
                or not (bmp_only(text) and bmp_only(old)):
            bar = self.preview_edit.verticalScrollBar()
            value = bar.value()
            self._syncing = True
            try:
                self.preview_highlighter.set_ranges([], redraw=False)  # _highlight draws them
                self.preview_edit.setPlainText(text)
                bar.setValue(value)
            finally:
                self._syncing = False
            return frozenset(range(self.preview_edit.document().blockCount()))
        cursor = QTextCursor(self.preview_edit.document())
        cursor.setPosition(prefix)
        cursor.setPosition(len(old) - suffix, QTextCursor.MoveMode.KeepAnchor)
        self._syncing = True
        try:
            cursor.insertText(text[prefix:len(text) - suffix])
        finally:
            self._syncing = False
        return frozenset({cursor.blockNumber()})

    def _highlight(self, edited: frozenset[int] = frozenset()) -> None:
        """Both sides' highlights, drawn by a syntax highlighter from (start, end, format)
        ranges: far cheaper than one text cursor per suggestion on every keystroke."""
        review = self.review
        if review is None:
            return
        field = self.field
        offsets = self._offsets.get(field) or Offsets("")
        redacted = self.redacted.get(field)
        original: list[tuple[int, int, QTextCharFormat]] = []
        preview: list[tuple[int, int, QTextCharFormat]] = []
        current = None
        ranges: dict[int, tuple[int, int]] = {}
        out_offsets = Offsets("")
        if redacted is not None:
            ranges = {seg.span_id: (seg.out_start, seg.out_end) for seg in redacted.segments
                      if seg.span_id is not None}
            out_offsets = Offsets(redacted.text)
        hidden = self.original_hidden
        for span in review.spans:
            if span.field != field:
                continue
            is_current = span.id == self.current_id
            if is_current:
                current = span
            if not hidden:
                original.append((offsets.to_qt(span.start), offsets.to_qt(span.end),
                                 self._original_format(span, is_current)))
            if redacted is None:
                continue
            where = ranges.get(span.id)
            if where is None or span.decision == Decision.PENDING:
                # not redacted: still to decide (dashed), kept (nothing); on a second look
                # an undecided one is redacted in the preview, and still drawn dashed
                if where is None:
                    if not is_current and span.decision != Decision.PENDING:
                        continue
                    begin = redacted.to_output(span.start)
                    where = (begin, begin + (span.end - span.start))
                fmt = self._preview_format(span.label, "current" if is_current else "pending")
            else:
                fmt = self._preview_format(span.label, "current-redacted" if is_current else "redacted")
            preview.append((out_offsets.to_qt(where[0]), out_offsets.to_qt(where[1]), fmt))
        self.original_highlighter.set_ranges(original)
        self.preview_highlighter.set_ranges(preview, also=edited)
        if current is not None:
            self._reveal(current)

    def _original_format(self, span: ReviewSpan, is_current: bool) -> QTextCharFormat:
        low = span.state.score < LOW_SCORE
        key = (span.label, span.decision, low, is_current)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if span.decision == Decision.KEEP:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor("#777777"))
            else:
                fmt.setBackground(fill_colour(span.label, span.state.score))
                if span.decision == Decision.PENDING:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                    fmt.setUnderlineColor(ink_colour(span.label))
            if is_current:
                fmt.setBackground(ink_colour(span.label))
                fmt.setForeground(QColor("#ffffff"))
                fmt.setFontWeight(QFont.Weight.Bold)
            self._formats[key] = fmt
        return fmt

    def _preview_format(self, label: str, kind: str) -> QTextCharFormat:
        key = (label, kind)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if kind in ("redacted", "current-redacted"):
                fmt.setBackground(fill_colour(label))
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline if kind == "current"
                                      else QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(ink_colour(label))
            if kind.startswith("current"):
                fmt.setFontWeight(QFont.Weight.Bold)
            self._formats[key] = fmt
        return fmt

    def _reveal(self, span: ReviewSpan) -> None:
        """Bring the current suggestion into view on both sides."""
        offsets = self._offsets.get(span.field) or Offsets("")
        self._syncing = True
        try:
            for edit, position in ((self.original_edit, offsets.to_qt(span.start)),
                                   (self.preview_edit, self._preview_position(span))):
                if edit is self.original_edit and (self.original_hidden or edit.textCursor().hasSelection()):
                    continue  # nothing shown there, or keep the reviewer's selection
                cursor = QTextCursor(edit.document())
                cursor.setPosition(min(position, edit.document().characterCount() - 1))
                if edit.viewport().rect().adjusted(0, 4, 0, -4).contains(edit.cursorRect(cursor)):
                    continue  # already in view: leave the scrolling alone
                edit.setTextCursor(cursor)
                edit.ensureCursorVisible()
        finally:
            self._syncing = False

    def _preview_position(self, span: ReviewSpan) -> int:
        redacted = self.redacted.get(span.field)
        if redacted is None:
            return 0
        where = redacted.replacement_range(span.id)
        return Offsets(redacted.text).to_qt(where[0] if where else redacted.to_output(span.start))

    def _sync_scroll(self, source: QPlainTextEdit, target: QPlainTextEdit) -> None:
        """Keep both sides at the same place in the text while scrolling."""
        if self._syncing:
            return
        src, dst = source.verticalScrollBar(), target.verticalScrollBar()
        if src.maximum() <= 0:
            return
        self._syncing = True
        try:
            dst.setValue(round(src.value() * dst.maximum() / src.maximum()))
        finally:
            self._syncing = False

    def _select_row(self) -> None:
        row = self.span_model.row_of(self.current_id)
        selection = self.span_table.selectionModel()
        self._syncing = True
        try:
            if row < 0:
                selection.clearSelection()
                return
            index = self.span_model.index(row, 0)
            if selection.currentIndex().row() != row or not selection.isRowSelected(row):
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
            self.span_table.scrollTo(index)
        finally:
            self._syncing = False

    def _show_editor(self) -> None:
        span = self.current_span()
        has = span is not None
        for widget in (self.label_combo, self.replacement_edit):
            widget.setEnabled(has)
        self.label_combo.blockSignals(True)
        self.replacement_edit.blockSignals(True)
        self.generalise_check.blockSignals(True)
        try:
            if span is None:
                self.replacement_edit.setText("")
                self.replacement_edit.setPlaceholderText("")
                self.generalise_check.setChecked(False)
                self.generalise_check.setEnabled(False)
                return
            self.label_combo.setCurrentIndex(max(self.label_combo.findData(span.label), 0))
            if not self.replacement_edit.hasFocus():
                self.replacement_edit.setText(span.state.replacement or "")
            self.replacement_edit.setPlaceholderText(f"[{PLACEHOLDER_NAMES[span.label]}]")
            self.generalise_check.setEnabled(span.label == "DATE")
            self.generalise_check.setChecked(span.label == "DATE" and span.state.generalise)
        finally:
            self.label_combo.blockSignals(False)
            self.replacement_edit.blockSignals(False)
            self.generalise_check.blockSignals(False)

    def _update_enabled(self) -> None:
        ready = self.review is not None and not self.loading
        has_span = ready and self.current_id is not None
        # Published and set-aside reports refuse edits (the domain says why): show them
        # read-only rather than let a reviewer find out on the first key.
        editable = ready and self.workflow.stage not in FROZEN_STAGES
        for action in (self.accept_action, self.reject_action, *self.label_actions):
            action.setEnabled(editable)
        for action in (self.next_action, self.previous_action):
            action.setEnabled(has_span)
        for action in (self.redact_selection_action, self.all_occurrences_action):
            action.setEnabled(editable)
        self.all_button.setEnabled(editable)
        self.reveal_action.setEnabled(ready and self.original_hidden)
        self.reveal_button.setEnabled(ready and self.original_hidden)
        self.undo_action.setEnabled(editable and self.undo_stack.can_undo)
        self.redo_action.setEnabled(editable and self.undo_stack.can_redo)
        if ready:
            self.coding_panel.setEnabled(editable)
            try:  # say why everything is greyed out; take it back when reopened
                check_editable(self.workflow.stage)
                if self._frozen_message is not None and self.error_label.text() == self._frozen_message:
                    self.error_label.clear_error()
                self._frozen_message = None
            except NotEditable as frozen:
                self.error_label.show_error(frozen.message)
                self._frozen_message = frozen.message

    # ----- moving ------------------------------------------------------------------

    def set_current(self, span_id: int | None) -> None:
        span = None
        if self.review is not None and span_id is not None:
            span = next((s for s in self.review.spans if s.id == span_id), None)
        self.current_id = span.id if span else None
        self._render(show_field=span.field if span else None)

    def _step(self, delta: int) -> None:
        spans = self.span_model.spans()
        if not spans:
            return
        row = self.span_model.row_of(self.current_id)
        row = 0 if row < 0 else max(0, min(len(spans) - 1, row + delta))
        self.set_current(spans[row].id)

    def next_span(self) -> None:
        self._step(1)

    def previous_span(self) -> None:
        self._step(-1)

    def _on_table_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        span = current.data(ROW_ROLE)
        if isinstance(span, ReviewSpan) and span.id != self.current_id:
            self.set_current(span.id)

    def _on_field_tab(self, index: int) -> None:
        name = self.field_tabs.tabData(index)
        if not name or self.review is None or name == self.field:
            return
        current = self.current_span()
        if current is None or current.field != name:
            first = next((s for s in self.span_model.spans() if s.field == name), None)
            self.current_id = first.id if first else None
        self._render(show_field=name)

    def show_field(self, name: str) -> None:
        for i in range(self.field_tabs.count()):
            if self.field_tabs.tabData(i) == name:
                self.field_tabs.setCurrentIndex(i)

    # ----- deciding ----------------------------------------------------------------

    def _apply(self, make: Callable[[], Outcome], *, advance: bool = False) -> Outcome | None:
        """Run one decision (saved at once), remember it for undo, and redraw."""
        if self.review is None or self.loading:
            return None
        try:
            change = self.undo_stack.push(make())
        except WorkstationError as exc:
            self.error_label.show_error(exc.message)
            return None
        self.error_label.clear_error()
        self._reload(advance=advance, change=change)
        return change

    def _reload(self, *, advance: bool = False, change: Outcome | None = None) -> None:
        assert self.review is not None
        self.review = refreshed(self.session, self.review)
        self.span_model.set_spans(self._ordered(self.review.spans), self.review.texts)
        spans = self.span_model.spans()
        ids = [s.id for s in spans]
        if change is not None:
            by_uid = {s.uid: s.id for s in spans}
            added = [by_uid[c.uid] for c in change.changes if c.after is not None and c.uid in by_uid]
            new_span = any(c.before is None for c in change.changes)
            if added and (new_span or self.current_id not in ids):
                self.current_id = added[0]
        if advance and self.current_id in ids:
            row = ids.index(self.current_id)
            self.current_id = ids[min(row + 1, len(ids) - 1)]
        if self.current_id not in ids:
            self.current_id = ids[0] if ids else None
        current = self.current_span()
        self._render(show_field=current.field if current else None)
        if change is not None and change.changes:
            self.changed.emit(self.review.report_id)

    def _current_ids(self) -> list[int]:
        return [self.current_id] if self.current_id is not None else []

    def accept_current(self) -> None:
        self._decide(Decision.REDACT)

    def reject_current(self) -> None:
        self._decide(Decision.KEEP)

    def _decide(self, decision: Decision) -> None:
        ids, review = self._current_ids(), self.review
        if not ids or review is None:
            return
        self._apply(lambda: actions.decide(self.session, review.report_id, ids, decision), advance=True)

    def _selection(self) -> tuple[int, int] | None:
        cursor = self.original_edit.textCursor()
        if not cursor.hasSelection():
            return None
        offsets = self._offsets.get(self.field) or Offsets("")
        start, end = offsets.from_qt(cursor.selectionStart()), offsets.from_qt(cursor.selectionEnd())
        text = self.review.texts.get(self.field, "") if self.review else ""
        while start < end and text[start].isspace():  # trim what a double-click or drag took
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def _clear_selection(self) -> None:
        cursor = self.original_edit.textCursor()
        cursor.clearSelection()
        self.original_edit.setTextCursor(cursor)

    def set_label(self, label: str) -> None:
        """Relabel the current suggestion, or mark the selected text with `label`."""
        if self.review is None:
            return
        self.new_label = label
        if self._selection() is not None:
            self.redact_selection()
            return
        ids, review = self._current_ids(), self.review
        if ids:
            self._apply(lambda: actions.relabel(self.session, review.report_id, ids, label))

    def redact_selection(self) -> None:
        review, selected, field = self.review, self._selection(), self.field
        if review is None:
            return
        if self.original_hidden:
            self.error_label.show_error(
                f"The original is hidden on a second look. To mark a missed identifier in it, reveal "
                f"it first (Reveal original, {REVEAL_SHORTCUT}); revealing is recorded in the audit log.")
            return
        if selected is None:
            self.error_label.show_error("Select the missed identifier in the original text first.")
            return
        label = self.new_label
        self._clear_selection()
        self._apply(lambda: actions.add_spans(self.session, review.report_id, field, [selected], label))

    def redact_all_occurrences(self) -> None:
        review = self.review
        if review is None:
            return
        selected = self._selection()
        current = self.current_span()
        if selected is not None:
            needle = review.texts[self.field][selected[0]:selected[1]]
            label = self.new_label
        elif current is not None:
            needle = review.texts[current.field][current.start:current.end]
            label = current.label
        else:
            self.error_label.show_error("Select a word or name first.")
            return
        self._clear_selection()
        self._apply(lambda: actions.redact_all_occurrences(self.session, review.report_id, review.texts,
                                                             needle, label))

    def _on_replacement(self) -> None:
        span, review = self.current_span(), self.review
        if span is None or review is None:
            return
        text = self.replacement_edit.text()
        if " ".join(text.split()) == (span.state.replacement or ""):
            return
        self._apply(lambda: actions.set_replacement(self.session, review.report_id, [span.id],
                                                      text or None))

    def set_replacement(self, text: str | None) -> None:
        self.replacement_edit.setText(text or "")
        self._on_replacement()

    def set_generalise(self, on: bool) -> None:
        span, review = self.current_span(), self.review
        if span is None or review is None:
            return
        self._apply(lambda: actions.set_generalise(self.session, review.report_id, [span.id], bool(on)))

    def undo(self) -> None:
        self._history(self.undo_stack.undo)

    def redo(self) -> None:
        self._history(self.undo_stack.redo)

    def _history(self, step: Callable[[], Outcome | None]) -> None:
        if self.review is None or self.loading:
            return
        try:
            change = step()
        except WorkstationError as exc:
            self.error_label.show_error(exc.message)
            return
        if change is None:
            return
        self.error_label.clear_error()
        touched = [c.uid for c in change.changes]
        self.review = refreshed(self.session, self.review)
        by_uid = {s.uid: s.id for s in self.review.spans}
        target = next((by_uid[u] for u in touched if u in by_uid), None)
        if target is not None:
            self.current_id = target
        self._reload()
        self.changed.emit(self.review.report_id)

    def _on_moved(self, report_id: int) -> None:
        """The report changed stage: show where it is now."""
        if self.review is None or report_id != self.review.report_id or self._closed:
            return
        db = self.session.db
        self.stage_label.setText(describe_stage(db, report_id))
        self.workflow.set_report(report_id, report_stage(db, report_id))
        self._update_enabled()
        self.changed.emit(report_id)

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
