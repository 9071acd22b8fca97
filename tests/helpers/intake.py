"""Intake for tests: valid submissions, the keys a workstation trusts, real signed and
encrypted bundles (`BundleContext` for bundle-level tests, `ImportBench` for a database that
trusts its keys, `Intake` for a freshly generated intake key as `workstation intake keygen`
makes one)."""

from __future__ import annotations

import json
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation
from tests.helpers.files import copy_database
from workstation.intake import bundle_format as fmt
from workstation.intake.bundle_reader import OpenedBundle, read_bundle
from workstation.intake.bundle_writer import (
    Member,
    bundle_members,
    encode_report,
    encrypt_to,
    make_bundle,
    make_bundle_from_raw,
    sign,
    write_bundle_file,
    zip_members,
)
from workstation.intake.intake_keys import generate_intake_key, load_private_key, public_bytes
from workstation.intake.trust import trust_intake_key, workstation_identity, workstation_recipient
from workstation.session import Session, unlock
from workstation.store.database import Database

GOOD_ID = "00000000-0000-4000-8000-000000000001"
BAD_ID = "00000000-0000-4000-8000-0000000000bd"


@dataclass
class BundleContext:
    """The workstation's age identity and trusted keys, plus keys for attackers."""

    identity: pyrage.x25519.Identity
    signing_key: Ed25519PrivateKey  # trusted
    second_trusted_key: Ed25519PrivateKey  # also trusted
    untrusted_key: Ed25519PrivateKey
    other_identity: pyrage.x25519.Identity  # another workstation
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())

    @property
    def other_recipient(self) -> str:
        return str(self.other_identity.to_public())

    @property
    def trusted_keys(self) -> list[bytes]:
        return [public_bytes(self.signing_key), public_bytes(self.second_trusted_key)]

    def read(self, path: Path) -> OpenedBundle:
        return read_bundle(path, identity=self.identity, recipient=self.recipient,
                           trusted_keys=self.trusted_keys)


def make_context() -> BundleContext:
    return BundleContext(
        identity=pyrage.x25519.Identity.generate(),
        signing_key=Ed25519PrivateKey.generate(),
        second_trusted_key=Ed25519PrivateKey.generate(),
        untrusted_key=Ed25519PrivateKey.generate(),
        other_identity=pyrage.x25519.Identity.generate(),
    )


def valid_submission(submission_id: str = GOOD_ID) -> dict[str, Any]:
    """A small valid report (no identifiers)."""
    return {
        "submission_id": submission_id,
        "received_at": "2026-03-02T14:05:00Z",
        "form_version": 1,
        "role_rank": "patrol_officer",
        "years_of_service": "5_to_9",
        "agency_type": "municipal",
        "agency_size": "50_to_99",
        "incident_date": "2026-02-27",
        "time_of_day": "1800_2359",
        "shift": "evening",
        "location_type": "street_roadway",
        "activity_type": "traffic_stop",
        "weather": "rain",
        "lighting": "dark_lighted",
        "officers_on_scene": 2,
        "suspect_characteristics": ["concealed_weapon", "impaired_alcohol"],
        "injury_outcome": "none",
        "contributing_factors": ["complacency", "assumptions"],
        "loss_potential": ["officer_serious_injury"],
        "title": "Pat-down skipped on a routine stop",
        "narrative": "I stopped a car for a tail light. The driver had a knife in his waistband.",
        "lessons_learned": "Search every time, even on routine stops.",
    }


def good_raw() -> tuple[str, bytes]:
    return GOOD_ID, encode_report(valid_submission(GOOD_ID))


def write(tmp_path: Path, data: bytes, name: str = "case.nmbundle") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def standard(ctx: BundleContext, reports: list[tuple[str, bytes]] | None = None,
             **kwargs: Any) -> list[Member]:
    kwargs.setdefault("signing_key", ctx.signing_key)
    kwargs.setdefault("recipient", ctx.recipient)
    return bundle_members(reports or [good_raw()], **kwargs)


def sealed(ctx: BundleContext, members: list[Member], *, to: str | None = None,
           compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    return encrypt_to(zip_members(members, compression=compression), to or ctx.recipient)


def good_bundle(ctx: BundleContext) -> bytes:
    return sealed(ctx, standard(ctx))


def with_manifest(ctx: BundleContext, manifest: dict[str, Any] | bytes,
                  reports: list[tuple[str, bytes]] | None = None,
                  key: Ed25519PrivateKey | None = None) -> list[Member]:
    """Members with a hand-made manifest (dict or raw bytes), correctly signed."""
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    members: list[Member] = [(fmt.MANIFEST_NAME, raw),
                             (fmt.SIGNATURE_NAME, sign(raw, key or ctx.signing_key))]
    members.extend((fmt.report_path(sid), data) for sid, data in (reports or [good_raw()]))
    return members


def manifest_dict(ctx: BundleContext, reports: list[tuple[str, bytes]] | None = None
                  ) -> dict[str, Any]:
    members = standard(ctx, reports)
    return json.loads(members[0][1])


@dataclass
class ImportBench:
    """alice's open session on a copy of a template, trusting `ctx`'s two intake keys."""

    session: Session
    ctx: BundleContext
    folder: Path


def open_bench(template: Workstation, folder: Path) -> ImportBench:
    db = copy_database(template.path, folder, "workstation.db")
    session = unlock(db, ALICE, ALICE_PASSPHRASE)
    ctx = make_context()
    ctx.identity = workstation_identity(session.db)
    trust_intake_key(session, public_bytes(ctx.signing_key), label="intake")
    trust_intake_key(session, public_bytes(ctx.second_trusted_key), label="intake backup")
    return ImportBench(session, ctx, folder)


@dataclass
class Intake:
    """An intake key the workstation trusts, writing real signed, encrypted bundles."""

    signing_key: Ed25519PrivateKey
    recipient: str
    folder: Path

    def bundle(self, submissions: list[dict[str, Any]], name: str = "intake.nmbundle") -> Path:
        data = make_bundle(submissions, signing_key=self.signing_key, recipient=self.recipient)
        path = self.folder / name
        write_bundle_file(path, data)
        return path

    def raw_bundle(self, reports: list[tuple[str, bytes]], name: str = "raw.nmbundle") -> Path:
        """Reports as given, unvalidated (for quarantine cases)."""
        data = make_bundle_from_raw(reports, signing_key=self.signing_key, recipient=self.recipient)
        path = self.folder / name
        write_bundle_file(path, data)
        return path


def trusted_intake(session: Session, folder: Path) -> Intake:
    """Trust a freshly generated intake key (the way `workstation intake keygen` makes one)."""
    folder.mkdir(parents=True, exist_ok=True)
    public = generate_intake_key(folder / "intake")
    trust_intake_key(session, public, label="test intake")
    return Intake(load_private_key(folder / "intake.key"), workstation_recipient(session.db), folder)


def submission(number: int, *, activity: str = "traffic_stop") -> dict[str, Any]:
    """A valid generated submission; ids and receipt times differ by `number`."""
    sub = valid_submission(str(uuid.UUID(int=0x1000 + number, version=4)))
    day, minute = 1 + number % 27, (number * 37) % 60
    sub["received_at"] = f"2026-03-{day:02d}T{8 + number % 12:02d}:{minute:02d}:00Z"
    sub["activity_type"] = activity
    return sub


def intake_state(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the intake tables, to show that nothing was saved."""
    return {
        table: [tuple(row) for row in db.query(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("reports", "quarantine", "bundles", "intake_keys")
    }
