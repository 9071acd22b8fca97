"""The key file: a small JSON file next to the database holding its wrapped data key.

The database is encrypted with a random 32-byte data key. The key file holds one copy
of it per reviewer, sealed under a key derived from that reviewer's passphrase, and one
sealed under the recovery code. A reviewer's slot also holds their Ed25519 signing key,
sealed under the same passphrase-derived key. The file is not secret, but it is
integrity-checked twice: a SHA-256 checksum catches damage and casual edits before any
passphrase is tried, and an HMAC keyed from the data key proves, once unlocked, that it
was written by someone holding the key.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import hmac
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rfc8785
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from workstation.errors import (
    AuthenticationError,
    DamagedError,
    FileSystemError,
    NotWorkstationDatabaseError,
    TooNewError,
)
from workstation.keys.kdf import DEFAULT_KDF, SALT_SIZE, KdfParams, derive_key
from workstation.keys.sealing import SealError, b64, seal, unb64, unseal

FORMAT = "near-miss-workstation-keys"
VERSION = 1
RECOVERY = "recovery"
REVIEWER = "reviewer"
MAX_KEYFILE_BYTES = 1024 * 1024


def keyfile_path_for(database: Path) -> Path:
    return Path(str(database) + ".keys")


@dataclass
class UnlockedSlot:
    """What a passphrase (or recovery code) opens. Call wipe() when done."""

    data_key: bytearray
    signing_seed: bytearray | None

    def wipe(self) -> None:
        self.data_key[:] = bytes(len(self.data_key))
        if self.signing_seed is not None:
            self.signing_seed[:] = bytes(len(self.signing_seed))


class KeyFile:
    def __init__(self, document: dict[str, Any], path: Path) -> None:
        self._doc = document
        self.path = path

    # ----- creating and reading ------------------------------------------------

    @classmethod
    def new(cls, path: Path, *, database_id: str, database_salt: bytes) -> KeyFile:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "database_id": database_id,
            "database_salt": database_salt.hex(),
            "slots": [],
        }
        return cls(doc, path)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = _read_limited(path)
        except FileNotFoundError:
            raise FileSystemError(
                f"The key file {path} is missing. The database cannot be opened without it: "
                "restore it from the backup made with the database."
            ) from None
        except OSError as exc:
            raise FileSystemError(f"The key file {path} cannot be read: {exc.strerror}.") from None
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise DamagedError(f"The key file {path} is damaged (it is not valid JSON).") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise NotWorkstationDatabaseError(f"{path} is not a workstation key file.")
        if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
            raise TooNewError(
                f"The key file {path} was made by a newer version of the workstation. "
                "Update the workstation to open it."
            )
        if doc.get("checksum") != _checksum(doc):
            raise DamagedError(
                f"The key file {path} has been edited or damaged (its checksum does not match). "
                "Restore it from the backup made with the database."
            )
        keyfile = cls(doc, path)
        keyfile._check_shape()
        return keyfile

    def _check_shape(self) -> None:
        try:
            bytes.fromhex(self._doc["database_salt"])
            assert isinstance(self._doc["database_id"], str)
            for slot in self._doc["slots"]:
                assert slot["kind"] in (REVIEWER, RECOVERY)
                assert isinstance(slot["name"], str)
        except (KeyError, TypeError, ValueError, AssertionError):
            raise DamagedError(f"The key file {self.path} is damaged (unexpected content).") from None

    def save(self) -> None:
        """Write atomically: the old file stays whole until the new one is complete."""
        if not self._doc["slots"]:
            raise ValueError("a key file without slots would lock everyone out")
        self._doc["checksum"] = _checksum(self._doc)
        data = json.dumps(self._doc, indent=2, sort_keys=True).encode("utf-8") + b"\n"
        write_atomically(self.path, data)

    # ----- facts -----------------------------------------------------------------

    @property
    def database_id(self) -> str:
        return self._doc["database_id"]

    @property
    def database_salt(self) -> bytes:
        return bytes.fromhex(self._doc["database_salt"])

    def reviewer_names(self) -> list[str]:
        return sorted(s["name"] for s in self._doc["slots"] if s["kind"] == REVIEWER)

    def has_reviewer(self, name: str) -> bool:
        return self._find(REVIEWER, name) is not None

    def copy(self) -> KeyFile:
        return KeyFile(copy.deepcopy(self._doc), self.path)

    # ----- slots -------------------------------------------------------------------

    def unlock_reviewer(self, name: str, passphrase: str) -> UnlockedSlot:
        slot = self._find(REVIEWER, name)
        if slot is None:
            raise AuthenticationError(f"There is no reviewer named {name!r} on this database.")
        opened = self._open_slot(slot, passphrase)
        if opened is None:
            raise AuthenticationError(f"Wrong passphrase for reviewer {name!r}.")
        return opened

    def unlock_recovery(self, code: str) -> UnlockedSlot:
        slot = self._find(RECOVERY, RECOVERY)
        opened = None if slot is None else self._open_slot(slot, code)
        if opened is None:
            raise AuthenticationError("That recovery code does not open this database.")
        return opened

    def set_reviewer_slot(
        self,
        name: str,
        passphrase: str,
        data_key: bytes | bytearray,
        signing_seed: bytes | bytearray,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> None:
        self._set_slot(REVIEWER, name, passphrase, data_key, signing_seed, kdf)

    def set_recovery_slot(
        self, code: str, data_key: bytes | bytearray, kdf: KdfParams = DEFAULT_KDF
    ) -> None:
        self._set_slot(RECOVERY, RECOVERY, code, data_key, None, kdf)

    def remove_reviewer_slot(self, name: str) -> None:
        self._doc["slots"] = [
            s for s in self._doc["slots"] if not (s["kind"] == REVIEWER and s["name"] == name)
        ]

    def authenticate(self, data_key: bytes | bytearray) -> None:
        """Set the HMAC that proves this file was written by a key holder."""
        self._doc["mac"] = _mac(data_key, self._doc)

    def verify(self, data_key: bytes | bytearray) -> None:
        if not hmac.compare_digest(str(self._doc.get("mac", "")), _mac(data_key, self._doc)):
            raise DamagedError(
                f"The key file {self.path} was modified by someone who does not hold the "
                "database key. Restore it from the backup made with the database."
            )

    def _find(self, kind: str, name: str) -> dict[str, Any] | None:
        for slot in self._doc["slots"]:
            if slot["kind"] == kind and slot["name"] == name:
                return slot
        return None

    def _set_slot(
        self,
        kind: str,
        name: str,
        secret_text: str,
        data_key: bytes | bytearray,
        signing_seed: bytes | bytearray | None,
        kdf: KdfParams,
    ) -> None:
        salt = os.urandom(SALT_SIZE)
        kek = derive_key(secret_text, salt, kdf)
        try:
            slot: dict[str, Any] = {
                "kind": kind,
                "name": name,
                "kdf": kdf.to_json(),
                "salt": b64(salt),
                "data_key": seal(kek, data_key, self._aad(kind, name, "data-key")),
            }
            if signing_seed is not None:
                slot["signing_key"] = seal(kek, signing_seed, self._aad(kind, name, "signing-key"))
        finally:
            kek[:] = bytes(len(kek))
        self._doc["slots"] = [
            s for s in self._doc["slots"] if not (s["kind"] == kind and s["name"] == name)
        ] + [slot]

    def _open_slot(self, slot: dict[str, Any], secret_text: str) -> UnlockedSlot | None:
        try:
            salt = unb64(slot["salt"])
        except (KeyError, ValueError):
            raise DamagedError(f"The key file {self.path} is damaged (bad salt).") from None
        kek = derive_key(secret_text, salt, KdfParams.from_json(slot.get("kdf")))
        kind, name = slot["kind"], slot["name"]
        try:
            data_key = unseal(kek, slot.get("data_key", {}), self._aad(kind, name, "data-key"))
            seed = None
            if "signing_key" in slot:
                seed = unseal(kek, slot["signing_key"], self._aad(kind, name, "signing-key"))
        except SealError:
            return None
        finally:
            kek[:] = bytes(len(kek))
        return UnlockedSlot(data_key, seed)

    def _aad(self, kind: str, name: str, purpose: str) -> bytes:
        return rfc8785.dumps(
            {"database_id": self.database_id, "kind": kind, "name": name, "purpose": purpose}
        )


def _signed_part(doc: dict[str, Any]) -> bytes:
    return rfc8785.dumps({k: v for k, v in doc.items() if k not in ("checksum", "mac")})


def _checksum(doc: dict[str, Any]) -> str:
    body = {k: v for k, v in doc.items() if k != "checksum"}
    return hashlib.sha256(rfc8785.dumps(body)).hexdigest()


def _mac(data_key: bytes | bytearray, doc: dict[str, Any]) -> str:
    mac_key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"near-miss keyfile mac v1"
    ).derive(bytes(data_key))
    return hmac.new(mac_key, _signed_part(doc), hashlib.sha256).hexdigest()


def _read_limited(path: Path) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(MAX_KEYFILE_BYTES + 1)
    if len(data) > MAX_KEYFILE_BYTES:
        raise DamagedError(f"The key file {path} is far too large to be a key file.")
    return data


def write_atomically(path: Path, data: bytes) -> None:
    """Write a temporary file beside `path`, fsync it, then rename it over `path`."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _filesystem_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise _filesystem_error(path, exc) from None


def _filesystem_error(path: Path, exc: OSError) -> FileSystemError:
    return FileSystemError(
        f"The key file {path} could not be written ({exc.strerror}); it is as it was."
    )
