"""Drawing the open report (a part of ReviewView): the preview replaced where it changed,
both sides' highlights, the list's selection, the editor of the current suggestion, which
actions are enabled."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from workstation.errors import NotEditable
from workstation.review.placeholders import PLACEHOLDER_NAMES
from workstation.review.published_text import published_texts
from workstation.review.spans import Decision, ReviewSpan
from workstation.stages import EDITABLE, Stage, check_editable
from workstation.ui.review.palette import (
    FIELD_NAMES,
    LOW_SCORE,
    NOT_PUBLISHED_CAPTION,
    NOT_PUBLISHED_TIP,
    PREVIEW_CAPTION,
    fill_colour,
    ink_colour,
)
from workstation.ui.review.text_sync import (
    Offsets,
    bmp_only,
    common_prefix_length,
    common_suffix_length,
    visible_form,
)
from workstation.workflow.publishable import PUBLISHED_TEXT_FIELDS

if TYPE_CHECKING:
    from workstation.ui.review.host import ReviewViewHost as _Base
else:
    _Base = object

FROZEN_STAGES = frozenset(stage.value for stage in Stage if stage not in EDITABLE)


class Drawing(_Base):
    """What ReviewView draws after opening a report or a decision."""

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
            self.original_edit.setPlainText("" if hidden else visible_form(review.texts.get(field, "")))
            self.preview_edit.setPlainText(self.redacted[field].text if field in self.redacted else "")
            edited = frozenset(range(self.preview_edit.document().blockCount()))
        else:
            edited = self._set_preview(self.redacted[field].text if field in self.redacted else "")
        relaid = False
        for i in range(self.field_tabs.count()):
            name = self.field_tabs.tabData(i)
            text = self._tab_text(name)
            if self.field_tabs.tabText(i) != text:  # a new text relays the tab bar out
                self.field_tabs.setTabText(i, text)
                relaid = True
            if name == field and self.field_tabs.currentIndex() != i:
                self.field_tabs.blockSignals(True)
                self.field_tabs.setCurrentIndex(i)
                self.field_tabs.blockSignals(False)
        if relaid:
            self.fit_legend()
        self.span_model.set_shown(self._published_texts() if hidden else None)
        self._show_preview_caption()
        self._highlight(edited)
        self._select_row()
        self._show_editor()
        self.progress_label.setText(review.progress_text())
        self._update_enabled()

    def _show_preview_caption(self) -> None:
        """Honest labels: the officer's title and lessons are never published."""
        published = self.field in PUBLISHED_TEXT_FIELDS
        caption = PREVIEW_CAPTION if published or not self.field else NOT_PUBLISHED_CAPTION
        if self.preview_caption.text() != f"<b>{caption}</b>":
            self.preview_caption.setText(f"<b>{caption}</b>")
            name = FIELD_NAMES.get(self.field, self.field).lower()
            self.preview_caption.setToolTip("" if published else NOT_PUBLISHED_TIP.format(field=name))

    def _published_texts(self) -> dict[int, str]:
        """Each suggestion's text as the publication shows it (second look's list)."""
        assert self.review is not None
        return published_texts(self.redacted, self.review.spans)

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
                view = edit.viewport().rect()
                middle = view.adjusted(0, view.height() // 5, 0, -view.height() // 5)
                if middle.contains(edit.cursorRect(cursor)):
                    continue  # well in view: leave the scrolling alone
                # centred, so the suggestion's whole sentence is in view, not at an edge
                edit.setTextCursor(cursor)
                edit.centerCursor()
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
        review_spans = self.review.spans if ready and self.review is not None else ()
        # Published and set-aside reports refuse edits (the domain says why): show them
        # read-only rather than let a reviewer find out on the first key.
        editable = ready and self.workflow.stage not in FROZEN_STAGES
        for action in (self.accept_action, self.reject_action, *self.label_actions):
            action.setEnabled(editable)
        for action in (self.down_action, self.up_action, self.next_action, self.previous_action):
            action.setEnabled(ready and bool(review_spans))  # from a field without any, too
        for action in (self.next_field_action, self.previous_field_action, self.next_report_action,
                       self.previous_report_action, self.find_action):
            action.setEnabled(ready)
        for action in (self.accept_label_action, self.accept_score_action, self.keep_word_action,
                       self.widen_end_action, self.narrow_end_action, self.widen_start_action,
                       self.narrow_start_action):
            action.setEnabled(editable and has_span)
        self.find_button.setEnabled(editable)
        for action in (self.redact_selection_action, self.all_occurrences_action):
            action.setEnabled(editable)
        self.all_button.setEnabled(editable)
        self.reveal_action.setEnabled(ready and self.original_hidden)
        self.reveal_button.setEnabled(ready and self.original_hidden)
        self.undo_action.setEnabled(editable and self.undo_stack.can_undo)
        self.redo_action.setEnabled(editable and self.undo_stack.can_redo)
        if ready:
            self.coding_panel.setEnabled(editable)
            self.details_panel.setEnabled(editable)
            try:  # say why everything is greyed out; take it back when reopened
                check_editable(self.workflow.stage)
                if self._frozen_message is not None and self.error_label.text() == self._frozen_message:
                    self.error_label.clear_error()
                self._frozen_message = None
            except NotEditable as frozen:
                self.error_label.show_error(frozen.message)
                self._frozen_message = frozen.message
