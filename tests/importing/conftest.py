"""A workstation that trusts the intake keys of a BundleContext, for database-level tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ALICE, ALICE_PASSPHRASE, Workstation
from tests.intake.hostile_bundles import BundleContext, make_context
from workstation.intake.intake_keys import public_bytes
from workstation.intake.trust import trust_intake_key, workstation_identity
from workstation.keys.keyfile import keyfile_path_for
from workstation.session import Session, unlock


@dataclass
class ImportBench:
    session: Session
    ctx: BundleContext
    folder: Path


def open_bench(template: Workstation, folder: Path) -> ImportBench:
    db = folder / "workstation.db"
    shutil.copy2(template.path, db)
    shutil.copy2(template.keyfile, keyfile_path_for(db))
    session = unlock(db, ALICE, ALICE_PASSPHRASE)
    ctx = make_context()
    ctx.identity = workstation_identity(session.db)
    trust_intake_key(session, public_bytes(ctx.signing_key), label="intake")
    trust_intake_key(session, public_bytes(ctx.second_trusted_key), label="intake backup")
    return ImportBench(session, ctx, folder)


@pytest.fixture
def bench(template_workstation: Workstation, tmp_path: Path) -> Iterator[ImportBench]:
    opened = open_bench(template_workstation, tmp_path)
    yield opened
    opened.session.lock()


@pytest.fixture(scope="module")
def shared_bench(template_workstation: Workstation,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[ImportBench]:
    opened = open_bench(template_workstation, tmp_path_factory.mktemp("bench"))
    yield opened
    opened.session.lock()
