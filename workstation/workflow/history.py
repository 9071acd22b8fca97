"""The commands applied to each report, in order: the record that lets a reviewer's work
replay on another database, refuses a command applied twice, and is covered by every
sign-off (the statement carries the hash of the report's history up to it)."""

from __future__ import annotations

import hashlib
import json

import rfc8785

from workstation.clock import utc_now
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.workflow.commands import Command, command_from_dict

EMPTY_HISTORY = hashlib.sha256(b"").hexdigest()


def canonical(command: Command) -> str:
    return rfc8785.dumps(command.to_dict()).decode("utf-8")


def already_applied(tx: Transaction, command_id: str) -> bool:
    found = tx.execute("SELECT 1 FROM review_commands WHERE command_id = ?", (command_id,)).fetchone()
    return found is not None


def record(tx: Transaction, report_id: int, command: Command, applied_by: str, audit_seq: int) -> None:
    tx.execute("INSERT INTO review_commands(command_id, report_id, kind, actor, key_id, body, applied_at, "
               "applied_by, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (command.command_id, report_id, command.kind, command.actor.name, command.actor.key_id,
                canonical(command), utc_now(), applied_by, audit_seq))


def history_bodies(db: Database, report_id: int) -> list[str]:
    return [row[0] for row in db.query("SELECT body FROM review_commands WHERE report_id = ? ORDER BY seq",
                                       (report_id,))]


def history_sha256(db: Database, report_id: int) -> str:
    """SHA-256 over the report's commands in order (each its canonical JSON, one a line)."""
    digest = hashlib.sha256()
    for body in history_bodies(db, report_id):
        digest.update(body.encode("utf-8") + b"\n")
    return digest.hexdigest()


def report_commands(db: Database, report_id: int) -> list[Command]:
    return [command_from_dict(json.loads(body)) for body in history_bodies(db, report_id)]


def commands_jsonl(db: Database, report_id: int) -> str:
    """The report's commands as JSON lines, in the order they were applied."""
    return "".join(body + "\n" for body in history_bodies(db, report_id))
