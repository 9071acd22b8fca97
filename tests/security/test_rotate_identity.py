"""Rotating the workstation's age identity: the new recipient at once, the old one for a
grace period, then refused with a plain reason.

Before this change the identity could not be replaced (`keys rotate` did not exist).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.files import run_cli
from tests.helpers.intake import ImportBench, valid_submission
from workstation.audit import chain
from workstation.intake.bundle_format import BundleRejected
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.importer import import_bundle
from workstation.intake.trust import rotate_identity, workstation_recipient


def _bundle(bench: ImportBench, name: str, recipient: str) -> Path:
    path = bench.folder / name
    subs = [valid_submission(str(uuid.uuid4()))]
    path.write_bytes(make_bundle(subs, signing_key=bench.ctx.signing_key, recipient=recipient))
    return path


def test_old_recipient_accepted_within_the_grace_period(bench: ImportBench) -> None:
    old = workstation_recipient(bench.session.db)
    to_old = _bundle(bench, "old.nmbundle", old)
    rotation = rotate_identity(bench.session, grace_days=30)
    assert rotation.recipient == workstation_recipient(bench.session.db) != old
    entry = chain.entries(bench.session.db, limit=1)[-1]
    assert entry.action == "keys.rotate" and entry.payload["new_recipient"] == rotation.recipient
    assert import_bundle(bench.session, to_old).imported == 1
    assert import_bundle(bench.session, _bundle(bench, "new.nmbundle", rotation.recipient)).imported == 1


def test_old_recipient_refused_after_the_grace_period(bench: ImportBench) -> None:
    old = workstation_recipient(bench.session.db)
    to_old = _bundle(bench, "old.nmbundle", old)
    first = rotate_identity(bench.session, grace_days=0)
    with pytest.raises(BundleRejected, match="previous key, which was retired"):
        import_bundle(bench.session, to_old)
    # Rotating twice: each old identity keeps its own period.
    to_first = _bundle(bench, "first.nmbundle", first.recipient)
    rotate_identity(bench.session, grace_days=30)
    assert import_bundle(bench.session, to_first).imported == 1
    with pytest.raises(BundleRejected, match="previous key"):
        import_bundle(bench.session, to_old)
    # A bundle for another workstation is still refused as before.
    with pytest.raises(BundleRejected, match="not encrypted to this workstation"):
        import_bundle(bench.session, _bundle(bench, "other.nmbundle", bench.ctx.other_recipient))


def test_cli_rotate_prints_the_new_recipient(bench: ImportBench, tmp_path: Path) -> None:
    db = bench.session.db.path
    bench.session.lock()
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    unlock = ["--db", str(db), "--reviewer", ALICE, "--passphrase-file", str(pw)]
    ran = run_cli("keys", "rotate", *unlock, "--grace-days", "7")
    assert ran.returncode == 0, ran.stderr
    new = ran.stdout.strip()
    assert new.startswith("age1") and run_cli("keys", "show", *unlock).stdout.strip() == new
    assert "accepted until" in ran.stderr
