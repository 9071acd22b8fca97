"""File > Back up database… and File > Restore a backup…: the database and its key file as
one encrypted file (workstation/backup), made while unlocked, and restored where nothing
is yet. Passphrases are taken from their fields at once and never kept, logged or shown."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.backup.copy import BackupResult, RestoreResult, make_backup, restore_backup
from workstation.errors import InputError
from workstation.session import Session
from workstation.ui import messages
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel, message_for, ok_cancel_buttons, passphrase_edit, take_secret

log = logging.getLogger(__name__)


def _path_row(edit: QLineEdit, browse: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


class _BackgroundDialog(QDialog):
    """A form whose OK runs one task in the background and shows its result or error here."""

    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = ErrorLabel()
        self.buttons = ok_cancel_buttons(self, title.rstrip("…"))
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.start)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.busy = False
        self.result_box: object = None

    def start(self) -> None:
        raise NotImplementedError

    def _run(self, work: object, done: object) -> None:
        self.busy = True
        self.buttons.setEnabled(False)
        self.error_label.clear_error()

        def finished(result: object) -> None:
            self.busy = False
            self.buttons.setEnabled(True)
            self.accept()
            done(result)  # type: ignore[operator]

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.buttons.setEnabled(True)
            self.error_label.show_error(message_for(exc))

        run_task(work, finished, failed)  # type: ignore[arg-type]


class BackupDialog(_BackgroundDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Back up database…", "The database and its key file, copied together into one "
                         "file encrypted with a backup passphrase of its own. Keep the file and the "
                         "passphrase apart; both are needed to restore.", parent)
        self.session = session
        default = session.path.parent / f"workstation-{date.today().isoformat()}.nmbackup"
        self.file_edit = QLineEdit(str(default))
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.passphrase_edit = passphrase_edit("A new passphrase for this backup")
        self.repeat_edit = passphrase_edit("The same again")
        self.form.addRow("Backup &file", _path_row(self.file_edit, browse))
        self.form.addRow("Backup &passphrase", self.passphrase_edit)
        self.form.addRow("&Repeat", self.repeat_edit)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Back up to", self.file_edit.text(),
                                                "Workstation backups (*.nmbackup)")
        if chosen:
            self.file_edit.setText(chosen)

    def start(self) -> None:
        if self.busy:
            return
        secret, again = take_secret(self.passphrase_edit), take_secret(self.repeat_edit)
        if secret != again:
            self.error_label.show_error("The two backup passphrases differ; type them again.")
            return
        out, session = Path(self.file_edit.text().strip()), self.session
        self._run(lambda: make_backup(session, out, secret), self._done)

    def _done(self, result: BackupResult) -> None:
        log.info("Backup written")
        self.result_box = messages.inform(
            self.parentWidget(), "Back up database",
            f"Backup written to {result.out} ({result.bytes:,} bytes).\n\nSHA-256: {result.sha256}")


class RestoreDialog(_BackgroundDialog):
    def __init__(self, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__("Restore a backup…", "A backup becomes a new database beside the others: it "
                         "never overwrites one. A reviewer's passphrase checks that it opens.", parent)
        self.folder = folder or Path.home()
        self.backup_edit = QLineEdit()
        browse_backup = QPushButton("&Browse…")
        browse_backup.clicked.connect(self._browse_backup)
        self.db_edit = QLineEdit(str(self.folder / "restored.db"))
        self.backup_passphrase_edit = passphrase_edit("The backup's passphrase")
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setPlaceholderText("A reviewer of the backed-up database")
        self.passphrase_edit = passphrase_edit("That reviewer's passphrase")
        self.form.addRow("&Backup file", _path_row(self.backup_edit, browse_backup))
        self.form.addRow("New &database", self.db_edit)
        self.form.addRow("Backup &passphrase", self.backup_passphrase_edit)
        self.form.addRow("&Reviewer", self.reviewer_edit)
        self.form.addRow("Reviewer's pass&phrase", self.passphrase_edit)

    def _browse_backup(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Restore from", str(self.folder),
                                                "Workstation backups (*.nmbackup)")
        if chosen:
            self.backup_edit.setText(chosen)

    def start(self) -> None:
        if self.busy:
            return
        backup, db = Path(self.backup_edit.text().strip()), Path(self.db_edit.text().strip())
        reviewer = self.reviewer_edit.text().strip()
        backup_secret, secret = take_secret(self.backup_passphrase_edit), take_secret(self.passphrase_edit)
        if not self.backup_edit.text().strip() or not reviewer:
            self.error_label.show_error("Choose the backup file and say which reviewer checks it.")
            return

        def work() -> RestoreResult:
            if not backup.is_file():
                raise InputError(f"{backup} is not a file.")
            return restore_backup(backup, db, backup_secret, reviewer, secret)

        self._run(work, self._done)

    def _done(self, result: RestoreResult) -> None:
        self.result_box = messages.inform(
            self.parentWidget(), "Restore a backup",
            f"The backup made {result.created_at} is restored as {self.db_edit.text().strip()}. "
            "Lock, then choose it in the unlock window to open it.")
