"""Open an untrusted .nmbundle: every check before any report is parsed.

Order (docs/bundle-format.md): size cap by stat, decrypt, archive structure, verify the
manifest signature with a trusted key, parse the manifest, check the recipient, then
read each report counting bytes and check size, compression ratio and sha256.
Nothing is written to disk and member names are never used as paths.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from workstation.intake import bundle_format as fmt
from workstation.intake.bundle_format import BundleRejected, Manifest, parse_manifest
from workstation.intake.submission_schema import safe_name

AGE_MAGIC = b"age-encryption.org/v1\n"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Content that is itself an archive or compressed stream (a nested archive).
ARCHIVE_MAGICS = (*ZIP_MAGICS, b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c",
                  b"Rar!", b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE-----",
                  b"\x28\xb5\x2f\xfd")
ARCHIVE_SUFFIXES = (".zip", ".nmbundle", ".age", ".gz", ".tgz", ".tar", ".7z", ".rar",
                    ".bz2", ".xz", ".zst", ".jar")
READ_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_SYMLINK_MODE = 0o120000


@dataclass(frozen=True)
class OpenedBundle:
    """A verified bundle: the manifest, its signer, and the raw reports in manifest order."""

    manifest: Manifest
    signer_key: bytes
    reports: list[tuple[str, bytes]]


def _refuse(detail: str) -> BundleRejected:
    return BundleRejected(f"Bundle refused: {detail}.")


def _show(name: str) -> str:
    return f"'{safe_name(name, 80)}'"


def _read_capped(path: Path) -> bytes:
    """Read the file only if stat() says it is a regular file within the size cap."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _refuse(f"the file {path.name} does not exist") from None
    except OSError as exc:
        raise _refuse(f"the file {path.name} cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(f"{path.name} is not a regular file")
    if info.st_size > fmt.MAX_BUNDLE_BYTES:
        raise _refuse(f"the file is larger than {fmt.MAX_BUNDLE_BYTES // fmt.MiB} MiB "
                      f"({info.st_size} bytes)")
    try:
        with open(path, "rb") as handle:
            data = handle.read(fmt.MAX_BUNDLE_BYTES + 1)
    except OSError as exc:
        raise _refuse(f"the file {path.name} cannot be read ({exc.strerror or exc})") from None
    if len(data) > fmt.MAX_BUNDLE_BYTES:  # grew after stat()
        raise _refuse(f"the file is larger than {fmt.MAX_BUNDLE_BYTES // fmt.MiB} MiB")
    return data


def _decrypt(data: bytes, identities: Sequence[pyrage.x25519.Identity],
             expired: Sequence[pyrage.x25519.Identity] = ()) -> bytes:
    if not data:
        raise _refuse("the file is empty")
    if data.startswith(ZIP_MAGICS):
        raise _refuse("the file is a plain ZIP archive, not an encrypted bundle")
    if not data.startswith(AGE_MAGIC):
        raise _refuse("the file is not an age-encrypted bundle")
    try:
        return bytes(pyrage.decrypt(data, list(identities)))
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            if expired and _opens_with(data, expired):  # only to choose the message
                raise _refuse("the bundle is encrypted to this workstation's previous key, which was "
                              "retired and is no longer accepted; ask intake to encrypt to the "
                              "current recipient (`workstation keys show`)") from None
            raise _refuse("the bundle is not encrypted to this workstation's key") from None
        raise _refuse("the bundle cannot be decrypted: it is damaged or truncated") from None


def _opens_with(data: bytes, identities: Sequence[pyrage.x25519.Identity]) -> bool:
    try:
        pyrage.decrypt(data, list(identities))
    except pyrage.DecryptError:
        return False
    return True


def _check_member_name(info: zipfile.ZipInfo, seen: set[str]) -> None:
    name = info.filename
    if info.orig_filename != name or "\x00" in name:
        raise _refuse(f"a member name contains a NUL byte ({_show(name)})")
    if not name:
        raise _refuse("a member has an empty name")
    if "\\" in name:
        raise _refuse(f"member {_show(name)} contains a backslash")
    if name.startswith("/") or _DRIVE.match(name):
        raise _refuse(f"member {_show(name)} has an absolute path")
    if ".." in name.split("/"):
        raise _refuse(f"member {_show(name)} has a '..' path component")
    if stat.S_IFMT(info.external_attr >> 16) == _SYMLINK_MODE:
        raise _refuse(f"member {_show(name)} is a symbolic link")
    if info.is_dir():
        raise _refuse(f"member {_show(name)} is a directory")
    if name in seen:
        raise _refuse(f"member {_show(name)} appears more than once (duplicate member)")
    seen.add(name)
    if name.lower().endswith(ARCHIVE_SUFFIXES):
        raise _refuse(f"member {_show(name)} is a nested archive")
    if info.flag_bits & 0x1:
        raise _refuse(f"member {_show(name)} is encrypted inside the archive")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _refuse(f"member {_show(name)} uses an unsupported compression method")


def _open_archive(plaintext: bytes) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(plaintext))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise _refuse("the decrypted content is not a valid ZIP archive") from None
    infos = archive.infolist()
    if len(infos) > fmt.MAX_MEMBERS:
        raise _refuse(f"the archive has {len(infos)} members, more than {fmt.MAX_REPORTS} reports "
                      "plus the manifest and its signature")
    seen: set[str] = set()
    for info in infos:
        _check_member_name(info, seen)
    return archive, {info.filename: info for info in infos}


class _Budget:
    """Decompressed bytes left for the whole archive (a guard on memory)."""

    def __init__(self) -> None:
        self.left = fmt.MAX_TOTAL_BYTES

    def take(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise _refuse(f"the members add up to more than {fmt.MAX_TOTAL_BYTES // fmt.MiB} MiB")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                 budget: _Budget) -> bytes:
    """Read one member, counting bytes as they come (header sizes are not trusted)."""
    name = _show(info.filename)
    too_big = _refuse(f"member {name} is larger than {limit // fmt.MiB} MiB")
    if info.file_size > limit:
        raise too_big
    chunks: list[bytes] = []
    count = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(READ_CHUNK):
                count += len(chunk)
                if count > limit:
                    raise too_big
                budget.take(len(chunk))
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
            NotImplementedError, ValueError):
        raise _refuse(f"member {name} is damaged in the archive") from None
    if count > fmt.MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
        raise _refuse(f"member {name} has a compression ratio over {fmt.MAX_COMPRESSION_RATIO}")
    return b"".join(chunks)


def _signed_by(key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, data)
    except InvalidSignature:
        return False
    return True


def _verify_signature(manifest_bytes: bytes, signature: bytes,
                      trusted_keys: Collection[bytes], withdrawn: Collection[bytes] = ()) -> bytes:
    """Return the trusted key that signed the manifest, or refuse with the likely cause."""
    for key in trusted_keys:
        if _signed_by(key, signature, manifest_bytes):
            return bytes(key)
    for key in withdrawn:
        if _signed_by(key, signature, manifest_bytes):
            raise _refuse(f"the manifest is signed by a withdrawn intake key ({fmt.format_intake_key(key)}); "
                          "bundles it signs are refused")
    if not trusted_keys:
        raise _refuse("no trusted intake keys are configured on this workstation")
    # Only to choose the message: does it verify with the key the manifest names?
    claimed = fmt.peek_intake_key(manifest_bytes)
    if claimed is not None:
        try:
            Ed25519PublicKey.from_public_bytes(claimed).verify(signature, manifest_bytes)
        except (InvalidSignature, ValueError):
            pass
        else:
            raise _refuse(f"the manifest is signed by an untrusted intake key "
                          f"({fmt.format_intake_key(claimed)})")
    raise _refuse("the manifest signature is not valid (the bundle was altered, "
                  "or signed by an untrusted key)")


def _check_magic(name: str, data: bytes) -> None:
    if data.startswith(ARCHIVE_MAGICS):
        raise _refuse(f"member {_show(name)} is a nested archive")


@dataclass(frozen=True)
class Keys:
    """What a workstation opens bundles with beside its current identity: identities retired
    within their grace period (still accepted), those past it (refused with a plain reason),
    and intake keys withdrawn (refused with a plain reason)."""

    older: Sequence[tuple[pyrage.x25519.Identity, str]] = ()  # (identity, its recipient)
    expired: Sequence[pyrage.x25519.Identity] = ()
    withdrawn: Collection[bytes] = ()


def open_bundle_bytes(
    data: bytes,
    *,
    identity: pyrage.x25519.Identity,
    recipient: str,
    trusted_keys: Collection[bytes],
    keys: Keys = Keys(),
) -> OpenedBundle:
    """Every check after the size cap, on bundle bytes already read."""
    if len(data) > fmt.MAX_BUNDLE_BYTES:
        raise _refuse(f"the file is larger than {fmt.MAX_BUNDLE_BYTES // fmt.MiB} MiB")
    if recipient.strip() != str(identity.to_public()):
        raise ValueError("recipient is not the public side of identity")  # caller bug
    plaintext = _decrypt(data, [identity, *(i for i, _ in keys.older)], keys.expired)
    archive, members = _open_archive(plaintext)
    budget = _Budget()
    for required in (fmt.MANIFEST_NAME, fmt.SIGNATURE_NAME):
        if required not in members:
            raise _refuse(f"{required} is missing from the archive")
    signature = _read_member(archive, members[fmt.SIGNATURE_NAME], fmt.MAX_MEMBER_BYTES, budget)
    if len(signature) != fmt.SIGNATURE_SIZE:
        raise _refuse(f"{fmt.SIGNATURE_NAME} is not a {fmt.SIGNATURE_SIZE}-byte signature")
    manifest_bytes = _read_member(archive, members[fmt.MANIFEST_NAME], fmt.MAX_MANIFEST_BYTES,
                                  budget)
    signer = _verify_signature(manifest_bytes, signature, trusted_keys, keys.withdrawn)
    manifest = parse_manifest(manifest_bytes)
    if manifest.intake_key != signer:
        raise _refuse("the manifest's intake_key is not the key that signed it")
    if manifest.recipient not in (recipient.strip(), *(r for _, r in keys.older)):
        raise _refuse("the bundle was made for another workstation (the manifest recipient "
                      "is not this workstation)")
    listed = {entry.path for entry in manifest.reports}
    for name in members:
        if name not in listed and name not in (fmt.MANIFEST_NAME, fmt.SIGNATURE_NAME):
            raise _refuse(f"member {_show(name)} is not listed in the manifest")
    reports: list[tuple[str, bytes]] = []
    for entry in manifest.reports:
        info = members.get(entry.path)
        if info is None:
            raise _refuse(f"listed report {_show(entry.path)} is missing from the archive")
        raw = _read_member(archive, info, fmt.MAX_MEMBER_BYTES, budget)
        if len(raw) != entry.size:
            raise _refuse(f"member {_show(entry.path)} has {len(raw)} bytes, "
                          f"the manifest says {entry.size} (size mismatch)")
        if hashlib.sha256(raw).hexdigest() != entry.sha256:
            raise _refuse(f"member {_show(entry.path)} does not match its sha256 in the manifest "
                          "(hash mismatch)")
        _check_magic(entry.path, raw)
        reports.append((entry.submission_id, raw))
    return OpenedBundle(manifest=manifest, signer_key=signer, reports=reports)


def read_bundle(
    path: Path,
    *,
    identity: pyrage.x25519.Identity,
    recipient: str,
    trusted_keys: Collection[bytes],
    keys: Keys = Keys(),
) -> OpenedBundle:
    """Open and verify a bundle file; raises BundleRejected with one specific message."""
    return open_bundle_bytes(_read_capped(Path(path)), identity=identity, recipient=recipient,
                             trusted_keys=trusted_keys, keys=keys)
