"""Schema versions: a database made by an older version is migrated to exactly the schema
a new database gets, with an audit entry per migration, and nothing of it is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.databases import KEY, META, raw_connection
from workstation.paths import shipped_file
from workstation.store.database import APPLICATION_ID, Database
from workstation.store.migrations import (
    BASE_VERSION,
    MIGRATIONS,
    latest_version,
    schema_migrations,
    schema_sections,
    split_statements,
)

V1_SCHEMA = Path(__file__).resolve().parent.parent / "data" / "schema-v1.sql"


def schema_of(conn) -> list[tuple[str, str, str]]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                        "ORDER BY type, name").fetchall()
    return [(t, n, " ".join((sql or "").split())) for t, n, sql in rows]


def make_version_1(path: Path) -> None:
    """A database exactly as the first released version made it (its schema.sql, version 1)."""
    conn = raw_connection(path)
    conn.execute("BEGIN")
    for statement in split_statements(V1_SCHEMA.read_text(encoding="utf-8")):
        conn.execute(statement)
    conn.execute("INSERT INTO meta(key, value) VALUES ('database_id', 'old-db')")
    conn.execute("INSERT INTO reviewers(name, created_at) VALUES ('old-reviewer', '2026-01-01T00:00:00Z')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.close()


def test_the_shipped_schema_declares_every_version_once() -> None:
    sections = schema_sections(shipped_file("data", "schema.sql").read_text(encoding="utf-8"))
    assert sorted(sections) == list(range(BASE_VERSION, latest_version(MIGRATIONS) + 1))
    assert [m.version for m in MIGRATIONS] == sorted(sections)[1:]
    assert all(m.description for m in MIGRATIONS)


def test_sections_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError, match="out of order"):
        schema_migrations("CREATE TABLE a(x);\n-- @since schema 3: skipped two\nCREATE TABLE b(x);\n")


def test_version_1_database_migrates_to_the_new_schema(tmp_path: Path) -> None:
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    make_version_1(old)
    seen: list[int] = []
    migrated = Database.open(old, KEY, migration_hook=lambda tx, m: seen.append(m.version))
    fresh = Database.create(new, KEY, meta=META)
    try:
        assert seen == [m.version for m in MIGRATIONS]
        assert migrated.user_version == fresh.user_version == latest_version(MIGRATIONS)
        assert schema_of(migrated.conn) == schema_of(fresh.conn)
        # What the old version held is still there.
        assert migrated.meta("database_id") == "old-db"
        assert migrated.query_one("SELECT name FROM reviewers")[0] == "old-reviewer"
    finally:
        migrated.close()
        fresh.close()
