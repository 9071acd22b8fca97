"""Making a backup of an unlocked database, and restoring one where there is nothing yet.

Backup: the key file (and a pending key file, if a change is under way) is read, then the
database is copied page by page with SQLite's backup API from a read snapshot of a second
connection keyed with the session's data key (the session's own connection stays free for
the GUI), into a new file with the same key and salt; then the key file is read again, and
the copy is made again if it changed meanwhile (a re-key or roster change by another
process), so the pair is always one that opens together. Both go into one encrypted file
(backup.archive); the backup is audited.

Restore: refuses to overwrite anything, unpacks into a hidden folder beside the target,
unlocks the pair there with a reviewer's passphrase (every unlock check: key file HMAC,
pages, structure, roster and chain head), audits the restore in the restored database,
and only then moves the files into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from workstation import __version__
from workstation.audit import chain
from workstation.backup import archive
from workstation.clock import utc_now
from workstation.errors import FileSystemError, InputError, WorkstationError
from workstation.export.files import check_target_file, write_file_atomically
from workstation.keys.agreement import head_of
from workstation.keys.keyfile import keyfile_path_for, pending_path_for
from workstation.keys.passphrase_policy import check_new_passphrase
from workstation.session import Session, unlock
from workstation.store.database import read_salt
from workstation.text.invisible import refuse_invisible

log = logging.getLogger(__name__)
ATTEMPTS = 3  # copies tried while another process keeps changing the key file
MAX_BACKUP_BYTES = 64 * 1024**3


@dataclass(frozen=True)
class BackupResult:
    out: Path
    bytes: int
    sha256: str
    audit_seq: int  # the last audit entry the backup holds


@dataclass(frozen=True)
class RestoreResult:
    db: Path
    database_id: str
    created_at: str  # when the backup was made
    audit_seq: int  # the last audit entry the backup held


def make_backup(session: Session, out: Path, backup_passphrase: str) -> BackupResult:
    """Write the database and its key file, as one file encrypted to `backup_passphrase`."""
    out = Path(out)
    refuse_invisible(out.name, "The file name")
    check_target_file(out)
    check_new_passphrase(backup_passphrase, related_words=[session.reviewer])
    session.db.wait_for_integrity()  # a copy of a database that failed its check helps nobody
    files, seq = _consistent_copy(session, out.parent)
    about = {"created_at": utc_now(), "program": __version__,
             "database_id": session.db.meta("database_id"), "audit_seq": seq}
    data = archive.pack(files, about, backup_passphrase)
    digest = hashlib.sha256(data).hexdigest()
    with session.audited("backup.create", obj=f"backup:{digest[:16]}",
                         payload={"sha256": digest, "bytes": len(data), "audit_seq": seq}):
        write_file_atomically(out, data)
    log.info("Backup written (%d bytes)", len(data))
    return BackupResult(out, len(data), digest, seq)


def _key_files(session: Session) -> dict[str, bytes]:
    current = session.keyfile.path
    found = {archive.KEYFILE: _read(current)}
    with contextlib.suppress(FileNotFoundError):
        found[archive.PENDING_KEYFILE] = pending_path_for(current).read_bytes()
    return found


def _consistent_copy(session: Session, folder: Path) -> tuple[dict[str, bytes], int]:
    for _ in range(ATTEMPTS):
        before = _key_files(session)
        database, seq = _copy_database(session, folder)
        if _key_files(session) == before:
            return {archive.DATABASE: database, **before}, seq
        log.info("The key file changed during the backup; copying again")
    raise InputError("The database kept changing its keys during the backup (another window or "
                     "command is changing reviewers); try again when it is done.")


def _copy_database(session: Session, folder: Path) -> tuple[bytes, int]:
    """The database's bytes, copied with the backup API from one read snapshot."""
    path = session.path
    salt = read_salt(path)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=folder) as tmp:
        target_path = Path(tmp) / "copy.db"
        source = _connect(path, _session_key(session))
        try:
            target = _connect(target_path, _session_key(session), salt)
            try:
                source.execute("BEGIN")  # one read snapshot for the head and the pages
                seq, _ = head_of(source)
                source.backup(target)
                source.execute("COMMIT")
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                target.close()
        except sqlcipher3.dbapi2.Error as exc:
            raise FileSystemError(f"The database could not be copied: {exc}.") from None
        finally:
            source.close()
        return target_path.read_bytes(), seq


def _session_key(session: Session) -> bytearray:
    # The session's data key, to key the backup's connections (requested as a public
    # accessor from the session's owners; see the report).
    return session._data_key


def _connect(path: Path, key: bytes | bytearray, salt: bytes | None = None) -> sqlcipher3.dbapi2.Connection:
    """A connection keyed with the raw data key (and, for a new file, the source's salt, so
    that the copy's header matches what the key file records)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    raw = bytearray(b"x'") + bytearray(bytes(key).hex().encode())
    if salt is not None:
        raw += bytearray(salt.hex().encode())
    raw += b"'"
    try:
        conn.set_key(raw)
    finally:
        raw[:] = bytes(len(raw))
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileSystemError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def restore_backup(backup: Path, db: Path, backup_passphrase: str, reviewer: str,
                   passphrase: str) -> RestoreResult:
    """Restore `backup` as the database `db` (which must not exist), after checking that the
    pair opens with `reviewer`'s passphrase."""
    backup, db = Path(backup), Path(db)
    refuse_invisible(db.name, "The file name")
    keys = keyfile_path_for(db)
    for existing in (db, keys, pending_path_for(keys)):
        if existing.exists():
            raise InputError(f"{existing} already exists; a restore never overwrites a database. "
                             "Choose a new path.")
    if not db.parent.is_dir():
        raise FileSystemError(f"The folder {db.parent} does not exist.")
    try:
        if backup.stat().st_size > MAX_BACKUP_BYTES:
            raise InputError(f"{backup} is too large to be a workstation backup.")
    except OSError as exc:
        raise FileSystemError(f"Cannot read {backup}: {exc.strerror or exc}.") from None
    data = _read(backup)
    contents = archive.unpack(data, backup_passphrase)
    digest = hashlib.sha256(data).hexdigest()
    created_at = str(contents.manifest.get("created_at", ""))
    audit_seq = int(contents.manifest.get("audit_seq") or 0)
    made = {"sha256": digest, "created_at": created_at, "audit_seq": audit_seq}
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{db.name}.restore-", dir=db.parent))
    except OSError as exc:
        raise FileSystemError(f"Cannot write in {db.parent}: {exc.strerror or exc}.") from None
    try:
        staged = staging / db.name
        staged.write_bytes(contents.files[archive.DATABASE])
        keyfile_path_for(staged).write_bytes(contents.files[archive.KEYFILE])
        if archive.PENDING_KEYFILE in contents.files:
            pending_path_for(keyfile_path_for(staged)).write_bytes(contents.files[archive.PENDING_KEYFILE])
        session = unlock(staged, reviewer, passphrase)  # every check an unlock makes
        try:
            database_id = session.db.meta("database_id") or ""
            with session.db.transaction() as tx:  # the restored database records where it came from
                chain.append(tx, actor=reviewer, action="backup.restore", obj=f"backup:{digest[:16]}",
                             payload=made)
        finally:
            session.lock()
        _place(staging, db)
    except OSError as exc:
        raise FileSystemError(f"Cannot restore into {db.parent}: {exc.strerror or exc}.") from None
    except WorkstationError:
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreResult(db, database_id, created_at, audit_seq)


def _place(staging: Path, db: Path) -> None:
    """Move the restored files next to `db`, the database last, never over an existing file."""
    names = sorted((p.name for p in staging.iterdir()), key=lambda n: (n == db.name, n))
    placed: list[Path] = []
    try:
        for name in names:
            os.link(staging / name, db.parent / name)  # fails if the name appeared meanwhile
            placed.append(db.parent / name)
    except OSError:
        for path in placed:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
