"""Creating, unlocking, locking; several reviewers; passphrase change; recovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.helpers.files import fingerprint
from workstation.audit import chain
from workstation.errors import AuthenticationError, FileSystemError, InputError, WorkstationError
from workstation.keys.keyfile import pending_path_for
from workstation.roster.membership import add_reviewer
from workstation.roster.reviewers import find_reviewer, list_reviewers
from workstation.session import create_workstation, recover, reviewer_names, unlock

NEW_PASSPHRASE = "granite owl harvests thunder"


def test_create_then_unlock(tmp_path: Path) -> None:
    created = create_workstation(tmp_path / "w.db", "dana", "maple syrup rocket galaxy",
                                 display_name="Dana Example")
    assert created.recovery_code.count("-") == 7
    session = created.session
    assert [r.name for r in list_reviewers(session.db)] == ["dana"]
    session.lock()
    assert session.locked
    with pytest.raises(WorkstationError, match="locked"):
        session.db.query("SELECT 1")
    again = unlock(tmp_path / "w.db", "dana", "maple syrup rocket galaxy")
    assert again.reviewer == "dana"
    assert chain.verify(again.db).intact
    again.lock()


def test_create_does_not_overwrite_anything(workstation: Workstation) -> None:
    before = fingerprint(workstation.path.parent)
    with pytest.raises(FileSystemError, match="already exists"):
        create_workstation(workstation.path, "dana", "maple syrup rocket galaxy")
    assert fingerprint(workstation.path.parent) == before


def test_create_refuses_a_weak_passphrase_and_leaves_no_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="too short"):
        create_workstation(tmp_path / "w.db", "dana", "short")
    assert list(tmp_path.iterdir()) == []


def test_two_reviewers_open_the_same_database(workstation: Workstation) -> None:
    assert reviewer_names(workstation.path) == [ALICE, BOB]
    for name, passphrase in ((ALICE, ALICE_PASSPHRASE), (BOB, BOB_PASSPHRASE)):
        session = unlock(workstation.path, name, passphrase)
        assert session.db.meta("database_id")
        session.lock()


def test_wrong_passphrase_and_unknown_reviewer(workstation: Workstation) -> None:
    before = fingerprint(workstation.path.parent)
    with pytest.raises(AuthenticationError, match="Wrong passphrase for reviewer 'bob'"):
        unlock(workstation.path, BOB, ALICE_PASSPHRASE)
    with pytest.raises(AuthenticationError, match="no reviewer named 'zed'"):
        unlock(workstation.path, "zed", ALICE_PASSPHRASE)
    assert fingerprint(workstation.path.parent) == before


def test_add_reviewer_rejects_duplicates_and_bad_names(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    with pytest.raises(InputError, match="already a reviewer"):
        add_reviewer(session, BOB, NEW_PASSPHRASE)
    with pytest.raises(InputError, match="not a usable reviewer name"):
        add_reviewer(session, "Bad Name!", NEW_PASSPHRASE)
    session.lock()


def test_passphrase_change(workstation: Workstation) -> None:
    session = unlock(workstation.path, BOB, BOB_PASSPHRASE)
    with pytest.raises(AuthenticationError):
        session.change_passphrase("not the current one", NEW_PASSPHRASE)
    session.change_passphrase(BOB_PASSPHRASE, NEW_PASSPHRASE)
    key_before = find_reviewer(session.db, BOB).public_key
    session.lock()
    with pytest.raises(AuthenticationError, match="Wrong passphrase"):
        unlock(workstation.path, BOB, BOB_PASSPHRASE)
    session = unlock(workstation.path, BOB, NEW_PASSPHRASE)
    # Same signing key: a passphrase change does not change identity.
    assert find_reviewer(session.db, BOB).public_key == key_before
    assert session.signing_seed(NEW_PASSPHRASE)
    actions = [e.action for e in chain.entries(session.db)]
    assert "reviewer.passphrase_change" in actions
    session.lock()
    # Alice is unaffected.
    unlock(workstation.path, ALICE, ALICE_PASSPHRASE).lock()


def test_recovery_code_gives_a_new_passphrase_and_signing_key(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    old_key = find_reviewer(session.db, ALICE).public_key
    session.lock()
    with pytest.raises(AuthenticationError, match="does not open"):
        recover(workstation.path, ALICE, "ABCD-" * 7 + "ABCD", NEW_PASSPHRASE)
    recovered = recover(workstation.path, ALICE, workstation.recovery_code.lower(), NEW_PASSPHRASE)
    new_key = find_reviewer(recovered.db, ALICE).public_key
    assert new_key != old_key
    retired = recovered.db.query_one(
        "SELECT retired_at FROM reviewer_keys WHERE public_key = ?", (old_key,))
    assert retired["retired_at"] is not None
    assert chain.verify(recovered.db).intact
    recovered.lock()
    with pytest.raises(AuthenticationError):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    unlock(workstation.path, ALICE, NEW_PASSPHRASE).lock()


def test_recover_unknown_reviewer(workstation: Workstation) -> None:
    with pytest.raises(AuthenticationError, match="no reviewer named"):
        recover(workstation.path, "zed", workstation.recovery_code, NEW_PASSPHRASE)


def test_lock_wipes_the_data_key(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    key = session._data_key
    assert any(key)
    session.lock()
    assert not any(key)


def test_key_file_and_database_stay_together_when_the_write_fails(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    keyfile_before = workstation.keyfile.read_bytes()
    audit_before = chain.head(session.db)

    def fail_after_keyfile_is_written(self, path=None) -> None:
        original_save(self, path)
        raise OSError("simulated crash between key file and commit")

    from workstation.keys.keyfile import KeyFile

    original_save = KeyFile.save
    KeyFile.save = fail_after_keyfile_is_written  # type: ignore[method-assign]
    try:
        with pytest.raises(OSError):
            add_reviewer(session, "carol", NEW_PASSPHRASE)
    finally:
        KeyFile.save = original_save  # type: ignore[method-assign]
    assert workstation.keyfile.read_bytes() == keyfile_before
    assert not pending_path_for(workstation.keyfile).exists()  # the staged file went with the change
    assert chain.head(session.db) == audit_before
    assert find_reviewer(session.db, "carol") is None
    session.lock()
