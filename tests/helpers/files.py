"""Files and processes: fingerprints of files, database copies, read-only folders, a full
disk, the command line run as a user runs it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from workstation.keys.keyfile import keyfile_path_for


def fingerprint(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in `folder`, to show that a failed operation changed nothing."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def copy_database(source: Path, folder: Path, name: str | None = None) -> Path:
    """The database and its key file, copied into `folder` (both closed: nothing waits in a WAL)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or source.name)
    shutil.copy2(source, target)
    shutil.copy2(keyfile_path_for(source), keyfile_path_for(target))
    return target


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """Make `folder` really read-only, also for root (bind mount read-only, else chattr +i)."""
    os.chmod(folder, 0o555)
    undo: list[list[str]] = []
    try:
        if _writable(folder):  # root ignores permission bits
            if subprocess.run(["mount", "--bind", str(folder), str(folder)],
                              capture_output=True).returncode == 0:
                undo.append(["umount", str(folder)])
                subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)],
                               capture_output=True, check=False)
            if _writable(folder) and subprocess.run(
                    ["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
                undo.append(["chattr", "-i", str(folder)])
        assert not _writable(folder), "could not make a read-only folder on this machine"
        yield folder
    finally:
        for command in reversed(undo):
            subprocess.run(command, capture_output=True, check=False)
        os.chmod(folder, 0o755)


@contextlib.contextmanager
def small_filesystem(folder: Path, size: str = "600k") -> Iterator[Path]:
    """A tiny tmpfs mounted at `folder`: a real disk that fills up."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"cannot mount a small filesystem: {result.stderr}"
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m workstation ARGS` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "workstation", *args],
        capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})},
        input=stdin, timeout=120,
    )
