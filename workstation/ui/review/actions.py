"""The review view's actions and their keys (a part of ReviewView): the toolbar, the Review
menu's entries, and the list of every key (Help > Keyboard shortcuts, `?`) made from them.

Keys, chosen to feel like Prodigy's (a accept, x reject, one key each, the next task opens
when one is done) and Acrobat's Redact (mark, apply to all, find and redact): a, x, j/k next
and previous suggestion still to decide in any field, the arrows next and previous in the
list, ] and [ next and previous field, Shift+J and Shift+K next and previous report of the
queue, r redact selection, o all occurrences, 1-6 label, Shift+A accept every suggestion of
this label, Shift+S every one scoring at least this one, Shift+X keep every occurrence
of this word, Shift+Right/Left widen or narrow the end by a word (Alt+Shift+arrows the start),
/ find and redact, ? this list."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from workstation.detect.labels import LABELS
from workstation.ui.review.palette import LABEL_NAMES, REVEAL_SHORTCUT
from workstation.ui.review.shortcuts import ShortcutsDialog, menu_actions
from workstation.ui.review.workflow_actions import WorkflowActions

if TYPE_CHECKING:
    from workstation.ui.review.host import ReviewViewHost as _Base
else:
    _Base = object


class ReviewActions(_Base):
    """Builds the actions; ReviewView's other parts hold the slots."""

    shortcuts_dialog: ShortcutsDialog | None = None

    def _make_action(self, text: str, slot: Callable[[], object], keys: Sequence[str], tip: str,
                     where: QWidget | Sequence[QWidget]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({', '.join(keys)})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        for widget in (where,) if isinstance(where, QWidget) else where:
            widget.addAction(action)
        self.key_actions.append(action)
        return action

    def _build_actions(self) -> None:
        self.key_actions: list[QAction] = []  # every action made here, in order
        r, v, m = self.reading, self, self._make_action
        # the arrows only where they cannot mean anything else (not in the combos and boxes)
        panes = (self.original_edit, self.preview_edit, self.span_table, self.hidden_panel)
        self.back_action = m("&Back to queue", self.go_back, ["Esc"], "Back to the queue", v)
        self.accept_action = m("&Accept (redact)", self.accept_current, ["A"],
                               "Redact the current suggestion and go to the next", r)
        self.reject_action = m("Re&ject (keep)", self.reject_current, ["X"],
                               "Keep the text as written and go to the next", r)
        self.next_action = m("&Next to decide", self.next_undecided, ["J"],
                             "The next suggestion still to decide, in any field", r)
        self.previous_action = m("&Previous to decide", self.previous_undecided, ["K"],
                                 "The previous suggestion still to decide, in any field", r)
        self.down_action = m("Next in the &list", self.next_span, ["Down"],
                             "The next suggestion in the list, decided or not", panes)
        self.up_action = m("Previous in the l&ist", self.previous_span, ["Up"],
                           "The previous suggestion in the list, decided or not", panes)
        self.next_field_action = m("Next &field", self.next_field, ["]", "Ctrl+PgDown"],
                                   "The next field of the report", r)
        self.previous_field_action = m("Previous fi&eld", self.previous_field, ["[", "Ctrl+PgUp"],
                                       "The previous field of the report", r)
        self.next_report_action = m("Next repor&t", self.next_report, ["Shift+J"],
                                    "Open the next report of the queue (as it is filtered)", r)
        self.previous_report_action = m("Previous rep&ort", self.previous_report, ["Shift+K"],
                                        "Open the previous report of the queue (as it is filtered)", r)
        self.redact_selection_action = m("&Redact selection", self.redact_selection, ["R"],
                                         "Redact the text selected in the original (a missed identifier)", r)
        self.all_occurrences_action = m(
            "Redact all &occurrences", self.redact_all_occurrences, ["O"],
            "Redact every occurrence of the selected text or of the current one", r)
        self.accept_label_action = m("Accept all of this la&bel", self.accept_all_of_label, ["Shift+A"],
                                     "Redact every undecided suggestion with the current one's label, "
                                     "in one undoable step", r)
        self.accept_score_action = m("Accept all scoring at least this &high", self.accept_all_above_score,
                                     ["Shift+S"], "Redact every undecided suggestion scoring at least "
                                     "the current one's score, in one undoable step", r)
        self.keep_word_action = m("&Keep every occurrence of this word", self.keep_all_of_word, ["Shift+X"],
                                  "Keep every suggestion with the current one's words (not an identifier), "
                                  "in one undoable step", r)
        self.widen_end_action = m("Widen at the end", lambda: self.resize_current("end", True),
                                  ["Shift+Right"], "Take in the next word (the current suggestion)", panes)
        self.narrow_end_action = m("Narrow at the end", lambda: self.resize_current("end", False),
                                   ["Shift+Left"], "Leave out the last word (the current suggestion)", panes)
        self.widen_start_action = m("Widen at the start", lambda: self.resize_current("start", True),
                                    ["Alt+Shift+Left"], "Take in the word before (current suggestion)", panes)
        self.narrow_start_action = m("Narrow at the start", lambda: self.resize_current("start", False),
                                     ["Alt+Shift+Right"], "Leave out the first word", panes)
        self.find_action = m("Find and re&dact…", self.focus_find, ["/"],
                             "Mark every match of a text or pattern for redaction, across fields", r)
        self.undo_action = m("&Undo decision", self.undo, ["Ctrl+Z"], "Undo the last decision", v)
        self.redo_action = m("Re&do decision", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"],
                             "Redo the decision undone", v)
        self.reveal_action = m("Re&veal original", self.reveal_original, [REVEAL_SHORTCUT],
                               "Show the original text on a second look (recorded in the audit log)", v)
        self.shortcuts_action = m("&Keyboard shortcuts", self.show_shortcuts, ["?", "F1"],
                                  "Every key of the workstation", v)
        self.shortcuts_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.label_actions: list[QAction] = []
        for i, label in enumerate(LABELS, start=1):
            action = m(f"Label: {LABEL_NAMES[label]}", functools.partial(self.set_label, label), [str(i)],
                       f"Label the current suggestion (or the selected text) {LABEL_NAMES[label]}", r)
            self.label_actions.append(action)
        self.workflow = WorkflowActions(self.session, self, host=self)
        self.changed.connect(self.workflow.content_changed)  # a stale sign-off moves the report
        self.workflow.moved.connect(self._on_moved)
        self.workflow_button = QToolButton()
        self.workflow_button.setText("Workflow")
        self.workflow_button.setToolTip("Start, sign, approve, return or set aside the report; "
                                        "residual scan")
        self.workflow_button.setMenu(self.workflow.menu)
        self.workflow_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.coding_action = m("&Coding panel", self.toggle_coding_panel, ["F4"],
                               "Show or hide the coding panel (hidden at first on small screens)", v)
        self.coding_action.setCheckable(True)
        self.coding_action.setChecked(True)
        # What matters most first: on a small screen the last buttons go behind the chevron
        # (and stay in the Review menu), never Workflow.
        self.toolbar.addAction(self.back_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.workflow_button)
        self.toolbar.addAction(self.coding_action)
        toolbar: list[QAction | None] = [  # None: a separator
            None, self.accept_action, self.reject_action, None, self.previous_action, self.next_action,
            None, self.undo_action, self.redo_action, None, self.redact_selection_action,
            self.all_occurrences_action]
        for entry in toolbar:
            if entry is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(entry)

    def workflow_menu(self) -> QMenu:
        """The workflow moves, for the main window's Review menu."""
        return self.workflow.menu

    def menu_actions(self) -> list[QAction | None]:
        """For the main window's Review menu (None: a separator)."""
        return [self.accept_action, self.reject_action, None, self.next_action, self.previous_action,
                self.down_action, self.up_action, self.next_field_action, self.previous_field_action,
                self.next_report_action, self.previous_report_action, None,
                self.redact_selection_action, self.all_occurrences_action, self.find_action, None,
                self.accept_label_action, self.accept_score_action, self.keep_word_action, None,
                self.widen_end_action, self.narrow_end_action, self.widen_start_action,
                self.narrow_start_action, None,
                *self.label_actions, None, self.undo_action, self.redo_action, None, self.reveal_action,
                self.coding_action, None, self.back_action]

    def review_key_actions(self) -> list[QAction]:
        """Every action of the review with a key (what the shortcut list shows first)."""
        return [a for a in self.key_actions if a.shortcuts()]

    def show_shortcuts(self) -> ShortcutsDialog:
        """The list of every key: the review's, then the main window's menus."""
        sections: list[tuple[str, list[QAction]]] = [("Review", self.review_key_actions())]
        window = self.window()
        bar = getattr(window, "menuBar", None)
        if callable(bar):
            sections.append(("Menus", menu_actions(bar().actions())))
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
        dialog = ShortcutsDialog(sections, window)
        self.shortcuts_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "shortcuts_dialog", None))
        dialog.open()
        return dialog
