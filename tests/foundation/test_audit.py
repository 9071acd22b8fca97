"""The audit chain: written with every change, append-only, and verifiable."""

from __future__ import annotations

import itertools

import pytest
import sqlcipher3

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation
from tests.helpers.files import run_cli
from workstation.audit import chain
from workstation.errors import ExitCode
from workstation.keys.keyfile import KeyFile
from workstation.session import unlock
from workstation.store.database import _raw_key


def test_every_change_is_chained(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    entries = chain.entries(session.db)
    assert [e.action for e in entries][:3] == ["workstation.create", "reviewer.add", "reviewer.add"]
    assert entries[0].prev_hash == chain.GENESIS
    for earlier, later in itertools.pairwise(entries):
        assert later.prev_hash == earlier.hash
        assert later.seq == earlier.seq + 1
    result = chain.verify(session.db)
    assert result.intact and result.entries == len(entries)
    session.lock()


def test_audit_table_refuses_update_and_delete(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    for statement in ("UPDATE audit SET actor = 'x' WHERE seq = 1", "DELETE FROM audit WHERE seq = 1"):
        with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="append-only"), \
                session.db.transaction() as tx:
            tx.execute(statement)
    assert chain.verify(session.db).intact
    session.lock()


def test_payloads_refuse_text(workstation: Workstation) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    with pytest.raises(ValueError, match="not text"), session.audited("x.y", payload={"t": "w" * 500}):
        pass
    session.lock()


def _data_key(ws: Workstation) -> bytearray:
    opened = KeyFile.load(ws.keyfile).unlock_reviewer(ALICE, ALICE_PASSPHRASE)
    return opened.data_key


def _tamper(ws: Workstation, *statements: str) -> None:
    """Change the audit table behind the store's back: raw key, triggers dropped."""
    conn = sqlcipher3.connect(str(ws.path), isolation_level=None)
    conn.set_key(_raw_key(_data_key(ws)))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def _verify_cli(ws: Workstation, tmp_path) -> tuple[int, str]:
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    result = run_cli("audit", "verify", "--db", str(ws.path), "--reviewer", ALICE,
                     "--passphrase-file", str(pw))
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout


def test_verify_cli_reports_intact_chain(workstation: Workstation, tmp_path) -> None:
    code, out = _verify_cli(workstation, tmp_path)
    assert code == ExitCode.OK
    assert "Audit chain intact" in out


def test_edited_entry_is_named(workstation: Workstation, tmp_path) -> None:
    _tamper(workstation, "UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    code, out = _verify_cli(workstation, tmp_path)
    assert code == ExitCode.AUDIT_BROKEN
    assert "BROKEN at entry 2" in out and "changed" in out


def test_edited_payload_is_named(workstation: Workstation, tmp_path) -> None:
    _tamper(workstation, "UPDATE audit SET payload = '{\"key_id\":\"0000\"}' WHERE seq = 3")
    code, out = _verify_cli(workstation, tmp_path)
    assert code == ExitCode.AUDIT_BROKEN
    assert "entry 3" in out


def test_deleted_entry_is_named(workstation: Workstation, tmp_path) -> None:
    _tamper(workstation, "DELETE FROM audit WHERE seq = 2")
    code, out = _verify_cli(workstation, tmp_path)
    assert code == ExitCode.AUDIT_BROKEN
    assert "entry 2 is missing" in out


def test_rewritten_entry_with_its_own_hash_breaks_the_next_link(workstation: Workstation, tmp_path) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    first = chain.entries(session.db)[0]
    session.lock()
    forged = chain.entry_hash(first.seq, first.at, "mallory", first.action, first.object,
                              first.payload, first.prev_hash)
    _tamper(workstation, f"UPDATE audit SET actor = 'mallory', hash = '{forged}' WHERE seq = 1")
    code, out = _verify_cli(workstation, tmp_path)
    assert code == ExitCode.AUDIT_BROKEN
    assert "entry 2 does not follow entry 1" in out
