"""Moving the open report through the two stages, from the review view: start stage 1,
sign it (passphrase again), start stage 2, approve, return with a comment, set aside, and
the residual scan with dismiss-with-reason; and the linked reports of its incident
(Ctrl+Shift+L, see linking_dialog.py). Everything goes through
`workstation.workflow.actions` (review commands through `apply`); signing and scanning run the
detector and Argon2id, so they run off the GUI thread. Passphrases are taken from their
field at once and never kept, logged or shown.

A signature refused because the residual scan still finds something offers to show the
findings at once (the message's default button).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import SigningRefused, WorkstationError
from workstation.session import Session
from workstation.stages import ALLOWED, SET_ASIDE_REASONS, report_stage
from workstation.ui import messages
from workstation.ui.linking_dialog import LinkingDialog
from workstation.ui.tasks import run_task
from workstation.ui.widgets import (
    ErrorLabel,
    message_for,
    ok_cancel_buttons,
    passphrase_edit,
    recognizer_name,
    take_secret,
)
from workstation.workflow import actions, residual

log = logging.getLogger(__name__)

LINKS_SHORTCUT = "Ctrl+Shift+L"  # Ctrl+L locks


def default_analyser() -> Any:
    from workstation.detect.detector import get_detector  # loads spaCy: only when needed

    return get_detector()


class PassphraseDialog(QDialog):
    """The reviewer's passphrase again, to sign (and a comment when returning a report)."""

    def __init__(self, title: str, text: str, *, comment: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.passphrase_edit = passphrase_edit("Your passphrase")
        self.comment_edit = QPlainTextEdit() if comment else None
        intro = QLabel(text)
        intro.setWordWrap(True)
        form = QFormLayout()
        if self.comment_edit is not None:
            self.comment_edit.setPlaceholderText("What stage 1 should change")
            self.comment_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
            form.addRow("&Comment", self.comment_edit)
        form.addRow("&Passphrase", self.passphrase_edit)
        self.error_label = ErrorLabel()
        buttons = ok_cancel_buttons(self, "Sign")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def comment(self) -> str:
        return self.comment_edit.toPlainText() if self.comment_edit is not None else ""


class SetAsideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set the report aside")
        self.reason_combo = QComboBox()
        for key, name in SET_ASIDE_REASONS.items():
            self.reason_combo.addItem(name, key)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText("Optional: e.g. which report it duplicates")
        form = QFormLayout()
        form.addRow("&Reason", self.reason_combo)
        form.addRow("&Comment", self.comment_edit)
        buttons = ok_cancel_buttons(self, "Set aside")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)


@dataclass(frozen=True)
class ShownFinding:
    finding: residual.Finding
    excerpt: str  # what the detector still sees, in the redacted text


def scan(session: Session, report_id: int, analyser: Any) -> list[ShownFinding]:
    findings = residual.residual_scan(session.db, analyser, report_id)
    redacted, extra, _known = residual.scanned_texts(session.db, report_id)
    texts = {**{f: r.text for f, r in redacted.items()}, **extra}
    return [ShownFinding(f, texts.get(f.field, "")[f.excerpt_start:f.excerpt_end]) for f in findings]


class ResidualDialog(QDialog):
    """What the detector still finds in the redacted text; each can be dismissed with a reason."""

    dismissed = Signal()

    def __init__(self, session: Session, report_id: int, shown: list[ShownFinding],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report_id = report_id
        self.setWindowTitle("Residual scan")
        self.list = QListWidget()
        for item in shown:
            where = item.finding.field.replace("_", " ")
            excerpt = " ".join(item.excerpt.split())
            row = QListWidgetItem(f"{item.finding.label.title()} in {where}: \u201c{excerpt}\u201d  "
                                  f"(found by {recognizer_name(item.finding.recognizer)})")
            row.setData(Qt.ItemDataRole.UserRole, item.finding)
            self.list.addItem(row)
        self.summary = QLabel(
            f"The detector still finds {len(shown)} possible identifier{'s' if len(shown) != 1 else ''} "
            "in the redacted text. Redact them in the review, or dismiss one with a reason."
            if shown else "The residual scan found nothing more in the redacted text.")
        self.summary.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("Why this is not an identifier")
        self.dismiss_button = QPushButton("&Dismiss with reason")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.error_label = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if shown:
            layout.addWidget(self.list, 1)
            layout.addWidget(self.reason_edit)
            layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignRight)
            self.list.setCurrentRow(0)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(560, 360 if shown else 120)

    def dismiss_selected(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            return False
        try:
            actions.dismiss_finding(self.session, self.report_id, item.data(Qt.ItemDataRole.UserRole),
                                     self.reason_edit.text())
        except WorkstationError as exc:
            self.error_label.show_error(exc.message)
            return False
        self.error_label.clear_error()
        self.list.takeItem(self.list.row(item))
        self.reason_edit.setText("")
        self.dismissed.emit()
        return True


class WorkflowActions(QObject):
    """The workflow moves as actions (a menu in the review toolbar and the Review menu)."""

    moved = Signal(int)  # report id: its stage changed
    placeholders_refreshed = Signal(int)  # report id: the preview numbers its placeholders anew
    busy_changed = Signal(bool)

    def __init__(self, session: Session, parent: QWidget,
                 analyser: Callable[[], Any] = default_analyser) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.analyser = analyser
        self.report_id: int | None = None
        self.stage = ""
        self.busy = False
        self.last_dialog: QDialog | None = None  # the newest dialog or message, for tests
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
        # The review view this menu serves (any widget with these): what was typed a moment
        # ago is saved before a move, so a signature covers what is on screen; and an edit
        # that made a sign-off stale (the report went back a stage) is shown at once.
        self._flush: Callable[[], object] | None = getattr(parent, "flush", None)
        changed = getattr(parent, "changed", None)
        if changed is not None:
            changed.connect(self.content_changed)

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
            stage = report_stage(self.session.db, report_id)
        except WorkstationError:
            return
        if stage != self.stage:
            log.info("Report %d moved to %s by an edit", report_id, stage)
            self.moved.emit(report_id)

    def _save_pending(self) -> None:
        if self._flush is not None:
            self._flush()

    # ----- running -----------------------------------------------------------------

    def _run(self, what: str, work: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
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
            if isinstance(exc, SigningRefused) and exc.findings and report_id == self.report_id:
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

    def sign_stage1(self) -> PassphraseDialog | None:
        session, rid, analyser = self.session, self.report_id, self.analyser
        if rid is None:
            return None
        return self._signing(
            "Sign stage 1",
            "Signing says that every identifier is removed and the report is coded. The residual "
            "scan runs first. Your passphrase unlocks your signing key for this one signature.",
            lambda secret, _note: actions.sign_stage1(session, rid, secret, analyser()))

    def approve(self) -> PassphraseDialog | None:
        session, rid, analyser = self.session, self.report_id, self.analyser
        if rid is None:
            return None
        return self._signing(
            "Approve",
            "Approving (stage 2) says that nothing identifying remains. The residual scan runs first.",
            lambda secret, _note: actions.approve(session, rid, secret, analyser()))

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
        session, rid, analyser = self.session, self.report_id, self.analyser
        if rid is None:
            return

        def show(shown: list[ShownFinding]) -> None:
            dialog = ResidualDialog(session, rid, shown, self.parent_widget)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.last_dialog = dialog

        self._run("Residual scan", lambda: scan(session, rid, analyser()), show)

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
        """Give the review view (when it has `earlier_book` and `set_current`) the placeholder
        book of the linked reports read before this one, and redraw its preview."""
        view, rid, session = self.parent_widget, self.report_id, self.session
        if rid is None or not hasattr(view, "earlier_book") or not hasattr(view, "set_current"):
            return

        def work() -> Any:
            from workstation.ui.review_view import earlier_book  # it imports this module

            return earlier_book(session.db, rid)

        def done(book: Any) -> None:
            if getattr(view, "report_id", None) != rid or getattr(view, "review", None) is None \
                    or getattr(view, "loading", False):
                return  # another report is shown (or opening): it reads its own book
            view.earlier_book = book
            view.set_current(getattr(view, "current_id", None))
            self.placeholders_refreshed.emit(rid)

        def failed(exc: BaseException) -> None:
            log.warning("The preview's placeholders were not refreshed: %s", type(exc).__name__)

        run_task(work, done, failed)
