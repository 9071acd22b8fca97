"""The two-stage sign-off as the GUI tests drive it: a prepared database with two reviewers
(alice, bob) and one received report per scenario, imported once per test module through a
real signed bundle with the real detector; and the reviewer's moves (keys in the review
view, the coding panel, the Workflow menu, the signing dialog, the findings). Imported by
GUI tests only (it imports Qt)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.helpers.files import copy_database
from tests.helpers.gui import activate, open_from_queue
from tests.helpers.intake import trusted_intake, valid_submission
from tests.helpers.stories import NARRATIVE
from tests.ui.signing import answer_keep_popup, sign_with_dialog
from workstation.intake.importer import import_bundle
from workstation.session import Session, unlock
from workstation.ui.listing import ROW_ROLE
from workstation.ui.main_window import MainWindow
from workstation.ui.queue_view import QueueModel
from workstation.ui.review.dialogs import PassphraseDialog
from workstation.ui.review.residual_dialog import ResidualDialog
from workstation.ui.review.view import ReviewView
from workstation.ui.review.workflow_actions import WorkflowActions
from workstation.workflow import signoff
from workstation.workflow.holdings import QueueItem

IDENTIFIERS = ("Dave Reyes", "Tom Okafor", "O'Neill", "Millbrook", "26-004411")
LEFT_IN = "Tom Okafor"  # the name a careless stage 1 keeps
TITLE = "Weapon under the seat on a routine stop"
LESSONS = "Search the reach area before you relax."
RETURN_COMMENT = "The lessons learned should say who searches the car; please add it."
# One report per scenario, so that the tests share one database and stay independent.
SCENARIOS = ("full_path", "redacted_first", "wrong_passphrase", "residual_dismissed", "residual_redacted",
             "returned", "stale", "stage2_changed", "stage2_confirm", "stage2_redact_kept", "keep_popup",
             "below_k", "findings_closed")
KEPT_SURE = "Dave Reyes"  # the detector is sure of it (0.95): `x` asks why
KEEP_REASON = "named in the press release"
SIGN_TIMEOUT = 30_000  # ms: the residual scan and an Argon2id derivation, on a busy 2-core machine


@dataclass(frozen=True)
class Prepared:
    """A locked database (alice, bob) holding one received report per scenario."""

    path: Path
    report_ids: dict[str, int]

    def copy_to(self, folder: Path) -> Path:
        return copy_database(self.path, folder)


@pytest.fixture(scope="module", name="prepared")
def prepared_fixture(template_workstation: Workstation, tmp_path_factory: pytest.TempPathFactory,
             detector: object) -> Prepared:
    folder = tmp_path_factory.mktemp("two-stage")
    path = copy_database(template_workstation.path, folder / "db")
    session = unlock(path, ALICE, ALICE_PASSPHRASE)
    try:
        intake = trusted_intake(session, folder / "intake")
        submissions = []
        for name in SCENARIOS:
            submission = valid_submission(str(uuid.uuid4()))
            # The scenario's name in words ("full path"): "full_path" is shaped like a handle.
            words = name.replace("_", " ")
            submission.update({"narrative": NARRATIVE, "title": f"Close call on a stop ({words})",
                               "lessons_learned": "Always wait for cover before you approach."})
            submissions.append(submission)
        import_bundle(session, intake.bundle(submissions), analyser=detector)
        ids = {name: int(session.db.query_one("SELECT id FROM reports WHERE submission_id = ?",
                                              (sub["submission_id"],))[0])
               for name, sub in zip(SCENARIOS, submissions, strict=True)}
    finally:
        session.lock()  # closing checkpoints the WAL: the two files are complete
    return Prepared(path, ids)


@dataclass
class Panel:
    """alice's and bob's sessions on one shared copy of the prepared database."""

    sessions: dict[str, Session]
    report_ids: dict[str, int]


@pytest.fixture(scope="module", name="panel")
def panel_fixture(prepared: Prepared, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Panel]:
    path = prepared.copy_to(tmp_path_factory.mktemp("panel"))
    sessions = {ALICE: unlock(path, ALICE, ALICE_PASSPHRASE), BOB: unlock(path, BOB, BOB_PASSPHRASE)}
    yield Panel(sessions, prepared.report_ids)
    for session in sessions.values():
        session.lock()


# ----- driving the GUI as a reviewer does -----------------------------------------------


def press(qtbot: QtBot, view: ReviewView, keys: str) -> None:
    view.original_edit.setFocus()
    for k in keys:
        qtbot.keyClick(view.original_edit, k)


def shown_text(view: ReviewView, span_id: int | None) -> str:
    assert view.review is not None
    span = next(s for s in view.review.spans if s.id == span_id)
    return view.review.texts[span.field][span.start:span.end]


def go_to(qtbot: QtBot, view: ReviewView, text: str) -> int:
    """Make the suggestion showing `text` the current one, with `k` and `j`."""
    assert view.review is not None
    total = len(view.review.spans)
    press(qtbot, view, "k" * total)  # to the first
    for _ in range(total):
        if shown_text(view, view.current_id) == text:
            break
        press(qtbot, view, "j")
    assert view.current_id is not None and shown_text(view, view.current_id) == text
    return view.current_id


def decide_all(qtbot: QtBot, view: ReviewView, keep: str | None = None) -> None:
    """`a` on every suggestion, in order (`x` on the one showing `keep`)."""
    assert view.review is not None
    total = len(view.review.spans)
    assert total >= len(IDENTIFIERS)
    for _ in range(total):
        kept = keep is not None and keep in shown_text(view, view.current_id)
        press(qtbot, view, "x" if kept else "a")
        if kept:
            answer_keep_popup(qtbot, view)  # a sure suggestion asks why: "1 not an identifier"
    assert view.progress_label.text() == f"{total} of {total} suggestions decided", view.progress_label.text()


def code_report(qtbot: QtBot, view: ReviewView, *, save: bool = True, title: str = TITLE) -> None:
    """Title, activity type, a contributing factor, lessons learned; then Save coding (or
    not: it saves by itself shortly after the typing stops)."""
    panel = view.coding_panel
    panel.title_edit.setFocus()
    qtbot.keyClicks(panel.title_edit, title)
    panel.activity_combo.setCurrentIndex(panel.activity_combo.findData("traffic_stop"))
    panel.factors_list.item(0).setCheckState(Qt.CheckState.Checked)
    panel.lessons_edit.setFocus()
    qtbot.keyClicks(panel.lessons_edit, LESSONS)
    if save:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        assert panel.status_label.text() == "Coding saved"
    else:
        assert panel.status_label.text() == "Not saved yet…"
    assert not panel.error_label.isVisible()


def move(qtbot: QtBot, flow: WorkflowActions, action: QAction) -> None:
    """A workflow move without a dialog (start stage 1 or 2), from the Workflow menu."""
    assert action in flow.menu.actions() and action.isEnabled()
    flow.last_dialog = None
    action.trigger()
    qtbot.waitUntil(lambda: not flow.busy, timeout=5000)


def sign(qtbot: QtBot, window: MainWindow, action: QAction, passphrase: str,
         comment: str | None = None) -> None:
    """Sign, approve or return: the dialog asks for the passphrase (and the comment), typed
    like a user; Enter signs. Signing and approving show the k figure first and, below k,
    need a written reason (typed as a reviewer would)."""
    flow = window.review_view.workflow
    assert action in flow.menu.actions() and action.isEnabled()
    if comment is None:
        sign_with_dialog(qtbot, flow, action.trigger, passphrase, timeout=SIGN_TIMEOUT)
        activate(qtbot, window)
        return
    action.trigger()
    dialog = flow.last_dialog
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    assert dialog.passphrase_edit.echoMode() == dialog.passphrase_edit.EchoMode.Password
    if comment is not None:
        assert dialog.comment_edit is not None
        qtbot.keyClicks(dialog.comment_edit, comment)
    qtbot.keyClicks(dialog.passphrase_edit, passphrase)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()  # Enter signs
    assert dialog.passphrase_edit.text() == ""  # taken from the field at once
    qtbot.waitUntil(lambda: not flow.busy, timeout=SIGN_TIMEOUT)
    activate(qtbot, window)


def visible_messages() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def the_one_message(qtbot: QtBot, window: MainWindow) -> str:
    """The refusal: exactly one message box, shown to the user; read it and press OK."""
    flow = window.review_view.workflow
    shown = visible_messages()
    assert len(shown) == 1, [m.text() for m in shown]
    assert flow.last_dialog is shown[0]
    text = shown[0].text()
    qtbot.mouseClick(shown[0].button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not visible_messages(), timeout=3000)
    activate(qtbot, window)
    return text


def queue_stage(window: MainWindow, report_id: int) -> str:
    """The Stage column of the report's row in the queue, as shown."""
    page = window.database_view.queue_page
    for row in range(page.proxy.rowCount()):
        index = page.proxy.index(row, QueueModel.STAGE)
        item = index.data(ROW_ROLE)
        if isinstance(item, QueueItem) and item.report_id == report_id:
            return str(index.data())
    raise AssertionError(f"report {report_id} is not in the queue")


def stage_of(session: Session, report_id: int) -> str:
    return signoff.report_stage(session.db, report_id)


def stage1_in_gui(qtbot: QtBot, window: MainWindow, report_id: int) -> ReviewView:
    """Stage 1 as alice does it: start, decide every suggestion, code, sign."""
    view = open_from_queue(qtbot, window, report_id)
    flow = view.workflow
    move(qtbot, flow, flow.start1_action)
    assert view.stage_label.text() == "Stage 1 in progress"
    decide_all(qtbot, view)
    code_report(qtbot, view)
    sign(qtbot, window, flow.sign1_action, ALICE_PASSPHRASE)
    assert visible_messages() == []
    assert view.stage_label.text() == "Stage 1 signed"
    return view


def start_stage2_in_gui(qtbot: QtBot, window: MainWindow, report_id: int) -> ReviewView:
    view = open_from_queue(qtbot, window, report_id)
    assert view.stage_label.text() == "Stage 1 signed"
    move(qtbot, view.workflow, view.workflow.start2_action)
    assert visible_messages() == []
    assert view.stage_label.text() == "Stage 2 in progress"
    return view


NAMED_TITLE = "Tom Okafor and Dave Reyes find a weapon under the seat"  # the panel's slip


def wait_for_findings(qtbot: QtBot, window: MainWindow) -> ResidualDialog:
    """A signature refused for the residual scan opens its findings at once."""
    flow = window.review_view.workflow
    qtbot.waitUntil(lambda: flow.residual_dialog is not None and flow.residual_dialog.isVisible()
                    and not flow.busy, timeout=SIGN_TIMEOUT)
    dialog = flow.residual_dialog
    assert isinstance(dialog, ResidualDialog) and flow.last_dialog is dialog
    assert visible_messages() == []  # no message box on the way: the findings themselves
    activate(qtbot, dialog)
    return dialog


