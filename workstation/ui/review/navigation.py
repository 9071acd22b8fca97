"""Moving through work (a part of ReviewView): the next or previous suggestion still to
decide in any field (j/k), the next or previous suggestion in the list (arrows), the next
or previous field (]/[), and the next or previous report of the queue as it is filtered
(Shift+J/Shift+K: the review is a stream, as in Prodigy: finish one, open the next)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex

from workstation.review.spans import Decision, ReviewSpan
from workstation.ui.listing import ROW_ROLE
from workstation.ui.review.palette import FIELD_NAMES

if TYPE_CHECKING:
    from workstation.ui.review.host import ReviewViewHost as _Base
else:
    _Base = object

Stream = Callable[[int, int], "int | None"]  # (report id, +1 or -1) -> the neighbour in the queue


def reading_key(span: ReviewSpan) -> tuple[int, int, int]:
    order = list(FIELD_NAMES)
    return (order.index(span.field) if span.field in order else 99, span.start, span.id)


class Navigation(_Base):
    """j/k, the arrows, ]/[ and Shift+J/Shift+K."""

    stream: Stream | None = None  # the queue's order, set by the main window

    def set_current(self, span_id: int | None) -> None:
        span = None
        if self.review is not None and span_id is not None:
            span = next((s for s in self.review.spans if s.id == span_id), None)
        self.current_id = span.id if span else None
        self._render(show_field=span.field if span else None)

    def _here(self) -> tuple[int, int, int]:
        """Where the reader is: the current suggestion, else the start of the field shown."""
        current = self.current_span()
        if current is not None:
            return reading_key(current)
        order = list(FIELD_NAMES)
        return (order.index(self.field) if self.field in order else 99, -1, -1)

    def _step(self, delta: int) -> None:
        spans = self.span_model.spans()
        if not spans:
            return
        row = self.span_model.row_of(self.current_id)
        if row < 0:  # a field without suggestions: the neighbour in reading order
            here = self._here()
            after = [i for i, s in enumerate(spans) if reading_key(s) > here]
            before = [i for i, s in enumerate(spans) if reading_key(s) < here]
            row = (after[0] if after else len(spans) - 1) if delta > 0 else (before[-1] if before else 0)
        else:
            row = max(0, min(len(spans) - 1, row + delta))
        self.set_current(spans[row].id)

    def next_span(self) -> None:
        self._step(1)

    def previous_span(self) -> None:
        self._step(-1)

    def next_undecided(self) -> None:
        self._to_undecided(1)

    def previous_undecided(self) -> None:
        self._to_undecided(-1)

    def _undecided_after(self, here: tuple[int, int, int], delta: int) -> ReviewSpan | None:
        """The next (delta 1) or previous (-1) suggestion still to decide from `here` in
        reading order, in any field of the list, wrapping round; None when none is left."""
        pending = [s for s in self.span_model.spans() if s.decision == Decision.PENDING]
        if not pending:
            return None
        if delta > 0:
            return next((s for s in pending if reading_key(s) > here), pending[0])
        return next((s for s in reversed(pending) if reading_key(s) < here), pending[-1])

    def _to_undecided(self, delta: int) -> None:
        """j/k; when nothing is left to decide they step through the list, and at its end
        say where the next report is."""
        if self.review is None or self.loading:
            return
        target = self._undecided_after(self._here(), delta)
        if target is not None:
            self.set_current(target.id)
            return
        # Everything is decided (stage 2, say): j/k step through the list as the arrows do.
        was = self.current_id
        self._step(delta)
        if self.current_id == was:
            where = " in the list as filtered" if self.span_model.filtered else " in this report"
            self.show_notice(f"Every suggestion{where} is decided. Shift+J opens the next report "
                             "in the queue.")

    def next_field(self) -> None:
        self._to_field(1)

    def previous_field(self) -> None:
        self._to_field(-1)

    def _to_field(self, delta: int) -> None:
        count = self.field_tabs.count()
        if self.review is None or not count:
            return
        index = max(0, min(count - 1, self.field_tabs.currentIndex() + delta))
        if index != self.field_tabs.currentIndex():
            self.field_tabs.setCurrentIndex(index)  # -> _on_field_tab

    def next_report(self) -> None:
        self._to_report(1)

    def previous_report(self) -> None:
        self._to_report(-1)

    def _to_report(self, delta: int) -> None:
        if self.report_id is None or self.stream is None:
            return
        target = self.stream(self.report_id, delta)
        if target is None:
            self.show_notice("This is the " + ("last" if delta > 0 else "first")
                             + " report in the queue as it is filtered.")
            return
        self.flush()
        self.open_report(target)

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
            in_field = [s for s in self.span_model.spans() if s.field == name]
            first = next((s for s in in_field if s.decision == Decision.PENDING), None) \
                or next(iter(in_field), None)
            self.current_id = first.id if first else None
        self._render(show_field=name)

    def show_field(self, name: str) -> None:
        for i in range(self.field_tabs.count()):
            if self.field_tabs.tabData(i) == name:
                self.field_tabs.setCurrentIndex(i)
