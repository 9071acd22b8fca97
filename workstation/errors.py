"""Expected errors: problems of the environment or the input, shown to the user in plain words.

Anything that is not a WorkstationError is a bug and goes to the crash dialog / traceback.
"""

from __future__ import annotations


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


class InputError(WorkstationError):
    exit_code = ExitCode.INPUT


class AuditChainBrokenError(WorkstationError):
    exit_code = ExitCode.AUDIT_BROKEN
