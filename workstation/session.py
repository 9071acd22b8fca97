"""Opening a workstation: the key file, the reviewer's passphrase and the encrypted store.

A Session is one unlocked database and the reviewer who unlocked it. Locking closes the
connection and wipes the data key from memory. Creating a database, adding reviewers,
changing passphrases and recovering with the recovery code live here too, because each
changes the key file and the database together.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from workstation import __version__
from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import (
    AuthenticationError,
    FileSystemError,
    InputError,
    NotWorkstationDatabaseError,
)
from workstation.keys import signing
from workstation.keys.kdf import DEFAULT_KDF, KdfParams
from workstation.keys.keyfile import KeyFile, keyfile_path_for, write_atomically
from workstation.keys.passphrase_policy import check_new_passphrase
from workstation.keys.recovery_code import new_recovery_code, normalise_recovery_code
from workstation.reviewers import (
    add_signing_key,
    check_reviewer_name,
    find_reviewer,
    insert_reviewer,
)
from workstation.store.database import (
    Database,
    _remove_database_files,
    check_database_file,
    read_salt,
)
from workstation.store.migrations import Migration

SYSTEM_ACTOR = "system"


@dataclass
class Session:
    db: Database
    keyfile: KeyFile
    reviewer: str
    _data_key: bytearray = field(repr=False)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def locked(self) -> bool:
        return self.db.closed

    def lock(self) -> None:
        """Close the database and forget the key."""
        self.db.close()
        self._data_key[:] = bytes(len(self._data_key))

    @contextlib.contextmanager
    def audited(self, action: str, obj: str = "", payload: dict[str, Any] | None = None) -> Iterator[Any]:
        """A write transaction that records its audit entry in the same transaction."""
        with self.db.transaction() as tx:
            chain.append(tx, actor=self.reviewer, action=action, obj=obj, payload=payload)
            yield tx

    # ----- roster and passphrases ------------------------------------------------

    def add_reviewer(
        self, name: str, passphrase: str, *, display_name: str = "", kdf: KdfParams = DEFAULT_KDF
    ) -> None:
        check_reviewer_name(name)
        if self.keyfile.has_reviewer(name) or find_reviewer(self.db, name) is not None:
            raise InputError(f"There is already a reviewer named {name!r}.")
        check_new_passphrase(passphrase, related_words=[name, display_name])
        seed = signing.new_signing_seed()
        try:
            updated = self.keyfile.copy()
            updated.set_reviewer_slot(name, passphrase, self._data_key, seed, kdf)
            updated.authenticate(self._data_key)
            public = signing.public_key_of(seed)
        finally:
            seed[:] = bytes(len(seed))

        def change(tx: Any) -> None:
            reviewer_id = insert_reviewer(tx, name, display_name, public)
            chain.append(
                tx, actor=self.reviewer, action="reviewer.add", obj=f"reviewer:{reviewer_id}",
                payload={"key_id": signing.key_id(public)},
            )

        self._commit_with_keyfile(updated, change)

    def change_passphrase(self, current: str, new: str, *, kdf: KdfParams = DEFAULT_KDF) -> None:
        """The unlocked reviewer's own passphrase; the current one is asked for again."""
        check_new_passphrase(new, related_words=[self.reviewer])
        opened = self.keyfile.unlock_reviewer(self.reviewer, current)
        try:
            updated = self.keyfile.copy()
            updated.set_reviewer_slot(self.reviewer, new, opened.data_key, opened.signing_seed, kdf)
            updated.authenticate(self._data_key)
        finally:
            opened.wipe()
        reviewer = find_reviewer(self.db, self.reviewer)

        def change(tx: Any) -> None:
            chain.append(
                tx, actor=self.reviewer, action="reviewer.passphrase_change",
                obj=f"reviewer:{reviewer.id if reviewer else 0}",
            )

        self._commit_with_keyfile(updated, change)

    def signing_seed(self, passphrase: str) -> bytearray:
        """The reviewer's private signing key, for one signature; the caller wipes it."""
        opened = self.keyfile.unlock_reviewer(self.reviewer, passphrase)
        opened.data_key[:] = bytes(len(opened.data_key))
        if opened.signing_seed is None:
            raise AuthenticationError(f"Reviewer {self.reviewer!r} has no signing key.")
        return opened.signing_seed

    def _commit_with_keyfile(self, updated: KeyFile, change: Callable[[Any], None]) -> None:
        """Change the database and the key file together: both or neither.

        The key file is written last inside the transaction; if the commit then fails,
        the previous key file is put back.
        """
        previous = updated.path.read_bytes()
        try:
            with self.db.transaction() as tx:
                change(tx)
                updated.save()
        except BaseException:
            if updated.path.read_bytes() != previous:
                write_atomically(updated.path, previous)
            raise
        self.keyfile = updated


# ----- creating and opening ------------------------------------------------------


@dataclass(frozen=True)
class CreatedWorkstation:
    session: Session
    recovery_code: str  # shown once, never stored


def create_workstation(
    path: Path,
    reviewer: str,
    passphrase: str,
    *,
    display_name: str = "",
    kdf: KdfParams = DEFAULT_KDF,
) -> CreatedWorkstation:
    """A new encrypted database with its first reviewer and a recovery code."""
    path = Path(path)
    check_reviewer_name(reviewer)
    check_new_passphrase(passphrase, related_words=[reviewer, display_name])
    keyfile_path = keyfile_path_for(path)
    for existing in (path, keyfile_path):
        if existing.exists():
            raise FileSystemError(f"{existing} already exists; the workstation will not overwrite it.")
    data_key = bytearray(os.urandom(32))
    database_id = str(uuid.uuid4())
    identity = pyrage.x25519.Identity.generate()  # bundles are encrypted to this workstation
    meta = {
        "database_id": database_id,
        "created_at": utc_now(),
        "created_by": __version__,
        "age_identity": str(identity),
        "age_recipient": str(identity.to_public()),
    }
    db = Database.create(path, data_key, meta=meta)
    seed = signing.new_signing_seed()
    code = new_recovery_code()
    try:
        keyfile = KeyFile.new(keyfile_path, database_id=database_id, database_salt=read_salt(path))
        keyfile.set_reviewer_slot(reviewer, passphrase, data_key, seed, kdf)
        keyfile.set_recovery_slot(code, data_key, kdf)
        keyfile.authenticate(data_key)
        public = signing.public_key_of(seed)
        with db.transaction() as tx:
            chain.append(tx, actor=reviewer, action="workstation.create", obj=f"database:{database_id}",
                         payload={"version": __version__})
            reviewer_id = insert_reviewer(tx, reviewer, display_name, public)
            chain.append(tx, actor=reviewer, action="reviewer.add", obj=f"reviewer:{reviewer_id}",
                         payload={"key_id": signing.key_id(public)})
            keyfile.save()
    except BaseException:
        db.close()
        _remove_database_files(path)
        with contextlib.suppress(FileNotFoundError):
            keyfile_path.unlink()
        raise
    finally:
        seed[:] = bytes(len(seed))
    return CreatedWorkstation(Session(db, keyfile, reviewer, data_key), code)


def reviewer_names(path: Path) -> list[str]:
    """Who can unlock this database (read from the key file; no passphrase needed)."""
    return _load_matching_keyfile(Path(path)).reviewer_names()


def unlock(path: Path, reviewer: str, passphrase: str) -> Session:
    path = Path(path)
    keyfile = _load_matching_keyfile(path)
    opened = keyfile.unlock_reviewer(reviewer, passphrase)
    try:
        keyfile.verify(opened.data_key)
        db = _open_database(path, keyfile, opened.data_key, actor=reviewer)
        try:
            _check_reviewer_in_roster(db, reviewer, opened.signing_seed)
            with db.transaction() as tx:
                chain.append(tx, actor=reviewer, action="session.unlock", obj="database")
        except BaseException:
            db.close()
            raise
        return Session(db, keyfile, reviewer, bytearray(opened.data_key))
    finally:
        opened.wipe()


def recover(
    path: Path, reviewer: str, recovery_code: str, new_passphrase: str, *, kdf: KdfParams = DEFAULT_KDF
) -> Session:
    """Give `reviewer` a new passphrase using the recovery code.

    Their old signing key was sealed under the forgotten passphrase, so they get a new
    one; the old one is retired (its signatures stay verifiable).
    """
    path = Path(path)
    code = normalise_recovery_code(recovery_code)
    check_new_passphrase(new_passphrase, related_words=[reviewer])
    keyfile = _load_matching_keyfile(path)
    opened = keyfile.unlock_recovery(code)
    try:
        keyfile.verify(opened.data_key)
        db = _open_database(path, keyfile, opened.data_key, actor=reviewer)
        session = Session(db, keyfile, reviewer, bytearray(opened.data_key))
    finally:
        opened.wipe()
    try:
        record = find_reviewer(db, reviewer)
        if record is None or not keyfile.has_reviewer(reviewer):
            raise AuthenticationError(f"There is no reviewer named {reviewer!r} on this database.")
        seed = signing.new_signing_seed()
        try:
            updated = keyfile.copy()
            updated.set_reviewer_slot(reviewer, new_passphrase, session._data_key, seed, kdf)
            updated.authenticate(session._data_key)
            public = signing.public_key_of(seed)
        finally:
            seed[:] = bytes(len(seed))

        def change(tx: Any) -> None:
            add_signing_key(tx, record.id, public)
            chain.append(tx, actor=reviewer, action="reviewer.recover", obj=f"reviewer:{record.id}",
                         payload={"key_id": signing.key_id(public)})

        session._commit_with_keyfile(updated, change)
    except BaseException:
        session.lock()
        raise
    return session


def _load_matching_keyfile(path: Path) -> KeyFile:
    check_database_file(path)
    keyfile = KeyFile.load(keyfile_path_for(path))
    if read_salt(path) != keyfile.database_salt:
        raise NotWorkstationDatabaseError(
            f"{path} is not the database that its key file {keyfile.path} belongs to."
        )
    return keyfile


def _open_database(path: Path, keyfile: KeyFile, data_key: bytearray, *, actor: str) -> Database:
    def audit_migration(tx: Any, migration: Migration) -> None:
        chain.append(tx, actor=actor, action="store.migrate", obj="database",
                     payload={"version": migration.version})

    db = Database.open(path, data_key, migration_hook=audit_migration)
    if db.meta("database_id") != keyfile.database_id:
        db.close()
        raise NotWorkstationDatabaseError(f"{path} does not belong with its key file {keyfile.path}.")
    return db


def _check_reviewer_in_roster(db: Database, name: str, seed: bytearray | None) -> None:
    record = find_reviewer(db, name)
    if record is None:
        raise AuthenticationError(f"There is no reviewer named {name!r} on this database.")
    if not record.active:
        raise AuthenticationError(f"Reviewer {name!r} has been deactivated.")
    if seed is None or record.public_key != signing.public_key_of(seed):
        raise NotWorkstationDatabaseError(
            f"The key file and the database disagree about reviewer {name!r}'s signing key."
        )
