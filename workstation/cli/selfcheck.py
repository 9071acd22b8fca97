"""`workstation --self-check`: proves, headless, that an installed or packaged workstation
has everything it needs: SQLCipher, Argon2id and Ed25519, age, the bundle format, the
spaCy model and Presidio, ReportLab, and the audit chain. Exit code 0 only if every
step worked. Works in a temporary folder that is removed afterwards; prints no report text.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPORTS = 12
PASSPHRASE = "self check only passphrase words"  # a throwaway database, removed at the end


@dataclass
class SelfCheck:
    folder: Path
    state: dict[str, Any] = field(default_factory=dict)
    results: list[tuple[str, bool, str, float]] = field(default_factory=list)

    def step(self, name: str, action: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail, ok = action(), True
        except Exception as exc:  # a self-check reports every failure, whatever it is
            detail, ok = f"{type(exc).__name__}: {exc}", False
            traceback.print_exc()
        self.results.append((name, ok, detail, time.perf_counter() - started))
        return ok


def _create(check: SelfCheck) -> str:
    from workstation.session import create_workstation
    from workstation.store.database import Database

    created = create_workstation(check.folder / "self-check.db", "selfcheck", PASSPHRASE)
    check.state["session"] = created.session
    version = created.session.db.query_row("PRAGMA cipher_version")[0]
    assert isinstance(created.session.db, Database)
    return f"SQLCipher {version}, Argon2id key file, Ed25519 signing key"


def _import(check: SelfCheck) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from workstation.demo.submissions import generate_submissions
    from workstation.detect.detector import get_detector
    from workstation.intake.bundle_writer import make_bundle, write_bundle_file
    from workstation.intake.importer import import_bundle
    from workstation.intake.intake_keys import public_bytes
    from workstation.intake.trust import trust_intake_key, workstation_recipient

    session = check.state["session"]
    key = Ed25519PrivateKey.generate()
    trust_intake_key(session, public_bytes(key), label="self-check")
    bundle = check.folder / "self-check.nmbundle"
    write_bundle_file(bundle, make_bundle(generate_submissions(REPORTS, seed=99), signing_key=key,
                                          recipient=workstation_recipient(session.db)))
    summary = import_bundle(session, bundle, analyser=get_detector())
    if summary.imported != REPORTS or summary.suggestions == 0:
        raise RuntimeError(f"imported {summary.imported} of {REPORTS}, {summary.suggestions} suggestions")
    return f"{summary.imported} reports from a signed, encrypted bundle; {summary.suggestions} suggestions"


def _review(check: SelfCheck) -> str:
    from workstation.review.report_review import open_report
    from workstation.workflow.publishable import publishable_content

    session = check.state["session"]
    report_id = session.db.query_row("SELECT min(id) FROM reports")[0]
    review = open_report(session, report_id)
    content = publishable_content(session.db, report_id)
    check.state["report_id"] = report_id
    return (f"report opened: {len(review.spans)} spans, "
            f"{len(content['text'].get('narrative', ''))} characters of redacted narrative")


def _pdf(check: SelfCheck) -> str:
    import re

    from workstation.export.briefing import briefing_pdf
    from workstation.export.content_view import ReportView
    from workstation.export.leak_guard import guard, load_needles
    from workstation.workflow.publishable import publishable_content

    session = check.state["session"]
    # The report is not approved (a self-check signs nothing), so the briefing is drawn
    # from its publishable content directly, and the leak guard still reads every string.
    view = ReportView("self-check", publishable_content(session.db, check.state["report_id"]))
    data, parts = briefing_pdf(view, "self-check.pdf")
    guard(parts, load_needles(session.db))
    (check.folder / "self-check.pdf").write_bytes(data)
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    if not data.startswith(b"%PDF") or pages < 1:
        raise RuntimeError("ReportLab did not produce a PDF")
    return f"briefing PDF rendered with ReportLab ({pages} page(s), {len(data)} bytes), leak guard passed"


def _audit(check: SelfCheck) -> str:
    from workstation.audit import chain
    from workstation.workflow.signoff import verify_signoffs

    session = check.state["session"]
    result = chain.verify(session.db)
    problems = verify_signoffs(session.db)
    if not result.intact or problems:
        raise RuntimeError(result.reason or problems[0])
    return f"audit chain intact ({result.entries} entries)"


def run_self_check() -> int:
    folder = Path(tempfile.mkdtemp(prefix="workstation-self-check-"))
    check = SelfCheck(folder)
    try:
        for name, action in (("encrypted database", _create), ("bundle import and analysis", _import),
                             ("review", _review), ("briefing PDF", _pdf), ("audit chain", _audit)):
            if not check.step(name, functools.partial(action, check)):
                break
    finally:
        session = check.state.get("session")
        if session is not None:
            session.lock()
        shutil.rmtree(folder, ignore_errors=True)
    for name, ok, detail, seconds in check.results:
        print(f"{'ok  ' if ok else 'FAIL'} {name:<28} {seconds:6.2f} s  {detail}")
    passed = len(check.results) == 5 and all(ok for _, ok, _, _ in check.results)
    print("Self-check passed." if passed else "Self-check FAILED.")
    return 0 if passed else 1
