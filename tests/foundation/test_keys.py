"""Key material: recovery codes, passphrase policy, sealing, the key file's integrity checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, Workstation
from workstation.errors import (
    AuthenticationError,
    DamagedError,
    FileSystemError,
    InputError,
    NotWorkstationDatabaseError,
    TooNewError,
)
from workstation.keys import signing
from workstation.keys.kdf import KdfParams, derive_key
from workstation.keys.keyfile import VERSION, KeyFile, _checksum, _mac
from workstation.keys.passphrase_policy import check_new_passphrase
from workstation.keys.recovery_code import (
    CODE_CHARS,
    new_recovery_code,
    normalise_recovery_code,
)
from workstation.keys.sealing import SealError, seal, unseal
from workstation.session import unlock


def test_recovery_codes_are_random_and_forgiving_to_type() -> None:
    codes = {new_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    code = codes.pop()
    groups = code.split("-")
    assert len(groups) == CODE_CHARS // 4 and all(len(g) == 4 for g in groups)
    typed = code.lower().replace("-", " ").replace("0", "o")
    assert normalise_recovery_code(typed) == code


@pytest.mark.parametrize("bad", ["", "1234", "ZZZZ-ZZZZ", "U" * CODE_CHARS])
def test_malformed_recovery_code_is_refused(bad: str) -> None:
    with pytest.raises(AuthenticationError, match="not a recovery code"):
        normalise_recovery_code(bad)


@pytest.mark.parametrize("good", [
    "correct horse battery staple",
    "my partner and I walk the night shift downtown",
    "tangerine-Volcano-89-whisper",
])
def test_long_multiword_passphrases_are_accepted(good: str) -> None:
    check_new_passphrase(good)


@pytest.mark.parametrize(("bad", "reason"), [
    ("short", "too short"),
    ("password1234", "too easy"),
    ("aaaaaaaaaaaaaaaa", "too easy"),
    (" leading space passphrase", "space"),
])
def test_weak_passphrases_are_refused(bad: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        check_new_passphrase(bad)


def test_passphrase_containing_the_reviewer_name_scores_lower() -> None:
    with pytest.raises(InputError):
        check_new_passphrase("jsmithjsmith1", related_words=["jsmith"])


def test_kdf_is_deterministic_and_salted() -> None:
    params = KdfParams(time_cost=1, memory_kib=8 * 1024)
    a = derive_key("pass phrase", b"s" * 16, params)
    assert a == derive_key("pass phrase", b"s" * 16, params)
    assert a != derive_key("pass phrase", b"t" * 16, params)
    # The same passphrase typed with a composed or decomposed accent gives the same key.
    assert derive_key("caf\u00e9 au lait", b"s" * 16, params) == derive_key(
        "cafe\u0301 au lait", b"s" * 16, params
    )


@pytest.mark.parametrize("params", [
    {"algorithm": "argon2id", "time_cost": 3, "memory_kib": 64 * 1024 * 1024, "parallelism": 1},
    {"algorithm": "argon2i", "time_cost": 3, "memory_kib": 65536, "parallelism": 1},
    {"algorithm": "argon2id", "time_cost": 0, "memory_kib": 65536, "parallelism": 1},
    {"time_cost": 3},
])
def test_kdf_settings_from_a_key_file_are_bounded(params: dict) -> None:
    with pytest.raises(DamagedError):
        KdfParams.from_json(params)


def test_sealed_secret_is_bound_to_its_place() -> None:
    kek = bytes(32)
    box = seal(kek, b"secret", b"slot:alice")
    assert unseal(kek, box, b"slot:alice") == b"secret"
    with pytest.raises(SealError):
        unseal(kek, box, b"slot:bob")
    with pytest.raises(SealError):
        unseal(bytes([1]) * 32, box, b"slot:alice")


def test_signing_round_trip() -> None:
    seed = signing.new_signing_seed()
    public = signing.public_key_of(seed)
    signature = signing.sign(seed, b"message")
    assert len(signature) == 64
    assert signing.verify(public, signature, b"message")
    assert not signing.verify(public, signature, b"messagE")
    assert len(signing.key_id(public)) == 16


def _edit(keyfile: Path, change, *, fix_checksum: bool) -> None:
    doc = json.loads(keyfile.read_text())
    change(doc)
    if fix_checksum:
        doc["checksum"] = _checksum(doc)
    keyfile.write_text(json.dumps(doc))


def test_key_file_edited_by_hand_is_caught_before_any_passphrase(workstation: Workstation) -> None:
    _edit(workstation.keyfile, lambda d: d["slots"][0].update(name="mallory"), fix_checksum=False)
    with pytest.raises(DamagedError, match="edited or damaged"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)


def test_key_file_forged_with_a_new_checksum_fails_its_mac(workstation: Workstation) -> None:
    # Removing bob's slot (and recomputing the plain checksum) is only caught by the HMAC.
    _edit(workstation.keyfile,
          lambda d: d.update(slots=[s for s in d["slots"] if s["name"] != BOB]),
          fix_checksum=True)
    with pytest.raises(DamagedError, match="modified by someone"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)


def test_slot_copied_under_another_name_does_not_open(workstation: Workstation) -> None:
    def swap(doc: dict) -> None:
        alice = next(s for s in doc["slots"] if s["name"] == ALICE)
        bob = next(s for s in doc["slots"] if s["name"] == BOB)
        bob.update({k: v for k, v in alice.items() if k != "name"})

    _edit(workstation.keyfile, swap, fix_checksum=True)
    with pytest.raises(AuthenticationError, match="Wrong passphrase"):
        unlock(workstation.path, BOB, ALICE_PASSPHRASE)


def test_missing_key_file(workstation: Workstation) -> None:
    workstation.keyfile.unlink()
    with pytest.raises(FileSystemError, match=r"key file .* is missing"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)


def test_key_file_that_is_not_json(workstation: Workstation) -> None:
    workstation.keyfile.write_bytes(b"\x00\x01garbage")
    with pytest.raises(DamagedError, match="not valid JSON"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)


def test_key_file_from_a_newer_program(workstation: Workstation) -> None:
    _edit(workstation.keyfile, lambda d: d.update(version=VERSION + 1), fix_checksum=True)
    with pytest.raises(TooNewError):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)


def test_key_file_of_another_database(workstation: Workstation, template_workstation: Workstation,
                                      tmp_path: Path) -> None:
    from workstation.session import create_workstation

    other = create_workstation(tmp_path / "other.db", "carol", "purple walrus tangent ninety")
    other.session.lock()
    workstation.keyfile.write_bytes((tmp_path / "other.db.keys").read_bytes())
    with pytest.raises(NotWorkstationDatabaseError, match="belongs to"):
        unlock(workstation.path, "carol", "purple walrus tangent ninety")


def test_key_file_refuses_to_lock_everyone_out(workstation: Workstation) -> None:
    keyfile = KeyFile.load(workstation.keyfile)
    keyfile.remove_reviewer_slot(ALICE)
    keyfile.remove_reviewer_slot(BOB)
    keyfile._doc["slots"] = []
    with pytest.raises(ValueError):
        keyfile.save()


def _as_version1(ws: Workstation) -> None:
    """Rewrite the key file as the version before slot recipients, roster and chain head
    (slots sealing the data key directly under the passphrase key; cheap KDF for speed)."""
    import os

    from workstation.keys.sealing import b64

    keyfile = KeyFile.load(ws.keyfile)
    opened = {name: keyfile.unlock_reviewer(name, pw) for name, pw in ((ALICE, ALICE_PASSPHRASE),
                                                                     (BOB, "river lantern quietly eleven"))}
    data_key = opened[ALICE].data_key
    params = KdfParams(time_cost=1, memory_kib=8 * 1024)
    doc = {"format": "near-miss-workstation-keys", "version": 1, "database_id": keyfile.database_id,
           "database_salt": keyfile.database_salt.hex(), "slots": []}
    old = KeyFile(doc, ws.keyfile)
    secrets = {ALICE: ALICE_PASSPHRASE, BOB: "river lantern quietly eleven", "recovery": ws.recovery_code}
    for kind, name in (("reviewer", ALICE), ("reviewer", BOB), ("recovery", "recovery")):
        salt = os.urandom(16)
        kek = derive_key(secrets[name] if kind == "reviewer" else normalise_recovery_code(secrets[name]),
                         salt, params)
        slot = {"kind": kind, "name": name, "kdf": params.to_json(), "salt": b64(salt),
                "data_key": seal(kek, data_key, old._aad(kind, name, "data-key"))}
        if kind == "reviewer":
            slot["signing_key"] = seal(kek, opened[name].signing_seed, old._aad(kind, name, "signing-key"))
        doc["slots"].append(slot)
    doc["mac"] = _mac(data_key, doc)
    doc["checksum"] = _checksum(doc)
    ws.keyfile.write_text(json.dumps(doc))


def test_version1_key_file_is_converted_slot_by_slot(workstation: Workstation) -> None:
    """A key file from before re-keying opens; each slot becomes version 2 when opened, the
    roster and chain head are recorded; deactivation waits until the remaining slots are."""
    from workstation.roster.membership import set_active
    from workstation.session import recover

    _as_version1(workstation)
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    converted = KeyFile.load(workstation.keyfile)
    assert converted.old_format_slots() == [BOB, "recovery"]
    assert converted.roster() is not None and converted.chain_head() is not None
    with pytest.raises(InputError, match="old format"):
        set_active(session, BOB, False)
    session.lock()
    unlock(workstation.path, BOB, "river lantern quietly eleven").lock()
    recover(workstation.path, ALICE, workstation.recovery_code, "granite owl harvests thunder").lock()
    assert KeyFile.load(workstation.keyfile).old_format_slots() == []
    session = unlock(workstation.path, ALICE, "granite owl harvests thunder")
    set_active(session, BOB, False)
    session.lock()
