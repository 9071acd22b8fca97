"""The decision slots of the review view (a part of ReviewView): each key or button runs
one review command through `workstation.workflow.actions` (saved at once, undoable), then
the view redraws."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workstation.errors import WorkstationError
from workstation.review.report_review import refreshed
from workstation.review.spans import Decision, Origin, ReviewSpan
from workstation.stages import Stage
from workstation.ui.review.keep_reason import KeepReasonPopup
from workstation.ui.review.navigation import reading_key
from workstation.ui.review.palette import REVEAL_SHORTCUT
from workstation.ui.review.text_sync import Offsets
from workstation.workflow import actions, residual_actions
from workstation.workflow.apply import Outcome
from workstation.workflow.residual_actions import needs_keep_reason
from workstation.workflow.review_reads import stage_shown
from workstation.workflow.stage2_notice import stage2_change_notice

# A move forward to a signed stage is a signature that went through.
SIGNED_WORDS = {
    (Stage.STAGE1.value, Stage.STAGE1_SIGNED.value):
        "Stage 1 signed. The report now waits for a second reviewer (stage 2).",
    (Stage.STAGE2.value, Stage.APPROVED.value):
        "Approved. Both sign-offs are in; the report goes out with the next publication batch.",
}

if TYPE_CHECKING:
    from workstation.ui.review.host import ReviewViewHost as _Base
else:
    _Base = object


def asks_why(span: ReviewSpan) -> bool:
    """A keep of this suggestion needs a reason: the detector was sure and it is not kept yet."""
    return span.state.origin == Origin.DETECTOR and needs_keep_reason(span.state.score) and (
        span.decision != Decision.KEEP)


class DecisionSlots(_Base):
    """Accept, reject, label, mark, own words, dates, all occurrences, undo and redo."""

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
        self.show_notice("")  # what the last step said is past
        self._reload(advance=advance, change=change)
        self._two_person_notice()
        return change

    def _two_person_notice(self) -> None:
        """At stage 2: say at once when a decision changed what stage 1 signed (narrowing
        or keeping what stage 1 redacted above all); the report must go back to stage 1."""
        if self.review is None or self.workflow.stage != Stage.STAGE2:
            return
        notice = stage2_change_notice(self.session, self.review.report_id)
        if notice is not None:
            self.show_notice(notice)

    def _reload(self, *, advance: bool = False, change: Outcome | None = None) -> None:
        assert self.review is not None
        was = self.current_span()
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
        if self.current_id not in ids:  # gone from the list (filtered out): the one after it
            if was is None:
                self.current_id = ids[0] if ids else None
            else:
                after = [s.id for s in spans if reading_key(s) > reading_key(was)]
                self.current_id = after[0] if after else (ids[-1] if ids else None)
        current = self.current_span()
        self._render(show_field=current.field if current else None)
        if change is not None and change.changes:
            self.changed.emit(self.review.report_id)

    def _current_ids(self) -> list[int]:
        return [self.current_id] if self.current_id is not None else []

    def accept_current(self) -> None:
        self._decide(Decision.REDACT)

    def reject_current(self) -> None:
        """Keep the current suggestion; where the detector was sure, ask why first (a small
        popup: a digit picks a reason, Enter keeps, Esc cancels the keep)."""
        span, review = self.current_span(), self.review
        if span is None or review is None or self.loading:
            return
        if not asks_why(span):
            self._decide(Decision.KEEP)
            return
        report_id, span_id = review.report_id, span.id

        def keep(reason: str | None) -> None:
            self._apply(lambda: residual_actions.keep(self.session, report_id, [span_id], reason),
                        advance=True)

        self.ask_keep_reason(review.texts.get(span.field, "")[span.start:span.end], span, keep)

    def ask_keep_reason(self, words: str, sure: ReviewSpan, keep: Callable[[str | None], object]) -> None:
        """Open the why-keep popup for `words` (label and score of `sure`, the suggestion the
        detector was surest of); `keep(reason)` runs if it is accepted while the same report
        is still open. Focus goes back where the reviewer was."""
        review = self.review
        assert review is not None
        popup = KeepReasonPopup(words, sure.label, sure.state.score, self)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.keep_popup = popup
        report_id = review.report_id

        def kept() -> None:
            if self.review is not None and self.review.report_id == report_id:
                keep(popup.reason())

        back = QApplication.focusWidget()  # the text the reviewer was in (original or preview)

        def refocus(_result: int) -> None:
            if back is not None and shiboken6.isValid(back) and back.isVisible():
                back.setFocus()

        popup.accepted.connect(kept)
        popup.finished.connect(refocus)
        popup.open()

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
        here = self._here()
        if self._apply(lambda: actions.redact_all_occurrences(self.session, review.report_id, review.texts,
                                                                needle, label)) is not None:
            # on to the next suggestion still to decide after where the reviewer was,
            # not after the last occurrence marked
            target = self._undecided_after(here, 1)
            if target is not None:
                self.set_current(target.id)

    def resize_current(self, edge: str, grow: bool) -> None:
        """Widen or narrow the current suggestion by one word at its start or end."""
        span, review = self.current_span(), self.review
        if span is None or review is None:
            return
        self._apply(lambda: actions.resize_span(self.session, review.report_id, span.id, review.texts,
                                                edge, grow))

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
        self.show_notice("")
        self._reload()
        self._two_person_notice()
        self.changed.emit(self.review.report_id)

    def _on_moved(self, report_id: int) -> None:
        """The report changed stage: show where it is now."""
        if self.review is None or report_id != self.review.report_id or self._closed:
            return
        before = self.workflow.stage
        stage = stage_shown(self.session, report_id)
        self.stage_label.setText(stage.words)
        self.workflow.set_report(report_id, stage.code)
        self._update_enabled()
        signed = SIGNED_WORDS.get((str(before), str(stage.code)))
        if signed is not None:  # said plainly, not only in the small stage label
            self.show_notice(signed)
            bar = getattr(self.window(), "statusBar", None)
            if callable(bar):
                bar().showMessage(f"Report {report_id}: {signed}", 15_000)
        self.changed.emit(report_id)
