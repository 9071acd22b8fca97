"""Importing a bundle into the database: all of it in one transaction, nothing lost.

A bundle that fails any check before its reports are parsed is refused whole; only an
audit entry records the attempt. Inside a good bundle each report is validated: valid
ones are stored, invalid ones go to quarantine with their raw bytes and the reason, and
a submission id already held with different content is quarantined as a conflict.
The same bundle again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rfc8785

from workstation.analysis import (
    FieldSuggestions,
    ReportAnalyser,
    analyse_in_batches,
    analyser_name,
    report_text,
    store_suggestions,
)
from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import Cancelled
from workstation.intake.bundle_format import MAX_BUNDLE_BYTES, BundleRejected
from workstation.intake.bundle_reader import Keys, OpenedBundle, read_bundle
from workstation.intake.submissions import SubmissionCheck, check_submission
from workstation.intake.trust import (
    retired_identities,
    trusted_intake_keys,
    withdrawn_intake_keys,
    workstation_identity,
    workstation_recipient,
)
from workstation.keys.signing import key_id
from workstation.review.search import index_report
from workstation.session import Session
from workstation.store.database import Database
from workstation.store.transaction import Transaction, inserted_id

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (reports done, reports in bundle)
IsCancelled = Callable[[], bool]


IMPORT_CANCELLED = "The import was cancelled; nothing from the bundle was saved."


@dataclass(frozen=True)
class ImportSummary:
    path: Path
    bundle_id: str
    imported: int = 0
    quarantined: int = 0
    duplicates: int = 0
    conflicts: int = 0  # counted within `quarantined`
    already_imported: bool = False
    analysed: bool = False
    suggestions: int = 0  # identifiers suggested in the new reports
    seconds: float = 0.0

    def describe(self) -> str:
        if self.already_imported:
            return f"{self.path.name}: already imported (bundle {self.bundle_id}); nothing changed."
        return (
            f"{self.path.name}: {self.imported} imported, {self.quarantined} quarantined "
            f"({self.conflicts} conflicts), {self.duplicates} duplicates, "
            + (f"{self.suggestions} identifiers suggested, " if self.analysed else "")
            + f"in {self.seconds:.2f} s."
        )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def content_hash(submission: dict[str, Any]) -> str:
    """Same content, same hash, however the JSON was spaced or ordered."""
    return hashlib.sha256(rfc8785.dumps(submission)).hexdigest()


def import_bundle(
    session: Session,
    path: Path,
    *,
    analyser: ReportAnalyser | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportSummary:
    """Import one bundle; with an `analyser`, new reports get their suggestions at once.

    Reading, checking and analysing happen before the write transaction, so the database
    is locked only for the short time it takes to store the results.
    """
    started = time.perf_counter()
    path = Path(path)
    db = session.db
    if db.meta("panel_role") == "reviewer":  # a laptop holds only what is assigned to its owner
        raise BundleRejected("Bundles are imported on the coordinator's workstation, not on a laptop.")
    keys = {k.public_key: k.id for k in trusted_intake_keys(db)}
    try:
        opened = read_bundle(
            path,
            identity=workstation_identity(db),
            recipient=workstation_recipient(db),
            trusted_keys=list(keys),
            keys=_other_keys(db),
        )
    except BundleRejected as rejection:
        _record_refusal(session, path, rejection)
        raise
    manifest = opened.manifest
    if db.query_one("SELECT 1 FROM bundles WHERE bundle_id = ?", (manifest.bundle_id,)):
        return ImportSummary(path, manifest.bundle_id, already_imported=True,
                             seconds=time.perf_counter() - started)
    # Progress follows the slow part: analysis when there is one, else the checks.
    checked = _check_reports(db, opened, None if analyser else progress, cancelled)
    suggestions = _analyse_new(checked, analyser, progress, cancelled)
    sha = file_sha256(path)
    with db.transaction() as tx:
        cursor = tx.execute(
            "INSERT INTO bundles(bundle_id, file_sha256, intake_key_id, created_at, imported_at, "
            "imported_by, imported, quarantined, duplicates) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0)",
            (manifest.bundle_id, sha, keys[opened.signer_key], manifest.created_at, utc_now(),
             session.reviewer),
        )
        counts = _store_reports(tx, inserted_id(cursor), checked, suggestions,
                                analyser_name(analyser) if analyser else "")
        tx.execute(
            "UPDATE bundles SET imported = ?, quarantined = ?, duplicates = ? WHERE id = ?",
            (counts["imported"], counts["quarantined"], counts["duplicates"], cursor.lastrowid),
        )
        chain.append(
            tx, actor=session.reviewer, action="bundle.import", obj=f"bundle:{manifest.bundle_id}",
            payload={"file_sha256": sha, "intake_key": key_id(opened.signer_key), **counts},
        )
    summary = ImportSummary(path, manifest.bundle_id, imported=counts["imported"],
                            quarantined=counts["quarantined"], duplicates=counts["duplicates"],
                            conflicts=counts["conflicts"], analysed=analyser is not None,
                            suggestions=counts["suggestions"], seconds=time.perf_counter() - started)
    log.info("bundle imported: %d imported, %d quarantined, %d duplicates",
             summary.imported, summary.quarantined, summary.duplicates)
    return summary


@dataclass(frozen=True)
class _Checked:
    submission_id: str
    raw: bytes
    check: SubmissionCheck
    digest: str | None  # content hash of a valid submission
    held_digest: str | None  # content hash already held for this submission id, if any

    @property
    def is_new(self) -> bool:
        return self.check.ok and self.held_digest is None


def _check_reports(db: Database, opened: OpenedBundle, progress: Progress | None,
                   cancelled: IsCancelled | None) -> list[_Checked]:
    checked: list[_Checked] = []
    total = len(opened.reports)
    for done, (submission_id, raw) in enumerate(opened.reports, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled(IMPORT_CANCELLED)
        check = check_submission(raw, expected_id=submission_id)
        digest = content_hash(check.submission) if check.submission is not None else None
        held = db.query_one("SELECT content_sha256 FROM reports WHERE submission_id = ?",
                            (submission_id,)) if check.ok else None
        checked.append(_Checked(submission_id, raw, check, digest, held[0] if held else None))
        if progress is not None:
            progress(done, total)
    return checked


def _analyse_new(checked: list[_Checked], analyser: ReportAnalyser | None,
                 progress: Progress | None, cancelled: IsCancelled | None) -> dict[str, FieldSuggestions]:
    """Suggestions for the reports that will be stored (none are analysed twice)."""
    fresh = [c for c in checked if c.is_new]
    if analyser is None or not fresh:
        return {}
    texts = [report_text(c.check.submission or {}) for c in fresh]  # fresh ones are valid
    try:
        results = list(analyse_in_batches(analyser, texts, progress=progress, cancelled=cancelled))
    except Cancelled:
        raise Cancelled(IMPORT_CANCELLED) from None
    return {c.submission_id: found for c, found in zip(fresh, results, strict=True)}


def _store_reports(tx: Transaction, bundle_ref: int, checked: list[_Checked],
                   suggestions: dict[str, FieldSuggestions], analysed_by: str) -> dict[str, int]:
    counts = {"imported": 0, "quarantined": 0, "duplicates": 0, "conflicts": 0, "suggestions": 0}
    now = utc_now()
    inserted: set[str] = set()  # the same id twice in one bundle is caught by the manifest
    for item in checked:
        submission = item.check.submission
        if submission is None:
            _quarantine(tx, bundle_ref, item.submission_id, "invalid", item.check.reason or "invalid",
                        item.raw, now)
            counts["quarantined"] += 1
        elif item.held_digest == item.digest or item.submission_id in inserted:
            counts["duplicates"] += 1
        elif item.held_digest is not None:
            _quarantine(tx, bundle_ref, item.submission_id, "conflict",
                        "conflict: this submission id is already held with different content",
                        item.raw, now)
            counts["quarantined"] += 1
            counts["conflicts"] += 1
        else:
            report_id = insert_report(tx, bundle_ref, submission, now)
            inserted.add(item.submission_id)
            counts["imported"] += 1
            if item.submission_id in suggestions:
                counts["suggestions"] += store_suggestions(
                    tx, report_id, suggestions[item.submission_id], analysed_by)
    return counts


def insert_report(tx: Transaction, bundle_ref: int, submission: dict[str, Any], now: str) -> int:
    """Store one valid submission and index it for search; returns the report's id."""
    cursor = tx.execute(
        "INSERT INTO reports(submission_id, bundle_ref, received_at, form_version, "
        "content_sha256, submission, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (submission["submission_id"], bundle_ref, submission["received_at"],
         str(submission["form_version"]), content_hash(submission),
         json.dumps(submission, ensure_ascii=False), now),
    )
    report_id = inserted_id(cursor)
    index_report(tx, report_id, submission)
    return report_id


def _quarantine(
    tx: Transaction, bundle_ref: int, submission_id: str, kind: str, reason: str, raw: bytes, now: str
) -> None:
    tx.execute(
        "INSERT INTO quarantine(bundle_ref, submission_id, kind, reason, raw, raw_sha256, "
        "quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (bundle_ref, submission_id, kind, reason, raw, hashlib.sha256(raw).hexdigest(), now),
    )


def _other_keys(db: Database) -> Keys:
    """Retired identities (accepted within their grace period) and withdrawn intake keys."""
    now = utc_now()
    retired = retired_identities(db)
    return Keys(older=[(r.identity, r.recipient) for r in retired if r.accepted(now)],
                expired=[r.identity for r in retired if not r.accepted(now)],
                withdrawn=withdrawn_intake_keys(db))


def _record_refusal(session: Session, path: Path, rejection: BundleRejected) -> None:
    """The one thing a refused bundle leaves behind: an audit entry (no content)."""
    try:  # a file over the size cap is refused unread, so it is not hashed either
        size = path.stat().st_size
        sha = file_sha256(path) if size <= MAX_BUNDLE_BYTES else ""
    except OSError:
        size, sha = -1, ""
    with session.audited("bundle.refuse", f"file:{sha[:16]}",
                         {"file_sha256": sha, "size": size, "reason": rejection.message[:120]}):
        pass
