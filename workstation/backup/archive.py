"""The backup file: a tar of the database and its key file (with a manifest of hashes),
encrypted with age to a passphrase (scrypt). See docs/backup-format.md.

Unpacking trusts nothing in the file: the passphrase must open it (age authenticates every
chunk), the tar may hold only the expected regular files, each at most MAX_MEMBER_BYTES,
and each must match the size and SHA-256 the manifest gives.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from dataclasses import dataclass
from typing import Any

import pyrage

from workstation.errors import AuthenticationError, DamagedError, InputError

FORMAT = "near-miss-backup/1"
MANIFEST = "manifest.json"
DATABASE = "database"
KEYFILE = "keyfile"
PENDING_KEYFILE = "keyfile.pending"  # a key file change that was under way (keys/pending.py)
MEMBERS = (DATABASE, KEYFILE, PENDING_KEYFILE)
MAX_MEMBER_BYTES = 64 * 1024**3
MAX_MANIFEST_BYTES = 64 * 1024
AGE_MAGIC = b"age-encryption.org/v1\n"


@dataclass(frozen=True)
class Contents:
    manifest: dict[str, Any]
    files: dict[str, bytes]  # DATABASE, KEYFILE and, when there was one, PENDING_KEYFILE


def pack(files: dict[str, bytes], about: dict[str, Any], passphrase: str) -> bytes:
    """The encrypted backup file's bytes. `about`: what the manifest says besides the files
    (database id, audit head, time; never report text)."""
    manifest = {"format": FORMAT, **about,
                "files": [{"name": n, "bytes": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                          for n, d in files.items()]}
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in ((MANIFEST, json.dumps(manifest, indent=2).encode()), *files.items()):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o600
            tar.addfile(info, io.BytesIO(data))
    return pyrage.passphrase.encrypt(buffer.getvalue(), passphrase)


def unpack(data: bytes, passphrase: str) -> Contents:
    if not data.startswith(AGE_MAGIC):
        raise InputError("This is not a workstation backup file (it is not age-encrypted).")
    try:
        plain = pyrage.passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError:
        raise AuthenticationError("The backup did not open: wrong backup passphrase, or the file "
                                  "was damaged or altered.") from None
    members: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
            for info in tar:
                if info.name not in (MANIFEST, *MEMBERS) or not info.isreg() or info.name in members:
                    raise DamagedError("The backup holds something it should not; it was not restored.")
                limit = MAX_MANIFEST_BYTES if info.name == MANIFEST else MAX_MEMBER_BYTES
                if info.size > limit:
                    raise DamagedError("The backup holds a file that is too large; it was not restored.")
                handle = tar.extractfile(info)
                assert handle is not None  # a regular file
                members[info.name] = handle.read()
    except tarfile.TarError:
        raise DamagedError("The backup's contents are damaged; it was not restored.") from None
    manifest = _manifest(members.pop(MANIFEST, None))
    listed = {f["name"]: f for f in manifest["files"]}
    if set(listed) != set(members) or not {DATABASE, KEYFILE} <= set(members):
        raise DamagedError("The backup's files do not match its manifest; it was not restored.")
    for name, content in members.items():
        entry = listed[name]
        if len(content) != entry["bytes"] or hashlib.sha256(content).hexdigest() != entry["sha256"]:
            raise DamagedError(f"The backup's {name} does not match its manifest; it was not restored.")
    return Contents(manifest, members)


def _manifest(raw: bytes | None) -> dict[str, Any]:
    try:
        manifest = json.loads(raw or b"")
    except ValueError:
        raise DamagedError("The backup has no readable manifest; it was not restored.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError("This backup was made by another version of the program (unknown format).")
    files = manifest.get("files")
    if not isinstance(files, list) or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str) and isinstance(f.get("bytes"), int)
            and isinstance(f.get("sha256"), str) for f in files):
        raise DamagedError("The backup's manifest is damaged; it was not restored.")
    return manifest
