"""Options shared by most commands may come before the command as well as after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workstation.cli.main import apply_global_options, build_parser
from workstation.errors import ExitCode
from workstation.session import create_workstation

PASSPHRASE = "orbit tulip seventy gravel"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workstation", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120)


def test_db_reviewer_and_passphrase_file_before_the_command_reach_it(tmp_path: Path) -> None:
    db = tmp_path / "ws.db"
    create_workstation(db, "carol", PASSPHRASE).session.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    before = cli("--db", str(db), "--reviewer", "carol", "--passphrase-file", str(secret), "reports", "list")
    after = cli("reports", "list", "--db", str(db), "--reviewer", "carol", "--passphrase-file", str(secret))
    assert before.returncode == after.returncode == ExitCode.OK, before.stderr
    assert before.stdout == after.stdout and "0 reports" in before.stdout


def test_a_global_option_the_command_does_not_take_is_a_usage_error() -> None:
    parser = build_parser()
    args = parser.parse_args(["--db", "x.db", "eval", "corpus.jsonl"])
    with pytest.raises(SystemExit) as stopped:
        apply_global_options(parser, args)
    assert stopped.value.code == ExitCode.USAGE


def test_two_different_values_are_refused_and_the_same_value_twice_is_fine() -> None:
    parser = build_parser()
    args = parser.parse_args(["--db", "a.db", "reports", "list", "--db", "b.db"])
    with pytest.raises(SystemExit):
        apply_global_options(parser, args)
    same = parser.parse_args(["--db", "a.db", "reports", "list", "--db", "a.db"])
    apply_global_options(parser, same)
    assert same.db == Path("a.db")
