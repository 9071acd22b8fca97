"""The two-stage sign-off driven through the real GUI, as the panel works it: the queue, the
review view's keys, the coding panel, the Workflow menu and its passphrase dialogs, the
residual scan dialog, and the shell's lock and unlock to change reviewer.

Everything runs against a real encrypted database with two reviewers (alice, bob: two
passphrases, two signing keys), reports imported through a real signed bundle with the
real detector, real Argon2id unsealing and real Ed25519 signatures. Nothing of the
domain is patched; signing runs on the real thread pool, as in the application.

Signing costs an Argon2id derivation (about 0.7 s), so the reports are imported once per
module and every test works on reports of its own.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE
from tests.helpers.gui import activate, open_from_queue, open_window
from tests.ui import two_stage
from tests.ui.signing import answer_keep_popup
from tests.ui.two_stage import (
    IDENTIFIERS,
    LESSONS,
    RETURN_COMMENT,
    SIGN_TIMEOUT,
    TITLE,
    Panel,
    Prepared,
    code_report,
    decide_all,
    go_to,
    move,
    press,
    queue_stage,
    sign,
    stage1_in_gui,
    stage_of,
    start_stage2_in_gui,
    the_one_message,
    visible_messages,
)
from workstation.audit import chain
from workstation.stages import Stage
from workstation.ui.main_window import MainWindow
from workstation.ui.review.dialogs import PassphraseDialog
from workstation.ui.settings import UiSettings
from workstation.ui.shell import Shell
from workstation.ui.unlock import UnlockWindow
from workstation.workflow import signoff
from workstation.workflow.publishable import publishable_content

# ----- the whole path, changing reviewer through lock and unlock --------------------------

# The module's fixtures (a prepared database, alice's and bob's sessions on a copy).
_prepared, _panel = two_stage.prepared_fixture, two_stage.panel_fixture


def unlock_as(qtbot: QtBot, shell: Shell, reviewer: str, passphrase: str) -> MainWindow:
    window = shell.unlock_window
    assert isinstance(window, UnlockWindow) and window.isVisible()
    window.reviewer_combo.setCurrentIndex(window.reviewer_combo.findText(reviewer))
    assert window.reviewer_combo.currentText() == reviewer
    qtbot.keyClicks(window.passphrase_edit, passphrase)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=SIGN_TIMEOUT)
    main = shell.main_window
    assert main is not None and main.session.reviewer == reviewer
    qtbot.waitUntil(lambda: not main.database_view.loading, timeout=5000)
    activate(qtbot, main)
    return main


def test_two_reviewers_take_a_report_through_both_stages_in_the_gui(
        qtbot: QtBot, prepared: Prepared, settings: UiSettings, tmp_path: Path) -> None:
    path = prepared.copy_to(tmp_path / "db")
    report_id = prepared.report_ids["full_path"]
    shell = Shell(settings, path)
    try:
        shell.start()
        main = unlock_as(qtbot, shell, ALICE, ALICE_PASSPHRASE)
        assert "(alice)" in main.reviewer_label.text()

        # Stage 1: every suggestion decided with the keys, the report coded, signed.
        view = stage1_in_gui(qtbot, main, report_id)
        redacted = view.preview_edit.toPlainText()
        assert "[Person" in redacted and not any(name in redacted for name in IDENTIFIERS)
        alice_db = main.session.db
        [first] = signoff.signoffs(alice_db, report_id)
        assert (first.stage, first.decision, first.reviewer) == (1, "signed", ALICE)

        # The same reviewer cannot do stage 2: one plain message, nothing changed.
        flow = view.workflow
        assert flow.start2_action.isEnabled()  # offered: the report is ready for stage 2
        head = chain.head(alice_db)
        move(qtbot, flow, flow.start2_action)
        message = the_one_message(qtbot, main)
        assert message == ("Stage 2 must be done by a different reviewer than stage 1 "
                           "(alice signed stage 1).")
        assert stage_of(main.session, report_id) == Stage.STAGE1_SIGNED
        assert view.stage_label.text() == "Stage 1 signed"
        assert chain.head(alice_db) == head
        assert not flow.approve_action.isEnabled()

        # alice locks (Ctrl+L); bob unlocks with his own passphrase.
        qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert shell.main_window is None and shell.session is None
        main = unlock_as(qtbot, shell, BOB, BOB_PASSPHRASE)
        assert "(bob)" in main.reviewer_label.text()
        assert queue_stage(main, report_id) == "Stage 1 signed"

        # Stage 2: bob starts it and approves with his passphrase.
        view = start_stage2_in_gui(qtbot, main, report_id)
        preview = view.preview_edit.toPlainText()
        assert not any(name in preview for name in IDENTIFIERS)  # the redacted text is shown...
        assert "Glock 17" in preview
        sign(qtbot, main, view.workflow.approve_action, BOB_PASSPHRASE)
        assert visible_messages() == []
        assert view.stage_label.text() == "Approved"
        db = main.session.db
        assert stage_of(main.session, report_id) == Stage.APPROVED
        first, approval = signoff.signoffs(db, report_id)
        assert (approval.stage, approval.decision, approval.reviewer) == (2, "approved", BOB)
        assert approval.key_id != first.key_id and first.current and approval.current
        assert not any(a.isEnabled() for a in view.workflow.menu.actions() if a.data())

        # Tools > Verify audit chain, in the GUI; then what `workstation audit verify` checks:
        # the chain, and both signatures against the roster's public keys.
        main.verify_action.trigger()
        qtbot.waitUntil(lambda: main.verify_action.isEnabled(), timeout=10_000)
        assert main.last_message is not None
        assert main.last_message.text().startswith("The audit chain is intact:")
        main.last_message.close()
        verification = chain.verify(db)
        assert verification.intact and verification.entries > 0
        assert signoff.verify_signoffs(db) == []
        actions = [e.action for e in chain.entries(db, limit=500)]
        assert actions.count("signoff.sign") == 2
    finally:
        shell.shutdown()


# ----- one step at a time, on alice's and bob's open sessions -----------------------------


def test_stage2_sees_the_redacted_version_first(qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    """Stage 2 reads what would be published first, and reveals the original only on
    request, audited (see also test_second_look.py)."""
    report_id = panel.report_ids["redacted_first"]
    stage1_in_gui(qtbot, open_window(qtbot, panel.sessions[ALICE], settings), report_id)
    bob = panel.sessions[BOB]
    window = open_window(qtbot, bob, settings)
    views = "SELECT count(*) FROM audit WHERE action = 'report.view' AND actor = ? AND object = ?"
    reveals = ("SELECT count(*) FROM audit WHERE action = 'report.reveal_original' AND actor = ? "
               "AND object = ?")
    where = (BOB, f"report:{report_id}")
    view = start_stage2_in_gui(qtbot, window, report_id)
    preview = view.preview_edit.toPlainText()
    assert view.preview_edit.isVisible() and "Glock 17" in preview
    assert not any(name in preview for name in IDENTIFIERS)
    shown = [w.toPlainText() for w in view.findChildren(QPlainTextEdit) if w.isVisible()]
    assert not any(name in text for text in shown for name in IDENTIFIERS)
    assert view.original_edit.toPlainText() == "" and view.reveal_button.isVisible()
    assert view.heading.text() == TITLE  # the publishable title, not the reporter's
    assert bob.db.query_one(views, where)[0] >= 1
    assert bob.db.query_one(reveals, where)[0] == 0

    # Revealing: one audit entry of its own, then the original with its identifiers.
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert bob.db.query_one(reveals, where)[0] == 1
    assert view.original_edit.isVisible() and not view.reveal_button.isVisible()
    view.show_field("narrative")
    assert all(name in view.original_edit.toPlainText() for name in IDENTIFIERS)
    # ...for this opening only.
    view = open_from_queue(qtbot, window, report_id)
    assert view.original_edit.toPlainText() == "" and view.reveal_button.isVisible()
    assert bob.db.query_one(reveals, where)[0] == 1


def test_a_wrong_passphrase_signs_nothing(qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    alice = panel.sessions[ALICE]
    report_id = panel.report_ids["wrong_passphrase"]
    window = open_window(qtbot, alice, settings)
    view = open_from_queue(qtbot, window, report_id)
    flow = view.workflow
    move(qtbot, flow, flow.start1_action)
    decide_all(qtbot, view)
    code_report(qtbot, view, save=False)  # and straight to Sign: what is on screen is signed
    sign(qtbot, window, flow.sign1_action, "not my passphrase at all")
    assert view.coding_panel.status_label.text() == "Coding saved"
    assert the_one_message(qtbot, window) == "Wrong passphrase for reviewer 'alice'."
    assert signoff.signoffs(alice.db, report_id) == []
    # Nothing written after the coding saved as the dialog opened, not even an audit entry.
    assert chain.entries(alice.db, limit=1)[0].action == "coding.update"
    assert stage_of(alice, report_id) == Stage.STAGE1
    assert view.stage_label.text() == "Stage 1 in progress"
    assert flow.sign1_action.isEnabled()  # free to try again
    assert publishable_content(alice.db, report_id)["lessons_learned"] == LESSONS


def test_stage2_returns_the_report_with_a_comment(qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    alice, bob = panel.sessions[ALICE], panel.sessions[BOB]
    report_id = panel.report_ids["returned"]
    alice_window = open_window(qtbot, alice, settings)
    stage1_in_gui(qtbot, alice_window, report_id)
    alice_window.close()

    window = open_window(qtbot, bob, settings)
    view = start_stage2_in_gui(qtbot, window, report_id)
    flow = view.workflow
    sign(qtbot, window, flow.return_action, BOB_PASSPHRASE, comment="no")  # says nothing
    assert the_one_message(qtbot, window) == ("Say what stage 1 should change (a comment of a few "
                                              "words at least).")
    assert stage_of(bob, report_id) == Stage.STAGE2
    sign(qtbot, window, flow.return_action, BOB_PASSPHRASE, comment=RETURN_COMMENT)
    assert visible_messages() == []
    assert view.stage_label.text() == f"Returned to stage 1 \u2014 {RETURN_COMMENT}"
    first, returned = signoff.signoffs(bob.db, report_id)
    assert (returned.decision, returned.reviewer, returned.comment) == ("returned", BOB, RETURN_COMMENT)
    assert not first.current  # stage 1 must be signed again
    window.close()

    # alice sees the comment where the report is, and takes it up again.
    alice_window = open_window(qtbot, alice, settings)
    assert queue_stage(alice_window, report_id) == "Returned to stage 1"
    view = open_from_queue(qtbot, alice_window, report_id)
    assert view.stage_label.text() == f"Returned to stage 1 \u2014 {RETURN_COMMENT}"
    flow = view.workflow
    assert flow.start1_action.isEnabled() and not flow.sign1_action.isEnabled()
    move(qtbot, flow, flow.start1_action)
    assert view.stage_label.text() == "Stage 1 in progress"


def test_an_edit_after_approval_makes_it_stale(qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    alice, bob = panel.sessions[ALICE], panel.sessions[BOB]
    report_id = panel.report_ids["stale"]
    alice_window = open_window(qtbot, alice, settings)
    view = stage1_in_gui(qtbot, alice_window, report_id)

    # A coding edit after stage 1 was signed: stage 1 must be signed again.
    coding = view.coding_panel
    coding.title_edit.setFocus()
    qtbot.keyClicks(coding.title_edit, " at night")
    qtbot.mouseClick(coding.save_button, Qt.MouseButton.LeftButton)
    assert stage_of(alice, report_id) == Stage.STAGE1
    assert view.stage_label.text() == ("Stage 1 in progress \u2014 The publishable content changed after "
                                       "stage 1 was signed; stage 1 must be signed again.")
    assert view.workflow.sign1_action.isEnabled() and not view.workflow.start2_action.isEnabled()
    sign(qtbot, alice_window, view.workflow.sign1_action, ALICE_PASSPHRASE)
    assert view.stage_label.text() == "Stage 1 signed"
    alice_window.close()

    window = open_window(qtbot, bob, settings)
    view = start_stage2_in_gui(qtbot, window, report_id)
    sign(qtbot, window, view.workflow.approve_action, BOB_PASSPHRASE)
    assert view.stage_label.text() == "Approved"
    [approval] = [s for s in signoff.signoffs(bob.db, report_id) if s.stage == 2]

    # A name let through after the approval: `x` on a person.
    go_to(qtbot, view, "Dave Reyes")
    press(qtbot, view, "x")
    assert answer_keep_popup(qtbot, view)  # a sure suggestion: `x` asks why (1: not an identifier)
    assert "Dave Reyes" in view.redacted["narrative"].text
    assert stage_of(bob, report_id) == Stage.STAGE2
    assert view.stage_label.text() == ("Stage 2 in progress \u2014 The publishable content changed after "
                                       "the approval was signed; the approval must be signed again.")
    flow = view.workflow
    assert flow.approve_action.isEnabled() and flow.return_action.isEnabled()
    stale = next(s for s in signoff.signoffs(bob.db, report_id) if s.id == approval.id)
    assert stale.stale_at is not None and not stale.current


def test_what_stage2_changed_goes_back_to_stage1_which_sees_it(
        qtbot: QtBot, panel: Panel, settings: UiSettings) -> None:
    """Both sign-offs cover the same content: bob keeps a name alice redacted, approving is
    refused with the way back to stage 1 one key away, and alice sees what changed."""
    alice, bob = panel.sessions[ALICE], panel.sessions[BOB]
    report_id = panel.report_ids["stage2_changed"]
    alice_window = open_window(qtbot, alice, settings)
    stage1_in_gui(qtbot, alice_window, report_id)
    alice_window.close()

    window = open_window(qtbot, bob, settings)
    view = start_stage2_in_gui(qtbot, window, report_id)
    go_to(qtbot, view, "Dave Reyes")
    press(qtbot, view, "x")  # bob would publish the partner's name
    assert answer_keep_popup(qtbot, view)
    flow = view.workflow
    sign(qtbot, window, flow.approve_action, BOB_PASSPHRASE)
    [box] = visible_messages()
    assert flow.last_dialog is box and "cannot be approved" in box.text()
    back = box.defaultButton()
    assert back is not None and "Return to stage 1 with changes" in back.text().replace("&", "")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter takes the way back
    qtbot.waitUntil(lambda: isinstance(flow.last_dialog, PassphraseDialog) and flow.last_dialog.isVisible(),
                    timeout=3000)
    dialog = flow.last_dialog
    assert isinstance(dialog, PassphraseDialog) and dialog.comment_edit is not None
    qtbot.keyClicks(dialog.comment_edit, "I kept Dave Reyes: he is named in the press release.")
    qtbot.keyClicks(dialog.passphrase_edit, BOB_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not flow.busy, timeout=SIGN_TIMEOUT)
    assert stage_of(bob, report_id) == Stage.RETURNED
    window.close()

    alice_window = open_window(qtbot, alice, settings)
    view = open_from_queue(qtbot, alice_window, report_id)
    shown = view.stage_label.text()
    assert shown.startswith("Returned to stage 1") and "Changed since stage 1 signed: 1 change" in shown
    assert "1 revealing something" in shown and "now kept" in shown
