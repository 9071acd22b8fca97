"""Issue 15 §5: committed changes lost behind the workstation's back are refused at unlock.

The key file records the audit chain's head (HMAC-covered) at each roster change, each
`note_chain_head()` (after a sign-off) and each lock; unlock refuses, "this database is
older than its key file", when the chain does not hold it. And the database check runs
SQLite's quick_check beside cipher_integrity_check. Each attack below unlocked silently on
the code before the fix (checked against HEAD's session.py and store/database.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from workstation.errors import DamagedError
from workstation.roster.membership import add_reviewer
from workstation.session import unlock
from workstation.store.database import PAGE_SIZE

ROOT = Path(__file__).resolve().parents[2]

# Commit a change, then die without closing: the change is in the WAL only.
CHANGE_THEN_DIE = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from workstation.session import unlock
    from workstation.intake.trust import trust_intake_key
    from workstation.roster.membership import add_reviewer
    session = unlock(Path(sys.argv[1]), "alice", sys.argv[2])
    what = sys.argv[3]
    if what == "add-reviewer":
        add_reviewer(session, "carol", "velvet comet ladder ninety")
    elif what == "signed":  # any commit followed by note_chain_head(), as apply does after a sign-off
        trust_intake_key(session, bytes(range(32)), label="extra")
        session.note_chain_head()
    os.kill(os.getpid(), signal.SIGKILL)
""")


def change_then_die(ws: Workstation, what: str) -> None:
    result = subprocess.run([sys.executable, "-c", CHANGE_THEN_DIE, str(ws.path), ALICE_PASSPHRASE, what],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert Path(str(ws.path) + "-wal").stat().st_size > 0


def wal(ws: Workstation) -> Path:
    return Path(str(ws.path) + "-wal")


@pytest.mark.parametrize("what", ["add-reviewer", "signed"])
def test_deleted_wal_after_a_crash_is_refused(workstation: Workstation, what: str) -> None:
    change_then_die(workstation, what)
    wal(workstation).unlink()
    Path(str(workstation.path) + "-shm").unlink(missing_ok=True)
    with pytest.raises(DamagedError, match="older than its key file"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    with pytest.raises(DamagedError, match="older than its key file"):
        unlock(workstation.path, BOB, BOB_PASSPHRASE)


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_wal_after_a_crash_is_refused(workstation: Workstation, keep: float) -> None:
    change_then_die(workstation, "add-reviewer")
    data = wal(workstation).read_bytes()
    wal(workstation).write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(DamagedError, match="older than its key file"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)


def test_wal_kept_after_a_crash_opens(workstation: Workstation) -> None:
    """The control: the same crash with the WAL left alone opens, with the change."""
    change_then_die(workstation, "add-reviewer")
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    assert session.db.query_one("SELECT 1 FROM reviewers WHERE name = 'carol'") is not None
    session.lock()


def _pages(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [data[i:i + PAGE_SIZE] for i in range(0, len(data), PAGE_SIZE)]


def test_pages_replayed_from_an_older_copy_are_refused(workstation: Workstation, tmp_path: Path) -> None:
    """Each page that differs from an older copy of the same database (same key, so every
    page carries a valid HMAC) is put back alone; each replay is refused at unlock."""
    older = tmp_path / "older.db"
    shutil.copy2(workstation.path, older)
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    add_reviewer(session, "carol", "velvet comet ladder ninety")
    session.lock()  # checkpointed: the database file holds everything
    current, old = _pages(workstation.path), _pages(older)
    differing = [n for n in range(min(len(current), len(old))) if current[n] != old[n]]
    assert differing
    saved = workstation.path.read_bytes()
    refused = 0
    for number in differing:
        replayed = bytearray(saved)
        replayed[number * PAGE_SIZE:(number + 1) * PAGE_SIZE] = old[number]
        workstation.path.write_bytes(bytes(replayed))
        with pytest.raises(DamagedError):
            unlock(workstation.path, ALICE, ALICE_PASSPHRASE).lock()
        refused += 1
    workstation.path.write_bytes(saved)
    unlock(workstation.path, ALICE, ALICE_PASSPHRASE).lock()
    assert refused == len(differing)


def test_whole_database_replaced_by_an_older_copy_is_refused(workstation: Workstation,
                                                             tmp_path: Path) -> None:
    older = tmp_path / "older.db"
    shutil.copy2(workstation.path, older)
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    add_reviewer(session, "carol", "velvet comet ladder ninety")
    session.lock()
    shutil.copy2(older, workstation.path)
    with pytest.raises(DamagedError, match="older than its key file"):
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
