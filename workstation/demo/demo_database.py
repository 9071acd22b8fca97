"""The demo database that `make run` opens: fresh each time, in the per-user demo folder."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from workstation.keys.keyfile import keyfile_path_for
from workstation.session import Session, create_workstation

DEMO_PASSPHRASE = "demo review panel practice only"
DEMO_REVIEWERS = ("demo-stage1", "demo-stage2")


@dataclass(frozen=True)
class DemoDatabase:
    path: Path
    reviewers: tuple[str, ...]
    passphrase: str
    recovery_code: str


def build_demo_database(path: Path) -> DemoDatabase:
    """Replace any previous demo database at `path` with a new one and its two reviewers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in (path, keyfile_path_for(path), *(Path(f"{path}{s}") for s in ("-wal", "-shm"))):
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    first, second = DEMO_REVIEWERS
    created = create_workstation(path, first, DEMO_PASSPHRASE, display_name="Demo reviewer (stage 1)")
    session: Session = created.session
    try:
        session.add_reviewer(second, DEMO_PASSPHRASE, display_name="Demo reviewer (stage 2)")
    finally:
        session.lock()
    return DemoDatabase(path, DEMO_REVIEWERS, DEMO_PASSPHRASE, created.recovery_code)
