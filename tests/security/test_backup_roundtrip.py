"""Backups: the database and its key file as one encrypted file, restored beside nothing.

A copy made by hand can go stale or lose its key file; `make_backup` copies both as a pair
with SQLite's backup API while unlocked, and `restore_backup` refuses to overwrite and
checks the pair opens before placing it. These tests fail on the code before backups
existed (there was no way to make or restore one).
"""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pyrage
import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.helpers.files import run_cli
from workstation.audit import chain
from workstation.backup import archive
from workstation.backup.copy import make_backup, restore_backup
from workstation.errors import AuthenticationError, DamagedError, ExitCode, InputError, WorkstationError
from workstation.keys.keyfile import keyfile_path_for
from workstation.session import unlock

BACKUP_PASSPHRASE = "orchard ferry copper whistle"


@pytest.fixture(scope="module")
def made(template_workstation: Workstation, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One backup of a copy of the template workstation (scrypt and Argon2id cost a second each)."""
    folder = tmp_path_factory.mktemp("source")
    source = folder / "workstation.db"
    shutil.copy2(template_workstation.path, source)
    shutil.copy2(template_workstation.keyfile, keyfile_path_for(source))
    session = unlock(source, ALICE, ALICE_PASSPHRASE)
    try:
        with session.audited("test.marker", "database"):
            pass  # something after the template was made, to find again after the restore
        (folder / "backups").mkdir()
        result = make_backup(session, folder / "backups" / "ws.nmbackup", BACKUP_PASSPHRASE)
        assert chain.entries(session.db, limit=1)[-1].action == "backup.create"
    finally:
        session.lock()
    return result.out


def test_round_trip_opens_with_every_reviewer_and_keeps_the_audit(made: Path, tmp_path: Path) -> None:
    out = made
    data = out.read_bytes()
    assert data.startswith(archive.AGE_MAGIC)
    assert b"SQLite format 3" not in data and b"alice" not in data  # one encrypted file

    target = tmp_path / "elsewhere" / "restored.db"
    target.parent.mkdir()
    result = restore_backup(out, target, BACKUP_PASSPHRASE, BOB, BOB_PASSPHRASE)
    assert result.db == target and keyfile_path_for(target).exists()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no staging left
    for name, passphrase in ((ALICE, ALICE_PASSPHRASE), (BOB, BOB_PASSPHRASE)):
        session = unlock(target, name, passphrase)
        try:
            actions = [e.action for e in chain.entries(session.db, limit=50)]
            assert "test.marker" in actions and actions.count("backup.restore") == 1
            assert chain.verify(session.db).intact
        finally:
            session.lock()


def test_restore_refuses_to_overwrite_and_wrong_secrets(made: Path, workstation: Workstation,
                                                        tmp_path: Path) -> None:
    out = made
    before = workstation.path.read_bytes()
    with pytest.raises(InputError, match="never overwrites"):
        restore_backup(out, workstation.path, BACKUP_PASSPHRASE, ALICE, ALICE_PASSPHRASE)
    assert workstation.path.read_bytes() == before
    lone_keyfile = tmp_path / "other" / "x.db"
    lone_keyfile.parent.mkdir()
    keyfile_path_for(lone_keyfile).write_text("{}")
    with pytest.raises(InputError, match="never overwrites"):
        restore_backup(out, lone_keyfile, BACKUP_PASSPHRASE, ALICE, ALICE_PASSPHRASE)

    target = tmp_path / "new" / "restored.db"
    target.parent.mkdir()
    with pytest.raises(AuthenticationError):
        restore_backup(out, target, "not the backup passphrase at all", ALICE, ALICE_PASSPHRASE)
    with pytest.raises(AuthenticationError):  # the pair is checked with a reviewer's passphrase
        restore_backup(out, target, BACKUP_PASSPHRASE, ALICE, BOB_PASSPHRASE)
    assert list(target.parent.iterdir()) == []  # nothing left behind by a refused restore


@pytest.mark.parametrize("attack", ["flip", "truncate", "extra member", "wrong hash", "not age"])
def test_a_damaged_or_forged_backup_is_refused(made: Path, tmp_path: Path, attack: str) -> None:
    out = made
    data = bytearray(out.read_bytes())
    if attack == "flip":
        data[len(data) // 2] ^= 1
    elif attack == "truncate":
        del data[-100:]
    elif attack == "not age":
        data = bytearray(b"SQLite format 3\x00" + bytes(data[16:]))
    else:  # re-packed by someone who knows the backup passphrase
        contents = archive.unpack(bytes(data), BACKUP_PASSPHRASE)
        import io
        import json
        plain = io.BytesIO()
        with tarfile.open(fileobj=plain, mode="w") as tar:
            manifest = dict(contents.manifest)
            members = dict(contents.files)
            if attack == "extra member":
                members["../evil"] = b"x"
            else:
                members[archive.DATABASE] = members[archive.DATABASE][:-4096]
            for name, content in (("manifest.json", json.dumps(manifest).encode()), *members.items()):
                info = tarfile.TarInfo(name)
                info.size = len(content)
                tar.addfile(info, io.BytesIO(content))
        data = bytearray(pyrage.passphrase.encrypt(plain.getvalue(), BACKUP_PASSPHRASE))
    forged = tmp_path / "forged.nmbackup"
    forged.write_bytes(bytes(data))
    target = tmp_path / "new" / "restored.db"
    target.parent.mkdir()
    with pytest.raises((AuthenticationError, DamagedError, InputError)):
        restore_backup(forged, target, BACKUP_PASSPHRASE, ALICE, ALICE_PASSPHRASE)
    assert list(target.parent.iterdir()) == []


def test_backup_refuses_a_weak_passphrase_and_an_existing_file(workstation: Workstation,
                                                                tmp_path: Path) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    try:
        head = chain.head(session.db)
        with pytest.raises(WorkstationError):
            make_backup(session, tmp_path / "a.nmbackup", "short")
        (tmp_path / "b.nmbackup").write_text("keep")
        with pytest.raises(InputError, match="already exists"):
            make_backup(session, tmp_path / "b.nmbackup", BACKUP_PASSPHRASE)
        with pytest.raises(InputError, match="invisible"):
            make_backup(session, tmp_path / "c\u200b.nmbackup", BACKUP_PASSPHRASE)
        assert chain.head(session.db) == head  # nothing audited: nothing happened
    finally:
        session.lock()
    assert (tmp_path / "b.nmbackup").read_text() == "keep"
    assert not (tmp_path / "a.nmbackup").exists()


def test_cli_backup_and_restore(workstation: Workstation, tmp_path: Path) -> None:
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    bpw = tmp_path / "bpw"
    bpw.write_text(BACKUP_PASSPHRASE + "\n")
    out = tmp_path / "ws.nmbackup"
    made = run_cli("backup", "--db", str(workstation.path), "--reviewer", ALICE, "--passphrase-file", str(pw),
                   "--out", str(out), "--backup-passphrase-file", str(bpw))
    assert made.returncode == 0, made.stderr
    target = tmp_path / "restored" / "workstation.db"
    target.parent.mkdir()
    restored = run_cli("restore", str(out), "--db", str(target), "--reviewer", ALICE,
                       "--passphrase-file", str(pw), "--backup-passphrase-file", str(bpw))
    assert restored.returncode == 0, restored.stderr
    again = run_cli("restore", str(out), "--db", str(target), "--reviewer", ALICE,
                    "--passphrase-file", str(pw), "--backup-passphrase-file", str(bpw))
    assert again.returncode == ExitCode.INPUT and "never overwrites" in again.stderr
    assert "Traceback" not in again.stderr
