"""Deciding many at once (a part of ReviewView): accept every suggestion of a label (or
scoring at least as high), keep every occurrence of a word, find and redact, the list's
filters and the right-click menu on a highlight. Which spans a rule selects is decided in
`workstation.review.bulk`; each bulk decision is ONE review command (a Decide naming every
span, or one AddSpans), so Ctrl+Z takes all of it back in one step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from workstation.detect.labels import LABELS
from workstation.review import bulk
from workstation.review.spans import Decision, ReviewSpan
from workstation.ui.review.decisions import asks_why
from workstation.ui.review.palette import DECISION_NAMES, LABEL_NAMES
from workstation.ui.review.text_sync import Offsets
from workstation.workflow import actions, residual_actions

if TYPE_CHECKING:
    from workstation.ui.review.host import ReviewViewHost as _Base
else:
    _Base = object


class BulkSlots(_Base):
    """Bulk decisions, find and redact, filters, the right-click menu."""

    context_menu: QMenu | None = None  # the right-click menu last shown (tests look at it)

    def _build_tools(self) -> QWidget:
        """The row above the list: its filters, and the find box."""
        self.label_filter = QComboBox()
        self.label_filter.setAccessibleName("Show label")
        self.label_filter.addItem("All labels", None)
        for label in LABELS:
            self.label_filter.addItem(LABEL_NAMES[label], label)
        self.decision_filter = QComboBox()
        self.decision_filter.setAccessibleName("Show decision")
        self.decision_filter.addItem("All decisions", None)
        for decision in Decision:
            self.decision_filter.addItem(DECISION_NAMES[decision].capitalize(), decision.value)
        for combo in (self.label_filter, self.decision_filter):
            combo.setToolTip("Show only some suggestions in the list (j/k and the arrows follow the list)")
            combo.currentIndexChanged.connect(lambda _i: self._on_filter())
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find and redact (/)")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setAccessibleName("Find and redact")
        self.find_edit.setToolTip("Text (or a pattern) to find in every field, case-insensitive; Enter marks "
                                  "every match for redaction with the label beside it, in one undoable step")
        self.find_edit.returnPressed.connect(self.find_and_redact)
        self.pattern_check = QCheckBox("Pattern")
        self.pattern_check.setToolTip("Read the find box as a regular expression, e.g. \\bunit \\d+\\b")
        self.find_label = QComboBox()
        self.find_label.setAccessibleName("Label for the matches")
        for label in LABELS:
            self.find_label.addItem(LABEL_NAMES[label], label)
        self.find_button = QPushButton("Redact matches")
        self.find_button.setToolTip("Mark every match for redaction (one undoable step)")
        self.find_button.clicked.connect(lambda _checked=False: self.find_and_redact())
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Show"))
        layout.addWidget(self.label_filter)
        layout.addWidget(self.decision_filter)
        layout.addSpacing(12)
        layout.addWidget(self.find_edit, 1)
        layout.addWidget(self.pattern_check)
        layout.addWidget(self.find_label)
        layout.addWidget(self.find_button)
        return row

    def show_notice(self, text: str) -> None:
        """A plain sentence over the text (what a bulk step did, where the next report is)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    # ----- filters --------------------------------------------------------------------

    def _on_filter(self) -> None:
        self.span_model.set_filter(self.label_filter.currentData(), self.decision_filter.currentData())
        self._select_row()

    # ----- bulk decisions -------------------------------------------------------------

    def _decide_many(self, ids: list[int], decision: Decision, what: str) -> None:
        review = self.review
        if review is None:
            return
        if not ids:
            self.show_notice(f"No suggestion to {what}.")
            return
        if self._apply(lambda: actions.decide(self.session, review.report_id, ids, decision)) is not None:
            verb = "Redacted" if decision == Decision.REDACT else "Kept"
            self.show_notice(f"{verb} {len(ids)} suggestion{'s' if len(ids) != 1 else ''} ({what}); "
                             "Ctrl+Z undoes them all in one step.")

    def accept_all_of_label(self) -> None:
        """Redact every undecided suggestion with the current one's label."""
        current = self.current_span()
        if self.review is None or current is None:
            self.show_notice("Choose a suggestion first: its label is the one to accept.")
            return
        ids = bulk.with_label(self.review.spans, current.label)
        self._decide_many(ids, Decision.REDACT, f"every undecided {LABEL_NAMES[current.label]}")

    def accept_all_above_score(self) -> None:
        """Redact every undecided suggestion scoring at least the current one's score."""
        current = self.current_span()
        if self.review is None or current is None:
            self.show_notice("Choose a suggestion first: its score is the threshold.")
            return
        score = current.state.score
        ids = bulk.with_score(self.review.spans, score)
        self._decide_many(ids, Decision.REDACT, f"every undecided one scoring {score:.2f} or more")

    def keep_all_of_word(self) -> None:
        """Keep (not an identifier) every suggestion with the selected or current words."""
        review, current = self.review, self.current_span()
        if review is None:
            return
        selected = self._selection()
        if selected is not None:
            words = review.texts[self.field][selected[0]:selected[1]]
        elif current is not None:
            words = review.texts[current.field][current.start:current.end]
        else:
            self.show_notice("Choose a suggestion (or select a word) first.")
            return
        ids = bulk.same_words(review.spans, review.texts, words)
        what = f"every \u201c{' '.join(words.split())}\u201d"
        sure = [s for s in review.spans if s.id in ids and asks_why(s)]
        if not sure:
            self._decide_many(ids, Decision.KEEP, what)
            return
        # the detector was sure of at least one: ask why once, as `x` does, for all of them
        report_id = review.report_id

        def keep(reason: str | None) -> None:
            if self._apply(lambda: residual_actions.keep(self.session, report_id, ids, reason)) is not None:
                self.show_notice(f"Kept {len(ids)} suggestion{'s' if len(ids) != 1 else ''} ({what}); "
                                 "Ctrl+Z undoes them all in one step.")

        self.ask_keep_reason(words, max(sure, key=lambda s: s.state.score), keep)

    # ----- find and redact ------------------------------------------------------------

    def focus_find(self) -> None:
        selected = self._selection()
        if selected is not None and self.review is not None:
            self.find_edit.setText(self.review.texts[self.field][selected[0]:selected[1]])
        self.find_label.setCurrentIndex(max(self.find_label.findData(self.new_label), 0))
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find_and_redact(self) -> None:
        review = self.review
        if review is None or (self.original_hidden and not self.find_edit.text().strip()):
            return
        if self.original_hidden:
            self.error_label.show_error("The original is hidden on a second look: reveal it first to "
                                        "find and redact in it.")
            return
        query, pattern = self.find_edit.text(), self.pattern_check.isChecked()
        label = self.find_label.currentData()
        self.new_label = label
        outcome = self._apply(lambda: actions.redact_matches(self.session, review.report_id, review.texts,
                                                               query, label, pattern=pattern))
        if outcome is None:
            return
        added = sum(1 for c in outcome.changes if c.before is None)
        if not outcome.applied or not added:
            self.show_notice("Nothing new to redact: every match is redacted already, or there is none.")
        else:
            self.show_notice(f"Marked {added} match{'es' if added != 1 else ''} as {LABEL_NAMES[label]}; "
                             "Ctrl+Z undoes them all in one step.")
            self.original_edit.setFocus()

    # ----- the right-click menu on a highlight ---------------------------------------

    def span_at(self, qt_position: int) -> ReviewSpan | None:
        """The suggestion under a position of the original pane (the innermost one)."""
        if self.review is None:
            return None
        offset = (self._offsets.get(self.field) or Offsets("")).from_qt(qt_position)
        under = [s for s in self.review.spans if s.field == self.field and s.start <= offset < s.end]
        return min(under, key=lambda s: s.end - s.start) if under else None

    def _on_context_menu(self, pos: QPoint) -> None:
        edit = self.original_edit
        span = self.span_at(edit.cursorForPosition(pos).position())
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if span is not None:
            if span.id != self.current_id:
                self.set_current(span.id)
            relabel = menu.addMenu("Re&label as")
            relabel.addActions(self.label_actions)
            menu.addAction(self.accept_action)
            menu.addAction(self.reject_action)
            menu.addSeparator()
            for action in (self.widen_end_action, self.narrow_end_action, self.widen_start_action,
                           self.narrow_start_action):
                menu.addAction(action)
            menu.addSeparator()
            menu.addAction(self.accept_label_action)
            menu.addAction(self.keep_word_action)
            menu.addAction(self.all_occurrences_action)
        elif self._selection() is not None:
            menu.addAction(self.redact_selection_action)
            mark = menu.addMenu("&Mark as")
            mark.addActions(self.label_actions)
            menu.addAction(self.all_occurrences_action)
            menu.addAction(self.keep_word_action)
            menu.addAction(self.find_action)
        else:
            copy = edit.createStandardContextMenu(pos)
            copy.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.deleteLater()
            menu = copy
        self.context_menu = menu
        menu.popup(edit.viewport().mapToGlobal(pos))
