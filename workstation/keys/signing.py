"""Reviewers' Ed25519 signing keys (sign-off signatures are made with these)."""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def new_signing_seed() -> bytearray:
    """A fresh 32-byte Ed25519 private seed."""
    key = Ed25519PrivateKey.generate()
    return bytearray(key.private_bytes_raw())


def public_key_of(seed: bytes | bytearray) -> bytes:
    private = Ed25519PrivateKey.from_private_bytes(bytes(seed))
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign(seed: bytes | bytearray, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(bytes(seed)).sign(message)


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def key_id(public_key: bytes) -> str:
    """A short, stable name for a public key (shown instead of reviewer names on exports)."""
    return hashlib.sha256(public_key).hexdigest()[:16]
