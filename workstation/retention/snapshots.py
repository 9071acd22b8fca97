"""A purged report's publishable content as both reviewers signed it (`retention_snapshots`):
RFC 8785 JSON, zlib-compressed. Read by workflow/publishable.py: from the purge on, it is
the report's publishable content, so exports, briefings and hash checks see what was signed."""

from __future__ import annotations

import json
import zlib
from typing import Any

import rfc8785

from workstation.store.database import Database


def pack(content: dict[str, Any]) -> bytes:
    return zlib.compress(rfc8785.dumps(content), 9)


def unpack(blob: bytes) -> dict[str, Any]:
    content: dict[str, Any] = json.loads(zlib.decompress(blob))
    return content


def kept_content(db: Database, report_id: int) -> dict[str, Any] | None:
    """The snapshot of a purged report, or None while its original text is held."""
    row = db.query_one("SELECT content FROM retention_snapshots WHERE report_id = ?", (report_id,))
    return None if row is None else unpack(bytes(row[0]))


def is_purged(db: Database, report_id: int) -> bool:
    return db.query_one("SELECT 1 FROM retention_snapshots WHERE report_id = ?", (report_id,)) is not None
