"""Publication export: every approved, not yet published report, as de-identified JSON, an
index, a library PDF and a signed manifest, written at once; the reports are marked
published in the same transaction that records the export.

    OUT/reports/<publication_id>.json   {"publication_id", "content": the signed publishable content}
    OUT/index.json                      publication id, title, month and year, activity of each
    OUT/near-miss-library-<batch>.pdf   cover, contents, one section per report
    OUT/retractions.json                every retraction made so far: publication ids and dates
                                        (export/retraction.py); a batch may hold only this
    OUT/manifest.json                   sha256 of each file, both sign-offs of each report by
                                        reviewer key id, the audit head; signed (Ed25519) by the
                                        exporting reviewer's key

`content` is exactly what both reviewers signed (its RFC 8785 SHA-256 is the sign-offs'
content_sha256), so anyone can check a published report against its signatures. No
submission id, ORI, exact date or reviewer name is written; the leak guard checks every
file, file name and PDF metadata field before anything is written.

One report never blocks a batch: a report whose content is no longer what both sign-offs
signed, that fewer than k approved and published reports share its month and published
structured fields with and that has no written reason on record for its content (the
re-identification check, workflow/disclosure_check.py, counted again here), or in which the
leak guard finds something, is left out (it stays approved) and
listed with the reason in the result (`left_out`, and the audit entry's report ids); the
others are published. Only when none is left, or the guard finds something in the batch's
own text, is the export refused with nothing written.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import rfc8785

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import ExportError, InputError
from workstation.export import retraction
from workstation.export.content_view import ReportView
from workstation.export.files import check_target_folder, export_cancelled, staged
from workstation.export.leak_guard import (
    FIGURES,
    Finding,
    LeakError,
    Needles,
    Part,
    describe_findings,
    load_needles,
    scan,
)
from workstation.export.library_pdf import library_pdf
from workstation.export.signed import NotSignedAsIs, signed_content
from workstation.keys import signing
from workstation.session import Session
from workstation.stages import Stage
from workstation.store.database import Database
from workstation.text.invisible import refuse_invisible
from workstation.workflow import moves, signoff
from workstation.workflow.disclosure_check import KCheck, check_reports
from workstation.workflow.publishable import content_sha256

FORMAT = "near-miss-publication/1"
PANEL_FIELDS = ("title", "lessons_learned", "takeaways", "discussion_questions")  # the panel wrote these
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class LeftOut:
    """An approved report this batch did not publish, and why (plain words, no identifier).
    It stays approved; once fixed and signed again, a later batch publishes it."""

    report_id: int
    reason: str
    findings: tuple[Finding, ...] = ()

    def describe(self) -> str:
        return f"Report {self.report_id}: {self.reason}"


@dataclass(frozen=True)
class PublicationResult:
    out: Path
    publications: dict[int, str]  # report id -> publication id (for the caller, never written)
    files: list[str]
    manifest_sha256: str
    left_out: tuple[LeftOut, ...] = ()  # approved reports not published by this batch

    def describe_left_out(self) -> str:
        return "\n".join(f"  - {item.describe()}" for item in self.left_out)


class NothingPublishable(ExportError):
    """No approved report could be published; nothing was written. `left_out` says why,
    report by report."""

    def __init__(self, left_out: list[LeftOut]) -> None:
        lines = "\n".join(f"  - {item.describe()}" for item in left_out[:20])
        more = f"\n  ... and {len(left_out) - 20} more" if len(left_out) > 20 else ""
        super().__init__("Export refused: none of the approved reports can be published; nothing was "
                         f"written.\n{lines}{more}")
        self.left_out = left_out


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


def _signoff_entries(first: signoff.Signoff, second: signoff.Signoff) -> list[dict[str, Any]]:
    return [_signoff_entry(first), _signoff_entry(second)]


def _leak_reason(findings: list[Finding]) -> str:
    return (f"the leak guard found {len(findings)} possible identifier{'s' if len(findings) != 1 else ''} "
            f"in it:\n{describe_findings(findings)}")


def _content_parts(where: str, value: Any, source: str, key: str = "") -> list[Part]:
    """Every string of a JSON value (keys too) as its own part: what a reader of the file
    gets, without JSON's escapes in the way. Panel-written fields are marked."""
    if isinstance(value, dict):
        found = []
        for name, item in value.items():
            found.append(Part(where, str(name), FIGURES, source=source))
            found.extend(_content_parts(where, item, source, str(name)))
        return found
    if isinstance(value, list):
        return [p for item in value for p in _content_parts(where, item, source, key)]
    if isinstance(value, str):
        label = f"{where} ({key})" if key else where
        return [Part(label, value, panel=key in PANEL_FIELDS, source=source)]
    return [Part(where, json.dumps(value), FIGURES, source=source)]


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_publication(session: Session, out: Path, passphrase: str, *,
                       progress: Progress | None = None,
                       cancelled: IsCancelled | None = None) -> PublicationResult:
    """Publish every approved report that can be published to `out`, all files at once; the
    others are listed in the result's `left_out` (NothingPublishable or LeakError when none
    can be).

    progress(done, total), total = reports + 2: one step per report prepared, step
    `total - 1` once everything passed the leak guard and writing starts, `total` once the
    reports are marked published. `cancelled()` is asked before each report and a last
    time just before writing (Cancelled: nothing written, nothing published); from
    step `total - 1` on the export runs to the end.
    """
    refuse_invisible(out.name, "The folder name")
    db = session.db
    check_target_folder(out)
    report_ids = approved_reports(db)
    if not report_ids and not retraction.pending(db):
        raise ExportError("There are no approved reports waiting to be published.")
    seed, public = exporter_key(session, passphrase)
    try:
        return _export(session, out, report_ids, seed, public, progress, cancelled)
    finally:
        seed[:] = bytes(len(seed))


def exporter_key(session: Session, passphrase: str) -> tuple[bytearray, bytes]:
    """The exporting reviewer's signing key (the caller wipes it) and its public half, which
    must be their current key in the roster. A wrong passphrase stops here."""
    seed = session.signing_seed(passphrase)
    public = signing.public_key_of(seed)
    roster = session.db.query_one(
        "SELECT 1 FROM reviewer_keys k JOIN reviewers r ON r.id = k.reviewer_id "
        "WHERE r.name = ? AND k.retired_at IS NULL AND k.public_key = ?", (session.reviewer, public))
    if roster is None:
        seed[:] = bytes(len(seed))
        raise InputError("Your signing key does not match the roster; ask another reviewer to check it.")
    return seed, public


@dataclass
class _Candidate:
    report_id: int
    publication_id: str
    content: dict[str, Any]
    signoffs: list[dict[str, Any]]


def _export(session: Session, out: Path, report_ids: list[int], seed: bytearray, public: bytes,
            progress: Progress | None, cancelled: IsCancelled | None) -> PublicationResult:
    db = session.db
    needles = load_needles(db)
    left_out: list[LeftOut] = []
    candidates: list[_Candidate] = []
    total = len(report_ids) + 2
    checks = check_reports(db, report_ids)  # the database counted once for the batch
    for done, report_id in enumerate(report_ids, start=1):
        if cancelled and cancelled():
            raise export_cancelled()
        candidate, refusal = _prepare(db, report_id, needles, checks[report_id])
        if candidate is not None:
            candidates.append(candidate)
        elif refusal is not None:
            left_out.append(refusal)
        if progress:
            progress(done, total)
    retracting = retraction.pending(db)
    while True:
        if not candidates and not retracting:  # a batch may carry only retractions
            _refuse(left_out)
        files, parts = _batch_files(db, candidates, seed, public)
        findings = scan(parts, needles)  # every file as written, before anything is
        if not findings:
            break
        by_source = {f.source for f in findings}
        if None in by_source:  # in the batch's own text (cover, metadata): not one report's
            raise LeakError(findings)
        for candidate in [c for c in candidates if c.publication_id in by_source]:
            mine = [f for f in findings if f.source == candidate.publication_id]
            left_out.append(LeftOut(candidate.report_id, _leak_reason(mine), tuple(mine)))
        candidates = [c for c in candidates if c.publication_id not in by_source]
    if cancelled and cancelled():  # the last chance: from here the export runs to the end
        raise export_cancelled()
    if progress:
        progress(total - 1, total)

    publications = {c.report_id: c.publication_id for c in candidates}
    manifest_sha = hashlib.sha256(files["manifest.json"]).hexdigest()
    left_out.sort(key=lambda item: item.report_id)
    with staged(out) as folder:
        folder.write_all(files)
        with db.transaction() as tx:
            for report_id, publication_id in publications.items():
                moves.mark_published(tx, session.reviewer, report_id, publication_id)
            chain.append(tx, actor=session.reviewer, action="export.publication",
                         obj=f"export:{manifest_sha[:16]}",
                         payload={"reports": len(publications), "manifest_sha256": manifest_sha,
                                  "key_id": signing.key_id(public),
                                  "left_out": [item.report_id for item in left_out],
                                  "retractions": [r.publication_id for r in retraction.retractions(db)]})
            folder.place()  # the files are complete; the commit follows
    if progress:
        progress(total, total)
    return PublicationResult(out, publications, sorted(files), manifest_sha, tuple(left_out))


def _low_k(check: KCheck) -> str:
    return (f"only {check.matching} approved or published report{'s' if check.matching != 1 else ''} "
            f"(it included) share its month and published details, fewer than k = {check.k}, and no "
            "written reason to publish it below k is on record for its content (withhold or generalise "
            "a field and sign again, or record a reason)")


def _prepare(db: Database, report_id: int, needles: Needles,
             check: KCheck) -> tuple[_Candidate | None, LeftOut | None]:
    """A report ready for the batch, or why it is left out: its content must be what both
    sign-offs signed, pass the leak guard on its own (named first: the graver reason), and
    reach k or have a written reason on record."""
    try:
        content, first, second = signed_content(db, report_id)
    except NotSignedAsIs as refused:
        return None, LeftOut(report_id, refused.reason)
    publication_id = new_publication_id()
    where = f"reports/{publication_id}.json"
    findings = scan(_content_parts(where, content, publication_id), needles)
    if findings:
        return None, LeftOut(report_id, _leak_reason(findings), tuple(findings))
    if check.needs_reason:
        return None, LeftOut(report_id, _low_k(check))
    return _Candidate(report_id, publication_id, content, _signoff_entries(first, second)), None


def _refuse(left_out: list[LeftOut]) -> NoReturn:
    """Nothing can be published: the leak guard's refusal as before when it is the only
    reason, else every report with its reason."""
    findings = [f for item in left_out for f in item.findings]
    if left_out and all(item.findings for item in left_out):
        error = LeakError(findings)
        error.left_out = left_out  # type: ignore[attr-defined]
        raise error
    raise NothingPublishable(left_out)


def _batch_files(db: Database, candidates: list[_Candidate], seed: bytearray,
                 public: bytes) -> tuple[dict[str, bytes], list[Part]]:
    """The batch's files (reports, index, library PDF, signed manifest) and every string in them."""
    now = datetime.now(UTC)
    batch_label = f"{now:%B %Y}"
    head_seq, head_hash = chain.head(db)
    files: dict[str, bytes] = {}
    parts: list[Part] = []
    views: list[ReportView] = []
    manifest_reports = []
    index = []
    for c in candidates:
        name = f"reports/{c.publication_id}.json"
        document = {"format": FORMAT, "publication_id": c.publication_id, "content": c.content}
        files[name] = _json_bytes(document)
        parts.extend(_content_parts(name, document, c.publication_id))
        views.append(ReportView(c.publication_id, c.content))
        entry = {"publication_id": c.publication_id, "title": c.content["title"],
                 "period": c.content["period"], "activity_type": c.content["activity_type"], "file": name}
        index.append(entry)
        parts.extend(_content_parts("index.json", entry, c.publication_id))
        manifest_reports.append({"publication_id": c.publication_id,
                                 "content_sha256": content_sha256(c.content), "signoffs": c.signoffs})
    if candidates:  # a batch of retractions only has no index or library
        files["index.json"] = _json_bytes({"format": FORMAT, "batch": batch_label, "reports": index})
        parts.append(Part("index.json", batch_label))
        pdf_name = f"near-miss-library-{now:%Y-%m}.pdf"
        pdf, pdf_parts = library_pdf(views, batch_label=batch_label, audit_head=head_hash, file_name=pdf_name)
        files[pdf_name] = pdf
        parts.extend(pdf_parts)
    withdrawn = retraction.retractions_document(db)
    if withdrawn is not None:
        files["retractions.json"] = _json_bytes(withdrawn)
        parts.append(Part("retractions.json", files["retractions.json"].decode("utf-8"), FIGURES))
    body: dict[str, Any] = {
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
    parts.append(Part("manifest.json", files["manifest.json"].decode("utf-8"), FIGURES))
    for name in files:
        parts.append(Part(f"{name} (file name)", name, FIGURES, panel=True))
    return files, parts


def verify_manifest(manifest: dict[str, Any]) -> bool:
    """Whether the manifest's signature verifies with the exporter key it names."""
    body: dict[str, Any] = {k: v for k, v in manifest.items() if k != "signature"}
    public = bytes.fromhex(manifest["exporter"]["public_key"])
    signature = bytes.fromhex(manifest["signature"]["value"])
    return signing.key_id(public) == manifest["exporter"]["key_id"] and signing.verify(
        public, signature, rfc8785.dumps(body))
