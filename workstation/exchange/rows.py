"""A report's rows as the coordinator holds them, carried in an assignment and written into
a reviewer's laptop; and their deletion there once the coordinator has the work back.

Every table with a `report_id` column travels (new tables of later versions too), without
its own row id; sign-offs carry their key as a public key, review commands their canonical
JSON, linked reports their incident. Column names are checked against this database's own
tables before any SQL uses them.
"""

from __future__ import annotations

import json
from typing import Any

from workstation.errors import InputError
from workstation.review.search import index_report, unindex_report
from workstation.store.database import Database
from workstation.store.transaction import Transaction, inserted_id

OWN_PREFIXES = ("work_", "panel_")
SPECIAL = ("reports", "signoffs", "review_commands", "incident_reports")
REPORT_SKIP = ("id", "bundle_ref")


def _columns(conn: Any, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]


def report_tables(conn: Any) -> list[str]:
    """Tables with a report_id column that carry a report's own rows (not the exchange's)."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "ORDER BY name"
        ).fetchall()
    ]
    return [
        n
        for n in names
        if not n.startswith(OWN_PREFIXES) and n not in SPECIAL and "report_id" in _columns(conn, n)
    ]


def _encode(value: Any) -> Any:
    return {"hex": bytes(value).hex()} if isinstance(value, bytes | bytearray | memoryview) else value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) != {"hex"} or not isinstance(value["hex"], str):
            raise InputError("A carried row has a value that is not a scalar.")
        return bytes.fromhex(value["hex"])
    if isinstance(value, list):
        raise InputError("A carried row has a value that is not a scalar.")
    return value


def _rows(conn: Any, table: str, where: str, params: tuple[Any, ...], skip: tuple[str, ...]) -> list[dict]:
    columns = [c for c in _columns(conn, table) if c not in skip]
    quoted = ", ".join(f'"{c}"' for c in columns)
    return [
        {c: _encode(v) for c, v in zip(columns, row, strict=True)}
        for row in conn.execute(f'SELECT {quoted} FROM "{table}" WHERE {where} ORDER BY rowid', params)
    ]


def gather(db: Database, report_id: int) -> dict[str, Any]:
    """Everything about one report a reviewer needs offline (read inside one transaction)."""
    conn = db.conn
    report = _rows(conn, "reports", "id = ?", (report_id,), REPORT_SKIP)[0]
    tables = {
        t: _rows(conn, t, "report_id = ?", (report_id,), ("id", "report_id")) for t in report_tables(conn)
    }
    signoffs = []
    for row in conn.execute(
        "SELECT s.id, k.public_key FROM signoffs s JOIN reviewer_keys k ON k.id = s.reviewer_key_id "
        "WHERE s.report_id = ? ORDER BY s.id",
        (report_id,),
    ).fetchall():
        fields = _rows(conn, "signoffs", "id = ?", (row[0],), ("id", "report_id", "reviewer_key_id"))[0]
        snapshot = _rows(conn, "signoff_snapshots", "signoff_id = ?", (row[0],), ("signoff_id",))
        signoffs.append(
            {"key": bytes(row[1]).hex(), "row": fields, "snapshot": snapshot[0] if snapshot else None}
        )
    commands = _rows(
        conn, "review_commands", "report_id = ?", (report_id,), ("seq", "report_id", "audit_seq")
    )
    incident = conn.execute(
        "SELECT incident_id, role FROM incident_reports WHERE report_id = ?", (report_id,)
    ).fetchone()
    return {
        "report": report,
        "tables": tables,
        "signoffs": signoffs,
        "commands": commands,
        "incident": None if incident is None else {"group": int(incident[0]), "role": str(incident[1])},
    }


def _insert(tx: Transaction, table: str, row: dict[str, Any], known: set[str], extra: dict[str, Any]) -> int:
    if not isinstance(row, dict) or set(row) - known:
        raise InputError(f"A carried {table} row has columns this database does not know.")
    values = {**{k: _decode(v) for k, v in row.items()}, **extra}
    quoted = ", ".join(f'"{c}"' for c in values)
    marks = ", ".join("?" for _ in values)
    return inserted_id(
        tx.execute(f'INSERT INTO "{table}"({quoted}) VALUES ({marks})', tuple(values.values())))


def place(
    tx: Transaction,
    carried: dict[str, Any],
    *,
    bundle_ref: int,
    keys: dict[str, int],
    audit_seq: int,
    incidents: dict[int, int],
) -> tuple[int, list[int]]:
    """Write one carried report into this (laptop) database; returns its id here and the ids
    of the sign-offs written (each needs its audit entry)."""
    if not isinstance(carried, dict) or set(carried) != {
        "report",
        "tables",
        "signoffs",
        "commands",
        "incident",
    }:
        raise InputError("A carried report does not have the expected parts.")
    columns = {
        t: set(_columns(tx, t)) for t in ("reports", "signoffs", "signoff_snapshots", "review_commands")
    }
    report_id = _insert(tx, "reports", carried["report"], columns["reports"], {"bundle_ref": bundle_ref})
    allowed = set(report_tables(tx))
    tables = carried["tables"]
    if not isinstance(tables, dict) or set(tables) - allowed:
        raise InputError("A carried report has rows for tables this database does not have.")
    for table, rows in tables.items():
        known = set(_columns(tx, table))
        for row in rows:
            _insert(tx, table, row, known, {"report_id": report_id})
    signoff_ids = []
    for signoff in carried["signoffs"]:
        key = keys.get(str(signoff.get("key")))
        if key is None:
            raise InputError("A carried sign-off was made with a key the packet's roster does not have.")
        signoff_id = _insert(
            tx,
            "signoffs",
            signoff["row"],
            columns["signoffs"],
            {"report_id": report_id, "reviewer_key_id": key},
        )
        if signoff.get("snapshot") is not None:
            _insert(
                tx,
                "signoff_snapshots",
                signoff["snapshot"],
                columns["signoff_snapshots"],
                {"signoff_id": signoff_id},
            )
        signoff_ids.append(signoff_id)
    for command in carried["commands"]:
        _insert(
            tx,
            "review_commands",
            command,
            columns["review_commands"],
            {"report_id": report_id, "audit_seq": audit_seq},
        )
    incident = carried["incident"]
    if incident is not None:
        group = int(incident["group"])
        if group not in incidents:
            incidents[group] = inserted_id(
                tx.execute(
                    "INSERT INTO incidents(created_at, created_by) VALUES (datetime('now'), 'coordinator')"
                ))
        tx.execute(
            "INSERT INTO incident_reports(report_id, incident_id, role) VALUES (?, ?, ?)",
            (report_id, incidents[group], str(incident["role"])),
        )
    index_report(tx, report_id, json.loads(str(_decode(carried["report"]["submission"]))))
    return report_id, signoff_ids


def purge(tx: Transaction, report_id: int) -> None:
    """Delete every row of a report from this laptop (secure_delete is on for the database, and
    the search index deletes securely too); the audit keeps ids and hashes only."""
    tx.execute("INSERT OR IGNORE INTO work_purge(report_id) VALUES (?)", (report_id,))
    signoff_ids = [r[0] for r in tx.execute("SELECT id FROM signoffs WHERE report_id = ?", (report_id,))]
    for signoff_id in signoff_ids:
        tx.execute("DELETE FROM signoff_snapshots WHERE signoff_id = ?", (signoff_id,))
    tx.execute("DELETE FROM signoffs WHERE report_id = ?", (report_id,))
    incident = tx.execute(
        "SELECT incident_id FROM incident_reports WHERE report_id = ?", (report_id,)
    ).fetchone()
    for table in [*report_tables(tx), "review_commands", "incident_reports", "work_holds"]:
        tx.execute(f'DELETE FROM "{table}" WHERE report_id = ?', (report_id,))
    if (
        incident is not None
        and not tx.execute("SELECT 1 FROM incident_reports WHERE incident_id = ?", (incident[0],)).fetchone()
    ):
        tx.execute("DELETE FROM incidents WHERE id = ?", (incident[0],))
    unindex_report(tx, report_id)
    bundle = tx.execute("SELECT bundle_ref FROM reports WHERE id = ?", (report_id,)).fetchone()
    tx.execute("DELETE FROM reports WHERE id = ?", (report_id,))
    if (
        bundle is not None
        and not tx.execute("SELECT 1 FROM reports WHERE bundle_ref = ?", (bundle[0],)).fetchone()
    ):
        tx.execute("DELETE FROM bundles WHERE id = ?", (bundle[0],))
    tx.execute("DELETE FROM work_purge WHERE report_id = ?", (report_id,))
