"""Expected errors: problems of the environment or the input, shown to the user in plain words.

Anything that is not a WorkstationError is a bug and goes to the crash dialog / traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the annotation only: errors import nothing of the program
    from workstation.workflow.disclosure_check import KCheck


class ExitCode:
    """Process exit codes of the CLI, one per kind of problem (documented in the README)."""

    OK = 0
    FAILURE = 1
    USAGE = 2
    AUTH = 3  # wrong passphrase, unknown reviewer, bad recovery code
    NOT_WORKSTATION = 4  # the file is not a workstation database / key file pair
    DAMAGED = 5  # tampered, corrupt or truncated database or key file
    TOO_NEW = 6  # made by a newer version of the program
    FILESYSTEM = 7  # missing file, read-only folder, disk full
    INPUT = 8  # a bad input file or field (bundles, passphrase strength...)
    AUDIT_BROKEN = 9  # the audit chain does not verify
    CANCELLED = 10  # the user cancelled; nothing was changed
    NO_DISPLAY = 11  # the GUI cannot open a window here (no display, or Qt's libraries missing)


class WorkstationError(Exception):
    """An expected problem with a message fit for the user (no traceback)."""

    exit_code: int = ExitCode.FAILURE

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class AuthenticationError(WorkstationError):
    exit_code = ExitCode.AUTH


class NotWorkstationDatabaseError(WorkstationError):
    exit_code = ExitCode.NOT_WORKSTATION


class DamagedError(WorkstationError):
    exit_code = ExitCode.DAMAGED


class TooNewError(WorkstationError):
    exit_code = ExitCode.TOO_NEW


class FileSystemError(WorkstationError):
    exit_code = ExitCode.FILESYSTEM


class DisplayUnavailable(WorkstationError):
    """The GUI cannot open a window on this machine; the message says how to fix it."""

    exit_code = ExitCode.NO_DISPLAY


class InputError(WorkstationError):
    exit_code = ExitCode.INPUT


class SealError(WorkstationError):
    """A sealed secret did not open: wrong passphrase or recovery code, or a damaged slot."""

    exit_code = ExitCode.AUTH

    def __init__(self, message: str = "The sealed key did not open: wrong key or altered data.") -> None:
        super().__init__(message)


class Cancelled(WorkstationError):
    """The user cancelled a long task before anything was saved or written. Not a bad input:
    the CLI exits with CANCELLED, and the GUI says so without a warning."""

    exit_code = ExitCode.CANCELLED

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)


class ExportError(InputError):
    """An export refused; `written` says whether any file was left in the target."""

    def __init__(self, message: str, *, written: bool = False) -> None:
        super().__init__(message)
        self.written = written


class NotEditable(InputError):
    """The report's stage does not allow this change (published, set aside...)."""


class DuplicateCommand(InputError):
    """A review command with this id was applied before; it is never applied twice."""

    def __init__(self, message: str, *, command_id: str) -> None:
        super().__init__(message)
        self.command_id = command_id


class CommandConflict(InputError):
    """A command does not fit the report as it is here (a span it names is missing or has
    changed since the command was made, a statement that does not match)."""


class SigningRefused(InputError):
    """What stands between a report and a signature, as a list of problems; `findings`
    holds the residual scan's findings when the scan is one of them, and `low_k` the
    re-identification check when it is one of them (fewer than k reports share the report's
    published details and no written reason is on record: sign again with one)."""

    def __init__(self, message: str, *, problems: tuple[str, ...] = (),
                 findings: tuple[object, ...] = (), low_k: KCheck | None = None) -> None:
        super().__init__(message)
        self.problems = problems
        self.findings = findings
        self.low_k = low_k


class SignatureInvalid(InputError):
    """A sign-off carried in a command does not verify (tampered statement or signature,
    or a key that is not the actor's)."""


class ChangedSinceStage1(SigningRefused):
    """Stage 2 changed the report: it cannot approve content stage 1 did not sign; it returns
    the report to stage 1 with its changes (both sign-offs cover the same content)."""
