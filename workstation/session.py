"""Opening a workstation: the key file, the reviewer's passphrase and the encrypted store.

A Session is one unlocked database and the reviewer who unlocked it. Locking closes the
connection and wipes the data key from memory. Creating a database, adding reviewers,
changing passphrases and recovering with the recovery code live here too, because each
changes the key file and the database together.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
import sqlcipher3

from workstation import __version__
from workstation.audit import chain
from workstation.audit.anchor import Anchor, write_anchor_file
from workstation.clock import utc_now
from workstation.errors import (
    AuthenticationError,
    DamagedError,
    FileSystemError,
    NotWorkstationDatabaseError,
    WorkstationError,
)
from workstation.keys import pending, signing
from workstation.keys.agreement import check_agreement, head_of, holds_head, stamp
from workstation.keys.kdf import DEFAULT_KDF, KdfParams
from workstation.keys.keyfile import KeyFile, UnlockedSlot, keyfile_path_for, pending_path_for
from workstation.keys.passphrase_policy import check_new_passphrase
from workstation.keys.recovery_code import new_recovery_code, normalise_recovery_code
from workstation.roster.reviewers import (
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
from workstation.store.errors import translate
from workstation.store.integrity import IntegrityCheck
from workstation.store.migrations import Migration
from workstation.store.transaction import Transaction

log = logging.getLogger(__name__)


@dataclass
class Session:
    db: Database
    keyfile: KeyFile
    reviewer: str
    _data_key: bytearray = field(repr=False)
    _keyfile_seen: tuple[int, int, int] | None = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def locked(self) -> bool:
        return self.db.closed

    @property
    def integrity(self) -> IntegrityCheck:
        """The full page and structure check (see unlock's `background_check`)."""
        return self.db.integrity

    def lock(self) -> None:
        """Record the chain's head (key file and anchor file), close the database, forget the key."""
        if not self.db.closed and not self.db.integrity.failed:
            try:
                self.note_chain_head(anchor_file=True)
            except (WorkstationError, sqlcipher3.dbapi2.Error) as exc:  # locking must not fail
                log.warning("The chain head was not recorded at lock: %s", type(exc).__name__)
        self.db.close()
        self._data_key[:] = bytes(len(self._data_key))

    def note_chain_head(self, *, anchor_file: bool = False) -> None:
        """Record the audit chain's head in the key file (its HMAC proves a key holder wrote it),
        and with `anchor_file` in the anchor file beside the database. Called after each
        commit that signs (workflow/apply.py) and at every lock (with the anchor file);
        unlock refuses a database whose chain does not hold it."""
        if self.db.in_transaction:
            return  # inside a caller's transaction the head is not committed yet: at its end, or at lock
        self.db.wait_for_integrity()  # a head read from a database that failed its check proves nothing
        head = head_of(self.db.conn)
        current = self._keyfile_on_disk()
        if current is None:
            return  # re-keyed by another session since this one unlocked: not ours to write
        if current.chain_head() != head:
            current.set_chain_head(*head)
            current.authenticate(self._data_key)
            current.save()
            self._keyfile_seen = _file_identity(current.path)
        self.keyfile = current
        if anchor_file:
            write_anchor_file(self.path, Anchor(*head), self.keyfile.database_id)

    def _keyfile_on_disk(self) -> KeyFile | None:
        """The key file as it is on disk (another session may have changed it), or None when it
        is no longer ours (its HMAC does not verify with this session's key). Read again only
        when the file changed since this session last read or wrote it (a rename changes its inode)."""
        seen = _file_identity(self.keyfile.path)
        if seen is not None and seen == self._keyfile_seen:
            return self.keyfile
        current = KeyFile.load(self.keyfile.path)
        try:
            current.verify(self._data_key)
        except WorkstationError:
            return None
        self._keyfile_seen = seen
        return current

    @contextlib.contextmanager
    def audited(self, action: str, obj: str = "", payload: dict[str, Any] | None = None) -> Iterator[Any]:
        """A write transaction that records its audit entry in the same transaction."""
        with self.db.transaction() as tx:
            chain.append(tx, actor=self.reviewer, action=action, obj=obj, payload=payload)
            yield tx

    # ----- roster and passphrases ------------------------------------------------

    def change_passphrase(self, current: str, new: str, *, kdf: KdfParams = DEFAULT_KDF) -> None:
        """The unlocked reviewer's own passphrase; the current one is asked for again."""
        check_new_passphrase(new, related_words=[self.reviewer])
        opened = self.keyfile.unlock_reviewer(self.reviewer, current)
        try:
            if opened.signing_seed is None:
                raise AuthenticationError(f"Reviewer {self.reviewer!r} has no signing key.")
            updated = self.keyfile.copy()
            updated.set_reviewer_slot(self.reviewer, new, opened.data_key, opened.signing_seed, kdf)
            updated.authenticate(self._data_key)
        finally:
            opened.wipe()
        reviewer = find_reviewer(self.db, self.reviewer)

        def change(tx: Transaction) -> None:
            chain.append(
                tx, actor=self.reviewer, action="reviewer.passphrase_change",
                obj=f"reviewer:{reviewer.id if reviewer else 0}",
            )

        self.commit_with_keyfile(updated, change)

    def signing_seed(self, passphrase: str) -> bytearray:
        """The reviewer's private signing key, for one signature; the caller wipes it."""
        opened = self.keyfile.unlock_reviewer(self.reviewer, passphrase)
        opened.data_key[:] = bytes(len(opened.data_key))
        if opened.signing_seed is None:
            raise AuthenticationError(f"Reviewer {self.reviewer!r} has no signing key.")
        return opened.signing_seed

    def keyfile_with_slot(self, name: str, passphrase: str, seed: bytearray,
                          kdf: KdfParams = DEFAULT_KDF) -> KeyFile:
        """A copy of the key file with a passphrase slot for `name` holding this database's
        key and `seed` (to be committed with commit_with_keyfile)."""
        updated = self.keyfile.copy()
        updated.set_reviewer_slot(name, passphrase, self._data_key, seed, kdf)
        updated.authenticate(self._data_key)
        return updated

    def commit_roster_change(self, change: Callable[[Any], None]) -> None:
        """A change to the reviewers or their keys (`change(tx)`, which writes its audit entry):
        the key file records the new roster in the same step."""
        self.commit_with_keyfile(self.keyfile.copy(), change)

    def commit_with_keyfile(self, updated: KeyFile, change: Callable[[Any], None]) -> None:
        """Change the database and the key file together (order: keys/pending.py).

        The new key file, stamped with the roster and chain head the commit will leave, is
        written as the pending file inside the transaction; after the commit it is renamed
        into place. A crash in between is settled at the next unlock.
        """
        self.commit_rekeyed(lambda _key: updated, change, rekey=False)

    def commit_rekeyed(self, make: Callable[[bytearray], KeyFile], change: Callable[[Any], None],
                        *, rekey: bool = True) -> None:
        """As commit_with_keyfile; with `rekey`, under a new random data key: the rows and every
        page under the new key commit together, then the WAL is checkpointed."""
        key = bytearray(os.urandom(32)) if rekey else bytearray(self._data_key)
        updated = make(key)
        staged = pending_path_for(updated.path)
        try:
            with self.db.transaction() as tx:
                change(tx)
                stamp(updated, tx, key)
                updated.save(staged)
                pending.step("pending-written")
                if rekey:
                    self.db.rekey(tx, key)
                    pending.step("rekeyed")
            pending.step("committed")
        except BaseException:
            pending.discard(staged)
            key[:] = bytes(len(key))
            raise
        if rekey:
            self._data_key[:] = key
            self.db.checkpoint()
            pending.step("checkpointed")
        key[:] = bytes(len(key))
        pending.promote(staged, updated.path)
        pending.step("promoted")
        self.keyfile = updated


def _file_identity(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


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
        public = signing.public_key_of(seed)
        with db.transaction() as tx:
            chain.append(tx, actor=reviewer, action="workstation.create", obj=f"database:{database_id}",
                         payload={"version": __version__})
            reviewer_id = insert_reviewer(tx, reviewer, display_name, public)
            chain.append(tx, actor=reviewer, action="reviewer.add", obj=f"reviewer:{reviewer_id}",
                         payload={"key_id": signing.key_id(public)})
            stamp(keyfile, tx, data_key)
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


def unlock(path: Path, reviewer: str, passphrase: str, *, background_check: bool = False) -> Session:
    """Open the database as `reviewer`.

    Checks, in order: the key file's checksum and HMAC, every page's HMAC and SQLite's
    structure (store/integrity.py), that the database holds the audit head the key file
    recorded and has the same roster, and that the reviewer is active. With
    `background_check` (the GUI) the page and structure check runs in a thread after this
    returns: writes wait for it, a failure locks the session (`session.integrity`), and the
    unlock's audit entry is written once it passes.
    """
    path = Path(path)
    keyfile, opened, db = _open_with_keyfiles(path, lambda kf: _reviewer_slot(kf, reviewer, passphrase),
                                              actor=reviewer, background_check=background_check)
    try:
        _check_reviewer_in_roster(db, reviewer, opened.signing_seed)
        session = Session(db, keyfile, reviewer, bytearray(opened.data_key))
    except BaseException:
        db.close()
        raise
    finally:
        opened.wipe()

    def record_unlock(check: IntegrityCheck) -> None:
        if check.passed and not db.closed:
            with db.transaction() as tx:
                chain.append(tx, actor=reviewer, action="session.unlock", obj="database")
        elif check.failed:
            session.lock()  # fail closed: the key is forgotten too

    try:
        db.integrity.add_done_callback(record_unlock)
        db.start_integrity_check()
    except BaseException:
        session.lock()
        raise
    return session


def _reviewer_slot(keyfile: KeyFile, reviewer: str, passphrase: str) -> UnlockedSlot:
    if keyfile.deactivated(reviewer) and not keyfile.has_reviewer(reviewer):
        raise AuthenticationError(f"Reviewer {reviewer!r} has been deactivated.")
    return keyfile.unlock_reviewer(reviewer, passphrase)


def _open_with_keyfiles(path: Path, open_slot: Callable[[KeyFile], UnlockedSlot], *, actor: str,
                        background_check: bool = False) -> tuple[KeyFile, UnlockedSlot, Database]:
    """The key file that opens the database, its opened slot and the open database.

    A pending key file (keys/pending.py) is tried first: it is promoted when it opens the
    database and the chain holds the head it records, and removed as stale when the current
    file opens the database instead.
    """
    current = _load_matching_keyfile(path)
    staged = pending_path_for(current.path)
    refused: WorkstationError | None = None
    if staged.exists():
        try:
            candidate = KeyFile.load(staged)
            opened = open_slot(candidate)
        except WorkstationError as exc:
            refused = exc
        else:
            try:
                db = _open_checked(path, candidate, opened, actor=actor, background_check=background_check,
                                   require_head=True)
            except WorkstationError as exc:
                opened.wipe()
                refused = refused or exc
            else:
                pending.promote(staged, current.path)
                candidate.path = current.path
                return candidate, opened, db
    try:
        opened = open_slot(current)
    except AuthenticationError:
        if isinstance(refused, AuthenticationError):
            raise refused from None
        raise
    try:
        db = _open_checked(path, current, opened, actor=actor, background_check=background_check)
    except DamagedError:
        opened.wipe()
        if isinstance(refused, AuthenticationError):  # a removed reviewer, mid re-key
            raise refused from None
        raise
    except BaseException:
        opened.wipe()
        raise
    pending.discard(staged)  # the change it was written for never committed
    return current, opened, db


def _open_checked(path: Path, keyfile: KeyFile, opened: UnlockedSlot, *, actor: str,
                  background_check: bool, require_head: bool = False) -> Database:
    """The database opened with `opened`'s key and checked against `keyfile`."""
    keyfile.verify(opened.data_key)
    db = _open_database(path, keyfile, opened.data_key, actor=actor, background_check=background_check)
    try:
        head = keyfile.chain_head()
        if require_head and (head is None or not holds_head(db.conn, head)):
            raise DamagedError(f"The pending key file beside {path} is stale.")
        check_agreement(db.conn, keyfile, path)
        if keyfile.apply_conversions() or keyfile.roster() is None or head is None:
            stamp(keyfile, db.conn, opened.data_key)  # version 1 slots and files brought up to date
            keyfile.save()
    except sqlcipher3.dbapi2.DatabaseError as exc:  # a damaged page read before the full check ends
        db.close()
        raise translate(exc, path) or DamagedError(f"The database {path} could not be read.") from None
    except BaseException:
        db.close()
        raise
    return db


def recover(
    path: Path, reviewer: str, recovery_code: str, new_passphrase: str, *, kdf: KdfParams = DEFAULT_KDF
) -> Session:
    """Give `reviewer` a new passphrase using the recovery code.

    Their old signing key was sealed under the forgotten passphrase, so they get a new
    one; the old one is retired (its signatures stay verifiable). The old passphrase may
    be known to someone else (a reason to recover), so the database is re-keyed: the old
    slot opens nothing from now on. (Not when another slot is still in the version 1
    format and cannot take a new key without its passphrase; the audit entry says so.)
    """
    path = Path(path)
    code = normalise_recovery_code(recovery_code)
    check_new_passphrase(new_passphrase, related_words=[reviewer])
    keyfile, opened, db = _open_with_keyfiles(path, lambda kf: kf.unlock_recovery(code), actor=reviewer)
    try:
        session = Session(db, keyfile, reviewer, bytearray(opened.data_key))
    finally:
        opened.wipe()
    try:
        record = find_reviewer(db, reviewer)
        if record is None or not keyfile.has_reviewer(reviewer):
            raise AuthenticationError(f"There is no reviewer named {reviewer!r} on this database.")
        rekey = not [n for n in keyfile.old_format_slots() if n != reviewer]
        seed = signing.new_signing_seed()
        try:
            public = signing.public_key_of(seed)

            def make(key: bytearray) -> KeyFile:
                updated = keyfile.rekeyed(key, without=reviewer) if rekey else keyfile.copy()
                updated.set_reviewer_slot(reviewer, new_passphrase, key, seed, kdf)
                return updated

            def change(tx: Transaction) -> None:
                add_signing_key(tx, record.id, public)
                chain.append(tx, actor=reviewer, action="reviewer.recover", obj=f"reviewer:{record.id}",
                             payload={"key_id": signing.key_id(public), "rekeyed": rekey})

            session.commit_rekeyed(make, change, rekey=rekey)
        finally:
            seed[:] = bytes(len(seed))
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


def _open_database(path: Path, keyfile: KeyFile, data_key: bytearray, *, actor: str,
                   background_check: bool = False) -> Database:
    def audit_migration(tx: Transaction, migration: Migration) -> None:
        chain.append(tx, actor=actor, action="store.migrate", obj="database",
                     payload={"version": migration.version})

    db = Database.open(path, data_key, migration_hook=audit_migration, background_check=background_check)
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
