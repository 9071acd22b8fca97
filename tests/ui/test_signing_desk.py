"""The signing desk (issue 20, "the residual scan without the double work"; issue 18 §1,
the signing dialog): a sure suggestion kept with `x` asks why, and the reason rides on the
keep; the residual scan does not ask the signer again what they kept; stage 2 confirms what
stage 1 kept with one key each; the findings show their sentence, clear live, and sign from
the same dialog with the passphrase of the attempt, dropped when it closes; the signing
dialog shows the k figure and, below k, needs a written reason; the queue marks what the
reviewer signed. Real database, real detector, real Argon2id and Ed25519; real key presses
and clicks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE
from tests.helpers.gui import activate, open_from_queue, open_window
from tests.ui import two_stage
from tests.ui.signing import LOW_K_REASON, open_signing_dialog
from tests.ui.two_stage import (
    KEEP_REASON,
    KEPT_SURE,
    LEFT_IN,
    NAMED_TITLE,
    SIGN_TIMEOUT,
    Panel,
    code_report,
    decide_all,
    go_to,
    move,
    press,
    queue_stage,
    sign,
    stage_of,
    start_stage2_in_gui,
    visible_messages,
    wait_for_findings,
)
from workstation.review.spans import Decision
from workstation.session import Session
from workstation.stages import Stage
from workstation.ui.listing import ROW_ROLE
from workstation.ui.main_window import MainWindow
from workstation.ui.queue_view import QueueModel
from workstation.ui.review.view import ReviewView
from workstation.ui.settings import UiSettings
from workstation.workflow import signoff
from workstation.workflow.holdings import QueueItem
from workstation.workflow.keeps import REASON_SCORE
from workstation.workflow.publishable import publishable_content

# The module's fixtures (a prepared database, alice's and bob's sessions on a copy).
_prepared, _panel = two_stage.prepared_fixture, two_stage.panel_fixture


def alice_at_stage1(qtbot: QtBot, panel: Panel, settings: UiSettings,
                    report: str) -> tuple[Session, int, MainWindow, ReviewView]:
    """alice opens the prepared report `report` from her queue and starts stage 1 there."""
    alice = panel.sessions[ALICE]
    report_id = panel.report_ids[report]
    window = open_window(qtbot, alice, settings)
    view = open_from_queue(qtbot, window, report_id)
    move(qtbot, view.workflow, view.workflow.start1_action)
    return alice, report_id, window, view


def test_findings_clear_live_in_the_list_and_sign_from_there(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    """Names slipped into the panel's title: signing is refused and the findings open holding
    the passphrase just typed; each shows its sentence with the words highlighted, the cursor
    waits in the reason field, the count follows each dismissal, and Sign works from there."""
    alice, report_id, window, view = alice_at_stage1(qtbot, panel, settings, "residual_dismissed")
    flow = view.workflow
    decide_all(qtbot, view)
    code_report(qtbot, view, title=NAMED_TITLE)
    sign(qtbot, window, flow.sign1_action, ALICE_PASSPHRASE)
    dialog = wait_for_findings(qtbot, window)
    assert signoff.signoffs(alice.db, report_id) == []
    assert dialog.refusal_label.text().startswith("Stage 1 cannot be signed yet: the residual scan found 2")
    assert dialog.holds_passphrase() and dialog.sign_button is not None
    assert not dialog.sign_button.isEnabled()
    assert dialog.list.count() == 2
    assert dialog.summary.text().startswith("The detector still finds 2 possible identifiers")
    first = dialog.list.item(0).text()
    assert first.startswith("Person \u201cTom Okafor\u201d in the panel's publishable title")
    assert NAMED_TITLE in first
    assert dialog.list.item(1).text().startswith("Person \u201cDave Reyes\u201d")
    shown = dialog.sentence_label.text()
    assert "Tom Okafor</span>" in shown and "background-color" in shown  # highlighted in its sentence
    assert QApplication.focusWidget() is dialog.reason_edit  # the cursor in the reason field

    qtbot.keyClicks(dialog.reason_edit, "ok")  # a reason is needed, in words
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.error_label.isVisible() and "why" in dialog.error_label.text()
    assert dialog.list.count() == 2
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.reason_edit, "Stage name in the panel's draft title; the panel will reword it")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.list.count() == 1 and not dialog.error_label.isVisible()
    assert dialog.summary.text().startswith("The detector still finds 1 possible identifier ")  # live
    assert "Dave Reyes</span>" in dialog.sentence_label.text()
    assert QApplication.focusWidget() is dialog.reason_edit and not dialog.sign_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Same draft title, agreed with the panel chair")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.list.count() == 0
    assert dialog.summary.text() == "The residual scan finds nothing left in the redacted text. Sign now."
    assert dialog.sign_button.isEnabled()
    dismissed = alice.db.query("SELECT reason, dismissed_by FROM residual_dismissals WHERE report_id = ? "
                               "ORDER BY span_start", (report_id,))
    assert [tuple(r) for r in dismissed] == [
        ("Stage name in the panel's draft title; the panel will reword it", ALICE),
        ("Same draft title, agreed with the panel chair", ALICE)]

    # Sign, in the same dialog, with the passphrase typed for this attempt.
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert not dialog.holds_passphrase()  # dropped as it was used
    qtbot.waitUntil(lambda: not flow.busy and view.stage_label.text() == "Stage 1 signed",
                    timeout=SIGN_TIMEOUT)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=3000)  # closed and gone
    assert visible_messages() == []
    assert [s.decision for s in signoff.signoffs(alice.db, report_id)] == ["signed"]


def test_what_the_signer_kept_is_not_asked_again(qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    """alice keeps a name with `x` (a middling score: no question asked); at signing, the
    residual scan does not bring her own decision back: the signature goes through."""
    alice, report_id, window, view = alice_at_stage1(qtbot, panel, settings, "residual_redacted")
    flow = view.workflow
    assert view.review is not None
    [span] = [s for s in view.review.spans if view.review.texts[s.field][s.start:s.end] == LEFT_IN]
    assert span.state.score < REASON_SCORE
    decide_all(qtbot, view, keep=LEFT_IN)
    assert view.keep_popup is None  # `x` asked nothing: the detector was not sure
    assert LEFT_IN in view.redacted["narrative"].text
    code_report(qtbot, view)
    sign(qtbot, window, flow.sign1_action, ALICE_PASSPHRASE)
    assert visible_messages() == [] and flow.residual_dialog is None
    assert view.stage_label.text() == "Stage 1 signed"
    assert stage_of(alice, report_id) == Stage.STAGE1_SIGNED


def stage1_keeping(qtbot: QtBot, panel: Panel, settings: UiSettings, report_id: int) -> None:
    """alice keeps Dave Reyes at stage 1: a sure suggestion, so `x` asks why (her own
    words here: typed on the list, they go to the free-text field; Enter keeps)."""
    alice = panel.sessions[ALICE]
    window = open_window(qtbot, alice, settings)
    view = open_from_queue(qtbot, window, report_id)
    flow = view.workflow
    move(qtbot, flow, flow.start1_action)
    go_to(qtbot, view, KEPT_SURE)
    press(qtbot, view, "x")
    popup = view.keep_popup
    assert popup is not None and popup.isVisible()
    activate(qtbot, popup)
    qtbot.keyClicks(popup.choices, KEEP_REASON)
    assert popup.own_edit.text() == KEEP_REASON
    qtbot.keyClick(popup.own_edit, Qt.Key.Key_Return)
    assert not popup.isVisible()
    view.keep_popup = None
    activate(qtbot, window)
    press(qtbot, view, "k" * len(view.review.spans))  # back to the first
    decide_all(qtbot, view, keep=KEPT_SURE)  # the rest `a`; it stays kept (no second question)
    code_report(qtbot, view)
    sign(qtbot, window, flow.sign1_action, ALICE_PASSPHRASE)
    assert view.stage_label.text() == "Stage 1 signed"
    window.close()


def test_stage2_confirms_what_stage1_kept_with_one_key(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    bob = panel.sessions[BOB]
    report_id = panel.report_ids["stage2_confirm"]
    stage1_keeping(qtbot, panel, settings, report_id)
    window = open_window(qtbot, bob, settings)
    view = start_stage2_in_gui(qtbot, window, report_id)
    content = publishable_content(bob.db, report_id)
    sign(qtbot, window, view.workflow.approve_action, BOB_PASSPHRASE)
    dialog = wait_for_findings(qtbot, window)
    assert dialog.list.count() >= 1
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert all(f"kept by {ALICE}: {KEEP_REASON}; C confirms" in r for r in rows), rows
    assert "1 is kept by the other reviewer" in dialog.summary.text() or "are kept" in dialog.summary.text()
    assert QApplication.focusWidget() is dialog.list  # one key, on the list
    qtbot.keyClick(dialog.list, Qt.Key.Key_C)
    assert dialog.list.count() == 0 and dialog.sign_button is not None and dialog.sign_button.isEnabled()
    assert dialog.sign_button.text() == "Approve"
    assert publishable_content(bob.db, report_id) == content  # confirming is not a change
    assert stage_of(bob, report_id) == Stage.STAGE2
    confirmed = bob.db.query("SELECT actor FROM review_commands WHERE report_id = ? "
                             "AND kind = 'confirm_keeps'", (report_id,))
    assert [r[0] for r in confirmed] == [BOB]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Approve is the default once the list is clear
    qtbot.waitUntil(lambda: not view.workflow.busy and view.stage_label.text() == "Approved",
                    timeout=SIGN_TIMEOUT)
    assert stage_of(bob, report_id) == Stage.APPROVED


def test_stage2_redacting_what_stage1_kept_goes_back_to_stage1(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    bob = panel.sessions[BOB]
    report_id = panel.report_ids["stage2_redact_kept"]
    stage1_keeping(qtbot, panel, settings, report_id)
    window = open_window(qtbot, bob, settings)
    view = start_stage2_in_gui(qtbot, window, report_id)
    sign(qtbot, window, view.workflow.approve_action, BOB_PASSPHRASE)
    dialog = wait_for_findings(qtbot, window)
    qtbot.keyClick(dialog.list, Qt.Key.Key_R)  # redact it after all: a change
    assert dialog.list.count() == 0
    assert view.review is not None
    assert KEPT_SURE not in view.redacted["narrative"].text  # the view redrew
    assert "stage 1" in view.notice_label.text()  # the two-person rule, said at once
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.workflow.busy, timeout=SIGN_TIMEOUT)
    [box] = visible_messages()
    assert "cannot be approved" in box.text()  # both sign-offs must cover the same content
    assert stage_of(bob, report_id) == Stage.STAGE2




def decide_commands(session: Session, report_id: int) -> list[dict[str, Any]]:
    bodies = session.db.query("SELECT body FROM review_commands WHERE report_id = ? AND kind = 'decide' "
                              "ORDER BY seq", (report_id,))
    return [json.loads(b[0])["args"] for b in bodies]


def test_x_on_a_sure_suggestion_asks_why_and_the_reason_rides_on_the_keep(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    alice, report_id, window, view = alice_at_stage1(qtbot, panel, settings, "keep_popup")
    span_id = go_to(qtbot, view, KEPT_SURE)
    assert view.review is not None
    assert next(s for s in view.review.spans if s.id == span_id).state.score >= REASON_SCORE

    # x asks why; a digit picks, Esc cancels the keep: nothing decided.
    press(qtbot, view, "x")
    popup = view.keep_popup
    assert popup is not None and popup.isVisible()
    assert [popup.choices.item(i).text() for i in range(popup.choices.count())] == [
        "1  not an identifier", "2  generic term", "3  public place", "4  Other: in my own words"]
    activate(qtbot, popup)
    assert QApplication.focusWidget() is popup.choices  # keyboard first
    qtbot.keyClick(popup.choices, "2")
    assert popup.reason() == "generic term"
    qtbot.keyClick(popup.choices, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    activate(qtbot, window)
    assert view.current_id == span_id
    assert next(s for s in view.review.spans if s.id == span_id).decision == Decision.PENDING
    assert decide_commands(alice, report_id) == []

    # x again: 3 and Enter keep it, with "public place" recorded on the keep.
    press(qtbot, view, "x")
    popup = view.keep_popup
    assert popup is not None and popup.isVisible()
    activate(qtbot, popup)
    qtbot.keyClick(popup.choices, "3")
    qtbot.keyClick(popup.choices, Qt.Key.Key_Return)
    assert not popup.isVisible()
    activate(qtbot, window)
    assert view.review is not None
    assert next(s for s in view.review.spans if s.id == span_id).decision == Decision.KEEP
    assert view.current_id != span_id  # on to the next
    [keep] = decide_commands(alice, report_id)
    assert keep["decision"] == "keep" and keep["reason"] == "public place"
    # `a` asks nothing and its command is written as before (no reason in its JSON).
    press(qtbot, view, "a")
    assert view.keep_popup is popup or not view.keep_popup.isVisible()
    accept = decide_commands(alice, report_id)[-1]
    assert accept["decision"] == "redact" and "reason" not in accept


def test_the_signing_dialog_below_k_needs_a_written_reason_and_the_queue_marks_the_signature(
        qtbot: QtBot, panel: Panel, settings: UiSettings, tmp_path: Path) -> None:
    alice, report_id, window, view = alice_at_stage1(qtbot, panel, settings, "below_k")
    flow = view.workflow
    decide_all(qtbot, view)
    code_report(qtbot, view)
    dialog = open_signing_dialog(qtbot, flow, flow.sign1_action.trigger)

    # The figure in plain words, before the passphrase; below k the reason is required.
    # (the other tests of the module approve reports of the same month: 1 to 4 share it)
    assert re.fullmatch(r"Below k: (no other approved or published report shares|only [234] reports \(this "
                        r"one included\) share) this report's month and published details\. Fewer than 5 "
                        r"could point at the officer\.", dialog.k_label.text()), dialog.k_label.text()
    assert dialog.proposal_label.isVisible() and dialog.proposal_label.text()
    assert dialog.needs_reason and dialog.low_k_reason_edit.isVisible()
    assert QApplication.focusWidget() is dialog.low_k_reason_edit
    assert not dialog.sign_button.isEnabled()
    dialog.passphrase_edit.setFocus()
    qtbot.keyClicks(dialog.passphrase_edit, ALICE_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter does not sign without the reason
    dialog.low_k_reason_edit.setFocus()
    qtbot.keyClicks(dialog.low_k_reason_edit, "   ")
    assert not dialog.sign_button.isEnabled()  # spaces are not a reason
    qtbot.keyClicks(dialog.low_k_reason_edit, LOW_K_REASON)
    assert dialog.sign_button.isEnabled()
    dialog.grab().save(str(tmp_path / "signing-below-k.png"))  # to look at (see make_screenshots)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not flow.busy, timeout=SIGN_TIMEOUT)
    activate(qtbot, window)
    assert visible_messages() == []
    assert view.stage_label.text() == "Stage 1 signed"
    [ack] = alice.db.query("SELECT reason, acknowledged_by FROM disclosure_acknowledgements "
                           "WHERE report_id = ?", (report_id,))
    assert tuple(ack) == (LOW_K_REASON, ALICE)
    assert f"Report {report_id}: Stage 1 signed." in window.statusBar().currentMessage()

    # Back in the queue (Esc), the row says so.
    view.original_edit.setFocus()
    qtbot.keyClick(view.original_edit, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.database_view
    qtbot.waitUntil(lambda: not window.database_view.loading, timeout=5000)
    assert queue_flags(window, report_id).startswith("\u2713 signed stage 1 by you")
    assert queue_stage(window, report_id) == "Stage 1 signed"


def queue_flags(window: MainWindow, report_id: int) -> str:
    page = window.database_view.queue_page
    for row in range(page.proxy.rowCount()):
        index = page.proxy.index(row, QueueModel.FLAGS)
        item = index.data(ROW_ROLE)
        if isinstance(item, QueueItem) and item.report_id == report_id:
            return str(index.data())
    raise AssertionError(f"report {report_id} is not in the queue")


def test_closing_the_findings_drops_the_passphrase(qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    alice, report_id, window, view = alice_at_stage1(qtbot, panel, settings, "findings_closed")
    flow = view.workflow
    decide_all(qtbot, view)
    code_report(qtbot, view, title=NAMED_TITLE)
    sign(qtbot, window, flow.sign1_action, ALICE_PASSPHRASE)
    dialog = wait_for_findings(qtbot, window)
    assert dialog.holds_passphrase()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)  # closed without signing
    assert not shiboken6.isValid(dialog) or not (dialog.isVisible() or dialog.holds_passphrase())
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=3000)  # and gone
    assert signoff.signoffs(alice.db, report_id) == []
    activate(qtbot, window)

    # From the menu, the findings hold no passphrase: once clear, Sign asks for it again.
    flow.scan_action.trigger()
    qtbot.waitUntil(lambda: not flow.busy and flow.residual_dialog is not None
                    and shiboken6.isValid(flow.residual_dialog) and flow.residual_dialog.isVisible(),
                    timeout=SIGN_TIMEOUT)
    dialog = flow.residual_dialog
    assert dialog is not None and not dialog.holds_passphrase()
    assert dialog.sign_button is not None and not dialog.sign_button.isEnabled()
    assert dialog.remaining() == 2
