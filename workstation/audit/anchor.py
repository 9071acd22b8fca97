"""Chain anchors: a (seq, hash) pair naming one audit entry, kept off the database.

Every lock writes one beside the database (`workstation.db.anchor`); each publication
manifest carries one (`audit_head`). `audit verify --anchor FILE` fails when the chain no
longer holds the entry the anchor names: its tail was cut off or rewritten. The file holds
a sequence number and a hash only; nothing in it is secret.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.clock import utc_now
from workstation.errors import FileSystemError, InputError

FORMAT = "near-miss-audit-anchor"
MAX_ANCHOR_BYTES = 4 * 1024 * 1024  # a publication manifest lists every report
_HASH = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    database_id: str | None = None  # anchor files name their database; manifests do not

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}


def anchor_path_for(database: Path) -> Path:
    return Path(str(database) + ".anchor")


def parse_anchor(document: Any) -> Anchor:
    """An anchor file or a publication manifest; InputError for anything else."""
    head = document.get("audit_head") if isinstance(document, dict) else None
    if not (isinstance(head, dict) and isinstance(head.get("seq"), int) and not isinstance(head["seq"], bool)
            and head["seq"] >= 0 and isinstance(head.get("hash"), str) and _HASH.fullmatch(head["hash"])):
        raise InputError("The anchor file has no audit head (an 'audit_head' with 'seq' and 'hash'): "
                         "give a publication manifest or the .anchor file written beside the database.")
    database_id = document.get("database_id")
    return Anchor(head["seq"], head["hash"], database_id if isinstance(database_id, str) else None)


def read_anchor(path: Path) -> Anchor:
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_ANCHOR_BYTES + 1)
    except OSError as exc:
        raise FileSystemError(f"cannot read the anchor file {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_ANCHOR_BYTES:
        raise InputError(f"{path} is too large to be an anchor file or a manifest.")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InputError(f"{path} is not an anchor file or a manifest (it is not JSON).") from None
    return parse_anchor(document)


def anchor_document(anchor: Anchor, database_id: str) -> dict[str, Any]:
    return {"format": FORMAT, "version": 1, "database_id": database_id, "audit_head": anchor.to_json(),
            "written_at": utc_now()}


def write_anchor_file(database: Path, anchor: Anchor, database_id: str) -> None:
    """Beside the database, replaced atomically (a torn anchor would be a false alarm)."""
    from workstation.keys.keyfile import write_atomically

    data = json.dumps(anchor_document(anchor, database_id), indent=2).encode("utf-8") + b"\n"
    write_atomically(anchor_path_for(database), data)
