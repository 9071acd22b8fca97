"""The encrypted store: keying, pragmas, schema, migrations, and every kind of bad file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from tests.helpers.databases import KEY, META, raw_connection
from tests.helpers.files import fingerprint, read_only_folder, small_filesystem
from workstation.errors import (
    DamagedError,
    FileSystemError,
    NotWorkstationDatabaseError,
    TooNewError,
    WorkstationError,
)
from workstation.store.database import APPLICATION_ID, Database
from workstation.store.migrations import MIGRATIONS, Migration, latest_version, sql_migration


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    folder.mkdir()
    return folder / "test.db"


def make(db_path: Path) -> Database:
    return Database.create(db_path, KEY, meta=META)


def test_new_database_has_schema_version_and_identity(db_path: Path) -> None:
    db = make(db_path)
    assert db.user_version == latest_version(MIGRATIONS)
    assert db.query_one("PRAGMA application_id")[0] == APPLICATION_ID
    assert db.meta("database_id") == "test-db"
    tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "reviewers", "reviewer_keys", "audit"} <= tables
    db.close()
    reopened = Database.open(db_path, KEY)
    assert reopened.meta("database_id") == "test-db"
    reopened.close()


def test_connection_is_configured_securely(db_path: Path) -> None:
    db = make(db_path)
    assert str(db.query_one("PRAGMA cipher_version")[0]).startswith("4")
    assert db.query_one("PRAGMA temp_store")[0] == 2  # MEMORY
    assert db.query_one("PRAGMA secure_delete")[0] == 1
    assert db.query_one("PRAGMA foreign_keys")[0] == 1
    assert db.query_one("PRAGMA journal_mode")[0] == "wal"
    db.close()


def test_marker_never_reaches_the_disk_in_clear(db_path: Path) -> None:
    marker = "MARKER-7f3c-Officer-Hunter-Grace-555-0142"
    db = make(db_path)
    with db.transaction() as tx:
        tx.execute("INSERT INTO meta(key, value) VALUES ('probe', ?)", (marker,))
        tx.execute("CREATE TABLE scratch(x TEXT)")
        tx.executemany("INSERT INTO scratch VALUES (?)", [(marker * 20,)] * 200)
    # While the connection is open the WAL holds the latest pages.
    assert db_path.with_name(db_path.name + "-wal").exists()
    files = sorted(db_path.parent.iterdir())
    assert files, "no database files written"
    needle = marker.encode()
    for path in files:
        data = path.read_bytes()
        assert needle not in data, f"marker found in clear in {path.name}"
        assert marker.encode("utf-16-le") not in data
    db.close()
    for path in db_path.parent.iterdir():
        assert needle not in path.read_bytes()
    # ... and it is really there, readable with the key.
    reopened = Database.open(db_path, KEY)
    assert reopened.meta("probe") == marker
    reopened.close()


def test_transaction_rolls_back_everything_on_error(db_path: Path) -> None:
    db = make(db_path)
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.execute("INSERT INTO meta(key, value) VALUES ('a', '1')")
        raise RuntimeError("boom")
    assert db.meta("a") is None
    with db.transaction() as tx:
        tx.execute("INSERT INTO meta(key, value) VALUES ('b', '1')")
        with pytest.raises(ValueError), db.transaction() as inner:
            inner.execute("INSERT INTO meta(key, value) VALUES ('c', '1')")
            raise ValueError("inner only")
    assert db.meta("b") == "1"
    assert db.meta("c") is None
    db.close()


def test_wrong_key_is_refused(db_path: Path) -> None:
    make(db_path).close()
    before = fingerprint(db_path.parent)
    with pytest.raises(DamagedError):
        Database.open(db_path, os.urandom(32))
    assert fingerprint(db_path.parent) == before


def test_too_new_database_is_refused_and_left_alone(db_path: Path) -> None:
    make(db_path).close()
    conn = raw_connection(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = fingerprint(db_path.parent)
    with pytest.raises(TooNewError, match="newer version"):
        Database.open(db_path, KEY)
    assert fingerprint(db_path.parent) == before


def test_numbered_migrations_run_in_order_with_hook(db_path: Path) -> None:
    make(db_path).close()
    seen: list[int] = []
    now = latest_version(MIGRATIONS)
    migrations = (
        *MIGRATIONS,
        sql_migration(now + 1, "add notes", "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"),
        Migration(now + 2, "seed", lambda c: c.execute("INSERT INTO notes(body) VALUES ('x')")),
    )
    db = Database.open(db_path, KEY, migrations=migrations,
                       migration_hook=lambda tx, m: seen.append(m.version))
    assert seen == [now + 1, now + 2]
    assert db.user_version == now + 2
    assert db.query_one("SELECT count(*) FROM notes")[0] == 1
    db.close()
    # Already migrated: nothing runs again.
    db = Database.open(db_path, KEY, migrations=migrations,
                       migration_hook=lambda tx, m: seen.append(m.version))
    assert seen == [now + 1, now + 2]
    db.close()


def test_failed_migration_leaves_the_database_at_its_version(db_path: Path) -> None:
    make(db_path).close()

    def broken(conn: sqlcipher3.dbapi2.Connection) -> None:
        conn.execute("CREATE TABLE half_done(x)")
        raise sqlcipher3.dbapi2.OperationalError("no such column: y")

    now = latest_version(MIGRATIONS)
    with pytest.raises(sqlcipher3.dbapi2.OperationalError):
        Database.open(db_path, KEY, migrations=(*MIGRATIONS, Migration(now + 1, "broken", broken)))
    db = Database.open(db_path, KEY)
    assert db.user_version == now
    assert db.query_one("SELECT name FROM sqlite_master WHERE name='half_done'") is None
    db.close()


def test_plain_sqlite_file_is_not_a_workstation_database(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotWorkstationDatabaseError, match="unencrypted"):
        Database.open(db_path, KEY)


def test_encrypted_database_of_another_program_is_refused(db_path: Path) -> None:
    conn = raw_connection(db_path)
    conn.execute("CREATE TABLE t(x)")
    conn.close()
    with pytest.raises(NotWorkstationDatabaseError, match="not a workstation database"):
        Database.open(db_path, KEY)


@pytest.mark.parametrize("new_size", [0, 5000, 4096 * 2])
def test_truncated_database_is_refused(db_path: Path, new_size: int) -> None:
    db = make(db_path)
    with db.transaction() as tx:
        tx.execute("CREATE TABLE filler(x)")
        tx.executemany("INSERT INTO filler VALUES (?)", [(os.urandom(500).hex(),)] * 100)
    db.close()
    assert db_path.stat().st_size > new_size
    os.truncate(db_path, new_size)
    with pytest.raises(DamagedError):
        Database.open(db_path, KEY)


@pytest.mark.parametrize("where", ["first page", "middle", "last byte"])
def test_flipped_byte_is_detected(db_path: Path, where: str) -> None:
    db = make(db_path)
    with db.transaction() as tx:
        tx.execute("CREATE TABLE filler(x)")
        tx.executemany("INSERT INTO filler VALUES (?)", [(os.urandom(300).hex(),)] * 60)
    db.close()
    data = bytearray(db_path.read_bytes())
    offset = {"first page": 100, "middle": len(data) // 2 + 17, "last byte": len(data) - 1}[where]
    data[offset] ^= 0x01
    db_path.write_bytes(bytes(data))
    before = fingerprint(db_path.parent)
    with pytest.raises(DamagedError, match=r"tampered|damaged"):
        Database.open(db_path, KEY)
    assert fingerprint(db_path.parent) == before


def test_read_only_folder_gives_a_clear_message(db_path: Path) -> None:
    make(db_path).close()
    before = fingerprint(db_path.parent)
    with read_only_folder(db_path.parent):
        with pytest.raises(FileSystemError, match="cannot write in the folder"):
            Database.open(db_path, KEY)
        with pytest.raises(FileSystemError, match="cannot write in the folder"):
            Database.create(db_path.parent / "other.db", KEY, meta=META)
    assert fingerprint(db_path.parent) == before


def test_full_disk_during_a_write_changes_nothing(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "tiny", size="400k") as folder:
        path = folder / "test.db"
        db = make(path)
        with db.transaction() as tx:
            tx.execute("CREATE TABLE filler(x)")
            tx.execute("INSERT INTO filler VALUES ('kept')")
        with pytest.raises(FileSystemError, match="full"), db.transaction() as tx:
            for _ in range(400):
                tx.execute("INSERT INTO filler VALUES (?)", (os.urandom(2000).hex(),))
        assert [r[0] for r in db.query("SELECT x FROM filler")] == ["kept"]
        db.close()
        reopened = Database.open(path, KEY)
        assert [r[0] for r in reopened.query("SELECT x FROM filler")] == ["kept"]
        reopened.close()


def test_closed_database_refuses_use(db_path: Path) -> None:
    db = make(db_path)
    db.close()
    assert db.closed
    with pytest.raises(WorkstationError, match="locked"):
        db.query("SELECT 1")


def test_create_refuses_to_overwrite(db_path: Path) -> None:
    make(db_path).close()
    before = fingerprint(db_path.parent)
    with pytest.raises(FileSystemError, match="already exists"):
        make(db_path)
    assert fingerprint(db_path.parent) == before
