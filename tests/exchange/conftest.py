"""A panel as three real databases: the coordinator (the workflow panel's database, alice
is staff) and two reviewer laptops (carol, dave), enrolled with their fingerprints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.databases import Workstation
from tests.helpers.exchange import CAROL, DAVE, LAPTOP_PASSPHRASES, ThreeDatabases, make_laptop
from tests.helpers.intake import open_bench
from tests.helpers.stories import Panel
from workstation.exchange import enrolment


@pytest.fixture
def three(template_workstation: Workstation, tmp_path: Path, detector: object) -> Iterator[ThreeDatabases]:
    panel = Panel(open_bench(template_workstation, tmp_path), detector)
    made = ThreeDatabases(panel, tmp_path)
    key_file = tmp_path / "coordinator.key"
    printed = enrolment.write_coordinator_key(made.coordinator, key_file)
    for name in (CAROL, DAVE):
        laptop = make_laptop(tmp_path, name)
        made.laptops[name] = laptop
        enrol_file = tmp_path / f"{name}.enrol"
        fingerprint = enrolment.write_enrolment(laptop, enrol_file, LAPTOP_PASSPHRASES[name])
        enrolment.enrol(made.coordinator, enrol_file, fingerprint)
        enrolment.trust_coordinator(laptop, key_file, printed)
    yield made
    for session in [*made.laptops.values(), *panel.sessions.values(), panel.bench.session]:
        if not session.locked:
            session.lock()
