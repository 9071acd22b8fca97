"""Numbered schema migrations.

`data/schema.sql` always describes the newest schema and is applied whole to a new
database. Its sections are marked with the schema version that added them; a database
made by an older version is brought up to date by applying the newer sections, in order,
each in its own transaction. Migration N turns a database at version N-1 into version N.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlcipher3

from workstation.paths import shipped_file


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlcipher3.dbapi2.Connection], None]
    # Statements run once the migrations have committed, outside any transaction (what cannot
    # run in one: VACUUM), from the section's "-- @after-commit: STATEMENT" lines.
    after_commit: tuple[str, ...] = ()


def sql_migration(version: int, description: str, sql: str) -> Migration:
    def apply(conn: sqlcipher3.dbapi2.Connection) -> None:
        for statement in split_statements(sql):
            conn.execute(statement)

    after = tuple(m.group(1).strip() for m in _AFTER_COMMIT.finditer(sql))
    return Migration(version, description, apply, after)


def split_statements(sql: str) -> list[str]:
    """Split a script into statements (executescript would commit our transaction)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlcipher3.complete_statement(current):
            if current.strip():
                statements.append(current)
            current = ""
    if current.strip():
        statements.append(current)
    return statements


BASE_VERSION = 1  # the version data/schema.sql had when the first database was made
_SINCE = re.compile(r"^-- @since schema (\d+)\b.*$", re.MULTILINE)
_DESCRIPTION = re.compile(r"^-- @since schema \d+:\s*(.*)$", re.MULTILINE)
_AFTER_COMMIT = re.compile(r"^-- @after-commit:\s*(.+)$", re.MULTILINE)


def schema_sections(schema: str) -> dict[int, str]:
    """data/schema.sql split at its `-- @since schema N: description` markers.

    The text before the first marker is version 1. A new database gets every section;
    an older one gets the sections newer than its version, as migrations. So the file
    stays the one description of the schema and no table is written down twice.
    """
    sections: dict[int, str] = {}
    markers = list(_SINCE.finditer(schema))
    sections[BASE_VERSION] = schema[: markers[0].start()] if markers else schema
    for marker, following in zip(markers, [*markers[1:], None], strict=True):
        version = int(marker.group(1))
        if version != max(sections) + 1:
            raise ValueError(f"schema.sql: section {version} is out of order")
        sections[version] = schema[marker.start(): following.start() if following else len(schema)]
    return sections


def schema_migrations(schema: str) -> tuple[Migration, ...]:
    migrations = []
    for version, sql in sorted(schema_sections(schema).items()):
        if version > BASE_VERSION:
            found = _DESCRIPTION.search(sql)
            migrations.append(sql_migration(version, found.group(1) if found else "", sql))
    return tuple(migrations)


MIGRATIONS: tuple[Migration, ...] = schema_migrations(
    shipped_file("data", "schema.sql").read_text(encoding="utf-8")
)


def latest_version(migrations: Sequence[Migration]) -> int:
    return migrations[-1].version if migrations else BASE_VERSION
