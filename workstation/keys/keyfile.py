"""The key file: a small JSON file next to the database holding its wrapped data key.

The database is encrypted with a random 32-byte data key. The key file holds one copy
of it per reviewer, sealed under a key derived from that reviewer's passphrase, and one
sealed under the recovery code. A reviewer's slot also holds their Ed25519 signing key,
sealed under the same passphrase-derived key. The file is not secret, but it is
integrity-checked twice: a SHA-256 checksum catches damage and casual edits before any
passphrase is tried, and an HMAC keyed from the data key proves, once unlocked, that it
was written by someone holding the key.

Version 2 slots hold an age (X25519) identity sealed under the passphrase-derived key, its
public recipient in the clear, and the data key encrypted to that recipient. Re-keying the
database (a reviewer deactivated) then needs only the recipients: the new data key is
encrypted to every remaining slot without knowing anyone's passphrase, and the removed
reviewer's identity opens nothing new. A version 1 slot is converted when it is next opened.
The HMAC-covered part also records the roster (names, active flags, key ids) and the audit
chain's head (seq, hash) at the last roster change, signature and lock: the database must
agree with both (see workstation/session.py).
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

import pyrage
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
VERSION = 2
RECOVERY = "recovery"
REVIEWER = "reviewer"
MAX_KEYFILE_BYTES = 1024 * 1024


def keyfile_path_for(database: Path) -> Path:
    return Path(str(database) + ".keys")


def pending_path_for(keyfile: Path) -> Path:
    """Where a re-key writes the new key file before the database is re-keyed."""
    return Path(str(keyfile) + ".pending")


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
        self._converted: list[dict[str, Any]] = []  # version 1 slots converted on opening

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

    def save(self, path: Path | None = None) -> None:
        """Write atomically (to `path`, or its own path): the old file stays whole until the
        new one is complete."""
        if not self._doc["slots"]:
            raise ValueError("a key file without slots would lock everyone out")
        self._doc["checksum"] = _checksum(self._doc)
        data = json.dumps(self._doc, indent=2, sort_keys=True).encode("utf-8") + b"\n"
        write_atomically(self.path if path is None else path, data)

    # ----- facts -----------------------------------------------------------------

    @property
    def database_id(self) -> str:
        return str(self._doc["database_id"])

    @property
    def database_salt(self) -> bytes:
        return bytes.fromhex(self._doc["database_salt"])

    def reviewer_names(self) -> list[str]:
        return sorted(s["name"] for s in self._doc["slots"] if s["kind"] == REVIEWER)

    def has_reviewer(self, name: str) -> bool:
        return self._find(REVIEWER, name) is not None

    def copy(self) -> KeyFile:
        return KeyFile(copy.deepcopy(self._doc), self.path)

    # ----- roster and chain head (HMAC-covered) ----------------------------------

    def roster(self) -> list[dict[str, Any]] | None:
        """[{name, active, key_id}] as recorded at the last roster change (None: not yet)."""
        roster = self._doc.get("roster")
        return None if roster is None else [dict(r) for r in roster]

    def set_roster(self, roster: list[dict[str, Any]]) -> None:
        self._doc["roster"] = sorted(
            ({"name": str(r["name"]), "active": bool(r["active"]), "key_id": str(r["key_id"])}
             for r in roster), key=lambda r: r["name"])

    def deactivated(self, name: str) -> bool:
        return any(r["name"] == name and not r["active"] for r in self.roster() or [])

    def chain_head(self) -> tuple[int, str] | None:
        head = self._doc.get("chain_head")
        return None if head is None else (int(head["seq"]), str(head["hash"]))

    def set_chain_head(self, seq: int, digest: str) -> None:
        self._doc["chain_head"] = {"seq": int(seq), "hash": str(digest)}

    def apply_conversions(self) -> bool:
        """Put the version 2 form of the slots opened since loading in place (then
        authenticate and save); whether there were any."""
        for converted in self._converted:
            self._doc["slots"] = [s for s in self._doc["slots"]
                                  if not (s["kind"] == converted["kind"] and s["name"] == converted["name"])]
            self._doc["slots"].append(converted)
        done, self._converted = bool(self._converted), []
        return done

    def old_format_slots(self) -> list[str]:
        """Slots that cannot take a new data key without their passphrase (version 1)."""
        return [s["name"] for s in self._doc["slots"] if "recipient" not in s]

    def rekeyed(self, new_key: bytes | bytearray, *, without: str | None = None) -> KeyFile:
        """A copy for a new data key: `without`'s slot removed, every other slot given the new
        key through its recipient (no passphrase needed). Not authenticated yet."""
        updated = self.copy()
        if without is not None:
            updated.remove_reviewer_slot(without)
        old = updated.old_format_slots()
        if old:
            raise ValueError(f"slots in the version 1 format: {', '.join(old)}")
        for slot in updated._doc["slots"]:
            slot["data_key_box"] = _box(new_key, slot["recipient"])
        return updated

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
        """Set the HMAC that proves this file was written by a key holder (in this version's format)."""
        self._doc["version"] = VERSION
        self._doc["mac"] = _mac(data_key, self._doc)

    def verify(self, data_key: bytes | bytearray) -> None:
        if not hmac.compare_digest(str(self._doc.get("mac", "")), _mac(data_key, self._doc)):
            raise DamagedError(
                f"The key file {self.path} was modified by someone who does not hold the "
                "database key. Restore it from the backup made with the database."
            )

    def _find(self, kind: str, name: str) -> dict[str, Any] | None:
        slots: list[dict[str, Any]] = self._doc["slots"]
        return next((s for s in slots if s["kind"] == kind and s["name"] == name), None)

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
            slot: dict[str, Any] = {"kind": kind, "name": name, "kdf": kdf.to_json(), "salt": b64(salt)}
            self._seal_version2(slot, kek, data_key)
            if signing_seed is not None:
                slot["signing_key"] = seal(kek, signing_seed, self._aad(kind, name, "signing-key"))
        finally:
            kek[:] = bytes(len(kek))
        self._doc["slots"] = [
            s for s in self._doc["slots"] if not (s["kind"] == kind and s["name"] == name)
        ] + [slot]

    def _seal_version2(self, slot: dict[str, Any], kek: bytearray, data_key: bytes | bytearray) -> None:
        """A fresh age identity for the slot, sealed under `kek`; the data key encrypted to it."""
        identity = pyrage.x25519.Identity.generate()
        slot.pop("data_key", None)
        slot["recipient"] = str(identity.to_public())
        slot["identity"] = seal(kek, str(identity).encode("ascii"),
                                self._aad(slot["kind"], slot["name"], "age-identity"))
        slot["data_key_box"] = _box(data_key, slot["recipient"])

    def _open_slot(self, slot: dict[str, Any], secret_text: str) -> UnlockedSlot | None:
        try:
            salt = unb64(slot["salt"])
        except (KeyError, ValueError):
            raise DamagedError(f"The key file {self.path} is damaged (bad salt).") from None
        kek = derive_key(secret_text, salt, KdfParams.from_json(slot.get("kdf")))
        kind, name = slot["kind"], slot["name"]
        try:
            if "recipient" in slot:
                data_key = self._open_version2(slot, kek)
            else:
                data_key = unseal(kek, slot.get("data_key", {}), self._aad(kind, name, "data-key"))
                converted = copy.deepcopy(slot)
                self._seal_version2(converted, kek, data_key)
                self._converted.append(converted)  # applied after verify(): the MAC covers slots
            seed = None
            if "signing_key" in slot:
                seed = unseal(kek, slot["signing_key"], self._aad(kind, name, "signing-key"))
        except SealError:
            return None
        finally:
            kek[:] = bytes(len(kek))
        return UnlockedSlot(data_key, seed)

    def _open_version2(self, slot: dict[str, Any], kek: bytearray) -> bytearray:
        secret = unseal(kek, slot.get("identity", {}), self._aad(slot["kind"], slot["name"], "age-identity"))
        try:
            identity = pyrage.x25519.Identity.from_str(secret.decode("ascii"))
            if str(identity.to_public()) != slot.get("recipient"):
                raise DamagedError(f"The key file {self.path} is damaged (a slot's recipient was changed).")
            return bytearray(pyrage.decrypt(unb64(slot.get("data_key_box")), [identity]))
        except (pyrage.DecryptError, pyrage.IdentityError, UnicodeDecodeError, ValueError):
            raise DamagedError(
                f"The key file {self.path} is damaged (a slot's data key does not open).") from None
        finally:
            secret[:] = bytes(len(secret))

    def _aad(self, kind: str, name: str, purpose: str) -> bytes:
        return rfc8785.dumps(
            {"database_id": self.database_id, "kind": kind, "name": name, "purpose": purpose}
        )


def _box(data_key: bytes | bytearray, recipient: str) -> str:
    try:
        return b64(pyrage.encrypt(bytes(data_key), [pyrage.x25519.Recipient.from_str(recipient)]))
    except (pyrage.EncryptError, pyrage.RecipientError):
        raise DamagedError("The key file is damaged (a slot's recipient is not an age key).") from None


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
        f"The file {path} could not be written ({exc.strerror}); it is as it was."
    )
