"""install_panel(host): the Panel tab beside Queue and Quarantine, and a Panel menu with
the actions of this workstation's role. The host is the main window; PanelHost says all
that is used of it.

Coordinator: Enrol reviewer…, Write coordinator key…, Assign… (from the queue's
selection), Import returns…, Conflicts…, Revoke…. Reviewer laptop: Write enrolment file…,
Trust coordinator…, Import work packet…, Export returns…, Import receipt…, Import
revocation notice…. Both: Exchange folder… and Pick up from the exchange folder (also
every few minutes while a folder is set)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QWidget,
)

from workstation.errors import WorkstationError
from workstation.exchange import roles
from workstation.exchange.exchange_folder import exchange_folder, set_exchange_folder
from workstation.exchange.laptop import import_assignment, import_receipt, import_revocation
from workstation.exchange.panel_view import LaptopState, enrolled_reviewers, load_laptop, load_panel, role_of
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.listing import ROW_ROLE
from workstation.ui.panel.assign_dialog import AssignDialog
from workstation.ui.panel.conflict_dialog import ConflictDialog
from workstation.ui.panel.forms import ExportReturnsDialog, RevokeDialog
from workstation.ui.panel.key_dialogs import AcceptKeyDialog, WriteKeyDialog
from workstation.ui.panel.runs import RETURN_FILTER, ImportReturnsRun, PickUpRun
from workstation.ui.panel.tab import PanelTab, banner_label
from workstation.ui.tasks import run_task
from workstation.ui.widgets import message_for

log = logging.getLogger(__name__)

PICK_UP_EVERY_MS = 120_000
PACKET_FILTERS = {
    "assignment": "Work packets (*.nmwork);;All files (*)",
    "receipt": "Receipts (*.nmreceipt);;All files (*)",
    "revocation": "Revocation notices (*.nmrevoke);;All files (*)",
}


class PanelHost(Protocol):
    """What the panel needs of the main window."""

    session: Session

    @property
    def database_view(self) -> Any: ...  # a DatabaseView: .tabs, .selected_report(), .queue_page, .refreshed

    def menuBar(self) -> QMenuBar: ...

    def statusBar(self) -> QStatusBar: ...

    def refresh(self) -> None: ...


class PanelActions(QObject):
    """The Panel tab, its menu and its dialogs, for one unlocked session."""

    def __init__(self, host: PanelHost, *, pick_up_every_ms: int = PICK_UP_EVERY_MS) -> None:
        super().__init__(host)  # type: ignore[arg-type]
        self.host = host
        self.session = host.session
        self.coordinator = role_of(self.session) == roles.COORDINATOR
        self.window: QWidget = host  # type: ignore[assignment]
        self.last_dialog: QDialog | None = None
        self.last_message: QMessageBox | None = None
        self.run: ImportReturnsRun | PickUpRun | None = None
        self.tab = PanelTab(self.coordinator)
        self.tab.conflicts_requested.connect(self.show_conflicts)
        view = host.database_view
        view.tabs.addTab(self.tab, "Panel")
        self.queue_banner = banner_label()  # the due-date warning, above every tab (laptop)
        view.layout().insertWidget(1, self.queue_banner)
        view.refreshed.connect(self.refresh)
        self.actions: list[QAction] = []
        bar = host.menuBar()
        self.menu = QMenu("&Panel", bar)
        existing = bar.actions()  # before the last menu (Help), when there is one
        if existing:
            bar.insertMenu(existing[-1], self.menu)
        else:
            bar.addMenu(self.menu)
        self.menu.setToolTipsVisible(True)
        if self.coordinator:
            self.enrol_action = self._add("&Enrol reviewer…", self.enrol_reviewer,
                                          "Take in a reviewer laptop's enrolment file, after its fingerprint")
            self.key_action = self._add("Write &coordinator key…", self.write_coordinator_key,
                                        "The file reviewer laptops trust this workstation by")
            self.menu.addSeparator()
            self.assign_action = self._add("&Assign…", self.assign, "Send the reports selected in the queue "
                                           "to a reviewer's laptop", QKeySequence("Ctrl+Shift+A"))
            self.returns_action = self._add("&Import returns…", self.import_returns,
                                            "Merge returns from laptops and write their receipts")
            self.conflicts_action = self._add("&Conflicts…", self.show_conflicts,
                                              "Returned work that was not merged as it was")
            self.revoke_action = self._add("&Revoke…", self.revoke, "Take reports back from a laptop")
            self.revoke_button = QPushButton("Revoke selected…")
            self.revoke_button.clicked.connect(self.revoke)
            self.tab.add_button(self.revoke_button)
        else:
            self.enrolment_action = self._add("Write &enrolment file…", self.write_enrolment,
                                              "The file the coordinator enrols this laptop by")
            self.trust_action = self._add("&Trust coordinator…", self.trust_coordinator,
                                          "Take in the coordinator's key file, after its fingerprint")
            self.menu.addSeparator()
            self.work_action = self._add("Import &work packet…", lambda: self.import_packet("assignment"),
                                         "Take in an assignment from the coordinator")
            self.export_action = self._add("E&xport returns…", self.export_returns,
                                           "Write a return of your work for the coordinator")
            self.receipt_action = self._add("Import &receipt…", lambda: self.import_packet("receipt"),
                                            "Delete the reports the coordinator has merged")
            self.revocation_action = self._add("Import re&vocation notice…",
                                               lambda: self.import_packet("revocation"),
                                               "Delete the reports the coordinator took back")
            self.export_button = QPushButton("E&xport returns…")
            self.export_button.clicked.connect(self.export_returns)
            self.tab.add_button(self.export_button)
        self.menu.addSeparator()
        self.folder_action = self._add("Exchange &folder…", self.choose_folder,
                                       "The folder where packets for this workstation arrive and go out")
        self.no_folder_action = self._add("Stop using the exchange folder", lambda: self.set_folder(None),
                                          "Packets are then taken in and written through the menu only")
        self.pick_up_action = self._add("&Pick up from the exchange folder", self.pick_up,
                                        "Take in what waits there for this workstation", QKeySequence("F6"))
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.pick_up(quiet=True))
        if pick_up_every_ms > 0:
            self.timer.start(pick_up_every_ms)
        self._show_folder()
        self.refresh()

    def _add(self, text: str, slot: Any, tip: str, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        self.actions.append(action)
        return action

    # ----- state ------------------------------------------------------------------------

    @property
    def folder(self) -> Path:
        """Where outgoing files go by default: the exchange folder, else the database's folder."""
        return self.exchange or self.session.path.parent

    def _show_folder(self) -> None:
        self.exchange = exchange_folder(self.session)
        if self.exchange is None:
            self.tab.folder_status.setText("Exchange folder: none set (Panel > Exchange folder…).")
        else:
            self.tab.folder_status.setText(f"Exchange folder: {self.exchange}")

    def refresh(self) -> None:
        session = self.session
        if self.coordinator:
            run_task(lambda: load_panel(session), self.tab.show_panel, self._failed)
        else:
            run_task(lambda: load_laptop(session), self._show_laptop, self._failed)

    def _show_laptop(self, state: LaptopState) -> None:
        self.tab.show_laptop(state)
        self.queue_banner.setText(self.tab.banner.text())
        self.queue_banner.setVisible(bool(self.tab.banner.text()))
        self.tab.banner.hide()  # shown once, above every tab

    def _failed(self, exc: BaseException) -> None:
        self.tab.error_label.show_error(f"The panel could not be loaded. {message_for(exc)}")

    def _status(self, text: str) -> None:
        self.host.statusBar().showMessage(text, 15_000)

    def _changed(self, text: str = "") -> None:
        if text:
            self._status(text)
        self.host.refresh()  # the queue, then the panel (database_view.refreshed)

    def _open(self, dialog: QDialog) -> QDialog:
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._changed(getattr(dialog, "done_message", "")))
        dialog.open()
        return dialog

    def stop(self) -> None:
        self.timer.stop()
        if self.run is not None:
            self.run.stop()

    # ----- enrolment --------------------------------------------------------------------

    def enrol_reviewer(self) -> QDialog:
        return self._open(AcceptKeyDialog(self.session, coordinator_key=False, folder=self.folder,
                                          parent=self.window))

    def trust_coordinator(self) -> QDialog:
        return self._open(AcceptKeyDialog(self.session, coordinator_key=True, folder=self.folder,
                                          parent=self.window))

    def write_coordinator_key(self) -> QDialog:
        return self._open(WriteKeyDialog(self.session, coordinator_key=True, folder=self.folder,
                                         parent=self.window))

    def write_enrolment(self) -> QDialog:
        return self._open(WriteKeyDialog(self.session, coordinator_key=False, folder=self.folder,
                                         parent=self.window))

    # ----- the coordinator --------------------------------------------------------------

    def selected_reports(self) -> list[int]:
        """The reports selected in the queue (several rows may be)."""
        page = self.host.database_view.queue_page
        rows = page.table.selectionModel().selectedRows()
        chosen = sorted({index.data(ROW_ROLE).row.report_id for index in rows})
        if not chosen:
            one = self.host.database_view.selected_report()
            chosen = [one] if one is not None else []
        return chosen

    def assign(self) -> QDialog:
        dialog = AssignDialog(self.session, self.selected_reports(), enrolled_reviewers(self.session),
                              self.folder, self.window)
        return self._open(dialog)

    def import_returns(self) -> ImportReturnsRun | None:
        chosen, _ = QFileDialog.getOpenFileNames(self.window, "Import returns", str(self.folder),
                                                 RETURN_FILTER)
        return self.start_import_returns([Path(p) for p in chosen]) if chosen else None

    def start_import_returns(self, paths: list[Path]) -> ImportReturnsRun:
        run = ImportReturnsRun(self.session, paths, self.window)
        self.run = run

        def finished(_outcome: object) -> None:
            self.run = None
            self.last_message = run.message
            self._changed()

        run.finished.connect(finished)
        run.start()
        return run

    def show_conflicts(self) -> ConflictDialog:
        dialog = ConflictDialog(self.session, self.window)
        dialog.resolved.connect(self._changed)
        self.last_dialog = dialog
        dialog.open()
        dialog.reload()
        return dialog

    def revoke(self) -> QDialog:
        chosen = self.tab.selected_held() or self.selected_reports()
        return self._open(RevokeDialog(self.session, chosen, self.folder, self.window))

    # ----- the reviewer's laptop --------------------------------------------------------

    def export_returns(self) -> QDialog:
        state = self.tab.state
        held = list(state.held) if isinstance(state, LaptopState) else []
        return self._open(ExportReturnsDialog(self.session, held, self.folder, self.window))

    def import_packet(self, kind: str) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self.window, "Import", str(self.folder), PACKET_FILTERS[kind])
        if chosen:
            self.take_in(kind, Path(chosen))

    def take_in(self, kind: str, path: Path) -> None:
        """Take in a work packet, a receipt or a revocation notice in the background."""
        session = self.session

        def work() -> str:
            if kind == "assignment":
                got = import_assignment(session, path)
                return (f"Took in {len(got.report_ids)} report(s) for stage {got.stage}, due {got.due[:10]}: "
                        f"they are in the queue.")
            if kind == "receipt":
                deleted, kept = import_receipt(session, path)
                return (f"Receipt taken in: {len(deleted)} report(s) deleted from this laptop, "
                        f"{len(kept)} kept "
                        "(in progress, or with work after the return).")
            deleted = import_revocation(session, path)
            return f"The coordinator took back {len(deleted)} report(s); they were deleted from this laptop."

        def done(text: str) -> None:
            self.last_message = messages.inform(self.window, "Panel", text)
            self._changed(text)

        def failed(exc: BaseException) -> None:
            self.last_message = messages.widen(messages.warn(self.window, "Panel", message_for(exc)), 480)

        run_task(work, done, failed)

    # ----- the exchange folder ----------------------------------------------------------

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.window, "Exchange folder", str(self.folder))
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path | None) -> None:
        try:
            set_exchange_folder(self.session, folder)
        except WorkstationError as exc:
            self.last_message = messages.warn(self.window, "Exchange folder", exc.message)
            return
        self._show_folder()

    def pick_up(self, *, quiet: bool = False) -> PickUpRun | None:
        if self.run is not None:
            return None
        if self.exchange is None:
            if not quiet:
                self.last_message = messages.inform(self.window, "Exchange folder",
                                                    "No exchange folder is set: Panel > Exchange folder….")
            return None
        run = PickUpRun(self.session, self.exchange, self.window, with_dialog=not quiet, report=not quiet)
        self.run = run

        def finished(_status: object) -> None:
            self.run = None
            self.last_message = run.message
            if run.status is not None:
                self.tab.folder_status.setText(f"{run.status.line()}  ({self.exchange})")
                if run.status.picked_up or run.status.rejected:
                    self._changed(run.status.line())
            elif run.error is not None:
                self.tab.folder_status.setText(f"Exchange folder: {message_for(run.error)}")

        run.finished.connect(finished)
        run.start()
        return run


def install_panel(host: PanelHost, *, pick_up_every_ms: int = PICK_UP_EVERY_MS) -> PanelActions:
    """Add the Panel tab and menu to the main window; keep the result (stop() it on lock)."""
    return PanelActions(host, pick_up_every_ms=pick_up_every_ms)
