"""Numbered schema migrations.

`data/schema.sql` always describes the newest schema and is applied to a new database;
a database made by an older version is brought up to date by the migrations below, in
order, each in its own transaction. Migration N turns a database at version N-1 into
version N.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlcipher3


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlcipher3.dbapi2.Connection], None]


def sql_migration(version: int, description: str, sql: str) -> Migration:
    def apply(conn: sqlcipher3.dbapi2.Connection) -> None:
        for statement in split_statements(sql):
            conn.execute(statement)

    return Migration(version, description, apply)


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

MIGRATIONS: tuple[Migration, ...] = ()


def latest_version(migrations: Sequence[Migration]) -> int:
    return migrations[-1].version if migrations else BASE_VERSION
