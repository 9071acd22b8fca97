"""Changing the key file and the database together, when they cannot be replaced as one.

The order (README, "Security model"), for a roster change and for a re-key alike:

1. The new key file is written completely beside the current one, as `<db>.keys.pending`
   (temporary file, fsync, rename). It records the roster and the audit head the
   database will have once the change commits.
2. The database change commits: for a re-key, the rows and every page under the new key
   in one WAL commit; then the WAL is checkpointed so no old-key page stays on disk.
3. The pending file is renamed over `<db>.keys` (atomic) and the folder is fsynced.

At unlock (session.py), when a pending file is there, it is tried first: if it opens the
database and the database's chain holds the head it records, step 2 happened and the
pending file is promoted; otherwise step 2 did not happen, the current file is used and the
stale pending file is removed. A crash at any point leaves a pair that opens with the
remaining reviewers' passphrases; a removed reviewer's slot is in neither file that opens.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from workstation.errors import FileSystemError


def _no_crash(step: str) -> None:
    pass


# Tests replace this to kill the process at each named step (tests/security/test_rekey_*.py);
# the program never does.
CRASH_HOOK: Callable[[str], None] = _no_crash


def step(name: str) -> None:
    CRASH_HOOK(name)


def promote(pending: Path, target: Path) -> None:
    """Rename the pending key file over the current one, durably."""
    try:
        os.replace(pending, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise FileSystemError(
            f"The new key file {pending} could not be put in place of {target} ({exc.strerror}). "
            "Leave both files where they are: the next unlock finishes the change."
        ) from None


def discard(pending: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        pending.unlink()


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform lets a folder be fsynced
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
