"""The panel as real databases in a test's folder: a coordinator (staff unlocks it; a few
generated reports imported from a signed bundle with the real detector), carol's enrolled
laptop and the shared exchange folder (built by workstation.demo.demo_panel, as the demo
is), and more laptops on demand. Shared by this folder's tests (its conftest makes the
fixture)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.helpers.cheap_kdf import CHEAP_KDF
from workstation.demo.demo_panel import DemoPanel, build_demo_panel
from workstation.demo.submissions import generate_submissions
from workstation.exchange import enrolment
from workstation.exchange.roles import REVIEWER, set_role
from workstation.intake.bundle_writer import make_bundle, write_bundle_file
from workstation.intake.importer import import_bundle
from workstation.intake.intake_keys import public_bytes
from workstation.intake.trust import trust_intake_key, workstation_recipient
from workstation.session import Session, create_workstation, unlock

STAFF, CAROL, DAVE = "staff", "carol", "dave"
PASSPHRASE = "harbour lantern seventy quietly"
FAST = CHEAP_KDF
REPORTS = 4


@dataclass
class PanelDatabases:
    built: DemoPanel
    coordinator: Session
    carol: Session
    report_ids: list[int]
    others: dict[str, Session] = field(default_factory=dict)

    @property
    def exchange(self) -> Path:
        return self.built.exchange

    def close(self) -> None:
        for session in (self.coordinator, self.carol, *self.others.values()):
            if not session.locked:
                session.lock()


def make_coordinator(path: Path, detector: Any) -> list[int]:
    path.parent.mkdir(parents=True)
    session = create_workstation(path, STAFF, PASSPHRASE, display_name="Program staff", kdf=FAST).session
    try:
        key = Ed25519PrivateKey.generate()
        trust_intake_key(session, public_bytes(key), label="test intake")
        bundle = path.parent / "received.nmbundle"
        write_bundle_file(bundle, make_bundle(generate_submissions(REPORTS, seed=7), signing_key=key,
                                              recipient=workstation_recipient(session.db)))
        import_bundle(session, bundle, analyser=detector)
        return [int(r[0]) for r in session.db.query("SELECT id FROM reports ORDER BY id")]
    finally:
        session.lock()


def enrol_laptop(panel: PanelDatabases, name: str) -> Session:
    """Another reviewer's laptop, enrolled on the coordinator with its fingerprint."""
    path = panel.built.coordinator.parent / name / "workstation.db"
    path.parent.mkdir(parents=True)
    laptop = create_workstation(path, name, PASSPHRASE, display_name=name.title(), kdf=FAST).session
    set_role(laptop, REVIEWER)
    enrol_file = path.parent / f"{name}.nmenrol"
    printed = enrolment.write_enrolment(laptop, enrol_file, PASSPHRASE)
    enrolment.enrol(panel.coordinator, enrol_file, printed)
    panel.others[name] = laptop
    return laptop


def open_panel(folder: Path, detector: Any) -> PanelDatabases:
    coordinator = folder / "demo" / "workstation.db"
    report_ids = make_coordinator(coordinator, detector)
    built = build_demo_panel(coordinator, staff=STAFF, passphrase=PASSPHRASE, laptop_reviewer=CAROL, kdf=FAST)
    return PanelDatabases(built, unlock(coordinator, STAFF, PASSPHRASE),
                          unlock(built.laptop, CAROL, PASSPHRASE), report_ids)


def installed_panel(window: Any) -> Any:
    """The panel a main window installed (workstation/ui/panel), its periodic pick-up
    stopped: the tests pick up by hand."""
    panel = window.panel
    assert panel is not None
    panel.timer.stop()
    return panel
