"""The intake commands as the intake side and program staff use them."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation
from tests.helpers.files import run_cli
from tests.helpers.intake import valid_submission
from workstation.errors import ExitCode


def test_keygen_trust_make_import_list(workstation: Workstation, tmp_path: Path) -> None:
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    unlock = ["--db", str(workstation.path), "--reviewer", ALICE, "--passphrase-file", str(pw)]

    recipient = run_cli("keys", "show", *unlock)
    assert recipient.returncode == 0, recipient.stderr
    recipient_text = recipient.stdout.strip()
    assert recipient_text.startswith("age1")

    keygen = run_cli("intake", "keygen", "--out", str(tmp_path / "intake"))
    assert keygen.returncode == 0, keygen.stderr
    assert (tmp_path / "intake.key").stat().st_mode & 0o777 == 0o600
    pub = (tmp_path / "intake.pub").read_text().strip()
    assert pub.startswith("ed25519:") and len(pub) == 8 + 64

    subs = [valid_submission(str(uuid.uuid4())) for _ in range(5)]
    subs[1]["narrative"] = "SGT OREILLY AND I RESPONDED CODE 3 TO A 10-50 ON RT 9."
    jsonl = tmp_path / "reports.jsonl"
    jsonl.write_text("".join(json.dumps(s) + "\n" for s in subs))
    bundle = tmp_path / "batch.nmbundle"
    made = run_cli("bundle", "make", "--key", str(tmp_path / "intake.key"), "--to", recipient_text,
                   "--out", str(bundle), str(jsonl))
    assert made.returncode == 0, made.stderr

    # Not trusted yet: refused, one message, nothing imported.
    refused = run_cli("import", *unlock, str(bundle))
    assert refused.returncode == ExitCode.INPUT
    assert "no trusted intake keys" in refused.stderr and "Traceback" not in refused.stderr

    trusted = run_cli("intake", "trust", *unlock, str(tmp_path / "intake.pub"), "--label", "web")
    assert trusted.returncode == 0, trusted.stderr

    imported = run_cli("import", *unlock, str(bundle))
    assert imported.returncode == 0, imported.stderr
    assert "5 imported, 0 quarantined (0 conflicts), 0 duplicates" in imported.stdout

    again = run_cli("import", *unlock, str(bundle))
    assert again.returncode == 0 and "already imported" in again.stdout

    listed = run_cli("reports", "list", "--json", *unlock)
    rows = json.loads(listed.stdout)
    assert sorted(r["submission_id"] for r in rows) == sorted(s["submission_id"] for s in subs)
    assert {r["stage"] for r in rows} == {"received"}
    # No report text on stdout.
    assert "OREILLY" not in listed.stdout + imported.stdout
    quarantined = run_cli("quarantine", "list", "--json", *unlock)
    assert json.loads(quarantined.stdout) == []


def test_bundle_make_refuses_invalid_submissions(tmp_path: Path) -> None:
    run_cli("intake", "keygen", "--out", str(tmp_path / "k"))
    bad = valid_submission(str(uuid.uuid4()))
    bad["weather"] = "volcanic"
    (tmp_path / "r.jsonl").write_text(json.dumps(bad) + "\n")
    result = run_cli("bundle", "make", "--key", str(tmp_path / "k.key"), "--to",
                     "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
                     "--out", str(tmp_path / "x.nmbundle"), str(tmp_path / "r.jsonl"))
    assert result.returncode == ExitCode.INPUT
    assert "line 1" in result.stderr and "weather" in result.stderr
    assert not (tmp_path / "x.nmbundle").exists()


def test_import_without_analysis_then_analyse(workstation: Workstation, tmp_path: Path) -> None:
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    unlock = ["--db", str(workstation.path), "--reviewer", ALICE, "--passphrase-file", str(pw)]
    recipient = run_cli("keys", "show", *unlock).stdout.strip()
    assert run_cli("intake", "keygen", "--out", str(tmp_path / "intake")).returncode == 0
    assert run_cli("intake", "trust", *unlock, str(tmp_path / "intake.pub")).returncode == 0
    subs = [valid_submission(str(uuid.uuid4())) for _ in range(3)]
    subs[0]["narrative"] = "Sgt. Maria Delgado and I stopped a car on Harmon Blvd in Fairview."
    jsonl = tmp_path / "reports.jsonl"
    jsonl.write_text("".join(json.dumps(s) + "\n" for s in subs))
    bundle = tmp_path / "batch.nmbundle"
    assert run_cli("bundle", "make", "--key", str(tmp_path / "intake.key"), "--to", recipient,
                   "--out", str(bundle), str(jsonl)).returncode == 0

    imported = run_cli("import", "--no-analysis", *unlock, str(bundle))
    assert imported.returncode == 0, imported.stderr
    assert "3 imported" in imported.stdout and "suggested" not in imported.stdout
    analysed = run_cli("analyse", *unlock)
    assert analysed.returncode == 0, analysed.stderr
    assert analysed.stdout.startswith("Analysed 3 reports: ")
    found = int(analysed.stdout.split(": ")[1].split()[0])
    assert found >= 2  # at least the sergeant and the street
    assert "Delgado" not in analysed.stdout
    again = run_cli("analyse", *unlock)
    assert again.stdout.startswith("Analysed 0 reports: 0 identifiers")
