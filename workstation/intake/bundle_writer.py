"""Make .nmbundle files: reports -> signed manifest -> ZIP in memory -> age encryption.

Layered so tests can build malformed bundles: `bundle_members` gives the standard
members, `zip_members` zips any list (duplicates, odd names, custom ZipInfo), and
`encrypt_to` encrypts any bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from workstation.errors import FileSystemError, InputError
from workstation.intake.bundle_format import (
    MANIFEST_NAME,
    MAX_REPORTS,
    SIGNATURE_NAME,
    Manifest,
    ManifestEntry,
    encode_manifest,
    new_bundle_id,
    report_path,
    utc_timestamp,
)
from workstation.intake.intake_keys import public_bytes
from workstation.intake.submissions import InvalidSubmission, validate_submission

Member = tuple[str | zipfile.ZipInfo, bytes]


def encode_report(submission: dict[str, Any]) -> bytes:
    """A report's bytes in a bundle: UTF-8 JSON, sorted keys, no NaN."""
    return json.dumps(submission, ensure_ascii=False, sort_keys=True, allow_nan=False,
                      separators=(",", ":")).encode("utf-8")


def build_manifest(
    reports: Sequence[tuple[str, bytes]],
    *,
    intake_key: bytes,
    recipient: str,
    bundle_id: str | None = None,
    created_at: str | None = None,
) -> Manifest:
    """Manifest for (submission_id, raw report bytes) pairs, in that order."""
    entries = tuple(
        ManifestEntry(sid, report_path(sid), len(raw), hashlib.sha256(raw).hexdigest())
        for sid, raw in reports
    )
    return Manifest(
        bundle_id=bundle_id or new_bundle_id(),
        created_at=created_at or utc_timestamp(),
        intake_key=intake_key,
        recipient=recipient,
        reports=entries,
    )


def sign(data: bytes, signing_key: Ed25519PrivateKey) -> bytes:
    return signing_key.sign(data)


def bundle_members(
    reports: Sequence[tuple[str, bytes]],
    *,
    signing_key: Ed25519PrivateKey,
    recipient: str,
    bundle_id: str | None = None,
    created_at: str | None = None,
) -> list[Member]:
    """The standard members: manifest.json, manifest.sig, then every report."""
    manifest = build_manifest(reports, intake_key=public_bytes(signing_key), recipient=recipient,
                              bundle_id=bundle_id, created_at=created_at)
    manifest_bytes = encode_manifest(manifest)
    members: list[Member] = [
        (MANIFEST_NAME, manifest_bytes),
        (SIGNATURE_NAME, sign(manifest_bytes, signing_key)),
    ]
    members.extend((report_path(sid), raw) for sid, raw in reports)
    return members


def zip_members(members: Iterable[Member], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """ZIP the members in memory, exactly as given (no name checks: tests rely on that)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name" is wanted by tests
        with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return buffer.getvalue()


def encrypt_to(plaintext: bytes, recipient: str) -> bytes:
    """age-encrypt (binary format) to one X25519 recipient string."""
    try:
        parsed = pyrage.x25519.Recipient.from_str(recipient.strip())
    except pyrage.RecipientError:
        raise InputError("the recipient is not an age X25519 recipient (age1...)") from None
    return bytes(pyrage.encrypt(plaintext, [parsed]))


def make_bundle_from_raw(
    reports: Sequence[tuple[str, bytes]],
    *,
    signing_key: Ed25519PrivateKey,
    recipient: str,
    bundle_id: str | None = None,
    created_at: str | None = None,
) -> bytes:
    """Bundle bytes from (submission_id, raw report bytes) without validating the reports."""
    members = bundle_members(reports, signing_key=signing_key, recipient=recipient.strip(),
                             bundle_id=bundle_id, created_at=created_at)
    return encrypt_to(zip_members(members), recipient)


def make_bundle(
    submissions: Sequence[dict[str, Any]],
    *,
    signing_key: Ed25519PrivateKey,
    recipient: str,
    bundle_id: str | None = None,
    created_at: str | None = None,
) -> bytes:
    """Validate the submissions and return the encrypted bundle bytes."""
    if not submissions:
        raise InputError("a bundle needs at least one submission")
    if len(submissions) > MAX_REPORTS:
        raise InputError(f"a bundle holds at most {MAX_REPORTS} submissions")
    reports: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    for number, submission in enumerate(submissions, start=1):
        try:
            validate_submission(submission)
        except InvalidSubmission as exc:
            raise InputError(f"submission {number}: {exc.reason}") from None
        sid = submission["submission_id"]
        if sid in seen:
            raise InputError(f"submission {number} repeats an earlier submission_id")
        seen.add(sid)
        reports.append((sid, encode_report(submission)))
    return make_bundle_from_raw(reports, signing_key=signing_key, recipient=recipient,
                                bundle_id=bundle_id, created_at=created_at)


def write_bundle_file(path: Path, data: bytes) -> None:
    """Write bundle bytes atomically (temporary file + rename); never leaves half a bundle."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileSystemError(f"cannot write {path}: {exc.strerror or exc}") from None
