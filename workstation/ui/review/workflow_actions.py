"""Moving the open report through the two stages, from the review view: start stage 1,
sign it (passphrase again), start stage 2, approve, return with a comment, set aside, and
the residual scan with dismiss-with-reason; and the linked reports of its incident
(Ctrl+Shift+L, see linking_dialog.py; the dialogs are in dialogs.py). Everything goes through
`workstation.workflow.actions` (review commands through `apply`); signing and scanning run the
detector and Argon2id, so they run off the GUI thread. Passphrases are taken from their
field at once and never kept, logged or shown.

A signature refused because the residual scan still finds something offers to show the
findings at once (the message's default button).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from workstation.errors import ChangedSinceStage1, SigningRefused, WorkstationError
from workstation.review.placeholders import PlaceholderBook
from workstation.session import Session
from workstation.stages import ALLOWED
from workstation.ui import messages
from workstation.ui.review.dialogs import PassphraseDialog, SetAsideDialog
from workstation.ui.review.linking_dialog import LinkingDialog
from workstation.ui.review.residual_dialog import ResidualDialog
from workstation.ui.review.signing_dialog import SigningDialog
from workstation.ui.tasks import run_task
from workstation.ui.widgets import message_for, take_secret
from workstation.workflow import actions
from workstation.workflow.disclosure_check import KCheck
from workstation.workflow.review_reads import ShownFinding, placeholders_before, residual_findings, stage_of

log = logging.getLogger(__name__)

LINKS_SHORTCUT = "Ctrl+Shift+L"  # Ctrl+L locks
RESIDUAL_PROBLEM = "the residual scan found"  # how signoff.signing_problems words the findings
SIGN_MOVES = {  # move: (title, what signing says, the button)
    "sign_stage1": ("Sign stage 1",
                    "Signing says that every identifier is removed and the report is coded. The residual "
                    "scan runs first. Your passphrase unlocks your signing key for this one signature.",
                    "Sign"),
    "approve": ("Approve",
                "Approving (stage 2) says that nothing identifying remains. The residual scan runs first.",
                "Approve"),
}


def default_analyser() -> Any:
    from workstation.detect.detector import get_detector  # loads spaCy: only when needed

    return get_detector()


class WorkflowHost(Protocol):
    """The review view, as the workflow menu needs it."""

    def flush(self) -> None:
        """Save what was typed a moment ago (a signature covers what is on screen)."""

    def showing(self, report_id: int) -> bool:
        """Whether this report is open and shown (not opening, not another one)."""

    def use_earlier_book(self, book: PlaceholderBook) -> None:
        """Number the preview's placeholders after `book` (linked reports read earlier), and redraw."""

    def reload_after_edit(self, report_id: int) -> None:
        """A dialog changed the report (a redaction from the residual scan's list): redraw."""


class WorkflowActions(QObject):
    """The workflow moves as actions (a menu in the review toolbar and the Review menu)."""

    moved = Signal(int)  # report id: its stage changed
    placeholders_refreshed = Signal(int)  # report id: the preview numbers its placeholders anew
    busy_changed = Signal(bool)

    def __init__(self, session: Session, parent: QWidget, host: WorkflowHost | None = None,
                 analyser: Callable[[], Any] = default_analyser) -> None:
        """`parent` holds the dialogs; `host` (the review view) is saved before a move and
        shown the placeholders anew after a link. The host connects its `changed` signal
        to `content_changed` (an edit that made a sign-off stale moves the report)."""
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.host = host
        self.analyser = analyser
        self.report_id: int | None = None
        self.stage = ""
        self.busy = False
        self.last_dialog: QDialog | None = None  # the newest dialog or message, for tests
        self.signing_dialog: SigningDialog | None = None  # the newest of each, for tests
        self.residual_dialog: ResidualDialog | None = None
        self.menu = QMenu("&Workflow", parent)
        self.start1_action = self._add("Start stage &1", "start_stage1", self.start_stage1)
        self.sign1_action = self._add("&Sign stage 1…", "sign_stage1", self.sign_stage1)
        self.start2_action = self._add("Start stage &2", "start_stage2", self.start_stage2)
        self.approve_action = self._add("&Approve (stage 2)…", "approve", self.approve)
        self.return_action = self._add("&Return to stage 1…", "return", self.return_to_stage1)
        self.menu.addSeparator()
        self.set_aside_action = self._add("Set &aside…", "set_aside", self.set_aside)
        self.menu.addSeparator()
        self.scan_action = QAction("Residual &scan…", self)
        self.scan_action.setToolTip("Run the detector over the redacted text: what it still finds")
        self.scan_action.triggered.connect(self.residual_scan)
        self.menu.addAction(self.scan_action)
        self.links_action = QAction("&Linked reports…", self)
        self.links_action.setToolTip("Other officers' reports of the same incident: link, unlink, "
                                     f"likely links ({LINKS_SHORTCUT})")
        self.links_action.setShortcut(QKeySequence(LINKS_SHORTCUT))
        # Only while the review view has the focus (from the queue it would open the last report).
        self.links_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.links_action.triggered.connect(lambda _checked=False: self.open_linked_reports())
        self.menu.addAction(self.links_action)
        parent.addAction(self.links_action)
        self.set_report(None, "")

    def _add(self, text: str, move: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setData(move)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def set_report(self, report_id: int | None, stage: str) -> None:
        self.report_id, self.stage = report_id, stage
        self._update()

    def _update(self) -> None:
        ready = self.report_id is not None and not self.busy
        for action in self.menu.actions():
            move = action.data()
            if move:
                allowed = self.stage in {s.value for s in ALLOWED.get(move, ())}
                action.setEnabled(ready and allowed)
        self.scan_action.setEnabled(ready)
        self.links_action.setEnabled(ready)

    def content_changed(self, report_id: int) -> None:
        """A decision or the coding was saved: if that made the sign-off covering the report
        stale, the report is back a stage (refresh_staleness); show where it is now."""
        if report_id != self.report_id or report_id is None:
            return
        try:
            stage = stage_of(self.session, report_id)
        except WorkstationError:
            return
        if stage != self.stage:
            log.info("Report %d moved to %s by an edit", report_id, stage)
            self.moved.emit(report_id)

    def _save_pending(self) -> None:
        if self.host is not None:
            self.host.flush()

    # ----- running -----------------------------------------------------------------

    def _run(self, what: str, work: Callable[[], Any], done: Callable[[Any], object] | None = None,
             refused: Callable[[SigningRefused], bool] | None = None) -> None:
        """Run `work` off the GUI thread (busy meanwhile); `done` gets its result (default:
        the report moved). `refused` may take a signing refusal over (True: handled)."""
        report_id = self.report_id
        if report_id is None or self.busy:
            return
        self._save_pending()
        self.busy = True
        self.busy_changed.emit(True)
        self._update()

        def finished(result: Any) -> None:
            self._finish()
            if done is not None:
                done(result)
            else:
                self.moved.emit(report_id)

        def failed(exc: BaseException) -> None:
            self._finish()
            text = message_for(exc)
            if isinstance(exc, ChangedSinceStage1) and report_id == self.report_id:
                self.last_dialog = self._changed_refusal(what, text)
            elif isinstance(exc, SigningRefused) and report_id == self.report_id and refused is not None \
                    and refused(exc):
                return
            elif isinstance(exc, SigningRefused) and exc.findings and report_id == self.report_id:
                self.last_dialog = self._residual_refusal(what, text)
            else:
                self.last_dialog = messages.warn(self.parent_widget, what, text)

        run_task(work, finished, failed)

    def _residual_refusal(self, title: str, text: str) -> QMessageBox:
        """The refusal, with the way out one key away: Enter shows the findings."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self.parent_widget)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show = box.addButton("Show &findings", QMessageBox.ButtonRole.ActionRole)
        show.setToolTip("Open the residual scan: redact what it finds, or dismiss it with a reason")
        box.setDefaultButton(show)
        box.setEscapeButton(box.button(QMessageBox.StandardButton.Ok))
        box.buttonClicked.connect(lambda button: self.residual_scan() if button is show else None)
        box.open()
        return box

    def _changed_refusal(self, title: str, text: str) -> QMessageBox:
        """Stage 2 changed the report: the way on is back to stage 1 with the changes."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Cancel,
                          self.parent_widget)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        back = box.addButton("&Return to stage 1 with changes…", QMessageBox.ButtonRole.ActionRole)
        back.setToolTip("Stage 1 sees what you changed and signs it; then you approve")
        box.setDefaultButton(back)
        box.buttonClicked.connect(lambda button: self.return_to_stage1() if button is back else None)
        box.open()
        return box

    def _finish(self) -> None:
        self.busy = False
        self.busy_changed.emit(False)
        self._update()

    def start_stage1(self) -> None:
        session, rid = self.session, self.report_id
        if rid is not None:
            self._run("Start stage 1", lambda: actions.start_stage1(session, rid))

    def start_stage2(self) -> None:
        session, rid = self.session, self.report_id
        if rid is not None:
            self._run("Start stage 2", lambda: actions.start_stage2(session, rid))

    def _signing(self, title: str, text: str, sign: Callable[[str, str], Any], *, comment: bool = False
                 ) -> PassphraseDialog:
        """The passphrase dialog of a return (with its comment)."""
        self._save_pending()  # the checks and the signature see what is on screen
        dialog = PassphraseDialog(title, text, comment=comment, parent=self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            secret = take_secret(dialog.passphrase_edit)
            note = dialog.comment()
            self._run(title, lambda: sign(secret, note), lambda _s: self._signed(title))

        dialog.accepted.connect(accepted)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _signed(self, title: str) -> None:
        if self.report_id is not None:
            self.moved.emit(self.report_id)
        log.info("%s: signed", title)

    # ----- sign stage 1 and approve: the k figure, the passphrase, the findings ---------

    def _sign_flow(self, move: str) -> None:
        """Work out the re-identification figure (off the GUI thread), then open the signing
        dialog showing it, with the written reason below k and the passphrase."""
        session, rid = self.session, self.report_id
        if rid is None:
            return
        title, text, button = SIGN_MOVES[move]
        self._run(title, lambda: actions.disclosure_for_signing(session, rid),
                  lambda check: self._open_signing(move, title, text, button, check))

    def _open_signing(self, move: str, title: str, text: str, button: str, check: KCheck | None
                      ) -> SigningDialog | None:
        if self.report_id is None:
            return None
        dialog = SigningDialog(title, text, check, button, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            secret = take_secret(dialog.passphrase_edit)
            self._attempt(move, secret, dialog.low_k_reason())

        dialog.accepted.connect(accepted)
        dialog.open()
        self.last_dialog = dialog
        self.signing_dialog = dialog
        return dialog

    def _attempt(self, move: str, secret: str | None, low_k_reason: str | None) -> None:
        """Sign (or approve) with the passphrase typed for this attempt. Refused for residual
        findings only: the findings open holding it, to sign from there once clear."""
        session, rid, analyser = self.session, self.report_id, self.analyser
        if rid is None:
            return
        title = SIGN_MOVES[move][0]
        if secret is None:  # the findings were opened from the menu: ask for it now
            self._sign_flow(move)
            return
        sign = actions.sign_stage1 if move == "sign_stage1" else actions.approve

        def refused(exc: SigningRefused) -> bool:
            if not exc.findings or any(not p.startswith(RESIDUAL_PROBLEM) for p in exc.problems):
                return False
            self._show_findings(move, secret, low_k_reason, message_for(exc))
            return True

        self._run(title, lambda: sign(session, rid, secret, analyser(), low_k_reason=low_k_reason),
                  lambda _s: self._signed(title), refused)

    def _show_findings(self, move: str | None, secret: str | None, low_k_reason: str | None,
                       refusal: str = "") -> None:
        """Scan (off the GUI thread) and show the findings; with `move`, the dialog can sign
        once clear (with `secret`, the passphrase of the refused attempt, when there is one)."""
        session, rid, analyser = self.session, self.report_id, self.analyser
        if rid is None:
            return

        def show(shown: list[ShownFinding]) -> None:
            sign_text = SIGN_MOVES[move][2] if move is not None else None
            dialog = ResidualDialog(session, rid, shown, self.parent_widget, sign_text=sign_text,
                                    passphrase=secret, refusal=refusal,
                                    sign=(lambda held: self._attempt(move, held, low_k_reason))
                                    if move is not None else None)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.edited.connect(self._edited_from_dialog)
            dialog.open()
            self.last_dialog = dialog
            self.residual_dialog = dialog

        self._run("Residual scan", lambda: residual_findings(session, rid, analyser()), show)

    def _edited_from_dialog(self, report_id: int) -> None:
        if self.host is not None:
            self.host.reload_after_edit(report_id)

    def sign_stage1(self) -> None:
        self._sign_flow("sign_stage1")

    def approve(self) -> None:
        self._sign_flow("approve")

    def return_to_stage1(self) -> PassphraseDialog | None:
        session, rid = self.session, self.report_id
        if rid is None:
            return None
        return self._signing(
            "Return to stage 1", "The report goes back to stage 1 with your comment (signed).",
            lambda secret, note: actions.return_to_stage1(session, rid, note, secret), comment=True)

    def set_aside(self) -> SetAsideDialog | None:
        session, rid = self.session, self.report_id
        if rid is None:
            return None
        dialog = SetAsideDialog(self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            reason, comment = dialog.reason_combo.currentData(), dialog.comment_edit.text()
            self._run("Set aside", lambda: actions.set_aside(session, rid, reason, comment))

        dialog.accepted.connect(accepted)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def residual_scan(self) -> None:
        """The findings from the menu: once clear, Sign or Approve (where the stage allows)
        opens the signing dialog from there."""
        move = next((m for m in SIGN_MOVES if self.stage in {s.value for s in ALLOWED[m]}), None)
        self._show_findings(move, None, None)

    # ----- linked reports ----------------------------------------------------------

    def open_linked_reports(self) -> LinkingDialog | None:
        rid = self.report_id
        if rid is None or self.busy:
            return None
        self._save_pending()
        dialog = LinkingDialog(self.session, rid, self.parent_widget, on_changed=self.links_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def links_changed(self, report_id: int) -> None:
        """A link or unlink: the stage may have moved (a sign-off the new placeholders made
        stale), the queue's flags changed, and the preview numbers its placeholders anew."""
        if report_id != self.report_id:
            return
        self.moved.emit(report_id)
        self.refresh_placeholders()

    def refresh_placeholders(self) -> None:
        """Give the host the placeholder book of the linked reports read before this one."""
        host, rid, session = self.host, self.report_id, self.session
        if rid is None or host is None:
            return

        def done(book: PlaceholderBook) -> None:
            if not host.showing(rid):
                return  # another report is shown (or opening): it reads its own book
            host.use_earlier_book(book)
            self.placeholders_refreshed.emit(rid)

        def failed(exc: BaseException) -> None:
            log.warning("The preview's placeholders were not refreshed: %s", type(exc).__name__)

        run_task(lambda: placeholders_before(session, rid), done, failed)
