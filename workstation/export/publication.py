"""Publication export: every approved, not yet published report, as de-identified JSON, an
index, a library PDF and a signed manifest, written at once; the reports are marked
published in the same transaction that records the export.

    OUT/reports/<publication_id>.json   {"publication_id", "content": the signed publishable content}
    OUT/index.json                      publication id, title, month and year, activity of each
    OUT/near-miss-library-<batch>.pdf   cover, contents, one section per report
    OUT/manifest.json                   sha256 of each file, both sign-offs of each report by
                                        reviewer key id, the audit head; signed (Ed25519) by the
                                        exporting reviewer's key

`content` is exactly what both reviewers signed (its RFC 8785 SHA-256 is the sign-offs'
content_sha256), so anyone can check a published report against its signatures. No
submission id, ORI, exact date or reviewer name is written; the leak guard checks every
file, file name and PDF metadata field before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import rfc8785

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import ExportError, InputError
from workstation.export.content_view import ReportView
from workstation.export.files import check_target_folder, export_cancelled, staged
from workstation.export.leak_guard import FIGURES, Part, guard, load_needles
from workstation.export.library_pdf import library_pdf
from workstation.keys import signing
from workstation.session import Session
from workstation.stages import Stage
from workstation.store.database import Database
from workstation.workflow import moves, signoff
from workstation.workflow.publishable import content_sha256, publishable_content

FORMAT = "near-miss-publication/1"
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class PublicationResult:
    out: Path
    publications: dict[int, str]  # report id -> publication id (for the caller, never written)
    files: list[str]
    manifest_sha256: str


def new_publication_id() -> str:
    """Random, unrelated to the submission: 'NM-' and 12 lower-case hex digits."""
    return f"NM-{secrets.token_hex(6)}"


def approved_reports(db: Database) -> list[int]:
    rows = db.query("SELECT id FROM reports WHERE stage = ? ORDER BY id", (Stage.APPROVED.value,))
    return [r[0] for r in rows]


def publication_ids(db: Database) -> dict[int, str]:
    """report id -> publication id, from the audit chain's publish entries."""
    found = {}
    rows = db.query("SELECT object, payload FROM audit WHERE action = 'workflow.publish' ORDER BY seq")
    for obj, payload in rows:
        publication = json.loads(payload).get("publication")
        if obj.startswith("report:") and publication:
            found[int(obj.split(":", 1)[1])] = publication
    return found


def _signoff_entry(s: signoff.Signoff) -> dict[str, Any]:
    return {"stage": s.stage, "decision": s.decision, "key_id": s.key_id,
            "public_key": s.public_key.hex(),
            "content_sha256": s.content_sha256, "signed_at": s.signed_at,
            "signature": s.signature.hex()}


def _signed_report(db: Database, report_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    content = publishable_content(db, report_id)
    digest = content_sha256(content)
    first = signoff.current_signoff(db, report_id, 1, "signed")
    second = signoff.current_signoff(db, report_id, 2, "approved")
    if first is None or second is None or first.content_sha256 != digest or second.content_sha256 != digest:
        raise ExportError(f"Report {report_id} changed after it was approved; it must be signed "
                          "again before it can be published. Nothing was exported.")
    return content, [_signoff_entry(first), _signoff_entry(second)]


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_publication(session: Session, out: Path, passphrase: str, *,
                       progress: Progress | None = None,
                       cancelled: IsCancelled | None = None) -> PublicationResult:
    """Publish every approved report to `out`, all or nothing.

    progress(done, total), total = reports + 2: one step per report prepared, step
    `total - 1` once everything passed the leak guard and writing starts, `total` once the
    reports are marked published. `cancelled()` is asked before each report and a last
    time just before writing (Cancelled: nothing written, nothing published); from
    step `total - 1` on the export runs to the end.
    """
    db = session.db
    check_target_folder(out)
    report_ids = approved_reports(db)
    if not report_ids:
        raise ExportError("There are no approved reports waiting to be published.")
    seed = session.signing_seed(passphrase)  # a wrong passphrase stops here
    try:
        public = signing.public_key_of(seed)
        roster = db.query_one(
            "SELECT 1 FROM reviewer_keys k JOIN reviewers r ON r.id = k.reviewer_id "
            "WHERE r.name = ? AND k.retired_at IS NULL AND k.public_key = ?", (session.reviewer, public))
        if roster is None:
            raise InputError("Your signing key does not match the roster; ask another reviewer to check it.")
        return _export(session, out, report_ids, seed, public, progress, cancelled)
    finally:
        seed[:] = bytes(len(seed))


def _export(session: Session, out: Path, report_ids: list[int], seed: bytearray, public: bytes,
            progress: Progress | None, cancelled: IsCancelled | None) -> PublicationResult:
    db = session.db
    now = datetime.now(UTC)
    batch_label = f"{now:%B %Y}"
    head_seq, head_hash = chain.head(db)
    files: dict[str, bytes] = {}
    parts: list[Part] = []
    views: list[ReportView] = []
    manifest_reports = []
    index = []
    publications: dict[int, str] = {}
    total = len(report_ids) + 2
    for done, report_id in enumerate(report_ids, start=1):
        if cancelled and cancelled():
            raise export_cancelled()
        content, signoffs = _signed_report(db, report_id)
        publication_id = new_publication_id()
        publications[report_id] = publication_id
        name = f"reports/{publication_id}.json"
        files[name] = _json_bytes({"format": FORMAT, "publication_id": publication_id, "content": content})
        views.append(ReportView(publication_id, content))
        index.append({"publication_id": publication_id, "title": content["title"],
                      "period": content["period"], "activity_type": content["activity_type"], "file": name})
        manifest_reports.append({"publication_id": publication_id, "content_sha256": content_sha256(content),
                                 "signoffs": signoffs})
        if progress:
            progress(done, total)
    files["index.json"] = _json_bytes({"format": FORMAT, "batch": batch_label, "reports": index})
    pdf_name = f"near-miss-library-{now:%Y-%m}.pdf"
    pdf, pdf_parts = library_pdf(views, batch_label=batch_label, audit_head=head_hash, file_name=pdf_name)
    files[pdf_name] = pdf
    parts.extend(pdf_parts)
    body = {
        "format": FORMAT,
        "exported_at": utc_now(),
        "audit_head": {"seq": head_seq, "hash": head_hash},
        "files": [{"path": n, "sha256": hashlib.sha256(d).hexdigest(), "bytes": len(d)}
                  for n, d in files.items()],
        "reports": manifest_reports,
        "exporter": {"key_id": signing.key_id(public), "public_key": public.hex()},
    }
    signature = signing.sign(seed, rfc8785.dumps(body))
    manifest = {**body, "signature": {"algorithm": "Ed25519", "over": "RFC 8785 canonical JSON of this "
                                      "object without 'signature'",
                                      "value": signature.hex()}}
    files["manifest.json"] = _json_bytes(manifest)
    for name, data in files.items():
        parts.append(Part(f"{name} (file name)", name, FIGURES))
        if name == "manifest.json":  # hashes, signatures, key ids, sizes: no text
            parts.append(Part(name, data.decode("utf-8"), FIGURES))
        elif name.endswith(".json"):
            parts.append(Part(name, data.decode("utf-8")))
    guard(parts, load_needles(db))  # refuses with the findings before anything is written
    if cancelled and cancelled():  # the last chance: from here the export runs to the end
        raise export_cancelled()
    if progress:
        progress(total - 1, total)

    manifest_sha = hashlib.sha256(files["manifest.json"]).hexdigest()
    with staged(out) as folder:
        folder.write_all(files)
        with db.transaction() as tx:
            for report_id, publication_id in publications.items():
                moves.mark_published(tx, session.reviewer, report_id, publication_id)
            chain.append(tx, actor=session.reviewer, action="export.publication",
                         obj=f"export:{manifest_sha[:16]}",
                         payload={"reports": len(publications), "manifest_sha256": manifest_sha,
                                  "key_id": signing.key_id(public)})
            folder.place()  # the files are complete; the commit follows
    if progress:
        progress(total, total)
    return PublicationResult(out, publications, sorted(files), manifest_sha)


def verify_manifest(manifest: dict[str, Any]) -> bool:
    """Whether the manifest's signature verifies with the exporter key it names."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    public = bytes.fromhex(manifest["exporter"]["public_key"])
    signature = bytes.fromhex(manifest["signature"]["value"])
    return signing.key_id(public) == manifest["exporter"]["key_id"] and signing.verify(
        public, signature, rfc8785.dumps(body))
