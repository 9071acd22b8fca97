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

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import WorkstationError
from workstation.intake.bundle_format import MAX_BUNDLE_BYTES, BundleRejected
from workstation.intake.bundle_reader import OpenedBundle, read_bundle
from workstation.intake.submissions import check_submission
from workstation.intake.trust import trusted_intake_keys, workstation_identity, workstation_recipient
from workstation.keys.signing import key_id
from workstation.session import Session

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (reports done, reports in bundle)
Cancelled = Callable[[], bool]


class ImportCancelled(WorkstationError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing from the bundle was saved.")


@dataclass(frozen=True)
class ImportSummary:
    path: Path
    bundle_id: str
    imported: int = 0
    quarantined: int = 0
    duplicates: int = 0
    conflicts: int = 0  # counted within `quarantined`
    already_imported: bool = False
    seconds: float = 0.0

    def describe(self) -> str:
        if self.already_imported:
            return f"{self.path.name}: already imported (bundle {self.bundle_id}); nothing changed."
        return (
            f"{self.path.name}: {self.imported} imported, {self.quarantined} quarantined "
            f"({self.conflicts} conflicts), {self.duplicates} duplicates, "
            f"in {self.seconds:.2f} s."
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
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportSummary:
    started = time.perf_counter()
    path = Path(path)
    db = session.db
    keys = {k.public_key: k.id for k in trusted_intake_keys(db)}
    try:
        opened = read_bundle(
            path,
            identity=workstation_identity(db),
            recipient=workstation_recipient(db),
            trusted_keys=list(keys),
        )
    except BundleRejected as rejection:
        _record_refusal(session, path, rejection)
        raise
    manifest = opened.manifest
    if db.query_one("SELECT 1 FROM bundles WHERE bundle_id = ?", (manifest.bundle_id,)):
        return ImportSummary(path, manifest.bundle_id, already_imported=True,
                             seconds=time.perf_counter() - started)
    sha = file_sha256(path)
    with db.transaction() as tx:
        cursor = tx.execute(
            "INSERT INTO bundles(bundle_id, file_sha256, intake_key_id, created_at, imported_at, "
            "imported_by, imported, quarantined, duplicates) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0)",
            (manifest.bundle_id, sha, keys[opened.signer_key], manifest.created_at, utc_now(),
             session.reviewer),
        )
        counts = _store_reports(tx, int(cursor.lastrowid), opened, progress, cancelled)
        tx.execute(
            "UPDATE bundles SET imported = ?, quarantined = ?, duplicates = ? WHERE id = ?",
            (counts["imported"], counts["quarantined"], counts["duplicates"], cursor.lastrowid),
        )
        chain.append(
            tx, actor=session.reviewer, action="bundle.import", obj=f"bundle:{manifest.bundle_id}",
            payload={"file_sha256": sha, "intake_key": key_id(opened.signer_key), **counts},
        )
    summary = ImportSummary(path, manifest.bundle_id, seconds=time.perf_counter() - started,
                            **counts)
    log.info("bundle imported: %d imported, %d quarantined, %d duplicates",
             summary.imported, summary.quarantined, summary.duplicates)
    return summary


def _store_reports(
    tx: Any, bundle_ref: int, opened: OpenedBundle, progress: Progress | None,
    cancelled: Cancelled | None,
) -> dict[str, int]:
    counts = {"imported": 0, "quarantined": 0, "duplicates": 0, "conflicts": 0}
    now = utc_now()
    total = len(opened.reports)
    for done, (submission_id, raw) in enumerate(opened.reports, start=1):
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        check = check_submission(raw, expected_id=submission_id)
        if not check.ok:
            _quarantine(tx, bundle_ref, submission_id, "invalid", check.reason or "invalid", raw, now)
            counts["quarantined"] += 1
        else:
            submission = check.submission
            digest = content_hash(submission)
            held = tx.execute(
                "SELECT content_sha256 FROM reports WHERE submission_id = ?", (submission_id,)
            ).fetchone()
            if held is not None and held[0] == digest:
                counts["duplicates"] += 1
            elif held is not None:
                _quarantine(tx, bundle_ref, submission_id, "conflict",
                            "conflict: this submission id is already held with different content",
                            raw, now)
                counts["quarantined"] += 1
                counts["conflicts"] += 1
            else:
                tx.execute(
                    "INSERT INTO reports(submission_id, bundle_ref, received_at, form_version, "
                    "content_sha256, submission, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (submission_id, bundle_ref, submission["received_at"], str(submission["form_version"]),
                     digest, json.dumps(submission, ensure_ascii=False), now),
                )
                counts["imported"] += 1
        if progress is not None:
            progress(done, total)
    return counts


def _quarantine(
    tx: Any, bundle_ref: int, submission_id: str, kind: str, reason: str, raw: bytes, now: str
) -> None:
    tx.execute(
        "INSERT INTO quarantine(bundle_ref, submission_id, kind, reason, raw, raw_sha256, "
        "quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (bundle_ref, submission_id, kind, reason, raw, hashlib.sha256(raw).hexdigest(), now),
    )


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
