"""The shell: which window is showing, and the one open Session.

first run -> recovery code -> main window; unlock -> main window; lock (menu or idle)
-> session locked, main window closed, unlock window for the same database.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from workstation.errors import WorkstationError
from workstation.session import CreatedWorkstation, Session
from workstation.ui.first_run import FirstRunWindow, RecoveryCodeDialog
from workstation.ui.idle_lock import IdleLock
from workstation.ui.main_window import MainWindow
from workstation.ui.review.view import Position
from workstation.ui.settings import UiSettings
from workstation.ui.unlock import UnlockWindow

log = logging.getLogger(__name__)

DAMAGED_NOTICE = ("The database failed its integrity check and was locked: it is damaged or has been "
                  "tampered with. Restore it from a backup (File > Restore) or ask for help.")
LOCKED_NOTICE = "The workstation was locked and the database closed. Unlock it to continue."
IDLE_NOTICE = (
    "The workstation locked itself after {minutes:g} minutes without input and closed the "
    "database. Unlock it to continue."
)


class Shell(QObject):
    # The background integrity check reports from its own thread: a queued signal brings
    # the result to the GUI thread.
    integrity_checked = Signal(object)

    def __init__(
        self,
        settings: UiSettings,
        database: Path,
        *,
        reviewer: str | None = None,
        idle_minutes: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.database = database
        self.reviewer = reviewer
        self.session: Session | None = None
        self.main_window: MainWindow | None = None
        self.unlock_window: UnlockWindow | None = None
        self.first_run_window: FirstRunWindow | None = None
        self.recovery_dialog: RecoveryCodeDialog | None = None
        self.idle_lock = IdleLock(idle_minutes if idle_minutes is not None else settings.idle_minutes, self)
        self.idle_lock.idle.connect(self.lock_idle)
        self.integrity_checked.connect(self._on_integrity_checked)
        # where the reviewer was when the workstation locked: (database, reviewer, position)
        self.resume: tuple[Path, str, Position] | None = None

    def start(self) -> QWidget:
        """Show the first-run window if the database does not exist yet, else the unlock window."""
        if self.database.exists():
            return self.show_unlock()
        return self.show_first_run()

    # ----- windows -----------------------------------------------------------------

    def show_first_run(self) -> FirstRunWindow:
        window = FirstRunWindow(self.database)
        window.created.connect(self._on_created)
        window.open_existing_requested.connect(self._on_open_existing)
        self._replace_front(window)
        self.first_run_window = window
        return window

    def show_unlock(self, message: str = "") -> UnlockWindow:
        window = UnlockWindow(self.database, self.reviewer, message=message)
        window.unlocked.connect(self._on_unlocked)
        self._replace_front(window)
        self.unlock_window = window
        log.info("Unlock window shown for %s", self.database.name)
        return window

    def _replace_front(self, window: QWidget) -> None:
        """Show `window` first, then close the others, so the app never has zero windows."""
        window.show()
        window.raise_()
        window.activateWindow()
        for old in (self.first_run_window, self.unlock_window):
            if old is not None and old is not window:
                old.close()
                old.deleteLater()
        self.first_run_window = self.unlock_window = None

    def _on_open_existing(self) -> None:
        window = self.show_unlock()
        window.path_edit.selectAll()
        window.path_edit.setFocus()

    def _on_created(self, created: CreatedWorkstation) -> None:
        session = created.session
        dialog = RecoveryCodeDialog(created.recovery_code, self.first_run_window)
        self.recovery_dialog = dialog
        dialog.accepted.connect(lambda: self._on_recovery_code_kept(session))
        dialog.open()

    def _on_recovery_code_kept(self, session: Session) -> None:
        self.recovery_dialog = None
        self._on_unlocked(session)

    def _on_unlocked(self, session: Session) -> None:
        self.session = session
        self.database = session.path
        self.reviewer = session.reviewer
        self.settings.last_database = session.path
        check = session.integrity
        if check.failed:  # found before the window could open: the database is closed already
            self.lock(DAMAGED_NOTICE)
            return
        try:
            window = MainWindow(session, self.settings)
        except WorkstationError:
            if not check.failed:
                raise
            self.lock(DAMAGED_NOTICE)  # it failed while the window was reading
            return
        window.lock_requested.connect(self.lock)
        window.quit_requested.connect(self.quit)
        window.closed.connect(self._on_main_closed)
        self.main_window = window
        self._replace_front(window)
        self.idle_lock.start()
        resume, self.resume = self.resume, None
        if resume is not None and resume[:2] == (session.path, session.reviewer):
            window.review_view.resume_at = resume[2]  # back to the report and suggestion
            window.open_report(resume[2].report_id)
        if not check.done:
            window.statusBar().showMessage("Checking the database's integrity in the background…")
        check.add_done_callback(self.integrity_checked.emit)

    def _on_integrity_checked(self, check: object) -> None:
        """Fail closed: a database that fails the full page check is locked at once."""
        if self.session is None or self.session.integrity is not check:
            return  # locked (or another session) meanwhile
        if self.session.integrity.failed:
            log.warning("The database failed its background integrity check; locking")
            self.lock(DAMAGED_NOTICE)
        elif self.main_window is not None:
            self.main_window.statusBar().clearMessage()
            self.main_window.retention.start_background()  # never delays the unlock: after the check

    # ----- locking and quitting ---------------------------------------------------

    def lock(self, message: str = LOCKED_NOTICE) -> None:
        """Close the database, forget the key, and ask for the passphrase again; unlocking
        returns to the report and suggestion that were open."""
        window, session = self.main_window, self.session
        if window is not None and session is not None \
                and window.pages.currentWidget() is window.review_view:
            position = window.review_view.position()
            self.resume = (session.path, session.reviewer, position) if position is not None else None
        self._forget_session()
        self.show_unlock(message)  # before closing the main window: never zero windows
        self._close_main_window()

    def lock_idle(self) -> None:
        self.lock(IDLE_NOTICE.format(minutes=self.idle_lock.minutes))

    def quit(self) -> None:
        self.shutdown()
        QCoreApplication.exit(0)

    def shutdown(self) -> None:
        """Lock and close everything (also on aboutToQuit)."""
        self._forget_session()
        self._close_main_window()
        for window in (self.unlock_window, self.first_run_window):
            if window is not None:
                window.close()
        self.settings.sync()

    def _on_main_closed(self) -> None:
        # The window's close button: same as Quit (the app ends with its last window).
        self._forget_session()

    def _forget_session(self) -> None:
        self.idle_lock.stop()
        if self.main_window is not None:
            # Cancel a running import first: closing waits for its transaction to roll back.
            self.main_window.stop_work()
        if self.session is not None:
            log.info("Locking %s", self.session.path.name)
            self.session.lock()
            self.session = None

    def _close_main_window(self) -> None:
        window, self.main_window = self.main_window, None
        if window is not None:
            window.close()
            window.deleteLater()  # its dialogs (and anything they show) go with it
