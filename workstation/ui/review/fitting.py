"""Fitting the review to the screen (a part of ReviewView): below NARROW_WIDTH (1024x700, or
a window made small) the coding panel starts hidden and F4 (Review > Coding panel, or the
toolbar's "Coding panel") shows it; the legend gives way to the field tabs first; the
toolbar puts Workflow second, so only the least needed buttons go behind its chevron (all
stay in the Review menu). The reviewer's own choice is kept for each of the two widths."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QResizeEvent

if TYPE_CHECKING:
    from workstation.ui.review.host import ReviewViewHost as _Base
else:
    _Base = object

NARROW_WIDTH = 1180  # below this (a 1024-wide screen, a small window) the coding panel starts hidden;
# the main window starts as wide as the screen allows (main_window.py), so a 1366 screen shows it
TAB_PADDING = 36  # a field tab's width beyond its text (style margins), generously


class Fitting(_Base):
    _narrow: bool | None = None
    _side_choice: dict[bool, bool] | None = None  # narrow -> the reviewer's choice

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
        self.fit_legend()

    def fit_legend(self) -> None:
        """The field tabs come first: the legend (its colours are also in the list and the
        label box) shows only where both fit whole."""
        tabs = self.field_tabs  # measured from the texts: asking a QTabBar its sizeHint
        metrics = tabs.fontMetrics()  # mid-change leaves it laid out with no height
        wanted = sum(metrics.horizontalAdvance(tabs.tabText(i)) + TAB_PADDING for i in range(tabs.count()))
        fits = self.reading.width() - wanted - 24 >= self.legend.sizeHint().width()
        if fits != self.legend.isVisibleTo(self):
            self.legend.setVisible(fits)

    def _fit(self) -> None:
        width = self.width()
        narrow = width < NARROW_WIDTH
        if narrow == self._narrow:
            return
        self._narrow = narrow
        choice = (self._side_choice or {}).get(narrow, not narrow)
        self._show_side(choice)

    def _show_side(self, visible: bool) -> None:
        self.side_tabs.setVisible(visible)
        self.splitter.refresh()
        self.fit_legend()
        self.coding_action.blockSignals(True)
        self.coding_action.setChecked(visible)
        self.coding_action.blockSignals(False)

    def toggle_coding_panel(self) -> None:
        """F4: show or hide the coding panel (remembered for this width while the app runs)."""
        visible = not self.side_tabs.isVisible()
        if self._side_choice is None:
            self._side_choice = {}
        self._side_choice[bool(self._narrow)] = visible
        self._show_side(visible)
        if visible:
            self.side_tabs.currentWidget().setFocus()
