"""The exchange folder: one folder (on removable media, or synced by a tool the panel already
uses) where every workstation of a panel leaves its outgoing packets and picks up the ones
addressed to it.

A packet names its recipient only inside its encryption, so a file is addressed to this
workstation exactly when this workstation's age identity opens it; a file it cannot open
is someone else's and is left alone. A file addressed here is taken in through the same
functions as the menu actions and the CLI (every check as always): taken in, it moves to
`taken-in/`; refused by a check (altered, replayed, wrong signer...), it moves to
`rejected/` with `<name>.reason.txt` beside it, never deleted; refused only for now (a
revocation while work is still to be returned, an assignment whose reports are still here)
it stays where it is and the status says why."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyrage

from workstation.clock import utc_now
from workstation.errors import FileSystemError, InputError, WorkstationError
from workstation.exchange import roles
from workstation.exchange.container import KINDS, PacketRefused, WrongRecipient, decrypt, new_id, read_file
from workstation.exchange.laptop import import_assignment, import_receipt, import_revocation
from workstation.exchange.merge import merge_return
from workstation.intake.trust import workstation_identity
from workstation.session import Session

FOLDER_META = "exchange_folder"
REJECTED = "rejected"
TAKEN_IN = "taken-in"
SUFFIX_KIND = {suffix: kind for kind, suffix in KINDS.items()}
# What each role takes in, in the order it takes them (an assignment before its receipt).
INCOMING = {
    roles.COORDINATOR: ("return",),
    roles.REVIEWER: ("assignment", "receipt", "revocation"),
}


# ----- the setting ----------------------------------------------------------------------------


def exchange_folder(session: Session) -> Path | None:
    held = session.db.meta(FOLDER_META)
    return Path(held) if held else None


def set_exchange_folder(session: Session, folder: Path | None) -> None:
    """Remember this workstation's exchange folder (None: none); audited."""
    if folder is not None:
        folder = Path(folder).expanduser().resolve()
        if not folder.is_dir():
            raise InputError(f"{folder} is not a folder.")
    with session.audited("panel.exchange_folder", "database", {"set": folder is not None}) as tx:
        tx.execute("DELETE FROM meta WHERE key = ?", (FOLDER_META,))
        if folder is not None:
            tx.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (FOLDER_META, str(folder)))


def outgoing_path(folder: Path, who: str, kind: str) -> Path:
    """A new file name in the folder for an outgoing packet: whose, when, and a short id."""
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in who) or "panel"
    for _ in range(100):
        path = Path(folder) / f"{stem}-{date.today().isoformat()}-{new_id()[:8]}{KINDS[kind]}"
        if not path.exists():
            return path
    raise FileSystemError(f"cannot find a free file name in {folder}.")  # pragma: no cover


def receipt_path(folder: Path, return_file: Path) -> Path:
    path = Path(folder) / (Path(return_file).stem + KINDS["receipt"])
    return path if not path.exists() else outgoing_path(folder, Path(return_file).stem, "receipt")


# ----- picking up -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PickedUp:
    name: str
    kind: str
    summary: str


@dataclass
class FolderStatus:
    folder: Path
    picked_up: list[PickedUp] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # file name, reason
    waiting: list[tuple[str, str]] = field(default_factory=list)  # file name, why it waits
    left_alone: int = 0  # addressed to other workstations
    cancelled: bool = False

    def line(self) -> str:
        """The status line: what was picked up and written."""
        parts = [f"picked up {len(self.picked_up)}"]
        if self.written:
            parts.append(f"wrote {len(self.written)}")
        if self.rejected:
            parts.append(f"rejected {len(self.rejected)} (see rejected/)")
        if self.waiting:
            parts.append(f"{len(self.waiting)} waiting")
        if self.left_alone:
            parts.append(f"left {self.left_alone} for other workstations")
        text = "Exchange folder: " + ", ".join(parts) + "."
        return text + (" Cancelled." if self.cancelled else "")


def addressed_here(data: bytes, identity: pyrage.x25519.Identity) -> bool:
    """Whether this workstation's identity opens the file (its recipient is inside the
    encryption; age tells a file for other keys from a damaged one). A file that is not age
    at all, though named like a packet, is taken as addressed here: it fails the checks."""
    try:
        decrypt(data, identity)
    except WrongRecipient:
        return False
    except PacketRefused:
        return True  # damaged, or not age at all: it fails the checks, so it is rejected
    return True


def _free(target: Path) -> Path:
    if not target.exists():
        return target
    for number in range(1, 1000):
        candidate = target.with_name(f"{target.stem}.{number}{target.suffix}")
        if not candidate.exists():
            return candidate
    raise FileSystemError(f"cannot find a free file name for {target}.")  # pragma: no cover


def _move(path: Path, into: Path) -> Path:
    try:
        into.mkdir(exist_ok=True)
        target = _free(into / path.name)
        os.replace(path, target)
    except OSError as exc:
        raise FileSystemError(f"cannot move {path.name} to {into}: {exc.strerror or exc}") from None
    return target


def reject(path: Path, reason: str) -> Path:
    """Move a file that failed its checks to rejected/, with a short reason file beside it."""
    target = _move(path, path.parent / REJECTED)
    note = target.with_name(target.name + ".reason.txt")
    with contextlib.suppress(OSError):
        note.write_text(f"{target.name}\nrejected {utc_now()[:19]}Z\n{reason}\n", encoding="utf-8")
    return target


def _take_in(session: Session, path: Path, kind: str, folder: Path, status: FolderStatus) -> str:
    if kind == "return":
        receipt = receipt_path(folder, path)
        merged = merge_return(session, path, receipt)
        status.written.append(receipt)
        states = list(merged.outcomes.values())
        late = " (late)" if merged.late else ""
        return (f"return {merged.sequence}{late}: {states.count('done')} done, "
                f"{states.count('in_progress')} in progress, {states.count('given_back')} given back, "
                f"{states.count('conflict')} to conflicts; receipt {receipt.name}")
    if kind == "assignment":
        received = import_assignment(session, path)
        return f"{len(received.report_ids)} report(s) for stage {received.stage}, due {received.due[:10]}"
    if kind == "receipt":
        deleted, kept = import_receipt(session, path)
        return f"receipt: {len(deleted)} report(s) deleted here, {len(kept)} kept"
    deleted = import_revocation(session, path)
    return f"revocation: {len(deleted)} report(s) taken back and deleted here"


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # gone meanwhile (a sync tool moved it): sorted last, then reported
        return float("inf")


def pick_up(
    session: Session,
    folder: Path | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    settle_seconds: float = 0,
) -> FolderStatus:
    """Take in every packet in the folder addressed to this workstation (see the module).
    `settle_seconds`: files changed more recently than that are left for the next pick-up
    (a sync tool may still be writing them; a half-written file would fail its checks)."""
    folder = Path(folder) if folder is not None else exchange_folder(session)
    if folder is None:
        raise InputError("No exchange folder is set for this workstation.")
    if not folder.is_dir():
        raise FileSystemError(f"The exchange folder {folder} is not there (removable media not inserted?).")
    wanted = INCOMING[roles.role(session.db)]
    identity = workstation_identity(session.db)
    try:
        found = [p for p in folder.iterdir()
                 if p.suffix in SUFFIX_KIND and not p.name.startswith(".") and p.is_file()]
    except OSError as exc:
        raise FileSystemError(f"cannot read the exchange folder {folder}: {exc.strerror or exc}") from None
    order = {kind: number for number, kind in enumerate(wanted)}
    found.sort(key=lambda p: (order.get(SUFFIX_KIND[p.suffix], len(order)), _mtime(p), p.name))
    status = FolderStatus(folder)
    if settle_seconds > 0:
        recent = [p for p in found if time.time() - _mtime(p) < settle_seconds]
        status.waiting += [(p.name, "still being written (taken next time)") for p in recent]
        found = [p for p in found if p not in recent]
    for number, path in enumerate(found, start=1):
        if cancelled is not None and cancelled():
            status.cancelled = True
            break
        if progress is not None:
            progress(number - 1, len(found))
        kind = SUFFIX_KIND[path.suffix]
        try:
            data = read_file(path)
        except PacketRefused as exc:
            reject(path, exc.message)
            status.rejected.append((path.name, exc.message))
            continue
        except FileSystemError as exc:
            status.waiting.append((path.name, exc.message))
            continue
        if not addressed_here(data, identity):
            status.left_alone += 1
            continue
        if kind not in wanted:
            where = "a reviewer laptop" if roles.role(session.db) == roles.REVIEWER else "the coordinator"
            reason = f"Packet refused: it opens here, but a {kind} is not taken in on {where}."
            reject(path, reason)
            status.rejected.append((path.name, reason))
            continue
        try:
            summary = _take_in(session, path, kind, folder, status)
        except PacketRefused as exc:
            reject(path, exc.message)
            status.rejected.append((path.name, exc.message))
            continue
        except WorkstationError as exc:  # refused for now: it stays, and the status says why
            status.waiting.append((path.name, exc.message))
            continue
        _move(path, folder / TAKEN_IN)
        status.picked_up.append(PickedUp(path.name, kind, summary))
    if progress is not None and not status.cancelled:
        progress(len(found), len(found))
    return status
