"""A panel as three real databases: the coordinator (a workflow panel's database, alice is
staff) and two reviewer laptops (carol, dave), enrolled with their fingerprints."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pyrage
import pytest
import rfc8785

from tests.helpers.cheap_kdf import CHEAP_KDF
from tests.helpers.stories import Panel
from workstation.errors import InputError
from workstation.exchange import container
from workstation.exchange.roles import REVIEWER, set_role
from workstation.intake.bundle_writer import encrypt_to
from workstation.intake.trust import workstation_identity, workstation_recipient
from workstation.keys import signing
from workstation.session import Session, create_workstation

CAROL, DAVE = "carol", "dave"
LAPTOP_PASSPHRASES = {CAROL: "amber falcon drifting tundra", DAVE: "cobalt meadow whistle sixty"}
FAST = CHEAP_KDF


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


def laptop_id(session: Session, submission_id: str) -> int:
    return session.db.query_one("SELECT id FROM reports WHERE submission_id = ?", (submission_id,))[0]


KEPT = ("audit", "meta", "reviewers", "reviewer_keys", "intake_keys", "panel_coordinators",
        "work_assignments",
        "work_packets", "sqlite_sequence")


def holding(session: Session) -> list[str]:
    """The tables of a laptop that still hold rows once it holds no report (the search
    index counted through its own table)."""
    db = session.db
    tables = [t for (t,) in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")
              if t not in KEPT and not t.startswith("report_search")]
    found = [t for t in tables if db.query_one(f'SELECT count(*) FROM "{t}"')[0]]
    if db.query_one("SELECT count(*) FROM report_search")[0]:
        found.append("report_search")
    return found


# ----- bad packets: every one gets one clear message and changes nothing ------------------


def state(session: Session) -> tuple[int, ...]:
    db = session.db
    counts = [db.query_one("SELECT count(*) FROM audit WHERE action NOT LIKE 'session.%'")[0]]
    for table in ("reports", "review_commands", "signoffs", "work_packets", "work_reports", "work_conflicts",
                  "work_holds", "disclosure_count_months", "disclosure_counts"):
        counts.append(db.query_one(f"SELECT count(*) FROM {table}")[0])
    return tuple(counts)


def refused(session: Session, call, match: str) -> None:
    before = state(session)
    with pytest.raises(InputError, match=match):
        call()
    assert state(session) == before


def reseal(data: bytes, holder: Session, *, seed: bytes | bytearray | None = None, edit=None,
           flip: bool = False) -> bytes:
    """The packet `data` (readable by `holder`) opened, changed and sealed again."""
    plain = pyrage.decrypt(data, [workstation_identity(holder.db)])
    body = plain[len(container.MAGIC) + 64:]
    if flip:
        body = body[:-10] + bytes([body[-10] ^ 1]) + body[-9:]
        return encrypt_to(container.MAGIC + plain[len(container.MAGIC):len(container.MAGIC) + 64] + body,
                          workstation_recipient(holder.db))
    document = json.loads(zlib.decompress(body))
    if edit is not None:
        edit(document)
    compressed = zlib.compress(rfc8785.dumps(document))
    assert seed is not None
    return encrypt_to(container.MAGIC + signing.sign(seed, container.MAGIC + compressed) + compressed,
                      workstation_recipient(holder.db))
