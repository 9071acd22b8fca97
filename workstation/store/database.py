"""The one owner of the SQLCipher connection.

It keys the connection before any statement, refuses files that are not ours, damaged
or too new, applies the schema to a new database, runs migrations, and wraps every
write in `transaction()`. Environment problems become WorkstationErrors (see errors.py).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import sqlcipher3

from workstation.errors import (
    DamagedError,
    FileSystemError,
    NotWorkstationDatabaseError,
    TooNewError,
    WorkstationError,
)
from workstation.paths import shipped_file
from workstation.store import errors
from workstation.store.integrity import IntegrityCheck, integrity_problem
from workstation.store.migrations import (
    MIGRATIONS,
    Migration,
    latest_version,
    split_statements,
)
from workstation.store.transaction import Row, Transaction

APPLICATION_ID = 0x4E4D5257  # "NMRW": marks a file as a workstation database
PAGE_SIZE = 4096  # SQLCipher 4 default
SALT_SIZE = 16  # SQLCipher keeps its per-file salt in the first 16 bytes
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"



def _raw_key(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form x'<hex>': it skips the passphrase KDF (our key is random)."""
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    return bytearray(b"x'") + bytearray(key.hex().encode()) + bytearray(b"'")


def read_salt(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(SALT_SIZE)


class Database:
    """An open, keyed, checked workstation database."""

    def __init__(self, conn: sqlcipher3.dbapi2.Connection, path: Path) -> None:
        self._conn: sqlcipher3.dbapi2.Connection | None = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0
        self.integrity = IntegrityCheck.passed_now(0.0)  # the full page and structure check

    # ----- opening ---------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        key: bytes | bytearray,
        *,
        meta: dict[str, str],
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Database:
        """A new database at `path` with the current schema. `path` must not exist."""
        path = Path(path)
        if path.exists():
            raise FileSystemError(f"{path} already exists; the workstation will not overwrite it.")
        if not path.parent.is_dir():
            raise FileSystemError(f"The folder {path.parent} does not exist.")
        _check_writable_folder(path.parent)
        conn = _connect(path, key)
        db = cls(conn, path)
        try:
            # Before the first table (and before WAL mode writes the header): freed pages can
            # then be given back to the file system (`reclaim_free_pages`).
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            db._configure()
            schema = shipped_file("data", "schema.sql").read_text(encoding="utf-8")
            with db.transaction() as tx:
                for statement in split_statements(schema):
                    tx.execute(statement)
                tx.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", sorted(meta.items()))
                tx.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                tx.execute(f"PRAGMA user_version = {latest_version(migrations)}")
        except BaseException:
            db.close()
            _remove_database_files(path)
            raise
        return db

    @classmethod
    def open(
        cls,
        path: Path,
        key: bytes | bytearray,
        *,
        migrations: Sequence[Migration] = MIGRATIONS,
        migration_hook: Any = None,
        background_check: bool = False,
    ) -> Database:
        """Open and check an existing database; migrate it if it is older than the program.

        `migration_hook(tx, migration)` is called inside each migration's transaction
        (the session uses it to write the audit entry). With `background_check`, the full
        check (store/integrity.py) runs in a thread from `start_integrity_check()`: reads go
        on, writes wait for it, and a failure closes the database. Without it, it runs
        before returning.
        """
        path = Path(path)
        check_database_file(path)
        try:
            conn = _connect(path, key)
        except sqlcipher3.dbapi2.DatabaseError as exc:
            raise _translated(exc, path) from None
        db = cls(conn, path)
        try:
            db._check_readable()
            db._configure()
            db._check_identity_and_version(latest_version(migrations))
            # The page check reads the database file only: bring in what a crash left in the
            # WAL first (after a crashed re-key, every page under the new key is there). On a
            # full disk this cannot be done; the database still opens for reading.
            with contextlib.suppress(FileSystemError):
                db.checkpoint()
            if background_check and db.user_version == latest_version(migrations):
                db._start_integrity_check(key)
            else:  # a migration writes: check first
                db._check_integrity()
            db._migrate(migrations, migration_hook)
        except BaseException:
            db.close()
            raise
        return db

    def _start_integrity_check(self, key: bytes | bytearray) -> None:
        check = IntegrityCheck()
        check.add_done_callback(self._on_integrity_checked)
        self.integrity = check
        check.prepare(_connect(self.path, key))  # keyed now; started by start_integrity_check()

    def start_integrity_check(self) -> None:
        """Start the background check prepared by `open(background_check=True)` (a no-op when
        the check ran in the foreground). Call it once the opener's own reads are done."""
        self.integrity.start()

    def _on_integrity_checked(self, check: IntegrityCheck) -> None:
        if check.failed:
            self.close()  # fail closed: no reads of a database that failed its check

    def wait_for_integrity(self) -> None:
        """Writes wait for the full check; none is made to a database that failed it."""
        check = self.integrity
        while not (check.passed or check.failed or check.done):
            check.wait(0.05)  # the result, not the callbacks: one of them may be this write
        if check.failed:
            raise DamagedError(
                f"The database {self.path} is damaged or has been tampered with ({check.problem}). "
                "It was locked; restore it from a backup."
            )
    def _check_readable(self) -> None:
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            if "not a database" in str(exc).lower():
                # The key came from this database's own key file, so page 1 failing its
                # HMAC means the file was changed, not that the key is wrong.
                raise DamagedError(
                    f"The database {self.path} cannot be read with its key: it is damaged, "
                    "has been tampered with, or was replaced by another file. "
                    "Restore it from a backup."
                ) from None
            raise _translated(exc, self.path) from None

    def _configure(self) -> None:
        version = self.conn.execute("PRAGMA cipher_version").fetchone()[0] or ""
        if not str(version).startswith("4"):
            raise WorkstationError(
                f"This program needs SQLCipher 4 but found {version!r}; reinstall the workstation."
            )
        for pragma in (
            "PRAGMA temp_store = MEMORY",  # SQLCipher does not encrypt temp files
            "PRAGMA secure_delete = ON",  # deleted text must not linger in free pages
            "PRAGMA foreign_keys = ON",
            "PRAGMA synchronous = FULL",  # a committed decision survives a power cut
            "PRAGMA busy_timeout = 5000",
        ):
            self.conn.execute(pragma)
        try:
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlcipher3.dbapi2.DatabaseError as exc:
            raise _translated(exc, self.path) from None
        if str(mode).lower() != "wal":
            raise FileSystemError(
                f"The workstation cannot write in the folder {self.path.parent}: "
                "it needs to write next to its database."
            )

    def _check_integrity(self) -> None:
        started = time.perf_counter()
        try:
            problem = integrity_problem(self.conn)
        except sqlcipher3.dbapi2.DatabaseError as exc:
            raise _translated(exc, self.path) from None
        if problem is not None:
            raise DamagedError(
                f"The database {self.path} is damaged or has been tampered with "
                f"({problem}). Restore it from a backup."
            )
        self.integrity = IntegrityCheck.passed_now(time.perf_counter() - started)

    def _check_identity_and_version(self, program_version: int) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotWorkstationDatabaseError(
                f"{self.path} is an encrypted database, but not a workstation database."
            )
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > program_version:
            raise TooNewError(
                f"The database {self.path} was made by a newer version of the workstation "
                f"(schema {version}; this program knows up to {program_version}). "
                "Update the workstation to open it; the database was not changed."
            )

    def _migrate(self, migrations: Sequence[Migration], hook: Any) -> None:
        version = self.user_version
        after: list[str] = []
        for migration in migrations:
            if migration.version <= version:
                continue
            with self.transaction() as tx:
                migration.apply(tx)
                if hook is not None:
                    hook(tx, migration)
                tx.execute(f"PRAGMA user_version = {int(migration.version)}")
            version = migration.version
            after.extend(migration.after_commit)
        with self._lock:  # e.g. VACUUM: it cannot run inside a transaction
            for statement in after:
                try:
                    self.conn.execute(statement).fetchall()
                except sqlcipher3.dbapi2.DatabaseError as exc:
                    raise _translated(exc, self.path) from None

    def reclaim_free_pages(self) -> int:
        """Give the file's free pages back to the file system (auto_vacuum = INCREMENTAL;
        `secure_delete` has already overwritten them) and empty the WAL, so that the file
        shrinks. Returns the number of free pages there were (0 on a database made before
        schema 11 that was not vacuumed, where nothing can be given back)."""
        if not self.integrity.passed:
            self.wait_for_integrity()
        with self._lock:
            try:
                free = int(self.conn.execute("PRAGMA freelist_count").fetchone()[0])
                self.conn.execute("PRAGMA incremental_vacuum").fetchall()
            except sqlcipher3.dbapi2.DatabaseError as exc:
                raise _translated(exc, self.path) from None
        self.checkpoint()
        return free

    # ----- use -------------------------------------------------------------------

    @property
    def conn(self) -> sqlcipher3.dbapi2.Connection:
        if self._conn is None:
            raise WorkstationError("The workstation is locked; unlock it to continue.")
        return self._conn

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @property
    def closed(self) -> bool:
        return self._conn is None

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def meta(self, key: str) -> str | None:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else row[0]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._lock:
            try:
                rows: list[Row] = self.conn.execute(sql, params).fetchall()
                return rows
            except sqlcipher3.dbapi2.DatabaseError as exc:
                raise _translated(exc, self.path) from None

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def query_row(self, sql: str, params: Sequence[Any] = ()) -> Row:
        """The first row of a query that always has one (an aggregate, or a row the caller
        knows is there); a missing row is a bug, not bad input."""
        row = self.query_one(sql, params)
        if row is None:
            raise LookupError("the row the query expects is not in the database")
        return row

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """All writes go through here: all of the block is saved, or none of it.

        Nested use becomes a savepoint, so helpers can open their own transaction.
        """
        if not self.integrity.passed:
            self.wait_for_integrity()
        with self._lock:
            conn = self.conn
            outermost = self._depth == 0
            savepoint = f"sp{self._depth}"
            try:
                conn.execute("BEGIN IMMEDIATE" if outermost else f"SAVEPOINT {savepoint}")
            except sqlcipher3.dbapi2.DatabaseError as exc:
                raise _translated(exc, self.path) from None
            self._depth += 1
            try:
                yield conn
                if outermost:
                    conn.execute("COMMIT")
                else:
                    conn.execute(f"RELEASE {savepoint}")
            except BaseException as exc:
                self._rollback(conn, outermost, savepoint)
                translated = errors.translate(exc, self.path)
                if translated is not None:
                    raise translated from None
                raise
            finally:
                self._depth -= 1

    def _rollback(self, conn: Any, outermost: bool, savepoint: str) -> None:
        if outermost:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        else:
            conn.execute(f"ROLLBACK TO {savepoint}")
            conn.execute(f"RELEASE {savepoint}")

    def rekey(self, tx: Transaction, key: bytes | bytearray) -> None:
        """Re-encrypt every page under `key`, inside the caller's write transaction: SQLCipher
        rewrites all pages, so the rows the transaction changed and the new key are
        committed together, in one WAL commit (tests/security/test_rekey_*.py prove it)."""
        raw = _raw_key(key)
        try:
            cast(Any, tx).reset_key(raw)  # sqlcipher3's own call; not part of the typed handle
        except sqlcipher3.dbapi2.DatabaseError as exc:
            raise _translated(exc, self.path) from None
        finally:
            raw[:] = bytes(len(raw))

    def checkpoint(self) -> None:
        """Copy the WAL into the database file and empty it (after a re-key: no page under the
        old key stays on disk)."""
        with self._lock:
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlcipher3.dbapi2.DatabaseError as exc:
                raise _translated(exc, self.path) from None

    def close(self) -> None:
        """Close the connection; the key goes with it (SQLCipher wipes its copy)."""
        if threading.current_thread().name != "integrity-check":
            self.integrity.stop()
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.dbapi2.Error):
                    self._conn.close()
                self._conn = None


def _connect(path: Path, key: bytes | bytearray) -> sqlcipher3.dbapi2.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    raw = _raw_key(key)
    try:
        conn.set_key(raw)  # before any statement
    finally:
        raw[:] = bytes(len(raw))
    conn.execute("PRAGMA cipher_log_level = NONE")  # no HMAC warnings on stderr
    conn.row_factory = sqlcipher3.dbapi2.Row
    return conn


def check_database_file(path: Path) -> None:
    """Refuse, before any key is tried, files that cannot be a workstation database."""
    if not path.exists():
        raise FileSystemError(f"There is no database at {path}.")
    if not path.is_file():
        raise NotWorkstationDatabaseError(f"{path} is not a file.")
    size = path.stat().st_size
    if size == 0:
        raise DamagedError(f"The database {path} is empty (0 bytes): it was truncated.")
    try:
        header = read_salt(path)
    except OSError as exc:
        raise FileSystemError(f"The database {path} cannot be read: {exc.strerror}.") from None
    if header == PLAIN_SQLITE_HEADER:
        raise NotWorkstationDatabaseError(
            f"{path} is a plain, unencrypted SQLite file, not a workstation database."
        )
    if size % PAGE_SIZE:
        raise DamagedError(
            f"The database {path} has been truncated or damaged "
            f"({size} bytes is not a whole number of pages). Restore it from a backup."
        )


def _check_writable_folder(folder: Path) -> None:
    """Try to write, rather than ask os.access: root and read-only mounts fool access()."""
    probe = folder / f".nmw-write-probe-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        raise FileSystemError(
            f"The workstation cannot write in the folder {folder}. "
            "Choose a folder you can write to."
        ) from None


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def _translated(exc: BaseException, path: Path) -> WorkstationError:
    return errors.translate(exc, path) or WorkstationError(
        f"The database {path} could not be opened ({exc})."
    )
