"""The command line as a user drives it: each command, and one clear message per fault."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, Workstation
from tests.helpers.files import fingerprint, read_only_folder, run_cli, small_filesystem
from workstation.errors import ExitCode

NEW = "granite owl harvests thunder"


def secret_file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n")
    return str(path)


def as_alice(ws: Workstation, tmp_path: Path) -> list[str]:
    return ["--db", str(ws.path), "--reviewer", ALICE,
            "--passphrase-file", secret_file(tmp_path, "alice.pw", ALICE_PASSPHRASE)]


def assert_one_clear_message(result, code: int, pattern: str) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("workstation: ")
    assert re.search(pattern, lines[0]), lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_version_and_help() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and re.match(r"workstation \d+\.\d+", result.stdout)
    result = run_cli("--help")
    for command in ("init", "reviewer", "passphrase", "recover", "audit", "gui", "demo"):
        assert command in result.stdout


def test_starting_a_command_loads_no_detector_pdf_or_window_library() -> None:
    """Every command starts in well under a second: spaCy, Presidio, ReportLab, SciPy and Qt
    are loaded by the commands that use them, not by the parser."""
    heavy = ("spacy", "presidio_analyzer", "reportlab", "scipy", "numpy", "PySide6")
    probe = ("import sys, workstation.cli.main as m; m.build_parser(); "
             f"print(','.join(x for x in {heavy!r} if x in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"loaded at start: {result.stdout.strip()}"


def test_full_cli_session(tmp_path: Path) -> None:
    db = tmp_path / "data" / "w.db"
    init = run_cli("init", "--db", str(db), "--reviewer", "dana", "--display-name", "Dana E",
                   "--passphrase-file", secret_file(tmp_path, "dana.pw", "maple syrup rocket galaxy"))
    assert init.returncode == 0, init.stderr
    code = re.search(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})\b", init.stdout).group(1)
    assert db.exists() and Path(f"{db}.keys").exists()
    # The product's Argon2id cost, not the test session's cheap one (tests/helpers/cheap_kdf.py).
    slots = json.loads(Path(f"{db}.keys").read_text(encoding="utf-8"))["slots"]
    assert {(s["kdf"]["memory_kib"], s["kdf"]["time_cost"]) for s in slots} == {(256 * 1024, 3)}
    dana = ["--db", str(db), "--reviewer", "dana",
            "--passphrase-file", str(tmp_path / "dana.pw")]

    add = run_cli("reviewer", "add", *dana, "--name", "eve",
                  "--new-passphrase-file", secret_file(tmp_path, "eve.pw", "velvet comet pickle ocean"))
    assert add.returncode == 0, add.stderr

    listing = run_cli("reviewer", "list", "--json", "--db", str(db), "--reviewer", "eve",
                      "--passphrase-file", str(tmp_path / "eve.pw"))
    assert listing.returncode == 0, listing.stderr
    roster = json.loads(listing.stdout)
    assert [r["name"] for r in roster] == ["dana", "eve"]
    assert all(len(r["key_id"]) == 16 for r in roster)

    change = run_cli("passphrase", "change", *dana,
                     "--new-passphrase-file", secret_file(tmp_path, "dana2.pw", NEW))
    assert change.returncode == 0, change.stderr
    old = run_cli("audit", "verify", *dana)
    assert_one_clear_message(old, ExitCode.AUTH, "Wrong passphrase for reviewer 'dana'")

    recovered = run_cli("recover", "--db", str(db), "--reviewer", "dana",
                        "--recovery-code-file", secret_file(tmp_path, "code", code),
                        "--new-passphrase-file",
                        secret_file(tmp_path, "dana3.pw", "quiet meadow lantern forty"))
    assert recovered.returncode == 0, recovered.stderr

    verify = run_cli("audit", "verify", "--db", str(db), "--reviewer", "dana",
                     "--passphrase-file", str(tmp_path / "dana3.pw"))
    assert verify.returncode == 0 and "intact" in verify.stdout
    log = run_cli("audit", "log", "--json", "--db", str(db), "--reviewer", "eve",
                  "--passphrase-file", str(tmp_path / "eve.pw"))
    actions = [e["action"] for e in json.loads(log.stdout)]
    for action in ("workstation.create", "reviewer.add", "reviewer.passphrase_change",
                   "reviewer.recover", "session.unlock"):
        assert action in actions
    # Nothing secret reached the outputs or the log folder.
    logs = "".join(p.read_text() for p in Path(os.environ["WORKSTATION_LOG_DIR"]).glob("*.log*"))
    for secret in ("maple syrup", "velvet comet", "granite owl", "quiet meadow", code):
        assert secret not in verify.stdout + log.stdout + logs


def test_passphrase_without_terminal_or_file_is_a_clear_error(workstation: Workstation) -> None:
    result = run_cli("audit", "verify", "--db", str(workstation.path), "--reviewer", ALICE, stdin="")
    assert_one_clear_message(result, ExitCode.INPUT, "No passphrase given")


def test_weak_passphrase_at_init(tmp_path: Path) -> None:
    result = run_cli("init", "--db", str(tmp_path / "w.db"), "--reviewer", "dana",
                     "--passphrase-file", secret_file(tmp_path, "pw", "password1234"))
    assert_one_clear_message(result, ExitCode.INPUT, "too easy to guess")
    assert not (tmp_path / "w.db").exists()


def flip_byte_in_the_middle(ws: Workstation) -> None:
    data = bytearray(ws.path.read_bytes())
    data[len(data) // 2 + 7] ^= 0x40
    ws.path.write_bytes(bytes(data))


def truncate(ws: Workstation) -> None:
    os.truncate(ws.path, ws.path.stat().st_size - 1000)


def remove_keyfile(ws: Workstation) -> None:
    ws.keyfile.unlink()


def edit_keyfile(ws: Workstation) -> None:
    ws.keyfile.write_text(ws.keyfile.read_text().replace(f'"{BOB}"', '"mallory"'))


def make_too_new(ws: Workstation) -> None:
    import sqlcipher3

    from workstation.keys.keyfile import KeyFile
    from workstation.store.database import _raw_key

    key = KeyFile.load(ws.keyfile).unlock_reviewer(ALICE, ALICE_PASSPHRASE).data_key
    conn = sqlcipher3.connect(str(ws.path), isolation_level=None)
    conn.set_key(_raw_key(key))
    conn.execute("PRAGMA user_version = 42")
    conn.close()


def replace_with_plain_file(ws: Workstation) -> None:
    ws.path.write_bytes(b"SQLite format 3\x00" + bytes(4080))


@pytest.mark.parametrize(("damage", "code", "message"), [
    (flip_byte_in_the_middle, ExitCode.DAMAGED, "is damaged or has been tampered with"),
    (truncate, ExitCode.DAMAGED, "truncated"),
    (remove_keyfile, ExitCode.FILESYSTEM, "key file .* is missing"),
    (edit_keyfile, ExitCode.DAMAGED, "edited or damaged"),
    (make_too_new, ExitCode.TOO_NEW, "newer version"),
    (replace_with_plain_file, ExitCode.NOT_WORKSTATION, "not a workstation database"),
])
def test_each_fault_gives_one_message_and_changes_nothing(
    workstation: Workstation, tmp_path: Path, damage, code: int, message: str
) -> None:
    args = as_alice(workstation, tmp_path)
    damage(workstation)
    before = fingerprint(workstation.path.parent)
    result = run_cli("audit", "verify", *args)
    assert_one_clear_message(result, code, message)
    assert fingerprint(workstation.path.parent) == before


def test_wrong_passphrase_changes_nothing(workstation: Workstation, tmp_path: Path) -> None:
    before = fingerprint(workstation.path.parent)
    result = run_cli("audit", "verify", "--db", str(workstation.path), "--reviewer", BOB,
                     "--passphrase-file", secret_file(tmp_path, "pw", ALICE_PASSPHRASE))
    assert_one_clear_message(result, ExitCode.AUTH, "Wrong passphrase")
    assert fingerprint(workstation.path.parent) == before


def test_missing_database(tmp_path: Path) -> None:
    result = run_cli("audit", "verify", "--db", str(tmp_path / "none.db"), "--reviewer", ALICE,
                     "--passphrase-file", secret_file(tmp_path, "pw", ALICE_PASSPHRASE))
    assert_one_clear_message(result, ExitCode.FILESYSTEM, "no database at")


def test_read_only_folder(workstation: Workstation, tmp_path: Path) -> None:
    args = as_alice(workstation, tmp_path)
    before = fingerprint(workstation.path.parent)
    with read_only_folder(workstation.path.parent):
        result = run_cli("audit", "verify", *args)
    assert_one_clear_message(result, ExitCode.FILESYSTEM, "cannot write in the folder")
    assert fingerprint(workstation.path.parent) == before


def test_full_disk_during_a_write(workstation: Workstation, tmp_path: Path) -> None:
    args = as_alice(workstation, tmp_path)
    with small_filesystem(tmp_path / "tiny", size="1m") as folder:
        db = folder / "workstation.db"
        shutil.copy2(workstation.path, db)
        shutil.copy2(workstation.keyfile, f"{db}.keys")
        filler = folder / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:  # take every free byte
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        before = {k: v for k, v in fingerprint(folder).items() if k != "filler"}
        result = run_cli("reviewer", "add", "--db", str(db), *args[2:],
                         "--name", "carol",
                         "--new-passphrase-file", secret_file(tmp_path, "carol.pw", NEW))
        assert_one_clear_message(result, ExitCode.FILESYSTEM, "full|could not be written")
        after = fingerprint(folder)
        assert {k: after[k] for k in before} == before
        # SQLite may leave an empty WAL and its index behind: no frame, so no change.
        wal = folder / "workstation.db-wal"
        assert not wal.exists() or wal.stat().st_size == 0
        filler.unlink()
        ok = run_cli("reviewer", "list", "--json", "--db", str(db), *args[2:])
        assert ok.returncode == 0, ok.stderr
        assert "carol" not in ok.stdout
