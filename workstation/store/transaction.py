"""The handle `Database.transaction()` gives to the block that writes: the part of a
sqlcipher3 connection the domain uses, typed (sqlcipher3 ships no type hints)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeAlias

Row: TypeAlias = Any  # a sqlcipher3.dbapi2.Row: index by name or number
Parameters: TypeAlias = Sequence[Any] | Mapping[str, Any]


class Cursor(Protocol):
    @property
    def lastrowid(self) -> int | None: ...

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...  # a Row or None, as the standard library's sqlite3 types it

    def fetchall(self) -> list[Row]: ...

    def __iter__(self) -> Iterator[Row]: ...


def inserted_id(cursor: Cursor) -> int:
    """The rowid an INSERT just made (a cursor's lastrowid is None only before any INSERT)."""
    if cursor.lastrowid is None:
        raise RuntimeError("no row was inserted")
    return cursor.lastrowid


class Transaction(Protocol):
    """Statements run inside one write transaction (or a savepoint nested in one)."""

    def execute(self, sql: str, parameters: Parameters = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Parameters], /) -> Cursor: ...
