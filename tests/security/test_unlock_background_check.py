"""Issue 15 §6: unlock returns before the full page check, without checking less.

With `background_check=True` (the GUI) the page-HMAC and structure checks run on their
own connection after unlock returns; writes wait for them; a failure closes the database
and forgets the key (fail closed). These failed on the code before the fix: `unlock` had
no `background_check` and no `integrity` (TypeError / AttributeError).
"""

from __future__ import annotations

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation
from workstation.audit import chain
from workstation.errors import DamagedError, WorkstationError
from workstation.session import unlock
from workstation.store.database import PAGE_SIZE


def damage_a_page(ws: Workstation, page: int = -2) -> None:
    """Flip one byte inside a page's encrypted body (not page 1: that fails at once)."""
    data = bytearray(ws.path.read_bytes())
    pages = len(data) // PAGE_SIZE
    number = page % pages
    assert number > 0
    data[number * PAGE_SIZE + 100] ^= 0xFF
    ws.path.write_bytes(bytes(data))


def test_background_check_passes_then_writes_and_unlock_entry(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE, background_check=True)
    assert session.integrity.wait(30) and session.integrity.passed
    assert session.integrity.seconds is not None
    assert chain.entries(session.db, limit=1)[0].action == "session.unlock"
    with session.audited("test.write"):
        pass
    session.lock()


@pytest.mark.parametrize("page", [-1, -2, 2])
def test_damaged_page_fails_closed_in_the_background(workstation: Workstation, page: int) -> None:
    damage_a_page(workstation, page)
    with pytest.raises(DamagedError):  # the foreground check (CLI) refuses at once
        unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    try:
        session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE, background_check=True)
    except DamagedError:
        return  # the damaged page was one unlock itself reads: refused in the foreground
    assert session.integrity.wait(30)
    assert session.integrity.failed and session.integrity.problem
    assert session.locked  # fail closed: database closed, key wiped
    assert not any(session._data_key)
    with pytest.raises(WorkstationError), session.audited("test.write"):
        pass


def test_writes_wait_for_the_check(workstation: Workstation) -> None:
    """A write made at once waits for the check and then succeeds."""
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE, background_check=True)
    with session.audited("test.write"):
        assert session.integrity.passed  # the transaction began only after the check
    session.lock()


def test_lock_during_the_check_is_clean(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE, background_check=True)
    session.lock()
    assert session.locked and session.integrity.done
    unlock(workstation.path, ALICE, ALICE_PASSPHRASE).lock()
