"""A workstation with two reviewers (alice, bob) holding reports imported with the real
detector, and helpers to act as either reviewer."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.importing.conftest import ImportBench, open_bench
from tests.intake.hostile_bundles import valid_submission, write
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.importer import import_bundle
from workstation.session import Session, unlock

PASSPHRASES = {ALICE: ALICE_PASSPHRASE, BOB: BOB_PASSPHRASE}


@dataclass
class Panel:
    bench: ImportBench
    detector: object
    sessions: dict[str, Session] = field(default_factory=dict)

    def as_(self, name: str) -> Session:
        """The session of `name`, unlocking it the first time (both can be open at once)."""
        if name == ALICE:
            return self.bench.session
        if name not in self.sessions:
            self.sessions[name] = unlock(self.bench.session.path, name, PASSPHRASES[name])
        return self.sessions[name]

    def import_reports(self, *submissions: dict) -> list[int]:
        data = make_bundle(list(submissions), signing_key=self.bench.ctx.signing_key,
                           recipient=self.bench.ctx.recipient)
        path = write(self.bench.folder, data, f"{uuid.uuid4()}.nmbundle")
        import_bundle(self.bench.session, path, analyser=self.detector)
        db = self.bench.session.db
        return [db.query_one("SELECT id FROM reports WHERE submission_id = ?", (s["submission_id"],))[0]
                for s in submissions]


def story(narrative: str, lessons: str = "Always wait for cover before you approach.",
          title: str = "Close call on a stop", **fields: object) -> dict:
    submission = valid_submission(str(uuid.uuid4()))
    submission.update({"narrative": narrative, "lessons_learned": lessons, "title": title, **fields})
    return submission


@pytest.fixture
def panel(template_workstation: Workstation, tmp_path: Path, detector: object) -> Iterator[Panel]:
    opened = Panel(open_bench(template_workstation, tmp_path), detector)
    yield opened
    for session in opened.sessions.values():
        session.lock()
    opened.bench.session.lock()
