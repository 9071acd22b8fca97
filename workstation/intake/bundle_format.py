"""The .nmbundle format: limits, member names, and the signed manifest (docs/bundle-format.md)."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from workstation.errors import InputError
from workstation.intake.strict_json import StrictJSONError, parse_strict_json

FORMAT_NAME = "near-miss-bundle"
FORMAT_VERSION = 1
FILE_SUFFIX = ".nmbundle"

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
REPORTS_DIR = "reports/"
SIGNATURE_SIZE = 64
INTAKE_KEY_PREFIX = "ed25519:"

MiB = 1024 * 1024
MAX_BUNDLE_BYTES = 64 * MiB  # checked with stat() before anything is read
MAX_REPORTS = 10_000  # report members in one bundle
MAX_MEMBERS = MAX_REPORTS + 2  # the reports, the manifest and its signature
MAX_MEMBER_BYTES = 1 * MiB  # every report
MAX_MANIFEST_BYTES = 4 * MiB  # the manifest of 10,000 reports needs about 2.2 MB
MAX_TOTAL_BYTES = 256 * MiB  # all members decompressed, a guard on memory
MAX_COMPRESSION_RATIO = 100

MANIFEST_KEYS = ("format", "version", "bundle_id", "created_at", "intake_key", "recipient",
                 "reports")
ENTRY_KEYS = ("submission_id", "path", "size", "sha256")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_KEY_HEX = re.compile(r"[0-9a-f]{64}")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z")
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")


class BundleRejected(InputError):
    """The whole bundle is refused; the message says which check failed."""


@dataclass(frozen=True)
class ManifestEntry:
    submission_id: str
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    created_at: str
    intake_key: bytes  # 32-byte Ed25519 public key
    recipient: str
    reports: tuple[ManifestEntry, ...]


def report_path(submission_id: str) -> str:
    return f"{REPORTS_DIR}{submission_id}.json"


def format_intake_key(public_key: bytes) -> str:
    return INTAKE_KEY_PREFIX + public_key.hex()


def utc_timestamp(moment: datetime | None = None) -> str:
    """RFC 3339 UTC with a Z and whole seconds, as used in manifests."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def is_canonical_uuid(text: object) -> bool:
    return isinstance(text, str) and _UUID.fullmatch(text) is not None


def manifest_to_json(manifest: Manifest) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "bundle_id": manifest.bundle_id,
        "created_at": manifest.created_at,
        "intake_key": format_intake_key(manifest.intake_key),
        "recipient": manifest.recipient,
        "reports": [
            {"submission_id": e.submission_id, "path": e.path, "size": e.size, "sha256": e.sha256}
            for e in manifest.reports
        ],
    }


def encode_manifest(manifest: Manifest) -> bytes:
    """The exact manifest.json bytes that get signed (UTF-8, ASCII-only, no spaces)."""
    return json.dumps(manifest_to_json(manifest), separators=(",", ":")).encode("ascii")


def new_bundle_id() -> str:
    return str(uuid.uuid4())


def _fail(detail: str) -> BundleRejected:
    return BundleRejected(f"Bundle refused: the manifest {detail}.")


def _parse_entry(index: int, item: Any) -> ManifestEntry:
    where = f"report entry {index + 1}"
    if not isinstance(item, dict) or set(item) != set(ENTRY_KEYS):
        raise _fail(f"{where} must have exactly the fields {', '.join(ENTRY_KEYS)}")
    submission_id, path, size, digest = (item[k] for k in ENTRY_KEYS)
    if not is_canonical_uuid(submission_id):
        raise _fail(f"{where} has a submission_id that is not a lower-case UUID")
    if path != report_path(submission_id):
        raise _fail(f"{where} has a path other than reports/<submission_id>.json")
    if type(size) is not int or not 0 < size <= MAX_MEMBER_BYTES:
        raise _fail(f"{where} has a size that is not a whole number from 1 to {MAX_MEMBER_BYTES}")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise _fail(f"{where} has a sha256 that is not 64 lower-case hex digits")
    return ManifestEntry(submission_id, path, size, digest)


def parse_manifest(raw: bytes) -> Manifest:
    """Strictly parse and check manifest.json bytes (after the signature was verified)."""
    try:
        data = parse_strict_json(raw)
    except StrictJSONError as exc:
        raise _fail(f"is not strict JSON ({exc.reason})") from None
    if not isinstance(data, dict) or set(data) != set(MANIFEST_KEYS):
        raise _fail(f"must be an object with exactly the fields {', '.join(MANIFEST_KEYS)}")
    if data["format"] != FORMAT_NAME:
        raise _fail(f"format is not {FORMAT_NAME!r}")
    if type(data["version"]) is not int or data["version"] != FORMAT_VERSION:
        raise _fail(f"version is not {FORMAT_VERSION} (made by a newer or unknown program?)")
    if not is_canonical_uuid(data["bundle_id"]):
        raise _fail("bundle_id is not a lower-case UUID")
    created = data["created_at"]
    if not isinstance(created, str) or not _TIMESTAMP.fullmatch(created):
        raise _fail("created_at is not an RFC 3339 UTC timestamp")
    try:
        datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        raise _fail("created_at is not a real date and time") from None
    key = data["intake_key"]
    if not (isinstance(key, str) and key.startswith(INTAKE_KEY_PREFIX)
            and _KEY_HEX.fullmatch(key[len(INTAKE_KEY_PREFIX):])):
        raise _fail("intake_key is not 'ed25519:' + 64 lower-case hex digits")
    recipient = data["recipient"]
    if not isinstance(recipient, str) or not _RECIPIENT.fullmatch(recipient):
        raise _fail("recipient is not an age recipient (age1...)")
    reports = data["reports"]
    if not isinstance(reports, list):
        raise _fail("reports is not a list")
    if not reports:
        raise _fail("lists no reports")
    if len(reports) > MAX_REPORTS:
        raise _fail(f"lists more than {MAX_REPORTS} reports")
    entries = tuple(_parse_entry(i, item) for i, item in enumerate(reports))
    if len({e.submission_id for e in entries}) != len(entries):
        raise _fail("lists the same submission_id twice")
    return Manifest(
        bundle_id=data["bundle_id"],
        created_at=created,
        intake_key=bytes.fromhex(key[len(INTAKE_KEY_PREFIX):]),
        recipient=recipient,
        reports=entries,
    )


def peek_intake_key(raw: bytes) -> bytes | None:
    """The key a manifest claims, for a better message when its signature fails; else None."""
    try:
        data = parse_strict_json(raw)
    except StrictJSONError:
        return None
    key = data.get("intake_key") if isinstance(data, dict) else None
    if isinstance(key, str) and key.startswith(INTAKE_KEY_PREFIX):
        hex_part = key[len(INTAKE_KEY_PREFIX):]
        if _KEY_HEX.fullmatch(hex_part):
            return bytes.fromhex(hex_part)
    return None
