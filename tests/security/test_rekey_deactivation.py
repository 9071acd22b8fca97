"""Issue 15 §4: a deactivated reviewer (or a recovered passphrase) opens nothing any more.

Deactivation removes the reviewer's key slot and re-keys the database; recovery re-keys too.
The key file records the roster under its HMAC, so flipping a flag back in the database
with the raw key is refused at unlock. Every test here fails on the code before the fix
(checked by running them against `git show HEAD:` versions of session.py, keyfile.py and
roster_file.py: the old data key still opened the database, and the flag flip unlocked).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.helpers.files import run_cli
from workstation.audit import chain
from workstation.errors import AuthenticationError, DamagedError, ExitCode, InputError
from workstation.keys.keyfile import KeyFile, pending_path_for
from workstation.roster.membership import set_active
from workstation.session import recover, unlock
from workstation.store.database import Database, _raw_key

NEW_PASSPHRASE = "granite owl harvests thunder"


def old_key_of(keyfile: KeyFile, name: str, passphrase: str) -> bytearray:
    return keyfile.unlock_reviewer(name, passphrase).data_key


def opens_with(path: Path, key: bytearray) -> bool:
    try:
        Database.open(path, key).close()
    except DamagedError:
        return False
    return True


def deactivate_bob(ws: Workstation) -> None:
    alice = unlock(ws.path, ALICE, ALICE_PASSPHRASE)
    try:
        set_active(alice, BOB, False)
    finally:
        alice.lock()


def test_deactivation_removes_the_slot_and_rekeys(workstation: Workstation) -> None:
    before = KeyFile.load(workstation.keyfile)  # the key file bob may have kept a copy of
    deactivate_bob(workstation)
    after = KeyFile.load(workstation.keyfile)
    assert not after.has_reviewer(BOB) and after.deactivated(BOB)
    with pytest.raises(AuthenticationError, match="deactivated"):
        unlock(workstation.path, BOB, BOB_PASSPHRASE)
    # His slot in the old key file still gives him the old data key: it opens nothing now.
    assert not opens_with(workstation.path, old_key_of(before, BOB, BOB_PASSPHRASE))
    # Nor does alice's old slot: the key itself changed, not only the file.
    assert not opens_with(workstation.path, old_key_of(before, ALICE, ALICE_PASSPHRASE))
    # The remaining reviewer and the recovery code still open it, and everything verifies.
    alice = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    assert chain.verify(alice.db).intact
    assert "reviewer.deactivate" in [e.action for e in chain.entries(alice.db)]
    alice.lock()
    recovered = recover(workstation.path, ALICE, workstation.recovery_code, NEW_PASSPHRASE)
    recovered.lock()
    assert not pending_path_for(workstation.keyfile).exists()


def test_deactivated_old_key_file_put_back_opens_nothing(workstation: Workstation) -> None:
    """Variant: bob puts back the key file he copied before (his slot is in it)."""
    saved = workstation.keyfile.read_bytes()
    deactivate_bob(workstation)
    workstation.keyfile.write_bytes(saved)
    with pytest.raises(DamagedError):
        unlock(workstation.path, BOB, BOB_PASSPHRASE)


def test_recovery_rekeys_so_the_old_passphrase_opens_nothing(workstation: Workstation) -> None:
    before = KeyFile.load(workstation.keyfile)
    session = recover(workstation.path, BOB, workstation.recovery_code, NEW_PASSPHRASE)
    session.lock()
    assert not opens_with(workstation.path, old_key_of(before, BOB, BOB_PASSPHRASE))
    with pytest.raises(AuthenticationError):
        unlock(workstation.path, BOB, BOB_PASSPHRASE)
    unlock(workstation.path, BOB, NEW_PASSPHRASE).lock()
    unlock(workstation.path, ALICE, ALICE_PASSPHRASE).lock()


def test_reactivation_needs_a_new_passphrase(workstation: Workstation) -> None:
    deactivate_bob(workstation)
    alice = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    with pytest.raises(InputError, match="new passphrase"):
        set_active(alice, BOB, True)
    set_active(alice, BOB, True, NEW_PASSPHRASE)
    alice.lock()
    unlock(workstation.path, BOB, NEW_PASSPHRASE).lock()
    with pytest.raises(AuthenticationError):
        unlock(workstation.path, BOB, BOB_PASSPHRASE)


def _raw_connection(ws: Workstation) -> sqlcipher3.dbapi2.Connection:
    key = old_key_of(KeyFile.load(ws.keyfile), ALICE, ALICE_PASSPHRASE)
    conn = sqlcipher3.connect(str(ws.path), isolation_level=None)
    conn.set_key(_raw_key(key))
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


@pytest.mark.parametrize("tamper", [
    "UPDATE reviewers SET active = 1 WHERE name = 'bob'",  # the flag flipped back
    "INSERT INTO reviewers(name, display_name, created_at, active) VALUES ('mallory', '', '2026', 1)",
    "UPDATE reviewer_keys SET retired_at = '2026' WHERE reviewer_id = (SELECT id FROM reviewers "
    "WHERE name = 'alice')",  # a reviewer's current key changed
    "UPDATE reviewers SET name = 'bobby' WHERE name = 'bob'",
])
def test_roster_changed_with_the_raw_key_is_refused(workstation: Workstation, tamper: str) -> None:
    deactivate_bob(workstation)
    conn = _raw_connection(workstation)  # someone holding the (new) data key
    conn.execute(tamper)
    conn.close()
    with pytest.raises(DamagedError, match="disagree about the roster"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)


def test_roster_flip_on_a_database_never_deactivated_is_refused(workstation: Workstation) -> None:
    conn = _raw_connection(workstation)
    conn.execute("UPDATE reviewers SET active = 0 WHERE name = 'bob'")
    conn.close()
    with pytest.raises(DamagedError, match="roster"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)


def test_cli_deactivate_then_the_reviewer_is_refused(workstation: Workstation, tmp_path: Path) -> None:
    alice_file = tmp_path / "alice.txt"
    alice_file.write_text(ALICE_PASSPHRASE + "\n")
    bob_file = tmp_path / "bob.txt"
    bob_file.write_text(BOB_PASSPHRASE + "\n")
    db = ["--db", str(workstation.path)]
    result = run_cli("reviewer", "deactivate", BOB, *db, "--reviewer", ALICE,
                     "--passphrase-file", str(alice_file))
    assert result.returncode == ExitCode.OK, result.stderr
    result = run_cli("audit", "verify", *db, "--reviewer", BOB, "--passphrase-file", str(bob_file))
    assert result.returncode == ExitCode.AUTH and "deactivated" in result.stderr


def test_copies_taken_before_stay_readable_inherent(workstation: Workstation, tmp_path: Path) -> None:
    """Documented as inherent (README): a copy of both files taken before still opens."""
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy2(workstation.path, copy / "workstation.db")
    shutil.copy2(workstation.keyfile, copy / "workstation.db.keys")
    deactivate_bob(workstation)
    unlock(copy / "workstation.db", BOB, BOB_PASSPHRASE).lock()
