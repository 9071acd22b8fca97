"""Intake key files: PREFIX.key (hex seed, 0600) and PREFIX.pub (ed25519:hex)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from workstation.errors import FileSystemError, InputError
from workstation.intake.intake_keys import (
    generate_intake_key,
    load_private_key,
    load_public_key,
    parse_public_key,
    public_bytes,
)


def test_generate_and_load(tmp_path: Path) -> None:
    prefix = tmp_path / "intake"
    public = generate_intake_key(prefix)
    key_text = (tmp_path / "intake.key").read_text()
    pub_text = (tmp_path / "intake.pub").read_text()
    assert len(key_text.strip()) == 64 and key_text.endswith("\n")
    assert pub_text == "ed25519:" + public.hex() + "\n"
    assert public_bytes(load_private_key(tmp_path / "intake.key")) == public
    assert load_public_key(tmp_path / "intake.pub") == public
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(tmp_path / "intake.key").st_mode) == 0o600


def test_never_overwrites(tmp_path: Path) -> None:
    generate_intake_key(tmp_path / "k")
    with pytest.raises(FileSystemError, match="already exists"):
        generate_intake_key(tmp_path / "k")


@pytest.mark.parametrize(
    ("content", "loader", "message"),
    [
        ("", "private", "expected exactly one line"),
        ("abc\n", "private", "must be 64 hex digits"),
        ("ed25519:" + "00" * 32, "private", "this is a public key"),
        ("a" * 64 + "\n" + "b" * 64, "private", "expected exactly one line"),
        ("00" * 32, "public", "looks like a private key"),
        ("ed25519:abc", "public", "followed by 64 hex digits"),
        ("rsa:" + "00" * 32, "public", "must be 'ed25519:'"),
    ],
)
def test_bad_key_files(tmp_path: Path, content: str, loader: str, message: str) -> None:
    path = tmp_path / "k"
    path.write_text(content)
    load = load_private_key if loader == "private" else load_public_key
    with pytest.raises(InputError, match=message):
        load(path)


def test_binary_big_and_missing(tmp_path: Path) -> None:
    (tmp_path / "bin").write_bytes(b"\xff\xfe")
    with pytest.raises(InputError, match="not plain text"):
        load_private_key(tmp_path / "bin")
    (tmp_path / "big").write_bytes(b"a" * 10_000)
    with pytest.raises(InputError, match="too large"):
        load_public_key(tmp_path / "big")
    with pytest.raises(FileSystemError, match="does not exist"):
        load_public_key(tmp_path / "missing.pub")


def test_parse_public_key_accepts_upper_hex() -> None:
    raw = bytes(range(32))
    assert parse_public_key("ed25519:" + raw.hex().upper()) == raw
