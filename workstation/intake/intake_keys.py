"""Intake signing keys: PREFIX.key (hex Ed25519 seed, mode 0600) and PREFIX.pub (ed25519:hex)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from workstation.errors import FileSystemError, InputError
from workstation.intake.bundle_format import INTAKE_KEY_PREFIX, format_intake_key

KEY_SUFFIX = ".key"
PUB_SUFFIX = ".pub"
MAX_KEY_FILE_BYTES = 4096  # a key file is one short line; refuse anything big unread
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_paths(prefix: Path) -> tuple[Path, Path]:
    """(PREFIX.key, PREFIX.pub); the suffixes are appended, not substituted."""
    return prefix.with_name(prefix.name + KEY_SUFFIX), prefix.with_name(prefix.name + PUB_SUFFIX)


def _write_new(path: Path, text: str, mode: int) -> None:
    # O_EXCL: never overwrite an existing key; the mode applies at creation (no 0644 window).
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise FileSystemError(f"{path} already exists; not overwriting a key file") from None
    except OSError as exc:
        raise FileSystemError(f"cannot create {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "w", encoding="ascii", newline="\n") as handle:
        handle.write(text)


def generate_intake_key(prefix: Path) -> bytes:
    """Create PREFIX.key (0600) and PREFIX.pub; returns the 32-byte public key."""
    key_file, pub_file = key_paths(prefix)
    if pub_file.exists():
        raise FileSystemError(f"{pub_file} already exists; not overwriting a key file")
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes_raw()
    _write_new(key_file, seed.hex() + "\n", 0o600)
    public = public_bytes(private)
    _write_new(pub_file, format_intake_key(public) + "\n", 0o644)
    return public


def _read_line(path: Path, what: str) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE_BYTES + 1)
    except FileNotFoundError:
        raise FileSystemError(f"{what} {path} does not exist") from None
    except OSError as exc:
        raise FileSystemError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_KEY_FILE_BYTES:
        raise InputError(f"{path} is too large to be an {what}")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not an {what}: it is not plain text") from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != 1:
        raise InputError(f"{path} is not an {what}: expected exactly one line")
    return lines[0]


def parse_private_key(text: str) -> Ed25519PrivateKey:
    """64 hex digits of the Ed25519 seed -> private key."""
    text = text.strip()
    if text.startswith(INTAKE_KEY_PREFIX):
        raise InputError("this is a public key (ed25519:...); the private .key file is needed")
    if not _HEX64.fullmatch(text):
        raise InputError("a private intake key must be 64 hex digits (the 32-byte seed)")
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(text))


def parse_public_key(text: str) -> bytes:
    """'ed25519:' + 64 hex digits -> 32-byte public key (checked to be a valid point)."""
    text = text.strip()
    if not text.startswith(INTAKE_KEY_PREFIX):
        if _HEX64.fullmatch(text):
            raise InputError("this looks like a private key; a public key starts with 'ed25519:'")
        raise InputError("a public intake key must be 'ed25519:' followed by 64 hex digits")
    hex_part = text[len(INTAKE_KEY_PREFIX):]
    if not _HEX64.fullmatch(hex_part):
        raise InputError("a public intake key must be 'ed25519:' followed by 64 hex digits")
    raw = bytes.fromhex(hex_part)
    try:
        Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise InputError("the public intake key is not a valid Ed25519 key") from None
    return raw


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """Read PREFIX.key. Raises FileSystemError or InputError with a plain message."""
    line = _read_line(path, "intake private key")
    try:
        return parse_private_key(line)
    except InputError as exc:
        raise InputError(f"{path}: {exc.message}") from None


def load_public_key(path: Path) -> bytes:
    """Read PREFIX.pub -> 32-byte public key."""
    line = _read_line(path, "intake public key")
    try:
        return parse_public_key(line)
    except InputError as exc:
        raise InputError(f"{path}: {exc.message}") from None
