"""The demo database that `make run` opens: fresh each time, in the per-user demo folder.

It is filled the way a real workstation is: a demo intake key is trusted, generated
submissions are signed and encrypted into a bundle, and the bundle is imported. A second
bundle is left beside the database for the newcomer to import by hand.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from workstation.demo.submissions import generate_submissions
from workstation.detect.detector import get_detector
from workstation.intake.bundle_writer import make_bundle, write_bundle_file
from workstation.intake.importer import ImportSummary, import_bundle
from workstation.intake.intake_keys import public_bytes
from workstation.intake.trust import trust_intake_key, workstation_recipient
from workstation.keys.keyfile import keyfile_path_for
from workstation.roster.membership import add_reviewer
from workstation.session import Session, create_workstation

DEMO_PASSPHRASE = "demo review panel practice only"
DEMO_REVIEWERS = ("demo-stage1", "demo-stage2")
IMPORTED_REPORTS = 36
WAITING_REPORTS = 12


@dataclass(frozen=True)
class DemoDatabase:
    path: Path
    reviewers: tuple[str, ...]
    passphrase: str
    recovery_code: str
    imported: ImportSummary
    waiting_bundle: Path  # not yet imported: for trying File > Import


def _remove_previous(path: Path) -> None:
    bundles = list(path.parent.glob("*.nmbundle")) if path.parent.is_dir() else []
    for old in (path, keyfile_path_for(path), *(Path(f"{path}{s}") for s in ("-wal", "-shm")),
                *bundles):
        with contextlib.suppress(FileNotFoundError):
            old.unlink()


def build_demo_database(path: Path, *, seed: int = 1) -> DemoDatabase:
    """Replace any previous demo database at `path` with a new, filled one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_previous(path)
    first, second = DEMO_REVIEWERS
    created = create_workstation(path, first, DEMO_PASSPHRASE, display_name="Demo reviewer (stage 1)")
    session: Session = created.session
    try:
        add_reviewer(session, second, DEMO_PASSPHRASE, display_name="Demo reviewer (stage 2)")
        intake_key = Ed25519PrivateKey.generate()  # the demo's stand-in for the intake service
        trust_intake_key(session, public_bytes(intake_key), label="demo intake")
        recipient = workstation_recipient(session.db)
        submissions = generate_submissions(IMPORTED_REPORTS + WAITING_REPORTS, seed=seed)
        first_bundle = path.parent / "demo-received.nmbundle"
        waiting = path.parent / "demo-new-submissions.nmbundle"
        write_bundle_file(first_bundle, make_bundle(submissions[:IMPORTED_REPORTS],
                                                    signing_key=intake_key, recipient=recipient))
        write_bundle_file(waiting, make_bundle(submissions[IMPORTED_REPORTS:],
                                               signing_key=intake_key, recipient=recipient))
        summary = import_bundle(session, first_bundle, analyser=get_detector())
    finally:
        session.lock()
    return DemoDatabase(path, DEMO_REVIEWERS, DEMO_PASSPHRASE, created.recovery_code, summary, waiting)
