"""The file can shrink: a new database is made with auto_vacuum = INCREMENTAL, an older one is
rebuilt so once by the schema 11 migration (VACUUM after it commits), and
`reclaim_free_pages` gives freed pages back. Keyed-hash needles match as the words did."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from workstation.paths import shipped_file
from workstation.store.database import APPLICATION_ID, Database, _raw_key
from workstation.store.migrations import MIGRATIONS, latest_version, schema_sections, split_statements
from workstation.text.needles import NeedleSet, needle_digest
from workstation.text.normalise import compact

KEY = bytes(range(32))
META = {"database_id": "retention-test"}
RETENTION_VERSION = next(m.version for m in MIGRATIONS if m.description.startswith("retention"))


def schema_of(db: Database) -> list[tuple[str, str, str]]:
    rows = db.query("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                    "ORDER BY type, name")
    return [(t, n, " ".join((sql or "").split())) for t, n, sql in rows]


def make_before_retention(path: Path) -> None:
    """A database as the version before retention made it: every section before it, no auto_vacuum."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    raw = _raw_key(KEY)
    conn.set_key(raw)
    conn.execute("PRAGMA journal_mode = WAL")
    sections = schema_sections(shipped_file("data", "schema.sql").read_text(encoding="utf-8"))
    conn.execute("BEGIN")
    for version in range(1, RETENTION_VERSION):
        for statement in split_statements(sections[version]):
            conn.execute(statement)
    conn.execute("INSERT INTO meta(key, value) VALUES ('database_id', 'old-db')")
    conn.execute("CREATE TABLE filler(x)")  # pages to free later
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {RETENTION_VERSION - 1}")
    conn.execute("COMMIT")
    conn.close()


def test_a_new_database_gives_freed_pages_back(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "new.db", KEY, meta=META)
    try:
        assert db.query_row("PRAGMA auto_vacuum")[0] == 2
        with db.transaction() as tx:
            tx.execute("INSERT INTO meta(key, value) VALUES ('big', ?)", ("x" * 400_000,))
        db.checkpoint()
        grown = db.path.stat().st_size
        with db.transaction() as tx:
            tx.execute("DELETE FROM meta WHERE key = 'big'")
        assert db.reclaim_free_pages() > 50
        assert db.query_row("PRAGMA freelist_count")[0] == 0
        assert db.path.stat().st_size < grown - 300_000
    finally:
        db.close()


def test_the_retention_migration_vacuums_an_older_database_into_incremental(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    make_before_retention(old)
    seen: list[int] = []
    migrated = Database.open(old, KEY, migration_hook=lambda tx, m: seen.append(m.version))
    fresh = Database.create(tmp_path / "fresh.db", KEY, meta=META)
    try:
        assert seen == [m.version for m in MIGRATIONS if m.version >= RETENTION_VERSION]
        assert migrated.user_version == latest_version(MIGRATIONS)
        assert migrated.query_row("PRAGMA auto_vacuum")[0] == 2  # rebuilt by the one-time VACUUM
        assert [row for row in schema_of(migrated) if row[1] != "filler"] == schema_of(fresh)
        assert migrated.meta("database_id") == "old-db"
        with migrated.transaction() as tx:
            tx.execute("INSERT INTO filler(x) VALUES (?)", ("y" * 200_000,))
        with migrated.transaction() as tx:
            tx.execute("DELETE FROM filler")
        assert migrated.reclaim_free_pages() > 30
    finally:
        migrated.close()
        fresh.close()
    reopened = Database.open(old, KEY)  # migrated once: no second VACUUM, nothing to do
    try:
        assert reopened.query_row("PRAGMA auto_vacuum")[0] == 2
    finally:
        reopened.close()


NAMES = ["Dana Whitlocke", "O'Neill", "CA 019 4200", "Muñoz"]


@pytest.mark.parametrize("text", [
    "Then Dana Whitlocke arrived.", "DANA\nWHIT-\nLOCKE", "Dana Whit\u00adlocke", "D\u0430na Whitlocke",
    "oneill's car", "Munoz", "ca-019-4200", "Canadian danger", "nothing here at all",
])
def test_hashed_needles_match_exactly_where_the_words_did(text: str) -> None:
    key = bytes(range(32, 64))
    plain, hashed = NeedleSet(), NeedleSet(hash_key=key)
    for number, name in enumerate(NAMES):
        plain.add(name, f"name {number}")
        form = compact(name)
        hashed.add_hashed(needle_digest(key, form), len(form), f"name {number}")
    found = [(m.needle.description, m.start, m.end) for m in plain.find(text)]
    assert [(m.needle.description, m.start, m.end) for m in hashed.find(text)] == found
    held = hashed.keys()  # what the set holds: hashes, never the words
    assert all(name.casefold() not in key_.casefold() for key_ in held for name in NAMES)


def test_a_hashed_needle_without_the_key_is_not_found() -> None:
    form = compact("Dana Whitlocke")
    other = NeedleSet(hash_key=bytes(32))
    other.add_hashed(needle_digest(bytes(range(32)), form), len(form), "a name")
    assert other.find("Dana Whitlocke") == []
