"""Issue 15 §5: cutting off (or rewriting) the audit chain's tail is caught by an anchor.

Each lock writes `<db>.anchor` (the chain's head); each publication manifest carries one.
`audit verify --anchor FILE` fails (exit 9) when the chain no longer holds that entry. The
attacker here holds the raw key, so they also rewrite the key file's recorded head and its
HMAC (the key file alone cannot stop a key holder); the anchor kept elsewhere does. Failed on
the code before the fix: `--anchor` did not exist (exit 2) and the truncated chain verified.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation
from tests.helpers.files import run_cli
from workstation.audit import chain
from workstation.audit.anchor import anchor_path_for, read_anchor
from workstation.errors import ExitCode, InputError
from workstation.keys.agreement import stamp
from workstation.keys.keyfile import KeyFile
from workstation.session import unlock
from workstation.store.database import _raw_key
from workstation.workflow.verification import verify_everything


def grow_chain(ws: Workstation, times: int = 3) -> None:
    for _ in range(times):
        unlock(ws.path, ALICE, ALICE_PASSPHRASE).lock()


def cut_tail(ws: Workstation, keep: int, *, append_forgery: bool = False) -> None:
    """Delete the entries after `keep` (raw key, triggers dropped) and make the key file agree."""
    keyfile = KeyFile.load(ws.keyfile)
    key = keyfile.unlock_reviewer(ALICE, ALICE_PASSPHRASE).data_key
    conn = sqlcipher3.connect(str(ws.path), isolation_level=None)
    conn.set_key(_raw_key(key))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE seq > ?", (keep,))
    if append_forgery:  # a different entry, correctly chained, in the place of the first one cut
        prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", (keep,)).fetchone()[0]
        digest = chain.entry_hash(keep + 1, "2026-01-01T00:00:00Z", "alice", "session.lock", "database", {},
                                  prev)
        conn.execute("INSERT INTO audit(seq, at, actor, action, object, payload, prev_hash, hash) "
                     "VALUES (?, '2026-01-01T00:00:00Z', 'alice', 'session.lock', 'database', '{}', ?, ?)",
                     (keep + 1, prev, digest))
    stamp(keyfile, conn, key)
    conn.close()
    keyfile.save()


def cli_verify(ws: Workstation, tmp_path: Path, *extra: str):
    secret = tmp_path / "pass.txt"
    secret.write_text(ALICE_PASSPHRASE + "\n")
    return run_cli("audit", "verify", "--db", str(ws.path), "--reviewer", ALICE,
                   "--passphrase-file", str(secret), *extra)


def test_lock_writes_the_anchor_and_it_verifies(workstation: Workstation, tmp_path: Path) -> None:
    grow_chain(workstation, 1)
    anchor = read_anchor(anchor_path_for(workstation.path))
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    assert chain.head(session.db)[0] == anchor.seq + 1  # this unlock's entry follows it
    report = verify_everything(session.db, anchor)
    session.lock()
    assert report.intact and report.anchor is not None and report.anchor.held
    result = cli_verify(workstation, tmp_path, "--anchor", str(anchor_path_for(workstation.path)))
    assert result.returncode == ExitCode.OK, result.stdout + result.stderr
    assert "Anchor held" in result.stdout


@pytest.mark.parametrize("cut", [1, 3, 6])
def test_tail_truncation_fails_against_a_kept_anchor(workstation: Workstation, tmp_path: Path,
                                                     cut: int) -> None:
    grow_chain(workstation)
    kept = tmp_path / "kept.anchor"  # the anchor file copied off the laptop
    shutil.copy2(anchor_path_for(workstation.path), kept)
    seq = read_anchor(kept).seq
    cut_tail(workstation, seq - cut)
    result = cli_verify(workstation, tmp_path)
    assert result.returncode == ExitCode.OK  # the chain left is intact: without an anchor nothing shows
    result = cli_verify(workstation, tmp_path, "--anchor", str(kept))
    assert result.returncode == ExitCode.AUDIT_BROKEN
    # That verify's own unlock wrote one entry after the cut: with one entry cut it took the
    # anchored entry's place (a different entry), with more the chain still ends before it.
    assert "Anchor NOT held" in result.stdout
    assert ("rewritten from there on" if cut == 1 else "tail was removed") in result.stdout


def test_rewritten_tail_fails_against_a_manifest_head(workstation: Workstation, tmp_path: Path) -> None:
    grow_chain(workstation)
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    seq, digest = chain.head(session.db)
    session.lock()
    manifest = tmp_path / "manifest.json"  # the shape publication manifests carry
    manifest.write_text(json.dumps({"format": "near-miss-publication", "reports": [],
                                    "audit_head": {"seq": seq, "hash": digest}}))
    cut_tail(workstation, seq - 1, append_forgery=True)
    result = cli_verify(workstation, tmp_path, "--anchor", str(manifest))
    assert result.returncode == ExitCode.AUDIT_BROKEN
    assert "rewritten" in result.stdout


def test_anchor_of_another_database_fails(workstation: Workstation, template_workstation: Workstation,
                                          tmp_path: Path) -> None:
    other = tmp_path / "other.anchor"
    document = json.loads(anchor_path_for(template_workstation.path).read_text()) \
        if anchor_path_for(template_workstation.path).exists() else None
    assert document is not None
    document["database_id"] = "00000000-0000-0000-0000-000000000000"
    other.write_text(json.dumps(document))
    result = cli_verify(workstation, tmp_path, "--anchor", str(other))
    assert result.returncode == ExitCode.AUDIT_BROKEN and "another database" in result.stdout


@pytest.mark.parametrize("content", [b"not json", b"{}", b'{"audit_head": {"seq": 1, "hash": "xyz"}}',
                                     b'{"audit_head": {"seq": -1, "hash": "' + b"0" * 64 + b'"}}'])
def test_bad_anchor_file_is_one_clear_input_error(workstation: Workstation, tmp_path: Path,
                                                  content: bytes) -> None:
    bad = tmp_path / "bad.anchor"
    bad.write_bytes(content)
    with pytest.raises(InputError):
        read_anchor(bad)
    result = cli_verify(workstation, tmp_path, "--anchor", str(bad))
    assert result.returncode == ExitCode.INPUT and result.stderr.count("\n") == 1
