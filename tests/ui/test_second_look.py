"""The second look in the review view: stage 2 reads the redacted version first, and sees the
original only after revealing it (an audited event of its own, on top of the audited view).

A real encrypted database with two reviewers (alice, bob); the reports are imported through
a real signed bundle with the real detector, and alice takes them through stage 1 with the
real workflow (her real Ed25519 signature), once per module. Every test then works on a
report of its own, through the GUI, on alice's and bob's open sessions.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.helpers.files import copy_database
from tests.helpers.gui import open_from_queue, open_window
from tests.helpers.intake import trusted_intake, valid_submission
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, complete_stage1
from tests.ui.signing import answer_keep_popup
from workstation.audit import chain
from workstation.intake.importer import import_bundle
from workstation.review.report_review import load_report
from workstation.review.spans import Decision
from workstation.session import Session, unlock
from workstation.ui.main_window import MainWindow
from workstation.ui.review.palette import HIDDEN_CAPTION, ORIGINAL_CAPTION, REVEAL_SHORTCUT
from workstation.ui.review.view import ReviewView
from workstation.ui.settings import UiSettings
from workstation.workflow import actions
from workstation.workflow.publishable import publishable_content

REPORTER_TITLE = "Tom Okafor had a Glock under the seat in Millbrook"
REPORTER_LESSONS = "Dave Reyes says: always search the reach area."
IDENTIFIERS = ("Dave Reyes", "Tom Okafor", "O'Neill", "Millbrook", "26-004411")
TITLE = "Weapon under the seat on a routine stop"
# Signed at stage 1 by alice, except "in_stage1" (started, not signed).
SCENARIOS = ("reveal", "signer", "in_stage1", "shortcut", "refused", "keys", "reopened")
REVEALS = "SELECT count(*) FROM audit WHERE action = 'report.reveal_original' AND actor = ? AND object = ?"
VIEWS = "SELECT count(*) FROM audit WHERE action = 'report.view' AND actor = ? AND object = ?"


@dataclass(frozen=True)
class Prepared:
    path: Path
    report_ids: dict[str, int]


@pytest.fixture(scope="module")
def prepared(template_workstation: Workstation, tmp_path_factory: pytest.TempPathFactory,
             detector: object) -> Prepared:
    folder = tmp_path_factory.mktemp("second-look")
    path = copy_database(template_workstation.path, folder / "db")
    alice = unlock(path, ALICE, ALICE_PASSPHRASE)
    try:
        intake = trusted_intake(alice, folder / "intake")
        submissions = []
        for _ in SCENARIOS:
            submission = valid_submission(str(uuid.uuid4()))
            submission.update({"narrative": NARRATIVE, "title": REPORTER_TITLE,
                               "lessons_learned": REPORTER_LESSONS})
            submissions.append(submission)
        import_bundle(alice, intake.bundle(submissions), analyser=detector)
        ids = {}
        for name, sub in zip(SCENARIOS, submissions, strict=True):
            report_id = int(alice.db.query_one("SELECT id FROM reports WHERE submission_id = ?",
                                               (sub["submission_id"],))[0])
            actions.start_stage1(alice, report_id)
            complete_stage1(alice, detector, report_id)
            if name != "in_stage1":
                actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, detector, low_k_reason=LOW_K_REASON)
            ids[name] = report_id
    finally:
        alice.lock()
    return Prepared(path, ids)


@dataclass
class Panel:
    sessions: dict[str, Session]
    report_ids: dict[str, int]


@pytest.fixture(scope="module")
def panel(prepared: Prepared, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Panel]:
    path = copy_database(prepared.path, tmp_path_factory.mktemp("second-look-panel"))
    sessions = {ALICE: unlock(path, ALICE, ALICE_PASSPHRASE), BOB: unlock(path, BOB, BOB_PASSPHRASE)}
    yield Panel(sessions, prepared.report_ids)
    for session in sessions.values():
        session.lock()


# ----- what is on the screen --------------------------------------------------------------


def shown_texts(window: MainWindow) -> list[str]:
    """Every text a visible widget of the window shows: labels, fields, buttons, tabs, every
    cell of every list and table, their tooltips, the status line and the window title."""
    texts = [window.windowTitle(), window.statusBar().currentMessage()]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts += [widget.toPlainText(), widget.placeholderText()]
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount(QModelIndex())):
                column = 0
                while model.hasIndex(row, column):  # (a list model's columnCount is private)
                    index = model.index(row, column)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = index.data(role)
                        if isinstance(value, str):
                            texts.append(value)
                    column += 1
    return [t for t in texts if t]


def secrets_of(session: Session, report_id: int) -> list[str]:
    """What the second look must not show: the identifiers, every string stage 1 redacted
    (long enough not to match ordinary words by chance) and the submission id."""
    review = load_report(session.db, report_id)
    redacted = {review.texts[s.field][s.start:s.end] for s in review.spans if s.decision == Decision.REDACT}
    return sorted({*IDENTIFIERS, *(t for t in redacted if len(t) >= 5), review.submission_id})


def leaks(window: MainWindow, session: Session, report_id: int) -> list[tuple[str, str]]:
    secrets = secrets_of(session, report_id)
    return [(secret, text) for text in shown_texts(window) for secret in secrets if secret in text]


def count(session: Session, query: str, report_id: int) -> int:
    return int(session.db.query_one(query, (session.reviewer, f"report:{report_id}"))[0])


def open_as(qtbot: QtBot, panel: Panel, reviewer: str, settings: UiSettings, scenario: str
            ) -> tuple[MainWindow, ReviewView, int]:
    report_id = panel.report_ids[scenario]
    window = open_window(qtbot, panel.sessions[reviewer], settings)
    return window, open_from_queue(qtbot, window, report_id), report_id


def assert_redacted_first(window: MainWindow, view: ReviewView, session: Session, report_id: int) -> None:
    assert view.original_hidden
    assert view.original_stack.currentWidget() is view.hidden_panel and view.hidden_panel.isVisible()
    assert not view.original_edit.isVisible() and view.original_edit.toPlainText() == ""
    assert view.original_caption.text() == f"<b>{HIDDEN_CAPTION}</b>"
    assert view.reveal_button.isVisible() and view.reveal_button.isEnabled()
    assert view.reveal_action.isEnabled()
    assert view.heading.text() == TITLE  # the panel's publishable title
    preview = view.preview_edit.toPlainText()
    assert view.preview_edit.isVisible() and "[Person" in preview
    assert leaks(window, session, report_id) == []


def assert_original_shown(view: ReviewView) -> None:
    assert not view.original_hidden
    assert view.original_stack.currentWidget() is view.original_edit and view.original_edit.isVisible()
    assert not view.hidden_panel.isVisible()
    assert view.original_caption.text() == f"<b>{ORIGINAL_CAPTION}</b>"
    assert view.review is not None
    assert view.original_edit.toPlainText() == view.review.texts[view.field]
    assert any(name in view.original_edit.toPlainText() for name in IDENTIFIERS)
    assert view.heading.text() == REPORTER_TITLE
    assert not view.reveal_action.isEnabled()
    texts = {view.span_model.index(row, view.span_model.TEXT).data()
             for row in range(view.span_model.rowCount())}
    assert "Tom Okafor" in texts


# ----- the tests ---------------------------------------------------------------------------


def test_stage2_reads_redacted_first_and_reveals_with_one_audit_entry(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    bob = panel.sessions[BOB]
    window, view, report_id = open_as(qtbot, panel, BOB, settings, "reveal")
    assert publishable_content(bob.db, report_id)["title"] == TITLE
    assert_redacted_first(window, view, bob, report_id)
    # The list shows what the publication shows in each suggestion's place.
    model = view.span_model
    texts = [model.index(row, model.TEXT).data() for row in range(model.rowCount())]
    assert "[Person 1]" in texts and all(t.startswith("[") for t in texts)
    # Every field, not only the one shown first.
    for i in range(view.field_tabs.count()):
        view.field_tabs.setCurrentIndex(i)
        assert view.original_edit.toPlainText() == ""
        assert leaks(window, bob, report_id) == []
    assert count(bob, VIEWS, report_id) == 1 and count(bob, REVEALS, report_id) == 0

    # Reveal: one audit entry, then the original exactly as in the normal view.
    seq, _hash = chain.head(bob.db)
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert count(bob, REVEALS, report_id) == 1
    [entry] = [e for e in chain.entries(bob.db, limit=5) if e.seq > seq]  # written before showing
    assert (entry.actor, entry.action, entry.object) == (BOB, "report.reveal_original", f"report:{report_id}")
    assert not any(name in str(entry.payload) for name in IDENTIFIERS)  # never the text
    assert_original_shown(view)
    assert view.original_edit.hasFocus()
    assert not view.error_label.isVisible()
    # Once is enough: the action is spent for this opening.
    qtbot.keyClick(view.original_edit, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.reveal_original() is False
    assert count(bob, REVEALS, report_id) == 1

    # Opening it again starts redacted again (another audited view, no reveal).
    view = open_from_queue(qtbot, window, report_id)
    assert_redacted_first(window, view, bob, report_id)
    assert count(bob, VIEWS, report_id) == 2 and count(bob, REVEALS, report_id) == 1
    assert chain.verify(bob.db).intact


def test_the_stage1_signer_sees_the_original_at_once(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    alice = panel.sessions[ALICE]
    views = count(alice, VIEWS, panel.report_ids["signer"])  # her stage-1 work
    _window, view, report_id = open_as(qtbot, panel, ALICE, settings, "signer")
    assert view.stage_label.text() == "Stage 1 signed"
    assert_original_shown(view)
    assert view.original_edit.hasFocus()
    assert count(alice, VIEWS, report_id) == views + 1 and count(alice, REVEALS, report_id) == 0


def test_before_stage1_is_signed_everyone_sees_the_original(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    bob = panel.sessions[BOB]
    _window, view, report_id = open_as(qtbot, panel, BOB, settings, "in_stage1")
    assert view.stage_label.text() == "Stage 1 in progress"
    assert_original_shown(view)
    assert count(bob, REVEALS, report_id) == 0


def test_reveal_from_the_review_menu_and_its_shortcut(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    bob = panel.sessions[BOB]
    window, view, report_id = open_as(qtbot, panel, BOB, settings, "shortcut")
    assert view.reveal_action in window.review_menu.actions()
    assert view.reveal_action.shortcut().toString() == REVEAL_SHORTCUT
    # No other action of the window or the view answers to it.
    others = [a for a in [*window.findChildren(type(view.reveal_action))] if a is not view.reveal_action]
    assert not any(REVEAL_SHORTCUT in [s.toString() for s in a.shortcuts()] for a in others)
    assert view.preview_edit.hasFocus()  # the keys work from where the reading starts
    qtbot.keyClick(view.preview_edit, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert count(bob, REVEALS, report_id) == 1
    assert_original_shown(view)


def test_no_reveal_when_the_audit_entry_cannot_be_written(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    bob = panel.sessions[BOB]
    window, view, report_id = open_as(qtbot, panel, BOB, settings, "refused")
    # The disk fills up just as the reveal is recorded (SQLite's own message).
    bob.db.conn.execute(
        "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON audit "
        "WHEN NEW.action = 'report.reveal_original' "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    try:
        head = chain.head(bob.db)
        qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
        assert view.error_label.isVisible()
        assert view.error_label.text().startswith("The original was not revealed: The disk holding")
        assert chain.head(bob.db) == head and count(bob, REVEALS, report_id) == 0
        assert_redacted_first(window, view, bob, report_id)
    finally:
        bob.db.conn.execute("DROP TRIGGER full_disk")
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)  # the disk has room again
    assert count(bob, REVEALS, report_id) == 1 and not view.error_label.isVisible()
    assert_original_shown(view)


def test_deciding_on_a_second_look_without_revealing(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    """a/x/j/k/1-6 act on the current suggestion as usual; `r` (a selection in the
    original) asks for the original to be revealed first, and reveals nothing by itself."""
    bob = panel.sessions[BOB]
    actions.start_stage2(bob, panel.report_ids["keys"])
    window, view, report_id = open_as(qtbot, panel, BOB, settings, "keys")
    assert view.stage_label.text() == "Stage 2 in progress" and view.original_hidden
    model = view.span_model

    def press(keys: str) -> None:
        view.preview_edit.setFocus()
        for k in keys:
            qtbot.keyClick(view.preview_edit, k)

    def decision(span_id: int) -> str:
        assert view.review is not None
        return next(s.decision for s in view.review.spans if s.id == span_id)

    press("k" * model.rowCount())
    first = view.current_id
    assert first == model.spans()[0].id
    press("j")
    second = view.current_id
    assert second == model.spans()[1].id
    press("k")
    assert view.current_id == first and decision(first) == Decision.REDACT

    # x keeps the text: the publication, and so the preview and the list, show it.
    press("x")
    answer_keep_popup(qtbot, view)  # a sure suggestion: `x` asks why first (1, Enter)
    assert decision(first) == Decision.KEEP and view.current_id == second
    assert view.review is not None
    span = next(s for s in view.review.spans if s.id == first)
    kept = view.review.texts[span.field][span.start:span.end]
    assert kept in view.redacted[span.field].text  # published as written now
    assert model.index(0, model.TEXT).data() == " ".join(kept.split())
    assert model.index(0, model.DECISION).data() == "keep"
    qtbot.keyClick(view.preview_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert decision(first) == Decision.REDACT and view.current_id == first
    assert leaks(window, bob, report_id) == []

    # 2 labels the current suggestion Agency: the placeholder changes, nothing is revealed.
    placeholder, label = model.index(0, model.TEXT).data(), model.index(0, model.LABEL).data()
    assert label != "Agency"
    press("2")
    assert model.index(0, model.LABEL).data() == "Agency"
    assert model.index(0, model.TEXT).data().startswith("[Agency")
    qtbot.keyClick(view.preview_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (model.index(0, model.TEXT).data(), model.index(0, model.LABEL).data()) == (placeholder, label)

    # r needs the original: a plain message, no new suggestion, no reveal.
    spans = len(model.spans())
    press("r")
    assert view.error_label.isVisible()
    assert f"reveal it first (Reveal original, {REVEAL_SHORTCUT})" in view.error_label.text()
    assert len(model.spans()) == spans and view.original_hidden
    press("a")  # a decision clears the message
    assert not view.error_label.isVisible()
    assert count(bob, REVEALS, report_id) == 0
    assert leaks(window, bob, report_id) == []


def test_an_undecided_suggestion_is_redacted_on_a_second_look(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    """Publishing redacts what is still to decide; so does the second look's preview."""
    bob = panel.sessions[BOB]
    report_id = panel.report_ids["reopened"]
    review = load_report(bob.db, report_id)
    okafor = next(s for s in review.spans if review.texts[s.field][s.start:s.end] == "Tom Okafor"
                  and s.field == "narrative")
    actions.decide(bob, report_id, [okafor.id], Decision.PENDING)  # set back to decide
    assert "Tom Okafor" not in str(publishable_content(bob.db, report_id))
    window, view, _ = open_as(qtbot, panel, BOB, settings, "reopened")
    assert view.current_id == okafor.id  # the first still to decide
    assert view.field == "narrative" and view.original_hidden
    preview = view.preview_edit.toPlainText()
    assert "Tom Okafor" not in preview and "[Person" in preview
    row = view.span_model.row_of(okafor.id)
    assert view.span_model.index(row, view.span_model.TEXT).data().startswith("[Person")
    assert view.span_model.index(row, view.span_model.DECISION).data() == "to decide"
    assert view.progress_label.text().startswith(f"{len(review.spans) - 1} of {len(review.spans)}")
    assert leaks(window, bob, report_id) == []
    # Revealed, it is the normal view: the original, and the preview as the reviewer decides.
    assert view.reveal_original()
    assert "Tom Okafor" in view.original_edit.toPlainText()
    assert "Tom Okafor" in view.preview_edit.toPlainText()  # still to decide: shown, dashed
