"""Argon2id: the key that wraps a reviewer's copy of the data key comes from their passphrase.

Parameters (RFC 9106's second recommended option, with more memory): 256 MiB, 3 passes,
1 lane, 16-byte random salt per slot, 32-byte output. About 0.7 s on a 2-core laptop-class
machine. Parameters are stored with each slot so that they can be raised later without
locking anyone out; when read back they are bounded so a tampered key file cannot ask
for absurd amounts of memory or time.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from workstation.errors import DamagedError

KEY_SIZE = 32
SALT_SIZE = 16


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 256 * 1024
    parallelism: int = 1

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        try:
            params = cls(int(data["time_cost"]), int(data["memory_kib"]), int(data["parallelism"]))
            algorithm = data["algorithm"]
        except (KeyError, TypeError, ValueError):
            raise DamagedError("The key file is damaged (unreadable key-derivation settings).") from None
        if (
            algorithm != "argon2id"
            or not 1 <= params.time_cost <= 20
            or not 8 * 1024 <= params.memory_kib <= 2 * 1024 * 1024
            or not 1 <= params.parallelism <= 16
        ):
            raise DamagedError("The key file is damaged (key-derivation settings out of range).")
        return params


DEFAULT_KDF = KdfParams()


def normalise_passphrase(passphrase: str) -> bytearray:
    """NFC, so the same passphrase typed on another system derives the same key."""
    return bytearray(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytearray:
    secret = normalise_passphrase(passphrase)
    try:
        return bytearray(
            hash_secret_raw(
                bytes(secret),
                salt,
                time_cost=params.time_cost,
                memory_cost=params.memory_kib,
                parallelism=params.parallelism,
                hash_len=KEY_SIZE,
                type=Type.ID,
            )
        )
    finally:
        secret[:] = bytes(len(secret))
