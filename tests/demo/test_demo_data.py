"""Generated submissions and the demo database: valid, varied, and filled through a real bundle."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyrage

from tests.helpers.files import run_cli
from workstation.audit import chain
from workstation.demo.demo_database import (
    DEMO_PASSPHRASE,
    DEMO_REVIEWERS,
    IMPORTED_REPORTS,
    WAITING_REPORTS,
    build_demo_database,
)
from workstation.demo.submissions import generate_submissions
from workstation.errors import ExitCode
from workstation.intake.importer import import_bundle
from workstation.intake.quarantine import list_quarantine
from workstation.intake.submissions import validate_submission
from workstation.reports import list_reports
from workstation.session import unlock


def test_generated_submissions_are_valid_varied_and_repeatable() -> None:
    submissions = generate_submissions(300, seed=5)
    for submission in submissions:
        validate_submission(submission)  # raises on the first invalid one
    assert len({s["submission_id"] for s in submissions}) == 300
    assert generate_submissions(20, seed=5) == submissions[:20]
    assert generate_submissions(20, seed=6) != submissions[:20]
    narratives = [s["narrative"] for s in submissions]
    caps = [n for n in narratives if n.isupper()]
    lower = [n for n in narratives if n.islower()]
    assert caps and lower, "the styles of the real form (ALL CAPS, lower case) must occur"
    # Some carry identifiers (case numbers, ranks with names), some carry none.
    assert any(re.search(r"\b(case|CASE) \d\d-\d{6}\b", n) for n in narratives)
    assert any(re.search(r"\b(Sgt|SGT|sgt)\. [A-Za-z']+", n) for n in narratives)
    plain = [n for n in narratives if not re.search(r"\d{3,}|Sgt\.|Lt\.|SGT\.|sgt\.", n)]
    assert len(plain) >= 15
    assert {s["ori"] for s in submissions if "ori" in s}, "partner agencies give their ORI"
    assert len({s["activity_type"] for s in submissions}) >= 10


def test_demo_database_is_filled_through_a_signed_bundle(tmp_path: Path) -> None:
    demo = build_demo_database(tmp_path / "demo" / "workstation.db")
    assert demo.reviewers == DEMO_REVIEWERS
    assert demo.imported.imported == IMPORTED_REPORTS and demo.imported.quarantined == 0
    for reviewer in DEMO_REVIEWERS:  # both demo reviewers can unlock
        session = unlock(demo.path, reviewer, DEMO_PASSPHRASE)
        session.lock()
    session = unlock(demo.path, DEMO_REVIEWERS[1], DEMO_PASSPHRASE)
    try:
        assert len(list_reports(session.db)) == IMPORTED_REPORTS
        assert list_quarantine(session.db) == []
        actions = [row[0] for row in session.db.query("SELECT action FROM audit ORDER BY seq")]
        assert "intake.trust" in actions and "bundle.import" in actions
        # The bundle left for the newcomer imports as a real bundle would.
        summary = import_bundle(session, demo.waiting_bundle)
        assert summary.imported == WAITING_REPORTS
        assert len(list_reports(session.db)) == IMPORTED_REPORTS + WAITING_REPORTS
        assert chain.verify(session.db).intact
    finally:
        session.lock()
    # Building it again replaces it with a fresh one.
    again = build_demo_database(demo.path)
    session = unlock(again.path, DEMO_REVIEWERS[0], DEMO_PASSPHRASE)
    try:
        assert len(list_reports(session.db)) == IMPORTED_REPORTS
    finally:
        session.lock()


def test_demo_submissions_command_feeds_bundle_make(tmp_path: Path) -> None:
    out = tmp_path / "subs.jsonl"
    made = run_cli("demo", "submissions", "--count", "7", "--out", str(out), "--seed", "3")
    assert made.returncode == 0, made.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 7
    for line in lines:
        validate_submission(json.loads(line))
    assert "narrative" not in made.stdout  # only a count is printed
    again = run_cli("demo", "submissions", "--count", "7", "--out", str(out))
    assert again.returncode == ExitCode.FILESYSTEM
    assert "already exists" in again.stderr and "Traceback" not in again.stderr
    keygen = run_cli("intake", "keygen", "--out", str(tmp_path / "intake"))
    assert keygen.returncode == 0, keygen.stderr
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    bundle = run_cli("bundle", "make", "--key", str(tmp_path / "intake.key"), "--to", recipient,
                     "--out", str(tmp_path / "b.nmbundle"), str(out))
    assert bundle.returncode == 0, bundle.stderr
    assert "7 submissions" in bundle.stdout
