"""Full-text search for the review queue (SQLite FTS5 inside the encrypted database).

The index holds the original title and free text, so reviewers can find a report by a
word they remember; it is contentless with secure-delete (see data/schema.sql), and it
never leaves the encrypted file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from workstation.intake.submissions import TEXT_FIELDS
from workstation.store.database import Database
from workstation.store.transaction import Transaction

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def index_report(tx: Transaction, report_id: int, submission: Mapping[str, Any]) -> None:
    body = " ".join(str(submission[f]) for f in TEXT_FIELDS[1:] if submission.get(f))
    tx.execute("INSERT INTO report_search(rowid, title, body) VALUES (?, ?, ?)",
               (report_id, str(submission.get("title", "")), body))


def unindex_report(tx: Transaction, report_id: int) -> None:
    tx.execute("DELETE FROM report_search WHERE rowid = ?", (report_id,))


def fts_query(text: str) -> str | None:
    """The user's words as an FTS5 query: every word must occur, the last as a prefix.

    Words are quoted, so nothing the user types is read as FTS5 syntax (AND, NEAR, *, ").
    """
    words = _WORD.findall(text)[:MAX_TERMS]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"  # search as you type
    return " ".join(quoted)


def search_reports(db: Database, text: str, limit: int = 5000) -> list[int]:
    """Ids of the reports matching every word of `text`, best match first."""
    query = fts_query(text)
    if query is None:
        return []
    rows = db.query("SELECT rowid FROM report_search WHERE report_search MATCH ? ORDER BY rank LIMIT ?",
                    (query, limit))
    return [row[0] for row in rows]
