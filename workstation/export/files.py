"""Writing an export all at once: files go to a hidden folder next to the target, which
is renamed into place only when everything is written (so a failed export leaves nothing
half-written), and removed again if the database transaction then fails."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from workstation.errors import Cancelled, FileSystemError, InputError


def export_cancelled() -> Cancelled:
    """Cancel was asked for before anything was written; nothing was."""
    return Cancelled("Export cancelled; nothing was written.")


def check_target_folder(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(f"{out} already exists and is not an empty folder; choose a new folder.")
    if not out.parent.is_dir():
        raise FileSystemError(f"The folder {out.parent} does not exist.")


def check_target_file(out: Path) -> None:
    if out.exists():
        raise InputError(f"{out} already exists; choose another file name.")
    if not out.parent.is_dir():
        raise FileSystemError(f"The folder {out.parent} does not exist.")


class StagedFolder:
    """Files written under a temporary sibling of `out`, then moved to `out` at once."""

    def __init__(self, out: Path) -> None:
        check_target_folder(out)
        self.out = out
        try:
            self.tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
        except OSError as exc:
            raise FileSystemError(f"Cannot write in {out.parent}: {exc.strerror or exc}.") from None
        self.placed = False

    def write_all(self, files: Mapping[str, bytes]) -> None:
        try:
            for name, data in files.items():
                path = self.tmp / name
                path.parent.mkdir(parents=True, exist_ok=True)
                with open(path, "xb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
        except OSError as exc:
            raise FileSystemError(f"Cannot write the export in {self.out.parent}: "
                                  f"{exc.strerror or exc}.") from None

    def place(self) -> None:
        try:
            if self.out.exists():
                self.out.rmdir()  # empty, checked before
            os.replace(self.tmp, self.out)
        except OSError as exc:
            raise FileSystemError(f"Cannot move the export into {self.out}: {exc.strerror or exc}.") from None
        self.placed = True

    def discard(self) -> None:
        shutil.rmtree(self.out if self.placed else self.tmp, ignore_errors=True)


@contextlib.contextmanager
def staged(out: Path) -> Iterator[StagedFolder]:
    """Yield a StagedFolder; on any exception, whatever was written is removed."""
    folder = StagedFolder(out)
    try:
        yield folder
        if not folder.placed:
            folder.place()
    except BaseException:
        folder.discard()
        raise


def write_file_atomically(out: Path, data: bytes) -> None:
    check_target_file(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.partial-", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, out)  # fails if `out` appeared meanwhile: never overwrite
    except OSError as exc:
        raise FileSystemError(f"Cannot write {out}: {exc.strerror or exc}.") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
