"""Moving through work at the review desk (issue 20), with real keys on a real database
whose suggestions come from the real detector: j/k reach the next suggestion still to decide
in any field, ] and [ the fields, Shift+J and Shift+K the queue's reports, the current
suggestion is centred, `o` goes on from where the reviewer was, no mnemonic collides with a
menu's, and unlocking returns to the report and suggestion."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE_PASSPHRASE, Workstation
from tests.helpers.gui import activate, open_from_queue, open_window
from tests.helpers.intake import Intake, trusted_intake
from tests.helpers.review_data import import_with_suggestions, long_submission, shared_analyser
from tests.helpers.stories import NARRATIVE, story
from tests.ui.signing import answer_keep_popup
from workstation.review.span_store import load_spans
from workstation.review.spans import Decision, ReviewSpan
from workstation.session import Session
from workstation.ui.main_window import MainWindow
from workstation.ui.review.fitting import NARROW_WIDTH
from workstation.ui.review.navigation import reading_key
from workstation.ui.review.text_sync import Offsets
from workstation.ui.review.view import ReviewView
from workstation.ui.settings import UiSettings
from workstation.ui.shell import Shell
from workstation.ui.unlock import UnlockWindow

# A name in the lessons, nothing to find in the prevention field.
LESSONS = "Dave Reyes taught me to watch the hands. Tom Okafor got lucky that night."
PREVENTION = "Wait for cover before you approach the car."
# A name told twice, with other names between the two.
TWICE = ("My partner Dave Reyes and I stopped a car on Kessler Ave. The driver, Tom Okafor, had a knife. "
         "Sgt. O'Neill from the Millbrook Police Department came. Later Dave Reyes searched the car.")


@pytest.fixture(scope="session", autouse=True)
def detector_loaded() -> None:
    shared_analyser()


@pytest.fixture
def desk_intake(session: Session, tmp_path: Path) -> Intake:
    return trusted_intake(session, tmp_path / "intake")


def import_stories(session: Session, intake: Intake, *submissions: dict) -> list[int]:
    subs = [dict(s, submission_id=str(uuid.uuid4())) for s in submissions]
    return import_with_suggestions(session, intake, subs, f"{uuid.uuid4()}.nmbundle")


def press(qtbot: QtBot, view: ReviewView, key: Qt.Key | str,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    view.original_edit.setFocus()
    qtbot.keyClick(view.original_edit, key, modifier)


def spans_of(session: Session, report_id: int) -> list[ReviewSpan]:
    return sorted(load_spans(session.db, report_id), key=reading_key)


def click_tab(qtbot: QtBot, view: ReviewView, field: str) -> None:
    tabs = view.field_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabData(i) == field)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
    assert view.field == field


def test_j_and_k_reach_the_next_undecided_from_a_field_without_suggestions(
        qtbot: QtBot, session: Session, settings: UiSettings, desk_intake: Intake) -> None:
    [rid] = import_stories(session, desk_intake, story(NARRATIVE, lessons=LESSONS, prevention=PREVENTION))
    window = open_window(qtbot, session, settings)
    view = open_from_queue(qtbot, window, rid)
    spans = spans_of(session, rid)
    assert {s.field for s in spans} >= {"narrative", "lessons_learned"}
    assert not [s for s in spans if s.field == "prevention"]

    click_tab(qtbot, view, "prevention")
    assert view.current_id is None
    assert view.next_action.isEnabled() and view.previous_action.isEnabled()  # never greyed out here
    press(qtbot, view, Qt.Key.Key_K)  # back: the last undecided one before the prevention field
    last_lessons = [s for s in spans if s.field == "lessons_learned"][-1]
    assert view.current_id == last_lessons.id and view.field == "lessons_learned"

    # j skips what is decided: decide the first two of the narrative, go back before them
    narrative = [s for s in spans if s.field == "narrative"]
    click_tab(qtbot, view, "narrative")
    assert view.current_id == narrative[0].id
    press(qtbot, view, Qt.Key.Key_A)
    press(qtbot, view, Qt.Key.Key_X)
    answer_keep_popup(qtbot, view)  # where the detector was sure, `x` asks why first
    click_tab(qtbot, view, "title")
    press(qtbot, view, Qt.Key.Key_J)
    title_pending = [s for s in spans if s.field == "title"]
    assert view.current_id == (title_pending[0] if title_pending else narrative[2]).id

    # the arrows still step through the list, decided ones too
    view.set_current(narrative[2].id)
    press(qtbot, view, Qt.Key.Key_Up)
    assert view.current_id == narrative[1].id


def test_field_keys_and_the_report_stream(qtbot: QtBot, session: Session, settings: UiSettings,
                                         desk_intake: Intake) -> None:
    ids = import_stories(session, desk_intake, story(NARRATIVE, lessons=LESSONS, prevention=PREVENTION),
                         story(TWICE), story(NARRATIVE))
    window = open_window(qtbot, session, settings)
    page = window.database_view.queue_page
    shown = []  # the queue's order as shown (sorted, filtered)
    for r in range(page.proxy.rowCount()):
        page.table.setCurrentIndex(page.proxy.index(r, 0))
        shown.append(page.selected_report())
    assert set(shown) == set(ids)
    view = open_from_queue(qtbot, window, shown[0])

    tabs = view.field_tabs
    start = tabs.currentIndex()
    press(qtbot, view, "]")
    assert tabs.currentIndex() == min(start + 1, tabs.count() - 1)
    assert view.field == tabs.tabData(tabs.currentIndex())
    press(qtbot, view, "[")
    assert tabs.currentIndex() == start

    press(qtbot, view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)  # the next report opens
    qtbot.waitUntil(lambda: view.report_id == shown[1] and view.review is not None and not view.loading)
    assert page.selected_report() == shown[1]  # and the queue follows
    press(qtbot, view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: view.report_id == shown[2] and not view.loading)
    press(qtbot, view, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)  # the last: stays, says so
    assert view.report_id == shown[2] and view.notice_label.isVisible()
    press(qtbot, view, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: view.report_id == shown[1] and not view.loading)


def cursor_rect_of(view: ReviewView, span: ReviewSpan) -> tuple[int, int]:
    offsets = Offsets(view.original_edit.toPlainText())
    cursor = QTextCursor(view.original_edit.document())
    cursor.setPosition(offsets.to_qt(span.start))
    rect = view.original_edit.cursorRect(cursor)
    return rect.top(), rect.bottom()


def test_the_current_suggestion_is_centred_not_left_at_an_edge(
        qtbot: QtBot, session: Session, settings: UiSettings, desk_intake: Intake) -> None:
    [rid] = import_stories(session, desk_intake, long_submission(seed=5, parts=6))
    window = open_window(qtbot, session, settings)
    window.resize(1100, 680)
    view = open_from_queue(qtbot, window, rid)
    narrative = [s for s in spans_of(session, rid) if s.field == "narrative"]
    assert len(narrative) > 20
    bar = view.original_edit.verticalScrollBar()
    height = view.original_edit.viewport().height()
    checked = 0
    press(qtbot, view, "]")
    press(qtbot, view, "[")
    view.set_current(narrative[0].id)
    for span in narrative[1:]:
        press(qtbot, view, Qt.Key.Key_Down)
        assert view.current_id == span.id
        top, bottom = cursor_rect_of(view, span)
        if 0 < bar.value() < bar.maximum():  # the text could scroll either way: it is centred
            assert height / 5 - 2 <= top and bottom <= height * 4 / 5 + 2, (top, bottom, height)
            checked += 1
    assert checked > 5


def test_o_goes_on_from_where_the_reviewer_was(qtbot: QtBot, session: Session, settings: UiSettings,
                                               desk_intake: Intake) -> None:
    [rid] = import_stories(session, desk_intake, story(TWICE))
    window = open_window(qtbot, session, settings)
    view = open_from_queue(qtbot, window, rid)
    spans = [s for s in spans_of(session, rid) if s.field == "narrative"]
    text = view.review.texts["narrative"]
    dave = [s for s in spans if text[s.start:s.end] == "Dave Reyes"]
    assert dave, [text[s.start:s.end] for s in spans]
    view.set_current(dave[0].id)
    press(qtbot, view, Qt.Key.Key_O)
    after = spans_of(session, rid)
    covered = [s for s in after if s.field == "narrative" and s.decision == Decision.REDACT
               and text[s.start:s.end] == "Dave Reyes"]
    assert len(covered) == text.count("Dave Reyes") == 2
    first_dave = min(covered, key=reading_key)
    pending_after = [s for s in after
                     if s.decision == Decision.PENDING and reading_key(s) > reading_key(first_dave)]
    assert pending_after
    assert view.current_id == pending_after[0].id  # the next one after the first, not after the last
    assert view.current_span().start < max(covered, key=reading_key).start


def mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if 0 <= at < len(text.replace("&&", "")) - 1 else None


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")
def test_no_mnemonic_in_the_review_collides_with_a_menus(qtbot: QtBot, session: Session,
                                                        settings: UiSettings, desk_intake: Intake) -> None:
    [rid] = import_stories(session, desk_intake, story(NARRATIVE))
    window = open_window(qtbot, session, settings)
    view = open_from_queue(qtbot, window, rid)
    menus = {mnemonic(a.text()) for a in window.menuBar().actions()} - {None}
    assert {"f", "t", "r", "h"} <= menus
    found = []
    for widget in view.findChildren(QWidget):
        texts = []
        if isinstance(widget, QLabel | QAbstractButton | QGroupBox):
            texts.append(widget.text() if not isinstance(widget, QGroupBox) else widget.title())
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        found.extend(t for t in texts if mnemonic(t) in menus and "<" not in t)
    assert found == []

    # Alt+F opens the File menu, not a field of the coding panel
    view.original_edit.setFocus()
    qtbot.keyClick(view.original_edit, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    focus = QApplication.focusWidget()
    assert focus is None or not view.coding_panel.isAncestorOf(focus)
    qtbot.waitUntil(lambda: window.menuBar().activeAction() is not None)
    assert mnemonic(window.menuBar().activeAction().text()) == "f"
    qtbot.keyClick(QApplication.activePopupWidget() or window, Qt.Key.Key_Escape)


def test_unlocking_returns_to_the_report_and_suggestion(
        qtbot: QtBot, settings: UiSettings, ui_db: Workstation, sync_tasks: None, tmp_path: Path) -> None:
    shell = Shell(settings, ui_db.path)
    shell.start()
    try:
        window = unlock(qtbot, shell)
        session = shell.session
        assert session is not None
        intake = trusted_intake(session, tmp_path / "intake")
        ids = import_stories(session, intake, story(NARRATIVE, lessons=LESSONS), story(TWICE))
        window.refresh()
        qtbot.waitUntil(lambda: not window.database_view.loading)
        view = open_from_queue(qtbot, window, ids[1])
        press(qtbot, view, Qt.Key.Key_J)
        press(qtbot, view, Qt.Key.Key_J)
        where, field = view.current_id, view.field
        assert where is not None

        activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # lock
        assert shell.main_window is None and isinstance(shell.unlock_window, UnlockWindow)

        again = unlock(qtbot, shell)
        view = again.review_view
        qtbot.waitUntil(lambda: view.review is not None and not view.loading)
        assert again.pages.currentWidget() is view
        assert view.report_id == ids[1] and view.current_id == where and view.field == field
    finally:
        shell.shutdown()


def unlock(qtbot: QtBot, shell: Shell) -> MainWindow:
    window = shell.unlock_window
    assert isinstance(window, UnlockWindow)
    qtbot.keyClicks(window.passphrase_edit, ALICE_PASSPHRASE)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.main_window is not None)
    assert shell.main_window is not None
    return shell.main_window


def test_help_lists_every_key_from_the_actions(qtbot: QtBot, session: Session, settings: UiSettings,
                                              desk_intake: Intake) -> None:
    [rid] = import_stories(session, desk_intake, story(NARRATIVE))
    window = open_window(qtbot, session, settings)
    view = open_from_queue(qtbot, window, rid)
    press(qtbot, view, "?")
    dialog = view.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    listed = {(keys, what) for _section, keys, what in dialog.rows}
    for action in view.review_key_actions():
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        assert any(k == keys for k, _w in listed), action.text()
    every = [k.strip() for _s, keys, _w in dialog.rows for k in keys.split(", ")]
    assert len(every) == len(set(every)), sorted(k for k in every if every.count(k) > 1)  # no key twice
    shown = dialog.browser.toPlainText()
    for needed in ("Next to decide", "Next report", "Accept all of this label", "Lock", "Import bundle"):
        assert needed in shown
    # and the keys inside the review's dialogs, which no menu action carries
    for _dialog, keys, what in dialog.dialog_rows:
        assert keys in shown and what in shown
    assert {d for d, _k, _w in dialog.dialog_rows} >= {"Findings before signing", "Signing"}
    activate(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.shortcuts_dialog is None)
    assert window.pages.currentWidget() is view  # Esc closed the list, not the report
    # the Help menu has it too
    help_menu = next(a.menu() for a in window.menuBar().actions() if mnemonic(a.text()) == "h")
    assert view.shortcuts_action in help_menu.actions()


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768), (1920, 1080)])
def test_everything_a_reviewer_needs_fits_small_screens(qtbot: QtBot, session: Session, settings: UiSettings,
                                                       desk_intake: Intake, size: tuple[int, int]) -> None:
    [rid] = import_stories(session, desk_intake, story(NARRATIVE, lessons=LESSONS, prevention=PREVENTION,
                                                       what_went_right="My partner covered me."))
    window = open_window(qtbot, session, settings)
    window.resize(*size)
    view = open_from_queue(qtbot, window, rid)
    tabs = view.field_tabs
    qtbot.waitUntil(lambda: view.width() > size[0] - 40 and tabs.height() > 0)  # laid out
    assert tabs.count() == 5
    for i in range(tabs.count()):  # every field tab whole, no scroll buttons needed
        rect = tabs.tabRect(i)
        assert tabs.rect().contains(rect) and tabs.mapTo(view, rect.topRight()).x() <= view.width()
    assert view.workflow_button.isVisible()  # never behind the toolbar's chevron
    assert view.workflow_button.geometry().right() <= view.toolbar.width()
    narrow = view.width() < NARROW_WIDTH
    assert view.side_tabs.isVisible() is not narrow
    if narrow:  # F4 brings the coding panel
        press(qtbot, view, Qt.Key.Key_F4)
        assert view.side_tabs.isVisible()
    panel = view.coding_panel
    save = panel.save_button
    top_left = save.mapTo(panel.viewport(), save.rect().topLeft())
    assert top_left.y() >= 0 and top_left.y() + save.height() <= panel.viewport().height()
    assert top_left.x() + save.width() <= panel.viewport().width() + 1  # no horizontal scrolling
    assert not panel.horizontalScrollBar().isVisible()
