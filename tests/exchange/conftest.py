"""A panel as three real databases: the coordinator (the workflow panel's database, alice
is staff) and two reviewer laptops (carol, dave), enrolled with their fingerprints."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import Workstation
from tests.importing.conftest import open_bench
from tests.workflow.conftest import Panel
from workstation.exchange import enrolment
from workstation.exchange.roles import REVIEWER, set_role
from workstation.keys.kdf import KdfParams
from workstation.session import Session, create_workstation

CAROL, DAVE = "carol", "dave"
LAPTOP_PASSPHRASES = {CAROL: "amber falcon drifting tundra", DAVE: "cobalt meadow whistle sixty"}
FAST = KdfParams(time_cost=1, memory_kib=8 * 1024)


@dataclass
class ThreeDatabases:
    panel: Panel
    folder: Path
    laptops: dict[str, Session] = field(default_factory=dict)

    @property
    def coordinator(self) -> Session:
        return self.panel.bench.session

    def file(self, name: str) -> Path:
        return self.folder / name


def make_laptop(folder: Path, name: str) -> Session:
    path = folder / name / "workstation.db"
    path.parent.mkdir(parents=True)
    created = create_workstation(path, name, LAPTOP_PASSPHRASES[name], display_name=name.title(), kdf=FAST)
    set_role(created.session, REVIEWER)
    return created.session


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
