"""The demo panel beside the demo coordinator database: one reviewer laptop database,
enrolled with its fingerprint the way a real one is, and a shared exchange folder both
workstations use. Both databases open with the demo passphrase; nothing is real.

    <demo folder>/workstation.db          the coordinator (demo-stage1 and demo-stage2)
    <demo folder>/laptop/workstation.db   demo-laptop's reviewer laptop
    <demo folder>/exchange/               where packets, returns and receipts travel
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from workstation.demo.demo_database import DEMO_PASSPHRASE, DEMO_REVIEWERS
from workstation.exchange import enrolment
from workstation.exchange.exchange_folder import set_exchange_folder
from workstation.exchange.roles import REVIEWER, set_role
from workstation.keys.kdf import DEFAULT_KDF, KdfParams
from workstation.session import create_workstation, unlock

DEMO_LAPTOP_REVIEWER = "demo-laptop"
DEMO_LAPTOP_DISPLAY = "Demo reviewer (laptop)"


@dataclass(frozen=True)
class DemoPanel:
    coordinator: Path
    laptop: Path
    exchange: Path
    staff: str  # who unlocks the coordinator
    laptop_reviewer: str
    passphrase: str
    coordinator_fingerprint: str
    laptop_fingerprint: str


def laptop_path_for(coordinator: Path) -> Path:
    return Path(coordinator).parent / "laptop" / "workstation.db"


def exchange_path_for(coordinator: Path) -> Path:
    return Path(coordinator).parent / "exchange"


def build_demo_panel(
    coordinator: Path,
    *,
    staff: str = DEMO_REVIEWERS[0],
    passphrase: str = DEMO_PASSPHRASE,
    laptop_reviewer: str = DEMO_LAPTOP_REVIEWER,
    kdf: KdfParams = DEFAULT_KDF,
) -> DemoPanel:
    """Replace any previous demo laptop and exchange folder beside `coordinator` with new
    ones: the laptop enrolled on the coordinator, the coordinator trusted on the laptop
    (each after its fingerprint, as people would compare them), the exchange folder set on
    both."""
    coordinator = Path(coordinator)
    laptop_path, exchange = laptop_path_for(coordinator), exchange_path_for(coordinator)
    for folder in (laptop_path.parent, exchange, coordinator.parent / "panel-keys"):
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(folder)
    laptop_path.parent.mkdir(parents=True)
    exchange.mkdir()
    keys = coordinator.parent / "panel-keys"
    keys.mkdir()
    laptop = create_workstation(laptop_path, laptop_reviewer, passphrase, display_name=DEMO_LAPTOP_DISPLAY,
                                kdf=kdf).session
    try:
        set_role(laptop, REVIEWER)
        office = unlock(coordinator, staff, passphrase)
        try:
            coordinator_printed = enrolment.write_coordinator_key(office, keys / "coordinator.nmkey")
            enrol_file = keys / f"{laptop_reviewer}.nmenrol"
            laptop_printed = enrolment.write_enrolment(laptop, enrol_file, passphrase)
            enrolment.enrol(office, enrol_file, laptop_printed)
            enrolment.trust_coordinator(laptop, keys / "coordinator.nmkey", coordinator_printed)
            set_exchange_folder(office, exchange)
        finally:
            office.lock()
        set_exchange_folder(laptop, exchange)
    finally:
        laptop.lock()
    return DemoPanel(coordinator, laptop_path, exchange, staff, laptop_reviewer, passphrase,
                     coordinator_printed, laptop_printed)
