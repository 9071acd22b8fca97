"""Deciding at the review desk (issue 20), with real keys, clicks and a real database whose
suggestions come from the real detector: bulk decisions undone in one step, the list's
filters, the right-click menu on a highlight, widening and narrowing with Shift+arrows,
find and redact, the officer's own words labelled as never published, and the two-person
rule said at once when stage 2 keeps what stage 1 redacted."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE_PASSPHRASE, BOB
from tests.helpers.gui import activate, open_from_queue, open_window
from tests.helpers.intake import Intake, trusted_intake
from tests.helpers.review_data import import_with_suggestions, shared_analyser
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, Panel, complete_stage1, story
from tests.ui.signing import answer_keep_popup, sign_with_dialog
from workstation.review.span_store import load_spans
from workstation.review.spans import Decision, Origin, ReviewSpan
from workstation.session import Session
from workstation.stages import Stage, report_stage
from workstation.ui.review.navigation import reading_key
from workstation.ui.review.palette import NOT_PUBLISHED_CAPTION, PREVIEW_CAPTION
from workstation.ui.review.text_sync import Offsets
from workstation.ui.review.view import ReviewView
from workstation.ui.settings import UiSettings
from workstation.workflow import actions
from workstation.workflow.keeps import REASON_SCORE

TWICE = ("My partner Dave Reyes and I stopped a car on Kessler Ave. The driver, Tom Okafor, had a knife. "
         "Sgt. O'Neill from the Millbrook Police Department came. Later Dave Reyes searched the car "
         "on Kessler Ave by the F-150.")
LESSONS = "Dave Reyes taught me to watch the hands."
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="session", autouse=True)
def detector_loaded() -> None:
    shared_analyser()


@pytest.fixture
def desk_intake(session: Session, tmp_path: Path) -> Intake:
    return trusted_intake(session, tmp_path / "intake")


def open_story(qtbot: QtBot, session: Session, settings: UiSettings, intake: Intake,
               **fields: str) -> ReviewView:
    submission = dict(story(fields.pop("narrative", TWICE), **fields), submission_id=str(uuid.uuid4()))
    [rid] = import_with_suggestions(session, intake, [submission], f"{uuid.uuid4()}.nmbundle")
    window = open_window(qtbot, session, settings)
    return open_from_queue(qtbot, window, rid)


def spans(view: ReviewView) -> list[ReviewSpan]:
    assert view.report_id is not None
    return sorted(load_spans(view.session.db, view.report_id), key=reading_key)


def words(view: ReviewView, span: ReviewSpan) -> str:
    assert view.review is not None
    return view.review.texts[span.field][span.start:span.end]


def press(qtbot: QtBot, view: ReviewView, key: Qt.Key | str,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    view.original_edit.setFocus()
    qtbot.keyClick(view.original_edit, key, modifier)


def undo(qtbot: QtBot, view: ReviewView) -> None:
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_accept_every_suggestion_of_a_label_and_undo_it_in_one_step(
        qtbot: QtBot, session: Session, settings: UiSettings, desk_intake: Intake) -> None:
    view = open_story(qtbot, session, settings, desk_intake)
    before = {s.id: s.state for s in spans(view)}
    people = [s for s in spans(view) if s.label == "PERSON" and s.decision == Decision.PENDING]
    assert len(people) >= 2
    view.set_current(people[0].id)
    press(qtbot, view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    after = {s.id: s for s in spans(view)}
    assert all(after[p.id].decision == Decision.REDACT for p in people)
    assert all(s.decision == Decision.PENDING for s in after.values() if s.label != "PERSON")
    assert len(view.undo_stack.done) == 1  # one step
    assert view.notice_label.isVisible()
    undo(qtbot, view)
    assert {s.id: s.state for s in spans(view)} == before

    # every one scoring at least the current one's score
    top = max(spans(view), key=lambda s: s.state.score)
    view.set_current(top.id)
    press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    changed = [s for s in spans(view) if s.decision == Decision.REDACT]
    assert changed and all(s.state.score >= top.state.score - 1e-9 for s in changed)
    assert len(view.undo_stack.done) == 1


def test_keep_every_occurrence_of_a_word_in_one_step(qtbot: QtBot, session: Session, settings: UiSettings,
                                                     desk_intake: Intake) -> None:
    view = open_story(qtbot, session, settings, desk_intake, lessons=LESSONS)
    dave = [s for s in spans(view) if words(view, s) == "Dave Reyes"]
    assert len(dave) >= 3 and {s.field for s in dave} == {"narrative", "lessons_learned"}
    assert max(s.state.score for s in dave) >= REASON_SCORE  # the detector is sure of the name
    view.set_current(dave[0].id)
    # Shift+X asks why once, as `x` does for a sure suggestion; Esc keeps nothing
    press(qtbot, view, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)
    popup = view.keep_popup
    assert popup is not None and popup.isVisible()
    activate(qtbot, popup)  # keys go where the reviewer's focus is: the popup
    qtbot.keyClick(popup.choices, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    activate(qtbot, view.window())
    assert all(s.decision == Decision.PENDING for s in spans(view))
    press(qtbot, view, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)
    assert answer_keep_popup(qtbot, view, "2")
    assert all(s.decision == Decision.KEEP for s in spans(view) if words(view, s) == "Dave Reyes")
    assert all(s.decision == Decision.PENDING for s in spans(view) if words(view, s) != "Dave Reyes")
    assert view.report_id is not None
    [body] = [json.loads(b[0])["args"] for b in session.db.query(
        "SELECT body FROM review_commands WHERE report_id = ? AND kind = 'decide'", (view.report_id,))]
    assert body["reason"] == "generic term" and len(body["span_uids"]) == len(dave)  # one command
    undo(qtbot, view)
    assert all(s.decision == Decision.PENDING for s in spans(view))


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Pick an entry with the keyboard, as a reviewer does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != data:
        index = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != index, data


def test_filter_the_list_by_label_and_by_decision(qtbot: QtBot, session: Session, settings: UiSettings,
                                                 desk_intake: Intake) -> None:
    view = open_story(qtbot, session, settings, desk_intake)
    every = spans(view)
    assert {"PERSON"} < {s.label for s in every}
    choose(qtbot, view.label_filter, "PERSON")
    shown = view.span_model.spans()
    assert shown and {s.label for s in shown} == {"PERSON"}
    assert len(shown) == sum(1 for s in every if s.label == "PERSON")
    press(qtbot, view, Qt.Key.Key_A)  # decide one: with "to decide" shown it leaves the list
    choose(qtbot, view.decision_filter, "pending")
    assert view.span_model.rowCount() == len(shown) - 1
    assert all(s.decision == Decision.PENDING for s in view.span_model.spans())
    choose(qtbot, view.label_filter, None)
    choose(qtbot, view.decision_filter, None)
    assert view.span_model.rowCount() == len(every)


def right_click(view: ReviewView, pos: QPoint) -> None:
    """A right click through the window, as the window system delivers it (Qt turns it into
    a context-menu event there; a click sent to the widget itself would not be)."""
    viewport = view.original_edit.viewport()
    handle = viewport.window().windowHandle()
    QTest.mouseClick(handle, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                     viewport.mapTo(viewport.window(), pos))


def point_of(view: ReviewView, span: ReviewSpan) -> QPoint:
    offsets = Offsets(view.original_edit.toPlainText())
    cursor = QTextCursor(view.original_edit.document())
    cursor.setPosition(offsets.to_qt(span.start + 1))
    return view.original_edit.cursorRect(cursor).center()


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")
def test_right_click_a_highlight_to_relabel_accept_or_keep(qtbot: QtBot, session: Session,
                                                          settings: UiSettings, desk_intake: Intake) -> None:
    view = open_story(qtbot, session, settings, desk_intake)
    target = next(s for s in spans(view) if words(view, s) == "Tom Okafor")
    view.show_field(target.field)
    right_click(view, point_of(view, target))
    qtbot.waitUntil(lambda: view.context_menu is not None and view.context_menu.isVisible())
    menu = view.context_menu
    assert view.current_id == target.id
    assert view.reject_action in menu.actions() and view.accept_action in menu.actions()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(view.reject_action).center())
    assert {s.id: s for s in spans(view)}[target.id].decision == Decision.KEEP

    right_click(view, point_of(view, target))
    qtbot.waitUntil(lambda: view.context_menu is not menu and view.context_menu.isVisible())
    menu = view.context_menu
    relabel = next(a for a in menu.actions() if isinstance(a.menu(), QMenu))
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(relabel).center())
    sub = relabel.menu()
    qtbot.waitUntil(lambda: sub.isVisible())
    agency = next(a for a in sub.actions() if "Agency" in a.text())
    qtbot.mouseClick(sub, Qt.MouseButton.LeftButton, pos=sub.actionGeometry(agency).center())
    assert {s.id: s for s in spans(view)}[target.id].label == "AGENCY"
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()


def test_shift_arrows_widen_and_narrow_the_current_suggestion(
        qtbot: QtBot, session: Session, settings: UiSettings, desk_intake: Intake) -> None:
    view = open_story(qtbot, session, settings, desk_intake)
    target = next(s for s in spans(view) if words(view, s) == "Tom Okafor")
    view.set_current(target.id)
    press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # narrow at the end
    now = {s.uid: s for s in spans(view)}[target.uid]
    assert words(view, now) == "Tom" and now.decision == target.decision and now.label == target.label
    press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # widen at the end
    assert words(view, {s.uid: s for s in spans(view)}[target.uid]) == "Tom Okafor"
    press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier)
    assert words(view, {s.uid: s for s in spans(view)}[target.uid]) == "driver, Tom Okafor"
    press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier)
    assert words(view, {s.uid: s for s in spans(view)}[target.uid]) == "Tom Okafor"
    for _ in range(4):
        undo(qtbot, view)
    assert {s.uid: s for s in spans(view)}[target.uid].state == target.state


def test_find_and_redact_every_match_across_fields(qtbot: QtBot, session: Session, settings: UiSettings,
                                                  desk_intake: Intake) -> None:
    view = open_story(qtbot, session, settings, desk_intake,
                      prevention="Kessler ave is dark at night; park under the lights.")
    texts = view.review.texts
    press(qtbot, view, "/")
    assert view.find_edit.hasFocus()
    choose(qtbot, view.find_label, "LOCATION")
    view.find_edit.setFocus()
    qtbot.keyClicks(view.find_edit, "kessler AVE")
    qtbot.keyClick(view.find_edit, Qt.Key.Key_Return)
    covered = [(s.field, texts[s.field][s.start:s.end].lower()) for s in spans(view)
               if s.decision == Decision.REDACT and "kessler ave" in texts[s.field][s.start:s.end].lower()]
    assert len(covered) == 3 and {f for f, _ in covered} == {"narrative", "prevention"}
    added = [s for s in spans(view) if s.state.origin == Origin.REVIEWER]
    assert added and {s.label for s in added} == {"LOCATION"}
    assert len(view.undo_stack.done) == 1
    undo(qtbot, view)
    assert not [s for s in spans(view) if s.state.origin == Origin.REVIEWER]

    # a pattern
    qtbot.mouseClick(view.pattern_check, Qt.MouseButton.LeftButton)
    view.find_edit.setFocus()
    view.find_edit.selectAll()
    qtbot.keyClicks(view.find_edit, r"f-\d+")
    qtbot.mouseClick(view.find_button, Qt.MouseButton.LeftButton)
    marked = [texts[s.field][s.start:s.end] for s in spans(view) if s.state.origin == Origin.REVIEWER]
    assert marked == ["F-150"]
    # a broken pattern says so and marks nothing
    view.find_edit.selectAll()
    qtbot.keyClicks(view.find_edit, "([")
    qtbot.keyClick(view.find_edit, Qt.Key.Key_Return)
    assert view.error_label.isVisible()
    assert len([s for s in spans(view) if s.state.origin == Origin.REVIEWER]) == 1


def test_the_officers_own_words_are_labelled_never_published(
        qtbot: QtBot, session: Session, settings: UiSettings, desk_intake: Intake) -> None:
    view = open_story(qtbot, session, settings, desk_intake, lessons=LESSONS)
    tabs = view.field_tabs
    for i in range(tabs.count()):
        qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(i).center())
        field = tabs.tabData(i)
        caption = view.preview_caption.text()
        if field in ("title", "lessons_learned"):
            assert NOT_PUBLISHED_CAPTION in caption and "Coding" in view.preview_caption.toolTip()
        else:
            assert PREVIEW_CAPTION in caption and NOT_PUBLISHED_CAPTION not in caption
    # suggestions are still made there, for the panel
    assert [s for s in spans(view) if s.field == "lessons_learned"]


def test_stage2_keeping_what_stage1_redacted_says_the_two_person_rule_at_once(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    [rid] = panel.import_reports(story(NARRATIVE))
    alice = panel.as_("alice")
    actions.start_stage1(alice, rid)
    complete_stage1(alice, panel.detector, rid)
    actions.sign_stage1(alice, rid, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    bob = panel.as_(BOB)
    actions.start_stage2(bob, rid)
    window = open_window(qtbot, bob, settings)
    view = open_from_queue(qtbot, window, rid)
    assert not view.notice_label.isVisible()
    if view.original_hidden:  # second look: reveal the original first
        press(qtbot, view, Qt.Key.Key_O, CTRL_SHIFT)
    redacted = next(s for s in spans(view) if s.decision == Decision.REDACT and s.field == "narrative")
    view.set_current(redacted.id)
    press(qtbot, view, Qt.Key.Key_X)  # keep what stage 1 redacted
    answer_keep_popup(qtbot, view)  # where the detector was sure, `x` asks why first
    assert view.notice_label.isVisible()
    assert "stage 1" in view.notice_label.text() and "kept" in view.notice_label.text()
    assert report_stage(bob.db, rid) == Stage.STAGE2  # the rule is enforced at approval; said now
    undo(qtbot, view)  # back as stage 1 signed it: nothing to say any more
    assert not view.notice_label.isVisible()


def test_a_signature_is_said_plainly(qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    [rid] = panel.import_reports(story(NARRATIVE))
    alice = panel.as_("alice")
    actions.start_stage1(alice, rid)
    complete_stage1(alice, panel.detector, rid)
    window = open_window(qtbot, alice, settings)
    view = open_from_queue(qtbot, window, rid)
    flow = view.workflow
    assert flow.sign1_action.isEnabled()
    sign_with_dialog(qtbot, flow, flow.sign1_action.trigger, ALICE_PASSPHRASE)
    assert report_stage(alice.db, rid) == Stage.STAGE1_SIGNED
    assert view.notice_label.isVisible() and "Stage 1 signed" in view.notice_label.text()
    assert "Stage 1 signed" in window.statusBar().currentMessage()


def edge_point(view: ReviewView, offset: int) -> QPoint:
    offsets = Offsets(view.original_edit.toPlainText())
    cursor = QTextCursor(view.original_edit.document())
    cursor.setPosition(offsets.to_qt(offset))
    rect = view.original_edit.cursorRect(cursor)
    return QPoint(rect.center().x(), rect.center().y())


def test_drag_a_highlights_edge_to_widen_or_narrow_it(qtbot: QtBot, session: Session, settings: UiSettings,
                                                      desk_intake: Intake) -> None:
    view = open_story(qtbot, session, settings, desk_intake)
    target = next(s for s in spans(view) if words(view, s) == "Tom Okafor")
    view.show_field(target.field)
    text = view.review.texts[target.field]
    viewport = view.original_edit.viewport()
    had_end = text.index(" had ", target.end) + len(" had")
    start, goal = edge_point(view, target.end), edge_point(view, had_end - 1)  # dropped inside "had"
    QTest.mouseMove(viewport.window().windowHandle(), viewport.mapTo(viewport.window(), start))  # hover
    assert viewport.cursor().shape() == Qt.CursorShape.SizeHorCursor
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, goal)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=goal)
    now = {s.uid: s for s in spans(view)}[target.uid]
    assert words(view, now) == "Tom Okafor, had"  # snapped to the end of the word
    assert not view.original_edit.textCursor().hasSelection()  # a drag, not a selection

    # and back, narrower than before: the end dragged into "Okafor" snaps to a word's end
    start, goal = edge_point(view, now.end), edge_point(view, target.start + 2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, goal)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=goal)
    assert words(view, {s.uid: s for s in spans(view)}[target.uid]) == "Tom"
    undo(qtbot, view)
    undo(qtbot, view)
    assert {s.uid: s for s in spans(view)}[target.uid].state == target.state
