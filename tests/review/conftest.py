"""A workstation holding one imported report whose text we know, ready for review."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Workstation
from tests.importing.conftest import ImportBench, open_bench
from tests.intake.hostile_bundles import valid_submission, write
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.importer import import_bundle

NARRATIVE = ("On March 3rd my partner Dave Reyes and I stopped a Ford F-150 on Kessler Ave. "
             "The driver, Tom Okafor, had a knife. Dave's quick call for backup saved us. "
             "Sgt. O'Neill arrived from Millbrook PD.")
LESSONS = "Dave Reyes taught me to watch the hands. Call O'NEILL early."
TITLE = "Knife on a stop with Dave"


@dataclass
class Reviewed:
    bench: ImportBench
    report_id: int
    submission_id: str

    @property
    def session(self):
        return self.bench.session


def import_story(bench: ImportBench, **fields: str) -> tuple[int, str]:
    submission = valid_submission(str(uuid.uuid4()))
    submission.update({"narrative": NARRATIVE, "lessons_learned": LESSONS, "title": TITLE,
                       "ori": "TX1234567", **fields})
    data = make_bundle([submission], signing_key=bench.ctx.signing_key, recipient=bench.ctx.recipient)
    import_bundle(bench.session, write(bench.folder, data, f"{submission['submission_id']}.nmbundle"))
    row = bench.session.db.query_one("SELECT id FROM reports WHERE submission_id = ?",
                                     (submission["submission_id"],))
    return int(row[0]), submission["submission_id"]


@pytest.fixture
def reviewed(template_workstation: Workstation, tmp_path: Path) -> Iterator[Reviewed]:
    bench = open_bench(template_workstation, tmp_path)
    report_id, submission_id = import_story(bench)
    yield Reviewed(bench, report_id, submission_id)
    bench.session.lock()
