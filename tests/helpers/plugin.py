"""The fixtures every test directory may use, loaded once as a pytest plugin (the root
conftest.py's `pytest_plugins`): isolated per-user folders, the one template database and
its per-test copies, the one real detector, an import bench, a panel of two reviewers, and
reports approved through both stages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.cheap_kdf import write_new_slots_cheaply
from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Template, Workstation, make_template
from tests.helpers.files import copy_database
from tests.helpers.intake import ImportBench, open_bench
from tests.helpers.stories import (
    NARRATIVE,
    ORI,
    SECOND_NARRATIVE,
    Approved,
    ApprovedTemplate,
    Panel,
    approve_report,
    story,
)
from workstation.session import unlock

write_new_slots_cheaply()

if TYPE_CHECKING:  # the detector module loads spaCy: only the tests that use it pay for it
    from workstation.detect.detector import Detector


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real per-user data, log and config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("WORKSTATION_LOG_DIR", str(home / "logs"))


@pytest.fixture(scope="session")
def template_workstation(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The one template database of the test session: alice and bob (and, as `alice_only`,
    the same database before bob was added). Tests work on copies of it."""
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def workstation(template_workstation: Template, tmp_path: Path) -> Iterator[Workstation]:
    """A private copy of the template workstation in this test's folder."""
    yield template_workstation.copy_to(tmp_path / "ws")


@pytest.fixture(scope="session")
def detector() -> Detector:
    """The real detector with the real spaCy model, loaded once for the whole test run."""
    from workstation.detect.detector import get_detector

    return get_detector().load()


@pytest.fixture
def bench(template_workstation: Workstation, tmp_path: Path) -> Iterator[ImportBench]:
    """alice's session on a copy of the template that trusts a BundleContext's intake keys."""
    opened = open_bench(template_workstation, tmp_path)
    yield opened
    opened.session.lock()


@pytest.fixture
def panel(template_workstation: Workstation, tmp_path: Path, detector: Detector) -> Iterator[Panel]:
    """Two reviewers (alice, bob) on a copy of the template, importing with the real detector."""
    opened = Panel(open_bench(template_workstation, tmp_path), detector)
    yield opened
    opened.lock()


@pytest.fixture(scope="module")
def approved_template(template_workstation: Workstation, tmp_path_factory: pytest.TempPathFactory,
                      detector: Detector) -> ApprovedTemplate:
    """Two reports approved through both stages. Built once per test module (signatures cost
    an Argon2id derivation each), copied per test."""
    folder = tmp_path_factory.mktemp("approved")
    built = Panel(open_bench(template_workstation, folder), detector)
    ids = built.import_reports(story(NARRATIVE, ori=ORI),
                               story(SECOND_NARRATIVE, ori="OH0770100", activity_type="welfare_check"))
    for report_id in ids:
        approve_report(built, report_id)
    built.lock()
    return ApprovedTemplate(folder / "workstation.db", built.bench.ctx, ids)


@pytest.fixture
def approved(approved_template: ApprovedTemplate, tmp_path: Path, detector: Detector) -> Iterator[Approved]:
    """A copy of the approved template, alice's session open, an exports folder beside it."""
    folder = tmp_path / "db"
    (tmp_path / "exports").mkdir()
    db = copy_database(approved_template.path, folder)
    opened = Panel(ImportBench(unlock(db, ALICE, ALICE_PASSPHRASE), approved_template.ctx, folder), detector)
    yield Approved(opened, list(approved_template.report_ids))
    opened.lock()
