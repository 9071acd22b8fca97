"""Authenticated encryption of small secrets (keys) under a key-encryption key: AES-256-GCM.

The associated data binds each sealed secret to where it belongs (database, slot, purpose),
so a sealed key copied to another slot does not open.
"""

from __future__ import annotations

import base64
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from workstation.errors import SealError

NONCE_SIZE = 12


def b64(data: bytes | bytearray) -> str:
    return base64.b64encode(bytes(data)).decode("ascii")


def unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def seal(kek: bytes | bytearray, secret: bytes | bytearray, aad: bytes) -> dict[str, str]:
    nonce = os.urandom(NONCE_SIZE)
    sealed = AESGCM(bytes(kek)).encrypt(nonce, bytes(secret), aad)
    return {"nonce": b64(nonce), "sealed": b64(sealed)}


def unseal(kek: bytes | bytearray, box: dict[str, str], aad: bytes) -> bytearray:
    try:
        nonce, sealed = unb64(box["nonce"]), unb64(box["sealed"])
        return bytearray(AESGCM(bytes(kek)).decrypt(nonce, sealed, aad))
    except (InvalidTag, KeyError, ValueError, TypeError):
        raise SealError from None
