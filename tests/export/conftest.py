"""Approved reports, taken through both stages by two real reviewers with the real detector,
ready to be exported; helpers to read back what an export wrote."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.importing.conftest import ImportBench, open_bench
from tests.workflow.conftest import Panel, story
from tests.workflow.test_two_stage import NARRATIVE, complete_stage1
from workstation.keys.keyfile import keyfile_path_for
from workstation.session import unlock
from workstation.workflow import actions

ORI = "TX1234567"
SECOND_NARRATIVE = ("During a welfare check at 4410 Birchwood Lane my cover officer Ofc. Marisol Vance "
                    "noticed a rifle behind the door. Badge 5521 and I backed out and waited for Lt. "
                    "Hargrove. Nobody was hurt.")
# What the reviewers redact in these narratives (the detector finds them; complete_stage1
# redacts every suggestion): none of it may appear in any export.
REDACTED = ("Dave Reyes", "Okafor", "O'Neill", "Millbrook", "26-004411", "Marisol Vance", "Hargrove",
            "Birchwood")


def approve_report(panel: Panel, report_id: int) -> None:
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(panel, alice, report_id)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector)
    actions.start_stage2(bob, report_id)
    actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector)


@dataclass
class Approved:
    panel: Panel
    report_ids: list[int]


@dataclass(frozen=True)
class Template:
    path: Path
    ctx: object
    report_ids: list[int]


@pytest.fixture(scope="module")
def approved_template(template_workstation: Workstation, tmp_path_factory: pytest.TempPathFactory,
                      detector: object) -> Template:
    """Built once per test module (signatures cost an Argon2id derivation each), copied per test."""
    folder = tmp_path_factory.mktemp("approved")
    built = Panel(open_bench(template_workstation, folder), detector)
    ids = built.import_reports(story(NARRATIVE, ori=ORI),
                               story(SECOND_NARRATIVE, ori="OH0770100", activity_type="welfare_check"))
    for report_id in ids:
        approve_report(built, report_id)
    for session in built.sessions.values():
        session.lock()
    built.bench.session.lock()
    return Template(folder / "workstation.db", built.bench.ctx, ids)


@pytest.fixture
def approved(approved_template: Template, tmp_path: Path, detector: object) -> Iterator[Approved]:
    folder = tmp_path / "db"
    folder.mkdir()
    (tmp_path / "exports").mkdir()
    db = folder / "workstation.db"
    shutil.copy2(approved_template.path, db)
    shutil.copy2(keyfile_path_for(approved_template.path), keyfile_path_for(db))
    opened = Panel(ImportBench(unlock(db, ALICE, ALICE_PASSPHRASE), approved_template.ctx, folder), detector)
    yield Approved(opened, list(approved_template.report_ids))
    for session in opened.sessions.values():
        session.lock()
    opened.bench.session.lock()


def pdf_text(data: bytes) -> tuple[str, dict[str, str], int]:
    """All text of a PDF, its metadata and its page count."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    return text, meta, len(reader.pages)


def assert_clean(text: str, *extra: str) -> None:
    folded = " ".join(text.split()).casefold()
    for needle in (*REDACTED, ORI, "OH0770100", ALICE, BOB, "Alice Example", *extra):
        assert needle.casefold() not in folded, f"{needle!r} leaked"


def read_tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def keep_sample(name: str, data: bytes) -> None:
    """With EXPORT_SAMPLES=DIR set, keep a copy of a produced PDF for looking at."""
    folder = os.environ.get("EXPORT_SAMPLES")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(data)
