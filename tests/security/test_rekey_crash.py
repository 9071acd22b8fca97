"""Issue 15 §4: the re-key survives a crash at every step (keys/pending.py gives the order).

A real subprocess deactivates bob and is killed with SIGKILL at each named step of the
change (the hook `workstation.keys.pending.CRASH_HOOK`), or from a timer while SQLCipher
rewrites the pages. Afterwards the database must open with alice's passphrase and the
recovery code; and either the deactivation committed, and then neither bob's passphrase
nor the data key his old slot held opens it, or it did not, and everything is as before.
Fails on the code before the fix: there was no re-key (bob's old key opened the database).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from workstation.audit import chain
from workstation.errors import AuthenticationError, DamagedError
from workstation.keys.keyfile import KeyFile, pending_path_for
from workstation.session import unlock
from workstation.store.database import Database

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("pending-written", "rekeyed", "committed", "checkpointed", "promoted")

SCRIPT = textwrap.dedent("""
    import os, signal, sys, threading, time
    from pathlib import Path
    from workstation.keys import pending
    from workstation.roster.membership import set_active
    from workstation.session import unlock
    path, step, delay = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    session = unlock(path, "alice", sys.argv[4])
    def die(name=None):
        os.kill(os.getpid(), signal.SIGKILL)
    if step == "timer":
        threading.Timer(delay, die).start()
    else:
        pending.CRASH_HOOK = lambda name: die() if name == step else None
    set_active(session, "bob", False)
    session.lock()
    if step == "timer":
        time.sleep(5)
    sys.exit(3)  # the hook did not fire
""")


def crash_while_deactivating(ws: Workstation, step: str, delay: float = 0.0) -> int:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ws.path), step, str(delay), ALICE_PASSPHRASE],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    return result.returncode


def assert_consistent(ws: Workstation, bob_old_key: bytearray) -> bool:
    """Alice opens; bob opens exactly when the deactivation did not commit. Returns whether it did."""
    alice = unlock(ws.path, ALICE, ALICE_PASSPHRASE)
    committed = "reviewer.deactivate" in [e.action for e in chain.entries(alice.db, limit=20)]
    assert chain.verify(alice.db).intact
    alice.lock()
    assert not pending_path_for(ws.keyfile).exists()  # settled by the unlock
    if committed:
        with pytest.raises(AuthenticationError, match="deactivated"):
            unlock(ws.path, BOB, BOB_PASSPHRASE)
        with pytest.raises(DamagedError):
            Database.open(ws.path, bob_old_key).close()
    else:
        unlock(ws.path, BOB, BOB_PASSPHRASE).lock()
    return committed


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_each_step(workstation: Workstation, step: str) -> None:
    bob_old_key = KeyFile.load(workstation.keyfile).unlock_reviewer(BOB, BOB_PASSPHRASE).data_key
    assert crash_while_deactivating(workstation, step) == -signal.SIGKILL
    if step == "pending-written":
        assert pending_path_for(workstation.keyfile).exists()
    committed = assert_consistent(workstation, bob_old_key)
    # Before the re-key nothing committed; from the re-key on, the deactivation did.
    assert committed == (step != "pending-written")


def test_killed_during_the_page_rewrite(workstation: Workstation) -> None:
    """A timer kills the process while the pages are rewritten, or near it: whatever the
    moment, the pair opens and is consistent."""
    bob_old_key = KeyFile.load(workstation.keyfile).unlock_reviewer(BOB, BOB_PASSPHRASE).data_key
    outcomes = set()
    for delay in (0.9, 1.3):  # around the end of unlock's Argon2id, where the re-key runs
        code = crash_while_deactivating(workstation, "timer", delay)
        assert code in (-signal.SIGKILL, 3)
        outcomes.add(assert_consistent(workstation, bob_old_key))
        if True in outcomes:
            break


def test_recovery_code_opens_after_a_crash(workstation: Workstation) -> None:
    from workstation.session import recover

    assert crash_while_deactivating(workstation, "checkpointed") == -signal.SIGKILL
    recover(workstation.path, ALICE, workstation.recovery_code, "granite owl harvests thunder").lock()
    unlock(workstation.path, ALICE, "granite owl harvests thunder").lock()
