"""The panel's command line: names fixed for scripts, fingerprints printed last, a laptop
that refuses intake bundles."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.exchange import LAPTOP_PASSPHRASES, ThreeDatabases
from tests.helpers.stories import story
from workstation.cli.main import main
from workstation.errors import ExitCode

PASSPHRASE = "granite orchard lantern ninety"


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_laptop_made_and_enrolled_from_the_command_line(three: ThreeDatabases, tmp_path: Path,
                                                          capsys) -> None:
    coordinator_db = three.coordinator.path
    three.coordinator.lock()
    staff = tmp_path / "alice.pass"
    staff.write_text(ALICE_PASSPHRASE + "\n")
    mine = tmp_path / "erin.pass"
    mine.write_text(PASSPHRASE + "\n")
    laptop = tmp_path / "erin" / "workstation.db"
    as_erin = ["--db", str(laptop), "--reviewer", "erin", "--passphrase-file", str(mine)]
    as_alice = ["--db", str(coordinator_db), "--reviewer", ALICE, "--passphrase-file", str(staff)]
    assert run(capsys, "init", "--role", "reviewer", *as_erin)[0] == ExitCode.OK
    code, out = run(capsys, "panel", "enrolment", "--out", str(tmp_path / "erin.enrol"), *as_erin)
    assert code == ExitCode.OK
    enrolment_print = out.strip().splitlines()[-1]
    assert len(enrolment_print) == 20 and int(enrolment_print, 16) >= 0
    code, out = run(capsys, "panel", "coordinator-key", "--out", str(tmp_path / "c.key"), *as_alice)
    coordinator_print = out.strip().splitlines()[-1]
    assert code == ExitCode.OK and len(coordinator_print) == 20
    assert run(capsys, "panel", "enrol", str(tmp_path / "erin.enrol"), "--fingerprint", enrolment_print,
               *as_alice)[0] == ExitCode.OK
    assert run(capsys, "panel", "trust", str(tmp_path / "c.key"), "--fingerprint", coordinator_print,
               *as_erin)[0] == ExitCode.OK


def test_assign_work_return_merge_and_receipt_from_the_command_line(three: ThreeDatabases, tmp_path: Path,
                                                                     capsys) -> None:
    (report_id,) = three.panel.import_reports(story("A quiet night on patrol, nothing to report."))
    coordinator_db = three.coordinator.path
    three.coordinator.lock()
    three.laptops["carol"].lock()
    staff = tmp_path / "alice.pass"
    staff.write_text(ALICE_PASSPHRASE + "\n")
    mine = tmp_path / "carol.pass"
    mine.write_text(LAPTOP_PASSPHRASES["carol"] + "\n")
    laptop = str(three.laptops["carol"].path)
    as_carol = ["--db", laptop, "--reviewer", "carol", "--passphrase-file", str(mine)]
    coordinator = ["--db", str(coordinator_db), "--passphrase-file", str(staff)]
    code, out = run(capsys, "assign", "--reviewer", "carol", "--stage", "1", "--reports", str(report_id),
                    "--due", "2099-12-31", "--out", str(tmp_path / "a.nmwork"), "--staff", ALICE,
                    *coordinator)
    assert code == ExitCode.OK, out
    assert run(capsys, "work", "import", str(tmp_path / "a.nmwork"), *as_carol)[0] == ExitCode.OK
    code, out = run(capsys, "returns", "export", "--out", str(tmp_path / "r.nmreturn"), *as_carol)
    assert code == ExitCode.INPUT and "no work to return" in out
    code, out = run(capsys, "returns", "export", "--give-back", "--out", str(tmp_path / "r.nmreturn"),
                    *as_carol)
    assert code == ExitCode.OK and "1 given back" in out
    code, out = run(capsys, "returns", "import", str(tmp_path / "r.nmreturn"), "--receipt-out",
                    str(tmp_path / "r.nmreceipt"), "--reviewer", ALICE, *coordinator)
    assert code == ExitCode.OK and "1 given back" in out
    code, out = run(capsys, "receipt", "import", str(tmp_path / "r.nmreceipt"), *as_carol)
    assert code == ExitCode.OK and "1 reports deleted" in out
    code, out = run(capsys, "panel", "list", "--json", "--reviewer", ALICE, *coordinator)
    assert code == ExitCode.OK and [(r["reviewer"], r["reports_out"]) for r in json.loads(out)] == \
        [("carol", 0), ("dave", 0)]
